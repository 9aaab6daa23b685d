"""Features of a comment from spaCy's parse and from its topic, for the comment checks' learned layer.

The bag of words sees "lazy" and "caseworkers" in one comment; the parse says whether
the negative word is *said of* someone. Section V lets staff hide insults aimed at staff
and officials, never criticism of what they decided, so what matters is the target:

* a predicate ("X is a ...", "X are ...") whose subject is the reader ("you"), a
  configured official, a role ("the supervisors", "shelter staff"), a named person, or
  a decision ("the vote", "Brewer's amendment"): ``cm:pp:<value>~<target>``, where the
  value is how negative the predicate is (VADER, with its own modifiers), or whether
  it is a noun at all: name-calling is a noun said of a person ("Reeves is a dingbat"),
  criticism is mostly an adjective said of a decision ("the vote was wrong");
* a negative modifier on a person word ("lazy caseworkers"): ``cm:pm:neg~<target>``;
* "you" followed by a noun before any verb ("you absolute sheep"): ``cm:pv:you-noun``;
* a people, nationality or faith as a group noun ("the Mexicans", "black kids", "those
  people"), and whether a negative word stands in its sentence: ``cm:grp:...``. Naming
  a group alone weighs little: residents name their neighbours fairly all the time.

Topic (:mod:`post_lint.text.topic`): whether the comment shares a word with the post it
answers, else with the body's business, else with neither (``cm:topic:none``), which is
what off-topic comments have and bare reactions ("Ugh, again?") have too, so the model
weighs it with the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from ..facts import Facts
from .features import lexicon
from .targets import _official_names, decisions, people_words
from .topic import civic_words, content_of, facts_words, related

_SECOND = frozenset({"you", "u", "ya", "y'all", "yall", "ye"})
_COPULAS = frozenset({"be", "seem", "look", "become", "sound", "act", "remain"})
_PEOPLE_NOUNS = frozenset({"people", "kids", "folks", "families", "men", "women", "type", "kind", "crowd", "bunch", "ones"})
_PERSONS = frozenset({"you", "official", "role", "person", "people"})
# People who work for a public body beyond the roles of roles.txt: the staff a resident meets.
_STAFF = frozenset(
    "caseworker worker nurse teacher driver inspector deputy lifeguard dispatcher crew ranger librarian operator "
    "supervisor director manager guard officer cop trooper agent planner engineer receptionist desk".split()
)
# Words that, as an adjective on a people noun ("black kids", "white people"), name a group by race or origin.
_GROUP_ADJECTIVES = frozenset(
    "black white brown asian hispanic latino latina arab muslim jewish native indian mexican african chinese".split()
)


@cache
def _official_words(officials: tuple[str, ...]) -> frozenset[str]:
    _full, last, first = _official_names(officials)
    return frozenset(w.lower() for w in last | first)


def _kind(token: Any, officials: frozenset[str], roles: frozenset[str]) -> str:
    """Who or what a noun stands for: you, official, role, person, people, decision, or ""."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in _SECOND:
        return "you"
    if lower in officials and token.pos_ == "PROPN":
        return "official"
    if lemma in roles or lower in roles or lemma in _STAFF:
        return "role"
    if lemma in decisions():
        return "decision"
    if token.ent_type_ == "PERSON":
        return "person"
    if lemma in people_words():
        return "people"
    return ""


def _value(token: Any) -> str:
    """How negative a word is with its own modifiers: neg2, neg1, else its part of speech (noun, adj)."""
    values = lexicon()
    worst = min(
        [values.get(token.lower_, 0.0), *(values.get(c.lower_, 0.0) for c in token.children if c.dep_ in ("amod", "compound"))]
    )
    if worst <= -2.0:
        return "neg2"
    if worst <= -1.0:
        return "neg1"
    return "noun" if token.pos_ in ("NOUN", "PROPN") else "adj"


def _subject_kind(verb: Any, officials: frozenset[str], roles: frozenset[str]) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            kind = _kind(child, officials, roles)
            # "the water department employees": the head noun says who; "Brewer's amendment" is a decision.
            return kind or "other"
    return None


def _aimed(tokens: Iterable[Any], officials: frozenset[str], roles: frozenset[str]) -> list[str]:
    found = []
    for token in tokens:
        if token.dep_ in ("attr", "acomp") and token.head.lemma_.lower() in _COPULAS:
            kind = _subject_kind(token.head, officials, roles)
            if kind is not None:
                found.append(f"cm:pp:{_value(token)}~{kind}")
        elif token.dep_ == "amod" and _value(token).startswith("neg"):
            kind = _kind(token.head, officials, roles)
            if kind in _PERSONS:
                found.append(f"cm:pm:neg~{kind}")
        if token.lower_ in _SECOND:
            found += _vocative(token)
    return found


def _vocative(you: Any) -> list[str]:
    """ "you absolute sheep", "you grandstanding clown": a noun after "you" before any verb."""
    doc = you.doc
    for token in doc[you.i + 1 : min(you.i + 4, len(doc))]:
        if token.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ", "PRON"):
            return []
        if token.pos_ in ("NOUN", "PROPN"):
            return ["cm:pv:you-noun", f"cm:pv:you-{_value(token)}"]
    return []


def _groups(tokens: list[Any]) -> list[str]:
    """A people, nationality or faith named as a group, and whether a negative word shares its sentence."""
    values = lexicon()
    found = []
    for token in tokens:
        group = token.ent_type_ == "NORP" and (
            token.tag_ in ("NNPS", "NNS") or (token.pos_ in ("NOUN", "PROPN") and token.i > 0 and token.nbor(-1).lower_ == "the")
        )
        described = (
            (token.ent_type_ == "NORP" or token.lower_ in _GROUP_ADJECTIVES)
            and token.dep_ == "amod"
            and token.head.lower_ in _PEOPLE_NOUNS
        )
        those = token.lower_ in _PEOPLE_NOUNS and any(
            c.lower_ in ("those", "these", "them", "his", "their") for c in token.children
        )
        if not (group or described or those):
            continue
        name = "those" if those and not (group or described) else "norp"
        found.append(f"cm:grp:{name}")
        if any(values.get(w.lower_, 0.0) <= -1.0 for w in token.sent):
            found.append(f"cm:grp:{name}~neg")
    return found


def parse_features(parsed: Any, facts: Facts, roles: frozenset[str]) -> list[str]:
    """The parse's features of a comment (a spaCy Doc or Span); none without a dependency parse."""
    if parsed is None or not parsed.doc.has_annotation("DEP"):
        return []
    tokens = list(parsed)
    officials = _official_words(tuple(facts.officials))
    return sorted(set(_aimed(tokens, officials, roles) + _groups(tokens)))


def topic_features(text: str, post: str, facts: Facts) -> list[str]:
    """Whether the comment shares a word with the post, else with the body's business, else with neither."""
    if not post.strip():
        return ["cm:no-post"]
    words, theirs = content_of(text), content_of(post)
    found = [f"cm:post-shared:{min(len(words & theirs), 2)}"]
    if related(words, theirs):
        found.append("cm:topic:post")
    elif related(words, civic_words() | facts_words(facts)):
        found.append("cm:topic:civic")
    else:
        found.append("cm:topic:none" if len(words) >= 3 else "cm:topic:none-short")
    return found
