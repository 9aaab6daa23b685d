"""What the public body configures once and several checks use.

The body's own policy (``[policy]``: its title, a link, and the section and
clause each check cites) is read here too, so every finding quotes the
adopting body's policy; without it, the shipped example (the City of Anoka's
policy, declared on each check) is cited.

Officials, public contacts, community partners, the body's own domains and its
local vocabulary are read here, once per config, from the ``[body]`` table and
from the check tables that held them first (``[names] allow``,
``[personal-data] allow``, ``[partners] organizations``, ``[links]
allowed-domains``, ``[grammar] vocabulary``). Checks receive them as
``ctx.facts`` and never read another check's table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

# key -> (expected types, help); the [body] table of a config file.
BODY_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "name": ((str,), 'the public body\'s name, e.g. "City of Anoka"'),
    "aliases": ((list,), 'other names its staff use for it, e.g. ["Anoka", "the City"]'),
    "site": ((str,), 'its official website, e.g. "https://www.anokaminnesota.com"'),
    "domains": ((list,), "its own web domains (links to them are never external)"),
    "officials": ((list,), 'officials and staff who may be named, with titles, e.g. "Mayor Erik Skogquist"'),
    "contacts": ((list,), "its public phone numbers, e-mail addresses and building addresses"),
    "partners": ((list,), 'community partners: {name = "...", aliases = ["..."]} or a name'),
    "vocabulary": ((list,), "local words never called misspelled: places, programs, names"),
}


# key -> (expected types, help); the [policy] table of a config file.
POLICY_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "title": ((str,), 'the policy\'s title, e.g. "City of Maplewood Falls Social Media Policy"'),
    "link": ((str,), "where staff can read it (a URL or a file path)"),
    "sections": ((dict,), 'the built-in section titles renamed to yours: {"V. Rules of Use" = "4. Conduct"}'),
    "clauses": ((dict,), 'per check: the clause text, or {section = "...", clause = "..."}'),
}


@dataclass(frozen=True)
class Citation:
    """What a finding of one check quotes: a section of a policy and its clause."""

    section: str
    clause: str
    title: str = ""
    link: str = ""
    # True when the body has a policy but wrote no clause for this check: the words quoted are
    # the shipped example's (the City of Anoka's), and the citation says so rather than pass them off.
    example: bool = False

    @property
    def text(self) -> str:
        """'4. Conduct: “...”', prefixed with the policy's title when the body named it."""
        quoted = f"\u201c{self.clause}\u201d"
        if self.example:
            quoted = f"(no clause configured; the shipped example policy says {quoted})"
        cited = f"{self.section}: {quoted}" if self.section else quoted
        return f"{self.title}, {cited}" if self.title else cited


@dataclass(frozen=True)
class Policy:
    """The adopting body's policy: title, link, renamed sections and its own clauses by check name."""

    title: str = ""
    link: str = ""
    sections: tuple[tuple[str, str], ...] = ()  # (built-in section, the body's section)
    clauses: tuple[tuple[str, str, str], ...] = ()  # (check, section or "", clause)

    def cite(self, check: str, section: str, clause: str) -> Citation:
        """The citation for ``check``, whose built-in (shipped example) section and clause are given."""
        own_section = dict(self.sections).get(section, section)
        for name, its_section, its_clause in self.clauses:
            if name == check:
                return Citation(its_section or own_section, its_clause, self.title, self.link)
        return Citation(own_section, clause, self.title, self.link, example=bool(self.title or self.clauses))


@dataclass(frozen=True)
class Partner:
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Facts:
    """The body's configured facts, merged from ``[body]`` and the older per-check tables."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    site: str = ""
    domains: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    partners: tuple[Partner, ...] = field(default=())
    vocabulary: tuple[str, ...] = ()
    policy: Policy = field(default=Policy())

    @property
    def employer_names(self) -> tuple[str, ...]:
        """How staff name the body: its name and aliases (what the disclaimer check looks for)."""
        return tuple(dict.fromkeys(n for n in (self.name, *self.aliases) if n))

    def with_allowed(self, names: Any = (), contacts: Any = (), words: Any = ()) -> Facts:
        """These facts plus one post's exceptions: consented names, contacts and words."""
        if not (names or contacts or words):
            return self
        return replace(
            self,
            officials=tuple(dict.fromkeys((*self.officials, *_strings(names)))),
            contacts=tuple(dict.fromkeys((*self.contacts, *_strings(contacts)))),
            vocabulary=tuple(dict.fromkeys((*self.vocabulary, *_strings(words)))),
        )

    @property
    def partner_names(self) -> tuple[str, ...]:
        return tuple(n for p in self.partners for n in p.names if n)

    @property
    def contact_domains(self) -> tuple[str, ...]:
        """Domains named among the contacts ("anokaminnesota.com", "info@ci.anoka.mn.us")."""
        found = []
        for entry in self.contacts:
            entry = entry.strip().rsplit("@", 1)[-1]
            if " " not in entry and re.search(r"[a-z]\.[a-z]", entry, re.I):
                found.append(entry)
        return tuple(found)


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or () if isinstance(v, str) and v.strip())


def _partners(value: Any) -> tuple[Partner, ...]:
    found = []
    for org in value or ():
        if isinstance(org, Mapping) and isinstance(org.get("name"), str):
            found.append(Partner(org["name"], _strings(org.get("aliases", ()))))
        elif isinstance(org, str) and org.strip():
            found.append(Partner(org))
    return tuple(found)


