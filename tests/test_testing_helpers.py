"""post_lint.testing: the helpers check authors test with fail loudly and say why."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from post_lint.api import Check
from post_lint.config import ConfigError
from post_lint.registry import load_check
from post_lint.testing import assert_cases, lint_one, rule_spans


def test_lint_one_runs_only_that_check_with_the_given_config() -> None:
    text = "We ❤️ our volunteers! I think they are great."
    assert [f.check for f in lint_one("emoji", text)] == ["emoji"]
    assert lint_one("emoji", text, {"emoji": {"inline": False}}) == []


def test_rule_spans_pairs_each_rule_with_the_text_it_underlines() -> None:
    assert rule_spans("emoji", "We ❤️ our volunteers!") == [("emoji/inline", "❤️")]


def test_lint_one_rejects_a_misspelt_table_or_key_instead_of_ignoring_it() -> None:
    with pytest.raises(ConfigError, match="check table"):
        lint_one("emoji", "Hello", {"emojj": {"max-count": 1}})
    with pytest.raises(AssertionError, match="unknown key 'max-cont'"):
        lint_one("emoji", "Hello", {"emoji": {"max-cont": 1}})


def test_lint_one_honours_the_profile_and_a_markdown_path() -> None:
    post = "As a City of Anoka planner, I can tell you the council approved the new park budget."
    assert lint_one("disclaimer", post, {"body": {"name": "City of Anoka"}}, profile="personal")
    assert lint_one("disclaimer", post) == []  # disclaimer applies to personal accounts only
    assert lint_one("emoji", "<!--\n😀😀😀😀😀\n-->\n", path="post.md") == []  # a comment is not published


def _with_cases(tmp_path: Path, toml: str) -> Check:
    cases = tmp_path / "cases.toml"
    cases.write_text(toml, encoding="utf-8")
    emoji = load_check("emoji")
    assert isinstance(emoji, Check)
    return dataclasses.replace(emoji, cases_file=str(cases))


def test_assert_cases_passes_when_every_example_holds(tmp_path: Path) -> None:
    assert_cases(_with_cases(tmp_path, '[[pass]]\ntext = "Hello 🎉"\n[[fail]]\ntext = "We ❤️ it"\nrules = ["emoji/inline"]\n'))


def test_assert_cases_lists_every_failing_example_with_what_fired(tmp_path: Path) -> None:
    check = _with_cases(
        tmp_path,
        '[[pass]]\ntext = "We ❤️ it"\n'
        '[[fail]]\ntext = "Hello 🎉"\nrules = ["emoji/count"]\n'
        '[[fail]]\ntext = "We ❤️ it too"\nrules = ["emoji/inline"]\n',
    )
    with pytest.raises(AssertionError) as raised:
        assert_cases(check)
    message = str(raised.value)
    assert "2 of 3 examples of emoji fail" in message
    assert "'We ❤️ it'\n    expected no finding, got ['emoji/inline']" in message
    assert "emoji/inline: '❤️'" in message
    assert "'Hello 🎉'\n    expected ['emoji/count'], got no finding" in message


def test_assert_cases_needs_both_kinds_of_example(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"at least one \[\[pass\]\] and one \[\[fail\]\]"):
        assert_cases(_with_cases(tmp_path, '[[pass]]\ntext = "Hello"\n'))
    with pytest.raises(AssertionError, match="no such check"):
        assert_cases("no-such-check")
