"""personal-data: private information about a person, which the policy forbids publishing.

Phone numbers come from the ``phonenumbers`` matcher (any common format, with a
configurable default region); e-mail addresses from the document's tokens and
from spelled-out forms; the rest from patterns plus the context words in
``cues.toml``. Whose a contact or an address is comes from its sentence
(``whose.py``); facts about a person from ``sensitive.py``. Runs without spaCy:
the shared text layer (sentences, consent, census names) is enough. The
organisation's own contacts go in ``[body] contacts`` or ``[personal-data]
allow`` and are never flagged; the links check reads the same list.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from post_lint.api import COMMENTS, PROFILES, Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding, Token
from post_lint.text.consent import Consent, consent_in

from . import detect
from .allow import allow_list
from .children import detect_child_streets
from .readable import readable
from .sensitive import detect_parsed_facts, detect_sensitive
from .whose import Known, Owner

_WHY = "the policy forbids publishing private information"

# What to do, by rule (advice.toml).
_ADVICE: dict[str, str] = tomllib.loads(Path(__file__).with_name("advice.toml").read_text(encoding="utf-8"))


def _org_lines_severity(ctx: Context, allow_entries: list[str]) -> str | None:
    """Severity of the organisation's own contacts: a note while the city lists none of its
    contacts (its first day), nothing once it does ("auto"); or always "info", or "off"."""
    setting = ctx["organisation-contacts"]
    if setting == "off" or (setting == "auto" and allow_entries):
        return None
    return "info"


def _hits(doc: Document, ctx: Context, allow_entries: list[str]) -> list[detect.Hit]:
    """Every datum found, one per span, with offsets into the original text.

    The detectors read the post as :func:`readable` writes it back (fullwidth, superscript or
    keycap digits, letters for digits, spoken numbers), each span mapped back to the original.
    """
    extra = tuple(sorted((name, tuple(words)) for name, words in ctx["extra-cues"].items()))
    cues = detect.load_cues(extra)
    region = ctx["region"].upper()
    allow = allow_list(allow_entries, region)
    facts = ctx.facts
    source, parted = _words_with_parted_domains(doc)
    norm = readable(source, cues.lists["digit-joiner"])
    same = norm.text == source

    def here(start: int, end: int) -> tuple[int, int]:  # an original span, in the text read
        return (start, end) if same else (norm.index(start), norm.index(end))

    tokens = [t if same else Token(t.kind, *here(t.start, t.end), t.text) for t in doc.tokens if t not in parted]
    scene = detect.Scene(
        text=norm.text,
        sentences=[here(s, e) for s, e in doc.sentences],
        cues=cues,
        known=Known(
            organisations=tuple(n for n in (facts.name, *facts.aliases, *facts.partner_names) if n),
            officials=facts.officials,
        ),
        mentions=tuple(here(t.start, t.end) for t in tokens if t.kind == "mention"),
        people=_PersonEntities(doc, here),
    )
    text = scene.text
    # Facts about people through spaCy's parse; the older patterns only where it cannot read them.
    facts_read = detect_parsed_facts(doc, cues, facts.officials)
    hits = [
        *detect.detect_phones(scene, region, allow),
        *detect.detect_emails(scene, tokens, allow),
        *detect.detect_numbers(text, cues),
        *detect.detect_birth_and_age(text, cues),
        *detect.detect_child_details(text, cues, scene.people),
        *detect.detect_addresses(scene, allow),
        *detect.detect_vehicles(text, cues),
        *(detect_sensitive(scene) if facts_read is None else ()),
    ]
    if not same:
        hits = [replace(h, start=span[0], end=span[1]) for h in hits for span in [norm.span(h.start, h.end)]]
    hits += facts_read or []  # offsets already the original's
    hits += detect_child_streets(doc, cues)  # read through the parse, on the original's offsets
    # One finding per span: a card number is not also a phone number.
    priority = ["ssn", "card", "account", "email", "phone", "birth-date", "age", "child", "address", "vehicle", "sensitive"]
    hits.sort(key=lambda h: (priority.index(h.rule), h.start))
    taken: list[detect.Hit] = []
    for hit in hits:
        if any(hit.start < t.end and t.start < hit.end for t in taken):
            continue
        taken.append(hit)
    return taken


class _PersonEntities:
    """The PERSON entities of the parse the run already made (none is made for this check), read
    only when an owner is looked for: most posts have no contact or address to give one."""

    def __init__(self, doc: Document, here: Callable[[int, int], tuple[int, int]]) -> None:
        self.doc, self.here = doc, here
        self.spans: tuple[tuple[int, int], ...] | None = None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        if self.spans is None:
            ents = getattr(self.doc.nlp, "ents", ())
            self.spans = tuple(self.here(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON")
        return iter(self.spans)


_AT_SIGNS = "@\uff20\ufe6b"  # @, fullwidth ＠, small ﹫
# "permit #BP-2023-1190", "badge #10442": a number after "#", not a hashtag (three digits or more).
_NUMBER_AFTER_HASH = re.compile(r"#(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9-]+(?![\w-])")


def _words_with_parted_domains(doc: Document) -> tuple[str, list[Token]]:
    """``words_text`` with the domains the tokenizer took for links put back when an at sign
    stands just before them ("jane.olson82＠gmail.com", "jane @ gmail.com"): they end an address;
    and numbers the tokenizer took for hashtags ("permit #BP-2023-1190")."""
    parted = [
        t
        for t in doc.tokens
        if (t.kind == "url" and t.start and any(c in _AT_SIGNS for c in doc.prose[max(0, t.start - 2) : t.start]))
        or (t.kind == "hashtag" and _NUMBER_AFTER_HASH.match(doc.prose, t.start))
    ]
    if not parted:
        return doc.words_text, []
    text = doc.words_text
    for token in parted:
        text = text[: token.start] + doc.prose[token.start : token.end] + text[token.end :]
    return text, parted


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.words_text
    # Its own [personal-data] allow, the body's contacts and a post's consented contacts (ctx.facts).
    allow_entries = list(dict.fromkeys((*ctx["allow"], *ctx.facts.contacts)))
    taken = _hits(doc, ctx, allow_entries)
    org_severity = _org_lines_severity(ctx, allow_entries)
    consent = consent_in(text) if any(h.rule in ("age", "birth-date", "child") for h in taken) else None
    for hit in sorted(taken, key=lambda h: h.start):
        if consent is not None and hit.rule in ("age", "birth-date", "child") and _consented(hit, text, consent):
            continue  # "(shared with her parents' permission)": the person, or a child's parent, agreed
        if ctx.profile == COMMENTS:
            yield _in_comment(doc, ctx, hit)
            continue
        owner = hit.owner
        if owner is not None and not owner.private:
            if org_severity is not None:
                yield ctx.finding(
                    "public-contact",
                    f"{hit.what} that reads as the organisation's own ({_because(owner)}): public, so only a note; "
                    "list the body's public contacts in [body] contacts or [personal-data] allow to silence this",
                    hit.start,
                    hit.end - hit.start,
                    severity=org_severity,
                )
            continue
        what = hit.what if owner is None else f"{hit.what} of a private person ({_because(owner)})"
        yield ctx.finding(
            hit.rule,
            f"{what} in a post: {_WHY}; {_ADVICE[hit.rule]}",
            hit.start,
            hit.end - hit.start,
        )


def _valid_region(value: str) -> None:
    # "USA" was accepted and silently turned off national phone numbers.
    import phonenumbers

    if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f'\'region\' must be a two-letter region code such as "US" or "CA", got {value!r}')


@cache
def _own_cues() -> re.Pattern[str]:
    return re.compile("|".join(load_word_list(Path(__file__).with_name("own.txt"))), re.IGNORECASE)


def _in_comment(doc: Document, ctx: Context, hit: detect.Hit) -> Finding:
    """In a comment, someone's private data is the problem; the commenter's own contact is not (info)."""
    start, _ = doc.sentence_at(hit.start)
    before = doc.words_text[max(start, hit.start - 60) : hit.start]
    if _own_cues().search(before):
        return ctx.finding(
            hit.rule,
            f"{hit.what}, given as the commenter's own: publishing your own contact is consent, not a privacy breach",
            hit.start,
            hit.end - hit.start,
            severity="info",
        )
    return ctx.finding(
        hit.rule,
        f"{hit.what} in a comment: private, personal information published without consent may be hidden",
        hit.start,
        hit.end - hit.start,
    )


def _consented(hit: detect.Hit, text: str, consent: Consent) -> bool:
    """Consent noted covers an adult's age or birth date; a child's age needs a parent's."""
    age = re.match(r"\d+", text[hit.start : hit.end])
    child = hit.rule == "child" or (hit.rule == "age" and age is not None and int(age.group()) < 18)
    return consent.parent if child else consent.noted


