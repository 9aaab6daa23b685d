"""Helpers for testing a check, built-in or third-party, with pytest or plain asserts.

    from post_lint.testing import assert_cases, lint_one, rule_spans

    def test_a_discount_code_is_a_promotion():
        [finding] = lint_one("promo", "Stop by and use code SAVE20 today!")
        assert finding.rule == "promo/promotion"
        assert rule_spans("promo", "Buy now!") == [("promo/promotion", "Buy now")]

    def test_promo_cases():
        assert_cases("promo")  # every [[pass]] and [[fail]] example of its cases.toml

Nothing on disk is read: no ``.post-lint.toml``, no findings cache. A check
that could not run, or a config it rejects, fails loudly (AssertionError, or
ConfigError for a config a file would be refused for) rather than passing
with no findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .api import Check, Example
from .config import Config, validate_top_level
from .model import Finding
from .runner import Linter


def lint_one(
    check_name: str,
    text: str,
    config: Mapping[str, Any] | None = None,
    profile: str = "official",
    path: str = "post.txt",
    reply_to: str = "",
) -> list[Finding]:
    """The findings of check ``check_name`` alone on ``text``.

    ``config`` is a whole configuration, as a ``.post-lint.toml`` would hold it
    (``{"emoji": {"max-count": 5}, "body": {"officials": [...]}}``); None means
    every default. ``path`` decides the format (``.md`` is Markdown) and is the
    findings' path. ``reply_to`` is, for a comment, the post it answers.
    """
    linter = Linter(select=[check_name], profile=profile)
    data = Config(data=dict(config or {}))
    # The same validation a config file gets: a misspelt check table is an error, not a no-op.
    validate_top_level(data, linter.installed)
    linter.explicit_config = data
    result = linter.lint_text(text, path=path, reply_to=reply_to)
    if result.skipped:
        raise AssertionError(f"{check_name} did not run: {'; '.join(s.reason for s in result.skipped)}")
    if result.problems:
        raise AssertionError("; ".join(p.message for p in result.problems))
    return result.findings


def rule_spans(
    check_name: str,
    text: str,
    config: Mapping[str, Any] | None = None,
    profile: str = "official",
    path: str = "post.txt",
) -> list[tuple[str, str]]:
    """(rule id, the exact text underlined) of each finding of :func:`lint_one`, in text order."""
    return [(f.rule, text[f.offset : f.end]) for f in lint_one(check_name, text, config, profile, path)]


def _check(check: Check | str) -> Check:
    if isinstance(check, Check):
        return check
    from .registry import load_check

    loaded = load_check(check)
    if not isinstance(loaded, Check):
        raise AssertionError(f"check {check!r}: {loaded.reason}")
    return loaded


def example_failure(check: Check | str, example: Example) -> str | None:
    """Why ``example`` does not hold for ``check`` (rules fired other than its own), or None."""
    check = _check(check)
    path = "example.md" if example.format == "markdown" else "example.txt"
    findings = lint_one(
        check.name,
        example.text,
        {check.name: dict(example.config)},
        profile=example.profile,
        path=path,
        reply_to=example.reply_to,
    )
    fired = sorted({f.rule for f in findings})
    expected = sorted(set(example.rules))
    if fired == expected:
        return None
    said = "".join(f"\n      {f.rule}: {example.text[f.offset : f.end]!r}: {f.message}" for f in findings)
    return f"{example.text!r}\n    expected {expected or 'no finding'}, got {fired or 'no finding'}{said}"


def assert_cases(check: Check | str) -> None:
    """Every example in ``check``'s cases file fires exactly its rules (none for ``[[pass]]``).

    The file must hold at least one passing and one failing example. All examples
    run; the AssertionError lists every one that failed.
    """
    check = _check(check)
    if not check.cases_file:
        raise AssertionError(f"check {check.name} has no cases_file (cases_beside(__file__) and a cases.toml)")
    examples = check.examples
    if not any(e.passes for e in examples) or all(e.passes for e in examples):
        raise AssertionError(f"{check.cases_file}: needs at least one [[pass]] and one [[fail]] example")
    failures = [why for example in examples if (why := example_failure(check, example))]
    if failures:
        raise AssertionError(f"{len(failures)} of {len(examples)} examples of {check.name} fail:\n  " + "\n  ".join(failures))
