"""Reliability under hostile and careless input (issue 20), the servers and the output: items 7, 14, 15, 16."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli

from post_lint import config as config_module
from post_lint.runner import Linter


@pytest.fixture(autouse=True)
def _fresh_discovery() -> None:
    config_module._discovered.clear()


# -- 14: what a file name or a post holds never drives the terminal ----------------------

EVIL = "evil\x1b[2J\x1b]0;pwned\x07\rname.txt"  # clear screen, set title, carriage return


def _evil_result() -> object:
    return Linter(select=["emoji"]).lint_text("We ❤️ our volunteers!", EVIL)


@pytest.mark.parametrize("fmt", ["text", "line"])
def test_control_characters_in_file_names_are_escaped_in_text_and_line_output(fmt: str) -> None:
    from post_lint.reporters import render

    output = render(_evil_result(), fmt)
    assert not any(ch in output for ch in "\x1b\x07\r"), repr(output)
    assert "evil\\x1b[2J\\x1b]0;pwned\\x07\\x0dname.txt:1:4" in output
    if fmt == "line":
        assert len(output.splitlines()) == 1


def test_sarif_artifact_uris_are_percent_encoded() -> None:
    import json
    from urllib.parse import unquote, urlsplit

    from post_lint.formats.sarif import artifact_uri
    from post_lint.reporters import render

    sarif = json.loads(render(_evil_result(), "sarif"))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "evil%1B%5B2J%1B%5D0%3Bpwned%07%0Dname.txt"
    assert unquote(uri) == EVIL
    assert artifact_uri("posts/a b#1?.md") == "posts/a%20b%231%3F.md"
    assert urlsplit(artifact_uri("c:post.md")).scheme == ""  # not read as a scheme
    assert artifact_uri("/srv/posts/ünï.md") == "file:///srv/posts/%C3%BCn%C3%AF.md"


@pytest.mark.parametrize("breaker", ["\x0c", "\x85", "\x0b", "\u2028"])
def test_form_feed_and_nel_do_not_shift_the_snippet(breaker: str) -> None:
    from post_lint.reporters import render

    text = f"One{breaker}two we ❤️ you\nnext line"
    result = Linter(select=["emoji"]).lint_text(text, "p.txt")
    [finding] = result.findings
    assert (finding.line, finding.column) == (1, text.index("❤") + 1)
    lines = render(result, "text").splitlines()
    source, carets = next((lines[i], lines[i + 1]) for i, line in enumerate(lines) if line.startswith("   1 | "))
    assert breaker not in source  # shown as a dot: the terminal moves nothing
    assert source[carets.index("^")] == "❤"


# -- 15: sub-command names win over paths; init never writes through a dangling link ----


def test_a_folder_named_lsp_does_not_stop_the_lsp_command(tmp_path: Path) -> None:
    (tmp_path / "lsp").mkdir()
    (tmp_path / "lsp" / "post.txt").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli("lsp", "--help", cwd=tmp_path)
    assert proc.returncode == 0 and "language server" in proc.stdout, proc.stdout + proc.stderr


def test_a_file_named_serve_does_not_stop_the_serve_command(tmp_path: Path) -> None:
    (tmp_path / "serve").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli("serve", "--help", cwd=tmp_path)
    assert proc.returncode == 0 and "--max-body" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("args", [("--", "lsp"), ("./lsp",)])
def test_a_path_named_like_a_command_is_linted_after_dashes_or_as_dot_slash(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "lsp").mkdir()
    (tmp_path / "lsp" / "post.txt").write_text("We ❤️ you\n", encoding="utf-8")
    proc = run_cli(*args, "--select", "emoji", cwd=tmp_path) if args[0] != "--" else run_cli(*args, cwd=tmp_path)
    assert proc.returncode in (0, 1) and "post.txt:1:4" in proc.stdout, proc.stdout + proc.stderr


def test_init_refuses_to_write_through_a_dangling_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.toml"
    (tmp_path / "elsewhere").mkdir()
    project = tmp_path / "project"
    project.mkdir()
    os.symlink(elsewhere, project / ".post-lint.toml")
    proc = run_cli("init", "--no-input", "--force", str(project), cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "symbolic link" in proc.stderr
    assert not elsewhere.exists()
