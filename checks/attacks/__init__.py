"""attacks: personal attacks, insults and threats in comments aimed at staff or officials.

For the comments profile only. An insult word counts when spaCy's parse says it is
aimed at a person (:mod:`post_lint.text.targets`): "Mayor Skogquist is an idiot"
and "you people at City Hall are clowns" are attacks; "the council's vote was
stupid" and "what a joke of a process" judge decisions and stay up. The word lists
are data (``insults.toml``, ``threats.txt``).

Severity carries the moderator's verdict: an attack on staff or officials is an
error (hide), one aimed at someone else or at no one said is a warning (review).
A harsh judgement of how someone does the job ("incompetent", "a failure as a
manager") is criticism, named official or not: no finding, and the learned model
reads the rest of the comment.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from post_lint.api import COMMENTS, Check, Context, Option, SkipCheck, cases_beside
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.negation import token_negated
from post_lint.text.phrases import find_phrases
from post_lint.text.targets import STAFF, Resolver, Target, find_targets
from post_lint.text.wordlists import load_word_list

_HERE = Path(__file__).parent
_CLAUSE = "Personal attacks, insults, or threatening language directed at city staff or elected officials"


@dataclass(frozen=True)
class Lists:
    strong_nouns: frozenset[str]
    figurative_nouns: frozenset[str]
    weak_nouns: frozenset[str]
    strong_adjectives: frozenset[str]
    soft_adjectives: frozenset[str]
    phrases: tuple[str, ...]
    threats: tuple[str, ...]
    threat_patterns: tuple[re.Pattern[str], ...]
    belittling: dict[str, frozenset[str]]


@cache
def _lists(extra_insults: tuple[str, ...], extra_threats: tuple[str, ...]) -> Lists:
    data = tomllib.loads((_HERE / "insults.toml").read_text(encoding="utf-8"))
    nouns, adjectives = data.get("nouns", {}), data.get("adjectives", {})

    def words(table: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, []))

    return Lists(
        strong_nouns=words(nouns, "strong") | {w.lower() for w in extra_insults if " " not in w},
        figurative_nouns=words(nouns, "figurative"),
        weak_nouns=words(nouns, "weak"),
        strong_adjectives=words(adjectives, "strong"),
        soft_adjectives=words(adjectives, "soft"),
        phrases=tuple(data.get("phrases", {}).get("words", [])) + tuple(w for w in extra_insults if " " in w),
        threats=tuple(load_word_list(_HERE / "threats.txt", extra_threats)),
        threat_patterns=tuple(re.compile(p, re.IGNORECASE) for p in load_word_list(_HERE / "threat-patterns.txt")),
        belittling={key: frozenset(w.lower() for w in value) for key, value in data.get("belittling", {}).items()},
    )


def _who(target: Target | None, kind: str) -> str:
    if target is not None and kind in ("official", "person"):
        return target.text
    if target is not None:
        return f"\u201c{target.text}\u201d"
    return "someone"


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.nlp is None:
        raise SkipCheck("no spaCy Doc: the attacks check needs spaCy's parser to tell people from decisions")
    lists = _lists(tuple(ctx["extra-insults"]), tuple(ctx["extra-threats"]))
    every_noun = (
        lists.strong_nouns
        | lists.figurative_nouns
        | lists.weak_nouns
        | {"pack", "bunch", "lot", "group", "crew", "gang", "gaggle", "herd", "flock"}
    )
    resolver = Resolver(
        doc, find_targets(doc, ctx.facts), lambda token: token.lemma_.lower() in every_noun or token.lower_ in every_noun
    )
    review = "warning" if ctx.severity == "error" else ctx.severity
    taken: list[tuple[int, int]] = []
    yield from _threats(doc, ctx, lists, taken)
    for match in find_phrases(doc.words_text, lists.phrases):
        span = doc.nlp.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not _free(taken, match.start, match.end):
            continue
        kind, target = resolver.in_sentence(span[0])
        taken.append((match.start, match.end))
        yield _insult(ctx, doc, match.start, match.end, kind, target, strong=True, review=review)
    for token in doc.nlp:
        start, end = token.idx, token.idx + len(token)
        if not _free(taken, start, end) or doc.overlaps_token(start, end):
            continue
        found = _judged_word(token, lists, resolver)
        if found is None:
            continue
        kind, target, harsh = found
        if harsh:
            # Harsh judgements of how someone does the job ("a disgrace", "a failure as a manager",
            # "incompetent"): fair criticism of a body, a role or an official by name. On the training
            # comments they sent eight criticisms to review for every three attacks, so the words alone
            # are no finding; the learned model reads the rest of the comment ("a spineless jellyfish").
            continue
        taken.append((start, end))
        yield _insult(ctx, doc, start, end, kind, target, strong=True, review=review)
    yield from _belittled(doc, ctx, lists, resolver, taken, review)


def _belittled(
    doc: Document, ctx: Context, lists: Lists, resolver: Resolver, taken: list[tuple[int, int]], review: str
) -> Iterator[Finding]:
    """Belittling with no name-calling word, said of staff or officials: for review, never hidden on this alone."""
    if taken:
        return  # a listed insult or threat already says why
    assert doc.nlp is not None
    every = frozenset().union(*lists.belittling.values()) if lists.belittling else frozenset()
    # Only a listed word, or the noun a listed quality is a compound of ("brain activity"), can belittle.
    heads = {t.head.i if t.dep_ == "compound" else t.i for t in doc.nlp if t.lower_ in every or t.lemma_.lower() in every}
    for token in (doc.nlp[i] for i in sorted(heads)):
        how = _belittling(token, lists.belittling)
        if not how:
            continue
        kind, target = _belittled_whom(token, how, resolver)
        if kind not in STAFF:
            continue
        start, end = token.idx, token.idx + len(token)
        if doc.overlaps_token(start, end):
            continue
        taken.append((start, end))
        yield ctx.finding(
            "insult",
            f"\u201c{token.text}\u201d belittles {_who(target, kind)} ({how}) rather than judging a decision: maybe "
            "a personal attack on an official, maybe a sharp remark; read it before deciding",
            start,
            end - start,
            severity=review,
        )
        return


def _belittled_whom(token: Any, how: str, resolver: Resolver) -> tuple[str, Target | None]:
    """Whom a belittling word is said of: the staff the sentence names for a comparison whose quality is no
    thing's; the official the comment names for an endearment or a fragment ("Useless old man."); else the
    parse's subject ("the chief is a pompous little man", "run by overgrown children")."""
    if how == "comparison":
        return ("", None) if _owner_is_a_thing(token, resolver) else resolver.in_sentence(token, comment=False)
    if how == "endearment" or token.dep_ in ("ROOT", "npadvmod"):
        return resolver.in_sentence(token, comment=True)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        subject = next((c for c in token.head.head.children if c.dep_ == "nsubjpass"), None)
        return resolver.kind_of(subject) if subject is not None else ("", None)
    reduced = _reduced_subject(token)
    if reduced is not None:
        return resolver.kind_of(reduced)
    if how == "diminishing a part":  # "her pretty little head": whoever the sentence names
        return resolver.in_sentence(token, comment=False)
    return resolver.aimed_at(token, person_word=True)


