"""The import contracts in .importlinter hold, and they would catch a violation.

Checks stay independent of each other, the core never imports a check, and
neither the text layer nor the output formats import the engine. ``scripts/lint_imports.py`` runs
import-linter's ``lint-imports`` on the sources laid out as installed. No skip when
import-linter is missing: it is in the test extra, and a guard that quietly
vanishes guards nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "lint_imports.py"


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root)], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120
    )


def test_the_repository_keeps_every_import_contract() -> None:
    proc = _lint_imports(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 kept, 0 broken" in proc.stdout


def test_a_check_importing_another_and_the_core_importing_a_check_break_the_contracts(tmp_path: Path) -> None:
    # A copy of the sources with one violation of each contract appended.
    for name in ("post_lint", "checks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.txt", "*.json*"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
    with open(tmp_path / "checks" / "emoji" / "__init__.py", "a", encoding="utf-8") as f:
        f.write("\nfrom post_lint.checks.opinion import CHECK as _OPINION  # noqa\n")
    with open(tmp_path / "post_lint" / "docs.py", "a", encoding="utf-8") as f:
        f.write("\nfrom post_lint.checks import links as _links  # noqa\n")
    with open(tmp_path / "post_lint" / "text" / "words.py", "a", encoding="utf-8") as f:
        f.write("\nfrom post_lint.reporters import render as _render  # noqa\n")
    with open(tmp_path / "post_lint" / "formats" / "text.py", "a", encoding="utf-8") as f:
        f.write("\nfrom post_lint.runner import Linter as _Linter  # noqa\n")

    proc = _lint_imports(tmp_path)

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "0 kept, 4 broken" in proc.stdout
    assert "post_lint.checks.emoji -> post_lint.checks.opinion" in proc.stdout
    assert "post_lint.docs -> post_lint.checks.links" in proc.stdout
    assert "post_lint.text.words -> post_lint.reporters" in proc.stdout
    assert "post_lint.formats.text -> post_lint.runner" in proc.stdout
