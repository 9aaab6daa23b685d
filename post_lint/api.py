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

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .model import SEVERITIES, Document, Finding

PROFILES = ("official", "personal")

# spaCy pipeline parts a check may ask for.
NLP_COMPONENTS = ("tagger", "lemmatizer", "parser", "ner")


class SkipCheck(Exception):
    """Raised by a check that cannot run (say, a missing model); reported in ``skipped``."""


@dataclass(frozen=True)
class Option:
    """A config key a check accepts: default value, expected type, help text."""

    default: Any
    help: str
    type: type | tuple[type, ...] | None = None  # inferred from the default when None
    choices: tuple[Any, ...] | None = None

    @property
    def expected(self) -> tuple[type, ...]:
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
    # For a check whose findings depend on more than the text and its options (a server
    # that may or may not answer): a string added to the cache key, or None to never cache.
    cache_token: Callable[[Mapping[str, Any]], str | None] | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"check {self.name}: severity must be one of {SEVERITIES}")
        unknown = set(self.nlp) - set(NLP_COMPONENTS)
        if unknown:
            raise ValueError(f"check {self.name}: unknown spaCy components {sorted(unknown)}")

    @property
    def policy(self) -> str:
        return f"{self.policy_section}: \u201c{self.policy_clause}\u201d"

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
                    )
                )
        return tuple(examples)


def cases_beside(module_file: str, name: str = "cases.toml") -> str:
    """Path of a data file next to a check's module (for ``cases_file``)."""
    return str(Path(module_file).with_name(name))


class Context:
    """What a check gets besides the document: its options and a finding factory."""

    def __init__(
        self,
        check: Check,
        options: Mapping[str, Any],
        severity: str,
        profile: str,
        settings: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.check = check
        self.options = options
        self.severity = severity
        self.profile = profile
        # Every check's resolved options, for checks that honour another's
        # (the links check reads ``personal-data.allow``).
        self.settings = settings or {}
        self.notes: dict[str, str] = {}
        # A check whose findings depend on something outside the text and config
        # (a LanguageTool server that may or may not answer) sets this to False.
        self.cacheable = True

    def __getitem__(self, key: str) -> Any:
        return self.options[key]

    def finding(
        self,
        rule: str,
        message: str,
        offset: int,
        length: int,
        *,
        suggestions: Iterable[str] = (),
        severity: str | None = None,
    ) -> Finding:
        """A finding of this check; ``rule`` may be short (``density`` → ``emoji/density``)."""
        full_rule = rule if "/" in rule else f"{self.check.name}/{rule}"
        return Finding(
            check=self.check.name,
            rule=full_rule,
            severity=severity or self.severity,
            message=message,
            offset=offset,
            length=max(length, 0),
            suggestions=tuple(suggestions),
            policy=self.check.policy,
        )

    def note(self, key: str, value: str) -> None:
        """Something the run summary should say, e.g. which grammar engine ran."""
        self.notes[key] = value


def load_word_list(path: str | Path, extra: Iterable[str] = ()) -> list[str]:
    """A word list data file (one entry a line, ``#`` comments), plus user additions."""
    entries = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            entries.append(line)
    entries.extend(e for e in extra if e.strip())
    return entries


# Words after which a full stop does not end a sentence ("St. Paul", "7 a.m. Saturday").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st ave blvd rd hwy no vs etc jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun gov sen rep lt sgt capt det ofc jr sr inc co corp dept "
    "a.m p.m e.g i.e u.s approx est min max ft".split()
)
_SENTENCE = re.compile(r"[^.!?\r\n]+(?:[.!?]+[\"')\]\u201d]*|(?=\r?\n)|$)", re.MULTILINE)


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Cheap sentence spans (offsets) for checks that run without spaCy.

    A full stop after a common abbreviation or an initial does not end the
    sentence when a lowercase word, a digit or a capitalised name follows it
    on the same line ("St. Paul", "7 a.m. on", "J. Smith").
    """
    end = len(text) if end is None else end
    pending: tuple[int, int] | None = None
    for m in _SENTENCE.finditer(text, start, end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if pending is not None:
            s = pending[0]
            pending = None
        if _ends_with_abbreviation(text, s, e) and _continues(text, e, end):
            pending = (s, e)
            continue
        yield s, e
    if pending is not None:
        yield pending


def _ends_with_abbreviation(text: str, s: int, e: int) -> bool:
    if text[e - 1] != ".":
        return False
    words = text[s : e - 1].split()
    if not words:
        return False
    last = words[-1].lower().lstrip("(\"'")
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _continues(text: str, e: int, end: int) -> bool:
    """Does the same line go on with something that continues a sentence?"""
    rest = text[e:end]
    stripped = rest.lstrip(" \t")
    if not stripped or stripped[0] in "\r\n" or len(rest) - len(stripped) > 2:
        return False
    return stripped[0].isalnum()
