"""Reliability under hostile and careless input (issue 20), the servers and the output: items 7, 14, 15, 16."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli

from post_lint import config as config_module
from post_lint.runner import Linter


@pytest.fixture(autouse=True)
def _fresh_discovery() -> None:
    config_module._discovered.clear()


# -- 14: what a file name or a post holds never drives the terminal ----------------------

EVIL = "evil\x1b[2J\x1b]0;pwned\x07\rname.txt"  # clear screen, set title, carriage return


def _evil_result() -> object:
    return Linter(select=["emoji"]).lint_text("We ❤️ our volunteers!", EVIL)


@pytest.mark.parametrize("fmt", ["text", "line"])
def test_control_characters_in_file_names_are_escaped_in_text_and_line_output(fmt: str) -> None:
    from post_lint.reporters import render

    output = render(_evil_result(), fmt)
    assert not any(ch in output for ch in "\x1b\x07\r"), repr(output)
    assert "evil\\x1b[2J\\x1b]0;pwned\\x07\\x0dname.txt:1:4" in output
    if fmt == "line":
        assert len(output.splitlines()) == 1


def test_sarif_artifact_uris_are_percent_encoded() -> None:
    import json
    from urllib.parse import unquote, urlsplit

    from post_lint.formats.sarif import artifact_uri
    from post_lint.reporters import render

    sarif = json.loads(render(_evil_result(), "sarif"))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "evil%1B%5B2J%1B%5D0%3Bpwned%07%0Dname.txt"
    assert unquote(uri) == EVIL
    assert artifact_uri("posts/a b#1?.md") == "posts/a%20b%231%3F.md"
    assert urlsplit(artifact_uri("c:post.md")).scheme == ""  # not read as a scheme
    assert artifact_uri("/srv/posts/ünï.md") == "file:///srv/posts/%C3%BCn%C3%AF.md"


@pytest.mark.parametrize("breaker", ["\x0c", "\x85", "\x0b", "\u2028"])
def test_form_feed_and_nel_do_not_shift_the_snippet(breaker: str) -> None:
    from post_lint.reporters import render

    text = f"One{breaker}two we ❤️ you\nnext line"
    result = Linter(select=["emoji"]).lint_text(text, "p.txt")
    [finding] = result.findings
    assert (finding.line, finding.column) == (1, text.index("❤") + 1)
    lines = render(result, "text").splitlines()
    source, carets = next((lines[i], lines[i + 1]) for i, line in enumerate(lines) if line.startswith("   1 | "))
    assert breaker not in source  # shown as a dot: the terminal moves nothing
    assert source[carets.index("^")] == "❤"


# -- 15: sub-command names win over paths; init never writes through a dangling link ----


def test_a_folder_named_lsp_does_not_stop_the_lsp_command(tmp_path: Path) -> None:
    (tmp_path / "lsp").mkdir()
    (tmp_path / "lsp" / "post.txt").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli("lsp", "--help", cwd=tmp_path)
    assert proc.returncode == 0 and "language server" in proc.stdout, proc.stdout + proc.stderr


def test_a_file_named_serve_does_not_stop_the_serve_command(tmp_path: Path) -> None:
    (tmp_path / "serve").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli("serve", "--help", cwd=tmp_path)
    assert proc.returncode == 0 and "--max-body" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("args", [("--", "lsp"), ("./lsp",)])
def test_a_path_named_like_a_command_is_linted_after_dashes_or_as_dot_slash(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "lsp").mkdir()
    (tmp_path / "lsp" / "post.txt").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli(*args, "--select", "emoji", cwd=tmp_path) if args[0] != "--" else run_cli(*args, cwd=tmp_path)
    assert proc.returncode in (0, 1) and "post.txt:1:4" in proc.stdout, proc.stdout + proc.stderr


def test_init_refuses_to_write_through_a_dangling_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.toml"
    (tmp_path / "elsewhere").mkdir()
    project = tmp_path / "project"
    project.mkdir()
    os.symlink(elsewhere, project / ".post-lint.toml")
    proc = run_cli("init", "--no-input", "--force", str(project), cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "symbolic link" in proc.stderr
    assert not elsewhere.exists()


# -- checks registered on the fly: slow ones, to hold a lint worker ----------------------

SLOW_STEPS = 6  # slow checks; each sleeps STEP seconds on a text that holds SLOW
STEP = 0.4
RAN: list[str] = []  # (check name, text) of every slow check that ran


def _slow_check(name: str) -> object:
    import time

    from post_lint.api import Check

    def run(doc: object, ctx: object) -> list:
        text = doc.text  # type: ignore[attr-defined]
        if "SLOW" in text:
            RAN.append(f"{name}:{text}")
            time.sleep(STEP)
        return []

    return Check(name, "sleeps on SLOW", "warning", "V. Rules of Use", "clause", run)


@pytest.fixture
def slow_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Checks slow1..slowN next to the installed ones (as tests/test_api.py registers its own)."""
    from post_lint import registry

    real = registry._entry_points
    names = [f"slow{i}" for i in range(1, SLOW_STEPS + 1)]
    checks = {name: _slow_check(name) for name in names}

    class _EP:
        def __init__(self, name: str) -> None:
            self.name, self.value = name, f"tests:{name}"

        def load(self) -> object:
            return checks[self.name]

    def patched(group: str) -> dict:
        found = dict(real(group))
        if group == registry.CHECK_GROUP:
            found.update({name: _EP(name) for name in names})
        return found

    monkeypatch.setattr(registry, "_entry_points", patched)
    registry.load_check.cache_clear()
    RAN.clear()
    yield names
    registry.load_check.cache_clear()


