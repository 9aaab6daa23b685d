"""Authors of books in a library post: "a novel by Louise Penny", "Colson Whitehead's latest
novel", "written by Richard Osman and narrated by Lesley Manville", "author Tim Hanley".

An author named for their work is a public figure, not a private person the policy asks
consent for. The parse says whose work it is: the name is the object of "by" hung from a work
noun ("mysteries by"), a writing verb ("written by") or a quoted title, or owns a work noun
("Kingsolver's novel"); a name coordinated with such a name ("by Jason Reynolds or Angie
Thomas") is one too. The words are data (works.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from post_lint.model import Document
from post_lint.text.parsed import parsed
from post_lint.text.wordlists import word_set_sections

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HERE = Path(__file__).parent


def _sections() -> dict[str, frozenset[str]]:
    return word_set_sections(_HERE / "works.txt")


def _author_noun_before(text: str, start: int) -> bool:
    """ "author Tim Hanley", "local author Karen Doyle", "poet Mary Oliver"."""
    nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_sections()["author"], key=len, reverse=True))
    return bool(re.search(rf"\b(?:{nouns}),?\s+$", text[max(0, start - 30) : start], re.IGNORECASE))


def _is_work(token: Token) -> bool:
    works = _sections()["work"]
    return token.lower_ in works or token.lemma_.lower() in works


def _by_a_work(name_root: Token) -> bool:
    """The name is the object of "by" (or "from") hung from a work noun, a writing verb, a verb
    that describes a work ("audiobooks read by") or a quoted title; or of "of" hung from a work
    noun or an audience ("picture books of Mo Willems", "fans of Colson Whitehead")."""
    by = name_root.head
    if name_root.dep_ != "pobj" or by.lower_ not in ("by", "from", "of"):
        return False
    head = by.head
    if by.lower_ == "of":  # "the picture books of Mo Willems", not "the story of Jane Olson"
        about = head.lower_ in _sections()["about-of"] or head.lemma_.lower() in _sections()["about-of"]
        return (_is_work(head) and not about) or head.lemma_.lower() in _sections()["audience"]
    if by.lower_ in ("by", "from") and head.lower_ in _sections()["recent"]:
        return True  # "the latest from Colleen Hoover"
    if by.lower_ == "by" and head.lemma_.lower() in _sections()["read"]:
        return True  # "the book club reads Lessons in Chemistry by Bonnie Garmus"
    if by.lower_ == "by" and head.lemma_.lower() in _sections()["verb"]:
        return True  # "written by", "narrated by", "painted by"
    if by.lower_ == "by" and head.dep_ == "acl" and _is_work(head.head):
        return True  # "audiobooks read by Meryl Streep": the verb describes the work
    if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and _is_work(c) for c in head.children):
        return True  # "share favorite poems by Mary Oliver", "picks a memoir from Tara Westover"
    if _is_work(head) or any(
        child.dep_ == "prep" and child.lower_ == "of" and any(_is_work(obj) for obj in child.children) for child in head.children
    ):
        return True  # "mysteries by", "a stack of new mysteries by"
    if by.lower_ == "by" and head.pos_ == "PROPN":
        return True  # "The Hunger Games by Suzanne Collins", "Demon Copperhead by ...": a title's author
    # The quote closes right before "by": '"Lessons in Chemistry" by Bonnie Garmus'.
    return bool(re.search(r"[\"”]\s*,?\s*$", name_root.doc.text[max(0, by.idx - 3) : by.idx]))


def _a_title(token: Token) -> bool:
    """A proper noun written as a title: capitalised words under a capital "The" or "A" ("The Very
    Hungry Caterpillar", "Demon Copperhead"), or tagged as a work ("The Hunger Games")."""
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ == "WORK_OF_ART":
        return True
    words = [c for c in token.lefts if c.dep_ in ("det", "compound", "amod", "advmod")]
    return any(w.dep_ == "det" and w.text in ("The", "A", "An") for w in words)


def _owns_a_work(name_root: Token) -> bool:
    """ "Colson Whitehead's latest novel", "Barbara Kingsolver's novel", "Ann Patchett's latest",
    "Eric Carle's The Very Hungry Caterpillar"."""
    head = name_root.head
    if name_root.dep_ == "poss" and (_is_work(head) or head.lower_ in _sections()["recent"] or _a_title(head)):
        return True
    possessive = any(c.dep_ == "case" for c in name_root.children)
    return possessive and any(c.dep_ == "amod" and c.lemma_.lower() in _sections()["recent"] for c in name_root.children)


def _wrote_a_work(name_root: Token) -> bool:
    """ "Sarah Nguyen, who wrote 'The Lighthouse Keeper's Cat'", "Tara Westover wrote a memoir":
    the name is the subject of a writing verb with a work or a title as its object."""
    verbs = _sections()["verb"]
    clauses = [c for c in name_root.children if c.dep_ == "relcl"]
    if name_root.dep_ == "nsubj":
        clauses.append(name_root.head)
    return any(
        verb.lemma_.lower() in verbs and any(c.dep_ == "dobj" and (_is_work(c) or c.pos_ == "PROPN") for c in verb.children)
        for verb in clauses
    )


def _read_as_a_work(name_root: Token) -> bool:
    """ "In December we read Ann Patchett": the object of a reading verb; "book club members loved
    Barbara Kingsolver": of a liking verb whose subject is an audience of works."""
    if name_root.dep_ != "dobj":
        return False
    verb = name_root.head.lemma_.lower()
    if verb in _sections()["read"]:
        return True
    audience = _sections()["audience"]
    return verb in _sections()["liked"] and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in audience for c in name_root.head.children
    )


def _names_before_a_work(doc: Doc, end: int) -> bool:
    """ "boxes of James Patterson and Danielle Steel paperbacks", "Patterson novels": the name (or a
    list of names) stands before a work noun, whatever the parse made of it; not before a verb
    the name is the subject of ("Beth Fix works with at-home patients")."""
    after = re.match(r"(?:\s*(?:,|and|or|&)\s*(?:[A-Z][\w.'’-]*\s*){1,3})*\s+(?P<noun>[a-z]+)", doc.text[end : end + 80])
    if not after or after.group("noun") not in _sections()["work"]:
        return False
    noun = doc.char_span(end + after.start("noun"), end + after.end("noun"))
    return noun is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in noun[0].children)


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    words = _sections()["work"] | _sections()["author"] | _sections()["forms"] | _sections()["cue"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b|[\"”],?\s+by\b", re.I)  # or a quoted title before "by"


# A quoted title right before the name in brackets: "'The Women' (Kristin Hannah)".
_TITLE_THEN_BRACKET = re.compile(r"[\"”'’]\s*\(\s*$")


def is_author(doc: Document, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is named as the author of a work. Only a post with a
    work word is parsed ("book", "novel", "poems"...)."""
    text = doc.text
    if _author_noun_before(text, start) or _TITLE_THEN_BRACKET.search(text, max(0, start - 4), start):
        return True
    if not _cue().search(text):
        return False
    sdoc = parsed(doc)
    if sdoc is None:
        return False
    if _names_before_a_work(sdoc, end):
        return True
    root = _root(sdoc, start, end)
    seen = 0
    while root is not None and seen < 6:
        if _by_a_work(root) or _owns_a_work(root) or _wrote_a_work(root) or _read_as_a_work(root):
            return True
        if root.dep_ != "conj" or root.head is root:
            return False
        root, seen = root.head, seen + 1  # "by Jason Reynolds or Angie Thomas"
    return False
