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


# -- 2: Markdown never hides text that gets published ------------------------------------

PHONE = "763-555-0142"


@pytest.mark.parametrize(
    "markdown",
    [
        "Hello.\n\n<!-- call Jane at 763-555-0142\n",  # unterminated: CommonMark prints it
        "Call Jane at `763-555-0142` tonight.\n",
        "Call Jane:\n\n```\n763-555-0142\n```\n",
        "Call Jane:\n\n    763-555-0142\n",
        "<Vote for Jane Smith! 763-555-0142>\n",
        "See the note[^1].\n\n[^1]: Jane's cell is 763-555-0142.\n",
        "![Jane's cell 763-555-0142](pic.png)\n",
        '[our page](https://example.gov "Jane\'s cell 763-555-0142")\n',
        "[call Jane](tel:763-555-0142)\n",
        "[ref]: tel:763-555-0142\n",
    ],
)
def test_markdown_text_that_gets_published_is_prose(markdown: str) -> None:
    from post_lint.document import parse

    doc, _ = parse(markdown, "post.md")
    assert PHONE in doc.prose
    assert doc.prose.index(PHONE) == doc.text.index(PHONE)


def test_a_mailto_target_is_checked_for_personal_data() -> None:
    result = Linter(select=["personal-data"]).lint_text("Write to [Jane](mailto:jane.olson82@gmail.com).", "post.md")
    assert any("jane.olson82@gmail.com" in result.sources["post.md"][f.offset : f.offset + f.length] for f in result.findings)


def test_real_html_tags_and_terminated_comments_stay_hidden() -> None:
    from post_lint.document import parse

    doc, _ = parse("<a href=\"https://x.gov\" title='t'>Read</a> <br/> <!-- draft note -->", "post.md")
    assert doc.prose.split() == ["Read"]


# -- 3: front matter may not quietly disarm the project's checks -------------------------

DISARMED = "---\npost-lint:\n  select: [emoji]\n---\nCall Jane Olson at 763-555-0142.\n"


