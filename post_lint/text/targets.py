"""Who a judgement is aimed at: the city's staff and officials, someone else, or a decision.

Comments under a city post criticise; the policy lets staff hide personal attacks
on staff and elected officials, never criticism of a decision. This module says,
for a word in spaCy's parse, what it is said of:

* ``official``: a configured official by name (``[body] officials``: "Mayor Erik
  Skogquist" also matches "Skogquist" and, where spaCy sees a person, "Erik");
* ``role``: staff or officials by role ("the mayor", "council members", "you people
  at City Hall", a public-works crew) and the addressee: a comment answers the
  city's post, so "you" is the city's staff;
* ``person``: someone else named (spaCy's PERSON entities, "Officer Davis");
* ``people``: people in general ("anyone who supports this");
* ``decision``: a vote, a plan, a budget: criticism, which stays.

The role, decision and people-word lists are data (``data/roles.txt``,
``data/decisions.txt``, ``data/people-words.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..facts import Facts
from .people import census_names
from .phrases import find_phrases
from .wordlists import load_word_list

_DATA = Path(__file__).with_name("data")
STAFF = ("official", "role")  # kinds that are the city's staff or elected officials
# Pronouns that stand for the addressee of a comment: the city, its staff and officials.
_ADDRESSEE = frozenset({"you", "your", "yours", "yourself", "yourselves", "y'all", "ya'll", "yall", "ya"})
# Compounds that make a person noun the city's ("city idiots", "council clowns").
_CITY_WORDS = frozenset({"city", "council", "town", "government", "county"})
_COPULAS = frozenset({"be", "seem", "look", "become", "sound", "act", "appear", "remain", "get", "stay", "feel"})
# Verbs of a relative clause that make the people it describes the city's: "the clowns we elected".
_CHOSEN = frozenset({"elect", "re-elect", "reelect", "hire", "appoint", "employ", "pay"})
# The writer: "how stupid do you think we are?" judges no one else.
_SELF = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
# Words that make a "Given Surname" pair a place: "Grant Street", "Marshall Field".
_PLACE_WORDS = frozenset(
    "street st avenue ave road rd drive dr lane ln boulevard blvd way court ct place park lake river creek hall field "
    "school elementary middle high county city township center centre library church bridge trail square mall".split()
)
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sgt|Sergeant|Officer|Deputy|Detective|Lt|Lieutenant|Capt|Captain|Chief|Inspector)\.?\s+$"
)


@dataclass(frozen=True)
class Target:
    kind: str  # "official" | "role" | "person"
    start: int
    end: int
    text: str


@cache
def roles() -> tuple[str, ...]:
    return tuple(load_word_list(_DATA / "roles.txt"))


@cache
def decisions() -> frozenset[str]:
    return frozenset(load_word_list(_DATA / "decisions.txt"))


@cache
def people_words() -> frozenset[str]:
    return frozenset(load_word_list(_DATA / "people-words.txt"))


@cache
def workplaces() -> frozenset[str]:
    return frozenset(load_word_list(_DATA / "workplaces.txt"))


# Plain words for a person at work: "the girl at the front desk", "the guy behind the counter".
_WORKER_NOUNS = frozenset({"girl", "guy", "lady", "woman", "man", "gal", "dude", "kid", "person", "people", "folks", "folk"})
_AT = frozenset({"at", "behind", "from"})  # not "in": "the people in the center of town" are residents


def _at_workplace(token: Any) -> bool:
    """A plain person noun placed at a public counter ("the girl at the front desk", "the front desk girl",
    "the guy behind the utility counter"): the staff a resident meets there."""
    if token.lemma_.lower() not in _WORKER_NOUNS and token.lower_ not in _WORKER_NOUNS:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in workplaces() for c in token.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in _AT
        and any(o.dep_ == "pobj" and (o.lemma_.lower() in workplaces() or o.lower_ in workplaces()) for o in c.children)
        for c in token.children
    )


@cache
def _official_names(officials: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """(full names, last names, first names) of the configured officials, titles removed."""
    role_words = {w.rstrip("*") for phrase in roles() for w in phrase.split()}
    full, last, first = [], set(), set()
    for entry in officials:
        words = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", entry) if w.rstrip(".").lower() not in role_words]
        words = [w for w in words if w[0].isupper()]
        if not words:
            continue
        full.append(" ".join(words))
        last.add(words[-1])
        if len(words) > 1:
            first.add(words[0])
    return tuple(full), frozenset(last), frozenset(first)


def find_targets(doc: Any, facts: Facts) -> list[Target]:
    """Officials, roles and people named in ``doc`` (a post_lint Document), in text order."""
    text = doc.words_text
    found: list[Target] = []
    full, last, first = _official_names(tuple(facts.officials))
    for name in full:
        for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", text):
            found.append(Target("official", m.start(), m.end(), m.group()))
    entities = _person_entities(doc)
    for word in last | first:
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            if any(t.start <= m.start() < t.end for t in found):
                continue
            # A first name ("Mark", "Greg") is a name only where spaCy sees a person or it is said to someone.
            if word in first and word not in last:
                if not (any(s <= m.start() < e for s, e in entities) or text[m.end() : m.end() + 1] == ","):
                    continue
            found.append(Target("official", m.start(), m.end(), m.group()))
    for match in find_phrases(text, roles()):
        if not any(t.start < match.end and match.start < t.end for t in found):
            found.append(Target("role", match.start, match.end, text[match.start : match.end]))
    for start, end in entities + _census_pairs(text):
        if not any(t.start < end and start < t.end for t in found):
            found.append(Target("person", start, end, text[start:end]))
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", text):
        # "Officer Davis", "Mrs. Gunderson": a title and a capitalised name the model may miss.
        if _TITLE.search(text[max(0, m.start() - 14) : m.start()]) and not any(
            t.start < m.end() and m.start() < t.end for t in found
        ):
            found.append(Target("person", m.start(), m.end(), m.group()))
    # A name right after a role is that official: "Mayor Skogquist", "Officer Davis", "Sgt. Miller".
    role_ends = {t.end for t in found if t.kind == "role"}
    for i, t in enumerate(found):
        if t.kind == "person" and any(0 <= t.start - end <= 2 and text[end : t.start].strip(" .") == "" for end in role_ends):
            found[i] = Target("official", t.start, t.end, t.text)
    return sorted(found, key=lambda t: t.start)


def _census_pairs(text: str) -> list[tuple[int, int]]:
    """ "Karen Holt", "Tom Becker": a census given name and surname, which the model may call an organisation."""
    names = census_names()
    if names is None:
        return []
    given, surnames = names
    found = []
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b", text):
        first, last = m.group(1).lower(), m.group(2).lower()
        if first in given and last in surnames and last not in _PLACE_WORDS:
            found.append(m.span())
    return found


def _person_entities(doc: Any) -> list[tuple[int, int]]:
    sdoc = doc.nlp
    if sdoc is None or not sdoc.has_annotation("ENT_IOB"):
        return []
    return [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "PERSON"]


class Resolver:
    """What a word in a comment's parse is said of (see the module's docstring)."""

    def __init__(self, doc: Any, targets: Iterable[Target], insult_word: Any = None) -> None:
        self.doc = doc
        self.targets = list(targets)
        # Nouns that are themselves said of someone ("a pack of brainless sheep"): a judgement on
        # one of them is passed on to what it is said of; on any other thing it stays on the thing.
        self.insult_word = insult_word or (lambda token: False)

    def target_at(self, token: Any) -> Target | None:
        for t in self.targets:
            if t.start <= token.idx < t.end:
                return t
        return None

    def kind_of(self, token: Any) -> tuple[str, Target | None]:
        """("official" | "role" | "person" | "people" | "self" | "decision" | "thing" | "", target) for one word."""
        target = self.target_at(token)
        if target is not None:
            return target.kind, target
        lower = token.lower_.replace("\u2019", "'")
        if lower in _ADDRESSEE or (lower == "all" and token.i > 0 and token.nbor(-1).lower_ in ("y'", "y’")):
            return "role", Target("role", token.idx, token.idx + len(token), token.text)
        if lower in _SELF:
            return "self", None
        lemma = token.lemma_.lower()
        if lemma in people_words() or self.insult_word(token):
            # "city idiots", "council clowns" (but "the council's decision" is a decision)
            for child in token.children:
                if child.dep_ in ("compound", "amod", "nmod", "poss") and child.lower_ in _CITY_WORDS:
                    return "role", Target("role", child.idx, token.idx + len(token), f"{child.text} {token.text}")
        if _at_workplace(token):
            return "role", Target("role", token.idx, token.idx + len(token), token.text)
        if token.pos_ == "NOUN" and any(c.dep_ == "relcl" and c.lemma_.lower() in _CHOSEN for c in token.children):
            # "the dimwits we elected", "the clowns you hired": the people a body chose are its officials.
            return "role", Target("role", token.idx, token.idx + len(token), token.text)
        if lemma in decisions() or lower in decisions():
            return "decision", None
        if token.pos_ == "PROPN":
            return "person", Target("person", token.idx, token.idx + len(token), token.text)
        if lemma in people_words() or token.pos_ == "PRON":
            return "people", None
        if token.pos_ in ("NOUN", "PROPN"):
            return "thing", None
        return "", None

    def about(self, token: Any) -> Any | None:
        """The word a judgement is said of: the noun an adjective describes, a predicate's subject."""
        dep = token.dep_
        if dep in ("amod", "compound", "nmod"):
            return token.head
        if dep in ("acomp", "attr", "oprd", "xcomp") or (dep == "ROOT" and token.pos_ in ("ADJ", "NOUN")):
            verb = token.head if dep != "ROOT" else token
            if dep != "ROOT" and verb.lemma_ not in _COPULAS:
                # "How stupid do you think we are?": the parse hangs "stupid" on "think"; it is said of "we".
                clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ in _COPULAS), None)
                verb = clause if clause is not None else verb
            subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            return subject[0] if subject else None
        if dep == "conj":
            return self.about(token.head) or token.head
        if dep == "appos":
            return token.head
        if dep == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PRON", "PROPN"):
            # "a bunch of morons", "a pack of brainless sheep": what the bunch is said of
            owner = token.head.head
            return self.about(owner) or owner
        return None

    def aimed_at(self, token: Any, *, person_word: bool, scan: bool = True) -> tuple[str, Target | None]:
        """What an insult word is aimed at.

        ``person_word``: the word itself names a person ("idiot"), so it is aimed at
        whoever it stands for even when the parse gives it no subject. ``scan``: a
        person named anywhere in the phrase of a vague subject counts ("whoever ... at
        City Hall"); without it only the parse's chain of predicates does ("the tools
        you need" is said of no one).
        """
        if person_word:
            kind, target = self.kind_of(token)
            if kind in (*STAFF, "person"):
                return kind, target
            inner = self._inside(token, of_decision=True)
            if inner[0]:
                return inner
        subject = self.about(token)
        for _ in range(5):
            if subject is None:
                break
            kind, target = self.kind_of(subject)
            if kind in (*STAFF, "person", "decision", "self"):
                return kind, target
            more = self.about(subject)
            if kind == "thing" and not person_word and not self.insult_word(subject):
                # A noun said of a person carries its adjective to them ("the spokesman is a slimy eel",
                # "the commissioners are a flock of brainless pigeons"); "the plan is a stupid idea" and
                # "a stupid PR stunt" stay on the thing.
                owner = self.kind_of(more) if more is not None else ("thing", None)
                return owner if owner[0] in (*STAFF, "person") else ("thing", None)
            if more is None or more.i == subject.i:
                if kind == "thing":
                    return "thing", None
                # people in general, a pronoun, a clause: who exactly? ("whoever ... at City Hall")
                inner = self._inside(subject, of_decision=False) if scan else ("", None)
                if inner[0]:
                    return inner
                return ("people", None) if kind == "people" else ("", None)
            subject = more
        return "", None

    def _inside(self, token: Any, *, of_decision: bool) -> tuple[str, Target | None]:
        """A target named inside a noun's phrase ("morons on this council", "whoever ... at City Hall"),
        or with ``of_decision`` a decision it is "of" ("a joke of a budget process")."""
        if of_decision:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and self.kind_of(obj)[0] == "decision":
                            return "decision", None
        for word in token.subtree:
            if word.i == token.i:
                continue
            kind, target = self.kind_of(word)
            if kind in (*STAFF, "person"):
                return kind, target
        return "", None

    def in_sentence(self, token: Any, *, comment: bool = True) -> tuple[str, Target | None]:
        """A staff or official target anywhere in the token's sentence, else (``comment``) in the comment."""
        sent = token.sent
        for where in (sent, token.doc) if comment else (sent,):
            for word in where:
                kind, target = self.kind_of(word)
                if kind in STAFF:
                    return kind, target
        return "", None
