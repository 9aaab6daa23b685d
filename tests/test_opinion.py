"""The opinion check: personal views on the official account, and what it leaves alone."""

from __future__ import annotations

import pytest

from post_lint.config import Config
from post_lint.runner import Linter
from post_lint.testing import lint_one, rule_spans


def lint(text: str, path: str = "post.txt") -> list[tuple[str, str]]:
    return rule_spans("opinion", text, path=path)


def test_first_person_view_is_underlined_exactly() -> None:
    assert lint("The fireworks start at 10 p.m. In my opinion, they are the best in the metro.") == [
        ("opinion/first-person", "In my opinion")
    ]


def test_opinion_verb_after_adverbs_is_found_through_lemmas() -> None:
    text = "I have always believed Anoka needed a safer way across the river."
    assert lint(text) == [("opinion/first-person", "I have always believed")]


def test_council_should_have_approved_is_an_evaluation() -> None:
    text = "The Council should have approved the dog park on Monday."
    assert lint(text) == [("opinion/evaluation", "Council should have approved")]


def test_residents_of_the_city_should_is_an_instruction_not_a_judgement() -> None:
    assert lint("Residents of the city should shovel their walks within 24 hours.") == []


def test_view_on_pay_gets_the_employment_rule() -> None:
    assert lint("Our plow drivers deserve a bigger raise.") == [("opinion/employment", "deserve a bigger raise")]


def test_first_person_view_in_a_sentence_about_the_union_is_employment() -> None:
    text = "I think the union's offer is unreasonable."
    assert lint(text) == [("opinion/employment", "I think")]


@pytest.mark.parametrize(
    ("text", "underlined"),
    [
        ("Parking is free downtown. I t h i n k that is overdue.", "I t h i n k"),
        ("Parking is free downtown. i.m.o. that is overdue.", "i.m.o."),
        ("Parking is free downtown. I th1nk that is overdue.", "I th1nk"),
        ("Parking is free downtown. I b3l13ve that is overdue.", "I b3l13ve"),
    ],
    ids=["spaced", "dotted", "leet", "leet-many"],
)
def test_evasive_spellings_still_match_and_point_at_the_original(text: str, underlined: str) -> None:
    assert lint(text) == [("opinion/first-person", underlined)]


@pytest.mark.parametrize(
    "text",
    [
        "We think you'll love the new splash pad at Riverfront Park!",
        "We are proud to support the summer meal program.",
        "\u201cI think this trail will serve families for generations,\u201d said Mayor Erik Skogquist.",
        'City Manager Greg Lee said, "I believe the new plant will keep rates stable."',
        "The City Council voted 5-0 to approve the street plan.",
        "A motion to extend bar hours failed 2-3 at Monday's council meeting.",
        "Staff will answer your questions personally at the front desk.",
        "Please take the parks survey and answer honestly.",
        "What do you think of the proposed Main Street design? Tell us at the open house.",
        "The yard waste site opens April 15.",
        "The Council approved a labor agreement with a 3 percent wage increase each year.",
    ],
)
def test_institutional_voice_quotes_and_facts_are_clean(text: str) -> None:
    assert lint(text) == []


def test_extra_phrases_from_config_extend_the_list() -> None:
    findings = lint_one(
        "opinion", "Between you and me, the new logo is fine.", {"opinion": {"extra-phrases": ["between you and me"]}}
    )
    assert [f.rule for f in findings] == ["opinion/first-person"]


PARTNER_CONFIG = {"partners": {"organizations": [{"name": "Anoka County Library", "aliases": ["the library board"]}]}}


def test_criticism_of_a_partner_is_reported_once_by_partners_when_both_run() -> None:
    linter = Linter(select=["opinion", "partners"], config=Config(data=PARTNER_CONFIG))
    text = "The Anoka County Library media lab is a waste of taxpayer money."
    assert {f.check for f in linter.lint_text(text, path="post.txt").findings} == {"partners"}