def _reduced_subject(token: Any) -> Any | None:
    """The subject of "X is nothing but a <token>" ("you're nothing but a glorified mall cop"), else None."""
    but = token.head
    if token.dep_ != "pobj" or but.lower_ != "but" or but.head.lower_ != "nothing" or but.head.dep_ != "attr":
        return None
    return next((c for c in but.head.head.children if c.dep_ == "nsubj"), None)


def _owner_is_a_thing(quality: Any, resolver: Resolver) -> bool:
    """ "The mayor's budget has the warmth of a tax audit": the quality is the budget's, a thing's."""
    if quality.dep_ != "dobj":
        return False
    owner = next((c for c in quality.head.children if c.dep_ == "nsubj"), None)
    return owner is not None and resolver.kind_of(owner)[0] in ("decision", "thing")


def _belittling(token: Any, words: dict[str, frozenset[str]]) -> str:
    """How a word belittles the person it is said of ("comparison", "endearment", "diminishing"), or ""."""
    lemma, lower = token.lemma_.lower(), token.lower_
    qualities = words.get("qualities", frozenset())
    quality = (
        lemma in qualities
        or lower in qualities
        or any(c.dep_ == "compound" and (c.lower_ in qualities or f"{c.lower_} {lower}" in qualities) for c in token.children)
    )
    if quality and token.pos_ in ("NOUN", "PROPN"):
        # "the IQ of a traffic cone", "more brain activity than our council"
        compared = any(
            prep.lower_ == "of"
            and any(o.dep_ == "pobj" and any(d.lower_ in ("a", "an") for d in o.children) for o in prep.children)
            for prep in token.children
        )
        more_than = any(w.lower_ == "than" for w in token.subtree) and any(c.lower_ in ("more", "less") for c in token.children)
        if compared or more_than:
            return "comparison"
    if lower in words.get("vocatives", frozenset()) and token.dep_ in (
        "npadvmod",
        "ROOT",
        "appos",
        "intj",
        "conj",
        "acomp",
        "attr",
    ):
        return "endearment"  # "..., sweetheart." said to an official
    diminished = any(c.dep_ == "amod" and c.lower_ in words.get("diminishing", frozenset()) for c in token.children)
    said_of = (
        token.dep_ in ("attr", "appos", "ROOT", "npadvmod")
        or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        or _reduced_subject(token) is not None
    )
    if diminished and lemma in words.get("persons", frozenset()) and said_of:
        return "diminishing"  # "a pompous little man", "Useless old man.", "run by overgrown children"
    if diminished and lemma in words.get("body", frozenset()) and any(c.dep_ == "poss" for c in token.children):
        return "diminishing a part"  # "her pretty little head", "her shrill little mouth"
    return ""


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in taken)


