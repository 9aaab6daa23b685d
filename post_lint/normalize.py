"""Text normalised for matching, with a map back to the original offsets.

Copy-pasted and "clever" text must not walk past a word list: fullwidth or
mathematical letters (NFKC), zero-width characters and soft hyphens inside
words, Cyrillic/Greek look-alikes, l33t digits and s p a c e d letters are
all undone here, and every character of the result remembers which original
characters it came from, so findings still point at what the author wrote::

    norm = normalize("please v o t e for 𝐁𝐨𝐛")
    m = re.search(r"\\bvote\\b", norm.text)
    start, end = norm.span(*m.span())   # offsets into the original text
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import lru_cache

# Characters that render as nothing (or only change direction): dropped for matching.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
    # Blank-looking letters and symbols: Hangul fillers, the blank Braille pattern, and the
    # interlinear annotation marks (text between them may be shown, hidden or moved).
    "\u3164\uffa0\u2800\ufff9\ufffa\ufffb"
)
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Cyrillic and Greek letters that look like Latin ones.
CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ɡ": "g", "ո": "n", "ս": "u",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "ν": "v", "ι": "i", "κ": "k", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Armenian
    "օ": "o", "Օ": "O", "Ս": "U", "հ": "h", "զ": "q", "ց": "g", "ա": "w", "Տ": "S", "Լ": "L",
    # Cherokee (capitals; the small letters U+AB70-ABBF map to the same, lower case)
    "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭵ": "i", "Ꭻ": "J", "Ꮶ": "K",
    "Ꮮ": "L", "Ꮇ": "M", "Ꮲ": "P", "Ꭱ": "R", "Ꮪ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮃ": "W", "Ꮤ": "W", "Ꮓ": "Z",
    # Lisu
    "ꓮ": "A", "ꓐ": "B", "ꓚ": "C", "ꓓ": "D", "ꓰ": "E", "ꓝ": "F", "ꓖ": "G", "ꓧ": "H", "ꓲ": "I", "ꓙ": "J",
    "ꓗ": "K", "ꓡ": "L", "ꓟ": "M", "ꓠ": "N", "ꓳ": "O", "ꓑ": "P", "ꓣ": "R", "ꓢ": "S", "ꓔ": "T", "ꓴ": "U",
    "ꓦ": "V", "ꓪ": "W", "ꓫ": "X", "ꓬ": "Y", "ꓜ": "Z",
}  # fmt: skip
# Cherokee small letters look like small capitals of the same Latin letters.
CONFUSABLES.update({chr(ord(c) - 0x13A0 + 0xAB70): v.lower() for c, v in list(CONFUSABLES.items()) if 0x13A0 <= ord(c) <= 0x13EF})
# Letters written with symbols NFKC leaves alone: regional indicators (🇸🇭🇮🇹 without a flag
# pair) and negative circled or squared capitals (🅢, 🆂).
LETTER_SYMBOLS = {
    **{chr(0x1F1E6 + i): chr(ord("a") + i) for i in range(26)},
    **{chr(0x1F150 + i): chr(ord("a") + i) for i in range(26)},
    **{chr(0x1F170 + i): chr(ord("a") + i) for i in range(26)},
}

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}

# Three or more single letters joined by one space, dot, hyphen or underscore: "v o t e", "v.o.t.e".
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_·•]){2,}[^\W\d_](?:\.(?=\s|$))?(?![^\W_])")


@dataclass(frozen=True)
class Normalized:
    text: str
    starts: list[int]  # original start offset of each character of ``text``
    ends: list[int]  # original end offset of each character of ``text``
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of ``text[start:end]``."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]

    def index(self, offset: int) -> int:
        """Position in ``text`` of the first character at or after the original ``offset``."""
        return bisect.bisect_left(self.starts, offset)


@lru_cache(maxsize=64)  # several checks normalise the same post the same way
def normalize(text: str, *, lower: bool = True, leet: bool = False, spaced: bool = True, blanks: bool = True) -> Normalized:
    """Normalise ``text`` for matching word lists.

    ``leet`` maps digits and symbols inside words to letters ("v0te" → "vote");
    it is off by default because numbers matter to most checks. ``spaced``
    joins s p a c e d or d.o.t.t.e.d single letters into one word. ``blanks`` makes each run of
    white space one blank (off: white space kept as written, one character for one).
    """
    out, starts, ends = _mapped(text, lower)
    result = Normalized("".join(out), starts, ends, text)
    if blanks:
        result = _collapse_space(result)
    if leet:
        result = _undo_leet(result)
    if spaced:
        result = _join_spaced(result)
    return result


_MARKS = frozenset({"Mn", "Me"})


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _mapped(text: str, lower: bool) -> tuple[list[str], list[int], list[int]]:
    """The characters of ``text`` mapped for matching, with each one's original span.

    ASCII runs are copied whole (every special character above is non-ASCII, so nothing in
    them maps to anything else); only the other characters go through :func:`_mapped_char`. A
    post with one emoji or curly quote used to send every character through the per-character
    path: a tenth of all the checks' time.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def copy_ascii(start: int, end: int) -> None:
        run = text[start:end]
        out.append(run.lower() if lower else run)
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))

    last = 0
    for m in _NON_ASCII.finditer(text):
        index = m.start()
        copy_ascii(last, index)
        for piece in _mapped_char(m.group(), lower):
            out.append(piece)
            starts.append(index)
            ends.append(index + 1)
        last = index + 1
    copy_ascii(last, len(text))
    return out, starts, ends


