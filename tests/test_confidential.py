"""The confidential check: what is not public, and the public notices that must stay clean."""

from __future__ import annotations

import pytest

from post_lint.api import Check
from post_lint.config import Config
from post_lint.registry import load_check
from post_lint.runner import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=["confidential"])


def rules(linter: Linter, text: str, **options: object) -> list[str]:
    linter.explicit_config = Config(data={"confidential": dict(options)})
    result = linter.lint_text(text, path="post.txt")
    assert not result.skipped, result.skipped
    return [f.rule for f in result.findings]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("CONFIDENTIAL: draft budget for council review.", "marked"),
        ("[Confidential] The levy numbers are below.", "marked"),
        ("The developer's name is not yet public, but it is a national chain.", "marked"),
        ("Internal only: the golf clubhouse will be sold.", "marked"),
        ("Please don't share this until the council votes.", "marked"),
        ("Keep this quiet until Monday's announcement.", "marked"),
        ("Between us, the council is leaning toward closing the clubhouse.", "marked"),
        ("Don’t tell anyone yet, but a grocery store is coming to Main Street.", "marked"),
        ("Heads up before it's announced: the new police chief is from Blaine.", "marked"),
        ("This memo is strictly confidential.", "marked"),
        ("In last night's closed session, council members agreed to buy the arena.", "closed-session"),
        ("Behind closed doors, three council members said they oppose the plan.", "closed-session"),
        ("The council met in closed session Monday and discussed the offer from the developer.", "closed-session"),
        ("Contract talks with the police union are still ongoing.", "negotiation"),
        ("Negotiations with the property owner have stalled over the price.", "negotiation"),
        ("The city has offered $1.2 million for the lumber yard.", "negotiation"),
        ("The owner's counteroffer is $1.6 million.", "negotiation"),
        ("We are willing to pay up to $900,000 for the lot.", "negotiation"),
        ("Our bottom line on the land sale is firm.", "negotiation"),
        ("A tentative settlement with the contractor is close.", "negotiation"),
        ("The city's insurer has offered $250,000 to settle the claim.", "negotiation"),
        ("The union rejected the city's latest offer.", "negotiation"),
        ("Officer Jensen has been placed on administrative leave.", "personnel"),
        ("Our building inspector was fired last week.", "personnel"),
        ("The parks supervisor is under internal investigation.", "personnel"),
        ("We terminated our longtime liquor store manager after the audit.", "personnel"),
        ("A complaint against our building inspector is being reviewed.", "personnel"),
        ("Sgt. Mark Olson was suspended without pay for five days.", "personnel"),
        ("Officer Brad Thompson is on paid administrative leave while the BCA investigates.", "personnel"),
        ("Our finance director resigned in lieu of termination.", "personnel"),
        ("The city plans to sue the contractor who built the ramp.", "legal"),
        ("Our attorneys believe the lawsuit will be dismissed.", "legal"),
        ("Because of the pending lawsuit over the ramp, the project is on hold.", "legal"),
        ("We're preparing a lawsuit against the company that installed the water meters.", "legal"),
        ("The city intends to appeal the judge's ruling.", "legal"),
        ("The door code for the Public Works garage is 4512.", "security"),
        ("The alarm code at the fire station is 1-9-8-4.", "security"),
        ("The password for the poll book laptops is Anoka!2024.", "security"),
        ("The security cameras at the ice arena are offline until next week.", "security"),
        ("The spare key is hidden under the mat by the side entrance.", "security"),
        ("New keypad code for the east door: 2468#.", "security"),
        ("Staff Wi-Fi password is CityStaff!99.", "security"),
    ],
)
def test_flags_what_is_not_public(linter: Linter, text: str, rule: str) -> None:
    assert rules(linter, text) == [f"confidential/{rule}"]