@pytest.mark.parametrize(("select", "ignore"), [(["opinion"], []), (None, ["partners"])])
def test_opinion_still_reports_a_judgement_of_a_partner_when_partners_does_not_run(select, ignore) -> None:
    # Bug: opinion used to skip these, assuming partners would report them, even when it did not run.
    linter = Linter(select=select, ignore=ignore, config=Config(data=PARTNER_CONFIG))
    text = "The Anoka County Library board vote was a disgrace."
    found = linter.lint_text(text, path="post.txt").findings
    assert [f.rule for f in found if f.check == "opinion"] == ["opinion/evaluation"]
    assert not [f for f in found if f.check == "partners"]


def test_issue_advocacy_with_no_opinion_word_is_a_policy_view_unless_switched_off() -> None:
    text = "We support Senate Bill 2178 to allow the release of critical funding for basic public health services."
    assert [rule for rule, _ in rule_spans("opinion", text)] == ["opinion/political-voice"]
    assert lint_one("opinion", text, {"opinion": {"classifier": False, "learned": False}}) == []


def test_a_courtesy_in_a_legislators_voice_is_not_issue_advocacy() -> None:
    text = "Thanks to the Rotary Club for hosting me today to talk about what Congress is working on this fall."
    assert lint_one("opinion", text) == []


@pytest.mark.parametrize(
    ("text", "underlined"),
    [
        ("The sales tax on groceries is unfair to working families.", "The sales tax on groceries is unfair"),
        ("The state's new rental rules are a mistake.", "The state's new rental rules are a mistake"),
        ("The camping ban is the wrong answer.", "The camping ban is the wrong answer"),
    ],
)
def test_a_policy_judged_by_what_it_is_is_an_evaluation(text: str, underlined: str) -> None:
    assert lint(text) == [("opinion/evaluation", underlined)]


@pytest.mark.parametrize(
    "text",
    [
        "The new burn rule is effective Jan. 1; permits are free at the Road & Bridge shop.",
        "The fee funds great parks, and the tax deadline is April 15.",
        "The rule takes effect after a terrible winter for our roads.",
        "The decision to get vaccinated is not always an easy one. Talk to your doctor.",
    ],
)
def test_how_a_policy_stands_or_a_judged_thing_beside_it_is_no_evaluation(text: str) -> None:
    assert [rule for rule, _ in lint(text) if rule != "opinion/learned"] == []


def test_the_institutional_we_against_a_policy_is_a_view_but_we_support_businesses_is_not() -> None:
    assert lint("We strongly oppose the proposed closure of the post office.") == [("opinion/first-person", "We strongly oppose")]
    assert lint("We support local businesses: shop small this Saturday!") == []


def test_a_sarcasm_idiom_about_a_lawmaker_or_policy_is_an_evaluation() -> None:
    text = "Congrats to the Planning Board on approving a fourth dollar store. Just what the historic district needed."
    assert lint(text) == [("opinion/evaluation", "Just what the historic district needed")]
    assert lint("Congress passed the farm bill. What could possibly go wrong?") == [
        ("opinion/evaluation", "What could possibly go wrong")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Just what the fire lane needed: another parked truck. Tickets start Monday.",
        "New splash pad opens Saturday! Just what our kids needed this summer.",
    ],
)
def test_the_same_idiom_about_no_policy_is_not_opinion_s(text: str) -> None:
    assert [rule for rule, _ in lint(text) if rule != "opinion/learned"] == []


def test_candour_that_introduces_thanks_is_no_view_unless_the_post_names_a_policy() -> None:
    assert lint("Honestly, we couldn't run the Fourth of July parade without our volunteers. Thank you!") == []
    assert lint("Honestly, the new rental rules are a mess. Thanks for reading.") == [("opinion/first-person", "Honestly,")]


def test_a_superlative_verdict_on_what_someone_did_is_an_evaluation_but_health_advice_is_not() -> None:
    assert lint("Early voting starts Monday. PS, mail ballots are the best thing Colorado ever did.") == [
        ("opinion/evaluation", "best thing Colorado ever did")
    ]
    assert lint("Quitting smoking is the best thing you can ever do for your heart.") == []


def test_a_superlative_verdict_on_an_official_is_an_evaluation() -> None:
    assert [rule for rule, _ in lint("Chair Vigil is the best chair this county has had in decades.")] == ["opinion/evaluation"]
