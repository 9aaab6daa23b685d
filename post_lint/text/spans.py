"""Helpers for (start, end) spans: overlap tests and keeping the longest of overlapping ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class HasSpan(Protocol):
    # Read-only, so frozen dataclasses (phrases.Match) satisfy it too.
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when [a_start, a_end) and [b_start, b_end) share a character."""
    return a_start < b_end and b_start < a_end


def inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies wholly inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def within(items: Iterable[S], start: int, end: int) -> list[S]:
    """The items (with ``.start``/``.end``) that overlap [start, end)."""
    return [m for m in items if m.start < end and m.end > start]


def drop_overlaps(items: Sequence[S]) -> list[S]:
    """Keep the first of overlapping items; sort by (start, -length) first to keep the longest."""
    kept: list[S] = []
    for item in items:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def keep_longest(items: Iterable[S]) -> list[S]:
    """Of overlapping items keep the longest (the earliest on a tie), in text order."""
    return drop_overlaps(sorted(items, key=lambda m: (m.start, -(m.end - m.start))))
