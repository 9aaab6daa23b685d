"""Output formats of ``post-lint comments``: text, json, csv, sarif."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

from .. import __version__
from ..formats.sarif import artifact_uri
from . import VERDICTS, Judged, Triage

FORMATS = ("text", "json", "csv", "sarif")
_COLOURS = {"hide": "31", "review": "33", "keep": "32", "dim": "2", "bold": "1"}


def render(result: Triage, fmt: str, *, colour: bool = False, show_kept: bool = False, columns: list[str] | None = None) -> str:
    if fmt == "json":
        return json.dumps(_json(result), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(result, columns or [])
    if fmt == "sarif":
        return json.dumps(_sarif(result), ensure_ascii=False, indent=2)
    return _text(result, colour=colour, show_kept=show_kept)


def summary(result: Triage) -> dict[str, Any]:
    by_clause = Counter(r.clause for j in result.judged for r in j.reasons)
    return {
        "comments": len(result.judged),
        **result.counts,
        "by_clause": dict(by_clause.most_common()),
        "checks_run": sorted(result.checks_run),
        "skipped": [s.to_dict() for s in result.skipped],
        "input_errors": list(result.problems),
    }


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[code]}m{text}\x1b[0m" if colour else text


def _where(j: Judged) -> str:
    who = ", ".join(x for x in (f"id {j.comment.id}" if j.comment.id else "", j.comment.author) if x)
    return f"{j.source}:{j.comment.line}" + (f" ({who})" if who else "")


def _excerpt(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _text(result: Triage, *, colour: bool, show_kept: bool) -> str:
    out: list[str] = []
    for j in result.judged:
        if j.verdict == "keep" and not show_kept:
            continue
        out.append(f"{_paint(_where(j), 'bold', colour)} {_paint(j.verdict.upper(), j.verdict, colour)}")
        out.append(f"    \u201c{_excerpt(j.comment.text)}\u201d")
        for r in j.reasons:
            out.append(f"  - {r.verdict}: {r.message} [{r.rule}]")
            out.append(_paint(f"      V. Rules of Use: \u201c{r.clause}\u201d", "dim", colour))
    for skip in result.skipped:
        out.append(f"skipped: check '{skip.check}' did not run: {skip.reason}; verdicts may miss what it finds")
    counts = result.counts
    total = len(result.judged)
    line = (
        f"{total} comment{'s' if total != 1 else ''}: {counts['hide']} to hide, {counts['review']} to review, "
        f"{counts['keep']} to keep."
    )
    clauses = Counter(r.clause for j in result.judged for r in j.reasons)
    if clauses:
        line += " Reasons: " + "; ".join(f"{clause} {n}" for clause, n in clauses.most_common()) + "."
    out.append(line)
    return "\n".join(out)


def _json(result: Triage) -> dict[str, Any]:
    return {"comments": [j.to_dict() for j in result.judged], "summary": summary(result)}


def _csv(result: Triage, columns: list[str]) -> str:
    """The input's columns, then the verdict and the reasons: opens in a spreadsheet."""
    buffer = io.StringIO()
    taken = set(columns)
    verdict_col = "verdict" if "verdict" not in taken else "post_lint_verdict"
    reasons_col = "reasons" if "reasons" not in taken else "post_lint_reasons"
    extra = [] if columns else ["source", "row", "id", "author", "text"]
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*columns, *extra, verdict_col, reasons_col])
    for j in result.judged:
        fields = j.comment.fields
        row = [_cell(fields.get(c, "")) for c in columns]
        if extra:
            row += [j.source, str(j.comment.row), j.comment.id, j.comment.author, j.comment.text]
        reasons = " | ".join(f"{r.verdict}: {r.clause}: {r.message} [{r.rule}]" for r in j.reasons)
        writer.writerow([*row, j.verdict, reasons])
    return buffer.getvalue().rstrip("\n")


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if value is not None else ""


def _sarif(result: Triage) -> dict[str, Any]:
    level = {"hide": "error", "review": "warning"}
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for j in result.judged:
        for r in j.reasons:
            if r.rule not in rules:
                rules[r.rule] = {
                    "id": r.rule,
                    "shortDescription": {"text": r.clause},
                    "properties": {"policy": f"V. Rules of Use: \u201c{r.clause}\u201d"},
                }
            results.append(
                {
                    "ruleId": r.rule,
                    "ruleIndex": list(rules).index(r.rule),
                    "level": level[r.verdict],
                    "message": {"text": f"{r.verdict}: {r.message} (V. Rules of Use: \u201c{r.clause}\u201d)"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": artifact_uri(j.source)},
                                "region": {"startLine": j.comment.line, "snippet": {"text": _excerpt(j.comment.text, 400)}},
                            },
                            "logicalLocations": [{"name": j.comment.id, "kind": "comment"}],
                        }
                    ],
                    "properties": {
                        "verdict": j.verdict,
                        "row": j.comment.row,
                        "id": j.comment.id,
                        "author": j.comment.author,
                        "words": r.words,
                        "offset": r.offset,
                        "length": r.length,
                    },
                }
            )
    notifications = [
        {"level": "warning", "message": {"text": f"check {s.check} did not run: {s.reason}"}} for s in result.skipped
    ] + [{"level": "error", "message": {"text": p}} for p in result.problems]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "post-lint comments",
                        "version": __version__,
                        "informationUri": "https://github.com/post-lint/post-lint",
                        "rules": list(rules.values()),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"verdicts": {v: result.counts[v] for v in VERDICTS}},
                "invocations": [{"executionSuccessful": not result.problems, "toolExecutionNotifications": notifications}],
            }
        ],
    }
