"""``post-lint serve``: a local web page to check a draft, for staff who don't use a terminal.

One page (``post_lint/web``: plain HTML, JavaScript and CSS, no build step, no
CDN) and one JSON endpoint, served by the standard library's threading HTTP
server, bound to 127.0.0.1 by default so the draft never leaves the computer.

``POST /api/check`` takes ``{"text": ..., "profile": "official"|"personal",
"format": "text"|"markdown"}`` and answers with exactly what
``post-lint --format json`` prints; an optional ``"allow": {"names": [...], "words": [...]}`` is the
page's allow list for that draft (post_lint.serve_actions). ``POST /api/comments`` takes ``{"export": ...,
"post": ..., "name": "comments.csv", "format": "auto"|"csv"|"jsonl"}`` and answers
with what ``post-lint comments --format json`` prints (the "Moderate comments" tab). ``POST /api/vocabulary``
answers the line that adds a name or word to the config, and writes it only with ``--config`` and
``"write": true``. The process stays warm: one
:class:`~post_lint.runner.Linter` per profile, spaCy loaded once, so a check
takes milliseconds after the first.
"""

from __future__ import annotations

import errno
import json
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

import click

from .api import PROFILES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 1_000_000  # bytes; as the CLI's default max-file-size
DRAIN_LIMIT = 64_000_000  # a refused body up to this size is read and dropped before answering 413
DEFAULT_TIMEOUT = 15.0  # seconds a connection may stay silent (mid-request or idle between requests)
DEFAULT_MAX_CONNECTIONS = 32  # connections served at once (a thread each); the next one is answered 503
MAX_JSON_DEPTH = 32  # a request is a flat object: deeper nesting is refused, not recursed into
MAX_NUMBER_DIGITS = 100  # a number longer than this in a request is refused (int() of 5,000 digits raises)
MAX_DOCUMENT_ID = 200  # characters of the page's document id

