"""The names check: people's names are flagged, officials in allow, places, pets and
public officials are not. spaCy is loaded once for the module."""

from __future__ import annotations

import pytest

from post_lint.config import Config
from post_lint.runner import Linter

pytest.importorskip("spacy")

from post_lint.checks.names.officials import Officials  # noqa: E402

OFFICIALS = ["Mayor Erik Skogquist", "City Manager Greg Lee", "Police Chief Eric Yang", "Officer Daniel Ortiz"]


@pytest.fixture(scope="module")
def linter() -> Linter:
    linter = Linter(select=["names"], config=Config(data={"names": {"allow": OFFICIALS}}))
    result = linter.lint_text("Warm-up.", path="post.txt")
    if result.skipped:
        pytest.skip(result.skipped[0].reason)
    return linter


def names(linter: Linter, text: str, path: str = "post.txt") -> list[str]:
    result = linter.lint_text(text, path=path)
    assert not result.skipped and not result.problems
    return [text[f.offset : f.end] for f in result.findings]


def test_private_full_name_is_flagged_with_its_exact_span(linter: Linter) -> None:
    text = "Congratulations to Lily Chen, a fourth grader, whose poster won first place!"
    assert names(linter, text) == ["Lily Chen"]


def test_title_and_possessive_are_not_part_of_the_flagged_span(linter: Linter) -> None:
    assert names(linter, "Thanks to Jessica Moore's class for the cards.") == ["Jessica Moore"]


def test_message_asks_for_consent_and_says_how_to_allow_an_official(linter: Linter) -> None:
    (finding,) = linter.lint_text("Happy retirement to Dave Kowalski!", path="post.txt").findings
    assert finding.severity == "warning"
    assert "consent" in finding.message and "[body] officials" in finding.message and "consents.toml" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Erik Skogquist will read to kids on Saturday.",
        "Watch Mayor Skogquist's address on Thursday.",
        "Erik Skogquist thanked the volunteers. Erik said the fair was a success.",
        "City Manager Greg Lee presented the budget. Lee said roads come first.",
        "Police Chief Eric Yang hosts coffee Wednesday. Chief Yang will take questions.",
        "Officer Daniel Ortiz joins Anoka Middle School. Say hi to Officer Ortiz!",
    ],
)
def test_allowed_officials_with_titles_possessives_and_follow_ups_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_a_different_person_who_shares_an_officials_surname_is_flagged(linter: Linter) -> None:
    assert names(linter, "Thanks to Jenny Lee for organizing the cleanup.") == ["Jenny Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "The playground at George Green Park is closed next week.",
        "City offices are closed Monday for Martin Luther King Jr. Day.",
        "Pickleball courts at Peter Anoka Park are open daily.",
        "Students from Lincoln Elementary planted trees along the trail.",
        "Sewer work on Benton Street and Jackson Street starts Monday.",
    ],
)
def test_places_and_events_named_after_people_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Have you seen our dog Max? He is a brown lab.",
        "Meet Rocky, our new police K-9!",
        "Have you seen Luna? She is a gray tabby who slipped out Sunday.",
    ],
)
def test_pets_are_not_people(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_public_official_after_a_public_office_title_is_not_flagged(linter: Linter) -> None:
    assert names(linter, "Governor Tim Walz toured the water plant with Sen. Amy Klobuchar.") == []


def test_names_in_mentions_and_urls_are_not_flagged(linter: Linter) -> None:
    assert names(linter, "Thanks to @SarahTran for the photo! More at https://example.com/sarah-tran") == []


def test_name_the_model_labels_an_organisation_is_still_found(linter: Linter) -> None:
    # The small model tags this one ORG; a census given name + surname makes it a person.
    text = "And the winner of this year's costume contest is Noah Fischer, dressed as a garden gnome!"
    assert names(linter, text) == ["Noah Fischer"]


def test_single_capitalised_words_the_model_mistakes_for_people_are_not_flagged(linter: Linter) -> None:
    text = "Halloween trail this Friday! Costumes welcome. Drop off food at the Walgreens lot."
    assert names(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Flu shots in Carroll, Gallatin, Owen and Pendleton Counties this week.",
        "New cases by town: Covington: 5, Craig: 6, Salem: 12.",
        "Clinic today at the Sherman Health Department, 515 N Walnut, Sherman.",
        "See you at the back-to-school bash in Winter Haven, FL on Saturday.",
        "Pfizer, Moderna and Johnson & Johnson vaccines are available.",
        "RECALL: Jennie-O turkey products sold in November.",
    ],
)
def test_places_brands_and_counts_by_town_are_not_people(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_officials_match_first_name_follow_up_only_after_the_full_name() -> None:
    officials = Officials.parse(("Police Chief Eric Yang",), frozenset({"police", "chief"}))
    text = "Chief Eric Yang spoke. Eric thanked everyone."
    assert officials.allows("Eric", text, text.index("Eric thanked"))
    assert not officials.allows("Eric", "Eric thanked everyone.", 0)
    assert officials.allows("Yang's", "", 0)
    assert not officials.allows("Jenny Yang", "", 0)


def _bare() -> Linter:
    linter = Linter(select=["names"])
    linter.explicit_config = Config(data={})
    return linter


def findings(linter: Linter, text: str) -> list[tuple[str, str, str]]:
    result = linter.lint_text(text, path="post.txt")
    assert not result.skipped and not result.problems
    return [(f.rule.removeprefix("names/"), f.severity, text[f.offset : f.end]) for f in result.findings]


# -- children (issue 16) -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Noah and Ava Berg, ages 9 and 6, sold lemonade for the shelter.", "Ava Berg"),
        ("Congratulations to Lily Chen, a fourth grader at Franklin Elementary, for her poster!", "Lily Chen"),
        ("Kudos to 10-year-old Tommy from Noblesville for getting his shot!", "Tommy"),
        ("Eleven-year-old Owen got his second dose today.", "Owen"),
        ("Mia Olson (8) raised $200 for the food shelf.", "Mia Olson"),
        ("Happy birthday to Jacob Larson, who turned 7 on Sunday!", "Jacob Larson"),
        ("Hannah Olsen, an Anoka High School senior, won the scholarship.", "Hannah Olsen"),
        ("Emma Ruiz, a student at Lincoln Elementary, designed our new logo.", "Emma Ruiz"),
        ("Thanks to her son Jeremy, who lives on Maple Court, for finding the keys!", "Jeremy"),
        ("Our fire safety winner is kindergartner Sofia Lopez!", "Sofia Lopez"),
    ],
)
def test_a_named_child_with_age_grade_school_or_street_is_an_error(text: str, name: str) -> None:
    assert ("child", "error", name) in findings(_bare(), text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Jessica Moore's third grade class for the get-well cards.",
        "Officer Brian Kessler found a lost 4-year-old near the river.",
        "Katelyn Van Dyke, a 20-year-old college sophomore, shared how long COVID changed her life.",
        "Happy retirement to Sue Johnson, a Lincoln Elementary teacher for 31 years!",
        "Marcus Bell, 34, was taken to the hospital after the crash.",
    ],
)
def test_adults_teachers_and_unnamed_children_are_not_children(text: str) -> None:
    assert not [f for f in findings(_bare(), text) if f[0] == "child"]


