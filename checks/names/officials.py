"""The officials a city allows to be named (``[names] allow``), matched loosely.

"Police Chief Eric Yang" allows "Eric Yang", "Chief Yang", "Eric Yang's",
"Yang", a short first name ("Ray Okafor" for "Raymond Okafor": one first name the
start of the other), the first name after a title ("Chief Eric",
"Director Luis") and, once the full name has appeared earlier in the post, "Eric".
The name in an entry is what follows its title, whatever the title's words
("Board Chair Gus Lindqvist", "Register of Deeds Carol Jeffries"): the words before
the first given name the census lists, or before the last two words.
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


def _name_words(entry: str, titles: frozenset[str], given: frozenset[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of one entry: "Board Chair Gus Lindqvist" is (Board Chair, Gus
    Lindqvist). A title word the titles list lacks ("Board", "Register of Deeds") goes while a
    census given name or two words are still to come."""
    words = clean_name(entry).split()
    title: list[str] = []
    while len(words) > 1 and (
        words[0].rstrip(".").lower() in titles or not words[0][0].isupper() or (len(words) > 2 and words[0].lower() not in given)
    ):
        title.append(words.pop(0))
    return title, words


# A short form of a first name is its start: "Ray" for "Raymond", "Sam" for "Samuel" (not "Carla" for "Carol").
_SHORT_FORM = 3


def _same_first(written: str, listed: str) -> bool:
    if written == listed:
        return True
    shorter, longer = sorted((written, listed), key=len)
    return len(shorter) >= _SHORT_FORM and longer.startswith(shorter)


@dataclass(frozen=True)
class Officials:
    people: tuple[Official, ...]
    titles: frozenset[str] = frozenset()  # title words, the lists' and the entries' own ("director", "board")

    @classmethod
    def parse(cls, entries: tuple[str, ...], titles: frozenset[str], given: frozenset[str] = frozenset()) -> Officials:
        people = []
        title_words = set(titles)
        for entry in entries:
            title, words = _name_words(entry, titles, given)
            title_words.update(w.rstrip(".").lower() for w in title)
            if words:
                people.append(Official(" ".join(words).lower(), words[0].lower(), words[-1].lower()))
        return cls(tuple(people), frozenset(title_words))

    def _after_title(self, text: str, start: int) -> bool:
        """A title word just before ``start``: "Director Luis", "Chief Ana"."""
        before = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, start - 30) : start])
        return bool(before) and before.group(1).lower() in self.titles

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
            # "Eric" after "Eric Yang", or after a title ("Director Luis"): the official by first name.
            if (
                len(words) == 1
                and words[0] == person.first
                and (person.full in _plain(text[:start]) or self._after_title(text, start))
            ):
                return True
            # "Eric Yang" when allowed as "Eric J. Yang"; "Ray Okafor" for "Raymond Okafor".
            if len(words) >= 2 and _same_first(words[0], person.first) and words[-1] == person.last:
                return True
        return False


def _plain(text: str) -> str:
    return " ".join(clean_name(w) for w in re.split(r"\s+", text.lower()))
