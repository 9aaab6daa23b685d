"""Bad input, hostile input, and never losing a finding.

Every bad input gets one line naming the file and the problem, exit code 2,
no traceback, and the other files of the run are still linted and reported.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from post_lint.document import parse
from post_lint.reporters import render
from post_lint.runner import Linter

GOOD_POST = "We ❤️ our volunteers!\n"  # one emoji/inline finding: proof the run went on
CORPUS_CONFIG = Path(__file__).parent / "corpus" / "config.toml"


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


BAD_INPUTS = [
    # (name, how to make it, expected message fragment)
    ("missing.txt", None, "missing.txt: no such file or folder"),
    (
        "latin1.txt",
        b"Caf\xe9 open late\n",
        "latin1.txt: invalid UTF-8: first bad byte 0xe9 at byte 3 (line 1, byte 4 of the line); pass --encoding",
    ),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt: binary file, not a post: skipped"),
    ("noise.md", bytes(range(0, 32)) * 40, "noise.md: binary file, not a post: skipped"),
    ("huge.txt", b"Hello world. " * 100_000, "huge.txt: file is 1,300,000 bytes, over the 1,000,000-byte limit"),
    (
        "front.md",
        b"---\ntitle: Parade\nThe parade starts at noon.\n",
        "front.md: unterminated front matter: no closing '---' line",
    ),
    ("fence.md", b"Parade today.\n\n```\ncode\n", "fence.md: unterminated code block opened at line 3"),
    ("badyaml.md", b"---\ntitle: [unclosed\n---\nHello.\n", "badyaml.md: front matter is not valid"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_and_other_files_still_linted(cli, tmp_path, name, content, expected):
    if content is not None:
        _write(tmp_path, name, content)
    _write(tmp_path, "good.txt", GOOD_POST)
    proc = cli("--select", "emoji", "--format", "json", name, "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and expected in errors[0], proc.stderr
    assert errors[0].startswith("post-lint: error: ")
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["rule"]) for f in findings] == [("good.txt", "emoji/inline")]


def test_broken_symlink_is_named_as_such(cli, tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    _write(tmp_path, "good.txt", GOOD_POST)
    proc = cli("--select", "emoji", "link.txt", "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "link.txt: broken symbolic link (points to" in proc.stderr
    assert "good.txt:1:4" in proc.stdout


def test_folder_with_no_posts_is_an_input_error(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    _write(tmp_path, "good.txt", GOOD_POST)
    proc = cli("--select", "emoji", "empty", "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "empty: folder holds no posts" in proc.stderr and "good.txt:1:4" in proc.stdout


def test_unreadable_file_is_reported_not_raised(tmp_path, monkeypatch):
    # Root can read any file, so simulate the permission error where it happens.
    target = _write(tmp_path, "secret.txt", "Hello.\n")
    _write(tmp_path, "good.txt", GOOD_POST)
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    result = Linter(select=["emoji"]).lint_paths([str(target), str(tmp_path / "good.txt")])
    assert [str(p) for p in result.problems] == [f"{target}: permission denied: cannot read the file"]
    assert [f.rule for f in result.findings] == ["emoji/inline"]


def test_encoding_option_reads_legacy_files(cli, tmp_path):
    _write(tmp_path, "latin1.txt", "Caf\u00e9 open \u2014 we \u2764 our guests".encode("cp1252", errors="replace"))
    proc = cli("--select", "emoji", "--encoding", "cp1252", "latin1.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_utf16_with_bom_is_read_correctly(cli, tmp_path):
    _write(tmp_path, "u16.txt", "We ❤️ our volunteers!".encode("utf-16"))
    proc = cli("--select", "emoji", "--format", "json", "u16.txt", cwd=tmp_path)
    finding = json.loads(proc.stdout)["findings"][0]
    assert (finding["rule"], finding["column"], finding["offset"]) == ("emoji/inline", 4, 3)


@pytest.mark.parametrize("content", ["", "   \n\t\n  "], ids=["empty", "whitespace"])
def test_empty_and_whitespace_files_are_clean(cli, tmp_path, content):
    _write(tmp_path, "blank.txt", content)
    proc = cli("blank.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == "All clear: no problems in 1 file."
    assert all(line.startswith("note: ") for line in lines[:-1]), lines  # e.g. which grammar engine ran


def test_large_file_under_a_raised_limit_is_linted(cli, tmp_path):
    (tmp_path / ".post-lint.toml").write_text("max-file-size = 20_000_000\n", encoding="utf-8")
    _write(tmp_path, "big.txt", ("Snow plows are out tonight. " * 360_000) + "We ❤️ plows.\n")  # ~10 MB
    proc = cli("--select", "emoji,hidden-text", "--format", "json", "big.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["line"] == 1 and finding["column"] == 28 * 360_000 + 4


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"City news.\r\nWe \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\r\n", 2, 4),  # CRLF
        (b"City news.\rWe \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\r", 2, 4),  # old Mac CR
        (b"\xef\xbb\xbfWe \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\n", 1, 4),  # UTF-8 BOM
        (b"\tWe \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\n", 1, 5),  # a tab is one column
        (b"A\x00B. We \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\n", 1, 9),  # NUL kept, columns right
        (b"x" * 50_000 + b" we \xe2\x9d\xa4\xef\xb8\x8f our volunteers.\n", 1, 50_005),  # a very long line
    ],
    ids=["crlf", "cr", "bom", "tab", "nul", "long-line"],
)
def test_line_endings_bom_tabs_nul_and_long_lines_keep_columns_right(cli, tmp_path, raw, line, column):
    _write(tmp_path, "p.txt", raw)
    proc = cli("--select", "emoji", "--format", "json", "p.txt", cwd=tmp_path)
    inline = [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "emoji/inline"]
    assert [(f["line"], f["column"]) for f in inline] == [(line, column)]


def test_post_lint_never_writes_to_the_files_it_lints(cli, tmp_path):
    path = _write(tmp_path, "p.md", "---\ntitle: t\n---\nWe ❤️ our volunteers 🎉🎉🎉\r\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    cli("--format", "json", "p.md", cwd=tmp_path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_bad_regex_in_a_user_pattern_list_is_a_config_error():
    from post_lint.api import Check, Option
    from post_lint.config import Config, ConfigError, resolve_options

    check = Check(
        "demo", "d", "warning", "V", "clause", run=lambda d, c: [], options={"extra-patterns": Option([], "regexes", list)}
    )
    with pytest.raises(ConfigError, match=r"'extra-patterns' has a bad regular expression '\(unclosed'"):
        resolve_options(Config(data={"demo": {"extra-patterns": ["(unclosed"]}}), check)


# -- hostile input: the hiding itself is a finding ----------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Vote\u200b today at City Hall.", "hidden-text/zero-width", "\u200b"),
        ("Vo\u00adte today at City Hall.", "hidden-text/zero-width", "\u00ad"),
        ("Call us \u202eat City Hall.", "hidden-text/bidi", "\u202e"),
        ("Please v\u043ete early.", "hidden-text/mixed-script", "v\u043ete"),
        ("Please \u03bdote early.", "hidden-text/mixed-script", "\u03bdote"),
    ],
    ids=["zero-width-space", "soft-hyphen", "bidi-override", "cyrillic-o", "greek-nu"],
)
def test_hidden_characters_are_flagged_with_their_exact_span(text, rule, span):
    result = Linter(select=["hidden-text"]).lint_text(text)
    (finding,) = result.findings
    assert finding.rule == rule
    assert text[finding.offset : finding.offset + finding.length] == span


def test_zero_width_joiner_inside_emoji_is_not_hidden_text():
    assert Linter(select=["hidden-text"]).lint_text("Thanks, firefighters 👩‍🚒 and 🏳️‍🌈 Pride!").findings == []


def test_emoji_check_sees_through_fullwidth_and_zero_width_tricks():
    text = "We \u200b❤️\u200b our volunteers"
    rules = {f.rule for f in Linter(select=["emoji", "hidden-text"]).lint_text(text).findings}
    assert rules == {"emoji/inline", "hidden-text/zero-width"}


# -- properties: never crash, never point outside the text ---------------------------


def _reference_position(text: str, offset: int) -> tuple[int, int]:
    before = re.split(r"\r\n|\r|\n", text[:offset])
    return len(before), len(before[-1]) + 1


@pytest.fixture(scope="module")
def every_check_linter() -> Linter:
    return Linter(config_file=CORPUS_CONFIG if CORPUS_CONFIG.exists() else None)


_TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=300,
) | st.lists(
    st.sampled_from(
        ["We", "❤️", "vote", "v o t e", "\u200b", "\r\n", "\n", "\r", "@mention", "#Hashtag", "https://x.co/a?utm_source=1",
         "555-0142", "I think", "the the", "Anoka", "👩🏽‍🚒", "\u202e", "```", "---", " ", ".", "a@b.com", "\t", "\x00", "Mr. Smith"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=int(os.environ.get("POST_LINT_HYPOTHESIS_EXAMPLES", "2000")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(text=_TEXTS, markdown=st.booleans())
def test_any_text_lints_without_crashing_and_every_finding_lies_inside_it(every_check_linter, text, markdown):
    result = every_check_linter.lint_text(text, path="post.md" if markdown else "post.txt")
    assert not [p for p in result.problems if "crashed" in p.message], result.problems
    assert not [s for s in result.skipped if "crashed" in s.reason], result.skipped
    doc_text = text[1:] if text.startswith("\ufeff") else text
    for f in result.findings:
        assert 0 <= f.offset and f.length >= 0 and f.offset + f.length <= len(doc_text), f
        assert (f.line, f.column) == _reference_position(doc_text, f.offset), f
        assert (f.end_line, f.end_column) == _reference_position(doc_text, f.offset + f.length), f
    payload = json.loads(render(result, "json"))
    assert len(payload["findings"]) == len(result.findings)


@settings(max_examples=500, deadline=None)
@given(text=_TEXTS)
def test_markdown_prose_keeps_length_and_line_breaks(text):
    doc, _problems = parse(text, "post.md")
    assert len(doc.prose) == len(doc.text)
    assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == [i for i, c in enumerate(doc.text) if c in "\r\n"]