@pytest.mark.parametrize(
    "text",
    [
        "The City Council will meet in closed session Monday to discuss pending litigation, as allowed by Minnesota Statutes 13D.05.",
        "The agenda includes a closed session to consider an offer for city-owned land.",
        "The council will go into closed session to evaluate the city manager's performance.",
        "The City Council approved a three-year contract with the union, ending months of negotiations.",
        "The council accepted the lowest responsible bid of $2.3 million for the street project.",
        "The city offers rebates of up to $100 for rain barrels.",
        "Free and confidential HIV testing every Tuesday. Your results are strictly confidential.",
        "All calls to the crisis line are confidential.",
        "Scam alert: never share your password or PIN. Do not share your account number with callers.",
        "Watch the work session on Zoom, passcode: 552025.",
        "Guest Wi-Fi password: Library2024.",
        "Free Wi-Fi for library patrons, password: Books2024.",
        "Budget negotiations at the Capitol continue as the legislative session nears its end.",
        "Officer Lee was fired up about the new K9 unit.",
        "Use code SUMMER24 for a discount on pool passes.",
        "Password hint: SLEET.",
        "We're hiring a part-time building inspector.",
        "Our street superintendent retires Friday after 30 years.",
        "Police responded to shots fired near Main Street; the investigation is ongoing.",
        "Anoka High students will be dismissed early on Friday.",
        "Drive-thru testing has been suspended until further notice.",
        "The warming house will be unlocked from 4 to 9 p.m.",
        "The parade route has not been announced yet.",
        "Learn salary negotiation skills at a free library workshop.",
        "Some government data is public and some is private or confidential.",
        "If your smoke alarm is not working, call the fire department for a free one.",
        "The city will receive $1.2 million from the national opioid settlement.",
        "We cannot comment on pending litigation.",
        "If you're not sure, then don't share.",
    ],
)
def test_public_notices_and_reassurances_stay_clean(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


def test_finding_points_at_the_matched_words(linter: Linter) -> None:
    text = "Volunteers: the door code for the garage is 4512. Gloves are inside."
    linter.explicit_config = Config(data={})
    (finding,) = linter.lint_text(text, path="post.txt").findings
    assert text[finding.offset : finding.end] == "door code for the garage is 4512"
    assert "never be posted" in finding.message


def test_one_finding_per_rule_and_sentence(linter: Linter) -> None:
    text = "CONFIDENTIAL: this memo is strictly confidential and internal only."
    assert rules(linter, text) == ["confidential/marked"]


def test_extra_markers_and_allow_come_from_the_config(linter: Linter) -> None:
    assert rules(linter, "Pre-release: the new fire station site.", **{"extra-markers": ["pre-release"]}) == [
        "confidential/marked"
    ]
    assert rules(linter, "CONFIDENTIAL: a test.", allow=["a test"]) == []


def test_runs_without_spacy_and_declares_its_rules() -> None:
    check = load_check("confidential")
    assert isinstance(check, Check)
    assert check.nlp == ()
    assert {r.split("/")[1] for r in check.rules} == {
        "marked",
        "closed-session",
        "negotiation",
        "personnel",
        "legal",
        "security",
        "learned",
    }


def test_patterns_compile_only_when_a_trigger_fires_and_every_one_compiles() -> None:
    import re

    from post_lint.checks.confidential import _Lazy, patterns

    lazy = [
        regex
        for pattern in patterns(("for internal eyes",))
        for regex in (pattern.pattern, pattern.requires, pattern.unless, pattern.unless_post)
        if isinstance(regex, _Lazy)
    ]
    assert len(lazy) >= 30
    fresh = [_Lazy(regex.source, regex.flags) for regex in lazy]
    assert all(regex._compiled is None for regex in fresh)  # nothing compiled before a search
    for regex in fresh:
        regex.search("the door code is 4512")  # a broken pattern raises re.error here
        assert isinstance(regex._compiled, re.Pattern)


@pytest.mark.parametrize(
    "text",
    [
        "Under the Open Meetings Act, closed sessions are allowed only for a few reasons, like pending litigation.",
        "After executive session Thursday, the Commission voted publicly 3-0 to buy the ranch easement for $410,000.",
        "Following Monday's executive session, the Council voted in public session to approve the settlement.",
        "Top secret: our Harbor Fest headliner will be announced Friday at noon!",
        "Sneak peek: here's the new fire engine before its official unveiling Saturday!",
    ],
)
def test_sentences_public_by_what_they_are_are_neither_flagged_nor_scored(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sneak peek: the Council privately agreed last night to buy the old cannery for $1.1 million.",
        "Top secret: Officer Dale Price is on administrative leave. It will be announced Friday.",
        "In executive session the Council agreed to offer $1.2 million for the property; the public vote is next month.",
    ],
)
def test_a_teaser_or_a_public_vote_beside_a_private_decision_is_still_a_disclosure(linter: Linter, text: str) -> None:
    assert rules(linter, text) != []


def test_a_confidence_that_voices_a_view_is_not_a_secret_but_one_with_a_fact_is(linter: Linter) -> None:
    assert rules(linter, "Between you and me, the best creemee in town is at the pool snack bar.", learned=False) == []
    assert rules(linter, "Just between us, I think the new wind ordinance will drive farmers out.", learned=False) == []
    assert rules(linter, "Between us, the best offer we got for the lot was $2.1 million.", learned=False) == [
        "confidential/marked"
    ]
