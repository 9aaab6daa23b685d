"""The personal profile end to end: from the CLI, the config file and front matter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

OPINION_AT_WORK = "I work for the City of Anoka, and I think the council budget plan shortchanges our plow crews."
SELECT = "opinion,partisan,disclaimer,personal-data"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> tuple[int, list[dict]]:
    proc = subprocess.run(
        [sys.executable, "-m", "post_lint", *args, "--format", "json"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    return proc.returncode, findings


def rules(findings: list[dict]) -> set[str]:
    return {f["rule"] for f in findings}


@pytest.fixture(scope="module")
def official() -> set[str]:
    return rules(run_cli("--select", SELECT, "-", stdin=OPINION_AT_WORK)[1])


def test_official_profile_is_the_default_and_flags_the_opinion(official: set[str]) -> None:
    assert "opinion/employment" in official or "opinion/first-person" in official
    assert not any(r.startswith("disclaimer/") for r in official)


def test_cli_personal_profile_swaps_opinion_for_disclaimer() -> None:
    code, findings = run_cli("--select", SELECT, "--profile", "personal", "-", stdin=OPINION_AT_WORK)
    assert code == 1
    assert rules(findings) == {"disclaimer/missing"}


def test_personal_data_still_applies_in_the_personal_profile() -> None:
    text = "My neighbor's cell is 612-555-0143, call her about the lost dog."
    _, findings = run_cli("--select", SELECT, "--profile", "personal", "-", stdin=text)
    assert any(f["check"] == "personal-data" for f in findings)


def test_front_matter_selects_the_personal_profile(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(f"---\npost-lint:\n  profile: personal\n---\n{OPINION_AT_WORK}\n", encoding="utf-8")
    _, findings = run_cli("--select", SELECT, str(post), cwd=tmp_path)
    assert rules(findings) == {"disclaimer/missing"}
    assert findings[0]["line"] == 5  # after the four lines of front matter


def test_config_file_selects_the_personal_profile(tmp_path: Path) -> None:
    config = tmp_path / "post-lint.toml"
    config.write_text('profile = "personal"\n', encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text(OPINION_AT_WORK, encoding="utf-8")
    _, findings = run_cli("--select", SELECT, "--config", str(config), str(post), cwd=tmp_path)
    assert rules(findings) == {"disclaimer/missing"}


def test_partisan_advocacy_is_allowed_on_a_personal_account() -> None:
    _, findings = run_cli("--select", SELECT, "--profile", "personal", "-", stdin="Re-elect Mayor Skogquist on Tuesday!")
    assert findings == []