def _wait_until(condition: object, timeout: float = 20) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


# -- 7: serve under half-open connections, hang-ups and absurd JSON ----------------------


def _post(server: object, payload: dict, timeout: float = 30) -> tuple[int, dict, float]:
    import http.client
    import json
    import time

    host, port = server.server_address[:2]  # type: ignore[attr-defined]
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    started = time.monotonic()
    try:
        conn.request("POST", "/api/check", json.dumps(payload).encode(), {"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, json.loads(response.read()), time.monotonic() - started
    finally:
        conn.close()


def test_half_sent_requests_are_capped_answered_503_and_timed_out(tmp_path: Path) -> None:
    import socket
    import threading
    import time

    from conftest import serving

    before = threading.active_count()
    with serving(tmp_path, select=["emoji"], timeout=3.0, max_connections=8) as server:
        host, port = server.server_address[:2]
        started = time.monotonic()
        held = []
        for _ in range(40):  # half a request each: headers never finished
            sock = socket.create_connection((host, port), timeout=5)
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n")
            held.append(sock)
        time.sleep(0.3)
        assert threading.active_count() <= before + 1 + 8  # the serving thread and one per connection served
        answers = []
        for sock in held:
            sock.settimeout(0.05)
            try:
                answers.append(sock.recv(200))
            except TimeoutError:
                answers.append(None)  # still held: its thread waits for the rest of the request
        assert sum(1 for a in answers if a and a.startswith(b"HTTP/1.1 503")) == 32 and answers.count(None) == 8
        assert time.monotonic() - started < 3
        time.sleep(max(0.0, started + 3.5 - time.monotonic()))  # the held ones time out and are closed
        for sock, answer in zip(held, answers, strict=True):
            if answer is None:
                sock.settimeout(2)
                assert sock.recv(100) == b""
            sock.close()
        status, report, _ = _post(server, {"text": "We ❤️ you"})
        assert status == 200 and report["findings"]


def test_clients_that_hang_up_leave_no_tracebacks(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import json
    import socket
    import struct

    from conftest import serving

    body = json.dumps({"text": "We ❤️ you " * 20000}).encode()
    with serving(tmp_path, select=["emoji"]) as server:
        host, port = server.server_address[:2]
        for _ in range(30):
            sock = socket.create_connection((host, port), timeout=5)
            head = f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            sock.sendall(head.encode() + body[: len(body) // 2])
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not a clean close
            sock.close()
        for _ in range(10):
            sock = socket.create_connection((host, port), timeout=5)
            head = f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            sock.sendall(head.encode() + body)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
        status, _, _ = _post(server, {"text": "Hello."})
        assert status == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err, err[:2000]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested"),
        (b'{"text": "hi", "profile": ' + b"7" * 5000 + b"}", "5,000 digits"),
    ],
)
def test_deep_json_and_absurd_numbers_are_400_with_one_line(body: bytes, says: str) -> None:
    import json

    from post_lint.serve import App, Request, Response

    class _Service:
        def check(self, *args: object, **kwargs: object) -> str:
            raise AssertionError("never linted")

    sent = {"Host": "127.0.0.1", "Content-Type": "application/json", "Content-Length": str(len(body))}
    response: Response = App(_Service(), max_body=10**6).route(Request("POST", "/api/check", sent, body))  # type: ignore[arg-type]
    error = json.loads(response.body)["error"]
    assert response.status == 400 and says in error and "\n" not in error


# -- beyond the items: a bounded lint pool, per-document superseding ----------------------


def test_serve_a_slow_draft_does_not_hold_back_another(tmp_path: Path, slow_checks: list[str]) -> None:
    import threading

    from conftest import serving

    with serving(tmp_path, select=["emoji", *slow_checks]) as server:
        _post(server, {"text": "Warm up."})
        slow: list = []
        worker = threading.Thread(target=lambda: slow.append(_post(server, {"text": "SLOW draft", "document": "a"})))
        worker.start()
        _wait_until(lambda: bool(RAN) or not worker.is_alive())
        status, report, took = _post(server, {"text": "We ❤️ you", "document": "b"})
        worker.join()
    assert status == 200 and report["findings"] and took < SLOW_STEPS * STEP / 2
    assert slow[0][0] == 200 and slow[0][2] >= SLOW_STEPS * STEP


def test_serve_a_newer_check_of_the_same_draft_supersedes_the_running_one(tmp_path: Path, slow_checks: list[str]) -> None:
    import threading

    from conftest import serving

    with serving(tmp_path, select=["emoji", *slow_checks]) as server:
        _post(server, {"text": "Warm up."})
        old: list = []
        worker = threading.Thread(target=lambda: old.append(_post(server, {"text": "SLOW v1", "document": "a"})))
        worker.start()
        _wait_until(lambda: bool(RAN) or not worker.is_alive())
        status, report, took = _post(server, {"text": "We ❤️ you, v2", "document": "a"})
        worker.join()
    assert status == 200 and report["findings"]
    assert took < 3 * STEP  # waited for one slow check at most, not all of them
    assert old[0][0] == 409 and "superseded" in old[0][1]["error"]
    assert len([r for r in RAN if r.endswith("SLOW v1")]) < SLOW_STEPS


# -- 16: the language server answers every request and survives bad framing ---------------


def _lsp(workspace: Path, options: dict | None, *args: str) -> object:
    pytest.importorskip("pygls")
    from test_lsp import LspClient

    client = LspClient(workspace, args)
    client.initialize(workspace, ["utf-16"], options)
    return client


def _raw_request(client: object, method: str, params: object, request_id: int = 900, timeout: float = 15) -> dict:
    """The response to a request, error or not (LspClient.request asserts there is no error)."""
    import time

    client.send({"id": request_id, "method": method, "params": params})  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while True:
        message = client._next(deadline)  # type: ignore[attr-defined]
        if message.get("id") == request_id and "method" not in message:
            return message


def _end(client: object) -> None:
    process = client.process  # type: ignore[attr-defined]
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


@pytest.mark.slow
def test_lsp_an_invalid_profile_is_shown_and_the_configs_profile_used(tmp_path: Path) -> None:
    from test_lsp import _open

    client = _lsp(tmp_path, {"select": ["emoji"], "profile": "offical"})
    try:
        shown = client.wait_for("window/showMessage", timeout=15)  # type: ignore[attr-defined]
        assert "offical" in shown["message"] and shown["type"] == 2  # Warning
        uri = (tmp_path / "post.md").as_uri()
        _open(client, uri, "We ❤️ our volunteers!")  # type: ignore[arg-type]
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)  # type: ignore[attr-defined]
        assert [d["code"] for d in published["diagnostics"]] == ["emoji/inline"]
    finally:
        _end(client)


@pytest.mark.slow
def test_lsp_invalid_params_and_requests_after_shutdown_get_error_responses(tmp_path: Path) -> None:
    client = _lsp(tmp_path, {"select": ["emoji"]})
    try:
        bad = _raw_request(client, "textDocument/hover", {"textDocument": {"uri": 5}, "position": "top"}, 901)
        assert bad["error"]["code"] == -32602
        assert _raw_request(client, "shutdown", None, 902).get("result", "missing") is None
        late = _raw_request(
            client, "textDocument/hover", {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}}, 903
        )
        assert late["error"]["code"] == -32600
    finally:
        _end(client)


@pytest.mark.slow
def test_lsp_a_too_small_content_length_does_not_desync_the_stream(tmp_path: Path) -> None:
    import json

    client = _lsp(tmp_path, {"select": ["emoji"]})
    try:
        body = json.dumps({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {}}}).encode()
        stdin = client.process.stdin  # type: ignore[attr-defined]
        stdin.write(b"Content-Length: %d\r\n\r\n" % (len(body) - 10) + body)
        stdin.flush()
        for request_id in (904, 905):  # the first may be answered by a parse error for the tail; the next is clean
            reply = _raw_request(
                client,
                "textDocument/hover",
                {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}},
                request_id,
            )
            assert "error" not in reply and reply["result"] is None
    finally:
        _end(client)