@lru_cache(maxsize=4096)
def _mapped_char(ch: str, lower: bool) -> str:
    """What one non-ASCII character becomes for matching ("" when it is dropped)."""
    if ch in INVISIBLE or (ord(ch) > 0x2FF and unicodedata.category(ch) in _MARKS):
        return ""  # a combining mark on its own ("s\u0308hit"), a variation selector, a keycap
    mapped = CONFUSABLES.get(ch) or LETTER_SYMBOLS.get(ch)
    if mapped is None:
        mapped = unicodedata.normalize("NFKC", ch)
        # NFKC leaves some look-alikes; a second pass through the table catches them.
        mapped = "".join(CONFUSABLES.get(c, c) for c in mapped)
    return mapped.lower() if lower else mapped


# Two or more blanks, or a tab: one space ("should  have"), or one line break when the run holds
# one ("should \n have" stays on two lines; a blank line stays a paragraph break).
_BLANKS = re.compile(r"[^\S\n\r]*(?:\r\n|[\n\r])[^\S\n\r]*(?:(?:\r\n|[\n\r])\s*)?|[^\S\n\r]{2,}|\t")


def _blank(m: re.Match[str]) -> str:
    run = m.group()
    breaks = run.count("\n") + run.count("\r") - run.count("\r\n")
    return "\n\n" if breaks >= 2 else "\n" if breaks else " "


def _collapse_space(norm: Normalized) -> Normalized:
    """Whitespace runs as one blank, so a doubled space or a tab inside a phrase changes nothing."""
    if "  " not in norm.text and "\t" not in norm.text and " \n" not in norm.text and "\n " not in norm.text:
        if "\r" not in norm.text and "\n\n\n" not in norm.text:
            return norm
    return substitute(norm, _BLANKS, _blank)


def substitute(norm: Normalized, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> Normalized:
    """``re.sub`` on a normalised text that keeps the map back to the original.

    A replacement as long as what it replaces maps character for character; any other
    replacement maps each of its characters to the whole original span it replaced.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    text = norm.text
    for m in pattern.finditer(text):
        new = repl(m)
        if new == m.group() or m.end() == m.start():
            continue
        out.append(text[last : m.start()])
        starts.extend(norm.starts[last : m.start()])
        ends.extend(norm.ends[last : m.start()])
        out.append(new)
        if len(new) == m.end() - m.start():
            starts.extend(norm.starts[m.start() : m.end()])
            ends.extend(norm.ends[m.start() : m.end()])
        else:
            starts.extend([norm.starts[m.start()]] * len(new))
            ends.extend([norm.ends[m.end() - 1]] * len(new))
        last = m.end()
    if not last:
        return norm
    out.append(text[last:])
    starts.extend(norm.starts[last:])
    ends.extend(norm.ends[last:])
    return Normalized("".join(out), starts, ends, norm.original)


def unstretch(word: str, known: Container[str]) -> str | None:
    """A word with letters held down ("stuuuupid", "shiiiit") as the ``known`` word it stretches, if any.

    English never triples a letter, so each run of three or more is tried as one and as two letters.
    """
    runs = [m for m in re.finditer(r"([^\W\d_])\1{2,}", word)]
    if not runs or len(runs) > 4:
        return None
    for choice in range(1 << len(runs)):
        pieces, last = [], 0
        for bit, m in enumerate(runs):
            pieces.append(word[last : m.start()] + m.group(1) * (2 if choice >> bit & 1 else 1))
            last = m.end()
        candidate = "".join(pieces) + word[last:]
        if candidate in known:
            return candidate
    return None


_LEET_RUN = re.compile(r"[\w@$!|]++")


def _undo_leet(norm: Normalized) -> Normalized:
    chars = list(norm.text)
    # A run never ends in "!": "useless!" is a word and an exclamation mark, not "uselessi".
    # A possessive run with its trailing "!" dropped in code: backtracking to a non-"!"
    # character from every position of a long "!!!!" run would be O(n²).
    for m in _LEET_RUN.finditer(norm.text):
        word = m.group().rstrip("!")
        if not word or not _HAS_LEET.search(word):
            continue  # no character to map (most words): nothing below would change it
        letters = sum(map(str.isalpha, word))
        # Only inside words that are mostly letters: "v0te", "r3-elect", not "2024" or "5pm".
        if letters and letters >= len(word) / 2 and not _ORDINAL_OR_TIME.fullmatch(word):
            for i in range(m.start(), m.start() + len(word)):
                if i == m.start() and chars[i] == "@":
                    continue  # "@GOP" is a mention, not "agop"
                chars[i] = LEET.get(chars[i], chars[i])
    return Normalized("".join(chars), norm.starts, norm.ends, norm.original)


_HAS_LEET = re.compile("[" + re.escape("".join(LEET)) + "]")
_ORDINAL_OR_TIME = re.compile(r"\d+(?:st|nd|rd|th|am|pm|s)")


def _join_spaced(norm: Normalized) -> Normalized:
    if not _SPACED.search(norm.text):
        return norm
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _SPACED.finditer(norm.text):
        out.extend(norm.text[last : m.start()])
        starts.extend(norm.starts[last : m.start()])
        ends.extend(norm.ends[last : m.start()])
        for i in range(m.start(), m.end()):
            if norm.text[i].isalpha():
                out.append(norm.text[i])
                starts.append(norm.starts[i])
                ends.append(norm.ends[i])
        # The joined word's last letter covers the whole spaced span.
        if ends:
            ends[-1] = norm.ends[m.end() - 1]
        last = m.end()
    out.extend(norm.text[last:])
    starts.extend(norm.starts[last:])
    ends.extend(norm.ends[last:])
    return Normalized("".join(out), starts, ends, norm.original)
