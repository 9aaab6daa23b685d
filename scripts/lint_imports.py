"""Check the import contracts in .importlinter with import-linter's ``lint-imports``.

    python scripts/lint_imports.py [--root DIR] [lint-imports options...]

import-linter finds a package's modules by walking its folder, so it cannot see
``post_lint.checks``: that package lives in ``checks/`` and is mapped into
``post_lint`` by setup.cfg's ``package_dir``. This script copies the Python
sources into a temporary folder laid out as they are installed
(``post_lint/``, ``post_lint/checks/``) and runs ``lint-imports`` there with
the repository's contracts file. The exit code is lint-imports' own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _only_python(folder: str, names: list[str]) -> list[str]:
    """shutil.copytree ignore callback: keep sub-folders and .py files, skip data and caches."""
    return [n for n in names if n == "__pycache__" or (not n.endswith(".py") and not os.path.isdir(os.path.join(folder, n)))]


def stage(root: Path, dest: Path) -> None:
    """Lay out ``root``'s sources under ``dest`` as they are installed."""
    shutil.copytree(root / "post_lint", dest / "post_lint", ignore=_only_python)
    shutil.copytree(root / "checks", dest / "post_lint" / "checks", ignore=_only_python)


def lint_imports_command() -> list[str]:
    # The lint-imports beside this interpreter (a virtualenv's bin/), else the one on PATH.
    beside = Path(sys.executable).with_name("lint-imports")
    return [str(beside) if beside.exists() else "lint-imports"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to check (default: this one)")
    args, rest = parser.parse_known_args(argv)
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="post-lint-imports-") as tmp:
        stage(root, Path(tmp))
        # The staged copy comes first on the path, before any installed or editable post_lint.
        env = {**os.environ, "PYTHONPATH": tmp}
        command = [*lint_imports_command(), "--no-logo", "--no-cache", *rest, str(root / ".importlinter")]
        return subprocess.run(command, cwd=tmp, env=env, stdin=subprocess.DEVNULL).returncode


if __name__ == "__main__":
    sys.exit(main())
