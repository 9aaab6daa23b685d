"""literal_alternation: a trie-factored regex that matches exactly what the flat alternation matches."""

from __future__ import annotations

import random
import re

from post_lint.text.alternation import literal_alternation


def _flat(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")" if words else "(?!)")


def test_shared_beginnings_are_factored_into_one_branch() -> None:
    assert literal_alternation(["arrest", "assault", "asthma"]) == "a(?:rrest|s(?:sault|thma))"


def test_a_word_that_is_the_start_of_another_becomes_an_optional_tail() -> None:
    assert literal_alternation(["cancer", "cancers"]) == "cancer(?:s)?"


def test_regex_characters_in_words_are_matched_literally() -> None:
    pattern = re.compile(literal_alternation(["a.b", "c+"]))
    assert pattern.fullmatch("a.b") and pattern.fullmatch("c+")
    assert not pattern.fullmatch("axb") and not pattern.fullmatch("cc")


def test_an_empty_list_matches_nothing() -> None:
    assert re.search(literal_alternation([]), "anything at all") is None


def test_random_lists_match_the_same_strings_and_spans_as_the_longest_first_flat_list() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        words = ["".join(rng.choice("ab. ") for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 8))]
        flat, trie = _flat(words), re.compile("(?:" + literal_alternation(words) + ")")
        for _ in range(20):
            text = "".join(rng.choice("ab. A") for _ in range(rng.randint(0, 9)))
            assert bool(flat.fullmatch(text)) == bool(trie.fullmatch(text)), (words, text)
            a, b = flat.search(text), trie.search(text)
            assert (a.span() if a else None) == (b.span() if b else None), (words, text)


def test_single_spaced_words_with_a_space_pattern_find_the_same_spans_as_the_flat_list() -> None:
    rng = random.Random(11)
    edge = r"(?:(?<=\W)|(?![\w'’]))"
    for _ in range(2000):
        words = [
            " ".join("".join(rng.choice("ab.'") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 8))
        ]
        flat_body = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
        flat = re.compile(rf"(?<![\w'’])(?:{flat_body}){edge}", re.IGNORECASE)
        trie_body = literal_alternation(words, r"\s+")
        trie = re.compile(rf"(?<![\w'’])(?:{trie_body}){edge}", re.IGNORECASE)
        for _ in range(20):
            text = "".join(rng.choice("ab A\n.'") for _ in range(rng.randint(0, 12)))
            assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)], (words, text)


def test_word_alternation_is_a_trie_for_single_spaced_words_and_the_flat_list_otherwise() -> None:
    from post_lint.text.alternation import word_alternation

    assert word_alternation(["sick leave", "sick"], r"\s+") == literal_alternation(["sick leave", "sick"], r"\s+")
    # A stray space makes the flat list, longest pattern first, decide.
    assert word_alternation(["sick  leave", "sick"], r"\s+") == r"sick\s+\s+leave|sick"
