"""Output formats: text, json, line, github, sarif."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

from . import __version__
from .model import Finding, Result
from .text.lines import split_lines

FORMATS = ("text", "json", "line", "github", "sarif")

_COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "caret": "35"}


def summary(result: Result) -> dict[str, Any]:
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
    }


def render(result: Result, fmt: str, *, colour: bool = False, sources: dict[str, str] | None = None, quiet: bool = False) -> str:
    """``result`` in format ``fmt``; ``quiet`` leaves out the text format's notes and summary line."""
    renderer: Callable[..., str] = {
        "text": _text,
        "json": _json,
        "line": _line,
        "github": _github,
        "sarif": _sarif,
    }[fmt]
    return renderer(result, colour=colour, sources=sources or {}, quiet=quiet)


# -- text ----------------------------------------------------------------


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[code]}m{text}\x1b[0m" if colour else text


def _width(ch: str, following: str = "") -> int:
    """Terminal cells of one character (wide CJK and emoji take two; U+FE0F makes a symbol an emoji)."""
    if unicodedata.combining(ch) or ch in "\u200d\ufe0f\ufe0e" or 0xE0000 <= ord(ch) <= 0xE007F:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" or following == "\ufe0f" else 1


def underline(line: str, start_col: int, end_col: int) -> tuple[str, str]:
    """The source line (tabs expanded) and a caret line under columns [start, end)."""
    shown, marks = [], []
    for index, ch in enumerate(line, start=1):
        if ch == "\t":
            cells, ch = 4, "    "
        elif (
            ord(ch) < 32
            or ch in "\u200b\u200c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\x7f"
        ):
            # Invisible and control characters are shown, so the caret lines up with something.
            ch, cells = "\u00b7", 1
        else:
            cells = _width(ch, line[index] if index < len(line) else "")
        shown.append(ch)
        marks.append(("^" if start_col <= index < max(end_col, start_col + 1) else " ") * cells)
    if start_col > len(line):
        marks.append("^")
    return "".join(shown), "".join(marks).rstrip()


_MAX_SHOWN = 200


def _snippet(finding: Finding, source: str | None, colour: bool) -> list[str]:
    if source is None:
        return []
    lines = split_lines(source)  # the Document's own line breaks, not str.splitlines()'s
    if finding.line > len(lines):
        return []
    line = lines[finding.line - 1]
    end_col = finding.end_column if finding.end_line == finding.line else len(line) + 1
    start = finding.column
    if len(line) > _MAX_SHOWN:  # keep very long lines readable: a window around the span
        left = max(0, start - 60)
        line = ("…" if left else "") + line[left : left + _MAX_SHOWN]
        shift = left - (1 if left else 0)
        start, end_col = start - shift, min(end_col - shift, len(line) + 1)
    shown, carets = underline(line, start, end_col)
    gutter = f"{finding.line:>4} | "
    pad = " " * (len(gutter) - 2) + "| "
    return [
        _paint(gutter, "dim", colour) + shown,
        _paint(pad, "dim", colour) + _paint(carets, "caret", colour),
    ]


def _text(result: Result, *, colour: bool, sources: dict[str, str], quiet: bool = False) -> str:
    out: list[str] = []
    for f in result.findings:
        location = _paint(f"{f.path}:{f.line}:{f.column}", "bold", colour)
        out.append(f"{location} {_paint(f.severity, f.severity, colour)} {f.check} {f.message} [{f.rule}]")
        out += _snippet(f, sources.get(f.path), colour)
        if f.suggestions:
            out.append(f"     = suggestion: {' | '.join(repr(s) for s in f.suggestions[:3])}")
    for skip in result.skipped:
        where = f" ({skip.path})" if skip.path else ""
        out.append(_paint(f"skipped: check '{skip.check}' did not run{where}: {skip.reason}", "warning", colour))
    if quiet:
        return "\n".join(out)
    for key, value in sorted(result.notes.items()):
        out.append(_paint(f"note: {key}: {value}", "dim", colour))
    s = summary(result)
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    if s["findings"]:
        per_check = ", ".join(f"{name} {count}" for name, count in s["by_check"].items())
        counts = f"{_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}, {s['infos']} info"
        line = f"Found {_plural(s['findings'], 'problem')} in {files} ({counts}): {per_check}."
    else:
        line = f"All clear: no problems in {files}."
    if result.skipped:
        line += f" {len({s.check for s in result.skipped})} check(s) did not run: see 'skipped' above."
    out.append(_paint(line, "bold", colour))
    return "\n".join(out)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- machine formats -----------------------------------------------------


def _json(result: Result, **_: Any) -> str:
    import json

    payload = {
        "version": __version__,
        "findings": [f.to_dict() for f in result.findings],
        "skipped": [s.to_dict() for s in result.skipped],
        "summary": summary(result),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _line(result: Result, **_: Any) -> str:
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]" for f in result.findings)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(result: Result, **_: Any) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in result.findings:
        props = (
            f"file={_escape_github(f.path, property_value=True)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_github(f'post-lint {f.rule}', property_value=True)}"
        )
        lines.append(f"::{level[f.severity]} {props}::{_escape_github(f.message)}")
    for skip in result.skipped:
        lines.append(f"::warning title=post-lint::{_escape_github(f'check {skip.check} did not run: {skip.reason}')}")
    return "\n".join(lines)


def _sarif(result: Result, **_: Any) -> str:
    import json

    level = {"error": "error", "warning": "warning", "info": "note"}
    rules: dict[str, dict[str, Any]] = {}
    for f in result.findings:
        rules.setdefault(
            f.rule,
            {
                "id": f.rule,
                "name": f.check,
                "shortDescription": {"text": f.check},
                "properties": {"policy": f.policy},
            },
        )
    rule_index = {rule_id: i for i, rule_id in enumerate(rules)}
    results = []
    for f in result.findings:
        item: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": level[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "charOffset": f.offset,
                            "charLength": f.length,
                        },
                    }
                }
            ],
        }
        if f.suggestions:
            item["fixes"] = [
                {
                    "description": {"text": f"Replace with {s!r}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": f.path},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": f.offset, "charLength": f.length},
                                    "insertedContent": {"text": s},
                                }
                            ],
                        }
                    ],
                }
                for s in f.suggestions
            ]
        results.append(item)
    notifications = [
        {"level": "warning", "message": {"text": f"check {s.check} did not run: {s.reason}"}} for s in result.skipped
    ] + [{"level": "error", "message": {"text": str(p)}} for p in result.problems]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "post-lint",
                        "version": __version__,
                        "informationUri": "https://github.com/post-lint/post-lint",
                        "rules": list(rules.values()),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not result.problems,
                        "toolExecutionNotifications": notifications,
                    }
                ],
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)
