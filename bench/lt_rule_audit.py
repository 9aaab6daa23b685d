"""Audit LanguageTool's rules on real posts: how often each fires, with examples to judge.

    python bench/lt_rule_audit.py [--half tune|report] [--county 3000] [--congress 400]
                                  [--examples 4] [--min 1] [--out findings.jsonl]
                                  [--verdicts bench/lt_audit_verdicts.tsv --judged 400] [--json]

Runs the grammar check as users get it with LanguageTool (its matches after
lt_skip_rules.txt and the filters, merged with the precise builtin rules) over a
fixed sample of the real posts in ../shared/data/posts/ (county_government.jsonl
and congress.jsonl), and prints, per rule id, how often it fires per 1,000 words,
in how many posts, its LanguageTool category and a few examples in context, so a
person can judge whether the rule finds errors or misfires on posts.

The posts are split by line number so tuning and reporting never share a post:

- ``--half tune`` (default): even line numbers, minus the posts other benches read
  (grammar_bench.py's every-k-th county posts, the originals of the injected set):
  choose lt_skip_rules.txt from this half.
- ``--half report``: odd line numbers: the held-out half, to report on.

Within a half the sample is fixed: every k-th post, so ``--county`` posts spread
over the whole file, and the same for ``--congress``.

``--verdicts FILE --judged N`` scores false alarms by hand judgement: FILE is a
tab-separated list of ``post id, rule, flagged text, error|false|style, note`` lines, one
per finding a person read in the first N posts of the sample. The script prints
true errors and false alarms per 1,000 words over those N posts, and any finding
there without a verdict (to judge and add). Since switching a rule off only removes
findings, the verdicts written before a change score the run after it too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from post_lint import nlp as nlp_module  # noqa: E402
from post_lint.api import Context  # noqa: E402
from post_lint.document import parse  # noqa: E402
from post_lint.registry import load_check  # noqa: E402

POSTS = ROOT.parent / "shared" / "data" / "posts"
GRAMMAR = ROOT.parent / "shared" / "data" / "grammar"
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_LT_LABEL = re.compile(r"\(LanguageTool: (.*) [A-Z0-9_]+\)$")
# A hand verdict on one finding: a real error, a false alarm, or style advice on correct text
# (hyphens, commas, informal words: right for the style guides, not a spelling or grammar error).
VERDICTS = ("error", "false", "style")
BENCH_POSTS = 1000  # grammar_bench.py --posts default: kept out of the tuning half


@dataclass(frozen=True)
class Post:
    source: str  # county | congress
    line: int  # 0-based line number in its file
    id: str
    text: str


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spread(items: list[Post], count: int) -> list[Post]:
    """``count`` items spread evenly over the list (every k-th): the same sample on every run."""
    if count <= 0:
        return []
    step = max(len(items) // count, 1)
    return items[::step][:count]


def sample(half: str, county: int, congress: int) -> list[Post]:
    """The fixed sample of one half of the real posts (see the module doc)."""
    county_rows = _read(POSTS / "county_government.jsonl")
    congress_rows = _read(POSTS / "congress.jsonl") if (POSTS / "congress.jsonl").exists() else []
    kept_out: set[str] = set()
    if half == "tune":
        # Posts the other grammar benches score on never choose a rule.
        step = max(len(county_rows) // BENCH_POSTS, 1)
        kept_out |= {str(r["id"]) for r in county_rows[::step][:BENCH_POSTS]}
        injected = GRAMMAR / "injected.jsonl"
        if injected.exists():
            kept_out |= {str(r["post_id"]) for r in _read(injected)}
    parity = 0 if half == "tune" else 1
    placed: list[tuple[float, int, Post]] = []
    for order, (source, rows, count) in enumerate((("county", county_rows, county), ("congress", congress_rows, congress))):
        posts = [
            Post(source, i, str(r["id"]), r["text"])
            for i, r in enumerate(rows)
            if i % 2 == parity and str(r["id"]) not in kept_out
        ]
        picked = _spread(posts, count)
        # Interleaved by position, so the first N posts (the hand-judged ones) mix both sources.
        placed += [(k / len(picked), order, post) for k, post in enumerate(picked)]
    return [post for _, _, post in sorted(placed, key=lambda x: (x[0], x[1]))]


def run_check(posts: list[Post], server: str) -> tuple[list[list], list[int], str]:
    """The grammar check with LanguageTool on each post: its findings, each post's word count, the engine note."""
    check = load_check("grammar")
    docs = [parse(p.text, "post.txt")[0] for p in posts]
    for doc, spacy_doc in zip(docs, nlp_module.parse_many(None, check.nlp, [d.prose for d in docs]), strict=True):
        doc.nlp = spacy_doc
    options = {key: opt.default for key, opt in check.options.items()}
    options.update({"engine": "languagetool", "server": server, "start-wait": 0.0, "autostart": False})
    results, note = [], ""
    for doc in docs:
        ctx = Context(check, options, check.severity, "official")
        results.append(list(check.run(doc, ctx)))  # a LanguageTool failure stops the audit: no silent gaps
        note = ctx.notes.get("grammar engine", note)
    return results, [len(_WORD.findall(d.words_text)) for d in docs], note


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{'…' if start > width else ''}{left}[[{text[start:end]}]]{right}{'…' if end + width < len(text) else ''}"


def category(message: str) -> str:
    found = _LT_LABEL.search(message)
    return found.group(1) if found else "builtin"


