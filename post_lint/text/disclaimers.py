"""Disclaimers: "These are my own opinions", "I'm not speaking for the department".

One word list (``data/disclaimers.txt``) with two uses: the disclaimer check asks
whether an employee's post has one, and the learned layers leave its words out of
what they score, since saying whose views a post holds is no evidence of an opinion
or a confidence ("I'm not speaking for the department, but the new station is a big
step up" weighed "but" and "not" as a confidence would).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .phrases import find_phrases
from .wordlists import load_word_list

DISCLAIMERS = Path(__file__).with_name("data") / "disclaimers.txt"

# Where a disclaiming clause ends ("not speaking for the department|,").
_CLAUSE_END = re.compile(r"[,;:.!?\n\u2013\u2014]")
# What may follow it and belongs to it: the comma or dash and the turn to the author's own
# words ("..., but", "; however,").
_PIVOT = re.compile(r"[\s,;:\u2013\u2014-]*(?:(?:but|however|though|still)\b[\s,]*)?", re.I)


def disclaimer_phrases(extra: Iterable[str] = ()) -> list[str]:
    """The shipped disclaimer phrases, then ``extra`` (a config's own wording)."""
    return load_word_list(DISCLAIMERS, extra)


def disclaimer_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that disclaim: from the start of the disclaiming clause through the
    phrase and the turn after it ("I'm not speaking for the department, but").

    Checks read them once a post as ``Document.disclaimer_clauses``."""
    spans = []
    for match in find_phrases(text, tuple(disclaimer_phrases())):
        # The clause starts after the last sentence end or clause break before the phrase.
        head = text[: match.start]
        start = max(head.rfind(mark) + 1 for mark in ".!?;\n")
        lead = text[start : match.start]
        start += len(lead) - len(lead.lstrip())
        # ... and runs to the end of its clause ("not speaking for the department"), then the turn.
        clause_end = _CLAUSE_END.search(text, match.end)
        end = clause_end.start() if clause_end else len(text)
        pivot = _PIVOT.match(text, end)
        spans.append((start, pivot.end() if pivot else end))
    return spans