FORMATS = ("text", "markdown")
REQUEST_KEYS = ("text", "profile", "format", "allow", "document")
COMMENT_KEYS = ("export", "post", "name", "format")
EXPORT_FORMATS = ("auto", "csv", "jsonl")
JSON_TYPE = "application/json; charset=utf-8"
# What the page is made of, and the types it is served as.
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/common.js": ("common.js", "text/javascript; charset=utf-8"),
    "/comments.js": ("comments.js", "text/javascript; charset=utf-8"),
    "/platforms.json": ("platforms.json", "application/json; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
# The page loads nothing from anywhere else, and may not be framed by another site.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class RequestError(Exception):
    """A request the API refuses: answered as ``{"error": message, "status": code}``."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None, *, close: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.close = close  # the connection cannot carry another request (its body could not be read)


class CheckService:
    """Warm linters (one per profile and lint worker) and a bounded pool that lints, a document at a time.

    A check of a document the page names (``"document"``) supersedes the earlier check of it
    still waiting or running; one slow draft does not hold back the other pages' checks.
    """

    def __init__(
        self,
        folder: str | None = None,
        select: list[str] | None = None,
        workers: int | None = None,
        config_file: str | None = None,
    ) -> None:
        from .pool import DEFAULT_WORKERS, LintPool

        # A draft "lives" in the folder the server was started in, so the config
        # is discovered from there, as the CLI does for a file in that folder (unless --config names one).
        self.folder = os.path.abspath(folder or os.getcwd())
        self.select = select
        self.config_file = os.path.abspath(config_file) if config_file else None
        self._local = threading.local()  # each worker thread its own linters; spaCy itself is locked in nlp
        self.pool = LintPool(workers or DEFAULT_WORKERS, name="post-lint-serve")
        self._lock = threading.Lock()  # the config file, when the page writes to it
        self._generation = 0  # bumped when the page wrote the config: every worker reads it again

    def draft_path(self, fmt: str | None) -> str:
        return os.path.join(self.folder, "draft.md" if fmt == "markdown" else "draft.txt")

    def _linter(self, profile: str | None) -> Any:
        from .runner import Linter

        local = self._local.__dict__
        if local.get("generation") != self._generation:
            local["linters"], local["generation"] = {}, self._generation
        linters: dict[str | None, Any] = local["linters"]
        if profile not in linters:
            linters[profile] = Linter(profile=profile, select=self.select, config_file=self.config_file)
        return linters[profile]

    def _in_pool(self, key: object, run: Any) -> Any:
        """``run()`` on a lint worker; RequestError 409 when a newer check of the same document took its place."""
        from .pool import Cancelled

        try:
            return self.pool.submit(key, run).result()
        except Cancelled:
            raise RequestError(HTTPStatus.CONFLICT, "superseded by a newer check of the same document") from None

    def check(
        self,
        text: str,
        profile: str | None = None,
        fmt: str | None = None,
        allow: dict[str, list[str]] | None = None,
        document: str | None = None,
    ) -> str:
        """The ``--format json`` report for ``text``; ``profile`` None means the config's (or the front matter's)."""
        from .reporters import render
        from .serve_actions import allow_note, with_allowed

        path = self.draft_path(fmt)
        markdown = None if fmt is None else fmt == "markdown"

        def lint() -> Any:
            # The config comes from the server's folder; the draft is named as the page names it.
            linter = self._linter(profile)  # this worker's own: the allow list cannot leak to another draft
            given = linter.explicit_config
            if allow:  # the page's allow list: this draft only, for this one lint
                linter.explicit_config = with_allowed(linter.config_for(path), allow)
            try:
                return linter.lint_text(text, path, display_name=os.path.basename(path), markdown=markdown)
            finally:
                linter.explicit_config = given

        result = self._in_pool(("check", document) if document else object(), lint)
        if allow:
            result.notes["allowed on the page"] = allow_note(allow)
        return render(result, "json")

    def vocabulary(self, kind: str, value: str, write: bool = False) -> dict[str, object]:
        """Where a name or word goes in the config, and the line; written only with --config and ``write``."""
        from .serve_actions import add_to_config, config_line

        config = self._in_pool(object(), lambda: self._linter(None).config_for(self.draft_path("text")))
        if not write:
            return {**config_line(config, kind, value), "config": self.config_file, "written": False}
        if not self.config_file:
            raise RequestError(HTTPStatus.CONFLICT, "the page writes to a config only when serve was started with --config FILE")
        with self._lock:
            placed = add_to_config(Path(self.config_file), kind, value)
            self.reload_config()
        return {**placed, "config": self.config_file}

    def reload_config(self) -> None:
        """Every worker's next check reads the config afresh (the page, or a test, changed the file)."""
        self._generation += 1

    def comments(self, export: str, post: str = "", name: str = "comments.csv", fmt: str = "auto") -> str:
        """What ``post-lint comments --format json`` prints for an export; raises RequestError when it cannot be read."""
        from .api import COMMENTS
        from .comments import read_export, triage
        from .comments.report import render
        from .document import InputError

        label = os.path.basename(name) or "comments.csv"
        try:
            parsed = read_export(export.encode("utf-8"), label, fmt=fmt, post=post)
        except InputError as exc:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"{label}: {exc}") from None
        # The config is the server folder's, as for an export saved there.
        config_path = os.path.join(self.folder, label)
        result = self._in_pool(object(), lambda: triage(self._linter(COMMENTS), [parsed], config_path=config_path))
        return render(result, "json")

    def checks(self) -> list[dict[str, Any]]:
        """Every installed check (name, description, severity, policy, profiles), for the page's headings."""
        from .api import Check
        from .registry import load_checks

        loaded, broken = load_checks(self.select)  # no lock: it only imports, and must not wait for a check
        out: list[dict[str, Any]] = [
            {
                "name": c.name,
                "description": c.description,
                "severity": c.severity,
                "policy": c.policy,
                "profiles": list(c.profiles),
                "rules": dict(c.declared_rules),  # rule id -> summary (from rules or rules.toml)
            }
            for c in loaded
            if isinstance(c, Check)
        ]
        out += [{"name": b.name, "description": "", "broken": b.reason} for b in broken]
        return out

    def validate_config(self) -> None:
        """Load and validate the config a draft would get; raises ConfigError."""
        self._linter(None).config_for(self.draft_path("text"))

    def warm_up(self) -> None:
        """Lint a short text once per profile, so the first real check does not pay for loading spaCy."""
        for profile in PROFILES:
            self.check("Warming up.", profile)
        self.comments("text\nWarming up.\n")


