"""A ranked English word list: splitting run-together hashtags, spotting shouted words.

The list (words.txt) is ordered by web frequency; a word's cost in a split is
the log of its rank, so common words win ("booster shot" over "boosters hot" is
not guaranteed, which is why a split is only offered as a suggestion).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.api import load_word_list

_HERE = Path(__file__).parent
_MAX_WORD = 24
_ADDED_RANK = 1000  # words from words-extra.txt and the config count as common
_WORD_PENALTY = 3.0  # per extra word: prefer fewer, longer words
# Two-letter words allowed inside a hashtag split; the full list has many
# obscure ones ("el", "re", "ad") that would split names into nonsense.
_SHORT_MAX_RANK = 20_000
_NEVER_LAST = frozenset({"a", "an", "the", "of"})
_SHORT_WORDS = frozenset(load_word_list(_HERE / "short-words.txt"))


@dataclass(frozen=True)
class Vocabulary:
    rank: dict[str, int]  # word -> frequency rank (0 = most frequent)
    names: frozenset[str]  # entries that are names or acronyms, not dictionary words

    def is_dictionary_word(self, word: str) -> bool:
        return word in self.rank and word not in self.names

    def cost(self, word: str, dictionary_only: bool) -> float | None:
        rank = self.rank.get(word)
        if rank is None:
            return None
        if len(word) <= 2 and word not in _SHORT_WORDS:
            return None
        if len(word) <= 4 and rank >= _SHORT_MAX_RANK:
            return None  # rare short words ("oka", "ween") split names into nonsense
        if dictionary_only and word in self.names:
            return None
        return math.log(rank + 2) + _WORD_PENALTY

    def split(self, letters: str, dictionary_only: bool = False) -> list[str] | None:
        """The cheapest split of lowercase ``letters`` into known words, or None."""
        n = len(letters)
        best: list[tuple[float, int] | None] = [(0.0, 0)] + [None] * n
        for end in range(1, n + 1):
            for start in range(max(0, end - _MAX_WORD), end):
                before = best[start]
                if before is None:
                    continue
                cost = self.cost(letters[start:end], dictionary_only)
                if cost is None:
                    continue
                total = before[0] + cost
                current = best[end]
                if current is None or total < current[0]:
                    best[end] = (total, start)
        if best[n] is None:
            return None
        words = []
        end = n
        while end > 0:
            start = best[end][1]  # type: ignore[index]
            words.append(letters[start:end])
            end = start
        words.reverse()
        if words[-1] in _NEVER_LAST:
            return None  # "moderna" is not "modern a"
        return words


def _read(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line and line[0] != "#"]


@lru_cache(maxsize=4)
def vocabulary(extra: tuple[str, ...] = ()) -> Vocabulary:
    """The bundled list, plus words-extra.txt and the user's words (ranked as fairly common)."""
    bundled = _read(_HERE / "words.txt")
    added = [w.strip().lower() for w in _read(_HERE / "words-extra.txt") + list(extra) if w.strip()]
    names = {w[:-1] for w in bundled if w[-1] == "*"} | {w[:-1] for w in added if w[-1] == "*"}
    names -= {w for w in added if w[-1] != "*"}  # an added plain word is a word, whatever the list says
    rank = {w.rstrip("*"): i for i, w in enumerate(bundled)}
    rank.update({w.rstrip("*"): _ADDED_RANK for w in added})
    # The dictionary behind the list has no one-letter words; "i" stays out, it splits
    # names into nonsense ("dadication" -> "dad i cation").
    rank.setdefault("a", 4)
    return Vocabulary(rank, frozenset(names))
