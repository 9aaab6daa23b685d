"""The plugin API: what a check declares and what it receives when it runs.

A check is a :class:`Check` object exposed through the ``post_lint.checks``
entry-point group. The built-in checks register exactly like a third-party
package would::

    [options.entry_points]
    post_lint.checks =
        emoji = post_lint.checks.emoji:CHECK

Keep a check module cheap to import: import heavy libraries inside ``run``
(or a cached helper), never at module level, so ``--select`` of other checks
stays fast.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .datacache import cached as cached  # re-exported for plugins: big derived data kept between runs
from .facts import Citation, Facts
from .model import SEVERITIES, Document, Finding
from .text.wordlists import load_word_list as load_word_list  # re-exported for plugins

PROFILES = ("official", "personal")  # the drafts' profiles: a config or a post may pick one
# The public's comments under the city's posts (``post-lint comments``): someone else's words,
# read for what the policy lets staff hide. A check applies to it only when it lists it.
COMMENTS = "comments"

# spaCy pipeline parts a check may ask for.
NLP_COMPONENTS = ("tagger", "lemmatizer", "parser", "ner")


class SkipCheck(Exception):
    """Raised by a check that cannot run (say, a missing model); reported in ``skipped``."""


class CheckFailed(Exception):
    """Raised by a check that was asked for by name and cannot run (an engine the config names).

    Unlike :class:`SkipCheck` this is an error, not a gap in the report: the check is
    listed as skipped and the run ends with exit code 2, so nothing reads as "All clear".
    """


@dataclass(frozen=True)
class Option:
    """A config key a check accepts: default value, expected type, help text.

    Everything here is checked when the config loads, so a wrong value is a one-line
    config error naming the key (exit code 2), never a crash inside the check::

        "allow": Option([], "emoji never counted", list, item_type=str)    # allow = [1]: an error
        "limit": Option(3, "most allowed", validate=at_least_one)           # raises ValueError
    """

    default: Any
    help: str
    # builtins.type: inside this class, a bare `type` means the field itself.
    type: builtins.type | tuple[builtins.type, ...] | None = None  # inferred from the default when None
    choices: tuple[Any, ...] | None = None
    # Checks a value's contents once its type is right (a list of rule tables, say): raises
    # ValueError with a one-line message naming the key, which becomes a config error.
    validate: Callable[[Any], None] | None = None
    # For a list (or table) option: the type of each item (each value of a table), e.g. str.
    item_type: builtins.type | tuple[builtins.type, ...] | None = None

    @property
    def expected_items(self) -> tuple[builtins.type, ...] | None:
        """The item types a list or table option's items must have, or None when unchecked."""
        if self.item_type is None:
            return None
        return self.item_type if isinstance(self.item_type, tuple) else (self.item_type,)

    def bad_item(self, value: Any) -> tuple[bool, Any]:
        """(True, the first item of ``value`` that is not an ``item_type``), else (False, None)."""
        types = self.expected_items
        if types is None or not isinstance(value, list | dict):
            return False, None
        for item in value.values() if isinstance(value, dict) else value:
            if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
                return True, item
        return False, None

    @property
    def expected(self) -> tuple[builtins.type, ...]:
        if self.type is not None:
            return self.type if isinstance(self.type, tuple) else (self.type,)
        if isinstance(self.default, bool):
            return (bool,)
        if isinstance(self.default, int):
            return (int,)
        if isinstance(self.default, float):
            return (int, float)
        return (type(self.default),)


class UndeclaredRuleError(ValueError):
    """A check made a finding with a rule id it does not declare: a bug in the check.

    Raised from ``ctx.finding``, so the runner reports the check as crashed (an input
    problem, exit code 2) instead of letting a misspelt id slip past select, ignore and
    the rule's documentation.
    """


# The keys a rule's table in rules.toml may hold.
RULE_KEYS = ("summary", "why", "fix", "message")


