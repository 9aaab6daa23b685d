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
