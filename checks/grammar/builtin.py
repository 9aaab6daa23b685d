"""The builtin grammar engine: offline, fast, precision first.

It reads the words of ``Document.words_text`` (URLs, e-mails, @mentions and
#hashtags already blanked) and takes part-of-speech tags, dependencies and
named entities from the spaCy Doc the runner built once. Every rule below
prefers silence to a guess: a flag on a city's correct post costs more trust
than a missed typo.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import load_word_list
from post_lint.model import Document
from post_lint.text.people import census_names, english_speller, everyday_word
from post_lint.text.sentences import is_abbreviation

from . import speller as words
from . import syntax
from .hit import Hit, match_case

_HERE = Path(__file__).parent

# A word: letters with inner apostrophes ("don't", "Anoka’s"), or a number ("8", "11th", "1,200").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d[\d,.]*[^\W_]*")
_APOSTROPHES = "'\u2019"
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_VERB_FORMS = frozenset({"VB", "VBD", "VBZ", "VBP", "MD"})
# spelling.toml: prefixes and British spellings of known words, and the words after which "i" is a numeral.
_SPELLING = tomllib.loads((_HERE / "spelling.toml").read_text(encoding="utf-8"))
_ROMAN_CONTEXT = frozenset(_SPELLING["roman-context"])
_CALENDAR_WORDS = frozenset(_SPELLING["calendar-words"])
# agreement.toml: pronoun -> {wrong verb form: right one}, and the words before the pronoun that
# make the pair a question or an infinitive ("does it have").
_AGREEMENT = tomllib.loads((_HERE / "agreement.toml").read_text(encoding="utf-8"))
_AUXILIARIES = frozenset(_AGREEMENT["auxiliaries"])
_SUBJECT_FORMS: dict[str, dict[str, str]] = _AGREEMENT["forms"]


@dataclass
class Word:
    text: str
    start: int
    end: int
    lower: str  # lower case, apostrophes as "'"
    tag: str = ""
    dep: str = ""
    entity: bool = False
    entity_label: str = ""

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


# -- data files ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _articles() -> dict[str, Any]:
    return tomllib.loads((_HERE / "articles.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _confusables() -> dict[str, frozenset[str]]:
    data = tomllib.loads((_HERE / "confusables.toml").read_text(encoding="utf-8"))
    return {key: frozenset(value) for key, value in data.items()}


@lru_cache(maxsize=1)
def _contractions() -> dict[str, tuple[str, bool]]:
    table = {}
    for entry in load_word_list(_HERE / "contractions.txt"):
        parts = entry.split()
        table[parts[0].lower()] = (parts[1], len(parts) > 2 and parts[2] == "?")
    return table


@lru_cache(maxsize=1)
def _repeat_ok() -> frozenset[str]:
    return frozenset(w.lower() for w in load_word_list(_HERE / "repeated_ok.txt"))


@lru_cache(maxsize=8)
def vocabulary(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Words never called misspelled: the bundled city/government list plus the user's."""
    words = set()
    for entry in load_word_list(_HERE / "vocabulary.txt", extra):
        for part in re.split(r"[\s/-]+", entry):
            if part:
                words.add(part.lower().replace("\u2019", "'"))
    return frozenset(words)


def spellchecker() -> Any:
    """pyspellchecker's English dictionary (US spellings), loaded once and shared with the names check."""
    speller = english_speller()
    if speller is None:
        raise ImportError("pyspellchecker is not installed (pip install pyspellchecker)")
    return speller


# -- reading the document ---------------------------------------------------------------------


def words_of(doc: Document) -> list[Word]:
    text = doc.words_text
    # Each token's tag, dependency and entity type read as one array (hashes), not token by token:
    # a Token object and three string look-ups a token were a tenth of the grammar check.
    tokens: dict[int, tuple[str, str, str]] = {}
    if doc.nlp is not None and len(doc.nlp):
        from spacy.attrs import DEP, ENT_TYPE, IDX, TAG  # type: ignore[import-not-found,unused-ignore]  # a Cython module, no stub

        strings = doc.nlp.vocab.strings
        names: dict[int, str] = {0: ""}
        for idx, *hashes in doc.nlp.to_array([IDX, TAG, DEP, ENT_TYPE]).tolist():
            tag, dep, ent = (names[h] if h in names else names.setdefault(h, strings[h]) for h in hashes)
            tokens[idx] = (tag, dep, ent)
    words = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word[-1] in ".,":
            word = word.rstrip(".,")
        start = m.start()
        item = Word(word, start, start + len(word), word.lower().replace("\u2019", "'"))
        token = tokens.get(start)
        if token is not None:
            item.tag, item.dep, item.entity_label = token
            item.entity = bool(token[2])
        words.append(item)
    return words


class _Reader:
    """Words plus the questions every rule asks about their neighbours."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.words = words_of(doc)
        self.curly = "\u2019" in doc.text and "'" not in doc.text

    def gap(self, i: int) -> str:
        """Text between word i and word i+1 (a blanked hashtag or URL shows up as itself)."""
        return self.prose[self.words[i].end : self.words[i + 1].start]

    def next(self, i: int) -> Word | None:
        """The word right after word i when only spaces separate them."""
        if i + 1 < len(self.words) and self._spaces(self.gap(i)):
            return self.words[i + 1]
        return None

    def prev(self, i: int) -> Word | None:
        if i > 0 and self._spaces(self.gap(i - 1)):
            return self.words[i - 1]
        return None

    @staticmethod
    def _spaces(gap: str) -> bool:
        return bool(gap) and not gap.strip(" \t")

    def sentence_start(self, i: int) -> bool:
        """Word i opens a sentence: at the start of the text or after . ! ? and a space."""
        word = self.words[i]
        before = self.prose[: word.start].rstrip(" \t")
        if before[-1:] in ('"', "'", "\u201d", "\u2019", ")") and before[-2:-1] in (".", "!", "?"):
            return False  # '"Am I a diva?" she asked': the sentence goes on after a quotation
        if before[-1:] in ("(", "["):
            return False  # "(see our article)": a parenthesis may start in lower case
        before = before.rstrip(" \t\"'\u201c\u2018")
        if not before:
            return True
        if before[-1] not in ".!?" or before.endswith("..") or before.endswith("\u2026"):
            return False
        if before[-1] == "." and i > 0:
            previous = self.words[i - 1]
            if previous.end == len(before) - 1 and (len(previous.text) == 1 or is_abbreviation(previous.lower)):
                return False
        gap = self.prose[len(before) : word.start]
        return bool(gap) and gap[0] in " \t\n\"'\u201c\u2018(["

    def line_start(self, i: int) -> bool:
        before = self.prose[: self.words[i].start].rstrip(" \t\"'\u201c\u2018([-*\u2022")
        return not before or before[-1] in "\r\n"

    def apostrophe(self, text: str) -> str:
        return text.replace("'", "\u2019") if self.curly else text


def is_english(words: list[Word], known: Any) -> bool:
    """False for a post mostly in another language: the English rules would misfire."""
    plain = [w.lower for w in words if w.text.isalpha() and w.text.islower() and len(w.text) > 1]
    if len(plain) < 5:
        return True
    unknown = sum(1 for w in plain if w not in known)
    return unknown / len(plain) <= 0.3


# -- the rules --------------------------------------------------------------------------------


def check(doc: Document, extra_vocabulary: Iterable[str] = (), rules: Iterable[str] | None = None) -> list[Hit]:
    """Every builtin finding for ``doc``, at most one per word, in text order."""
    reader = _Reader(doc)
    speller = spellchecker()
    # The frequency list knows newer words ("telehealth", "coronavirus") that would make a short
    # English post look foreign to the dictionary alone.
    english = is_english(reader.words, words.speller())
    chosen = set(rules) if rules is not None else None
    hits: list[Hit] = []
    # Kept hits never overlap, so sorted by start they are sorted by end too: an overlap
    # test is two bisects, not a scan of every hit (O(n²) on 100 KB of text).
    starts: list[int] = []
    ends: list[int] = []
    for name, rule in _RULES:
        if chosen is not None and name not in chosen:
            continue
        if not english and name in ("spelling", "a-an", "sentence-case", "confusable"):
            continue
        if name == "spelling":
            found = rule(reader, speller, vocabulary(tuple(extra_vocabulary)))
        else:
            found = rule(reader)
        for hit in found:
            index = bisect.bisect_left(starts, hit.start)
            if (index > 0 and ends[index - 1] > hit.start) or (index < len(starts) and starts[index] < hit.end):
                continue
            starts.insert(index, hit.start)
            ends.insert(index, hit.end)
            hits.append(hit)
    return sorted(hits, key=lambda h: (h.start, h.rule))


def _apostrophe(r: _Reader) -> Iterator[Hit]:
    table = _contractions()
    for i, word in enumerate(r.words):
        entry = table.get(word.lower)
        if entry is None:
            continue
        correction, ambiguous = entry
        following = r.next(i)
        if ambiguous:
            # "cant"/"wont"/"lets" are words too: only where a bare verb follows.
            if following is None or not (following.tag == "VB" or following.lower in ("be", "have")):
                continue
            if word.lower == "lets" and not r.sentence_start(i):
                continue
        elif word.lower == "im" and (word.text == "IM" or following is None):
            continue
        fixed = r.apostrophe(match_case(word.text, correction) if word.lower != "im" else correction)
        if word.lower in ("im", "ive"):
            fixed = r.apostrophe("I" + correction[1:])
        yield Hit.of("apostrophe", word.start, word.end, (fixed,), word=word.text, fixed=fixed)


def _lowercase_i(r: _Reader) -> Iterator[Hit]:
    for i, word in enumerate(r.words):
        if word.text != "i" and not (word.text[:1] == "i" and word.lower in ("i'm", "i've", "i'll", "i'd")):
            continue
        before = r.prose[word.start - 1] if word.start else " "
        after = r.prose[word.end] if word.end < len(r.prose) else " "
        if (
            before in "(.-/[&"
            or after in ".)-/]&:"
            or (
                word.text == "i" and after in _APOSTROPHES and word.end + 1 < len(r.prose) and not r.prose[word.end + 1].isalpha()
            )
        ):
            continue
        previous = r.prev(i)
        if previous is not None and previous.lower in _ROMAN_CONTEXT:
            continue
        if word.text == "i" and r.next(i) is None and previous is None:
            continue  # a lone letter, e.g. a list label
        yield Hit.of("lowercase-i", word.start, word.start + 1, ("I",))


def _sentence_case(r: _Reader) -> Iterator[Hit]:
    for i, word in enumerate(r.words):
        first = word.text[:1]
        if not first.islower() or not word.text.isascii() or not word.text.isalpha() or word.text != word.text.lower():
            continue
        if word.text == "i" or not r.sentence_start(i):
            continue
        if not r.prose[: word.start].strip():
            continue  # a post that starts in lower case is often a fragment or a reply, not a slip
        after = r.prose[word.end : word.end + 1]
        if after == "." or after in _APOSTROPHES and word.lower in ("s",):
            continue  # "etc." or "a.m." style fragments
        if _after_a_shortening(r, i) or _after_a_link(r, i):
            continue
        if r.prose[word.end : word.end + 2].lstrip(" ")[:1] == "@":
            continue  # "via @polkcohealth", "cc @Rep": a credit line before a handle, not a sentence
        fixed = word.text[:1].upper() + word.text[1:]
        yield Hit.of("sentence-case", word.start, word.end, (fixed,), fixed=fixed)


def _after_a_link(r: _Reader, i: int) -> bool:
    """ "visit https://t.co/x. to learn more", "email jo@co.us. to book": the full stop is often
    the writer's punctuation of a link glued to it, and the sentence goes on after it."""
    before = r.prose[: r.words[i].start].rstrip(" \t")
    end = len(before) - 1
    return end > 0 and before[end] == "." and r.doc.overlaps_token(end - 1, end, ("url", "email"))


