"""What a builtin grammar rule reports, and how it spells a fix: shared by the word rules and the parse rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    rule: str
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()


def match_case(original: str, replacement: str) -> str:
    """``replacement`` in the case of the word it replaces: "WHICH" -> "WHO", "Which" -> "Who"."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
