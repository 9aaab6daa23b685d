"""Sensitive facts about a private person: what they owe, their health, an investigation or leave.

A fact is flagged only when its sentence (or, for "she" and "he", the sentence
before) points at one person or household: a name, a house address, "the
owner of 310 Cedar Lane", or "a family on Maple Court" (a street is enough to
find one household). "Residents who owe more than $500 can set up a payment
plan" and "the cause is under investigation" name no one. A post that notes
the person's consent ("shares her story") is left alone for health facts.
The cue words are the ``debt``, ``medical`` and ``status`` lists of
``cues.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from post_lint.model import Document
from post_lint.text.alternation import literal_alternation
from post_lint.text.consent import consent_in
from post_lint.text.parsed import can_parse, parsed
from post_lint.text.people import census_names, english_speller
from post_lint.text.sentences import sentence_at

from . import about, whose
from .detect import Cues, Hit, Scene, address_pattern

_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d\d)?(?:\s?(?:k|K|thousand|million))?")


def _household_on_street(cues) -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in sorted(cues.lists["household"], key=len, reverse=True))
    suffix = "|".join(re.escape(w) for w in sorted(cues.lists["street-suffix"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:{nouns})\s+(?:(?:who\s+lives?|living)\s+)?(?:on|of|from|at|in)\s+(?:the\s+\d+\s+block\s+of\s+)?"
        rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{suffix})\b"
    )


def identifies_someone(scene: Scene, start: int, end: int, staff_too: bool = False) -> str | None:
    """What in text[start:end] points at one private person or household, if anything.

    With ``staff_too``, an official or employee the city lists counts as well: their name is
    public in their role, but a leave or an investigation is a personnel matter (policy V: no
    private information, nor views on employment relations).
    """
    text, cues = scene.text, scene.cues
    window = text[start:end]
    if _household_on_street(cues).search(window):
        return "a household on a named street"
    if address_pattern(cues.lists["street-suffix"]).search(window):
        return "a house address"
    public = whose.word_pattern(cues.lists["public-office"], False)
    place_noun = whose.word_pattern(cues.lists["person-noun"], True).pattern
    for m in whose.CAPITALISED_RUN.finditer(window):
        run = m.group()
        after = text[start + m.end() : start + m.end() + 40]
        if re.match(rf"\s+(?:{place_noun})\b", after) or _PLACE_LIST.match(after):
            continue  # "an Aurora girl", "Madison & Warren Counties": a place
        if not window[: m.start()].strip(" \t\"'“‘(*-:,"):
            run = whose.without_opening_word(run, cues)
        named = whose.classify_name(run, cues, scene.known) if run else None
        if staff_too and named and named[2] == whose.LISTED_OFFICIAL:
            return named[1]  # "Chief Morales is on medical leave": the role is public, the leave is not
        if named and named[0] == whose.PRIVATE and named[2] == whose.NAME:
            at = m.start() + m.group().rfind(named[1].split()[0])
            if public.search(window[max(0, at - 30) : at] + named[1]):
                continue  # "Mayor Lee is recovering from surgery": an official no config lists, in a public role
            return named[1]
    return None


_PLACE_LIST = re.compile(r"\s*(?:,|&|and)\s+(?:[A-Z]\w+\s+){1,2}(?:Counties|Cities|Towns|Parishes|Townships|Schools|Parks)\b")
_BREAK = re.compile(r"[·•|;:]\s|\s[-–—]{1,3}\s")
_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im)\b")
# How far before the fact its person may be named: a debt's household anywhere in the
# sentence ("The owner of 310 Cedar Lane ... owes"), a health or status fact close by.
_REACH = {"debt": 400, "medical": 60, "status": 60}


def _pronoun_person(scene: Scene, sentence: tuple[int, int], left: int, staff_too: bool) -> str | None:
    """ "She was diagnosed in May": the person named earlier in the sentence or the one before."""
    found = identifies_someone(scene, sentence[0], left, staff_too)
    if found or sentence[0] == 0:
        return found
    previous = sentence_at(scene.sentences, max(0, sentence[0] - 2))
    if previous[1] > sentence[0]:
        return None
    return identifies_someone(scene, previous[0], previous[1], staff_too)


def detect_sensitive(scene: Scene) -> Iterator[Hit]:
    text, cues = scene.text, scene.cues
    consent = None
    kinds = (
        ("debt", "what a private person owes"),
        ("medical", "a private person's medical condition"),
        ("status", "that a private person is under investigation or on leave"),
    )
    for kind, what in kinds:
        done: set[tuple[int, int]] = set()  # one finding a sentence for each kind of fact
        # Health words in capitals name programs and campaigns ("Diabetes Prevention Program").
        pattern = cues.lowercase_pattern(kind) if kind == "medical" else cues.pattern(kind)
        for m in pattern.finditer(text):
            sentence = sentence_at(scene.sentences, m.start())
            if sentence[0] > m.start():
                sentence = (max(0, m.start() - 200), min(len(text), m.end() + 200))
            if sentence in done:
                continue
            # The person the fact is about comes close before it: "Jane Olson, who has diabetes",
            # "the owner of 310 Cedar Lane owes", "She was diagnosed" (Jane named before).
            reach = _REACH[kind]
            left = max(sentence[0], m.start() - reach)
            for brk in _BREAK.finditer(text, left, m.start()):
                left = brk.end()  # "Published by Fanny Flu · Just now · Prevent cancer"
            staff_too = kind == "status"  # a leave or an investigation of listed staff is a personnel matter
            who = identifies_someone(scene, left, m.end() if kind != "debt" else sentence[1], staff_too)
            if who is None and _PRONOUN.search(text, left, m.start()):
                who = _pronoun_person(scene, sentence, left, staff_too)
            if who is None:
                continue
            if kind != "debt":
                consent = consent if consent is not None else consent_in(text)
                if consent.noted:
                    continue
            done.add(sentence)
            if kind == "debt":
                # The amount is the datum: "$2,140" near "owes".
                amounts = list(_AMOUNT.finditer(text, sentence[0], sentence[1]))
                if not amounts:
                    continue
                nearest = min(amounts, key=lambda a: abs(a.start() - m.start()))
                yield Hit("sensitive", nearest.start(), nearest.end(), what)
                continue
            # The cue words close after the first, to the last: "diagnosed with cancer".
            end = m.end()
            for more in pattern.finditer(text, m.end(), min(sentence[1], m.end() + 40)):
                end = more.end()
            yield Hit("sensitive", m.start(), end, what)


# The rarest word of each fact phrase, as a word start ("arrest" finds "arrested", "maternity"
# stands for "maternity leave"): a post without any is not parsed. Parsing is most of the
# check's cost, so "in", "on", "be" or "medical" must not trigger it.
@lru_cache(maxsize=16)
def _fact_trigger(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    counts = _word_counts()
    keys = set()
    for _, phrases in lists:
        for phrase in phrases:
            words = [w.lower() for w in phrase.split() if w[0].isalpha()]
            if words:
                key = min(words, key=lambda w: (counts.get(w, 0), -len(w)))
                # "separat" finds "separating"; a key decided long before it is cut ("ankl" finds "ankle")
                keys.add((key[:-1] if len(key) > 4 and key.endswith("e") else key, len(key) > 4))
    # A short key is a whole word ("ALS", not "also"); a longer one any word it starts. Only
    # whether a post has one is asked, so the keys are a trie (a seventh of a flat list's time).
    short = literal_alternation(k for k, long_key in keys if not long_key)
    long = literal_alternation(k for k, long_key in keys if long_key)
    return re.compile(rf"\b(?:(?:{short})(?:s|ed|d|ing)?\b|(?:{long}))", re.IGNORECASE)


@lru_cache(maxsize=16)
def _someone_cue(relations: tuple[str, ...], roles: tuple[str, ...]) -> re.Pattern[str]:
    # Only whether a post has one is asked: tries, not flat lists, of the words.
    words = literal_alternation(relations)
    jobs = literal_alternation(roles)
    return re.compile(
        rf"\b(?:she|he|her|his|him|hers|their)\b|(?<![\w'’])(?:{words})(?![\w'’])"
        rf"|\bour\s+(?:[\w-]+\s+){{0,2}}(?:{jobs})s?\b"
        rf"|\b(?-i:[Aa]n?\s+(?:[A-Z][\w'’-]*\s+){{1,3}})(?:{jobs})\b",  # "A Public Works employee", not "a new manager"
        re.IGNORECASE,
    )


_CAPITALISED = re.compile(r"(?<![\w'’@#])[A-Z][a-z]+")
_PLURAL_SURNAME = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)s\b")


def _someone_possible(cues: Cues, text: str) -> bool:
    """Whether a post may name the one person a fact is about: a pronoun, a relation or household
    word, "our" (an employee by role), or a capitalised census given name. Most public-health
    notices ("COVID-19 cases rose") have none, and are not parsed for facts."""
    relations = (*cues.lists["person"], *cues.lists["household"], *cues.lists["honorific"])
    if _someone_cue(relations, (*cues.lists["title"], *cues.lists["staff-role"])).search(text):
        return True
    names = census_names()
    if names is None:
        return True
    if any(m.group(1).lower() in names[1] for m in _PLURAL_SURNAME.finditer(text)):
        return True  # "the Garcias, who ...": a household by its surname
    return any(m.group().lower() in names[0] for m in _CAPITALISED.finditer(text))


def _person_entity(doc: Document) -> bool:
    """A PERSON entity in the parse the run already made whose last word is a census surname: a
    given name the 1990 census lists lack ("Jaden Moore"); not the model's "Pfizer" or "COVID",
    which would send most public-health notices to the parse."""
    names = census_names()
    surnames = names[1] if names else frozenset()
    return any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text.istitle() and e[-1].lower_ in surnames
        for e in getattr(doc.nlp, "ents", ())
    )


def _word_counts() -> dict[str, int]:
    speller = english_speller()
    return speller.word_frequency.dictionary if speller is not None else {}


def detect_parsed_facts(doc: Document, cues: Cues, officials: tuple[str, ...]) -> list[Hit] | None:
    """Sensitive facts whose person the parse finds (about.py); None when spaCy or its model is
    missing, so that the patterns of :func:`detect_sensitive` decide."""
    lists = about.fact_lists(cues)
    text = doc.words_text
    if not _fact_trigger(lists).search(text) or not (_someone_possible(cues, text) or _person_entity(doc)):
        return [] if can_parse(doc) else None  # no fact word or no one: nothing for the parse, or the patterns, to read
    sdoc = parsed(doc)
    if sdoc is None:
        return None
    consent = consent_in(doc.words_text)
    done: set[tuple[int, int]] = set()
    hits = []
    for fact in about.Reader(sdoc, cues, officials).facts():
        sentence = doc.sentence_at(fact.start)
        if sentence in done or (consent.noted and fact.kind in ("medical", "family")):
            continue
        done.add(sentence)
        start, end = fact.start, fact.end
        if fact.kind == "debt":  # the amount, when the sentence gives one, is the datum
            amounts = list(_AMOUNT.finditer(doc.words_text, sentence[0], sentence[1]))
            if amounts:
                nearest = min(amounts, key=lambda a: abs(a.start() - fact.start))
                start, end = nearest.span()
        what = about.KINDS[fact.kind]
        if fact.listed:  # named in the config as an official: public in the role, not in this
            what = what.replace("a private person", "an official or employee", 1) + ", a personal matter even for staff"
        hits.append(Hit("sensitive", start, end, f"{what} ({fact.who})"))
    return hits
