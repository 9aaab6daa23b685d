"""Staff acting for the body in public, read through spaCy's parse.

"Cedar Hollow Building Inspector Tom Lacey will review the permit steps", "Jenna
Holloway, Larkin County's emergency coordinator, will brief residents", "Deputy
Clerk Sam Whitaker of the Town of Cedar Hollow will be at the library to register
voters": a job title tied to a public body (the config's name and aliases, or a
word such as "Town", "County", "Department") and the person the subject of a verb
of the body's work. Such a name is the body speaking through its staff, not a
private person. Praise and personal news ("dispatcher Kayla Moore retires", "our
meter reader Jake Pruitt has walked every street") stay names/staff. The words are
data (public-duty.txt).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from post_lint.model import Document
from post_lint.text.parsed import dependents, parsed_span
from post_lint.text.wordlists import word_set_sections

if TYPE_CHECKING:
    from spacy.tokens import Token

_HERE = Path(__file__).parent
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How the title and the body hang from the name: "Town Clerk Maria", "Maria, the Town's clerk", "of the Town".
_PHRASE_DEPS = frozenset({"compound", "appos", "prep", "poss", "amod", "nmod"})


def _sections() -> dict[str, frozenset[str]]:
    return word_set_sections(_HERE / "public-duty.txt")


def body_words(employer_names: tuple[str, ...]) -> frozenset[str]:
    """The words that name the body: its own name and aliases' capitalised words, and the kinds of public body."""
    own = {w.lower() for name in employer_names for w in re.findall(r"[A-Z][\w'’-]*|[A-Z]{2,}", name)}
    return frozenset(own | _sections()["body"])


def _name_phrase(root: Token) -> list[Token]:
    """The words that describe the name: its title and compounds, its apposition, "of the Town ..."."""
    return dependents(root, _PHRASE_DEPS)


def _tied_to_a_body(root: Token, words: frozenset[str]) -> bool:
    # Capitalised or an acronym: "Town Clerk", "LCHD epidemiologist", "the County's"; not "a town meeting".
    return any(t.text[:1].isupper() and t.lower_ in words for t in _name_phrase(root))


def _duty_verb(verb: Token) -> bool:
    duties = _sections()["duty"]
    if verb.lemma_.lower() in duties:
        return True
    # "will be at the library Friday to register voters": the purpose of being there.
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in duties for c in verb.children)


def _person_root(root: Token) -> Token:
    """The head of the name's phrase: "Maria" in "Maria Delgado" is a compound of "Delgado"."""
    while root.dep_ == "compound" and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    return root


def in_public_duty(doc: Document, start: int, end: int, employer_names: tuple[str, ...]) -> bool:
    """Whether the staff member named at ``start:end`` acts for a public body in public."""
    span = parsed_span(doc, start, end)
    if span is None:
        return False
    root = _person_root(span.root)
    if root.dep_ not in _SUBJECTS or not _tied_to_a_body(root, body_words(employer_names)):
        return False
    return _duty_verb(root.head)
