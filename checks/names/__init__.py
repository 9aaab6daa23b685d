"""names: people named in a post, who may need to consent or be left out.

Who they are decides the rule (``who.py``): a child with an age, grade, school
or street (names/child, an error), someone in their job (names/staff, a note
until officials are configured) or anyone else (names/person).

Starts from spaCy's PERSON entities on the document's single Doc (the runner
builds it once, with NER only) and refines them: names that are part of a
place, building or event ("George Green Park", "Martin Luther King Jr. Day"),
pets, public officials after their title ("Governor Walz"), public figures,
and the officials the city lists in ``[names] allow`` are left alone. The US
census name lists of the ``names`` package decide whether a lone capitalised
word is a given name, and catch "given name + surname" the model labels as an
organisation or misses after "Thanks to", "Meet", "call".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.api import COMMENTS, PROFILES, Check, Context, Option, SkipCheck, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text.consent import consent_read, covered
from post_lint.text.people import census_names, everyday_word

from . import who
from .disguised import disguised_names
from .duty import in_public_duty
from .history import historical_figure
from .officials import Officials, clean_name
from .works import is_author

_HERE = Path(__file__).parent
_NAME_TOKEN = re.compile(r"(?:[A-Z][a-z]*\.?|[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|I{2,3}|IV)$")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


@lru_cache(maxsize=16)
def _words(file: str, extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in load_word_list(_HERE / file, extra))


@lru_cache(maxsize=16)
def _phrase_pattern(file: str, extra: tuple[str, ...], suffix: str = "", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Any phrase of a word-list file, as whole words."""
    phrases = sorted(load_word_list(_HERE / file, extra), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![\w&])(?:{body})(?![\w&]){suffix}", flags)


def _looks_like_a_name(text: str) -> bool:
    """Every word capitalised like a name: "Jane Olson", "J. R. McNeil", not "COVID" or "the Smiths"."""
    words = text.split()
    if not words or len(words) > 5:
        return False
    return all(w in _SUFFIXES or _NAME_TOKEN.match(w) for w in words) and any(len(w.rstrip(".")) > 1 for w in words)


def _pet(text: str, start: int, end: int, pets: re.Pattern[str], single: bool) -> bool:
    """ "our dog Max", "Max, a brown lab", "a cat named Luna", "Luna the cat"; a lone first
    name with an animal word just after it ("Have you seen Luna? Our gray tabby ...")."""
    before = text[max(0, start - 25) : start]
    if single and re.search(rf"\b{pets.pattern}\b", text[end : end + 60], re.IGNORECASE):
        return True
    if re.search(rf"\b{pets.pattern}\W{{0,4}}(?:named\s+|called\s+)?$", before, re.IGNORECASE):
        return True
    return _pet_after(text, end, pets)


def _pet_after(text: str, end: int, pets: re.Pattern[str], closed: bool = False) -> bool:
    """ "Max, a brown lab", "Officer Zeus, our K-9": an animal word in the apposition right after;
    ``closed``: the apposition ends with it ("our K-9,", not "our K-9 handler")."""
    article = r"(?:['’]s)?,?\s+(?:is\s+|was\s+)?(?:a|an|the|our|my|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    ending = r"(?=\s*(?:[,.;:!?)]|$))" if closed else r"\b"
    return bool(re.match(rf"{article}{pets.pattern}{ending}", text[end : end + 40], re.IGNORECASE))


def _census_names() -> tuple[frozenset[str], frozenset[str]]:
    found = census_names()
    if found is None:
        raise SkipCheck("the names check needs the 'names' package (pip install names)")
    return found


# Labels the small model gives to names it does not see as people ("Noah Fischer" as ORG).
_OTHER_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
_HONORIFIC = re.compile(r"\b(?:" + "|".join(map(re.escape, load_word_list(_HERE / "honorifics.txt"))) + r")\.?\s+$")


def _words_of(name: str) -> list[str]:
    return [w for w in name.split() if w not in _SUFFIXES]


def _key(word: str) -> str:
    if re.search(r"n['’]t$", word):
        return word.lower()  # "Don't" is no "Don"
    word = re.sub(r"^([OD])['’](?=[A-Z])", r"\1", word)  # "O'Connor" is the surname "oconnor"
    return re.sub(r"['’].*$", "", word).rstrip(".").lower()


# Words that greet or introduce the person after them, which the model may fold into an entity.
_GREETINGS = frozenset({"meet", "welcome", "congratulations", "congrats", "thanks", "thank", "kudos", "hello", "hi"})


