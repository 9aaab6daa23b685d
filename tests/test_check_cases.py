"""Every check's own passing and failing examples (its cases.toml) hold.

The examples double as the documentation `post-lint explain CHECK` prints, so
a wrong example is a wrong doc as well as a failing test.
"""

from __future__ import annotations

import pytest

from post_lint.api import Check
from post_lint.config import Config
from post_lint.registry import check_names, load_check
from post_lint.runner import Linter


def _cases() -> list[tuple[str, int]]:
    cases = []
    for name in check_names():
        check = load_check(name)
        if isinstance(check, Check):
            cases += [(name, i) for i in range(len(check.examples))]
    return cases


@pytest.mark.parametrize(("name", "index"), _cases())
def test_example_from_cases_file_fires_exactly_its_rules(name: str, index: int) -> None:
    check = load_check(name)
    assert isinstance(check, Check)
    example = check.examples[index]
    linter = Linter(select=[name], profile=example.profile)
    linter.explicit_config = Config(data={name: dict(example.config)})
    suffix = ".md" if example.format == "markdown" else ".txt"
    result = linter.lint_text(example.text, path=f"example{suffix}")
    assert not result.skipped, result.skipped
    fired = sorted({f.rule for f in result.findings})
    assert fired == sorted(set(example.rules)), f"{example.text!r}: {[f.message for f in result.findings]}"


def test_every_installed_check_has_examples_of_both_kinds() -> None:
    for name in check_names():
        check = load_check(name)
        assert isinstance(check, Check), f"{name}: {check}"
        assert any(e.passes for e in check.examples), f"{name} has no passing example"
        assert any(not e.passes for e in check.examples), f"{name} has no failing example"
