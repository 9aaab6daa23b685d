"""Who a named person is, read from the words around the name.

* A child, with what identifies them: "Noah and Ava Berg, ages 9 and 6",
  "Lily Chen, a fourth grader at Franklin Elementary", "10-year-old Tommy",
  "her son Jeremy, who lives on Maple Court". Naming a minor needs a parent's
  consent, so this is its own rule (names/child).
* Someone named in their job or profession: "utility billing clerk Megan Howe",
  "Director of Nursing, Debbie Brooks", "Julie Hanson, RN", "Ty Tover, a peer
  counselor with the health department". Whether staff may be named is the
  city's decision (names/staff).
* The person a reply answers: "@jsmith Absolutely, Scott." names someone who
  wrote to the account in public.

The words are the data files beside the check (staff-roles.txt,
credentials.txt, child-words.txt, school-words.txt); the shapes of ages,
grades and appositions are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.api import load_word_list

_HERE = Path(__file__).parent
ADULT = 18

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17,
}  # fmt: skip
_AGE = r"(?P<age>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_YEAR_OLD = rf"{_AGE}[- ](?:years?|yrs?)[- ]old"
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_GRADE = rf"(?:{_ORDINAL}[- ]grader|{_ORDINAL}[- ]grade\s+student|(?:in\s+)?(?:the\s+)?{_ORDINAL}[- ]grade\b(?!\s+(?:class|teacher|classroom)))"
_HIGH_SCHOOL_YEAR = r"(?:freshman|sophomore|junior|senior)"


@dataclass(frozen=True)
class Lists:
    roles: re.Pattern[str]
    credentials: re.Pattern[str]
    child_words: re.Pattern[str]
    schools: re.Pattern[str]
    street_suffixes: str


def _alternation(words: list[str], flags: int = re.IGNORECASE) -> str:
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=4)
def lists(extra_roles: tuple[str, ...] = ()) -> Lists:
    roles = load_word_list(_HERE / "staff-roles.txt", extra_roles)
    credentials = load_word_list(_HERE / "credentials.txt")
    child_words = load_word_list(_HERE / "child-words.txt")
    schools = load_word_list(_HERE / "school-words.txt")
    suffixes = (
        "Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Road|Rd|Court|Ct|Circle|Cir|Way|Place|Pl|Trail|Boulevard|Blvd|Terrace|Parkway"
    )
    return Lists(
        roles=re.compile(rf"(?<![\w-]){_alternation(roles)}(?![\w-])", re.IGNORECASE),
        credentials=re.compile(rf"(?<![\w-]){_alternation(credentials)}(?![\w-])"),
        child_words=re.compile(rf"(?<![\w-]){_alternation(child_words)}(?![\w-])", re.IGNORECASE),
        schools=re.compile(rf"{_alternation(schools)}(?![\w-])"),
        street_suffixes=suffixes,
    )


def _age(value: str) -> int:
    return int(value) if value.isdigit() else _NUMBER_WORDS.get(value.lower(), 99)


def child_detail(text: str, start: int, end: int, sentence: tuple[int, int], found: Lists) -> str | None:
    """What identifies the named person as a child ("an age", "a grade", "a school", "a home
    street"), or None when nothing ties a child's detail to this name."""
    before = text[max(sentence[0], start - 45) : start]
    after = text[end : min(sentence[1], end + 110)]
    # "10-year-old Tommy", "her 9 year old son, Jeremy", "Eleven-year-old Owen"
    m = re.search(rf"{_YEAR_OLD}\s+(?:(?:\w+\s+){{0,2}}?{found.child_words.pattern},?\s+)?(?:named\s+)?$", before, re.I)
    if m and _age(m.group("age")) < ADULT:
        return "an age"
    # "fourth grader Lily", "kindergartner Noah"
    if re.search(rf"(?:{_GRADE}|kindergart[ne]+r|preschooler),?\s+$", before, re.I):
        return "a grade"
    # "Noah, 9,", "Ava (6)", "Noah and Ava Berg, ages 9 and 6", "Mia, age 8"
    m = re.match(
        rf"(?:['’]s)?(?:\s*(?:,|and|&)\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*\s*(?:,|\()\s*(?:(?:ages?|aged)\s+)?{_AGE}\b"
        r"(?!\s*(?:%|percent|years?\s+(?:of|with|in|ago)|a\.?m|p\.?m|:))",
        after,
        re.I,
    )
    if m and _age(m.group("age")) < ADULT:
        return "an age"
    # "Lily, a 9-year-old", "Owen, who is 7", "Tommy turned 10"
    m = re.match(rf",?\s+(?:a|an)\s+{_YEAR_OLD}", after, re.I) or re.match(
        rf",?\s+(?:who\s+)?(?:is|was|turned|turns|just\s+turned)\s+{_AGE}\b(?!\s*%|\s+(?:years\s+of|of\b))", after, re.I
    )
    if m and _age(m.group("age")) < ADULT:
        return "an age"
    clause = re.split(r"[.;!?]\s|\s[-–—]\s", after, maxsplit=1)[0]
    # "Lily Chen, a fourth grader at Franklin Elementary", "Noah, who is in third grade"
    if re.match(
        rf",?\s+(?:(?:a|an|our|the|who\s+is(?:\s+in)?|in)\s+)?(?:\w+\s+){{0,2}}?(?:{_GRADE}|kindergart[ne]+r|preschooler)",
        clause,
        re.I,
    ):
        return "a grade"
    # "Hannah Olsen, an Anoka High School senior", "Emma, a student at Lincoln Elementary", "Max from Franklin Elementary"
    school = found.schools.pattern
    if re.match(
        rf",?\s+(?:(?:a|an|our)\s+)?(?:(?:\w+\s+){{0,3}}?(?:student|pupil|{_HIGH_SCHOOL_YEAR}|scholar)\s+(?:at|from|of)\s+|(?:of|from|at)\s+)?"
        rf"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{1,4}}?{school}",
        clause,
    ):
        if not re.search(  # "Principal Karen Doyle of Hillcrest Elementary": an adult at the school
            r"\b(?:teacher|principal|coach|counselor|nurse|staff|superintendent|secretary|custodian|librarian)\b",
            before[-30:] + clause,
            re.I,
        ):
            return "a school"
    # "her son Jeremy, who lives on Maple Court", "little Emma from Maple Court"
    child_before = found.child_words.search(before[-25:])
    child_after = re.match(rf",?\s+(?:a|an|our|the)?\s*(?:young\s+|little\s+)?{found.child_words.pattern}\b", clause, re.I)
    if (child_before or child_after) and re.search(
        rf"\b(?:of|from|on|who\s+lives\s+on|lives\s+on)\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{found.street_suffixes})\b", clause
    ):
        return "a home street"
    return None


def in_role(text: str, start: int, end: int, sentence: tuple[int, int], found: Lists) -> str | None:
    """The job or professional title the sentence gives this name, if any."""
    before = text[max(sentence[0], start - 60) : start]
    after = text[end : min(sentence[1], end + 80)]
    # "utility billing clerk Megan Howe", "Director of Nursing, Debbie Brooks", "Dr. Lee",
    # "our Admin Clerk, Catalina Hernandez", "Public Health Officer Dr. Gail Newel"
    role_before = re.search(
        rf"({found.roles.pattern})s?(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){{0,4}})?,?\s*(?:(?:Dr|Mr|Mrs|Ms)\.?\s*)?$",
        before,
        re.IGNORECASE,
    )
    if role_before:
        return role_before.group(1)
    # "HCPH's Tim Frey", "the County's Jane Lee", "our own Kelly Potkay": staff of an agency
    if re.search(r"\b(?:[A-Z]{2,6}|County|Department|Dept|District|City)['’]s\s+$|\b(?i:our\s+(?:very\s+)?own),?\s+$", before):
        return "staff of an agency"
    # "Julie Hanson, RN", "Dr. Leslie Russek, PT, DPT"
    m = re.match(rf",?\s*({found.credentials.pattern})(?![\w-])", after)
    if m:
        return m.group(1)
    # "Ty Tover, a peer counselor with", "Anne Barry, our new public health director",
    # "Carolyn Armstrong is our Healthcare Aid Supervisor", "Kerri Suhr is one of our nurses"
    # "Jennifer Wentzel as our new Health Commissioner", "Kara Williams our Area 7 HIV Program Manager",
    # "Teresa Higuera to the position of Social Services Unit Supervisor" (the rest of the name may come first)
    m = re.match(
        r"(?:\s+[A-Z][\w'’-]+){0,2}"
        r"(?:,\s*|\s+(?:is|was|has\s+been|will\s+be|serves\s+as|joins\s+us\s+as|as|(?:has\s+been\s+)?(?:promoted|named|appointed|hired)"
        r"(?:\s+(?:to|as))?)\s+|\s+(?=our\s)|\s+(?:to|into)\s+the\s+(?:position|role|job)\s+of\s+)"
        r"(?:(?:a|an|the|our|one\s+of\s+our|their|its)\s+)?"
        r"(?:(?:new|newest|longtime|own|former|interim|acting|very|senior|lead|chief|head)\s+)*(?:[\w&'’/-]+\s+){0,6}?"
        rf"({found.roles.pattern})s?\b",
        after,
        re.IGNORECASE,
    )
    if m:
        return m.group(1)
    return None


_GREETING = r"(?:hi|hello|hey|thanks|thank\s+you|dear|sorry|congrats|congratulations|absolutely|yes|no|great\s+question|good\s+question|welcome)"


def vocative_in_reply(text: str, start: int, end: int) -> bool:
    """A name the account addresses in a reply: the post opens with @someone, and the name
    stands alone between a greeting or a comma and a mark ("Absolutely, Scott.", "Hi, Chris.")."""
    if not text.lstrip().startswith("@"):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 3]
    opened = re.search(rf"(?:^|[,.!?:]\s*|{_GREETING}[,!]?\s+|@\w+\s+)$", before, re.IGNORECASE)
    return bool(opened) and bool(re.match(r"\s*[,.!?:;)]", after))
