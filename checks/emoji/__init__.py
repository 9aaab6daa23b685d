"""emoji: limit emoji, which screen readers read aloud by name, one by one.

Counts with the ``emoji`` package, so a ZWJ sequence (👩🏽‍🚒), a skin tone, a
flag (🇺🇸) or a keycap (1️⃣) is one emoji. Text-style symbols such as ©, ®
and ™ are not counted unless written with the emoji variation selector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.facts import Facts
from post_lint.model import Document, Finding
from post_lint.normalize import INVISIBLE

_HERE = Path(__file__).parent
_VS16 = "\ufe0f"
_GAP = " \t" + "".join(INVISIBLE)  # what may stand between an emoji and its neighbours
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def _is_text_symbol(match: str) -> bool:
    """©, ®, ™, arrows and the like: symbols by default, emoji only with U+FE0F."""
    if len(match) != 1:
        return False
    cp = ord(match)
    return cp < 0x2200 or 0x2934 <= cp <= 0x2935 or cp in (0x3030, 0x303D, 0x3297, 0x3299)


# Every emoji sequence holds at least one code point from U+203C up (keycaps end in U+20E3).
_MAYBE_EMOJI = re.compile("[\u203c-\U0010ffff]")


def find_emoji(text: str) -> list[tuple[int, int, str]]:
    """(start, end, emoji) for each emoji in ``text``, as one unit each."""
    if not _MAYBE_EMOJI.search(text):
        return []  # most posts: no need to load the emoji package's tables at all
    import emoji  # imported here so that other checks never pay for it

    found = []
    # The emoji package walks text character by character in Python, so give it only
    # windows around possible emoji (a sequence is at most a dozen code points).
    for lo, hi in _windows(text):
        for item in emoji.emoji_list(text[lo:hi]):
            start, end, match = lo + item["match_start"], lo + item["match_end"], item["emoji"]
            if end < len(text) and text[end] == _VS16 and not match.endswith(_VS16):
                end += 1
            if _is_text_symbol(match):
                continue
            found.append((start, end, match))
    return found


def _windows(text: str, margin: int = 12) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _MAYBE_EMOJI.finditer(text):
        lo, hi = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _words(extra: Iterable[str]) -> dict[str, str]:
    mapping = {}
    for entry in load_word_list(_HERE / "words.txt", extra):
        symbol, _, word = entry.partition(" ")
        mapping[symbol] = word.strip()
        mapping.setdefault(symbol.replace(_VS16, ""), word.strip())
    return mapping


@dataclass(frozen=True)
class _Prepared:
    allowed: frozenset[str]  # the allow option
    words: Mapping[str, str]  # emoji -> the word it stands for (for inline's suggestion)


def prepare(options: Mapping[str, Any], facts: Facts) -> _Prepared:
    """Once per config (the Check's prepare hook): the allowed emoji and the emoji words."""
    return _Prepared(frozenset(options["allow"]), _words(options["words"]) if options["inline"] else {})


def _runs(found: list[tuple[int, int, str]], text: str) -> list[list[tuple[int, int, str]]]:
    """Groups of emoji separated by nothing but spaces."""
    runs: list[list[tuple[int, int, str]]] = []
    for item in found:
        if runs and not text[runs[-1][-1][1] : item[0]].strip(" \t"):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _is_inline(text: str, start: int, end: int) -> bool:
    """An emoji between two words of one sentence: standing in for a word."""
    before = text[max(0, start - 200) : start].rstrip(_GAP)
    after = text[end : end + 200].lstrip(_GAP)
    if not before or not after:
        return False
    # A word (not punctuation, not another emoji) right before, and a lowercase word right after.
    return (before[-1].isalnum() or before[-1] in "'\u2019") and after[0].isalpha() and after[0].islower()


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.words_text  # emoji inside URLs or hashtags do not count
    prepared: _Prepared = ctx.prepared
    allowed = prepared.allowed
    found = [e for e in find_emoji(text) if e[2] not in allowed and e[2].replace(_VS16, "") not in allowed]
    if not found:
        return
    count = len(found)

    max_count = ctx["max-count"]
    runs = [group for group in _runs(found, text) if len(group) >= ctx["max-run"]]
    if count > max_count:
        start = found[max_count][0]
        yield ctx.finding(
            "count",
            ctx.message("count", count=count, max_count=max_count),
            start,
            _same_line_end(doc, start, found[-1][1], found[max_count][1]) - start,
        )
    elif not runs and count >= 2 and (words := len(_WORD.findall(_strip(text, found)))) and count / words > ctx["max-density"]:
        start = found[0][0]
        yield ctx.finding(
            "density",
            ctx.message("density", count=count, words=words, rate=count / words, limit=ctx["max-density"]),
            start,
            _same_line_end(doc, start, found[-1][1], found[0][1]) - start,
        )

    for group in runs:
        start, end = group[0][0], group[-1][1]
        yield ctx.finding(
            "run",
            ctx.message("run", run=len(group)),
            start,
            end - start,
            suggestions=[group[0][2]],
        )

    if ctx["inline"]:
        words_for = prepared.words
        for start, end, match in found:
            if _is_inline(text, start, end):
                word = words_for.get(match) or words_for.get(match.replace(_VS16, ""))
                hint = f" (e.g. \u201c{word}\u201d)" if word else ""
                yield ctx.finding(
                    "inline",
                    ctx.message("inline", hint=hint),
                    start,
                    end - start,
                    suggestions=[word] if word else [],
                )


def _same_line_end(doc: Document, start: int, far_end: int, near_end: int) -> int:
    """Underline up to ``far_end`` when it is on the same line, else just the first emoji."""
    return far_end if doc.position(far_end)[0] == doc.position(start)[0] else near_end


def _strip(text: str, found: list[tuple[int, int, str]]) -> str:
    chars = list(text)
    for start, end, _ in found:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars)


CHECK = Check(
    name="emoji",
    description="Too many emoji, rows of emoji, and emoji in place of words.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Improve content accessibility by limiting the use of emoji.",
    run=run,
    prepare=prepare,
    options={
        "max-count": Option(3, "most emoji allowed in one post"),
        "max-density": Option(0.2, "most emoji per word, in a post with two or more emoji"),
        "max-run": Option(3, "this many emoji in a row (spaces between allowed) is flagged"),
        "inline": Option(True, "flag an emoji standing in for a word inside a sentence"),
        "allow": Option([], "emoji never counted (e.g. a flag your city uses as its mark)", list, item_type=str),
        "words": Option([], "more 'EMOJI word' pairs for suggestions, beside the bundled words.txt", list, item_type=str),
    },
    # Its rules (count, density, run, inline), with why, what instead and each message: rules.toml.
    rules_file=cases_beside(__file__, "rules.toml"),
    doc="""
    Screen readers read every emoji by its full Unicode name, so "We ❤️ our
    volunteers" is heard as "We red heart our volunteers", and a row of five
    emoji as five names. One emoji at the end of a friendly post is fine.

    Counting uses the emoji package: a ZWJ sequence, skin-tone variant, flag or
    keycap counts once. Emoji inside URLs and hashtags are ignored; symbols
    such as ©, ® and ™ are not emoji unless written with U+FE0F.
    """,
    cases_file=cases_beside(__file__),
)
