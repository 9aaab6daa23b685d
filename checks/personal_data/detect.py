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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.text.alternation import word_alternation
from post_lint.text.sentences import sentence_at
from post_lint.text.wordlists import word_list

from . import whose
from .allow import AllowList
from .whose import Known, Owner

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
    owner: Owner | None = None  # whose it is, for contacts (whose.py)


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
    # A trie where it finds the same spans as the longest-first list, in a fraction of the time:
    # the account cues alone are 120 words tried at every word.
    body = word_alternation((w if not flags else w.lower() for w in words), r"\s+")
    # Whole words; a cue ending in a symbol ("#", ":") needs no word boundary after it.
    return re.compile(r"(?<![\w'’])(?:" + body + r")(?:(?<=\W)|(?![\w'’]))", flags)


@lru_cache(maxsize=16)
def load_cues(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Cues:
    data = tomllib.loads((_HERE / "cues.toml").read_text(encoding="utf-8"))
    lists = {name: tuple(words) for name, words in data.items()}
    # The lexicon of conditions and treatments is a file of its own: it is long and grows.
    lists["fact-medical"] = lists["fact-medical"] + word_list(_HERE / "conditions.txt")
    for name, words in extra:
        lists[name] = lists.get(name, ()) + tuple(words)
    return Cues(lists)


@dataclass(frozen=True)
class Scene:
    """What the detectors read a post through: its words, sentences and what the config names."""

    text: str  # Document.words_text: URLs, @mentions and #hashtags blanked
    sentences: list[tuple[int, int]]
    cues: Cues
    known: Known = Known()
    mentions: tuple[tuple[int, int], ...] = ()
    # The model's PERSON entities, when the run already parsed the post (never parsed for this):
    # a name the 1990 census lacks ("Priya Mehta") is still a person's.
    people: Iterable[tuple[int, int]] = ()


# -- helpers ------------------------------------------------------------------
_NAME_WORD = r"(?:O['’])?[A-Z][a-z]+(?:['’-][A-Za-z]+)?"
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


# Seven digits or more in one run whose digits are at most four punctuation marks or spaces
# apart: phonenumbers' matcher finds a number only inside such a run (its candidates are digit
# blocks at most four of its punctuation marks apart), so a post with none is spared the matcher.
# Dates and times ("12/7, 9-11 am, 2026") have seven digits but no such run.
_MAYBE_PHONE = re.compile(r"\d(?:(?:[^\w]|[xX\u30fc]){0,4}\d){6}")


def find_phones(text: str, region: str) -> Iterator[tuple[int, int, object]]:
    """(start, end, number) of phone numbers, with the phonenumbers matcher.

    Full numbers must be valid for their region; a seven-digit local number
    ("576-2700") counts when written with a separator.
    """
    if not _MAYBE_PHONE.search(text):  # the matcher is the costly part; most posts have no number
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


def _holder_in_sentence(scene: Scene, start: int) -> Owner | None:
    """A private person the sentence says holds what the post is about, before a bare "call
    555-0142": "She's safe with a neighbor — call 555-0142 to claim her!". Not a conditional
    or general one ("If a neighbor needs help, call ...", "a family member")."""
    sentence = sentence_at(scene.sentences, start)
    if sentence[0] > start:
        return None
    holders = scene.cues.lowercase_pattern("holder").pattern
    for m in re.finditer(
        rf"\b(?i:a|the|her|his|their|my)\s+(?:[a-z-]+\s+)?(?P<rel>{holders})(?!\s+members?)\b", scene.text[sentence[0] : start]
    ):
        before = scene.text[sentence[0] : sentence[0] + m.start()]
        if not re.search(r"\b(?:if|when|whether|any|anyone|every|each)\b[^,;—–-]*$", before, re.IGNORECASE):
            return Owner(whose.PRIVATE, m.group().strip(), whose.RELATION)
    return None


# "left her number with us: ...", "the number to try is the jogger's: ...": a line a person owns,
# said before the datum with no contact verb between (which would hand it to someone else).
_THEIR_LINE = re.compile(
    r"\b(?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:own\s+|direct\s+)?(?:number|phone(?:\s+number)?|contact\s+(?:number|info))\b"
)
_SOMEONES_BEFORE = re.compile(r"\bthe\s+(?P<noun>[a-z]+)['’]s\s*[:,–—-]?\s*$")


def _possessed_line(scene: Scene, start: int) -> Owner | None:
    sentence = sentence_at(scene.sentences, start)
    left = sentence[0] if sentence[0] <= start else max(0, start - 140)
    before = scene.text[left:start]
    verbs = scene.cues.pattern("contact-verb")
    owned = _SOMEONES_BEFORE.search(before)
    if owned and owned.group("noun") not in scene.cues.sets["organisation"] | scene.cues.sets["facility"]:
        return Owner(whose.PRIVATE, owned.group().strip(" :,–—-"), whose.RELATION)
    for m in _THEIR_LINE.finditer(before):
        if not verbs.search(before, m.end()):
            return Owner(whose.PRIVATE, m.group(), whose.PERSONAL_LINE)
    return None


def contact_owner(scene: Scene, start: int, end: int) -> Owner:
    """Whose a phone number or e-mail address is: the owner its sentence names, else the
    organisation's (a number the post gives with no owner is the account's own line)."""
    # Written right after it, "(the finder's cell)" says whose it is before anything else.
    owner = (
        whose.owner_after(scene.text, end, scene.cues)
        or _possessed_line(scene, start)
        or whose.owner_before(scene.text, scene.sentences, start, scene.cues, scene.known, scene.mentions, people=scene.people)
    )
    if owner is not None:
        return owner
    holder = _holder_in_sentence(scene, start)
    if holder is not None:
        return holder
    rest = scene.text[end : min(len(scene.text), end + 40)]
    service = scene.cues.pattern("service-after").pattern
    if re.match(r"[\s,.;:)]*(?:\w+\s+){0,2}?(?:" + service + ")", rest, re.I):
        return Owner(whose.ORGANISATION, "", "a service line")
    return Owner(whose.ORGANISATION, "", "given with no owner: the account's own line")


_NOT_A_LINE = re.compile(r"\b(?:id|passcode|pass\s+code|code|pin|meeting|webinar|access)\s*(?:number|no\.?)?\s*[:#]?\s*$", re.I)


def detect_phones(scene: Scene, region: str, allow: AllowList) -> Iterator[Hit]:
    import phonenumbers

    text = scene.text
    for start, end, number in find_phones(text, region):
        if allow.allows_phone(number):
            continue
        if _NOT_A_LINE.search(text[max(0, start - 20) : start]):
            continue  # "Meeting ID: 871 8814", "passcode 555 0142"
        national = str(number.national_number)  # type: ignore[attr-defined]
        if number.country_code == 1 and national[:3] in TOLL_FREE:  # type: ignore[attr-defined]
            continue  # a toll-free line belongs to an organisation
        owner = contact_owner(scene, start, end)
        yield Hit("phone", start, end, "phone number", owner)
    for start, end, digits in find_spelled_numbers(text):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and allow.allows_phone(number):
            continue
        # Spelled out to get past filters: a private number whoever the sentence gives it to.
        owner = contact_owner(scene, start, end)
        if not owner.private and not owner.cue:
            owner = Owner(whose.PRIVATE, "", "spelled out to dodge filters")
        yield Hit("phone", start, end, "phone number (spelled out)", owner)


# -- e-mail addresses ----------------------------------------------------------
# "@" only with a blank after it ("jane @ gmail . com"): "more @ReadyNC.org" is a mention-like link.
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\s?\.\s?)"
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
        # Plain " at " and plain dots is an ordinary sentence ("find us at anoka.com"); "@" or a
        # spaced dot is not ("jane.olson82 @ gmail . com").
        if not re.search(r"[(\[{<]\s*(?:at|dot)\s*[)\]}>]|\sdot\s|@|\s\.|\.\s", written, re.IGNORECASE):
            continue
        domain = re.sub(_DOT, ".", m.group("domain"), flags=re.IGNORECASE)
        yield m.start(), m.end(), f"{m.group('local')}@{domain}.{m.group('tld')}".lower()


