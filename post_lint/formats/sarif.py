"""``--format sarif``: SARIF 2.1.0, for code-scanning tools; suggestions become fixes."""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..model import Finding, Result
from ..reporters import Format, ReportOptions

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rules(findings: list[Finding]) -> dict[str, dict[str, Any]]:
    """One reporting descriptor per rule id, in the order the rules first appear."""
    rules: dict[str, dict[str, Any]] = {}
    for f in findings:
        rules.setdefault(
            f.rule,
            {"id": f.rule, "name": f.check, "shortDescription": {"text": f.check}, "properties": {"policy": f.policy}},
        )
    return rules


def _location(f: Finding) -> dict[str, Any]:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.offset,
        "charLength": f.length,
    }
    return {"physicalLocation": {"artifactLocation": {"uri": f.path}, "region": region}}


def _fix(f: Finding, suggestion: str) -> dict[str, Any]:
    replacement = {
        "deletedRegion": {"charOffset": f.offset, "charLength": f.length},
        "insertedContent": {"text": suggestion},
    }
    return {
        "description": {"text": f"Replace with {suggestion!r}"},
        "artifactChanges": [{"artifactLocation": {"uri": f.path}, "replacements": [replacement]}],
    }


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f)],
    }
    if f.suggestions:
        item["fixes"] = [_fix(f, s) for s in f.suggestions]
    return item


def render(result: Result, options: ReportOptions) -> str:
    rules = _rules(result.findings)
    rule_index = {rule_id: i for i, rule_id in enumerate(rules)}
    notifications = [
        {"level": "warning", "message": {"text": f"check {s.check} did not run: {s.reason}"}} for s in result.skipped
    ] + [{"level": "error", "message": {"text": str(p)}} for p in result.problems]
    driver = {
        "name": "post-lint",
        "version": __version__,
        "informationUri": "https://github.com/post-lint/post-lint",
        "rules": list(rules.values()),
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index[f.rule]) for f in result.findings],
        "invocations": [{"executionSuccessful": not result.problems, "toolExecutionNotifications": notifications}],
    }
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2)


FORMAT = Format("sarif", "SARIF 2.1.0 for code-scanning tools", render)
