"""post-lint with a home folder it cannot write to (a locked-down desktop, a CI runner, a container).

Its caches (the findings cache, the entry-point scan, LanguageTool's state) live under
$XDG_CACHE_HOME or ~/.cache; when they cannot be written the run must give the same
findings and exit code as with a writable home: no traceback, at most one note.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

POSTS = {
    "parade.md": "Join us for the parade 🎉 on Saturday!\nQuestions? Call Jim Porter at 763-555-0142.\n",
    "notice.txt": "The pool is closed today for repairs. We will reopen tomorrow at 9 a.m.\n",
}


def _tree(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size if p.is_file() else -1) for p in folder.rglob("*"))


def _run(posts: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("POST_LINT_", "XDG_"))}
    return subprocess.run(
        [sys.executable, "-m", "post_lint", "--format", "json", *args, "."],
        cwd=posts,
        env={**base, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / ".git").mkdir()  # a repository root: config discovery stops here
    for name, text in POSTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _locked_home(tmp_path: Path, how: str) -> tuple[Path, dict[str, str]]:
    home = tmp_path / "home"
    home.mkdir()
    if how == "file-in-the-way":
        # Root ignores permission bits: a file where the cache folder would go stops everyone.
        (home / ".cache").write_text("not a folder\n", encoding="utf-8")
        env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    else:
        (home / ".cache").mkdir()
        env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    for folder in (home / ".cache", home):
        if folder.is_dir():
            folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    return home, env


@pytest.mark.slow
@pytest.mark.parametrize("how", ["file-in-the-way", "read-only-folders"])
@pytest.mark.parametrize("args", [(), ("--select", "emoji,personal-data,links,hidden-text")], ids=["all-checks", "no-spacy"])
def test_lint_with_a_read_only_home_gives_the_same_findings_and_exit_code(
    tmp_path: Path, posts: Path, how: str, args: tuple[str, ...]
) -> None:
    if how == "read-only-folders" and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes through permission bits; file-in-the-way covers root")
    writable = tmp_path / "writable-cache"
    reference = _run(posts, {"XDG_CACHE_HOME": str(writable), "HOME": str(tmp_path)}, *args)
    home, env = _locked_home(tmp_path, how)
    before = _tree(home)
    try:
        locked = _run(posts, env, *args)
        again = _run(posts, env, *args)  # the second run cannot replay from a cache that was never written
    finally:
        for folder in (home, home / ".cache"):
            if folder.is_dir():
                folder.chmod(stat.S_IRWXU)  # so pytest can remove tmp_path
    assert reference.returncode == 1, reference.stderr
    for run in (locked, again):
        assert "Traceback" not in run.stderr, run.stderr
        assert run.returncode == reference.returncode, run.stderr
        assert json.loads(run.stdout)["findings"] == json.loads(reference.stdout)["findings"]
        assert len([line for line in run.stderr.splitlines() if "cache" in line.lower()]) <= 1, run.stderr
    assert _tree(home) == before  # nothing was written into the home folder