_PLAIN_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,63}\b", re.IGNORECASE)
_BEFORE_DOMAIN = re.compile(r"(?<![\w.%+-])(?P<local>[a-z0-9][\w.%+-]{0,63})(?:\s*@\s*|\s+at\s+)$", re.IGNORECASE)


def find_disguised_emails(text: str, tokens: list, cues: Cues) -> Iterator[tuple[int, int, str]]:
    """Addresses the tokenizer could not see: one left in the words (its "＠" was fullwidth), and
    a mailbox written before a free-mail domain it parted from ("jane.olson82 at gmail.com")."""
    for m in _PLAIN_EMAIL.finditer(text):
        yield m.start(), m.end(), m.group().lower()
    for token in tokens:
        domain = token.text.lower().rstrip(".")
        if token.kind != "url" or not _free_mail(domain, cues) or "/" in domain:
            continue
        m = _BEFORE_DOMAIN.search(text, max(0, token.start - 80), token.start)
        if m and m.group("local").lower() not in cues.sets["not-a-mailbox"]:
            yield m.start(), token.end, f"{m.group('local')}@{domain}".lower()


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


def _free_mail(domain: str, cues: Cues) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in cues.sets["free-mail"])


def email_owner(scene: Scene, start: int, end: int, address: str, obfuscated: bool) -> Owner:
    """Whose an e-mail address is. A relation ("the finder") makes it private anywhere; a name
    or a pronoun only at a free-mail domain (at a work domain it is the person's work mailbox);
    with no owner named, a free-mail address is private unless its local part names a role."""
    cues = scene.cues
    local, _, domain = address.lower().rpartition("@")
    free = _free_mail(domain, cues) or _personal_domain(domain)
    owner = whose.owner_before(scene.text, scene.sentences, start, cues, scene.known, scene.mentions)
    if owner is None:
        owner = whose.owner_after(scene.text, end, cues)
    if owner is not None and free and owner.why == whose.SERVICE:
        owner = None  # "Questions? jenny.olson82@gmail.com": a topic owns no mailbox
    if owner is not None:
        if owner.private and owner.why in (whose.NAME, whose.PRONOUN) and not free and not obfuscated:
            if _in_private_capacity(scene, start, owner.cue):
                return Owner(whose.PRIVATE, owner.cue, "a resident or a relation, not a work role")
            return Owner(whose.ORGANISATION, owner.cue, "a work address")
        return owner
    if _group_mailbox(scene, start, local):
        return Owner(whose.ORGANISATION, "", "a group's mailbox named in its sentence")
    if obfuscated:
        return Owner(whose.PRIVATE, "", "written to dodge filters")
    if free and not any(part in local for part in cues.sets["role-mailbox-part"]) and _names_someone(local):
        return Owner(whose.PRIVATE, domain, "a personal mailbox")
    return Owner(whose.ORGANISATION, "", "given with no owner: the account's own address")


