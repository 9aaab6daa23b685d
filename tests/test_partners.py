"""The partners check: what counts as a negative statement about a community partner."""

from __future__ import annotations

import pytest
from post_lint.checks.partners.cues import CUE_FILES, compile_cues, entry_pattern, find_cues
from post_lint.checks.partners.mentions import Partner, find_mentions, parse_organizations

from post_lint.config import Config
from post_lint.normalize import normalize
from post_lint.runner import Linter

PARTNERS = [
    {"name": "Anoka County Library", "aliases": ["the library"]},
    {"name": "Anoka Area Chamber of Commerce", "aliases": ["the Chamber"]},
    {"name": "Anoka-Hennepin School District", "aliases": ["District 11"]},
    {"name": "Anoka Halloween Inc.", "aliases": []},
]


def _linter(**options: object) -> Linter:
    linter = Linter(select=["partners"], config=Config(data={"partners": options}))
    return linter


@pytest.fixture(scope="module")
def configured() -> Linter:
    return _linter(organizations=PARTNERS)


@pytest.fixture(scope="module")
def unconfigured() -> Linter:
    return _linter()


def _findings(linter: Linter, text: str) -> list:
    result = linter.lint_text(text, path="post.txt")
    assert not result.skipped, result.skipped
    return result.findings


# -- what is flagged --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Anoka County Library is a complete waste of taxpayer money.",
        "We asked the Chamber for help. Their staff could not care less.",
        "The sidewalk is late because Anoka-Hennepin School District failed to submit the permit.",
        "If your bus stop moved, blame District 11, not us.",
        "Unlike the Chamber, we actually answer our phones.",
        "Skip the so-called help desk at the library.",
        "The Anoka County Library has a book sale Saturday. Avoid it if you can.",
        "We are disappointed in the Anoka Area Chamber of Commerce.",
        "Anoka Halloween changed the route the night before. Thanks for nothing.",
        "The Chamber's networking lunch is not worth the money.",
        "Our permit counter is faster than the library.",
    ],
)
def test_negative_statement_about_a_partner_is_an_error(configured: Linter, text: str) -> None:
    findings = _findings(configured, text)
    assert [f.rule for f in findings] == ["partners/negative"]
    assert findings[0].severity == "error"


def test_finding_points_at_the_sentence_and_names_the_partner(configured: Linter) -> None:
    text = "Story time is Tuesday. The Chamber's breakfast was a total waste of time. See you there."
    (finding,) = _findings(configured, text)
    sentence = "The Chamber's breakfast was a total waste of time."
    assert (finding.offset, finding.length) == (text.index(sentence), len(sentence))
    assert "Anoka Area Chamber of Commerce" in finding.message
    assert "\u201ca total waste\u201d" in finding.message


# -- what is not ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to the library for helping residents recover from a terrible storm.",
        "The Anoka County Library will be closed Monday for Presidents Day.",
        "The library will be closed Monday because of the terrible ice storm.",
        "Roads are a mess this morning after the ice storm.",
        "The Anoka County Library is not a waste of money.",
        "Through no fault of their own, District 11 canceled classes after a water main break.",
        "We blame the weather, not the Chamber, for the low turnout.",
        "Avoid parking in the library lot today; it is being repaved.",
        "Unlike last year, the Chamber's expo will be held indoors.",
        "The library's renovated children's area is better than ever.",
        "The Chamber's members were frustrated by the long winter, but sales are up.",
        "The Anoka County Library reopened Monday. It was a terrible storm.",
    ],
)
def test_neutral_mentions_and_negativity_aimed_elsewhere_pass(configured: Linter, text: str) -> None:
    assert _findings(configured, text) == []


# -- partner names -------------------------------------------------------------


def test_names_match_case_hyphen_spacing_and_possessive_variants() -> None:
    partners = (Partner("Anoka-Hennepin School District"), Partner("Anoka Halloween Inc."))
    text = "anoka hennepin school district's buses; AnokaHennepin School District; Anoka Halloween's parade"
    found = [text[m.start : m.end] for m in find_mentions(normalize(text, leet=True), partners)]
    assert found == ["anoka hennepin school district", "AnokaHennepin School District", "Anoka Halloween"]


def test_the_kind_of_organisation_refers_back_only_once_the_partner_is_named() -> None:
    partners = (Partner("Anoka County Library"),)
    named = "The Anoka County Library opens at 9. The library is closed Sunday."
    assert [m.follow_up for m in find_mentions(normalize(named), partners)] == [False, True]
    assert find_mentions(normalize("The library is closed Sunday."), partners) == []


def test_shortened_name_after_the_matches() -> None:
    partners = (Partner("Anoka County Historical Society"), Partner("Anoka Area Chamber of Commerce"))
    text = "The Historical Society and the Chamber of Commerce"
    found = [m.partner for m in find_mentions(normalize(text), partners)]
    assert found == ["Anoka County Historical Society", "Anoka Area Chamber of Commerce"]


def test_organizations_accept_plain_names_and_reject_entries_without_a_name() -> None:
    assert parse_organizations(["Anoka County Library"]) == [Partner("Anoka County Library")]
    linter = _linter(organizations=[{"aliases": ["the library"]}])
    result = linter.lint_text("The library is a joke.", path="post.txt")
    assert result.skipped and "needs a name" in result.skipped[0].reason


# -- without configured partners ---------------------------------------------------


