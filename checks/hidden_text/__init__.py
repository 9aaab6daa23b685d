"""hidden-text: characters that make what is read differ from what is seen.

Zero-width characters and bidirectional controls are invisible on screen but
change what a screen reader says, what search finds and, for bidi controls,
the order in which text is displayed. Look-alike letters from another script
inside a Latin word (a Cyrillic "о" in "vоte") read as the same word but are
not, so hashtags, search and word filters miss them. Copy-paste from word
processors and web pages brings most of these in by accident.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from post_lint.api import COMMENTS, PROFILES, Check, Context, Option, cases_beside
from post_lint.model import Document, Finding
from post_lint.normalize import BIDI_CONTROLS, CONFUSABLES, INVISIBLE

_ZERO_WIDTH = INVISIBLE - BIDI_CONTROLS
_EMOJI_JOINERS = {"\u200d"}  # ZWJ joins emoji sequences such as 👩‍🚒
_TAG = re.compile("[\U000e0000-\U000e007f]")
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
# Variation selectors 17-256: they only pick a glyph of a CJK ideograph; anywhere else a run of
# them carries hidden data (the "emoji smuggling" trick) that renders as nothing.
_VARIATION = re.compile("[\U000e0100-\U000e01ef]+")
# A letter of a script with Latin look-alikes (Greek, Cyrillic, Armenian, Cherokee, Lisu): the
# only place a mixed-script word can be.
_FOREIGN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u13a0-\u13ff\uab70-\uabbf\ua4d0-\ua4ff]")
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LISU")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]*$")
_LETTERS = re.compile(r"[^\W\d_]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}")


def _joins_emoji_or_script(text: str, i: int) -> bool:
    """A ZWJ/ZWNJ between emoji, or inside a script that needs it (Arabic, Indic)."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] in _EMOJI_JOINERS and (ord(before or " ") > 0x2000 and ord(after or " ") > 0x2000):
        return True
    if text[i] in "\u200c\u200d":
        return any(ch and ord(ch) > 0x0590 and unicodedata.category(ch).startswith(("L", "M")) for ch in (before, after))
    return False


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for script in ("LATIN", *_LOOKALIKE_SCRIPTS):
        if name.startswith(script):
            return script
    return "OTHER"


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.prose
    for m in _INVISIBLE.finditer(text):  # a regex scan: fast even on a 10 MB file
        i, ch = m.start(), m.group()
        if ch in BIDI_CONTROLS:
            yield ctx.finding(
                "bidi",
                ctx.message("bidi", name=_name(ch)),
                i,
                1,
                suggestions=[""],
            )
        elif ch in _ZERO_WIDTH and not (ch == "\ufeff" and i == 0) and not _joins_emoji_or_script(text, i):
            yield ctx.finding(
                "zero-width",
                ctx.message("zero-width", name=_name(ch)),
                i,
                1,
                suggestions=[""],
            )
    # Two more kinds of zero-width finding keep their own sentences here: a rule has one template.
    for m in _TAG.finditer(text):
        # Tag characters belong only in subdivision flags (🏴 + tags), which are emoji.
        j = m.start()
        while j > 0 and _TAG.match(text[j - 1]):
            j -= 1
        if j == 0 or text[j - 1] != "\U0001f3f4":
            yield ctx.finding(
                "zero-width", "invisible Unicode tag character outside a flag emoji; delete it", m.start(), 1, suggestions=[""]
            )
    for m in _VARIATION.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if not (before and unicodedata.name(before, "").startswith("CJK")):
            yield ctx.finding(
                "zero-width",
                f"{m.end() - m.start()} invisible variation selector(s) (U+E0100 and up) outside CJK text: "
                "they can carry hidden data; delete them",
                m.start(),
                m.end() - m.start(),
                suggestions=[""],
            )
    if ctx["control-characters"]:
        for m in _CONTROL.finditer(text):
            yield ctx.finding(
                "control",
                ctx.message("control", codepoint=ord(m.group())),
                m.start(),
                1,
                suggestions=[""],
            )
    for start, end in _foreign_words(text):
        word = text[start:end]
        scripts = {_script(c) for c in word}
        if "LATIN" in scripts and scripts & set(_LOOKALIKE_SCRIPTS):
            fixed = "".join(CONFUSABLES.get(c, c) for c in word)
            lookalikes = "/".join(sorted(scripts - {"LATIN", "OTHER"})).title()
            yield ctx.finding(
                "mixed-script",
                ctx.message("mixed-script", word=word, scripts=lookalikes),
                start,
                len(word),
                suggestions=[fixed] if fixed != word else [],
            )


def _foreign_words(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the words that hold a Greek or Cyrillic letter, each once."""
    last_end = -1
    for m in _FOREIGN_LETTER.finditer(text):
        if m.start() < last_end:
            continue
        before = _LETTERS_BEFORE.search(text, max(0, m.start() - 100), m.start())
        start = before.start() if before else m.start()
        end = _LETTERS.match(text, m.start()).end()
        last_end = end
        yield start, end


CHECK = Check(
    name="hidden-text",
    description="Invisible characters, bidi controls and look-alike letters that hide what a post says.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Make sure information is accurate, free of grammatical errors and presented in a professional "
    "manner. [...] Improve content accessibility by limiting the use of emoji.",
    run=run,
    options={
        "control-characters": Option(True, "flag control characters such as NUL inside the text"),
    },
    # Invisible characters and look-alike letters: removing or replacing them changes no visible word.
    # Bidi controls stay unsafe: right-to-left text may need them.
    safe_fixes=("hidden-text/zero-width", "hidden-text/control", "hidden-text/mixed-script"),
    rules={
        "hidden-text/zero-width": "zero-width spaces, joiners, soft hyphens, word joiners, stray BOMs, tag characters, "
        "blank letters (Hangul fillers, the blank Braille pattern), interlinear annotation marks and variation "
        "selectors 17-256 outside CJK text",
        "hidden-text/bidi": "bidirectional controls (U+202A-U+202E, U+2066-U+2069, LRM/RLM, ALM)",
        "hidden-text/control": "control characters such as NUL",
        "hidden-text/mixed-script": "a word mixing Latin letters with Cyrillic, Greek, Armenian, Cherokee or Lisu look-alikes",
    },
    doc="""
    What a resident sees and what a screen reader, a search box or a hashtag
    sees must be the same text. This check flags characters that break that:
    zero-width spaces and joiners, soft hyphens, word joiners and stray byte
    order marks; bidirectional controls, which reorder what is displayed;
    control characters; letters and symbols that render blank (Hangul
    fillers, the blank Braille pattern), interlinear annotation marks and
    runs of variation selectors that smuggle hidden data; and words that mix
    Latin letters with look-alike Cyrillic, Greek, Armenian, Cherokee or Lisu
    ones. Zero-width joiners inside emoji sequences
    (👩‍🚒) and in scripts that need them are fine. Every finding suggests the
    fix (delete the character, or the word retyped in Latin letters).

    The other checks match their word lists on normalised text, so hidden
    characters never let a word slip past them; this check makes the hiding
    itself visible.
    """,
    profiles=(*PROFILES, COMMENTS),
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