def _threats(doc: Document, ctx: Context, lists: Lists, taken: list[tuple[int, int]]) -> Iterator[Finding]:
    spans = [(m.start, m.end) for m in find_phrases(doc.words_text, lists.threats)]
    for pattern in lists.threat_patterns:
        spans += [m.span() for m in pattern.finditer(doc.words_text)]
    for start, end in sorted(spans):
        if not _free(taken, start, end):
            continue
        taken.append((start, end))
        yield ctx.finding(
            "threat",
            f"\u201c{' '.join(doc.text[start:end].split())}\u201d reads as threatening language: hide it "
            f"({_CLAUSE.lower()}); if it names a real danger, report it",
            start,
            end - start,
        )


def _judged_word(token: Any, lists: Lists, resolver: Resolver) -> tuple[str, Target | None, bool] | None:
    """(whom, target, only a harsh judgement of their work) for an insult word aimed at a person, else None."""
    lemma, lower = token.lemma_.lower(), token.lower_

    def listed(words: frozenset[str]) -> bool:
        return lemma in words or lower in words

    # "you clown": the tagger may call a name-calling word after "you" a verb.
    vocative = token.i > 0 and token.nbor(-1).lower_ in ("you", "ya", "u")
    noun = (token.pos_ in ("NOUN", "PROPN", "ADJ") or vocative) and listed(lists.strong_nouns)
    figurative = not noun and token.pos_ in ("NOUN", "PROPN") and listed(lists.figurative_nouns)
    weak = token.pos_ == "NOUN" and listed(lists.weak_nouns)
    strong_adj = token.pos_ in ("ADJ", "VERB", "NOUN") and listed(lists.strong_adjectives)
    soft_adj = token.pos_ in ("ADJ", "VERB") and listed(lists.soft_adjectives)
    if not (noun or figurative or weak or strong_adj or soft_adj) or token_negated(token) or _negated_copula(token):
        return None
    if (noun or figurative) and _names_a_thing(token, resolver):
        return None  # "a clown show", "idiot lights": the word describes a thing, no one is called it
    if figurative and token.dep_ not in ("attr", "appos", "pobj", "conj", "npadvmod", "ROOT", "dobj"):
        return None
    # A figure ("a snake", "a tool") must be said of someone by the parse's predicates.
    kind, target = resolver.aimed_at(token, person_word=noun, scan=not figurative)
    if kind == "" and (noun or (figurative and _called(token))):
        # Name-calling with no one said: the staff the sentence names ("City Hall is run by clowns"),
        # else a generic "only a fool would ..." (kept), else someone (review). A word standing
        # alone ("Airhead.") answers whoever the comment named.
        kind, target = resolver.in_sentence(token, comment=token.dep_ == "ROOT")
        if not kind and not _generic(token):
            kind = "people"
    if figurative and kind not in (*STAFF, "person"):
        return None  # "the crew caught a rat", "all of the tools you need": said of no one in particular
    if kind in ("decision", "thing", "self", ""):
        return None
    return kind, target, bool(weak or soft_adj) and not (noun or strong_adj)


def _called(token: Any) -> bool:
    """A word with a literal sense used as a name for someone: standing alone ("Snake."), or right after
    "you" and its adjectives ("you spineless rat"), not the object of what "you" do ("if you see an animal")."""
    if token.dep_ in ("ROOT", "npadvmod"):
        return True
    i = token.i - 1
    while i >= 0 and token.doc[i].pos_ in ("ADJ", "ADV") or (i >= 0 and token.doc[i].text in ("-", ",")):
        i -= 1
    return i >= 0 and token.doc[i].lower_ in ("you", "ya", "u")


