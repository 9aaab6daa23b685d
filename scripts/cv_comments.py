"""Cross-validate the comments profile as it runs (rules, then the learned models) on training comments only.

    python scripts/cv_comments.py                        # 5 folds over every training comment
    python scripts/cv_comments.py --train comments-1 --test comments-2   # train on some folders, judge others
    python scripts/cv_comments.py --test-set tests/comments/probes.toml  # judge a set never trained on

Each comment's rule verdict comes from the comments profile with the learned layer off. Each
check's model is trained on the other folds exactly as ``train_comments.py`` trains it (C and
threshold chosen by cross-validation inside the training part) and scores the held-out fold.
A model's reading counts only where its check's rules found nothing (off-topic's only when the
post is known) and only ever sends a comment to review, as the profile does. Never run on a
blind set: the figures are for choosing features and thresholds.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import train_comments as tc  # noqa: E402

_RANK = {"keep": 0, "review": 1, "hide": 2}


def _score(payload: dict[str, Any], row: dict[str, int]) -> float:
    total = payload["intercept"] + math.fsum(payload["weights"].get(f, 0.0) for f in row)
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


def model_flags(
    train: list[int],
    test: list[int],
    rows: list[dict[str, int]],
    examples: list[tc.Example],
    rules: list[tuple[str, frozenset[str]]],
    args: Any,
) -> dict[int, set[str]]:
    """Which checks' models, trained on ``train``, flag each comment of ``test``."""
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(tc.common_features([rows[i] for i in train], args.min_count)).tocsr()
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    names = vectorizer.get_feature_names_out()
    flags: dict[int, set[str]] = {i: set() for i in test}
    payloads = tc.train_all(matrix, names, [examples[i] for i in train], [rules[i] for i in train], args)
    for check, payload in payloads.items():
        for i in test:
            if _score(payload, rows[i]) >= payload["threshold"]:
                flags[i].add(check)
    return flags


def combine(rules: tuple[str, frozenset[str]], flagged: set[str], post: str) -> str:
    """The profile's verdict: a model counts only where its check's rules were silent, and only reviews."""
    verdict, fired = rules
    for check in flagged:
        if check in fired or (check == "off-topic" and not post.strip()):
            continue
        verdict = max(verdict, "review", key=_RANK.__getitem__)
    return verdict


def table(examples: list[tc.Example], verdicts: list[str], title: str) -> str:
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "hide": 0, "review": 0, "keep": 0})
    for e, v in zip(examples, verdicts, strict=True):
        rows[e.category]["n"] += 1
        rows[e.category][v] += 1
    lines = [title, f"{'category':<12} {'n':>5} {'hide':>5} {'review':>6} {'keep':>5}  rate"]
    for name, r in sorted(rows.items()):
        if name in tc.LEGIT:
            rate = f"hidden {r['hide'] / r['n']:.1%}, reviewed {r['review'] / r['n']:.1%}"
        else:
            rate = f"caught {(r['hide'] + r['review']) / r['n']:.1%}"
        lines.append(f"{name:<12} {r['n']:>5} {r['hide']:>5} {r['review']:>6} {r['keep']:>5}  {rate}")
    legit = [r for n, r in rows.items() if n in tc.LEGIT]
    bad = [r for n, r in rows.items() if n not in tc.LEGIT and n != "plagiarism"]
    nl, nb = sum(r["n"] for r in legit), sum(r["n"] for r in bad)
    lines.append(
        f"legitimate {nl}: hidden {sum(r['hide'] for r in legit) / max(nl, 1):.1%}, "
        f"reviewed {sum(r['review'] for r in legit) / max(nl, 1):.1%}; "
        f"hideable {nb}: caught {sum(r['hide'] + r['review'] for r in bad) / max(nb, 1):.1%}"
    )
    return "\n".join(lines)


def _examples(folders: list[str], dev_sets: bool, every: int = 0) -> list[tc.Example]:
    examples: list[tc.Example] = []
    for name in folders:
        examples += tc.load_folder(tc.TRAINING / name)
    if dev_sets:
        for file in tc.DEV_SETS:
            examples += tc.load_set(file)
    return examples + tc.real_posts(tc.COUNTY, every)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    every = sorted(p.name for p in tc.TRAINING.glob("comments-*") if p.is_dir())
    parser.add_argument("--train", nargs="+", default=every, help="training folders (default: all)")
    parser.add_argument("--test", nargs="*", default=[], help="folders judged by models trained on --train (no CV)")
    parser.add_argument("--test-set", type=Path, nargs="*", default=[], help="labelled sets judged by models trained on --train")
    parser.add_argument("--no-dev-sets", action="store_true")
    parser.add_argument("--real-posts-every", type=int, default=tc.REAL_POSTS_EVERY, help="0: no real posts")
    parser.add_argument("--show-errors", action="store_true", help="list legitimate comments not kept and hideable ones kept")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--max-legit-rate", type=float, default=tc.MAX_LEGIT_RATE)
    parser.add_argument("--min-threshold", type=float, default=tc.MIN_THRESHOLD)
    parser.add_argument("--c-values", type=float, nargs="+", default=tc.C_VALUES)
    parser.add_argument("--min-weight", type=float, default=tc.MIN_WEIGHT)
    parser.add_argument("--min-count", type=int, default=tc.MIN_COUNT)
    parser.add_argument("--repeats", type=int, default=tc.REPEATS, help="shufflings of the inner folds averaged")
    args = parser.parse_args(argv)
    args.inner_folds, args.folds_outer = args.folds, args.folds

    from sklearn.model_selection import StratifiedKFold

    train = _examples(args.train, not args.no_dev_sets, args.real_posts_every)
    test: list[tc.Example] = _examples(args.test, False)
    for file in args.test_set:
        test += tc.load_set(file)
    examples = train + test
    rows = tc.feature_rows(examples)
    rules = tc.rule_pass(examples)
    n = len(train)
    if test:
        flags = model_flags(list(range(n)), list(range(n, len(examples))), rows, examples, rules, args)
        judged = list(range(n, len(examples)))
        title = f"trained on {' '.join(args.train)}; judged: {' '.join(args.test + [str(f) for f in args.test_set])}"
    else:
        flags = {}
        folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=1)
        for fit, held in folds.split(list(range(n)), [e.category for e in train]):
            flags.update(model_flags(list(fit), list(held), rows, examples, rules, args))
        judged = list(range(n))
        title = f"{args.folds}-fold cross-validation over {' '.join(args.train)}" + ("" if args.no_dev_sets else " + dev sets")
    rule_only = [rules[i][0] for i in judged]
    both = [combine(rules[i], flags[i], examples[i].post) for i in judged]
    chosen = [examples[i] for i in judged]
    print(table(chosen, rule_only, "rules alone"))
    print()
    print(table(chosen, both, f"rules + models ({title})"))
    if args.show_errors:
        for i, verdict in zip(judged, both, strict=True):
            e = examples[i]
            if (e.category in tc.LEGIT) == (verdict != "keep"):
                print(
                    f"[{e.category} -> {verdict}; rules {rules[i][0]} {sorted(rules[i][1])}; models {sorted(flags[i])}] {e.text}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
