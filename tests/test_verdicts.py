"""Honest verdicts: "All clear" only when every input was read, every selected check ran and
nothing was found; unknown rule ids are errors with a did-you-mean (issue 18, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CLEAN = "The library opens at nine on Saturday.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_missing_file_is_not_all_clear(cli, tmp_path):
    done = cli("--select", "emoji", "missing.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout
    assert "Nothing was checked: 1 input or config error" in done.stdout
    assert "missing.txt: no such file or folder" in done.stderr


def test_discovered_config_error_is_not_all_clear(cli, tmp_path):
    _write(tmp_path, ".post-lint.toml", 'fail-on = "bogus"\n')
    _write(tmp_path, "post.txt", CLEAN)
    done = cli("--select", "emoji", "post.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout and "0 files" not in done.stdout
    assert "'fail-on' must be one of" in done.stderr


def test_post_with_invalid_front_matter_is_not_all_clear(cli, tmp_path):
    _write(tmp_path, "post.md", "---\npost-lint:\n  profile: personnal\n---\n" + CLEAN)
    _write(tmp_path, "ok.md", CLEAN)
    done = cli("--select", "emoji", "post.md", "ok.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout
    # Only the post that was linted counts as checked.
    assert "No problems found in 1 file, but not everything was checked" in done.stdout
    assert "post.md (front matter): 'profile' must be one of" in done.stderr


def test_json_summary_says_whether_the_run_was_complete(cli, tmp_path):
    _write(tmp_path, "ok.md", CLEAN)
    clean = json.loads(cli("--select", "emoji", "-f", "json", "ok.md", cwd=tmp_path).stdout)["summary"]
    assert clean["complete"] is True and clean["not_checked"] == []
    partial = json.loads(cli("--select", "emoji", "-f", "json", "ok.md", "gone.md", cwd=tmp_path).stdout)["summary"]
    assert partial["complete"] is False and partial["files"] == 1
    assert partial["not_checked"] == ["1 input or config error (listed as errors)"]


def test_explicit_languagetool_engine_that_cannot_run_is_an_error(cli, tmp_path):
    # Nothing listens on port 1: the configured server cannot answer.
    _write(tmp_path, ".post-lint.toml", '[grammar]\nengine = "languagetool"\nserver = "http://127.0.0.1:1"\n')
    _write(tmp_path, "post.txt", CLEAN)
    done = cli("--select", "grammar", "post.txt", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "All clear" not in done.stdout
    assert "check grammar did not run" in done.stdout
    assert "check 'grammar' could not run: [grammar] engine = \"languagetool\"" in done.stderr


@pytest.mark.parametrize(
    ("args", "where", "wrong", "meant"),
    [
        (["--select", "emoji/inlin,personal-data/phone"], "--select", "emoji/inlin", "emoji/inline"),
        (["--select", "emoji", "--ignore", "emoji/inlin"], "--ignore", "emoji/inlin", "emoji/inline"),
    ],
)
def test_unknown_rule_id_on_the_command_line_is_an_error_with_a_did_you_mean(cli, tmp_path, args, where, wrong, meant):
    _write(tmp_path, "post.txt", CLEAN)
    done = cli(*args, "post.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout
    assert f"{where}: unknown rule id" in done.stderr and f"'{wrong}'" in done.stderr
    assert f"did you mean '{meant}'?" in done.stderr


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_unknown_rule_id_in_the_config_is_an_error(cli, tmp_path, key):
    _write(tmp_path, ".post-lint.toml", f'{key} = ["personal-data/phon"]\n')
    _write(tmp_path, "post.txt", CLEAN)
    done = cli("post.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert f"unknown rule id in '{key}' 'personal-data/phon'; did you mean 'personal-data/phone'?" in done.stderr


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_unknown_rule_id_in_front_matter_is_an_error(cli, tmp_path, key):
    _write(tmp_path, "post.md", f"---\npost-lint:\n  {key}: [emoji/inlin]\n---\n" + CLEAN)
    done = cli("--select", "emoji", "post.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout
    assert "post.md (front matter): unknown rule id" in done.stderr and "did you mean 'emoji/inline'?" in done.stderr


def test_rule_ids_under_a_declared_rule_are_accepted(cli, tmp_path):
    # LanguageTool's own rules are reported as grammar/lt/RULE_ID, under the declared grammar/lt.
    _write(tmp_path, ".post-lint.toml", 'ignore = ["grammar/lt/EN_A_VS_AN"]\n')
    _write(tmp_path, "post.txt", CLEAN)
    done = cli("--select", "emoji", "post.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "All clear: no problems in 1 file." in done.stdout


def test_custom_rule_ids_come_from_the_config(cli, tmp_path):
    _write(
        tmp_path,
        ".post-lint.toml",
        '[[custom.rule]]\nid = "no-guys"\nkind = "existence"\ntokens = ["guys"]\n',
    )
    _write(tmp_path, "post.txt", "Thanks, guys!\n")
    known = cli("--select", "custom/no-guys", "post.txt", cwd=tmp_path)
    assert known.returncode == 0 and "[custom/no-guys]" in known.stdout
    typo = cli("--select", "custom/no-guy", "post.txt", cwd=tmp_path)
    assert typo.returncode == 2
    assert "--select: unknown rule id in 'select' 'custom/no-guy'; did you mean 'custom/no-guys'?" in typo.stderr
    assert "All clear" not in typo.stdout


def test_api_result_is_complete_only_when_everything_ran():
    from post_lint import Linter

    assert Linter(select=["emoji"]).lint_text(CLEAN).complete
    assert not Linter(select=["emoji"]).lint_text("---\npost-lint:\n  profile: x\n---\nHi\n", path="p.md").complete


# -- the ruff/Vale habits: exit codes, severity filter, statistics, output file ------------------

EMOJI = "Fireworks tonight! 🎆🎆🎆🎆 See you at the riverfront.\n"


def test_exit_zero_and_fail_on_never_report_but_do_not_fail(cli, tmp_path):
    _write(tmp_path, "post.txt", EMOJI)
    assert cli("--select", "emoji", "--fail-on", "warning", "post.txt", cwd=tmp_path).returncode == 1
    done = cli("--select", "emoji", "--fail-on", "warning", "--exit-zero", "post.txt", cwd=tmp_path)
    assert done.returncode == 0 and "[emoji/run]" in done.stdout
    assert cli("--select", "emoji", "--fail-on", "never", "post.txt", cwd=tmp_path).returncode == 0
    _write(tmp_path, ".post-lint.toml", 'fail-on = "never"\n')
    assert cli("--select", "emoji", "post.txt", cwd=tmp_path).returncode == 0
    # Errors still exit 2.
    assert cli("--select", "emoji", "--exit-zero", "gone.txt", cwd=tmp_path).returncode == 2


def test_min_severity_hides_findings_below_it_and_says_so(cli, tmp_path):
    _write(tmp_path, "post.txt", EMOJI)
    done = cli("--select", "emoji", "--fail-on", "warning", "--min-severity", "error", "post.txt", cwd=tmp_path)
    assert done.returncode == 0
    assert "[emoji/run]" not in done.stdout
    assert "2 findings below --min-severity error" in done.stdout
    assert "All clear" not in done.stdout


def test_statistics_count_findings_per_rule(cli, tmp_path):
    _write(tmp_path, "a.txt", EMOJI)
    _write(tmp_path, "b.txt", EMOJI)
    done = cli("--select", "emoji", "--statistics", "a.txt", "b.txt", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["2", "emoji/count", "warning"]
    assert lines[1].split() == ["2", "emoji/run", "warning"]
    assert done.returncode == 0


def test_output_file_gets_the_report(cli, tmp_path):
    _write(tmp_path, "post.txt", EMOJI)
    done = cli("--select", "emoji", "-f", "json", "--output-file", "report.json", "post.txt", cwd=tmp_path)
    assert done.stdout == ""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert {f["rule"] for f in report["findings"]} == {"emoji/run", "emoji/count"}
    assert (tmp_path / "post.txt").read_text(encoding="utf-8") == EMOJI  # the post is never touched
