"""disclaimer: an employee's own post about City business needs the disclaimer.

Personal profile only. Fires when the author identifies as working for the
City ("I work for the City of Anoka", "as a city employee", "at City Hall
we"), the post touches City business (council, budget, a project, a
service...), and no disclaimer sentence ("These are my own opinions and do
not represent those of the City.") is present.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.facts import Facts
from post_lint.model import Document, Finding
from post_lint.text.disclaimers import disclaimer_phrases
from post_lint.text.phrases import Match, find_phrases

_HERE = Path(__file__).parent
# Without employer-names or a [body] name, only the words any city's staff use (employers.txt).
GENERIC_EMPLOYER_NAMES = tuple(load_word_list(_HERE / "employers.txt"))
DEFAULT_WORDING = "These are my own opinions and do not represent those of the City."


def _identity_phrases(employer: tuple[str, ...], extra_roles: Iterable[str]) -> tuple[str, ...]:
    """identity.txt with <city>, <cityword> and <role> spelled out."""
    cities = [name.lower() for name in employer]
    citywords = sorted({name.lower().removeprefix("the ") for name in employer})
    roles = [role.lower() for role in load_word_list(_HERE / "roles.txt", extra_roles)]
    phrases: list[str] = []
    for line in load_word_list(_HERE / "identity.txt"):
        expanded = [line]
        for placeholder, values in (("<city>", cities), ("<cityword>", citywords), ("<role>", roles)):
            expanded = [e.replace(placeholder, v) for e in expanded for v in values] if placeholder in line else expanded
        phrases += expanded
    return tuple(phrases)


class _Prepared(NamedTuple):
    identity: tuple[str, ...]  # how staff say they work for the body
    business: tuple[str, ...]  # City-business topics
    accepted: tuple[str, ...]  # disclaimers, the configured wording among them


def prepare(options: Mapping[str, Any], facts: Facts) -> _Prepared:
    """Once per config (the Check's prepare hook): the phrase lists, with the config's extras."""
    accepted = disclaimer_phrases(options["extra-phrases"])
    # The configured wording itself always counts, whatever its words.
    accepted.append(" ".join(options["wording"].lower().rstrip(".").split()))
    return _Prepared(
        _identity_phrases(employer_names(options, facts), options["extra-roles"]),
        tuple(load_word_list(_HERE / "business.txt")),
        tuple(accepted),
    )


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.words_text
    prepared: _Prepared = ctx.prepared
    identity = find_phrases(text, prepared.identity)
    if not identity:
        return
    business, accepted = prepared.business, prepared.accepted
    topics = [m for m in find_phrases(text, business) if not any(_overlaps(m, i) for i in identity)]
    if not topics or find_phrases(text, accepted):
        return
    first = identity[0]
    said = " ".join(doc.text[first.start : first.end].split())
    yield ctx.finding(
        "missing",
        ctx.message("missing", said=said, topic=topics[0].phrase, wording=ctx["wording"]),
        first.start,
        first.end - first.start,
        suggestions=[ctx["wording"]],
    )


def employer_names(options: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
    """employer-names when set, else the body's [body] name and aliases, else the generic City names."""
    return tuple(options["employer-names"]) or facts.employer_names or GENERIC_EMPLOYER_NAMES


def _overlaps(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


CHECK = Check(
    name="disclaimer",
    description="An employee's own post that names their City job and discusses City business needs the disclaimer.",
    severity="error",
    policy_section="VI. Personal Social Media Use",
    policy_clause=(
        "If an employee chooses to identify him or herself as a City of Anoka employee, and posts a statement "
        "on a matter related to City business, a disclaimer similar to the following must be used: \u201cThese "
        "are my own opinions and do not represent those of the City.\u201d"
    ),
    run=run,
    prepare=prepare,
    options={
        "wording": Option(DEFAULT_WORDING, "the disclaimer sentence suggested (it always counts as a disclaimer)"),
        "extra-phrases": Option([], "more phrases that count as a disclaimer, beside the shipped list", list, item_type=str),
        "employer-names": Option(
            [],
            "how employees name their employer (\u201cI work for <name>\u201d, \u201cas a <name> employee\u201d); "
            "default: the [body] name and aliases, else \u201cthe City\u201d and \u201cCity Hall\u201d",
            list,
            item_type=str,
        ),
        "extra-roles": Option([], "more job titles (\u201cas a city <role>\u201d), beside roles.txt", list, item_type=str),
    },
    rules={
        "disclaimer/missing": "a personal post names the author's City job and discusses City business without a disclaimer",
    },
    profiles=("personal",),
    doc="""
    Applies to the personal profile only (an employee's own account:
    --profile personal, profile = "personal" in the config, or
    post-lint: {profile: personal} in a post's front matter).

    Section VI of the policy discourages employees from naming their City job
    when they post opinions; if they do, and the post is about City business,
    it must carry a disclaimer such as "These are my own opinions and do not
    represent those of the City." The check looks for the identification ("I
    work for the City of Anoka", "as a city employee", "at City Hall we"), a
    City-business topic (council, budget, projects, services, pay...) and the
    disclaimer; set your own sentence with wording, accept others with
    extra-phrases, and name your employer with employer-names.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
