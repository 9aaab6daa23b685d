"""docs/checks.md is generated from the checks' own declarations and must not drift."""

from __future__ import annotations

from pathlib import Path

from post_lint.docs import all_docs

ROOT = Path(__file__).resolve().parent.parent


def test_checks_reference_is_up_to_date():
    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == all_docs(), "docs/checks.md is stale: run `python -m post_lint.docs > docs/checks.md`"


def test_every_check_is_in_the_readme_table():
    from post_lint.registry import check_names

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in check_names():
        assert f"| `{name}` |" in readme, name


def test_readme_check_table_gives_the_severity_post_lint_checks_prints(tmp_path):
    """The README once said grammar is an error while `post-lint checks` said warning."""
    import re
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", readme, re.MULTILINE))
    listed = subprocess.run(
        [sys.executable, "-m", "post_lint", "checks"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert listed.returncode == 0, listed.stderr
    printed = {line.split()[0]: line.split()[1] for line in listed.stdout.splitlines() if line.strip()}
    assert printed and table == printed


def test_published_config_schema_is_up_to_date():
    from post_lint.schema import render

    current = (ROOT / "docs" / "post-lint.schema.json").read_text(encoding="utf-8")
    assert current == render(), "docs/post-lint.schema.json is stale: run `post-lint schema > docs/post-lint.schema.json`"


def test_config_schema_describes_every_check_option_and_accepts_the_starter_config():
    import tomllib

    from post_lint.init import Answers, render
    from post_lint.registry import load_checks
    from post_lint.schema import schema

    # What `post-lint init` writes for a body that answered everything.
    answers = Answers(name="City of X", aliases=["X"], site="https://x.example", policy_title="X Policy")
    answers.clauses["emoji"] = "Few emoji."
    STARTER_CONFIG = render(answers, load_checks()[0])

    published = schema()
    for check in load_checks()[0]:
        table = published["properties"][check.name]["properties"]
        assert set(check.options) | {"severity"} == set(table), check.name
    written = tomllib.loads(STARTER_CONFIG)
    assert set(written) <= set(published["properties"])
    assert set(written["body"]) <= set(published["properties"]["body"]["properties"])
    assert set(written["policy"]) <= set(published["properties"]["policy"]["properties"])
    assert published["properties"]["fail-on"]["enum"] == ["info", "warning", "error", "never"]
