"""Flesch-Kincaid grade level, built in (textstat 0.7 needs NLTK and downloads
the CMU dictionary at run time, which an offline linter cannot do).

    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59

Syllables are counted with the usual vowel-group rules (silent final e, -le,
-ed, -es), which agree with dictionary counts for most everyday words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Sentence ends: . ! ? (not after a short abbreviation) followed by space and a
# capital/quote/end, or a line break.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st ave blvd rd hwy jr sr no vs etc inc co dept gov sen rep jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun a.m p.m e.g i.e u.s approx est".split()
)
_TITLES = frozenset("mr mrs ms dr st jr sr rev gov sen rep lt sgt capt".split())
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)|\r?\n\s*\r?\n|\r?\n(?=\s*(?:[-*\u2022]|\d+[.)])\s)")
_HIATUS = re.compile(r"(?<![tcsgxl])i[ao]|(?<![qg])ua|(?<!g)eo|iu|uo|(?<![tcs])ie(?=t|nt)|ea(?=t(?:e|ion|ing|or))")
_SPECIAL = {"the": 1, "every": 2, "business": 2, "wednesday": 2, "area": 3, "idea": 3, "being": 2, "people": 2, "science": 2}


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    w = word.lower().replace("\u2019", "'").split("'")[0]
    if w in _SPECIAL:
        return _SPECIAL[w]
    if len(w) <= 3:
        return 1
    if (
        w.endswith("e")
        and not w.endswith(("le", "ee", "ye"))
        or w.endswith(("es", "ed"))
        and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes", "shes", "ches"))
    ):
        w = w[:-1] if w.endswith("e") else w[:-2]
    count = len(_VOWEL_GROUPS.findall(w))
    # Two vowels heard as two syllables: "radio", "casual", "video", "quiet", "create".
    count += len(_HIATUS.findall(w))
    return max(1, count)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: int
    syllables: int


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of ``text`` (offsets into it) with their word and syllable counts."""
    start = 0
    for m in _END.finditer(text):
        before = re.search(r"([A-Za-z.]+)\.$", text[start : m.start() + 1])
        if m.group().startswith(".") and before:
            abbreviation = before.group(1).lower()
            following = text[m.end() : m.end() + 3].lstrip()
            # A title never ends a sentence ("Dr. Lee"); other abbreviations do only before a capital.
            if abbreviation in _TITLES or (
                abbreviation.rstrip(".") in _ABBREVIATIONS and not (following and following[0].isupper())
            ):
                continue
        yield from _sentence(text, start, m.end())
        start = m.end()
    yield from _sentence(text, start, len(text))


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    words = [m.group() for m in _WORD.finditer(text, start, end)]
    if not words:
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    yield Sentence(start, end, len(words), sum(syllables(w) for w in words))


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def grade(found: list[Sentence]) -> float:
    words = sum(s.words for s in found)
    if not words:
        return 0.0
    return 0.39 * words / len(found) + 11.8 * sum(s.syllables for s in found) / words - 15.59
