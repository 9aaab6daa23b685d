"""Quotations, and whether someone is named as saying them: a quoted view is not the account's own."""

from __future__ import annotations

import re

_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|stated|states|noted|notes|added|adds|explained|explains|shared|shares|told|tells|wrote|writes|"
    r"remarked|commented|asked|asks|according to|recalled|recalls|reflected)\b",
    re.IGNORECASE,
)


def quotations(text: str) -> list[tuple[int, int]]:
    """Every quotation, attributed or not, and an opening quote left open to the end of the post."""
    spans = [m.span() for m in _QUOTE.finditer(text)]
    last = spans[-1][1] if spans else 0
    opening = text.find("\u201c", last)
    if opening >= 0 and "\u201d" not in text[opening:]:
        spans.append((opening, len(text)))
    return spans


def attributed_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quotations attributed to someone ("...," said Mayor Lee): their views are not the City's."""
    spans = []
    for m in _QUOTE.finditer(text):
        after = text[m.end() : m.end() + 60]
        before = text[max(0, m.start() - 60) : m.start()]
        if _ATTRIBUTION.search(after.split("\n")[0]) or _ATTRIBUTION.search(before.split("\n")[-1]):
            spans.append(m.span())
    return spans
