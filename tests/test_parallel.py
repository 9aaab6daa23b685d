"""--jobs: many files linted in forked workers give exactly what one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from post_lint import parallel
from post_lint.runner import Linter

POSTS = [
    "We ❤️ our volunteers! Call John Smith at 555-867-5309.",
    "The parade starts at 10 a.m. on Main Street. Their going to love it.",
    "Vote for the mayor's party on Tuesday!!! 🎉🎉🎉🎉",
    "I think the council's decision to cut the library budget is terrible.",
    "Visit http://bit.ly/abc123 for details about the road work.",
    "Plain and harmless: the pool opens on Saturday.",
    "Email jane.doe@example.com with your questions about recycling.",
    "Your invited to the open house at City Hall next week.",
]

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked")


def _write_posts(folder: Path, copies: int = 3) -> list[str]:
    paths = []
    for i in range(copies):
        for j, text in enumerate(POSTS):
            path = folder / f"post-{i:02d}-{j:02d}.{'md' if j % 2 else 'txt'}"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
    (folder / "broken.txt").write_bytes(b"\xff\xfe\xfa not text \x00\x81")
    return paths


def test_jobs_1_and_2_print_identical_output_and_exit_code(tmp_path: Path) -> None:
    _write_posts(tmp_path)
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("json", "text"):
            done = run_cli("--jobs", jobs, "-f", fmt, str(tmp_path))
            outputs[jobs, fmt] = (done.returncode, done.stdout, done.stderr)
    assert outputs["1", "json"] == outputs["2", "json"]
    assert outputs["1", "text"] == outputs["2", "text"]
    code, stdout, _ = outputs["2", "json"]
    assert code in (1, 2) and json.loads(stdout)["findings"]


def test_forked_workers_match_one_process_in_order_including_small_batches(tmp_path: Path) -> None:
    paths = _write_posts(tmp_path)
    one = Linter(jobs=1).lint_files(paths, batch_size=5)
    many = Linter(jobs=2).lint_files(paths, batch_size=5)
    assert many.findings == one.findings
    assert many.problems == one.problems and many.skipped == one.skipped
    assert many.files == one.files and many.checks_run == one.checks_run
    assert many.exit_code == one.exit_code


def test_progress_counts_every_file_once_with_workers(tmp_path: Path) -> None:
    paths = _write_posts(tmp_path, copies=2) + [str(tmp_path / "missing.txt")]
    seen: list[int] = []
    Linter(jobs=2).lint_files(paths, progress=seen.append)
    assert sum(seen) == len(paths)


def test_workers_fill_the_cache_one_process_replays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POST_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    posts = tmp_path / "posts"
    posts.mkdir()
    paths = _write_posts(posts, copies=1)
    # Checks whose findings are always cached (grammar's are not while LanguageTool answers).
    select = ["emoji", "names", "personal-data", "links"]
    fresh = Linter(jobs=2, cache=True, select=select).lint_files(paths)
    assert len(list((tmp_path / "cache").rglob("*.json"))) >= len(POSTS)
    replayed = Linter(jobs=1, cache=True, select=select).lint_files(paths)
    assert replayed.findings == fresh.findings


def test_one_file_stays_in_process() -> None:
    assert not parallel.worth_forking(4, 1)
    assert parallel.worth_forking(2, 2)
    assert not parallel.worth_forking(1, 100)
