"""A post's spaCy parse, for a check that reads it only now and then.

A check that declares spaCy components (``Check.nlp``) is skipped whole when no model
loads. personal-data must run without one, yet reads the parse for the few posts whose
words may tell a sensitive fact: it asks here. The runner's Doc is used when it already
has a parse, tags and entities (a run with the grammar or partners check); otherwise the
post is parsed here, with the default model. None when spaCy or its model is missing.
"""

from __future__ import annotations

from typing import Any

from ..model import Document

COMPONENTS = ("lemmatizer", "parser", "ner")
_FAILED: list[bool] = []  # once no model loads, do not try again for every post


def _has_parse(spacy_doc: Any) -> bool:
    """The runner's Doc has what a fact needs: lemmas, a dependency parse and entities."""
    return spacy_doc is not None and all(spacy_doc.has_annotation(a) for a in ("DEP", "LEMMA", "ENT_IOB"))


def can_parse(doc: Document) -> bool:
    """Whether :func:`parsed` would give a parse: the runner's has one, or spaCy and a model are installed."""
    if _has_parse(doc.nlp):
        return True
    if _FAILED:
        return False
    import importlib.util

    from ..nlp import DEFAULT_MODELS

    return importlib.util.find_spec("spacy") is not None and any(importlib.util.find_spec(m) for m in DEFAULT_MODELS)


def parsed(doc: Document) -> Any | None:
    """``doc``'s spaCy Doc with lemmas, a dependency parse and entities, or None."""
    if _has_parse(doc.nlp):
        return doc.nlp
    if _FAILED:
        return None
    from .. import nlp

    try:
        return nlp.parse_many(None, COMPONENTS, [doc.prose])[0]
    except (nlp.ModelUnavailable, ValueError):
        _FAILED.append(True)
        return None


def parsed_span(doc: Document, start: int, end: int) -> Any | None:
    """The tokens of ``doc``'s parse that cover ``start:end`` (widened to whole tokens), or None
    without a parse or when the span holds no token."""
    sdoc = parsed(doc)
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def dependents(token: Any, relations: frozenset[str] | tuple[str, ...]) -> list[Any]:
    """Every token in the subtrees of ``token``'s children joined to it by one of ``relations``
    (the words that describe a name: "Civil War veteran", "the Town's clerk"), in order."""
    return [t for child in token.children if child.dep_ in relations for t in child.subtree]
