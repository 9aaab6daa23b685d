"""Safe fixes (``--fix``, ``--diff``): one coherent edit per span, never two that undo each other.

A finding's first suggestion is applied only when its check marked it safe
(:attr:`~post_lint.model.Finding.fix_safe`). Each suggestion replaces the whole
flagged span, so two findings on one link (``http://bit.ly/x?utm_source=fb``: insecure,
tracking) would each rewrite all of it and the second would undo the first. A
suggestion is therefore cut down to the smallest edit that turns the span into it
(insert "s", delete "?utm_source=fb"); edits that do not touch compose, and of
edits that overlap only one is kept (the most severe finding's, then the earliest).
The caller lints the fixed text again, which may offer what was left out.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import SEVERITY_RANK, Finding, Result

MAX_PASSES = 5  # fix, re-lint, fix what the re-lint offers; ruff loops the same way


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def conflicts(self, other: Edit) -> bool:
        """Do the two edits touch the same text (or insert at the same point)?"""
        if self == other:
            return False  # the same edit from two findings is applied once
        if self.start == other.start:
            return True
        return self.start < other.end and other.start < self.end


def minimal_edit(text: str, finding: Finding, replacement: str) -> Edit:
    """The smallest edit of ``text`` that turns the finding's span into ``replacement``."""
    old = text[finding.offset : finding.offset + finding.length]
    prefix = 0
    limit = min(len(old), len(replacement))
    while prefix < limit and old[prefix] == replacement[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == replacement[len(replacement) - 1 - suffix]:
        suffix += 1
    return Edit(finding.offset + prefix, finding.offset + len(old) - suffix, replacement[prefix : len(replacement) - suffix])


def safe_edits(text: str, findings: list[Finding]) -> list[Edit]:
    """The edits of the safe fixes among ``findings`` that can all be applied together, in text order."""
    candidates = [f for f in findings if f.fix_safe and f.suggestions]
    candidates.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.offset, f.rule))
    chosen: list[Edit] = []
    for finding in candidates:
        edit = minimal_edit(text, finding, finding.suggestions[0])
        if edit.start == edit.end and not edit.replacement:
            continue  # already right
        if edit not in chosen and not any(edit.conflicts(other) for other in chosen):
            chosen.append(edit)
    return sorted(chosen)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with non-conflicting ``edits`` applied (from the end, so offsets stay valid)."""
    for edit in sorted(edits, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file, as ``diff -u`` and ``ruff --diff`` print it."""
    old, new = (path, path) if Path(path).is_absolute() else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=old, tofile=new)
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass
class FileFix:
    """What fixing one document did: its text before and after, and how many edits were applied."""

    label: str
    before: str
    after: str
    applied: int = 0

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_result(linter: Any, result: Result, config_paths: Mapping[str, str | None]) -> list[FileFix]:
    """Apply the safe fixes of every linted document, re-linting each until nothing safe is left.

    ``config_paths`` maps a document's label to the path its config and format come from
    (``--stdin-filename`` for stdin). The findings, sources and gaps of ``result`` become
    those of the fixed texts; nothing is written here.
    """
    fixes: list[FileFix] = []
    for label, text in list(result.sources.items()):
        findings = [f for f in result.findings if f.path == label]
        fix = FileFix(label, text, text)
        for _ in range(MAX_PASSES):
            edits = safe_edits(fix.after, findings)
            if not edits:
                break
            fix.after = apply_edits(fix.after, edits)
            fix.applied += len(edits)
            again = linter.lint_text(fix.after, path=config_paths.get(label, label), display_name=label)
            findings = again.findings
            for skip in again.skipped:
                result.skip(skip)
            result.notes.update(again.notes)
        if fix.changed:
            result.findings = [f for f in result.findings if f.path != label] + findings
            result.sources[label] = fix.after
        fixes.append(fix)
    result.findings.sort(key=lambda f: (f.path, f.offset, f.check, f.rule))
    return fixes


def write_fixed(path: str, fix: FileFix, encoding: str | None = None) -> str | None:
    """Write a fixed file in its own encoding (BOM kept); None, or why it was not written."""
    import os
    import tempfile

    from .document import InputError, decode

    try:
        raw = Path(path).read_bytes()
        if decode(raw, encoding).lstrip("\ufeff") != fix.before:
            return "changed while it was being linted; not fixed"
        data = _encode(fix.after, raw, encoding)
        folder = os.path.dirname(os.path.abspath(path))
        handle, tmp = tempfile.mkstemp(prefix=".post-lint-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, InputError) as exc:
        return f"cannot write the fixed file ({getattr(exc, 'strerror', None) or exc})"
    return None


_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _encode(text: str, original: bytes, encoding: str | None) -> bytes:
    """``text`` as the original file was written: --encoding, else its BOM and codec, else UTF-8."""
    if encoding:
        return text.encode(encoding)
    for bom, codec in _BOM_CODECS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")
