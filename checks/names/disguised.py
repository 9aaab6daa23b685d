"""Names written so that spaCy's entity recognizer cannot see them.

The model finds people by capitalisation and context; a name in lower case ("jane
smith"), in capitals ("JANE SMITH"), in fullwidth or mathematical letters ("Ｊａｎｅ",
"𝐉𝐚𝐧𝐞") or run together in a hashtag ("#MariaGonzalez") slips past it. Here such a
name is read from the census lists instead: a given name then a surname, neither an
everyday English word (so "grant writer", "rose garden" and "rec center" stay words).
Names written plainly ("Jane Smith") are the model's to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from post_lint.model import Document
from post_lint.normalize import normalize
from post_lint.text.people import COMMON_WORD, everyday_word
from post_lint.text.words import split_camel

_WORD = re.compile(r"(?<![\w'’@#.-])[^\W\d_]{2,}(?![\w'’@-])")


def _a_name(words: list[str], given: frozenset[str], surnames: frozenset[str]) -> bool:
    if not 2 <= len(words) <= 3:
        return False
    first, last = words[0].lower(), words[-1].lower()
    return first in given and last in surnames and not any(everyday_word(w, COMMON_WORD) for w in (first, last))


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
        if not _plain(doc.text[start:end]):
            yield start, end, " ".join(w.capitalize() for w in pair)
    for token in doc.tokens_of("hashtag"):
        parts = split_camel(token.text.lstrip("#"), digits=False)
        if _a_name(parts, given, surnames) and "".join(parts) == token.text.lstrip("#"):
            yield token.start, token.end, " ".join(parts)
