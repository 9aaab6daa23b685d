"""The disclaimer check: an employee's own post about City business needs the disclaimer."""

from __future__ import annotations

import pytest
from post_lint.checks.disclaimer import DEFAULT_WORDING

from post_lint.config import Config
from post_lint.runner import Linter

# Anoka, configured as the body: employer-names defaults to its name and aliases.
ANOKA = {"body": {"name": "City of Anoka", "aliases": ["the City of Anoka", "Anoka", "the City", "City Hall"]}}
POST = "I work for the City of Anoka, and the budget cuts to park maintenance are going to show."


@pytest.fixture(scope="module")
def linter() -> Linter:
    linter = Linter(select=["disclaimer"], profile="personal", config=Config(data=ANOKA))
    return linter


def test_identified_employee_on_city_business_without_disclaimer(linter: Linter) -> None:
    [finding] = linter.lint_text(POST, path="post.txt").findings
    assert finding.rule == "disclaimer/missing"
    assert POST[finding.offset : finding.end] == "I work for the City of Anoka"
    assert finding.suggestions == (DEFAULT_WORDING,)


def test_the_policy_sentence_satisfies_the_check(linter: Linter) -> None:
    assert linter.lint_text(f"{POST} {DEFAULT_WORDING}", path="post.txt").findings == []


@pytest.mark.parametrize(
    "text",
    [
        "In my opinion the new roundabout is a mess.",  # no City job named
        "Ten years ago today I started my job at City Hall. Thank you, coworkers!",  # no City business
        f"{POST} Views are my own.",
    ],
)
def test_no_finding_without_identification_business_or_with_a_disclaimer(linter: Linter, text: str) -> None:
    assert linter.lint_text(text, path="post.txt").findings == []


def test_spaced_identification_points_at_the_original(linter: Linter) -> None:
    text = "I w o r k for the City of Anoka and the new plow routes start this winter."
    [finding] = linter.lint_text(text, path="post.txt").findings
    assert text[finding.offset : finding.end] == "I w o r k for the City of Anoka"


def test_custom_wording_is_suggested_and_accepted() -> None:
    wording = "Opinions here are mine, not the City of Anoka's."
    linter = Linter(select=["disclaimer"], profile="personal", config=Config(data={**ANOKA, "disclaimer": {"wording": wording}}))
    [finding] = linter.lint_text(POST, path="post.txt").findings
    assert finding.suggestions == (wording,)
    assert linter.lint_text(f"{POST} {wording}", path="post.txt").findings == []


def test_does_not_run_on_official_accounts() -> None:
    linter = Linter(select=["disclaimer"], config=Config(data={}))
    assert linter.lint_text(POST, path="post.txt").findings == []