def parse_request(body: bytes) -> tuple[str, str | None, str | None, dict[str, list[str]], str | None]:
    """(text, profile, format, allow, document id) from a JSON request body; raises RequestError."""
    from .serve_actions import ActionError, parse_allow

    data = _json_object(body, '{"text": "...", "profile": "official"}')
    unknown = sorted(set(data) - set(REQUEST_KEYS))
    if unknown:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"unknown key {unknown[0]!r}: the keys are {', '.join(REQUEST_KEYS)}")
    text = data.get("text")
    if not isinstance(text, str):
        got = "nothing" if text is None else type(text).__name__
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'text' must be a string holding the draft, got {got}")
    if not text.strip():
        raise RequestError(HTTPStatus.BAD_REQUEST, "'text' is empty: there is no draft to check")
    profile = data.get("profile")
    if profile is not None and profile not in PROFILES:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'profile' must be one of {', '.join(PROFILES)}, got {profile!r}")
    fmt = data.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'format' must be one of {', '.join(FORMATS)}, got {fmt!r}")
    try:
        allow = parse_allow(data.get("allow"))
    except ActionError as exc:
        raise RequestError(HTTPStatus.BAD_REQUEST, str(exc)) from None
    document = data.get("document")
    if document is not None and (not isinstance(document, str) or not 0 < len(document) <= MAX_DOCUMENT_ID):
        raise RequestError(
            HTTPStatus.BAD_REQUEST, f"'document' must be a string of 1 to {MAX_DOCUMENT_ID} characters naming the draft"
        )
    return text, profile, fmt, allow, document


def parse_comments_request(body: bytes) -> tuple[str, str, str, str]:
    """(export, post, name, format) from a JSON request body; raises RequestError."""
    data = _json_object(body, '{"export": "id,author,text\\n1,Ann,Thanks!", "post": "..."}')
    unknown = sorted(set(data) - set(COMMENT_KEYS))
    if unknown:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"unknown key {unknown[0]!r}: the keys are {', '.join(COMMENT_KEYS)}")
    export = data.get("export")
    if not isinstance(export, str) or not export.strip():
        raise RequestError(
            HTTPStatus.BAD_REQUEST, "'export' must hold the comments: a CSV or JSON Lines export, one comment a row"
        )
    values = {key: data.get(key, default) for key, default in (("post", ""), ("name", "comments.csv"), ("format", "auto"))}
    for key, value in values.items():
        if not isinstance(value, str):
            raise RequestError(HTTPStatus.BAD_REQUEST, f"'{key}' must be a string, got {type(value).__name__}")
    if values["format"] not in EXPORT_FORMATS:
        raise RequestError(
            HTTPStatus.BAD_REQUEST, f"'format' must be one of {', '.join(EXPORT_FORMATS)}, got {values['format']!r}"
        )
    return export, values["post"], values["name"], values["format"]


def _json_object(body: bytes, example: str) -> dict[str, Any]:
    """A request body's JSON object; raises RequestError that says what to send."""
    if not body.strip():
        raise RequestError(HTTPStatus.BAD_REQUEST, f"empty request: send a JSON object such as {example}")
    try:
        decoded = body.decode("utf-8")
        _refuse_deep(decoded)
        data = json.loads(decoded, parse_int=_bounded_int, parse_float=_bounded_float)
    except UnicodeDecodeError as exc:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"the body is not UTF-8 (bad byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"invalid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:  # _refuse_deep should have caught it; never a 500
        raise RequestError(HTTPStatus.BAD_REQUEST, "invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise RequestError(HTTPStatus.BAD_REQUEST, f"the body must be a JSON object, got {type(data).__name__}")
    return data


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _refuse_deep(text: str) -> None:
    """RequestError 400 when arrays and objects nest deeper than MAX_JSON_DEPTH (json would recurse until it crashed)."""
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"invalid JSON: nested more than {MAX_JSON_DEPTH} levels deep")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"invalid JSON: a number of {len(digits):,} digits; no value is that long")
    return int(digits)


def _bounded_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"invalid JSON: a number of {len(digits):,} characters; no value is that long")
    return float(digits)


@dataclass(frozen=True)
class Request:
    """What routing needs of an HTTP request."""

    method: str
    target: str  # the path, perhaps with a query or fragment
    headers: Mapping[str, str] | Message = field(default_factory=dict)
    body: bytes | None = b""  # None: not read (chunked, no valid length, or over the limit)

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0].split("#", 1)[0]

    def header(self, name: str) -> str:
        """A header's value ('' when absent), whatever its case."""
        return next((str(v) for k, v in self.headers.items() if k.lower() == name.lower()), "")


