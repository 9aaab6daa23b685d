"""The language server itself: its state and one handler per LSP message.

Imported only when ``post-lint lsp`` starts (pygls and lsprotocol take about a
second to import); :mod:`post_lint.lsp` holds the command, positions and the
parts that need no pygls.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .config import ConfigError
from .lsp import CONFIG_FILE_NAMES, DEFAULT_DEBOUNCE, LintedDocument, TextIndex, policy_markdown, validate_options
from .model import Skipped
from .pool import DEFAULT_WORKERS, Cancelled, LintPool

log = logging.getLogger("post_lint.lsp")

_SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


class PostLintServer(LanguageServer):
    """pygls' server plus what post-lint keeps per session: warm linters and the last lint of each document."""

    def __init__(self, debounce: float = DEFAULT_DEBOUNCE, workers: int = DEFAULT_WORKERS) -> None:
        super().__init__("post-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.options: dict[str, Any] = {}
        self.linters: dict[str | None, Any] = {}
        self._linters_lock = threading.Lock()  # the pool's workers ask for linters side by side
        self.linted: dict[str, LintedDocument] = {}
        self.language: dict[str, str] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        # Documents lint side by side; a new version of one supersedes its lint still waiting or running.
        self.pool = LintPool(workers, name="post-lint-lsp")
        self.reported_skips: set[tuple[str, str]] = set()

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        """Serve on stdin/stdout with post-lint's loop (see :mod:`post_lint.lsp_io`)."""
        if stdin is not None or stdout is not None:
            super().start_io(stdin, stdout)
            return
        from .lsp_io import start_io

        start_io(self)

    @property
    def encoding(self) -> str:
        return str(getattr(self.workspace, "position_encoding", None) or "utf-16")

    # -- linting -------------------------------------------------------
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
        with self._linters_lock:
            if key not in self.linters:
                self.linters[key] = Linter(
                    select=self.options.get("select") or None,
                    ignore=self.options.get("ignore") or (),
                    profile=self.options.get("profile"),
                    config_file=self.options.get("config"),
                )
            return self.linters[key]

    def lint_now(self, uri: str, text: str, version: int | None) -> tuple[LintedDocument, list[str], list[Skipped]]:
        """Runs on a pool worker: (linted document, problems, skipped checks)."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        markdown = None if path and Path(path).suffix else self.language.get(uri) == "markdown"
        try:
            result = self.linter_for(path).lint_text(text, path, markdown=markdown)
        except ConfigError as exc:
            return LintedDocument(uri, text, version, [], TextIndex(text)), [f"config error: {exc}"], []
        problems = [p.message if p.path else str(p) for p in result.problems]
        return LintedDocument(uri, text, version, result.findings, TextIndex(text)), problems, result.skipped

    async def lint_and_publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        try:
            future = self.pool.submit(uri, lambda: self.lint_now(uri, text, version))
            linted, problems, skipped = await asyncio.wrap_future(future)
        except Cancelled:
            return  # a newer version (or closing it) superseded this lint
        except Exception as exc:  # never take the server down for one document
            log.exception("lint failed")
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"post-lint: lint failed: {exc}"))
            return
        if uri not in self.language or self.current_text(uri) != text:
            return  # closed, or changed while linting: a newer lint is on its way
        self.linted[uri] = linted
        self.report_skips(skipped)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=self.diagnostics(linted, problems), version=version)
        )

    def report_skips(self, skipped: list[Skipped]) -> None:
        """Tell the user, once a session, about each check that did not run."""
        for skip in skipped:
            key = (skip.check, skip.reason)
            if key not in self.reported_skips:
                self.reported_skips.add(key)
                message = f"post-lint: check '{skip.check}' did not run: {skip.reason}"
                self.window_log_message(types.LogMessageParams(types.MessageType.Warning, message))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint already waiting."""
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint_and_publish(uri)))

    def cancel(self, uri: str) -> None:
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()

    def reload_config(self) -> None:
        from . import config

        config._discovered.clear()  # the discovery cache is per process
        self.linters.clear()

    # -- answers -------------------------------------------------------
    def diagnostics(self, linted: LintedDocument, problems: list[str]) -> list[types.Diagnostic]:
        assert linted.index is not None
        out = [
            types.Diagnostic(
                range=self.lsp_range(linted.index, finding.offset, finding.end),
                message=finding.message,
                severity=_SEVERITIES[finding.severity],
                code=finding.rule,
                source="post-lint",
                data={"suggestions": list(finding.suggestions), "policy": finding.policy},
            )
            for finding in linted.findings
        ]
        top = types.Range(types.Position(0, 0), types.Position(0, 0))
        out += [
            types.Diagnostic(range=top, message=problem, severity=types.DiagnosticSeverity.Error, source="post-lint")
            for problem in problems
        ]
        return out

    def lsp_range(self, index: TextIndex, start: int, end: int) -> types.Range:
        (l1, c1), (l2, c2) = index.position(start, self.encoding), index.position(end, self.encoding)
        return types.Range(types.Position(l1, c1), types.Position(l2, c2))

    def current_text(self, uri: str) -> str | None:
        try:
            return self.workspace.get_text_document(uri).source
        except Exception:
            return None

    def findings_at(self, uri: str, start: int, end: int) -> list[Any]:
        """Findings of the last lint touching [start, end], if that lint saw the current text."""
        linted = self.linted.get(uri)
        if linted is None or linted.text != self.current_text(uri):
            return []
        return [f for f in linted.findings if f.offset <= end and start <= f.end]


