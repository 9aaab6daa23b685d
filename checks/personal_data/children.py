"""A named child's home street, read through spaCy's parse.

"Twins Ava and Eli Brandt from Larkspur Lane", "young Finn Abbott on Cottonwood Court",
"Mateo Cruz, a Hemlock Circle kid", "Harper Quinn, a Millbrook Elementary student who
lives on Aspen Court", "Ella Marsh at her home on Quail Run Road ... her 7th birthday":
a street tied to a named person who is a child is where a stranger could find a minor.
The parse says whom the street belongs to: the noun or name a preposition ("of", "on",
"from", "at", "in") hangs it from, the subject of "lives on", the owner of "her home on",
or the noun it is a compound of ("a Hemlock Circle kid"). That holder is a child when the
words that describe it hold a child word (``child-word`` of cues.toml: "kids", "young",
"student") or the sentence gives a child's age ("Eight-year-old", "her 7th birthday").
A street a child only passes ("found a wallet on Quarry Street", "planted trees along
Willow Street") or a block ("the 400 block of Maple Avenue") is no one's home.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from post_lint.model import Document
from post_lint.text.parsed import dependents, parsed

from .detect import Cues, Hit

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ADULT = 18
_PREPS = frozenset({"of", "on", "from", "at", "in"})
_PRONOUNS = frozenset({"her", "his", "their", "she", "he", "they"})
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen".split()
)
_YEAR_OLD = re.compile(
    r"\b(\d{1,2}|[a-z]+)[- ]years?[- ]old\b|\b(\d{1,2})(?:st|nd|rd|th)\s+birthday\b"
    r"|\b(?:turns|turned|is\s+turning)\s+(\d{1,2}|[a-z]+)\b(?!\s+(?:years\s+of|of|percent|%))",  # "who turns six today"
    re.IGNORECASE,
)


def _age(word: str) -> int:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.index(word.lower()) + 1 if word.lower() in _NUMBER_WORDS else 99


def _childs_age(text: str) -> bool:
    """ "Eight-year-old", "a 9 year old", "her 7th birthday", "turns six": an age under 18."""
    return any(_age(m.group(1) or m.group(2) or m.group(3)) < ADULT for m in _YEAR_OLD.finditer(text))


@lru_cache(maxsize=8)
def _streets(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    suffix = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{suffix})\b\.?")


def _antecedent(pronoun: Token) -> Token | None:
    """The name "her" or "his" stands for: the last name before it in its sentence."""
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.pos_ == "PROPN" and token.dep_ != "compound":
            return token
    return None


def _holder(street: Token, cues: Cues) -> Token | None:
    """Whose the street is: the name or noun the parse hangs it from, or None."""
    token = street
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    if token is not street:
        return token if token.pos_ == "NOUN" else None  # "a Hemlock Circle kid"
    if street.dep_ != "pobj" or street.head.lower_ not in _PREPS:
        return None
    head = street.head.head
    if head.lemma_.lower() in cues.sets["lives-on"]:
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in ("who", "that") and head.dep_ == "relcl":
                return head.head
            return subject
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        return _antecedent(owner) if owner is not None and owner.lower_ in _PRONOUNS else owner
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _describing(holder: Token) -> list[Token]:
    words = [holder, *dependents(holder, ("amod", "compound", "appos", "nmod", "nummod", "npadvmod"))]
    if holder.dep_ in ("appos", "conj") and holder.head.pos_ in ("NOUN", "PROPN"):
        words.append(holder.head)  # "Ava", in apposition to "Twins"
    return words


def _named(holder: Token, street: Span) -> bool:
    """A name among the holder's words: the holder itself, "the Nelson kids", "Mateo Cruz, a ... kid"."""
    near = [holder, *holder.children]
    if holder.dep_ == "appos":
        near.append(holder.head)
    # "Kids from Maple Court, Lily and Sam Brandt": the names the parse hung from the street itself
    near += [t for t in street if t.dep_ in ("conj", "appos") and t.ent_type_ == "PERSON"]
    near += [c for t in street for c in t.children if c.dep_ in ("conj", "appos") and c.ent_type_ == "PERSON"]
    return any(t.pos_ == "PROPN" and not (street.start <= t.i < street.end) and t.text[:1].isupper() for t in near)


def _name_before(street: Token) -> Token | None:
    """The person named right before the street's preposition: "Zoe Lindgren on Bramble Way"."""
    prep = street.head
    if street.dep_ != "pobj" or prep.lower_ not in _PREPS or prep.i == 0:
        return None
    before = street.doc[prep.i - 1]
    return before if before.pos_ == "PROPN" and before.ent_type_ == "PERSON" else None


def _called_children_next(holder: Token, children: frozenset[str]) -> bool:
    """The next sentence calls the people named children, as one speaks to them: "... from Larch
    Court ran a lemonade stand. Great job, kids!"; not "The kids loved it" (someone else's kids)."""
    sentence = holder.sent
    if sentence.end >= len(holder.doc):
        return False
    following = holder.doc[sentence.end].sent
    return any(
        t.lower_ in children
        and t.pos_ == "NOUN"
        and t.dep_ in ("appos", "npadvmod", "intj", "ROOT")
        and not any(c.dep_ in ("det", "poss") for c in t.children)
        for t in following
    )


def detect_child_streets(doc: Document, cues: Cues) -> Iterator[Hit]:
    text = doc.words_text
    streets = list(_streets(tuple(cues.lists["street-suffix"])).finditer(text))
    if not streets:
        return
    children = cues.sets["child-word"]
    words = re.findall(r"[a-z]+", text.lower())
    if not (_childs_age(text) or any(w in children or w.removesuffix("s") in children for w in words)):
        return
    sdoc = parsed(doc)
    if sdoc is None:
        return
    for m in streets:
        if re.search(r"\bblock\s+of\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            continue  # "the 400 block of Maple Avenue": a stretch of street, no one's home
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        street = span[-1] if span[-1].pos_ != "PUNCT" else span.root
        holder = _holder(street, cues) or _name_before(street)
        if holder is not None and not _named(holder, span):
            holder = _name_before(street)  # "birthday to Zoe Lindgren on Bramble Way": the parse hung it from "birthday"
        if holder is None:
            continue
        described = _describing(holder)
        child = any(t.lemma_.lower() in children or t.lower_ in children for t in described)
        ages = _childs_age(holder.sent.text) or _childs_age(" ".join(t.text for t in described))
        if child or ages or _called_children_next(holder, children):
            yield Hit("child", m.start(), m.start() + len(m.group().rstrip(".")), "a named child's home street")