def _in_private_capacity(scene: Scene, start: int, name: str) -> bool:
    """ "Email resident Sandra Kim at skim@example.com", "our neighbor Linda Park": a name the
    sentence gives a private relation is a private person's address at any domain but a public one."""
    if not name:
        return False
    sentence = sentence_at(scene.sentences, start)
    before = scene.text[max(sentence[0], start - 160) : start]
    relation = scene.cues.lowercase_pattern("person").pattern
    first = re.escape(name.split()[0])
    # "resident Sandra Kim", "the resident who complained, Kurt Lenz": the relation, then the name
    # Lower case a clause before it ("Family Resource Center director Ann Lee" is a work role), or a
    # capitalised title right before it ("Resident Tom Quinn").
    return bool(
        re.search(rf"\b(?:{relation})\b[^.;:!?()]{{0,40}}?\b{first}\b", before)
        or re.search(rf"\b(?i:{relation})\s+{first}\b", before)
    )


def _group_mailbox(scene: Scene, start: int, local: str) -> bool:
    """ "The Lincoln Elementary PTO ...: lincolnpto.mf@gmail.com": a mailbox built from an acronym its
    sentence names is the group's, not a person's."""
    sentence = sentence_at(scene.sentences, start)
    words = scene.text[sentence[0] : start]
    skip = scene.cues.sets["not-an-agency"]
    return any(
        len(m.group()) >= 3 and m.group().lower() not in skip and m.group().lower() in local
        for m in re.finditer(r"(?<![\w@#])[A-Z]{3,6}(?![\w])", words)
    )


_FAMILY_DOMAIN = re.compile(r"(?:the(?P<plural>[a-z]+?)s|(?P<family>[a-z]+?)(?:family|fam|clan)|(?P<name>[a-z]+))")


def _personal_domain(domain: str) -> bool:
    """A domain that is a person's or a family's own name: "jeffsmith.net", "thejohnsons.org",
    "lenzfamily.net"; not a business named after someone ("smithlaw.com")."""
    from post_lint.text.people import census_names, everyday_word

    names = census_names()
    m = _FAMILY_DOMAIN.fullmatch(domain.split(".")[0])
    if names is None or m is None:
        return False
    given, surnames = names
    household = m.group("plural") or m.group("family")
    if household:  # "thejohnsons", "lenzfamily": a surname made a household; not "thegroves"
        return len(household) >= 3 and household in surnames and not everyday_word(household)
    name = m.group("name")
    return any(
        name[:i] in given and name[i:] in surnames for i in range(3, len(name) - 3)
    )  # "jeffsmith": a given name and a surname


def _names_someone(local: str) -> bool:
    """A mailbox's local part that holds a person's name ("jenny.olson82", "judyh1962",
    "davelindgren"), not a group's words ("whatsourrecipe", "flwcbreastfeeding")."""
    from post_lint.text.people import census_names

    names = census_names()
    if names is None:
        return True
    given, surnames = names
    for run in re.findall(r"[a-z]+", local.lower()):
        if len(run) >= 4 and run in surnames:
            return True
        if any(run[:n] in given for n in range(3, min(len(run), 10) + 1)):
            return True
        if any(run[1:n] in surnames for n in range(5, len(run) + 1)):
            return True  # "tlarson": an initial and a surname
    return False


