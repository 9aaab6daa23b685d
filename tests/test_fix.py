"""--fix and --diff: only safe suggestions, one coherent edit per span, files written only with --fix."""

from __future__ import annotations

import codecs
from pathlib import Path

from post_lint.fixes import Edit, apply_edits, minimal_edit, safe_edits
from post_lint.model import Finding

LINK_POST = "See http://bit.ly/abc?utm_source=fb for more. The the parade is on.\n"
CONFIG = """
[[custom.rule]]
id = "house-style"
kind = "substitution"
swap = { "e-mail" = "email" }
"""


def _finding(rule: str, offset: int, length: int, suggestion: str, *, safe: bool = True, severity: str = "warning") -> Finding:
    return Finding(rule.split("/")[0], rule, severity, "m", offset, length, (suggestion,), fix_safe=safe)


def test_fixes_on_one_link_compose_instead_of_undoing_each_other():
    text = "go http://bit.ly/abc?utm_source=fb now"
    url = "http://bit.ly/abc?utm_source=fb"
    start = text.index(url)
    findings = [
        _finding("links/insecure", start, len(url), "https://bit.ly/abc?utm_source=fb"),
        _finding("links/tracking", start, len(url), "http://bit.ly/abc"),
    ]
    edits = safe_edits(text, findings)
    assert apply_edits(text, edits) == "go https://bit.ly/abc now"


def test_overlapping_fixes_keep_one_edit_the_most_severe():
    text = "their is a the the"
    findings = [
        _finding("a/x", 0, 8, "There is", severity="warning"),
        _finding("b/y", 0, 5, "They're", severity="error"),
    ]
    assert apply_edits(text, safe_edits(text, findings)) == "They're is a the the"


def test_unsafe_suggestions_are_never_applied():
    text = "We love it"
    assert safe_edits(text, [_finding("emoji/inline", 3, 4, "adore", safe=False)]) == []


def test_minimal_edit_is_the_smallest_change():
    finding = _finding("links/insecure", 0, 12, "https://a.gov")
    assert minimal_edit("http://a.gov", finding, "https://a.gov") == Edit(4, 4, "s")


def test_the_same_edit_from_two_findings_is_applied_once():
    text = "a  b"
    findings = [_finding("x/one", 1, 2, " "), _finding("y/two", 1, 2, " ")]
    assert apply_edits(text, safe_edits(text, findings)) == "a b"


def test_diff_prints_a_unified_diff_and_never_writes(cli, tmp_path: Path):
    post = tmp_path / "post.md"
    post.write_text(LINK_POST, encoding="utf-8")
    proc = cli("--diff", "--select", "links,grammar", str(post))
    assert proc.returncode == 1
    assert f"--- {post}" in proc.stdout and f"+++ {post}" in proc.stdout
    assert "+See http://bit.ly/abc for more. The parade is on." in proc.stdout
    assert post.read_text(encoding="utf-8") == LINK_POST


def test_without_fix_no_file_is_modified(cli, tmp_path: Path):
    post = tmp_path / "post.md"
    post.write_text(LINK_POST, encoding="utf-8")
    cli("--select", "links,grammar", "--format", "json", str(post))
    assert post.read_text(encoding="utf-8") == LINK_POST


def test_fix_writes_the_file_and_reports_what_remains(cli, tmp_path: Path):
    post = tmp_path / "post.md"
    post.write_text(LINK_POST, encoding="utf-8")
    proc = cli("--fix", "--select", "links,grammar", str(post))
    assert post.read_text(encoding="utf-8") == "See http://bit.ly/abc for more. The parade is on.\n"
    # Unsafe ones stay: http -> https may not open, a shortener's target is unknown offline.
    assert "[links/insecure]" in proc.stdout and "[links/shortener]" in proc.stdout
    assert "[links/tracking]" not in proc.stdout and "[grammar/repeated-word]" not in proc.stdout
    assert "fixed: 2 problems in 1 file" in proc.stdout


def test_fix_with_stdin_prints_the_fixed_text_and_writes_nothing(cli, tmp_path: Path):
    named = tmp_path / "named.md"
    named.write_text("The the original\n", encoding="utf-8")
    proc = cli("--fix", "--select", "grammar", "--stdin-filename", str(named), "-", input="The the parade\n")
    assert proc.stdout == "The parade\n"
    assert "All clear" in proc.stderr
    assert named.read_text(encoding="utf-8") == "The the original\n"


def test_fix_applies_the_citys_substitutions(cli, tmp_path: Path):
    (tmp_path / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("Send us an e-mail today.\n", encoding="utf-8")
    cli("--fix", "--select", "custom", str(post), cwd=tmp_path)
    assert post.read_text(encoding="utf-8") == "Send us an email today.\n"


def test_fix_keeps_a_files_byte_order_mark_and_encoding(cli, tmp_path: Path):
    post = tmp_path / "post.txt"
    post.write_bytes(codecs.BOM_UTF16_LE + "The the parade\r\n".encode("utf-16-le"))
    cli("--fix", "--select", "grammar", str(post))
    assert post.read_bytes() == codecs.BOM_UTF16_LE + "The parade\r\n".encode("utf-16-le")


def _complete(words: str, cword: int) -> str:
    """What bash completion gets from the installed script (click names the variable after it)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(cword), "_POST_LINT_COMPLETE": "bash_complete"}
    script = Path(sys.executable).parent / "post-lint"
    return subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60).stdout


def test_shell_completion_offers_rule_ids_after_a_comma_commands_and_options():
    assert "plain,links,emoji/inline" in _complete("post-lint --select links,emoji/i", 2)
    assert "plain,explain" in _complete("post-lint ex", 1)
    assert "plain,--statistics" in _complete("post-lint --stat", 1)
    assert "plain,grammar" in _complete("post-lint explain gram", 2)
