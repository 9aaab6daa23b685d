"""post_lint.serve_actions: the page's allow list and the edit of a config file, which never loses a setting."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from post_lint.config import Config, ConfigError
from post_lint.serve_actions import ActionError, add_to_config, config_line, parse_allow, with_allowed


def test_allow_list_is_validated_and_blank_values_dropped() -> None:
    assert parse_allow({"names": ["Ruth Olson", " "], "words": []}) == {"names": ["Ruth Olson"]}
    assert parse_allow(None) == {}
    with pytest.raises(ActionError, match="one line"):
        parse_allow({"words": ["two\nlines"]})


def test_allowed_config_adds_to_the_facts_and_leaves_the_config_alone() -> None:
    config = Config(data={"body": {"officials": ["Mayor Erik Skogquist"]}})
    allowed = with_allowed(config, {"names": ["Ruth Olson"], "words": ["Zimmerwald"]})
    assert allowed.facts.officials == ("Mayor Erik Skogquist", "Ruth Olson")
    assert allowed.facts.vocabulary == ("Zimmerwald",)
    assert config.facts.officials == ("Mayor Erik Skogquist",) and allowed.data is config.data


def test_config_line_says_where_and_keeps_what_is_there() -> None:
    config = Config(data={"body": {"vocabulary": ["Skogquist"]}})
    assert config_line(config, "words", "Skogquist")["present"] is True
    assert config_line(config, "words", 'Say "hi"')["line"] == 'vocabulary = ["Skogquist", "Say \\"hi\\""]'


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (
            '[body]\nvocabulary = [\n  "Skogquist",  # the mayor\n  "Rum River",\n]\nname = "Anoka"\n',
            ["Skogquist", "Rum River", "Zimmerwald"],
        ),
        ('[links]\nallowed-domains = ["x.gov"]\n', ["Zimmerwald"]),
        ("", ["Zimmerwald"]),
        ('# top\n[body] # ours\nname = "Anoka"\n\n[grammar]\nvocabulary = ["old"]\n', ["Zimmerwald"]),
    ],
)
def test_a_word_is_added_and_every_other_setting_kept(tmp_path: Path, before: str, expected: list[str]) -> None:
    path = tmp_path / ".post-lint.toml"
    path.write_text(before, encoding="utf-8")
    answer = add_to_config(path, "words", "Zimmerwald")
    assert answer["written"] is True
    after = tomllib.loads(path.read_text(encoding="utf-8"))
    old = tomllib.loads(before)
    assert after["body"]["vocabulary"] == expected
    assert {k: v for k, v in after.items() if k != "body"} == {k: v for k, v in old.items() if k != "body"}
    assert add_to_config(path, "words", "Zimmerwald")["written"] is False  # already there: the file is not touched


def test_a_layout_the_edit_does_not_understand_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / ".post-lint.toml"
    before = 'body = { name = "Anoka" }\n'
    path.write_text(before, encoding="utf-8")
    with pytest.raises(ConfigError, match="by hand"):
        add_to_config(path, "words", "Zimmerwald")
    assert path.read_text(encoding="utf-8") == before
