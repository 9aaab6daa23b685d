"""spaCy tokens read past the blanks of a post.

spaCy keeps one space after a word as that word's trailing whitespace, but every
further blank (a doubled space, a tab, a line break) becomes a token of its own,
a SPACE token: "should  have" and "Stupid\\ndrivers" are three tokens, not two.
Token patterns and walks from a word to its neighbour would stop there, so a
doubled space or a line break inside a phrase would hide it from every check
that reads the parse. These helpers step over those tokens.
"""

from __future__ import annotations

from typing import Any

# Any number of blank tokens, between two elements of a spaCy Matcher pattern.
BLANKS: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}


def past_blanks(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A Matcher pattern that also matches with blank tokens between its elements."""
    out: list[dict[str, Any]] = []
    for element in pattern:
        if out:
            out.append(BLANKS)
        out.append(element)
    return out


def is_blank(token: Any) -> bool:
    """A SPACE token: whitespace spaCy could not attach to the word before it."""
    return bool(token.is_space)


class TokenMatcher:
    """spaCy's ``Matcher`` whose patterns step over blank tokens ("should  have approved")."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self._matcher = Matcher(vocab)

    def add(self, label: str, patterns: list[list[dict[str, Any]]]) -> None:
        self._matcher.add(label, [past_blanks(p) for p in patterns])

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        return list(self._matcher(doc))
