"""The shared background LanguageTool that engine = "auto" starts on first need.

A small Python process plays LanguageTool's HTTP server (its command line names
``org.languagetool.server.HTTPServer``, as post-lint checks); everything else is
real: the lock, the state file in a temporary cache, the watchdog process that
warms the server up and stops it when idle.
"""

from __future__ import annotations

import multiprocessing
import socket
import sys
import textwrap
import time
from pathlib import Path

import pytest
from post_lint.checks import grammar
from post_lint.checks.grammar import languagetool as lt

from post_lint.config import Config
from post_lint.runner import Linter

pytestmark = pytest.mark.slow

_FAKE = textwrap.dedent(
    """
    import json, os, sys, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    with open(os.environ["FAKE_LT_STARTS"], "a") as log:
        log.write(f"{os.getpid()}\\n")
    time.sleep(float(os.environ.get("FAKE_LT_DELAY", "0")))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, data):
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"}])

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._send({"software": {"name": "LanguageTool", "version": "6.6-fake"}, "matches": []})

    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[sys.argv.index("--port") + 1])), Handler).serve_forever()
    """
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def fake_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A temporary cache, an 'installed' LanguageTool whose server is the fake above, autostart allowed."""
    script = tmp_path / "fake_lt.py"
    script.write_text(_FAKE, encoding="utf-8")
    starts = tmp_path / "starts.log"
    starts.touch()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("FAKE_LT_STARTS", str(starts))
    monkeypatch.setenv("POST_LINT_AUTOSTART", "1")
    monkeypatch.setattr(lt, "find_installation", lambda version=lt.VERSION: ("fake.jar", "a fake install"))
    monkeypatch.setattr(lt, "find_java", lambda: sys.executable)
    monkeypatch.setattr(
        lt,
        "server_command",
        lambda java, classpath, port: [sys.executable, str(script), "org.languagetool.server.HTTPServer", "--port", str(port)],
    )
    grammar._sessions.clear()
    yield starts
    grammar._sessions.clear()
    lt.stop_server()


def _linter(port: int, **options: object) -> Linter:
    grammar._sessions.clear()  # each Linter stands for a new run
    data = {"grammar": {"engine": "auto", "port": port, "timeout": 5, "start-wait": 10, **options}}
    return Linter(select=["grammar"], config=Config(data=data))


def _starts(log: Path) -> int:
    return len(log.read_text().split())


def _concurrent_run(port: int, queue: multiprocessing.Queue) -> None:
    result = _linter(port).lint_text("Please come to the park.", path="post.txt")
    queue.put(result.notes["grammar engine"])


def test_two_concurrent_runs_start_one_shared_server(fake_install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LT_DELAY", "1")  # both runs arrive while it is still starting
    port = _free_port()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    runs = [context.Process(target=_concurrent_run, args=(port, queue)) for _ in range(2)]
    for run in runs:
        run.start()
    notes = [queue.get(timeout=60) for _ in runs]
    for run in runs:
        run.join(timeout=30)
    assert _starts(fake_install) == 1
    assert all(note.startswith("LanguageTool 6.6-fake") for note in notes), notes
    assert sum("started for this run" in note for note in notes) == 1


def test_later_runs_reuse_the_server_and_say_so(fake_install: Path) -> None:
    port = _free_port()
    first = _linter(port).lint_text("Please come to the park.", path="post.txt")
    assert "started for this run" in first.notes["grammar engine"]
    pid = lt.read_state()["pid"]
    second = _linter(port).lint_text("Please come to the pool.", path="post.txt")
    assert "shared local server" in second.notes["grammar engine"]
    assert "started" not in second.notes["grammar engine"]
    assert lt.read_state()["pid"] == pid and _starts(fake_install) == 1


def test_server_stops_itself_when_idle(fake_install: Path) -> None:
    port = _free_port()
    _linter(port, **{"idle-stop": 0.05}).lint_text("Please come to the park.", path="post.txt")  # 3 s
    # The pid from the fake server's own log: on a loaded machine it may already have stopped
    # (and cleared its state) by the time the run returns, which is what is tested.
    pid = int(fake_install.read_text().split()[0])
    deadline = time.monotonic() + 20
    while lt.read_state() is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert lt.read_state() is None
    assert not lt._is_our_server(pid)
    assert not lt.answers(f"http://127.0.0.1:{port}")


def test_a_run_that_finds_it_still_starting_uses_builtin_and_says_so(fake_install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LT_DELAY", "5")
    port = _free_port()
    result = _linter(port, **{"start-wait": 0.5}).lint_text("Please dont litter.", path="post.txt")
    assert [f.rule for f in result.findings] == ["grammar/apostrophe"]
    note = result.notes["grammar engine"]
    assert note.startswith("builtin (offline rules), because LanguageTool is not ready yet")
    assert "later runs will use it" in note
    assert lt.read_state() is not None  # it keeps starting for the next run


def test_auto_without_java_falls_back_to_builtin_with_a_note(fake_install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lt, "find_java", lambda: None)
    result = _linter(_free_port()).lint_text("Please dont litter.", path="post.txt")
    assert [f.rule for f in result.findings] == ["grammar/apostrophe"]
    assert "needs Java 17 or newer, and none was found" in result.notes["grammar engine"]
    assert _starts(fake_install) == 0


@pytest.mark.parametrize("options", [{"engine": "builtin"}, {"autostart": False}])
def test_builtin_engine_or_autostart_off_never_starts_a_server(fake_install: Path, options: dict) -> None:
    result = _linter(_free_port(), **options).lint_text("Please come to the park.", path="post.txt")
    assert result.notes["grammar engine"].startswith("builtin")
    assert _starts(fake_install) == 0 and lt.read_state() is None


def test_autostart_is_off_under_pytest_unless_asked(fake_install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POST_LINT_AUTOSTART")
    result = _linter(_free_port()).lint_text("Please come to the park.", path="post.txt")
    assert "autostart is off under pytest" in result.notes["grammar engine"]
    assert _starts(fake_install) == 0
