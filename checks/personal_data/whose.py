"""Whose is it: a phone number, an e-mail address or a street address, read in its sentence.

The post is the organisation speaking, so a number it gives with no owner
("Call 555-0142 to schedule") is its own line. What makes a contact a private
person's is the owner the sentence names for it, nearest first, read back
from the datum to the contact verb that introduces it:

* a person's name ("call Jenny at", "Karen Klein: "), a pronoun ("reach her
  at"), a relation ("the finder", "his mom", "the owner") or a personal line
  ("her cell") give it to a private person;
* "us", "our office", an office, a line, a desk, a named agency or an acronym
  ("WCHD"), an @account, the body's own name or a partner's give it to the
  organisation.

"call the clinic and ask for Jenny at 555-0142" is Jenny's; "call Jenny at our
office, 555-0142" is the office's. A contact verb ends the search: in
"Business owners can call 555-0142" the owners are the readers, not the owner.
The cue words are the lists of ``cues.toml``; names are told from words by the
US census given-name list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from post_lint.text.sentences import sentence_at

PRIVATE = "private"
ORGANISATION = "organisation"

# Why a contact is a private person's (shown in the message).
RELATION = "a relation"
PRONOUN = "a pronoun"
NAME = "a person's name"
LISTED_OFFICIAL = "an official the city lists"
PERSONAL_LINE = "a personal line"
HOME = "a home"
PUBLIC_PLACE = "a public place or venue"
SERVICE = "a service line"

_WINDOW = 140  # characters read back from the datum
CAPITALISED_RUN = re.compile(
    r"(?<![\w'’.@#-])(?:(?:Mc|O['’])?[A-Z][a-z]+(?:['’-][A-Za-z]+)?\.?|[A-Z]\.)"
    r"(?:\s+(?:(?:Mc|O['’])?[A-Z][a-z]+(?:['’-][A-Za-z]+)?\.?|[A-Z]\.))*"
)
_ACRONYM = re.compile(r"(?<![\w@#])[A-Z][A-Z&]{1,6}s?(?![\w])")
_CLAUSE_BREAK = re.compile(r"[;!?•|]|\s[-–—]\s")


@dataclass(frozen=True)
class Owner:
    """Whose a datum is, and the words that said so (for the message)."""

    kind: str  # PRIVATE or ORGANISATION
    cue: str = ""  # "the finder", "Jenny", "us"; empty when nothing names an owner
    why: str = ""  # "a relation", "a person's name", ...

    @property
    def private(self) -> bool:
        return self.kind == PRIVATE


@dataclass(frozen=True)
class Known:
    """Names the config gives: the body's own and its partners' (organisations), its officials."""

    organisations: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str  # "verb", "passive", PRIVATE, ORGANISATION
    text: str
    why: str


@lru_cache(maxsize=64)
def word_pattern(words: tuple[str, ...], case: bool) -> re.Pattern[str]:
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words if w), key=len, reverse=True)
    if not parts:
        return re.compile(r"(?!x)x")
    # A possessive counts as the word: "the finder's number", "the clinic's line".
    return re.compile(r"(?<![\w'’@#-])(?:" + "|".join(parts) + r")(?![\w-]|['’](?!s\b))", 0 if case else re.IGNORECASE)


def _given_names() -> frozenset[str] | None:
    from post_lint.text.people import census_names

    found = census_names()
    return found[0] if found else None


def _surnames() -> frozenset[str] | None:
    from post_lint.text.people import census_names

    found = census_names()
    return found[1] if found else None


def classify_name(run: str, cues, known: Known) -> tuple[str, str, str] | None:
    """A capitalised run of words: (kind, words, why), or None when it says nothing.

    "Jenny Olson" is a person; "Clay County Public Health", "Swan Creek" and the
    body's own name are organisations or places; an official the city lists
    speaks for it.
    """
    words = run.split()
    blocked = cues.sets["not-a-name"] | cues.sets["contact-verb"]
    org_words = cues.sets["organisation"] | cues.sets["facility"]
    while words and words[0].lower().rstrip(".") in blocked:
        words.pop(0)
    # "Jenny Monday", but not "Clinton County": a trailing word of an office stays.
    while words and words[-1].lower().rstrip(".") in blocked - org_words:
        words.pop()
    if not words:
        return None
    text = " ".join(words)
    plain = re.sub(r"['’]s$", "", text).lower()
    for name in known.officials:
        parts = name.lower().split()
        if plain == name.lower() or (len(parts) >= 2 and plain in (" ".join(parts[-2:]), parts[-1])):
            return ORGANISATION, text, LISTED_OFFICIAL
    if any(plain == org.lower() or plain.endswith(" " + org.lower()) for org in known.organisations):
        return ORGANISATION, text, "the organisation's name"
    lowered = [re.sub(r"['’]s$", "", w).lower().rstrip(".") for w in words]
    given = _given_names()
    titles = cues.sets["honorific"] | cues.sets["title"]
    # "Jenny Olson", "Officer Jane Doe", "Dr. Lee": a given name (or a title) then at most
    # two more name words and no word of an office ("Clay County Public Health" is none).
    for i, word in enumerate(lowered):
        rest = lowered[i:]
        if len(rest) > 3 or any(w in org_words for w in rest):
            continue
        if i > 0 and lowered[i - 1] in titles:
            return PRIVATE, " ".join(words[i - 1 :]), NAME
        if i > 0 and lowered[i - 1] in cues.sets["place-prefix"]:
            continue  # a place: "New Jersey", "Saint Paul", "Fort Pierce", "San Jose"
        everyday = cues.sets["word-names"]
        if given is None or (word in given and (word not in everyday or any(w not in everyday for w in rest[1:]))):
            return PRIVATE, " ".join(words[i:]), NAME
    if any(w in org_words for w in lowered):
        return ORGANISATION, text, "a named office or agency"
    # A capitalised label that is no person: a place, a program ("Swan Creek:", "WIC:").
    return ORGANISATION, text, _PLACE


_PLACE = "a named place or program"


def without_opening_word(run: str, cues) -> str:
    """A run that opens a clause without its first word, unless that word is a given name."""
    first, _, rest = run.partition(" ")
    given = _given_names()
    key = first.lower().rstrip(".")
    if given is not None and key in given and key not in cues.sets["word-names"]:
        return run
    if rest and key in cues.sets["honorific"]:
        return run  # "Mrs. Kowalski, 715-555-0103, is collecting coats"
    surnames = _surnames()
    second = rest.split()[0].lower() if rest else ""
    if given is not None and key in given and surnames is not None and second in surnames and not _everyday(second):
        return run  # "Bill Harmon of 1420 Ferry St.": a given name that is also a word, before a surname
    return rest


def _everyday(word: str) -> bool:
    from post_lint.text.people import everyday_word

    return everyday_word(word)


def _cues_in(
    text: str,
    start: int,
    end: int,
    cues,
    known: Known,
    mentions: Iterable[tuple[int, int]],
    extra: tuple[tuple[re.Pattern[str], str, str], ...] = (),
    skip: frozenset[str] = frozenset(),
    people: Iterable[tuple[int, int]] = (),
) -> list[_Cue]:
    """Every owner cue and contact verb in text[start:end], with offsets into text."""
    window = text[start:end]
    found: list[_Cue] = []
    for pattern, kind, why in extra:
        for m in pattern.finditer(window):
            found.append(_Cue(start + m.start(), start + m.end(), kind, m.group(), why))

    def add(pattern: re.Pattern[str], kind: str, why: str) -> None:
        for m in pattern.finditer(window):
            found.append(_Cue(start + m.start(), start + m.end(), kind, m.group(), why))

    # "a call", "the call", "your call" are nouns: "give her a call at" reads on to "her".
    requester = word_pattern(cues.lists["requester"], False).pattern
    for m in word_pattern(cues.lists["contact-verb"], False).finditer(window):
        before = window[: m.start()]
        if re.search(r"\b(?:a|the|your|our|missed|phone|conference|this|every|each)\s+$", before, re.I):
            continue
        if re.search(r"(?:['’]s|\b(?:his|their|my))\s+$", before, re.I) and re.match(r"e-?mail|phone|mail", m.group(), re.I):
            continue  # "the resident's e-mail, ...": a noun, its owner read on
        # "Greg asks that you text 555-0142": the number is the asker's, read on to Greg.
        kind = "passive" if re.search(rf"(?:{requester})\s+(?:\w+\s+)?$", before, re.I) else "verb"
        found.append(_Cue(start + m.start(), start + m.end(), kind, m.group(), "a contact verb"))
    add(word_pattern(cues.lists["contact-passive"], False), "passive", "")
    # "your child", "you or a friend": the reader's own people own nothing the post gives.
    for m in word_pattern(cues.lists["person"], True).finditer(window):
        if not re.search(r"\b(?:your|you\s+or\s+(?:a|your))\s+(?:\w+\s+)?$", window[: m.start()], re.IGNORECASE):
            found.append(_Cue(start + m.start(), start + m.end(), PRIVATE, m.group(), RELATION))
    add(word_pattern(tuple(f for w in cues.lists["pronoun"] for f in (w, w[:1].upper() + w[1:])), True), PRIVATE, PRONOUN)
    add(word_pattern(cues.lists["private-line"], False), PRIVATE, PERSONAL_LINE)
    organisation = tuple(w for w in cues.lists["organisation"] if w not in skip)
    add(word_pattern(organisation, False), ORGANISATION, "an office or line")
    add(word_pattern(cues.lists["service-topic"], False), ORGANISATION, SERVICE)
    streets = cues.sets["street-suffix"]
    for m in CAPITALISED_RUN.finditer(window):
        run = m.group()
        if " " in run and run.split()[-1].lower().rstrip(".") in streets:
            continue  # "a neighbor on Oak Street, who can be reached at": a street owns no contact
        if not window[: m.start()].strip(" \t\"'“‘(*-:,"):
            run = without_opening_word(run, cues)  # "Sign up with", "Lost Dog!": a capital that opens the clause
        named = classify_name(run, cues, known) if run else None
        if named is None:
            continue
        kind, words, why = named
        if why == _PLACE and _full_name_the_model_sees(words, start + m.start(), start + m.end(), people):
            kind, why = PRIVATE, NAME  # "Priya Mehta": a name the census lacks, which the model reads as a person
        elif why == _PLACE and _given_word_the_model_sees(words, start + m.start(), start + m.end(), people):
            kind, why = PRIVATE, NAME  # "call Dot at": a given name that is also a word, a PERSON to the model
        if why == _PLACE and " " not in words and not window[m.end() :].lstrip().startswith(":"):
            continue  # one capitalised word that is neither a name nor an office says nothing
        offset = start + m.start() + m.group().rfind(words.split()[0])
        # "Jenny's lemonade stand at": the possessive belongs to what stands between.
        stop = start + m.end() - (2 if re.search(r"['’]s$", m.group()) else 0)
        found.append(_Cue(offset, stop, kind, re.sub(r"['’]s$", "", words), why))
    # "the Olsons", "the Berg family": a family by its surname.
    surnames = _surnames()
    for m in re.finditer(r"\bthe\s+(?P<name>[A-Z][a-z]+)s\b", window):
        if surnames is None or m.group("name").lower() in surnames:
            found.append(_Cue(start + m.start(), start + m.end(), PRIVATE, m.group(), RELATION))
    for m in _ACRONYM.finditer(window):
        if m.group().rstrip("s").lower() not in cues.sets["not-an-agency"]:
            found.append(_Cue(start + m.start(), start + m.end(), ORGANISATION, m.group(), "a named agency"))
    for s, e in mentions:
        if start <= s and e <= end:
            found.append(_Cue(s, e, ORGANISATION, text[s:e], "an account"))
    return found


def _given_word_the_model_sees(words: str, start: int, end: int, people: Iterable[tuple[int, int]]) -> bool:
    """One census given name that is also an everyday word ("Dot", "Rose"), inside one of the
    model's PERSON entities."""
    given = _given_names()
    if " " in words or given is None or words.lower() not in given:
        return False
    return any(s <= start and end <= e for s, e in people)


