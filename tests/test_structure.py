"""The code's shape: small functions, and the layers importing only downwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ("post_lint.runner", "post_lint.run", "post_lint.plan", "post_lint.inputs", "post_lint.cache")


def test_reporters_never_import_the_engine() -> None:
    code = (
        "import sys\n"
        "import post_lint.reporters, post_lint.formats.text, post_lint.formats.machine, post_lint.formats.sarif\n"
        f"print(sorted(m for m in sys.modules if m in {ENGINE!r}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
