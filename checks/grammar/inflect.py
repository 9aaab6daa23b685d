"""English lemmas and inflections for the parse rules, from a lexicon file beside this module.

``inflections.tsv.gz`` is lemminflect's lexicon (MIT licence), rewritten by
``scripts/build_inflections.py`` as sorted lines, so a cold run reads it in a few tens of
milliseconds and looks a word up by bisection (lemminflect itself parses its CSV files on
first use: about 0.6 s of every cold run). Words the lexicon lacks get the regular forms
("reopen" -> "reopened"); lemmas of unknown words are not guessed (the rules then stay silent).
"""

from __future__ import annotations

import bisect
import gzip
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("inflections.tsv.gz")
_TAGS = {
    "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "AUX": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "NOUN": ("NN", "NNS"),
    "ADJ": ("JJ", "JJR", "JJS"),
}


@lru_cache(maxsize=1)
def _lines() -> list[str]:
    return gzip.decompress(_FILE.read_bytes()).decode("utf-8").splitlines()


def _entry(kind: str, key: str) -> dict[str, tuple[str, ...]]:
    lines = _lines()
    probe = f"{kind}\t{key}\t"
    i = bisect.bisect_left(lines, probe)
    if i >= len(lines) or not lines[i].startswith(probe):
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for part in lines[i][len(probe) :].split(";"):
        name, _, values = part.partition(":")
        found[name] = tuple(values.split(","))
    return found


@lru_cache(maxsize=65536)
def all_lemmas(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    """{upos: lemmas} for ``word`` as that part of speech, or {} (lemminflect's getAllLemmas)."""
    lemmas = _entry("L", word).get(upos)
    return {upos: lemmas} if lemmas else {}


def lemma(word: str, upos: str) -> tuple[str, ...]:
    return all_lemmas(word, upos).get(upos, ())


@lru_cache(maxsize=65536)
def all_inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    """{tag: forms} of lemma ``word`` for the tags of ``upos`` the lexicon lists, or {}."""
    tags = _TAGS.get(upos, ())
    return {tag: forms for tag, forms in _entry("I", word).items() if tag in tags}


@lru_cache(maxsize=65536)
def inflection(lemma: str, tag: str) -> tuple[str, ...]:
    """The forms of ``lemma`` for ``tag``: the lexicon's, else the regular ones."""
    forms = _entry("I", lemma).get(tag)
    if forms:
        return forms
    return _regular(lemma, tag)


def _regular(lemma: str, tag: str) -> tuple[str, ...]:
    if not lemma.isalpha():
        return ()
    if tag in ("VB", "VBP", "NN", "JJ"):
        return (lemma,)
    if tag in ("VBZ", "NNS"):
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            return (lemma + "es",)
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return (lemma[:-1] + "ies",)
        return (lemma + "s",)
    if tag in ("VBD", "VBN"):
        if lemma.endswith("e"):
            return (lemma + "d",)
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return (lemma[:-1] + "ied",)
        return (lemma + "ed",)
    if tag == "VBG":
        return ((lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma) + "ing",)
    return ()