def detect_emails(scene: Scene, doc_tokens: list, allow: AllowList) -> Iterator[Hit]:
    text, cues = scene.text, scene.cues
    found = [(t.start, t.end, t.text, "e-mail address", False) for t in doc_tokens if t.kind == "email"]
    found += [(s, e, a, "e-mail address (written to dodge filters)", True) for s, e, a in find_obfuscated_emails(text)]
    found += [
        (s, e, a, "e-mail address (written to dodge filters)", True)
        for s, e, a in find_disguised_emails(text, doc_tokens, cues)
        if not any(s < f[1] and f[0] < e for f in found)
    ]
    for start, end, address, what, obfuscated in found:
        if allow.allows_email(address):
            continue
        owner = email_owner(scene, start, end, address, obfuscated)
        if _public_email(address, cues) and not (owner.private and owner.why in (whose.RELATION, whose.PERSONAL_LINE)):
            owner = Owner(whose.ORGANISATION, owner.cue, "a public body's or a role's address")
        yield Hit("email", start, end, what, owner)


# -- numbers that identify a person ------------------------------------------
_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
_SSN_CUE = re.compile(r"\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:is|was|:|#)?\s*$", re.IGNORECASE)
_NINE_DIGITS = re.compile(r"(?<![\d-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\d-])")
# Card numbers as printed: 13-19 digits in one run, in fours, or Amex's 4-6-5.
_CARD = re.compile(r"(?<![\d-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\d-])")


# Digits in groups of two to six, however separated: card, account and ID numbers as written.
_GROUPED_DIGITS = re.compile(r"(?<![\d-])\d{2,6}(?:[ .-]\d{2,6}){1,6}(?![\d-])")


_MASKED_CARD = re.compile(r"(?<![\w*•])(?:[*xX•]{4}[ -]){2,3}\d{4}(?!\d)")


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
    # Any grouping ("4417 2290 1183 0042", "44-1722-9011-8300-4"), Luhn-valid or not, when the
    # words before it say it is a card's: "a Visa card, number ...", "debit card #...".
    card_words = cues.pattern("card-word-strict")
    for m in _GROUPED_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if not 12 <= len(digits) <= 19:
            continue
        # "her debit card, 4417 2290 ...", "4417-2290-1183-0065 is the debit card that was found"
        after = re.match(
            r"[\s,(]*(?:(?:is|was|,)\s+)?(?:(?:the|a|her|his|their|my)\s+)?(?:[a-z]+\s+)?", text[m.end() : m.end() + 40]
        )
        if card_words.search(text[max(0, m.start() - 50) : m.start()]) or (
            after and card_words.match(text, m.end() + after.end())
        ):
            yield Hit("card", m.start(), m.end(), "payment card number")
    card, ending = cues.pattern("card-word").pattern, cues.pattern("card-ending").pattern
    for m in re.finditer(
        rf"(?:{card}[^.!?\n]{{0,30}}?{ending}|{ending}[^.!?\n]{{0,30}}?{card})"
        r"[\s:#-]*(?:digits\s*)?(?:is\s+|are\s+|of\s+)?(?P<digits>\d{4})(?![\d,])",
        text,
        re.IGNORECASE,
    ):
        yield Hit("card", m.start("digits"), m.end("digits"), "card's last four digits")
    # "****-****-****-4417", "XXXX XXXX XXXX 4417": a card printed with all but its last four masked
    for m in _MASKED_CARD.finditer(text):
        yield Hit("card", m.start(), m.end(), "card's last four digits")
    yield from _identifiers(text, cues, cues.pattern("account"), needs_owner=False)
    yield from _identifiers(text, cues, cues.pattern("record"), needs_owner=True)


# Not a round milestone ("member number 2500 gets a prize") nor a count, a share or a time.
_SHORT_ID = re.compile(
    r"[\s:#.,(]*(?:(?:number|no\.?|#)[\s:#.]*)?(?P<id>\d{4,6})"
    r"(?![\d/:%-]|[.,]\d|\w|\s*(?:percent|years?|days?)\b)"
)


def _short_identifier(text: str, cue: re.Match[str]) -> re.Match[str] | None:
    """Four to six digits in one group, when the words say they are a number: "badge number 3318",
    "employee # 20931"; not "member 2024" or "patron 1000" with no "number" before them."""
    m = _SHORT_ID.match(text, cue.end(), min(len(text), cue.end() + 20))
    if m is None or m.group("id").endswith("00"):
        return None
    said = re.search(r"(?:number|no\.?|#|\bid)\s*$", cue.group(), re.IGNORECASE) or re.search(
        r"number|no\.?|#", text[cue.end() : m.start("id")], re.IGNORECASE
    )
    # "Sgt. Mia Holt, badge 2207, ...": the number set in apposition to a name is that person's.
    beside_a_name = re.search(r"[A-Z][a-z]+,\s*$", text[max(0, cue.start() - 25) : cue.start()]) and re.match(
        r"\s*[,;)]", text[m.end() :]
    )
    return m if said or beside_a_name else None


