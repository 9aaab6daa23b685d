"""Who a negative cue is about, read from the spaCy dependency parse.

The sentence's mood does not matter, only what the negative words attach to:
in "Thanks to the library for helping residents recover from a terrible storm"
"terrible" modifies "storm", so nothing negative is said about the library;
in "The library's staff could not care less" the criticism's subject is the
library's staff.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

Token = Any  # spacy.tokens.Token; spaCy is never imported here

NEGATIONS = frozenset({"not", "n't", "never", "no", "hardly", "barely", "nt", "nor", "neither", "without"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# Vocabulary (target.toml): light verbs ("X did a terrible job"), group nouns ("a bunch of"), the
# city's first person, and the verbs of a partner's services ("The Chamber hosted a terrible expo").
_WORDS = tomllib.loads(Path(__file__).with_name("target.toml").read_text(encoding="utf-8"))
LIGHT_VERBS = frozenset(_WORDS["light-verbs"])
# Prepositions that tie a thing to its owner: "the staff at the library", "programs of the Chamber".
OWNER_PREPS = frozenset({"of", "at", "from", "by", "in"})
OBJECT_PREPS = frozenset({"with", "of", "from", "about", "on", "to", "in", "at", "by", "for", "toward", "towards"})
GROUP_NOUNS = frozenset(_WORDS["group-nouns"])
FIRST_PERSON = frozenset(_WORDS["first-person"])
PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "its", "it"})
SERVICE_VERBS = frozenset(_WORDS["service-verbs"])


class Resolver:
    """Which partner each token refers to: names, follow-ups, and pronouns."""

    def __init__(self, spacy_doc: Any, direct: dict[int, str]) -> None:
        self.doc = spacy_doc
        self.refs = dict(direct)
        self._resolve_pronouns()

    def _resolve_pronouns(self) -> None:
        # "they", "their", "its" refer back to a partner named earlier in the same or the
        # previous sentence, unless a noun that could be meant instead comes between:
        # the subject of a clause, or (for "they") any plural noun ("residents").
        sents = list(self.doc.sents)
        for index, sent in enumerate(sents):
            for token in sent:
                window_start = sents[index - 1].start if index else sent.start
                if token.lower_ not in PRONOUNS or token.i in self.refs:
                    continue
                if token.lower_ == "it" and token.dep_ not in ("dobj", "pobj"):
                    # "It was a terrible storm": a subject "it" opening a sentence is too often the
                    # weather; only one that follows its noun in the same sentence counts.
                    window_start = sent.start
                plural = token.lower_ not in ("its", "it")
                for prev in reversed(self.doc[window_start : token.i]):
                    if prev.i in self.refs:
                        if prev.lower_ not in PRONOUNS or prev.i < token.i:
                            self.refs[token.i] = self.refs[prev.i]
                        break
                    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ in ("compound", "npadvmod"):
                        continue  # other pronouns ("it is June", "we asked") never block
                    owners = self.partners_of(prev, follow_pronouns=False, owned=True)
                    if owners:
                        self.refs[token.i] = sorted(owners)[0]
                        break
                    if not plural or prev.dep_ in ("nsubj", "nsubjpass") or prev.tag_ in ("NNS", "NNPS"):
                        break  # "it" means the nearest thing, "they" the nearest plural ("wash your hands when they are dirty")

    def partners_of(self, token: Token, follow_pronouns: bool = True, depth: int = 0, owned: bool = False) -> set[str]:
        """Partners a noun phrase is, or belongs to ("their staff", "the library's programs").

        ``owned`` also counts what a partner merely has ("the library has a book sale"),
        which is enough to resolve a pronoun but not to read criticism of it as criticism
        of the partner ("the library had terrible water damage").
        """
        found = set()
        if token.i in self.refs and (follow_pronouns or token.lower_ not in PRONOUNS):
            found.add(self.refs[token.i])
        if depth > 4:
            return found
        verbs = SERVICE_VERBS | {"have"} if owned else SERVICE_VERBS
        if token.dep_ == "dobj" and token.head.lemma_.lower() in verbs and depth == 0:
            for subject in subjects(token.head):
                found |= self.partners_of(subject, follow_pronouns, depth + 1)
        for child in token.children:
            if child.dep_ in ("conj", "appos") and any(
                t.dep_ == "neg" and t.head.i in (token.i, child.i) for t in token.doc[min(token.i, child.i) : child.i + 1]
            ):
                continue  # "blame the weather, not the Chamber"
            if child.dep_ in ("poss", "compound", "conj", "appos", "nmod") or (
                token.dep_ == "csubj" and child.dep_ in ("nsubj", "dobj")  # "working with them has been a headache"
            ):
                found |= self.partners_of(child, follow_pronouns, depth + 1)
            elif child.dep_ == "prep" and (
                (child.lower_ in OWNER_PREPS and token.pos_ in ("NOUN", "PROPN", "PRON"))
                or (token.dep_ == "csubj" and child.lower_ in (*OWNER_PREPS, "with"))  # "working with them"
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found |= self.partners_of(pobj, follow_pronouns, depth + 1)
        return found


def cue_root(tokens: list[Token]) -> Token:
    """The token of a multi-word cue that heads the others ("failed" in "failed to")."""
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return min(tops or tokens, key=_depth)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def is_negated(root: Token, cue_tokens: Iterable[Token]) -> bool:
    """A negation outside the cue on the cue or its predicate: "not useless", "no fault of theirs"."""
    inside = {t.i for t in cue_tokens}
    heads = [root]
    if root.dep_ in ("acomp", "attr", "oprd", "xcomp", "amod", "advmod") or root.pos_ in ("ADJ", "NOUN"):
        heads.append(root.head)
    for head in heads:
        for child in head.children:
            if child.i in inside or child.i > root.i:
                continue  # "the library's fault, not ours" is not a negated fault
            if child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ in ("det", "advmod", "preconj")):
                return True
    return False


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Subjects of a clause, inherited through conjunctions and control verbs."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in found):
        found.append(verb.head)  # "the district, which failed to ..." -> the district
    if not found and depth < 4 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        head = verb.head
        # A misparse puts the subject at the root: "ARCC talks ... but never shows up".
        found = [head] if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" else subjects(head, depth + 1)
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return found + agents


def _holders(noun: Token) -> list[Token]:
    """What a judged noun is said of: "X is a joke", "X did a terrible job"."""
    found = [noun]
    if noun.dep_ in ("attr", "acomp", "oprd"):
        found += subjects(noun.head)
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        found += subjects(noun.head)
    elif noun.dep_ == "appos":
        found.append(noun.head)
    elif noun.dep_ == "conj":
        found += _holders(noun.head)
    return found


def said_of(root: Token) -> list[Token]:
    """What a judgment word describes."""
    token = root
    while token.dep_ == "conj" and token.head.i != token.i and token.pos_ == token.head.pos_:
        token = token.head  # "slow and rude": judge what "slow" judges
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ in ("compound", "nmod"):
            return []  # a noun naming a kind of thing ("disaster recovery", "joke contest") judges nothing
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in GROUP_NOUNS:
            return said_of(token.head.head)  # "a bunch of amateurs"
        if token.dep_ == "pobj" and token.head.lower_ in ("like", "as") and token.head.head.i != token.head.i:
            return [c for c in token.children if c.dep_ == "poss"] + subjects(token.head.head)  # "act like amateurs"
        owners = [c for c in token.children if c.dep_ == "poss"]
        # "excuses from the district", "a mess by the Chamber"
        owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for p in c.children]
        return owners + _holders(token)[1:]
    if token.dep_ in ("amod", "compound", "nmod", "nummod") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _holders(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "than" and token.head.head.i != token.head.i:
        return said_of(token.head.head)  # "worse than useless"
    if token.pos_ == "ADV" and token.dep_ == "advmod":
        head = token.head
        if head.pos_ in ("ADJ", "ADV") and head.dep_ in ("amod", "advmod"):
            return said_of(head)
        return subjects(head)
    if token.dep_ in ("acomp", "attr", "oprd") or (
        token.pos_ != "VERB" and token.dep_ in ("xcomp", "ccomp", "advcl", "prep", "conj")
    ):
        return subjects(token.head)  # "X is useless", "X seems useless", "X is out of touch"
    return subjects(token)


def aimed_at(root: Token, cue_tokens: list[Token]) -> list[Token]:
    """What a complaint, blame or warning is aimed at: objects and prepositional objects."""
    found = []
    last = max(t.i for t in cue_tokens)
    heads = {root.i: root}
    for token in cue_tokens:
        heads.setdefault(token.i, token)
    # The last token of each direct object: a preposition right after it may still belong to it.
    objects = {c.right_edge.i for head in heads.values() for c in head.children if c.dep_ == "dobj"}
    for head in heads.values():
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "attr", "oprd", "poss"):
                found.append(child)
            elif child.dep_ == "prep" and (
                child.i in heads
                or child.i == last + 1
                or (child.lower_ in OBJECT_PREPS and head.pos_ not in ("VERB", "AUX"))
                or (child.lower_ not in ("with", "by") and child.i - 1 in objects)
            ):
                # "stay away from X", "waste your time with X", "disappointed in X", "getting
                # anyone at X"; but in "avoid weight gain with the challenge" or "avoid food
                # poisoning by following the steps" what follows is the means, not the target
                found += [p for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ == "pobj" and head.pos_ == "ADP":
                found.append(child)
    passive = any(c.dep_ == "auxpass" for c in root.children)
    if passive and root.pos_ in ("VERB", "AUX") and not any(t.pos_ == "ADP" for t in cue_tokens):
        found += [c for c in root.children if c.dep_ == "nsubjpass"]  # "the district was blamed"
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("nsubj", "nsubjpass"):
        # "The fault lies with the district."
        found += [p for c in root.head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        found += [c for c in root.head.children if c.dep_ in ("attr", "acomp")]
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("attr",):
        found += subjects(root.head)  # "It's the district's fault"
    return found


def compared_with(root: Token) -> list[Token]:
    """The "than" side of a comparative: "faster than the library"."""
    found = []
    for head in (root, root.head):
        for child in head.children:
            if child.lower_ == "than":
                found += list(child.subtree)
        if head.dep_ not in ("advmod", "amod", "acomp") or head.i == head.head.i:
            break
    return found


def unlike_comparison(sentence: Any, resolver: Resolver) -> tuple[set[str], Token] | None:
    """ "Unlike the Chamber, we actually answer our phones." (partners, the "unlike" token)."""
    for token in sentence:
        if token.lower_ != "unlike":
            continue
        partners: set[str] = set()
        for pobj in token.children:
            if pobj.dep_ == "pobj":
                partners |= resolver.partners_of(pobj)
        if not partners:
            continue
        clause = token.head
        subject_words = {t.lower_ for s in subjects(clause) for t in s.subtree}
        if subject_words & FIRST_PERSON:
            return partners, token
    return None
