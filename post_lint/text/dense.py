"""spaCy's token vectors as features of the learned layer: the meaning around a placeholder.

The bag of words in :mod:`post_lint.text.features` sees "late" and "again" near a
partner; the vectors that spaCy's ``tok2vec`` computes for each token (96 numbers in
the small English model, the same ones its tagger and parser read) also carry what
the words around ``<partner>`` are like, so a complaint phrased with words the
training drafts never used can still score. The text is the one the sparse features
read, with the body's partners, officials and name as placeholders, so the vectors do
not depend on any one city's names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..facts import Facts
from .features import with_placeholders

TOK2VEC = "tok2vec"


def placeholder_vector(language: Any, text: str, facts: Facts | None = None) -> Any | None:
    """Mean token vector of the sentences of ``text`` that name the body's partners, officials or
    the body itself (a NumPy array); None when none does, or without a tok2vec pipe.

    Only those sentences: a mean over the whole post would also carry what is said of anything
    else ("The library reopened Monday. It was a terrible storm.").
    """
    if language is None or TOK2VEC not in language.pipe_names:
        return None
    return _vector_of(language, text, facts or Facts())


@lru_cache(maxsize=64)
def _vector_of(language: Any, text: str, facts: Facts) -> Any | None:
    # Cached: the judgement models that weigh a vector score the same post's text one after the
    # other, and the vector depends on nothing else (a third of their time went to recomputing it).
    words = _words(text, facts)
    if not words:
        return None
    vector = _mean(language.get_pipe(TOK2VEC)(language.make_doc(words)))
    if vector is not None:
        vector.setflags(write=False)  # shared by the models: nobody may change it
    return vector


_NAMED = re.compile(r"<(?:partner|official|body)>")


def _words(text: str, facts: Facts) -> str:
    """The sentences that name a placeholder, one space between words ("" when none does)."""
    from .sentences import split_sentences

    marked = with_placeholders(text, facts)
    named = [marked[start:end] for start, end in split_sentences(marked) if _NAMED.search(marked, start, end)]
    # One space between words: a blanked quotation or a line break is no word, and spaCy's
    # vectors read a few tokens either side, so a run of spaces would shift its neighbours'.
    return " ".join(" ".join(named).split())


def _mean(doc: Any) -> Any | None:
    """Mean vector of the words (:func:`_words` left one space between them, so every token is one)."""
    return doc.tensor.mean(axis=0) if len(doc) and doc.tensor.shape[0] else None


def placeholder_vectors(language: Any, texts: list[str], facts: list[Facts], batch_size: int = 128) -> tuple[Any, Any]:
    """:func:`placeholder_vector` for many texts at once (training): a matrix, and a mask of the
    rows that have a vector (the others are zeros, and weigh nothing, as None does when linting)."""
    import numpy

    tok2vec = language.get_pipe(TOK2VEC)
    docs = [language.make_doc(_words(t, f)) for t, f in zip(texts, facts, strict=True)]
    width = tok2vec.model.get_dim("nO")
    out = numpy.zeros((len(docs), width), dtype=numpy.float32)
    has = numpy.zeros(len(docs), dtype=bool)
    for start in range(0, len(docs), batch_size):
        batch = list(tok2vec.pipe(docs[start : start + batch_size]))
        for i, doc in enumerate(batch, start):
            mean = _mean(doc)
            if mean is not None:
                out[i], has[i] = mean, True
    return out, has