def _identifiers(text: str, cues: Cues, cue_pattern: re.Pattern[str], *, needs_owner: bool) -> Iterator[Hit]:
    """The identifier after each cue ("account 4401 2231 0098", "driver's license, number D455-6128");
    for a record's number, only where its sentence ties it to someone (:func:`_tied_to_someone`)."""
    identifier = re.compile(
        # "account 4401 ...", "bank account number, 0044 ...", "the account # on the notice for 412 Elm St. is 30-4471-02"
        # "state ID with the number D4471092", "license number on file, WDL9981KQ3"
        r"(?:[\s:#.,(]*(?:(?:number|no\.?|num|is|was|of|ending\s+in|ends\s+in|with(?:\s+the)?|on\s+(?:file|record))[\s:#.,]*){0,3}"
        r"|\s*(?:number|no\.?|#)?\s+(?:on|for|of|from|in)\s[^!?\n]{0,50}?\s(?:is|was|reads)\s+"
        # "a driver's license for Tom Reyes, number S530-4412-9901": its holder's name between
        r"|\s+(?:for|of)\s+(?:[A-Z][\w.'’-]*\s*){1,3},\s*(?:number|no\.?|#)[\s:#.]*)"
        r"(?P<id>\d{2,6}(?:[ .]\d{2,6}){1,5}(?![\d.-])|(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?!\w|,\d)",
        re.IGNORECASE,
    )
    not_an_id = cues.pattern("not-an-id").pattern
    for cue in cue_pattern.finditer(text):
        m = identifier.match(text, cue.end(), min(len(text), cue.end() + 60))
        if not m and not needs_owner:
            m = _short_identifier(text, cue)
        if not m or re.fullmatch(r"(?:19|20)\d\d", m.group("id")):
            continue
        if re.search(rf"(?:{not_an_id})\s*$", text[max(0, cue.start() - 15) : cue.start()], re.IGNORECASE) or re.search(
            rf"\b(?:{not_an_id})\b", text[cue.end() : m.start("id")], re.IGNORECASE
        ):
            continue  # "Meeting ID 881 2043 5567", "the ID number for the meeting is ...": no one's
        if (
            cue.group() == "ID"
            and re.search(r"[A-Z][a-z]+,\s*$", text[max(0, cue.start() - 20) : cue.start()])
            and re.fullmatch(r"\d{5}", m.group("id"))
        ):
            continue  # "Caldwell, ID, 83607": Idaho and a ZIP code; not "a Medicaid card, ID 88109345B"
        if needs_owner and not _tied_to_someone(text, cue.start(), m.end(), cues):
            continue
        what = re.sub(r"\s+(?:no\.?|#)$", "", re.sub(r"\s+", " ", cue.group().lower()).rstrip(" #:"))
        yield Hit("account", m.start("id"), m.end("id"), what if "number" in what else f"{what} number")


def _tied_to_someone(text: str, start: int, end: int, cues: Cues) -> bool:
    """The sentence names whose the number is: a person, a pronoun, a relation, the reader
    ("your case number"), or a house address; not a project's or a hearing's."""
    left, right = sentence_bounds(text, start, end)
    sentence = text[left:right]
    people = cues.lowercase_pattern("person").pattern + "|" + cues.lowercase_pattern("household").pattern
    if re.search(rf"\b(?:your|her|his|she|he|him|their)\b|(?:{people})", sentence):
        return True
    if re.search(r"\bthe\s+[A-Z][a-z]+s['’]?(?!\w)|\b(?:Mrs?|Ms|Dr)\.?\s+[A-Z][a-z]+", sentence):
        return True  # "the Garcias' roof", "Mr. Hale": a household or a person by surname
    if address_pattern(cues.lists["street-suffix"]).search(sentence):
        return True
    # "... has been approved. The homeowner can pick it up": the next sentence's subject.
    if re.match(rf"[\s.!?]*(?:She|He|The\s+(?:{people}))\b", text[right : right + 60]):
        return True
    return any(_names_a_person(m.group(), cues) for m in re.finditer(_NAME_WORD + r"(?:\s+" + _NAME_WORD + r")+", sentence))


