"""``--format sarif``: SARIF 2.1.0, for code-scanning tools; suggestions become fixes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..model import Finding, Result
from ..reporters import Format, ReportOptions

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rules(findings: list[Finding]) -> dict[str, dict[str, Any]]:
    """One reporting descriptor per rule id, in the order the rules first appear."""
    rules: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.rule not in rules:
            rules[f.rule] = descriptor(f.rule, f.check, f.policy)
    return rules


def descriptor(rule: str, check_name: str, policy: str) -> dict[str, Any]:
    """A SARIF reportingDescriptor: what the rule flags and why, the check and its policy, and help
    (why, what to write instead, the check's documentation) as text and Markdown."""
    import textwrap

    from ..api import Check
    from ..registry import documented_rule, load_check

    loaded = load_check(check_name)
    check = loaded if isinstance(loaded, Check) else None
    info = documented_rule(check_name, rule)
    short = info.summary if info is not None else (check.description if check else check_name)
    full = f"{short[:1].upper()}{short[1:]}. " if info is not None else ""
    full += f"{info.why} " if info is not None and info.why else ""
    full += f"{check.description} Policy: {policy or check.policy}" if check else f"Policy: {policy}"
    text: list[str] = []
    markdown: list[str] = []
    if info is not None and info.why:
        text.append(f"Why: {info.why}")
        markdown.append(f"**Why is this bad?** {info.why}")
    if info is not None and info.fix:
        text.append(f"Instead: {info.fix}")
        markdown.append(f"**Use instead:** {info.fix}")
    doc = textwrap.dedent(check.doc).strip() if check and check.doc else ""
    more = f"Run `post-lint explain {rule if info is not None else check_name}` for examples and settings."
    tail = [doc, more] if doc else [more]
    return {
        "id": rule,
        "name": check_name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "\n\n".join(text + tail), "markdown": "\n\n".join(markdown + tail)},
        "defaultConfiguration": {"level": _LEVELS[check.severity] if check else "warning"},
        "properties": {"policy": policy, "check": check_name},
    }


def artifact_uri(path: str) -> str:
    """A path as SARIF's ``artifactLocation.uri``: a URI reference (RFC 3986), percent-encoded.

    A relative path stays relative (code-scanning tools resolve it against the checkout);
    an absolute one becomes a ``file:`` URI.
    """
    if os.path.isabs(path):
        return Path(path).as_uri()  # percent-encoded
    # ':' in a first segment would read as a scheme, so only '/' is left unescaped.
    return quote(path.replace(os.sep, "/"), safe="/")


def _location(f: Finding) -> dict[str, Any]:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.offset,
        "charLength": f.length,
    }
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}


def _fix(f: Finding, suggestion: str) -> dict[str, Any]:
    replacement = {
        "deletedRegion": {"charOffset": f.offset, "charLength": f.length},
        "insertedContent": {"text": suggestion},
    }
    return {
        "description": {"text": f"Replace with {suggestion!r}"},
        "artifactChanges": [{"artifactLocation": {"uri": artifact_uri(f.path)}, "replacements": [replacement]}],
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
