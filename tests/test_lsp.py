"""The language server in a real LSP session: `post-lint lsp` spawned, JSON-RPC over stdio.

Most sessions select only the emoji check (no spaCy) through
initializationOptions; one session runs the default (every check) to show the
server survives the whole set. About 30 s for the module on a busy 2-core machine.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")
pytestmark = pytest.mark.slow  # starts servers: about 3 s a session here (importing lsprotocol is 1 s of it)

# An astral emoji (🎉, two UTF-16 units, four UTF-8 bytes) before the finding under test.
POST = "🎉 Big news for Anoka!\nOur dogs 🐶 love the new off-leash park by the river, so come and see it this weekend.\n"
DOG = POST.index("🐶")
LINE_1 = POST.index("\n") + 1


def units(text: str, encoding: str) -> int:
    """Independent reference for LSP code units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


class LspClient:
    """Just enough of an LSP client: framing, requests, notifications, a message queue."""

    def __init__(self, cwd: Path, args: tuple[str, ...] = ()) -> None:
        env = dict(os.environ, NO_COLOR="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "post_lint", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.backlog: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float) -> dict[str, Any]:
        if self.backlog:
            return self.backlog.pop(0)
        try:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            stderr = b""
            if self.process.poll() is not None and self.process.stderr:
                stderr = self.process.stderr.read()
            raise AssertionError(f"no message from the server in time; stderr: {stderr.decode(errors='replace')}") from None
        if "id" in message and "method" in message:  # a request from the server: answer it
            self.send({"id": message["id"], "result": None})
        return message

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self.send({"id": request_id, "method": method, "params": params})
        deadline, skipped = time.monotonic() + timeout, []
        while True:
            message = self._next(deadline)
            if message.get("id") == request_id and "method" not in message:
                self.backlog = skipped + self.backlog
                assert "error" not in message, message["error"]
                return message.get("result")
            skipped.append(message)

    def wait_for(self, method: str, timeout: float = 30, **match: Any) -> dict[str, Any]:
        """The next notification ``method`` whose params include ``match``."""
        deadline, skipped = time.monotonic() + timeout, []
        while True:
            message = self._next(deadline)
            params = message.get("params") or {}
            if message.get("method") == method and all(params.get(k) == v for k, v in match.items()):
                self.backlog = skipped + self.backlog
                return params
            skipped.append(message)

    def drain(self, method: str, quiet_for: float) -> list[dict[str, Any]]:
        """Every ``method`` notification until the server has been quiet for ``quiet_for`` seconds."""
        found = [m["params"] for m in self.backlog if m.get("method") == method]
        self.backlog = []
        while True:
            try:
                message = self.messages.get(timeout=quiet_for)
            except queue.Empty:
                return found
            if message.get("method") == method:
                found.append(message["params"])

    def initialize(self, root: Path, encodings: list[str] | None, options: dict[str, Any] | None) -> dict[str, Any]:
        capabilities: dict[str, Any] = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities,
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    return tmp_path


def _open(client: LspClient, uri: str, text: str, version: int = 1, language: str = "markdown") -> None:
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}
    )


def _change(client: LspClient, uri: str, text: str, version: int) -> None:
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
    )


def _apply(text: str, edit: dict[str, Any], encoding: str) -> str:
    """Apply one TextEdit the way a client does, converting its units."""

    def offset(position: dict[str, int]) -> int:
        lines = text.split("\n")
        base = sum(len(line) + 1 for line in lines[: position["line"]])
        line = lines[position["line"]]
        for count in range(len(line) + 1):
            if units(line[:count], encoding) >= position["character"]:
                return base + count
        return base + len(line)

    start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:start] + edit["newText"] + text[end:]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8"])