# -- dates of birth and ages ---------------------------------------------------
# Something every age pattern below needs; most posts have none, and the name patterns are slow.
_AGE_TRIGGER = re.compile(
    r"\bages?\s+\d|,\s+(?:age\s+|aged\s+|an?\s+)?\d{1,3}|\(\s*(?:age\s+)?\d{1,3}\)|\d{1,3}[- ]years?[- ]old"
    r"|\b(?:is|turns|turned|turn|turning|celebrates|celebrated)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"|\d(?:st|nd|rd|th)\s+[Bb]irthday|\b(?:[Hh]e|[Ss]he)['’]s\s+\d"
)
# A child's age in words ("just turned two"), and a child named by their relation ("our clerk's
# son, Jacob", "Deputy Ruiz's toddler, Mateo"): then "He's 5 today" is that child's age.
_SPELLED_AGE = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_KIN_WORDS = r"(?:son|daughter|toddler|baby|infant|newborn|twins?|grandson|granddaughter|boy|girl|kids?|children|child)"
_KIN_BEFORE = re.compile(rf"\b{_KIN_WORDS},?\s*$", re.IGNORECASE)
_PRONOUN_AGE = re.compile(
    r"\b(?:[Hh]e|[Ss]he)(?:['’]s|\s+is|\s+(?:just\s+)?turn(?:s|ed))\s+(?P<age>\d{1,2})(?:\s+years?\s+old)?"
    r"(?=\s*(?:today|tomorrow|this\b|now\b|[.!,]))"
)


def _born_thing(text: str, cue: re.Match[str], date: re.Match[str], cues: Cues) -> bool:
    """A place or an institution was born, not a person: "Anoka was born 03/14/1924 as a village",
    "the festival was born on ...", "the city, born 03/14/1924"."""
    things = cues.pattern("born-thing").pattern
    if re.match(
        rf"\s*,?\s*(?:as|into)\s+(?:an?|the|our|its)\s+(?:[\w-]+\s+)?(?:{things})\b", text[date.end() : date.end() + 60], re.I
    ):
        return True
    before = text[max(0, cue.start() - 60) : cue.start()]
    subject = re.search(r"(?:^|[.!?\n]\s*|\b(?:the|our|this|its)\s+)([\w'’-]+)\s*,?\s*(?:(?:was|were|is)\s+)?$", before, re.I)
    if subject is None:
        return False
    word = subject.group(1).lower().removesuffix("'s").removesuffix("’s")
    return (
        bool(re.fullmatch(things, word, re.I))
        or word in cues.sets["facility"]
        or word in cues.sets["organisation"]
        or (bool(re.match(r"[A-Z]", subject.group(1))) and word in cues.sets["place-prefix"])
    )


def _animal(text: str, m: re.Match[str], cues: Cues) -> bool:
    """The name is an animal's: "police dog Rex, age 7", "K9 Officer Bruno, 5", "Rex, a 7-year-old dog"."""
    animals = cues.pattern("animal").pattern
    before = text[max(0, m.start("name") - 30) : m.start("name")]
    if re.search(rf"(?:{animals})\s+(?:(?:officer|ofc\.?|sgt\.?|partner|named|called)\s+)?$", before, re.I):
        return True
    after = rf"(?:[- ]years?[- ]old)?\)?,?\s+(?:(?:is|was)\s+)?(?:(?:a|an|the|our)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{animals})s?\b"
    return bool(re.match(after, text[m.end() : m.end() + 50], re.I))


def detect_birth_and_age(text: str, cues: Cues) -> Iterator[Hit]:
    date = re.compile(r"\s*(?:on|is|was|:|-)?\s*" + _DATE, re.IGNORECASE)
    for cue in cues.pattern("birth").finditer(text):
        m = date.match(text, cue.end(), min(len(text), cue.end() + 40))
        if m and _year_is_recent(m.group("y1") or m.group("y2") or m.group("y3")) and not _born_thing(text, cue, m, cues):
            yield Hit("birth-date", m.start("date"), m.end("date"), "date of birth")
    if not _AGE_TRIGGER.search(text):
        return
    age = r"(?P<age>\d{1,3})"
    patterns = (
        # "Marcus, 34, was ..."; "Ruth Olson, age 90, of Anoka"
        re.compile(rf"{_NAME},\s+(?:age\s+|aged\s+)?{age}(?=\s*(?:,|;|\)|\.\s|\.$|\s+(?:of|from|and)\b))"),
        # "Marcus (34)"
        re.compile(rf"{_NAME}\s+\((?:age\s+)?{age}\)"),
        # "Noah and Ava Berg, ages 9 and 6"
        re.compile(rf"{_NAME},?\s+\(?(?:ages|aged)\s+{age}(?:\s*(?:,|and|&)\s*\d{{1,3}})+"),
        # "Marcus, a 34-year-old ..."
        re.compile(rf"{_NAME},\s+(?:a|an)\s+{age}[- ]years?[- ]old\b"),
        # "Ruth turns 100 today", "Ruth Olson, who is 90 years old"
        re.compile(
            rf"{_NAME}(?:,?\s+who)?,?\s+(?:just\s+)?(?:is|turns|turned|will\s+turn|is\s+turning|celebrates|celebrated)\s+"
            rf"(?:{age}|(?P<spelled>{_SPELLED_AGE}))(?:\s+years?\s+(?:old|young))?(?=\s*(?:[.!,;)]|today|tomorrow|this\b|on\b|and\b|$))"
        ),
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            if m.groupdict().get("spelled"):
                # "Mateo, just turned two": a spelled age is a child's, after a name that is one.
                if _names_a_person(m.group("name"), cues) or _KIN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                    yield Hit("age", m.start("spelled"), m.end("spelled"), "age")
                continue
            if not (0 < int(m.group("age")) <= 120 and _is_person_name(m.group("name"), cues)) or _animal(text, m, cues):
                continue
            if re.search(r"\b(?:ages|aged)\s", m.group()):
                # "Noah and Ava Berg, ages 9 and 6": only after a person's name ("Teens ages 16 & 17" is no one);
                # the given name before "and" counts too ("Owen and Harper Lindqvist").
                sibling = re.search(r"([A-Z][a-z]+)\s+(?:and|&)\s+$", text[max(0, m.start() - 20) : m.start()])
                named = (f"{sibling.group(1)} " if sibling else "") + m.group("name")
                if _names_a_person(m.group("name"), cues) or (sibling and _names_a_person(named, cues)):
                    yield Hit("age", m.start("age"), m.end(), "age")
                continue
            yield Hit("age", m.start("age"), m.end("age"), "age")
    for m in _PRONOUN_AGE.finditer(text):
        before = text[max(0, m.start() - 160) : m.start()]
        kin = re.search(rf"\b{_KIN_WORDS}\b(?:\s+of\s+[^.!?]{{0,40}})?", before, re.IGNORECASE)
        named = any(_names_a_person(n.group("name"), cues) for n in re.finditer(_NAME, before))
        if int(m.group("age")) < 18 and kin and named:
            yield Hit("age", m.start("age"), m.end("age"), "age")  # "Jacob, the son of ... He's 5 today"
    # "34-year-old Marcus Lee", but not "a 34-year-old Anoka man" nor "5-11-year-old clinics"
    nouns = cues.sets["person-noun"]
    for m in re.finditer(rf"(?<![\d–-])(?<!\d to ){age}[- ]years?[- ]old\s+{_NAME}(?P<after>\s+[a-z]+)?", text):
        after = (m.group("after") or "").strip()
        if (
            0 < int(m.group("age")) <= 120
            and after not in nouns
            and _is_person_name(m.group("name"), cues)
            and not _animal(text, m, cues)
        ):
            yield Hit("age", m.start(), m.end("age") + len("-year-old"), "age")
    # "Happy 100th birthday to Ruth!", "Ruth celebrates her 100th birthday", "Ruth's 90th birthday"
    ordinal = r"(?P<age>\d{1,3})(?:st|nd|rd|th)\s+[Bb]irthday"
    birthdays = (
        re.compile(rf"(?i:happy)\s+{ordinal}(?:\s+(?:wishes\s+)?to|,)(?:\s+[a-z][\w'’-]*,?){{0,5}}\s+{_NAME}"),
        re.compile(rf"{_NAME}(?:['’]s\s+|\s+(?:celebrates|celebrated|celebrating|marks|marked)\s+(?:her|his|their)\s+){ordinal}"),
    )
    for pattern in birthdays:
        for m in pattern.finditer(text):
            if 0 < int(m.group("age")) <= 120 and _is_person_name(m.group("name"), cues) and not _animal(text, m, cues):
                yield Hit("age", m.start("age"), m.end("age") + 2, "age")


# -- a named child's grade and school -----------------------------------------
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_GRADE = rf"(?:(?i:{_ORDINAL})[- ]grader|[Kk]indergart[ne]+r|[Pp]reschooler|in\s+(?:the\s+)?(?i:{_ORDINAL})[- ]grade\b)"
_SCHOOL_YEAR = r"(?:freshman|sophomore|junior|senior|student|pupil)"


@lru_cache(maxsize=8)
def _child_patterns(schools: tuple[str, ...], streets: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    school = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in schools), key=len, reverse=True))
    named_school = rf"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{1,4}}?(?:{school})\b"
    street = "|".join(sorted((re.escape(w) for w in streets), key=len, reverse=True))
    return (
        # "fifth grader Lily Chen", "Kindergartner Ruby Hale"
        re.compile(rf"(?P<detail>{_GRADE}),?\s+{_NAME}"),
        # "Lily Chen, a fifth grader at ...", "Kaylee, who is in second grade", "Jacob, a junior at Central High School"
        re.compile(
            rf"{_NAME},?\s+(?:(?:a|an|our|(?:who\s+)?is(?:\s+an?)?|who\s+lives\s+on\s+[^,.;]{{1,40}}?\s+and\s+is)\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?P<detail>{_GRADE}|{_SCHOOL_YEAR}\s+(?:at|from|of)\s+{named_school})"
        ),
        # "Liam O'Connor of Northside Middle School", "Madison Pike, who attends Tamarack Middle School"
        re.compile(rf"{_NAME}(?:\s+|,\s+who\s+)(?:of|from|at|attends|goes\s+to)\s+(?P<detail>{named_school})"),
        # "Brookhaven Middle School student Owen Lutz", "Riverside Elementary's Ava Lind"
        re.compile(rf"(?P<detail>{named_school})(?:['’]s|\s+(?:{_SCHOOL_YEAR}|{_GRADE}))\s+{_NAME}"),
        # "Little Oliver Brandt, who lives on Tamarack Court": a child's home street
        re.compile(
            rf"\b(?i:little|young|son|daughter|grandson|granddaughter|boy|girl)\s+{_NAME},?\s+(?:who\s+lives\s+on|of|from)\s+"
            rf"(?P<detail>(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{street}))\b"
        ),
    )