def _after_a_shortening(r: _Reader, i: int) -> bool:
    """ "Schedule an appt. today", "emergency mgmt. agency": the full stop closes a shortened word
    that is no everyday word of the dictionary, not a sentence, so the lower case after it is right.
    (The frequency list is no help here: it counts "appt" and "incl" as words.)"""
    previous = r.words[i - 1] if i > 0 else None
    if previous is None or r.prose[previous.end : previous.end + 1] != "." or not previous.text.isalpha():
        return False
    if len(previous.text) > 5 or previous.text.isupper():
        return False  # "vaccinations.", "COVID.": a sentence's last word, not a shortening
    return not everyday_word(previous.text)


def _repeated_word(r: _Reader) -> Iterator[Hit]:
    ok = _repeat_ok()
    for i, word in enumerate(r.words[:-1]):
        other = r.words[i + 1]
        if word.lower != other.lower or not word.text.isalpha() or word.lower in ok:
            continue
        if len(word.text) < 2 and (word.lower != "a" or i > 0 and len(r.words[i - 1].text) < 2):
            continue  # "u s e l e s s": letters spaced out, not a repeated word
        gap = r.gap(i)
        if not gap or gap.strip(" ") or len(gap) > 2:
            continue
        if word.capitalized and other.capitalized and not word.text.isupper() and not other.text.islower():
            # "Walla Walla", "Bora Bora": names, not slips (unless a small word like "The The").
            if len(word.text) > 3:
                continue
        yield Hit.of("repeated-word", word.start, other.end, (word.text,), word=word.text)


def _matches(word: str, patterns: Iterable[str]) -> bool:
    for pattern in patterns:
        if pattern.endswith("*"):
            if word.startswith(pattern[:-1]):
                return True
        elif word == pattern:
            return True
    return False


def vowel_sound(word: str) -> bool | None:
    """True when ``word`` starts with a vowel sound, False for a consonant, None when unsure."""
    data = _articles()
    core = word.strip("\"'\u201c\u2018(")
    if not core:
        return None
    if core[0].isdigit():
        digits = re.match(r"[\d,]+", core).group().replace(",", "") if "," in core else re.match(r"\d+", core).group()
        if core[0] == "8":
            return True
        if re.match(r"1[18](?:\D|$)|1[18],\d{3}", core) or digits in ("11", "18"):
            return True
        if len(digits) in (2, 5, 6) and digits[:2] in ("11", "18") and core[2:3] in (",", ""):
            return True
        if digits[:2] in ("11", "18") and len(digits) in (4, 7):
            return None  # "1100" may be said "eleven hundred"
        return False
    letters = core.replace(".", "")
    if not letters.isalpha():
        return None
    if len(letters) == 1 or letters in data["ambiguous"]:
        return None  # a letter name: "a B grade"; too rare to be worth a guess
    if letters.isupper() and len(letters) >= 4 and spellchecker().word_frequency.dictionary.get(letters.lower(), 0) >= 1000:
        pass  # a word in capitals for emphasis: "a HUGE thank you"
    elif letters.isupper() and len(letters) == 3 and (words.speller().zipf(letters.lower()) or 0) >= 5.0:
        pass  # a very common short word in capitals: "a LOT of ingredients", "a BIG thank you"
    elif letters.isupper() and letters not in data["acronyms-as-words"]:
        return letters[0] in data["vowel-letters"]
    elif letters[0].islower() and any(c.isupper() for c in letters[1:]):
        return letters[0].upper() in data["vowel-letters"]  # "mRNA", "eGFR": the first letter is said by its name
    lower = letters.lower()
    if _matches(lower, data["vowel-sound-over-prefix"]):
        return True
    if _matches(lower, data["consonant-sound"]):
        return False
    if _matches(lower, data["vowel-sound"]):
        return True
    if lower[0] in "aeio":
        return True
    if lower[0] == "u":
        return None if len(lower) < 3 else True
    return False


def _a_an(r: _Reader) -> Iterator[Hit]:
    for i, word in enumerate(r.words):
        if word.lower not in ("a", "an") or word.tag not in ("DT", ""):
            continue
        if word.text[0].isupper() and not r.sentence_start(i):
            continue  # "Plan A", "Vitamin A"
        if word.text.isupper() and len(word.text) > 1:
            continue
        following = r.next(i)
        if following is None:
            continue
        before = r.prose[word.start - 1 : word.start]
        if before and (before.isalnum() or before in "-./'\u2019"):
            continue
        sound = vowel_sound(_read_in_capitals(r, i + 1, following.text))
        if sound is None:
            continue
        right = "an" if sound else "a"
        if word.lower == right:
            continue
        fixed = match_case(word.text, right)
        yield Hit.of(
            "a-an", word.start, word.end, (fixed,), fixed=fixed, word=following.text, sound="vowel" if sound else "consonant"
        )


def _read_in_capitals(r: _Reader, i: int, text: str) -> str:
    """A common word inside a run of capitals is read as a word, not spelled out as letters:
    "a RED FLAG WARNING" (an initialism such as "an FBI agent" or "an ATM" keeps its letters)."""
    after = r.next(i)
    if not (text.isupper() and len(text) >= 3 and after is not None and after.text.isupper() and len(after.text) >= 2):
        return text
    return text.lower() if (words.speller().zipf(text.lower()) or 0) >= 4.5 else text


