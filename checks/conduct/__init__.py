"""conduct: profanity, slurs, insults aimed at residents, and threats.

The word lists are data (``terms.toml``, ``phrases.toml``). Words are matched
whole, on spaCy's lemma and on the lowercase form, through ``PhraseMatcher`` over
the document's one spaCy Doc, so "fucking" is found from "fuck" while
"Scunthorpe", "cocktail" and "Middlesex" never match. A second pass reads the
text as ``normalize(leet=True)`` sees it, so "sh1t", "f u c k", "𝐟𝐮𝐜𝐤", Cyrillic
look-alikes and "f**k" are caught too, and each finding points at what the author
wrote.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import COMMENTS, PROFILES, Check, Context, Option, cases_beside
from post_lint.model import SEVERITY_RANK, Document, Finding
from post_lint.normalize import Normalized, normalize, unstretch
from post_lint.text.blanks import is_blank
from post_lint.text.model import learned_options, rules_then_model
from post_lint.text.words import split_camel

_HERE = Path(__file__).parent
CATEGORIES = ("profanity", "slur", "insult", "threat")
# Words of a phrase as spaCy's tokenizer splits them: "brain-dead" -> brain, -, dead.
_PIECES = re.compile(r"\w+|[^\w\s]")
# A masked word: letters with *, # or % standing in for some ("f**k", "sh*t", "a**hole").
_MASKED = re.compile(r"(?<![\w*#%])[^\W\d_]+[*#%]+[^\W\d_]*(?![\w*#%])")
# Wider masks, read on the text as written: any of these symbols, or a hyphen, dash or underscore
# between letters, standing in for letters ("f@#k", "d-bag", "a-hole", "f-ing", "sh--t", "F—k").
# A mask stands between letters: a word ending in "!" or "$" is punctuation or a price, and
# "&" joins initials ("S&W", "AT&T"); words ending in * # % are _MASKED's.
_SYMBOLS = "*#%@$!"
_JOINERS = "\\-\u2010-\u2015_"
_WIDE_MASKED = re.compile(rf"(?<![\w{_SYMBOLS}{_JOINERS}])[^\W\d_]+(?:[{_SYMBOLS}{_JOINERS}]+[^\W\d_]+)+(?![\w{_SYMBOLS}])")
_MASK_RUN = re.compile(rf"[{_SYMBOLS}{_JOINERS}]+")
# A grawlix: a run of three or more different symbols in a word's place ("who the $#@% did this").
_GRAWLIX = re.compile(rf"(?<![\w{_SYMBOLS}&])[{_SYMBOLS}&]{{3,}}(?![\w{_SYMBOLS}&])")


@dataclass(frozen=True)
class Term:
    """One listed word or phrase."""

    text: str  # base form (lemma) or phrase, lowercase
    category: str
    severity: str
    forms: tuple[str, ...]  # every lowercase surface form, the base form first
    unless: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    about: str = ""
    by_lemma: bool = True  # False: only the forms as written

    @property
    def single_word(self) -> bool:
        return len(_PIECES.findall(self.text)) == 1


@dataclass(frozen=True, eq=False)  # hashed by identity: one per lexicon() call
class Lexicon:
    terms: tuple[Term, ...]
    by_form: dict[str, Term]  # lowercase surface form (pieces joined by one space) -> term
    form_pattern: re.Pattern[str]  # every form, whole words, longest first
    adjectives: frozenset[str]  # insult adjectives aimed at people
    people: frozenset[str]  # lemmas naming people
    adverbs: frozenset[str]  # may stand between "be" and the adjective ("are just lazy")
    phrases: tuple[tuple[str, re.Pattern[str], str], ...]  # (category, regex, message)
    own_voice: frozenset[int]  # indexes of phrases read only in the city's own posts
    intimidation: tuple[re.Pattern[str], ...] | None = None  # whom it addresses, evidence held, a visit
    intimidation_message: str = ""


def _plural(word: str) -> str:
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


def _key(text: str) -> str:
    return " ".join(_PIECES.findall(text.lower()))


def _parse_extra(entry: str) -> tuple[str, str]:
    """'slur: word' -> ('slur', 'word'); a bare word is profanity."""
    category, sep, word = entry.partition(":")
    if sep and category.strip().lower() in CATEGORIES:
        return category.strip().lower(), word.strip().lower()
    return "profanity", entry.strip().lower()


@lru_cache(maxsize=8)
def lexicon(extra_terms: tuple[str, ...] = ()) -> Lexicon:
    data = tomllib.loads((_HERE / "terms.toml").read_text(encoding="utf-8"))
    groups = list(data.get("term", []))
    for entry in extra_terms:
        category, word = _parse_extra(entry)
        if word:
            groups.append({"category": category, "severity": "error", "words": [word]})
    terms: list[Term] = []
    by_form: dict[str, Term] = {}
    for group in groups:
        extra_forms = [f.lower() for f in group.get("forms", [])]
        for word in group["words"]:
            word = word.lower()
            forms = [word]
            by_lemma = group.get("match", "lemma") != "form"
            if by_lemma and len(_PIECES.findall(word)) == 1:
                forms.append(_plural(word))
                # A group's extra forms belong to the word they start with ("fucking" -> "fuck").
                forms += [f for f in extra_forms if f.startswith(word[:3])]
            term = Term(
                text=word,
                category=group["category"],
                severity=group.get("severity", "error"),
                forms=tuple(dict.fromkeys(forms)),
                unless=tuple(u.lower() for u in group.get("unless", [])),
                pos=tuple(group.get("pos", [])),
                about=group.get("about", ""),
                by_lemma=by_lemma,
            )
            terms.append(term)
            for form in term.forms:
                by_form.setdefault(_key(form), term)
        # Forms no word of the group claimed still count, for the group's first word.
        for form in extra_forms:
            if _key(form) not in by_form and group["words"]:
                by_form[_key(form)] = next(t for t in terms if t.text == group["words"][0].lower())
    alternatives = sorted(by_form, key=len, reverse=True)
    form_pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(r"\s*".join(re.escape(p) for p in f.split(" ")) for f in alternatives) + r")(?!\w)"
    )
    phrases_data = tomllib.loads((_HERE / "phrases.toml").read_text(encoding="utf-8"))
    targeted = phrases_data.get("targeted", {})
    phrases = tuple(
        (p["category"], re.compile(p["pattern"], re.IGNORECASE), p.get("message", "")) for p in phrases_data.get("phrase", [])
    )
    own_voice = frozenset(i for i, p in enumerate(phrases_data.get("phrase", [])) if p.get("own-voice"))
    if "threat" in phrases_data:
        threat = phrases_data["threat"]
        phrases += (("threat", _threat_pattern(threat), threat.get("message", "")),)
    table = phrases_data.get("intimidation")
    intimidation = tuple(re.compile(table[key], re.I) for key in ("address", "evidence", "visits")) if table else None
    return Lexicon(
        intimidation=intimidation,
        intimidation_message=table.get("message", "") if table else "",
        terms=tuple(terms),
        by_form=by_form,
        form_pattern=form_pattern,
        adjectives=frozenset(targeted.get("adjectives", [])),
        people=frozenset(targeted.get("people", [])),
        adverbs=frozenset(targeted.get("adverbs", [])),
        phrases=phrases,
        own_voice=own_voice,
    )


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _threat_pattern(table: dict[str, Any]) -> re.Pattern[str]:
    """One regex from phrases.toml's [threat]: a subject, a future, a few words with no blocker, a harm verb, its target."""
    subjects = _alternatives(table["subjects"])
    futures = _alternatives(table["futures"])
    blocker = _alternatives(table["blockers"])
    gap = rf"(?:(?!(?:{blocker})\b)[\w'’]+[\s,]+){{0,{int(table.get('gap', 5))}}}?"
    unless = _alternatives(table.get("unless-after", ())) or "(?!)"
    return re.compile(
        rf"\b(?:{subjects})\s*(?:{futures})\s+{gap}(?:{_alternatives(table['verbs'])})\s+(?:{_alternatives(table['targets'])})\b"
        rf"(?!\s+(?:{unless})\b)",
        re.IGNORECASE,
    )