_ADULT_AT_SCHOOL = re.compile(
    r"\b(?:teacher|principal|coach|counselor|nurse|staff|superintendent|secretary|custodian|librarian|parent|mom|dad|"
    # not "volunteer": "our youngest volunteer, a student at"; "Dr. Jacob Nato from Harvard Medical School"
    r"director|aide|paraprofessional|board|dr|professor|prof|dean|alumn[ai]|graduate)\b|\b(?:medical|law)\s+school\b",
    re.IGNORECASE,
)


def detect_child_details(text: str, cues: Cues, people: Iterable[tuple[int, int]] = ()) -> Iterator[Hit]:
    """A named child's grade, school or home street ("Jacob Reinholt, a fifth grader at Lincoln
    Elementary", "Eighth grader Liam O'Connor", "little Oliver Brandt, who lives on Tamarack Court"):
    a minor a stranger could find. A name is a person's by the census lists or, for names they
    lack ("Harper Gill", "Ethan Park"), by spaCy's PERSON entity when the run made one."""
    if not re.search(
        r"grade|kindergart|preschool|school|elementary|academy|montessori|little|young|son|daughter|boy|girl", text, re.I
    ):
        return
    for i, pattern in enumerate(_child_patterns(tuple(cues.lists["school"]), tuple(cues.lists["street-suffix"]))):
        for m in pattern.finditer(text):
            # After "fifth grader" any capitalised name is a child's ("Liam", whom the 1990 census lacks).
            person = _is_person_name(m.group("name"), cues) if i == 0 else _names_a_person(m.group("name"), cues)
            person = person or any(s <= m.start("name") and m.end("name") <= e for s, e in people)
            if not person or _ADULT_AT_SCHOOL.search(text[max(0, m.start() - 30) : m.end()]):
                continue
            yield Hit("child", m.start("detail"), m.end("detail"), "a named child's grade, school or home street")


