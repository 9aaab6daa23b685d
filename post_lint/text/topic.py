"""What a comment is about, in words: the post it answers, and the body's business.

Section V lets staff hide comments "totally unrelated to the topic of the forum". The
off-topic check's rules and the comment checks' learned layer both ask the same two
questions of a comment's content words: does it share one with the post it answers, and
does it name anything of the body's business (``data/civic.txt``, the body's own names,
officials, partners and vocabulary)? Words are matched on a rough stem, and two words of
five letters or more that begin alike count as shared ("plowed" and "plows").

Measured on the training comments whose post is known (98 off-topic, 944 legitimate):
"shares no word with the post and none with the body's business" separates off-topic
comments with a ROC AUC of 0.86, while the cosine between the mean tok2vec vectors of the
comment and of the post scores 0.45, no better than chance: the small English model's
vectors are trained to tag and parse, not to say what a text is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ..facts import Facts
from .wordlists import load_word_list

_DATA = Path(__file__).with_name("data")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for line in load_word_list(_DATA / "topic-stopwords.txt") for w in line.split())


@cache
def civic_words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Stems of the words that tie a comment to a public body's business, whatever the post was about."""
    return frozenset(stem(w) for w in load_word_list(_DATA / "civic.txt", extra))


def stem(word: str) -> str:
    """A rough stem, enough to match 'plowing' with 'plow' and 'towed' with 'tow'."""
    word = word.lower().replace("\u2019", "'").removesuffix("'s").strip("'")
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word


def content_words(words: Iterable[str]) -> set[str]:
    """Stems of the words that say what a text is about (three letters or more, no stopword)."""
    stop = _stopwords()
    return {stem(w) for w in words if len(w) >= 3 and w.lower().replace("\u2019", "'") not in stop}


def content_of(text: str) -> set[str]:
    return content_words(WORD.findall(text))


def facts_words(facts: Facts) -> set[str]:
    """Stems of the body's own name, aliases, officials, partners and vocabulary."""
    names = [facts.name, *facts.aliases, *facts.officials, *facts.partner_names, *facts.vocabulary]
    return content_words(w for name in names for w in WORD.findall(name))


def related(words: set[str], topic: set[str] | frozenset[str]) -> bool:
    """Whether two sets of stems share a word, or a word of five letters or more begins as one of the other's."""
    if words & topic:
        return True
    prefixes = {w[:5] for w in topic if len(w) >= 5}
    return any(len(w) >= 5 and w[:5] in prefixes for w in words)