def _full_name_the_model_sees(words: str, start: int, end: int, people: Iterable[tuple[int, int]]) -> bool:
    """Two or three words ending in a census surname, inside one of the model's PERSON entities:
    "Priya Mehta"; not "Tucson Clinica Medica Familiar", which the model may call a person too."""
    parts = words.split()
    surnames = _surnames()
    if not 2 <= len(parts) <= 3 or surnames is None or parts[-1].lower() not in surnames:
        return False
    return any(s <= start and end <= e for s, e in people)


# What may stand between a person's name and their number: "Jenny at", "Karen Klein: ",
# "Jenny (cell)", "Dana can be reached at", "Jenny by phone at".
_PHONE_GAP = re.compile(
    r"(?:,\s*who\s+[^,.;:]{1,40},)?"  # "contact Gary, who found it, at"
    r"(?:['’]s)?[\s,:(–—-]*(?:(?:can|may)\s+be\s+(?:reached|contacted|called)|is\s+reachable|"
    r"(?:number|phone|cell|email|e-mail)\s+is)?[\s,:(–—-]*(?:[a-z]{2,}ly\s+)?"  # "reach Ed directly at"
    r"(?:(?:at|on|via|by\s+(?:phone|calling|text|e-?mail))\b)?[\s,:(–—-]*"
    r"(?:[\d().+\s-]{7,}(?:\s*(?:ext\.?|x)\s*\d+)?\s*(?:or|and|,|/)\s*)?",
    re.IGNORECASE,
)
# ... and their street address: "Jane Olson of", "Jenny, who lives at", "Ruth at".
_ADDRESS_GAP = re.compile(
    r"(?:,\s*\d{1,3},)?(?:['’]s(?:\s+[a-z-]+){0,3}?)?(?:,?\s+(?:of|at|on|who\s+lives\s+at|lives\s+at|resides\s+at|,\s*of)\s*|\s*\(\s*)"
)