def _names_a_thing(token: Any, resolver: Resolver) -> bool:
    """A name-calling noun used as the modifier of a thing ("clown show"), not of a person ("idiot mayor")."""
    head = token.head
    if token.dep_ not in ("compound", "amod") or head.i <= token.i or head.pos_ != "NOUN":
        return False
    if head.dep_ == "appos" and resolver.kind_of(head.head)[0] in (*STAFF, "person"):
        return False  # "Jess Kowalski, the town's airhead intern": the noun stands for the person named
    return resolver.kind_of(head)[0] in ("thing", "decision", "") and not resolver.insult_word(head)


def _generic(token: Any) -> bool:
    """ "only a fool would", "any idiot can see": a figure of speech, not someone called a name."""
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.tag_ in ("NN", "NNP")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in token.children)
    )


def _negated_copula(token: Any) -> bool:
    """ "the mayor is not an idiot": the negation hangs on the verb."""
    if token.dep_ in ("attr", "acomp"):
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def _insult(
    ctx: Context,
    doc: Document,
    start: int,
    end: int,
    kind: str,
    target: Target | None,
    *,
    strong: bool,
    review: str,
    severity: str | None = None,
) -> Finding:
    word = " ".join(doc.text[start:end].split())
    if kind in STAFF and severity is not None and severity != ctx.severity:
        return ctx.finding(
            "insult",
            f"\u201c{word}\u201d is said of {_who(target, kind)} rather than of a decision: harsh, and maybe a "
            "personal attack on an official, maybe fair criticism of their work; read it before deciding",
            start,
            end - start,
            severity=severity,
        )
    if kind in STAFF:
        return ctx.finding(
            "insult",
            f"\u201c{word}\u201d insults {_who(target, kind)}, not a decision: a personal attack on city staff or "
            "elected officials may be hidden; criticism of what they decided stays",
            start,
            end - start,
            severity=severity or (ctx.severity if strong else review),
        )
    whom = _who(target, kind) if kind == "person" else "other people"
    return ctx.finding(
        "abuse",
        f"\u201c{word}\u201d insults {whom}: abusive comments may be hidden, but this one is not aimed at staff "
        "or officials, so read it before deciding",
        start,
        end - start,
        severity=review,
    )


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
run = comment_rules_then_model(
    _rules,
    __file__,
    "a personal attack, insult or threat",
    "the word lists found none, so a person reads it: criticism of a decision stays, however harsh; an attack on staff or officials may be hidden",
)


CHECK = Check(
    name="attacks",
    description="Comments: personal attacks, insults and threats aimed at staff or officials (not criticism of decisions).",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause=_CLAUSE,
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-insults": Option(
            [], "more insult words or phrases (a word is read as name-calling, like 'idiot')", list, item_type=str
        ),
        "extra-threats": Option([], "more threatening phrases, beside the bundled threats.txt", list, item_type=str),
    },
    rules={
        "attacks/learned": "a comment the learned model reads as a personal attack, insult or threat, where the word lists found nothing (for review)",
        "attacks/insult": "name-calling or an insult aimed at the city's staff or officials (by name, by role, or "
        "'you' addressed to the city); a harsh judgement of their work ('incompetent', 'a failure') is criticism",
        "attacks/abuse": "an insult aimed at someone else, or at no one said (a warning: read it before hiding)",
        "attacks/threat": "threatening language ('watch your back', 'I know where you live', 'someone should burn City Hall down')",
    },
    nlp=("lemmatizer", "parser", "ner"),
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "personal attacks, insults, or threatening
    language directed at city staff or elected officials". It does not let them
    hide criticism: "the council's vote was wrong", "this plan is stupid" and
    "vote them all out" stay up, however harsh.

    An insult word counts only when spaCy's parse says it is said of a person:
    the subject of "is an idiot", the noun "stupid" describes, the people in "a
    bunch of clowns on this council", the "you" a comment addresses (a comment
    answers the city, so "you" is its staff), the people "we elected". Targets
    are the officials in `[body] officials` (by full or last name), roles
    (mayor, council, city manager, staff, the board, nurses, "you people at
    City Hall") and anyone named. An adjective on a noun said of someone is
    said of them ("the spokesman is a slimy eel"). Words with a literal sense
    ("snake", "tool", "cow") count only when the parse says them of someone.
    Words that judge how someone does the job ("incompetent", "a failure as
    a manager") are legitimate criticism, of a body, a role or an official by
    name. Threats are flagged whoever they name.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
