"""The hidden-text check: invisible, reordering and look-alike characters, and what it leaves alone."""

from __future__ import annotations

import pytest

from post_lint.testing import lint_one, rule_spans


def lint(text: str, path: str = "post.txt", **options: object) -> list[tuple[str, str]]:
    return rule_spans("hidden-text", text, {"hidden-text": options}, path=path)


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Early vo\u200bting starts Friday.", "\u200b"),  # zero-width space
        ("Vo\u00adte today at City Hall.", "\u00ad"),  # soft hyphen
        ("Word\u2060joiner here.", "\u2060"),  # word joiner
        ("Hello\ufeff residents.", "\ufeff"),  # a byte order mark inside the text
        ("Hidden\U000e0041 tag character.", "\U000e0041"),  # a tag character outside a flag
    ],
)
def test_an_invisible_character_is_underlined_alone_and_its_deletion_suggested(text: str, hidden: str) -> None:
    [finding] = lint_one("hidden-text", text)
    assert (finding.rule, text[finding.offset : finding.end]) == ("hidden-text/zero-width", hidden)
    assert finding.suggestions == ("",)


def test_bidi_controls_are_flagged_one_by_one() -> None:
    assert lint("Call us \u202eat City Hall.") == [("hidden-text/bidi", "\u202e")]
    assert lint("Left\u200emark here.") == [("hidden-text/bidi", "\u200e")]
    assert lint("Pick up\u2066 here\u2069.") == [("hidden-text/bidi", "\u2066"), ("hidden-text/bidi", "\u2069")]


def test_a_control_character_is_flagged_unless_switched_off() -> None:
    assert lint("Road closure\x00 today.") == [("hidden-text/control", "\x00")]
    assert lint("Road closure\x00 today.", **{"control-characters": False}) == []


def test_look_alike_letters_underline_the_whole_word_and_suggest_it_in_latin() -> None:
    [finding] = lint_one("hidden-text", "Please v\u043ete early.")
    assert (finding.rule, finding.offset, finding.length) == ("hidden-text/mixed-script", 7, 4)
    assert finding.suggestions == ("vote",) and "Cyrillic" in finding.message
    [greek] = lint_one("hidden-text", "Please \u03bdote early.")
    assert greek.suggestions == ("vote",) and "Greek" in greek.message
    assert lint("v\u043ete and p\u0430rk") == [
        ("hidden-text/mixed-script", "v\u043ete"),
        ("hidden-text/mixed-script", "p\u0430rk"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Road\tclosure\r\ntoday.",  # tabs and line ends are not control characters here
        "\ufeffHello residents.",  # a byte order mark at the very start
        "Thanks, firefighters 👩\u200d🚒!",  # the joiner inside an emoji sequence
        "Go Scotland 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f!",  # tags inside a flag
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # ZWNJ inside Persian, which needs it
        "\u041f\u0440\u0438\u0432\u0435\u0442, Anoka!",  # a whole Cyrillic word
        "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 Anoka!",  # a whole Greek word
        "Café, naïve, résumé.",  # accented Latin letters
    ],
)
def test_near_misses_stay_clean(text: str) -> None:
    assert lint(text) == []


def test_code_in_markdown_is_published_so_it_is_checked() -> None:
    assert lint("Text\n\n```\nvo\u200bte\n```\n", path="post.md") == [("hidden-text/zero-width", "\u200b")]
    assert lint("Text vo\u200bte\n", path="post.md") == [("hidden-text/zero-width", "\u200b")]


def test_unknown_option_is_refused() -> None:
    with pytest.raises(AssertionError, match="unknown key 'control'"):
        lint("Hello", control=False)
