"""The rules a city declares in ``[[custom.rule]]`` tables: reading, validating, describing.

Every problem is a ``ValueError`` with one line naming the rule and the key;
the config layer prefixes the file and ``[custom]`` and reports it as a config
error (exit 2), never a traceback.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from post_lint.model import SEVERITIES
from post_lint.text.phrases import NAME

SCOPES = ("post", "sentence")
COMMON_KEYS = ("id", "kind", "message", "severity", "policy")
# kind -> (required keys, optional keys)
KIND_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "existence": (("tokens",), ("exceptions",)),
    "substitution": (("swap",), ("exceptions",)),
    "requires": (("if", "then"), ("scope",)),
}
KINDS = tuple(KIND_KEYS)
# Placeholders a message may use, per kind.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "existence": ("match",),
    "substitution": ("match", "suggestion"),
    "requires": ("match",),
}
DEFAULT_MESSAGES = {
    "existence": "'{match}': the city's own rules say not to write this",
    "substitution": "write '{suggestion}' instead of '{match}'",
    "requires": "a post that mentions '{match}' should also say {then}",
}
# What each key is for, in the one-line errors about a missing key.
NEEDS = {
    "tokens": "the words or phrases never to write",
    "swap": 'a table of wrong = "right" forms',
    "if": "the words that make the rule apply",
    "then": "the words the post must then also contain",
}


@dataclass(frozen=True)
class Rule:
    """One declared rule, validated."""

    id: str
    kind: str
    message: str
    severity: str | None = None  # None: the check's severity ([custom] severity, else warning)
    policy: str | None = None  # None: the check's own policy clause
    tokens: tuple[str, ...] = ()  # existence
    exceptions: tuple[str, ...] = ()  # existence, substitution: phrases inside which a match is fine
    swap: tuple[tuple[str, str], ...] = ()  # substitution: (wrong, right), longest wrong first
    if_: tuple[str, ...] = ()  # requires
    then: tuple[str, ...] = ()  # requires
    scope: str = "post"  # requires: where a "then" word must be

    @property
    def rule_id(self) -> str:
        return f"custom/{self.id}"

    def describe(self) -> str:
        """One line for ``post-lint checks --rules`` and ``post-lint explain custom``."""
        if self.kind == "existence":
            what = "never write " + _either(self.tokens)
        elif self.kind == "substitution":
            what = "write " + ", ".join(f"'{right}' for '{wrong}'" for wrong, right in self.swap)
        else:
            where = "sentence" if self.scope == "sentence" else "post"
            what = f"a {where} that mentions {_either(self.if_)} must also say {_either(self.then)}"
        if self.exceptions:
            what += f" (except in {_either(self.exceptions)})"
        extras = "; ".join(e for e in (self.severity, self.policy) if e)
        said = f'; says "{self.message}"' if self.message != self.default_message else ""
        return f"{self.kind}: {what}{said}" + (f" [{extras}]" if extras else "")

    @property
    def default_message(self) -> str:
        return default_message(self.kind, self.then)


def _either(words: Sequence[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def parse_rules(value: Any) -> tuple[Rule, ...]:
    """The rules of a ``rule`` option value (a list of tables); ValueError on any problem."""
    return _parse(_Key(value))


class _Key:
    """TOML data (lists and tables of scalars, dates included) as an lru_cache key, typed so 1 is not True."""

    __slots__ = ("frozen", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self.frozen = _frozen(value)

    def __hash__(self) -> int:
        return hash(self.frozen)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.frozen == other.frozen


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return ("table", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_frozen(item) for item in value))
    return (type(value).__name__, value)


def validate(value: Any) -> None:
    """The ``rule`` option's validator (post_lint.api.Option.validate)."""
    parse_rules(value)


@lru_cache(maxsize=32)
def _parse(key: _Key) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for number, table in enumerate(key.value, start=1):
        rule = _parse_one(number, table)
        if rule.id in seen:
            raise ValueError(f"rule {number}: id '{rule.id}' is already used by rule {seen[rule.id]}")
        seen[rule.id] = number
        rules.append(rule)
    return tuple(rules)


