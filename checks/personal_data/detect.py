"""Detectors for each kind of personal datum; each returns Hits with original-text spans.

They read ``Document.words_text`` (URLs, @mentions and #hashtags blanked, same
length as the original), so every offset points at what the author wrote.
Phone numbers come from the ``phonenumbers`` library's matcher; everything
else is a pattern plus the context words in ``cues.toml``.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .allow import AllowList

_HERE = Path(__file__).parent

DIGIT_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})
OLDEST_LIVING_AGE = 110  # a date of birth further back belongs to history, not to a resident


@dataclass(frozen=True)
class Hit:
    rule: str  # short rule id: "phone", "email", ...
    start: int
    end: int
    what: str = ""  # what the datum is, for the message ("account number", "age")


class Cues:
    """The context word lists of ``cues.toml`` (plus the user's ``extra-cues``), compiled."""

    def __init__(self, lists: Mapping[str, tuple[str, ...]]) -> None:
        self.lists = lists
        self.sets = {name: frozenset(w.lower() for w in words) for name, words in lists.items()}

    def pattern(self, name: str) -> re.Pattern[str]:
        return _alternation(self.lists[name], re.IGNORECASE)

    def lowercase_pattern(self, name: str) -> re.Pattern[str]:
        """Matches the words in lower case only: "her home", not the venue "New Home Church"."""
        return _alternation(self.lists[name], 0)

    def proper_noun_pattern(self, name: str) -> re.Pattern[str]:
        """Matches the words capitalised or in capitals: "Honda", "BMW", not "mini grants"."""
        forms = {f for w in self.lists[name] for f in (w[:1].upper() + w[1:], w.upper())}
        return _alternation(tuple(sorted(forms)), 0)


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...], flags: int) -> re.Pattern[str]:
    parts = sorted((re.escape(w if not flags else w.lower()).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    # Whole words; a cue ending in a symbol ("#", ":") needs no word boundary after it.
    return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?:(?<=\W)|(?![\w'’]))", flags)


@lru_cache(maxsize=16)
def load_cues(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Cues:
    data = tomllib.loads((_HERE / "cues.toml").read_text(encoding="utf-8"))
    lists = {name: tuple(words) for name, words in data.items()}
    for name, words in extra:
        lists[name] = lists.get(name, ()) + tuple(words)
    return Cues(lists)


# -- helpers ------------------------------------------------------------------
_NAME_WORD = r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?"
_NAME = rf"(?<![\w.@#-])(?P<name>{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{0,2}})"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?P<date>\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<y1>\d{{4}}|\d{{2}})"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|\d{{1,2}}\s+{_MONTHS}\.?,?\s+(?P<y3>\d{{4}}))"
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): cut at line breaks, ! ? and a full stop after a real word."""
    stop = re.compile(r"[!?\n]|(?<=[a-z]{3}[.])\s|(?<=[0-9][.])\s+(?=[A-Z])")
    left = 0
    for m in stop.finditer(text, max(0, start - 300), start):
        left = m.end()
    m = stop.search(text, end, min(len(text), end + 300))
    right = m.start() if m else min(len(text), end + 300)
    return left, right


def _is_person_name(name: str, cues: Cues, *, drop_leading: bool = False) -> bool:
    """True when every word of ``name`` could be a person's name ("Ruth Olson", not "Anoka Library").

    ``drop_leading`` first drops capitalised words that start a sentence ("Call Jenny").
    """
    words = [w.lower().strip("'’") for w in re.findall(r"[A-Za-z'’-]+", name)]
    blocked = cues.sets["not-a-name"] | cues.sets["facility"] | cues.sets["organisation"]
    if drop_leading:
        while words and words[0] in blocked:
            words.pop(0)
    return bool(words) and not any(w in blocked or w.removesuffix("'s") in blocked for w in words)


def _names_a_person(name: str, cues: Cues) -> bool:
    """The last words of ``name`` are a person's: a census given name starts them
    ("call Karen Klein at"), not "Health Education" or "Riverside"."""
    if not _is_person_name(name, cues, drop_leading=True):
        return False
    from post_lint.text.people import census_names

    census = census_names()
    if census is None:  # without the name lists, any capitalised name will do
        return True
    words = [w.lower() for w in name.split()]
    return any(w in census[0] for w in words[-3:])


def _year_is_recent(year: str | None) -> bool:
    if not year:
        return True
    value = int(year)
    if value < 100:  # "03/14/61": two-digit years are recent enough to be a resident's
        return True
    return value > datetime.date.today().year - OLDEST_LIVING_AGE


# -- phone numbers -------------------------------------------------------------
_LOCAL_NUMBER = re.compile(r"\d{3}[-.\s]\d{4}")
_SPELLED = re.compile(
    r"(?<![\w-])(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})(?:[\s,.\-/]+|$)){3,}",
    re.IGNORECASE,
)


def find_phones(text: str, region: str) -> Iterator[tuple[int, int, object]]:
    """(start, end, number) of phone numbers, with the phonenumbers matcher.

    Full numbers must be valid for their region; a seven-digit local number
    ("576-2700") counts when written with a separator.
    """
    if sum(c.isdigit() for c in text) < 7:  # the matcher is the costly part; most posts have no number
        return
    import phonenumbers

    seen: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        seen.append((match.start, match.end))
        yield match.start, match.end, match.number
    if not _LOCAL_NUMBER.search(text):
        return
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
        if any(s < match.end and match.start < e for s, e in seen):
            continue
        # "830-1130AM" is a time range, not a local number.
        if _LOCAL_NUMBER.fullmatch(match.raw_string) and not re.match(r"\s*[ap]\.?m\b", text[match.end :], re.I):
            yield match.start, match.end, match.number


def find_spelled_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """Digits written as words ("five five five, one two one two"), 7 or more in a row."""
    for m in _SPELLED.finditer(text):
        parts = re.findall(r"[a-z]+|\d+", m.group().lower())
        words = sum(p in DIGIT_WORDS for p in parts)
        digits = "".join(DIGIT_WORDS.get(p, p) for p in parts)
        if words >= 3 and len(digits) in (7, 10, 11):
            end = m.start() + len(m.group().rstrip(" \t\r\n,.-/"))
            yield m.start(), end, digits


def tied_to_organisation(text: str, start: int, end: int, cues: Cues) -> bool:
    """A phone number its sentence gives to an office, a line or a service ("call Anoka
    Police at ...", "call us at ...", "... to schedule"), with no person named before it."""
    left, right = sentence_bounds(text, start, end)
    before = text[max(left, start - 80) : start]
    orgs = list(cues.pattern("organisation").finditer(before))
    org = orgs[-1] if orgs else None
    between = before[org.end() :] if org else before
    if cues.pattern("person").search(between):
        return False
    # "call Jenny at", "Karen Klein: ": a person's name right before the number ties it to them.
    name = re.search(rf"{_NAME}(?:['’]s)?\s*(?:at|:|-|,|on)?\s*(?:\(|$)", between)
    if name and _names_a_person(name.group("name"), cues):
        return False
    if org:
        return True
    after = text[end : min(len(text), end + 40)]
    return bool(re.match(r"[\s,.;:)]*(?:\w+\s+){0,2}?(?:" + cues.pattern("service-after").pattern + ")", after, re.I))


def detect_phones(text: str, region: str, allow: AllowList, cues: Cues) -> Iterator[Hit]:
    import phonenumbers

    for start, end, number in find_phones(text, region):
        if allow.allows_phone(number):
            continue
        national = str(number.national_number)  # type: ignore[attr-defined]
        if number.country_code == 1 and national[:3] in TOLL_FREE:  # type: ignore[attr-defined]
            continue  # a toll-free line belongs to an organisation
        if tied_to_organisation(text, start, end, cues):
            continue
        yield Hit("phone", start, end, "phone number")
    for start, end, digits in find_spelled_numbers(text):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and allow.allows_phone(number):
            continue
        yield Hit("phone", start, end, "phone number (spelled out)")


# -- e-mail addresses ----------------------------------------------------------
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)"
_OBFUSCATED_EMAIL = re.compile(
    # Lengths capped as in RFC 5321 (64-character local part, 63-character labels) and a start
    # only where a run begins: unbounded, 50 KB of "7-" made every "7" scan to the end (O(n²)).
    rf"(?<![\w.%+-])(?P<local>[a-z0-9][\w.%+-]{{0,63}}){_AT}(?P<domain>[a-z0-9-]{{1,63}}(?:{_DOT}[a-z0-9-]{{1,63}}){{0,8}}?){_DOT}"
    r"(?P<tld>com|org|net|gov|edu|us|info|biz|io|co)\b",
    re.IGNORECASE,
)


def find_obfuscated_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """ "john (at) example (dot) com": (start, end, address spelled normally)."""
    for m in _OBFUSCATED_EMAIL.finditer(text):
        written = m.group()
        # Plain " at " and plain dots is an ordinary sentence ("find us at anoka.com").
        if not re.search(r"[(\[{<]\s*(?:at|dot)\s*[)\]}>]|\sdot\s", written, re.IGNORECASE):
            continue
        domain = re.sub(_DOT, ".", m.group("domain"), flags=re.IGNORECASE)
        yield m.start(), m.end(), f"{m.group('local')}@{domain}.{m.group('tld')}".lower()


def _public_email(address: str, cues: Cues) -> bool:
    """An address of a public body (.gov, ci.anoka.mn.us) or a role mailbox (info@, clerk@)."""
    local, _, domain = address.lower().rpartition("@")
    if any(domain.endswith(suffix) for suffix in cues.sets["public-domain-suffix"]):
        return True
    if re.search(r"\.[a-z]{2}\.us$", domain):
        return True
    pieces = [p for p in re.split(r"[^a-z]+", local) if p]
    if any(p in cues.sets["role-mailbox"] for p in pieces) or local.replace("-", "") in cues.sets["role-mailbox"]:
        return True
    if any(part in local for part in cues.sets["role-mailbox-part"]):
        return True
    return local == domain.split(".")[0]  # mcphd@mcphd.net


def detect_emails(doc_tokens: list, text: str, allow: AllowList, cues: Cues) -> Iterator[Hit]:
    found = [(t.start, t.end, t.text, "e-mail address") for t in doc_tokens if t.kind == "email"]
    found += [(s, e, a, "e-mail address (written to dodge filters)") for s, e, a in find_obfuscated_emails(text)]
    for start, end, address, what in found:
        if allow.allows_email(address) or _public_email(address, cues):
            continue
        if tied_to_organisation(text, start, end, cues):  # "email us at ..."
            continue
        yield Hit("email", start, end, what)


# -- numbers that identify a person ------------------------------------------
_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
_SSN_CUE = re.compile(r"\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:is|was|:|#)?\s*$", re.IGNORECASE)
_NINE_DIGITS = re.compile(r"(?<![\d-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\d-])")
# Card numbers as printed: 13-19 digits in one run, in fours, or Amex's 4-6-5.
_CARD = re.compile(r"(?<![\d-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\d-])")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def detect_numbers(text: str, cues: Cues) -> Iterator[Hit]:
    if sum(c.isdigit() for c in text) < 4:
        return
    for m in _SSN.finditer(text):
        yield Hit("ssn", m.start(), m.end(), "Social Security number")
    for m in _NINE_DIGITS.finditer(text):
        if not _SSN.fullmatch(m.group()) and _SSN_CUE.search(text[max(0, m.start() - 40) : m.start()]):
            yield Hit("ssn", m.start(), m.end(), "Social Security number")
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and _luhn(digits):
            yield Hit("card", m.start(), m.end(), "payment card number")
    card, ending = cues.pattern("card-word").pattern, cues.pattern("card-ending").pattern
    for m in re.finditer(
        rf"(?:{card}[^.!?\n]{{0,30}}?{ending}|{ending}[^.!?\n]{{0,30}}?{card})"
        r"[\s:#-]*(?:digits\s*)?(?:is\s+|are\s+|of\s+)?(?P<digits>\d{4})(?![\d,])",
        text,
        re.IGNORECASE,
    ):
        yield Hit("card", m.start("digits"), m.end("digits"), "card's last four digits")
    account = cues.pattern("account")
    identifier = re.compile(
        r"[\s:#.]*(?:(?:number|no\.?|num|is|was|of|ending\s+in|ends\s+in)[\s:#.]*){0,2}"
        r"(?P<id>(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?!\w|,\d)",
        re.IGNORECASE,
    )
    for cue in account.finditer(text):
        m = identifier.match(text, cue.end(), min(len(text), cue.end() + 60))
        if m and not re.fullmatch(r"(?:19|20)\d\d", m.group("id")):
            what = re.sub(r"\s+", " ", cue.group().lower()).rstrip(" #:")
            yield Hit("account", m.start("id"), m.end("id"), what if "number" in what else f"{what} number")


# -- dates of birth and ages ---------------------------------------------------
# Something every age pattern below needs; most posts have none, and the name patterns are slow.
_AGE_TRIGGER = re.compile(
    r",\s+(?:age\s+|aged\s+|an?\s+)?\d{1,3}|\(\s*(?:age\s+)?\d{1,3}\)|\d{1,3}[- ]years?[- ]old"
    r"|\b(?:is|turns|turned|turn|turning|celebrates|celebrated)\s+\d|\d(?:st|nd|rd|th)\s+[Bb]irthday"
)


def detect_birth_and_age(text: str, cues: Cues) -> Iterator[Hit]:
    date = re.compile(r"\s*(?:on|is|was|:|-)?\s*" + _DATE, re.IGNORECASE)
    for cue in cues.pattern("birth").finditer(text):
        m = date.match(text, cue.end(), min(len(text), cue.end() + 40))
        if m and _year_is_recent(m.group("y1") or m.group("y2") or m.group("y3")):
            yield Hit("birth-date", m.start("date"), m.end("date"), "date of birth")
    if not _AGE_TRIGGER.search(text):
        return
    age = r"(?P<age>\d{1,3})"
    patterns = (
        # "Marcus, 34, was ..."; "Ruth Olson, age 90, of Anoka"
        re.compile(rf"{_NAME},\s+(?:age\s+|aged\s+)?{age}(?=\s*(?:,|;|\)|\.\s|\.$|\s+(?:of|from|and)\b))"),
        # "Marcus (34)"
        re.compile(rf"{_NAME}\s+\((?:age\s+)?{age}\)"),
        # "Marcus, a 34-year-old ..."
        re.compile(rf"{_NAME},\s+(?:a|an)\s+{age}[- ]years?[- ]old\b"),
        # "Ruth turns 100 today", "Ruth Olson, who is 90 years old"
        re.compile(
            rf"{_NAME}(?:,\s+who)?\s+(?:is|turns|turned|will\s+turn|is\s+turning|celebrates|celebrated)\s+"
            rf"{age}(?:\s+years?\s+(?:old|young))?(?=\s*(?:[.!,;)]|today|tomorrow|this\b|on\b|$))"
        ),
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            if 0 < int(m.group("age")) <= 120 and _is_person_name(m.group("name"), cues):
                yield Hit("age", m.start("age"), m.end("age"), "age")
    # "34-year-old Marcus Lee", but not "a 34-year-old Anoka man" nor "5-11-year-old clinics"
    nouns = cues.sets["person-noun"]
    for m in re.finditer(rf"(?<![\d–-])(?<!\d to ){age}[- ]years?[- ]old\s+{_NAME}(?P<after>\s+[a-z]+)?", text):
        after = (m.group("after") or "").strip()
        if 0 < int(m.group("age")) <= 120 and after not in nouns and _is_person_name(m.group("name"), cues):
            yield Hit("age", m.start(), m.end("age") + len("-year-old"), "age")
    # "Happy 100th birthday to Ruth!", "Ruth celebrates her 100th birthday", "Ruth's 90th birthday"
    ordinal = r"(?P<age>\d{1,3})(?:st|nd|rd|th)\s+[Bb]irthday"
    birthdays = (
        re.compile(rf"(?i:happy)\s+{ordinal}(?:\s+(?:wishes\s+)?to|,)(?:\s+[a-z][\w'’-]*,?){{0,5}}\s+{_NAME}"),
        re.compile(rf"{_NAME}(?:['’]s\s+|\s+(?:celebrates|celebrated|celebrating|marks|marked)\s+(?:her|his|their)\s+){ordinal}"),
    )
    for pattern in birthdays:
        for m in pattern.finditer(text):
            if 0 < int(m.group("age")) <= 120 and _is_person_name(m.group("name"), cues):
                yield Hit("age", m.start("age"), m.end("age") + 2, "age")


# -- street addresses ----------------------------------------------------------
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\.?"


@lru_cache(maxsize=16)
def _address_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    suffix = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w$.,/-])(?P<number>\d{{1,6}})[A-Za-z]?\s+(?:{_DIRECTION}\s+)?"
        rf"(?:[A-Z][A-Za-z'’-]*|\d{{1,3}}(?:st|nd|rd|th))(?:\s+[A-Z][A-Za-z'’-]*){{0,3}}\s+"
        rf"(?i:{suffix})\b\.?(?:\s+{_DIRECTION}(?![\w]))?"
        rf"(?:,?\s+(?i:apt|apartment|unit|#)\.?\s*#?\s*\w+)?"
    )


def detect_addresses(text: str, allow: AllowList, cues: Cues) -> Iterator[Hit]:
    """A house number and street, when the sentence ties it to a home or a person."""
    home = cues.lowercase_pattern("home")
    not_home = cues.pattern("not-home")
    facility = cues.pattern("facility")
    for m in _address_pattern(cues.lists["street-suffix"]).finditer(text):
        address = m.group().rstrip(".")
        end = m.start() + len(address)
        if allow.allows_address(address):
            continue
        # "between 1500 and 1700 Pleasant Street", "1500-1700 Pleasant St.": a stretch of street.
        if re.search(r"\d\s*(?:-|–|to|and|through|thru)\s*$", text[max(0, m.start() - 15) : m.start()]):
            continue
        left, right = sentence_bounds(text, m.start(), end)
        before, after = text[max(left, m.start() - 80) : m.start()], text[end : min(right, end + 40)]
        # "City Hall, 2015 First Avenue North", "the library at 711 W. Main St."
        lead = re.sub(r"(?:\s|,|\(|:|-|\bat\b|\blocated\b|\bis\b|\bon\b|\bthe\b)+$", "", before, flags=re.IGNORECASE)
        last = facility.search(lead[-25:]) if lead else None
        if last and lead[-25:][last.end() :].strip(" '’s") == "":
            continue
        # Home words close before the address or right after it, but not "open house", "home of".
        near = before[-40:]
        masked = not_home.sub(lambda n: " " * len(n.group()), near)
        tied = bool(home.search(masked)) or bool(home.match(not_home.sub("", after.lstrip(" ,"))))
        tied = tied or bool(re.search(r"\b(?:apt|apartment|unit)\b|#", address, re.IGNORECASE))
        # "Jane Olson of 2207 Pleasant Street", "Marcus, 34, of ..."
        person = re.search(rf"{_NAME}(?:,\s*\d{{1,3}},)?,?\s+of\s*$", before)
        tied = tied or bool(person and _is_person_name(person.group("name"), cues))
        if tied:
            yield Hit("address", m.start(), end, "home address")


# -- licence plates and vehicles -------------------------------------------------
_PLATE_ID = re.compile(
    r"[\s:#\"“'‘]*(?:(?:number|no\.?|reading|of|is|was|[A-Z]{2}\s+plate)[\s:#\"“'‘]*){0,2}"
    r"(?:[A-Z]{2}\s+(?=\S*\d))?(?P<id>(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,4})(?![\w-])"
)


def detect_vehicles(text: str, cues: Cues) -> Iterator[Hit]:
    for cue in cues.pattern("plate").finditer(text):
        m = _PLATE_ID.match(text, cue.end(), min(len(text), cue.end() + 40))
        if m and 5 <= len(re.sub(r"\W", "", m.group("id"))) <= 8:
            yield Hit("vehicle", m.start("id"), m.end("id"), "licence plate")
    makes = cues.proper_noun_pattern("vehicle-make").pattern
    if not re.search(makes, text):
        return
    owned = re.compile(rf"\b(?:his|her|their|{_NAME_WORD}['’]s)\s+(?P<desc>(?:[\w-]+\s+){{0,3}}?{makes}(?:\s+[A-Z0-9][\w-]*)?)")
    for m in owned.finditer(text):
        yield Hit("vehicle", m.start("desc"), m.end("desc"), "vehicle")
