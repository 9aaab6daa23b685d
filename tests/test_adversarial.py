"""Adversarial property tests (issue 20): every check on hostile input runs in linear time,
never crashes, and keeps its spans inside the text.

The generators repeat one character or a short pattern (the shapes that make a
backtracking regex or an all-pairs loop blow up) up to 100 KB, and throw random
Unicode from the categories the red team used. Linear time is asserted as the
ratio of the time for 100 KB to the time for 25 KB: linear work gives about 4,
quadratic about 16; the bound (10, plus half a second of slack for a shared
machine) leaves room for noise and none for O(n²). spaCy's checks are left to
the slow test at the end, because spaCy's own parse of 100 KB dwarfs them.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from post_lint import registry
from post_lint.runner import Linter

SMALL, LARGE = 25_000, 100_000
# Characters that matter to some pattern: mentions, leet, phones, e-mail, Markdown, URLs, scripts.
ALPHABET = list("@7-.!1$a #()[]<>`*_:/w0,'\"\n\t~^|+=%&;?") + [
    "\u200b", "\u00ad", "\u3164", "\uffa0", "\u2800", "\U000e0100", "\ufff9", "😀", "️", "é", "ɑ",
    "\u0301", "Ａ", "＠", "．", "𝐁", "\U0001f1fa", "\u2028", "\x85", "\x0c", "\u202e",
]  # fmt: skip


def _fast_checks() -> list[str]:
    checks, _ = registry.load_checks(registry.check_names())
    return [c.name for c in checks if not c.nlp]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=_fast_checks())


def _lint_timed(linter: Linter, text: str, path: str) -> float:
    began = time.perf_counter()
    result = linter.lint_text(text, path)
    elapsed = time.perf_counter() - began
    assert not any("crashed" in p.message for p in result.problems), result.problems
    for f in result.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text), f
    return elapsed


def _assert_linear(linter: Linter, unit: str, path: str) -> None:
    small = (unit * (SMALL // len(unit) + 1))[:SMALL]
    large = (unit * (LARGE // len(unit) + 1))[:LARGE]
    # Each run lints a text of its own (one last character differs): caches keyed on a text (its
    # sentences, its normalised forms) would make a repeat of the same text cheaper than the first.
    t_small = min(_lint_timed(linter, small[:-1] + tail, path) for tail in "xy")
    t_large = _lint_timed(linter, large[:-1] + "z", path)
    assert t_large <= 10 * t_small + 0.5, f"{unit!r} x {LARGE}: {t_large:.2f}s vs {t_small:.2f}s for {SMALL}"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=4).map("".join), markdown=st.booleans())
def test_repeated_characters_and_short_patterns_run_in_linear_time(linter: Linter, unit: str, markdown: bool) -> None:
    _assert_linear(linter, unit, "post.md" if markdown else "post.txt")


@pytest.mark.parametrize("unit", ["@", "7-", "1", "!", "a@", "a.", "`a", "<a ", "[a](", "<!--", "\u200b", "x" * 7 + " "])
def test_the_red_teams_pathological_inputs_run_in_linear_time(linter: Linter, unit: str) -> None:
    _assert_linear(linter, unit, "post.md")


_UNICODE = st.text(
    st.characters(categories=("Lu", "Ll", "Lo", "Mn", "Nd", "No", "Pd", "Po", "Ps", "Pe", "Sm", "So", "Zs", "Cf", "Co")),
    max_size=400,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_UNICODE, markdown=st.booleans())
def test_random_unicode_never_crashes_and_spans_stay_inside(linter: Linter, text: str, markdown: bool) -> None:
    _lint_timed(linter, text, "post.md" if markdown else "post.txt")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(1, 3000), kind=st.sampled_from(["[", "{a: ", "- "]))
def test_deep_yaml_front_matter_is_one_problem_at_most(linter: Linter, depth: int, kind: str) -> None:
    closing = {"[": "]", "{a: ": "}", "- ": ""}[kind]
    text = "---\nx: " + kind * depth + "1" + closing * depth + "\n---\nHello.\n"
    began = time.perf_counter()
    result = linter.lint_text(text, "post.md")
    assert time.perf_counter() - began < 5
    assert len(result.problems) <= 1


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["the cat sat on the mat ", "their going to the the park tommorow , i has a apple "])
def test_spacy_checks_run_in_linear_time_on_long_posts(unit: str) -> None:
    checks, _ = registry.load_checks(registry.check_names())
    linter = Linter(select=[c.name for c in checks if c.nlp], config=None)
    small = (unit * (12_500 // len(unit) + 1))[:12_500]
    large = (unit * (50_000 // len(unit) + 1))[:50_000]
    t_small = _lint_timed(linter, small, "post.txt")
    t_large = _lint_timed(linter, large, "post.txt")
    # 4x the text: linear is about 4x, quadratic 16x; the margin absorbs a shared, noisy machine.
    assert t_large <= 12 * t_small + 2.0
