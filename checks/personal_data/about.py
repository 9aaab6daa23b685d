"""Whom a sensitive fact is about, read through spaCy's parse.

A medical condition, a family matter, an arrest or charge, a leave or an
investigation, or a debt is private only when it is one private person's. The
fact words are the ``fact-*`` lists of ``cues.toml`` (phrases of lemmas); the
parse then says whom each one is about, climbing from the fact to the verb it
completes:

* the subject of that verb ("Maria Garcia recovers from a stroke", "she goes
  through a difficult divorce"), or for what is done to someone (``done-to``)
  the object of an active verb ("police arrested Tyler Grimes");
* the person a relative clause, an apposition or a participle describes ("Ray
  Dunn, who has been sober ...");
* a possessor ("her divorce", "the Nguyen family's son").

That someone is a private person when they are a person's name (spaCy's PERSON,
or a census given name), "she" or "he" after such a name, or a relation or
household that the sentence pins down (the Garcia family, "the man in the yellow
house on Spruce Street", "one Hickory Lane household"). Not when they are the
reader or people in general ("anyone who has diabetes", "people living with
ALS"), an official in a public office ("Mayor Lee is recovering from surgery"),
or the organisation. An official or employee the config lists is one for a leave or an
investigation ("Chief Ruiz is on administrative leave"), and, unless listed with an elected office
(``public-office``: "Mayor Lee"), for their health: the role is public, those are not. A fact word that only modifies another noun names a topic
("cancer screening", "the Diabetes Prevention Program"); a preposition other
than those in ``fact-preps`` makes it one too ("speak about cancer").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from post_lint.text.people import census_names, everyday_word

KINDS = {
    "medical": "a private person's medical condition",
    "family": "a private person's family matters",
    "legal": "that a private person was arrested, charged or cited",
    "status": "that a private person is under investigation, disciplined or on leave",
    "debt": "what a private person owes",
}
_MAX_CLIMB = 8
_PERSON_PRONOUNS = frozenset({"she", "he", "her", "him", "his", "hers"})
_HOUSEHOLD_PRONOUNS = frozenset({"their", "they", "them"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_STREET_ADDRESS = re.compile(r"\b\d{1,6}\s+[A-Z]")


@dataclass(frozen=True)
class Fact:
    kind: str
    start: int  # character offsets of the fact's words
    end: int
    who: str  # the words that say whom it is about
    listed: bool = False  # an official or employee the config lists (their health, leave, investigation)


@lru_cache(maxsize=16)
def _phrases(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """First word -> [(kind, phrase words)], longest first."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, phrases in lists:
        for phrase in phrases:
            # Written in capitals, an entry matches only in capitals: "AIDS", not "home health aids".
            words = tuple(phrase.split() if phrase.isupper() else phrase.lower().split())
            if words:
                index.setdefault(words[0], []).append((kind, words))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[1]))
    return index


