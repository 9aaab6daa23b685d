"""Plans: for each document, which checks run, with which settings, under which profile.

Every document is planned from its own config (discovered from its path, or the
one given), its own front matter, and what the caller says, which wins: select,
ignore, profile and fail-on. Two posts in one run may be linted differently, and
each is held to its own fail-on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import registry
from .api import Check
from .config import (
    Config,
    discover,
    front_matter_settings,
    resolve_options,
    validate_names,
    validate_rule,
    validate_top_level,
)
from .facts import Facts
from .inputs import STDIN
from .model import Document, Skipped


def declared_rules(name: str) -> Mapping[str, str] | None:
    """The rule ids check ``name`` declares; None when its config declares more (or it does not load)."""
    check = registry.load_check(name)
    if not isinstance(check, Check) or check.configured_rules is not None:
        return None  # a broken check is reported as skipped; config-declared rules are checked in plan()
    return check.declared_rules


@dataclass(frozen=True)
class Overrides:
    """What the command line (or an API caller) sets; it wins over config and front matter."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    fail_on: str | None = None

    def validate(self, installed: list[str]) -> None:
        """Raises ConfigError for a select or ignore that names no installed check."""
        if self.select:
            validate_names("--select", "select", list(self.select), installed, declared_rules)
        if self.ignore:
            validate_names("--ignore", "ignore", list(self.ignore), installed, declared_rules)


class Configs:
    """The config that governs each path: the one given, or the nearest discovered, each validated once."""

    def __init__(self, installed: list[str], overrides: Overrides, given: Config | None = None) -> None:
        self.installed = installed
        # Tables of checks that will not run are validated when they do: loading
        # every check to validate its table would cost --select emoji its startup.
        self._only = {name.split("/", 1)[0] for name in overrides.select} if overrides.select else None
        self._validated: dict[int, Config] = {}  # by identity; holding each keeps its id unique
        self.given = given
        if given is not None:
            self.validate(given)

    def for_path(self, path: str | None) -> Config:
        """The config for a post at ``path`` (which need not exist); raises ConfigError."""
        if self.given is not None:
            return self.given
        folder = Path(path).parent if path and path != STDIN else Path.cwd()
        config = discover(folder)
        self.validate(config)
        return config

    def validate(self, config: Config) -> None:
        if id(config) in self._validated:
            return
        validate_top_level(config, self.installed, declared_rules)
        for name, value in config.data.items():
            if isinstance(value, dict) and name not in ("body", "policy") and (self._only is None or name in self._only):
                check = registry.load_check(name)
                if isinstance(check, Check):
                    _resolved_options(config, check)  # validated, and kept for every post's plan
        self._validated[id(config)] = config


@dataclass
class Plan:
    """One parsed document and everything resolved for linting it."""

    doc: Document
    checks: list[Check]
    rule_filter: dict[str, set[str]]  # check -> the only rule ids kept (rule-level select)
    ignored_rules: set[str]
    profile: str
    config: Config
    settings: dict[str, tuple[dict[str, Any], str]]  # check -> (options, severity)
    fail_on: str = "error"
    skipped: list[Skipped] = field(default_factory=list)  # selected checks that could not be loaded
    # What the post's own front matter changed (printed in every run), and a change the config refused.
    front_matter_note: str | None = None
    front_matter_refused: str | None = None
    problems: list[str] = field(default_factory=list)  # found while running (e.g. too long for spaCy)
    # The config's facts plus this post's exceptions (front matter allow, consents.toml beside it).
    facts: Facts = field(default_factory=Facts)


def plan(doc: Document, config: Config, overrides: Overrides, installed: list[str]) -> Plan:
    """The plan for ``doc`` under ``config``, its front matter and ``overrides``; raises ConfigError."""
    front = front_matter_settings(doc.path, doc.front_matter, installed, declared_rules) if doc.front_matter else {}
    note, refused = None, None
    if front:
        note, refused = _front_matter_change(front, config, overrides, installed)
        if refused:
            front = {}  # the project's settings stand; the refusal is an input problem
    profile = overrides.profile or front.get("profile") or config.get("profile", "official")
    select = overrides.select or front.get("select") or config.get("select") or installed
    ignore = set(config.get("ignore", [])) | set(front.get("ignore", [])) | set(overrides.ignore)
    names, rule_filter = _selection(select, ignore)
    checks, broken = registry.load_checks(names)
    checks = [c for c in checks if profile in c.profiles]
    settings = {c.name: _resolved_options(config, c) for c in checks}
    _validate_configured_rules(doc, config, front, overrides, settings)
    from .consents import Allowed, allowed_for

    allowed = front.get("allow", Allowed()) + allowed_for(doc.path)
    return Plan(
        front_matter_note=note,
        front_matter_refused=refused,
        doc=doc,
        checks=checks,
        rule_filter=rule_filter,
        ignored_rules={i for i in ignore if "/" in i},
        profile=profile,
        config=config,
        settings=settings,
        fail_on=overrides.fail_on or config.get("fail-on", "error"),
        skipped=[Skipped(b.name, b.reason) for b in broken],
        facts=config.facts.with_allowed(allowed.names, allowed.contacts, allowed.words),
    )


