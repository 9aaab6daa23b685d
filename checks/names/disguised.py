"""Names written so that spaCy's entity recognizer cannot see them.

The model finds people by capitalisation and context; a name in lower case ("jane
smith"), in capitals ("JANE SMITH"), in fullwidth or mathematical letters ("Ｊａｎｅ",
"𝐉𝐚𝐧𝐞") or run together in a hashtag ("#MariaGonzalez") slips past it. Here such a
name is read from the census lists instead: a common given name (among the 1,000 most
frequent) then a common surname (among the 15,000 most frequent), neither an everyday
English word. So "grant writer", "rose garden" and "rec center" stay words, and so do places
named like people ("#GlenBurnie", "#AnneArundel") and Spanish words ("una vida"). Names
written plainly ("Jane Smith") are the model's to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from post_lint.model import Document
from post_lint.normalize import normalize
from post_lint.text.people import COMMON_WORD, census_ranks, everyday_word
from post_lint.text.words import split_camel

_WORD = re.compile(r"(?<![\w'’@#.-])[^\W\d_]{2,}(?![\w'’@-])")


GIVEN_RANK = 1000  # read without the model only when common: "Maria", "Jane", not "Una"
SURNAME_RANK = 15_000  # "Gonzalez", "Kinne", not "Arundel" or "Burnie"


def _a_name(words: list[str], given: frozenset[str], surnames: frozenset[str]) -> bool:
    if not 2 <= len(words) <= 3:
        return False
    first, last = words[0].lower(), words[-1].lower()
    if first not in given or last not in surnames or any(everyday_word(w, COMMON_WORD) for w in (first, last)):
        return False
    ranks = census_ranks()
    if ranks is None:
        return True
    return ranks[0].get(first, GIVEN_RANK + 1) <= GIVEN_RANK and ranks[1].get(last, SURNAME_RANK + 1) <= SURNAME_RANK


def _plain(written: str) -> bool:
    """Capitalised as a name in plain letters: the model reads it."""
    return written.isascii() and all(w[:1].isupper() and not w.isupper() for w in written.split())


def disguised_names(doc: Document, given: frozenset[str], surnames: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name as it reads) of each given name + surname written in disguise."""
    norm = normalize(doc.words_text, lower=False, spaced=False, blanks=False)
    words = list(_WORD.finditer(norm.text))
    for first, last in zip(words, words[1:], strict=False):
        if not re.fullmatch(r"[ \t]+", norm.text[first.end() : last.start()]):
            continue
        pair = [first.group(), last.group()]
        if not _a_name(pair, given, surnames):
            continue
        start, end = norm.span(first.start(), last.end())
        written = doc.text[start:end]
        if written.isascii() and not (written.islower() or written.isupper()):
            continue  # "de Paul thrift store": one word capitalised, one not, is no disguise
        if not _plain(written):
            yield start, end, " ".join(w.capitalize() for w in pair)
    for token in doc.tokens_of("hashtag"):
        parts = split_camel(token.text.lstrip("#"), digits=False)
        # Each part a capitalised word ("#MariaGonzalez"), not an acronym ("#EMAChristmas").
        if "".join(parts) != token.text.lstrip("#") or not all(p[:1].isupper() and p[1:].islower() for p in parts):
            continue
        if _a_name(parts, given, surnames):
            yield token.start, token.end, " ".join(parts)