def _because(owner: Owner) -> str:
    if owner.cue and owner.why:
        return f"{owner.why}: \u201c{owner.cue}\u201d"
    return owner.why or "no owner named"


CHECK = Check(
    name="personal-data",
    description="Private information: a private person's phone or e-mail, ID and card numbers, birth dates, ages, "
    "home addresses, and facts about them (health, family, arrests, leave, debts).",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause="No social media website may be used by the City or any City employee or agent to disclose "
    "private or confidential information.",
    run=run,
    options={
        "allow": Option(
            [],
            "the organisation's own public contacts, never flagged: phone numbers (any format), "
            "e-mail addresses, whole domains (every address at them) and street addresses; "
            "[body] contacts count too",
            list,
            item_type=str,
        ),
        "organisation-contacts": Option(
            "auto",
            "contacts the sentence gives to the organisation itself (\u201ccall us\u201d, \u201cthe clinic\u201d): "
            '"auto" notes them (info) until the config lists any public contact, "info" always, "off" never',
            str,
            ("auto", "info", "off"),
        ),
        "region": Option(
            "US",
            "default region for phone numbers written without a country code (ISO code)",
            validate=_valid_region,
        ),
        "extra-cues": Option(
            {},
            "more context words, by list name in the bundled cues.toml (account, home, facility, "
            'organisation, role-mailbox, ...), e.g. {facility = ["Pavilion"]}',
            dict,
        ),
    },
    rules={
        "personal-data/phone": "a private person's phone number (any format, spelled out too): its sentence gives it "
        "to a name, a pronoun, a relation or a personal line; never one in allow or a toll-free line",
        "personal-data/email": "a private person's e-mail address (also 'name (at) domain (dot) com'): given to a resident or a "
        "relation at any domain, to a name or pronoun at a free-mail or internet provider's domain, or a "
        "free-mail mailbox holding a name; not in allow, a public body's domain, a role mailbox or a group's "
        "('maplefallslions@yahoo.com')",
        "personal-data/ssn": "a Social Security number",
        "personal-data/card": "a payment card number (Luhn-valid, or in any grouping after 'card', 'Visa', 'debit' ...) "
        "or a card's last four digits (also printed masked: '****-****-****-4417')",
        "personal-data/account": "an account, member, badge, patron, licence, policy or ID number the text names as such, in any "
        "grouping ('account 4401 2231 0098', 'member no. 5521-09', 'badge #10442'); a case, permit, claim, "
        "citation or file number only when its sentence ties it to someone",
        "personal-data/birth-date": "a date of birth ('born 03/14/1961', 'DOB: ...') of someone who may be alive",
        "personal-data/age": "the age of a named person ('Marcus, 34,', 'Ruth turns 100 today', "
        "'Noah and Ava Berg, ages 9 and 6', 'her toddler, Mateo, just turned two', a child named by relation "
        "then 'He's 5 today')",
        "personal-data/child": "a named child's grade, school or home street ('Jacob Reinholt, a fifth grader at "
        "Lincoln Elementary', 'Eighth grader Liam O'Connor', 'little Oliver, who lives on Tamarack Court'), unless a "
        "parent's consent is noted",
        "personal-data/address": "a house number and street tied to a private person, with or without 'home' ('mail cards to her at 88"
        " Birch Court', 'Jane Olson of 2207 Pleasant Street', 'Mrs. Lund, 904 Walnut St.', 'Joan Rydell's "
        "garden at 1502 Aspen Drive'), or a PO box given as a person's ('cards for the Lindqvist family can be "
        "sent to PO Box 418'); never a venue's or a person's business",
        "personal-data/vehicle": "a licence plate, or a vehicle described as someone's ('her silver 2014 Honda Civic')",
        "personal-data/sensitive": "a private person's medical condition (the lexicon of conditions.txt) or treatment, family matters, "
        "arrest or charge, leave or investigation, or what they owe, when the parse ties the fact to them (a "
        "name, 'she' after one, 'their' after a household, a relation pinned to a street, 'our night "
        "custodian'); never a disease named in a public-health notice. An official or employee the config "
        "lists is public in their role, but their leave or investigation is flagged all the same, and their "
        "health unless they are listed with an elected office ('Mayor Lee')",
        "personal-data/public-contact": "(info) a phone number or e-mail address the sentence gives to the "
        "organisation itself; only while no public contact is configured",
    },
    doc="""
    The policy forbids disclosing private information, and lists "private,
    personal information published without consent" among content to hide.
    This check flags the datum itself, so the fix is to delete or generalise
    just that part: a private person's phone number or e-mail address; Social
    Security, card, account, case, permit, licence and ID numbers; dates of
    birth and the ages of named people ("Noah and Ava Berg, ages 9 and 6");
    street addresses tied to a person; licence plates or vehicles tied to a
    person; and sensitive facts about a named person or household: what they
    owe, a medical condition, an investigation or leave. Numbers written to
    dodge filters ("five five five, one two one two", "763 . 555 . 0142",
    "763-555-O142", "763_555_0142", superscript, fullwidth or keycap digits,
    "001-763-...", "area code 763, then 555, then 0142", a line break inside)
    and addresses ("john (at) example (dot) com", "jane＠gmail．com", "jane @
    gmail . com", "jane.olson82 at gmail.com") count too: the check reads the
    post normalised, and every finding points at what was written.

    Whose contact is it. The post is the organisation speaking, so the check
    reads the sentence back from the number (or address) to the verb that
    introduces it and takes the nearest owner it names:

    - a person's name ("call Jenny at", "Karen Klein: ", "residents can reach
      Dana at"), a pronoun ("reach her at", "give him a call"), a relation
      ("the finder", "his mom", "the owner", "the Olsons") or a personal line
      ("her cell") make it a private person's: an error, however it is
      introduced;
    - "us", "our office", an office, a line or a desk ("the clinic", "the
      front desk", "Public Works"), a named agency or acronym ("Clay County
      Public Health", "WCHD"), an @account, or the body's own name make it the
      organisation's. So does a number given with no owner at all ("Call
      763-555-0100 to schedule"): in a city's post that is its own line.

    "Call the clinic and ask for Maria at ..." is Maria's; "Business owners can
    call ..." is not the owners' (they are the readers). An e-mail address at a
    free-mail domain (gmail.com, yahoo.com, ...) with no owner named is a
    person's when its mailbox holds a name ("jenny.olson82", "judyh1962"), a
    group's when it holds words ("whatsourrecipe", "flwcbreastfeeding",
    "maplefallslions") or an acronym its sentence names ("The Lincoln
    Elementary PTO ...: lincolnpto.mf@gmail.com"). Internet providers'
    domains (tds.net, mchsi.com, ...) count as free mail. At a work domain a
    name only says whose work mailbox it is, unless the sentence gives the name
    to a resident or a relation ("Email resident Sandra Kim at ...", "the
    resident who complained, Kurt Lenz (...)"): then it is private anywhere but
    at a public body's domain.

    The organisation's own contacts are never an error. Until the config lists
    any public contact they are a note (personal-data/public-contact, info), so
    a city sees which lines to list on its first day; once it lists any, other
    public lines (another agency's hotline) are left alone. The allow list still
    silences a contact entirely, whoever the sentence gives it to: list the
    body's public contacts once in [body] contacts, or in [personal-data]
    allow, each matched in any format:

        [body]
        contacts = ["763-576-2700", "clerk@anokaminnesota.com",
                    "anokaminnesota.com", "2015 First Avenue North"]

    "763-576-2700" also allows "(763) 576-2700"; a domain allows every address
    at it; "2015 First Avenue North" also allows "2015 1st Ave. N". The links
    check reads the same list. Officials in [body] officials speak for the
    city: "call Clerk Amy Berg at ..." is the city's line. A private contact
    someone agreed to publish passes in the one post whose consent is recorded
    (front matter post-lint: {allow: {contacts: [...]}}, or consents.toml).

    Whom a fact is about. Health, family matters, arrests and charges, a
    leave or an investigation, and debts (the fact-* lists of cues.toml,
    matched on lemmas) are read through spaCy's parse, from the fact up to
    the verb it completes: its subject ("Maria Garcia recovers from a
    stroke"), for what is done to someone its object ("police arrested Tyler
    Grimes"), the person a relative clause describes ("Ray Dunn, who has
    been sober ..."), a possessor ("her divorce"), or whom the fact is aimed
    at ("an investigation into Marvin Tull", "allegations against deputy
    Carl Fenn", "is accused of"); a fact word right before its carrier
    counts too ("undergo cancer treatment", "an internal affairs inquiry",
    "a diabetic episode"). That must be one
    private person: a name, "she" or "he" after one, or a relation pinned to
    one home ("the Garcia family", "a family on Juniper Street"), "their"
    after such a household, "her" after a relation pinned to a street ("a
    neighbor on Spruce Way: her nephew has severe asthma"), or one employee
    named by role ("our night custodian" for health facts, "our cook" on
    sick or FMLA leave or under investigation); never the
    reader, people in general ("people living with ALS"), an official after
    a public title, or a topic ("cancer screening", "to discuss HIV"). A
    condition hangs from a carrier noun whatever its verb ("as she begins
    treatment for lymphoma"). The conditions and treatments are a lexicon of
    their own, conditions.txt beside the check (phrases of lemmas): the same
    word said of one person is theirs, and in a public-health notice ("cases
    of pertussis are rising") is no one's. A post with no pronoun, relation,
    "our <job>" or given name is not parsed for facts at all. A case,
    permit, claim, citation or file number counts only when its sentence
    ties it to someone; an account, card (fuel and key cards too), member,
    badge, employee, patron, licence or ID number always does ("a driver's
    license for Tom Reyes, number ...", four to six digits after "badge
    number" or "#", but not a round milestone such as "member number
    2500"), in any grouping, after the words that name it
    ("member no. 5521-09", "badge #10442", "Her ID: 2291-44-0917") or before
    them ("4417-2290-1183-0065 is the debit card"), but not after "meeting",
    "webinar" or "tax".

    Addresses: a house number and street tied to a private person ("mail cards
    to her at", "his home", "the resident at", "Jane Olson of 1420 Ferry St",
    "the owner of 310 Cedar Lane owes ...", "Mrs. Lund, 904 Walnut St.",
    "Joan Rydell's garden at 1502 Aspen Drive") is an error with or without
    the word "home"; the address of a public place or an event's venue ("City
    Hall, 2015 First Avenue North", "the Fall Festival, 1420 Ferry St"), a
    person's business ("Jenny's bakery at"), an organisation's own home
    ("building its next home at"), block numbers ("the 1400 block of Oakwood
    Drive") and ranges are not.

    Also not flagged: toll-free lines, meeting IDs, addresses at public
    bodies' domains (.gov, .mn.us) and role mailboxes (info@, clerk@), times,
    event dates, prices, years and ZIP codes; an age or a birth date when the
    post notes the person's consent (a child's needs a parent's); health facts
    a person shares as their own story.
    """,
    profiles=(*PROFILES, COMMENTS),
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
