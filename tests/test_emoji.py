"""The emoji check: how many, how dense, rows of them, and emoji standing in for words."""

from __future__ import annotations

import pytest

from post_lint.testing import lint_one, rule_spans

FIVE_APART = "Parade at noon! 🎺 Floats! 🎈 Music! 🎵 Food! 🌭 Fun! 🎉"


def lint(text: str, **options: object) -> list[tuple[str, str]]:
    return rule_spans("emoji", text, {"emoji": options})


def test_count_is_reported_once_from_the_first_emoji_over_the_limit_to_the_last() -> None:
    assert lint(FIVE_APART) == [("emoji/count", "🌭 Fun! 🎉")]
    [finding] = lint_one("emoji", FIVE_APART)
    assert finding.message.startswith("5 emoji in this post, more than 3")


def test_count_underlines_only_the_first_emoji_over_when_the_last_is_on_another_line() -> None:
    assert lint("Parade at noon! 🎺 Floats! 🎈 Music! 🎵 Food! 🌭\nFun! 🎉") == [("emoji/count", "🌭")]


def test_three_emoji_apart_in_a_long_post_are_within_every_limit() -> None:
    assert (
        lint("Parade at noon on Main Street this Saturday! 🎺 Floats from every school in town! 🎈 Music all afternoon! 🎵") == []
    )


def test_max_count_and_max_density_are_configurable() -> None:
    assert lint(FIVE_APART, **{"max-count": 5, "max-density": 1.0}) == []
    assert lint("Parade at noon on Main Street! 🎺 Floats from every school! 🎈", **{"max-count": 1}) == [("emoji/count", "🎈")]


def test_density_underlines_from_the_first_emoji_to_the_last() -> None:
    assert lint("Snow day! ❄️ ⛄") == [("emoji/density", "❄️ ⛄")]
    assert lint("Parade at noon! 🎺 Floats! 🎈 Music! 🎵") == [("emoji/density", "🎺 Floats! 🎈 Music! 🎵")]


def test_the_same_two_emoji_in_a_post_of_many_words_are_not_dense() -> None:
    assert lint("Snow day! Crews are plowing every street in Anoka tonight, so park off the road. ❄️ ⛄") == []
    assert lint("Snow day! ❄️ ⛄", **{"max-density": 1.0}) == []


def test_three_in_a_row_is_a_run_with_spaces_between_allowed_and_the_first_one_suggested() -> None:
    [finding] = lint_one("emoji", "Go team 🇺🇸 🇺🇸 🇺🇸 at the parade!")
    assert (finding.rule, "Go team 🇺🇸 🇺🇸 🇺🇸 at the parade!"[finding.offset : finding.end]) == ("emoji/run", "🇺🇸 🇺🇸 🇺🇸")
    assert finding.suggestions == ("🇺🇸",)


def test_two_in_a_row_is_not_a_run_unless_max_run_says_so() -> None:
    text = "Happy Friday everyone, see you at the park this weekend! 🎉🎉"
    assert lint(text) == []
    assert lint(text, **{"max-run": 2}) == [("emoji/run", "🎉🎉")]


def test_a_zwj_sequence_with_a_skin_tone_is_one_emoji() -> None:
    assert lint("Thanks, firefighters! 👩🏽‍🚒👩🏽‍🚒👩🏽‍🚒") == [("emoji/run", "👩🏽‍🚒👩🏽‍🚒👩🏽‍🚒")]
    assert lint("Our firefighters answered 312 calls last month. Thank you for keeping Anoka safe! 👩🏽‍🚒") == []


def test_an_emoji_between_words_is_inline_underlined_with_its_variation_selector() -> None:
    [finding] = lint_one("emoji", "We ❤️ our volunteers!")
    assert (finding.rule, finding.offset, finding.length) == ("emoji/inline", 3, 2)
    assert finding.suggestions == ("love",)
    assert lint("Come 🏃 with us to the fun run.") == [("emoji/inline", "🏃")]


@pytest.mark.parametrize(
    "text",
    [
        "We love our volunteers! ❤️",  # at the end
        "❤️ We love our volunteers!",  # at the start
        "Thank you, volunteers! ❤️ See you Saturday.",  # after punctuation, before a capital
    ],
)
def test_an_emoji_outside_a_sentence_is_not_inline(text: str) -> None:
    assert lint(text) == []


def test_inline_can_be_switched_off_and_words_extended() -> None:
    assert lint("See the 🦫 at the nature center.", inline=False) == []
    [finding] = lint_one("emoji", "See the 🦫 at the nature center.")
    assert finding.suggestions == ()
    [finding] = lint_one("emoji", "See the 🦫 at the nature center.", {"emoji": {"words": ["🦫 beaver"]}})
    assert finding.suggestions == ("beaver",) and "“beaver”" in finding.message


def test_allowed_emoji_are_not_counted() -> None:
    assert lint("Go team 🇺🇸 🇺🇸 🇺🇸 at the parade!", allow=["🇺🇸"]) == []
    assert lint("We ❤️ our volunteers!", allow=["❤"]) == []  # with or without U+FE0F


def test_text_symbols_and_emoji_inside_links_are_not_counted() -> None:
    assert lint("Copyright © 2024 City of Anoka™. Narcan® is free at the health office.") == []
    assert lint("Photos: https://example.com/🎉🎉🎉🎉 from the parade.") == []


def test_unknown_option_is_refused() -> None:
    with pytest.raises(AssertionError, match="unknown key 'max'"):
        lint("Hello", max=3)