def _agreement(r: _Reader) -> Iterator[Hit]:
    for i, word in enumerate(r.words):
        forms = _SUBJECT_FORMS.get(word.lower)
        if forms is None:
            continue
        verb = r.next(i)
        if verb is None or verb.lower not in forms:
            continue
        if word.dep in ("dobj", "pobj", "dative", "iobj", "conj", "appos"):
            continue  # "what they told you is true": the pronoun is an object
        previous = r.prev(i)
        if previous is not None and previous.lower in _AUXILIARIES:
            continue  # "does it have", "will he have": a question or after a modal
        if previous is not None and previous.tag in ("DT", "JJ", "JJR", "JJS", "PRP$"):
            continue  # "A healthy you is a happy you": a pronoun made a noun by its determiner
        if (
            word.lower in ("he", "she", "it", "this")
            and previous is not None
            and previous.lower in ("if", "as", "wish", "though", "whether")
        ):
            continue  # the subjunctive: "as it were", "if it were"
        if (
            word.lower
            in ("anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "this", "these", "those")
            and previous is not None
            and previous.tag in ("IN", "VB", "VBP", "VBZ", "VBD", "VBG", "WDT", "WP")
        ):
            continue  # "for anyone have...", "that this are": likely a clause we misread
        if word.lower in ("everyone", "everybody") and verb.lower == "have" and _wish(r, i):
            continue  # "Everyone have a safe holiday!": a wish to the readers, not a statement
        right = forms[verb.lower]
        fixed = match_case(verb.text, right)
        # Its own sentence: agreement's template is the parse rule's, which says more ("(plural)").
        said = f"\u201c{word.text} {verb.text}\u201d: the verb does not agree with its subject; write \u201c{word.text} {fixed}\u201d"
        yield Hit("agreement", said, verb.start, verb.end, (fixed,))


def _wish(r: _Reader, i: int) -> bool:
    """Word i opens a sentence that ends in "!": "Everyone have a great weekend!"."""
    if not r.sentence_start(i):
        return False
    rest = r.prose[r.words[i].end :]
    stop = re.search(r"[.!?]", rest)
    return stop is not None and stop.group() == "!"


def _phrase_continues(r: _Reader, i: int) -> bool:
    """Word i is followed (after a hyphen or a space) by a noun or an adjective: "your voting location"."""
    if i + 1 >= len(r.words):
        return False
    gap = r.gap(i)
    if gap.startswith("-"):
        return True
    following = r.next(i)
    if following is not None and i + 2 < len(r.words) and r.gap(i + 1).startswith("-"):
        return True  # "your FREE at-home kit": a hyphenated compound modifier
    if r.words[i].tag == "JJ" and gap.strip() == "," and r.words[i + 1].tag == "JJ":
        return True  # "your physical, mental, and overall wellbeing": a list of adjectives before the noun
    return following is not None and (following.tag in _NOUN_TAGS or following.tag in ("JJ", "CD", "VBG", "NN"))


def _confusable_hit(word: Word, right: str, why: str) -> Hit:
    fixed = match_case(word.text, right)
    return Hit.of("confusable", word.start, word.end, (fixed,), word=word.text, why=why, fixed=fixed)


def _possessive_for_contraction(r: _Reader, i: int, word: Word) -> bool:
    """ "your welcome", "its not", "their going": the possessive where a contraction belongs."""
    data = _confusables()
    following = r.next(i)
    if following is None:
        return False
    cue = following.lower
    previous = r.prev(i)
    if previous is not None and previous.lower in data["prepositions"] and word.lower != "their":
        return False  # "to its going", "for your being": a contraction cannot follow a preposition
    if (
        previous is not None
        and previous.tag in ("VB", "VBP", "VBG")
        and _takes_object(previous)
        and cue not in data["strong-contraction-cues"]
        and word.lower != "their"
        and following.tag in ("JJ", "NN", "NNS", "NNP")
    ):
        return False  # "claim your right to health", "know its risks": a verb wants an object, not a clause
    if cue == "time" and (word.lower != "its" or previous is not None):
        return False  # "It's time to ..." opens a sentence; "taken its time", "their time" are possessives
    if following.tag in ("WRB", "WP") and _ends_clause(r, i + 1):
        return False  # "What's your why?": a question word made a noun
    hyphen_after = i + 2 < len(r.words) and r.gap(i + 1).startswith("-")
    if cue in data["strong-contraction-cues"] or cue in data["function-cues"]:
        if hyphen_after:
            return False  # "your at-home test", "its all-new look"
        # "its too short shirt", "their very own": an adverb inside a noun phrase
        adverb = cue in ("so", "too", "very", "really", "just", "still", "also", "always", "never")
        return not (adverb and _phrase_continues(r, i + 1) and _phrase_continues(r, i + 2))
    continues = _phrase_continues(r, i + 1)
    if cue in data["possessive-ok"] and (continues or cue not in ("free", "open", "right", "closed")):
        return False
    if cue in data["contraction-cues"]:
        return not continues
    if following.tag == "JJS" and _ends_clause(r, i + 1):
        return False  # "be your healthiest.", "at its best,": a superlative the possessive owns
    if following.tag in ("VBG", "VBN", "RB", "JJ", "JJS", "JJR") and not continues:
        return _clause_goes_on(r, i + 1) and not (
            following.tag.startswith("JJ") and r.next(i + 1) is not None and r.next(i + 1).tag in ("IN", "DT", "CC", "RB", "PRP")
        )
    if word.lower == "its" and word.capitalized and r.sentence_start(i):
        return _headline_noun_phrase(r, i + 1)
    return False


def _headline_start(r: _Reader, i: int) -> bool:
    """ "Its #NationalVolunteerWeek!": "Its" opening a sentence, right before a hashtag."""
    word = r.words[i]
    return word.lower == "its" and word.capitalized and r.sentence_start(i) and _hashtag_after(r, i)


def _headline_noun_phrase(r: _Reader, i: int) -> bool:
    """ "Its National Volunteer Week!", "Its flu season, which ...": a noun phrase that ends the clause."""
    j = i
    while j < len(r.words) and j - i < 6:
        word = r.words[j]
        if word.tag not in _NOUN_TAGS and word.tag not in ("JJ", "POS", "CD"):
            return False
        gap = r.gap(j) if j + 1 < len(r.words) else "."
        mark = gap.strip()[:1]
        if mark in (".", "!", "?", ",", ";", ":"):
            return word.tag in _NOUN_TAGS
        if gap.strip() and mark not in ("'", "\u2019"):
            return False
        j += 1
    return False


def _clause_goes_on(r: _Reader, i: int) -> bool:
    """After word i: a preposition, article, pronoun, adverb or the end of a sentence."""
    if i + 1 >= len(r.words):
        return True
    gap = r.gap(i)
    if gap.strip() and gap.strip()[0] in ".!?,;:":
        return True
    following = r.next(i)
    return following is not None and following.tag in ("IN", "TO", "DT", "PRP", "PRP$", "RB", "RBR", "JJR", "CC", "RP")


def _contraction_for_possessive(r: _Reader, i: int) -> bool:
    """ "you're community", "it's doors", "they're homes": a contraction where a possessive belongs."""
    data = _confusables()
    word = r.words[i]
    following = r.next(i)
    previous = r.prev(i)
    if following is not None and following.lower == "own":
        return True
    if _possessive_ends_a_prepositional_phrase(r, i):
        return True
    adjective = following is not None and following.tag in ("JJ", "JJR", "JJS") and not _phrase_continues(r, i + 1)
    object_wanted = previous is not None and _takes_object(previous) and word.lower in ("you're", "they're")
    if (
        following is not None
        and not object_wanted
        and (following.lower in data["predicate-nouns"] or adjective and word.lower in ("it's", "who's"))
    ):
        return False  # "signals it's time", "disabled it's possible"
    if following is not None and following.text.islower() and i + 2 < len(r.words) and r.gap(i + 1).startswith("-"):
        return False  # "whether you're trick-or-treating": a compound after the contraction
    if previous is not None and previous.lower == "all" and word.lower in ("you're", "they're") and following is not None:
        # "for all you're hard work" (a noun phrase); "for all you're doing" (a clause) is right
        noun_after = r.next(i + 1)
        return (
            following.tag in ("NN", "NNS") or following.tag == "JJ" and noun_after is not None and noun_after.tag in ("NN", "NNS")
        )
    if word.lower == "you're" and previous is not None and previous.lower in ("and", "or") and i >= 2:
        if r.words[i - 2].lower in ("yourself", "you", "yourselves"):
            return True  # "protect yourself and you're family"
    if previous is not None and _takes_object(previous) and not word.capitalized:
        # "get you're flu shot", "to it's calendar", "for they're loved ones"
        if (
            adjective
            and previous.lower not in data["prepositions"]
            and _clause_goes_on(r, i + 1)
            and syntax.inflect.all_lemmas(following.lower, "ADJ")
        ):
            # "suspect you're sick.": an adjective that ends the phrase is a predicate (one the
            # lexicon knows: the tagger calls "appointment" an adjective after "you're")
            return False
        if word.lower in ("it's", "who's") and previous.lower not in data["prepositions"]:
            # after a verb, only a plural or an adjective + noun: "moving it's main office"
            adjective_noun = (
                following is not None
                and following.tag == "JJ"
                and r.next(i + 1) is not None
                and r.next(i + 1).tag in ("NN", "NNS")
            )
            if following is None or following.tag != "NNS" and not adjective_noun:
                return False  # "claims it's radiation": a clause may follow a verb
        if following is None:
            return _hashtag_after(r, i)
        return following.tag not in ("VBG", "VBN", "RB", "DT", "IN", "TO", "PRP", "MD") and following.lower not in (
            "not",
            "all",
            "here",
            "there",
            "welcome",
        )
    if following is None or following.lower in data["predicate-nouns"] or following.entity:
        return False
    if following.lower in data["possessive-pronouns"]:
        return False  # "It's yours.": a pronoun that owns, after "it is"
    if following.text[:1].isupper():
        return False
    after = r.next(i + 1)
    if word.lower in ("you're", "they're"):
        # "you are <noun>" without an article is rare: "you're appointment", "they're homes"
        return following.tag in ("NN", "NNS")
    # "it's"/"who's" + a bare noun is often right ("it's flu season"): only plurals, or a noun before a verb
    if following.tag == "NNS":
        # "It's antibiotics awareness week!": a plural that modifies the predicate noun after it
        return not (r.sentence_start(i) and after is not None and after.tag in ("NN", "NNP") and _phrase_continues(r, i + 1))
    return following.tag == "NN" and after is not None and after.tag in ("VBZ", "VBD", "VBP", "MD")


def _possessive_ends_a_prepositional_phrase(r: _Reader, i: int) -> bool:
    """ "on it's way.", "at it's best,", "borrow it's approach.": after a preposition or a verb that
    takes an object, "it's" and one noun (or superlative) that ends the clause can only be the
    possessive ("its way"); "it is way" needs more after it."""
    previous, following = r.prev(i), r.next(i)
    if r.words[i].lower != "it's" or previous is None or following is None or previous.capitalized:
        return False
    data = _confusables()
    if not _ends_clause(r, i + 1) or not following.text.islower():
        return False
    if previous.lower in data["prepositions"]:
        return following.tag in ("NN", "JJS")
    # "we could borrow it's approach.": a verb that takes an object, not a clause
    verb = previous.tag in ("VB", "VBD", "VBP", "VBG") and previous.lower not in data["clause-verbs"]
    return verb and following.tag == "NN" and following.lower not in data["predicate-nouns"]


def _takes_object(word: Word) -> bool:
    """A preposition or a verb that wants an object after it, not a clause."""
    data = _confusables()
    if word.lower in data["clause-verbs"]:
        return False
    return word.lower in data["prepositions"] or word.tag in ("VB", "VBG", "VBZ", "VBD", "VBN")


def _ends_clause(r: _Reader, i: int) -> bool:
    gap = (r.gap(i) if i + 1 < len(r.words) else r.prose[r.words[i].end :]).strip()
    return i + 1 == len(r.words) or gap[:1] in (".", "!", "?", ",")


def _hashtag_after(r: _Reader, i: int) -> bool:
    rest = r.prose[r.words[i].end : r.words[i].end + 3].lstrip(" ")
    return rest.startswith("#")


def _confusable(r: _Reader) -> Iterator[Hit]:
    for i, word in enumerate(r.words):
        hit = _confusion(r, i, word)
        if hit is not None:
            yield hit


def _confusion(r: _Reader, i: int, word: Word) -> Hit | None:
    """The first row of confusions.toml for this word whose test holds (or its resolver's answer)."""
    if r.prose[word.end : word.end + 3] in ("...",) or r.prose[word.end : word.end + 1] == "\u2026":
        return None  # "with their... https://": a post cut short, the rest of the sentence unseen
    resolve = _RESOLVERS.get(word.lower)
    if resolve is not None:
        return resolve(r, i, word)
    for right, why, test in _confusions().get(word.lower, ()):
        if test(r, i):
            return _confusable_hit(word, right, why)
    return None


# -- the tests of the confusables table: word i as written, is another word meant? --


def _your_means_you_are(r: _Reader, i: int) -> bool:
    return _possessive_for_contraction(r, i, r.words[i])


def _its_means_it_is(r: _Reader, i: int) -> bool:
    return _possessive_for_contraction(r, i, r.words[i]) or _headline_start(r, i)


def _whose_means_who_is(r: _Reader, i: int) -> bool:
    """ "whose ready", "whose going": a contraction cue or a verb in -ing after "whose"."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is None or (previous is None and not r.sentence_start(i)):
        return False
    cue = following.lower
    if cue in data["strong-contraction-cues"] or cue in data["who-is-cues"]:
        return True
    return following.tag == "VBG" and not _phrase_continues(r, i + 1)


def _who_is_before_a_noun(r: _Reader, i: int) -> bool:
    """ "who's books", "who's car was": a contraction before a plural, or before a noun and a verb."""
    if not _contraction_for_possessive(r, i):
        return False
    following, after = r.next(i), r.next(i + 1)
    return following is not None and following.tag == "NNS" or after is not None and after.tag.startswith("V")


def _they_are_before_a_verb(r: _Reader, i: int) -> bool:
    """ "they're is a line": a verb right after "they're" wants "there"."""
    following = r.next(i)
    return following is not None and following.lower in _confusables()["verbs-after-there"]


def _they_are_as_a_place(r: _Reader, i: int) -> bool:
    """ "park over they're.": "they're" ending a clause after a word that does not take a clause."""
    previous = r.prev(i)
    return (
        _ends_clause(r, i)
        and previous is not None
        and previous.lower not in _confusables()["clause-verbs"]
        and previous.tag not in ("WRB", "WP", "IN", "CC", "RB", "JJ")
    )


def _then_after_a_comparison(r: _Reader, i: int) -> bool:
    """ "bigger then ever": "then" within a few words of a comparative, not a time word."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None or previous.lower in data["temporal"] or not _comparative_before(r, i, 8):
        return False
    if following is None:
        return _hashtag_after(r, i)
    adjacent = previous.tag in ("JJR", "RBR") or previous.lower in data["comparative-cues"]
    return following.tag not in _VERB_FORMS and following.tag != "VBN" or adjacent and following.tag in ("VBN", "VBD")


def _than_without_a_comparison(r: _Reader, i: int) -> bool:
    return not _comparative_before(r, i, 14)


_OBJECT_TAGS = ("DT", "PRP$", "PRP", "NNS", "NN")
_VERB_TAGS = ("VB", "VBP", "VBZ")


def _effect_as_a_verb(r: _Reader, i: int) -> bool:
    """ "will effect the schedule", "might adversely effect the": a verb before its object
    (after a modal or "to", or wherever the tagger reads it as a verb)."""
    following, previous = r.next(i), r.prev(i)
    if following is None or following.tag not in _OBJECT_TAGS or following.lower in ("change", "changes"):
        return False  # "to effect change" is the lawful verb: to bring about
    return previous is not None and previous.lower in _confusables()["modal-or-to"] or r.words[i].tag in _VERB_TAGS


def _effected_by(r: _Reader, i: int) -> bool:
    """ "effected by the storm", "would've effected the baby", "was badly effected": influenced."""
    following, previous = r.next(i), r.prev(i)
    if following is not None and following.lower == "by":
        return True
    if following is not None and following.tag in ("DT", "PRP$", "PRP") and following.lower not in ("a", "an"):
        return r.words[i].tag in ("VBN", "VBD")  # "effected a change" brought it about
    # Passive after an adverb of degree, at the clause's end: "She was badly effected."
    return previous is not None and previous.tag == "RB" and (following is None or following.tag in (".", ","))


def _affect_as_a_noun(r: _Reader, i: int) -> bool:
    """ "a lasting affect", "the affect on", "took affect": where the tagger reads a noun."""
    following, previous = r.next(i), r.prev(i)
    data = _confusables()
    if previous is not None and previous.lower in data["affect-noun-ok"]:
        return False  # "a flat affect": psychology's noun
    if r.words[i].tag in ("NN", "NNS") and not r.words[i].capitalized:
        # ... unless an object follows, as it does a verb the tagger misread ("the detour affect traffic")
        return following is None or following.tag not in _OBJECT_TAGS
    if previous is None:
        return False
    if previous.lower in data["effect-noun-cues"]:
        return True
    return following is not None and following.lower in ("on", "of") and previous.tag in ("DT", "JJ")


def _loose_as_a_verb(r: _Reader, i: int) -> bool:
    """ "don't loose your keys", "if I loose my pass": a verb before an object."""
    following, previous = r.next(i), r.prev(i)
    if following is None or following.tag not in (*_OBJECT_TAGS, "RB"):
        return False
    if following.tag == "RB" and following.lower not in ("so", "too", "all", "everything"):
        return False  # "run loose outside"
    verb_slot = previous is not None and (
        previous.lower in _confusables()["modal-or-to"] or previous.lower in ("don't", "never", "not")
    )
    return verb_slot or r.words[i].tag in ("VB", "VBP")


def _too_before_a_determiner(r: _Reader, i: int) -> bool:
    """ "drive too the park": "too" right before an article or a possessive."""
    following, previous = r.next(i), r.prev(i)
    return (
        following is not None
        and following.lower in _confusables()["determiners"]
        and previous is not None
        and previous.tag not in ("RB",)
    )


def _to_before_an_adverb_of_degree(r: _Reader, i: int) -> bool:
    """ "it is to late": "to" before "late", "much", "cold"... that ends the clause."""
    data, following, previous, after = _confusables(), r.next(i), r.prev(i), r.next(i + 1)
    if following is None or following.lower not in data["too-cues"] or not _clause_goes_on(r, i + 1):
        return False
    if after is not None and after.lower == "of":
        return False  # "to much of the legislation": a quantity, not a degree
    verb = syntax.inflect.all_lemmas(following.lower, "VERB")
    if verb and previous is not None and (previous.tag in ("NN", "NNS") or previous.lower in data["infinitive-heads"]):
        return False  # "the best way to slow", "clinics have to close": an infinitive
    if after is not None and after.lower not in ("to", "for", "and", "or") and syntax.inflect.all_lemmas(following.lower, "VERB"):
        return False  # "is to close on Friday": a verb's infinitive; "is to busy on Saturdays" has none
    return previous is None or previous.tag not in ("CD",) and previous.lower not in data["to-before-degree-words"]


# -- noun/verb pairs in each other's slot (noun_verb.toml) --


@lru_cache(maxsize=1)
def _noun_verb() -> dict[str, Any]:
    data = tomllib.loads((_HERE / "noun_verb.toml").read_text(encoding="utf-8"))
    slots = {key: frozenset(value) for key, value in data["slots"].items()}
    return {"pairs": data["pair"], "slots": slots}


def _noun_verb_rows() -> Iterator[tuple[str, str, str, str]]:
    """(written, meant, why, test) rows for every pair of noun_verb.toml, as in confusions.toml."""
    for pair in _noun_verb()["pairs"]:
        noun, verb = pair["noun"], pair["verb"]
        nouns, verbs = pair.get("nouns", noun), pair.get("verbs", verb)
        as_noun = f"a noun is needed here; \u201c{verb}\u201d is the verb"
        as_verb = f"a verb is needed here; \u201c{noun}\u201d is the noun"
        if not pair.get("verb-slot-only", False):  # "a swim meet": a verb that is a noun too stays
            yield verb, noun, as_noun, "verb_in_a_noun_slot"
            if verbs != verb:
                yield verbs, nouns, as_noun, "verb_in_a_noun_slot"
        yield noun, verb, as_verb, "noun_in_a_verb_slot"
        yield noun, verbs, as_verb, "noun_after_he_or_she"
        for wrong in [nouns] * (nouns != noun) + pair.get("misspelled", []):
            yield wrong, verbs, as_verb, "noun_after_he_or_she"


def _in(word: Word, words: frozenset[str]) -> bool:
    """``word`` is in ``words``; an entry "'ll" matches the end of "we'll"."""
    if word.lower in words:
        return True
    cut = word.lower.rfind("'")
    return cut > 0 and word.lower[cut:] in words


def _plain(r: _Reader, i: int, names: bool = True) -> bool:
    """Word i is an ordinary word: lower case (or a sentence's capital), not a name, not part of a compound."""
    word = r.words[i]
    if names and word.entity or not word.text.isalpha():
        return False
    if word.text[1:] != word.text[1:].lower() or word.capitalized and not r.sentence_start(i):
        return False  # "the Breathe program", "SELL": a title or a name
    before = r.prose[word.start - 1 : word.start]
    after = r.prose[word.end : word.end + 1]
    return before not in ("-", "/") and after not in ("-", "/")


def _back(r: _Reader, i: int, skip: frozenset[str]) -> tuple[int, Word | None]:
    """The word before word i (and its index), looking past one word of ``skip`` ("will not loss")."""
    previous = r.prev(i)
    if previous is not None and previous.lower in skip:
        earlier = r.prev(i - 1)
        if earlier is not None:
            return i - 2, earlier
    return i - 1, previous


def _noun_follows(r: _Reader, i: int) -> bool:
    """A noun or "of" right after word i makes it part of a noun phrase: "sale price", "proof of"."""
    following = r.next(i)
    return following is not None and (following.tag in _NOUN_TAGS or following.lower in ("of", "'s"))


def _noun_in_a_verb_slot(r: _Reader, i: int) -> bool:
    """ "can breath", "don't loss", "hard to breath", "we advice": a noun where a bare verb belongs."""
    slots = _noun_verb()["slots"]
    if not _plain(r, i):
        return False
    j, previous = _back(r, i, slots["adverbs"])
    if previous is None:
        return False
    if previous.lower in slots["base-subjects"] and previous.tag == "PRP":
        return _subject(r, j)  # "we advice residents": after a subject a noun may follow as the object
    if _noun_follows(r, i) and not (previous.tag == "MD" and r.prev(j) is not None):
        return False  # "do breath work", "Will sale prices drop?": a compound noun
    if _in(previous, slots["verb-helpers"]):
        return previous.tag in ("MD", "VB", "VBP", "VBZ", "VBD", "UH", "") or previous.lower == "please"
    if previous.lower == "to":
        cue = r.prev(j)
        return cue is not None and cue.lower in slots["infinitive-cues"]
    return False


def _noun_after_he_or_she(r: _Reader, i: int) -> bool:
    """ "he beliefs", "she advices": a noun where the -s form of the verb belongs."""
    slots = _noun_verb()["slots"]
    if not _plain(r, i):
        return False
    j, previous = _back(r, i, slots["adverbs"])
    return previous is not None and previous.lower in slots["s-subjects"] and _subject(r, j)


def _subject(r: _Reader, j: int) -> bool:
    """Word j, a pronoun, is a subject: not "Phase I", not "the Rev. He"."""
    word, before = r.words[j], r.prev(j)
    if word.lower == "i" and word.text != "I":
        return False
    if before is None or not before.capitalized:
        return True
    return r.sentence_start(j - 1) and before.tag not in _NOUN_TAGS  # "When I", not "Phase I"


def _verb_in_a_noun_slot(r: _Reader, i: int) -> bool:
    """ "your advise", "a deep breathe", "homes for sell": a bare verb where a noun belongs."""
    slots = _noun_verb()["slots"]
    if not _plain(r, i):
        return False
    following = r.next(i)
    if following is not None and (following.tag in ("DT", "PRP", "PRP$", "TO") or following.tag in _NOUN_TAGS):
        return False  # "for choose us", "a lose situation": some other slip, or a compound
    if following is not None and following.lower == "by":
        return False  # "the sell by date"
    j, previous = i - 1, r.prev(i)
    if previous is not None and previous.tag in ("JJ", "JJS") and previous.lower not in slots["determiners"]:
        if previous.lower in slots["verb-as-noun-after"]:
            return False  # "a hard sell"
        j, previous = i - 2, r.prev(i - 1)
        if previous is None or previous.lower not in slots["determiners"]:
            return False  # one adjective only after a determiner: "a deep breathe"
    if previous is None:
        return False
    if previous.lower in ("me", "us", "you", "them", "him") and j == i - 1:
        j, previous = j - 1, r.prev(j)  # "give me advise"
        if previous is None:
            return False
    if previous.lower in slots["noun-verbs"] and j >= i - 2:
        return following is None or following.tag not in ("VB", "RB")
    if previous.lower in slots["determiners"]:
        return previous.tag in ("DT", "PRP$", "")
    if previous.lower in slots["prepositions"] and j == i - 1:
        hedge = r.prev(j)
        return hedge is None or hedge.lower not in slots["of-hedges"]
    return False


# -- small tests of other pairs (their cue words are in confusables.toml) --


def _do_to_means_due_to(r: _Reader, i: int) -> bool:
    """ "delayed do to rain", "is do to", "Do to the weather,": "do to" before a cause, not a verb."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is None or following.lower != "to":
        return False
    after = r.next(i + 1)
    if after is None:
        return False
    if previous is None:
        gap = r.prose[: r.words[i].start].rstrip(" \t")
        opens = not gap or gap[-1] in ".!?,:;\n"
        return opens and (after.lower in data["due-to-cues"] or after.tag == "PRP$")
    if previous.lower in data["be-forms"] or previous.lower in data["due-to-before"]:
        return True
    return previous.tag in ("VBN", "VBD") and previous.lower not in data["do-forms"] and after.tag != "PRP"


def _threw_means_through(r: _Reader, i: int) -> bool:
    """ "open threw Friday", "go threw the steps", "Monday threw Friday"."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None or following is None:
        return False
    if following.lower in ("out", "up", "away", "off", "down", "back", "together", "in"):
        return False  # "threw out the first pitch"
    if previous.lower in data["through-cues"]:
        return True
    times = data["time-words"]
    if previous.tag == "VBN" or previous.lower in ("open", "closed"):
        return following.lower in times  # "closed threw Friday": a past tense cannot follow a participle
    return (previous.lower in times or previous.tag == "CD") and (following.lower in times or following.tag == "CD")


def _were_means_we_are(r: _Reader, i: int) -> bool:
    """ "Were excited to announce": "Were" opening a sentence, with no subject after it."""
    word, following = r.words[i], r.next(i)
    if following is None or not word.capitalized or not r.sentence_start(i) or word.text.isupper():
        return False
    return following.lower in _confusables()["were-cues"] or following.tag == "VBG"


def _were_means_where(r: _Reader, i: int) -> bool:
    """ "this is were", "they went were he wanted", "Were could we": "were" where a place is asked or meant."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is None:
        return False
    if previous is None:
        # "Were could we sleep?": a question word, not a verb, comes before a helper
        word = r.words[i]
        return word.capitalized and r.sentence_start(i) and following.tag == "MD"
    if previous.lower in data["where-cues"]:
        return True
    return previous.lower in data["motion-verbs"] and following.lower in ("he", "she", "we", "they", "i", "you")


def _where_means_were(r: _Reader, i: int) -> bool:
    """ "they where going", "There where major delays": "where" right after a subject."""
    previous, following = r.prev(i), r.next(i)
    if previous is None or following is None:
        return False
    if previous.text == "There" and r.sentence_start(i - 1):
        # "There where many delays"; "there where the sky is blue" (a place) keeps its article
        return following.tag in ("JJ", "NNS", "CD") or following.lower in _confusables()["quantity-words"]
    return previous.lower in ("we", "they")


def _accept_means_except(r: _Reader, i: int) -> bool:
    """ "open daily accept Sundays", "Friday accept holidays": "accept" between an "all" word or a day and an exception."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    return (
        previous is not None
        and following is not None
        and (previous.lower in data["except-before"] or previous.lower in data["time-words"])
        and following.lower in data["except-after"]
    )


