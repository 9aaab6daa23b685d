"""US census given names and surnames, from the ``names`` package's data files.

Shared by the names check (is this capitalised word a person's name, or an everyday word?) and the
personal-data check (is the word before a phone number someone's first name?).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datacache import cached


@lru_cache(maxsize=1)
def census_names() -> tuple[frozenset[str], frozenset[str]] | None:
    """(given names, surnames) in lower case, or None when the package is missing."""
    folder = _package_folder("names")
    if folder is None:
        return None

    def read(*files: str) -> frozenset[str]:
        words: set[str] = set()
        for file in files:
            with open(folder / file, encoding="ascii") as handle:
                words.update(line.split(" ", 1)[0].lower() for line in handle if line.strip())
        return frozenset(words)

    return cached(
        "census-names",
        [folder / f for f in _CENSUS_FILES],
        lambda: (read("dist.male.first", "dist.female.first"), read("dist.all.last")),
    )


_CENSUS_FILES = ("dist.male.first", "dist.female.first", "dist.all.last")


def _package_folder(name: str) -> Path | None:
    """Where an installed package's files are, without importing it; None when it is missing."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


@lru_cache(maxsize=1)
def census_ranks() -> tuple[dict[str, int], dict[str, int]] | None:
    """(given name, surname) -> rank by frequency (1 the most common), or None without the package."""
    folder = _package_folder("names")
    if folder is None:
        return None

    def read(*files: str) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for file in files:
            with open(folder / file, encoding="ascii") as handle:
                for rank, line in enumerate(handle, 1):
                    word = line.split(" ", 1)[0].lower()
                    if word:
                        ranks[word] = min(rank, ranks.get(word, rank))
        return ranks

    return cached(
        "census-ranks",
        [folder / f for f in _CENSUS_FILES],
        lambda: (read("dist.male.first", "dist.female.first"), read("dist.all.last")),
    )


EVERYDAY = 1000  # pyspellchecker's count at which a word is an everyday English word


@dataclass(frozen=True)
class EnglishWords:
    """pyspellchecker's US-English word counts: the part of its SpellChecker that post-lint reads
    (``word_frequency.dictionary`` and ``word_frequency.total_words``), under the same names."""

    dictionary: Counter[str]
    total_words: int
    sources: tuple[Path, ...] = ()  # the file it was read from (caches built on it are keyed on it)

    @property
    def word_frequency(self) -> EnglishWords:
        return self


@lru_cache(maxsize=1)
def english_speller() -> EnglishWords | None:
    """pyspellchecker's English dictionary (US spellings), loaded once per process.

    One instance for every user (the builtin grammar engine's spelling, :func:`everyday_word`).
    Its gzipped JSON is parsed once and kept as marshal in the user's cache (a third of the
    time, on every cold run; :mod:`post_lint.datacache`). None when pyspellchecker is missing.
    """
    folder = _package_folder("spellchecker")  # found, not imported: the cache may make that needless
    if folder is None:
        return None
    source = folder / "resources" / "en.json.gz"
    words, total = cached("spelling-en", [source], _read_english_words)
    return EnglishWords(Counter(words), total, (source,))


def _read_english_words() -> tuple[dict[str, int], int]:
    from spellchecker import SpellChecker

    frequency = SpellChecker(language="en", distance=2).word_frequency
    return dict(frequency.dictionary), frequency.total_words


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