def _policy(value: Any) -> Policy:
    if not isinstance(value, Mapping):
        return Policy()
    given_sections, given_clauses = value.get("sections"), value.get("clauses")
    sections: Mapping[Any, Any] = given_sections if isinstance(given_sections, Mapping) else {}
    clauses = []
    for check, clause in (given_clauses if isinstance(given_clauses, Mapping) else {}).items():
        if isinstance(clause, str):
            clauses.append((str(check), "", clause))
        elif isinstance(clause, Mapping) and isinstance(clause.get("clause"), str):
            clauses.append((str(check), str(clause.get("section", "") or ""), clause["clause"]))
    return Policy(
        title=str(value.get("title", "") or ""),
        link=str(value.get("link", "") or ""),
        sections=tuple((str(k), str(v)) for k, v in sections.items() if isinstance(v, str)),
        clauses=tuple(clauses),
    )


def facts_from(data: Mapping[str, Any]) -> Facts:
    """The facts of a config's data (a parsed ``.post-lint.toml``)."""

    def table(name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        return value if isinstance(value, Mapping) else {}

    body = table("body")
    site = str(body.get("site", "") or "")
    site_domain = re.sub(r"^[a-z]+://", "", site).split("/", 1)[0].removeprefix("www.") if site else ""
    return Facts(
        name=str(body.get("name", "") or ""),
        aliases=_strings(body.get("aliases")),
        site=site,
        domains=_strings(body.get("domains"))
        + ((site_domain,) if site_domain else ())
        + _strings(table("links").get("allowed-domains")),
        officials=_strings(body.get("officials")) + _strings(table("names").get("allow")),
        contacts=_strings(body.get("contacts")) + _strings(table("personal-data").get("allow")),
        partners=_partners(body.get("partners")) + _partners(table("partners").get("organizations")),
        vocabulary=_strings(body.get("vocabulary")) + _strings(table("grammar").get("vocabulary")),
        policy=_policy(data.get("policy")),
    )


def validate_body(where: str, body: Any) -> list[str]:
    """Problems with a ``[body]`` table, each one line naming the key."""
    if not isinstance(body, Mapping):
        return [f"{where}: 'body' must be a table"]
    problems = []
    for key, value in body.items():
        if key not in BODY_KEYS:
            import difflib

            close = difflib.get_close_matches(key, list(BODY_KEYS), n=1)
            problems.append(f"{where} [body]: unknown key '{key}'" + (f"; did you mean '{close[0]}'?" if close else ""))
            continue
        types = BODY_KEYS[key][0]
        if not isinstance(value, types):
            problems.append(f"{where} [body]: '{key}' must be {'a list' if list in types else 'a string'}, got {value!r}")
            continue
        if key == "partners" and isinstance(value, list):
            for org in value:
                if not (isinstance(org, str) or (isinstance(org, Mapping) and isinstance(org.get("name"), str))):
                    problems.append(
                        f"{where} [body]: each of 'partners' must be a name or {{name = ..., aliases = [...]}}, got {org!r}"
                    )
        elif isinstance(value, list):
            for item in value:
                if not isinstance(item, str):
                    problems.append(f"{where} [body]: '{key}' must be a list of strings, got {item!r}")
    return problems


def validate_policy(where: str, policy: Any, checks: list[str]) -> list[str]:
    """Problems with a ``[policy]`` table, each one line naming the key."""
    import difflib

    if not isinstance(policy, Mapping):
        return [f"{where}: 'policy' must be a table"]
    problems = []
    for key, value in policy.items():
        if key not in POLICY_KEYS:
            close = difflib.get_close_matches(key, list(POLICY_KEYS), n=1)
            problems.append(f"{where} [policy]: unknown key '{key}'" + (f"; did you mean '{close[0]}'?" if close else ""))
        elif not isinstance(value, POLICY_KEYS[key][0]):
            kind = "a table" if dict in POLICY_KEYS[key][0] else "a string"
            problems.append(f"{where} [policy]: '{key}' must be {kind}, got {value!r}")
    for old, new in (policy.get("sections") or {}).items() if isinstance(policy.get("sections"), Mapping) else ():
        if not isinstance(new, str):
            problems.append(f"{where} [policy.sections]: '{old}' must be a string, got {new!r}")
    clauses = policy.get("clauses")
    for check, clause in clauses.items() if isinstance(clauses, Mapping) else ():
        if check not in checks:
            close = difflib.get_close_matches(check, checks, n=1)
            problems.append(
                f"{where} [policy.clauses]: unknown check '{check}'" + (f"; did you mean '{close[0]}'?" if close else "")
            )
        elif isinstance(clause, Mapping):
            extra = set(clause) - {"section", "clause"}
            if extra or not isinstance(clause.get("clause"), str) or not isinstance(clause.get("section", ""), str):
                problems.append(
                    f"{where} [policy.clauses]: '{check}' must be a clause text or "
                    f'{{section = "...", clause = "..."}}, got {dict(clause)!r}'
                )
        elif not isinstance(clause, str):
            problems.append(f"{where} [policy.clauses]: '{check}' must be a clause text, got {clause!r}")
    return problems