def owner_before(
    text: str,
    sentences: list[tuple[int, int]],
    start: int,
    cues,
    known: Known,
    mentions: Iterable[tuple[int, int]] = (),
    *,
    extra: tuple[tuple[re.Pattern[str], str, str], ...] = (),
    name_gap: re.Pattern[str] = _PHONE_GAP,
    previous_sentence: bool = True,
    skip: frozenset[str] = frozenset(),
    people: Iterable[tuple[int, int]] = (),
) -> Owner | None:
    """The owner the sentence names for a datum at ``start``: the nearest cue before it,
    read back to the contact verb that introduces it. None when nothing names one.

    A person's name counts only right before the datum (``name_gap``): in "for Kendall
    residents or 555-0142" Kendall owns nothing. A datum that opens its sentence ("Call
    our office. 555-0142") may be given to an organisation by the sentence before.
    """
    left = _clause_start(text, sentences, start)
    borrowed = False
    if not text[left:start].strip(" \t,:;-–—(\"'“”") and left > 0:
        if not previous_sentence:
            return None
        previous = sentence_at(sentences, max(0, left - 2))
        left, borrowed = (previous[0] if previous[1] <= left else max(0, left - _WINDOW)), True
    left = max(left, start - _WINDOW)
    found = _cues_in(text, left, start, cues, known, mentions, extra, skip, people)
    # Nearest first; of cues ending at the same place the longest ("Clay County Public Health").
    found.sort(key=lambda c: (-c.end, c.start))
    taken_until = start
    subject: _Cue | None = None  # a name further back, not right before the datum
    for cue in found:
        if cue.end > taken_until:
            continue  # inside a nearer cue already read ("Family" in "Family Resource Center")
        if cue.kind == "verb":
            return None
        # "Our neighbor Joan Petty, 512 Ridge Road, has offered ...": an address in apposition to a
        # full name is the person's; after one word ("Renaissance Orlando, 6677 Sea Harbor Dr") a place's.
        apposition = (
            name_gap is _ADDRESS_GAP
            and re.fullmatch(r",\s*", text[cue.end : start])
            and _full_name(cue.text, cues.sets["honorific"])
        )
        if cue.kind == PRIVATE and cue.why == NAME and not (name_gap.fullmatch(text, cue.end, start) or apposition):
            if name_gap is _ADDRESS_GAP and not text[cue.end : start].strip(" ,(-–—:"):
                return Owner(ORGANISATION, cue.text, PUBLIC_PLACE)  # "Casa San Jose 2116 Broadway Ave"
            subject = subject or cue
            continue
        taken_until = cue.start
        if cue.kind == "passive":
            continue  # "Dana can be reached at": the owner is the subject, further back
        if borrowed and cue.kind == PRIVATE:
            return None  # the sentence before may name the office, not hand its number to someone
        return Owner(cue.kind, cue.text, cue.why)
    # No verb and no other owner: the clause is about the person it names
    # ("Grower Tom Lind is happy to show you around: 555-0152").
    gap = text[subject.end : start] if subject is not None else ""
    if subject is not None and not borrowed and len(gap) <= 60 and not re.search(r"\d", gap):
        return Owner(PRIVATE, subject.text, subject.why)
    return None


