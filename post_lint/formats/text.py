"""``--format text``: each finding, the source line with the span underlined, then a summary."""

from __future__ import annotations

import unicodedata

from ..model import Finding, Result
from ..reporters import NO_POSTS, Format, ReportOptions, summary, terminal_safe
from ..text.lines import LineIndex

_COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "caret": "35"}
# Invisible and control characters are shown as a dot, so the caret lines up with something.
_SHOWN_AS_DOT = "\u200b\u200c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\x7f"
_MAX_SHOWN = 200  # a longer line is shown as a window around the span


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
        elif ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or ch in _SHOWN_AS_DOT:  # C1's NEL moves the cursor
            ch, cells = "\u00b7", 1
        else:
            cells = _width(ch, line[index] if index < len(line) else "")
        shown.append(ch)
        marks.append(("^" if start_col <= index < max(end_col, start_col + 1) else " ") * cells)
    if start_col > len(line):
        marks.append("^")
    return "".join(shown), "".join(marks).rstrip()


def _snippet(finding: Finding, lines: LineIndex | None, colour: bool) -> list[str]:
    """The finding's line with its span underlined (the document's own line breaks, not str.splitlines()'s)."""
    if lines is None or finding.line > len(lines):
        return []
    line = lines.line(finding.line)
    end_col = finding.end_column if finding.end_line == finding.line else len(line) + 1
    start = finding.column
    if len(line) > _MAX_SHOWN:
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary_line(result: Result) -> str:
    """The verdict. "All clear" only when every input was read and every selected check ran."""
    s = summary(result)
    files = _plural(s["files"], "file")
    if s["findings"]:
        per_check = ", ".join(f"{name} {count}" for name, count in s["by_check"].items())
        counts = f"{_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}, {s['infos']} info"
        line = f"Found {_plural(s['findings'], 'problem')} in {files} ({counts}): {per_check}."
    elif s["complete"] and "hidden" in result.notes:  # --min-severity left some out: not "All clear"
        line = f"No problems at the severity shown in {files}."
    elif s["complete"]:
        line = f"All clear: no problems in {files}."
    elif s["files"]:
        line = f"No problems found in {files}, but not everything was checked."
    else:
        line = "Nothing was checked."
    gaps = [gap for gap in s["not_checked"] if s["files"] or gap != NO_POSTS]
    if gaps:
        line = line[:-1] + f": {'; '.join(gaps)}." if not s["findings"] else line + f" Not checked: {'; '.join(gaps)}."
    if s["excluded"]:
        line += f" Excluded by the config's 'exclude' patterns: {', '.join(s['excluded'])}."
    return line


def render(result: Result, options: ReportOptions) -> str:
    colour = options.colour
    # One line index per document with findings (not one split per finding).
    indexes = {f.path: LineIndex(result.sources[f.path]) for f in result.findings if f.path in result.sources}
    out: list[str] = []
    for f in result.findings:
        # A file name or message may hold ESC or CR: shown escaped, never acted on by the terminal.
        location = _paint(terminal_safe(f"{f.path}:{f.line}:{f.column}"), "bold", colour)
        out.append(f"{location} {_paint(f.severity, f.severity, colour)} {terminal_safe(f'{f.check} {f.message} [{f.rule}]')}")
        out += _snippet(f, indexes.get(f.path), colour)
        if f.suggestions:
            out.append(f"     = suggestion: {' | '.join(repr(s) for s in f.suggestions[:3])}")
    for skip in result.skipped:
        where = f" ({skip.path})" if skip.path else ""
        out.append(_paint(terminal_safe(f"skipped: check '{skip.check}' did not run{where}: {skip.reason}"), "warning", colour))
    if options.quiet:
        return "\n".join(out)
    for key, value in sorted(result.notes.items()):
        out.append(_paint(terminal_safe(f"note: {key}: {value}"), "dim", colour))
    out.append(_paint(terminal_safe(_summary_line(result)), "bold", colour))
    return "\n".join(out)


FORMAT = Format(
    "text",
    "for people: path:line:col severity check message [rule], the line underlined, a summary",
    render,
    human=True,
)
