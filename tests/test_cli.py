"""The command line: formats, exit codes, stdin, selection, config errors, sub-commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

EMOJI_POST = "We ❤️ our volunteers! Thank you for all you do.\n"
CLEAN_POST = "City Hall will be closed Monday for Labor Day.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN_POST, encoding="utf-8")
    (tmp_path / "heart.md").write_text(EMOJI_POST, encoding="utf-8")
    (tmp_path / "notes.rst").write_text(EMOJI_POST, encoding="utf-8")  # not a post type: ignored
    return tmp_path


def test_text_format_shows_location_severity_check_and_underlined_span(cli, drafts):
    proc = cli("--select", "emoji", str(drafts / "heart.md"))
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{drafts / 'heart.md'}:1:4 warning emoji ")
    assert "[emoji/inline]" in lines[0]
    assert lines[1].endswith("| We ❤️ our volunteers! Thank you for all you do.")
    # The caret sits under the emoji: a 2-cell-wide character.
    assert lines[2].split("| ", 1)[1] == "   ^^"
    assert lines[-1].startswith("Found 1 problem in 1 file") and "emoji 1" in lines[-1]


def test_warnings_do_not_fail_by_default_but_do_with_fail_on_warning(cli, drafts):
    assert cli("--select", "emoji", str(drafts / "heart.md")).returncode == 0
    assert cli("--select", "emoji", "--fail-on", "warning", str(drafts / "heart.md")).returncode == 1


def test_severity_from_config_makes_findings_errors_and_exit_one(cli, drafts):
    (drafts / ".post-lint.toml").write_text('[emoji]\nseverity = "error"\n', encoding="utf-8")
    proc = cli("--select", "emoji", str(drafts / "heart.md"))
    assert proc.returncode == 1
    assert " error emoji " in proc.stdout


def test_clean_input_exits_zero_with_all_clear(cli, drafts):
    proc = cli("--select", "emoji", str(drafts / "clean.txt"))
    assert proc.returncode == 0
    assert proc.stdout.strip() == "All clear: no problems in 1 file."


def test_folder_is_searched_for_txt_and_md_only(cli, drafts):
    proc = cli("--select", "emoji", "--format", "json", str(drafts))
    data = json.loads(proc.stdout)
    assert data["summary"]["files"] == 2
    assert {Path(f["path"]).name for f in data["findings"]} == {"heart.md"}


def test_json_format_has_every_documented_field(cli):
    proc = cli("--select", "emoji", "--format", "json", "-", input=EMOJI_POST)
    data = json.loads(proc.stdout)
    assert set(data) >= {"findings", "skipped", "summary"}
    finding = data["findings"][0]
    assert finding == {
        "path": "<stdin>",
        "check": "emoji",
        "rule": "emoji/inline",
        "severity": "warning",
        "message": finding["message"],
        "line": 1,
        "column": 4,
        "end_line": 1,
        "end_column": 6,
        "offset": 3,
        "length": 2,
        "suggestions": ["love"],
        "policy": "V. Rules of Use: \u201cImprove content accessibility by limiting the use of emoji.\u201d",
        "fix_safe": False,
    }
    assert "screen readers" in finding["message"]
    assert data["summary"]["warnings"] == 1 and data["summary"]["by_check"] == {"emoji": 1}


def test_line_format_matches_editor_errorformat(cli):
    proc = cli("--select", "emoji", "--format", "line", "-", input=EMOJI_POST)
    assert re.fullmatch(r"<stdin>:1:4: warning: .+ \[emoji/inline\]\n", proc.stdout)


def test_github_format_emits_workflow_annotations(cli):
    proc = cli("--select", "emoji", "--format", "github", "--stdin-filename", "posts/a.md", "-", input=EMOJI_POST)
    assert proc.stdout.startswith("::warning file=posts/a.md,line=1,col=4,endLine=1,endColumn=6,title=post-lint emoji/inline::")


def test_sarif_format_is_sarif_2_1_0_with_regions_and_fixes(cli):
    proc = cli("--select", "emoji", "--format", "sarif", "-", input=EMOJI_POST)
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "post-lint"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["emoji/inline"]
    result = run["results"][0]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 4
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "love"


def test_stdin_without_dash_is_read_when_piped(cli):
    proc = cli("--select", "emoji", "--format", "line", input=EMOJI_POST)
    assert proc.stdout.startswith("<stdin>:1:4:")


def test_stdin_filename_names_the_input_and_finds_its_config(cli, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / ".post-lint.toml").write_text('[emoji]\nseverity = "error"\n', encoding="utf-8")
    proc = cli(
        "--select", "emoji", "--format", "line", "--stdin-filename", str(tmp_path / "drafts" / "today.md"), "-", input=EMOJI_POST
    )
    assert proc.stdout.startswith(f"{tmp_path / 'drafts' / 'today.md'}:1:4: error:")
    assert proc.returncode == 1


def test_select_and_ignore_by_rule_id(cli):
    post = "Go team 🇺🇸 🇺🇸 🇺🇸 at the parade! We ❤️ our fans."
    rules = lambda proc: sorted({f["rule"] for f in json.loads(proc.stdout)["findings"]})  # noqa: E731
    assert rules(cli("--select", "emoji", "--format", "json", "-", input=post)) == ["emoji/count", "emoji/inline", "emoji/run"]
    assert rules(cli("--select", "emoji/run", "--format", "json", "-", input=post)) == ["emoji/run"]
    assert rules(cli("--select", "emoji", "--ignore", "emoji/run,emoji/count", "--format", "json", "-", input=post)) == [
        "emoji/inline"
    ]


def test_ignoring_a_whole_check_runs_nothing_of_it(cli):
    proc = cli("--select", "emoji", "--ignore", "emoji", "--format", "json", "-", input=EMOJI_POST)
    assert json.loads(proc.stdout)["findings"] == []


def test_unknown_check_in_select_is_a_one_line_error_exit_2(cli):
    proc = cli("--select", "emojj", "-", input=EMOJI_POST)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "post-lint: error: --select: unknown check in 'select' 'emojj'; did you mean 'emoji'?"
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("[emoji\n", "TOML syntax error"),
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("[emoji]\nmax-count = 'three'\n", "'max-count' must be an integer, got str 'three'"),
        ("[emoji]\nmax-cout = 3\n", "unknown key 'max-cout'; did you mean 'max-count'?"),
        ("[emoji]\nseverity = 'fatal'\n", "'severity' must be one of info, warning, error"),
        ("select = ['nope']\n", "unknown check in 'select' 'nope'"),
        ("[nosuchcheck]\nx = 1\n", "unknown check table 'nosuchcheck'"),
        ("[city]\nname = 'X'\n", "unknown check table 'city'; a config's tables are [body] (who the body is: its name"),
        ("[bodyy]\nname = 'X'\n", "unknown check table 'bodyy'; did you mean 'body'?"),
        ("profile = 'private'\n", "'profile' must be one of official, personal"),
        ("[emoji]\nmax-count = true\n", "'max-count' must be an integer, got bool True"),
    ],
)
def test_config_errors_are_one_line_naming_file_and_key(cli, tmp_path, config, expected):
    (tmp_path / ".post-lint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "post.txt").write_text(CLEAN_POST, encoding="utf-8")
    proc = cli("--select", "emoji", "post.txt", cwd=tmp_path)
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert str(tmp_path / ".post-lint.toml") in message and expected in message, message
    assert "Traceback" not in proc.stderr


def test_explicit_config_file_is_used_and_validated(cli, tmp_path):
    config = tmp_path / "city.toml"
    config.write_text("[emoji]\nmax-count = 0\nseverity = 'error'\n", encoding="utf-8")
    proc = cli("--select", "emoji", "--config", str(config), "--format", "json", "-", input="Happy Friday! 🎉")
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["emoji/count"]
    assert proc.returncode == 1
    missing = cli("--config", str(tmp_path / "missing.toml"), "-", input=CLEAN_POST)
    assert missing.returncode == 2 and "cannot read config file" in missing.stderr


def test_pyproject_tool_section_is_a_config(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.post-lint.emoji]\nseverity = 'error'\n", encoding="utf-8")
    (tmp_path / "p.txt").write_text(EMOJI_POST, encoding="utf-8")
    proc = cli("--select", "emoji", "p.txt", cwd=tmp_path)
    assert proc.returncode == 1 and " error emoji " in proc.stdout


def test_front_matter_can_ignore_a_rule_for_one_post(cli, tmp_path):
    post = "---\ntitle: Volunteers\npost-lint:\n  ignore: [emoji/inline]\n---\n" + EMOJI_POST
    (tmp_path / "p.md").write_text(post, encoding="utf-8")
    proc = cli("--select", "emoji", "--format", "json", "p.md", cwd=tmp_path)
    assert json.loads(proc.stdout)["findings"] == []


def test_front_matter_with_unknown_key_is_an_input_error(cli, tmp_path):
    (tmp_path / "p.md").write_text("---\npost-lint:\n  silence: all\n---\nHello.\n", encoding="utf-8")
    proc = cli("--select", "emoji", "p.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "p.md (front matter): unknown key 'silence'" in proc.stderr


def test_missing_file_is_reported_and_other_files_still_linted(cli, drafts):
    proc = cli("--select", "emoji", "--format", "json", str(drafts / "nope.txt"), str(drafts / "heart.md"))
    assert proc.returncode == 2
    assert f"{drafts / 'nope.txt'}: no such file or folder" in proc.stderr
    assert len(json.loads(proc.stdout)["findings"]) == 1


def test_exit_code_two_wins_over_findings(cli, drafts):
    (drafts / ".post-lint.toml").write_text('[emoji]\nseverity = "error"\n', encoding="utf-8")
    proc = cli("--select", "emoji", str(drafts / "heart.md"), str(drafts / "missing.md"))
    assert proc.returncode == 2


def test_no_colour_when_piped_and_colour_when_forced(cli):
    plain = cli("--select", "emoji", "-", input=EMOJI_POST)
    assert "\x1b[" not in plain.stdout
    forced = cli("--select", "emoji", "--color", "-", input=EMOJI_POST)
    assert "\x1b[" in forced.stdout


def test_quiet_prints_findings_without_summary(cli):
    proc = cli("--select", "emoji", "-q", "-", input=EMOJI_POST)
    assert "[emoji/inline]" in proc.stdout and "Found" not in proc.stdout


def test_checks_lists_every_check_with_rules(cli):
    proc = cli("checks", "--rules")
    assert re.search(r"^emoji\s+warning\s+V\. Rules of Use\s+Too many emoji", proc.stdout, re.M)
    assert "emoji/inline:" in proc.stdout


def test_explain_quotes_the_policy_and_shows_examples_and_keys(cli):
    proc = cli("explain", "emoji")
    assert proc.returncode == 0
    assert "“Improve content accessibility by limiting the use of emoji.”" in proc.stdout
    assert "`max-count` (default 3)" in proc.stdout
    assert "- passes" in proc.stdout and "- flagged: emoji/inline" in proc.stdout


def test_explain_unknown_check_suggests_the_closest(cli):
    proc = cli("explain", "emojis")
    assert proc.returncode == 2 and "did you mean 'emoji'?" in proc.stderr


def test_init_writes_a_starter_config_that_post_lint_accepts(cli, tmp_path):
    proc = cli("init", cwd=tmp_path)
    assert proc.returncode == 0
    text = (tmp_path / ".post-lint.toml").read_text(encoding="utf-8")
    assert "[personal-data]" in text and "allow" in text and "[partners]" in text
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    (tmp_path / "p.txt").write_text(CLEAN_POST, encoding="utf-8")
    assert cli("--select", "emoji", "p.txt", cwd=tmp_path).returncode == 0


def test_version_and_help(cli):
    assert cli("--version").stdout.startswith("post-lint, version ")
    help_text = cli("--help").stdout
    assert "--stdin-filename" in help_text and "Exit codes" in help_text


def test_top_level_help_is_the_lint_usage_with_the_sub_commands(cli):
    help_text = cli("--help").stdout
    assert help_text.startswith("Usage: post-lint [OPTIONS] [PATHS]...\n")
    assert "post-lint lint" not in help_text
    commands = help_text.split("\nCommands:\n", 1)[1]
    listed = [line.split()[0] for line in commands.splitlines() if line.startswith("  ") and line.split()]
    for name in ("init", "checks", "explain", "config", "schema", "comments", "languagetool", "lsp", "serve"):
        assert name in listed, name
    assert "lint" not in listed  # the default command, still accepted by name for old scripts
    assert cli("lint", "--select", "emoji", "-", input=CLEAN_POST).returncode == 0
    error = cli("--format", "xml", "-", input=CLEAN_POST).stderr
    assert "Usage: post-lint [OPTIONS] [PATHS]..." in error and "Try 'post-lint --help'" in error


def test_usage_error_exits_two(cli):
    proc = cli("--format", "xml", "-", input=CLEAN_POST)
    assert proc.returncode == 2 and "Invalid value for '-f' / '--format'" in proc.stderr


def test_unchanged_post_is_replayed_from_the_cache_and_no_cache_lints_afresh(cli, tmp_path):
    env = {"POST_LINT_NO_CACHE": "", "POST_LINT_CACHE_DIR": str(tmp_path / "cache")}
    first = cli("--select", "emoji", "--format", "json", "-", input=EMOJI_POST, env=env)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1
    second = cli("--select", "emoji", "--format", "json", "-", input=EMOJI_POST, env=env)
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    # A changed setting is a different key: never a stale replay.
    (tmp_path / ".post-lint.toml").write_text("[emoji]\ninline = false\n", encoding="utf-8")
    changed = cli(
        "--select", "emoji", "--format", "json", "--stdin-filename", str(tmp_path / "p.txt"), "-", input=EMOJI_POST, env=env
    )
    assert json.loads(changed.stdout)["findings"] == []
    cli("--select", "emoji", "--no-cache", "-", input="Another post 🎉", env=env)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2


def test_grammar_auto_falling_back_to_builtin_is_cached_with_its_note(cli, tmp_path, monkeypatch):
    from post_lint.checks.grammar import cache_token

    # A per-user cache of its own: a shared LanguageTool the user (or another test) started is
    # recorded in ~/.cache/post-lint, and this test is about the machine where none answers.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    options = {"engine": "auto", "server": "", "autostart": False, "port": 1}  # nothing listens on port 1
    assert cache_token(options) == "builtin (no LanguageTool listening)"
    assert cache_token({**options, "engine": "languagetool"}) is None  # LanguageTool's answers are never replayed
    env = {"POST_LINT_NO_CACHE": "", "POST_LINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    (tmp_path / ".post-lint.toml").write_text("[grammar]\nport = 1\n", encoding="utf-8")
    args = ("--select", "grammar", "--format", "json", "--stdin-filename", str(tmp_path / "p.txt"), "-")
    first = json.loads(cli(*args, input="We meet at the the park.", env=env).stdout)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1
    second = json.loads(cli(*args, input="We meet at the the park.", env=env).stdout)
    assert second["findings"] == first["findings"] and [f["rule"] for f in first["findings"]] == ["grammar/repeated-word"]
    assert second["summary"]["notes"]["grammar engine"].startswith("builtin (offline rules), because no LanguageTool")