def _full_name(name: str, honorifics: frozenset[str] = frozenset()) -> bool:
    """A given name and a census surname: "Joan Petty", not "Orlando" or "Casa San Jose"; or a
    surname after an honorific: "Mrs. Lund"."""
    words = [w.lower() for w in name.split()]
    given, surnames = _given_names(), _surnames()
    if len(words) == 2 and words[0].rstrip(".") in honorifics and (surnames is None or words[1] in surnames):
        return True
    if given is None or surnames is None:
        return len(words) >= 2
    return len(words) >= 2 and words[0] in given and words[-1] in surnames


@lru_cache(maxsize=8)
def _mail_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    mail = word_pattern(words, False).pattern
    return re.compile(
        rf"\b(?:send|mail|deliver|drop\s+off)\s+(?:(?:your|a|any|our|some)\s+)?(?:[\w-]+\s+)?{mail}"
        rf"|{mail}\s+(?:can|may|should|will)\s+(?:be\s+(?:sent|mailed|delivered|dropped\s+off)|go)\b",
        re.IGNORECASE,
    )


_SOMEONES_ADDRESS = re.compile(r"\b(?:her|his|their|[A-Z][a-z]+['’]s)\s+(?:(?:home|mailing|street|new)\s+)?address\b")


# "Joan Rydell's garden at", "the Okafors' yard on", "her porch at": a thing a person has, at the
# address; not a business of theirs ("Jenny's bakery at", the business list of cues.toml) nor an
# organisation's ("Lions Club's pancake breakfast at"), which are public places.
def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words if " " not in w}, key=len, reverse=True))


