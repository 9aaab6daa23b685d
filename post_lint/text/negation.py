"""Negation cues: "not useless", "no fault of theirs", "never late".

Two views of one word list (``data/negations.txt``): a lexical test on plain
text for checks without spaCy, and a test on a spaCy token's dependants for
checks that have the parse.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from .wordlists import load_word_list

_WORD = re.compile(r"[\w'’]+")


@cache
def negations() -> frozenset[str]:
    return frozenset(load_word_list(Path(__file__).with_name("data") / "negations.txt"))


def is_negation(word: str) -> bool:
    word = word.lower().replace("\u2019", "'")
    return word in negations() or word.endswith("n't")


def negated_before(text: str, offset: int, window: int = 3, floor: int = 0) -> bool:
    """True when one of the ``window`` words before ``offset`` (not before ``floor``) negates it."""
    words = _WORD.findall(text[max(floor, offset - 80) : offset])
    return any(is_negation(w) for w in words[-window:])


def token_negated(token: Any) -> bool:
    """True when a spaCy token has a negating dependant ("not" under "useless")."""
    return any(child.dep_ == "neg" or is_negation(child.lower_) for child in token.children if child.i < token.i)
