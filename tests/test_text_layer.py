"""The shared text layer: one sentence splitter, the line index, spans, phrases, quotes, words, facts.

Also the structural bugs it fixed: sentence counts that disagreed between checks,
snippets from the wrong line after U+2028, quiet mode dropping findings and the
exit code depending on argument order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from post_lint.document import parse
from post_lint.facts import facts_from
from post_lint.normalize import normalize
from post_lint.text.lines import LineIndex, split_lines
from post_lint.text.negation import negated_before
from post_lint.text.phrases import find_phrases
from post_lint.text.quotes import attributed_quotes
from post_lint.text.sentences import is_abbreviation, split_sentences
from post_lint.text.spans import keep_longest
from post_lint.text.words import split_camel, split_hashtag

# -- the sentence splitter -------------------------------------------------------------------

SENTENCE_CASES = [
    ("Doors open at 7 p.m. Tuesday. The U.S. Army band plays.", ["Doors open at 7 p.m. Tuesday.", "The U.S. Army band plays."]),
    ("Open until 5 p.m. The band plays at 6.", ["Open until 5 p.m.", "The band plays at 6."]),
    ("Dr. Lee and J. Smith spoke. St. Paul is next!", ["Dr. Lee and J. Smith spoke.", "St. Paul is next!"]),
    ("Their new phone tree is... something 🙃", ["Their new phone tree is... something 🙃"]),
    ("Is it open? Yes, until noon.", ["Is it open?", "Yes, until noon."]),
    ("Parade at noon. it ends at 3", ["Parade at noon.", "it ends at 3"]),
    ("Open 7 a.m. on Sat. and Sun.", ["Open 7 a.m. on Sat. and Sun."]),
    ("See No. 5 on Jan. 4 at St. Mary's. Then go home.", ["See No. 5 on Jan. 4 at St. Mary's.", "Then go home."]),
    (
        "Road closed\nDetour via Main\nand 5th Ave.\nReopens Friday",
        ["Road closed", "Detour via Main\nand 5th Ave.", "Reopens Friday"],
    ),
    ('"We did it!" she said. Great.', ['"We did it!" she said.', "Great."]),
    ("Call 763.555.0142 or visit anoka.gov. Thanks!", ["Call 763.555.0142 or visit anoka.gov.", "Thanks!"]),
    ("Acme Inc. will pave it. Acme Inc. is local.", ["Acme Inc. will pave it.", "Acme Inc. is local."]),
    ("", []),
    ("   \n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentence_splitter_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_every_view_of_the_issue_example_counts_two_sentences() -> None:
    # Bug 5: the splitters of the API, reading grade and partners counted 2, 4 and 6.
    text = "Doors open at 7 p.m. Tuesday. The U.S. Army band plays."
    doc, _ = parse(text, "post.txt")
    assert len(doc.sentences) == 2
    from post_lint.checks.accessibility.readability import sentences as graded

    from post_lint.api import iter_sentences

    assert len(list(iter_sentences(text))) == 2
    assert len(list(graded(text))) == 2


def test_spacy_sentences_are_the_splitters() -> None:
    from post_lint import nlp

    text = "Doors open at 7 p.m. Tuesday. The U.S. Army band plays. The library is a joke... honestly."
    try:
        [spacy_doc] = nlp.parse_many(None, ["parser"], [text])
    except nlp.ModelUnavailable:
        pytest.skip("no spaCy model")
    assert [s.text.strip() for s in spacy_doc.sents] == [text[s:e] for s, e in split_sentences(text)]


def test_spacy_sentences_are_the_splitters_on_a_long_post_too() -> None:
    # Sentence starts are set for the whole Doc at once (nlp.set_sentences): token by token,
    # spaCy rescanned the Doc per token, and 100 KB of words took 4.7 s more.
    from post_lint import nlp

    text = " ".join(f"Item {i} is at 5 p.m. on Main St. today! Really?" for i in range(400))
    try:
        [spacy_doc] = nlp.parse_many(None, ["parser"], [text])
    except nlp.ModelUnavailable:
        pytest.skip("no spaCy model")
    assert [s.text.strip() for s in spacy_doc.sents] == [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_come_from_the_data_file() -> None:
    assert is_abbreviation("p.m.") and is_abbreviation("St") and is_abbreviation("J")
    assert not is_abbreviation("noon")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\u2028\u2026'\"ABp.m")), max_size=80))
def test_sentences_are_ordered_disjoint_trimmed_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


# -- lines ----------------------------------------------------------------------------------


def test_line_index_counts_only_crlf_lf_and_cr() -> None:
    text = "one\u2028still one\x0cand\x85one\r\ntwo\rthree\nfour"
    index = LineIndex(text)
    assert len(index) == 4
    assert index.line(1) == "one\u2028still one\x0cand\x85one"
    assert index.position(text.index("two")) == (2, 1)
    assert split_lines(text) == ["one\u2028still one\x0cand\x85one", "two", "three", "four"]


def test_snippet_after_a_line_separator_shows_the_findings_own_line(cli, tmp_path) -> None:
    # Bug 4: the reporter split lines with str.splitlines(), which breaks at U+2028 too.
    post = tmp_path / "post.txt"
    post.write_text("Fun day\u2028for all.\nWe \u2764\ufe0f our volunteers!\n", encoding="utf-8")
    proc = cli("--select", "emoji", str(post))
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{post}:2:4 warning emoji")
    assert lines[1].endswith("| We \u2764\ufe0f our volunteers!")


# -- quiet mode and exit codes ------------------------------------------------------------


def test_quiet_keeps_findings_of_a_file_whose_name_looks_like_a_summary(cli, tmp_path) -> None:
    # Bug 3: -q filtered the rendered text by line prefix, so "Found it.txt" lost its finding.
    post = tmp_path / "Found it.txt"
    post.write_text("We \u2764\ufe0f our volunteers!\n", encoding="utf-8")
    proc = cli("-q", "--select", "emoji", str(post))
    lines = proc.stdout.splitlines()
    assert len(lines) == 4 and lines[0].startswith(f"{post}:1:4 warning emoji")
    assert not any(line.startswith(("All clear", "Found 1 problem")) for line in lines)


@pytest.fixture
def two_configs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ok.txt").write_text("City Hall is closed Monday.\n", encoding="utf-8")
    (tmp_path / "b" / ".post-lint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (tmp_path / "b" / "post.txt").write_text("We \u2764\ufe0f our volunteers!\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("order", [("b/post.txt", "a/ok.txt"), ("a/ok.txt", "b/post.txt"), ("b",), ("a", "b")])
def test_each_post_is_held_to_its_own_configs_fail_on_whatever_the_argument_order(cli, two_configs, order) -> None:
    # Bug 2: the threshold came from the first path, after the run.
    proc = cli("--select", "emoji", *order, cwd=two_configs)
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_fail_on_from_the_command_line_overrides_every_config(cli, two_configs) -> None:
    assert cli("--select", "emoji", "--fail-on", "error", "b", cwd=two_configs).returncode == 0


# -- phrases, spans, quotes, words, negation ---------------------------------------------


def test_phrases_match_through_evasions_and_map_back_to_the_original() -> None:
    text = "Please v o t e for 𝐁𝐨𝐛 and the Council should have approved it."
    [vote, should] = find_phrases(text, ["vote for <name>", "should have approved"])
    assert text[vote.start : vote.end] == "v o t e for 𝐁𝐨𝐛"
    assert text[should.start : should.end] == "should have approved"


def test_keep_longest_prefers_the_longest_of_overlapping_spans() -> None:
    from dataclasses import dataclass

    @dataclass
    class Span:
        start: int
        end: int

    kept = keep_longest([Span(0, 3), Span(0, 8), Span(5, 9), Span(10, 12)])
    assert [(s.start, s.end) for s in kept] == [(0, 8), (10, 12)]


def test_quotes_attributed_to_a_speaker_are_found() -> None:
    text = '"This is a great day," said Mayor Lee.\nSome residents call the new lot "a mess" and more.'
    assert [text[s:e] for s, e in attributed_quotes(text)] == ['"This is a great day,"']


def test_one_camel_case_splitter() -> None:
    assert split_camel("GOPTaxScam2024") == ["GOP", "Tax", "Scam", "2024"]
    assert split_camel("GOPTaxScam2024", digits=False) == ["GOP", "Tax", "Scam"]
    assert split_hashtag("#VoteNoOn3") == "Vote No On 3"


def test_negation_before_a_word() -> None:
    text = "The staff were not unhelpful at all, and never late."
    assert negated_before(text, text.index("unhelpful"))
    assert negated_before(text, text.index("late"))
    assert not negated_before(text, text.index("staff"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aV o.t-e\u200b\u00ad𝐁𝐨а1!$ \n")), max_size=60))
def test_normaliser_span_map_stays_inside_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.text) == len(norm.ends)
    for i in range(len(norm.text)):
        assert 0 <= norm.starts[i] < norm.ends[i] <= len(text)
        if i:
            assert norm.starts[i] >= norm.starts[i - 1]


# -- facts the body configures once ----------------------------------------------------


def test_facts_merge_the_body_table_with_the_older_check_tables() -> None:
    facts = facts_from(
        {
            "body": {
                "name": "City of Maplewood Falls",
                "site": "https://www.maplewoodfallswi.gov/",
                "officials": ["Mayor Ann Lee"],
                "partners": ["Harvest Table Food Pantry"],
                "contacts": ["info@mfwi.org"],
            },
            "names": {"allow": ["Chief Ortiz"]},
            "partners": {"organizations": [{"name": "Maplewood Library", "aliases": ["the library"]}]},
            "links": {"allowed-domains": ["wi.gov"]},
        }
    )
    assert facts.officials == ("Mayor Ann Lee", "Chief Ortiz")
    assert facts.partner_names == ("Harvest Table Food Pantry", "Maplewood Library", "the library")
    assert facts.domains == ("maplewoodfallswi.gov", "wi.gov")
    assert facts.contact_domains == ("mfwi.org",)


def test_a_bad_body_table_is_a_one_line_config_error(cli, tmp_path) -> None:
    (tmp_path / ".post-lint.toml").write_text('[body]\nofficals = ["Mayor Lee"]\n', encoding="utf-8")
    (tmp_path / "post.txt").write_text("Hello.\n", encoding="utf-8")
    proc = cli("--select", "emoji", "post.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown key 'officals'; did you mean 'officials'?" in proc.stderr


# -- consent noted (issue 16) --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "noted", "parent"),
    [
        ("Thanks to volunteer Maria Lopez (shared with her permission)!", True, False),
        ("Photo used with permission.", True, False),
        ("Isaiah is sharing his long COVID story so you won't have one.", True, False),
        ("Listen to Geri's story about quitting smoking.", True, False),
        ("Emma, 9, won the contest (shared with her parents' permission).", True, True),
        ("Consent form on file; with parental consent.", True, True),
        ("Thanks, Maria, for all your help!", False, False),
        ("Permission slips are due Friday.", False, False),
    ],
)
def test_consent_noted_in_a_post(text: str, noted: bool, parent: bool) -> None:
    from post_lint.text.consent import consent_in

    found = consent_in(text)
    assert (found.noted, found.parent) == (noted, parent)


def test_everyday_words_are_told_from_first_names_the_census_lacks() -> None:
    from post_lint.text.people import everyday_word

    assert everyday_word("Flash") and everyday_word("Utility")
    assert not everyday_word("Amir") and not everyday_word("Priya")


def test_consent_covers_the_person_it_names_or_everyone_but_a_third_party() -> None:
    from post_lint.text.consent import consent_in, covered

    text = "Ann Price (shared with her permission) and Bo Lind helped."
    names = [(0, 9, "Ann Price"), (43, 50, "Bo Lind")]
    assert covered(text, consent_in(text), names) == {0}
    text = "Ann Price and her neighbor Bo Lind helped. Used with permission."
    names = [(0, 9, "Ann Price"), (27, 34, "Bo Lind")]
    assert covered(text, consent_in(text), names) == {0}
    assert covered("Ann Price helped.", consent_in("Ann Price helped."), [(0, 9, "Ann Price")]) == set()


def test_a_sectioned_word_list_keeps_entries_under_their_heading_and_drops_comments(tmp_path: Path) -> None:
    from post_lint.text.wordlists import word_list_sections

    listed = tmp_path / "words.txt"
    listed.write_text("# a comment\nanyone  # a note\n\n[parent]\nhis parents agreed\n[others]\nneighbor\n", encoding="utf-8")
    assert word_list_sections(listed) == {"": ("anyone",), "parent": ("his parents agreed",), "others": ("neighbor",)}


def test_word_set_sections_gives_each_section_as_a_set_of_lower_case_entries(tmp_path: Path) -> None:
    from post_lint.text.wordlists import word_set_sections

    listed = tmp_path / "words.txt"
    listed.write_text("[era]\nCivil War\npioneer\n[place]\nTown\n", encoding="utf-8")
    assert word_set_sections(listed) == {"": frozenset(), "era": {"civil war", "pioneer"}, "place": {"town"}}


def _flat_phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    from post_lint.text import phrases as module

    plain = sorted({p.lower().strip() for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w#@])(?:" + "|".join(module._phrase_pattern(p) for p in plain) + r")(?![\w])", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(
        st.lists(st.sampled_from(["a", "ab", "b", "ba", "a|b", "ab*", "b|ba|a", "i", "a-b", "b'a"]), min_size=1, max_size=3).map(
            " ".join
        ),
        min_size=1,
        max_size=6,
    ),
    text=st.text(st.sampled_from(list("abAB '-.i")), max_size=30),
)
def test_phrases_grouped_by_first_letter_match_what_the_flat_list_matches(phrases: list[str], text: str) -> None:
    from post_lint.text.phrases import compile_phrases

    grouped = re.compile(compile_phrases(tuple(phrases))[0][0], re.IGNORECASE)
    flat = _flat_phrase_regex(phrases)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_a_long_run_of_marks_that_no_space_follows_is_no_sentence_end() -> None:
    text = "Closed today" + "!" * 5000 + "x then open."
    assert split_sentences(text) == [(0, len(text))]
    # Splitting from inside a run of marks still ends a sentence at the rest of the run.
    assert split_sentences("Wait!!! Then go.", 5) == [(5, 7), (8, 16)]
