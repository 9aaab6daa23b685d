"""The negative cue words and phrases, read from the data files in ``cues/``.

Each file is one kind of cue, and the kind decides what the cue is aimed at
(see ``target.py``): criticism is said OF its subject ("their staff are rude"),
blame_at and avoid are aimed AT their object ("blame them", "avoid their events").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.api import load_word_list
from post_lint.normalize import Normalized

_HERE = Path(__file__).parent / "cues"

# file stem -> (kind shown in messages, role)
#   said-of: the partner is what the cue describes (subject, modified noun, owner)
#   aimed-at: the partner is the object (blamed, avoided, complained about)
#   negated: praise that counts only when negated ("not helpful"), said of the partner
#   modifier: "so-called" and the like, on the partner or its services
#   remark: a sarcastic remark about whatever partner the sentence refers to
#   fragment: a verdict standing alone ("Unbelievable."), about the sentence before
#   judgment: a general sentiment lexicon's negative words, counted only as adjectives and
#             adverbs said of the partner ("their staff were unpleasant"), since its nouns and
#             verbs are mostly bad news that happens TO a partner ("loss", "damaged")
#   comparison: a comparative with "than <partner>"
#   reliability: a hedge that the partner will do its job at all ("if they ever show"), said of it
CUE_FILES: dict[str, tuple[str, str]] = {
    "criticism": ("criticism", "said-of"),
    "blame": ("blame", "said-of"),
    "complaint": ("criticism", "aimed-at"),
    "blame_at": ("blame", "aimed-at"),
    "avoid": ("advice to avoid", "aimed-at"),
    "positive": ("criticism", "negated"),
    "sarcasm": ("sarcasm", "modifier"),
    "remarks": ("sarcasm", "remark"),
    "fragments": ("criticism", "fragment"),
    "lexicon": ("criticism", "judgment"),
    "comparison": ("put-down by comparison", "comparison"),
    "reliability": ("doubt about its reliability", "said-of"),
}


@dataclass(frozen=True)
class Cue:
    start: int  # offsets into the original text
    end: int
    source: str  # file stem: criticism, blame, ...

    @property
    def kind(self) -> str:
        return CUE_FILES[self.source][0]

    @property
    def role(self) -> str:
        return CUE_FILES[self.source][1]


_SEP = r"[\s\-\u2010-\u2015]+"


def entry_pattern(entry: str) -> str:
    """A cue entry as a regex.

    "*" is any word ending ("incompeten*"), "_" up to three words ("let _ down": "let
    residents down"), a leading "a" also matches "an"; spaces and hyphens are
    interchangeable and apostrophes optional ("don't", "dont").
    """
    words = entry.lower().split()
    out = []
    for index, word in enumerate(words):
        if word == "_":
            out.append(r"(?:[^\W_]+[\s\-\u2010-\u2015,]+){0,3}")  # "thanks, ARCC, for nothing"
            continue
        if index == 0 and word == "a" and len(words) > 1:
            out.append("an?")
        else:
            out.append(_word_pattern(word))
        if index < len(words) - 1:
            out.append(r"[\s\-\u2010-\u2015,]+" if words[index + 1] == "_" else _SEP)
    return "".join(out)


def _word_pattern(word: str) -> str:
    out = []
    for ch in word:
        if ch == "*":
            out.append(r"[^\W_]*")
        elif ch == "-":
            out.append(r"[\s\-\u2010-\u2015]*")
        elif ch in "'\u2019":
            out.append("['\u2019]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_PLAIN_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class CueSet:
    """The compiled cue lists: plain words by set lookup (most of the lexicon), the rest by regex."""

    words: Mapping[str, tuple[str, ...]]  # word -> the files it is in
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=16)
def compile_cues(extra: tuple[tuple[str, tuple[str, ...]], ...], ignore: tuple[str, ...]) -> CueSet:
    """Every cue file, with the user's additions (``extra-cues``) and removals (``ignore-cues``)."""
    added = dict(extra)
    dropped = {e.lower().strip() for e in ignore}
    words: dict[str, tuple[str, ...]] = {}
    patterns = []
    for stem in CUE_FILES:
        entries = {e.lower().strip() for e in load_word_list(_HERE / f"{stem}.txt", added.get(stem, ()))}
        entries -= dropped
        for entry in sorted(e for e in entries if _PLAIN_WORD.fullmatch(e)):
            words[entry] = (*words.get(entry, ()), stem)
        complex_entries = sorted((e for e in entries if not _PLAIN_WORD.fullmatch(e)), key=len, reverse=True)
        if complex_entries:
            body = "|".join(entry_pattern(e) for e in complex_entries)
            patterns.append((stem, re.compile(r"(?<![^\W_])(?:" + body + r")(?![^\W_])")))
    return CueSet(words, tuple(patterns))


def freeze_extra(extra: Mapping[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((k, tuple(v)) for k, v in extra.items()))


def find_cues(norm: Normalized, cues: CueSet) -> Iterator[Cue]:
    """Every cue in the normalised text, of every kind; a cue's words may also start a shorter one."""
    text = norm.text
    for m in _WORD.finditer(text):
        for stem in cues.words.get(m.group(), ()):
            yield Cue(*norm.span(*m.span()), stem)
    for stem, pattern in cues.patterns:
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                break
            start, end = norm.span(*m.span())
            yield Cue(start, end, stem)
            # Resume one word later, so "could not care less" also yields "care".
            gap = re.search(r"[\s\-]+", m.group())
            pos = m.start() + (gap.end() if gap else len(m.group()))
