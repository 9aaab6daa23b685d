"""Figures of local history, read through spaCy's parse: "Civil War veteran Amos Tuttle is
buried in Oak Hill Cemetery", "Pioneer doctor Clara Hollis rode to house calls", "Josiah
Wentworth, the town's first blacksmith, forged the bell".

A name is history when the words that describe it (its compounds, its apposition) hold a word
of an era ("pioneer", "Civil War"), or make it a place's first ("the town's first
blacksmith"), or when it is the subject of a verb of the dead ("is buried"). The words are
data (history.txt). The dates that make a figure historical are read in ``_historical``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from post_lint.model import Document
from post_lint.text.parsed import dependents, parsed_span
from post_lint.text.wordlists import word_set_sections

if TYPE_CHECKING:
    from spacy.tokens import Token

_HERE = Path(__file__).parent


def _sections() -> dict[str, frozenset[str]]:
    return word_set_sections(_HERE / "history.txt")


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    words = _sections()
    era = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words["era"], key=len, reverse=True))
    place = "|".join(re.escape(w) for w in sorted(words["place"]))
    namesake = "|".join(re.escape(w) for w in sorted(words["namesake"]))
    return re.compile(rf"\b(?:{era})|\b(?:{place})['’]s\s+first\b|\bburied\b|\b(?:{namesake})\b", re.IGNORECASE)


def _describing(root: Token) -> list[Token]:
    return dependents(root, ("compound", "appos", "amod", "nmod"))


def _of_an_era(words: list[Token]) -> bool:
    era = _sections()["era"]
    lemmas = [t.lemma_.lower() for t in words]
    pairs = {" ".join(lemmas[i : i + 2]) for i in range(len(lemmas) - 1)}
    return any(w in era for w in lemmas) or bool(pairs & era)


def _a_places_first(words: list[Token]) -> bool:
    """ "the town's first blacksmith": an ordinal "first" on a noun a place possesses."""
    places = _sections()["place"]
    for token in words:
        if token.lower_ == "first" and token.dep_ == "amod":
            if any(c.dep_ == "poss" and c.lemma_.lower() in places for c in token.head.children):
                return True
    return False


def historical_figure(doc: Document, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is described as a figure of local history."""
    if not _cue().search(doc.text):
        return False
    span = parsed_span(doc, start, end)
    if span is None:
        return False
    root = span.root
    words = _describing(root)
    if _of_an_era(words) or _a_places_first(words):
        return True
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    namesake = any(c.dep_ == "attr" and c.lemma_.lower() in _sections()["namesake"] for c in verb.children)
    return namesake or verb.lemma_.lower() in _sections()["verb"]
