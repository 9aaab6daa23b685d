"""Finding installed checks, output formats and CLI commands through entry points.

Entry points are listed by name first and loaded only when selected, so
``--select emoji`` never imports the other checks' modules.

Scanning every installed distribution with ``importlib.metadata`` costs
about 80 ms (most of it importing the module itself), which is half of a
cold start. The scan is therefore cached in the user's cache folder, keyed
on the import path and the modification times of its folders: installing,
upgrading or removing a package changes a folder's mtime and so the key.
Each environment (interpreter prefix) has its own file: with one shared
file, two virtualenvs used in turn (an editor's and a shell's) rescanned
on every start, each overwriting the other's scan.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from .api import Check, RuleInfo, rule_under
from .datacache import cache_dir

CHECK_GROUP = "post_lint.checks"
COMMAND_GROUP = "post_lint.commands"
FORMAT_GROUP = "post_lint.formats"
GROUPS = (CHECK_GROUP, COMMAND_GROUP, FORMAT_GROUP)


@dataclass(frozen=True)
class EntryPoint:
    """An entry point's name and ``module:attr`` value (what we need of importlib's)."""

    name: str
    value: str

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        obj = import_module(module.strip())
        for part in attr.strip().split(".") if attr else ():
            obj = getattr(obj, part)
        return obj


@dataclass(frozen=True)
class BrokenCheck:
    """A registered check that failed to load: reported loudly, never silently dropped."""

    name: str
    reason: str


def _path_key() -> str:
    parts = []
    cwd = os.getcwd()
    for entry in sys.path:
        if entry in ("", cwd):
            continue  # the working folder (python -m, -c) changes all the time and holds no plugins
        try:
            parts.append(f"{entry}:{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            parts.append(f"{entry}:-")
    return "\n".join(parts)  # compared whole: hashing it would cost an import at every start


def _cache_file() -> Path:
    import zlib  # built in: no cost at start, unlike hashlib

    return cache_dir() / f"entry-points-{zlib.crc32(sys.prefix.encode()):08x}.json"


def _scan() -> dict[str, dict[str, str]]:
    from importlib.metadata import entry_points

    found: dict[str, dict[str, str]] = {group: {} for group in GROUPS}
    for group in GROUPS:
        for ep in entry_points(group=group):
            # The first distribution to claim a name wins; a duplicate is ignored.
            found[group].setdefault(ep.name, ep.value)
    return found


@lru_cache(maxsize=1)
def _all_entry_points() -> dict[str, dict[str, str]]:
    if os.environ.get("POST_LINT_NO_CACHE"):
        return _scan()
    path = _cache_file()
    key = _path_key()
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        # A scan by an older post-lint may lack a group this one reads: scan again.
        if cached.get("key") == key and all(group in cached["groups"] for group in GROUPS):
            return cached["groups"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    found = _scan()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "groups": found}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs speed
    return found


def _entry_points(group: str) -> dict[str, EntryPoint]:
    return {name: EntryPoint(name, value) for name, value in _all_entry_points().get(group, {}).items()}


def check_names() -> list[str]:
    """Names of every installed check, loaded or not."""
    return sorted(_entry_points(CHECK_GROUP))


@cache
def load_check(name: str) -> Check | BrokenCheck:
    ep = _entry_points(CHECK_GROUP).get(name)
    if ep is None:
        return BrokenCheck(name, "no such check is installed")
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin must not take the run down
        return BrokenCheck(name, f"could not be loaded ({type(exc).__name__}: {exc})")
    if not isinstance(obj, Check):
        return BrokenCheck(name, f"entry point {ep.value} is not a post_lint.api.Check")
    if obj.name != name:
        return BrokenCheck(name, f"entry point name {name!r} does not match the check's name {obj.name!r}")
    try:
        obj.rule_info  # noqa: B018  # read now: a rules.toml that does not match its rules is a load error
    except ValueError as exc:
        return BrokenCheck(name, f"its rules do not load: {exc}")
    return obj


def documented_rule(check_name: str, rule: str) -> RuleInfo | None:
    """The declared rule ``rule`` is or falls under (``grammar/lt/X`` under ``grammar/lt``), with its
    summary, why and fix from the check's rules.toml; None for a check that did not load."""
    check = load_check(check_name)
    if not isinstance(check, Check):
        return None
    found = rule_under(rule, check.rule_info)
    return check.rule_info[found] if found is not None else None


def load_checks(names: list[str] | None = None) -> tuple[list[Check], list[BrokenCheck]]:
    checks: list[Check] = []
    broken: list[BrokenCheck] = []
    for name in names if names is not None else check_names():
        loaded = load_check(name)
        if isinstance(loaded, Check):
            checks.append(loaded)
        else:
            broken.append(loaded)
    return checks, broken


def format_names() -> list[str]:
    """Names of every installed output format (``--format``), loaded or not."""
    return list(_entry_points(FORMAT_GROUP))


@cache
def load_format(name: str) -> Any:
    """The :class:`post_lint.reporters.Format` registered as ``name``; raises LookupError saying why not."""
    from .reporters import Format

    ep = _entry_points(FORMAT_GROUP).get(name)
    if ep is None:
        raise LookupError(f"no output format '{name}' is installed; the formats are {', '.join(format_names())}")
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin gets one line, not a traceback
        raise LookupError(f"output format '{name}' could not be loaded ({type(exc).__name__}: {exc})") from None
    if not isinstance(obj, Format) or obj.name != name:
        raise LookupError(f"entry point {ep.value} is not a post_lint.reporters.Format named {name!r}")
    return obj


def command_entry_points() -> dict[str, EntryPoint]:
    """Extra CLI sub-commands (``lsp``, ``serve``, ``languagetool``...)."""
    return _entry_points(COMMAND_GROUP)


def clear_cache() -> None:
    """Forget what was scanned in this process (tests install plugins on the fly)."""
    _all_entry_points.cache_clear()
    load_check.cache_clear()
    load_format.cache_clear()
