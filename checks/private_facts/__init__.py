"""private-facts: sensitive facts about someone else, published without consent.

For the comments profile only. The personal-data check finds the datum itself
(a phone number, a home address); this check finds the facts that are private
without any number in them: someone's health, family, money, home or legal
matters ("Officer Davis is going through a divorce", "my neighbor Lisa Brandt is
on disability"). A fact counts only in a sentence that names or singles out a
person other than the writer. Named (an official, anyone spaCy sees as a person,
"Mrs. Gunderson") is an error (hide); singled out by role only ("the city
manager's wife") is a warning (review). The phrases are data (``sensitive.txt``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.phrases import find_phrases
from post_lint.text.targets import find_targets

_HERE = Path(__file__).parent
_ADDRESSEE = frozenset(load_word_list(_HERE / "addressee.txt"))  # the reader: "you", "y'all"


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    facts = find_phrases(doc.words_text, load_word_list(_HERE / "sensitive.txt", ctx["extra-phrases"]))
    if not facts:
        return
    targets = [t for t in find_targets(doc, ctx.facts) if t.text.lower() not in _ADDRESSEE]
    for match in facts:
        start, end = doc.sentence_at(match.start)
        about = [t for t in targets if start <= t.start < end]
        if not about:
            continue
        named = next((t for t in about if t.kind in ("official", "person")), None)
        word = " ".join(doc.text[match.start : match.end].split())
        if named is not None:
            yield ctx.finding(
                "sensitive",
                f"tells something private about {named.text} (\u201c{word}\u201d): private, personal information "
                "published without consent may be hidden",
                match.start,
                match.end - match.start,
            )
        else:
            yield ctx.finding(
                "sensitive",
                f"may tell something private about {about[0].text} (\u201c{word}\u201d): read it; private, personal "
                "information published without consent may be hidden",
                match.start,
                match.end - match.start,
                severity="warning" if ctx.severity == "error" else ctx.severity,
            )
        return  # one reason is enough for a moderator


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
run = comment_rules_then_model(
    _rules,
    __file__,
    "private information about someone else",
    "no listed fact says so, so a person reads it: private, personal information published without consent may be hidden",
)


CHECK = Check(
    name="private-facts",
    description="Comments: someone else's health, family, money, home or legal matters, told without consent.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause="Private, personal information published without consent",
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-phrases": Option([], "more sensitive phrases, beside the bundled sensitive.txt", list, item_type=str),
    },
    rules={
        "private-facts/learned": "a comment the learned model reads as private information about someone else, where the word lists found nothing (for review)",
        "private-facts/sensitive": "a sensitive fact (health, family, money, home, legal) about someone the comment "
        "names (an error) or singles out by role (a warning)",
    },
    nlp=("ner",),
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "private, personal information published without
    consent". Numbers and addresses are the personal-data check's; this one
    reads the facts: divorce, rehab, illness, pregnancy, welfare, debts,
    bankruptcy, where someone lives, where their children go to school. The
    fact must sit in a sentence that names someone (an error) or singles
    someone out by role (a warning), so "my mom has cancer, please pray" and
    "the levy will push seniors into debt" stay up.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
