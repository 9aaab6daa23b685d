"""Consent noted in a post: "shared with her permission", "with his parents' consent".

The policy asks for consent before naming a private person, and a parent's for a
child. Checks that flag names or private facts read this to leave alone what the
post says was agreed to. The phrases are data (``data/consent.txt``), matched by
the phrase engine on normalised text; those under ``[parent]`` say a parent or
guardian agreed, and the words under ``[others]`` introduce a third party.

Whom consent covers (``covered``): one person's consent ("with her permission",
"Sam gave his okay") covers that person, the name in or nearest before the phrase,
and their follow-ups ("Eugene" after "Eugene Park"); consent without one person
("used with permission", "with their consent") covers everyone the post names
except a third party introduced by a relation to someone else ("her neighbor
Carl Weiss", "Lucy's friend Marty Cole"), whose consent nobody noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .phrases import find_phrases
from .wordlists import word_list_sections

_DATA = Path(__file__).with_name("data") / "consent.txt"


def _sections() -> dict[str, tuple[str, ...]]:
    return word_list_sections(_DATA)


def _phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    sections = _sections()
    return sections[""], sections.get("parent", ())


@dataclass(frozen=True)
class Consent:
    """What a post says about consent: anyone's, and a parent's or guardian's."""

    noted: bool = False
    parent: bool = False
    spans: tuple[tuple[int, int], ...] = ()  # where the post notes it


# "Geri's story", "Brian’s recovery story": someone telling their own story.
_OWN_STORY = re.compile(r"\b[A-Z][a-z]+['’]s\s+(?:[a-z-]+\s+){0,2}story\b")


def consent_in(text: str) -> Consent:
    """The consent ``text`` notes (a parent's consent is consent too)."""
    anyone, parent = _phrases()
    if found := find_phrases(text, parent):
        return Consent(True, True, tuple((m.start, m.end) for m in found))
    spans = [(m.start, m.end) for m in find_phrases(text, anyone)] + [m.span() for m in _OWN_STORY.finditer(text)]
    return Consent(bool(spans), False, tuple(sorted(spans)))


# One person's consent: "her permission", "his okay" (or a name inside: "Gloria's consent").
_ONE_PERSON = re.compile(r"\b(?:her|his|she|he)\b", re.IGNORECASE)


def _referent(text: str, span: tuple[int, int], names: list[tuple[int, int]]) -> int | None:
    """The index of the name one person's consent is about: the name in the phrase or nearest
    before it, else the first after it."""
    inside = [i for i, (s, e) in enumerate(names) if s >= span[0] - 1 and e <= span[1] + 1]
    before = [i for i, (s, _) in enumerate(names) if s < span[0]]
    after = [i for i, (s, _) in enumerate(names) if s >= span[1]]
    candidates = inside or before[-1:] or after[:1]
    return candidates[0] if candidates else None


def _third_party(text: str, start: int) -> bool:
    """ "her neighbor Carl Weiss", "Lucy's friend Marty Cole": someone else's relation."""
    words = "|".join(re.escape(w) for w in _sections().get("others", ()))
    return bool(
        re.search(rf"\b(?:her|his|their|[A-Z][a-z]+['’]s)\s+(?:\w+\s+)?(?:{words}),?\s+$", text[max(0, start - 40) : start])
    )


def covered(text: str, consent: Consent, names: list[tuple[int, int, str]]) -> set[int]:
    """The indices of ``names`` (start, end, name) that the consent ``text`` notes covers."""
    if not consent.noted:
        return set()
    spans = [(s, e) for s, e, _ in names]
    everyone = {i for i, (s, _) in enumerate(spans) if not _third_party(text, s)}
    chosen: set[int] = set()
    for span in consent.spans:
        phrase = text[span[0] : span[1]]
        named = any(span[0] <= s < span[1] for s, _ in spans)
        if not (named or _ONE_PERSON.search(phrase)):
            return everyone  # "used with permission": everyone but a third party
        referent = _referent(text, span, spans)
        if referent is not None:
            chosen.add(referent)
    # The referent's follow-ups: "Eugene" after "Eugene Park", "Gloria" after "Gloria Esteban-Ruiz".
    words = {w.lower() for i in chosen for w in names[i][2].split()}
    return chosen | {i for i, (_, _, name) in enumerate(names) if {w.lower() for w in name.split()} & words}
