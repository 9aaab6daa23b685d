"""Flesch-Kincaid grade level, built in (textstat 0.7 needs NLTK and downloads
the CMU dictionary at run time, which an offline linter cannot do).

    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59

Syllables are counted with the usual vowel-group rules (silent final e, -le,
-ed, -es), which agree with dictionary counts for most everyday words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.text.sentences import split_sentences

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Sentence ends: . ! ? (not after a short abbreviation) followed by space and a
# capital/quote/end, or a line break.
_HIATUS = re.compile(r"(?<![tcsgxl])i[ao]|(?<![qg])ua|(?<!g)eo|iu|uo|(?<![tcs])ie(?=t|nt)|ea(?=t(?:e|ion|ing|or))")
# Words the rules above miscount (syllables.toml).
_SPECIAL: dict[str, int] = tomllib.loads(Path(__file__).with_name("syllables.toml").read_text(encoding="utf-8"))


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
    for start, end in split_sentences(text):
        yield from _sentence(text, start, end)


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
