"""The names check: people's names are flagged, officials in allow, places, pets and
public officials are not. spaCy is loaded once for the module."""

from __future__ import annotations

import pytest

from post_lint.config import Config
from post_lint.runner import Linter

pytest.importorskip("spacy")

from post_lint.checks.names.officials import Officials  # noqa: E402

OFFICIALS = ["Mayor Erik Skogquist", "City Manager Greg Lee", "Police Chief Eric Yang", "Officer Daniel Ortiz"]


@pytest.fixture(scope="module")
def linter() -> Linter:
    linter = Linter(select=["names"], config=Config(data={"names": {"allow": OFFICIALS}}))
    result = linter.lint_text("Warm-up.", path="post.txt")
    if result.skipped:
        pytest.skip(result.skipped[0].reason)
    return linter


def names(linter: Linter, text: str, path: str = "post.txt") -> list[str]:
    result = linter.lint_text(text, path=path)
    assert not result.skipped and not result.problems
    return [text[f.offset : f.end] for f in result.findings]


def test_private_full_name_is_flagged_with_its_exact_span(linter: Linter) -> None:
    text = "Congratulations to Lily Chen, a fourth grader, whose poster won first place!"
    assert names(linter, text) == ["Lily Chen"]


def test_title_and_possessive_are_not_part_of_the_flagged_span(linter: Linter) -> None:
    assert names(linter, "Thanks to Jessica Moore's class for the cards.") == ["Jessica Moore"]


def test_message_asks_for_consent_and_says_how_to_allow_an_official(linter: Linter) -> None:
    (finding,) = linter.lint_text("Happy retirement to Dave Kowalski!", path="post.txt").findings
    assert finding.severity == "warning"
    assert "consent" in finding.message and "[body] officials" in finding.message and "consents.toml" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Erik Skogquist will read to kids on Saturday.",
        "Watch Mayor Skogquist's address on Thursday.",
        "Erik Skogquist thanked the volunteers. Erik said the fair was a success.",
        "City Manager Greg Lee presented the budget. Lee said roads come first.",
        "Police Chief Eric Yang hosts coffee Wednesday. Chief Yang will take questions.",
        "Officer Daniel Ortiz joins Anoka Middle School. Say hi to Officer Ortiz!",
    ],
)
def test_allowed_officials_with_titles_possessives_and_follow_ups_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_a_different_person_who_shares_an_officials_surname_is_flagged(linter: Linter) -> None:
    assert names(linter, "Thanks to Jenny Lee for organizing the cleanup.") == ["Jenny Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "The playground at George Green Park is closed next week.",
        "City offices are closed Monday for Martin Luther King Jr. Day.",
        "Pickleball courts at Peter Anoka Park are open daily.",
        "Students from Lincoln Elementary planted trees along the trail.",
        "Sewer work on Benton Street and Jackson Street starts Monday.",
    ],
)
def test_places_and_events_named_after_people_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Have you seen our dog Max? He is a brown lab.",
        "Meet Rocky, our new police K-9!",
        "Have you seen Luna? She is a gray tabby who slipped out Sunday.",
    ],
)
def test_pets_are_not_people(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_public_official_after_a_public_office_title_is_not_flagged(linter: Linter) -> None:
    assert names(linter, "Governor Tim Walz toured the water plant with Sen. Amy Klobuchar.") == []


def test_names_in_mentions_and_urls_are_not_flagged(linter: Linter) -> None:
    assert names(linter, "Thanks to @SarahTran for the photo! More at https://example.com/sarah-tran") == []


def test_name_the_model_labels_an_organisation_is_still_found(linter: Linter) -> None:
    # The small model tags this one ORG; a census given name + surname makes it a person.
    text = "And the winner of this year's costume contest is Noah Fischer, dressed as a garden gnome!"
    assert names(linter, text) == ["Noah Fischer"]


def test_single_capitalised_words_the_model_mistakes_for_people_are_not_flagged(linter: Linter) -> None:
    text = "Halloween trail this Friday! Costumes welcome. Drop off food at the Walgreens lot."
    assert names(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Flu shots in Carroll, Gallatin, Owen and Pendleton Counties this week.",
        "New cases by town: Covington: 5, Craig: 6, Salem: 12.",
        "Clinic today at the Sherman Health Department, 515 N Walnut, Sherman.",
        "See you at the back-to-school bash in Winter Haven, FL on Saturday.",
        "Pfizer, Moderna and Johnson & Johnson vaccines are available.",
        "RECALL: Jennie-O turkey products sold in November.",
    ],
)
def test_places_brands_and_counts_by_town_are_not_people(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_officials_match_first_name_follow_up_only_after_the_full_name() -> None:
    officials = Officials.parse(("Police Chief Eric Yang",), frozenset({"police", "chief"}))
    text = "Chief Eric Yang spoke. Eric thanked everyone."
    assert officials.allows("Eric", text, text.index("Eric thanked"))
    assert not officials.allows("Eric", "Eric thanked everyone.", 0)
    assert officials.allows("Yang's", "", 0)
    assert not officials.allows("Jenny Yang", "", 0)
