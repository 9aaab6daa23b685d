"""The one sentence splitter every check, reporter and model shares.

Sentences end at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by white space, and at line breaks, since posts put list
items and lines of an address on lines of their own. Two things keep a
sentence going:

* an abbreviation from ``data/abbreviations.toml``: titles and the like
  ("Dr. Lee", "St. Paul", "U.S. Army") never end a sentence; clock times,
  street types and the like ("7 p.m.", "Main St.", "Acme Inc.") end one only
  before a capitalised word that is not a day or month ("7 p.m. Tuesday");
  a single initial ("J. Smith") ends none before a capital;
* a lower-case word after an abbreviation ("7 a.m. on Saturday") or an
  ellipsis ("Their new phone tree is... something"), or a line that wraps
  mid-sentence. After a plain full stop a lower-case word still starts a new
  (badly capitalised) sentence, which the grammar check reports.

Offsets are into the text given; spans are trimmed of white space.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "abbreviations.toml"

# A run of terminal punctuation and its closers, or a line break (CRLF, CR, LF, and the
# Unicode line and paragraph separators, as the Document's line index counts them).
# A run of marks is tried from its first character only (the look-behind): tried from each
# character of a long run that no space follows ("!!!…!x"), the search was quadratic.
_BOUNDARY = re.compile(r"(?<![.!?\u2026])(?:[.!?\u2026]+[\"'\u201d\u2019)\]]*)(?=\s|$)|\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_NEXT_WORD = re.compile(r"[ \t]{0,3}([^\s]+)")
_CLOSERS = "\"'\u201d\u2019)]"
_LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return (
        frozenset(data["never-end"]),
        frozenset(data["end-before-capital"]),
        frozenset(data["continues-with"]),
    )


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``."""
    return list(_split(text, start, len(text) if end is None else end))


# Several checks and spaCy's sentence pipe split the same few texts of a post (its prose, its
# words with placeholders): a run over real posts asked twice for each text on average.
@lru_cache(maxsize=64)
def _split(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    begin = start
    # The text from ``start`` on its own, so that the look-behind does not see a run of marks
    # that began before ``start`` (the part inside is still a boundary candidate).
    segment = text if start == 0 else text[start:end]
    for m in _BOUNDARY.finditer(segment, 0, end - start):
        mark_start, mark_end = m.start() + start, m.end() + start
        if not _ends_here(text, begin, m.group(), mark_start, mark_end, end):
            continue
        _add(text, begin, mark_end, spans)
        begin = mark_end
    _add(text, begin, end, spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _ends_here(text: str, begin: int, mark: str, mark_start: int, mark_end: int, limit: int) -> bool:
    if mark[0] in _LINE_BREAKS:
        # A line that wraps mid-sentence goes on in lower case; any other new line is a new sentence.
        rest = text[mark_end:limit].lstrip(" \t")
        return not (rest[:1].islower() and text[begin:mark_start].strip())
    following = _NEXT_WORD.match(text, mark_end, limit)
    next_word = following.group(1) if following else ""
    if not next_word or next_word[0] in _LINE_BREAKS:
        return True
    ellipsis = mark.startswith("..") or mark.startswith("\u2026")
    if next_word[0].islower() and (ellipsis or mark[-1] in _CLOSERS):
        return False  # "is... something", '"We did it!" she said'
    if ellipsis or not mark.startswith("."):
        return True  # "!" or "?" ends the sentence (a lower-case start after it is grammar's business)
    word = _abbreviation_before(text, begin, mark_start)
    if word is None:
        return True  # "noon. it ends at 3" is two sentences, the second badly capitalised
    if next_word[0].islower():
        return False  # "7 a.m. on Saturday"
    never_end, before_capital, continues = _abbreviations()
    if word in never_end or next_word[0].isdigit():
        return False  # "Dr. Lee", "U.S. Army", "No. 5", "Jan. 5"
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. Smith"
    return next_word.strip(".,;:").lower() not in continues  # "7 p.m. Tuesday" goes on


def is_abbreviation(word: str) -> bool:
    """True for a word (any case, final dot optional) the splitter knows as an abbreviation, or an initial."""
    word = word.lower().removesuffix(".")
    never_end, before_capital, _ = _abbreviations()
    return word in never_end or word in before_capital or (len(word) == 1 and word.isalpha())


def _abbreviation_before(text: str, begin: int, stop: int) -> str | None:
    """The abbreviation (lower case, no final dot) that the full stop at ``stop`` closes, if any."""
    # The run of non-space characters that ends at ``stop`` (or at a line break just before it, as
    # ``$`` allows), found backwards: a forward search for it tried every position of the sentence.
    last = stop - 1 if stop > begin and text[stop - 1] == "\n" else stop
    first = last
    while first > begin and not text[first - 1].isspace():
        first -= 1
    if first == last:
        return None
    word = text[first:last].lower().lstrip("(\"'\u201c\u2018[")
    return word if is_abbreviation(word) else None


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding ``offset`` (or a one-character span when none does)."""
    import bisect

    index = bisect.bisect_right([s for s, _ in spans], offset) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index]
    return offset, offset + 1