def test_unconfigured_check_warns_about_organisations_spacy_recognises(unconfigured: Linter) -> None:
    (finding,) = _findings(unconfigured, "The Minnesota Department of Transportation failed to plow Highway 10.")
    assert finding.rule == "partners/organization"
    assert finding.severity == "warning"
    assert "Minnesota Department of Transportation" in finding.message
    assert "[partners] organizations" in finding.message


def test_unconfigured_check_ignores_diseases_tagged_as_organisations(unconfigured: Linter) -> None:
    assert _findings(unconfigured, "Avoid exposure to COVID-19.") == []


# -- cue lists ---------------------------------------------------------------------


def test_every_cue_file_exists_and_compiles() -> None:
    cue_set = compile_cues((), ())
    stems = {stem for stems in cue_set.words.values() for stem in stems} | {stem for stem, _ in cue_set.patterns}
    assert stems == set(CUE_FILES)


def test_cue_entry_syntax() -> None:
    import re

    assert re.fullmatch(entry_pattern("a _ joke"), "an absolute joke")
    assert re.fullmatch(entry_pattern("let _ down"), "let local businesses down")
    assert re.fullmatch(entry_pattern("incompeten*"), "incompetence")
    assert re.fullmatch(entry_pattern("don't bother with"), "dont bother with")


def test_extra_cues_from_config_extend_the_lists_and_ignore_cues_drop_entries() -> None:
    text = "The Chamber's website is a shambolic maze."
    # The word lists alone (the learned layer, which may well catch this, is off).
    assert _findings(_linter(organizations=PARTNERS, learned=False), text) == []
    extended = _linter(organizations=PARTNERS, learned=False, **{"extra-cues": {"criticism": ["shambolic"]}})
    assert [f.rule for f in _findings(extended, text)] == ["partners/negative"]
    dropped = _linter(organizations=PARTNERS, learned=False, **{"ignore-cues": ["a _ joke"]})
    assert _findings(dropped, "The library is a joke.") == []


# -- evasion (issue 9): each trick, with its exact original span --------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The Chamber's new website is u s e l e s s.", "u s e l e s s"),
        ("The Chamber's new website is us3l3ss.", "us3l3ss"),
        ("The Chamber's new website is 𝐮𝐬𝐞𝐥𝐞𝐬𝐬.", "𝐮𝐬𝐞𝐥𝐞𝐬𝐬"),
        ("The Chamber's new website is use\u200bless.", "use\u200bless"),
        ("The Chamber's new website is usеlеss.", "usеlеss"),  # Cyrillic е
        ("The Chamber's new website is ｕｓｅｌｅｓｓ.", "ｕｓｅｌｅｓｓ"),
    ],
)
def test_evasive_spelling_is_caught_at_its_original_span(configured: Linter, sentence: str, cue: str) -> None:
    text = f"Happy Monday! {sentence} Call us instead."
    (finding,) = _findings(configured, text)
    assert text[finding.offset : finding.offset + finding.length] == sentence
    assert f"\u201c{cue}" in finding.message


def test_find_cues_maps_a_spaced_cue_back_to_its_original_span() -> None:
    text = "It is u s e l e s s now"
    spans = {(text[c.start : c.end], c.source) for c in find_cues(normalize(text, leet=True), compile_cues((), ()))}
    assert ("u s e l e s s", "criticism") in spans


def test_unconfigured_partners_are_at_most_the_first_64_organisations_a_post_names(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each is an alternative in one regex over the whole post: an archive dump naming thousands
    # of organisations took minutes (issue 20: a 1 MB realistic post).
    import post_lint.checks.partners as partners_check

    class Span:
        def __init__(self, i: int) -> None:
            self.start, self.end, self.text = 3 * i, 3 * i + 2, f"Riverside Widget Makers {i}"

        def __len__(self) -> int:
            return 2

    monkeypatch.setattr(partners_check, "_org_spans", lambda doc: iter([Span(i) for i in range(200)]))
    found = partners_check._org_partners(object())
    assert len(found) == 64 and found[0].name == "Riverside Widget Makers 0" and found[-1].name.endswith(" 63")


@pytest.mark.parametrize(
    "text",
    [
        "Shuttles to the fair run every 20 minutes (assuming the Chamber remembers this time).",
        "Book sale hours are 9 to 5, give or take whatever the library feels like that day.",
        "Driveways are on you (or on District 11, if they ever show).",
        "Other towns post real-time bus signs. The Chamber can barely manage a printed map.",
    ],
)
def test_a_hedge_that_a_partner_will_do_its_job_at_all_is_flagged(text: str) -> None:
    linter = _linter(organizations=PARTNERS, learned=False)
    assert [f.rule for f in _findings(linter, text)] == ["partners/negative"]


@pytest.mark.parametrize(
    "text",
    [
        "If you ever need a library card, the library issues them free at every branch.",
        "Remember, the Chamber's office is closed on Mondays.",
        "It might not feel like it today, but the library's summer reading starts next week.",
    ],
)
def test_the_same_words_not_said_of_a_partner_stay_clean(text: str) -> None:
    linter = _linter(organizations=PARTNERS, learned=False)
    assert _findings(linter, text) == []


def test_an_organisation_beside_if_you_are_ever_is_not_doubted() -> None:
    # A real county post: "ever" belongs to the reader's need, not to the organisation.
    text = "If you are ever in need of support, Crisis Text Line is there to offer help. Text MARIN to 741741."
    assert _findings(_linter(organizations=[{"name": "Crisis Text Line", "aliases": []}], learned=False), text) == []