def test_a_parents_consent_lets_a_child_be_named_and_an_adults_consent_does_not() -> None:
    base = "Congratulations to Lily Chen, a fourth grader at Franklin Elementary"
    assert findings(_bare(), base + " (shared with her parents' permission)!") == []
    assert [f[0] for f in findings(_bare(), base + " (shared with her permission)!")] == ["child"]


def test_child_severity_is_configurable() -> None:
    linter = Linter(select=["names"])
    linter.explicit_config = Config(data={"names": {"child-severity": "warning"}})
    assert findings(linter, "Mia Olson (8) raised $200 for the food shelf.") == [("child", "warning", "Mia Olson")]


# -- staff and professionals named in their role ----------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Staff spotlight: utility billing clerk Megan Howe answered 5,000 calls.", "Megan Howe"),
        ("Listen to the Director of Nursing, Debbie Brooks, on why the vaccine matters.", "Debbie Brooks"),
        ("Welcome to Julie Hanson, RN, who joins our walk-in clinic.", "Julie Hanson"),
        ("Ty Tover, a peer counselor with the county health department, shares tips.", "Ty Tover"),
        ("Kerri Suhr is one of our nurses who works with home care.", "Kerri Suhr"),
        ("We welcome Jennifer Wentzel as our new Health Commissioner!", "Jennifer Wentzel"),
        ("Dr. Janice Smith has given invaluable expertise to our board.", "Janice Smith"),
    ],
)
def test_a_name_in_its_role_is_a_note_until_officials_are_configured(text: str, name: str) -> None:
    assert ("staff", "info", name) in findings(_bare(), text)


