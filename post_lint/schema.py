"""A JSON Schema for ``.post-lint.toml``, generated from the top-level keys and the checks' declared options.

Editors with a TOML language server (Taplo, Even Better TOML) use it for completion and
validation. ``post-lint schema`` prints it; ``docs/post-lint.schema.json`` is this output
(``post-lint schema > docs/post-lint.schema.json``) and a test keeps it up to date.
"""

from __future__ import annotations

import json
from typing import Any

from .api import PROFILES, Check, Option
from .config import COMMON_CHECK_KEYS, TOP_LEVEL_KEYS
from .facts import BODY_KEYS, POLICY_KEYS
from .model import FAIL_ON, SEVERITIES

_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
_CHOICES = {"profile": PROFILES, "fail-on": FAIL_ON}


def _type(types: tuple[type, ...]) -> dict[str, Any]:
    names = sorted({_JSON_TYPES.get(t, "string") for t in types})
    if names == ["integer", "number"]:
        names = ["number"]
    return {"type": names[0] if len(names) == 1 else names}


def _option(option: Option) -> dict[str, Any]:
    schema = {"description": option.help, **_type(option.expected)}
    items = option.expected_items
    if items is not None:
        schema["items" if list in option.expected else "additionalProperties"] = _type(items)
    if option.choices is not None:
        schema["enum"] = list(option.choices)
    try:
        json.dumps(option.default)
        schema["default"] = option.default
    except TypeError:
        pass
    return schema


def _check_table(check: Check) -> dict[str, Any]:
    properties = {key: _option(option) for key, option in sorted(check.options.items())}
    properties["severity"] = {"description": COMMON_CHECK_KEYS["severity"][1], "enum": list(SEVERITIES)}
    return {
        "description": f"{check.description} Default severity: {check.severity}. `post-lint explain {check.name}`.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def _keys_table(description: str, keys: dict[str, tuple[tuple[type, ...], str]]) -> dict[str, Any]:
    properties = {key: {"description": help_text, **_type(types)} for key, (types, help_text) in keys.items()}
    return {"description": description, "type": "object", "properties": properties, "additionalProperties": False}


def schema() -> dict[str, Any]:
    """The schema of every key the installed checks accept."""
    from .registry import load_checks

    properties: dict[str, Any] = {}
    for key, (types, help_text) in TOP_LEVEL_KEYS.items():
        properties[key] = {"description": help_text, **_type(types)}
        if key in _CHOICES:
            properties[key]["enum"] = list(_CHOICES[key])
        if types == (list,):
            properties[key]["items"] = {"type": "string"}
    properties["body"] = _keys_table(
        "the public body: its names, site, officials, contacts, partners (post_lint.facts)", BODY_KEYS
    )
    properties["policy"] = _keys_table("the body's own policy, which every finding cites (post_lint.facts)", POLICY_KEYS)
    checks, _broken = load_checks()
    for check in checks:
        properties[check.name] = _check_table(check)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/post-lint/post-lint/blob/main/docs/post-lint.schema.json",
        "title": ".post-lint.toml",
        "description": "post-lint configuration (also [tool.post-lint] in pyproject.toml)",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def render() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")
