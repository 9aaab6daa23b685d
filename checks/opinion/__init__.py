"""opinion: personal views on an official City account.

Two kinds of evidence, both precise on their own:

* word lists (data files beside this module) of first-person view markers
  ("I think", "in my opinion", "IMO"), of judgements ("a disgrace", "a waste
  of taxpayer money", "shame on") and of views on employment relations
  ("staff deserve a raise"), matched on normalised text so that spaced,
  dotted or l33t spellings still match;
* spaCy Matcher patterns over the document's tagged Doc for judgements of a
  past decision ("the Council should have approved ...", "I've always
  believed ...") that a word list cannot enumerate.

Quotations attributed to someone ("...," said Mayor Lee) are not the City's
voice and are skipped; so is the institutional "we" ("We think you'll love
the new splash pad"), which no pattern matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text import political
from post_lint.text.blanks import TokenMatcher
from post_lint.text.features import lexicon
from post_lint.text.model import learned_options, rules_then_model
from post_lint.text.phrases import Match, find_phrases
from post_lint.text.spans import inside, within

_HERE = Path(__file__).parent

# The words of the spaCy patterns (governing.txt: bodies and officials that can be told what they
# "should have" done; demands.txt: what they are told to do; opinion-verbs.txt: "I (always) believe").
DEMANDS = tuple(load_word_list(_HERE / "demands.txt"))
OPINION_VERBS = tuple(load_word_list(_HERE / "opinion-verbs.txt"))
# A judged policy (policy-nouns.txt: "the tax", "the ban", "the Legislature") and the lexicon's words
# that say how it stands rather than whether it is good (not-evaluative.txt: "effective", "free").
POLICY_NOUNS = frozenset(load_word_list(_HERE / "policy-nouns.txt"))
NOT_EVALUATIVE = frozenset(load_word_list(_HERE / "not-evaluative.txt"))
SARCASM = tuple(load_word_list(_HERE / "sarcasm.txt"))
GRATITUDE = tuple(load_word_list(_HERE / "gratitude.txt"))
CANDOUR = tuple(load_word_list(_HERE / "candour.txt"))
LAWMAKERS = frozenset(load_word_list(_HERE / "lawmakers.txt"))
_COPULAS = frozenset({"be", "seem", "look", "sound", "remain", "prove"})
_MIN_VALENCE = 1.0  # VADER's scale runs from -4 to 4; "mistake" is -1.4, "unfair" -2.1, "wrong" -2.1


def governing(extra: tuple[str, ...] = ()) -> list[str]:
    """Who can be told what they should have done, with the user's extra bodies and titles (lower case)."""
    return [w.lower() for w in load_word_list(_HERE / "governing.txt", extra)]


@lru_cache(maxsize=8)
def _lists(extra_phrases: tuple[str, ...], extra_evaluations: tuple[str, ...], extra_employment: tuple[str, ...]):
    return (
        tuple(load_word_list(_HERE / "phrases.txt", extra_phrases)),
        tuple(load_word_list(_HERE / "evaluations.txt", extra_evaluations)),
        tuple(load_word_list(_HERE / "employment.txt", extra_employment)),
        tuple(load_word_list(_HERE / "employment_views.txt")),
    )