@dataclass(frozen=True)
class RuleInfo:
    """One rule's documentation, as ruff documents each rule: what it flags, why, what instead.

    Declared in a ``rules.toml`` beside the check (``Check.rules_file``), one table per short
    rule id; a check's ``rules`` mapping (id -> summary) is still read, and merged with it.
    """

    id: str  # the full id, "emoji/density"
    summary: str  # one line: what it flags
    why: str = ""  # why the policy forbids it (may cite the clause)
    fix: str = ""  # what to write instead
    message: str = ""  # the default message template (str.format fields), for ctx.message

    def format(self, **fields: Any) -> str:
        """The message template filled in; a KeyError names a missing field."""
        if not self.message:
            raise ValueError(f"rule {self.id} has no message template in its rules.toml")
        return self.message.format(**fields)


def full_rule_id(check: str, rule: str) -> str:
    """``density`` → ``emoji/density``; an id that already names its check stays as it is."""
    return rule if rule.startswith(check + "/") else f"{check}/{rule}"


def _rule_table(where: str, rule: str, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: [{rule}] must be a table with {', '.join(RULE_KEYS)}, got {table!r}")
    unknown = sorted(set(table) - set(RULE_KEYS))
    if unknown:
        raise ValueError(f"{where}: [{rule}] has unknown key(s) {', '.join(unknown)}; the keys are {', '.join(RULE_KEYS)}")
    for key, value in table.items():
        if not isinstance(value, str):
            raise ValueError(f"{where}: [{rule}] {key} must be a string, got {value!r}")
    if table.get("message"):
        import string

        try:
            list(string.Formatter().parse(table["message"]))
        except ValueError as exc:
            raise ValueError(f"{where}: [{rule}] message is not a valid template ({exc})") from None
    return table


def load_rule_infos(check: str, declared: Mapping[str, str], rules_file: str | None) -> dict[str, RuleInfo]:
    """The rules ``check`` declares (``declared``: id -> summary) merged with ``rules_file``.

    A rules file that exists must document exactly the declared rules (when ``declared`` is
    empty it is the declaration); a missing one means none yet. Raises ValueError saying what
    is wrong and where.
    """
    summaries = {full_rule_id(check, rule): summary for rule, summary in declared.items()}
    path = Path(rules_file) if rules_file else None
    if path is None or not path.is_file():
        return {rule: RuleInfo(rule, summary) for rule, summary in summaries.items()}
    import tomllib

    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{where}: cannot read the rules ({exc})") from None
    tables = {full_rule_id(check, rule): _rule_table(where, rule, table) for rule, table in data.items()}
    if summaries:
        extra = sorted(set(tables) - set(summaries))
        if extra:
            raise ValueError(f"{where}: documents {', '.join(extra)}, which check {check} does not declare")
        missing = sorted(set(summaries) - set(tables))
        if missing:
            raise ValueError(f"{where}: has no table for {', '.join(missing)} (check {check} declares it)")
    infos = {}
    for rule, table in tables.items():
        summary = table.get("summary") or summaries.get(rule, "")
        if not summary:
            raise ValueError(f"{where}: [{rule.removeprefix(check + '/')}] needs a summary (one line: what it flags)")
        infos[rule] = RuleInfo(rule, summary, table.get("why", ""), table.get("fix", ""), table.get("message", ""))
    return infos


def rule_under(rule: str, declared: Mapping[str, Any] | frozenset[str]) -> str | None:
    """The declared id ``rule`` is, or falls under (``grammar/lt/EN_A_VS_AN`` under ``grammar/lt``)."""
    while rule:
        if rule in declared:
            return rule
        rule = rule.rpartition("/")[0]
    return None


@dataclass(frozen=True)
class Example:
    """A passing or failing example, shown by ``post-lint explain`` and run as a test."""

    text: str
    rules: tuple[str, ...] = ()  # rule ids that must fire; empty means the text is clean
    note: str = ""
    config: Mapping[str, Any] = field(default_factory=dict)  # options for this example
    profile: str = "official"
    format: str = "text"
    reply_to: str = ""  # for the comments profile: the post the example comment answers

    @property
    def passes(self) -> bool:
        return not self.rules


@dataclass(frozen=True)
class Check:
    """Everything post-lint needs to know about one check."""

    name: str
    description: str  # one line
    severity: str  # default: "error" | "warning" | "info"
    policy_section: str  # e.g. "V. Rules of Use"
    policy_clause: str  # quoted from the policy
    run: Callable[[Document, Context], Iterable[Finding]]
    options: Mapping[str, Option] = field(default_factory=dict)
    rules: Mapping[str, str] = field(default_factory=dict)  # rule id -> what it flags (or only rules_file)
    nlp: tuple[str, ...] = ()  # spaCy components needed; empty means no spaCy at all
    profiles: tuple[str, ...] = PROFILES  # where the check applies
    doc: str = ""  # longer explanation for ``post-lint explain``
    cases_file: str | None = None  # path of a TOML file of examples beside the module
    # Path of a rules.toml beside the module (``cases_beside(__file__, "rules.toml")``): each
    # rule's summary, why, fix and message template (RuleInfo). A missing file means none yet.
    rules_file: str | None = None
    # The one cache opt-out, for a check whose findings depend on more than the text and its
    # options (a server that may or may not answer): a string added to the cache key, or None
    # to never cache. Asked before the run (the lookup) and after it (the findings are stored
    # only when it still says the same).
    cache_token: Callable[[Mapping[str, Any]], str | None] | None = None
    # Checks whose findings this check's findings yield to: when both ran and one of theirs is
    # in the same sentence, the runner drops this check's finding (one problem, reported once).
    yields_to: tuple[str, ...] = ()
    # For a check whose rules are declared in the config (custom): rule id -> what it flags,
    # from the check's resolved options; listed by ``post-lint checks --rules`` and ``explain``.
    configured_rules: Callable[[Mapping[str, Any]], Mapping[str, str]] | None = None
    # Work that depends only on the check's resolved options and the body's facts (word lists
    # with the config's extras, compiled patterns): prepare(options, facts) is called once per
    # distinct options and facts, and its result is ``ctx.prepared`` in every run with them.
    # Instead of an lru_cache keyed by hand on the options a helper happens to read.
    prepare: Callable[[Mapping[str, Any], Facts], Any] | None = None
    # Rule ids (or prefixes of them) whose first suggestion ``--fix`` may apply unread: it only
    # corrects the form and never changes what the post says. A check may also decide per
    # finding (``ctx.finding(..., safe=True)``); everything else is unsafe.
    safe_fixes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"check {self.name}: severity must be one of {SEVERITIES}")
        unknown = set(self.nlp) - set(NLP_COMPONENTS)
        if unknown:
            raise ValueError(f"check {self.name}: unknown spaCy components {sorted(unknown)}")
        for key, option in self.options.items():
            bad, item = option.bad_item(option.default)
            if bad:
                raise ValueError(f"check {self.name}: option '{key}' has a default item {item!r} that is not its item_type")

    @cached_property
    def rule_info(self) -> dict[str, RuleInfo]:
        """Each declared rule's documentation, by full id: ``rules`` merged with ``rules_file``.

        Read when the check is loaded (``post_lint.registry``), so a rules.toml that does not
        match the declared rules makes the check fail to load, with the reason.
        """
        return load_rule_infos(self.name, self.rules, self.rules_file)

    @property
    def declared_rules(self) -> dict[str, str]:
        """Rule id -> summary of every rule the check itself declares (not the config's)."""
        return {rule: info.summary for rule, info in self.rule_info.items()}

    def rules_for(self, options: Mapping[str, Any]) -> dict[str, str]:
        """The declared rules, then those the config declares (with the check's resolved options)."""
        rules = self.declared_rules
        if self.configured_rules is not None:
            rules.update(self.configured_rules(options))
        return rules

    def rule_infos_for(self, options: Mapping[str, Any] | None) -> dict[str, RuleInfo]:
        """:meth:`rule_info` plus the rules the config declares (summaries only), with ``options``."""
        infos = dict(self.rule_info)
        if self.configured_rules is not None and options is not None:
            for rule, summary in self.configured_rules(options).items():
                infos.setdefault(rule, RuleInfo(rule, summary))
        return infos

    @property
    def policy(self) -> str:
        """The shipped example's citation (the City of Anoka's policy); see :meth:`citation`."""
        return f"{self.policy_section}: \u201c{self.policy_clause}\u201d"

    def citation(self, facts: Facts | None = None) -> Citation:
        """What this check's findings quote under the body's ``[policy]`` (else the shipped example)."""
        return (facts or Facts()).policy.cite(self.name, self.policy_section, self.policy_clause)

    @cached_property
    def examples(self) -> tuple[Example, ...]:
        """Examples from ``cases_file``: ``[[pass]]`` and ``[[fail]]`` tables."""
        if not self.cases_file:
            return ()
        import tomllib

        data = tomllib.loads(Path(self.cases_file).read_text(encoding="utf-8"))
        examples = []
        for kind in ("pass", "fail"):
            for case in data.get(kind, []):
                rules = tuple(case.get("rules", ())) if kind == "fail" else ()
                if kind == "fail" and not rules:
                    raise ValueError(f"{self.cases_file}: a [[fail]] case needs 'rules'")
                examples.append(
                    Example(
                        text=case["text"],
                        rules=rules,
                        note=case.get("note", ""),
                        config=case.get("config", {}),
                        profile=case.get("profile", "official"),
                        format=case.get("format", "text"),
                        reply_to=case.get("reply_to", ""),
                    )
                )
        return tuple(examples)


