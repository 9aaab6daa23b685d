"""Score the grammar check's engines side by side on the shared grammar data.

    python bench/grammar_bench.py [--data ../shared/data/grammar] [--engines builtin,languagetool]
                                  [--server URL] [--show 10] [--json]

Two data sets (see the data folder's README):

- injected.jsonl: real county posts with one injected error each, beside the
  untouched originals. Recall per error type (an error counts as found when a
  grammar finding overlaps its span), and false alarms per 1,000 words on the
  originals (every finding on an original counts).
- lt_examples.jsonl: LanguageTool's example sentences, limited to the categories
  that are grammar errors (GRAMMAR, TYPOS, CONFUSED_WORDS) and to rules LanguageTool
  ships switched on. Recall on the marked errors; false alarms per 100 of the
  correct sentences.

- ../shared/data/posts/county_government.jsonl (--posts N, default 1000: every k-th of
  the real county posts, not labeled): findings per 1,000 words, all counted as false
  alarms (the posts are published and almost all correct; read --show to judge), and
  the rules that fire most. This is what lt_skip_rules.txt is tuned against.

The languagetool column is the grammar check as users get it with LanguageTool: its
matches plus the precise builtin rules (confusables, a/an, repeated words), merged.

Speed is the engine's own time per post, on top of the spaCy Doc (whose cost is
reported once). The languagetool engine is used when a server answers (--server,
the one 'post-lint languagetool start' left, or 127.0.0.1:8081); it is left out
with a note otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from post_lint import nlp as nlp_module  # noqa: E402
from post_lint.api import Context  # noqa: E402
from post_lint.document import parse  # noqa: E402
from post_lint.registry import load_check  # noqa: E402

GRAMMAR_CATEGORIES = ("GRAMMAR", "TYPOS", "CONFUSED_WORDS")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_all(texts: list[str], components: tuple[str, ...]) -> tuple[list, float]:
    docs = [parse(text, "post.txt")[0] for text in texts]
    start = time.perf_counter()
    spacy_docs = nlp_module.parse_many(None, components, [d.prose for d in docs])
    elapsed = time.perf_counter() - start
    for doc, spacy_doc in zip(docs, spacy_docs, strict=True):
        doc.nlp = spacy_doc
    return docs, elapsed


def run_engine(check, docs: list, options: dict) -> tuple[list[list], list[float], dict[str, str], list[str]]:
    resolved = {key: opt.default for key, opt in check.options.items()}
    resolved.update(options)
    results, times, notes, skipped = [], [], {}, []
    for doc in docs:
        ctx = Context(check, resolved, check.severity, "official")
        start = time.perf_counter()
        try:
            found = list(check.run(doc, ctx))
        except Exception as exc:  # SkipCheck and crashes alike: count as nothing found
            found = []
            skipped.append(f"{type(exc).__name__}: {exc}")
        times.append(time.perf_counter() - start)
        notes.update(ctx.notes)
        results.append(found)
    return results, times, notes, skipped


def overlaps(findings: list, start: int, end: int) -> bool:
    return any(f.offset < end and start < f.offset + max(f.length, 1) for f in findings)


def score(records: list[dict], lt_records: list[dict], docs: list, lt_docs: list, findings: list, lt_findings: list) -> dict:
    by_type: dict[str, Counter] = defaultdict(Counter)
    false_alarms, words, fa_examples = 0, 0, []
    for record, doc, found in zip(records, docs, findings, strict=True):
        error = record["error"]
        if error is None:
            false_alarms += len(found)
            words += len(_WORD.findall(doc.words_text))
            fa_examples += [(record["id"], f.rule, doc.text[f.offset : f.offset + f.length], doc.text) for f in found]
            continue
        hit = overlaps(found, error["offset"], error["offset"] + error["length"])
        by_type[record["type"]]["found" if hit else "missed"] += 1
    total_found = sum(c["found"] for c in by_type.values())
    total = sum(c["found"] + c["missed"] for c in by_type.values())
    lt_by_category: dict[str, Counter] = defaultdict(Counter)
    lt_fa, lt_fa_sentences, lt_correct, lt_fa_examples = 0, 0, 0, []
    for record, doc, found in zip(lt_records, lt_docs, lt_findings, strict=True):
        error = record["error"]
        if error is None:
            lt_correct += 1
            lt_fa += len(found)
            lt_fa_sentences += bool(found)
            lt_fa_examples += [(record["id"], f.rule, doc.text[f.offset : f.offset + f.length], doc.text) for f in found]
            continue
        hit = overlaps(found, error["offset"], error["offset"] + error["length"])
        lt_by_category[record["category"]]["found" if hit else "missed"] += 1
    lt_found = sum(c["found"] for c in lt_by_category.values())
    lt_total = sum(c["found"] + c["missed"] for c in lt_by_category.values())
    return {
        "injected_recall": {t: round(c["found"] / (c["found"] + c["missed"]), 3) for t, c in sorted(by_type.items())},
        "injected_recall_all": round(total_found / total, 3) if total else None,
        "originals_false_alarms": false_alarms,
        "originals_words": words,
        "originals_false_alarms_per_1000_words": round(1000 * false_alarms / words, 2) if words else None,
        "lt_recall": {c: round(v["found"] / (v["found"] + v["missed"]), 3) for c, v in sorted(lt_by_category.items())},
        "lt_recall_all": round(lt_found / lt_total, 3) if lt_total else None,
        "lt_correct_sentences": lt_correct,
        "lt_false_alarms_per_100_sentences": round(100 * lt_fa / lt_correct, 2) if lt_correct else None,
        "lt_sentences_flagged_per_100": round(100 * lt_fa_sentences / lt_correct, 2) if lt_correct else None,
        "_fa_examples": fa_examples,
        "_lt_fa_examples": lt_fa_examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "grammar"))
    parser.add_argument("--engines", default="builtin,languagetool")
    parser.add_argument("--server", default="", help="LanguageTool URL (default: look on 127.0.0.1)")
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms per engine")
    parser.add_argument("--posts", type=int, default=1000, help="real county posts to sample (0: none)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    data = Path(args.data)
    records = load(data / "injected.jsonl")
    lt_records = [r for r in load(data / "lt_examples.jsonl") if r["category"] in GRAMMAR_CATEGORIES and not r["default_off"]]
    check = load_check("grammar")
    docs, spacy_seconds = parse_all([r["text"] for r in records], check.nlp)
    lt_docs, _ = parse_all([r["text"] for r in lt_records], check.nlp)

    posts_path = ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl"
    posts = load(posts_path) if args.posts and posts_path.exists() else []
    if posts:
        step = max(len(posts) // args.posts, 1)
        posts = posts[::step][: args.posts]
    post_docs, _ = parse_all([p["text"] for p in posts], check.nlp) if posts else ([], 0.0)

    report: dict[str, dict] = {}
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        options = {"engine": engine, "server": args.server, "start-wait": 0.0, "autostart": False}
        findings, times, notes, skipped = run_engine(check, docs, options)
        if engine == "languagetool" and len(skipped) == len(docs):
            report[engine] = {"unavailable": skipped[0]}
            continue
        lt_findings, lt_times, _, _ = run_engine(check, lt_docs, options)
        result = score(records, lt_records, docs, lt_docs, findings, lt_findings)
        if post_docs:
            post_findings, _, _, _ = run_engine(check, post_docs, options)
            post_words = sum(len(_WORD.findall(d.words_text)) for d in post_docs)
            flat = [(f, d) for found, d in zip(post_findings, post_docs, strict=True) for f in found]
            result["posts"] = len(post_docs)
            result["posts_words"] = post_words
            result["posts_findings_per_1000_words"] = round(1000 * len(flat) / post_words, 2) if post_words else None
            result["posts_top_rules"] = Counter(f.rule for f, _ in flat).most_common(12)
            result["_posts_examples"] = [(f.rule, d.text[f.offset : f.offset + f.length], d.text) for f, d in flat]
        result["ms_per_post"] = round(1000 * sum(times) / len(times), 2)
        result["ms_per_post_p95"] = round(1000 * sorted(times)[int(0.95 * len(times))], 2)
        result["note"] = notes.get("grammar engine", "")
        result["skipped_posts"] = len(skipped)
        report[engine] = result

    report["spacy"] = {"ms_per_post": round(1000 * spacy_seconds / len(docs), 2), "posts": len(docs)}
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in report.items()}, indent=2))
        return 0
    _print_table(report, args.show)
    return 0


def _print_table(report: dict, show: int) -> None:
    engines = [e for e in report if e != "spacy" and "unavailable" not in report[e]]
    for name, value in report.items():
        if isinstance(value, dict) and "unavailable" in value:
            print(f"{name}: not run ({value['unavailable']})")
    if not engines:
        return
    width = 22
    print(f"{'':34}" + "".join(f"{e:>{width}}" for e in engines))
    types = sorted({t for e in engines for t in report[e]["injected_recall"]})
    print("injected posts: recall per type")
    for t in types:
        print(f"  {t:32}" + "".join(f"{report[e]['injected_recall'].get(t, 0):>{width}.3f}" for e in engines))
    rows = [
        ("  recall, all types", "injected_recall_all", ".3f"),
        ("  false alarms / 1,000 words", "originals_false_alarms_per_1000_words", ".2f"),
        ("  false alarms (count)", "originals_false_alarms", "d"),
    ]
    for label, key, fmt in rows:
        print(f"{label:34}" + "".join(f"{report[e][key]:>{width}{fmt}}" for e in engines))
    print("LanguageTool examples (GRAMMAR, TYPOS, CONFUSED_WORDS; rules on by default)")
    cats = sorted({c for e in engines for c in report[e]["lt_recall"]})
    for c in cats:
        print(f"  recall {c:25}" + "".join(f"{report[e]['lt_recall'].get(c, 0):>{width}.3f}" for e in engines))
    for label, key, fmt in (
        ("  recall, all", "lt_recall_all", ".3f"),
        ("  false alarms / 100 correct", "lt_false_alarms_per_100_sentences", ".2f"),
        ("  correct sentences flagged %", "lt_sentences_flagged_per_100", ".2f"),
    ):
        print(f"{label:34}" + "".join(f"{report[e][key]:>{width}{fmt}}" for e in engines))
    if all("posts" in report[e] for e in engines):
        print(f"real county posts ({report[engines[0]]['posts']} posts, {report[engines[0]]['posts_words']} words)")
        print(
            f"{'  findings / 1,000 words':34}"
            + "".join(f"{report[e]['posts_findings_per_1000_words']:>{width}.2f}" for e in engines)
        )
    print(f"{'ms per post (mean)':34}" + "".join(f"{report[e]['ms_per_post']:>{width}.2f}" for e in engines))
    print(f"{'ms per post (p95)':34}" + "".join(f"{report[e]['ms_per_post_p95']:>{width}.2f}" for e in engines))
    print(
        f"spaCy Doc (tagger+parser+ner): {report['spacy']['ms_per_post']:.2f} ms per post over {report['spacy']['posts']} posts"
    )
    for e in engines:
        print(f"{e}: {report[e]['note']}")
    for e in engines:
        if report[e].get("posts_top_rules"):
            print(f"{e}: most frequent on real posts: " + ", ".join(f"{r} {n}" for r, n in report[e]["posts_top_rules"]))
    if show:
        for e in engines:
            if report[e].get("_posts_examples"):
                print(f"\n== {e}: findings on real county posts")
                for rule, span, text in report[e]["_posts_examples"][:show]:
                    print(f"  {rule:28} {span!r:20} {text[:160]!r}")
            print(f"\n== {e}: false alarms on original posts")
            for _rid, rule, span, text in report[e]["_fa_examples"][:show]:
                print(f"  {rule:28} {span!r:20} {text[:160]!r}")
            print(f"== {e}: false alarms on LanguageTool's correct sentences")
            for _rid, rule, span, text in report[e]["_lt_fa_examples"][:show]:
                print(f"  {rule:28} {span!r:20} {text[:160]!r}")


if __name__ == "__main__":
    sys.exit(main())