# -- beyond the items: the language server's pool, with a slow check installed --------------

_SLOW_PLUGIN = """
import os, time
from post_lint.api import Check

def _run(name):
    def run(doc, ctx):
        if "SLOW" in doc.text:
            with open(os.environ["SLOW_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{name}\\t{doc.text.splitlines()[0]}\\n")
            time.sleep(STEP)
        return []
    return run

STEP = {step}
""" + "".join(
    f'SLOW{i} = Check("slow{i}", "sleeps", "warning", "V. Rules of Use", "clause", _run("slow{i}"))\n'
    for i in range(1, SLOW_STEPS + 1)
)


@pytest.fixture
def slow_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution on PYTHONPATH whose entry points add checks slow1..slowN to the spawned server."""
    site = tmp_path / "site"
    info = site / "slowcheck-0.0.dist-info"
    info.mkdir(parents=True)
    (site / "slowcheck.py").write_text(_SLOW_PLUGIN.replace("{step}", str(STEP)), encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slowcheck\nVersion: 0.0\n", encoding="utf-8")
    points = "".join(f"slow{i} = slowcheck:SLOW{i}\n" for i in range(1, SLOW_STEPS + 1))
    (info / "entry_points.txt").write_text("[post_lint.checks]\n" + points, encoding="utf-8")
    log = tmp_path / "slow.log"
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")])))
    monkeypatch.setenv("SLOW_LOG", str(log))
    return log


SLOW_OPTIONS = {"select": ["emoji", *(f"slow{i}" for i in range(1, SLOW_STEPS + 1))], "debounce": 0}


@pytest.mark.slow
def test_lsp_a_slow_document_does_not_delay_another(tmp_path: Path, slow_plugin: Path) -> None:
    from test_lsp import _open

    client = _lsp(tmp_path, SLOW_OPTIONS)
    try:
        slow, quick = (tmp_path / "slow.md").as_uri(), (tmp_path / "quick.md").as_uri()
        _open(client, slow, "SLOW draft\n")  # type: ignore[arg-type]
        _wait_until(lambda: slow_plugin.read_text(encoding="utf-8"))
        _open(client, quick, "We ❤️ you\n")  # type: ignore[arg-type]
        first = client.wait_for("textDocument/publishDiagnostics", timeout=30)  # type: ignore[attr-defined]
        assert first["uri"] == quick and [d["code"] for d in first["diagnostics"]] == ["emoji/inline"]
        assert client.wait_for("textDocument/publishDiagnostics", uri=slow, timeout=30)["diagnostics"] == []  # type: ignore[attr-defined]
    finally:
        _end(client)


@pytest.mark.slow
def test_lsp_a_new_version_supersedes_the_lint_of_the_old(tmp_path: Path, slow_plugin: Path) -> None:
    import time

    from test_lsp import _change, _open

    client = _lsp(tmp_path, SLOW_OPTIONS)
    try:
        uri = (tmp_path / "draft.md").as_uri()
        _open(client, uri, "SLOW v1\n")  # type: ignore[arg-type]
        _wait_until(lambda: slow_plugin.read_text(encoding="utf-8"))
        changed = time.monotonic()
        _change(client, uri, "We ❤️ you, v2\n", 2)  # type: ignore[arg-type]
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=30)  # type: ignore[attr-defined]
        took = time.monotonic() - changed
        assert published["version"] == 2 and [d["code"] for d in published["diagnostics"]] == ["emoji/inline"]
        assert took < (SLOW_STEPS - 2) * STEP, took  # the old lint stopped at the next check, not after all of them
        time.sleep(SLOW_STEPS * STEP)
        assert len(slow_plugin.read_text(encoding="utf-8").splitlines()) < SLOW_STEPS
    finally:
        _end(client)