_MATCHERS: dict[tuple[int, Lexicon], tuple[Any, Any, Any]] = {}


def _matchers(vocab: Any, lex: Lexicon) -> tuple[Any, Any]:
    """PhraseMatchers on LOWER (every surface form) and LEMMA (one-word base forms)."""
    cached = _MATCHERS.get((id(vocab), lex))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    by_lower = PhraseMatcher(vocab, attr="LOWER")
    by_lemma = PhraseMatcher(vocab, attr="LEMMA")
    for form, term in lex.by_form.items():
        by_lower.add(term.text, [Doc(vocab, words=form.split(" "))])
    for term in lex.terms:
        if term.single_word and term.by_lemma:
            by_lemma.add(term.text, [Doc(vocab, words=[term.text], lemmas=[term.text])])
    _MATCHERS[(id(vocab), lex)] = (vocab, by_lower, by_lemma)
    return by_lower, by_lemma


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    category: str
    severity: str
    word: str  # what the author wrote
    message: str
    term: Term | None = None


def _phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Spans (in ``text``, lowercase normalised) of each phrase, whole words, any spacing."""
    spans = []
    for phrase in phrases:
        words = _PIECES.findall(phrase)
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s*".join(re.escape(w) for w in words) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, text)]
    return spans


class _Excuses:
    """Where a listed word is innocent: its ``unless`` phrases and the user's ``allow``."""

    def __init__(self, doc: Document, allow: Iterable[str]) -> None:
        self.doc = doc
        self.norm: Normalized | None = None  # built on first need: most posts have no hit
        self.allow = tuple(a.lower() for a in allow)
        self._cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def excuse(self, term: Term | None, start: int, end: int) -> bool:
        phrases = (term.unless if term else ()) + self.allow
        if not phrases:
            return False
        spans = self._cache.get(phrases)
        if spans is None:
            if self.norm is None:
                self.norm = normalize(self.doc.prose)
            spans = [self.norm.span(s, e) for s, e in _phrase_spans(self.norm.text, phrases)]
            self._cache[phrases] = spans
        return any(s <= start and end <= e for s, e in spans)


