"""partners: negative statements about the city's community partners.

Finds where a post names a partner (configured names and aliases, spelling
variants, "the library" and "they" referring back), finds negative cue words
(data files in ``cues/``), and flags a sentence only when the spaCy parse ties
a cue to a partner: a criticism whose subject is the partner or its staff, a
warning or blame aimed at it, "so-called" on its services, a comparison with
it. Negative words aimed at something else (a storm, a road) are not flagged.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import Check, Context, Option, SkipCheck, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text.model import learned_options, rules_then_model

from .cues import CUE_FILES, Cue, compile_cues, find_cues, freeze_extra
from .mentions import Mention, Partner, find_mentions, parse_organizations

# Organisation entities that are the city itself, not a partner (own-names.toml).
_SELF = tuple(tomllib.loads(Path(__file__).with_name("own-names.toml").read_text(encoding="utf-8"))["self"])
_QUOTES = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}


def _org_spans(spacy_doc: Any) -> Iterator[Any]:
    """ORG entities, and capitalised names ending in a kind of organisation ("Anoka YMCA")."""
    from .mentions import org_nouns

    yield from (ent for ent in spacy_doc.ents if ent.label_ == "ORG")
    kinds = org_nouns()
    for token in spacy_doc:
        if token.lower_ in kinds and token.text[:1].isupper() and token.i > token.sent.start:
            start = token.i
            while start > token.sent.start:
                prev = spacy_doc[start - 1]
                if prev.pos_ == "PROPN" and prev.is_title:
                    start -= 1
                elif prev.text in "-\u2010\u2013" and start - 2 >= token.sent.start and spacy_doc[start - 2].is_title:
                    start -= 2  # "Anoka-Hennepin School District"
                else:
                    break
            if start < token.i:
                yield spacy_doc[start : token.i + 1]


def _org_partners(spacy_doc: Any) -> tuple[Partner, ...]:
    """Without configured partners: the organisations spaCy recognises."""
    names: dict[str, str] = {}
    spans = list(_org_spans(spacy_doc))
    for ent in spans:
        if any(o.start <= ent.start and ent.end <= o.end and len(o) > len(ent) for o in spans):
            continue  # "Hennepin School" inside "Anoka-Hennepin School District"
        text = re.sub(r"['\u2019]s?$", "", ent.text.strip(" .,")).strip()
        for lead in ("the ", "The "):
            text = text.removeprefix(lead)
        low = text.lower()
        if len(text) < 3 or not any(c.isalpha() for c in text) or any(low.startswith(s) or f" {s}" in f" {low}" for s in _SELF):
            continue
        if " " not in text and sum(c.isupper() for c in text) < 2:
            continue  # one capitalised word ("Chill", "Medicare") is too often not an organisation
        if _not_organization().match(low):
            continue  # "COVID-19", "H1N1": spaCy's ORG, not an organisation
        names.setdefault(low, text)
        if len(names) == _MOST_UNCONFIGURED:
            break
    return tuple(Partner(name) for name in names.values())


# Without configured partners, at most this many organisations (the first the post names) are
# read as partners: each is an alternative of one regex run over the whole post, so a 1 MB
# archive dump naming about 2,000 took minutes (369 on 150 KB: 1.8 s). A real post names a few.
_MOST_UNCONFIGURED = 64


def _token_refs(spacy_doc: Any, mentions: list[Mention]) -> dict[int, str]:
    refs = {}
    for mention in mentions:
        span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            refs.setdefault(token.i, mention.partner)
    return refs


def _cue_tokens(spacy_doc: Any, cue: Cue) -> list[Any]:
    span = spacy_doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


@lru_cache(maxsize=1)
def _not_organization() -> re.Pattern[str]:
    from .cues import entry_pattern

    entries = load_word_list(Path(__file__).with_name("not_organizations.txt"))
    starts = [entry_pattern(e) for e in entries if not e.startswith("... ")]
    ends = [entry_pattern(e[4:]) for e in entries if e.startswith("... ")]
    return re.compile(r"(?:" + "|".join(starts) + r")(?![^\W_])|.*(?<![^\W_])(?:" + "|".join(ends) + r")$")


@lru_cache(maxsize=1)
def _advisory_words() -> frozenset[str]:
    return frozenset(load_word_list(Path(__file__).with_name("advisory.txt")))


def _partners_in(sentence: Any, resolver: Any) -> set[str]:
    return {p for t in sentence or () for p in resolver.partners_of(t)}


def _is_fragment(sentence: Any) -> bool:
    """A few words and no verb: "Unbelievable.", "Shameful!", "Typical."."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return len(words) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _partners_for_cue(cue: Cue, tokens: list[Any], resolver: Any, sentence: Any, previous: Any, following: Any) -> set[str]:
    from .target import aimed_at, compared_with, cue_root, is_negated, said_of

    if cue.source == "avoid":
        nearby = [*sentence, *(following or ())]
        if any(t.lower_ in _advisory_words() for t in nearby):
            return set()  # "Avoid the library lot today; it is being repaved."

    root = cue_root(tokens)
    role = cue.role
    negated = is_negated(root, tokens)
    if role == "negated":
        if not negated:
            return set()
        targets = said_of(root)
    elif negated:
        return set()  # "not useless", "through no fault of their own"
    elif role == "judgment":
        if root.pos_ not in ("ADJ", "ADV") or root.dep_ == "amod" and root.head.dep_ not in ("attr", "dobj"):
            return set()
        if root.pos_ == "ADV" and root.i < root.head.i:
            return set()  # "Sadly, the director passed away": about the news, not the subject
        targets = said_of(root)
    elif role in ("said-of", "modifier"):
        targets = said_of(root)
        if not targets and role == "said-of" and _is_fragment(sentence):
            return _partners_in(previous, resolver)  # "... lost the donated photos. Shameful."
    elif role == "aimed-at":
        targets = aimed_at(root, tokens)
    elif role == "comparison":
        targets = compared_with(root)
    elif role == "fragment":
        return _partners_in(previous, resolver) if _is_fragment(sentence) else set()
    else:  # remark: whatever partner the sentence (or, for a bare remark, the one before) refers to
        found = _partners_in(sentence, resolver)
        if not found and len(sentence) <= 6:
            found = _partners_in(previous, resolver)
        return found
    return {p for t in targets for p in resolver.partners_of(t)}