@lru_cache(maxsize=4)
def _matcher(vocab: Any, extra_governing: tuple[str, ...] = ()) -> Any:
    bodies = governing(extra_governing)
    # Its patterns step over the blank tokens of a doubled space or a line break ("should  have").
    matcher = TokenMatcher(vocab)
    negation = {"LOWER": {"IN": ["not", "n't", "never"]}, "OP": "?"}
    # "the Council should have approved it", "lawmakers shouldn't have cut ..."
    matcher.add(
        "should-have",
        [
            [
                {"LOWER": {"IN": bodies}},
                {"LOWER": {"IN": ["should", "ought"]}},
                {"LOWER": "to", "OP": "?"},
                negation,
                {"LOWER": "have"},
                {"TAG": "VBN"},
            ]
        ],
    )
    # "the Mayor should resign", "the Council needs to listen"
    matcher.add(
        "demand",
        [
            [
                {"LOWER": {"IN": bodies}},
                {"LOWER": {"IN": ["should", "must", "ought", "needs", "need"]}},
                {"LOWER": "to", "OP": "?"},
                negation,
                {"LOWER": {"IN": list(DEMANDS)}},
            ]
        ],
    )
    # "I've always believed", "I honestly don't feel", "I have long thought"
    matcher.add(
        "first-person",
        [
            [
                {"LOWER": "i"},
                {"POS": {"IN": ["ADV", "AUX", "PART"]}, "OP": "*"},
                {"LEMMA": {"IN": list(OPINION_VERBS)}, "POS": "VERB"},
            ]
        ],
    )
    return matcher


def _governing_subject(span: Any) -> bool:
    """The body or official heads the clause: not "residents of the city should ..."."""
    token = span[0]
    for previous in reversed(span.doc[max(token.sent.start, token.i - 4) : token.i]):
        if previous.pos_ == "ADP":
            return False
        if previous.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT", "PART"):
            return True
    return True


def _spacy_matches(doc: Document, extra_governing: tuple[str, ...] = ()) -> list[tuple[str, Match]]:
    if doc.nlp is None:
        return []
    spacy_doc = doc.nlp
    found = []
    for match_id, start, end in _matcher(spacy_doc.vocab, extra_governing)(spacy_doc):
        label = spacy_doc.vocab.strings[match_id]
        span = spacy_doc[start:end]
        if label in ("should-have", "demand") and not _governing_subject(span):
            continue
        found.append((label, Match(span.start_char, span.end_char, span.text)))
    return found


def _policy_judgements(doc: Document) -> list[tuple[str, Match]]:
    """A policy or a lawmaking body judged by the predicate of a copula: "the sales tax on groceries is
    unfair", "the new rules are a mistake", "the camping ban is the wrong answer".

    The parse says the evaluative word (VADER, at least ``_MIN_VALENCE`` either way) is what the
    policy IS, so "the rule takes effect after a terrible winter" or "the fee funds great parks"
    judge nothing; "the new rule is effective Jan. 1" is how it stands, not whether it is good.
    """
    if doc.nlp is None or not doc.nlp.has_annotation("DEP"):
        return []
    valences = lexicon()
    found = []
    for token in doc.nlp:
        if token.dep_ not in ("acomp", "attr") or token.head.lemma_.lower() not in _COPULAS:
            continue
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in POLICY_NOUNS:
            continue
        words = [token, *(c for c in token.children if c.dep_ in ("amod", "compound", "advmod"))]
        if any(abs(valences.get(w.lower_, 0.0)) >= _MIN_VALENCE and w.lower_ not in NOT_EVALUATIVE for w in words):
            start = subject.left_edge.idx
            end = max(w.idx + len(w) for w in words)
            found.append(("evaluation", Match(start, end, doc.text[start:end])))
    return found


def _policy_sarcasm(doc: Document) -> list[tuple[str, Match]]:
    """A sarcasm idiom (sarcasm.txt) whose sentence, or the one before, names a lawmaker or a policy:
    "Congrats to the Planning Board on a fourth dollar store. Just what the historic district needed." """
    found = []
    sentences = doc.sentences or [(0, len(doc.text))]
    for match in find_phrases(doc.words_text, SARCASM):
        index = max((i for i, (s, _) in enumerate(sentences) if s <= match.start), default=0)
        before, end = sentences[max(index - 1, 0)][0], sentences[index][1]
        if _names_policy(doc.words_text[before:end]):
            found.append(("evaluation", match))
    return found


def _names_policy(text: str) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return bool(words & LAWMAKERS or {w.rstrip("s") for w in words} & POLICY_NOUNS)


