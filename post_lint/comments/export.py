"""Reading comment exports: CSV (or TSV) and JSON Lines, one comment a row.

Platforms name their columns differently, so each field has a default name, a few
common aliases tried when the default is absent, and an option to name it
(``--text-column message``). JSON keys may be dotted paths into nested objects
(``from.name``). Every problem is one line naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..document import InputError, decode

FIELDS = ("id", "author", "text", "post")
# Tried, in order, when a field's default column is absent (never when the user named one).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "comment_id", "commentid", "comment id"),
    "author": ("author", "name", "from", "from.name", "user", "username", "commenter", "author_name"),
    "text": ("text", "message", "comment", "body", "content", "comment_text"),
    "post": ("post", "post_text", "post text", "post_message", "parent", "in_reply_to"),
}
FORMATS = ("auto", "csv", "jsonl")


@dataclass
class Comment:
    """One comment of an export, with the row it came from."""

    row: int  # 1-based position among the export's comments
    line: int  # line of the file where the row starts
    id: str
    author: str
    text: str
    post: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # the row as read (its columns, for --format csv)


@dataclass
class Export:
    """An export read: its comments, the input's column names (CSV) and the rows that could not be read."""

    name: str
    comments: list[Comment]
    columns: list[str]
    problems: list[str] = field(default_factory=list)
    format: str = "csv"


def read_export(
    data: bytes,
    name: str,
    *,
    fmt: str = "auto",
    columns: Mapping[str, str | None] | None = None,
    encoding: str | None = None,
    post: str = "",
) -> Export:
    """Parse an export; raises InputError (one line, without the file name) when nothing can be read.

    ``columns`` maps a field (id, author, text, post) to the column or key that holds it;
    ``post`` is the text of the post for rows that have none.
    """
    text = decode(data, encoding)
    if not text.strip():
        raise InputError("the export is empty: no comments to read")
    kind = fmt if fmt != "auto" else _guess(text, name)
    named = {k: v for k, v in (columns or {}).items() if v}
    if kind == "jsonl":
        export = _read_jsonl(text, name, named)
    else:
        export = _read_csv(text, name, named)
    if post:
        for comment in export.comments:
            comment.post = comment.post or post
    return export


def _guess(text: str, name: str) -> str:
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    return "jsonl" if text.lstrip().startswith(("{", "[")) else "csv"


def _pick(available: list[str], field_name: str, named: Mapping[str, str]) -> str | None:
    """The column holding ``field_name``: the one the user named, else the default or an alias."""
    lowered = {c.strip().lower(): c for c in available}
    if field_name in named:
        return lowered.get(named[field_name].strip().lower())
    for alias in ALIASES[field_name]:
        if alias in lowered:
            return lowered[alias]
    return None


def _missing_text(field_name: str, named: Mapping[str, str], available: list[str], what: str) -> InputError:
    shown = ", ".join(available[:12]) + (", ..." if len(available) > 12 else "") or "none"
    option = f"--{field_name}-column"
    if field_name in named:
        return InputError(f"no {what} '{named[field_name]}' (named by {option}); the {what}s are: {shown}")
    return InputError(
        f"no {what} holds the comment text (tried {', '.join(ALIASES[field_name])}); the {what}s are: {shown}; name it with {option}"
    )