# -- street addresses ----------------------------------------------------------
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\.?"


@lru_cache(maxsize=16)
def address_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    suffix = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w$.,/-])(?P<number>\d{{1,6}})[A-Za-z]?\s+(?:{_DIRECTION}\s+)?"
        rf"(?:[A-Z][A-Za-z'’-]*|\d{{1,3}}(?:st|nd|rd|th))(?:\s+[A-Z][A-Za-z'’-]*){{0,3}}\s+"
        rf"(?i:{suffix})\b\.?(?:\s+{_DIRECTION}(?![\w]))?"
        rf"(?:,?\s+(?i:apt|apartment|unit|#)\.?\s*#?\s*\w+)?"
    )


def detect_addresses(scene: Scene, allow: AllowList) -> Iterator[Hit]:
    """A house number and street tied to a private person (whose.address_owner): "mail to
    her at", "his home", "the resident at", "Jane Olson of"; never a public place's."""
    text, cues = scene.text, scene.cues
    for m in address_pattern(cues.lists["street-suffix"]).finditer(text):
        address = m.group().rstrip(".")
        end = m.start() + len(address)
        if allow.allows_address(address):
            continue
        # "between 1500 and 1700 Pleasant Street", "1500-1700 Pleasant St.": a stretch of street.
        if re.search(r"\d\s*(?:-|–|to|and|through|thru)\s*$", text[max(0, m.start() - 15) : m.start()]):
            continue
        if re.search(r"\b(?:apt|apartment|unit)\b|#", address, re.IGNORECASE):
            yield Hit("address", m.start(), end, "home address", Owner(whose.PRIVATE, "", whose.HOME))
            continue
        owner = whose.address_owner(text, scene.sentences, m.start(), end, cues, scene.known, scene.mentions, scene.people)
        if owner is not None and owner.private and not _historic(text, sentence_at(scene.sentences, m.start())):
            yield Hit("address", m.start(), end, "home address", owner)
    # "Sympathy cards for the Lindqvist family can be sent to PO Box 418": a person's mailing address
    for m in _PO_BOX.finditer(text):
        if allow.allows_address(m.group()):
            continue
        owner = whose.address_owner(text, scene.sentences, m.start(), m.end(), cues, scene.known, scene.mentions, scene.people)
        if owner is not None and owner.private:
            yield Hit("address", m.start(), m.end(), "mailing address", owner)


_PO_BOX = re.compile(r"\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box)\s+\d{1,6}\b", re.IGNORECASE)


_HISTORIC = re.compile(r"\bhistoric(?:al)?\b|\b(?:the|in|since|from|until|by|circa|built)\s+(?:1[6-8]\d\d|19[0-3]\d)\b", re.I)


def _historic(text: str, sentence: tuple[int, int]) -> bool:
    """A house of history: "the 1887 home of lumber baron ...", "the historic Olson house"."""
    return bool(_HISTORIC.search(text, *sentence))


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