def _parse_one(number: int, table: Any) -> Rule:
    if not isinstance(table, dict):
        raise ValueError(f"rule {number} must be a table ([[custom.rule]] with id, kind, ...), got {_shown(table)}")
    rule_id = table.get("id")
    if rule_id is None:
        raise ValueError(f"rule {number}: missing 'id' (the name findings are reported under, custom/<id>)")
    if not isinstance(rule_id, str) or not _is_identifier(rule_id):
        raise ValueError(f"rule {number}: 'id' must be letters, digits, '-' or '_' (e.g. \"no-guys\"), got {_shown(rule_id)}")
    where = f"rule '{rule_id}'"
    kind = table.get("kind")
    if kind is None:
        raise ValueError(f"{where}: missing 'kind' (one of {', '.join(KINDS)})")
    if not isinstance(kind, str) or kind not in KIND_KEYS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (one of {', '.join(KINDS)})"
        raise ValueError(f"{where}: unknown kind {kind!r}{hint}")
    required, optional = KIND_KEYS[kind]
    allowed = list(COMMON_KEYS) + list(required) + list(optional)
    for key in table:
        if key not in allowed:
            other = [k for k, (req, opt) in KIND_KEYS.items() if key in req or key in opt]
            if other:
                raise ValueError(f"{where}: '{key}' belongs to {other[0]} rules, not to {_a(kind)} rule")
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ValueError(f"{where}: unknown key '{key}'{hint}")
    for key in required:
        if key not in table:
            raise ValueError(f"{where}: missing '{key}' ({NEEDS[key]})")

    severity = _optional_str(where, table, "severity")
    if severity is not None and severity not in SEVERITIES:
        raise ValueError(f"{where}: 'severity' must be one of {', '.join(SEVERITIES)}, got {severity!r}")
    policy = _optional_str(where, table, "policy")
    message = _optional_str(where, table, "message")
    if message is not None:
        _check_message(where, kind, message)
    fields: dict[str, Any] = {}
    if kind == "existence":
        fields["tokens"] = _phrases(where, table, "tokens")
    elif kind == "substitution":
        fields["swap"] = _swap(where, table["swap"])
    else:
        fields["if_"] = _phrases(where, table, "if")
        fields["then"] = _phrases(where, table, "then")
        scope = _optional_str(where, table, "scope") or "post"
        if scope not in SCOPES:
            raise ValueError(f"{where}: 'scope' must be one of {', '.join(SCOPES)}, got {scope!r}")
        fields["scope"] = scope
    if "exceptions" in table:
        fields["exceptions"] = _phrases(where, table, "exceptions")
    if message is None:
        message = default_message(kind, fields.get("then", ()))
    return Rule(id=rule_id, kind=kind, message=message, severity=severity, policy=policy, **fields)


def default_message(kind: str, then: Sequence[str] = ()) -> str:
    """The message of a rule that sets none (a template: placeholders as the kind offers)."""
    message = DEFAULT_MESSAGES[kind]
    if kind == "requires":
        message = message.replace("{then}", _either(then).replace("{", "{{").replace("}", "}}"))
    return message


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _is_identifier(value: str) -> bool:
    return bool(value) and value[0].isalnum() and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"


def _optional_str(where: str, table: Mapping[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"{where}: '{key}' must be a non-empty string, got {_shown(value)}")
    return value


def _phrases(where: str, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table[key]
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: '{key}' must be a non-empty list of strings, got {_shown(value)}")
    for phrase in value:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ValueError(f"{where}: '{key}' must be a list of non-empty strings, got {_shown(phrase)}")
        if all(word == "*" for word in phrase.split()):
            raise ValueError(f"{where}: '{key}' entry {phrase!r} would match any word")
    return tuple(p.strip() for p in value)


def _swap(where: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{where}: 'swap' must be a table of wrong = \"right\" forms, got {_shown(value)}")
    pairs = []
    for wrong, right in value.items():
        if not isinstance(right, str) or not right.strip():
            raise ValueError(f"{where}: 'swap' value for {wrong!r} must be a non-empty string, got {_shown(right)}")
        if not wrong.strip():
            raise ValueError(f"{where}: 'swap' has an empty key")
        # A wildcard stands for many spellings; one right form could not replace them all.
        if "*" in wrong or "|" in wrong or NAME in wrong.lower():
            raise ValueError(f"{where}: 'swap' key {wrong!r} must be plain words (no *, | or <name>)")
        pairs.append((wrong.strip(), right.strip()))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _check_message(where: str, kind: str, message: str) -> None:
    allowed = PLACEHOLDERS[kind]
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise ValueError(f"{where}: 'message' is not a valid template ({exc}); write {{{{ and }}}} for braces") from None
    for name in fields:
        if name not in allowed:
            placeholders = ", ".join("{" + a + "}" for a in allowed)
            raise ValueError(f"{where}: 'message' has an unknown placeholder {{{name}}}; {_a(kind)} rule offers {placeholders}")


def render(message: str, **values: str) -> str:
    """A validated message with its placeholders filled in."""
    return message.format(**values)