def _except_means_accept(r: _Reader, i: int) -> bool:
    """ "will except donations", "Please except our apology": "except" where a verb belongs."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None or following is None or previous.lower not in data["accept-before"]:
        return False
    if previous.lower in ("now", "also", "not") and (r.prev(i - 1) is None or r.prev(i - 1).lower not in data["accept-before"]):
        return False  # "all are welcome now except", "everyone not except": only after a helper or a subject
    return following.tag in ("DT", "PRP$", "NNS", "CD") or following.lower in ("cash", "payment", "applications")


def _weather_means_whether(r: _Reader, i: int) -> bool:
    """ "weather or not", "Weather you're new", "decide weather to": "weather" opening a clause."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is None or not _plain(r, i):
        return False
    if following.lower == "or" and r.next(i + 1) is not None and r.next(i + 1).lower == "not":
        return True
    if following.tag == "DT" and previous is not None and previous.lower in data["whether-cues"]:
        # "not sure weather the pool is open": a subject and its verb follow, so a clause opens here
        return any(w.tag in ("VBZ", "VBP", "VBD", "MD") for w in r.words[i + 2 : i + 5])
    if following.lower not in data["subject-pronouns"] and following.lower != "to":
        return False
    if previous is None:
        return r.sentence_start(i) and following.lower != "to"
    return previous.lower in data["whether-cues"]


