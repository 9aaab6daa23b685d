"""The accessibility check: hashtags, ALL CAPS, reading grade, alt text, platform length."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from post_lint.checks.accessibility import CHECK
from post_lint.checks.accessibility.readability import grade, sentences, syllables
from post_lint.checks.accessibility.words import vocabulary

from post_lint.api import Context
from post_lint.config import Config
from post_lint.document import parse
from post_lint.model import Finding
from post_lint.runner import Linter
from post_lint.testing import lint_one


def lint(text: str, config: dict[str, Any] | None = None, path: str = "post.txt") -> list[Finding]:
    return lint_one("accessibility", text, {"accessibility": config or {}}, path=path)


def rules(text: str, config: dict[str, Any] | None = None, path: str = "post.txt") -> list[str]:
    return sorted(f.rule for f in lint(text, config, path))


# -- hashtags -----------------------------------------------------------------


def test_run_together_hashtag_gets_a_camelcase_suggestion() -> None:
    [finding] = lint("Plows are out. #snowemergencyupdate")
    assert finding.rule == "accessibility/hashtag-case"
    assert finding.suggestions == ("#SnowEmergencyUpdate",)


def test_digits_and_other_words_in_the_hashtag_are_kept_and_capitalised() -> None:
    [finding] = lint("Travel safely. #covid19traveltip")
    assert finding.suggestions == ("#Covid19TravelTip",)


@pytest.mark.parametrize(
    "tag", ["#SnowEmergency", "#COVID19", "#DYK", "#flu", "#thanksgiving", "#Election2024", "#lcdhd", "#Landover", "#breakfast"]
)
def test_readable_or_unsplittable_hashtags_are_left_alone(tag: str) -> None:
    assert rules(f"Good morning, Anoka. {tag}") == []


def test_a_capitalised_phrase_of_three_words_is_flagged() -> None:
    [finding] = lint("Clear your sidewalk. #Keepthestreetsclear")
    assert finding.suggestions == ("#KeepTheStreetsClear",)


def test_local_words_from_the_config_let_a_hashtag_split() -> None:
    assert rules("Festival Saturday! #skogquistday") == []
    [finding] = lint("Festival Saturday! #skogquistday", {"words": ["skogquist*"]})
    assert finding.suggestions == ("#SkogquistDay",)
    [finding] = lint("Parade Saturday! #anokahalloween")  # the city's own name ships in words-extra.txt
    assert finding.suggestions == ("#AnokaHalloween",)


def test_a_split_never_ends_with_an_article() -> None:
    assert vocabulary().split("moderna") is None
    assert rules("Second doses today. #moderna") == []


def test_splitting_prefers_common_words() -> None:
    vocab = vocabulary()
    assert vocab.split("wearamask") == ["wear", "a", "mask"]
    assert vocab.split("anappleaday") == ["an", "apple", "a", "day"]
    assert vocab.split("adelphi", dictionary_only=True) == ["a", "del", "phi"]  # rejected later as scraps


# -- ALL CAPS -------------------------------------------------------------------


def test_one_word_of_emphasis_is_allowed_but_two_are_flagged() -> None:
    assert rules("FREE flu shots on Tuesday.") == []
    found = lint("FREE flu shots TODAY at City Hall.")
    assert [f.rule for f in found] == ["accessibility/all-caps", "accessibility/all-caps"]


def test_three_short_caps_words_in_a_row_are_shouting() -> None:
    [finding] = lint("DO NOT PARK on city streets tonight.")
    assert finding.suggestions == ("Do not park",)
    assert rules("IT IS ON: the ice rink opens Friday.") == ["accessibility/all-caps"]
    assert rules("Do NOT park on the street.") == []


def test_a_caps_headline_is_one_finding_with_a_sentence_case_suggestion() -> None:
    text = "ROAD CLOSED: Ferry Street is closed until Friday."
    [finding] = lint(text)
    assert text[finding.offset : finding.end] == "ROAD CLOSED"
    assert finding.suggestions == ("Road closed",)


def test_days_and_months_count_as_words_and_keep_their_capital_in_the_suggestion() -> None:
    [finding] = lint("City Hall is CLOSED MONDAY for the holiday.")
    assert finding.suggestions == ("closed Monday",)


def test_acronyms_inside_a_caps_run_stay_in_capitals() -> None:
    [finding] = lint("Check the COVID-19 DAILY UPDATE from FEMA and the county.")
    assert finding.suggestions == ("daily update",)


def test_acronyms_names_and_short_words_are_not_shouting() -> None:
    assert rules("FEMA, MNDOT and the YMCA will help. Apply for SNAP. Do NOT park here. ANOKA says hi.") == []


def test_caps_thresholds_are_configurable() -> None:
    assert rules("FREE flu shots on Tuesday.", {"caps-max-words": 0}) == ["accessibility/all-caps"]
    assert len(lint("Do NOT park. ALL cars move.", {"caps-min-letters": 3, "caps-max-words": 1})) == 2
    assert rules("The CHIP program and STEM night.", {"caps-max-words": 0}) == []


@dataclass
class _FakeToken:
    idx: int
    pos_: str


class _FakeSpacyDoc:
    """Stands in for the spaCy Doc another check had the runner build."""

    def __init__(self, tokens: list[_FakeToken]) -> None:
        self.tokens = tokens

    def has_annotation(self, attr: str) -> bool:
        return attr == "TAG"

    def __iter__(self):  # noqa: ANN204
        return iter(self.tokens)


def _run_with_tags(text: str, propn_words: list[str]) -> list[Finding]:
    doc, _ = parse(text, "post.txt")
    doc.nlp = _FakeSpacyDoc([_FakeToken(text.index(w), "PROPN") for w in propn_words])
    options = {key: option.default for key, option in CHECK.options.items()} | {"caps-max-words": 0}
    return list(CHECK.run(doc, Context(CHECK, options, "warning", "official")))


def test_a_lone_caps_word_spacy_tags_as_a_proper_noun_is_allowed_but_not_inside_a_caps_run() -> None:
    assert _run_with_tags("Visit the STERLING library today.", ["STERLING"]) == []
    assert len(_run_with_tags("BOIL WATER notice for the east side.", ["BOIL", "WATER"])) == 1


# -- reading grade ------------------------------------------------------------------

DENSE = (
    "Pursuant to the comprehensive plan amendment process, the Planning Commission will conduct a public hearing "
    "regarding proposed modifications to residential density classifications. Interested individuals are encouraged "
    "to review documentation identifying affected properties. Additional information regarding procedural "
    "requirements is available at City Hall."
)


def test_a_dense_post_is_flagged_with_its_grade_and_hardest_sentence() -> None:
    [finding] = lint(DENSE)
    assert finding.rule == "accessibility/reading-grade"
    assert float(re.search(r"grade ([\d.]+)", finding.message).group(1)) > 15
    underlined = DENSE[finding.offset : finding.end]
    assert underlined.endswith(".") and underlined in [DENSE[s.start : s.end] for s in sentences(DENSE)]


def test_short_posts_are_not_graded_and_the_limit_is_configurable() -> None:
    assert rules("Comprehensive plan consultation continues Thursday.") == []
    assert rules(DENSE, {"max-grade": 30}) == []
    assert rules(DENSE, {"grade-min-words": 500}) == []


def test_flesch_kincaid_parts() -> None:
    assert [syllables(w) for w in ["the", "street", "garbage", "vaccinated", "community", "radio"]] == [1, 1, 2, 4, 4, 3]
    found = list(sentences("Dr. Lee spoke at 7 p.m. on Nov. 4 at St. Mary's. Then we left! Was it fun?"))
    assert len(found) == 3
    assert grade(list(sentences("The cat sat. The dog ran."))) < 2


# -- alt text -------------------------------------------------------------------------


@pytest.mark.parametrize("alt", ["", "  ", "IMG_2041.jpg", "image", "Photo.", "DSC0042"])
def test_images_without_a_real_description_are_flagged(alt: str) -> None:
    text = f"![{alt}](pic.jpg)\n\nThe splash pad is open."
    [finding] = lint(text, path="post.md")
    assert finding.rule == "accessibility/alt-text"
    assert text[finding.offset : finding.end] == f"![{alt}](pic.jpg)"


def test_an_image_with_a_description_passes() -> None:
    assert rules("![Kids running through the splash pad](pic.jpg)\n\nOpen daily.", path="post.md") == []


# -- length ---------------------------------------------------------------------------

LONG_LINK = "https://www.anokaminnesota.com/" + "a" * 300


def _post(platform: str, body: str) -> str:
    return f"---\nplatform: {platform}\n---\n{body}"


def test_x_counts_every_link_as_23_characters() -> None:
    assert rules(_post("x", "Parking rules: " + LONG_LINK), path="post.md") == []
    assert rules(_post("twitter", "a " * 130 + LONG_LINK), path="post.md") == ["accessibility/length"]


def test_x_counts_emoji_as_two() -> None:
    assert rules(_post("x", "a" * 278 + "\N{SNOWFLAKE}"), path="post.md") == []
    assert rules(_post("x", "a" * 279 + "\N{SNOWMAN WITHOUT SNOW}"), path="post.md") == ["accessibility/length"]


def test_length_finding_underlines_what_is_past_the_limit() -> None:
    body = "b" * 300 + "TAIL"
    text = _post("bluesky", body)
    [finding] = lint(text, path="post.md")
    assert finding.offset == text.index(body) + 300
    assert text[finding.offset : finding.end] == "TAIL"
    assert "304 characters" in finding.message and "bluesky" in finding.message


def test_platforms_without_a_limit_unknown_platforms_and_overrides() -> None:
    long_post = "word " * 1000
    assert rules(_post("nextdoor", long_post), path="post.md") == []
    assert rules(_post("nextdoor", long_post), {"platform-limits": {"nextdoor": 2000}}, path="post.md") == [
        "accessibility/length"
    ]
    linter = Linter(select=["accessibility"], config=Config(data={}))
    result = linter.lint_text(_post("myspace", long_post), path="post.md")
    assert result.findings == [] and "myspace" in result.notes["accessibility-platform"]


def test_plain_text_posts_have_no_platform_and_no_length_check() -> None:
    assert rules("word " * 2000) == []


def test_every_rule_fired_is_declared() -> None:
    text = _post("x", "#snowemergencyupdate ROAD CLOSED TODAY. ![](a.png)\n\n" + DENSE + " " + DENSE)
    assert {f.rule for f in lint(text, path="post.md")} == set(CHECK.rules)