def _candidates(doc: Document, titles: frozenset[str], given: frozenset[str], surnames: frozenset[str]):
    """(start, end, name) of each entity that may be a person, titles and possessives trimmed."""
    text = doc.text
    for ent in doc.nlp.ents:
        if ent.label_ != "PERSON" and ent.label_ not in _OTHER_LABELS:
            continue
        start = ent.start_char
        trimmed = re.sub(r"(?:['’]s?|[.,:;!?])+$", "", text[start : ent.end_char])
        # Drop titles and, in a PERSON, other words in front of the given name ("Mom Sarah Tran",
        # "Flash Flood Warning"); a first name the 1990 census lists lack stays ("Amir Haddad").
        # A surname the census lists stays ("Harper Quinn"). Outside a PERSON only a greeting goes
        # ("Meet Darnell Hughes", which the model calls an organisation; not "Elevate Denver Bond").
        while (m := re.match(r"(\S+)\s+(\S+)", trimmed)) and (
            _key(m.group(1)) in titles
            or (ent.label_ != "PERSON" and _key(m.group(1)) in _GREETINGS)
            or (
                ent.label_ == "PERSON"
                and _key(m.group(1)) not in given
                and (
                    everyday_word(m.group(1))
                    # "Jayden Cole": a given name the census lacks (and no word at all) before a surname that is
                    # also a given name stays; "Councilor Darrell", "Ft Morgan" lose their first word
                    or (
                        _key(m.group(2)) in given
                        and _key(m.group(1)) not in surnames
                        and (len(trimmed.split()) > 2 or len(m.group(1)) < 4 or everyday_word(m.group(1), 1))
                    )
                )
            )
        ):
            start, trimmed = start + m.start(2), trimmed[m.start(2) :]
        # "Tanya Greer of Maple Bend" taken whole for an organisation: the name before "of" or "from".
        cut = re.match(r"(\S+(?:\s+\S+){1,2})\s+(?:of|from)\s", trimmed) if ent.label_ != "PERSON" else None
        if cut and _looks_like_a_name(cut.group(1)):
            trimmed = cut.group(1)
        words = _words_of(trimmed)
        if not words or not _looks_like_a_name(trimmed):
            continue
        # "Hope Carlson, 12": the model's one-word PERSON after a given name that is also a word.
        before = re.search(r"(?<![\w'’])([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
        determiner = (
            re.search(r"\b(?:the|a|an|old|new|former|our|this)\s+$", text[max(0, start - 40) : start - len(before.group(0))])
            if before
            else None
        )
        if ent.label_ == "PERSON" and len(words) == 1 and before and _key(before.group(1)) in given and not determiner:
            start, trimmed = start - len(before.group(0)), before.group(1) + " " + trimmed
            words = _words_of(trimmed)
        if ent.label_ != "PERSON":
            # Only a plain given name + surname: "Noah Fischer", not "Mercy Hospital"; or a given name
            # after a person noun, whatever the surname ("Sanitation worker Eddie Ngata").
            person_before = _phrase_pattern("apposition-nouns.txt", (), r",?\s+$").search(text[max(0, start - 30) : start])
            last_ok = _key(words[-1]) in surnames or bool(person_before and not everyday_word(words[-1]))
            if not (2 <= len(words) <= 3 and _key(words[0]) in given and last_ok):
                continue
        yield start, start + len(trimmed), trimmed


# After a cue word, or after a child's age or grade ("10-year-old Tommy", "fourth grader Mia").
_CHILD = r"\b(?:\w+|\d{1,2})[- ](?:years?|yrs?)[- ]old|\b\w+[- ]grader|\bkindergart[ne]+r|\bpreschooler"
# A child's age or grade just before a name (searched in the text before it).
_CHILD_BEFORE = re.compile(rf"(?i:{_CHILD}),?\s+$")


@lru_cache(maxsize=8)
def _after_cue_patterns(cues: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A capitalised name after a person cue or a child's age; and a child's age just before a name."""
    pattern = re.compile(
        rf"(?:(?i:{cues})|(?i:{_CHILD})),?\s+(?P<first>[A-Z][a-z]+)(?:\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?\b"
    )
    return pattern, _CHILD_BEFORE


def _missed_by_the_model(doc: Document, cues: re.Pattern[str], given: frozenset[str], surnames: frozenset[str]):
    """Names right after a person cue that no entity covers ("Thanks to Emily from ...")."""
    text = doc.text
    # A name inside a longer entity is part of a place ("Lincoln Elementary"); the model's one-word
    # place or group for a given name after a cue is a person ("Contact owner Becky").
    covered = [(e.start_char, e.end_char) for e in doc.nlp.ents if e.label_ != "PERSON" and len(e) > 1]
    pattern, child_age = _after_cue_patterns(cues.pattern)
    for m in pattern.finditer(doc.prose):
        # "Little Mason Hale" taken whole for an organisation: the cue opening it says the model misread a person.
        cue_inside = [(s, e) for s, e in covered if s == m.start()]
        after_age = bool(child_age.search(doc.prose, 0, m.start("first")))
        if m.group("first").lower() not in given and not after_age:
            continue  # after "10-year-old" any capitalised word is a child ("Aiden" is not in the 1990 lists)
        last = m.group("last")
        end = m.end("last") if last and (last.lower() in surnames or after_age) else m.end("first")
        start = m.start("first")
        # The model calls "10-year-old Tommy" a place; after a child's age it is a child.
        if after_age or not any(s < end and start < e for s, e in covered if (s, e) not in cue_inside):
            yield start, end, text[start:end]


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*$")
# The first names of a list of places: "Logan, Morgan, Phillips, and Washington Counties".
_COUNTY_LIST = re.compile(
    r"(?:\s*(?:,|&|and|,\s*and)\s+[A-Z][\w'’.-]*){1,8}\s+(?i:counties|cities|townships|parishes|towns|villages)\b"
)


def _in_a_place_name(text: str, start: int, end: int, states: re.Pattern[str], facility: frozenset[str]) -> bool:
    """Context that makes a capitalised word part of a place or a longer proper noun.

    "Sherman Health Department", "Preparedness Kit" (glued to another capitalised
    word), "Harrison, Nicholas, and Scott Counties" (inside a list of names of
    places), "Mall, Stuart" and "515 N Walnut, Sherman" (a town after a venue or
    address), "in Lawrence", "Winter Haven, FL".
    """
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    if re.match(rf",\s*(?:{states.pattern})\b", after):
        return True
    glued_after = re.match(r" ([A-Z][a-z]\w*)", after)
    prev = re.search(r"(\S+)( +)$", before)
    glued_before = prev and _CAPITALISED.match(prev.group(1)) and not re.search(r"(?:^|[.!?:\n]\s*)\S+ +$", before)
    glued_before = glued_before or bool(prev and re.fullmatch(r"[A-Z]{2,6}", prev.group(1)))  # "FDOH Lee"
    if glued_after or glued_before:
        return True
    if re.search(r"\b(?:in|near|outside|downtown)\s+(?:(?:north|south|east|west)(?:ern)?\s+)?$", before, re.I):
        return True
    # "Garfield and Endicott Flu Clinics", "Alexander and Pulaski counties": the first of a list of places.
    plural = re.match(r"\s*(?:,|&|and)\s+[A-Z]\w+\s+(?:[A-Z]\w+\s+)?([A-Za-z]+?)(?:ies|s)\b", after)
    if plural and (plural.group(1).lower() in facility or plural.group(1).lower() + "y" in facility):
        return True
    listed_before = re.search(r"[A-Z]\w*\s*(?:,|&|,?\s+and)\s*$", before)
    listed_after = re.match(r"\s*(?:,|&|,?\s+and\s)\s*(?:and\s+)?[A-Z]", after)
    if listed_before and listed_after:
        return True
    # A town after a venue or an address: "Square Mall, Stuart", "515 N Walnut, Sherman".
    return bool(re.search(r"(?:\b[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*|\d+\s+[\w .]+),\s*$", before))


@dataclass(frozen=True)
class _Lists:
    """The word lists and patterns one run reads, with the user's extras."""

    given: frozenset[str]
    surnames: frozenset[str]
    officials: Officials
    roles: who.Lists
    facility: frozenset[str]
    not_names: frozenset[str]
    word_names: frozenset[str]
    public_figures: frozenset[str]
    public_figure_phrases: re.Pattern[str]
    titles: frozenset[str]
    leading_titles: frozenset[str]  # titles and job words trimmed off the front of an entity
    pets: re.Pattern[str]
    public_title: re.Pattern[str]
    states: re.Pattern[str]
    person_nouns: re.Pattern[str]
    not_name_phrases: re.Pattern[str]


def _lists(ctx: Context) -> _Lists:
    # Its own [names] allow, the body's officials and the names a post has consent for (ctx.facts).
    allowed = tuple(dict.fromkeys((*ctx["allow"], *ctx.facts.officials)))
    extra = tuple(
        tuple(ctx[key]) for key in ("extra-staff-roles", "extra-facility-words", "extra-not-names", "extra-public-titles")
    )
    return _lists_for(allowed, *extra)


@lru_cache(maxsize=32)
def _lists_for(
    allowed: tuple[str, ...],
    extra_roles: tuple[str, ...],
    extra_facility: tuple[str, ...],
    extra_not_names: tuple[str, ...],
    extra_public_titles: tuple[str, ...],
) -> _Lists:
    """The lists for one config (and one post's consents): the same for every post of a run, so
    made once, not for each post (parsing the officials was a fifth of the check's time)."""
    given, surnames = _census_names()
    return _Lists(
        given=given,
        surnames=surnames,
        officials=Officials.parse(allowed, _words("titles.txt", ()), given),
        roles=who.lists(extra_roles),
        facility=_words("facility-words.txt", extra_facility),
        not_names=_words("not-names.txt", extra_not_names),
        word_names=_words("word-names.txt", ()),
        # Compared as clean_name keys: "Susan B. Anthony" is "susan anthony".
        public_figures=frozenset(clean_name(w).lower() for w in load_word_list(_HERE / "public-figures.txt")),
        public_figure_phrases=_phrase_pattern("public-figures.txt", (), flags=0),
        titles=_words("titles.txt", ()),
        # "Dispatcher Kelly Munn", which the model may take whole for a title of a work; not "Mason" in "Mason Hale"
        leading_titles=_words("titles.txt", ()) | (_words("staff-roles.txt", extra_roles) - given),
        pets=_phrase_pattern("pet-words.txt", ()),
        public_title=_phrase_pattern("public-titles.txt", extra_public_titles, r",?\s*(?:Dr\.?\s*)?$"),
        states=_phrase_pattern("us-states.txt", (), flags=0),
        person_nouns=_phrase_pattern("person-nouns.txt", ()),
        # "Johnson & Johnson": an entity inside a phrase that is not a person.
        not_name_phrases=_phrase_pattern("not-names.txt", extra_not_names),
    )


def _not_a_person(doc: Document, start: int, end: int, name: str, lists: _Lists, full_names: list[str]) -> bool:
    """A candidate that names no private person: a place, a brand, a pet, a public figure or official."""
    text, words = doc.text, _words_of(name)
    key = clean_name(name).lower()
    if not key or key in lists.not_names or key.split()[0] in lists.not_names or key in lists.public_figures:
        return True
    if _historical(text, start, doc.sentence_at(start)) or historical_figure(doc, start, end):
        return True  # a figure of history
    if is_author(doc, start, end) and not who.child_detail(text, start, end, doc.sentence_at(start), lists.roles):
        return True  # an author named for a book ("a novel by Louise Penny"); not a fifth grader's essay
    if any(s < end and start < e for s, e in _spans(lists.public_figure_phrases, text)):
        return True  # "the Lewis and Clark expedition": a name inside a public figure's
    # A hashtag that is only a name ("#MariaGonzalez") names the person; a name inside a link does not.
    tag = doc.token_at(start)
    in_token = doc.overlaps_token(start, end) and not (
        tag is not None and tag.kind == "hashtag" and (tag.start, tag.end) == (start, end)
    )
    if in_token or any(s < end and start < e for s, e in _spans(lists.not_name_phrases, text)):
        return True
    if re.search(r"\d\s+$|\d[\d)-]*\s*\($", text[max(0, start - 12) : start]) or _COUNTY_LIST.match(text, end):
        return True  # "814 Jefferson" (a street), "722-6300 (Roosevelt)", "Logan, Morgan and Washington Counties"
    household = bool(re.search(r"\b[Tt]he\s+$", text[max(0, start - 4) : start])) and _key(name) in lists.surnames
    if (
        len(words) == 1
        and not household  # "the Harlow family" is a household, "an Anoka family" a town's
        and (
            (text[end : end + 1] == " " and lists.person_nouns.match(text, end + 1))  # "a 10-year-old Aurora girl"
            or re.search(rf"{lists.person_nouns.pattern}(?:\s+[\w']+){{0,3}}\s+from\s+$", text[max(0, start - 50) : start], re.I)
        )
    ):
        return True  # a town, not a name: "an Anoka man", "a woman in her 70s from Graham"
    if _not_a_name_by_shape(text, start, end, words, lists, full_names):
        return True
    honorific = _HONORIFIC.search(text[max(0, start - 12) : start])
    if honorific and re.search(
        rf"\b{lists.pets.pattern}\W{{0,4}}$", text[max(0, start - 40) : start - 12 + honorific.start()], re.I
    ):
        honorific = None  # "K9 Officer Bruno", "Lost cat: Mr. Whiskers": the pet's title, not a person's
    if len(words) == 1 and re.search(
        rf"\b{lists.pets.pattern}\W{{0,4}}(?:named\s+|called\s+|[A-Z][a-z]+\.?\s+)?{re.escape(name)}\b", text[:start], re.I
    ):
        return True  # "Good boy, Rex!" after "K-9 Officer Rex"
    if honorific and len(words) == 1 and _pet_after(text, end, lists.pets, closed=True):
        return True  # "Officer Zeus, our K-9": the title is the dog's
    kin = lists.roles.child_words.search(text[max(0, start - 12) : start]) or honorific
    if _pet(text, start, end, lists.pets, len(words) == 1) and not kin:
        return True  # "our dog Max", but "her son Jeremy ... found the dog" is a boy
    return lists.officials.allows(name, text, start)


_NAMESAKE = re.compile(
    r"\b(?:named\s+(?:for|after)|in\s+(?:honou?r|memory)\s+of|honou?ring|dedicated\s+to|legacy\s+of|birthplace\s+of)"
    r"\s+(?:the\s+late\s+)?(?:(?:longtime|former|beloved|local|late)\s+)?(?:[a-z]+\s+)?(?:[A-Z][\w.]*\s+){0,2}$"
)
_OLD_YEAR = re.compile(r"\b(?i:in|since|from|until|by|circa|the|built)\s+(?:1[6-8]\d\d|19[0-3]\d)\b|\((?:1[6-8]|19)\d\d\s*[-–]")


def _historical(text: str, start: int, sentence: tuple[int, int]) -> bool:
    """A namesake or a figure of history: "named for Andrew Carnegie", "in memory of", or a
    sentence that dates what the person did before 1940 ("who funded it in 1904")."""
    return bool(_NAMESAKE.search(text[max(sentence[0], start - 60) : start]) or _OLD_YEAR.search(text, *sentence))


def _not_a_name_by_shape(text: str, start: int, end: int, words: list[str], lists: _Lists, full_names: list[str]) -> bool:
    """Words that are not a person's name by themselves or by what surrounds them."""
    if (
        len(words) > 1
        and len(words[-1]) > 2  # not "Chatham Co."
        and not any(everyday_word(w) and _key(w) not in lists.surnames for w in words)
        and _CHILD_BEFORE.search(text[max(0, start - 30) : start])
    ):
        return False  # "11-year-old Jayden Brooks": a child's full name, even with a place word
    if len(words) == 1:
        # A lone word is a person when it is a given name (not also an everyday word),
        # a surname already used in full, or follows "Mr.", "Officer", ...
        word = _key(words[0])
        follow_up = any(_key(_words_of(full)[-1]) == word for full in full_names)
        if word in lists.surnames and re.match(rf"\s+{_HOUSEHOLD_NOUN}", text[end : end + 12]):
            return False  # "the Harlow family", "the Kowalski boys": a household by its surname
        if not (follow_up or _HONORIFIC.search(text[max(0, start - 12) : start])):
            # "Lily, who lost her fight with leukemia": a given name that is also a word, described by "who"
            who_next = word in lists.given and re.match(r",\s*who\b", text[end : end + 8])
            if (word not in lists.given or word in lists.word_names) and not who_next:
                return True
            if _in_a_place_name(text, start, end, lists.states, lists.facility):
                return True
    elif re.match(rf",\s*(?:{lists.states.pattern})\b", text[end : end + 30]) or re.search(r"\d\s+$", text[:start]):
        return True  # "Winter Haven, FL"; "250 William Howard Taft" (a street)
    elif not ((_key(words[0]) in lists.given and _key(words[0]) not in lists.word_names) or _key(words[-1]) in lists.surnames):
        return True  # "Spring Weather", "Summer Children's Party"
    # "Jennie-O", "Dr. James R. Smith Neighborhood Center", "Craig: 6" (a count by place)
    if re.match(r"-[A-Z]|:\s*\d|(?:['’]s)? [A-Z][a-z]", text[end : end + 4]) and not re.match(
        r"(?:,?\s+(?:Jr|Sr|II|III)\b)", text[end : end + 6]
    ):
        if len(words) > 1 or not re.match(r"(?:['’]s)? [A-Z]", text[end : end + 4]):
            return True
    if len(words) > 1 and any(_key(w) in lists.titles for w in words[1:]):
        return True  # "Mohave Sheriff", "Admin Clerk", "Dir Kleinschmidt": an office, not a name
    if len(words) > 1 and _key(words[0]) in lists.given and _HONORIFIC.search(text[max(0, start - 12) : start]):
        return False  # "Sgt. Leo Marsh": a title before a given name makes "Marsh" a surname
    # "George Green Park", "Martin Luther King Jr. Day", "St. Patrick's Day"
    after = re.match(r"(?:['’]s?|\.)?(?:,?\s+(?:Jr|Sr|II|III)\.?)?\s+([A-Z][A-Za-z]*)", text[end : end + 30])
    facility = lists.facility
    if _place_word_as_surname(text, start, end, words, lists) and not (after and after.group(1).lower() in facility):
        return False  # "its owner, Lenny Grove,", "our crossing guard, Ellen Marsh,": a person in apposition
    # "Dr. Patel's Family Clinic", "Bob Smith Family Chevrolet": a business a few capitalised words on
    business = re.match(r"(?:['’]s)?(?:\s+[A-Z][A-Za-z]*){1,2}\s+([A-Z][A-Za-z]*)", text[end : end + 40])
    return (
        any(_key(w) in facility or _key(w).removesuffix("s") in facility for w in words[1:])
        or bool(after and after.group(1).lower() in facility)
        or bool(business and business.group(1).lower() in facility)
    )


def _place_word_as_surname(text: str, start: int, end: int, words: list[str], lists: _Lists) -> bool:
    """A given name and a census surname that is also a place word ("Marsh", "Grove", "Park"), told
    apart from a place by a person noun right before it: "its owner, Lenny Grove"."""
    if len(words) != 2 or _key(words[0]) not in lists.given or _key(words[0]) in lists.word_names:
        return False
    before = _phrase_pattern("apposition-nouns.txt", (), r",?\s+$")
    # "Olivia Marsh, who turns 12 today": "who" follows a person, "which" a place.
    who_next = re.match(r"(?:,\s*|\s+)who\b", text[end : end + 8])
    return _key(words[1]) in lists.surnames and bool(who_next or before.search(text[max(0, start - 30) : start]))


@lru_cache(maxsize=8)
def _spans_cached(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in pattern.finditer(text))


def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    return _spans_cached(pattern, text)


class _Who:
    """Which rule a person falls under, remembering the post's children and staff for follow-ups."""

    def __init__(self, doc: Document, roles: who.Lists) -> None:
        self.doc, self.roles = doc, roles
        self.staff_words: set[str] = set()  # "Rachael" after "Rachael Soles, RN"
        self.child_names: dict[str, str] = {}  # first names already found to be children's, and what said so
        self.last_staff_end = -1

    def child(self, start: int, end: int, words: list[str]) -> str | None:
        text = self.doc.text
        found = who.child_detail(text, start, end, self.doc.sentence_at(start), self.roles)
        if not found and len(words) == 1:
            found = self.child_names.get(_key(words[0]))  # "Jeremy" again, after "her 9 year old son, Jeremy"
        if found:
            self.child_names[_key(words[0])] = found
        return found

    def role(self, start: int, end: int, words: list[str]) -> str | None:
        text = self.doc.text
        found = who.in_role(text, start, end, self.doc.sentence_at(start), self.roles)
        if not found and (
            (len(words) == 1 and _key(words[0]) in self.staff_words)
            or (self.last_staff_end >= 0 and re.fullmatch(r"\s*(?:,|&|and|,\s*and)\s*", text[self.last_staff_end : start]))
        ):
            found = "named with the staff before"  # "JCPH staff Jamie Huntley and Susan Vileta"
        if found:
            self.staff_words.update(_key(w) for w in words)
            self.last_staff_end = end
        return found


# The message of each rule, a str.format template ({name}, {detail}): data in messages.toml.
_MESSAGES: dict[str, str] = tomllib.loads((_HERE / "messages.toml").read_text(encoding="utf-8"))


# The nouns after a surname that make it one household: "the Harlow family", "the Kowalski boys".
_HOUSEHOLD_NOUN = r"(?:family|household|kids|boys|girls|children|twins|sisters|brothers)\b"
_ONE_CHILD = frozenset(
    {"son", "daughter", "grandson", "granddaughter", "toddler", "baby", "infant", "newborn", "niece", "nephew"}
)
_AFTER_CHILD_WORD = re.compile(r"\b(?P<kin>[a-z]+),?\s+(?P<first>[A-Z][a-z]{2,})\b(?![ ]+[A-Z])")
# A household by its plural surname that is no everyday word ("the Farmers' Market"), when the words
# around it make it a family's: "their house", "belongs to the Gundersons"; or a full name with that surname.
_PLURAL_SURNAME = re.compile(r"\b(?P<before>belongs?\s+to|owned\s+by)?\s*\b[Tt]he\s+(?P<name>[A-Z][a-z]+)s['’]?(?![\w'’])")


def _plural_households(text: str, lists: _Lists) -> list[tuple[int, int, str]]:
    found = []
    for m in _PLURAL_SURNAME.finditer(text):
        stem = m.group("name")
        if stem.lower() not in lists.surnames or stem.lower() in lists.not_names or stem.lower() in lists.facility:
            continue
        after = text[m.end() : m.end() + 60]
        family = re.search(
            r"\b(?:their|they)\s+(?:house|home|yard|family|kids|children|son|daughter|dog|cat|driveway|picked)\b", after
        ) or re.match(r"\s+(?:at|of|on)\s+\d{1,6}\s+[A-Z]", after)  # "the Hendersons at 55 Birch Lane": their house
        full_name = re.search(rf"\b[A-Z][a-z]+\s+{stem}\b", text)
        if full_name or (not everyday_word(stem) and (family or (m.group("before") or "").startswith(("belong", "owned")))):
            found.append((m.start("name"), m.end(), text[m.start("name") : m.end()]))
    return found


def _found(doc: Document, lists: _Lists) -> tuple[list[tuple[int, int, str]], set[tuple[int, int]]]:
    """Every candidate name, the model's and those it missed after a person cue, in text order;
    and the spans the words around them already show are people's (a child word, a household)."""
    text = doc.text
    certain: set[tuple[int, int]] = set()
    found = list(_candidates(doc, lists.leading_titles, lists.given, lists.surnames))

    def new(start: int, end: int) -> bool:
        """No candidate found so far overlaps ``start:end``."""
        return not any(s < end and start < e for s, e, _ in found)

    cues = _phrase_pattern("person-cues.txt", ())
    for start, end, name in _missed_by_the_model(doc, cues, lists.given, lists.surnames):
        if new(start, end):
            found.append((start, end, name))
    # "her toddler, Mateo", "our son Kai": after a child word a capitalised word the census lacks is a child.
    for m in _AFTER_CHILD_WORD.finditer(doc.prose):
        start, end, word = m.start("first"), m.end("first"), m.group("first")
        facility_next = re.match(r"\s+([A-Z][a-z]+)", text[end : end + 30])
        if (
            m.group("kin").lower() in _ONE_CHILD
            and not everyday_word(word)
            and word.lower() not in lists.not_names
            and not (facility_next and facility_next.group(1).lower() in lists.facility)
            and new(start, end)
        ):
            found.append((start, end, word))
            certain.add((start, end))
    # "the Gundersons; they picked her up": a household by its plural surname.
    for span in _plural_households(text, lists):
        if new(span[0], span[1]):
            found.append(span)
            certain.add(span[:2])
    # "the Harlow family": a household by its surname, which the model may not see.
    for m in re.finditer(rf"\b[Tt]he\s+(?P<name>[A-Z][a-z]+)\s+{_HOUSEHOLD_NOUN}", doc.prose):
        start, end = m.span("name")
        if m.group("name").lower() in lists.surnames and new(start, end):
            found.append((start, end, m.group("name")))
    # "jane smith", "JANE SMITH", "Ｊａｎｅ Ｓｍｉｔｈ", "#MariaGonzalez": names the model cannot see.
    for start, end, name in disguised_names(doc, lists.given, lists.surnames):
        if new(start, end):
            found.append((start, end, name))
    return sorted(found), certain


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.nlp is None:
        raise SkipCheck("no spaCy Doc: the names check needs spaCy's named-entity recognizer")
    lists = _lists(ctx)
    text = doc.text
    consent = consent_read(doc)
    configured = bool(ctx["allow"] or ctx.facts.officials)
    staff_severity = ctx.severity if ctx["staff-names"] == "flag" or (ctx["staff-names"] == "auto" and configured) else "info"
    found, certain = _found(doc, lists)
    full_names = [name for _, _, name in found if len(_words_of(name)) > 1]
    tracker = _Who(doc, lists.roles)
    agreed = covered(text, consent, found)
    not_people: set[str] = set()
    for index, (start, end, name) in enumerate(found):
        if (start, end) not in certain and (name in not_people or _not_a_person(doc, start, end, name, lists, full_names)):
            if len(_words_of(name)) == 1:
                not_people.add(name)  # "Rex" again, after "K-9 Officer Rex"
            continue
        # "Governor Walz", "Sen. Amy Klobuchar": a public official acting in public.
        if ctx["public-officials"] and lists.public_title.search(text[max(0, start - 40) : start]):
            continue
        words = _words_of(name)
        child = tracker.child(start, end, words)
        if child:
            if not consent.parent:
                message = _MESSAGES["child"].format(name=name, detail=child)
                yield ctx.finding("child", message, start, end - start, severity=ctx["child-severity"])
            continue
        if index in agreed or who.vocative_in_reply(text, start, end):
            continue  # "shared with her permission"; "@jsmith Absolutely, Scott."
        role = tracker.role(start, end, words)
        if role and staff_severity != "info" and in_public_duty(doc, start, end, ctx.facts.employer_names):
            continue  # "Town Clerk Maria Delgado reminds voters ...": the body speaking through its staff
        if role:
            message = _MESSAGES["staff"].format(name=name, detail=role)
            yield ctx.finding("staff", message, start, end - start, severity=staff_severity)
            continue
        yield ctx.finding("person", _MESSAGES["person"].format(name=name, detail=""), start, end - start)


CHECK = Check(
    name="names",
    description="People's names: private residents, employees, children (an error), patients (consent and discretion).",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Not providing private or confidential information, or using such material as part of any "
    "content added to a site. Use discretion when including names.",
    run=run,
    nlp=("ner",),
    options={
        "allow": Option(
            [],
            'officials and staff the city has decided may be named, e.g. "Mayor Erik Skogquist"; '
            "matched with or without titles and possessives, and in follow-ups by last name "
            '("Mayor Skogquist") or, after the full name, by first name',
            list,
            item_type=str,
        ),
        "public-officials": Option(
            True, "leave alone names right after a public-office title (Governor, Senator, Commissioner, ...)"
        ),
        "extra-public-titles": Option([], "more public-office titles, beside the bundled public-titles.txt", list, item_type=str),
        "extra-facility-words": Option(
            [], 'more words that make a name a place or event ("Pavilion"), beside facility-words.txt', list, item_type=str
        ),
        "extra-not-names": Option([], "more words the model mistakes for people, beside not-names.txt", list, item_type=str),
        "extra-staff-roles": Option(
            [], "more job titles that name someone in their role, beside staff-roles.txt", list, item_type=str
        ),
        "staff-names": Option(
            "auto",
            'names given with a job or professional title (names/staff): "auto" notes them (info) until the '
            'config lists any official, then flags them like any name; "info" always notes; "flag" always flags',
            str,
            ("auto", "info", "flag"),
        ),
        "child-severity": Option(
            "error",
            "severity of names/child (a named child with an age, grade, school or home street)",
            str,
            ("error", "warning", "info"),
        ),
    },
    rules={
        "names/person": "a person's name that is not an allowed official, a public official after their title, "
        "a public figure, an author named for their book, a pet, or part of a place or event name, with no "
        "consent noted for them; also in lower case, capitals, fullwidth or "
        "mathematical letters, or as a whole hashtag (#MariaGonzalez)",
        "names/child": "(error) a child named with their age, grade, school or home street, with no parent's consent noted",
        "names/staff": "a name given with a job or professional title ('clerk Megan Howe', 'Julie Hanson, RN'); "
        "info until the config lists officials",
    },
    doc="""
    The policy asks staff to "use discretion when including names", and lists
    "private, personal information published without consent" among content
    to hide. This check points at each person named in a post, so the author
    can confirm the person agreed or leave the name out: a resident thanked by
    name, an employee, a child, a patient.

    It reads the names spaCy's named-entity recognizer finds, and leaves alone:
    names inside places, buildings and events ("George Green Park", "Peter Anoka
    Park", "Martin Luther King Jr. Day"), organisations, pets ("our dog Max"),
    public officials right after their title ("Governor Walz", "Sen. Amy
    Klobuchar", "Health Officer Dr. Lee"), well-known public figures (also with
    a middle initial: "Susan B. Anthony"), authors named for their work (read
    through the parse: "mysteries by Louise Penny", "written by Richard Osman",
    "Kingsolver's novel", "author Tim Hanley", "a memoir from Tara Westover",
    "watercolors painted by Hollis Grant", "who wrote <title>"; works.txt),
    figures of local history ("Civil War veteran Amos Tuttle", "the town's
    first blacksmith"; history.txt), the person a reply
    answers ("@jsmith Absolutely, Scott."), and the officials and staff the
    city has decided may be named. A pet stays a pet later in the post ("K-9
    Officer Rex ... Good boy, Rex!"). After a child word any capitalised name
    is a child's ("her toddler, Mateo"), and a plural surname is a household
    when the words around it say so ("belongs to the Gundersons", "the
    Gundersons: their house").

    Who the person is decides the rule:

    - a child named with an age, a grade, a school or the street they live on
      ("Noah and Ava Berg, ages 9 and 6", "Lily Chen, a fourth grader at
      Franklin Elementary", "10-year-old Tommy") is names/child, an error by
      default (child-severity): naming a minor needs a parent's consent;
    - someone named with a job or professional title ("utility billing clerk
      Megan Howe", "Julie Hanson, RN", "Dr. Lee", "Ty Tover, a peer counselor
      with the health department") is names/staff: a note (info) until the
      config lists any official, then flagged like any other name, except
      staff tied to a public body and acting for it ("Town Clerk Maria Delgado
      reminds voters", "Jenna Holloway, the County's emergency coordinator,
      will brief residents"; read through the parse, public-duty.txt);
    - anyone else is names/person.

    A post that says it has consent ("shared with her permission", "Isaiah
    is sharing his story", "Sam gave his okay") names those adults freely; a
    child needs a parent's ("with his parents' permission"). One person's
    consent ("her permission", "Gloria's consent", or in the post's own
    words, read through the parse: "was kind enough to let us share her
    photo", "he happily agreed", "gave her consent for this feature") covers
    that person, the
    name in or nearest before the phrase, and their follow-ups; a consent for
    no one in particular ("used with permission") covers everyone named except
    a third party introduced by someone else's relation ("her neighbor Carl
    Weiss", "Lucy's friend Marty Cole"), whose consent nobody noted. Consent recorded for one post (its
    front matter's post-lint: {allow: {names: [...]}}, or consents.toml
    beside the posts) lets that post's names pass, children included.

    List who may be named in the config, with or without titles, once in
    [body] officials or in [names] allow:

        [names]
        allow = ["Mayor Erik Skogquist", "Police Chief Eric Yang", "Officer Daniel Ortiz"]

    Each entry also covers its possessive ("Mayor Skogquist's"), the name with
    any title ("Chief Yang", "Eric Yang"), a short first name ("Dan Ortiz"),
    the first name after a title ("Officer Daniel") and, once the full name
    has appeared, first-name follow-ups ("Daniel"). The name is what follows
    the entry's title, whatever its words ("Board Chair Gus Lindqvist").
    """,
    profiles=(*PROFILES, COMMENTS),
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
