"""The language server's stdio loop: framing that recovers, and an error answer to every bad request.

pygls' own loop (``pygls.io_.run_async``) drops a request whose params do not
fit its type, or that comes after ``shutdown``, without answering it (the client
waits forever), and after a too-small ``Content-Length`` it reads the rest of that
body and every following body as header lines, so no message is understood again.
This loop:

- finds a ``Content-Length`` header at the end of any line, so after a bad length
  it resynchronises at the next message's header;
- answers a body that is not JSON with ParseError (id null, as JSON-RPC says), a
  request whose params do not fit with InvalidParams, and a request after
  ``shutdown`` with InvalidRequest (the LSP specification's words for both).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
from typing import Any

from lsprotocol.types import ResponseError
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.io_ import StdinAsyncReader, StdoutWriter

log = logging.getLogger("post_lint.lsp")

# At the end of a line, so a header glued to the tail of a mis-sized body is still found.
_CONTENT_LENGTH = re.compile(rb"Content-Length:[ \t]*(\d+)\r?\n\Z", re.IGNORECASE)
MAX_MESSAGE = 64_000_000  # bytes; a larger Content-Length is a broken header, not a message


def start_io(server: Any) -> None:
    """Serve ``server`` (a pygls LanguageServer) on stdin/stdout until exit or end of input."""
    server._stop_event = stop = threading.Event()
    reader = StdinAsyncReader(sys.stdin.buffer, server.thread_pool)
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        asyncio.run(read_messages(server, reader, stop))
    except BrokenPipeError:
        log.error("the editor closed the connection")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()


async def read_messages(server: Any, reader: Any, stop: threading.Event) -> None:
    """Frame messages off ``reader`` and hand each body to :func:`receive`."""
    length: int | None = None
    while not stop.is_set():
        line = await reader.readline()
        if not line:
            return
        found = _CONTENT_LENGTH.search(line)
        if found:  # a header (a newer one wins: the one before belonged to a broken message)
            length = int(found.group(1))
            if length > MAX_MESSAGE:
                log.error("ignoring a message of %d bytes", length)
                length = None
            continue
        if length is None or line.strip():
            continue  # another header (Content-Type), or bytes between messages: skipped
        body = await reader.readexactly(length) if length else b""
        if length and not body:
            return  # end of input mid-message
        length = None
        receive(server.protocol, body)


def receive(protocol: Any, body: bytes) -> None:
    """Parse and dispatch one message; answer a request that cannot be handled with a JSON-RPC error."""
    try:
        raw = json.loads(body)
    except (ValueError, RecursionError) as exc:
        log.error("a message that is not JSON (%s): resynchronising at the next header", exc)
        _answer(protocol, None, JsonRpcParseError(f"Parse Error: {exc}"))
        return
    request_id = raw.get("id") if isinstance(raw, dict) and "method" in raw else None
    if not isinstance(raw, dict) or raw.get("jsonrpc") != "2.0":
        _answer(protocol, raw.get("id") if isinstance(raw, dict) else None, JsonRpcInvalidRequest("not a JSON-RPC 2.0 message"))
        return
    if getattr(protocol, "_shutdown", False) and raw.get("method") not in (None, "exit"):
        if request_id is not None:
            _answer(protocol, request_id, JsonRpcInvalidRequest(f"the server is shut down: {raw['method']} refused"))
        return  # a notification after shutdown is dropped
    try:
        message = protocol.structure_message(raw)
    except Exception as exc:  # pygls raises JsonRpcInvalidParams (or InternalError) for params that do not fit
        if request_id is not None:
            why = str(exc.__cause__ or exc).splitlines()[0]
            _answer(protocol, request_id, JsonRpcInvalidParams(f"Invalid Params for {raw['method']}: {why}"))
        else:
            log.error("ignoring %s with invalid params", raw.get("method"))
        return
    try:
        protocol.handle_message(message)
    except Exception:  # pygls answers a handler's own errors; this is anything else: never stop serving
        log.exception("unable to handle %s", raw.get("method"))


def _answer(protocol: Any, request_id: Any, error: Any) -> None:
    protocol._send_response(request_id, error=ResponseError(code=error.code, message=error.message))