def _whether_means_weather(r: _Reader, i: int) -> bool:
    """ "the whether", "whether permitting": "whether" as a noun."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is not None and following.lower in data["weather-after"]:
        return True
    return previous is not None and previous.lower in data["weather-before"]


def _here_means_hear(r: _Reader, i: int) -> bool:
    """ "can here you", "glad to here", "did you here from": "here" where a verb belongs."""
    data, slots, following = _confusables(), _noun_verb()["slots"], r.next(i)
    subject = r.prev(i)
    if subject is not None and subject.lower in ("i", "we", "they") and following is not None:
        before = r.prev(i - 1)
        # "as soon as we here from the state": a subject pronoun wants a verb, and "here" is none
        if following.lower in data["hear-after-subject"] and (before is None or not before.tag.startswith(("VB", "MD"))):
            return True
    j, previous = _back(r, i, slots["adverbs"] | {"you", "we", "they", "i"})
    if previous is None:
        return False
    if previous.lower == "to":
        cue = r.prev(j)
        return cue is not None and cue.lower in data["hear-cues"] and following is not None
    if not _in(previous, slots["verb-helpers"]) or previous.lower == "please":
        return False
    if j < i - 1 and previous.lower in ("did", "do", "does", "didn't", "don't", "doesn't") and _ends_clause(r, i):
        return True  # "Did you here?": "do" and its subject want a verb, and nothing follows
    return following is not None and following.lower in data["hear-objects"]


def _hear_means_here(r: _Reader, i: int) -> bool:
    """ "we're hear to help", "click hear": "hear" where a place is meant."""
    data, previous, following = _confusables(), r.prev(i), r.next(i)
    if previous is None or following is not None and following.lower in ("it", "them", "you", "him", "her", "from", "about"):
        return False
    return previous.lower in data["be-forms"] or previous.lower in data["here-before"]


def _past_means_passed(r: _Reader, i: int) -> bool:
    """ "the deadline has past", "has past away": "past" as a verb after have."""
    data, following = _confusables(), r.next(i)
    _, previous = _back(r, i, frozenset(("just", "already", "recently", "since", "now", "not", "never")))
    if previous is None or not _in(previous, data["have-forms"]):
        return False
    if following is None:
        return _ends_clause(r, i)
    return following.tag not in _NOUN_TAGS and following.tag not in ("JJ", "VBG", "CD") and following.lower != "due"


def _passed_means_past(r: _Reader, i: int) -> bool:
    """ "walked passed the school", "the passed week", "in the passed."."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None:
        return False
    if previous.lower in data["motion-verbs"] and previous.lower not in ("come", "came", "move", "moved", "live"):
        return following is not None and following.tag in ("DT", "PRP$", "NNP")
    if previous.lower in ("the", "this"):
        if following is not None:
            return following.lower in data["time-nouns"]
        earlier = r.prev(i - 1)
        return _ends_clause(r, i) and earlier is not None and earlier.lower in ("in", "of", "from")
    return False