def _candour_before_thanks(doc: Document) -> list[Match]:
    """Candour markers ("Honestly,") whose sentence or the next gives thanks, in a post naming no policy."""
    markers = find_phrases(doc.words_text, CANDOUR)  # rare: the other two reads only when one is there
    if not markers or _names_policy(doc.words_text):
        return []
    sentences = doc.sentences or [(0, len(doc.text))]
    thanks = find_phrases(doc.words_text, GRATITUDE)
    found = []
    for match in markers:
        index = max((i for i, (s, _) in enumerate(sentences) if s <= match.start), default=0)
        start, end = sentences[index][0], sentences[min(index + 1, len(sentences) - 1)][1]
        if any(start <= t.start < end for t in thanks):
            found.append(match)
    return found


def _rule_findings(doc: Document, ctx: Context) -> Iterator[Finding]:
    phrases, evaluations, employment, employment_views = _lists(
        tuple(ctx["extra-phrases"]), tuple(ctx["extra-evaluations"]), tuple(ctx["extra-employment-terms"])
    )
    text = doc.words_text
    quoted = doc.attributed_quotes
    candidates: list[tuple[str, Match]] = []
    grateful = _candour_before_thanks(doc)
    candidates += [("first-person", m) for m in find_phrases(text, phrases) if not within(grateful, m.start, m.end)]
    candidates += [("evaluation", m) for m in find_phrases(text, evaluations)]
    candidates += [("employment", m) for m in find_phrases(text, employment_views)]
    candidates += _policy_sarcasm(doc)
    candidates += [
        ("first-person" if label == "first-person" else "evaluation", m)
        for label, m in _spacy_matches(doc, tuple(ctx["extra-governing"]))
    ]
    # A judged policy is evidence of its own only in a sentence no other view marker already reports.
    for kind, match in _policy_judgements(doc):
        sentence_start, sentence_end = doc.sentence_at(match.start)
        if not any(sentence_start <= m.start < sentence_end for _, m in candidates):
            candidates.append((kind, match))
    if not candidates:
        yield from _policy_voice(doc, ctx)
        return
    topic_terms = find_phrases(text, employment)
    reported: list[tuple[int, int]] = []
    for kind, match in sorted(candidates, key=lambda c: (c[1].start, -c[1].end)):
        if inside(quoted, match.start, match.end):
            continue
        if any(s < match.end and match.start < e for s, e in reported):
            continue
        reported.append((match.start, match.end))
        sentence_start, sentence_end = doc.sentence_at(match.start)
        if kind != "employment" and within(topic_terms, sentence_start, sentence_end):
            kind = "employment"
        yield _finding(ctx, kind, doc.text[match.start : match.end], match)