@dataclass(frozen=True)
class Response:
    status: HTTPStatus
    body: bytes = b""
    content_type: str = JSON_TYPE
    headers: Mapping[str, str] = field(default_factory=dict)
    close: bool = False  # close the connection after answering
    log: str = ""  # an internal error to show in the terminal (never the draft)


def content_length(value: str | None) -> int:
    """A Content-Length header's byte count; none (and no Transfer-Encoding) is an empty body (RFC 9112, 6.3); -1 when invalid."""
    try:
        return int(value or "0")
    except ValueError:
        return -1


class App:
    """The page and the API as a function from a request to a response; the HTTP handler only carries bytes."""

    def __init__(self, service: CheckService, *, max_body: int = DEFAULT_MAX_BODY, loopback_only: bool = True) -> None:
        self.service = service
        self.max_body = max_body
        self.loopback_only = loopback_only

    def route(self, request: Request) -> Response:
        """The answer to ``request``: the page, a JSON report, or a JSON error that says what to do."""
        try:
            self._check_host(request)
            return self._endpoint(request)
        except RequestError as exc:
            return _error(exc)
        except Exception as exc:  # a crash must still answer, or the page waits forever
            error = _error(RequestError(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}: {exc}"))
            return replace(error, log=f"internal error on {request.method} {request.path}: {exc!r}")

    def _endpoint(self, request: Request) -> Response:
        path, method = request.path, request.method
        if path in STATIC_FILES:
            _require(method, "GET")
            name, content_type = STATIC_FILES[path]
            return Response(HTTPStatus.OK, (resources.files("post_lint.web") / name).read_bytes(), content_type)
        if path == "/api/check":
            _require(method, "POST")
            return self._check(request)
        if path == "/api/comments":
            _require(method, "POST")
            return self._comments(request)
        if path == "/api/vocabulary":
            _require(method, "POST")
            return self._vocabulary(request)
        if path == "/api/checks":
            _require(method, "GET")
            return Response(HTTPStatus.OK, json.dumps(self.service.checks(), ensure_ascii=False).encode("utf-8"))
        raise RequestError(HTTPStatus.NOT_FOUND, f"no such page: {path}; the page is at / and the API at POST /api/check")

    def _check_host(self, request: Request) -> None:
        """On loopback, answer only to loopback names: another web site cannot reach the API by DNS rebinding."""
        if not self.loopback_only:
            return
        host = request.header("Host").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in LOOPBACK_NAMES:
            raise RequestError(
                HTTPStatus.MISDIRECTED_REQUEST, f"unexpected Host {host!r}: open the page at http://127.0.0.1:PORT/"
            )

    def _check(self, request: Request) -> Response:
        self._accept_json(request, "the draft", "a post is far shorter: check it in parts")
        text, profile, fmt, allow, document = parse_request(request.body or b"")
        started = time.perf_counter()
        # Only what the page sent is passed on: a stand-in service need not know allow or document.
        extra: dict[str, Any] = {"allow": allow} if allow else {}
        if document:
            extra["document"] = document
        report = self.service.check(text, profile, fmt, **extra)
        elapsed = (time.perf_counter() - started) * 1000
        return Response(HTTPStatus.OK, report.encode("utf-8"), headers={"Server-Timing": f"lint;dur={elapsed:.1f}"})

    def _comments(self, request: Request) -> Response:
        self._accept_json(request, "the export", "check it in parts")
        export, post, name, fmt = parse_comments_request(request.body or b"")
        started = time.perf_counter()
        report = self.service.comments(export, post, name, fmt)
        elapsed = (time.perf_counter() - started) * 1000
        return Response(HTTPStatus.OK, report.encode("utf-8"), headers={"Server-Timing": f"lint;dur={elapsed:.1f}"})

    def _vocabulary(self, request: Request) -> Response:
        from .config import ConfigError
        from .serve_actions import ActionError

        self._accept_json(request, "the request", "send one name or word")
        data = _json_object(request.body or b"", '{"kind": "words", "value": "Skogquist"}')
        value = data.get("value")
        if not isinstance(value, str):
            raise RequestError(HTTPStatus.BAD_REQUEST, "'value' must be a string: the name or word to add")
        try:
            answer = self.service.vocabulary(str(data.get("kind")), value, data.get("write") is True)
        except ActionError as exc:
            raise RequestError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        except ConfigError as exc:
            raise RequestError(HTTPStatus.CONFLICT, str(exc)) from None
        return Response(HTTPStatus.OK, json.dumps(answer, ensure_ascii=False).encode("utf-8"))

    def _accept_json(self, request: Request, what: str, advice: str) -> None:
        """Refuse a body that is chunked, of no valid length, not JSON, or over the limit."""
        if request.header("Transfer-Encoding"):
            raise RequestError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length, not chunked", close=True)
        length = content_length(request.header("Content-Length"))
        if length < 0:
            raise RequestError(HTTPStatus.BAD_REQUEST, "the Content-Length header is not a byte count", close=True)
        content_type = request.header("Content-Type").split(";", 1)[0].strip().lower()
        if content_type != "application/json":
            raise RequestError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"send {what} as JSON with 'Content-Type: application/json' (got {content_type or 'no Content-Type'})",
            )
        if length > self.max_body:
            raise RequestError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"{what} is {length:,} bytes, over the {self.max_body:,}-byte limit; {advice}, "
                "or start the server with a larger --max-body",
            )