def _quiet_means_quite(r: _Reader, i: int) -> bool:
    """ "quiet a few", "quiet possibly", "not quiet ready": "quiet" as a degree word."""
    data, following = _confusables(), r.next(i)
    if following is None:
        return False
    if following.lower in ("a", "an"):
        after = r.next(i + 1)
        return after is not None and after.lower in data["quite-a"]
    return following.lower in data["quite-after"] and _clause_goes_on(r, i + 1)


def _quite_means_quiet(r: _Reader, i: int) -> bool:
    """ "please be quite.", "peace and quite", "quite hours": "quite" as an adjective."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if following is not None and following.lower in data["quiet-times"] and previous is not None:
        # "Please be quite during the moment of silence", "stay quite in the reading room": an order to be still
        earlier = r.prev(i - 1)
        order = previous.lower == "be" and (
            earlier is None and r.sentence_start(i - 1) or earlier is not None and earlier.lower == "please"
        )
        return order or previous.lower in ("stay", "keep", "remain")
    if following is not None:
        return following.lower in data["quiet-nouns"]
    return previous is not None and previous.lower in data["quiet-before"] and _ends_clause(r, i)


def _patients_means_patience(r: _Reader, i: int) -> bool:
    """ "Thank you for your patients", "we appreciate your patients as we": the thanks are for
    patience. Not "your patients' records" or "the patients we serve" after a thank-you."""
    previous, following = r.prev(i), r.next(i)
    if previous is None or previous.lower not in ("your", "the", "everyone's", "our"):
        return False
    if (
        following is not None
        and following.tag in _NOUN_TAGS | {"POS"}
        or r.prose[r.words[i].end : r.words[i].end + 1] in ("'", "\u2019")
    ):
        return False
    cues = _confusables()["patience-cues"]
    return any(w.lower in cues for w in r.words[max(0, i - 5) : i - 1])


def _of_means_have(r: _Reader, i: int) -> bool:
    """ "could of been", "should of known": "of" for the sound of "'ve"."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None or following is None or previous.lower not in data["of-modals"] or following.lower == "course":
        return False
    earlier = r.prev(i - 1)
    if earlier is not None and earlier.tag in ("DT", "PRP$", "JJ"):
        return False  # "the might of", "a must of"
    return following.tag in ("VBN", "VBD", "RB") or following.lower in ("been", "had", "gone", "known", "seen", "done")


def _everyday_means_every_day(r: _Reader, i: int) -> bool:
    """ "open everyday.", "Everyday is", "everyday at noon": "everyday" not before a noun."""
    following, previous = r.next(i), r.prev(i)
    if not _plain(r, i, names=False):  # spaCy calls "everyday" a DATE
        return False
    if previous is not None and previous.tag in ("DT", "PRP$"):
        return False  # "from the everyday to the extraordinary": a noun
    if following is None:
        return _ends_clause(r, i) and i > 0
    if following.lower in ("is", "was", "this", "now"):
        return True  # "Everyday is", "everyday this week"
    return following.tag in ("IN", "DT", "PRP", "PRP$", "WRB", "TO", "MD", "CD")


def _lose_as_an_adjective(r: _Reader, i: int) -> bool:
    """ "broke lose", "knocked lose from": "lose" after a verb that wants "loose" (free)."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    if previous is None or previous.lower not in data["loose-before"]:
        return False
    return following is None and _ends_clause(r, i) or following is not None and following.lower in ("from", "on", "in", "and")


def _principal_means_principle(r: _Reader, i: int) -> bool:
    """ "in principal", "basic principals of": a rule or belief."""
    following, previous = r.next(i), r.prev(i)
    if previous is None:
        return False
    if previous.lower == "in" and r.words[i].lower == "principal":
        return following is None or following.tag not in ("NN", "NNS", "NNP", "POS")  # "in principal Lee's office"
    if r.words[i].lower != "principals":
        return False
    # Only after a word that describes beliefs: "thanks to our principals" are school heads.
    return previous.lower in _confusables()["principle-adjectives"]


def _principle_means_principal(r: _Reader, i: int) -> bool:
    """ "the principle investigator", "our school principle": the chief one, or a school's head."""
    following, previous = r.next(i), r.prev(i)
    if previous is not None and previous.lower in _confusables()["principal-before"]:
        return True
    return following is not None and following.tag in ("NN", "NNS") and not r.words[i].capitalized


def _lets_as_a_verb(r: _Reader, i: int) -> bool:
    """ "the app let's you", "it let's us": "let's" after its subject, before an object."""
    data, following, previous = _confusables(), r.next(i), r.prev(i)
    return (
        previous is not None
        and following is not None
        and previous.lower in data["lets-subjects"]
        and following.lower in data["lets-objects"]
    )


def _witch_opens_a_clause(r: _Reader, i: int) -> bool:
    """ "the main library, witch is on 3rd Street", "witch will": "witch" right before a verb, after a
    comma or a noun, is the relative pronoun (a witch that does something has an article: "the witch is")."""
    following, previous = r.next(i), r.prev(i)
    if following is None or following.tag not in ("VBZ", "VBD", "VBP", "MD"):
        return False
    if previous is not None:
        return previous.tag in ("NN", "NNS") and previous.lower not in ("good", "wicked")
    before = r.prose[: r.words[i].start].rstrip(" \t")
    return before.endswith(",")


def _where_means_wear(r: _Reader, i: int) -> bool:
    """ "Please where a mask", "you must where your badge": "where" in a verb's slot, right after
    "please", a modal or "do", with an article or a possessive after it ("can see where the"
    has its verb)."""
    following, previous = r.next(i), r.prev(i)
    if following is None or previous is None or following.tag not in ("DT", "PRP$"):
        return False
    return _in(previous, _noun_verb()["slots"]["verb-helpers"]) and following.lower not in ("that", "this", "these", "those")


