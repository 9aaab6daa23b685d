"""Score the checks on the labeled corpus: precision and recall per check.

    python -m post_lint.evaluate [tests/corpus] [--check NAME] [--show-errors] [--json]

The corpus is a folder of TOML files, each with ``[[post]]`` tables::

    [[post]]
    id = "emoji-inline-01"
    labels = ["emoji"]        # checks that must flag this post; [] for a clean post
    profile = "official"      # optional
    format = "text"           # optional: "markdown" lints it as a .md file
    text = '''...'''

``config.toml`` in the folder is the city configuration every post is linted
with (its public contacts, officials, partners); ``floor.toml`` holds the
lowest precision and recall each check may score (tests/test_corpus_floor.py).
A post counts as flagged by a check when the check reports at least one
finding on it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
NOT_POSTS = ("config.toml", "floor.toml")  # TOML files in the corpus folder that hold no posts


@dataclass
class Post:
    id: str
    text: str
    labels: frozenset[str]
    profile: str = "official"
    format: str = "text"
    source: str = ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_corpus(folder: Path = DEFAULT_CORPUS) -> list[Post]:
    posts: list[Post] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.toml")):
        if path.name in NOT_POSTS:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("post", []):
            if raw["id"] in seen:
                raise ValueError(f"{path}: duplicate post id {raw['id']!r}")
            seen.add(raw["id"])
            posts.append(
                Post(
                    id=raw["id"],
                    text=raw["text"],
                    labels=frozenset(raw.get("labels", [])),
                    profile=raw.get("profile", "official"),
                    format=raw.get("format", "text"),
                    source=path.name,
                )
            )
    return posts


def flagged_checks(posts: list[Post], folder: Path = DEFAULT_CORPUS, select: list[str] | None = None) -> dict[str, set[str]]:
    """Post id -> names of the checks that flagged it."""
    from .runner import Linter

    config = folder / "config.toml"
    linters: dict[str, Linter] = {}
    flagged: dict[str, set[str]] = {}
    # Batch posts that share a profile and format through spaCy together.
    groups: dict[tuple[str, str], list[Post]] = {}
    for post in posts:
        groups.setdefault((post.profile, post.format), []).append(post)
    for (profile, fmt), group in groups.items():
        linter = linters.setdefault(
            profile, Linter(config_file=config if config.is_file() else None, select=select, profile=profile)
        )
        suffix = ".md" if fmt == "markdown" else ".txt"
        label_to_id = {f"{post.id}{suffix}": post.id for post in group}
        result = linter.lint_batch([(post.text, f"{post.id}{suffix}") for post in group])
        for post in group:
            flagged[post.id] = set()
        for finding in result.findings:
            flagged[label_to_id[finding.path]].add(finding.check)
    return flagged


def score(posts: list[Post], flagged: dict[str, set[str]], checks: list[str]) -> dict[str, Score]:
    scores = {name: Score() for name in checks}
    for post in posts:
        for name in checks:
            s = scores[name]
            expected, got = name in post.labels, name in flagged.get(post.id, set())
            if expected and got:
                s.tp += 1
            elif got:
                s.fp += 1
                s.false_positives.append(post.id)
            elif expected:
                s.fn += 1
                s.false_negatives.append(post.id)
            else:
                s.tn += 1
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--check", action="append", help="score only this check (repeatable)")
    parser.add_argument("--show-errors", action="store_true", help="list false positives and negatives")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    from .registry import check_names

    folder = Path(args.corpus)
    posts = load_corpus(folder)
    names = args.check or check_names()
    flagged = flagged_checks(posts, folder, select=names)
    scores = score(posts, flagged, names)
    if args.json:
        payload: dict[str, Any] = {
            name: {"precision": s.precision, "recall": s.recall, "tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn}
            for name, s in scores.items()
        }
        print(json.dumps({"posts": len(posts), "checks": payload}, indent=2))
        return 0
    clean = sum(1 for p in posts if not p.labels)
    print(f"{len(posts)} posts ({clean} clean) in {folder}")
    print(f"{'check':<16}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'positives':>11}")
    for name, s in scores.items():
        print(f"{name:<16}{s.precision:>10.3f}{s.recall:>8.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.tp + s.fn:>11}")
        if args.show_errors:
            for pid in s.false_positives:
                print(f"    false positive: {pid}")
            for pid in s.false_negatives:
                print(f"    missed:         {pid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
