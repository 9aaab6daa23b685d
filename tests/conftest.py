from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# `python -m pytest` puts the repository root on sys.path. From there checks/ would import
# a second time as top-level `checks.opinion` beside the installed `post_lint.checks.opinion`
# (two copies of its module state and caches), and post_lint itself would come from the
# folder rather than the installation its entry points name. Tests import only the installed
# package (`pip install -e .` maps it back to this checkout); test_module_names.py checks it.
sys.path[:] = [entry for entry in sys.path if Path(entry or os.curdir).resolve() != ROOT]


def run_cli(
    *args: str, input: str | bytes | None = None, cwd: Path | str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the real ``post-lint`` in a subprocess (as a user, a hook or an editor would)."""
    # Each run lints afresh unless a test asks for the cache (test_cache.py does).
    full_env = {**os.environ, "NO_COLOR": "1", "POST_LINT_NO_CACHE": "1", **(env or {})}
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "post_lint", *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def cli():
    return run_cli


@contextmanager
def serving(folder: str | Path, **kwargs: Any) -> Iterator[Any]:
    """A `post-lint serve` server on a free loopback port, in a thread, for the test's duration."""
    from post_lint.serve import make_server

    server = make_server("127.0.0.1", 0, folder=str(folder), **kwargs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