_Test = Callable[[_Reader, int], bool]

# The tests the rows of confusions.toml name (without the leading underscore).
_TESTS: dict[str, _Test] = {
    test.__name__.removeprefix("_"): test
    for test in (
        _your_means_you_are,
        _contraction_for_possessive,
        _its_means_it_is,
        _whose_means_who_is,
        _who_is_before_a_noun,
        _they_are_before_a_verb,
        _they_are_as_a_place,
        _then_after_a_comparison,
        _than_without_a_comparison,
        _effect_as_a_verb,
        _effected_by,
        _affect_as_a_noun,
        _loose_as_a_verb,
        _principal_means_principle,
        _principle_means_principal,
        _too_before_a_determiner,
        _to_before_an_adverb_of_degree,
        _noun_in_a_verb_slot,
        _noun_after_he_or_she,
        _verb_in_a_noun_slot,
        _do_to_means_due_to,
        _threw_means_through,
        _were_means_we_are,
        _were_means_where,
        _where_means_were,
        _accept_means_except,
        _except_means_accept,
        _weather_means_whether,
        _whether_means_weather,
        _here_means_hear,
        _hear_means_here,
        _past_means_passed,
        _passed_means_past,
        _quiet_means_quite,
        _quite_means_quiet,
        _of_means_have,
        _patients_means_patience,
        _everyday_means_every_day,
        _lets_as_a_verb,
        _lose_as_an_adjective,
        _witch_opens_a_clause,
        _where_means_wear,
    )
}


@lru_cache(maxsize=1)
def _confusions() -> dict[str, tuple[tuple[str, str, _Test], ...]]:
    """A word as written -> (the word meant, why, test) rows, in order: confusions.toml, then noun_verb.toml."""
    table: dict[str, list[tuple[str, str, _Test]]] = {}
    for row in tomllib.loads((_HERE / "confusions.toml").read_text(encoding="utf-8"))["confusion"]:
        table.setdefault(row["written"], []).append((row["meant"], row["why"], _TESTS[row["test"]]))
    # then the noun/verb pairs of noun_verb.toml, each in the other's slot
    for written, meant, why, test in _noun_verb_rows():
        table.setdefault(written, []).append((meant, why, _TESTS[test]))
    return {written: tuple(rows) for written, rows in table.items()}


def _comparative_before(r: _Reader, i: int, reach: int) -> bool:
    cues = _confusables()["comparative-cues"]
    j = i - 1
    while j >= 0 and i - j <= reach:
        word = r.words[j]
        if word.tag in ("JJR", "RBR") or word.lower in cues:
            return True
        gap = r.gap(j)
        if any(c in gap for c in ".!?;\n"):
            return False
        j -= 1
    return False


def _their(r: _Reader, i: int, word: Word) -> Hit | None:
    data = _confusables()
    following = r.next(i)
    previous = r.prev(i)
    if following is not None and following.lower in data["there-verbs"]:
        return _confusable_hit(word, "there", "a verb follows, so \u201cthere is/are\u201d was meant")
    if following is not None and following.lower in ("yours", "mine", "ours", "theirs"):
        return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    if _possessive_for_contraction(r, i, word):
        if (
            following is not None
            and following.tag == "IN"
            and previous is not None
            and previous.lower in ("out", "over", "in", "from", "up", "down", "back")
        ):
            return _confusable_hit(word, "there", "a place is meant")
        return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    gap = (r.gap(i) if i + 1 < len(r.words) else r.prose[word.end :]).strip()
    if (i + 1 == len(r.words) or gap[:1] in (".", "!", "?", ",")) and previous is not None and not previous.tag.startswith("NN"):
        if following is None and previous.tag not in ("DT", "PRP$"):
            return _confusable_hit(word, "there", "a place is meant")
    return None


def _there(r: _Reader, i: int, word: Word) -> Hit | None:
    data = _confusables()
    following = r.next(i)
    previous = r.prev(i)
    if following is None:
        return None
    if previous is not None and previous.lower in ("are", "is", "were", "was") and r.sentence_start(i - 1):
        return None  # "Are there things you would love to do?": a question's "there are"
    if (
        previous is not None
        and previous.lower in ("and", "but", "so", "because", "since", "if", "when")
        and following.tag == "VBG"
    ):
        if following.lower != "being":
            return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    if previous is None and r.sentence_start(i) and following.tag == "VBG" and following.lower != "being":
        # "There going to be delays": a sentence cannot open on "there" + -ing with no verb between
        return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    if (
        previous is not None
        and previous.tag.startswith("VB")
        and previous.lower in data["place-verbs"]
        and _plural_noun_phrase(r, i + 1)
    ):
        return _confusable_hit(word, "their", "a possessive is needed before a noun")  # "get there flu shots"
    if previous is None or previous.lower in data["be-or-modal"] or previous.lower in data["place-verbs"]:
        if following.lower != "own":
            return None
    if following.lower == "own":
        return _confusable_hit(word, "their", "a possessive is needed before a noun")
    if following.lower in data["predicate-nouns"] or following.text[:1].isupper() or following.lower in data["there-verbs"]:
        return None
    noun = (
        following.tag in ("NN", "NNS")
        or following.tag == "JJ"
        and r.next(i + 1) is not None
        and r.next(i + 1).tag in ("NN", "NNS")
    )
    if noun and (previous.lower in data["prepositions"] or _takes_object(previous) and previous.tag.startswith("VB")):
        return _confusable_hit(word, "their", "a possessive is needed before a noun")
    if following.tag == "VBG" and following.lower != "being" and _clause_goes_on(r, i + 1):
        return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    if following.lower in ("going", "getting", "ready"):
        return _confusable_hit(word, "they're", "\u201cthey are\u201d fits the sentence")
    return None


def _plural_noun_phrase(r: _Reader, i: int) -> bool:
    """Words i (and i+1) are a lower-case noun phrase ending in a plural ("flu shots", "kids"),
    which "go there", "get there" cannot take ("get there early", "go there today" can)."""
    first, second = r.words[i] if i < len(r.words) else None, r.next(i)
    if first is None or not first.text.islower() or first.lower in _confusables()["time-words"]:
        return False
    if first.tag == "NNS":
        return r.next(i) is None or r.next(i).tag not in ("NN", "NNS", "VB", "VBP", "VBZ", "VBD")
    return first.tag in ("NN", "JJ") and second is not None and second.tag == "NNS" and second.text.islower()


# Words whose right replacement depends on the context ("their" may be "there" or "they're").
_RESOLVERS: dict[str, Callable[[_Reader, int, Word], Hit | None]] = {"their": _their, "there": _there}


def _spelling(r: _Reader, speller: Any, vocab: frozenset[str]) -> Iterator[Hit]:
    known = speller.word_frequency.dictionary
    lexicon = words.speller()
    for i, word in enumerate(r.words):
        if _disguised(r.prose, word.start, word.end):
            continue  # "lea\u200bves", "b*tch": hidden-text and conduct report these, not as typos
        for start, part in _parts(word):
            if _plausible(r, word, part, start, known, vocab, lexicon) or _foreign_stretch(r, i, lexicon):
                continue
            lower = part.lower()
            # Two-edit corrections only for a lower-case word: a capitalized unknown is likelier a name,
            # unless spaCy reads it as part of a date ("on Wensday at 6"): then a weekday or month is near.
            dated = word.entity_label in ("DATE", "TIME")
            found = lexicon.corrections(lower, two_edits=part[0].islower() or r.sentence_start(i) or dated)
            if dated and part[0].isupper():
                found = [c for c in found if c[0] in _CALENDAR_WORDS] or found
            if part[0].isupper() and r.sentence_start(i):
                # A capitalized first word may be a name ("Tioga County"): only a slip of a common word
                # counts, and before another capitalized word ("Baca County") only a swap of two letters.
                # Two edits only for a long word ("Rememember"): a short one is likelier a name ("Maeve").
                named = (nxt := r.next(i)) is not None and nxt.capitalized and nxt.lower != "i"
                found = [
                    c
                    for c in found
                    if _swapped(lower, c[0]) or not named and (lexicon.zipf(c[0]) or 0) >= 4.5 and (c[1] == 1 or len(lower) >= 8)
                ]
            elif part[0].isupper():
                # A capitalized word mid-sentence is likelier a name ("Cass", "Darke") than a typo,
                # unless two of its letters are swapped around a common word ("Hsitory", "Udpate").
                found = [
                    c
                    for c in found
                    if (lexicon.zipf(c[0]) or 0) >= 4.0 and _swapped(lower, c[0]) or dated and c[0] in _CALENDAR_WORDS
                ]
            else:
                # Two edits count only toward a common word and from a word of six letters or more:
                # "keiki" and "temporada" are two edits from "kevin" and "temporary" too.
                found = [c for c in found if c[1] == 1 or len(lower) >= 6 and (lexicon.zipf(c[0]) or 0) >= 4.6]
            if found and len(lower) == 3 and not any(c in "aeiouy" for c in lower):
                # No vowel: a shortening ("brn hair") unless it is a slip of a very common word ("wth").
                found = [c for c in found if (lexicon.zipf(c[0]) or 0) >= 6.0]
            if part[0].isupper():
                found = [c for c in found if not _a_name(c[0])]
            if not found:
                continue  # nothing close: more likely a name or a word we do not know than a typo
            fixes = tuple(match_case(part, c[0]) for c in found)
            yield Hit.of("spelling", start, start + len(part), fixes, word=part, fixed=fixes[0])


