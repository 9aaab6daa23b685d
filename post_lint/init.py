"""``post-lint init``: a complete, commented ``.post-lint.toml`` for one public body.

The answers (asked on a terminal, or given as options by a script) fill the
``[body]`` table (name, aliases, site, domains, officials, contacts, partners,
vocabulary) and the ``[policy]`` table (title, link, the body's section titles
and a clause per check). Every check's clause is written: the ones the body gave
as settings, the others commented out with the shipped example's words (the City
of Anoka's policy) to replace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Answers:
    """What a body tells ``init`` about itself."""

    name: str = ""
    aliases: list[str] = field(default_factory=list)
    site: str = ""
    domains: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)  # "Name" or "Name: alias, alias"
    vocabulary: list[str] = field(default_factory=list)
    policy_title: str = ""
    policy_link: str = ""
    sections: dict[str, str] = field(default_factory=dict)  # shipped section -> the body's
    clauses: dict[str, str] = field(default_factory=dict)  # check -> the body's clause


def split_list(value: str) -> list[str]:
    """'a; b; c' (or one per line) → ['a', 'b', 'c']: semicolons, since addresses hold commas."""
    return [item.strip() for item in re.split(r"[;\n]", value) if item.strip()]


def _toml(value: Any) -> str:
    """A TOML value; JSON's string escapes are TOML's basic-string escapes."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def _partner(entry: str) -> str:
    name, _, aliases = entry.partition(":")
    names = [a.strip() for a in aliases.split(",") if a.strip()]
    return f"{{name = {_toml(name.strip())}, aliases = {_toml(names)}}}"


def _list_lines(key: str, values: Sequence[str], example: str, render: Callable[[str], str] = _toml) -> list[str]:
    if not values:
        return [f"# {key} = {example}"]
    return [f"{key} = [", *(f"  {render(v)}," for v in values), "]"]


def render(answers: Answers, checks: Iterable[Any]) -> str:
    """The config file's text; ``checks`` are the installed Check objects (for their clauses)."""
    name = answers.name or "City of Example"
    return "\n".join([*_body_lines(answers, name), *_policy_lines(answers, name, list(checks)), *TAIL])


def _body_lines(a: Answers, name: str) -> list[str]:
    return [
        f"# post-lint configuration for {name}, written by `post-lint init`.",
        "# `post-lint checks` lists the checks, `post-lint explain CHECK` shows each one's keys",
        "# and the clause it cites from the [policy] table below.",
        "",
        '# profile = "official"        # "personal" for an employee\'s own account',
        '# fail-on = "error"           # "warning" makes warnings fail too; "never" always exits 0',
        '# ignore = []                 # checks or rule ids to leave out, e.g. ["emoji/inline"]',
        '# extend-exclude = ["drafts/old/*"]  # added to the default exclude (README, CHANGELOG, LICENSE)',
        "",
        "# Who publishes: every check reads these (names, personal-data, links, grammar, partners,",
        "# disclaimer). Per-post exceptions (a resident who agreed to be named) go in the post's",
        "# front matter (post-lint: {allow: {names: [...]}}) or in consents.toml beside the posts.",
        "[body]",
        f"name = {_toml(name)}" if a.name else f"# name = {_toml(name)}",
        "# How staff name it: also what the disclaimer check looks for (\u201cI work for <alias>\u201d).",
        *_list_lines("aliases", a.aliases, '["Example", "the City", "City Hall"]'),
        f"site = {_toml(a.site)}" if a.site else '# site = "https://www.example.gov"',
        "# Its own web domains (the site's is added): links to them are never off-site.",
        *_list_lines("domains", a.domains, '["example.gov"]'),
        "# Officials and staff who may be named, with titles.",
        *_list_lines("officials", a.officials, '["Mayor Jane Doe", "Police Chief John Roe"]'),
        "# Its public phone numbers, e-mail addresses and building addresses: never personal data.",
        *_list_lines("contacts", a.contacts, '["555-010-0100", "info@example.gov", "100 Main Street"]'),
        "# Community partners it must not run down, with the names posts use for them.",
        *_list_lines("partners", a.partners, '[{name = "Example Public Library", aliases = ["the library"]}]', _partner),
        "# Local words never called misspelled: places, programs, people.",
        *_list_lines("vocabulary", a.vocabulary, '["Riverfest"]'),
        "",
    ]


