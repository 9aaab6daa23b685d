"""Plagiarized material in comments: copies across an export's authors, the post reproduced, copied sources."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from post_lint.api import COMMENTS
from post_lint.comments import read_export, triage
from post_lint.config import Config
from post_lint.runner import Linter
from post_lint.testing import lint_one
from post_lint.text.shingles import jaccard, near_duplicate_groups, shingles

HERE = Path(__file__).parent
CONFIG = (HERE / "comments" / "config.toml").read_text(encoding="utf-8")
POST = (
    "The Ferry Street bridge will close to traffic on Tuesday, August 12, for deck repairs. Detour signs will "
    "direct drivers to Highway 10 and Main Street. The work is expected to take three weeks."
)
PARAGRAPH = (
    "Northland Waste has raised rates on every city it serves while cutting pickup days. Five more years is a "
    "gift to a company that treats residents like an ATM. Call your councilmember and demand an open bid."
)


def _judge(rows: list[tuple[str, str]], post: str = "") -> list:
    """Each (author, text) judged as one export, with the development body's config."""
    linter = Linter(profile=COMMENTS)
    linter.explicit_config = Config(data=tomllib.loads(CONFIG))
    lines = "".join(json.dumps({"author": a, "text": t, "post": post}) + "\n" for a, t in rows)
    return triage(linter, [read_export(lines.encode(), "x.jsonl")]).judged


def _rules(judged) -> list[list[str]]:
    return [[r.rule for r in j.reasons] for j in judged]


@pytest.mark.slow
def test_the_same_paragraph_from_two_authors_goes_to_review_as_plagiarism() -> None:
    judged = _judge([("Linda Marsh", PARAGRAPH), ("Tom Becker", PARAGRAPH + "!!")])
    assert [j.verdict for j in judged] == ["review", "review"]
    reason = judged[0].reasons[0]
    assert reason.rule == "plagiarism/copied" and reason.clause == "Plagiarized material"
    assert "2 different authors" in reason.message and "Tom Becker" in reason.message


@pytest.mark.slow
def test_a_copy_with_a_few_words_changed_is_still_a_copy() -> None:
    edited = PARAGRAPH.replace("on every", "in every").replace("Five", "5").replace("residents", "us")
    judged = _judge([("Linda Marsh", PARAGRAPH), ("Gail Pruitt", edited)])
    assert _rules(judged) == [["plagiarism/copied"], ["plagiarism/copied"]]


@pytest.mark.slow
def test_a_different_author_quoting_one_sentence_is_kept() -> None:
    reply = "Linda says Northland has raised rates on every city it serves while cutting pickup days. Is that true? I'd like the numbers."
    judged = _judge([("Linda Marsh", PARAGRAPH), ("Arne Lutz", reply)])
    assert [j.verdict for j in judged] == ["keep", "keep"]


@pytest.mark.slow
def test_a_short_thanks_from_many_authors_is_not_a_copy_but_one_author_repeating_it_is_spam() -> None:
    thanks = "Thank you for the update!"
    assert [j.verdict for j in _judge([("Ellen", thanks), ("Moe", thanks), ("Greta", thanks)])] == ["keep"] * 3
    same = "Please fix the potholes on Fremont Street before winter comes"
    assert _rules(_judge([("Bob", same), ("Bob", same)])) == [["spam/repeated"], ["spam/repeated"]]


@pytest.mark.slow
def test_a_comment_that_reproduces_the_post_goes_to_review_and_one_quoting_a_line_stays() -> None:
    judged = _judge(
        [
            ("Wendell", POST),
            ("Cindy", "\u201cThe work is expected to take three weeks.\u201d The last repair took three months. Sure."),
        ],
        POST,
    )
    assert _rules(judged) == [["plagiarism/post"], []]
    assert judged[0].reasons[0].verdict == "review"


def test_a_wire_story_a_byline_and_an_uncredited_long_quotation_are_flagged_for_review() -> None:
    byline = (
        "By Jessica Lund, Staff Writer. The Anoka Police Department swore in its newest officer this week during a "
        "brief ceremony at City Hall, Chief Eric Yang said."
    )
    assert [f.rule for f in lint_one("plagiarism", byline, profile=COMMENTS)] == ["plagiarism/published"]
    credited = (
        "\u201cA library is not a luxury but one of the necessities of life. It is the one place where everyone is "
        "welcome and nobody has to buy anything to stay inside all day.\u201d \u2014 Henry Ward Beecher"
    )
    assert lint_one("plagiarism", credited, profile=COMMENTS) == []
    assert [f.rule for f in lint_one("plagiarism", credited.rpartition(" \u2014")[0], profile=COMMENTS)] == [
        "plagiarism/quotation"
    ]


def test_a_residents_long_comment_in_their_own_voice_is_not_read_as_a_news_story() -> None:
    own = (
        "According to the state auditor, Anoka spends more per capita on administration than any city its size, "
        "and the report released on Monday says staffing grew 20 percent since 2019. Start there before raising "
        "my taxes again, because my income did not grow 20 percent."
    )
    assert lint_one("plagiarism", own, profile=COMMENTS) == []


def test_near_duplicate_groups_are_found_by_minhash_and_confirmed_on_the_shingles() -> None:
    texts = [PARAGRAPH, "Totally different words about the library hours on Saturday mornings", PARAGRAPH.upper(), "Hi"]
    assert near_duplicate_groups(texts) == [[0, 2]]
    assert jaccard(shingles(PARAGRAPH), shingles(PARAGRAPH + " Thanks.")) > 0.9


def test_pasted_reference_and_recipe_text_goes_to_review_and_a_residents_long_comment_stays() -> None:
    reference = (
        "A roundabout is a type of circular intersection in which road traffic is permitted to flow in one "
        "direction around a central island. Modern roundabouts were standardised in Britain in 1966, and later "
        "studies showed that they reduce injury crashes substantially at intersections where they replace signals."
    )
    recipe = (
        "Preheat the oven to 350 degrees. Whisk the flour, sugar and baking soda in a large bowl. Stir in the "
        "melted butter and two eggs until smooth. Pour into a greased pan and bake for 40 minutes."
    )
    own_words = (
        "The bridge is the only way across the river for the whole east side. Buses, school runs and the "
        "ambulance to the hospital all use it. Three weeks of detours through Main Street will mean hours lost "
        "for people who can least afford it."
    )
    announcement = (
        "Ferry Street Bridge repairs begin Tuesday, August 12. Crews will replace the deck joints and repave the "
        "approaches. Detour signs will direct drivers to Highway 10. Updates at https://www.anokaminnesota.com/bridge "
        "or call 763-576-2700 between 8 a.m. and 4:30 p.m."
    )
    rules = [lint_one("plagiarism", text, profile=COMMENTS) for text in (reference, recipe, own_words, announcement)]
    assert [[f.rule for f in found] for found in rules] == [["plagiarism/pasted"], ["plagiarism/pasted"], [], []]


def test_a_short_opening_of_ones_own_does_not_make_pasted_prose_ones_own() -> None:
    text = (
        "Just my two cents. A property tax levy is the total amount of revenue a local government raises from "
        "property taxes in a given year. The levy is divided among all taxable properties according to their market "
        "value and classification, so an increase in the levy does not affect every homeowner equally."
    )
    assert [f.rule for f in lint_one("plagiarism", text, profile=COMMENTS)] == ["plagiarism/pasted"]