def _resolved_options(config: Config, check: Check) -> tuple[dict[str, Any], str]:
    """:func:`resolve_options`, worked out once per config and check (it validated every key of every
    check's table again for each post: most of planning 1,000 posts). Each plan gets its own copy."""
    memo = config.__dict__.setdefault("_resolved_options", {})
    key = (check.name, id(check))
    if key not in memo:
        memo[key] = (check, resolve_options(config, check))  # the check is held, so its id stays its own
    options, severity = memo[key][1]
    return dict(options), severity


def _validate_configured_rules(
    doc: Document,
    config: Config,
    front: Mapping[str, Any],
    overrides: Overrides,
    settings: dict[str, tuple[dict[str, Any], str]],
) -> None:
    """Rule ids of checks whose rules the config declares (custom/<id>), known only now; raises ConfigError."""
    sources = [
        ("--select", "select", overrides.select or ()),
        ("--ignore", "ignore", overrides.ignore),
        (f"{doc.path} (front matter)", "select", front.get("select", ())),
        (f"{doc.path} (front matter)", "ignore", front.get("ignore", ())),
        (config.label, "select", config.get("select", ())),
        (config.label, "ignore", config.get("ignore", ())),
    ]
    for where, key, names in sources:
        for name in names:
            check_name, _, rule = name.partition("/")
            check = registry.load_check(check_name) if rule else None
            if not isinstance(check, Check) or check.configured_rules is None:
                continue
            options = settings[check_name][0] if check_name in settings else resolve_options(config, check)[0]
            validate_rule(where, key, name, check.rules_for(options))


def _front_matter_change(
    front: dict[str, Any], config: Config, overrides: Overrides, installed: list[str]
) -> tuple[str | None, str | None]:
    """What a post's front matter changes, in words, and why the config refuses it (None: allowed)."""
    said = [f"{key} {', '.join(value) if isinstance(value, list) else value}" for key, value in sorted(front.items())]
    if not said:
        return None, None
    base_select = overrides.select or config.get("select") or installed
    base_ignore = set(config.get("ignore", [])) | set(overrides.ignore)
    before, _ = _selection(base_select, base_ignore)
    after, _ = _selection(overrides.select or front.get("select") or base_select, base_ignore | set(front.get("ignore", [])))
    dropped = [name for name in before if name not in after]
    rules_dropped = sorted(i for i in front.get("ignore", []) if "/" in i and i not in base_ignore)
    base_profile = overrides.profile or config.get("profile", "official")
    profile_changed = not overrides.profile and front.get("profile", base_profile) != base_profile
    off = dropped + rules_dropped + ([f"profile {base_profile}"] if profile_changed else [])
    note = "front matter sets " + "; ".join(said) + (f" (switches off: {', '.join(off)})" if off else "")
    if off and config.get("front-matter-overrides", "allow") == "forbid":
        return note, (
            f"front matter may not switch off {', '.join(off)}: the config {config.label} sets "
            'front-matter-overrides = "forbid"; the config\'s settings were used'
        )
    return note, None


def _selection(select: Iterable[str], ignore: set[str]) -> tuple[list[str], dict[str, set[str]]]:
    """Checks to run (in select's order) and, for checks selected by rule id only, the rules kept."""
    select = list(select)
    names: list[str] = []
    rule_filter: dict[str, set[str]] = {}
    for name in select:
        check, _, rule = name.partition("/")
        if check in ignore:
            continue
        if check not in names:
            names.append(check)
        if rule:
            rule_filter.setdefault(check, set()).add(name)
    # A check named whole in select keeps all its rules.
    for name in select:
        if "/" not in name:
            rule_filter.pop(name, None)
    return names, rule_filter
