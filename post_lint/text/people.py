"""US census given names and surnames, from the ``names`` package's data files.

Shared by the names check (is this capitalised word a person's name, or an everyday word?) and the
personal-data check (is the word before a phone number someone's first name?).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def census_names() -> tuple[frozenset[str], frozenset[str]] | None:
    """(given names, surnames) in lower case, or None when the package is missing."""
    try:
        import names
    except ImportError:
        return None
    folder = Path(names.__file__).parent

    def read(*files: str) -> frozenset[str]:
        words: set[str] = set()
        for file in files:
            with open(folder / file, encoding="ascii") as handle:
                words.update(line.split(" ", 1)[0].lower() for line in handle if line.strip())
        return frozenset(words)

    return read("dist.male.first", "dist.female.first"), read("dist.all.last")


@lru_cache(maxsize=1)
def census_ranks() -> tuple[dict[str, int], dict[str, int]] | None:
    """(given name, surname) -> rank by frequency (1 the most common), or None without the package."""
    try:
        import names
    except ImportError:
        return None
    folder = Path(names.__file__).parent

    def read(*files: str) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for file in files:
            with open(folder / file, encoding="ascii") as handle:
                for rank, line in enumerate(handle, 1):
                    word = line.split(" ", 1)[0].lower()
                    if word:
                        ranks[word] = min(rank, ranks.get(word, rank))
        return ranks

    return read("dist.male.first", "dist.female.first"), read("dist.all.last")


EVERYDAY = 1000  # pyspellchecker's count at which a word is an everyday English word


@lru_cache(maxsize=1)
def english_speller() -> Any:
    """pyspellchecker's English dictionary (US spellings, edit distance 2), loaded once per process.

    One instance for every user (the builtin grammar engine's spelling, :func:`everyday_word`):
    loading it takes about a tenth of a second and 14 MB, and nobody changes it. None when
    pyspellchecker is missing.
    """
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return SpellChecker(language="en", distance=2)


def _word_counts() -> dict[str, int]:
    speller = english_speller()
    return speller.word_frequency.dictionary if speller is not None else {}


def everyday_word(word: str, threshold: int = EVERYDAY) -> bool:
    """True for a common English word ("Flash", "Utility", "Gift"), which a capitalised first
    name the census lists do not know ("Amir", "Priya") is not. Common names are common words
    too at the default count ("Jane", "Smith"); ``threshold`` ``COMMON_WORD`` keeps only words
    far more common than any name but the few that are words ("Rose", "Hill", "Grant")."""
    return _word_counts().get(word.lower().strip(".'’"), 0) >= threshold


COMMON_WORD = 10_000
