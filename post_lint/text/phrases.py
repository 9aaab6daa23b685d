"""Phrase lists matched on normalised text, mapped back to the original offsets.

Phrases are matched on normalised text (post_lint.normalize), so "v o t e",
"v.o.t.e", "𝐯𝐨𝐭𝐞" and "v0te" all match "vote", while every match is mapped
back to the original offsets. Two passes are made, with and without l33t
digits, because the l33t pass also turns a word's trailing "!" into "i".

Phrase syntax in the data files (one phrase a line, ``#`` comments):

* words are matched whole and case-insensitively; a space also matches a
  hyphen or a line break, an apostrophe matches ' or ’ or nothing;
* ``word*`` matches any word starting with ``word`` (``disgrace*``);
* a lone ``*`` matches any one word (``flip * blue``);
* ``a|b|c`` matches one of the words (``bad|poor decision``);
* ``<name>`` matches a capitalised name in the original text (``vote for <name>``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Document
from ..normalize import CONFUSABLES, INVISIBLE, LETTER_SYMBOLS, Normalized, normalize
from .alternation import literal_alternation
from .spans import drop_overlaps
from .words import split_hashtag

NAME = "<name>"
_NAME_GROUP = "(?P<name>(?-i:[A-Z][\\w'’.-]*(?: [A-Z][\\w'’.-]*){0,2}))"
# Capitalised words that start sentences or titles rather than name a person.
_NOT_NAMES = frozenset(
    "the a an our your my their his her its this that these those all every any city council election day early "
    "absentee mail best favorite favourite top most new next local free please both yes no".split()
)


@dataclass(frozen=True)
class Match:
    start: int  # offsets into the original text
    end: int
    phrase: str  # the matched text as normalised


def _phrase_pattern(phrase: str) -> str:
    words = phrase.lower().split()
    return _word_part(words[0]) + _rest_pattern(words)


def _word_part(word: str) -> str:
    if word == NAME:
        return _NAME_GROUP
    if word == "*":
        return r"[\w'’]+"
    if word.endswith("*"):
        return _word_pattern(word[:-1]) + r"[\w'’-]*"
    if "|" in word:
        return "(?:" + "|".join(_word_pattern(w) for w in word.split("|")) + ")"
    return _word_pattern(word)


def _rest_pattern(words: list[str]) -> str:
    """The pattern of a phrase's words after the first, each with the gap before it."""
    # A lone "I" may be glued to the next word when "I w o r k" is joined into "Iwork".
    return "".join(
        (r"[\s\-]*" if previous == "i" else r"[\s\-]+") + _word_part(word)
        for previous, word in zip(words, words[1:], strict=False)
    )


