"""Finding installed checks (and CLI commands) through entry points.

Entry points are listed by name first and loaded only when selected, so
``--select emoji`` never imports the other checks' modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points

from .api import Check

CHECK_GROUP = "post_lint.checks"
COMMAND_GROUP = "post_lint.commands"


@dataclass(frozen=True)
class BrokenCheck:
    """A registered check that failed to load: reported loudly, never silently dropped."""

    name: str
    reason: str


@cache
def _entry_points(group: str) -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=group):
        # The first distribution to claim a name wins; a duplicate is ignored.
        found.setdefault(ep.name, ep)
    return found


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
    return obj


def load_checks(names: list[str] | None = None) -> tuple[list[Check], list[BrokenCheck]]:
    checks: list[Check] = []
    broken: list[BrokenCheck] = []
    for name in names if names is not None else check_names():
        loaded = load_check(name)
        (checks if isinstance(loaded, Check) else broken).append(loaded)
    return checks, broken


def command_entry_points() -> dict[str, EntryPoint]:
    """Extra CLI sub-commands (``lsp``, ``serve``, ``languagetool``...)."""
    return _entry_points(COMMAND_GROUP)
