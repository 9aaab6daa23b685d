"""Formats for programs: ``json`` (the whole result), ``line`` (editors' matchers), ``github`` (workflow annotations)."""

from __future__ import annotations

import json

from .._version import __version__
from ..model import Result
from ..reporters import Format, ReportOptions, summary, terminal_safe


def _json(result: Result, options: ReportOptions) -> str:
    payload = {
        "version": __version__,
        "findings": [f.to_dict() for f in result.findings],
        "skipped": [s.to_dict() for s in result.skipped],
        "summary": summary(result),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _line(result: Result, options: ReportOptions) -> str:
    # One finding a line, whatever a file name or message holds (a newline, ESC): escaped.
    return "\n".join(
        terminal_safe(f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]") for f in result.findings
    )


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _github(result: Result, options: ReportOptions) -> str:
    lines = []
    for f in result.findings:
        props = (
            f"file={_escape_github(f.path, property_value=True)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_github(f'post-lint {f.rule}', property_value=True)}"
        )
        lines.append(f"::{_GITHUB_LEVELS[f.severity]} {props}::{_escape_github(f.message)}")
    for skip in result.skipped:
        lines.append(f"::warning title=post-lint::{_escape_github(f'check {skip.check} did not run: {skip.reason}')}")
    return "\n".join(lines)


JSON = Format("json", '{"findings": [...], "skipped": [...], "summary": {...}}, what serve answers too', _json)
LINE = Format("line", "path:line:col: severity: message [rule], for Vim, Emacs and VS Code matchers", _line)
GITHUB = Format("github", "GitHub Actions workflow annotations", _github)
