"""No check gets worse on the labeled corpus: precision and recall stay at or above the floor.

The floor (tests/corpus/floor.toml) holds each built-in check's figures as they were
last raised; its header says how to raise them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from post_lint.api import PROFILES, Check
from post_lint.evaluate import Score, flagged_checks, load_corpus, score
from post_lint.registry import check_names, load_check

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parent / "corpus"
FLOOR = tomllib.loads((CORPUS / "floor.toml").read_text(encoding="utf-8"))


def _built_in_checks() -> list[str]:
    """Built-in checks that read drafts; the comment-only ones are held to tests/comments (test_comments.py)."""
    names = []
    for name in check_names():
        check = load_check(name)
        if (
            isinstance(check, Check)
            and check.run.__module__.startswith("post_lint.checks.")
            and any(p in check.profiles for p in PROFILES)
        ):
            names.append(name)
    return names


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    posts = load_corpus(CORPUS)
    names = sorted(FLOOR)
    return score(posts, flagged_checks(posts, CORPUS, select=names), names)


def test_every_built_in_check_has_a_floor_and_every_floor_a_check() -> None:
    assert sorted(FLOOR) == sorted(_built_in_checks())
    for name, figures in FLOOR.items():
        assert set(figures) == {"precision", "recall"}, name
        assert all(0.0 <= value <= 1.0 for value in figures.values()), name


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_precision_and_recall_stay_at_or_above_the_floor(name: str, scores: dict[str, Score]) -> None:
    got, floor = scores[name], FLOOR[name]
    problems = []
    if got.precision < floor["precision"]:
        problems.append(f"precision {got.precision:.3f} < {floor['precision']:.3f}; false positives: {got.false_positives}")
    if got.recall < floor["recall"]:
        problems.append(f"recall {got.recall:.3f} < {floor['recall']:.3f}; missed: {got.false_negatives}")
    assert not problems, f"{name}: " + "; ".join(problems)