def load_verdicts(path: Path) -> dict[tuple[str, str, str], str]:
    verdicts: dict[tuple[str, str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        post_id, rule, span, verdict, *_note = line.split("\t")
        verdicts[(post_id, rule, span)] = verdict
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tune", "report"), default="tune")
    parser.add_argument("--county", type=int, default=3000, help="county posts in the sample")
    parser.add_argument("--congress", type=int, default=400, help="congressional posts in the sample")
    parser.add_argument("--server", default="", help="LanguageTool URL (default: look on 127.0.0.1)")
    parser.add_argument("--examples", type=int, default=4, help="examples printed per rule")
    parser.add_argument("--min", type=int, default=1, help="print only rules that fire at least this often")
    parser.add_argument("--out", help="write every finding here (JSON lines) to read and judge")
    parser.add_argument("--verdicts", help="hand verdicts (TSV: post id, rule, text, error|false|style, note)")
    parser.add_argument("--judged", type=int, default=0, help="the verdicts cover every finding in the first N posts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    posts = sample(args.half, args.county, args.congress)
    began = time.perf_counter()
    findings, words, note = run_check(posts, args.server)
    seconds = time.perf_counter() - began
    total_words = sum(words)

    by_rule: dict[str, list[tuple[Post, object]]] = defaultdict(list)
    for post, found in zip(posts, findings, strict=True):
        for f in found:
            by_rule[f.rule].append((post, f))
    rows = []
    for rule, hits in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        rows.append(
            {
                "rule": rule,
                "category": category(hits[0][1].message),
                "count": len(hits),
                "per_1000_words": round(1000 * len(hits) / total_words, 3),
                "posts": len({p.id for p, _ in hits}),
                "examples": [context(p.text, f.offset, f.offset + f.length) for p, f in hits[: args.examples]],
            }
        )
    all_findings = sum(len(f) for f in findings)
    summary = {
        "half": args.half,
        "posts": len(posts),
        "county": sum(p.source == "county" for p in posts),
        "congress": sum(p.source == "congress" for p in posts),
        "words": total_words,
        "findings": all_findings,
        "findings_per_1000_words": round(1000 * all_findings / total_words, 3) if total_words else None,
        "seconds": round(seconds, 1),
        "engine": note,
    }
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for index, (post, found) in enumerate(zip(posts, findings, strict=True)):
                for f in found:
                    record = {
                        "index": index,
                        "post": post.id,
                        "source": post.source,
                        "rule": f.rule,
                        "text": post.text[f.offset : f.offset + f.length],
                        "context": context(post.text, f.offset, f.offset + f.length),
                        "message": f.message,
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.verdicts and args.judged:
        summary["judged"] = judged(posts, findings, words, load_verdicts(Path(args.verdicts)), args.judged)
    if args.json:
        print(json.dumps({"summary": summary, "rules": rows}, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{summary['half']} half: {summary['posts']} posts ({summary['county']} county, {summary['congress']} congress), "
        f"{total_words} words, {all_findings} findings = {summary['findings_per_1000_words']} per 1,000 words "
        f"({seconds:.0f} s)"
    )
    print(f"engine: {note}")
    print(f"\n{'rule':48} {'category':24} {'count':>6} {'/1k words':>9} {'posts':>6}")
    for row in rows:
        if row["count"] < args.min:
            continue
        print(f"{row['rule']:48} {row['category'][:24]:24} {row['count']:>6} {row['per_1000_words']:>9.3f} {row['posts']:>6}")
        for example in row["examples"]:
            print(f"      {example!r}")
    if "judged" in summary:
        j = summary["judged"]
        print(
            f"\njudged by hand: first {j['posts']} posts, {j['words']} words: {j['error']} true errors "
            f"({j['errors_per_1000_words']} per 1,000 words); {j['false']} false alarms "
            f"({j['false_per_1000_words']} per 1,000 words); {j['style']} style advice on correct text "
            f"(false alarms and style: {j['false_or_style_per_1000_words']} per 1,000 words); "
            f"{len(j['unjudged'])} without a verdict"
        )
        print("  by engine: " + ", ".join(f"{k} {n}" for k, n in j["by_engine"].items()))
        for item in j["unjudged"]:
            print("  unjudged: " + "\t".join(item))
    return 0


def judged(posts: list[Post], findings: list[list], words: list[int], verdicts: dict, count: int) -> dict:
    """True errors and false alarms over the first ``count`` posts, from the hand verdicts."""
    tally: Counter[str] = Counter()
    by_engine: Counter[tuple[str, str]] = Counter()
    unjudged: list[tuple[str, str, str, str]] = []
    for post, found in list(zip(posts, findings, strict=True))[:count]:
        for f in found:
            span = post.text[f.offset : f.offset + f.length]
            verdict = verdicts.get((post.id, f.rule, span))
            if verdict in VERDICTS:
                tally[verdict] += 1
                by_engine["languagetool" if f.rule.startswith("grammar/lt/") else "builtin", verdict] += 1
            else:
                unjudged.append((post.id, f.rule, span, context(post.text, f.offset, f.offset + f.length)))
    judged_words = sum(words[:count])

    def rate(n: int) -> float | None:
        return round(1000 * n / judged_words, 3) if judged_words else None

    return {
        "posts": min(count, len(posts)),
        "words": judged_words,
        **{v: tally[v] for v in VERDICTS},
        "errors_per_1000_words": rate(tally["error"]),
        "false_per_1000_words": rate(tally["false"]),
        "false_or_style_per_1000_words": rate(tally["false"] + tally["style"]),
        "by_engine": {f"{e} {v}": n for (e, v), n in sorted(by_engine.items())},
        "unjudged": unjudged,
    }


if __name__ == "__main__":
    sys.exit(main())
