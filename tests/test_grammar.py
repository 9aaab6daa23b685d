"""The grammar check: the builtin engine rule by rule, and the LanguageTool client against a fake server."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from post_lint.config import Config
from post_lint.runner import Linter

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=["grammar"])


def lint(linter: Linter, text: str, **options):
    linter.explicit_config = Config(data={"grammar": {"engine": "builtin", **options}})
    return linter.lint_text(text, path="post.txt")


def rules(linter: Linter, text: str, **options) -> list[tuple[str, str]]:
    result = lint(linter, text, **options)
    return [(f.rule, text[f.offset : f.offset + f.length]) for f in result.findings]


# -- builtin engine ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Erik Skogquist thanks the Anoka Fire Department. #SnowEmergency @AnokaPolice",
        "Skogquist and Nelson met at the Anoka County Courthouse on Jackson Street.",
        "Email clerk@anokaminnesota.com or visit https://anokaminnesota.com/permits for a permit.",
        "Doors open at 6:30 p.m. on Aug. 6 at 2015 First Avenue North; call ext. 4 with questions.",
        "We stream council meetings on YouTube and post the agenda as a PDF on the city's website.",
    ],
)
def test_names_places_tokens_and_abbreviations_are_not_errors(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


def test_misspelling_is_flagged_with_ranked_suggestions(linter: Linter) -> None:
    result = lint(linter, "The compost site has new hours for the seasn.")
    (finding,) = result.findings
    assert finding.rule == "grammar/spelling"
    assert finding.suggestions[0] == "season"


# Invented for these tests: slips people really make, each with the word it should become.
_INVENTED_TYPOS = [
    ("The board will schedual a hearing on the levy.", "schedual", "schedule"),
    ("Residents will recieve a postcard with their ballot.", "recieve", "receive"),
    ("The shelter can accomodate forty families tonight.", "accomodate", "accommodate"),
    ("The pool opens tommorow at noon.", "tommorow", "tomorrow"),
    ("The road stays closed untill the crews finish.", "untill", "until"),
    ("You will definately want a coat for the parade.", "definately", "definitely"),
    ("Local goverment works best when you show up.", "goverment", "government"),
    ("Bring a copy of the necesary forms to the counter.", "necesary", "necessary"),
    ("The librray will host a story time on Monday.", "librray", "library"),
    ("Crews will plow the main roads frist and side streets after.", "frist", "first"),
    ("Please wear a mask whn you visit the clinic.", "whn", "when"),
    ("Test your smoke alarms evrey month.", "evrey", "every"),
]


@pytest.mark.parametrize(("text", "typo", "fix"), _INVENTED_TYPOS)
def test_common_misspellings_are_flagged_with_the_likeliest_fix_first(linter: Linter, text: str, typo: str, fix: str) -> None:
    found = [f for f in lint(linter, text).findings if f.rule == "grammar/spelling"]
    assert [text[f.offset : f.offset + f.length] for f in found] == [typo]
    assert found[0].suggestions[0] == fix


@pytest.mark.parametrize(
    "text",
    [
        "Book a telehealth visit or join the livestream of the town hall tonight.",
        "Snap a selfie in your favorite hoodie at the cosplay contest in the library.",
        "Take a rideshare or an e-bike to the touchless drop box; curbside pickup runs all week.",
        "Calls to defund the program came up at the webinar; the podcast and the app have the details.",
        "Vaping and vapes are banned in parks; find the FAQ and the PDF on our website.",
        "Para información sobre la vacuna, sigue este enlace.",
        "Reminder: bring your child(ren) to the clinic; the dashboard shows hospital capacity by wknd.",
    ],
)
def test_newer_and_everyday_words_are_not_misspellings(linter: Linter, text: str) -> None:
    assert [r for r in rules(linter, text) if r[0] == "grammar/spelling"] == []


def test_corrections_reach_two_edits_ranked_by_frequency() -> None:
    from post_lint.checks.grammar.speller import speller

    lexicon = speller()
    assert lexicon.corrections("nessary")[0][0] == "necessary"  # two edits, not the rare "pessary"
    assert lexicon.corrections("wierd")[0][0] == "weird"  # one edit beats a commoner word two away
    assert lexicon.corrections("brn", two_edits=False)
    assert lexicon.known("telehealth") and not lexicon.known("schedual")


def test_vocabulary_option_accepts_local_words(linter: Linter) -> None:
    text = "Our new Snowbirdz program pairs volunteers with seniors."
    assert rules(linter, text, vocabulary=["Snowbirdz"]) == []
    assert rules(linter, "Sign up for snowbirdz today.", vocabulary=["snowbirdz"]) == []


def test_repeated_word_covers_both_copies(linter: Linter) -> None:
    assert rules(linter, "Bring a a canned good to the game.") == [("grammar/repeated-word", "a a")]
    assert rules(linter, "We had had enough rain by June.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plows will arrive within a hour.", [("grammar/a-an", "a")]),
        ("Grab an map at the front desk.", [("grammar/a-an", "an")]),
        ("It takes an hour; a university team and an FAQ help, as does an MRI or a one-time fee.", []),
        ("Vitamin A and Plan A are both fine, as is an 8 a.m. start and a 10 a.m. close.", []),
    ],
)
def test_a_an_follows_the_sound(linter: Linter, text: str, expected: list) -> None:
    assert rules(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bring your receipt if your returning a permit.", "your"),
        ("Thank you for bringing you're neighbors.", "you're"),
        ("Its going to snow tonight.", "Its"),
        ("The library opened it's doors early.", "it's"),
        ("Crews finished early and there heading home.", "there"),
        ("Their is a boil-water notice for Ward 3.", "Their"),
        ("Turnout was higher then expected.", "then"),
        ("Fill out the form and than mail it in.", "than"),
        ("The closure will effect traffic on Main Street.", "effect"),
        ("Lock your bike so you don't loose it.", "loose"),
        ("Come early and bring a chair too the concert.", "too"),
    ],
)
def test_confusable_words_in_context(linter: Linter, text: str, word: str) -> None:
    assert rules(linter, text) == [("grammar/confusable", word)]


def test_confusables_used_correctly_pass(linter: Linter) -> None:
    text = (
        "Your patience helps. You're welcome to join us. The city and its crews thank you; it's a big job. "
        "Residents shoveled their walks, and there is more snow coming. Crews are faster than last year, then rest."
    )
    assert rules(linter, text) == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("The parade was delayed do to rain.", "do", "due"),
        ("Do to the weather, the market is cancelled.", "Do", "Due"),
        ("Registration runs Monday threw Friday.", "threw", "through"),
        ("Please read threw the guide before you apply.", "threw", "through"),
        ("Were hiring seasonal park staff.", "Were", "We're"),
        ("This is were the new library will go.", "were", "where"),
        ("The crews said they where almost done.", "where", "were"),
        ("We are open every day accept Sunday.", "accept", "except"),
        ("We will except donations at the door.", "except", "accept"),
        ("Crews will work weather or not it snows.", "weather", "whether"),
        ("Events will go on, whether permitting.", "whether", "weather"),
        ("Click hear to register.", "hear", "here"),
        ("Can you here the sirens at night?", "here", "hear"),
        ("Our former chief has past away.", "past", "passed"),
        ("Drivers walked passed the barricade.", "passed", "past"),
        ("Please be quite.", "quite", "quiet"),
        ("You should of seen the crowd!", "of", "have"),
        ("Everyday is a good day to recycle.", "Everyday", "Every day"),
        ("The new app let's you pay your water bill online.", "let's", "lets"),
        ("The dog broke lose from its leash.", "lose", "loose"),
        ("The ban took affect at midnight.", "affect", "effect"),
        ("The new fees had an immediate affect.", "affect", "effect"),
        ("Detours might adversely effect the bus schedule.", "effect", "affect"),
        ("Families badly effected by the flood can call us.", "effected", "affected"),
        ("If you loose your pass, we can print a new one.", "loose", "lose"),
        ("In principal the plan is sound.", "principal", "principle"),
        ("The basic principals of fire safety are simple.", "principals", "principles"),
        ("Meet our new school principle at the open house.", "principle", "principal"),
        ("The principle reason for the delay is the weather.", "principle", "principal"),
    ],
)
def test_confusable_pairs_beyond_the_possessives(linter: Linter, text: str, word: str, fix: str) -> None:
    (finding,) = lint(linter, text).findings
    assert (finding.rule, text[finding.offset : finding.offset + finding.length]) == ("grammar/confusable", word)
    assert finding.message.endswith(f"did you mean \u201c{fix}\u201d?")


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Any advise is welcome at the meeting.", "advise", "advice"),
        ("Please give me advise on the permit.", "advise", "advice"),
        ("Our staff can advice you on permits.", "advice", "advise"),
        ("We advice residents to stay off the ice.", "advice", "advise"),
        ("She advices new owners every week.", "advices", "advises"),
        ("It is hard to breath in heavy smoke.", "breath", "breathe"),
        ("Take a deep breathe and relax.", "breathe", "breath"),
        ("Homes for sell in the city.", "sell", "sale"),
        ("He beliefs the plan will work.", "beliefs", "believes"),
        ("It is my strong believe that parks matter.", "believe", "belief"),
        ("You must proof your address.", "proof", "prove"),
        ("Your choose of park matters.", "choose", "choice"),
        ("Some residents will loss power tonight.", "loss", "lose"),
        ("Please response by Friday.", "response", "respond"),
        ("Thank you for your respond.", "respond", "response"),
    ],
)
def test_noun_and_verb_in_each_others_slot(linter: Linter, text: str, word: str, fix: str) -> None:
    (finding,) = lint(linter, text).findings
    assert (finding.rule, text[finding.offset : finding.offset + finding.length]) == ("grammar/confusable", word)
    assert finding.message.endswith(f"did you mean \u201c{fix}\u201d?")


@pytest.mark.parametrize(
    "text",
    [
        "What can we do to help? Here is what to do to stay safe.",
        "The pitcher threw out the first pitch, and the storm threw a tree onto the road on Friday.",
        "Were you there? Were it not for volunteers, the park would close. The students who went were thrilled.",
        "We accept cash. Does anyone accept cash? Everyone except the staff may park here.",
        "Regardless of weather, the market is open. The kind of weather we get in March varies.",
        "We live close to here. We hear you. Come hear live music. We're here to help. Can we park here?",
        "He has past experience as a firefighter. It was past midnight. The bill was passed last night.",
        "It's quiet right now. Not quite. It would of course be better to wait.",
        "Everyday heroes work at City Hall. From the everyday to the extraordinary.",
        "Let's go to the fair. The app lets you pay online.",
        "Some believe the plan will work. They each choose a book. Help her breathe. Let them choose.",
        "It's a hard sell. I kind of believe it. Listen to advice from experts. We are open to advice.",
        "Will sale prices drop? We do breath work on Fridays. The breath test is free. Weight loss classes start Monday.",
        "Phase I sale begins. The Breathe program starts Monday. Thank you for choosing us.",
        "The rules go into effect Monday. How will this affect my taxes? Signs of depression include a flat affect.",
        "Thanks to all our principals and teachers! The principle of fairness guides us. Principal Lee spoke.",
        "Keep dogs from running loose in the park. A loose dog was found on Elm. Don't let your dog loose.",
        "The board effected change in 2019. We hope to effect real change. Does the vaccine affect fertility?",
    ],
)
def test_confusable_pairs_used_correctly_pass(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


def test_noun_verb_pairs_come_from_the_data_file() -> None:
    from post_lint.checks.grammar import builtin

    table = builtin._confusions()
    for pair in builtin._noun_verb()["pairs"]:
        assert pair["noun"] in table, pair
        # "verb-slot-only" pairs ("meet" is a noun too: "a swim meet") are read in one direction
        assert (pair["verb"] in table) != pair.get("verb-slot-only", False), pair
    assert [meant for meant, _, _ in table["belief"]] == ["believe", "believes"]
    assert [meant for meant, _, _ in table["believes"]] == ["beliefs"]


def test_agreement_after_pronoun_subject(linter: Linter) -> None:
    assert rules(linter, "We is proud of our crews.") == [("grammar/agreement", "is")]
    assert rules(linter, "Does it have a ramp? If it were warmer we would go.") == []


def test_missing_apostrophe_but_not_the_word_wont(linter: Linter) -> None:
    assert rules(linter, "Please dont block the hydrant.") == [("grammar/apostrophe", "dont")]
    assert rules(linter, "Crews wont plow until noon.") == [("grammar/apostrophe", "wont")]
    assert rules(linter, "As was his wont, he arrived early.") == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Come early for Tonights concert on the green.", "Tonights", "Tonight's"),
        ("The parks crew finished the new trail on Friday.", "parks", None),
        ("The countys new website launches Monday.", "countys", "county's"),
        ("Sign up for the mens softball league by Friday.", "mens", "men's"),
        ("The librarys new hours start in June.", "librarys", "library's"),  # the parse makes it the root
        ("See tomorrows schedule online.", "tomorrows", "tomorrow's"),  # tagged as a verb
    ],
)
def test_a_possessive_without_its_apostrophe_is_read_from_the_noun_it_owns(
    linter: Linter, text: str, word: str, fix: str | None
) -> None:
    found = [(f.rule, text[f.offset : f.offset + f.length], list(f.suggestions[:1])) for f in lint(linter, text).findings]
    # A real plural before a noun ("parks crew") is a compound, not a missing apostrophe.
    assert found == ([] if fix is None else [("grammar/apostrophe", word, [fix])])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The shelter's in our county are full this week.", "shelter's"),
        ("The library's will open late on Tuesday.", "library's"),
    ],
)
def test_a_plural_subject_written_with_an_apostrophe(linter: Linter, text: str, span: str) -> None:
    assert [(r, w) for r, w in rules(linter, text) if r == "grammar/apostrophe"] == [("grammar/apostrophe", span)]


@pytest.mark.parametrize(
    "text",
    [
        "The library's hours are changing, and the city's parks are open late.",
        "The news reports and sales figures came out today. Our kids' programs are full.",
        "The Jones family and the Smiths' neighbors planted the garden.",
    ],
)
def test_possessives_and_plurals_written_right_pass(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Please don't leaves your bins at the curb overnight.", "leaves", "leave"),
        ("Our crews are pave the east lot this week.", "pave", "paving"),
    ],
)
def test_verb_forms_the_tagger_misreads_after_a_helper(linter: Linter, text: str, word: str, fix: str) -> None:
    result = lint(linter, text)
    assert [(f.rule, text[f.offset : f.offset + f.length], f.suggestions[:1]) for f in result.findings] == [
        ("grammar/verb-form", word, (fix,))
    ]


def test_right_verb_forms_after_be_and_do_pass(linter: Linter) -> None:
    assert rules(linter, "Crews are paving the lot. Don't leave bins out, and the pool is open and clean.") == []


def test_lower_case_after_a_shortened_word_is_not_a_new_sentence(linter: Linter) -> None:
    assert rules(linter, "Book your appt. today, or call the county's emergency mgmt. office for help.") == []
    assert rules(linter, "The pool opens Monday. call ahead to reserve a lane.") == [("grammar/sentence-case", "call")]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The new fire engine is on it's way.", True),
        ("We will borrow it's design.", True),
        ("Our county fair at it's best!", True),
        ("For what it's worth, the fair is back.", False),
        ("We know it's summer.", False),
        ("The trail is open, and it's beautiful.", False),
    ],
)
def test_its_possessive_when_a_noun_closes_the_phrase_after_a_preposition_or_verb(
    linter: Linter, text: str, flagged: bool
) -> None:
    assert rules(linter, text) == ([("grammar/confusable", "it's")] if flagged else [])


def test_who_after_a_verbs_preposition_agrees_with_that_noun(linter: Linter) -> None:
    assert rules(linter, "A big thank you to all the lifeguards who works at the pools.") == [("grammar/agreement", "works")]
    # an object noun before the preposition: the clause may be about either noun
    assert rules(linter, "Join women across the country who are getting screened.") == []


def test_lowercase_i_and_sentence_case(linter: Linter) -> None:
    assert rules(linter, "This week i met our new officers.") == [("grammar/lowercase-i", "i")]
    assert rules(linter, "The pool is open. come by today.") == [("grammar/sentence-case", "come")]
    assert rules(linter, "Open 8 a.m. to noon. Part i of the plan is done.") == []


def test_builtin_note_says_which_engine_ran(linter: Linter) -> None:
    result = lint(linter, "Hello Anoka.")
    assert "builtin" in result.notes["grammar engine"]


# -- LanguageTool client against a fake server -----------------------------------------------------


class _FakeLanguageTool(BaseHTTPRequestHandler):
    mode = "ok"
    requests: list[dict] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path.endswith("/v2/languages"):
            self._send(200, [{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self._send(404, {"error": "no"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        text = form["text"][0]
        type(self).requests.append(form)
        if self.mode == "slow":
            time.sleep(2)
        if self.mode == "garbage":
            body = b"<html>oops</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        matches = []
        word = "recieve"
        index = text.find(word)
        if index >= 0:
            utf16 = len(text[:index].encode("utf-16-le")) // 2
            matches.append(
                {
                    "message": "Possible spelling mistake found.",
                    "replacements": [{"value": "receive"}],
                    "offset": utf16,
                    "length": len(word),
                    "context": {"text": text, "offset": utf16, "length": len(word)},
                    "rule": {
                        "id": "MORFOLOGIK_RULE_EN_US",
                        "issueType": "misspelling",
                        "category": {"id": "TYPOS", "name": "Possible Typo"},
                    },
                }
            )
        years = text.find("this years")
        if years >= 0:
            utf16 = len(text[: years + 5].encode("utf-16-le")) // 2
            matches.append(
                {
                    "message": "Possible spelling mistake found.",
                    "replacements": [{"value": "year's"}],
                    "offset": utf16,
                    "length": 5,
                    "rule": {
                        "id": "THIS_YEARS_POSSESSIVE_APOSTROPHE",
                        "issueType": "misspelling",
                        "category": {"id": "TYPOS", "name": "Possible Typo"},
                    },
                }
            )
        weekday = text.find("Friday")
        if weekday >= 0:  # comma advice, in a category lt_skip_rules.txt switches off as a whole
            matches.append(
                {
                    "message": "Commas set off the month in a weekday-month-day date.",
                    "replacements": [{"value": "Friday,"}],
                    "offset": len(text[:weekday].encode("utf-16-le")) // 2,
                    "length": 6,
                    "rule": {
                        "id": "A_FUTURE_COMMA_RULE",
                        "issueType": "typographical",
                        "category": {"id": "PUNCTUATION", "name": "Punctuation"},
                    },
                }
            )
        hashtag = text.find("#")
        if hashtag >= 0:
            utf16 = len(text[:hashtag].encode("utf-16-le")) // 2
            matches.append(
                {
                    "message": "Whitespace",
                    "replacements": [],
                    "offset": utf16,
                    "length": 3,
                    "rule": {"id": "SOME_RULE", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
                }
            )
        self._send(200, {"software": {"name": "LanguageTool", "version": "6.6-fake"}, "matches": matches})

    def _send(self, status: int, data: object) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def fake_server():
    handler = type("Handler", (_FakeLanguageTool,), {"mode": "ok", "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def _lt_linter(url: str, engine: str = "languagetool", **options) -> Linter:
    from post_lint.checks.grammar import _sessions

    _sessions.clear()  # every test starts a fresh session
    linter = Linter(
        select=["grammar", "emoji"], config=Config(data={"grammar": {"engine": engine, "server": url, "timeout": 0.5, **options}})
    )
    return linter


def test_languagetool_offsets_after_emoji_point_at_the_word(fake_server) -> None:
    server, handler = fake_server
    text = "🎉🎆 Residents will recieve a notice by mail. #AnokaMN"
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    grammar = [f for f in result.findings if f.check == "grammar"]
    assert [(f.rule, text[f.offset : f.offset + f.length]) for f in grammar] == [("grammar/lt/MORFOLOGIK_RULE_EN_US", "recieve")]
    assert grammar[0].suggestions == ("receive",)
    assert grammar[0].column == text.index("recieve") + 1
    assert "LanguageTool 6.6-fake" in result.notes["grammar engine"]
    assert len(handler.requests) == 1  # one request per post, and the hashtag match was dropped


def test_slow_languagetool_is_skipped_with_a_reason_and_other_checks_still_report(fake_server) -> None:
    server, handler = fake_server
    handler.mode = "slow"
    text = "Residents will recieve a notice 🎉🎆🎇🎈 soon."
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    assert [s.check for s in result.skipped] == ["grammar"]
    assert "within 0.5 s" in result.skipped[0].reason
    assert any(f.check == "emoji" for f in result.findings)


def test_auto_engine_falls_back_to_builtin_when_languagetool_is_slow(fake_server) -> None:
    server, handler = fake_server
    handler.mode = "slow"
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}", engine="auto").lint_text("Please dont litter.", path="post.txt")
    assert [f.rule for f in result.findings] == ["grammar/apostrophe"]
    assert result.notes["grammar engine"].startswith("builtin")
    assert "0.5 s" in result.notes["grammar engine"]


def test_garbage_answer_is_a_clear_skip(fake_server) -> None:
    server, handler = fake_server
    handler.mode = "garbage"
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text("Hello Anoka.", path="post.txt")
    assert len(result.skipped) == 1 and "not JSON" in result.skipped[0].reason


def test_unreachable_url_is_a_clear_skip() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    result = _lt_linter(f"http://127.0.0.1:{port}").lint_text("Hello Anoka.", path="post.txt")
    assert len(result.skipped) == 1
    assert "did not answer" in result.skipped[0].reason and str(port) in result.skipped[0].reason


def test_utf16_offsets_map_to_code_points() -> None:
    from post_lint.checks.grammar.languagetool import to_codepoints, utf16_to_codepoints

    text = "a😀b𝐯c"
    table = utf16_to_codepoints(text)
    assert to_codepoints(table, 3, 1) == (2, 1)  # "b"
    assert to_codepoints(table, 6, 1) == (4, 1)  # "c"
    assert utf16_to_codepoints("plain text") is None


def test_languagetool_runs_with_the_precise_builtin_rules(fake_server) -> None:
    server, _handler = fake_server
    text = "Their excited to recieve you. Bring a a coat."
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    found = [(f.rule, text[f.offset : f.offset + f.length]) for f in result.findings]
    assert found == [
        ("grammar/confusable", "Their"),
        ("grammar/lt/MORFOLOGIK_RULE_EN_US", "recieve"),
        ("grammar/repeated-word", "a a"),
    ]
    assert "with the builtin rules for confusable, a-an, repeated-word" in result.notes["grammar engine"]


def test_overlapping_findings_of_both_engines_merge_into_one() -> None:
    from post_lint.checks.grammar import merge

    from post_lint.model import Finding

    theirs = Finding("grammar", "grammar/lt/EN_A_VS_AN", "warning", "Use \u201can\u201d.", 8, 1, ("an",))
    elsewhere = Finding("grammar", "grammar/lt/MORFOLOGIK_RULE_EN_US", "warning", "Typo.", 20, 4, ("word",))
    ours = Finding("grammar", "grammar/a-an", "warning", "\u201ca hour\u201d: write \u201can hour\u201d", 8, 1, ("an",))
    merged = merge([theirs, elsewhere], [ours])
    assert [f.rule for f in merged] == ["grammar/a-an", "grammar/lt/MORFOLOGIK_RULE_EN_US"]
    assert merged[0].message.endswith("(LanguageTool agrees: EN_A_VS_AN)")
    assert merged[0].suggestions == ("an",)


def test_languagetool_rules_on_real_words_survive_the_spelling_filter(fake_server) -> None:
    server, _handler = fake_server
    text = "Thanks for coming to this years festival."
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    # The builtin parse rule finds it too: one merged finding that names LanguageTool's rule.
    (finding,) = result.findings
    assert text[finding.offset : finding.offset + finding.length] == "years"
    assert "THIS_YEARS_POSSESSIVE_APOSTROPHE" in finding.message


def test_languagetool_spelling_message_names_the_word_and_the_suggestion(fake_server) -> None:
    server, _handler = fake_server
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text("You will recieve it.", path="post.txt")
    (finding,) = result.findings
    assert finding.message.startswith("\u201crecieve\u201d looks misspelled: did you mean \u201creceive\u201d?")


def test_confusions_table_names_only_tests_that_exist_and_uses_them_all() -> None:
    from post_lint.checks.grammar import builtin

    table = builtin._confusions()  # a row naming an unknown test raises KeyError here
    used = {test for rows in table.values() for _, _, test in rows}
    assert used == set(builtin._TESTS.values())
    assert table["they're"][0][0] == "their"  # rows keep their order: the first that holds wins


def test_a_skipped_languagetool_category_drops_its_rules_even_ones_not_listed(fake_server) -> None:
    server, _handler = fake_server
    text = "Residents will recieve a notice on Friday October 8."
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    # lt_skip_rules.txt has category:PUNCTUATION: a comma rule it does not name is dropped too.
    assert [f.rule for f in result.findings] == ["grammar/lt/MORFOLOGIK_RULE_EN_US"]


def test_skip_rules_option_takes_a_category(fake_server) -> None:
    server, handler = fake_server
    url = f"http://127.0.0.1:{server.server_port}"
    result = _lt_linter(url, **{"skip-rules": ["category:typos"]}).lint_text("You will recieve it.", path="post.txt")
    assert result.findings == []
    # A category is filtered here, not sent to LanguageTool as a rule id.
    assert all("category:" not in form.get("disabledRules", [""])[0] for form in handler.requests)


@pytest.mark.parametrize(
    ("text", "word", "suggestions", "plausible"),
    [
        ("Suspect: WM, brn hair, grn eyes.", "brn", ["BRN", "born"], False),  # no vowel: shorthand
        ("Stop by the YMCA of the Northwoods today.", "Northwoods", ["Northwood's"], False),  # a name ending in s
        ("Dont forget your mask.", "Dont", ["Don't"], True),  # a missing apostrophe, not a name
        ("Please visit todays clinic.", "todays", ["today's"], True),
        ("Vaccines are avaliable today.", "avaliable", ["available"], True),
    ],
)
def test_languagetool_speller_match_is_kept_only_when_it_looks_like_a_slip(
    text: str, word: str, suggestions: list[str], plausible: bool
) -> None:
    from post_lint.checks.grammar import _plausible_typo

    from post_lint.document import parse

    doc = parse(text, "post.txt")[0]
    assert _plausible_typo(doc, text.index(word), word, suggestions) is plausible


@pytest.mark.parametrize(
    ("text", "fix"),
    [("The detour affect traffic on Main.", "affects"), ("Has the crews finished the road work yet?", None)],
)
def test_a_verb_the_tagger_reads_as_a_noun_keeps_its_agreement_finding(linter: Linter, text: str, fix: str | None) -> None:
    found = [(f.rule, f.suggestions[0]) for f in lint(linter, text).findings]
    assert found == ([("grammar/agreement", fix)] if fix else [])


@pytest.mark.parametrize(("which", "fix"), [("which", "who"), ("Which", "Who"), ("WHICH", "WHO")])
def test_a_parse_rules_fix_keeps_the_case_of_the_word_it_replaces(linter: Linter, which: str, fix: str) -> None:
    [finding] = lint(linter, f"Thanks to all the volunteers {which} helped on Saturday.").findings
    assert finding.rule == "grammar/relative" and finding.suggestions == (fix,)


# -- grammar6: parse rules that generalise, and guards against misreadings on real posts ---------


@pytest.mark.parametrize(
    ("text", "rule", "word"),
    [
        ("There was four crashes on Route 9 overnight.", "grammar/agreement", "was"),
        ("There is several ways to pay your bill.", "grammar/agreement", "is"),
        ("A number of trails is closed after the storm.", "grammar/agreement", "is"),
        ("The number of permits are up this year.", "grammar/agreement", "are"),
        ("The new podcast make it easy to follow the budget.", "grammar/agreement", "make"),
        ("The tree planting along the river were a success.", "grammar/agreement", "were"),
        ("Last week we done our best to clear every road.", "grammar/verb-form", "done"),
        ("If they seen the flyer, they know the date.", "grammar/verb-form", "seen"),
        ("There getting ready for the parade now.", "grammar/confusable", "There"),
        ("Sign up at the front desk, witch opens at 9.", "grammar/confusable", "witch"),
        ("Visitors must where a badge in the jail.", "grammar/confusable", "where"),
        ("Did you here? Early voting starts Monday.", "grammar/confusable", "here"),
        ("The lot is closed threw Sunday for paving.", "grammar/confusable", "threw"),
        ("The pool is open on Sunday's until 8 p.m.", "grammar/apostrophe", "Sunday's"),
        ("Stop by one of our library branch's this week.", "grammar/apostrophe", "branch's"),
        ("The water is to dangerous outside the swim area.", "grammar/confusable", "to"),
        ("The crash closed two lane on Route 5 for an hour.", "grammar/agreement", "lane"),
        ("Thanks for all they're hard work on the levee.", "grammar/confusable", "they're"),
        ("Parents can bring there kids to the side door.", "grammar/confusable", "there"),
    ],
)
def test_parse_rules_find_errors_beyond_the_tuned_ones(linter: Linter, text: str, rule: str, word: str) -> None:
    assert rules(linter, text) == [(rule, word)]


@pytest.mark.parametrize(
    "text",
    [
        "There are four crashes on Route 9. There's two ways in. There is one lane open.",
        "A number of trails are closed. The number of permits is up this year.",
        "The following are required: ID and proof of address.",
        "We played well and we won the cup.",
        "Dress up as a witch and win a prize. The witch is back for story time!",
        "Do you know where your polling place is? We will post where the sites are.",
        "A good night's sleep will improve your physical, mental, and overall health.",
        "The recalled product(s) have been pulled from shelves.",
        "Cough, fever, and muscle pain are signs of the flu.",
        "The clinic at Main Street and the testing at the fairgrounds are both closed today.",
        "More details at https://example.gov/info Information about boosters is online.",
        "Wear a cloth face cover when around others.",
        "Thanks for coming out. Everyone have a safe weekend!",
        "Call or visit https://example.gov/flu. to book a shot, email nurse@example.gov. to ask.",
        "Sunday's parade starts at noon. Meet one of the county's new deputies.",
        "The bridge is to close on Monday for repairs.",
        "Get your two dose series and enjoy a three day weekend. Two people won.",
        "Thank you for all you're doing. Get there early and go there today.",
        "Información en español: COVID-19, casos confirmados hoy en el condado.",
    ],
)
def test_right_usage_and_misleading_parses_pass(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


def test_languagetool_run_keeps_its_confirmed_typos_and_adds_the_builtin_spellers_own(fake_server) -> None:
    server, _handler = fake_server
    text = "Residents will recieve the new schedual for trash pickup in the mail next week."
    result = _lt_linter(f"http://127.0.0.1:{server.server_port}").lint_text(text, path="post.txt")
    assert [(f.rule, text[f.offset : f.offset + f.length]) for f in result.findings] == [
        ("grammar/lt/MORFOLOGIK_RULE_EN_US", "recieve"),
        ("grammar/spelling", "schedual"),
    ]


# -- grammar7: false alarms judged on real county posts, and their true twins ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Getting flu and COVID-19 shots is an easy way to stay healthy.",  # a gerund subject
        "Smoke clings to clothes, carpets and vehicles long after smoking has stopped.",  # a clause inside
        "He had pre-existing medical conditions and was not vaccinated.",  # an object, not a subject
        "Health is a journey. It's personal. It's yours.",  # a pronoun that owns
        "The county challenges you to be your healthiest.",  # a superlative the possessive owns
        "What to do if you're sick or suspect you're sick.",  # a predicate adjective
        "If you got an mRNA vaccine, you may get a booster.",  # a letter said by its name
        "Lookin' good, Main Street!",  # a dropped g
        "Visit the site for details. via @polkcohealth",  # a credit line
        "Testing at the center in Elon is cancelled; go to 1723 Bruton Blvd instead.",  # names a slip from names
        "A healthy you is a happy you.",  # a pronoun made a noun
        "This winter protect yourself from stomach bugs.",  # a time phrase before an order
        "Children who get the vaccine receive a smaller dose.",  # the relative clause's object
        "Scheduling routine exams with your provider is important.",  # a gerund the tagger calls an adjective
        "Are there things you would love to do?",  # a question's "there are"
        "The best way to slow the spread is distancing.",  # a noun's infinitive
        "Some of our clinics have to close early.",  # "have to" + a verb
        "What's your why? Tell us.",  # a question word made a noun
        "It's antibiotics awareness week!",  # a plural modifying the predicate noun
        "This soup has a LOT of ingredients.",  # a common word in capitals
        "Set the tone for your visit with their... https://t.co/x",  # a post cut short
    ],
)
def test_correct_post_shapes_from_real_posts_are_not_errors(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This death bring the total to five.", ("grammar/agreement", "bring")),
        ("The results of the test shows no lead.", ("grammar/agreement", "shows")),
        ("Thank you for you're patience.", ("grammar/confusable", "you're")),
        ("Get you're flu shot today.", ("grammar/confusable", "you're")),
        ("Vaccines for Frist Doses are here.", ("grammar/spelling", "Frist")),
        ("Join us for a open house.", ("grammar/a-an", "a")),
        ("For new moms. sign up here.", ("grammar/sentence-case", "sign")),
        ("It's not to late to get your flu shot!", ("grammar/confusable", "to")),
        ("Get a STD test today.", ("grammar/a-an", "a")),
        ("Its time to go.", ("grammar/confusable", "Its")),
    ],
)
def test_the_same_shapes_with_a_real_error_are_still_found(linter: Linter, text: str, expected: tuple[str, str]) -> None:
    assert expected in rules(linter, text)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The county will taking comments until June 30.", "taking"),  # a modal wants the base form
        ("The fire department has went door to door.", "went"),  # a simple past is never a modifier
    ],
)
def test_verb_forms_the_parse_reads_past_are_found(linter: Linter, text: str, verb: str) -> None:
    assert ("grammar/verb-form", verb) in rules(linter, text)


@pytest.mark.parametrize(
    "text", ["We will be taking comments.", "You can start saving today.", "The council has approved funding."]
)
def test_right_verb_forms_beside_them_are_not_errors(linter: Linter, text: str) -> None:
    assert rules(linter, text) == []


def _parsed(text: str):
    from post_lint import nlp
    from post_lint.registry import load_check

    return nlp.parse_many(None, load_check("grammar").nlp, [text])[0]


@pytest.mark.parametrize(
    ("text", "kind", "span", "contradicted"),
    [
        ("Free rides for any resident of Winnebago, Outagamie, and Calumet counties who is going.", "agreement", "is", True),
        ("We @KingsCountyHosp are on our journey.", "agreement", "are", True),
        ("We pray for the new families who has lost loved ones.", "agreement", "has", False),
        ("This holiday season keep your family safe with a vaccine.", "agreement", "keep", True),
        ("The price of permits go up in July.", "agreement", "go", False),
        ("With a few food safety reminders, you can cook safely.", "noun-number", "few", True),
        ("This criteria must be met.", "noun-number", "This", False),
    ],
)
def test_the_parse_overrules_a_languagetool_match_only_where_it_reads_the_words_otherwise(
    text: str, kind: str, span: str, contradicted: bool
) -> None:
    from post_lint.checks.grammar import syntax

    start = text.index(span)
    assert syntax.contradicts(_parsed(text), kind, start, start + len(span)) is contradicted
