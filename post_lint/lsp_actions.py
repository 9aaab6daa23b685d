"""The language server's actions on a finding beyond its suggestions: allow it in this post, or adopt it.

Both are edits the editor shows and the user saves; nothing is written behind the user's back.

* "Allow “Ruth Olson” in this post": in a Markdown post, its front matter's
  ``post-lint: allow:`` list; in a plain-text post, a ``[[consent]]`` entry in
  ``consents.toml`` beside it, dated today, whose ``how`` asks the user to say how
  consent was given (post_lint.consents requires who and when for names and contacts).
* "Add “Riverfest” to the city's vocabulary" (a spelling finding) or "… to the city's
  allowed names" (a name): the ``[body]`` line of the config that applies to the post
  (post_lint.serve_actions, which the web page uses too), or a new ``.post-lint.toml``
  beside the post when none applies.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from lsprotocol import types

from .consents import CONSENTS_FILE
from .lsp import TextIndex

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_MARKDOWN = (".md", ".markdown")


def allow_kind(rule: str) -> str | None:
    """What a finding of ``rule`` may be allowed as in one post: names, contacts or words."""
    if rule.startswith("names/"):
        return "names"
    if rule.startswith("personal-data/"):
        return "contacts"
    if rule.startswith("grammar/spelling"):
        return "words"
    return None


def front_matter_with_allow(text: str, kind: str, value: str) -> str | None:
    """``text`` with ``value`` added to its front matter's ``post-lint: allow: <kind>``; None if there or unsafe."""
    import yaml

    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.startswith("---"):
            return None  # front matter this edit does not understand (CRLF, unterminated): left to the user
        block = yaml.safe_dump({"post-lint": {"allow": {kind: [value]}}}, sort_keys=False, allow_unicode=True)
        return f"---\n{block}---\n{text}"
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        return None
    section = data.setdefault("post-lint", {}) if isinstance(data, dict) else None
    allow = section.setdefault("allow", {}) if isinstance(section, dict) else None
    values = allow.setdefault(kind, []) if isinstance(allow, dict) else None
    if not isinstance(values, list) or value in values:
        return None
    values.append(value)
    block = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    start, end = match.span(1) if match.group(1) is not None else (4, 4)
    return text[:start] + block + text[end:]


def consent_entry(post: str, kind: str, value: str, today: datetime.date) -> str:
    """A ``[[consent]]`` table for ``consents.toml`` that lets ``value`` pass in ``post``."""
    lines = ["[[consent]]", f"post = {json.dumps(post)}", f"{kind} = [{json.dumps(value, ensure_ascii=False)}]"]
    if kind in ("names", "contacts"):
        who = value if kind == "names" else "whose contact this is"
        lines += [f"who = {json.dumps(who, ensure_ascii=False)}", f"date = {today.isoformat()}"]
        lines.append('how = "recorded from the editor: say how consent was given"')
    return "\n".join(lines) + "\n"


def _whole(old: str, new: str, encoding: str) -> types.TextEdit:
    (l2, c2) = TextIndex(old).position(len(old), encoding)
    return types.TextEdit(range=types.Range(types.Position(0, 0), types.Position(l2, c2)), new_text=new)


def _file_edit(path: Path, new_text: str, encoding: str) -> types.WorkspaceEdit:
    """Replace ``path``'s text with ``new_text``, creating the file when it is not there."""
    uri = path.as_uri()
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        return types.WorkspaceEdit(changes={uri: [_whole(old, new_text, encoding)]})
    identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None)
    insert = types.TextEdit(range=types.Range(types.Position(0, 0), types.Position(0, 0)), new_text=new_text)
    return types.WorkspaceEdit(
        document_changes=[
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
            types.TextDocumentEdit(text_document=identifier, edits=[insert]),
        ]
    )


def allow_in_post(uri: str, path: str | None, text: str, kind: str, value: str, encoding: str) -> types.WorkspaceEdit | None:
    """The edit that lets ``value`` pass in this one post (front matter, or consents.toml beside it)."""
    if path is None:
        return None
    post = Path(path)
    if post.suffix.lower() in _MARKDOWN:
        new = front_matter_with_allow(text, kind, value)
        return None if new is None else types.WorkspaceEdit(changes={uri: [_whole(text, new, encoding)]})
    consents = post.with_name(CONSENTS_FILE)
    old = consents.read_text(encoding="utf-8") if consents.is_file() else ""
    entry = consent_entry(post.name, kind, value, datetime.date.today())
    return _file_edit(consents, old + ("\n" if old.strip() else "") + entry, encoding)


def adopt(config: Any, path: str | None, kind: str, value: str, encoding: str) -> types.WorkspaceEdit | None:
    """The edit that adds ``value`` to the ``[body]`` list of the config applying to the post (or a new one)."""
    from .config import ConfigError
    from .serve_actions import CONFIG_HOMES, config_with_value, toml_array

    if kind not in CONFIG_HOMES or path is None:
        return None
    if config.path is None:
        table, key = CONFIG_HOMES[kind]
        return _file_edit(Path(path).with_name(".post-lint.toml"), f"[{table}]\n{key} = {toml_array([value])}\n", encoding)
    if Path(config.path).name == "pyproject.toml":
        return None  # its tables are [tool.post-lint.*]: the user adds the line there
    try:
        placed = config_with_value(Path(config.path), kind, value)
    except ConfigError:
        return None
    return None if placed["text"] is None else _file_edit(Path(config.path), placed["text"], encoding)


def finding_actions(ls: Any, uri: str, path: str | None, text: str, finding: Any, diagnostic: Any) -> list[types.CodeAction]:
    """ "Allow in this post" and "add to the city's vocabulary / allowed names" for a finding that has them."""
    kind = allow_kind(finding.rule)
    value = text[finding.offset : finding.end].strip()
    if kind is None or not value:
        return []
    actions = []
    here = allow_in_post(uri, path, text, kind, value, ls.encoding)
    if here is not None:
        where = "front matter" if path and Path(path).suffix.lower() in _MARKDOWN else CONSENTS_FILE
        actions.append((f"Allow “{value}” in this post ({where})", here))
    if kind in ("names", "words"):
        try:
            config = ls.linter_for(path).config_for(path)
        except Exception:  # a broken config is reported as a diagnostic already
            config = None
        adopted = adopt(config, path, kind, value, ls.encoding) if config is not None else None
        if adopted is not None:
            what = "vocabulary" if kind == "words" else "allowed names"
            actions.append((f"Add “{value}” to the city's {what} (config)", adopted))
    return [
        types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit)
        for title, edit in actions
    ]
