"""Consent and exceptions: per-post allow lists in front matter, and consents.toml beside plain-text posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from post_lint.cli import main

POST = "Thanks to Ruth Olson for 40 years at the library! Reach her at 763-555-0142. Our snowplowz are out.\n"
CHECKS = "names,personal-data,grammar"
CONSENT = """\
[[consent]]
post = "thanks.txt"
names = ["Ruth Olson"]
contacts = ["763-555-0142"]
words = ["snowplowz"]
who = "Ruth Olson"
date = 2026-05-01
how = "signed release form, filed with Communications"
"""


def _lint(folder: Path, *names: str) -> tuple[int, dict[str, object]]:
    args = ["--format", "json", "--no-cache", "--select", CHECKS, "--config", str(folder / ".post-lint.toml")]
    done = CliRunner().invoke(main, [*args, *(str(folder / n) for n in names)])
    return done.exit_code, json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}


def _rules(report: dict[str, object]) -> list[str]:
    return sorted(f["rule"] for f in report["findings"])  # type: ignore[index, union-attr]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".post-lint.toml").write_text('[grammar]\nengine = "builtin"\n', encoding="utf-8")
    (tmp_path / "thanks.txt").write_text(POST, encoding="utf-8")
    return tmp_path


def test_without_consent_the_name_number_and_word_are_flagged(folder: Path) -> None:
    code, report = _lint(folder, "thanks.txt")
    assert code == 1
    assert _rules(report) == ["grammar/spelling", "names/person", "personal-data/phone"]


def test_consents_file_beside_a_plain_text_post_allows_them(folder: Path) -> None:
    (folder / "consents.toml").write_text(CONSENT, encoding="utf-8")
    (folder / "other.txt").write_text(POST, encoding="utf-8")
    code, report = _lint(folder, "thanks.txt", "other.txt")
    # Consent is per post: the same words in another post are still flagged.
    assert {f["path"] for f in report["findings"]} == {str(folder / "other.txt")}  # type: ignore[union-attr, index]
    assert code == 1


def test_a_consent_pattern_covers_several_posts(folder: Path) -> None:
    (folder / "consents.toml").write_text(CONSENT.replace('"thanks.txt"', '"thank*.txt"'), encoding="utf-8")
    code, report = _lint(folder, "thanks.txt")
    assert (code, _rules(report)) == (0, [])


def test_front_matter_allow_lists_one_markdown_post(folder: Path) -> None:
    front = "---\npost-lint:\n  allow:\n    names: [Ruth Olson]\n    contacts: ['763-555-0142']\n    words: [snowplowz]\n---\n"
    (folder / "thanks.md").write_text(front + POST, encoding="utf-8")
    code, report = _lint(folder, "thanks.md")
    assert (code, _rules(report)) == (0, [])


def test_front_matter_allow_for_names_only_leaves_the_rest(folder: Path) -> None:
    (folder / "thanks.md").write_text("---\npost-lint: {allow: {names: [Ruth Olson]}}\n---\n" + POST, encoding="utf-8")
    assert _rules(_lint(folder, "thanks.md")[1]) == ["grammar/spelling", "personal-data/phone"]


def test_a_consent_without_who_or_when_is_an_error(folder: Path) -> None:
    (folder / "consents.toml").write_text('[[consent]]\npost = "thanks.txt"\nnames = ["Ruth Olson"]\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["--select", "names", "--no-cache", str(folder / "thanks.txt")])
    assert done.exit_code == 2
    assert "consents.toml [[consent]] #1: names and contacts need 'who' consented and 'date'" in done.output


def test_an_unknown_allow_key_is_an_error_with_a_suggestion(folder: Path) -> None:
    (folder / "thanks.md").write_text("---\npost-lint: {allow: {name: [Ruth Olson]}}\n---\n" + POST, encoding="utf-8")
    done = CliRunner().invoke(main, ["--select", "names", "--no-cache", str(folder / "thanks.md")])
    assert done.exit_code == 2 and "unknown key 'name' in 'allow'; did you mean 'names'?" in done.output


def test_words_alone_need_no_consent_record(folder: Path) -> None:
    (folder / "consents.toml").write_text('[[consent]]\npost = "thanks.txt"\nwords = ["snowplowz"]\n', encoding="utf-8")
    assert _rules(_lint(folder, "thanks.txt")[1]) == ["names/person", "personal-data/phone"]


def test_consents_reach_the_findings_cache_key(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from post_lint.cache import FindingsCache
    from post_lint.runner import Linter

    linter = Linter(select=["names"], config_file=folder / ".post-lint.toml")
    linter.cache = FindingsCache(tmp_path_factory.mktemp("cache"))
    path = str(folder / "thanks.txt")
    assert [f.rule for f in linter.lint_paths([path]).findings] == ["names/person"]
    (folder / "consents.toml").write_text(CONSENT, encoding="utf-8")
    assert linter.lint_paths([path]).findings == []