def _scare_quoted(sentence: Any, resolver: Any) -> tuple[set[str], Any] | None:
    """'the Chamber's "networking" breakfast': a lowercase word or two in quotes on a partner's thing."""
    tokens = list(sentence)
    for i, token in enumerate(tokens):
        close = _QUOTES.get(token.text)
        if close is None:
            continue
        for j in range(i + 2, min(i + 3, len(tokens))):
            if tokens[j].text != close:
                continue
            inner = tokens[i + 1 : j]
            if not all(t.is_alpha and t.is_lower for t in inner):
                break
            # The quoted word is a partner's thing, or modifies one: 'the Chamber's "networking" breakfast'.
            for word in inner:
                for noun in (word, word.head):
                    owners = resolver.partners_of(noun) if noun.pos_ in ("NOUN", "PROPN") else set()
                    if owners:
                        return owners, word
            break
    return None


_PLAIN_SENTENCE = re.compile(r"[^.!?\r\n]+(?:[.!?]+[\"')\]\u201d]*|(?=\r?\n)|$)")


def _plain_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split at every full stop: the parts are only joined back around the cue and the partner."""
    for m in _PLAIN_SENTENCE.finditer(text, start, end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _span(text: str, sentence: Any, about: dict[str, tuple[str, str, int]], resolver: Any) -> tuple[int, int]:
    """The sentence to underline: spaCy's, narrowed to the plain sentences holding the cue and the
    partner (a misparse such as "u s e l e s s." can run two sentences together)."""
    marks = {cue_offset for _, _, cue_offset in about.values()}
    marks |= {t.idx for t in sentence if resolver.refs.get(t.i) in about}
    parts = [(s, e) for s, e in _plain_sentences(text, sentence.start_char, sentence.end_char) if any(s <= m < e for m in marks)]
    if not parts:
        parts = [(sentence.start_char, len(text[: sentence.end_char].rstrip()))]
    return min(s for s, _ in parts), max(e for _, e in parts)


def _mentions_and_cues(
    doc: Document, ctx: Context, partners: tuple[Partner, ...], configured: bool
) -> tuple[list[Mention], list[Cue], bool] | None:
    """The partners' mentions, the negative cues and whether the post quotes anything; None when
    there is nothing to judge (no partner named, or no cue, quotation or "unlike")."""
    from post_lint.normalize import normalize

    norm = normalize(doc.words_text, leet=True)
    if configured:
        mentions = find_mentions(norm, partners)  # one cached regex: most posts stop here
        if not mentions:
            return None
    cue_set = compile_cues(freeze_extra(ctx["extra-cues"]), tuple(ctx["ignore-cues"]))
    cues = list(find_cues(norm, cue_set))
    has_quotes = any(q in doc.prose for q in _QUOTES)
    if not cues and not has_quotes and "unlike" not in norm.text:
        return None
    if not configured:
        # The organisations spaCy found make a regex of their own for each post: compiled
        # only for a post with a cue (it was half this check's time on unconfigured runs).
        mentions = find_mentions(norm, partners)
        if not mentions:
            return None
    return mentions, cues, has_quotes


def _rule_findings(doc: Document, ctx: Context, cleared: list[tuple[int, int]] | None = None) -> Iterator[Finding]:
    """Rule findings; ``cleared`` collects sentences where the parse found a negative cue
    aimed at something other than a partner ("avoid the library lot; it is being repaved"),
    so the learned layer does not second-guess what the parse settled."""
    spacy_doc = doc.nlp
    if spacy_doc is None:
        raise SkipCheck("needs the spaCy parse")
    partners = tuple(parse_organizations(ctx["organizations"]))
    configured = bool(partners)
    if not configured:
        if not ctx["unconfigured"]:
            return
        partners = _org_partners(spacy_doc)
        if not partners:
            return
    found = _mentions_and_cues(doc, ctx, partners, configured)
    if found is None:
        return
    mentions, cues, has_quotes = found

    from .target import Resolver, unlike_comparison

    name_tokens = _token_refs(spacy_doc, mentions)
    resolver = Resolver(spacy_doc, name_tokens)
    sentences = list(spacy_doc.sents)
    sentence_of = {t.i: index for index, sent in enumerate(sentences) for t in sent}
    # sentence index -> {partner: (kind, cue text, cue offset)} (first cue found wins)
    hits: dict[int, dict[str, tuple[str, str, int]]] = {}
    for cue in cues:
        tokens = _cue_tokens(spacy_doc, cue)
        if not tokens or tokens[0].i in name_tokens:
            continue  # part of a name ("Avoid Large Gatherings" tagged as an organisation)
        index = sentence_of[tokens[0].i]
        previous = sentences[index - 1] if index else None
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        aimed_at = _partners_for_cue(cue, tokens, resolver, sentences[index], previous, following)
        for partner in aimed_at:
            hits.setdefault(index, {}).setdefault(partner, (cue.kind, doc.text[cue.start : cue.end].rstrip(".,;:!?"), cue.start))
        # A negative cue the parse aimed elsewhere settles its sentence; a word of praise
        # ("helpful staff") is no cue until negated, so it settles nothing.
        if not aimed_at and cleared is not None and cue.role != "negated":
            cleared.append((sentences[index].start_char, sentences[index].end_char))
    for index, sentence in enumerate(sentences):
        found = unlike_comparison(sentence, resolver)
        if found:
            for partner in found[0]:
                hits.setdefault(index, {}).setdefault(partner, ("put-down by comparison", found[1].text, found[1].idx))
        quoted = _scare_quoted(sentence, resolver) if has_quotes else None
        if quoted:
            for partner in quoted[0]:
                hits.setdefault(index, {}).setdefault(partner, ("sarcasm (scare quotes)", f'"{quoted[1].text}"', quoted[1].idx))

    for index in sorted(hits):
        about = hits[index]
        start, end = _span(doc.text, sentences[index], about, resolver)
        names = " and ".join(about)
        kind, cue_text, _ = next(iter(about.values()))
        if configured:
            yield ctx.finding(
                "negative",
                ctx.message("negative", names=names, kind=kind, cue=cue_text),
                start,
                end - start,
            )
        else:
            yield ctx.finding(
                "organization",
                ctx.message("organization", names=names, kind=kind, cue=cue_text),
                start,
                end - start,
                severity="warning",
            )


run = rules_then_model(
    _rule_findings,
    __file__,
    "a negative comment on a community partner",
    "the policy forbids running down partners or their services; state the facts neutrally, or leave it out",
    clears=True,
)


CHECK = Check(
    name="partners",
    description="Negative statements about community partners (criticism, blame, sarcasm, put-downs).",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause="Not negatively commenting on community partners or their services, "
    "or using such material as part of any content added to a site.",
    run=run,
    options={
        **learned_options(),
        "organizations": Option(
            [],
            'your community partners: a list of {name = "...", aliases = ["..."]} tables (or plain names); '
            "matched case-insensitively with possessives and hyphen/spacing variants",
            list,
        ),
        "extra-cues": Option(
            {},
            "more negative words or phrases, by kind: {criticism = [...], blame = [...], avoid = [...], "
            f"complaint = [...], sarcasm = [...], ...}} (kinds: {', '.join(CUE_FILES)}); '*' matches a word ending",
            dict,
        ),
        "ignore-cues": Option(
            [], "bundled cue words or phrases never to use (exactly as listed in the data files)", list, item_type=str
        ),
        "unconfigured": Option(
            True,
            "with no organizations configured, warn about negative statements on any organisation spaCy recognises",
        ),
    },
    rules={
        "partners/learned": "a post the learned model reads as running down a partner (complaints with no negative word, sarcasm, blame)",
        "partners/negative": "a negative statement about a configured partner or its services (criticism, blame, "
        "advice to avoid it, sarcasm, a put-down by comparison)",
        "partners/organization": "with no partners configured: a negative statement about an organisation spaCy "
        "recognises (warning)",
    },
    nlp=("lemmatizer", "parser", "ner"),
    profiles=("official",),
    doc="""
    Configure your partners in `.post-lint.toml`; names and aliases match
    case-insensitively, with possessives ("the Chamber's breakfast") and
    hyphen or spacing variants ("Anoka Hennepin School District"):

        [partners]
        organizations = [
          {name = "Anoka County Library", aliases = ["the library"]},
          {name = "Anoka Area Chamber of Commerce", aliases = ["the Chamber"]},
          {name = "Anoka-Hennepin School District", aliases = ["District 11"]},
        ]

    Once a partner is named, "the library" / "the district" (the kind of
    organisation its name ends in) and "they", "their", "its" in the same or
    next sentence refer back to it.

    A sentence is flagged when a negative cue is ABOUT a partner or its
    services, decided from the sentence's grammar, not its mood: criticism
    said of it ("their staff could not care less"), blame ("the district
    failed to submit the permit", "blame them, not us"), advice to avoid it
    ("avoid their events"), sarcasm ("the so-called help desk at the
    library", "Thanks for nothing"), and put-downs by comparison ("Unlike the
    Chamber, we actually answer our phones"). "Thanks to the library for
    helping residents recover from a terrible storm" passes: "terrible" is
    about the storm. Negated cues pass ("not a problem", "through no fault of
    their own"); negated praise is criticism ("their staff are not helpful").

    The cue words are data files beside the check (cues/*.txt, one per kind
    of cue); add your own with `extra-cues` and drop one with `ignore-cues`.
    cues/lexicon.txt holds the negative words of the VADER sentiment lexicon,
    counted only as adjectives or adverbs said of a partner ("their staff
    were unpleasant"): its nouns and verbs are mostly bad news that happens
    TO a partner ("the library's roof was damaged"). A verdict standing
    alone ("Unbelievable.") is read with the sentence before it. Matching
    undoes evasion: "u s e l e s s", "us3less" and look-alike letters are
    caught, and the finding still points at what was written.

    It applies to the official profile only: the policy's rule is about City
    accounts, and an employee's personal account is covered by section VI.

    Without configured partners the check still warns about negative
    statements on organisations spaCy recognises (rule partners/organization);
    configuring partners makes it precise.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
