"""Spelling for the builtin grammar engine: which words are English, and what a typo most likely meant.

Two word lists, one frequency scale (Zipf: log10 of uses per billion words; "the" is 7.6):

- words.tsv, built by scripts/build_spelling_words.py: symspellpy's 82,765-word frequency list
  (Google Books counts intersected with SCOWL, so it holds few misspellings), everyday words newer
  than it ("telehealth", "selfie") and lower-case words several county government accounts wrote.
- pyspellchecker's US-English dictionary, already loaded for the names check (160,000 words with
  subtitle counts; many are rare names and foreign words, so only its commoner words are offered
  as corrections).

Corrections reach two edits (a transposition is one), ranked by frequency less a cost per edit,
so "schedual" gives "schedule" and "nessary" "necessary" rather than the rarer "pessary". The
second edit is searched through an index of the listed words' one-letter deletions, built per first
letter and length when first needed (typos seldom change the first letter): a few milliseconds a word, instead
of the hundreds of thousands of strings a brute-force two-edit search makes.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import cached
from post_lint.text.people import english_speller

_HERE = Path(__file__).parent
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

OFFERED = 2.5  # a pyspellchecker-only word at least this common (Zipf) may be offered as a correction
# Zipf points a correction loses for one edit and for two: one edit to a word 40 times more common
# is a tie, and a second edit costs more again ("wierd" is "weird", not the far commoner "were").
EDIT_COST = {1: 1.6, 2: 4.0}
TWO_EDITS_FROM = 5  # letters a word needs before two-edit corrections are sought ("brn" has too many)
# Bump when what the cached deletion indexes hold changes (OFFERED, or how they are built).
_INDEX_VERSION = 2


class Speller:
    """The lexicon and the corrections search; one per process (:func:`speller`)."""

    def __init__(self, listed: dict[str, int], counts: dict[str, int], total: int, sources: tuple[Path, ...] = ()) -> None:
        self.listed = listed  # word -> Zipf x 10, from words.tsv
        self.counts = counts  # pyspellchecker: word -> count
        self.sources = sources  # the files both lists came from: the deletion indexes are cached on them
        self._per_billion = 1e9 / total if total else 0.0
        self._deletes: dict[tuple[str, int], dict[str, str]] = {}
        self._pool: dict[tuple[str, int], list[str]] | None = None

    def zipf(self, word: str) -> float | None:
        """How common ``word`` is (Zipf), or None for a word neither list has."""
        listed = self.listed.get(word)
        if listed is not None:
            return listed / 10
        count = self.counts.get(word)
        if count:
            return math.log10(count * self._per_billion)
        return None

    def known(self, word: str) -> bool:
        return word in self.listed or word in self.counts

    __contains__ = known

    def listed_word(self, word: str) -> bool:
        """In words.tsv: an English word by better evidence than a subtitle count alone."""
        return word in self.listed

    def _offered(self, word: str) -> float | None:
        """The Zipf of a word that may be offered as a correction, else None."""
        listed = self.listed.get(word)
        if listed is not None:
            return listed / 10
        count = self.counts.get(word)
        if count and word.isalpha():
            z = math.log10(count * self._per_billion)
            if z >= OFFERED:
                return z
        return None

    def corrections(self, word: str, limit: int = 3, two_edits: bool = True) -> list[tuple[str, int, float]]:
        """(correction, edits, score) for lower-case ``word``, best first: frequency less EDIT_COST."""
        # One edit away any dictionary word may be meant ("snowplowz", "snowplows"); two edits away
        # only a commoner one (_offered), or every rare word would be somebody's correction.
        found: dict[str, float] = {}
        for candidate in _edits1(word, 0):
            z = self.zipf(candidate)
            if z is not None and candidate.isalpha():
                found[candidate] = z - EDIT_COST[1]
        scored = [(candidate, 1, score) for candidate, score in found.items()]
        if two_edits and len(word) >= TWO_EDITS_FROM:
            for candidate in self._two_edits(word):
                z = self._offered(candidate)
                if candidate not in found and z is not None and candidate != word:
                    scored.append((candidate, 2, z - EDIT_COST[2]))
        scored.sort(key=lambda c: (-c[2], c[0]))
        return scored[:limit]

    def _two_edits(self, word: str) -> set[str]:
        """Offered words two edits from ``word`` that keep its first letter (the edits come after it)."""
        first = word[0]
        found: set[str] = set()
        # Most strings tried are no word at all: two set look-ups rule them out before _offered.
        listed, counts, offered = self.listed, self.counts, self._offered
        for middle in _edits1(word, 1):
            # middle + one letter inserted (after the first)
            inserted = self._deletes_of(first, len(middle) + 1).get(middle)
            if inserted:
                found.update(inserted.split())
            same_length = self._deletes_of(first, len(middle))
            for i in range(1, len(middle)):
                shorter = middle[:i] + middle[i + 1 :]
                # middle with a letter deleted
                if (shorter in listed or shorter in counts) and offered(shorter) is not None:
                    found.add(shorter)
                # middle with the letter at i replaced: both lose that letter to the same string
                replaced = same_length.get(shorter)
                if replaced:
                    found.update(c for c in replaced.split() if c[:i] == middle[:i])
            for i in range(1, len(middle) - 1):
                swapped = middle[:i] + middle[i + 1] + middle[i] + middle[i + 2 :]
                if (swapped in listed or swapped in counts) and offered(swapped) is not None:
                    found.add(swapped)
        return found

    def _deletes_of(self, first: str, length: int) -> dict[str, str]:
        """Offered words of ``length`` letters starting with ``first`` (joined by spaces), by each of
        their one-letter deletions after the first letter. A string, not a list, per deletion: the
        cached indexes load three times as fast, and few of their entries are ever read. Built per first letter and length when first needed: a
        two-edit search needs four lengths, and building a whole letter's index cost tens of ms.
        Each is kept in the user's cache (:mod:`post_lint.datacache`) on the word lists' files:
        building them was two thirds of the spelling's time in a run that met a few typos."""
        key = (first, length)
        index = self._deletes.get(key)
        if index is None:
            if self.sources:
                name = f"speller-deletes-{first}{length}"
                index = cached(name, self.sources, lambda: self._build_deletes(first, length), version=_INDEX_VERSION)
            else:
                index = self._build_deletes(first, length)
            self._deletes[key] = index
        return index

    def _build_deletes(self, first: str, length: int) -> dict[str, str]:
        index: dict[str, list[str]] = {}
        for w in self._by_first().get((first, length), ()):
            for i in range(1, length):
                index.setdefault(w[:i] + w[i + 1 :], []).append(w)
        return {deleted: " ".join(words) for deleted, words in index.items()}

    def _by_first(self) -> dict[tuple[str, int], list[str]]:
        """Every word that may be offered, by first letter and length (made once, on the first two-edit search)."""
        if self._pool is None:
            pool: dict[tuple[str, int], list[str]] = {}
            least = 10**OFFERED / self._per_billion if self._per_billion else math.inf
            extra = [w for w, c in self.counts.items() if c >= least and w not in self.listed and w.isalpha()]
            for w in [*self.listed, *extra]:
                pool.setdefault((w[0], len(w)), []).append(w)
            self._pool = pool
        return self._pool