def fact_lists(cues: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((kind, tuple(cues.lists.get(f"fact-{kind}", ()))) for kind in KINDS)


def _forms(token: Any) -> tuple[str, ...]:
    return (token.lemma_.lower(), token.lower_, token.text) if token.text.isupper() else (token.lemma_.lower(), token.lower_)


def find_fact_words(sdoc: Any, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Iterator[tuple[str, int, int]]:
    """(kind, first token, end token) of every fact phrase in the Doc, longest at each place."""
    index = _phrases(lists)
    i = 0
    while i < len(sdoc):
        found = None
        for key in set(_forms(sdoc[i])):
            for kind, words in index.get(key, ()):
                if i + len(words) <= len(sdoc) and all(w == "*" or w in _forms(sdoc[i + k]) for k, w in enumerate(words)):
                    if found is None or len(words) > found[2] - found[1]:
                        found = (kind, i, i + len(words))
                    break
        if found is None:
            i += 1
            continue
        yield found
        i = found[2]


def _root(sdoc: Any, start: int, end: int) -> Any:
    """The phrase's head: its one word whose head lies outside it."""
    for token in sdoc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return sdoc[start]


def _with_its_preposition(sdoc: Any, root: Any, start: int) -> int:
    """Where the reported span starts: with the preposition and verb the fact completes
    ("recovering from knee surgery", "on administrative leave"), not the noun alone."""
    if root.dep_ != "pobj" or root.head.i >= start:
        return start
    prep = root.head
    verb = prep.head
    if verb.i == prep.i - 1 and verb.pos_ == "VERB" and verb.lemma_ not in ("be", "have"):
        return verb.i
    return prep.i


class Reader:
    """Reads one parsed post: who each fact is about."""

    def __init__(self, sdoc: Any, cues: Any, officials: tuple[str, ...]) -> None:
        self.sdoc, self.cues = sdoc, cues
        # The surname of each official, and each part of a double one: spaCy splits "Marsh-Tanaka".
        surnames = {w.lower() for name in officials for w in name.split()[-1:]}
        self.officials = surnames | {part for w in surnames for part in w.split("-") if len(part) > 1}
        # Officials listed with an elected office ("Mayor Linda Ferris"): their office announces
        # their health ("recovering from surgery, will chair by video"); an employee's is HR's.
        offices = cues.sets["public-office"]
        self.elected = {
            name.split()[-1].lower() for name in officials if any(w.lower().rstrip(".,") in offices for w in name.split()[:-1])
        }
        names = census_names()
        self.given = names[0] if names else frozenset()
        self.surnames = names[1] if names else frozenset()
        self.relations = cues.sets["person"] | cues.sets["household"]
        self.roles = cues.sets["title"] | cues.sets["staff-role"]
        self.households = frozenset({"family", "household", "couple", "kids", "children", "twins", "home"})
        # "the Ramos boy" is one household's child; "an Aurora girl" or "10-year-old Aurora girl" a town's
        self.one_child = frozenset({"boy", "girl", "kid", "twin", "baby"})
        self.generic = cues.sets["generic-person"]
        self.done_to = cues.sets["done-to"]
        self.preps = cues.sets["fact-preps"]
        self.carriers = cues.sets["fact-carrier"]
        self.aimed = cues.sets["fact-aimed"]
        self.verbs = cues.sets["fact-verb"] | self.done_to
        self.sent = frozenset({"send", "admit", "refer", "rush", "take", "go", "return"})
        self.public = cues.sets["public-office"]
        self.honorifics = cues.sets["honorific"]
        self.titles = cues.sets["title"] | self.honorifics | self.public | cues.sets["organisation"]
        self.blocked = cues.sets["not-a-name"] | cues.sets["facility"] | cues.sets["organisation"]
        self.streets = cues.sets["street-suffix"]
        self.word_names = cues.sets["word-names"] | cues.sets["place-prefix"]
        self.unit_roles: set[str] = set()  # "A Public Works employee": read for status facts only
        self.reading = ""  # the kind of fact being read (see _name)

    def facts(self) -> Iterator[Fact]:
        seen: set[tuple[str, int]] = set()  # one fact per sentence and kind
        found = list(find_fact_words(self.sdoc, fact_lists(self.cues)))
        for kind, start, end in found:
            root = _root(self.sdoc, start, end)
            if (kind, root.sent.start) in seen:
                continue
            self.reading = kind
            who = self.about(root)
            if not who or (kind not in ("medical", "status") and who.lower().startswith("our ")):
                continue  # an employee named by role alone: their dismissal is the confidential check's
            if kind != "status" and who in self.unit_roles:
                continue  # "a Public Works employee tested positive": a unit's notice, not one person's health
            seen.add((kind, root.sent.start))
            # The fact words close after it, to the last: "diagnosed with leukemia".
            for other, more_start, more_end in found:
                if other == kind and end <= more_start <= end + 3 and more_end <= root.sent.end:
                    end = more_end
            if root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i:
                root, end = root.head, max(end, root.head.i + 1)  # "for knee replacement surgery": the carrier closes it
            start = _with_its_preposition(self.sdoc, root, start)
            listed = who.split()[-1].lower().rstrip(".") in self.officials
            yield Fact(kind, self.sdoc[start].idx, self.sdoc[end - 1].idx + len(self.sdoc[end - 1]), who, listed)

    def about(self, fact: Any) -> str | None:
        """Whom the fact at ``fact`` (its head word) is about, when that is one private person."""
        cur, via = fact, ""
        if fact.dep_ in ("compound", "amod", "nmod") and fact.head.pos_ in ("NOUN", "PROPN"):
            if fact.head.lemma_.lower() not in self.carriers or fact.head.i != fact.i + 1:
                return None  # "cancer screening", "the COVID-19 pandemic and patient care": a topic
            cur = fact.head  # "undergo cancer treatment", "an internal affairs inquiry": the carrier is the fact
        against = self._named_against(cur)
        if against is not None:
            return against
        done_to = fact.lemma_.lower() in self.done_to
        before = self.sdoc[fact.i - 1] if fact.i > fact.sent.start else None
        if fact.pos_ == "VERB" and not done_to and before is not None and before.pos_ == "VERB":
            cur, via = before, "dobj"  # "as he undergoes chemo": a noun the parse misread as a second verb
        carried = False  # the fact hangs from a carrier noun: "treatment for", "recovery from"
        for _ in range(_MAX_CLIMB):
            owner = self._possessor(cur)
            if owner is not None:
                return owner
            if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
                if via == "dobj" and cur.lemma_.lower() not in self.verbs and not carried:
                    return None  # "to discuss HIV", "prevent cancer": the fact is a topic
                if via == "pobj" and any(c.dep_ == "dobj" and c.lower_ in self.generic for c in cur.children):
                    return None  # "Dr. Ross treats patients with cancer": the patients', in general
                return self._of_verb(cur, done_to and cur is fact)
            via = cur.dep_
            if cur.dep_ == "pobj":
                prep = cur.head
                if prep.lower_ not in self.preps and not (prep.lower_ in ("for", "to") and self._takes_for(prep.head)):
                    return None  # "speak about cancer"; "for" and "to" only after "arrested", "sent", "treatment"
                cur = prep.head
                if cur.pos_ == "NOUN" and any(c.dep_ in _SUBJECTS for c in cur.children):
                    return self._of_verb(cur, False)  # "while our librarian recovers from": a verb the parse took for a noun
                if cur.pos_ in ("NOUN", "PROPN") and not self._carries(cur):
                    return None  # "the risk of heart attack", "awareness of autism": a topic
                # "as she begins treatment for lymphoma": a carrier is someone's, whatever the verb
                carried = cur.pos_ == "NOUN" and cur.lemma_.lower() in self.carriers
                continue
            if cur.dep_ == "attr" and cur.pos_ == "NOUN" and cur.lemma_.lower() not in self.carriers:
                return None  # "#CervicalCancer is the easiest cancer to prevent": the subject is the disease
            if cur.dep_ in ("appos", "acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return self.private(cur.head)
            if cur.dep_ in _SUBJECTS:
                return None  # "Cancer does not wait": the fact is the subject, no one's
            cur = cur.head
        return None

    def _named_against(self, fact: Any) -> str | None:
        """ "an investigation into Marvin Tull", "opened a probe into her", "charges against him": the
        one a fact noun (or the verb it is the object of) is aimed at by "into" or "against"."""
        holders = [fact, fact.head] if fact.dep_ == "dobj" else [fact]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in self.aimed:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.private(obj)
        return None

    def _takes_for(self, head: Any) -> bool:
        """ "arrested for", "filed for bankruptcy", "sent to collections", "treatment for"; not "raised
        money for leukemia"."""
        lemma = head.lemma_.lower()
        return lemma in self.verbs or lemma in self.carriers or lemma in self.sent

    def _carries(self, noun: Any) -> bool:
        """A noun a fact may hang from: "a battle with ALS", "treatment for addiction", "her son"."""
        lemma = noun.lemma_.lower()
        return lemma in self.carriers or lemma in self.relations or noun.pos_ == "PROPN"

    def _of_verb(self, verb: Any, done_to: bool) -> str | None:
        for _ in range(3):
            deps = {c.dep_: c for c in verb.children}
            if done_to and "nsubjpass" not in deps:
                who = deps.get("dobj")
            else:
                who = deps.get("nsubjpass") or deps.get("nsubj")
            if who is not None:
                if who.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    holder = self._clause_holder(verb.head)
                    return self.private(holder) or self._given_name_who(holder, who)
                return self.private(who)
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return self.private(verb.head)  # "Jane Olson, diagnosed with cancer last year"
            named = self._named_before_participle(verb)
            if named:
                return named
            if verb.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "ccomp", "attr", "pobj") or verb.head.i == verb.i:
                return None
            if verb.dep_ in ("conj", "pcomp", "advcl") and any(c.dep_ == "auxpass" for c in verb.children):
                # "broke his spine and is paralyzed", "resigned after being accused": the subject of both
                done_to = False
            verb = verb.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head  # "after finishing treatment": from the preposition to its verb
        return None

    def _possessor(self, token: Any) -> str | None:
        for child in token.children:
            if child.dep_ == "poss":
                return self.private(child)
        return None

    def private(self, token: Any) -> str | None:
        """``token`` (a noun or pronoun) read as one private person, or None."""
        lower = token.lower_
        if lower == "whose":  # "Gina, our receptionist, whose son ...": the one the clause describes
            clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
            return self.private(clause.head) if clause is not None else None
        if lower in self.generic or token.pos_ == "DET":
            return None
        if lower == "one":
            return self._one_of_ours(token)
        if token.pos_ == "PRON":
            if lower in _HOUSEHOLD_PRONOUNS:
                return self._antecedent(token, households_only=True)
            return self._antecedent(token) if lower in _PERSON_PRONOUNS else None
        # "Janice from our front desk is expecting": a given name the parse took for a common noun
        misread = token.pos_ == "NOUN" and token.text.istitle() and self._plain_given_name(token.lower_)
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or misread:
            name = self._name(token) or self._household_by_plural(token)
            if name or token.pos_ == "PROPN":
                return name or self._described(token)  # "Jim, our bus driver, suffers": the role says who
            # "meter reader" tagged PERSON is still a noun: read on
        for child in token.children:  # "Our receptionist Lori Haugen", "Teacher's aide Corey Vance"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name = self._name(child)
                if name:
                    return name  # else "Kline's wife, Rebecca": the relation below still says whose
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            name = self._name(token.head)  # "Tim Becker, a longtime park volunteer, who ..."
            if name:
                return name
        if token.lemma_.lower() in self.relations:
            return self._pinned(token)
        if token.lemma_.lower() in self.roles and token.tag_ == "NN":
            return self._our_one(token)
        return None

    def _described(self, name: Any) -> str | None:
        """A name the census does not vouch for (or that is also a word: "Bonnie", "Hank"), read
        through the role it is given: "Jim, our bus driver", "our bus driver Hank", "our
        receptionist Bonnie" (the name in apposition to the role)."""
        for child in name.children:
            if child.dep_ in ("appos", "compound") and child.pos_ == "NOUN":
                found = self.private(child)
                if found:
                    return found
        if name.dep_ == "appos" and name.head.pos_ == "NOUN":
            return self.private(name.head)
        return None

    def _household_by_plural(self, token: Any) -> str | None:
        """ "The Hendersons' son", "the Garcias, who ...": a plural surname after "the" or marked as
        a possessor is one household."""
        lower = token.lower_
        plural = lower.endswith("s") and lower[:-1] in self.surnames
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if plural and (token.dep_ == "poss" or the) and lower[:-1] not in self.blocked:
            return f"the {token.text}"
        return None

    def _plain_given_name(self, lower: str) -> bool:
        return lower in self.given and not everyday_word(lower) and lower not in self.blocked

    def _named_before_participle(self, verb: Any) -> str | None:
        """ "Cards for Joe Perez, recovering at Mercy Hospital after a heart attack, ...": a participle
        with no subject right after "<name>," describes that name, however the parse hung it."""
        if verb.tag_ not in ("VBG", "VBN") or verb.i < 2 or self.sdoc[verb.i - 1].text != ",":
            return None
        before = self.sdoc[verb.i - 2]
        return self.private(before) if before.pos_ == "PROPN" else None

    def _given_name_who(self, holder: Any, who: Any) -> str | None:
        """ "Little Sophie, who has cystic fibrosis", "Lily, who lost her fight with leukemia": a given
        name that is also a word ("sophie", "lily") is a person's when "who" describes it."""
        lower = holder.lower_
        if who.lower_ == "who" and holder.pos_ == "PROPN" and lower in self.given and lower not in self.blocked:
            return holder.text
        return None

    def _clause_holder(self, head: Any) -> Any:
        """Whom a "who" clause describes: the parse may hang it from the street that pins the
        person down ("the family on Poplar Street who paid off ..."); then the person is the noun
        the street's preposition hangs from."""
        while head.dep_ == "pobj" and self._street(head) and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        return head

    def _one_of_ours(self, token: Any) -> str | None:
        """ "One of our building inspectors": one employee the organisation names by role."""
        if token.lower_ != "one":
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for role in prep.children:
                    if role.dep_ == "pobj" and role.lemma_.lower() in self.roles:
                        if any(c.dep_ == "poss" and c.lower_ == "our" for c in role.children):
                            return " ".join(t.text for t in token.subtree if t.i <= role.i)
        return None

    def _our_one(self, role: Any) -> str | None:
        """ "Our volunteer coordinator", "our night custodian": the one employee the organisation
        names by role is a private person; "our nurses" or "a coordinator" is not one person."""
        if any(c.dep_ == "poss" and c.lower_ == "our" for c in role.children):
            return " ".join(t.text for t in role.subtree if t.i <= role.i)
        # "Our accounts payable specialist remains ...": the parse may hang "our" from a word of the
        # job title. Only a subject: "we terminated our liquor store manager" is the body's personnel
        # action, the confidential check's.
        before = self.sdoc[max(role.sent.start, role.i - 4) : role.i]
        ours = [t for t in before if t.lower_ == "our"]
        if (
            ours
            and role.dep_ in _SUBJECTS
            and all(t.pos_ in ("NOUN", "ADJ", "PROPN", "PRON") for t in before[ours[-1].i - before.start :])
        ):
            return " ".join(t.text for t in self.sdoc[ours[-1].i : role.i + 1])
        # "A Public Works employee", "a Millbrook dispatcher": one employee of a named unit (read for
        # an investigation, a suspension or leave only: see facts)
        det = next((c for c in role.children if c.dep_ == "det"), None)
        unit = [c for c in role.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if det is not None and det.lower_ in ("a", "an") and unit:
            phrase = " ".join(t.text for t in self.sdoc[det.i : role.i + 1])
            self.unit_roles.add(phrase)
            return phrase
        return None

    def _name(self, token: Any) -> str | None:
        words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
        words = [w for w in words if w.i >= words[-1].i - 4]
        as_written = " ".join(w.text for w in words)  # titles and all: "Ms. Ruiz"
        titles = []
        while len(words) > 1 and words[0].lower_.rstrip(".") in self.titles:
            titles.append(words.pop(0).lower_.rstrip("."))  # "Deputy Clerk Anna Voss"
        while len(words) > 1 and words[0].lower_ not in self.given and any(w.lower_ in self.given for w in words[1:]):
            titles.append(words.pop(0).lower_.rstrip("."))  # "Librarian Joy Peters": a role before the name
        name = " ".join(w.text for w in words)
        lowered = [w.lower_.rstrip(".") for w in words]
        surname_of_given = len(lowered) == 2 and lowered[0] in self.given and lowered[0] not in self.word_names
        blocked = [w for w in lowered if w in self.blocked and not (surname_of_given and w in self.surnames)]
        if blocked or any(w in self.streets for w in lowered[-1:]):
            return None  # "Lincoln Park", "Cedar Lane"; but "Helen Park" is a person
        if lowered[-1] in self.officials:
            # An official or employee the city lists: named in their role, not private; but a leave
            # or an investigation is a personnel matter all the same, and an employee's health too.
            staff_fact = self.reading == "status" or (self.reading == "medical" and lowered[-1] not in self.elected)
            return name if staff_fact else None
        if any(t in self.public for t in titles) or self._public_title(words[0]):
            return None  # someone named after a public office no config lists: "Governor Ray"
        if words[0].i > 0 and self.sdoc[words[0].i - 1].text in ("#", "@"):
            return None  # a hashtag or an account: "#CervicalCancer"
        first = lowered[0]
        if len(words) > 1 and any(everyday_word(w) and w not in self.given and w not in self.surnames for w in lowered):
            return None  # "Genesee Healthy Start": a program, not a person
        if first in self.given and (len(words) > 1 or not everyday_word(first)):
            return name  # "Maria Garcia", "Kelly"; not "Rose" or "Mom" alone
        if len(words) == 1 and first in self.given and self._named_in_full(words[0]):
            return name  # "Kim Nguyen's family; Kim suffered ...": a follow-up of a full name
        if token.ent_type_ == "PERSON" and len(words) > 1 and lowered[-1] in self.surnames:
            return name  # a given name the 1990 census lacks: "Liam O'Connor"
        if (
            len(words) == 1
            and any(t in self.honorifics for t in titles)
            and (first in self.surnames or token.ent_type_ == "PERSON")
        ):
            return as_written  # "Ms. Ruiz": a surname after an honorific
        return None

    def _named_in_full(self, word: Any) -> bool:
        """The post named this given name before with a surname ("Kim Nguyen ... Kim")."""
        for token in self.sdoc[: word.i]:
            after = self.sdoc[token.i + 1] if token.i + 1 < len(self.sdoc) else None
            if token.lower_ == word.lower_ and after is not None and after.pos_ == "PROPN" and after.lower_ in self.surnames:
                return True
        return False

    def _public_title(self, first: Any) -> bool:
        before = self.sdoc[max(first.sent.start, first.i - 3) : first.i]
        # "Councilmember's aide Derek Yu": the office is someone else's, the aide a private employee.
        return any(t.lower_.rstrip(".") in self.public and t.nbor(1).lower_ not in ("'s", "’s") for t in before)

    def _antecedent(self, pronoun: Any, households_only: bool = False) -> str | None:
        """The private person "she" or "he" stands for: a name before it in its sentence or the one
        before, or a relation pinned to one home ("a neighbor on Spruce Way: her nephew"). "Their"
        and "they" stand only for a household ("The Pham family ... their daughter")."""
        sentence = pronoun.sent
        start = sentence.start
        if start > 0:
            start = self.sdoc[start - 1].sent.start
        for token in reversed(self.sdoc[start : pronoun.i]):
            if households_only:
                if token.pos_ == "NOUN" and token.lemma_.lower() in self.households:
                    return self._pinned(token)
                continue
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                name = self._name(token) or self._described(token)  # "our receptionist Bonnie ... she"
                if name:
                    return name
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.relations and token.tag_ == "NN":
                pinned = self._pinned(token)
                if pinned:
                    return pinned
        return None

    def _pinned(self, noun: Any) -> str | None:
        """A relation or household the sentence pins to one home: "the Garcia family", "her son",
        "the man in the yellow house on Spruce Street", "one Hickory Lane household"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.private(child)
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                # "the Garcia family", "one Hickory Lane household"; not "an Aurora girl" (a town's)
                lemma = noun.lemma_.lower()
                the = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
                household = (lemma in self.households or (lemma in self.one_child and the)) and child.lower_ in self.surnames
                phrase = " ".join(t.text for t in noun.subtree if t.i <= noun.i)
                return phrase if household or self._street(child) else None
            if child.dep_ == "appos":
                return self.private(child)
        tail = [t for t in noun.subtree if t.i > noun.i]
        for token in tail:
            if self._street(token):
                return " ".join(t.text for t in noun.subtree)
        return None

    def _street(self, token: Any) -> bool:
        """A named street or a house address: "Spruce Street", "Hickory Lane", "310 Cedar Lane"."""
        if token.pos_ != "PROPN":
            return False
        words = [c for c in token.lefts if c.dep_ in ("compound", "nummod")] + [token]
        text = " ".join(w.text for w in words)
        return len(words) >= 2 and (token.lower_.rstrip(".") in self.streets or bool(_STREET_ADDRESS.match(text)))
