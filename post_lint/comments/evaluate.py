"""Score the comments profile on a labelled comment set: a table per category.

    python -m post_lint.comments.evaluate tests/comments/dev.toml [--config FILE] [--show-errors]
    python -m post_lint.comments.evaluate labelled.csv --label-column category

A set is either a TOML file (``[posts]`` name -> text, and ``[[comment]]`` tables with
``text``, ``category`` and optionally ``post``, a name from ``[posts]`` or the post's
text, and ``author``), or any export ``post-lint comments`` reads with one more column
holding the category. Categories named by ``--legit`` (default: keep, criticism,
legitimate, ok, clean) must be kept; every other category is one the policy lets staff
hide, and counts as caught when the verdict is hide or review. The config is
``config.toml`` beside a TOML set, else the one found from the set's folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import Export, read_export, triage
from .export import Comment

LEGIT = ("keep", "criticism", "legitimate", "ok", "clean")


def load_set(path: Path, label_column: str = "category") -> tuple[Export, list[str]]:
    """The set as an export, and each comment's category."""
    if path.suffix == ".toml":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        posts = data.get("posts", {})
        comments, labels = [], []
        for i, raw in enumerate(data.get("comment", []), start=1):
            post = posts.get(raw.get("post", ""), raw.get("post", ""))
            comments.append(Comment(i, i, raw.get("id", str(i)), raw.get("author", ""), raw["text"], post, dict(raw)))
            labels.append(raw.get("category", raw.get("label", "")))
        return Export(str(path), comments, []), labels
    export = read_export(path.read_bytes(), str(path))
    labels = [str(c.fields.get(label_column, "")) for c in export.comments]
    return export, labels


def score(
    path: Path, config: Path | None = None, legit: tuple[str, ...] = LEGIT, label_column: str = "category"
) -> dict[str, Any]:
    from ..runner import Linter

    export, labels = load_set(path, label_column)
    if config is None and (path.parent / "config.toml").is_file() and path.suffix == ".toml":
        config = path.parent / "config.toml"
    linter = Linter(profile="comments", config_file=str(config) if config else None)
    result = triage(linter, [export], config_path=str(path))
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "hide": 0, "review": 0, "keep": 0})
    errors: list[dict[str, Any]] = []
    for judged, label in zip(result.judged, labels, strict=True):
        row = table[label]
        row["n"] += 1
        row[judged.verdict] += 1
        wrong = (label in legit and judged.verdict != "keep") or (label not in legit and judged.verdict == "keep")
        if wrong:
            errors.append(
                {
                    "category": label,
                    "verdict": judged.verdict,
                    "text": judged.comment.text,
                    "rules": [r.rule for r in judged.reasons],
                }
            )
    legit_rows = [table[c] for c in table if c in legit]
    hideable_rows = [table[c] for c in table if c not in legit]
    n_legit = sum(r["n"] for r in legit_rows)
    n_hideable = sum(r["n"] for r in hideable_rows)
    totals = {
        "legit": n_legit,
        "legit_hidden": sum(r["hide"] for r in legit_rows) / n_legit if n_legit else 0.0,
        "legit_reviewed": sum(r["review"] for r in legit_rows) / n_legit if n_legit else 0.0,
        "hideable": n_hideable,
        "recall": sum(r["hide"] + r["review"] for r in hideable_rows) / n_hideable if n_hideable else 1.0,
        "recall_hidden": sum(r["hide"] for r in hideable_rows) / n_hideable if n_hideable else 1.0,
        "problems": result.problems,
        "skipped": [s.to_dict() for s in result.skipped],
    }
    return {"categories": dict(sorted(table.items())), "totals": totals, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--config", type=Path)
    parser.add_argument("--label-column", default="category")
    parser.add_argument("--legit", default=",".join(LEGIT), help="categories that must be kept (comma-separated)")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scores = score(args.set, args.config, tuple(c.strip() for c in args.legit.split(",")), args.label_column)
    if args.json:
        print(json.dumps(scores, indent=2, ensure_ascii=False))
        return 0
    legit = set(args.legit.split(","))
    print(f"{'category':<14} {'n':>4} {'hide':>5} {'review':>7} {'keep':>5}  {'rate':>22}")
    for name, row in scores["categories"].items():
        n = row["n"]
        if name in legit:
            rate = f"hidden {row['hide'] / n:.1%}, reviewed {row['review'] / n:.1%}"
        else:
            rate = f"caught {(row['hide'] + row['review']) / n:.1%}"
        print(f"{name:<14} {n:>4} {row['hide']:>5} {row['review']:>7} {row['keep']:>5}  {rate}")
    t = scores["totals"]
    print(
        f"\nlegitimate comments: {t['legit']}, hidden {t['legit_hidden']:.1%}, sent to review {t['legit_reviewed']:.1%}\n"
        f"hideable comments: {t['hideable']}, recall (hide or review) {t['recall']:.1%}, hidden outright {t['recall_hidden']:.1%}"
    )
    for problem in t["problems"]:
        print(f"input problem: {problem}", file=sys.stderr)
    for skip in t["skipped"]:
        print(f"skipped: {skip}", file=sys.stderr)
    if args.show_errors:
        print()
        for e in scores["errors"]:
            print(f"[{e['category']} -> {e['verdict']}] {e['text']}  {e['rules']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