def test_staff_names_are_flagged_once_the_city_lists_who_may_be_named(linter: Linter) -> None:
    text = "Staff spotlight: utility billing clerk Megan Howe answered 5,000 calls."
    assert findings(linter, text) == [("staff", "warning", "Megan Howe")]
    flag = Linter(select=["names"])
    flag.explicit_config = Config(data={"names": {"staff-names": "flag"}})
    assert findings(flag, text) == [("staff", "warning", "Megan Howe")]


def test_residents_and_volunteers_are_not_staff() -> None:
    text = "Meet this month's volunteer of the month: Rosa Delgado has packed boxes for six years."
    assert findings(_bare(), text) == [("person", "warning", "Rosa Delgado")]


def test_body_officials_are_allowed_like_names_allow() -> None:
    linter = Linter(select=["names"])
    linter.explicit_config = Config(data={"body": {"officials": ["Clerk Amy Berg"]}})
    assert findings(linter, "Questions about absentee ballots? Amy Berg and her team can help.") == []


# -- consent, replies and places ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Thank you to volunteer Rosa Delgado for packing 300 boxes (shared with her permission).",
        "Isaiah is sharing his long COVID story so that you won't have one.",
        "@scott13wilson Absolutely, Scott. We're always happy to share data.",
        "@christopherbays Hi, Chris. Please report violations to the health department.",
    ],
)
def test_consent_noted_and_replies_to_the_writer_are_not_flagged(text: str) -> None:
    assert findings(_bare(), text) == []


@pytest.mark.parametrize(
    "text",
    [
        "FREE COVID-19 TESTING! Logan, Morgan, Phillips, Sedgwick, and Washington Counties.",
        "The clinic at 814 Jefferson has extended hours this week.",
        "Free condoms: 435-247-1177 (Vernal) 435-722-6300 (Roosevelt).",
        "FDOH Lee continues to offer free testing by appointment.",
        "New cases: a woman in her 70s from Graham and a man in his 30s from Puyallup.",
        "Death of a 10-year-old Aurora girl is being investigated.",
    ],
)
def test_lists_of_counties_streets_and_town_labels_are_places(text: str) -> None:
    assert findings(_bare(), text) == []


# -- issue 16 --------------------------------------------------------------------------
def test_a_household_named_by_its_surname_is_flagged(linter: Linter) -> None:
    assert names(linter, "Bring donations for the Harlow family to the fire hall.") == ["Harlow"]


def test_a_greeting_the_model_folds_into_a_name_is_left_out(linter: Linter) -> None:
    assert names(linter, "Meet Darnell Hughes, a dad of three who rides the bus.") == ["Darnell Hughes"]


def test_namesakes_and_figures_of_history_are_not_flagged(linter: Linter) -> None:
    assert names(linter, "The library is named for Andrew Carnegie, who funded it.") == []
    assert names(linter, "The detector was created in 1925 by Chester Gordon and James Lowe.") == []


def test_consent_given_as_an_ok_or_a_request_covers_the_adult_named(linter: Linter) -> None:
    assert names(linter, "Big thanks to Pete Ross, shared with his OK.") == []
    assert names(linter, "Thanks to Amy Cho, who asked us to give her a shout-out.") == []


def test_consent_given_by_name_covers_the_adult_named(linter: Linter) -> None:
    text = "Thank you to volunteer Carla Jensen for 300 hours at the pantry (shared with Carla's permission)."
    assert names(linter, text) == []


def test_a_capitalised_word_beside_a_lower_case_one_is_no_disguised_name(linter: Linter) -> None:
    assert names(linter, "The St. Vincent de Paul thrift store accepts furniture.") == []


def test_a_contraction_is_no_given_name(linter: Linter) -> None:
    assert names(linter, "September is National Preparedness Month. Don't Wait to Communicate.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The car has been parked on Rose Street for weeks; its owner, Lenny Grove, has been notified.", "Lenny Grove"),
        ("Our crossing guard, Ellen Marsh, retires Friday.", "Ellen Marsh"),
    ],
)
def test_a_surname_that_is_also_a_place_word_is_a_name_after_a_person_noun(linter: Linter, text: str, name: str) -> None:
    assert name in names(linter, text)


def test_a_household_by_its_surname_is_named(linter: Linter) -> None:
    assert "Benson" in names(linter, "Customer 0045-7723 (the Benson household on Fir Street) has a credit of $42.")


