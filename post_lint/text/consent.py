"""Consent noted in a post: "shared with her permission", "with his parents' consent".

The policy asks for consent before naming a private person, and a parent's for a
child. Checks that flag names or private facts read this to leave alone what the
post says was agreed to. The phrases are data (``data/consent.txt``), matched by
the phrase engine on normalised text; those under ``[parent]`` say a parent or
guardian agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .phrases import find_phrases

_DATA = Path(__file__).with_name("data") / "consent.txt"


@cache
def _phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    anyone: list[str] = []
    parent: list[str] = []
    target = anyone
    for raw in _DATA.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line == "[parent]":
            target = parent
            continue
        target.append(line)
    return tuple(anyone), tuple(parent)


@dataclass(frozen=True)
class Consent:
    """What a post says about consent: anyone's, and a parent's or guardian's."""

    noted: bool = False
    parent: bool = False


# "Geri's story", "Brian’s recovery story": someone telling their own story.
_OWN_STORY = re.compile(r"\b[A-Z][a-z]+['’]s\s+(?:[a-z-]+\s+){0,2}story\b")


def consent_in(text: str) -> Consent:
    """The consent ``text`` notes (a parent's consent is consent too)."""
    anyone, parent = _phrases()
    if find_phrases(text, parent):
        return Consent(True, True)
    return Consent(bool(_OWN_STORY.search(text) or find_phrases(text, anyone)), False)
