"""What the ``post-lint serve`` page does besides checking: per-draft exceptions and the city's vocabulary.

Two actions on a names or spelling finding, and neither changes a file silently:

* "Allow in this post": the page keeps an allow list for the draft it shows (as a
  post's front matter would: ``post-lint: allow: {names: [...], words: [...]}``)
  and sends it with every check; the draft is linted with the config's facts plus
  those exceptions (:func:`with_allowed`), and the run's notes say so. Nothing is saved.
* "Add to the city's vocabulary": the exact ``[body]`` line to put in
  ``.post-lint.toml`` (:func:`config_line`), for the user to copy; only when the
  server was started with ``--config FILE`` and the user confirms on the page is it
  written there (:func:`add_to_config`), and only if the edited file parses to the
  same settings plus that one value.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .config import Config, ConfigError

# What the page may allow in one draft (as front matter's ``allow``), and where each kind
# lives in the config when the city adopts it for every post (post_lint.facts reads both).
ALLOW_KINDS = ("names", "contacts", "words")
CONFIG_HOMES = {"names": ("body", "officials"), "words": ("body", "vocabulary")}
MAX_VALUE = 200  # characters: a name or a word, not a paragraph


class ActionError(ValueError):
    """A request the page should not have sent (an unknown kind, an empty or over-long value)."""


def parse_allow(value: Any) -> dict[str, list[str]]:
    """The ``allow`` of a check request: ``{"names": [...], "words": [...]}``; raises ActionError."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ActionError(f"'allow' must be an object with {', '.join(ALLOW_KINDS)}, got {type(value).__name__}")
    allow: dict[str, list[str]] = {}
    for kind, values in value.items():
        if kind not in ALLOW_KINDS:
            raise ActionError(f"unknown kind {kind!r} in 'allow': the kinds are {', '.join(ALLOW_KINDS)}")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ActionError(f"'allow.{kind}' must be a list of strings")
        cleaned = [_value(v) for v in values if v.strip()]
        if cleaned:
            allow[kind] = cleaned
    return allow


def _value(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ActionError("the value must be a non-empty string: the name or word to allow")
    value = value.strip()
    if len(value) > MAX_VALUE or "\n" in value or "\r" in value:
        raise ActionError(f"the value must be one line of at most {MAX_VALUE} characters")
    return value


def with_allowed(config: Config, allow: Mapping[str, list[str]]) -> Config:
    """``config`` whose facts also hold one draft's exceptions (as its front matter's ``allow`` would)."""
    allowed = Config(config.path, config.root, config.data)
    facts = config.facts.with_allowed(allow.get("names", ()), allow.get("contacts", ()), allow.get("words", ()))
    allowed.__dict__["_facts"] = facts  # Config.facts' cache: the data (and its validation) stay the config's
    return allowed


def allow_note(allow: Mapping[str, list[str]]) -> str:
    """How a run's notes say what the page allowed, so the report never hides an exception."""
    parts = [f"{kind} {'; '.join(values)}" for kind, values in allow.items() if values]
    return f"allowed in this draft only, on the page (not saved): {', '.join(parts)}"


def toml_array(values: list[str]) -> str:
    # A JSON string is a TOML basic string (the same escapes), so json.dumps quotes safely.
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def config_line(config: Config, kind: str, value: str) -> dict[str, Any]:
    """Where ``value`` goes in the config and the exact line to write: ``{"table", "key", "line", "present"}``."""
    if kind not in CONFIG_HOMES:
        raise ActionError(f"'kind' must be one of {', '.join(CONFIG_HOMES)}, got {kind!r}")
    value = _value(value)
    table, key = CONFIG_HOMES[kind]
    current = _current(config.data, table, key)
    present = value in current
    values = current if present else [*current, value]
    return {"table": table, "key": key, "line": f"{key} = {toml_array(values)}", "present": present}


def _current(data: Mapping[str, Any], table: str, key: str) -> list[str]:
    section = data.get(table, {})
    values = section.get(key, []) if isinstance(section, Mapping) else []
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def add_to_config(path: Path, kind: str, value: str) -> dict[str, Any]:
    """Write ``value`` into ``[body]`` of the config file at ``path``; raises ConfigError when it cannot safely."""
    placed = config_with_value(path, kind, value)
    new_text = placed.pop("text")
    if new_text is None:
        return {**placed, "written": False}
    _write_atomically(path, new_text)
    return {**placed, "written": True}


def config_with_value(path: Path, kind: str, value: str) -> dict[str, Any]:
    """What :func:`add_to_config` would write: ``config_line``'s keys and ``text`` (None when already there).

    The language server hands this text to the editor as an edit, so the user sees it and saves it.
    """
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        before = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it to add to it ({exc})") from None
    placed = config_line(Config(path, path.parent, before), kind, value)
    if placed["present"]:
        return {**placed, "text": None}
    table, key = placed["table"], placed["key"]
    new_text = _with_line(text, table, key, placed["line"])
    expected = json.loads(json.dumps(before, default=str))
    expected.setdefault(table, {})[key] = [*_current(before, table, key), value.strip()]
    try:
        after = json.loads(json.dumps(tomllib.loads(new_text), default=str))
    except tomllib.TOMLDecodeError:
        after = None
    if after != expected:  # the file is laid out in a way this edit does not understand: the user adds it
        raise ConfigError(f"{path}: could not add it safely here; add the line under [{table}] by hand")
    return {**placed, "text": new_text}


def _with_line(text: str, table: str, key: str, line: str) -> str:
    """``text`` with ``key = ...`` in ``[table]`` replaced by ``line`` (or added under the header, or a new table)."""
    import tomllib

    lines = text.splitlines()
    header = next((i for i, raw in enumerate(lines) if _is_header(raw, table)), None)
    if header is None:
        return text.rstrip("\n") + ("\n\n" if text.strip() else "") + f"[{table}]\n{line}\n"
    end = next((i for i in range(header + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    for i in range(header + 1, end):
        if lines[i].split("=", 1)[0].strip() != key:
            continue
        # The value may span lines: the shortest run of lines that parses is the whole of it.
        for j in range(i, end):
            try:
                tomllib.loads("\n".join(lines[i : j + 1]))
            except tomllib.TOMLDecodeError:
                continue
            return "\n".join([*lines[:i], line, *lines[j + 1 :]]) + "\n"
        break
    return "\n".join([*lines[: header + 1], line, *lines[header + 1 :]]) + "\n"


def _is_header(raw: str, table: str) -> bool:
    stripped = raw.split("#", 1)[0].strip()
    return stripped.replace(" ", "") == f"[{table}]"


def _write_atomically(path: Path, text: str) -> None:
    mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