def test_every_front_matter_override_is_printed(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text('select = ["emoji", "personal-data"]\n', encoding="utf-8")
    result = Linter().lint_text(DISARMED, str(tmp_path / "post.md"))
    note = result.notes[f"{tmp_path / 'post.md'} front matter"]
    assert "select emoji" in note and "switches off: personal-data" in note
    assert not result.problems


@pytest.mark.parametrize(
    "front", ["post-lint:\n  select: [emoji]", "post-lint:\n  ignore: [personal-data]", "post-lint:\n  profile: personal"]
)
def test_a_config_can_forbid_posts_switching_checks_off(tmp_path: Path, front: str) -> None:
    (tmp_path / ".post-lint.toml").write_text(
        'front-matter-overrides = "forbid"\nselect = ["emoji", "personal-data", "disclaimer"]\n', encoding="utf-8"
    )
    text = f"---\n{front}\n---\nCall Jane Olson at 763-555-0142.\n"
    result = Linter().lint_text(text, str(tmp_path / "post.md"))
    assert result.exit_code == 2
    assert any("may not switch off" in p.message for p in result.problems)
    assert "personal-data" in {f.check for f in result.findings} or "profile" in front


def test_a_post_may_still_add_checks_under_forbid(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text('front-matter-overrides = "forbid"\nselect = ["emoji"]\n', encoding="utf-8")
    text = "---\npost-lint:\n  select: [emoji, personal-data]\n---\nCall Jane Olson at 763-555-0142.\n"
    result = Linter().lint_text(text, str(tmp_path / "post.md"))
    assert not result.problems and "personal-data" in {f.check for f in result.findings}


def test_the_override_policy_is_validated(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text('front-matter-overrides = "never"\n', encoding="utf-8")
    result = Linter().lint_text("Hi.", str(tmp_path / "post.md"))
    assert any("front-matter-overrides" in p.message for p in result.problems)


# -- 4: front matter cannot exhaust time or memory ---------------------------------------


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\nHello.\n"


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_once() -> None:
    import time

    from post_lint.document import parse

    began = time.perf_counter()
    doc, problems = parse(_alias_bomb(), "post.md")
    assert time.perf_counter() - began < 1
    assert problems and "alias" in problems[0] and doc.front_matter == {}
    assert "Hello." in doc.prose


def test_deeply_nested_front_matter_is_one_problem() -> None:
    from post_lint.document import parse

    _, problems = parse("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nHello.\n", "post.md")
    assert problems and "front matter is not valid" in problems[0]


# -- 6: a post too long for spaCy is refused in one line, not a traceback -----------------


def test_a_post_over_a_million_characters_skips_spacy_checks_with_one_problem() -> None:
    text = "Thanks to everyone who came to the parade. " * 23_300  # 1,001,900 characters
    assert len(text) > 1_000_000
    result = Linter(select=["names", "emoji"]).lint_text(text, "post.txt")
    assert [p.message for p in result.problems if "over the 1,000,000" in p.message]
    assert "names" not in result.checks_run and "emoji" in result.checks_run
    assert result.exit_code == 2


def test_a_cli_run_on_a_huge_post_under_a_raised_limit_has_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / ".post-lint.toml").write_text("max-file-size = 3000000\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("Thanks to everyone who came to the parade. " * 23_300, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "post_lint", "--select", "names", "--no-cache", "big.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "over the 1,000,000 characters" in proc.stderr or "over the 1,000,000" in proc.stdout + proc.stderr


# -- 12: front matter with Windows line endings ------------------------------------------


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_with_crlf_line_endings_is_read(fence: str) -> None:
    from post_lint.document import parse

    body = "title: Parade" if fence == "---" else 'title = "Parade"'
    text = f"{fence}\r\n{body}\r\n{fence}\r\nCall Jane at 763-555-0142.\r\n"
    doc, problems = parse(text, "post.md")
    assert problems == [] and doc.front_matter == {"title": "Parade"}
    assert "Call Jane" in doc.prose and "title" not in doc.prose


# -- 13: lone surrogates and a non-UTF-8 terminal ----------------------------------------


def _cli(args: list[str], cwd: Path, **env: str) -> object:
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "post_lint", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=False,
        timeout=300,
        env={**os.environ, **env},
    )


def test_a_lone_surrogate_is_linted_and_every_output_format_can_be_encoded() -> None:
    from post_lint.reporters import format_names, render

    # What serve and the language server get from JSON "\\ud83d": a lone high surrogate.
    text = "Hello \ud83d world! 😀😀😀😀 Call 763-555-0142"
    result = Linter(select=["emoji", "hidden-text", "personal-data"]).lint_text(text, "p.txt")
    assert not result.problems and result.findings
    assert [f.offset for f in result.findings] == sorted(f.offset for f in result.findings)
    for fmt in format_names():
        render(result, fmt).encode("utf-8")


def test_output_to_a_non_utf8_stream_escapes_what_it_cannot_encode(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text("We 😀😀😀😀😀 our volunteers!\n", encoding="utf-8")
    proc = _cli(["--select", "emoji", "post.txt"], tmp_path, PYTHONIOENCODING="cp1252")
    assert b"Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0 and b"post.txt:1:4" in proc.stdout


# -- 11: hostile folders ------------------------------------------------------------------


def _folder_with_a_good_post(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "good.txt").write_text("We 😀 our volunteers!\n", encoding="utf-8")
    return folder


def test_a_symlink_loop_in_a_folder_is_named_and_the_rest_linted(tmp_path: Path) -> None:
    import os

    folder = _folder_with_a_good_post(tmp_path)
    os.symlink(folder / "loop.md", folder / "loop.md")
    os.symlink(folder, folder / "again")  # a link back to the folder is not followed
    result = Linter(select=["emoji"]).lint_paths([str(folder)])
    assert [p.message for p in result.problems] == ["symbolic link loop: skipped"]
    assert [f.path for f in result.findings] == [str(folder / "good.txt")]


def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    import os

    folder = _folder_with_a_good_post(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    result = Linter(select=["emoji"]).lint_paths([str(folder)])
    assert [p.message for p in result.problems] == ["not a regular file (a pipe, socket or device): skipped"]
    assert [f.path for f in result.findings] == [str(folder / "good.txt")]


def test_a_folder_1200_levels_deep_is_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    folder = _folder_with_a_good_post(tmp_path)
    monkeypatch.chdir(folder)  # relative steps keep each path under the OS's length limit
    deep = Path(".")
    for _ in range(1200):
        os.mkdir(deep / "d")
        deep = deep / "d"
    (deep / "deep.txt").write_text("Deep 😀 post.\n", encoding="utf-8")
    try:
        result = Linter(select=["emoji"]).lint_paths(["."])
    finally:  # bottom up: shutil.rmtree (pytest's clean-up) recurses and would overflow
        (deep / "deep.txt").unlink()
        while deep != Path("."):
            os.rmdir(deep)
            deep = deep.parent
    assert not result.problems
    assert len(result.findings) == 2


# -- 9: the cache key, damaged entries, abandoned temporary files -------------------------


def test_an_edit_to_a_table_another_check_reads_misses_the_cache(tmp_path: Path) -> None:
    from post_lint.cache import FindingsCache
    from post_lint.document import parse
    from post_lint.plan import plan

    store = FindingsCache(tmp_path / "cache")
    linter = Linter(select=["emoji"])
    doc, _ = parse("Hello 😀", "p.txt")
    before = Config(data={"select": ["emoji"], "links": {"severity": "info"}})
    after = Config(data={"select": ["emoji"], "links": {"severity": "error"}})
    key_before = store.key_for(plan(doc, before, linter.overrides, linter.installed))
    key_after = store.key_for(plan(doc, after, linter.overrides, linter.installed))
    assert key_before != key_after


@pytest.mark.parametrize(
    "entry", ["[]", '{"format_version": 3, "findings": [1]}', '{"format_version": 3, "findings": [{"x": 1}]}', "null"]
)
def test_a_malformed_cache_entry_is_a_miss(tmp_path: Path, entry: str) -> None:
    from post_lint.cache import FindingsCache

    store = FindingsCache(tmp_path / "cache")
    key = "ab" + "0" * 62
    path = tmp_path / "cache" / "ab" / f"{key[2:]}.json"
    path.parent.mkdir(parents=True)
    path.write_text(entry, encoding="utf-8")
    assert store.get(key) is None


def test_stale_temporary_files_of_failed_writes_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    from post_lint.cache import FindingsCache

    store = FindingsCache(tmp_path / "cache")
    folder = tmp_path / "cache" / "ab"
    folder.mkdir(parents=True)
    stale, fresh = folder / "dead.tmp", folder / "writing.tmp"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    store.prune()
    assert not stale.exists() and fresh.exists()


# -- 10: config discovery has a boundary; a remote grammar server is always named ----------


def test_config_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text('[grammar]\nserver = "http://203.0.113.9:8081"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "posts").mkdir()
    config = Linter().config_for(str(repo / "posts" / "p.md"))
    assert config.path is None
    assert Linter().config_for(str(tmp_path / "elsewhere" / "p.md")).path == tmp_path / ".post-lint.toml"


def test_a_grammar_server_off_this_machine_is_named_in_the_output(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(
        '[grammar]\nserver = "http://203.0.113.9:8081"\nengine = "auto"\n', encoding="utf-8"
    )
    plan_of = Linter(select=["grammar", "emoji"])
    from post_lint.document import parse
    from post_lint.plan import plan
    from post_lint.runner import _remote_grammar_server

    doc, _ = parse("Hello.", "p.txt")
    planned = plan(doc, plan_of.config_for(str(tmp_path / "p.txt")), plan_of.overrides, plan_of.installed)
    assert _remote_grammar_server(planned) == "http://203.0.113.9:8081"
    result = Linter(select=["emoji"]).lint_text("Hi 😀", str(tmp_path / "p.txt"))
    assert "grammar server" not in result.notes  # grammar does not run: nothing is sent
    local = Config(data={"grammar": {"server": "http://127.0.0.1:8081"}})
    assert _remote_grammar_server(plan(doc, local, plan_of.overrides, plan_of.installed)) is None


# -- 8: config values are validated, one line each ---------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[personal-data]\nregion = "USA"\n', "two-letter region code"),
        ("[personal-data]\nallow = [1]\n", "must be a list of strings"),
        ("max-file-size = " + "9" * 5000 + "\n", "out of range"),
        ("max-file-size = " + "9" * 40 + "\n", "out of range"),
    ],
)
def test_bad_config_values_are_one_line_errors(tmp_path: Path, toml: str, expected: str) -> None:
    (tmp_path / ".post-lint.toml").write_text(toml, encoding="utf-8")
    result = Linter(select=["personal-data"]).lint_text("Call 763-555-0142.", str(tmp_path / "p.txt"))
    assert [p.message for p in result.problems if expected in p.message], result.problems


def test_a_pyproject_whose_tool_post_lint_is_not_a_table_is_an_error(tmp_path: Path) -> None:
    from post_lint.config import ConfigError, discover

    (tmp_path / "pyproject.toml").write_text("[tool]\npost-lint = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a table"):
        discover(tmp_path)


def test_a_broken_pyproject_with_our_section_is_reported_not_ignored(tmp_path: Path) -> None:
    from post_lint.config import ConfigError, discover

    (tmp_path / "pyproject.toml").write_text('[tool.post-lint]\nprofile = "official\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML syntax error"):
        discover(tmp_path)


def test_a_spacy_model_that_is_not_a_model_skips_spacy_checks(tmp_path: Path) -> None:
    result = Linter(config=Config(data={"spacy-model": "click"}), select=["names"]).lint_text("Hi Jane.", "p.txt")
    assert [s.check for s in result.skipped] == ["names"]


# -- a time budget per post ---------------------------------------------------------------


def _plan_with_budget(checks: list, budget: float):
    """A plan that runs ``checks`` on a one-line post under a time budget of ``budget`` seconds."""
    from post_lint.document import parse
    from post_lint.plan import Plan

    doc, _ = parse("Hello.", "p.txt")
    return Plan(
        doc=doc,
        checks=checks,
        rule_filter={},
        ignored_rules=set(),
        profile="official",
        config=Config(data={"time-budget": budget}),
        settings={c.name: ({}, "warning") for c in checks},
    )


def test_a_post_over_its_time_budget_is_an_input_problem_and_its_other_checks_skipped() -> None:
    import time

    from post_lint.api import Check
    from post_lint.run import run

    def slow(doc: object, ctx: object) -> list:
        time.sleep(0.3)
        return []

    checks = [Check(name, "x", "warning", "V", "clause", slow) for name in ("first", "second", "third")]
    planned = _plan_with_budget(checks, 0.5)
    result, cacheable = run(planned)
    assert result.checks_run == {"first", "second"}
    assert [s.check for s in result.skipped] == ["third"]
    assert not cacheable and "time budget" in result.problems[0].message


def test_time_spent_waiting_on_a_server_does_not_count_against_the_budget() -> None:
    # A LanguageTool server starting on first use is no fault of the text: found in a fresh
    # clone, where the README's example lint exited 2 while the shared server warmed up.
    import time

    from post_lint.api import Check
    from post_lint.run import run

    def waits_on_a_server(doc: object, ctx) -> list:
        time.sleep(0.6)
        ctx.waited += 0.6
        return []

    def quick(doc: object, ctx: object) -> list:
        return []

    checks = [
        Check("grammarish", "x", "warning", "V", "clause", waits_on_a_server),
        Check("next", "x", "warning", "V", "clause", quick),
    ]
    planned = _plan_with_budget(checks, 0.5)
    result, _ = run(planned)
    assert result.checks_run == {"grammarish", "next"} and not result.problems


def test_the_time_budget_is_on_by_default_and_validated(tmp_path: Path) -> None:
    from post_lint.config import DEFAULT_TIME_BUDGET

    assert DEFAULT_TIME_BUDGET > 0
    (tmp_path / ".post-lint.toml").write_text("time-budget = -1\n", encoding="utf-8")
    result = Linter(select=["emoji"]).lint_text("Hi.", str(tmp_path / "p.txt"))
    assert any("time-budget" in p.message for p in result.problems)


def test_a_post_whose_lint_grows_memory_past_its_budget_is_an_input_problem() -> None:
    from post_lint.api import Check
    from post_lint.run import resident_mb, run

    if resident_mb() is None:
        pytest.skip("no /proc/self/statm here: the memory budget is not measured on this system")
    hoard: list[bytearray] = []

    def greedy(doc: object, ctx: object) -> list:
        hoard.append(bytearray(80 * 1_048_576))  # 80 MB, touched so that it is resident
        hoard[-1][::4096] = b"\1" * len(hoard[-1][::4096])
        return []

    checks = [Check(name, "x", "warning", "V", "clause", greedy) for name in ("first", "second", "third")]
    planned = _plan_with_budget(checks, 0)
    planned.config.data["memory-budget"] = 100
    result, cacheable = run(planned)
    hoard.clear()
    assert result.checks_run == {"first", "second"}
    assert [s.check for s in result.skipped] == ["third"]
    assert not cacheable and "memory budget" in result.problems[0].message and "'memory-budget'" in result.problems[0].message


def test_the_memory_budget_is_on_by_default_and_validated(tmp_path: Path) -> None:
    from post_lint.config import DEFAULT_MEMORY_BUDGET

    assert DEFAULT_MEMORY_BUDGET > 0
    (tmp_path / ".post-lint.toml").write_text("memory-budget = -5\n", encoding="utf-8")
    result = Linter(select=["emoji"]).lint_text("Hi.", str(tmp_path / "p.txt"))
    assert any("memory-budget" in p.message for p in result.problems)
