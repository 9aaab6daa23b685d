"""Consent noted in a post: "shared with her permission", "with his parents' consent".

The policy asks for consent before naming a private person, and a parent's for a
child. Checks that flag names or private facts read this to leave alone what the
post says was agreed to. The phrases are data (``data/consent.txt``), matched by
the phrase engine on normalised text; those under ``[parent]`` say a parent or
guardian agreed, and the words under ``[others]`` introduce a third party.

Whom consent covers (``covered``): one person's consent ("with her permission",
"Sam gave his okay") covers that person, the name in or nearest before the phrase,
and their follow-ups ("Eugene" after "Eugene Park"); consent without one person
("used with permission", "with their consent") covers everyone the post names
except a third party introduced by a relation to someone else ("her neighbor
Carl Weiss", "Lucy's friend Marty Cole"), whose consent nobody noted.

Consent in the post's own phrasing (``consent_read``) is read through spaCy's parse
over the lexicon in ``data/consent-words.txt``: a person lets the account share ("was
kind enough to let us share her photo", "allowed us to post her story"), agrees ("he
happily agreed", "okayed this post"), gives consent ("gave her consent for this
feature", "signed a consent form", "with the approval of Greta Lund") or says yes
("said yes when we asked to feature him", "told us we could share"), in a sentence
about sharing, and not negated ("did not give permission").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Document
from .parsed import parsed
from .phrases import find_phrases
from .wordlists import word_list_sections, word_set_sections

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DATA = Path(__file__).with_name("data") / "consent.txt"
_WORDS = Path(__file__).with_name("data") / "consent-words.txt"


def _sections() -> dict[str, tuple[str, ...]]:
    return word_list_sections(_DATA)


def _phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    sections = _sections()
    return sections[""], sections.get("parent", ())


@dataclass(frozen=True)
class Consent:
    """What a post says about consent: anyone's, and a parent's or guardian's."""

    noted: bool = False
    parent: bool = False
    spans: tuple[tuple[int, int], ...] = ()  # where the post notes it


# "Geri's story", "Brian’s recovery story": someone telling their own story.
_OWN_STORY = re.compile(r"\b[A-Z][a-z]+['’]s\s+(?:[a-z-]+\s+){0,2}story\b")


def consent_in(text: str) -> Consent:
    """The consent ``text`` notes (a parent's consent is consent too)."""
    anyone, parent = _phrases()
    if found := find_phrases(text, parent):
        return Consent(True, True, tuple((m.start, m.end) for m in found))
    spans = [(m.start, m.end) for m in find_phrases(text, anyone)] + [m.span() for m in _OWN_STORY.finditer(text)]
    return Consent(bool(spans), False, tuple(sorted(spans)))


# One person's consent: "her permission", "his okay" (or a name inside: "Gloria's consent").
_ONE_PERSON = re.compile(r"\b(?:her|his|she|he)\b", re.IGNORECASE)


def _referent(span: tuple[int, int], names: list[tuple[int, int]]) -> int | None:
    """The index of the name one person's consent is about: the name in the phrase or nearest
    before it, else the first after it."""
    inside = [i for i, (s, e) in enumerate(names) if s >= span[0] - 1 and e <= span[1] + 1]
    before = [i for i, (s, _) in enumerate(names) if s < span[0]]
    after = [i for i, (s, _) in enumerate(names) if s >= span[1]]
    candidates = inside or before[-1:] or after[:1]
    return candidates[0] if candidates else None


@lru_cache(maxsize=1)
def _third_party_before() -> re.Pattern[str]:
    """Someone else's relation just before a name: "her neighbor ", "Lucy's friend "."""
    words = "|".join(re.escape(w) for w in _sections().get("others", ()))
    return re.compile(rf"\b(?:her|his|their|[A-Z][a-z]+['’]s)\s+(?:\w+\s+)?(?:{words}),?\s+$")


def _third_party(text: str, start: int) -> bool:
    """ "her neighbor Carl Weiss", "Lucy's friend Marty Cole": someone else's relation."""
    return bool(_third_party_before().search(text[max(0, start - 40) : start]))


