"""accusations: comments that accuse someone of a crime or misconduct go to review.

For the comments profile only. Section V lets staff hide "potentially libelous
comments", but whether an accusation is true, and so whether it is libel, is not
something a tool can know. A comment that names or points at someone (an official,
a person, a role) and accuses them of a crime ("took kickbacks", "embezzled",
"covered up a DUI") or, about one person, of misconduct ("corrupt", "a racist") is a
warning: a person reads it and decides. The phrases are data (``accusations.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.phrases import find_phrases
from post_lint.text.targets import Target, find_targets

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class Lists:
    crime: tuple[str, ...]
    misconduct: tuple[str, ...]
    bodies: frozenset[str]


@cache
def _lists(extra: tuple[str, ...]) -> Lists:
    data = tomllib.loads((_HERE / "accusations.toml").read_text(encoding="utf-8"))
    return Lists(
        crime=tuple(data["crime"]["phrases"]) + extra,
        misconduct=tuple(data["misconduct"]["phrases"]),
        bodies=frozenset(w.lower() for w in data["bodies"]["words"]),
    )


def _is_body(target: Target, bodies: frozenset[str]) -> bool:
    words = " ".join(target.text.lower().replace("\u2019", "'").split())
    return target.kind == "role" and (words in bodies or words.removeprefix("the ") in bodies)


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    lists = _lists(tuple(ctx["extra-phrases"]))
    text = doc.words_text
    crimes = find_phrases(text, lists.crime)
    misconduct = find_phrases(text, lists.misconduct)
    if not crimes and not misconduct:
        return
    targets = [t for t in find_targets(doc, ctx.facts) if t.text.lower() not in ("you", "your")]
    if not targets:
        return
    people = [t for t in targets if not _is_body(t, lists.bodies)]

    def nearest(match_start: int, pool: list[Target]) -> Target | None:
        # The one named in the same sentence first, else anywhere in the comment.
        sentence = doc.sentence_at(match_start)
        same = [t for t in pool if sentence[0] <= t.start < sentence[1]]
        # A name before a role: "Councilmember Weaver" is Weaver.
        ranked = sorted(same or pool, key=lambda t: (t.kind == "role", t.start))
        return ranked[0] if ranked else None

    reported = False
    for match, pool, what in [(m, targets, "a crime or serious misconduct") for m in crimes] + [
        (m, people, "misconduct") for m in misconduct
    ]:
        target = nearest(match.start, pool)
        if target is None or reported:
            continue
        reported = True
        word = " ".join(doc.text[match.start : match.end].split())
        yield ctx.finding(
            "named",
            f"accuses {target.text} of {what} (\u201c{word}\u201d): potentially libelous comments may be hidden, "
            "but only a person can judge whether an accusation is true; read it before deciding",
            match.start,
            match.end - match.start,
        )


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
run = comment_rules_then_model(
    _rules,
    __file__,
    "an accusation of a crime or misconduct",
    "potentially libelous comments may be hidden, but only a person can judge whether an accusation is true",
)


CHECK = Check(
    name="accusations",
    description="Comments: accusations of a crime or misconduct against someone named or singled out (for review).",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Potentially libelous comments",
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-phrases": Option(
            [], "more words for a crime or serious misconduct, beside the bundled accusations.toml", list, item_type=str
        ),
    },
    rules={
        "accusations/learned": "a comment the learned model reads as an accusation of a crime or misconduct, where the word lists found nothing (for review)",
        "accusations/named": "a crime ('took kickbacks', 'embezzled') charged to an official, a person, a role or a "
        "body, or misconduct ('corrupt', 'a racist') charged to one person",
    },
    nlp=("ner",),
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "potentially libelous comments". Libel is a false
    statement of fact that harms someone's reputation: a tool cannot know what
    is true, so this check never hides anything. It sends to review the comments
    that name or single out someone (an official in [body] officials, anyone
    spaCy sees as a person, "the finance director") and charge them with a crime
    or serious misconduct. Words that are also how people criticise ("corrupt",
    "racist") count only about one person, never about the council as a body, and
    opinion about a decision ("this vote was a mistake") is never an accusation.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