def _edits1(word: str, start: int) -> set[str]:
    """Every string one edit from ``word`` (delete, swap of neighbours, replace, insert) at or after ``start``."""
    out: set[str] = set()
    n = len(word)
    for i in range(start, n + 1):
        head, tail = word[:i], word[i:]
        if tail:
            out.add(head + tail[1:])
            if len(tail) > 1:
                out.add(head + tail[1] + tail[0] + tail[2:])
            for c in _LETTERS:
                out.add(head + c + tail[1:])
        for c in _LETTERS:
            out.add(head + c + tail)
    out.discard(word)
    return out


def _load_words(path: Path) -> dict[str, int]:
    """words.tsv: a line per frequency ("76<TAB>the ..."), so loading is a split a line (about 20 ms)."""
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line[0] != "#":
                zipf, _, listed = line.partition("\t")
                words.update(dict.fromkeys(listed.split(), int(zipf)))
    return words


@lru_cache(maxsize=1)
def speller() -> Speller:
    """The shared speller; ImportError without pyspellchecker (its US dictionary is half the lexicon)."""
    english: Any = english_speller()
    if english is None:
        raise ImportError("pyspellchecker is not installed (pip install pyspellchecker)")
    frequency = english.word_frequency
    sources = (_HERE / "words.tsv", *english.sources)
    return Speller(_load_words(_HERE / "words.tsv"), frequency.dictionary, frequency.total_words, sources)