# prepare()'s results: (check name, its options, the facts) -> (the check, the result). A
# process lints under a handful of configs; a long-lived one (serve, lsp) may see more.
_PREPARED: dict[tuple[Any, ...], tuple[Check, Any]] = {}
_PREPARED_MAX = 64


def _frozen(value: Any) -> Any:
    """A hashable form of option values (lists, tables, sets)."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(v) for v in value)
    return value


def prepared_for(check: Check, options: Mapping[str, Any], facts: Facts) -> Any:
    """``check.prepare(options, facts)``, computed once per distinct options and facts (None without prepare)."""
    if check.prepare is None:
        return None
    key = (check.name, _frozen(options), facts)
    try:
        hit = _PREPARED.get(key)
    except TypeError:  # an unhashable option value or fact: prepare each time rather than guess
        return check.prepare(options, facts)
    if hit is not None and hit[0] is check:  # the same check object: a reloaded one prepares again
        return hit[1]
    value = check.prepare(options, facts)
    if len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.pop(next(iter(_PREPARED)))  # the oldest
    _PREPARED[key] = (check, value)
    return value


def cases_beside(module_file: str, name: str = "cases.toml") -> str:
    """Path of a data file next to a check's module (for ``cases_file``)."""
    return str(Path(module_file).with_name(name))