def _require(method: str, allowed: str) -> None:
    if method == "HEAD" and allowed == "GET":
        return
    if method != allowed:
        allow = "GET, HEAD" if allowed == "GET" else allowed
        raise RequestError(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not allowed here; use {allowed}", {"Allow": allow})


def _error(exc: RequestError) -> Response:
    payload = json.dumps({"error": exc.message, "status": int(exc.status)}, ensure_ascii=False)
    return Response(exc.status, payload.encode("utf-8"), headers=exc.headers, close=exc.close)


class Handler(BaseHTTPRequestHandler):
    """Reads a request's body when it may, asks :class:`App` for the answer, and writes it."""

    server: PostLintServer
    protocol_version = "HTTP/1.1"  # keep-alive: the page checks as the user types
    disable_nagle_algorithm = True  # headers and body go out in two writes: don't wait 40 ms on the second

    def version_string(self) -> str:
        return "post-lint"

    def setup(self) -> None:
        # Every read and write on the connection gives up after this long: a client that sends
        # half a request (or keeps an idle connection) cannot hold a thread for good.
        super().setup()
        self.connection.settimeout(self.server.connection_timeout)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError) as exc:  # the client went away or fell silent: nothing to answer
            self.close_connection = True
            if self.server.verbose:
                self.log_message("connection dropped: %s", type(exc).__name__)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    def _dispatch(self, method: str) -> None:
        body = self._read_body()
        response = self.server.app.route(Request(method, self.path, self.headers, body))
        if response.log:
            self.log_error("%s", response.log)
        if body is None:
            # A body left unread must not be read as the next request on this connection.
            self._discard()
        self.close_connection = self.close_connection or response.close
        self._send(response, head=method == "HEAD")

    def _read_body(self) -> bytes | None:
        """The body, when it has a valid length within the limit; else None (it stays unread)."""
        length = content_length(self.headers.get("Content-Length"))
        if self.headers.get("Transfer-Encoding") or length < 0 or length > self.server.app.max_body:
            return None
        return self.rfile.read(length) if length else b""

    def _discard(self) -> None:
        """Read and drop a refused body, so the client (a browser's fetch) gets the error, not a reset."""
        self.close_connection = True
        chunked = bool(self.headers.get("Transfer-Encoding"))
        remaining = 0 if chunked else min(content_length(self.headers.get("Content-Length")), DRAIN_LIMIT)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def _send(self, response: Response, *, head: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for key, value in {**response.headers, **SECURITY_HEADERS}.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def log_error(self, format: str, *args: Any) -> None:
        # Errors are always shown in the terminal, never the drafts themselves; a client that
        # fell silent is routine (the connection is closed), shown only with --verbose.
        if format.startswith("Request timed out") and not self.server.verbose:
            return
        super().log_message(format, *args)


class PostLintServer(ThreadingHTTPServer):
    """A thread per connection, at most ``max_connections`` of them; the next connection is answered 503 at once."""

    daemon_threads = True
    request_queue_size = 128  # a burst waits to be accepted (and answered 503) rather than having its SYNs dropped

    def __init__(
        self,
        address: tuple[str, int],
        service: CheckService,
        *,
        max_body: int = DEFAULT_MAX_BODY,
        verbose: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.service = service
        self.max_body = max_body
        self.verbose = verbose
        self.connection_timeout = timeout
        self.max_connections = max_connections
        self._slots = threading.BoundedSemaphore(max_connections)
        self.loopback_only = address[0] in LOOPBACK_NAMES
        self.app = App(service, max_body=max_body, loopback_only=self.loopback_only)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse_busy(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread started: give its slot back
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse_busy(self, request: socket.socket) -> None:
        """503 on a connection over the limit, written from the accepting thread (a few hundred bytes, never waited on)."""
        body = json.dumps(
            {"error": f"the server is busy ({self.max_connections} connections open); try again in a moment", "status": 503}
        ).encode("utf-8")
        head = (
            f"HTTP/1.1 503 Service Unavailable\r\nContent-Type: {JSON_TYPE}\r\nContent-Length: {len(body)}\r\n"
            "Retry-After: 1\r\nConnection: close\r\n\r\n"
        )
        try:
            request.settimeout(0.5)
            request.sendall(head.encode("ascii") + body)
            request.setblocking(False)
            request.recv(65536)  # what the client sent: closing with it unread would reset, losing the 503
        except OSError:
            pass  # nothing to read, or it left already
        self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up mid-answer is routine: no traceback (300 dropped connections printed 600).
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = host if isinstance(host, str) else host.decode()
        if shown in ("0.0.0.0", "::"):
            shown = "127.0.0.1"
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"


def make_server(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    folder: str | None = None,
    select: list[str] | None = None,
    verbose: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
    workers: int | None = None,
    config_file: str | None = None,
) -> PostLintServer:
    """A ready server (not yet serving): ``port`` 0 picks a free port, see ``server.url``."""
    return PostLintServer(
        (host, port),
        CheckService(folder, select, workers, config_file),
        max_body=max_body,
        verbose=verbose,
        timeout=timeout,
        max_connections=max_connections,
    )


@click.command("serve")
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on; keep 127.0.0.1 so only this computer can reach the page.",
)
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY,
    show_default=True,
    type=click.IntRange(1),
    metavar="BYTES",
    help="Largest draft accepted, in bytes.",
)
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    help="Close a connection that stays silent this long (mid-request or idle).",
)
@click.option(
    "--max-connections",
    default=DEFAULT_MAX_CONNECTIONS,
    show_default=True,
    type=click.IntRange(1),
    metavar="N",
    help="Connections served at once; more are answered 503 (busy) at once.",
)
@click.option("--workers", type=click.IntRange(1), metavar="N", help="Drafts linted side by side [default: 2].")
@click.option("--verbose", is_flag=True, help="Log every request (never the drafts) to the terminal.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this config file instead of discovering one; the page may add a name or word to it when you confirm.",
)
def command(
    host: str,
    port: int,
    open_browser: bool,
    max_body: int,
    timeout: float,
    max_connections: int,
    workers: int | None,
    verbose: bool,
    config_file: str | None,
) -> None:
    """Check drafts in a web page on this computer: paste a draft, see what to fix."""
    from .config import ConfigError

    service_folder = os.getcwd()
    try:
        server = make_server(
            host,
            port,
            max_body=max_body,
            folder=service_folder,
            verbose=verbose,
            timeout=timeout,
            max_connections=max_connections,
            workers=workers,
            config_file=config_file,
        )
    except OSError as exc:
        hint = (
            " (it is in use: stop the other server, or pick another --port, or --port 0 for any free one)"
            if exc.errno == errno.EADDRINUSE
            else ""
        )
        click.echo(f"post-lint: error: cannot listen on {host}:{port}: {exc.strerror or exc}{hint}", err=True)
        sys.exit(2)
    # A broken config is reported now, in the terminal, as the CLI would.
    try:
        server.service.validate_config()
    except ConfigError as exc:
        click.echo(f"post-lint: error: {exc}", err=True)
        server.server_close()
        sys.exit(2)

    click.echo(f"post-lint is checking drafts at {server.url}")
    click.echo(
        f"Open that address in your web browser. Settings come from {config_file or service_folder}. Press Ctrl+C to stop."
    )
    if not server.loopback_only:
        click.echo(
            f"warning: listening on {host}: other computers can reach this page, and drafts typed there are sent to this one",
            err=True,
        )
    threading.Thread(target=_warm_up, args=(server.service,), daemon=True, name="post-lint-warm-up").start()
    if open_browser:
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("\nStopped.")
    finally:
        server.server_close()


def _warm_up(service: CheckService) -> None:
    try:
        service.warm_up()
    except Exception as exc:  # the first real check will report it properly
        click.echo(f"post-lint: warning: warming up failed: {type(exc).__name__}: {exc}", err=True)
