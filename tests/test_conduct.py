"""The conduct check: profanity, slurs, insults and threats, matched whole and by lemma.

Pins down the Scunthorpe problem (words and names containing a listed word stay
clean), neutral and reclaimed words, and each evasion trick with its exact span.
"""

from __future__ import annotations

import pytest

from post_lint.api import Check
from post_lint.config import Config
from post_lint.registry import load_check
from post_lint.runner import Linter

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=["conduct"])


def lint(linter: Linter, text: str, **options: object):
    linter.explicit_config = Config(data={"conduct": dict(options)})
    result = linter.lint_text(text, path="post.txt")
    assert not result.skipped, result.skipped
    return result.findings


def flagged(linter: Linter, text: str, **options: object) -> list[tuple[str, str]]:
    return [(f.rule, text[f.offset : f.end]) for f in lint(linter, text, **options)]


@pytest.mark.parametrize(
    "text",
    [
        "Paddle the Rum River this summer.",
        "Families came to Anoka from Middlesex and Essex.",
        "Registration for the water safety class opens Monday.",
        "Our sister library in Scunthorpe sent a letter.",
        "Cocktails and mocktails at Taste of Anoka.",
        "Grape juice and grapefruit for the kids.",
        "The special assessment hearing is Monday.",
        "Crappies are biting on Lake George.",
        "Try the spicy chili; the spices are local.",
        "Hancock, Dickinson and Titusville sent teams.",
        "The therapist is in on Tuesdays.",
        "Hello, Anoka! Shell out a little for the bake sale.",
        "Road work between Anoka and Coon Rapids, near Coon Creek.",
        "Our defense found the one chink in the armor.",
        "Pussy willows are blooming along the Rum River trail.",
        "Homo sapiens exhibit at the science museum field trip.",
        "Fire retardant was dropped on the grass fire.",
        "Don't be fooled by scam calls.",
        "The lazy river is open daily.",
        "Dumb luck: nobody was hurt when the tree fell.",
        "Residents are entitled to a hearing.",
    ],
)
def test_words_and_names_containing_a_listed_word_stay_clean(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anoka celebrates LGBTQ Pride Month with a picnic.",
        "The gay-straight alliance meets Thursdays at Anoka High School.",
        "February is Black History Month.",
        "Queer and trans youth are welcome at the teen center.",
        "Our Black and Latino business owners are invited to the workshop.",
    ],
)
def test_reclaimed_and_neutral_uses_stay_clean(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The fucking plows are late.", "fucking"),
        ("Stop bitching about the plows.", "bitching"),
        ("FUCK the snow.", "FUCK"),
        ("Shit happens.", "Shit"),
        ("Those bastards dumped tires again.", "bastards"),
    ],
)
def test_inflected_and_capitalised_forms_match(linter: Linter, text: str, word: str) -> None:
    assert ("conduct/profanity", word) in flagged(linter, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Sh1t happens, move your car.", "Sh1t"),
        ("Leaf pickup is late. F u c k this rain!", "F u c k"),
        ("Leaf pickup is late. f.u.c.k this rain!", "f.u.c.k"),
        ("What the ｆｕｃｋ, snow again.", "ｆｕｃｋ"),
        ("What the 𝐟𝐮𝐜𝐤, snow again.", "𝐟𝐮𝐜𝐤"),
        ("What the fυck, snow again.", "fυck"),  # Greek upsilon
        ("What the fuсk, snow again.", "fuсk"),  # Cyrillic es
        ("What the f\u200buck, snow again.", "f\u200buck"),  # zero-width space
        ("What the f**k, snow again.", "f**k"),
        ("Holidays are a b*tch.", "b*tch"),
        ("Holidays are a b!tch.", "b!tch"),
        ("That is $h!t service.", "$h!t"),
        ("Some a$$hole took the sign.", "a$$hole"),
    ],
)
def test_each_evasion_trick_is_caught_at_its_exact_span(linter: Linter, text: str, span: str) -> None:
    findings = lint(linter, text)
    start = text.index(span)
    assert [(f.rule, f.offset, f.length) for f in findings] == [("conduct/profanity", start, len(span))]
    assert "disguised" in findings[0].message or "masked" in findings[0].message


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Don't be a d-bag, pay the meter.", "d-bag"),
        ("Parking there is an a-hole move.", "a-hole"),
        ("This line is f-ing ridiculous.", "f-ing"),
        ("What a sh--t show at the dump.", "sh--t"),
        ("F\u2014k this weather.", "F\u2014k"),
        ("What a b@st@rd move.", "b@st@rd"),
    ],
)
def test_a_hyphen_dash_or_symbols_standing_in_for_letters_are_read_as_the_word(linter: Linter, text: str, span: str) -> None:
    assert flagged(linter, text) == [("conduct/profanity", span)]