def _read_csv(text: str, name: str, named: Mapping[str, str]) -> Export:
    sample = text[:8192]
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    if not name.lower().endswith((".csv", ".tsv")):
        try:
            delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"line 1: not a CSV header ({exc})") from None
    except StopIteration:
        raise InputError("the export is empty: no header row") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    picked = {f: _pick(header, f, named) for f in FIELDS}
    if picked["text"] is None:
        raise _missing_text("text", named, header, "column")
    for f in ("id", "author", "post"):
        if f in named and picked[f] is None:
            raise _missing_text(f, named, header, "column")
    index = {c: i for i, c in enumerate(header)}
    comments: list[Comment] = []
    problems: list[str] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"{name}:{line}: unreadable CSV row ({exc})")
            break
        start, line = line, reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            problems.append(
                f"{name}:{start}: {len(row)} fields in a {len(header)}-column export (an unquoted comma or delimiter?); row skipped"
            )
            continue
        cells = row + [""] * (len(header) - len(row))
        fields = {c: cells[i] for c, i in index.items()}

        def get(f: str, fields: dict[str, str] = fields) -> str:
            column = picked[f]
            return fields.get(column, "") if column is not None else ""

        comments.append(
            Comment(
                len(comments) + 1, start, get("id") or str(len(comments) + 1), get("author"), get("text"), get("post"), fields
            )
        )
    return Export(name, comments, header, problems, "csv")


def _lookup(obj: Mapping[str, Any], key: str) -> Any:
    """``obj[key]``, or along a dotted path ("from.name"), case-insensitive; None when absent."""
    if key in obj:
        return obj[key]
    lowered = {str(k).lower(): v for k, v in obj.items()}
    if key.lower() in lowered:
        return lowered[key.lower()]
    current: Any = obj
    for part in key.split("."):
        if not isinstance(current, Mapping):
            return None
        found = {str(k).lower(): v for k, v in current.items()}
        if part.lower() not in found:
            return None
        current = found[part.lower()]
    return current


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return json.dumps(value)
    if isinstance(value, Mapping):  # {"message": "..."} for a nested post
        for key in ("text", "message", "body", "content"):
            if isinstance(value.get(key), str):
                return value[key]
    return json.dumps(value, ensure_ascii=False)


def _read_jsonl(text: str, name: str, named: Mapping[str, str]) -> Export:
    stripped = text.lstrip()
    rows: list[tuple[int, Any]] = []
    problems: list[str] = []
    if stripped.startswith("["):  # a JSON array of comments, as some exports are
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {exc.lineno}: invalid JSON ({exc.msg}, column {exc.colno})") from None
        rows = [(1, item) for item in data] if isinstance(data, list) else []
    else:
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                rows.append((number, json.loads(raw)))
            except json.JSONDecodeError as exc:
                problems.append(f"{name}:{number}: invalid JSON ({exc.msg}, column {exc.colno}); line skipped")
    comments: list[Comment] = []
    keys: list[str] = []
    text_keys = [named["text"]] if "text" in named else list(ALIASES["text"])
    for number, obj in rows:
        if not isinstance(obj, Mapping):
            problems.append(f'{name}:{number}: not a JSON object (one comment a line, as {{"text": "..."}}); line skipped')
            continue
        for key in obj:
            if key not in keys:
                keys.append(str(key))
        key = next((k for k in text_keys if _lookup(obj, k) is not None), None)
        if key is None:
            option = " (named by --text-column)" if "text" in named else "; name it with --text-column"
            problems.append(f"{name}:{number}: no text key '{text_keys[0]}'{option}; the keys are {', '.join(map(str, obj))}")
            continue

        def get(f: str, obj: Mapping[str, Any] = obj) -> str:
            candidates = [named[f]] if f in named else list(ALIASES[f])
            return next((_as_text(_lookup(obj, c)) for c in candidates if _lookup(obj, c) is not None), "")

        comments.append(
            Comment(
                len(comments) + 1, number, get("id") or str(len(comments) + 1), get("author"), get("text"), get("post"), dict(obj)
            )
        )
    if not comments:
        if not problems:
            raise InputError("no comments: the file holds no JSON objects")
        # Nothing readable: one error for the file, not one per line.
        first = problems[0].removeprefix(f"{name}:")
        more = f" (and {len(problems) - 1} more lines like it)" if len(problems) > 1 else ""
        raise InputError(f"line {first.removesuffix('; line skipped')}{more}")
    return Export(name, comments, keys, problems, "jsonl")