def _a_name(word: str) -> bool:
    """A census given name or surname that is no everyday word nor a common one such as a month
    ("leon", "burton"; not "first", "november"): a capitalized word a slip away from one is
    likelier another name ("Elon", "Bruton") than a typo."""
    names = census_names()
    if names is None or word not in names[0] and word not in names[1] or everyday_word(word):
        return False
    return (words.speller().zipf(word) or 0) < 5.0


class WordJudge:
    """The builtin speller's view of one post, for LanguageTool's speller matches: a word it
    knows or excuses here (the word lists, a name spaCy found, a shortening, "child(ren)", a
    Spanish stretch) is no more a typo when LanguageTool calls it one."""

    def __init__(self, doc: Document, extra_vocabulary: Iterable[str] = ()) -> None:
        self._reader = _Reader(doc)
        self._starts = {w.start: i for i, w in enumerate(self._reader.words)}
        self._known = spellchecker().word_frequency.dictionary
        self._vocab = vocabulary(tuple(extra_vocabulary))
        self._lexicon = words.speller()

    def excused(self, start: int, text: str) -> bool:
        i = self._starts.get(start)
        if i is None:
            return all(self._lexicon.known(p) for p in re.findall(r"[a-z']+", text.lower()) if len(p) > 1)
        word = self._reader.words[i]
        r, lexicon = self._reader, self._lexicon
        if _foreign_stretch(r, i, lexicon):
            return True
        return all(_plausible(r, word, part, at, self._known, self._vocab, lexicon) for at, part in _parts(word))


# Spanish words English dictionaries also list ("la", "de"): beside an unknown word, a sign of Spanish.
_SPANISH = frozenset("la las el los de del en y para por con una es que su sus al este esta estas".split())


def _foreign_stretch(r: _Reader, i: int, lexicon: words.Speller) -> bool:
    """A word among accented, unknown or Spanish words ("información sobre la", "sigue este enlace")
    is another language's, not an English typo: two such words among the three on each side."""
    strange = 0
    for k in range(max(0, i - 3), min(len(r.words), i + 4)):
        other = r.words[k]
        if k != i and other.text.isalpha():
            if not other.text.isascii() or other.lower in _SPANISH or not lexicon.known(other.lower):
                strange += 1
                # right beside it, an accented word or another unknown lower-case one ("casos
                # detectados", "Mālama pono"): a phrase of another language, not two typos in a row
                if abs(k - i) == 1 and (not other.text.isascii() or other.text.islower() and len(other.text) > 3):
                    return True
    return strange >= 2


_DISGUISE = frozenset("*$@!|#" + "\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\ufeff")


def _disguised(prose: str, start: int, end: int) -> bool:
    """A word glued to an invisible character or a masking symbol is not a plain typo."""
    before = prose[start - 1] if start else ""
    after = prose[end] if end < len(prose) else ""
    return before in _DISGUISE and bool(before) or after in _DISGUISE and bool(after)


def _swapped(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with two neighbouring letters swapped."""
    if len(word) != len(candidate) or word == candidate:
        return False
    diff = [k for k in range(len(word)) if word[k] != candidate[k]]
    return (
        len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == candidate[diff[1]] and word[diff[1]] == candidate[diff[0]]
    )


def _parts(word: Word) -> Iterator[tuple[int, str]]:
    text = word.text
    if re.search(r"n['\u2019]t$", text.lower()):
        return  # "doesn't", "isn't": contractions are checked by other rules
    stem = re.sub(r"['\u2019](?:s|d|ll|re|ve|m)$", "", text, flags=re.IGNORECASE)
    if any(c in _APOSTROPHES for c in stem):
        return
    yield word.start, stem


def _plausible(r: _Reader, word: Word, part: str, start: int, known: dict, vocab: frozenset[str], lexicon: words.Speller) -> bool:
    """True when ``part`` should not be called a misspelling."""
    if len(part) < 3 or not part.isalpha() or not part.isascii():
        return True
    lower = part.lower()
    if lexicon.known(lower) or lower in vocab or part in vocab:
        return True
    if len(lower) >= 4 and not any(c in "aeiouy" for c in lower):
        return True  # no vowel at all: a deliberate shortening ("wknd", "bldg", "mgmt"), not a slip
    if part != lower and not (part[0].isupper() and part[1:].islower()):
        return True  # capitals inside or throughout: an abbreviation or a brand ("FEMA", "iPhone")
    if word.entity_label in _NAME_ENTITIES or re.search(r"(.)\1\1", lower):
        return True  # a person, place or group spaCy recognised, or "sooo" style emphasis
    before = r.prose[start - 1 : start]
    after = r.prose[start + len(part) : start + len(part) + 2]
    if before and unicodedata.category(before) == "Cf" or after[:1] and unicodedata.category(after[:1]) == "Cf":
        return True  # split by an invisible character: the hidden-text check reports that
    if before and before in "@#/._-\\" or after[:1] in ("@", "/", "_", "-") or (after[:1] == "." and after[1:2].isalpha()):
        return True  # part of a handle, path, domain or compound
    if before == "(" and r.prose[start - 2 : start - 1].isalpha() or before and before in "\u2018\u2019'":
        return True  # "child(ren)", "\u2018ohana", "'til": a written-out option or an elision
    if after[:1] in _APOSTROPHES and lower.endswith("in") and lexicon.known(lower + "g"):
        return True  # "Lookin' good", "nothin'": a dropped g the apostrophe marks
    if after[:1] == "\u2026" or r.prose[start + len(part) : start + len(part) + 3] == "...":
        return True  # "Nearly all coun\u2026": a post cut short mid-word
    if (
        after[:1] == "."
        and len(part) <= 4
        and not re.match(r"\.(?:\s+[A-Z]|\s*$)", r.prose[start + len(part) : start + len(part) + 3])
    ):
        return True  # an abbreviation: "dept., and", "ext. 4"
    return _derived(lower, lexicon, vocab) or _british(lower, known)


_NAME_ENTITIES = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"})


_BRITISH = tuple((pattern, american) for pattern, american in _SPELLING["british"])


def _british(lower: str, known: dict) -> bool:
    """A British spelling ("favourite", "centre", "organise") is not a typo."""
    for pattern, american in _BRITISH:
        converted = re.sub(pattern, american, lower)
        if converted != lower and known.get(converted, 0) >= 100:
            return True
    return False


_PREFIXES = tuple(_SPELLING["prefixes"])


def _derived(lower: str, lexicon: words.Speller, vocab: frozenset[str]) -> bool:
    """Plurals, prefixes and compounds of known words: "daycares", "unvaccinated", "handwashing"."""

    def ok(w: str) -> bool:
        return lexicon.known(w) or w in vocab

    for suffix in ("s", "es", "'s"):
        stem = lower[: -len(suffix)]
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue  # "houres" is no plural of "hour"
        if lower.endswith(suffix) and len(stem) >= 3 and ok(stem):
            return True
    for suffix in ("able", "less", "ness"):
        # "compostable", "touchless": a known word and a living suffix, unless a slip as below.
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4 and ok(lower[: -len(suffix)]):
            return not any(edits == 1 and score >= 3.0 for _, edits, score in lexicon.corrections(lower, two_edits=False))
    for prefix in _PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 4 and ok(lower[len(prefix) :]):
            # ... unless it is one slip from a common word: "untill" is "until", not "un" + "till".
            return not any(edits == 1 and score >= 3.0 for _, edits, score in lexicon.corrections(lower, two_edits=False))
    return False


def _on_parse(rule: Callable[[Any], Iterable[Hit]]) -> Callable[[_Reader], Iterable[Hit]]:
    """A parse rule (syntax.py) as a word rule: it reads the spaCy Doc, and finds nothing without one."""
    return lambda r: rule(r.doc.nlp) if r.doc.nlp is not None else ()


def _on_parse_with_text(rule: Callable[[Any, str], Iterable[Hit]]) -> Callable[[_Reader], Iterable[Hit]]:
    """A parse rule about one word, handed the parsed text too, to find the word without a pass over every token."""
    return lambda r: rule(r.doc.nlp, r.prose) if r.doc.nlp is not None else ()


_RULES = (
    ("apostrophe", _apostrophe),
    ("lowercase-i", _lowercase_i),
    ("repeated-word", _repeated_word),
    ("a-an", _a_an),
    ("agreement", _agreement),
    ("confusable", _confusable),
    ("confusable", _on_parse_with_text(syntax.there_for_their)),
    ("confusable", _on_parse_with_text(syntax.past_for_passed)),
    ("agreement", _on_parse(syntax.agreement)),
    ("agreement", _on_parse(syntax.determiner_agreement)),
    ("agreement", _on_parse(syntax.expletive_agreement)),
    ("agreement", _on_parse(syntax.number_agreement)),
    ("verb-form", _on_parse(syntax.verb_form)),
    ("verb-form", _on_parse(syntax.bare_participle)),
    ("relative", _on_parse(syntax.relative)),
    ("apostrophe", _on_parse(syntax.apostrophe)),
    ("sentence-case", _sentence_case),
    ("spelling", _spelling),
)
