"""The partisan check: advocacy, slogans, campaigns, and its small pure-Python model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from post_lint.checks.partisan import classifier

from post_lint.testing import lint_one, rule_spans
from post_lint.text.words import split_hashtag


def lint(text: str, path: str = "post.txt") -> list[tuple[str, str]]:
    return rule_spans("partisan", text, path=path)


def test_vote_for_a_named_person_is_advocacy() -> None:
    assert lint("Polls close at 8 p.m. Vote for Jane Smith!") == [("partisan/vote", "Vote for Jane Smith")]


@pytest.mark.parametrize(
    ("text", "underlined"),
    [
        ("Polls close at 8. V o t e for Jane Smith!", "V o t e for Jane Smith"),
        ("Polls close at 8. v.o.t.e for Jane Smith!", "v.o.t.e for Jane Smith"),
        ("Polls close at 8. V0te for Jane Smith!", "V0te for Jane Smith"),
        ("Polls close at 8. R3-elect Mayor Skogquist!", "R3-elect"),
        (
            "Polls close at 8. \U0001d42f\U0001d428\U0001d42d\U0001d41e for Jane Smith!",
            "\U0001d42f\U0001d428\U0001d42d\U0001d41e for Jane Smith",
        ),
    ],
    ids=["spaced", "dotted", "leet", "leet-hyphen", "math-bold"],
)
def test_evasive_spellings_still_match_and_point_at_the_original(text: str, underlined: str) -> None:
    assert lint(text) == [("partisan/vote", underlined)]


def test_camelcase_hashtags_are_split_into_words() -> None:
    assert split_hashtag("#GOPTaxScam") == "GOP Tax Scam"
    assert split_hashtag("#VoteBlueNoMatterWho") == "Vote Blue No Matter Who"


def test_partisan_hashtag_is_flagged_whole() -> None:
    assert lint("Your tax statement arrives this week. #GOPTaxScam") == [("partisan/slogan", "#GOPTaxScam")]


def test_hashtag_only_slogan_does_not_match_inside_a_longer_tag() -> None:
    assert lint("Use antibiotics only when prescribed. #AntibioticResistance") == []


def test_mention_of_a_campaign_account_is_flagged() -> None:
    assert lint("Great picnic with @Skogquist4Mayor today!") == [("partisan/campaign", "@Skogquist4Mayor")]


def test_local_party_accounts_come_from_config() -> None:
    findings = lint_one(
        "partisan", "Thanks to @AnokaCountyGOP for the picnic!", {"partisan": {"extra-accounts": ["AnokaCountyGOP"]}}
    )
    assert [f.rule for f in findings] == ["partisan/campaign"]


def test_party_with_attack_is_flagged_but_neutral_party_news_is_not() -> None:
    assert lint("The Democrats in St. Paul have failed Anoka families.") == [("partisan/party", "Democrats")]
    assert lint("The Republican and DFL parties hold precinct caucuses on Tuesday, Feb. 4.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Early voting is open at City Hall, Monday through Friday from 8 a.m. to 4:30 p.m.",
        "Check your voter registration before Election Day.",
        "Meet the candidates at a nonpartisan candidate forum hosted by the League of Women Voters.",
        "The Council voted 5-0 to approve the new parking ordinance.",
        "Vote for your favorite float in the Halloween parade!",
        "Voters can vote yes or no on the charter amendment.",
        "Candidates for City Council can file at City Hall from Aug. 1 to Aug. 15.",
        "Campaign signs may be placed on private property from Sept. 20.",
        "Resist the urge to feed the geese at Peninsula Point Park.",
        "President Biden will visit the airport on Thursday. Expect road closures on Highway 10.",
        "Join our Adopt-a-Drain campaign and keep the storm drains clear.",
    ],
)
def test_election_information_and_neutral_news_are_clean(text: str) -> None:
    assert lint(text) == []


def test_extra_terms_from_config_extend_the_slogans() -> None:
    findings = lint_one(
        "partisan", "North Metro First! See you at the parade.", {"partisan": {"extra-terms": ["north metro first"]}}
    )
    assert [f.rule for f in findings] == ["partisan/slogan"]


POLITICAL = "Congress must act now to pass my bill and protect American families from this administration's reckless cuts."


def test_model_reports_political_messaging_with_a_political_cue() -> None:
    assert [rule for rule, _ in lint(POLITICAL)] == ["partisan/political-voice"]


ISSUE = "Congress must act now to fund CHIP for five years, so that nine million children keep their doctors."


def test_political_voice_needs_a_side_and_issue_advocacy_is_left_to_opinion() -> None:
    # The model reads both as political messaging; only the one that names a side (an administration,
    # a party, an election) takes a side between parties or candidates. The other is a policy view.
    assert classifier.score(ISSUE) >= classifier.shipped_threshold()
    assert [rule for rule, _ in rule_spans("partisan", ISSUE, {"partisan": {"learned": False}})] == []
    assert [rule for rule, _ in rule_spans("opinion", ISSUE)] == ["opinion/political-voice"]
    assert [rule for rule, _ in lint(POLITICAL)] == ["partisan/political-voice"]
    assert [rule for rule, _ in rule_spans("opinion", POLITICAL, {"opinion": {"learned": False}})] == []


@pytest.mark.parametrize(
    "text",
    [
        "My statement on the passing of Senator Ada Morrow, who represented the Third District for 20 years: link below.",
        "Congratulations to the Marlow High debate team, state champions! Proud to share the news with my colleagues in Congress today.",
        "Join me and my district office staff for a town hall on Tuesday at the Grange. Bring your questions about federal services.",
        "Thanks to the Rotary Club for hosting me today to talk about what Congress is working on this fall.",
    ],
)
def test_model_leaves_a_legislators_courtesies_and_notices_alone(text: str) -> None:
    # Condolences, congratulations and notices in a legislator's voice carry political cues but take no side.
    assert classifier.score(text) < classifier.shipped_threshold()
    assert lint_one("partisan", text) == []


def test_model_threshold_is_the_one_training_chose_unless_the_config_sets_one() -> None:
    data = json.loads(Path(classifier.MODEL_FILE).read_text(encoding="utf-8"))
    assert classifier.shipped_threshold() == data["threshold"]
    assert 0.5 <= data["threshold"] < 1.0


def test_model_can_be_switched_off_or_made_stricter() -> None:
    score = classifier.score(POLITICAL)
    for options in ({"classifier": False}, {"classifier-threshold": score + 0.001}):
        # The learned layer is a separate switch (tests/test_learned.py); here only the classifier is measured.
        assert lint_one("partisan", POLITICAL, {"partisan": {**options, "learned": False}}) == []


def test_model_is_small_and_scores_are_probabilities() -> None:
    # Its speed is benchmarked (bench/throughput.py), not asserted: machines are shared and noisy.
    data = json.loads(Path(classifier.MODEL_FILE).read_text(encoding="utf-8"))
    assert Path(classifier.MODEL_FILE).stat().st_size < 150_000
    assert 100 <= len(data["weights"]) <= 5000
    posts = [POLITICAL, "The splash pad opens Saturday at 10 a.m. at Riverfront Park."] * 250
    scores = [classifier.score(p) for p in posts]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > 0.9 > scores[1]


@pytest.mark.parametrize(
    "text",
    [
        "The Republican and Democratic city committees both hold their caucuses at City Hall on March 2. Contact each party for details.",
        "Both Democrats and Republicans will have candidates on the August primary ballot. Sample ballots are online.",
        "Precinct caucuses for the GOP and DFL are Feb. 27. Find your location at sos.state.mn.us.",
    ],
)
def test_two_parties_named_side_by_side_are_logistics_not_a_side(text: str) -> None:
    assert lint(text) == []


def test_a_side_taken_beside_an_even_handed_sentence_is_still_partisan() -> None:
    assert lint("Vote Republican on Nov. 5! Democrats and independents are welcome at the polls too.") != []
    assert lint("Unlike the Democrats, Republicans delivered for our harbor.") != []


@pytest.mark.parametrize(
    "text",
    [
        "Drop boxes are open 24/7 until Election Day \U0001f499\U0001facf Make it count.",
        "Election Day is Tuesday! Polls open at 7. \U0001f535\U0001f535\U0001f535 You know what to do.",
    ],
)
def test_a_party_mascot_or_one_side_s_colour_repeated_in_an_election_post_is_partisan(text: str) -> None:
    assert [rule for rule, _ in lint(text)] == ["partisan/party-symbol"]


@pytest.mark.parametrize(
    "text",
    [
        "Happy Fourth! \u2764\ufe0f\U0001f499 Parade at 10, fireworks at dusk.",
        "Vote for your favorite float! \U0001f534\U0001f535 Voting closes Friday.",
        "Valentine's Day blood drive \u2764\ufe0f\u2764\ufe0f Book your appointment.",
    ],
)
def test_colours_of_both_sides_or_outside_an_election_are_no_party(text: str) -> None:
    assert "partisan/party-symbol" not in [rule for rule, _ in lint(text)]


def test_telling_voters_to_weigh_one_side_s_record_in_an_election_post_is_partisan() -> None:
    text = "Advance voting starts Oct. 21. Before you go, ask yourself which party in Topeka has been cutting your road money."
    assert [rule for rule, _ in lint(text)] == ["partisan/vote"]


@pytest.mark.parametrize(
    "text",
    [
        "Primary ballots: you can only vote in one party's primary. Ask the clerk which party ballot you want.",
        "Remember who showed up to fill sandbags last spring? They're back at it Saturday!",
    ],
)
def test_a_party_ballot_or_a_record_outside_an_election_is_no_side(text: str) -> None:
    assert "partisan/vote" not in [rule for rule, _ in lint(text)]