def test_a_grawlix_in_a_word_s_place_is_mild_profanity(linter: Linter) -> None:
    findings = lint(linter, "Who the $#@% leaves a chainsaw running at the dump?")
    assert [(f.rule, f.severity) for f in findings] == [("conduct/profanity", "warning")]
    assert "symbols standing in for a swear word" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The co-op meets at 7 in the X-ray wing; T-shirts for e-bike riders.",
        "P.S. the S&W beans recall covers J&J cans too.",
        "Thank you for all you do! Here we go! Know before you go!",
        "Win $$$ at bingo!!! Prices $5 & up.",
        "The b-ball camp and the D-Day memorial are on the S-curve.",
    ],
)
def test_hyphenated_words_initials_and_punctuation_are_no_mask(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


def test_evasion_pass_can_be_turned_off(linter: Linter) -> None:
    # The learned layer has its own switch: it may read "Sh1t" as it reads any word.
    assert flagged(linter, "Sh1t happens.", evasion=False, learned=False) == []
    assert flagged(linter, "Sh1t happens.", learned=False) == [("conduct/profanity", "Sh1t")]


def test_mild_profanity_is_a_warning_and_strong_profanity_an_error(linter: Linter) -> None:
    findings = lint(linter, "Damn, what a storm. This bullshit has to stop.")
    assert [(f.rule, f.severity) for f in findings] == [("conduct/profanity", "warning"), ("conduct/profanity", "error")]
    assert flagged(linter, "Damn, what a storm.", mild=False) == []


def test_hell_only_in_its_swearing_phrases(linter: Linter) -> None:
    assert flagged(linter, "What the hell happened to the rink?") == [("conduct/profanity", "What the hell")]
    assert flagged(linter, "The Hell's Kitchen tour bus stops at Main Street.") == []


def test_slur_message_names_the_group_it_demeans(linter: Linter) -> None:
    findings = lint(linter, "The parking app is acting retarded today.")
    assert [f.rule for f in findings] == ["conduct/slur"]
    assert "disability" in findings[0].message


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("To the idiots who park on the street: move your cars.", "idiots"),
        ("Stupid drivers keep going around the barricades.", "Stupid"),
        ("Some people are just too lazy to shovel.", "lazy"),
        ("Don't be selfish: leave the ramp clear.", "selfish"),
        ("You people keep calling about the water tower.", "You people"),
    ],
)
def test_insults_aimed_at_residents(linter: Linter, text: str, word: str) -> None:
    assert ("conduct/insult", word) in flagged(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "To the vandals at the park: I'm going to hunt you down.",
        "We'll kill you if you park here again.",
        "Anyone who runs a school bus stop arm deserves to be shot.",
        "I know where you live.",
    ],
)
def test_threats(linter: Linter, text: str) -> None:
    assert [rule for rule, _ in flagged(linter, text)] == ["conduct/threat"]


@pytest.mark.parametrize(
    "text",
    [
        "Carbon monoxide can kill you in minutes.",
        "We'll shoot you a reminder the night before garbage day.",
        "Fireworks should be shot from a flat, open surface.",
        "We will hang them up on the light poles Friday.",
        "Police will find the driver who hit the sign.",
    ],
)
def test_warnings_and_ordinary_verbs_are_not_threats(linter: Linter, text: str) -> None:
    assert flagged(linter, text) == []


def test_form_only_terms_never_match_by_lemma(linter: Linter) -> None:
    assert flagged(linter, "Illegal dumping is a crime.") == []
    assert flagged(linter, "Illegals are not welcome.") == [("conduct/slur", "Illegals")]