def test_session_positions_hover_and_quick_fix_after_astral_emoji(workspace: Path, encoding: str) -> None:
    client = LspClient(workspace)
    try:
        init = client.initialize(workspace, [encoding], {"select": ["emoji"]})
        assert init["capabilities"]["positionEncoding"] == encoding
        assert init["serverInfo"]["name"] == "post-lint"
        uri = (workspace / "posts" / "park.md").as_uri()
        _open(client, uri, POST)

        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert published["version"] == 1
        dog = [d for d in published["diagnostics"] if d["code"] == "emoji/inline"]
        assert len(dog) == 1, published["diagnostics"]
        expected_start = units(POST[LINE_1:DOG], encoding)
        assert dog[0]["range"] == {
            "start": {"line": 1, "character": expected_start},
            "end": {"line": 1, "character": expected_start + units("🐶", encoding)},
        }
        assert dog[0]["severity"] == 2 and dog[0]["source"] == "post-lint"
        assert "emoji inside a sentence" in dog[0]["message"]

        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": dog[0]["range"]["start"]})
        assert "emoji/inline" in hover["contents"]["value"]
        assert "Improve content accessibility by limiting the use of emoji." in hover["contents"]["value"]
        assert hover["range"] == dog[0]["range"]
        nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 1}})
        assert nothing is None

        actions = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": dog[0]["range"], "context": {"diagnostics": [dog[0]]}},
        )
        assert [a["title"] for a in actions] == ["Replace “🐶” with “dog” (emoji/inline)"]
        assert actions[0]["kind"] == "quickfix"
        fixed = _apply(POST, actions[0]["edit"]["changes"][uri][0], encoding)
        assert fixed == POST.replace("🐶 ", "dog ")

        # The client applies the fix; the next diagnostics no longer flag it.
        _change(client, uri, fixed, 2)
        after = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)
        assert [d for d in after["diagnostics"] if d["code"] == "emoji/inline"] == []
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_default_encoding_is_utf16_when_the_client_names_none(workspace: Path) -> None:
    client = LspClient(workspace)
    try:
        init = client.initialize(workspace, None, {"select": ["emoji"]})
        assert init["capabilities"]["positionEncoding"] == "utf-16"
        uri = (workspace / "posts" / "park.txt").as_uri()
        _open(client, uri, POST, language="plaintext")
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        start = [d for d in published["diagnostics"] if d["code"] == "emoji/inline"][0]["range"]["start"]
        assert start == {"line": 1, "character": units(POST[LINE_1:DOG], "utf-16")}
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_typing_is_debounced_and_only_the_latest_text_is_published(workspace: Path) -> None:
    client = LspClient(workspace, ("--debounce", "0.4"))
    try:
        client.initialize(workspace, ["utf-16"], {"select": ["emoji"]})
        uri = (workspace / "posts" / "draft.md").as_uri()
        _open(client, uri, "Hello")
        assert client.wait_for("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []
        text = ""
        for version, ch in enumerate("We 🎉 the fair", start=2):  # one change a keystroke
            text += ch
            _change(client, uri, text, version)
            time.sleep(0.01)
        published = client.drain("textDocument/publishDiagnostics", quiet_for=1.5)
        assert len(published) == 1, published
        assert published[0]["version"] == version
        assert [d["code"] for d in published[0]["diagnostics"]] == ["emoji/inline"]
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_config_is_discovered_from_the_document_path_and_reloaded_on_save(workspace: Path) -> None:
    (workspace / "posts" / ".post-lint.toml").write_text("[emoji]\nmax-count = 1\ninline = false\n", encoding="utf-8")
    client = LspClient(workspace)
    try:
        client.initialize(workspace, ["utf-16"], {"select": ["emoji"]})
        inside = (workspace / "posts" / "fair.md").as_uri()
        outside = (workspace / "fair.md").as_uri()
        text = "County fair this weekend 🎡 with rides 🎢 and food for everyone.\n"
        _open(client, inside, text)
        _open(client, outside, text)
        codes = {}
        for _ in range(2):
            params = client.wait_for("textDocument/publishDiagnostics")
            codes[params["uri"]] = sorted(d["code"] for d in params["diagnostics"])
        assert codes[inside] == ["emoji/count"]  # max-count 1, inline off: from posts/.post-lint.toml
        assert codes[outside] == ["emoji/inline", "emoji/inline"]  # defaults

        config = workspace / "posts" / ".post-lint.toml"
        config.write_text("[emoji]\nmax-count = 5\ninline = false\n", encoding="utf-8")
        client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
        reloaded = client.wait_for("textDocument/publishDiagnostics", uri=inside)
        assert reloaded["diagnostics"] == []
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_broken_config_is_shown_as_a_diagnostic_not_a_crash(workspace: Path) -> None:
    (workspace / "posts" / ".post-lint.toml").write_text("[emoji]\nmax-cont = 1\n", encoding="utf-8")
    client = LspClient(workspace)
    try:
        client.initialize(workspace, ["utf-16"], {"select": ["emoji"]})
        uri = (workspace / "posts" / "fair.md").as_uri()
        _open(client, uri, "Hello 🎡")
        params = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        assert len(params["diagnostics"]) == 1
        assert "max-cont" in params["diagnostics"][0]["message"] and "max-count" in params["diagnostics"][0]["message"]
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_default_session_runs_every_check(workspace: Path) -> None:
    client = LspClient(workspace)
    try:
        client.initialize(workspace, ["utf-16", "utf-32"], None)
        uri = (workspace / "posts" / "park.md").as_uri()
        _open(client, uri, POST)
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=60)
        assert "emoji/inline" in [d["code"] for d in published["diagnostics"]]
        assert not [d for d in published["diagnostics"] if "crashed" in d["message"]]
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_hover_says_why_the_rule_matters_and_what_to_write_instead() -> None:
    from post_lint.lsp import policy_markdown
    from post_lint.model import Finding

    finding = Finding("emoji", "emoji/inline", "warning", "emoji inside a sentence", 3, 2, policy="V. Rules of Use")
    hover = policy_markdown(finding)
    assert '**Why:** "We ❤️ our volunteers" is heard as' in hover
    assert "**Instead:** Write the word" in hover
    # A rule the check does not document (a plugin's, or a check that failed to load) still hovers.
    assert policy_markdown(Finding("nope", "nope/x", "error", "m", 0, 1)).startswith("**post-lint** `nope/x` (error)")