@lru_cache(maxsize=8)
def _someones_place(organisations: tuple[str, ...], events: tuple[str, ...]) -> re.Pattern[str]:
    owners, things = _alternation(organisations), _alternation(events)
    return re.compile(
        rf"\b(?:her|his|their|(?:[A-Z][a-z]+\s+)?(?!(?i:{owners})['’])[A-Z][a-z]+(?:['’]s|s['’]))\s+"
        rf"(?:[a-z-]+\s+){{0,2}}?(?!(?:{things})\b)[a-z]+(?=\s*(?:at|on|,)\s*(?:\d|$))"
    )


def _someones_address() -> re.Pattern[str]:
    """ "Ms. Delgado's address, 77 Orchard Lane", "his mailing address": a person's own."""
    return _SOMEONES_ADDRESS


def _personal_mail(cues) -> re.Pattern[str]:
    """What is sent to a person, with its sending: "Send condolences to", "Cards can be mailed
    to"; not a "$50 gift card" won at a clinic's address."""
    return _mail_pattern(cues.lists["personal-mail"])


def address_owner(
    text: str,
    sentences: list[tuple[int, int]],
    start: int,
    end: int,
    cues,
    known: Known,
    mentions: Iterable[tuple[int, int]] = (),
    people: Iterable[tuple[int, int]] = (),
) -> Owner | None:
    """Whose a street address is: a private person's ("mail to her at", "his home", "the
    resident at", "Jane Olson of"), a public place's or venue's ("City Hall,", "the fair
    at", "visit us at"), or None when the sentence does not say."""
    # "open house", "home of the county's archives", "at home": home words that point at no home.
    masked = cues.pattern("not-home").sub(lambda m: " " * len(m.group()), text[: end + 60])
    organisations = (*cues.lists["facility"], *cues.lists["organisation"])
    extra = (
        (cues.lowercase_pattern("home"), PRIVATE, HOME),
        (_personal_mail(cues), PRIVATE, "mail for a person"),
        (_someones_address(), PRIVATE, "someone's address"),
        (_someones_place(organisations, (*cues.lists["venue"], *cues.lists["business"])), PRIVATE, "someone's place"),
        (cues.lowercase_pattern("private-incident"), PRIVATE, "an incident at a home"),
        (word_pattern(cues.lists["facility"], False), ORGANISATION, PUBLIC_PLACE),
        (word_pattern(cues.lists["venue"], True), ORGANISATION, PUBLIC_PLACE),
    )
    # "Code enforcement visited 812 Birch Road, where the owner has 14 cats": whoever came, the home is named after it
    household = cues.lowercase_pattern("household").pattern
    where = re.match(rf",?\s+where\s+(?:the|a|an|her|his|their)\s+(?:[a-z-]+\s+)?(?P<cue>{household})\b", masked[end : end + 50])
    if where:
        return Owner(PRIVATE, where.group("cue"), HOME)
    owner = owner_before(
        masked,
        sentences,
        start,
        cues,
        known,
        mentions,
        extra=extra,
        name_gap=_ADDRESS_GAP,
        previous_sentence=False,
        skip=cues.sets["incident"],  # "a fire at 1822 Birch Road" is no fire department's address
        people=people,
    )
    if owner is not None:
        return owner
    # "1418 Oakwood Drive, her home", "310 Cedar Lane owes $2,140".
    after = masked[end : end + 40]
    m = re.match(
        # "88 Birch Court, the blue house with the flag": a house described is someone's home
        r"[\s,(]*(?:(?:is|was)\s+)?(?:(?:her|his|their|the\s+\w+['’]s|the(?:\s+[a-z]+){1,2})\s+)?"
        r"(?P<cue>home|house|residence|apartment)\b",
        after,
    )
    m = m or re.match(
        r"\s*(?:\([^)]*\)\s*)?(?P<cue>owes|owed|is\s+behind|was\s+behind|has\s+(?:an?\s+)?(?:unpaid|overdue|past[- ]due))\b",
        after,
    )
    if m:
        return Owner(PRIVATE, m.group("cue"), HOME)
    # "... a chimney fire at 1822 Birch Road. The homeowner escaped unharmed."
    sentence = sentence_at(sentences, start)
    m = re.match(
        r"\s*(?P<cue>The\s+(?:homeowner|homeowners|resident|residents|family|owner|owners|tenant|tenants|occupant|occupants))\b",
        text[sentence[1] : sentence[1] + 40],
    )
    if m and sentence[0] <= start:
        return Owner(PRIVATE, m.group("cue"), HOME)
    return None


def owner_after(text: str, end: int, cues) -> Owner | None:
    """An owner written right after the datum: "555-0142 (her cell)", "555-0142, Jenny's mobile"."""
    after = text[end : end + 40]
    line = word_pattern(cues.lists["private-line"], False).pattern
    m = re.match(
        rf"\s*[(,–—-]?\s*(?:that'?s\s+|is\s+)?(?:(?:my|her|his|the\s+\w+['’]s|[A-Z][a-z]+['’]s)\s+)?(?P<cue>{line})",
        after,
        re.IGNORECASE,
    )
    if m:
        return Owner(PRIVATE, m.group("cue"), PERSONAL_LINE)
    return None


def _clause_start(text: str, sentences: list[tuple[int, int]], start: int) -> int:
    sentence = sentence_at(sentences, start)
    left = sentence[0] if sentence[0] <= start else max(0, start - _WINDOW)
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        # "Call Denise Farr - 715-555-0121": a dash right before the datum introduces it.
        if m.end() == start and m.group().strip() in "-–—":
            break
        left = m.end()
    return left
