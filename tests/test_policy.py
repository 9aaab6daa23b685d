"""Any public body's policy: the same drafts, two fictional cities, each city's own clauses cited."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from post_lint.cli import main
from post_lint.config import Config, ConfigError, validate_top_level
from post_lint.registry import check_names
from post_lint.runner import Linter

DRAFTS = {
    "emoji.txt": "We \u2764\ufe0f our volunteers!",
    "link.txt": "Read the plan at http://bit.ly/plan2026 before the meeting.",
}
PERSONAL = "I work for Maplewood Falls, and the council budget cuts to the fire department are going to show."

MAPLEWOOD = """\
[body]
name = "City of Maplewood Falls"
aliases = ["Maplewood Falls", "the City"]
site = "https://www.maplewoodfalls.example"

[policy]
title = "Maplewood Falls Social Media Policy"
link = "https://www.maplewoodfalls.example/social-media-policy"
sections = {"V. Rules of Use" = "Section 4. Acceptable Use"}

[policy.clauses]
emoji = "Posts use emoji sparingly and never in place of words."
links = {section = "Section 6. Links", clause = "Link only to the City's site or other public bodies' sites."}
"""

CEDAR = """\
[body]
name = "Town of Cedar Bluff"
aliases = ["Cedar Bluff"]

[policy]
title = "Cedar Bluff Communications Policy"
sections = {"V. Rules of Use" = "Part 2. Standards"}

[policy.clauses]
emoji = "Emoji are decoration, not words; keep them few."
"""


def _city(root: Path, name: str, config: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / ".post-lint.toml").write_text(config, encoding="utf-8")
    for file, text in DRAFTS.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def _policies(folder: Path) -> dict[str, str]:
    result = Linter(select=["emoji", "links"]).lint_paths([str(folder)])
    assert not result.problems
    return {f.check: f.policy for f in result.findings}


def test_the_same_drafts_cite_each_citys_own_policy(tmp_path: Path) -> None:
    maplewood = _policies(_city(tmp_path, "maplewood", MAPLEWOOD))
    cedar = _policies(_city(tmp_path, "cedar", CEDAR))
    assert maplewood["emoji"] == (
        "Maplewood Falls Social Media Policy, Section 4. Acceptable Use: "
        "\u201cPosts use emoji sparingly and never in place of words.\u201d"
    )
    assert maplewood["links"].startswith("Maplewood Falls Social Media Policy, Section 6. Links: \u201cLink only")
    assert cedar["emoji"] == (
        "Cedar Bluff Communications Policy, Part 2. Standards: \u201cEmoji are decoration, not words; keep them few.\u201d"
    )
    # A clause Cedar Bluff did not write: its section and title, and the shipped words marked as the example's.
    assert cedar["links"].startswith(
        "Cedar Bluff Communications Policy, Part 2. Standards: (no clause configured; the shipped example policy says \u201c"
    )
    for cited in (*maplewood.values(), cedar["emoji"]):
        assert "Anoka" not in cited and "anokaminnesota" not in cited


def test_without_a_policy_table_the_shipped_example_is_cited(tmp_path: Path) -> None:
    folder = _city(tmp_path, "plain", "")
    assert (
        _policies(folder)["emoji"] == "V. Rules of Use: \u201cImprove content accessibility by limiting the use of emoji.\u201d"
    )


def _sections_listed(folder: Path, *args: str) -> dict[str, str]:
    """`post-lint checks` run in ``folder``: check name -> the section column."""
    import os

    before = os.getcwd()
    os.chdir(folder)
    try:
        shown = CliRunner().invoke(main, ["checks", *args])
    finally:
        os.chdir(before)
    assert shown.exit_code == 0, shown.output
    rows = [re.match(r"(\S+) +(?:error|warning|info) +(.*?)  +\S", line) for line in shown.output.splitlines()]
    return {row.group(1): row.group(2) for row in rows if row}


def test_checks_lists_each_citys_own_section_titles(tmp_path: Path) -> None:
    maplewood = _sections_listed(_city(tmp_path, "maplewood", MAPLEWOOD))
    cedar = _sections_listed(_city(tmp_path, "cedar", CEDAR))
    plain = _sections_listed(_city(tmp_path, "plain", ""))
    assert maplewood["emoji"] == "Section 4. Acceptable Use"
    assert maplewood["links"] == "Section 6. Links"  # the clause's own section
    assert cedar["emoji"] == cedar["links"] == "Part 2. Standards"
    assert plain["emoji"] == "V. Rules of Use"
    # Sections the body did not rename stay the example's (the personal profile's VI).
    assert maplewood["disclaimer"] == "VI. Personal Social Media Use"
    # --config names the city from anywhere.
    elsewhere = _sections_listed(tmp_path, "--config", str(tmp_path / "cedar" / ".post-lint.toml"))
    assert elsewhere["emoji"] == "Part 2. Standards"


def test_json_and_hover_carry_the_citys_clause(tmp_path: Path) -> None:
    folder = _city(tmp_path, "maplewood", MAPLEWOOD)
    out = CliRunner().invoke(main, ["--format", "json", "--select", "emoji", "--no-cache", str(folder / "emoji.txt")])
    [finding] = json.loads(out.output)["findings"]
    assert "Posts use emoji sparingly" in finding["policy"]
    assert finding["policy_link"] == "https://www.maplewoodfalls.example/social-media-policy"

    from post_lint.lsp import policy_markdown

    result = Linter(select=["emoji"]).lint_paths([str(folder / "emoji.txt")])
    hover = policy_markdown(result.findings[0])
    assert "Posts use emoji sparingly" in hover
    assert "(https://www.maplewoodfalls.example/social-media-policy)" in hover


def test_disclaimer_employer_names_default_to_the_body_name_and_aliases(tmp_path: Path) -> None:
    maplewood = _city(tmp_path, "maplewood", MAPLEWOOD)
    cedar = _city(tmp_path, "cedar", CEDAR)
    for folder in (maplewood, cedar):
        (folder / "personal.txt").write_text(PERSONAL, encoding="utf-8")
    linter = Linter(select=["disclaimer"], profile="personal")
    [found] = linter.lint_paths([str(maplewood / "personal.txt")]).findings
    assert PERSONAL[found.offset : found.end] == "I work for Maplewood Falls"
    assert "Maplewood Falls Social Media Policy" in found.policy
    # Cedar Bluff's staff do not work for Maplewood Falls.
    assert linter.lint_paths([str(cedar / "personal.txt")]).findings == []


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ({"titel": "x"}, "unknown key 'titel'; did you mean 'title'?"),
        ({"clauses": {"emjoi": "x"}}, "unknown check 'emjoi'; did you mean 'emoji'?"),
        ({"clauses": {"emoji": {"section": "x"}}}, "'emoji' must be a clause text or"),
        ({"sections": "V"}, "'sections' must be a table"),
    ],
)
def test_a_wrong_policy_table_is_a_one_line_config_error(policy: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("?", r"\?").replace("(", r"\(")):
        validate_top_level(Config(data={"policy": policy}), check_names())


def test_init_from_options_to_the_citys_own_clauses(tmp_path: Path) -> None:
    """A script: post-lint init with options, no terminal, then the city's clauses in findings."""
    runner = CliRunner()
    args = [
        "init",
        str(tmp_path),
        "--name",
        "City of Maplewood Falls",
        "--alias",
        "Maplewood Falls",
        "--site",
        "https://www.maplewoodfalls.example",
        "--official",
        "Mayor Dana Whitfield",
        "--contact",
        "555-010-0100",
        "--partner",
        "Maplewood Falls Library: the library",
        "--word",
        "Riverfest",
        "--policy-title",
        "Maplewood Falls Social Media Policy",
        "--policy-link",
        "https://www.maplewoodfalls.example/policy",
        "--section",
        "V. Rules of Use=Section 4. Acceptable Use",
        "--clause",
        "emoji=Posts use emoji sparingly and never in place of words.",
    ]
    done = runner.invoke(main, args, input="")  # stdin is no terminal: nothing is asked
    assert done.exit_code == 0, done.output
    written = (tmp_path / ".post-lint.toml").read_text(encoding="utf-8")
    assert 'name = "City of Maplewood Falls"' in written and '\nemoji = "Posts use emoji' in written
    assert '# links = "All approved sites' in written  # the clauses not given: commented, to replace
    (tmp_path / "post.txt").write_text(DRAFTS["emoji.txt"] + " Call 555-010-0100.", encoding="utf-8")
    result = Linter(select=["emoji", "personal-data"]).lint_paths([str(tmp_path / "post.txt")])
    assert not result.problems
    [finding] = result.findings  # the city's own number is a contact, not personal data
    assert finding.policy == (
        "Maplewood Falls Social Media Policy, Section 4. Acceptable Use: "
        "\u201cPosts use emoji sparingly and never in place of words.\u201d"
    )
    assert finding.policy_link == "https://www.maplewoodfalls.example/policy"
    again = runner.invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_init_without_options_or_terminal_writes_a_valid_commented_config(tmp_path: Path) -> None:
    done = CliRunner().invoke(main, ["init", str(tmp_path)], input="")
    assert done.exit_code == 0
    config = (tmp_path / ".post-lint.toml").read_text(encoding="utf-8")
    assert "[body]" in config and "[policy.clauses]" in config
    import tomllib

    validate_top_level(Config(data=tomllib.loads(config)), check_names())


