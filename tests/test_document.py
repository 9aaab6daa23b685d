"""The document model: one parse, original offsets, Markdown that is not prose left out."""

from __future__ import annotations

import pytest

from post_lint.document import decode, find_tokens, parse


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in find_tokens(text)]


def test_urls_emails_mentions_and_hashtags_are_tokens():
    text = "See anokaminnesota.com/camps or https://www.sos.state.mn.us/vote). Email parks@anokaminnesota.com, tag @AnokaMN #SnowEmergency."
    assert _tokens(text) == [
        ("url", "anokaminnesota.com/camps"),
        ("url", "https://www.sos.state.mn.us/vote"),
        ("email", "parks@anokaminnesota.com"),
        ("mention", "@AnokaMN"),
        ("hashtag", "#SnowEmergency"),
    ]


@pytest.mark.parametrize("text", ["C# class", "Call #2 today", "e.g. this", "x@y", "a.b", "Room #101"])
def test_things_that_only_look_like_tokens_are_not(text):
    assert _tokens(text) == []


def test_url_keeps_balanced_parentheses_and_drops_sentence_punctuation():
    assert _tokens("(see https://en.wikipedia.org/wiki/Anoka_(city).)") == [("url", "https://en.wikipedia.org/wiki/Anoka_(city)")]


def test_markdown_front_matter_and_comments_are_blanked_keeping_offsets_but_code_is_published_prose():
    text = "---\ntitle: Parade\nplatform: x\n---\n# Parade day\n\nUse `code 🎈` here <!-- note ❤️ -->\n\n```\nblock 🎉\n```\nEnd."
    doc, problems = parse(text, "p.md")
    assert problems == []
    assert doc.front_matter == {"title": "Parade", "platform": "x"}
    assert len(doc.prose) == len(doc.text)
    assert "❤️" not in doc.prose and "title" not in doc.prose and "`" not in doc.prose
    assert "code 🎈" in doc.prose and "block 🎉" in doc.prose
    assert doc.prose.index("Parade day") == text.index("Parade day")
    assert doc.prose.rstrip().endswith("End.")


def test_markdown_links_keep_their_text_as_prose_and_target_as_url_token():
    text = "Read [the schedule](https://anokaminnesota.com/parks) and ![](map.png) ![Map of the route](route.png)"
    doc, _ = parse(text, "p.md")
    assert "the schedule" in doc.prose and "https" not in doc.prose
    assert [(t.kind, t.text) for t in doc.tokens] == [("url", "https://anokaminnesota.com/parks")]
    assert [alt for _, _, alt in doc.images] == ["", "Map of the route"]


def test_plain_text_is_not_treated_as_markdown():
    text = "---\nNot front matter in a .txt file\n---\n"
    doc, problems = parse(text, "p.txt")
    assert doc.prose == text and problems == [] and doc.front_matter == {}


def test_toml_front_matter_is_read():
    doc, problems = parse('+++\nplatform = "facebook"\n+++\nHello.\n', "p.md")
    assert problems == [] and doc.front_matter == {"platform": "facebook"}


def test_positions_count_code_points_and_all_line_endings():
    doc, _ = parse("a\r\nb\rc\n👩🏽‍🚒 d", "p.txt")
    assert doc.position(0) == (1, 1)
    assert doc.position(3) == (2, 1)
    assert doc.position(5) == (3, 1)
    assert doc.position(7) == (4, 1)
    assert doc.position(7 + len("👩🏽‍🚒 ")) == (4, 6)
    assert doc.line_text(2) == "b"


def test_bom_is_dropped_from_text_so_offsets_start_at_the_first_character():
    doc, _ = parse(decode("\ufeffHello".encode("utf-8-sig")), "p.txt")
    assert doc.text == "Hello"


def test_words_text_blanks_tokens_but_keeps_length():
    doc, _ = parse("Go to anokaminnesota.com now #Vote", "p.txt")
    assert doc.words_text == "Go to " + " " * len("anokaminnesota.com") + " now " + " " * 5
