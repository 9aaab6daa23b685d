"""The richer plugin API: option item types, rule metadata, rule ids checked, the prepare hook."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from post_lint.api import Check, Context, Option
from post_lint.config import Config, ConfigError, resolve_options
from post_lint.model import Document, Finding


def _run(doc: Document, ctx: Context) -> Iterator[Finding]:
    yield from ()


def _check(**options: Option) -> Check:
    return Check("probe", "a probe", "warning", "V", "clause", _run, options=options)


# -- options: item types, checked when the config loads ------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (Option([], "words", list, item_type=str), [1], "'allow' must be a list of strings, got int 1"),
        (Option([], "words", list, item_type=str), ["ok", True], "'allow' must be a list of strings, got bool True"),
        (Option([], "limits", list, item_type=int), [3, "x"], "'allow' must be a list of integers, got str 'x'"),
        (Option({}, "limits by platform", dict, item_type=int), {"x": "1"}, "'allow' must be a table of integers, got str '1'"),
    ],
)
def test_an_item_of_the_wrong_type_is_a_one_line_config_error_naming_the_key(option: Option, value: Any, message: str) -> None:
    config = Config(data={"probe": {"allow": value}})
    with pytest.raises(ConfigError) as error:
        resolve_options(config, _check(allow=option))
    assert str(error.value) == f"<defaults> [probe]: {message}"
    assert "\n" not in str(error.value)


def test_items_of_the_declared_type_pass_and_a_validator_runs_after_them() -> None:
    def not_empty(value: list[str]) -> None:
        if any(not item.strip() for item in value):
            raise ValueError("'allow' may not hold an empty string")

    check = _check(allow=Option([], "words", list, item_type=str, validate=not_empty))
    assert resolve_options(Config(data={"probe": {"allow": ["a", "b"]}}), check)[0]["allow"] == ["a", "b"]
    with pytest.raises(ConfigError, match="may not hold an empty string"):
        resolve_options(Config(data={"probe": {"allow": ["a", " "]}}), check)


def test_a_default_that_breaks_its_own_item_type_is_refused_when_the_check_is_declared() -> None:
    with pytest.raises(ValueError, match="option 'allow' has a default item 1"):
        _check(allow=Option([1], "words", list, item_type=str))


def test_every_built_in_list_of_words_declares_its_item_type() -> None:
    from post_lint.registry import load_checks

    checks, broken = load_checks()
    assert not broken
    untyped = [
        f"{check.name}.{key}"
        for check in checks
        for key, option in check.options.items()
        if isinstance(option.default, list) and option.item_type is None and "table" not in option.help
    ]
    assert untyped == []


def test_the_schema_gives_list_items_their_type() -> None:
    from post_lint.schema import schema

    assert schema()["properties"]["emoji"]["properties"]["allow"]["items"] == {"type": "string"}
