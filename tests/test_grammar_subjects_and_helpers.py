"""The builtin engine's parse rules for subjects and helpers (grammar8): collective bodies, bare
gerunds and base forms as finite verbs, "there is" before a bare plural, and verb forms after
"be" that the tagger reads as nouns or adjectives."""

from __future__ import annotations

import pytest

from post_lint.testing import rule_spans

pytestmark = pytest.mark.slow

BUILTIN = {"grammar": {"engine": "builtin"}}


def spans(text: str) -> list[tuple[str, str]]:
    return rule_spans("grammar", text, BUILTIN)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The committee have approved the new budget for the parks department.", "have"),
        ("The Board of Commissioners meet on the first Tuesday of each month.", "meet"),
        ("Our team of inspectors visit every restaurant twice a year.", "visit"),
        ("Parking in both lots are free on weekends.", "are"),
        ("The price of building permits go up on July 1, so apply early.", "go"),
        ("There is still seats available for Saturday's class.", "is"),
        ("Thanks to everyone who volunteer at the food bank every week!", "volunteer"),
        ("Thanks to everyone who help keep our parks clean!", "help"),
    ],
)
def test_agreement_with_bodies_activities_and_bare_verbs(text: str, span: str) -> None:
    assert spans(text) == [("grammar/agreement", span)]


@pytest.mark.parametrize(
    "text",
    [
        "A team of volunteers are cleaning the river trail on Saturday.",
        "Thank you to our team who work tirelessly every day.",
        "The following are closed today: the library and the pool.",
        "Walking and biking are great ways to get around.",
        "There is still time to get your flu shot.",
        "There is free parking and restrooms at the park.",
        "Reminder: schedule an appointment for a mammogram if you are due!",
        "We ask that every resident be patient while crews work.",
        "Let the kids play outside while it is sunny.",
        "The police are investigating a break-in at the yard.",
        "Here's how you can watch today's Board of Health Meeting live via YouTube.",
        "Fire Chief Tim Nelson's tip of the week: keep space heaters three feet from anything that can burn.",
        "Florida Department of Health Offices are closed Thursday, November 25.",
        "The committee are all against it.",
    ],
)
def test_bodies_quantities_orders_and_subjunctives_pass(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tickets can be purchase online or at the gate.", "purchase"),
        ("Your ballot must be sign on the back of the envelope.", "sign"),
        ("The old library was remodel last spring and it looks amazing.", "remodel"),
        ("Crews are currently work on the sewer line under Pine Street.", "work"),
    ],
)
def test_a_base_form_after_be_read_as_a_noun_or_adjective(text: str, span: str) -> None:
    assert spans(text) == [("grammar/verb-form", span)]


@pytest.mark.parametrize(
    "text",
    [
        "The pool will be open until 8 p.m. on weekdays.",
        "What someone wears is not consent to touch.",
        "Our goal is access for every resident.",
        "It was work that paid off for the whole team.",
    ],
)
def test_nouns_and_adjectives_after_be_pass(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Residents can pick up free smoke detector's at any fire station.", "detector's", "grammar/apostrophe"),
        ("The shelter has dozens of cat's waiting for a home.", "cat's", "grammar/apostrophe"),
        ("Thank you to the residents who took there time to fill out the survey.", "there", "grammar/confusable"),
        ("There new office is on the second floor of the courthouse.", "There", "grammar/confusable"),
        ("We'll update the road status as soon as we here from the state.", "here", "grammar/confusable"),
        ("Please be quite during the moment of silence.", "quite", "grammar/confusable"),
        ("Thank you for your patients while we upgrade the permit system.", "patients", "grammar/confusable"),
    ],
)
def test_possessives_and_homophones_read_from_the_parse(text: str, span: str, rule: str) -> None:
    assert spans(text) == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Stop by the dentist's after school for a free checkup.",
        "The city's growing needs are on the agenda.",
        "We stayed there overnight and drove home in the morning.",
        "There residents can find help with rent and utilities.",
        "We here at the county love our parks.",
        "The library is quite busy during finals week.",
        "Thank you to the nurses who care for your patients every day.",
    ],
)
def test_possessives_places_and_patients_used_right_pass(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("The window at the front desk was broke during the storm.", "broke", "grammar/verb-form"),
        ("Our next town hall is on Wensday at 6 p.m. in the library.", "Wensday", "grammar/spelling"),
        ("The deadline is Febuary 3.", "Febuary", "grammar/spelling"),
    ],
)
def test_a_simple_past_after_be_and_a_misspelt_weekday_or_month(text: str, span: str, rule: str) -> None:
    assert spans(text) == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "The new branch has study rooms, a maker space and a kids corner.",
        "Join Marcy on Monday at the library.",
        "The fair runs through Saturday, June 3.",
    ],
)
def test_a_noun_before_a_noun_after_has_and_names_near_dates_pass(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("All of our shelters needs blankets and canned food this winter.", "needs", "grammar/agreement"),
        ("The road has been close since Tuesday because of the washout.", "close", "grammar/verb-form"),
        ("The office will be close on Friday for Veterans Day.", "close", "grammar/verb-form"),
        ("The county fair is back, and we hope to sea you there!", "sea", "grammar/confusable"),
        ("You can meat the candidates on Tuesday.", "meat", "grammar/confusable"),
    ],
)
def test_parts_of_a_plural_shut_for_a_time_and_homophone_verbs(text: str, span: str, rule: str) -> None:
    assert spans(text) == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Most of our staff is working remotely this week.",
        "The park is close to the school.",
        "The vote was close on Tuesday.",
        "The swim meet is Saturday at the aquatic center.",
        "We sell meat and eggs at the market.",
    ],
)
def test_mass_parts_near_and_homophone_nouns_pass(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("The shelter needs volunteer's this weekend.", "volunteer's", "grammar/apostrophe"),
        ("Both of the park's will close early.", "park's", "grammar/apostrophe"),
        ("The budget includes new funding for road's and bridges.", "road's", "grammar/apostrophe"),
        ("I am not sure weather the pool is open.", "weather", "grammar/confusable"),
        ("The council past the new budget on a 5-2 vote last night.", "past", "grammar/confusable"),
    ],
)
def test_plurals_with_apostrophes_whether_and_passed(text: str, span: str, rule: str) -> None:
    assert spans(text) == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Here are our do's and don'ts to stay clean.",
        "Thanks to our community's and country's veterans.",
        "Stop by the doctor's this week.",
        "Check weather conditions before you go.",
        "Five years past the deadline, the bridge is still closed.",
        "The road past the school is closed.",
    ],
)
def test_idioms_possessives_weather_and_past_used_right_pass(text: str) -> None:
    assert spans(text) == []