def _spacy_hits(doc: Document, lex: Lexicon, excuses: _Excuses, comments: bool = False) -> Iterator[Hit]:
    sdoc = doc.nlp
    by_lower, by_lemma = _matchers(sdoc.vocab, lex)
    strings = sdoc.vocab.strings
    terms = {t.text: t for t in lex.terms}
    seen: set[tuple[int, int]] = set()
    for match_id, i, j in list(by_lower(sdoc)) + list(by_lemma(sdoc)):
        span = sdoc[i:j]
        start, end = span.start_char, span.end_char
        if (start, end) in seen:
            continue
        seen.add((start, end))
        term = terms[strings[match_id]]
        if term.pos and not any(t.pos_ in term.pos for t in span):
            continue
        if doc.overlaps_token(start, end) or excuses.excuse(term, start, end):
            continue
        yield Hit(start, end, term.category, term.severity, doc.text[start:end], "", term)
    if not comments:  # in comments, the attacks check reads insults with who they are aimed at
        yield from _targeted_insults(doc, lex)


def _targeted_insults(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """Insult adjectives aimed at people: "stupid drivers", "people who ... are lazy", "don't be lazy"."""
    sdoc = doc.nlp
    lowered = doc.prose.lower()
    if not any(adjective in lowered for adjective in lex.adjectives) and not _STRETCHED.search(lowered):
        return  # cheap test first: walking every token is the slow part

    def is_person(token: Any) -> bool:
        return token.lemma_.lower() in lex.people or token.lower_ in lex.people

    for token in sdoc:
        if token.lemma_.lower() not in lex.adjectives or token.pos_ != "ADJ":
            # "stuuuupid drivers": a held-down adjective, whatever spaCy makes of the word
            if not (_STRETCHED.fullmatch(token.lower_) and unstretch(token.lower_, lex.adjectives)):
                continue
        sent = token.sent
        aimed = False
        # "stupid drivers", "stupid, lazy people"
        k = token.i + 1
        while k < sent.end and k <= token.i + 3 and (sdoc[k].pos_ in ("ADJ", "PUNCT", "CCONJ", "ADV") or is_blank(sdoc[k])):
            k += 1
        if k < sent.end and is_person(sdoc[k]) and sdoc[k].pos_ in ("NOUN", "PROPN", "PRON"):
            aimed = True
        # "some people are just lazy", "you are clueless"
        k = token.i - 1
        while k >= sent.start and (sdoc[k].lower_ in lex.adverbs or is_blank(sdoc[k])):
            k -= 1
        if not aimed and k >= sent.start and sdoc[k].lemma_ == "be":
            before = sdoc[max(sent.start, k - 5) : k]
            if any(is_person(t) and t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
                aimed = True
            # "don't be lazy", "stop being selfish", "never be ..."
            if k - 1 >= sent.start and sdoc[k - 1].lower_ in ("n't", "not", "never", "stop"):
                aimed = True
        if aimed and not doc.overlaps_token(token.idx, token.idx + len(token)):
            yield Hit(token.idx, token.idx + len(token), "insult", "error", token.text, "", None)


def _evasion_hits(doc: Document, norm: Normalized, lex: Lexicon, excuses: _Excuses) -> Iterator[Hit]:
    """Listed words written to slip past a filter: l33t, s p a c e d, look-alikes, f**k."""
    for m in lex.form_pattern.finditer(norm.text):
        start, end = norm.span(*m.span())
        written = doc.text[start:end]
        if _key(written) == _key(m.group()):
            continue  # written plainly: the spaCy pass decides (lemma, part of speech)
        term = lex.by_form[_key(m.group())]
        if not excuses.excuse(term, start, end):
            yield Hit(start, end, term.category, term.severity, written, "disguised spelling", term)
    yield from _stretched_hits(doc, norm, lex, excuses)
    yield from _soundalike_hits(doc, norm, lex, excuses)
    singles = [f for f in lex.by_form if " " not in f]
    for m in _MASKED.finditer(norm.text):
        token = m.group()
        letters = sum(c.isalpha() for c in token)
        masks = len(token) - letters
        if letters < 1 or len(token) < 3 or (masks < 2 and not token[-1].isalpha()):
            continue
        pattern = re.compile(
            "".join(re.escape(c) if c.isalpha() else "[a-z]" for c in re.sub(r"[*#%]+", "*", token)).replace(
                "[a-z]", "[a-z]{1,4}"
            )
        )
        found = next((f for f in singles if pattern.fullmatch(f)), None)
        if found:
            start, end = norm.span(*m.span())
            term = lex.by_form[found]
            yield Hit(start, end, term.category, term.severity, doc.text[start:end], "masked", term)


def _wide_masked_hits(doc: Document, lex: Lexicon, excuses: _Excuses) -> Iterator[Hit]:
    """Listed words with symbols, or a hyphen, dash or dot beside an initial, standing in for letters,
    and grawlixes ("$#@%"). A mask run stands for one to five letters; the word must then be a listed
    form, whole. A hyphen between two real words ("co-op", "x-ray") is no mask: one side must be an
    initial or two letters ("d-bag", "a-hole", "sh-t")."""
    text = doc.words_text
    singles = [f for f in lex.by_form if " " not in f]
    for m in _WIDE_MASKED.finditer(text):
        token = m.group().lower()
        pieces = [p for p in _MASK_RUN.split(token) if p]
        symbols = any(c in _SYMBOLS for c in token)
        if not symbols and min(len(p) for p in pieces) > 2:
            continue
        if _key(token) in lex.by_form or "".join(pieces) in lex.by_form:
            continue  # written plainly, with a hyphen: the spaCy pass decides
        pattern = re.compile(_MASK_RUN.sub("[a-z]{1,5}", token))
        found = next((f for f in singles if pattern.fullmatch(f)), None)
        if found and not excuses.excuse(lex.by_form[found], *m.span()):
            term = lex.by_form[found]
            yield Hit(m.start(), m.end(), term.category, term.severity, m.group(), "masked", term)
    for m in _GRAWLIX.finditer(text):
        if len(set(m.group())) >= 3:
            yield Hit(m.start(), m.end(), "profanity", "warning", m.group(), "grawlix", None)


_STRETCHED = re.compile(r"(?<!\w)[^\W\d_]*([^\W\d_])\1{2,}[^\W\d_]*(?!\w)")


def _stretched_hits(doc: Document, norm: Normalized, lex: Lexicon, excuses: _Excuses) -> Iterator[Hit]:
    """A listed word with letters held down: "shiiiit", "fuuuuck" (folded against the lexicon)."""
    for m in _STRETCHED.finditer(norm.text):
        form = unstretch(m.group().lower(), lex.by_form)
        if form is None:
            continue
        start, end = norm.span(*m.span())
        term = lex.by_form[form]
        if not excuses.excuse(term, start, end):
            yield Hit(start, end, term.category, term.severity, doc.text[start:end], "disguised spelling", term)


# Spellings that sound like a listed word: "phuck", "fuk", "fuq", "azz", "shyt". Each rewrite is tried
# alone and after the others; a word is a hit only when a rewrite gives a listed form exactly.
_SOUNDS = (
    (re.compile("ph"), "f"),
    (re.compile("(?<=[aeiou])(?:k|q|kk)(?=$|[^k])"), "ck"),
    (re.compile("zz?"), "ss"),
    (re.compile("(?<=[^aeiou])y(?=[^aeiou])"), "i"),
    (re.compile("(?<=[aeiou])q"), "ck"),
)
# Only words with a letter some rewrite changes are tried: most words have none of them.
_WORD_RUN = re.compile(r"(?<![\w'])(?=[a-z]*(?:ph|[kqzy]))[a-z]{3,12}(?![\w'])")


def _soundalike_hits(doc: Document, norm: Normalized, lex: Lexicon, excuses: _Excuses) -> Iterator[Hit]:
    """A listed word spelled by its sound to slip past a filter: "phuck this", "what a fukin joke"."""
    for m in _WORD_RUN.finditer(norm.text):
        word = m.group()
        if word in lex.by_form:
            continue  # written plainly: the spaCy pass decides
        candidates = {word}
        for pattern, sound in _SOUNDS:
            candidates |= {pattern.sub(sound, c) for c in candidates}
        found = next((c for c in sorted(candidates) if c != word and c in lex.by_form and " " not in c), None)
        if found is None:
            continue
        start, end = norm.span(*m.span())
        term = lex.by_form[found]
        if not excuses.excuse(term, start, end):
            yield Hit(start, end, term.category, term.severity, doc.text[start:end], "disguised spelling", term)


def _hashtag_hits(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """#FuckCancer, #idiotdrivers? Only whole CamelCase parts, so #ScunthorpeUnited stays clean."""
    for token in doc.tokens_of("hashtag"):
        body = token.text.lstrip("#")
        parts = [p.lower() for p in split_camel(body)]
        spaced = normalize(" ".join(parts), leet=True).text
        for m in lex.form_pattern.finditer(spaced):
            term = lex.by_form[_key(m.group())]
            if any(s <= m.start() and m.end() <= e for s, e in _phrase_spans(spaced, term.unless)):
                continue
            yield Hit(token.start, token.end, term.category, term.severity, token.text, "hashtag", term)
            break
        else:
            whole = normalize(body, leet=True).text
            if _key(whole) in lex.by_form and len(parts) > 1:
                term = lex.by_form[_key(whole)]
                yield Hit(token.start, token.end, term.category, term.severity, token.text, "hashtag", term)


def _phrase_hits(doc: Document, norm: Normalized, lex: Lexicon, comments: bool = False) -> Iterator[Hit]:
    for index, (category, pattern, message) in enumerate(lex.phrases):
        if comments and index in lex.own_voice:
            continue
        for m in pattern.finditer(norm.text):
            start, end = norm.span(*m.span())
            yield Hit(start, end, category, "error", doc.text[start:end], message, None)


def _intimidation_hits(doc: Document, norm: Normalized, lex: Lexicon) -> Iterator[Hit]:
    """A promised visit in a post that says it holds evidence on the people it addresses."""
    if lex.intimidation is None:
        return
    address, evidence, visits = lex.intimidation
    if not (address.search(norm.text) and evidence.search(norm.text)):
        return
    for m in visits.finditer(norm.text):
        start, end = norm.span(*m.span())
        yield Hit(start, end, "threat", "error", doc.text[start:end], lex.intimidation_message, None)
        return


def _message(hit: Hit) -> tuple[str, list[str]]:
    word = " ".join(hit.word.split())
    if len(word) > 60:
        word = word[:57] + "..."
    how = {
        "disguised spelling": " (disguised spelling)",
        "masked": " (masked with symbols, still read as the word)",
        "grawlix": " (symbols standing in for a swear word)",
        "hashtag": " (in a hashtag)",
    }.get(hit.message, "")
    if hit.category == "profanity":
        tone = "mild profanity" if hit.severity == "warning" else "profanity"
        return (
            f"{tone} \u201c{word}\u201d{how}: city posts keep a professional and courteous tone; remove it or reword",
            [],
        )
    if hit.category == "slur":
        about = f" about {hit.term.about}" if hit.term and hit.term.about else ""
        return (
            f"\u201c{word}\u201d{how} is a slur or demeaning term{about}: city posts use non-discriminatory language; remove it",
            [],
        )
    if hit.category == "insult":
        if hit.term is None and hit.message:
            what = hit.message  # a phrase: "you people", "shame on you"
        elif hit.term is None:
            what = "insults the people it describes"
        else:
            what = f"is name-calling{how}"
        return (
            f"\u201c{word}\u201d {what}: criticise the behaviour, not the people, and say what to do instead "
            "(e.g. \u201cplease move vehicles off the street during a snow emergency\u201d)",
            [],
        )
    return (
        f"\u201c{word}\u201d {hit.message or 'reads as a threat'}: remove it; a city post may state what the city "
        "enforces (a ticket, a tow), never threaten harm",
        [],
    )


def _rule_findings(doc: Document, ctx: Context, cleared: list[tuple[int, int]] | None = None) -> Iterator[Finding]:
    # Mild words are always looked for: with ``mild = false`` they are not reported, and their
    # spans go to ``cleared`` so the learned model does not flag "Damn, what a storm." instead.
    lex = lexicon(tuple(ctx["extra-terms"]))
    mild = bool(ctx["mild"])
    excuses = _Excuses(doc, ctx["allow"])
    hits: list[Hit] = []
    comments = ctx.profile == COMMENTS
    if doc.nlp is not None:
        hits += _spacy_hits(doc, lex, excuses, comments)
    norm = normalize(doc.words_text, leet=True)  # shared by the evasion and phrase passes
    if ctx["evasion"]:
        hits += _evasion_hits(doc, norm, lex, excuses)
        hits += _wide_masked_hits(doc, lex, excuses)
    hits += _hashtag_hits(doc, lex)
    hits += [h for h in _phrase_hits(doc, norm, lex, comments) if not excuses.excuse(None, h.start, h.end)]
    if not comments:  # the city's own voice: in a comment, the attacks check reads threats
        hits += _intimidation_hits(doc, norm, lex)
    # Longest first, then drop a hit inside one of its category already kept ("son of a bitch" over "bitch").
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in hits:
        if any(k.start <= hit.start and hit.end <= k.end and k.category == hit.category for k in kept):
            continue
        kept.append(hit)
    for hit in kept:
        if not mild and hit.category == "profanity" and hit.severity == "warning":
            if cleared is not None:
                cleared.append((hit.start, hit.end))
            continue
        message, suggestions = _message(hit)
        severity = ctx.severity
        if SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity]:
            severity = hit.severity
        yield ctx.finding(hit.category, message, hit.start, hit.end - hit.start, suggestions=suggestions, severity=severity)


run = rules_then_model(
    _rule_findings,
    __file__,
    "unprofessional language",
    "an official account stays respectful: no mocking, name-calling or intimidation, however indirect",
    clears=True,  # the mild words a city allowed (mild = false) are not the model's to flag
    not_in_profiles=(COMMENTS,),  # it learned the city's own voice, not the public's comments
)


CHECK = Check(
    name="conduct",
    description="Profanity, slurs and demeaning terms, insults aimed at residents, and threats.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause=(
        "When using social media sites as a representative of the City, employees and agents will act in a "
        "professional manner. [...] Use only appropriate language and content that does not promote, foster, or "
        "perpetuate discrimination on the basis of race, creed, color, age, religion, gender, marital status, "
        "status with regard to public assistance, national origin, physical or mental or sexual orientation"
    ),
    run=run,
    options={
        **learned_options(),
        "extra-terms": Option(
            [], "more words to flag, each 'word' (profanity) or 'category: word' (profanity, slur, insult)", list, item_type=str
        ),
        "allow": Option(
            [], "words or phrases never flagged, e.g. a local place name that contains a listed word", list, item_type=str
        ),
        "mild": Option(True, "flag mild words (damn, crap, 'what the hell') as warnings"),
        "evasion": Option(True, "also catch disguised spellings: sh1t, f u c k, f**k, look-alike letters"),
    },
    rules={
        "conduct/learned": "a post the learned model reads as unprofessional (mocking, intimidation, put-downs with no listed word)",
        "conduct/profanity": "profanity or obscenity (mild words such as 'damn' are warnings)",
        "conduct/slur": "a slur or demeaning term about race, national origin, sexual orientation, gender identity, disability or age",
        "conduct/insult": "name-calling or an insult aimed at residents ('idiots who park on the street', 'you people')",
        "conduct/threat": "a threat of violence or a wish that people be harmed",
    },
    nlp=("lemmatizer",),
    doc="""
    A city's voice is professional and courteous: no swearing, no slurs, no
    name-calling of the residents a post speaks to, and never a threat.

    Words are matched whole and by lemma (spaCy's PhraseMatcher), so inflected
    forms are found while place names and ordinary words that merely contain a
    listed word stay clean (Scunthorpe, Middlesex, cocktail, class, Coon Rapids,
    "chink in the armor"). Neutral and reclaimed words are not listed at all:
    "LGBTQ Pride", "gay-straight alliance" and "Black History Month" are how
    people name themselves. Insult adjectives ("stupid", "lazy", "clueless") count
    only when aimed at people ("stupid drivers", "some people are just lazy"),
    not "a lazy river". Disguised spellings are caught as well: sh1t, f u c k,
    f**k, f@#k, d-bag, a-hole, F\u2014k (symbols, or a hyphen or dash beside an
    initial, standing in for letters), grawlixes ("who the $#@% did this"),
    fullwidth, enclosed, regional-indicator or Cyrillic look-alike
    letters, stray combining marks and held-down letters ("shiiiit"). Threats
    are read from a lexicon of harm verbs aimed at the reader ("we will find
    you and hurt you"), in phrases.toml's [threat] table; intimidation with no
    threat word from its [intimidation] table: a post that addresses people by
    what they did, says it holds evidence on them ("we've got your plate", "the
    trail cam footage") and promises a visit ("expect a visit", "deputies will
    be by"). Residents called by a pejorative noun ("the usual complainers",
    "to the snowflakes upset about ...", "you freeloaders") are insults.

    The lists are data files beside the check (terms.toml, phrases.toml); add
    words with `extra-terms` and excuse a local name with `allow`.
    """,
    profiles=(*PROFILES, COMMENTS),
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