@pytest.mark.parametrize(
    "text",
    [
        "Teen Reading Challenge: finish any three books by Jason Reynolds or Angie Thomas and earn a prize.",
        "New on the shelves: Colson Whitehead's latest novel, plus a stack of new mysteries by Louise Penny.",
        'Audiobook spotlight: "The Thursday Murder Club," written by Richard Osman and narrated by Lesley Manville.',
        "Join us Tuesday when local author Karen Doyle reads from her new book.",
        'Storytime Saturday: we will read "Where the Wild Things Are" by Maurice Sendak.',
    ],
)
def test_an_author_named_for_their_work_is_no_private_person(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_a_book_donated_by_a_resident_still_names_the_resident(linter: Linter) -> None:
    assert names(linter, "Thanks to Jane Kowalski for the box of books donated to the library.") == ["Jane Kowalski"]


def test_one_persons_consent_covers_that_person_and_not_their_neighbor(linter: Linter) -> None:
    text = "Volunteer Ann Price (shared with her permission) and her neighbor Carl Weiss cleaned up the park."
    assert names(linter, text) == ["Carl Weiss"]


def test_consent_said_after_the_name_covers_its_follow_ups(linter: Linter) -> None:
    text = "The Parks Board thanks Eugene Park for his years at the arboretum. Eugene said we could post this."
    assert names(linter, text) == []


def test_a_general_consent_leaves_out_a_friend_introduced_by_someone_else(linter: Linter) -> None:
    text = "Thanks to Lucy Brandt for her help! Photo used with permission. Lucy's friend Marty Cole also pitched in."
    assert names(linter, text) == ["Marty Cole"]


def test_a_dogs_name_is_a_dogs_name_again_later_in_the_post(linter: Linter) -> None:
    assert names(linter, "K-9 Officer Rex retires this week after eight years on patrol. Good boy, Rex!") == []


def test_a_public_figure_is_known_with_a_middle_initial(linter: Linter) -> None:
    assert names(linter, "Happy birthday to Susan B. Anthony! Visit the history museum.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deputy Ruiz's toddler, Mateo, just turned two and got a tour of the squad car!", "Mateo"),
        ("The dog found on Route 9 belongs to the Gundersons; they picked her up this morning.", "Gundersons"),
        ("Hope Carlson, 12, of 44 Ridge Road, raised $800 for the food shelf.", "Hope Carlson"),
    ],
)
def test_a_child_after_a_child_word_a_household_by_plural_surname_and_a_word_given_name_are_people(
    linter: Linter, text: str, name: str
) -> None:
    assert name in names(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Farmers' Market will be having a Fall festival.",
        "Alyssa's school is an 11-year-old Chatham Co. school.",
        "Antique medical equipment and a 100 year old American Medical Directory.",
    ],
)
def test_plural_words_counties_and_old_things_are_no_people(linter: Linter, text: str) -> None:
    assert [n for n in names(linter, text) if n != "Alyssa"] == []


def test_an_officials_name_is_what_follows_any_title_words_of_the_entry() -> None:
    titles = frozenset({"chair", "director"})
    given = frozenset({"gus", "carol", "luis"})
    officials = Officials.parse(("Board Chair Gus Lindqvist", "Register of Deeds Carol Jeffries"), titles, given)
    assert officials.allows("Gus Lindqvist", "", 0)
    assert officials.allows("Carol Jeffries", "", 0)
    assert not officials.allows("Board Gus Lindqvist", "", 0)


def test_an_official_is_matched_by_a_short_first_name_or_by_first_name_after_a_title() -> None:
    officials = Officials.parse(("Sheriff Raymond Okafor", "Public Works Director Luis Ortega"), frozenset(), frozenset())
    assert officials.allows("Ray Okafor", "", 0)
    assert not officials.allows("Carla Okafor", "", 0)
    text = "Director Luis will walk residents through the new carts."
    assert officials.allows("Luis", text, text.index("Luis"))
    assert not officials.allows("Luis", "Thanks, Luis, for the photo.", 8)


BODY = {
    "body": {
        "name": "Town of Cedar Hollow",
        "aliases": ["Cedar Hollow"],
        "officials": ["Mayor Theodore Blackwell"],
    }
}