_CACHEABLE_GONE = (
    "ctx.cacheable is gone: declare Check(cache_token=...) instead, returning None when the findings "
    "must not be cached (it is asked before and after the run)"
)


class Context:
    """What a check gets besides the document: its options and a finding factory."""

    def __init__(
        self,
        check: Check,
        options: Mapping[str, Any],
        severity: str,
        profile: str,
        facts: Facts | None = None,
    ) -> None:
        self.check = check
        self.options = options
        self.severity = severity
        self.profile = profile
        # What the body configured once for every check: officials, contacts, partners,
        # domains, vocabulary (post_lint.facts). Checks never read another check's table.
        self.facts = facts if facts is not None else Facts()
        self.notes: dict[str, str] = {}
        # Seconds spent waiting on something outside the text (a LanguageTool server starting):
        # not counted against the post's time budget, which is about what the text costs.
        self.waited = 0.0

    def __getitem__(self, key: str) -> Any:
        return self.options[key]

    @property
    def cacheable(self) -> bool:
        raise AttributeError(_CACHEABLE_GONE)

    @cacheable.setter
    def cacheable(self, value: bool) -> None:
        # Said loudly: a plugin that still sets it would otherwise have its answers cached.
        raise AttributeError(_CACHEABLE_GONE)

    def finding(
        self,
        rule: str,
        message: str,
        offset: int,
        length: int,
        *,
        suggestions: Iterable[str] = (),
        severity: str | None = None,
        safe: bool | None = None,
    ) -> Finding:
        """A finding of this check; ``rule`` may be short (``density`` → ``emoji/density``).

        The rule must be one the check declares (or the config declares for it), or fall
        under one (``grammar/lt/EN_A_VS_AN``): otherwise :class:`UndeclaredRuleError`.
        """
        full_rule = rule if "/" in rule else f"{self.check.name}/{rule}"
        if rule_under(full_rule, self.declared) is None:
            raise UndeclaredRuleError(
                f"check {self.check.name} made a finding with rule {full_rule!r}, which it does not declare "
                f"(it declares {', '.join(sorted(self.declared)) or 'no rules'}); add it to the check's rules "
                "or its rules.toml, or fix the id"
            )
        suggestions = tuple(suggestions)
        if safe is None:
            safe = any(full_rule == r or full_rule.startswith(r + "/") for r in self.check.safe_fixes)
        return Finding(
            check=self.check.name,
            rule=full_rule,
            severity=severity or self.severity,
            message=message,
            offset=offset,
            length=max(length, 0),
            suggestions=suggestions,
            policy=self.policy,
            fix_safe=bool(safe and suggestions),
            policy_link=self.facts.policy.link,
        )

    @property
    def prepared(self) -> Any:
        """What the check's ``prepare`` made of these options and facts (None without one).

        Computed on first use and shared by every run with the same options and facts.
        """
        if "_prepared" not in self.__dict__:
            self.__dict__["_prepared"] = prepared_for(self.check, self.options, self.facts)
        return self.__dict__["_prepared"]

    @property
    def declared(self) -> frozenset[str]:
        """The rule ids this check may make findings with: its own, and those its config declares."""
        cached = self.__dict__.get("_declared")
        if cached is None:
            rules = self.check.rules_for(self.options) if self.check.configured_rules else self.check.rule_info
            cached = self.__dict__["_declared"] = frozenset(rules)
        return cached

    def message(self, rule: str, **fields: Any) -> str:
        """Rule ``rule``'s message template (rules.toml ``message``) filled in with ``fields``."""
        full_rule = full_rule_id(self.check.name, rule)
        info = self.check.rule_info.get(full_rule)
        if info is None:
            raise UndeclaredRuleError(
                f"check {self.check.name} asked for the message of {full_rule!r}, which it does not declare"
            )
        return info.format(**fields)

    @property
    def policy(self) -> str:
        """The clause this check's findings cite: the body's own ``[policy]``, else the shipped example."""
        cached = self.__dict__.get("_policy")
        if cached is None:
            cached = self.__dict__["_policy"] = self.check.citation(self.facts).text
        return cached

    def note(self, key: str, value: str) -> None:
        """Something the run summary should say, e.g. which grammar engine ran."""
        self.notes[key] = value


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans (offsets) of ``text``: the one splitter of :mod:`post_lint.text.sentences`.

    Checks should prefer ``doc.sentences``, computed once per document.
    """
    from .text.sentences import split_sentences

    yield from split_sentences(text, start, end)
