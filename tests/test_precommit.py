"""The pre-commit hook, for real: a temporary posts repository installs the hook
from a copy of this checkout with `pre-commit` and commits through `git commit`.

Slow: pre-commit builds one virtualenv for the hook and pip-installs post-lint
into it, once per test session (shared through PRE_COMMIT_HOME). Measured here:
about 16 s for that build when the venv may see this interpreter's
site-packages (the default outside CI: spaCy and the other requirements are
then already there), about 60 s for a fully isolated install from PyPI (the
default under CI=true, or with POST_LINT_PRECOMMIT_ISOLATED=1), which proves
that ``install_requires`` is complete. Each commit afterwards takes 1-3 s.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CLEAN_POST = "The Anoka Aquatic Center opens for the season this Saturday at noon. Swim lessons start the week after.\n"
EMOJI_POST = "Fireworks tonight! 🎆🎆🎆🎆 See you at the riverfront.\n"

needs_tools = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("pre-commit") is None,
    reason="needs git and pre-commit (pip install pre-commit)",
)


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _quiet_git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="Comms Staff",
        GIT_AUTHOR_EMAIL="comms@example.org",
        GIT_COMMITTER_NAME="Comms Staff",
        GIT_COMMITTER_EMAIL="comms@example.org",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this checkout's working tree as one commit: (path, sha)."""
    source = tmp_path_factory.mktemp("post-lint-src")
    listing = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if listing.returncode == 0:
        for name in filter(None, listing.stdout.split("\0")):
            src = ROOT / name
            if src.is_file() and not name.startswith(("bench/node_modules/", "bench/results/")):
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, source / name)
    else:  # not a git checkout (an sdist): copy the tree
        shutil.copytree(
            ROOT,
            source,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", ".*_cache", "node_modules", "build"),
        )
    env = _quiet_git_env()
    # Branch main, as upstream: the docs' snippet says rev: main before autoupdate pins it.
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "--no-verify", "-m", "snapshot")):
        done = _git(source, *args, env=env)
        assert done.returncode == 0, done.stderr
    sha = _git(source, "rev-parse", "HEAD").stdout.strip()
    return source, sha


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for git and pre-commit: one PRE_COMMIT_HOME (one hook venv) for the session."""
    env = _quiet_git_env()
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["PRE_COMMIT_COLOR"] = "never"
    env["NO_COLOR"] = "1"
    isolated = os.environ.get("POST_LINT_PRECOMMIT_ISOLATED") or os.environ.get("CI")
    if not isolated:
        # Let the hook's venv see this interpreter's packages, so pip finds spaCy
        # and the model already installed instead of downloading them again.
        env["VIRTUALENV_SYSTEM_SITE_PACKAGES"] = "1"
    return env


def _posts_repo(path: Path, hook_source: tuple[Path, str], env: dict[str, str], args: list[str] | None) -> Path:
    source, sha = hook_source
    path.mkdir()
    assert _git(path, "init", "-q", env=env).returncode == 0
    hook = "      - id: post-lint\n"
    if args is not None:
        hook += f"        args: [{', '.join(args)}]\n"
    # The four lines a posts repository adds (plus the args line), pointing at the copy.
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source}\n    rev: {sha}\n    hooks:\n{hook}", encoding="utf-8"
    )
    installed = subprocess.run(["pre-commit", "install"], cwd=path, env=env, capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    _git(path, "add", ".pre-commit-config.yaml", env=env)
    return path


def _commit(repo: Path, env: dict[str, str], message: str = "post") -> subprocess.CompletedProcess[str]:
    # Real `git commit`, so the installed hook decides, as it will for staff.
    return _git(repo, "commit", "-m", message, env=env)


def _write(repo: Path, name: str, text: str) -> None:
    target = repo / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def emoji_repo(tmp_path_factory: pytest.TempPathFactory, hook_source: tuple[Path, str], hook_env: dict[str, str]) -> Path:
    """A posts repository whose hook runs only the (spaCy-free) emoji check and fails on warnings."""
    return _posts_repo(
        tmp_path_factory.mktemp("emoji") / "posts", hook_source, hook_env, ["--select", "emoji", "--fail-on", "warning"]
    )


@needs_tools
def test_clean_post_is_committed(emoji_repo: Path, hook_env: dict[str, str]) -> None:
    _write(emoji_repo, "posts/pool-opening.md", CLEAN_POST)
    _git(emoji_repo, "add", "posts/pool-opening.md", env=hook_env)
    done = _commit(emoji_repo, hook_env, "pool opening")
    assert done.returncode == 0, done.stdout + done.stderr
    # git shows the hook's report on stderr.
    assert "post-lint....." in done.stderr and "Passed" in done.stderr
    assert _git(emoji_repo, "log", "--oneline", "-1").stdout.strip().endswith("pool opening")


@needs_tools
def test_post_breaking_policy_is_blocked_and_finding_shown(emoji_repo: Path, hook_env: dict[str, str]) -> None:
    _write(emoji_repo, "posts/fireworks.md", EMOJI_POST)
    _git(emoji_repo, "add", "posts/fireworks.md", env=hook_env)
    before = _git(emoji_repo, "rev-parse", "HEAD").stdout
    done = _commit(emoji_repo, hook_env, "fireworks")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Failed" in output
    assert "posts/fireworks.md:1:20 warning emoji" in output
    assert "[emoji/run]" in output and "keep one" in output
    assert _git(emoji_repo, "rev-parse", "HEAD").stdout == before  # nothing was committed
    _git(emoji_repo, "rm", "-q", "--cached", "posts/fireworks.md", env=hook_env)
    (emoji_repo / "posts/fireworks.md").unlink()


@needs_tools
def test_only_staged_posts_are_linted(emoji_repo: Path, hook_env: dict[str, str]) -> None:
    # Committed clean, then broken in the working tree but not staged.
    _write(emoji_repo, "posts/library.md", CLEAN_POST.replace("Aquatic Center", "library"))
    _git(emoji_repo, "add", "posts/library.md", env=hook_env)
    assert _commit(emoji_repo, hook_env, "library").returncode == 0
    _write(emoji_repo, "posts/library.md", EMOJI_POST)
    # Untracked broken post, and a staged file that is not a post (the hook's `files` pattern).
    _write(emoji_repo, "posts/draft-not-added.md", EMOJI_POST)
    _write(emoji_repo, "scripts/party.py", f"BANNER = {EMOJI_POST.strip()!r}\n")
    _write(emoji_repo, "posts/parade.txt", CLEAN_POST.replace("Aquatic Center", "parade route"))
    _git(emoji_repo, "add", "scripts/party.py", "posts/parade.txt", env=hook_env)

    done = _commit(emoji_repo, hook_env, "parade")
    assert done.returncode == 0, done.stdout + done.stderr
    # The unstaged change is back in the working tree, untouched.
    assert (emoji_repo / "posts/library.md").read_text(encoding="utf-8") == EMOJI_POST

    # Staging the broken one now makes the next commit fail, naming only that file.
    _git(emoji_repo, "add", "posts/library.md", env=hook_env)
    blocked = _commit(emoji_repo, hook_env, "library again")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert "posts/library.md:1:" in output
    assert "draft-not-added" not in output and "party.py" not in output and "parade.txt" not in output
    _git(emoji_repo, "checkout", "-q", "HEAD", "--", "posts/library.md", env=hook_env)


@needs_tools
def test_default_hook_runs_every_check_with_the_project_config(
    tmp_path: Path, hook_source: tuple[Path, str], hook_env: dict[str, str]
) -> None:
    repo = _posts_repo(tmp_path / "posts", hook_source, hook_env, None)
    # The project config is found from the staged file's path, as on the command line.
    _write(repo, ".post-lint.toml", 'fail-on = "warning"\n\n[emoji]\nmax-count = 3\n')
    _write(repo, "posts/pool-opening.md", CLEAN_POST)
    _git(repo, "add", ".post-lint.toml", "posts/pool-opening.md", env=hook_env)
    done = _commit(repo, hook_env, "pool")
    assert done.returncode == 0, done.stdout + done.stderr

    _write(repo, "posts/fireworks.md", EMOJI_POST)
    _git(repo, "add", "posts/fireworks.md", env=hook_env)
    blocked = _commit(repo, hook_env, "fireworks")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "posts/fireworks.md:1:20 warning emoji" in output
    assert "crashed" not in output


PARADE_POST = "Join us for the parade 🎉 on Main Street this Saturday at ten.\n"  # an emoji inside a sentence


@needs_tools
def test_warnings_are_shown_on_a_passing_commit(tmp_path: Path, hook_source: tuple[Path, str], hook_env: dict[str, str]) -> None:
    repo = _posts_repo(tmp_path / "posts", hook_source, hook_env, ["--select", "emoji"])
    _write(repo, "posts/parade.md", PARADE_POST)
    _git(repo, "add", "posts/parade.md", env=hook_env)
    done = _commit(repo, hook_env, "parade")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output  # warnings do not block (fail-on error)...
    assert "Passed" in output
    assert "posts/parade.md:1:" in output and "warning emoji" in output  # ...but they are shown
    assert "Found 1 problem in 1 file" in output


@needs_tools
def test_readme_changelog_license_and_excluded_files_are_left_out(
    tmp_path: Path, hook_source: tuple[Path, str], hook_env: dict[str, str]
) -> None:
    repo = _posts_repo(tmp_path / "posts", hook_source, hook_env, ["--select", "emoji", "--fail-on", "warning"])
    _write(repo, ".post-lint.toml", 'extend-exclude = ["archive/*"]\n')
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "docs/readme.txt", "archive/2019-fireworks.md"):
        _write(repo, name, EMOJI_POST)
    _write(repo, "posts/pool.md", CLEAN_POST)
    _git(repo, "add", "-A", env=hook_env)
    done = _commit(repo, hook_env, "repository files")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "All clear: no problems in 1 file." in output
    assert "Excluded by the config's 'exclude' patterns:" in output and "archive/2019-fireworks.md" in output
    assert "[emoji/run]" not in output


@needs_tools
def test_docs_setup_snippet_works_after_autoupdate(
    tmp_path: Path, hook_source: tuple[Path, str], hook_env: dict[str, str]
) -> None:
    """The four lines of docs/precommit.md, as written, then the documented autoupdate step.

    pre-commit cannot reach GitHub here, so the URL is swapped for a local clone, as the
    docs' "Without access to GitHub" paragraph says.
    """
    source, sha = hook_source
    docs = (ROOT / "docs" / "precommit.md").read_text(encoding="utf-8")
    snippet = textwrap.dedent(re.search(r"```yaml\n(.*?)```", docs, re.S).group(1))
    url = "https://github.com/post-lint/post-lint"
    assert url in snippet and f"pre-commit autoupdate --repo {url}" in docs
    repo = tmp_path / "posts"
    repo.mkdir()
    assert _git(repo, "init", "-q", env=hook_env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(snippet.replace(url, str(source)), encoding="utf-8")
    update = subprocess.run(
        ["pre-commit", "autoupdate", "--repo", str(source)], cwd=repo, env=hook_env, capture_output=True, text=True
    )
    assert update.returncode == 0, update.stdout + update.stderr
    pinned = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {sha}" in pinned  # no release tag in the copy: the newest commit
    assert subprocess.run(["pre-commit", "install"], cwd=repo, env=hook_env, capture_output=True).returncode == 0
    _write(repo, "posts/pool.md", CLEAN_POST)
    _git(repo, "add", "-A", env=hook_env)
    done = _commit(repo, hook_env, "pool")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "post-lint....." in done.stderr and "Passed" in done.stderr
