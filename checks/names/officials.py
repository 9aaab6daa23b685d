"""The officials a city allows to be named (``[names] allow``), matched loosely.

"Police Chief Eric Yang" allows "Eric Yang", "Chief Yang", "Eric Yang's",
"Yang" and, once the full name has appeared earlier in the post, "Eric".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


_POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL = re.compile(r"[A-Z]\.?")


def clean_name(name: str) -> str:
    """A name without possessive, suffix or middle initials: "Eric J. Yang Jr.'s" → "Eric Yang"."""
    name = _POSSESSIVE.sub("", name.strip())
    name = _SUFFIX.sub("", name)
    words = [w for w in name.split() if not _INITIAL.fullmatch(w)]
    return " ".join(words)


@dataclass(frozen=True)
class Official:
    full: str  # "eric yang"
    first: str
    last: str


@dataclass(frozen=True)
class Officials:
    people: tuple[Official, ...]

    @classmethod
    def parse(cls, entries: tuple[str, ...], titles: frozenset[str]) -> Officials:
        people = []
        for entry in entries:
            words = [w for w in clean_name(entry).split() if w.rstrip(".").lower() not in titles]
            if words:
                people.append(Official(" ".join(words).lower(), words[0].lower(), words[-1].lower()))
        return cls(tuple(people))

    def allows(self, name: str, text: str, start: int) -> bool:
        key = clean_name(name).lower()
        if not key:
            return False
        words = key.split()
        for person in self.people:
            if key == person.full:
                return True
            if len(words) == 1 and words[0] == person.last:
                return True
            # "Eric" after "Eric Yang": a follow-up by first name.
            if len(words) == 1 and words[0] == person.first and person.full in _plain(text[:start]):
                return True
            # "Eric Yang" when allowed as "Eric J. Yang" or "Eric Yang-Lor": same first and last.
            if len(words) >= 2 and words[0] == person.first and words[-1] == person.last:
                return True
        return False


def _plain(text: str) -> str:
    return " ".join(clean_name(w) for w in re.split(r"\s+", text.lower()))
