"""What a builtin grammar rule reports, and how it spells a fix: shared by the word rules and the parse rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Hit:
    rule: str
    # A sentence of its own, for the few forms a rule's one rules.toml template does not
    # cover; "" when the rule's template says it, filled in with ``fields`` (see ``of``).
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, rule: str, start: int, end: int, suggestions: tuple[str, ...] = (), /, **fields: Any) -> Hit:
        """A hit whose message is the rule's template in rules.toml, filled in with ``fields``."""
        return cls(rule, "", start, end, suggestions, tuple(fields.items()))


def match_case(original: str, replacement: str) -> str:
    """``replacement`` in the case of the word it replaces: "WHICH" -> "WHO", "Which" -> "Who"."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
