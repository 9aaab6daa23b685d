"""What a builtin grammar rule reports: shared by the word rules and the parse rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    rule: str
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
