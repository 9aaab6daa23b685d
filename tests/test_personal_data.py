"""The personal-data check: what counts as a private datum, what the allow list covers,
and that every finding points at exactly the datum in the original text."""

from __future__ import annotations

import pytest

from post_lint.config import Config
from post_lint.runner import Linter

CITY = {
    "allow": [
        "763-576-2700",
        "clerk@anokaminnesota.com",
        "ci.anoka.mn.us",
        "anokaminnesota.com",
        "2015 First Avenue North",
    ]
}


def _linter(**options: object) -> Linter:
    linter = Linter(select=["personal-data"], config=Config(data={"personal-data": {**CITY, **options}}))
    return linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return _linter()


def flagged(linter: Linter, text: str, path: str = "post.txt") -> list[tuple[str, str]]:
    result = linter.lint_text(text, path=path)
    assert not result.skipped and not result.problems
    return [(f.rule.removeprefix("personal-data/"), text[f.offset : f.end]) for f in result.findings]


# -- evasions (issue 9): the exact original span is reported -------------------
def test_spelled_out_digits_are_a_phone_number_with_their_whole_span(linter: Linter) -> None:
    text = "Lost cat! Call her owner at five five five, one two one two, any time."
    assert flagged(linter, text) == [("phone", "five five five, one two one two")]


def test_phone_with_spaced_separators_is_flagged_with_its_whole_span(linter: Linter) -> None:
    text = "Text the organizer at 763 . 555 . 0142 to help."
    assert flagged(linter, text) == [("phone", "763 . 555 . 0142")]


def test_email_written_with_at_and_dot_words_is_flagged_with_its_whole_span(linter: Linter) -> None:
    text = "Questions? Write to john (at) example (dot) com today."
    assert flagged(linter, text) == [("email", "john (at) example (dot) com")]


def test_email_with_bracketed_at_and_word_dot_is_flagged(linter: Linter) -> None:
    text = "Sign up with jane.doe [at] gmail dot com by Friday."
    assert flagged(linter, text) == [("email", "jane.doe [at] gmail dot com")]


def test_plain_at_and_dot_in_a_sentence_is_not_an_email(linter: Linter) -> None:
    assert flagged(linter, "Find us at anokaminnesota.com and at the fair.") == []


# -- phone numbers -------------------------------------------------------------
@pytest.mark.parametrize(
    "number",
    ["763-555-0142", "(763) 555-0142", "763.555.0142", "+1 763 555 0142", "7635550142", "1-763-555-0142", "555-0142"],
)
def test_private_phone_number_in_any_common_us_format_is_flagged(linter: Linter, number: str) -> None:
    text = f"Found a set of keys. Call Jenny at {number} to claim them."
    assert flagged(linter, text) == [("phone", number)]


@pytest.mark.parametrize("number", ["763-576-2700", "(763) 576-2700", "763.576.2700", "+1 763 576 2700"])
def test_allowed_city_number_is_never_flagged_in_any_format(linter: Linter, number: str) -> None:
    assert flagged(linter, f"Questions? Call Jenny at {number}.") == []


def test_region_option_reads_numbers_without_country_code_for_that_country() -> None:
    text = "Ring the owner on 020 7946 0958 if you find him."
    assert flagged(_linter(region="GB"), text) == [("phone", "020 7946 0958")]
    assert flagged(_linter(), text) == []


def test_toll_free_line_is_not_personal(linter: Linter) -> None:
    assert flagged(linter, "Energy assistance can help with heating bills. Call 1-800-657-3710 to apply.") == []


def test_number_given_to_an_office_or_line_is_not_personal(linter: Linter) -> None:
    text = "To report a downed tree, call the Anoka Police non-emergency line at 763-427-1212."
    assert flagged(linter, text) == []


def test_person_named_right_before_a_number_outweighs_an_office_in_the_sentence(linter: Linter) -> None:
    text = "Questions for the food shelf? Call Linda at (763) 555-0164."
    assert flagged(linter, text) == [("phone", "(763) 555-0164")]


def test_time_range_is_not_a_local_phone_number(linter: Linter) -> None:
    assert flagged(linter, "Dental day: Nov. 21, 830-1130AM, at the clinic.") == []


# -- e-mail addresses ------------------------------------------------------------
def test_private_email_address_is_flagged(linter: Linter) -> None:
    text = "Send photos to jenny.olson82@gmail.com by Friday."
    assert flagged(linter, text) == [("email", "jenny.olson82@gmail.com")]


@pytest.mark.parametrize(
    "address",
    ["clerk@anokaminnesota.com", "events@parks.anokaminnesota.com", "jsmith@ci.anoka.mn.us", "info@anokahalloween.com"],
)
def test_allowed_domains_public_bodies_and_role_mailboxes_are_not_flagged(linter: Linter, address: str) -> None:
    assert flagged(linter, f"Questions? Email {address} for details.") == []


# -- numbers that identify someone ----------------------------------------------
def test_social_security_number_is_flagged(linter: Linter) -> None:
    assert flagged(linter, "Her SSN, 218-44-9031, was read to a scammer.") == [("ssn", "218-44-9031")]


