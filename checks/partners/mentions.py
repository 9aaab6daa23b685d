"""Where a post names a partner: names, aliases, spelling variants and follow-ups.

Matching runs over :func:`post_lint.normalize.normalize` text (case, look-alike
letters, l33t digits, s p a c e d letters undone), so "Anoka Hennepin School
District", "ANOKA-HENNEPIN school district's" and "the Ch4mber" all match; the
spans returned are offsets into the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import SkipCheck, load_word_list
from post_lint.normalize import Normalized

_HERE = Path(__file__).parent
_WORDS = re.compile(r"[^\W_]+")
# Between the words of a name: spaces, hyphens, dashes or nothing ("Anoka-Hennepin", "AnokaHennepin").
_JOIN = r"[\s\-\u2010-\u2015]*"
# Legal suffixes a post may leave out: "Anoka Halloween Inc." matches "Anoka Halloween".
_SUFFIXES = tuple(load_word_list(_HERE / "legal-suffixes.txt"))


@dataclass(frozen=True)
class Partner:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the original text
    end: int
    partner: str  # the partner's configured name
    follow_up: bool = False  # "the library" after "Anoka County Library" was named


def parse_organizations(value: Iterable[Any]) -> list[Partner]:
    """Partners from the ``organizations`` option: tables ``{name, aliases}`` or plain names."""
    partners = []
    for index, entry in enumerate(value, 1):
        if isinstance(entry, str):
            name, aliases = entry, []
        elif isinstance(entry, Mapping):
            name, aliases = entry.get("name"), entry.get("aliases", [])
            unknown = set(entry) - {"name", "aliases"}
            if unknown:
                raise SkipCheck(
                    f"[partners] organizations entry {index} has unknown key(s) {', '.join(sorted(unknown))}; "
                    'write {name = "...", aliases = ["..."]}'
                )
        else:
            name, aliases = None, []
        if not isinstance(name, str) or not name.strip():
            raise SkipCheck(f'[partners] organizations entry {index} needs a name: {{name = "...", aliases = ["..."]}}')
        if isinstance(aliases, str):
            aliases = [aliases]
        if not all(isinstance(a, str) for a in aliases):
            raise SkipCheck(f"[partners] organizations entry {index} ({name}): 'aliases' must be a list of strings")
        partners.append(Partner(name.strip(), tuple(a.strip() for a in aliases if a.strip())))
    return partners


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    return frozenset(load_word_list(_HERE / "cues" / "org_nouns.txt"))


def _words(phrase: str) -> list[str]:
    from post_lint.normalize import normalize

    return _WORDS.findall(normalize(phrase, leet=False, spaced=False).text)


def _phrase_pattern(words: list[str]) -> str:
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return _JOIN.join(re.escape(w) for w in words)


def head_noun(phrase: str) -> str | None:
    """The kind of organisation a name ends in: "library" for "Anoka County Library"."""
    words = _words(phrase)
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]  # "Chamber of Commerce" -> "chamber"
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[-1] in org_nouns():
        return words[-1]
    return None


@lru_cache(maxsize=32)
def compile_partners(
    partners: tuple[Partner, ...],
) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str] | None, dict[str, str]]:
    """(names regex, group -> partner, follow-up regex, noun -> partner)."""
    alternatives = []
    groups: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for index, partner in enumerate(partners):
        phrases = sorted({p for p in (partner.name, *partner.aliases) if _words(p)}, key=len, reverse=True)
        if not phrases:
            continue  # a name with no letters or digits matches nothing
        body = "|".join(_phrase_pattern(_words(p)) for p in phrases)
        group = f"p{index}"
        groups[group] = partner.name
        short: list[str] = []
        for phrase in (partner.name, *partner.aliases):
            noun = head_noun(phrase)
            if noun:
                nouns.setdefault(noun, partner.name)
            # "the Historical Society", "the Chamber of Commerce": the end of the name, from a
            # word before its kind of organisation, after "the".
            words = _words(phrase)
            while len(words) > 1 and words[-1] in _SUFFIXES:
                words = words[:-1]
            if not words:
                continue
            kind = words.index("of", 1) - 1 if "of" in words[1:] else len(words) - 1
            if words[kind] in org_nouns():
                for first in range(1, kind + 1):
                    if kind - first >= 1 or first == kind and kind + 1 < len(words):
                        short.append(r"the\s+" + _phrase_pattern(words[first:]))
        if short:
            body += "|" + "|".join(sorted(set(short), key=len, reverse=True))
        alternatives.append(f"(?P<{group}>{body})")
    names = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])" if alternatives else r"(?!)")
    follow = None
    if nouns:
        follow = re.compile(r"(?<![^\W_])(?:the|that|this)\s+(" + "|".join(map(re.escape, nouns)) + r")(?![^\W_])")
    return names, groups, follow, nouns


def find_mentions(norm: Normalized, partners: tuple[Partner, ...]) -> list[Mention]:
    """Every mention of a partner in the text, including follow-ups once it is named."""
    if not partners:
        return []
    names, groups, follow, nouns = compile_partners(partners)
    mentions = []
    for m in names.finditer(norm.text):
        group = next(g for g, v in m.groupdict().items() if v is not None)
        start, end = norm.span(*m.span())
        mentions.append(Mention(start, end, groups[group]))
    named = {m.partner for m in mentions}
    if follow and named:
        # The names' spans, in order and disjoint (one finditer): a follow-up overlaps one only if
        # it overlaps the last that starts before its end. Bisecting keeps a long post linear-log
        # (a scan of every name per follow-up took 15 s on 300 KB of real posts).
        starts = [m.start for m in mentions]
        ends = [m.end for m in mentions]
        for m in follow.finditer(norm.text):
            partner = nouns[m.group(1)]
            if partner not in named:
                continue
            start, end = norm.span(*m.span(1))
            before = bisect.bisect_left(starts, end) - 1
            if before >= 0 and ends[before] > start:
                continue
            mentions.append(Mention(start, end, partner, follow_up=True))
    return sorted(mentions, key=lambda m: m.start)