# -- handlers: one per LSP message ---------------------------------------------


def initialize(ls: PostLintServer, params: types.InitializeParams) -> None:
    ls.options, problems = validate_options(params.initialization_options)
    if "debounce" in ls.options:
        ls.debounce = float(ls.options.pop("debounce"))
    for problem in problems:  # e.g. a misspelt profile, which would otherwise silence every check
        message = f"post-lint: {problem}"
        log.warning(message)
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, message))


def did_open(ls: PostLintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.language[params.text_document.uri] = params.text_document.language_id
    ls.schedule(params.text_document.uri, 0)


def did_change(ls: PostLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.pool.cancel(params.text_document.uri)  # the lint of the old text would be thrown away: stop it now
    ls.schedule(params.text_document.uri, ls.debounce)


def did_save(ls: PostLintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES:
        ls.reload_config()
        for uri in list(ls.language):
            ls.schedule(uri, 0)


def did_close(ls: PostLintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    ls.pool.cancel(uri)
    ls.language.pop(uri, None)
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


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
    text = "\n\n---\n\n".join(policy_markdown(f) for f in found)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=ls.lsp_range(linted.index, first, last),
    )


def code_action(ls: PostLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None or linted.index is None:
        return []
    index, enc = linted.index, ls.encoding
    start = index.offset(params.range.start.line, params.range.start.character, enc)
    end = index.offset(params.range.end.line, params.range.end.character, enc)
    from .lsp_actions import finding_actions

    path = to_fs_path(uri) if uri.startswith("file:") else None
    actions = []
    for finding in ls.findings_at(uri, start, end):
        if finding.suggestions:
            actions += _quick_fixes(ls, uri, linted, finding)
        diagnostic = ls.diagnostics(LintedDocument(uri, linted.text, linted.version, [finding], index), [])[0]
        actions += finding_actions(ls, uri, path, linted.text, finding, diagnostic)
    return actions


def _quick_fixes(ls: PostLintServer, uri: str, linted: LintedDocument, finding: Any) -> list[types.CodeAction]:
    """One action per suggestion of a finding: replace the flagged text with it."""
    assert linted.index is not None
    diagnostic = ls.diagnostics(LintedDocument(uri, linted.text, linted.version, [finding], linted.index), [])[0]
    original = linted.text[finding.offset : finding.end]
    actions = []
    for rank, suggestion in enumerate(finding.suggestions):
        title = f"Replace “{original}” with “{suggestion}”" if suggestion else f"Remove “{original}”"
        edit = types.TextEdit(range=ls.lsp_range(linted.index, finding.offset, finding.end), new_text=suggestion)
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


def shutdown(ls: PostLintServer, *_: Any) -> None:
    for timer in ls.timers.values():
        timer.cancel()
    ls.timers.clear()
    ls.pool.shutdown()


_QUICK_FIX_OPTIONS = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False)
HANDLERS: tuple[tuple[str, Any, Any], ...] = (
    (types.INITIALIZE, initialize, None),
    (types.TEXT_DOCUMENT_DID_OPEN, did_open, None),
    (types.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
    (types.TEXT_DOCUMENT_DID_SAVE, did_save, None),
    (types.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
    (types.TEXT_DOCUMENT_HOVER, hover, None),
    (types.TEXT_DOCUMENT_CODE_ACTION, code_action, _QUICK_FIX_OPTIONS),
    (types.SHUTDOWN, shutdown, None),
)


def create(debounce: float = DEFAULT_DEBOUNCE, workers: int = DEFAULT_WORKERS) -> PostLintServer:
    """A server with every handler registered (not started)."""
    server = PostLintServer(debounce, workers)
    for message, handler, options in HANDLERS:
        server.feature(message, options)(handler)
    return server
