"""The shared LanguageTool server's watchdog: warm it up, then stop it once it sits idle.

    python -m post_lint.checks.grammar.watchdog PID PORT IDLE_SECONDS

Started beside the server by ``languagetool.ensure_server`` (in its own session,
so it outlives the run that started it). It sends the first check, which loads
LanguageTool's English rules (10-30 s), and only then marks the server ``warm`` in
the state file, so no run's timed request pays for that. Every run that uses the
server touches ``languagetool-server.used``; when that file is older than
IDLE_SECONDS (0: never) the watchdog stops the server and removes the state file.
It exits when the server does.
"""

from __future__ import annotations

import json
import sys
import time

from . import languagetool as lt

_WARM_UP_TIMEOUT = 300.0


def _ours(pid: int) -> dict | None:
    try:
        state = json.loads(lt.state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("pid") == pid else None


def _forget(pid: int) -> None:
    if _ours(pid) is not None:
        lt.state_path().unlink(missing_ok=True)


def warm_up(pid: int, port: int) -> bool:
    """Wait for the server to answer, send it a first check, mark it warm. False when it died."""
    url = f"http://{lt.LOOPBACK}:{port}"
    deadline = time.monotonic() + _WARM_UP_TIMEOUT
    while lt._is_our_server(pid) and time.monotonic() < deadline:
        if lt.answers(url, timeout=1.0):
            try:
                lt.Client(url, _WARM_UP_TIMEOUT).check("Warm up.")
            except lt.LanguageToolError:
                time.sleep(0.5)
                continue
            state = _ours(pid)
            if state is None:
                return False  # stopped meanwhile ('post-lint languagetool stop')
            state["warm"] = True
            state["warm_after"] = round(time.time() - float(state.get("started", time.time())), 1)
            lt.write_state(state)
            return True
        time.sleep(0.25)
    return False


def watch(pid: int, port: int, idle: float) -> None:
    if not warm_up(pid, port):
        if lt._is_our_server(pid):
            lt.terminate(pid)  # never answered in five minutes: not worth keeping 1 GB for
        _forget(pid)
        return
    lt.mark_used()  # the idle time counts from when it could first be used
    step = min(max(idle / 10, 0.2), 15.0) if idle > 0 else 15.0
    while True:
        time.sleep(step)
        if not lt._is_our_server(pid) or _ours(pid) is None:
            _forget(pid)
            return
        if idle > 0 and time.time() - lt.last_used() > idle:
            lt.terminate(pid)
            _forget(pid)
            return


def main(argv: list[str]) -> int:
    pid, port, idle = int(argv[0]), int(argv[1]), float(argv[2])
    watch(pid, port, idle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
