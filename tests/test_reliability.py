"""Reliability under hostile and careless input (issue 20): each test is one red-team finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from post_lint import config as config_module
from post_lint.config import Config
from post_lint.runner import Linter


@pytest.fixture(autouse=True)
def _fresh_discovery() -> None:
    config_module._discovered.clear()


# -- 1: a lint with a skipped check is never replayed as "All clear" ---------------------


def test_a_run_with_skipped_spacy_checks_is_not_cached_and_replayed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POST_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    config = Config(data={"spacy-model": "no_such_model_xyz", "select": ["names", "emoji"]})
    for _ in range(2):
        result = Linter(config=config, cache=True).lint_text("Thanks to everyone who came.", "post.md")
        assert {s.check for s in result.skipped} == {"names"}
        assert "names" not in result.checks_run
    assert not list((tmp_path / "cache").glob("??/*.json"))
