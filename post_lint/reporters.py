"""Output formats as an interface: each format is a :class:`Format` in the ``post_lint.formats`` group.

A format is registered exactly as a check is, so a third-party package can add
one::

    [options.entry_points]
    post_lint.formats =
        csv = post_lint_csv:FORMAT

and ``post-lint --format csv`` offers it. A format gets the
:class:`~post_lint.model.Result` (findings, skipped checks, input problems and
each document's text for snippets) and the :class:`ReportOptions` the user
chose, and returns the text to print. It never sees the engine.

The built-in formats (text, json, line, github, sarif) live in
:mod:`post_lint.formats`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .model import Result


@dataclass(frozen=True)
class ReportOptions:
    """What the user asked of the output, whatever the format."""

    colour: bool = False  # ANSI colours (formats for terminals only)
    quiet: bool = False  # findings only: no notes, no summary line


@dataclass(frozen=True)
class Format:
    """One output format: its name (``--format NAME``), a line of help, and how it renders a result."""

    name: str
    description: str
    render: Callable[[Result, ReportOptions], str]
    # Written for a person at a terminal: the CLI may show a progress bar with it, and does
    # not repeat skipped checks on stderr (the format shows them itself).
    human: bool = False


# Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts a colour or
# cursor sequence, CR and NEL move the cursor), bidirectional overrides, line separators.
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(value: str) -> str:
    """``value`` safe to print on a terminal: each control character written as an escape (``\\x1b``)."""
    return _TERMINAL_UNSAFE.sub(_escape_char, value)


def summary(result: Result) -> dict[str, Any]:
    """Counts every format may report: files, findings by severity and by check, checks run, notes."""
    by_severity = Counter(f.severity for f in result.findings)
    return {
        "files": result.files,
        "findings": len(result.findings),
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "infos": by_severity.get("info", 0),
        "by_check": dict(sorted(Counter(f.check for f in result.findings).items())),
        "checks_run": sorted(result.checks_run),
        "input_errors": [str(p) for p in result.problems],
        "notes": dict(sorted(result.notes.items())),
        "complete": result.complete,
        "not_checked": not_checked(result),
        "excluded": list(result.excluded),
    }


NO_POSTS = "no posts were linted"


def not_checked(result: Result) -> list[str]:
    """What this run did not check, one phrase each: why a clean run is not "All clear"."""
    gaps = []
    if result.problems:
        count = len(result.problems)
        gaps.append(f"{count} input or config error{'' if count == 1 else 's'} (listed as errors)")
    skipped = sorted({s.check for s in result.skipped})
    if skipped:
        gaps.append(f"check{'' if len(skipped) == 1 else 's'} {', '.join(skipped)} did not run")
    if not result.files and not result.problems:
        gaps.append(NO_POSTS)
    return gaps


def format_names() -> list[str]:
    """Every installed format, the default (text) first."""
    from .registry import format_names as installed

    return sorted(installed(), key=lambda name: (name != "text", name))


def load_format(name: str) -> Format:
    """The installed format ``name``; raises LookupError saying why it cannot be used."""
    from .registry import load_format as load

    return load(name)


def render(result: Result, fmt: str, *, colour: bool = False, quiet: bool = False, sources: dict[str, str] | None = None) -> str:
    """``result`` in format ``fmt``; ``sources`` (path -> text) replaces the result's own, for snippets."""
    if sources is not None:
        result = replace(result, sources=sources)
    return load_format(fmt).render(result, ReportOptions(colour=colour, quiet=quiet))