def _policy_voice(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Advocacy on an issue that names no side: the political-messaging model partisan shares scores
    it high, it names a legislature, a bill or a national issue, and nothing in it names a party, an
    election or a candidate (with one, it is partisan's)."""
    if not ctx["classifier"] or not political.unquoted(doc, political.cue_words(government_only=True)):
        return
    if political.unquoted(doc, political.side_words()):
        return
    score, sentence = political.political_voice(doc)
    threshold = float(ctx["classifier-threshold"]) or political.shipped_threshold()
    if score >= threshold and sentence is not None:
        start, end = sentence
        yield ctx.finding("political-voice", ctx.message("political-voice", score=score), start, end - start)


def _finding(ctx: Context, kind: str, words: str, match: Match) -> Finding:
    # kind is first-person, evaluation or employment: each rule's message is in rules.toml.
    return ctx.finding(kind, ctx.message(kind, words=" ".join(words.split())), match.start, match.end - match.start)


run = rules_then_model(
    _rule_findings,
    __file__,
    "a personal or political view",
    "an official account reports facts and decisions, not views; say what was decided, or quote a named official",
)


CHECK = Check(
    name="opinion",
    description="Personal views on an official account: first-person opinions, judgements, views on pay and contracts.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause=(
        "City social media accounts ... may not be used ... for the purpose of expressing private or personal "
        "views on personal, political or policy issues or to express personal views or concerns pertaining to "
        "City employment relations matters."
    ),
    run=run,
    options={
        **learned_options(),
        "extra-phrases": Option([], "more first-person view markers, beside the bundled phrases.txt", list, item_type=str),
        "extra-evaluations": Option([], "more judging phrases, beside the bundled evaluations.txt", list, item_type=str),
        "extra-employment-terms": Option(
            [], "more employment-relations words, beside the bundled employment.txt", list, item_type=str
        ),
        "classifier": Option(True, "also report issue advocacy the bundled political-messaging model is sure of"),
        "classifier-threshold": Option(
            0.0, "lowest political-messaging score reported (0 to 1); 0 means the threshold training chose", (int, float)
        ),
        "extra-governing": Option(
            [],
            "more bodies and officials ('aldermen', 'selectboard') a view can tell what they should do, beside governing.txt",
            list,
            item_type=str,
        ),
    },
    rules={
        "opinion/learned": "a post the learned model reads as voicing a view (what the word lists miss: rhetorical questions, sarcasm, asides)",
        "opinion/first-person": "a first-person view: \u201cI think\u201d, \u201cin my opinion\u201d, \u201cIMO\u201d, "
        "\u201cpersonally,\u201d, \u201cif you ask me\u201d",
        "opinion/evaluation": "a judgement of a decision, policy or official: \u201ca disgrace\u201d, \u201ca waste "
        "of taxpayer money\u201d, \u201cthe Council should have approved\u201d",
        "opinion/employment": "a view on City employment relations: pay, raises, union contracts, negotiations",
        "opinion/political-voice": "advocacy on a policy issue the political-messaging model is sure of, naming no side: "
        "\u201cCongress must act now to fund CHIP\u201d",
    },
    nlp=("tagger", "lemmatizer", "parser"),
    profiles=("official",),
    # Criticism of a community partner is reported once, by partners, when partners runs too.
    yields_to=("partners",),
    doc="""
    An official City account speaks for the City, so it reports facts, decisions
    and services, never the writer's own views. The check flags first-person
    views ("I think", "in my opinion", "IMO", "personally,"), judgements of
    decisions, policies or officials ("a disgrace", "a waste of taxpayer money",
    "the Council should have approved ...", and a policy judged by what the parse
    says it is: "the grocery tax is unfair", "the new rules are a mistake", with
    the evaluative words of the VADER lexicon), the institutional "we" against a
    policy ("we strongly oppose the closure"), a sarcasm idiom in a sentence
    about a lawmaker or a policy ("Just what the historic district needed",
    sarcasm.txt, lawmakers.txt), and views on City employment
    relations (raises, union contracts, negotiations), which get their own rule
    because the policy names them.

    Not flagged: the City's institutional voice ("We think you'll love the new
    splash pad", "We are proud to support ..."), candour that introduces
    thanks in a post naming no policy ("Honestly, we couldn't run the parade
    without our volunteers. Thank you!", candour.txt, gratitude.txt),
    quotations attributed to a named person ("...," said Mayor Lee), facts and instructions. The check
    does not apply in the personal profile (an employee's own account).

    Advocacy on a policy issue with no opinion word ("Congress must act now to
    fund CHIP", "We support Senate Bill 2178") is found by the political-messaging
    model the partisan check also uses (post_lint/text/political.py), when the
    post has a political cue and names no party, election or candidate (those
    are partisan's); turn it off with classifier = false.

    The word lists are data files beside the check (phrases.txt,
    evaluations.txt, employment.txt, employment_views.txt) and are matched on
    normalised text, so "I th1nk" or "i m o" still match.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
