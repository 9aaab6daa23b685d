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

Linting runs on one worker thread, so hover and code-action requests are
answered while spaCy works. pygls is imported only when the server starts.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from . import __version__
from .text.lines import line_starts

DEFAULT_DEBOUNCE = 0.3  # seconds after the last keystroke
CONFIG_FILE_NAMES = (".post-lint.toml", "post-lint.toml", "pyproject.toml")

log = logging.getLogger("post_lint.lsp")


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


# -- state -------------------------------------------------------------------


@dataclass
class LintedDocument:
    """The last lint of one open document: the text it saw and what it found."""

    uri: str
    text: str
    version: int | None
    findings: list[Any] = field(default_factory=list)
    index: TextIndex | None = None


def _severity(name: str) -> Any:
    from lsprotocol import types

    return {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }[name]


def _policy_markdown(finding: Any) -> str:
    lines = [f"**post-lint** `{finding.rule}` ({finding.severity})", "", finding.message]
    if finding.policy:
        lines += ["", f"Policy, {finding.policy}"]
    if finding.suggestions:
        shown = ", ".join(f"“{s}”" if s else "(remove it)" for s in finding.suggestions[:5])
        lines += ["", f"Suggestion: {shown} (quick fix available)"]
    return "\n".join(lines)


def build_server(debounce: float = DEFAULT_DEBOUNCE) -> Any:
    """The pygls server with post-lint's features registered (not started)."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from .config import ConfigError

    class PostLintServer(LanguageServer):
        def __init__(self) -> None:
            super().__init__("post-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
            self.debounce = debounce
            self.options: dict[str, Any] = {}
            self.linters: dict[str | None, Any] = {}
            self.linted: dict[str, LintedDocument] = {}
            self.language: dict[str, str] = {}
            self.timers: dict[str, asyncio.TimerHandle] = {}
            self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="post-lint")
            self.reported_skips: set[tuple[str, str]] = set()

        # -- helpers ---------------------------------------------------
        @property
        def encoding(self) -> str:
            return str(getattr(self.workspace, "position_encoding", None) or "utf-16")

        def folder_for(self, path: str | None) -> str | None:
            """The workspace folder holding ``path`` (longest match), or None."""
            if path is None:
                return None
            roots = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
            if self.workspace.root_path:
                roots.append(self.workspace.root_path)
            best = None
            for root in filter(None, roots):
                if Path(path).is_relative_to(root) and (best is None or len(root) > len(best)):
                    best = root
            return best

        def linter_for(self, path: str | None) -> Any:
            from .runner import Linter

            key = self.folder_for(path)
            if key not in self.linters:
                self.linters[key] = Linter(
                    select=self.options.get("select") or None,
                    ignore=self.options.get("ignore") or (),
                    profile=self.options.get("profile"),
                    config_file=self.options.get("config"),
                )
            return self.linters[key]

        def lint_now(self, uri: str, text: str, version: int | None) -> tuple[LintedDocument, list[str], list[Any]]:
            """Runs on the worker thread: (linted document, problems, skipped checks)."""
            path = to_fs_path(uri) if uri.startswith("file:") else None
            markdown = None if path and Path(path).suffix else self.language.get(uri) == "markdown"
            try:
                result = self.linter_for(path).lint_text(text, path, markdown=markdown)
            except ConfigError as exc:
                return LintedDocument(uri, text, version, [], TextIndex(text)), [f"config error: {exc}"], []
            problems = [p.message if p.path else str(p) for p in result.problems]
            return LintedDocument(uri, text, version, result.findings, TextIndex(text)), problems, result.skipped

        def diagnostics(self, linted: LintedDocument, problems: list[str]) -> list[Any]:
            assert linted.index is not None
            out = []
            for finding in linted.findings:
                out.append(
                    types.Diagnostic(
                        range=self.lsp_range(linted.index, finding.offset, finding.end),
                        message=finding.message,
                        severity=_severity(finding.severity),
                        code=finding.rule,
                        source="post-lint",
                        data={"suggestions": list(finding.suggestions), "policy": finding.policy},
                    )
                )
            for problem in problems:
                out.append(
                    types.Diagnostic(
                        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                        message=problem,
                        severity=types.DiagnosticSeverity.Error,
                        source="post-lint",
                    )
                )
            return out

        def lsp_range(self, index: TextIndex, start: int, end: int) -> Any:
            (l1, c1), (l2, c2) = index.position(start, self.encoding), index.position(end, self.encoding)
            return types.Range(types.Position(l1, c1), types.Position(l2, c2))

        def current_text(self, uri: str) -> str | None:
            try:
                return self.workspace.get_text_document(uri).source
            except Exception:
                return None

        async def lint_and_publish(self, uri: str) -> None:
            self.timers.pop(uri, None)
            document = self.workspace.get_text_document(uri)
            text, version = document.source, document.version
            loop = asyncio.get_running_loop()
            try:
                linted, problems, skipped = await loop.run_in_executor(self.worker, self.lint_now, uri, text, version)
            except Exception as exc:  # never take the server down for one document
                log.exception("lint failed")
                self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"post-lint: lint failed: {exc}"))
                return
            if uri not in self.language or self.current_text(uri) != text:
                return  # closed, or changed while linting: a newer lint is on its way
            self.linted[uri] = linted
            for skip in skipped:
                key = (skip.check, skip.reason)
                if key not in self.reported_skips:
                    self.reported_skips.add(key)
                    self.window_log_message(
                        types.LogMessageParams(
                            types.MessageType.Warning, f"post-lint: check '{skip.check}' did not run: {skip.reason}"
                        )
                    )
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=self.diagnostics(linted, problems), version=version)
            )

        def schedule(self, uri: str, delay: float) -> None:
            """Lint ``uri`` after ``delay`` seconds, replacing any lint already waiting."""
            pending = self.timers.pop(uri, None)
            if pending is not None:
                pending.cancel()
            loop = asyncio.get_running_loop()
            self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint_and_publish(uri)))

        def findings_at(self, uri: str, start: int, end: int) -> list[Any]:
            """Findings of the last lint touching [start, end], if that lint saw the current text."""
            linted = self.linted.get(uri)
            if linted is None or linted.text != self.current_text(uri):
                return []
            return [f for f in linted.findings if f.offset <= end and start <= f.end]

        def reload_config(self) -> None:
            from . import config

            config._discovered.clear()  # the discovery cache is per process
            self.linters.clear()

    server = PostLintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PostLintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict):
            ls.options = {k: v for k, v in options.items() if k in ("select", "ignore", "profile", "config")}
            if isinstance(options.get("debounce"), int | float):
                ls.debounce = float(options["debounce"])

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PostLintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.language[params.text_document.uri] = params.text_document.language_id
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PostLintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PostLintServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES:
            ls.reload_config()
            for uri in list(ls.language):
                ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PostLintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.language.pop(uri, None)
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PostLintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        linted = ls.linted.get(uri)
        if linted is None or linted.index is None:
            return None
        offset = linted.index.offset(params.position.line, params.position.character, ls.encoding)
        found = [f for f in ls.findings_at(uri, offset, offset) if f.offset <= offset < max(f.end, f.offset + 1)]
        if not found:
            return None
        first, last = min(f.offset for f in found), max(f.end for f in found)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(_policy_markdown(f) for f in found)
            ),
            range=ls.lsp_range(linted.index, first, last),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False),
    )
    def code_action(ls: PostLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = ls.linted.get(uri)
        if linted is None or linted.index is None:
            return []
        index, enc = linted.index, ls.encoding
        start = index.offset(params.range.start.line, params.range.start.character, enc)
        end = index.offset(params.range.end.line, params.range.end.character, enc)
        actions = []
        for finding in ls.findings_at(uri, start, end):
            if not finding.suggestions:
                continue
            diagnostic = ls.diagnostics(LintedDocument(uri, linted.text, linted.version, [finding], index), [])[0]
            for rank, suggestion in enumerate(finding.suggestions):
                original = linted.text[finding.offset : finding.end]
                title = f"Replace “{original}” with “{suggestion}”" if suggestion else f"Remove “{original}”"
                edit = types.TextEdit(range=ls.lsp_range(index, finding.offset, finding.end), new_text=suggestion)
                actions.append(
                    types.CodeAction(
                        title=f"{title} ({finding.rule})",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=types.WorkspaceEdit(changes={uri: [edit]}),
                        is_preferred=rank == 0 and len(finding.suggestions) == 1,
                    )
                )
        return actions

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PostLintServer, *_: Any) -> None:
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


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
def command(debounce: float, log_file: str | None, verbose: bool) -> None:
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
    build_server(debounce).start_io()
