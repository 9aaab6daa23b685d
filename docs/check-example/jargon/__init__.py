"""jargon: bureaucratic words where a plain word says the same.

A tiny, complete check to copy (CONTRIBUTING.md walks through adding it): one
module, its word list (words.txt), its rule's documentation (rules.toml) and its
examples (cases.toml) in one folder, registered by one entry point. Plain words read faster for everyone, and
screen-reader users and residents reading in a second language most of all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.facts import Facts
from post_lint.model import Document, Finding

_HERE = Path(__file__).parent


def prepare(options: Mapping[str, Any], facts: Facts) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every jargon phrase, and jargon (lower case) -> the plain word.

    The Check's prepare hook: run once per distinct config, and handed to ``run`` as ``ctx.prepared``.
    """
    plain = {}
    for entry in load_word_list(_HERE / "words.txt", options["extra-words"]):  # the file's pairs, then the config's
        jargon, _, word = entry.partition(" = ")
        plain[jargon.strip().lower()] = word.strip()
    # Longest first, so "at this point in time" wins over any shorter phrase inside it.
    alternatives = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in sorted(plain, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), plain


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    pattern, plain = ctx.prepared
    ignored = {word.lower() for word in ctx["ignore-words"]}
    # words_text: the prose with URLs, e-mail addresses, mentions and hashtags blanked out.
    for match in pattern.finditer(doc.words_text):
        jargon = " ".join(match.group().lower().split())
        if jargon in ignored:
            continue
        yield ctx.finding(
            "plain-word",  # declared in rules.toml; a misspelt id makes the check crash, loudly
            ctx.message("plain-word", jargon=match.group(), plain=plain[jargon]),
            match.start(),
            match.end() - match.start(),
            suggestions=[plain[jargon]],
        )


CHECK = Check(
    name="jargon",
    description="Bureaucratic words where a plain word says the same.",
    severity="info",
    policy_section="V. Rules of Use",
    policy_clause="Make sure information is accurate, free of grammatical errors and presented in a professional manner.",
    run=run,
    prepare=prepare,
    options={
        "extra-words": Option([], "more pairs, written as in words.txt: 'jargon = plain word'", list, item_type=str),
        "ignore-words": Option([], "jargon never flagged (lower case)", list, item_type=str),
    },
    doc="""
    Posts are read quickly, often on a phone. "Utilize", "prior to" and "in order
    to" slow every reader down and say no more than "use", "before" and "to".
    Each finding suggests the plain word.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # its rule: what, why, what instead, the message
)
