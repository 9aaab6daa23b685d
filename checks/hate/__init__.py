"""hate: racist and bigoted comments that use no slur.

For the comments profile only; slurs are the conduct check's. A sentence that
names a people, a nationality, a faith or a race and says something demeaning of
all of them ("Anoka was better before all these Somalis moved in", "Muslims
shouldn't be allowed to serve") is an error (hide), as are phrases that are
bigoted on their own ("go back to your own country", "diversity hires"). A view
on policy is never a finding: "we need stricter immigration enforcement" stays up.
The lists are data (``hate.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.negation import negated_before
from post_lint.text.phrases import find_phrases

_HERE = Path(__file__).parent


@cache
def _data() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads((_HERE / "hate.toml").read_text(encoding="utf-8"))
    return {
        "groups": tuple(data["groups"]["words"]),
        "predicates": tuple(data["predicates"]["phrases"]),
        "phrases": tuple(data["phrases"]["words"]),
        "kind": tuple(data.get("kind", {}).get("words", ())),
    }


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    data = _data()
    text = doc.words_text
    message = "is a racist or bigoted generalisation: obscene or racist comments may be hidden (a view on policy would stay)"
    for match in find_phrases(text, data["phrases"] + tuple(ctx["extra-phrases"])):
        word = " ".join(doc.text[match.start : match.end].split())
        yield ctx.finding("bigotry", f"\u201c{word}\u201d {message}", match.start, match.end - match.start)
        return
    groups = find_phrases(text, data["groups"])
    if not groups:
        return
    predicates = find_phrases(text, data["predicates"])
    kind = find_phrases(text, data["kind"])
    sentences = doc.sentences
    for group in groups:
        start, end = doc.sentence_at(group.start)
        if any(start <= k.start < end for k in kind):
            continue  # warm, or a complaint on the group's behalf: not a generalisation against it
        # The generalisation may follow in the next sentence: "... all Mexicans. Nobody on it speaks English."
        following = [s for s in sentences if s[0] >= end]
        if following:
            end = following[0][1]
        for predicate in predicates:
            if group.end <= predicate.start < end and not negated_before(text, predicate.start, floor=start):
                first, last = min(group.start, predicate.start), max(group.end, predicate.end)
                word = " ".join(doc.text[first:last].split())
                if len(word) > 80:
                    word = word[:77] + "..."
                yield ctx.finding("bigotry", f"\u201c{word}\u201d {message}", first, last - first)
                return


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
run = comment_rules_then_model(
    _rules,
    __file__,
    "obscene or racist",
    "no listed word says so, so a person reads it: obscene or racist comments may be hidden, a view on policy stays",
)


CHECK = Check(
    name="hate",
    description="Comments: racist and bigoted generalisations about a people, faith or race, without a slur.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause="Obscene or racist comments",
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-phrases": Option(
            [], "more phrases that are bigoted on their own, beside the bundled hate.toml", list, item_type=str
        ),
    },
    rules={
        "hate/learned": "a comment the learned model reads as obscene or racist, where the word lists found nothing (for review)",
        "hate/bigotry": "a demeaning generalisation about a people, nationality, faith or race, or a bigoted phrase "
        "('go back to your own country', 'diversity hires')",
    },
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "obscene or racist comments". Slurs are found by
    the conduct check; this one finds racism without a slur: a group named
    together with a demeaning generalisation in one sentence ("all these
    Somalis moved in", "Mexicans ... nobody speaks English", "Muslims shouldn't
    be allowed to serve"), and phrases bigoted on their own ("go back to your
    own country", "keep the pool white", "diversity hires"). A political view on
    immigration or policing is not a finding.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