def test_unless_phrases_excuse_only_their_own_use(linter: Linter) -> None:
    text = "Try the jerk chicken. These jerks keep stealing our signs."
    assert flagged(linter, text) == [("conduct/insult", "jerks")]


def test_a_threat_and_the_profanity_inside_it_are_both_reported(linter: Linter) -> None:
    text = "We'll beat the shit out of you."
    assert sorted(rule for rule, _ in flagged(linter, text)) == ["conduct/profanity", "conduct/threat"]


def test_camelcase_hashtag_is_read_word_by_word(linter: Linter) -> None:
    assert flagged(linter, "Ten more inches tonight. #FuckWinter") == [("conduct/profanity", "#FuckWinter")]
    assert flagged(linter, "Go team! #ScunthorpeUnited #CoonRapids") == []


def test_words_inside_links_and_mentions_are_ignored(linter: Linter) -> None:
    assert flagged(linter, "Details at https://example.gov/damn-good-coffee and from @shitake_farm") == []


def test_extra_terms_and_allow_come_from_the_config(linter: Linter) -> None:
    assert flagged(linter, "He is a jagoff.", **{"extra-terms": ["insult: jagoff"]}) == [("conduct/insult", "jagoff")]
    assert flagged(linter, "The Damn Yankees tribute band plays Thursday.", allow=["Damn Yankees"]) == []


def test_every_rule_it_reports_is_declared() -> None:
    check = load_check("conduct")
    assert isinstance(check, Check)
    assert set(check.rules) == {"conduct/profanity", "conduct/slur", "conduct/insult", "conduct/threat", "conduct/learned"}
    assert check.nlp == ("lemmatizer",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The whiners at last night's meeting can save their breath.", "The whiners"),
        ("To the snowflakes upset about our holiday tree: the tree stays.", "To the snowflakes"),
        ("Thanks to the usual complainers for the same speech as last month.", "the usual complainers"),
        ("Listen up, you freeloaders: the dump sticker is $40.", "you freeloaders"),
    ],
)
def test_residents_called_by_a_pejorative_noun_are_insulted(linter: Linter, text: str, name: str) -> None:
    assert flagged(linter, text, learned=False) == [("conduct/insult", name)]


@pytest.mark.parametrize(
    "text",
    [
        "Snowflakes are falling! Plows are out tonight.",
        "Don't be a litterbug: use the bins at the park.",
        "Congratulations to the losers of the pie-eating bet: the Mayor is in the dunk tank Saturday!",
        "Bridge troll costumes are welcome at the library's fairy tale night.",
    ],
)
def test_the_same_nouns_in_their_innocent_sense_stay_clean(linter: Linter, text: str) -> None:
    assert flagged(linter, text, learned=False) == []


def test_evidence_held_on_the_people_addressed_and_a_promised_visit_read_as_intimidation(linter: Linter) -> None:
    text = "To the folks shooting at the road signs on 180th: we've pulled the trail cam footage. Deputies will be by."
    assert flagged(linter, text, learned=False) == [("conduct/threat", "Deputies will be by")]


@pytest.mark.parametrize(
    "text",
    [
        "Deputies are reviewing camera footage of the break-in. Anyone with information, call 555-0100.",
        "Deputies will be by the fair booth Saturday with free gun locks. See you soon!",
        "To everyone who entered the photo contest: we have the winners! We'll be in touch by Friday.",
    ],
)
def test_footage_or_a_visit_alone_is_ordinary_news(linter: Linter, text: str) -> None:
    assert flagged(linter, text, learned=False) == []


@pytest.mark.parametrize(
    "text",
    [
        "Congrats to the tourist who fed a moose a granola bar. Darwin would be proud.",
        "Nice parking job, Einstein. The tow truck is on its way.",
        "Some real rocket scientists drove around the barricade today.",
    ],
)
def test_mock_praise_of_someone_s_intelligence_is_an_insult(linter: Linter, text: str) -> None:
    assert [rule for rule, _ in flagged(linter, text, learned=False)] == ["conduct/insult"]


def test_praise_and_a_name_that_share_the_words_stay_clean(linter: Linter) -> None:
    assert flagged(linter, "Thanks to Dr. Einstein for his talk on relativity at the library.", learned=False) == []