@pytest.mark.parametrize(
    "text",
    [
        "Cedar Hollow Building Inspector Tom Lacey will review the new permit steps at Tuesday's open house.",
        "Jenna Holloway, the Town's recycling coordinator, will brief residents on the siren tests at 6 p.m.",
        "Town Clerk Maria Delgado reminds voters that absentee ballots are due Nov. 3.",
    ],
)
def test_staff_tied_to_a_public_body_in_a_public_duty_are_not_flagged(text: str) -> None:
    linter = Linter(select=["names"], config=Config(data=BODY))
    assert names(linter, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Town of Cedar Hollow dispatcher Kayla Moore retires Friday after 30 years. Stop by for cake!", "Kayla Moore"),
        ("Building Inspector Tom Lacey will review the new permit steps at Tuesday's open house.", "Tom Lacey"),
    ],
)
def test_staff_in_personal_news_or_with_no_public_body_are_still_flagged(text: str, name: str) -> None:
    linter = Linter(select=["names"], config=Config(data=BODY))
    assert names(linter, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Jimenez was kind enough to let us share her photo from the fun run.",
        "We asked Omar Haddad if we could spotlight his community garden, and he happily agreed.",
        "Maya Singh gave her consent for this feature on her years at the food pantry.",
        "Leah Ostrowski told us we could share her photos from the 4-H fair.",
    ],
)
def test_consent_in_the_posts_own_words_covers_the_person(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_consent_denied_or_about_something_else_covers_no_one(linter: Linter) -> None:
    assert names(linter, "Dana Kroll never okayed this post about her pies, so we will take it down.") == ["Dana Kroll"]
    assert names(linter, "Thanks to Dana Kroll! Parents must sign a consent form before the flu clinic.") == ["Dana Kroll"]


@pytest.mark.parametrize(
    "text",
    [
        "This month's book club picks a memoir from Tara Westover.",
        "Stop by the lobby to see watercolors painted by Hollis Grant.",
        "Meet Sarah Nguyen, who wrote 'The Lighthouse Keeper's Cat', at the branch on Tuesday.",
        "New in our collection: Ann Patchett's latest, plus audiobooks read by Meryl Streep.",
    ],
)
def test_makers_of_works_read_through_the_parse_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Civil War veteran Amos Tuttle is buried in Oak Hill Cemetery; join the walking tour.",
        "Learn how Josiah Wentworth, the town's first blacksmith, forged the bell that still hangs in the church.",
        "Pioneer doctor Clara Hollis rode a horse to house calls across the county.",
    ],
)
def test_figures_of_local_history_are_not_flagged(linter: Linter, text: str) -> None:
    assert names(linter, text) == []


def test_a_veteran_of_today_and_a_letter_writer_are_still_flagged(linter: Linter) -> None:
    assert names(linter, "Army veteran Amos Tuttle helped us fix the flagpole.") == ["Amos Tuttle"]
    assert names(linter, "Tara Westover wrote to us about the potholes on her street.") == ["Tara Westover"]


# -- issue 16, helper personal8 -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Now on our shelves: Demon Copperhead by Barbara Kingsolver.",
        "Read-aloud night features Eric Carle's The Very Hungry Caterpillar.",
        "Teens voted The Hunger Games by Suzanne Collins their favorite series.",
        "New this week: 'The Women' (Kristin Hannah).",
        "Book talk: local historian Dan Ferris signs copies of 'Rails Through Millbrook' on Friday.",
        "Hattie Redmond, who led Oregon's suffrage fight, is the namesake of our new community room.",
        "The Lewis and Clark reenactors arrive at the riverfront Saturday.",
        "In 1923, Mabel Haugen opened the town's first library in her parlor.",
        "Our new park is named after longtime teacher Edna Brooks, who taught here for 40 years.",
        "Get your flu shot at the pharmacy or at Dr. Patel's Family Clinic on 3rd Street.",
    ],
)
def test_authors_figures_of_history_and_businesses_are_not_private_people(text: str) -> None:
    assert findings(_bare(), text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fifth grader Lucy Amari wrote the winning essay for Arbor Day.", "Lucy Amari"),
        ("Happy birthday to Olivia Marsh, who turns 12 today and is our youngest library volunteer!", "Olivia Marsh"),
    ],
)
def test_a_child_who_wrote_an_essay_or_shares_a_place_word_surname_is_a_child(text: str, name: str) -> None:
    assert ("child", "error", name) in findings(_bare(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Happy heavenly birthday to Lily, who lost her fight with leukemia last year.", "Lily"),
        ("Congratulations to the Kowalski boys on Ridge Road for shoveling every sidewalk.", "Kowalski"),
        ("The Hendersons at 55 Birch Lane are hosting the block party.", "Hendersons"),
        ("Sanitation worker Eddie Ngata suffered a broken hip on the job.", "Eddie Ngata"),
        ("Please pray for Dispatcher Kelly Munn, who is battling cancer.", "Kelly Munn"),
    ],
)
def test_people_named_in_the_indirect_ways_are_found(text: str, name: str) -> None:
    assert name in [span for _, _, span in findings(_bare(), text)]


def test_a_k9_with_an_officers_title_is_a_dog() -> None:
    assert findings(_bare(), "Officer Zeus, our K-9, found 4 pounds of stolen copper last night. Good boy!") == []