def test_init_asks_for_what_the_options_left_out() -> None:
    from post_lint import init
    from post_lint.registry import load_checks

    checks, _ = load_checks()
    replies = iter(["City of Cedar Bluff", "", "https://cedarbluff.example", "", "Mayor Ann Lee", "", "", "", "", ""])
    asked: list[str] = []

    def prompt(label: str, default: str = "", show_default: bool = False) -> str:
        asked.append(label)
        return next(replies) or default

    answers = init.ask(init.Answers(), checks, prompt, lambda *a, **k: False)
    assert answers.name == "City of Cedar Bluff"
    assert answers.aliases == ["Cedar Bluff", "the City", "City Hall"]  # the offered default
    assert answers.officials == ["Mayor Ann Lee"]
    assert answers.policy_title == "City of Cedar Bluff Social Media Policy"
    text = init.render(answers, checks)
    assert 'title = "City of Cedar Bluff Social Media Policy"' in text


def _plain(text: str) -> str:
    """Case, spacing, curly quotes and the policy's stray ® aside."""
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u00ae", "")
    return " ".join(text.split()).lower()


@pytest.mark.parametrize("name", check_names())
def test_every_checks_clause_is_quoted_word_for_word_from_the_shipped_policy(name: str) -> None:
    # A finding cites its clause as the policy's own words: a paraphrase would put words in the policy's mouth.
    from conftest import SHARED

    from post_lint.registry import load_check

    policy = SHARED / "policy" / "social-media-policy.txt"
    if not policy.is_file():
        pytest.skip(f"{policy} is not beside this checkout")
    text = _plain(policy.read_text(encoding="utf-8"))
    check = load_check(name)
    for part in re.split(r"\s*(?:\[\.\.\.\]|\.\.\.|\u2026)\s*", check.policy_clause):  # elisions
        assert _plain(part).rstrip(". ") in text, f"{name}: {part!r} is not in the policy"
    assert _plain(check.policy_section.split(". ", 1)[-1]) in text
