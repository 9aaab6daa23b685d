"""``post-lint lsp``: a language server over stdio, for editors that speak LSP.

- Diagnostics are published when a post is opened, and again a moment after
  the author stops typing (``--debounce``, 0.3 s by default): each change
  restarts the timer, and a lint whose text went stale is never published.
- Hover over a finding shows its message, rule, severity and the policy clause.
- Code actions replace the flagged text with each of a finding's suggestions.
- One warm :class:`post_lint.runner.Linter` per workspace folder (spaCy loaded
  once); the config is discovered from each document's own path, exactly as
  on the command line. Saving a config file reloads it.
- Positions honour ``positionEncoding`` negotiation: utf-16 (LSP's default),
  utf-32 or utf-8, whichever the client lists first; post-lint itself counts
  code points (utf-32).

Linting runs in a bounded pool of worker threads (``--workers``, 2 by default), so
hover and code-action requests are answered while spaCy works, one slow document
does not delay the others' diagnostics, and a new version of a document supersedes
the lint of the old one (stopped between checks). An invalid initializationOption
(a misspelt ``profile``) is shown to the user and left out; a request with invalid
params, or after ``shutdown``, is answered with a JSON-RPC error. pygls is imported only when the server starts:
the server and its handlers are in :mod:`post_lint.lsp_server`.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from typing import Any

import click

from .text.lines import line_starts

DEFAULT_DEBOUNCE = 0.3  # seconds after the last keystroke
CONFIG_FILE_NAMES = (".post-lint.toml", "post-lint.toml", "pyproject.toml")


# -- positions -------------------------------------------------------------


def code_units(text: str, encoding: str) -> int:
    """Length of ``text`` in the code units of an LSP position encoding."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)  # utf-16: astral characters take two


class TextIndex:
    """Converts between code-point offsets and LSP positions for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = line_starts(text)

    def _line_end(self, line: int) -> int:
        """Offset of the end of a line, before its line break."""
        if line + 1 < len(self.line_starts):
            end = self.line_starts[line + 1]
            while end > self.line_starts[line] and self.text[end - 1] in "\r\n":
                end -= 1
            return end
        return len(self.text)

    def position(self, offset: int, encoding: str) -> tuple[int, int]:
        """(line, character) of a code-point offset, both 0-based, character in ``encoding`` units."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        return line, code_units(self.text[start:offset], encoding)

    def offset(self, line: int, character: int, encoding: str) -> int:
        """Code-point offset of an LSP position; past the end of a line means its end."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        start, end = self.line_starts[line], self._line_end(line)
        if encoding == "utf-32":
            return min(start + max(character, 0), end)
        units = 0
        for index in range(start, end):
            if units >= character:
                return index
            units += code_units(self.text[index], encoding)
        return end


# -- initializationOptions ---------------------------------------------------

OPTION_NAMES = ("select", "ignore", "profile", "config", "debounce")


def validate_options(options: Any) -> tuple[dict[str, Any], list[str]]:
    """The usable initializationOptions, and a sentence for each one left out (the config's value is used instead).

    Keys post-lint does not know are left out silently: editors pass their own settings along.
    """
    from .api import PROFILES

    if options is None:
        return {}, []
    if not isinstance(options, dict):
        return {}, [f"initializationOptions must be an object, got {type(options).__name__}: all ignored"]
    kept: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in options.items():
        if key not in OPTION_NAMES:
            continue
        if key == "profile" and value not in PROFILES:
            problems.append(f"profile {value!r} is not one of {', '.join(PROFILES)}: the config's profile is used")
        elif key in ("select", "ignore") and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            problems.append(f"{key} must be a list of check names or rule ids, got {value!r}: ignored")
        elif key == "config" and not isinstance(value, str):
            problems.append(f"config must be the path of a config file, got {value!r}: ignored")
        elif key == "debounce" and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
            problems.append(f"debounce must be a number of seconds, got {value!r}: ignored")
        else:
            kept[key] = value
    return kept, problems


# -- state -------------------------------------------------------------------


@dataclass
class LintedDocument:
    """The last lint of one open document: the text it saw and what it found."""

    uri: str
    text: str
    version: int | None
    findings: list[Any] = field(default_factory=list)
    index: TextIndex | None = None


def policy_markdown(finding: Any) -> str:
    """A finding's hover text: rule, severity, message, why it matters and what to write instead
    (the rule's documentation, as `post-lint explain` gives it), the policy clause and its suggestions."""
    from .registry import documented_rule

    lines = [f"**post-lint** `{finding.rule}` ({finding.severity})", "", finding.message]
    info = documented_rule(finding.check, finding.rule)
    if info is not None and info.why:
        lines += ["", f"**Why:** {info.why}"]
    if info is not None and info.fix:
        lines += ["", f"**Instead:** {info.fix}"]
    if finding.policy:
        lines += ["", f"Policy, {finding.policy}"]
        link = getattr(finding, "policy_link", "")
        if link:
            lines += ["", f"[Read the policy]({link})"]
    if finding.suggestions:
        shown = ", ".join(f"“{s}”" if s else "(remove it)" for s in finding.suggestions[:5])
        lines += ["", f"Suggestion: {shown} (quick fix available)"]
    return "\n".join(lines)


def build_server(debounce: float = DEFAULT_DEBOUNCE, workers: int | None = None) -> Any:
    """The pygls server with post-lint's handlers registered (not started); see :mod:`post_lint.lsp_server`."""
    from .lsp_server import create
    from .pool import DEFAULT_WORKERS

    return create(debounce, workers or DEFAULT_WORKERS)


@click.command("lsp")
@click.option(
    "--debounce",
    type=click.FloatRange(min=0),
    default=DEFAULT_DEBOUNCE,
    show_default=True,
    help="Seconds to wait after the last change before linting.",
)
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the server's log here (stdout is the protocol).")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages (with --log-file).")
@click.option("--workers", type=click.IntRange(1), metavar="N", help="Documents linted side by side [default: 2].")
def command(debounce: float, log_file: str | None, verbose: bool, workers: int | None) -> None:
    """Run the post-lint language server on stdin/stdout (for editors).

    Editors start it themselves: point your LSP client at `post-lint lsp` for
    Markdown and plain-text files. initializationOptions may carry select,
    ignore, profile, config and debounce (seconds).
    """
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.DEBUG if verbose else logging.INFO)
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise click.ClickException("the language server needs pygls: pip install 'pygls>=2,<3'") from None
    build_server(debounce, workers).start_io()