def covered(text: str, consent: Consent, names: list[tuple[int, int, str]]) -> set[int]:
    """The indices of ``names`` (start, end, name) that the consent ``text`` notes covers."""
    if not consent.noted:
        return set()
    spans = [(s, e) for s, e, _ in names]
    everyone = {i for i, (s, _) in enumerate(spans) if not _third_party(text, s)}
    chosen: set[int] = set()
    for span in consent.spans:
        phrase = text[span[0] : span[1]]
        named = any(span[0] <= s < span[1] for s, _ in spans)
        if not (named or _ONE_PERSON.search(phrase)):
            return everyone  # "used with permission": everyone but a third party
        referent = _referent(span, spans)
        if referent is not None:
            chosen.add(referent)
    # The referent's follow-ups: "Eugene" after "Eugene Park", "Gloria" after "Gloria Esteban-Ruiz".
    words = {w.lower() for i in chosen for w in names[i][2].split()}
    return chosen | {i for i, (_, _, name) in enumerate(names) if {w.lower() for w in name.split()} & words}


def _lexicon() -> dict[str, frozenset[str]]:
    return word_set_sections(_WORDS)


@lru_cache(maxsize=1)
def _triggers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Cheap tests that a post may note consent in its own words: a consent word, and a word of
    sharing (word starts, so "okayed", "allowed", "featuring" are found). Only such posts are parsed."""
    words = _lexicon()
    consent = sorted(words["let"] | words["agree"] | words["noun"] | {"yes", "could", "can"}, key=len, reverse=True)
    share = sorted(words["share"], key=len, reverse=True)
    return (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in consent) + r")", re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in share) + r")", re.IGNORECASE),
    )


_PEOPLE_PRONOUNS = frozenset({"he", "she", "they", "who", "i"})


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ == "xcomp"
    )


def _a_person(token: Token | None) -> bool:
    """A name or a pronoun for a person: the one who agrees, not "we" or "the board"."""
    if token is None:
        return False
    return token.ent_type_ == "PERSON" or token.pos_ == "PROPN" or token.lower_ in _PEOPLE_PRONOUNS


def _subject(verb: Token) -> Token | None:
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj", "advcl", "acomp") or verb.head.i == verb.i:
            return subject
        verb = verb.head  # "was kind enough to let us": the subject of "was"


def _consents(token: Token, words: dict[str, frozenset[str]]) -> bool:
    """Whether ``token`` notes someone's consent (its sentence already speaks of sharing)."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and _negated(token):
        return False
    if token.pos_ == "VERB" and lemma in words["let"]:
        return any(t.lemma_.lower() in words["share"] and t.pos_ == "VERB" for t in token.subtree if t is not token)
    if token.pos_ == "VERB" and lemma in words["agree"]:
        return _a_person(_subject(token))
    if token.pos_ == "VERB" and lemma in words["say"]:
        said = [c for c in token.children if c.dep_ in ("dobj", "intj", "ccomp", "attr")]
        return _a_person(_subject(token)) and any(
            (c.lower_ == "yes" or any(m.lower_ in ("could", "can", "may") for m in c.subtree)) and not _negated(c) for c in said
        )  # "said we could give him a shout-out"; not "said he could not make it"
    if token.pos_ in ("NOUN", "PROPN") and lemma in words["noun"]:
        head = token.head if token.dep_ != "compound" else token.head.head  # "signed a consent form"
        giver = head if head.pos_ == "VERB" else None
        if token.head.lower_ == "with" or (token.dep_ == "compound" and token.head.head.lower_ == "with"):
            return True  # "with the approval of Greta Lund"
        return giver is not None and giver.lemma_.lower() in words["give"] and not _negated(giver)
    return False


def _clause(sentence: Span, token: Token) -> tuple[int, int]:
    """Where the consent is noted, for ``covered``: the sentence up to the end of the consent's phrase."""
    last = max(t.i for t in token.subtree)
    return sentence.start_char, sentence.doc[last].idx + len(sentence.doc[last])


def parsed_consent_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """Spans where the post notes consent in its own phrasing, read through the parse."""
    text = doc.words_text
    consent_word, share_word = _triggers()
    if not (consent_word.search(text) and share_word.search(text)):
        return ()
    sdoc = parsed(doc)
    if sdoc is None:
        return ()
    words = _lexicon()
    spans = []
    for sentence in sdoc.sents:
        if not any(t.lemma_.lower() in words["share"] for t in sentence):
            continue
        spans += [_clause(sentence, t) for t in sentence if _consents(t, words)][:1]
    return tuple(spans)


def consent_read(doc: Document) -> Consent:
    """The consent a post notes, in the listed phrases or in its own words (read through the parse)."""
    found = consent_in(doc.words_text)
    if found.parent:
        return found
    more = parsed_consent_spans(doc)
    if not more:
        return found
    return Consent(True, False, tuple(sorted({*found.spans, *more})))