def test_luhn_valid_card_number_is_flagged_and_invalid_one_is_not(linter: Linter) -> None:
    assert flagged(linter, "A card, 4532 0151 1283 0366, was found.") == [("card", "4532 0151 1283 0366")]
    assert flagged(linter, "A card, 4532 0151 1283 0367, was found.") == []


def test_card_ending_digits_are_flagged(linter: Linter) -> None:
    assert flagged(linter, "It holds a debit card ending in 4417.") == [("card", "4417")]


def test_account_number_named_as_such_is_flagged(linter: Linter) -> None:
    text = "The resident with utility account number 40-1187-02 should call us."
    assert flagged(linter, text) == [("account", "40-1187-02")]


def test_case_numbers_as_a_statistic_are_not_an_identifier(linter: Linter) -> None:
    assert flagged(linter, "COVID-19 case numbers rose to 1,234 this week.") == []


def test_extra_cues_option_adds_account_words() -> None:
    text = "The library card number 2938-4471 was found in the book drop."
    assert flagged(_linter(), "A library card 2938-4471 was found.") == []
    assert flagged(_linter(**{"extra-cues": {"account": ["library card"]}}), text) == [("account", "2938-4471")]


# -- dates of birth and ages ------------------------------------------------------
def test_date_of_birth_is_flagged(linter: Linter) -> None:
    assert flagged(linter, "Ruth Hanson, born 03/14/1961, grew up here.") == [("birth-date", "03/14/1961")]


def test_birth_date_of_a_historical_figure_is_not_private(linter: Linter) -> None:
    assert flagged(linter, "The town's founder was born March 11, 1811, in Vermont.") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Marcus Bell, 34, was taken to the hospital.", "34"),
        ("Big thanks to Ava Nguyen (9) for her lemonade stand!", "9"),
        ("Harold turns 95 today!", "95"),
        ("Happy 100th birthday to Dorothy Hagen!", "100th"),
    ],
)
def test_age_tied_to_a_named_person_is_flagged(linter: Linter, text: str, age: str) -> None:
    assert flagged(linter, text) == [("age", age)]


@pytest.mark.parametrize(
    "text",
    [
        "A 34-year-old Anoka man was arrested on Tuesday.",
        "Soccer is open for ages 5 to 14.",
        "Three (3) new cases were reported today.",
        "Openings remain at our 5-11 year old vaccine clinic.",
        "Happy 150th birthday, Anoka!",
    ],
)
def test_ages_not_tied_to_a_named_person_are_not_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


# -- street addresses ---------------------------------------------------------------
def test_address_tied_to_a_home_is_flagged(linter: Linter) -> None:
    text = "Crews put out a fire at her home, 1418 Oakwood Drive, on Tuesday."
    assert flagged(linter, text) == [("address", "1418 Oakwood Drive")]


def test_address_after_a_named_person_and_of_is_flagged(linter: Linter) -> None:
    text = "Congratulations to Tom Becker of 915 Ferry Street, our lights winner!"
    assert flagged(linter, text) == [("address", "915 Ferry Street")]


@pytest.mark.parametrize(
    "text",
    [
        "Vote early at City Hall, 2015 First Avenue North.",
        "Vote early at our office, 2015 1st Ave. N, all week.",  # allowed, abbreviated
        "Crews responded to a house fire in the 1400 block of Oakwood Drive.",
        "The library at 711 W. Main St. has tax help.",
        "Visit the Historical Society, home of the county's archives, at 2135 Third Avenue North.",
        "Come to our open house at 916 Diana Street on Saturday.",
    ],
)
def test_public_buildings_blocks_and_venues_are_not_home_addresses(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


# -- vehicles ---------------------------------------------------------------------------
def test_licence_plate_is_flagged(linter: Linter) -> None:
    text = "A green sedan with Minnesota license plate 482-KLM was towed."
    assert flagged(linter, text) == [("vehicle", "482-KLM")]


def test_vehicle_described_as_someones_is_flagged_but_not_a_word_that_is_a_make(linter: Linter) -> None:
    assert flagged(linter, "He left driving his blue 2009 Buick Lucerne.") == [("vehicle", "blue 2009 Buick Lucerne")]
    assert flagged(linter, "We help employers and their staff with mini grants.") == []


# -- documents ------------------------------------------------------------------------
def test_offsets_point_into_the_original_text_after_emoji_and_crlf(linter: Linter) -> None:
    text = "🐶🐾 Found dog!\r\nCall his finder at 763-555-0142.\r\n"
    result = linter.lint_text(text, path="post.txt")
    (finding,) = result.findings
    assert text[finding.offset : finding.end] == "763-555-0142"
    assert (finding.line, finding.column) == (2, 20)


def test_numbers_in_urls_are_not_prose_but_markdown_code_is_published(linter: Linter) -> None:
    assert flagged(linter, "See https://example.com/7635550142 for details.\n", path="post.md") == []
    # Inline code is printed in the post (issue 20): a number in it is as public as any other.
    assert flagged(linter, "Use `763-555-0142` as the test value.\n", path="post.md") == [("phone", "763-555-0142")]


def test_message_says_why_and_how_to_allow_the_citys_own_contacts(linter: Linter) -> None:
    (finding,) = linter.lint_text("Call Jenny at 763-555-0142.", path="post.txt").findings
    assert finding.severity == "error"
    assert "private information" in finding.message
    assert "[personal-data] allow" in finding.message