def _policy_lines(a: Answers, name: str, checks: list[Any]) -> list[str]:
    out = [
        "# The body's own social media policy: every finding, hover and card quotes it.",
        "[policy]",
        f"title = {_toml(a.policy_title)}" if a.policy_title else f"# title = {_toml(name + ' Social Media Policy')}",
        f"link = {_toml(a.policy_link)}" if a.policy_link else '# link = "https://www.example.gov/social-media-policy"',
    ]
    shipped = sorted({c.policy_section for c in checks})
    out += ["# The shipped checks cite the example policy's sections; name yours:", "[policy.sections]"]
    for section in shipped:
        mine = a.sections.get(section)
        out.append(f"{_toml(section)} = {_toml(mine)}" if mine else f"# {_toml(section)} = {_toml('Section ...')}")
    out += [
        "",
        "# Your clause for each check. A check without one cites the shipped example's words",
        "# (the City of Anoka's policy), marked as such. A table gives its own section:",
        '#   links = {section = "6. Links", clause = "..."}',
        "[policy.clauses]",
    ]
    for check in checks:
        clause = a.clauses.get(check.name)
        if clause:
            out.append(f"{check.name} = {_toml(clause)}")
        else:
            out.append(f"# {check.name} = {_toml(check.policy_clause)}")
    return out


# The tables of single checks, all commented: what the [body] does not already say.
TAIL = [
    "",
    "# Settings of single checks (`post-lint explain CHECK` lists them all).",
    "[disclaimer]",
    '# wording = "These are my own opinions and do not represent those of the City."',
    "# employer-names = []   # default: the [body] name and aliases",
    "",
    "[links]",
    "# allowed-domains = []  # other sites posts may link to (the [body] domains always are)",
    "",
    "[grammar]",
    '# engine = "auto"        # or "builtin", or "languagetool"',
    "# vocabulary = []       # more words, beside the [body] vocabulary",
    "",
    "[personal-data]",
    '# region = "US"',
    "# allow = []            # more public contacts, beside the [body] contacts",
    "",
    "[partners]",
    "# organizations = []    # more partners, beside the [body] partners",
    "",
    "[emoji]",
    "# max-count = 3",
    "",
    "# The body's own rules (`post-lint explain custom`): existence, substitution, requires.",
    "# [[custom.rule]]",
    '# id = "house-style"',
    '# kind = "substitution"',
    '# swap = { "city hall" = "City Hall", "e-mail" = "email" }',
    "",
]


def ask(answers: Answers, checks: Iterable[Any], prompt: Callable[..., Any], confirm: Callable[..., bool]) -> Answers:
    """Fill in what the options left empty, by asking (``prompt``/``confirm`` are click's)."""
    a = answers

    def text(label: str, default: str = "") -> str:
        return str(prompt(label, default=default, show_default=bool(default))).strip()

    def many(label: str, current: list[str]) -> list[str]:
        return current or split_list(text(f"{label} (separate with ';', Enter for none)"))

    a.name = a.name or text("The body's name (e.g. City of Maplewood Falls)")
    short = re.sub(r"^(City|Town|Village|County|Township) of ", "", a.name) if a.name else ""
    default_aliases = "; ".join(x for x in (short if short != a.name else "", "the City", "City Hall") if x)
    a.aliases = a.aliases or split_list(text("Other names its staff use for it (separate with ';')", default_aliases))
    a.site = a.site or text("Its official website (Enter for none)")
    a.domains = many("Its other web domains", a.domains)
    a.officials = many("Officials and staff who may be named, with titles", a.officials)
    a.contacts = many("Its public phone numbers, e-mail and building addresses", a.contacts)
    a.partners = many("Community partners ('Name: alias, alias')", a.partners)
    a.vocabulary = many("Local words that are not misspellings", a.vocabulary)
    a.policy_title = a.policy_title or text("Your social media policy's title", f"{a.name} Social Media Policy" if a.name else "")
    a.policy_link = a.policy_link or text("Where staff can read it (a URL, Enter for none)")
    checks = list(checks)
    if not a.clauses and confirm(
        "Type your policy's clause for each check now? (else edit [policy.clauses] later)", default=False
    ):
        for section in sorted({c.policy_section for c in checks}):
            mine = text(f"Your section title for the example's '{section}' (Enter keeps it)")
            if mine:
                a.sections[section] = mine
        for check in checks:
            clause = text(f"Clause for '{check.name}' ({check.description}) (Enter: the shipped example's)")
            if clause:
                a.clauses[check.name] = clause
    return a


def parse_pairs(values: Iterable[str], what: str) -> dict[str, str]:
    """``--clause emoji="..."`` → {"emoji": "..."}; ValueError naming the bad one."""
    pairs = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip() or not text.strip():
            raise ValueError(f"{what} must be KEY=TEXT, got {value!r}")
        pairs[key.strip()] = text.strip()
    return pairs


def known_checks(clauses: Mapping[str, str], installed: Sequence[str]) -> None:
    """ValueError for a clause of a check that is not installed (with a did-you-mean)."""
    import difflib

    for name in clauses:
        if name not in installed:
            close = difflib.get_close_matches(name, list(installed), n=1)
            raise ValueError(f"--clause: unknown check '{name}'" + (f"; did you mean '{close[0]}'?" if close else ""))
