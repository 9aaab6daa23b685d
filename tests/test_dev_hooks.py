"""The repository's own pre-commit hooks (.pre-commit-config.yaml) run offline and catch what CI catches.

Run with `pre-commit run --all-files` in a git snapshot of this checkout's Python
sources and configs, never in the checkout itself (ruff format would rewrite files).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".pre-commit-config.yaml"
HOOK_IDS = ["ruff", "ruff-format", "lint-imports"]

needs_tools = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None,
    reason="needs git and pre-commit (pip install -e '.[test]')",
)


def test_every_hook_is_local_so_nothing_is_downloaded() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert [hook["id"] for hook in hooks] == HOOK_IDS
    assert {hook["language"] for hook in hooks} == {"system"}


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The hooks are `language: system`: they find ruff and lint-imports beside this Python.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env.update(GIT_AUTHOR_NAME="Dev", GIT_AUTHOR_EMAIL="dev@example.org", GIT_CONFIG_NOSYSTEM="1")
    env.update(GIT_COMMITTER_NAME="Dev", GIT_COMMITTER_EMAIL="dev@example.org")
    return env


def _snapshot(dest: Path, env: dict[str, str]) -> None:
    """The files the hooks read, as a fresh git repository with everything added."""
    for folder in ("post_lint", "checks", "scripts"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in (".pre-commit-config.yaml", ".importlinter", "pyproject.toml", "setup.cfg"):
        shutil.copy(ROOT / name, dest / name)
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True, capture_output=True)


def _run_hooks(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@needs_tools
def test_hooks_pass_on_the_sources_and_fail_on_an_unformatted_file_and_a_check_importing_another(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "repo"
    _snapshot(repo, env)

    clean = _run_hooks(repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 3

    with open(repo / "checks" / "emoji" / "__init__.py", "a", encoding="utf-8") as f:
        f.write("\nfrom post_lint.checks.opinion import CHECK as _OPINION  # noqa: E402\nx = [1,2]\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True, capture_output=True)
    broken = _run_hooks(repo, env)
    assert broken.returncode == 1
    assert "ruff format" in broken.stdout and "1 file reformatted" in broken.stdout
    assert "post_lint.checks.emoji -> post_lint.checks.opinion" in broken.stdout
