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
    rules: Mapping[str, str] = field(default_factory=dict)  # rule id -> what it flags
    nlp: tuple[str, ...] = ()  # spaCy components needed; empty means no spaCy at all
    profiles: tuple[str, ...] = PROFILES  # where the check applies
    doc: str = ""  # longer explanation for ``post-lint explain``
    cases_file: str | None = None  # path of a TOML file of examples beside the module
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

    def rules_for(self, options: Mapping[str, Any]) -> dict[str, str]:
        """The declared rules, then those the config declares (with the check's resolved options)."""
        rules = dict(self.rules)
        if self.configured_rules is not None:
            rules.update(self.configured_rules(options))
        return rules

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
        """A finding of this check; ``rule`` may be short (``density`` → ``emoji/density``)."""
        full_rule = rule if "/" in rule else f"{self.check.name}/{rule}"
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
