"""What the public body configures once and several checks use.

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
from dataclasses import dataclass, field
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