def _by_first_letter(phrases: list[str]) -> str | None:
    """The alternation of ``phrases`` (in their order) grouped by the letter each must begin with,
    or None when one may begin otherwise (``*``, ``<name>``, an apostrophe).

    ``re`` tries every branch of a flat alternation at each word of a post; grouped, it tries
    the branches of one letter. Phrases that can match at a place all begin with its letter, so
    they sit in the same group in the same order: the matches are the flat list's.
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        words = phrase.lower().split()
        first, rest = words[0], _rest_pattern(words)
        if first in (NAME, "*"):
            return None
        stems = [first[:-1]] if first.endswith("*") else first.split("|") if "|" in first else [first]
        tails: dict[str, list[str]] = {}
        for stem in stems:
            if not stem or not (stem[0].isascii() and stem[0].isalnum()):
                return None
            tails.setdefault(stem[0], []).append(_word_pattern(stem)[1:])
        wildcard = r"[\w'’-]*" if first.endswith("*") else ""
        for letter, options in tails.items():
            head = options[0] if len(stems) == 1 else "(?:" + "|".join(options) + ")"
            groups.setdefault(letter, []).append(head + wildcard + rest)
    return "|".join(letter + "(?:" + "|".join(tails) + ")" for letter, tails in sorted(groups.items()))


def _word_pattern(word: str) -> str:
    pieces = []
    for ch in word:
        if ch in "'’":
            pieces.append("['’]?")
        elif ch == "-":
            pieces.append(r"[\s\-]?")
        else:
            pieces.append(re.escape(ch))
    return "".join(pieces)


def _anchor(phrase: str) -> tuple[str, ...]:
    """Substrings one of which any text matching ``phrase`` must contain (a cheap pre-test)."""
    best: tuple[str, ...] = ()
    for word in phrase.split():
        if word == NAME or word == "*":
            continue
        options = []
        for alternative in word.rstrip("*").split("|"):
            pieces = [p for p in re.split(r"['’\-]", alternative) if p]
            options.append(max(pieces, key=len) if pieces else "")
        if all(options) and min(map(len, options)) > min(map(len, best), default=0):
            best = tuple(options)
    return best


@lru_cache(maxsize=64)
def compile_phrases(phrases: tuple[str, ...]) -> list[tuple[str, re.Pattern[str] | None]]:
    """(regex source, anchors) for a word list; phrases with ``<name>`` get their own pattern (one group each).

    The regex runs only on a text that contains one of its anchors: most posts
    contain none of a list's key words, and a substring test costs next to nothing.
    It is compiled (:func:`_compiled`) only then, too: compiling every list's regex
    was a tenth of a one-draft run, and most drafts need few of them.
    """
    plain = sorted({p.lower().strip() for p in phrases if p.strip() and NAME not in p}, key=len, reverse=True)
    patterns = []
    if plain:
        body = _by_first_letter(plain) or "|".join(_phrase_pattern(p) for p in plain)
        anchors = [_anchor(p) for p in plain]
        # A phrase without a usable anchor ("i d") makes the whole list run always.
        merged = None if not all(anchors) else _anchor_regex({a for group in anchors for a in group})
        patterns.append((rf"(?<![\w#@])(?:{body})(?![\w])", merged))
    for phrase in {p.lower().strip() for p in phrases if NAME in p}:
        pattern = rf"(?<![\w#@]){_phrase_pattern(phrase)}(?![\w])"
        anchor = _anchor(phrase)
        patterns.append((pattern, _anchor_regex(set(anchor)) if anchor else None))
    return patterns


@lru_cache(maxsize=1024)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _anchor_regex(anchors: set[str]) -> re.Pattern[str]:
    # Only whether a text holds an anchor is asked: a trie, a fraction of a flat list's time.
    return re.compile(literal_alternation(anchors))


# Hints that normalising could change the text; most posts have none and skip the work.
_MAYBE_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_·•]){2,}[^\W\d_]")
# Each branch may start only where a run begins (possessive runs, and no run char before):
# otherwise every position of 50 KB of "@" starts a scan to the run's end, O(n²).
_MAYBE_LEET = re.compile(r"[^\W\d_][0-9$@|!]++(?:[^\W\d_]|-)|(?<![\w$@|])[0-9$@|]++[^\W\d_]{2,}")


def _unchanged(char: str) -> bool:
    return (
        char not in INVISIBLE
        and char not in CONFUSABLES
        and char not in LETTER_SYMBOLS
        and unicodedata.category(char) not in ("Mn", "Me")
        and unicodedata.is_normalized("NFKC", char)
    )


@lru_cache(maxsize=256)
def _normalized(text: str) -> tuple[Normalized, ...]:
    # Case is kept (patterns ignore it) so that <name> can ask for a capital letter.
    if all(ord(c) < 128 or _unchanged(c) for c in set(text)) and not _MAYBE_SPACED.search(text):
        plain = Normalized(text, range(len(text)), range(1, len(text) + 1), text)  # type: ignore[arg-type]
    else:
        plain = normalize(text, lower=False)
    if not _MAYBE_LEET.search(plain.text):
        return (plain,)
    leet = normalize(text, lower=False, leet=True)
    return (plain,) if leet.text == plain.text else (plain, leet)


def find_phrases(text: str, phrases: Iterable[str]) -> list[Match]:
    """Every (original) span of ``text`` that matches a phrase of the list; overlaps merged."""
    found: dict[tuple[int, int], Match] = {}
    patterns = compile_phrases(tuple(phrases))
    for norm in _normalized(text):
        lowered = norm.text.lower()
        for source, anchors in patterns:
            if anchors is not None and not anchors.search(lowered):
                continue
            pattern = _compiled(source)
            for m in pattern.finditer(norm.text):
                if "name" in pattern.groupindex and not _is_name(norm, m):
                    continue
                start, end = norm.span(*m.span())
                found.setdefault((start, end), Match(start, end, m.group()))
    return drop_overlaps(sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start))))


def _is_name(norm: Normalized, m: re.Match[str]) -> bool:
    """The ``<name>`` part is capitalised in the original and not a title word."""
    words = m.group("name").split()
    if words[0].strip("'’.").lower() in _NOT_NAMES:
        return False
    if len(words) == 1:
        # One capitalised word opening a sentence ("Candidates for City Council") is not a name.
        before = norm.text[: m.start("name")].rstrip()
        return bool(before) and before[-1] not in ".!?:\n"
    return True


@lru_cache(maxsize=32)
def _joined(phrases: tuple[str, ...]) -> dict[str, str]:
    return {re.sub(r"[^\w]", "", p.lower()): p for p in phrases if "*" not in p and "|" not in p and NAME not in p}


def hashtag_matches(doc: Document, phrases: Iterable[str], whole_tags: Iterable[str] = ()) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) of hashtags whose words, or whose whole run of letters, match a phrase.

    ``whole_tags`` match only a whole hashtag (#Resist, not #AntibioticResistance).
    """
    phrases = tuple(phrases)
    joined = _joined(phrases + tuple(whole_tags))
    for token in doc.tokens_of("hashtag"):
        words = split_hashtag(token.text)
        hits = find_phrases(words, phrases) if words else []
        if hits:
            yield token.start, token.end, hits[0].phrase
            continue
        flat = _normalized(token.text.lstrip("#"))[-1].text.lower()
        if flat in joined:
            yield token.start, token.end, joined[flat]
