"""A regex alternation of literal words, factored by their shared beginnings.

``re`` tries the branches of ``(?:arrest|assault|asthma|...)`` one after another at
every position it tests, so a list of a few hundred words costs a few hundred
comparisons at each word of a post. Factored into a trie (``a(?:rrest|s(?:sault|thma))``)
it costs one comparison per letter of the text that matches so far. The factored
pattern matches exactly the same strings as the flat one, and at a given start the
same word as a flat list sorted longest first: every word that can match there is a
beginning of the same text, so they lie on one path of the trie, and a word's end is
tried only after its longer continuations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the trie key that marks a whole word (no letter is the empty string)


def literal_alternation(words: Iterable[str], space: str | None = None) -> str:
    r"""Regex source matching any one of ``words`` literally (escaped), factored as a trie.

    ``space``, when given, is the source a space in a word stands for (``r"\s+"``: any run of
    white space). An empty list gives a pattern that never matches, as ``(?:)`` would match
    everywhere.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _branches(root, space)


def word_alternation(words: Iterable[str], space: str) -> str:
    """Regex source matching any one of ``words``, a space in a word standing for ``space``, the
    longest word first where several match at a place.

    A trie (:func:`literal_alternation`) when every word is single-spaced and none is empty: it
    then matches what the flat list matches, span for span. Otherwise the flat list, longest
    pattern first, whose order decides.
    """
    forms = list(words)
    if all(form and form == " ".join(form.split()) for form in forms):
        return literal_alternation(forms, space)
    return "|".join(sorted((re.escape(form).replace(r"\ ", space) for form in forms), key=len, reverse=True))


def _branches(node: dict[str, dict], space: str | None) -> str:
    """The source for the words below ``node``; longer continuations are tried before a word's end."""
    # Iterative over a word's single-child run, so a long word does not nest one group a letter.
    parts = []
    for char in sorted(c for c in node if c != _END):
        run, child = _literal(char, space), node[char]
        while len(child) == 1 and _END not in child:
            ((char, child),) = child.items()
            run += _literal(char, space)
        parts.append(run + _branches(child, space))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END not in node:
        return body
    return body + "?" if len(parts) > 1 else f"(?:{body})?"


def _literal(char: str, space: str | None) -> str:
    return space if char == " " and space is not None else re.escape(char)
