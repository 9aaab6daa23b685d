"""The builtin engine's rules that read spaCy's parse rather than word pairs.

A subject and its verb can be far apart ("Each of the pools on the east side have ..."),
and the word after a helper verb can be any verb ("will now stops", "didn't went"): a
list of pairs never covers them, the parse does. Each rule asks the parse one question
and stays silent when the parse cannot answer it (an inverted question, a name as a
subject, a quantity whose number comes from what follows):

- agreement: a finite verb and the number of its subject (nouns, pronouns, "each of",
  "X and Y", the antecedent of "who"/"that");
- verb-form: the verb after a modal, "do", infinitive "to" (base form), perfect "have"
  (past participle) and passive "be" (past participle);
- relative: "which" whose antecedent is a person ("residents which live");
- apostrophe: a possessive of time without its apostrophe ("this years festival",
  "todays parade", "the citys new carts") and a plural written with one ("two class's left", "the event's are").

Inflections come from lemminflect's lexicon (the English verbs and their forms), read from
``inflections.tsv.gz`` by :mod:`inflect`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import inflect, speller
from .hit import Hit, match_case

_DATA = tomllib.loads((Path(__file__).with_name("syntax.toml")).read_text(encoding="utf-8"))
_SINGULAR = frozenset(_DATA["singular-subjects"])
_PLURAL = frozenset(_DATA["plural-subjects"])
_SINGULAR_IN_S = frozenset(_DATA["singular-in-s"])
_UNJUDGED = frozenset(_DATA["quantity-heads"]) | frozenset(_DATA["either-number"])
_PEOPLE = frozenset(_DATA["people"])
_SINGULAR_COLLECTIVES = frozenset(_DATA["singular-collectives"])
_SHUT_STATES = dict(_DATA["shut-states"])
_TIME_AFTER_SHUT = frozenset(_DATA["time-after-shut"])
_MANDATIVE = frozenset(_DATA["mandative-verbs"])
_TIME_NOUNS = frozenset(_DATA["time-nouns"])
_TIME_DETERMINERS = frozenset(_DATA["time-determiners"])
_COUNT_WORDS = frozenset(
    {
        "few",
        "couple",
        "lot",
        "number",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "total",
        "additional",
        "extra",
        "great",
        "good",
        "whole",
    }
)
_SUBORDINATORS = frozenset(
    {"that", "because", "if", "when", "while", "although", "though", "since", "as", "unless", "until", "whether", "once", "so"}
)
_DEICTIC_TIMES = frozenset({"today", "tonight", "tomorrow", "yesterday"})
_ALSO_PARTICIPLES = frozenset(_DATA["also-participles"])
_NUMBER_NOUNS = frozenset(_DATA["number-nouns"])
_BARE_INFINITIVE_HEADS = frozenset(_DATA["bare-infinitive-heads"])
_ALSO_ADJECTIVES = frozenset(_DATA["also-adjectives"])
_PLURAL_DETS = frozenset(_DATA["plural-determiners"])
_MANY_WORDS = frozenset(_DATA["many-words"])
_MANY_HEADS = frozenset(_DATA["many-heads"])
_SINGULAR_DETS = frozenset(_DATA["singular-determiners"])
_QUESTION_HELPERS = frozenset(_DATA["question-helpers"])

_SUBJECTS = ("nsubj", "nsubjpass")
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "NORP", "LOC", "LAW"})
_AUX = ("aux", "auxpass")
_MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might", "must", "wo", "ca"})
_DO = frozenset({"do", "does", "did"})
_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'s", "'m"})
_HAVE = frozenset({"have", "has", "had", "'ve"})
# Forms whose number the word itself says; VBZ/VBP say it for every other verb.
_SINGULAR_FORMS = {"is": "are", "was": "were", "has": "have", "does": "do"}
_PLURAL_FORMS = {"are": "is", "were": "was", "have": "has", "do": "does"}
# Between a helper and its verb only these may stand ("will now stop", "did you see").
_BETWEEN_TAGS = frozenset({"RB", "PRP", "EX", "RBR"})
_BETWEEN_SUBJECT_AND_VERB = frozenset({"RB", "RBR", "RBS", ",", "MD"})


def _verb_lemma(word: str) -> str | None:
    lemmas = inflect.all_lemmas(word, upos="VERB").get("VERB")
    return lemmas[0] if lemmas else None


def _inflect(lemma: str, tag: str) -> str | None:
    forms = inflect.inflection(lemma, tag=tag)
    return forms[0] if forms else None


def _token_hit(rule: str, token: Any, fixed: str, message: str, end: int | None = None) -> Hit:
    """A finding on ``token`` (or from it to ``end``) whose one suggestion is ``fixed``, with a
    message of its own (a form the rule's rules.toml template does not cover)."""
    return Hit(rule, message, token.idx, token.idx + len(token.text) if end is None else end, (fixed,))


def _templated_hit(rule: str, token: Any, fixed: str, /, **fields: Any) -> Hit:
    """A finding on ``token`` whose one suggestion is ``fixed``; its message is the rule's template."""
    return Hit.of(rule, token.idx, token.idx + len(token.text), (fixed,), **fields)


# -- agreement -----------------------------------------------------------------------------


def _subject_of(verb: Any) -> Any | None:
    """The subject a finite verb agrees with: its own, or its head's when it is a helper."""
    clause = verb.head if verb.dep_ in _AUX else verb
    if verb.dep_ in _AUX and any(c.dep_ in _AUX and c.i < verb.i and c.tag_ == "MD" for c in clause.children):
        return None  # "will have": the modal is the finite verb
    for child in clause.children:
        if child.dep_ in _SUBJECTS:
            return child
        if child.dep_ == "expl":
            return None  # "there are", "here is"
    return None


def _is_name(subject: Any) -> bool:
    """A title or a name as the subject ("Movies in the Park returns", "Parks and Rec is");
    a lower-case noun is not made a name by a place after it ("the sidewalks along Main Street")."""
    if subject.tag_ in ("NNP", "NNPS"):
        return True
    if subject.ent_type_ in _NAME_ENTITIES and subject.i != subject.sent.start:
        return True  # at a sentence's start the tagger's entity guess is weak ("Paddles and balls")
    if not subject.text[:1].isupper():
        return False
    if subject.i != subject.sent.start:
        return True
    return any(t.text[:1].isupper() and t.i != subject.i for t in subject.subtree if t.is_alpha)


def _antecedent(verb: Any) -> Any | None:
    """For "who"/"that" as a subject, the noun the clause is about ("residents who live")."""
    clause = verb.head if verb.dep_ in _AUX else verb
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    if (
        noun.dep_ == "pobj"
        and not _only_noun_after_a_verb(noun)
        or noun.conjuncts
        or (noun.dep_ == "dobj" and noun.head.tag_ in ("VBG", "VBN"))
    ):
        return None  # "women across the country who are", "Senators alleging fraud who were": which noun?
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) or noun.lower_ == "one":
        return None  # "one of the people who are": either reading is English
    return noun


def _only_noun_after_a_verb(noun: Any) -> bool:
    """ "Thank you to all the volunteers who helps": the preposition hangs on a verb with no noun
    object before it, so the clause can only be about this noun; in "join women across the country
    who are" it could be about either."""
    preposition = noun.head
    verb = preposition.head
    if preposition.dep_ == "prep" and verb.lower_ in ("thanks", "thank") and preposition.lower_ in ("to", "for"):
        return True  # "Thanks to everyone who help", "Thank you to the nurses who": the ones thanked
    if preposition.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.pos_ in ("NOUN", "PROPN") and c.i < preposition.i for c in verb.children if c.dep_ in ("dobj", "attr"))


def subject_number(subject: Any, verb: Any, antecedent: bool = False) -> str | None:
    """'singular', 'plural' or None when the parse cannot say (then nothing is flagged)."""
    lower = subject.lower_
    left = subject.left_edge.i
    if not antecedent and left > 0 and subject.doc[left - 1].tag_ == "IN" and subject.doc[left - 1].lower_ not in _SUBORDINATORS:
        return None  # "... with Drs. Dowell and Dunn describes": a preposition's object read as the subject
    if lower == "which" and subject.i > 0 and subject.nbor(-1).text == ",":
        return None  # ", which is a lot faster": "which" may stand for the whole clause before it
    if lower in ("who", "that", "which"):
        noun = _antecedent(verb)  # its preposition, if any, was judged by _antecedent
        return None if noun is None else subject_number(noun, verb, antecedent=True)
    if lower in ("i", "you"):
        return None  # handled by the pronoun table of grammar/agreement
    if subject.conjuncts:
        return _coordination(subject)
    if lower.endswith("ing") and _noun_in_ing(subject):
        return "singular"  # "The ribbon cutting for the new hub is": a noun, with its article
    if lower.endswith("ing") and _bare_gerund(subject):
        return "singular"  # "Parking in both lots is free": an activity, one thing
    if not subject.text.replace("'", "").replace("\u2019", "").isalpha() or lower.endswith("ing"):
        return None  # "@County", "#Tag", an -ing word the parse may have misread
    if any(c.dep_ == "case" for c in subject.children) or (lower == "few" and subject.i and subject.nbor(-1).lower_ == "a"):
        return None  # "homeowners' insurance does": the possessor is not the subject
    left = subject.left_edge
    if any(c.tag_ == "VBG" and c.i < subject.i for c in subject.children) or (left.tag_ == "VBG" and left.i < subject.i):
        return None  # "Smoking cigarettes increases", "Getting flu shots is": the gerund is the subject
    if lower in ("all", "most", "some") and subject.tag_ == "DT":
        return _part_of_number(subject)
    if lower in _SINGULAR_COLLECTIVES and subject.tag_ in ("NN", "NNP"):
        # "our team who work tirelessly": "who" reads the body as its people
        return None if antecedent else _collective_number(subject, verb)
    if lower in _SINGULAR:
        return "singular"
    if lower in _PLURAL:
        return "plural"
    if subject.tag_ == "CD":
        if any(c.lower_ in ("these", "those", "all", "both") for c in subject.children):
            return "plural"  # "these three include"
        return "singular" if lower == "one" else None
    if lower == "number" and subject.tag_ == "NN":
        return _a_number_of(subject)
    if subject.tag_ not in ("NN", "NNS") or _is_name(subject) or lower in _UNJUDGED:
        return None
    if lower in _NUMBER_NOUNS and subject.i + 1 < len(subject.doc) and subject.nbor(1).like_num:
        return None  # "Seniors age 60+ are free": "age 60+" describes the seniors
    # "all the volunteers who help": a plural antecedent whatever its quantifier word (not a number: "561 ... that")
    plain_plural = antecedent and subject.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in subject.children)
    if not plain_plural and any(
        c.dep_ == "nummod" or c.lower_ in ("all", "some", "any", "no", "most", "these", "those") for c in subject.children
    ):
        return None  # "10 miles is a long way", "no parking is allowed"
    if subject.tag_ == "NNS":
        lemma = inflect.lemma(lower, upos="NOUN")
        if lower in _SINGULAR_IN_S or lower in _UNJUDGED or not lemma or lemma[0] == lower:
            return None  # "lots of", "hundreds of": the number is what follows
        return "plural"
    if not lower.isalpha() or lower.endswith("s") or lower in _SINGULAR_IN_S:
        return None  # "Thanks", odd tokens: the tagger's guess
    if not inflect.all_lemmas(lower, upos="NOUN") and (speller.speller().zipf(lower) or 0) < 3.5:
        return None  # a word neither lexicon knows well ("snowplowz"): its number is a guess
    return "singular"  # newer words lemminflect lacks ("website", "app") count by the word list


def _part_of_number(subject: Any) -> str | None:
    """ "All of our shelters need", "most of the water is": a part takes the number of what it is
    part of, when that is one plain noun (not "all of the food and water")."""
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.conjuncts or _is_name(whole):
        return None
    return "plural" if whole.tag_ == "NNS" else None  # "most of the water is": mass nouns vary ("all of the staff")


def _collective_number(subject: Any, verb: Any) -> str | None:
    """One body ("the committee has", "the Board of Commissioners meets", "our team of inspectors
    visits"): singular, unless "a ... of" makes it a quantity ("a team of volunteers are"), "all"
    after the verb makes it its members ("the committee are all against it"), or the name ends in
    a plural of its own ("Department of Health Offices are closed")."""
    determiner = next((c.lower_ for c in subject.children if c.dep_ in ("det", "poss")), None)
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and (determiner in ("a", "an", "another") or determiner is None and subject.is_lower):
        return None
    if (
        any(c.lower_ in ("all", "both", "each") for c in verb.children)
        or verb.i + 1 < len(verb.doc)
        and verb.nbor(1).lower_ in ("all", "both")
    ):
        return None
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is not None and whole.tag_ in ("NNS", "NNPS") and any(c.dep_ == "compound" for c in whole.children):
        return None
    if any(c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS") for c in subject.children):
        return None  # "the Parks and Recreation Board", "Veterans Court": a name built on plurals, left alone
    left = subject.left_edge.i
    if left > 0 and (subject.doc[left - 1].tag_ == "POS" or subject.doc[left - 1].tag_.startswith("VB")):
        return None  # "watch today's Board of Health Meeting live": a verb's object the parse made a subject
    return "singular"


_NOT_GERUNDS = frozenset(
    {"following", "including", "remaining", "during", "according", "regarding", "nothing", "something", "anything", "everything"}
)


def _bare_gerund(subject: Any) -> bool:
    """An -ing verb standing alone as the subject ("Parking in both lots are free"): an activity,
    singular. Not with an article or modifier of its own ("the following are", "new listings"),
    nor when joined to another subject ("walking and biking are")."""
    lower = subject.lower_
    if subject.tag_ not in ("NN", "VBG") or lower in _NOT_GERUNDS or subject.conjuncts or not subject.is_alpha:
        return False
    if subject.text[:1].isupper() and subject.i != subject.sent.start:
        return False
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "cc", "conj") for c in subject.children):
        return False
    lemmas = inflect.all_lemmas(lower, upos="VERB").get("VERB") or ()
    return any(lower in (inflect.inflection(lemma, tag="VBG") or ()) for lemma in lemmas)


def _noun_in_ing(subject: Any) -> bool:
    """An -ing word that is a noun here: an article or possessive before it and a noun or a
    prepositional phrase of its own ("the ribbon cutting for the hub"; not "The following are")."""
    if subject.tag_ not in ("NN", "VBG") or not inflect.all_lemmas(subject.lower_, upos="NOUN"):
        return False
    children = list(subject.children)
    led = any(c.dep_ in ("det", "poss") and c.i < subject.i and c.lower_ not in ("no", "all", "some") for c in children)
    return led and any(c.dep_ in ("compound", "prep") for c in children)


def _a_number_of(subject: Any) -> str | None:
    """ "a number of roads are" (the roads count), "the number of cases is" (the number does)."""
    det = next((c.lower_ for c in subject.children if c.dep_ == "det"), None)
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if counted is None or counted.tag_ != "NNS" or any(c.dep_ == "amod" for c in subject.children):
        return None  # "a high number of cases was reported": the number itself, either way
    return {"a": "plural", "the": "singular"}.get(det or "")


def _coordination(subject: Any) -> str | None:
    """The number of "X and Y" as a subject: plural when a part is a plural noun or a pronoun
    ("paddles and balls", "you and your family"); None when it cannot say ("drinking and
    driving is", "diagnosis and treatment is": one idea), or when it is not a coordination."""
    conjuncts = list(subject.conjuncts)
    if not conjuncts:
        return None
    span = subject.doc[subject.i : max(c.i for c in conjuncts)]
    if any(t.tag_.startswith("VB") or t.tag_ in ("TO", "IN") for t in span):
        return None  # "the best way to protect yourself and others is": not one subject
    parts = [subject, *conjuncts]
    if any(c.lower_ in ("each", "every", "no") for p in parts for c in p.children):
        return None
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for p in parts for c in p.children)
    if (
        joined
        and any(p.ent_type_ == "PERSON" for p in parts)
        and all(p.ent_type_ == "PERSON" or p.tag_ in ("NN", "NNS", "PRP") and not _is_name(p) for p in parts)
    ):
        return "plural"  # "Tina and her father sing": people, not a firm's name ("Barnes and Noble")
    if not joined or any(_is_name(p) or p.tag_ not in ("NN", "NNS", "PRP") for p in parts):
        return None
    if any(p.lower_ in _SINGULAR_IN_S or p.lower_ in _UNJUDGED for p in parts):
        return None
    if any(p.tag_ in ("NNS", "PRP") and p.lower_ not in _SINGULAR for p in parts):
        return "plural"
    if all(any(c.dep_ in ("det", "poss") for c in p.children) for p in parts):
        return "plural"  # "the park and the library": two things, each with its own determiner
    return None


def _verb_number(verb: Any) -> str | None:
    lower = verb.lower_
    if lower in _SINGULAR_FORMS or (verb.tag_ == "VBZ" and not lower.startswith("'")):
        return "singular"
    if lower in _PLURAL_FORMS or (verb.tag_ == "VBP" and not lower.startswith("'")):
        return "plural"
    return None


def _agreeing_form(verb: Any, number: str) -> str | None:
    lower = verb.lower_
    table = _PLURAL_FORMS if number == "singular" else _SINGULAR_FORMS
    if lower in table:
        return table[lower]
    lemma = _verb_lemma(lower)
    if lemma is None:
        return None
    return _inflect(lemma, "VBZ") if number == "singular" else lemma


def agreement(spacy_doc: Any) -> Iterator[Hit]:
    """A finite verb whose number differs from its subject's."""
    for verb in spacy_doc:
        tag = verb.tag_
        if tag not in ("VBZ", "VBP", "VBD", "VB") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if tag == "VBD" and verb.lower_ not in ("was", "were") or tag == "VB" and verb.dep_ not in _CLAUSE_DEPS:
            continue
        subject = _subject_of(verb)
        if subject is None or subject.i > verb.i or verb.i - subject.i > 12:
            continue
        bare = tag == "VB"
        if bare and not _bare_finite(verb) or not _reads_as_clause(subject, verb):
            continue
        if _parse_unreliable(subject, verb):
            continue
        subject_says = subject_number(subject, verb)
        verb_says = "plural" if bare else _verb_number(verb)
        if subject_says is None or verb_says is None or subject_says == verb_says:
            continue
        if verb.lower_ == "were" and _subjunctive(verb):
            continue
        if subject_says == "singular" and _may_be_imperative(subject, verb):
            continue
        if bare and not _plain_subject_before(subject, verb):
            continue
        right = _agreeing_form(verb, subject_says)
        if not right or right == verb.lower_:
            continue
        fixed = match_case(verb.text, right)
        yield _templated_hit("agreement", verb, fixed, verb=verb.text, subject=subject.text, number=subject_says, fixed=fixed)


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl"})


def _bare_finite(verb: Any) -> bool:
    """A base form the tagger left untagged for person ("The price of permits go up"): with a
    subject of its own, no helper and no "to", and no verb above it that takes a bare infinitive
    ("let the kids play") or a subjunctive ("we ask that every resident be")."""
    if verb.lower_ in ("be", "let") or any(c.dep_ in _AUX or c.tag_ == "TO" for c in verb.children):
        return False
    if verb.dep_ not in _CLAUSE_DEPS:
        return False
    head = verb.head
    if verb.dep_ != "ROOT" and (
        head.lower_ in _BARE_INFINITIVE_HEADS or head.lemma_ in _BARE_INFINITIVE_HEADS or head.lower_ in _MANDATIVE
    ):
        return False
    return not _subjunctive(verb) and verb.sent.start != verb.i


def _plain_subject_before(subject: Any, verb: Any) -> bool:
    """For a bare base form: a determiner-led noun phrase straight before the verb, opening its
    clause ("The price of permits go up"), not a phrase an order follows ("Reminder: schedule",
    "No matter your destination, buckle up", "This holiday season help")."""
    doc = subject.doc
    if not any(c.dep_ in ("det", "poss") for c in subject.children) or subject.ent_type_ in ("DATE", "TIME"):
        return False
    if any(t.is_punct for t in doc[subject.i + 1 : verb.i]):
        return False  # "Chief Nelson's tip of the week: keep heaters ...": a label, then an order
    left = subject.left_edge.i
    return left == subject.sent.start or doc[left - 1].lower_ in (",", "and", "but", "so", "because", "that", "if", "when")


def expletive_agreement(spacy_doc: Any) -> Iterator[Hit]:
    """ "There is still three spots left", "There was two crashes": after "there", "is" and
    "was" agree with the noun that follows, here a plural counted by a number or a plural
    determiner (the contracted "there's" is left alone: everyday speech)."""
    for verb in spacy_doc:
        if verb.lower_ not in ("is", "was") or not any(c.dep_ == "expl" and c.i < verb.i for c in verb.children):
            continue
        noun = next((c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.i > verb.i), None)
        if noun is None or noun.tag_ != "NNS" or noun.lower_ in _UNJUDGED or noun.lower_ in _SINGULAR_IN_S:
            continue
        counted = [c for c in noun.children if c.dep_ in ("nummod", "det", "amod") and c.i < noun.i]
        plural = any(c.lower_ in _PLURAL_DETS or c.tag_ == "CD" and c.lower_ not in ("one", "1") for c in counted)
        # "There is still seats available": a plural with no determiner at all is many, too
        bare = not any(c.dep_ in ("det", "nummod", "poss", "compound") for c in noun.children) and not noun.conjuncts
        if not (plural or bare and noun.is_lower):
            continue
        if any(t.is_punct or t.tag_ in ("IN", "VB", "VBD", "VBZ", "VBP") for t in spacy_doc[verb.i + 1 : noun.i]):
            continue  # "there is, in two cases, ...": something else between the verb and its noun
        fixed = match_case(verb.text, _PLURAL_FORMS_OF[verb.lower_])
        yield _templated_hit("agreement", verb, fixed, verb=verb.text, subject=noun.text, number="plural", fixed=fixed)


_PLURAL_FORMS_OF = {"is": "are", "was": "were"}


def _parse_unreliable(subject: Any, verb: Any) -> bool:
    """Where the parse of the subject cannot be trusted: a URL, hashtag or mention between the
    subject and its verb ("More information at https://... Information about ... is": two
    sentences run together), a written-out plural ("product(s) have"), or a plural verb after a
    list the parse broke ("Vaccine clinic at Dollar General and Testing at State Foods are")."""
    doc = subject.doc
    for token in doc[subject.i + 1 : verb.i]:
        if token.like_url or token.text[:1] in ("#", "@"):
            return True
    if _two_subjects(subject, verb) or _verb_of_a_clause_inside(subject, verb) or _helper_inside(subject):
        return True
    if _object_of_a_verb_before(subject) or _time_phrase(subject) or _gerund_opens(subject):
        return True
    left = subject.left_edge.i
    if left > 0 and doc[left - 1].tag_ == "VB" and doc[left - 1].dep_ == "ROOT" and verb.tag_ == "VBP":
        return True  # "Wear a cloth face cover when ...": the noun phrase is the order's object
    subtree = list(subject.subtree)
    if any("(s" in t.text.lower() for t in subtree) or doc[subject.i + 1 : subject.i + 3].text.lower() == "(s":
        return True
    if subject.conjuncts or verb.lower_ not in _PLURAL_FORMS and verb.tag_ != "VBP":
        return False
    # A plural verb after a singular head whose phrase holds "A at X and B at Y": the parse hung
    # the second noun on the first one's preposition.
    return any(
        t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.head.head.lower_ != "between" for t in subtree
    )  # "the difference between life and death are": "between" takes two, the head stays one


def _two_subjects(subject: Any, verb: Any) -> bool:
    """The clause has a clausal subject too ("Getting flu and COVID-19 shots is"): the gerund
    is the subject, the noun the parse also made one belongs to it."""
    clause = verb.head if verb.dep_ in _AUX else verb
    return any(c.dep_ in ("csubj", "csubjpass") or c.dep_ in _SUBJECTS and c.i != subject.i for c in clause.children)


def _verb_of_a_clause_inside(subject: Any, verb: Any) -> bool:
    """The subject's phrase ends in a subordinator's noun right before the verb ("carpets and
    vehicles long after smoking has stopped"): the verb is that clause's, agreeing with that noun."""
    doc = subject.doc
    last = doc[verb.i - 1] if verb.i > 0 else None
    if last is None or last.dep_ != "pobj" or last.i <= subject.i:
        return False
    return last.head.lower_ in _SUBORDINATORS | {"after", "before"}


def _object_of_a_verb_before(subject: Any) -> bool:
    """The subject's phrase follows a gerund ("Scheduling routine exams with your provider is")
    or the verb of a relative clause ("Children who get the vaccine receive"): it is that verb's
    object, and the real subject is the gerund or the relative clause's noun."""
    left = subject.left_edge.i
    if left == 0:
        return False
    before = subject.doc[left - 1]
    if before.tag_ == "VBG" and before.dep_ != "amod":
        return True
    relative = before.tag_ in ("VB", "VBP", "VBZ", "VBD")
    return relative and any(c.dep_ in _SUBJECTS and c.lower_ in ("who", "that", "which") for c in before.children)


def _gerund_opens(subject: Any) -> bool:
    """ "Scheduling routine exams ... is": an -ing verb the tagger took for an adjective opens the
    subject's phrase, so the gerund is the subject (an adjective such as "Exciting" is not)."""
    first = subject.left_edge
    if first.i == subject.i or not first.lower_.endswith("ing") or first.tag_ not in ("JJ", "NN", "VBG"):
        return False
    return bool(inflect.all_lemmas(first.lower_, upos="VERB").get("VERB")) and not inflect.all_lemmas(first.lower_, upos="ADJ")


def _time_phrase(subject: Any) -> bool:
    """ "This winter protect yourself": a time phrase opening an order, not its subject."""
    return subject.lower_ in _TIME_NOUNS and any(c.dep_ == "det" and c.lower_ in _TIME_DETERMINERS for c in subject.children)


def _helper_inside(subject: Any) -> bool:
    """A helper verb or a subject inside the words before the subject's noun ("He had pre-existing
    conditions and was": "He had" hangs on "pre"): the parse took a verb's object for a subject."""
    return any(t.dep_ in _AUX or t.dep_ in _SUBJECTS for t in subject.subtree if t.i < subject.i)


def _reads_as_clause(subject: Any, verb: Any) -> bool:
    """The subject, then at most adverbs and helpers, then the verb, in a sentence that is
    not a headline, a label ("Reminder: vaccines are"), a list or a wh-question."""
    doc = subject.doc
    between = list(doc[subject.right_edge.i + 1 : verb.i])
    if len(between) >= 3 and between[0].text == "," and between[-1].text == "," and "," not in {t.text for t in between[1:-1]}:
        between = []  # "Marketing, for example, are": an aside between commas
    if any(t.tag_ not in _BETWEEN_SUBJECT_AND_VERB and t.dep_ not in ("advmod", "neg", "aux", "auxpass") for t in between):
        return False
    if verb.text[:1].isupper() and verb.i != verb.sent.start or verb.text.isupper() and len(verb.text) > 1:
        return False  # "... Have a safe holiday", "WE ALMOST FORGOT": a headline's capitals
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if (
        verb.dep_ not in _AUX
        and following is not None
        and following.tag_ in ("VB", "VBP", "VBZ")
        and following.head == verb
        and following.dep_ not in _AUX
        and not (verb.lower_ in _BARE_INFINITIVE_HEADS and following.dep_ == "xcomp")  # "who help keep"
    ):
        return False  # "the diseases ticks carry": two verbs in a row, one of them a noun misread
    if (
        verb.dep_ not in _AUX
        and verb.lower_ in _NUMBER_NOUNS
        and following is not None
        and (following.like_num or following.tag_ == "$")
    ):
        return False  # "Children ages 5 to 11", "salary range $34,000": a noun the tagger read as a verb
    if (
        verb.tag_ == "VBP"
        and verb.lower_ not in ("are", "were")
        and (doc[verb.i - 1].text == "," or doc[verb.sent.start].tag_ in ("IN", "TO"))
    ):
        return False  # "Anyone needing help, call ...", "For more information go to": imperatives
    if verb.dep_ == "ccomp" and verb.head.lower_ in _MANDATIVE and verb.tag_ == "VBP":
        return False  # "we recommend everyone wear a mask": the subjunctive
    if verb.dep_ == "ccomp" and verb.head.lower_ in _BARE_INFINITIVE_HEADS:
        return False  # "don't let a party squash your meal", "watch a deputy revive a child"
    if verb.i > 0 and doc[verb.i - 1].lower_ in ("here", "there"):
        return False  # "here are some tips": the subject follows
    if _helper_opens_the_question(subject, verb):
        return False  # "Does the COVID-19 vaccine affect fertility?": "Does" agrees, the verb is bare
    return not _wh_question(subject)


def _helper_opens_the_question(subject: Any, verb: Any) -> bool:
    """A yes/no question whose helper comes before the subject ("Does the COVID-19 vaccine
    affect ...?"): the helper agrees, and the parse may have left it unattached."""
    words = [t for t in verb.sent if t.is_alpha]
    return (
        bool(words)
        and words[0].lower_ in _QUESTION_HELPERS
        and words[0].i < subject.left_edge.i
        and verb.i > subject.i  # the helper itself must agree: "Has the crews finished?"
        and verb.sent.text.rstrip(" \"'\u201d\u2019").endswith("?")
    )


def _may_be_imperative(subject: Any, verb: Any) -> bool:
    """A bare verb after a singular noun may be an order to the reader ("Everyone meet Alice!",
    "2 weeks before a visit stay outdoors"): judged only after a determiner-led subject that
    no preposition governs ("The dog love it")."""
    if verb.tag_ != "VBP" or verb.lower_ in ("are", "were", "do") or subject.lower_ in ("who", "that", "which"):
        return False  # a relative clause is never an order
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return False  # "each of the pools have": a part of something, not a vocative
    if not any(c.dep_ in ("det", "poss") for c in subject.children):
        return True
    left = subject.left_edge.i
    return left > 0 and subject.doc[left - 1].tag_ == "IN"


def _wh_question(subject: Any) -> bool:
    """ "How many stations is it?": the subject of a wh-question may not be what the parse says."""
    before = subject.doc[subject.sent.start : subject.i]
    return any(t.tag_ in ("WRB", "WP", "WDT") for t in before) and subject.sent.text.rstrip().endswith("?")


def determiner_agreement(spacy_doc: Any) -> Iterator[Hit]:
    """ "several event", "both lane", "each residents", "a parks": a determiner that counts
    and a noun of the other number."""
    for det in spacy_doc:
        lower = det.lower_
        if lower not in _PLURAL_DETS and lower not in _SINGULAR_DETS:
            continue
        noun = det.head
        if noun.i <= det.i or noun.i - det.i > 3 or not noun.is_alpha or not noun.is_lower:
            continue
        if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in _COUNT_WORDS for c in noun.children):
            continue  # "a few hours", "every two weeks", "an additional 50 spots"
        between = spacy_doc[det.i + 1 : noun.i]
        if any(
            t.tag_ in ("CD", "POS", "NN", "NNS", "NNP", "NNPS") or t.tag_.startswith("VB") or t.lower_ in _COUNT_WORDS
            for t in between
        ):
            continue  # "a virus changes", "those battling cancer": the parse joined the wrong words
        if noun.conjuncts or any(c.dep_ == "cc" for c in noun.children):
            continue  # "many style and grammar issues": the count may cover the whole list
        verb_too = bool(inflect.all_lemmas(noun.lower_, upos="VERB"))
        if verb_too and (lower in _SINGULAR_DETS or lower in ("many", "those")):
            continue  # "this results in", "a tornado strikes", "the time many vacation": maybe a verb
        following = spacy_doc[noun.i + 1] if noun.i + 1 < len(spacy_doc) else None
        if following is not None and (following.lower_ == "of" or following.tag_ in ("NN", "NNS", "POS")):
            continue  # "these kind of", "a parks department": a noun that modifies another
        right = _noun_for(noun, plural=lower in _PLURAL_DETS)
        if not right:
            continue
        yield _noun_count_hit(noun, right, det, f"{det.text} \u2026 {noun.text}")


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())


def number_agreement(spacy_doc: Any) -> Iterator[Hit]:
    """ "where two car collided", "for three week": a number word (not digits: "Phase 2",
    "24 hour" are labels and house style) counting a singular noun that ends its phrase."""
    for number in spacy_doc:
        noun = number.head
        if number.lower_ not in _NUMBER_WORDS or number.dep_ != "nummod" or noun.tag_ != "NN" or noun.i != number.i + 1:
            continue
        if not noun.is_alpha or not noun.is_lower or noun.lower_ in _UNJUDGED or noun.lower_ in _NUMBER_NOUNS:
            continue
        following = spacy_doc[noun.i + 1] if noun.i + 1 < len(spacy_doc) else None
        if following is not None and (
            following.lower_ == "of" or following.tag_ in ("NN", "NNS", "NNP", "NNPS", "POS", "JJ", "CD", "HYPH")
        ):
            continue  # "two dose vaccine", "a three day weekend", "two-hour": a noun that modifies another
        before = number.nbor(-1).text if number.i else ""
        if before in ("-", "/") or before[:1].isdigit():
            continue  # "ages 5-twelve": a range; "Our 1st five program": a name
        right = _noun_for(noun, plural=True)
        if not right or right == noun.lower_:
            continue
        yield _noun_count_hit(noun, right, number, f"{number.text} {noun.text}")


def _noun_count_hit(noun: Any, right: str, counter: Any, quoted: str) -> Hit:
    """An agreement finding on a noun that ``counter`` (a determiner or a number word) counts otherwise."""
    fixed = match_case(noun.text, right)
    message = f"\u201c{quoted}\u201d: the noun does not agree with \u201c{counter.text}\u201d; write \u201c{fixed}\u201d"
    return _token_hit("agreement", noun, fixed, message)


def _noun_for(noun: Any, plural: bool) -> str | None:
    lower = noun.lower_
    if lower in _SINGULAR_IN_S or lower in _UNJUDGED or lower in _TIME_NOUNS:
        return None
    if plural and noun.tag_ == "NN":
        forms = inflect.all_inflections(lower, upos="NOUN")
        plurals = [p for p in forms.get("NNS", ()) if p != lower]
        return plurals[0] if plurals and "NN" in forms else None  # a mass noun has no plural: left alone
    if not plural and noun.tag_ == "NNS":
        lemma = inflect.lemma(lower, upos="NOUN")
        if lemma and lemma[0] != lower and lemma[0] not in _UNJUDGED and lower.rstrip("s") + "s" == lower:
            return lemma[0]
    return None


def _subjunctive(verb: Any) -> bool:
    """ "if it were", "as if it were", "I wish it were": were with a singular subject is right."""
    words = [t.lower_ for t in verb.sent if t.i < verb.i]
    return any(w in ("if", "wish", "though", "whether", "suppose") for w in words[-4:])


# -- verb forms after helpers ----------------------------------------------------------------


def _helper_kind(helper: Any) -> str | None:
    lower = helper.lower_
    if helper.dep_ == "aux" and helper.tag_ == "MD" and lower in _MODALS:
        if lower in ("ca", "wo") and (helper.i + 1 >= len(helper.doc) or helper.nbor(1).lower_ != "n't"):
            return None  # "cant" as a word, not "can't"
        return "modal"
    if helper.dep_ == "aux" and lower in _DO:
        return "do"
    if helper.dep_ == "aux" and helper.tag_ == "TO":
        return "to"
    if helper.dep_ == "aux" and lower in _HAVE:
        return "have"
    if helper.dep_ == "auxpass" and helper.lemma_ in ("be", "") and lower in ("is", "are", "was", "were", "be", "been"):
        return "be"
    if helper.dep_ == "aux" and lower in ("be", "been", "being") and helper.head.tag_ == "VB":
        return "be"  # "can be purchase online": a base form the parse hung on a passive "be"
    if helper.dep_ == "aux" and lower in ("is", "are", "was", "were", "am"):
        return "progressive"
    return None


def _verb_read_as_plural_noun(helper: Any, verb: Any) -> bool:
    """ "don't parks", "can picks": a verb's -s form after "do" or a modal, which the tagger,
    finding no base form there, calls a plural noun."""
    if helper.lower_ not in _DO | _MODALS or verb.tag_ != "NNS" or verb.lower_ in _NUMBER_NOUNS:
        return False
    lemmas = inflect.all_lemmas(verb.lower_, upos="VERB").get("VERB") or ()
    return any(verb.lower_ in (inflect.inflection(lemma, tag="VBZ") or ()) for lemma in lemmas)


def _wrong_after_progressive_be(verb: Any) -> str | None:
    """The -ing form, when "is"/"are" helps a verb's base form ("crews are repair the road")."""
    lower = verb.lower_
    if (
        verb.tag_ not in ("VB", "VBP", "VBN")
        or not lower.isalpha()
        or lower in _ALSO_ADJECTIVES
        or inflect.all_lemmas(lower, upos="ADJ")
    ):
        return None
    if lower not in (inflect.all_lemmas(lower, upos="VERB").get("VERB") or ()) or lower in inflect.inflection(lower, tag="VBN"):
        return None  # not a base form, or one that is its own participle too ("are come")
    if verb.i + 1 < len(verb.doc) and verb.nbor(1).tag_ == "VBG":
        return None  # "we are crowd sourcing": the first half of a verb written open
    forms = inflect.inflection(lower, tag="VBG")
    return forms[0] if forms else None


def _plain_gap(helper: Any, verb: Any) -> bool:
    """Only adverbs, "not" or a question's subject between the helper and its verb."""
    between = verb.doc[helper.i + 1 : verb.i]
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and helper.i < c.i < verb.i), None)
    inside = set(range(subject.left_edge.i, subject.right_edge.i + 1)) if subject is not None else set()
    if len(between) - len(inside) > 3:
        return False
    if inside and (
        not helper.sent.text.rstrip().endswith("?")
        or any(verb.doc[i].tag_.startswith("VB") or verb.doc[i].is_punct for i in inside)
    ):
        return False  # a noun between the helper and its verb only in a plain question
    for token in between:
        if token.i in inside and token.dep_ not in _AUX:
            continue  # "did the new application work?": the question's subject
        if token.dep_ in _AUX:
            return False  # "will be closed": the nearer helper governs
        if token.tag_ not in _BETWEEN_TAGS and token.lower_ not in ("n't", "not"):
            return False
    return True


def _wrong_after_base_helper(verb: Any) -> str | None:
    """The base form, when the verb after a modal, "do" or "to" is not in it ("will closed")."""
    lower = verb.lower_
    if verb.tag_ not in ("VB", "VBZ", "VBD", "VBN", "NNS") or not lower.isalpha():
        return None  # NNS: "don't parks", see _verb_read_as_plural_noun
    lemmas = inflect.all_lemmas(lower, upos="VERB").get("VERB") or ()
    if verb.tag_ == "VB" and lower in lemmas:
        return None  # a base form already ("found" is also "to found")
    others = [lemma for lemma in lemmas if lemma != lower]
    return others[0] if others else None  # "did you saw": the tagger read the past of "see"


def _base_of_ing(verb: Any) -> str | None:
    lemmas = [lemma for lemma in inflect.all_lemmas(verb.lower_, upos="VERB").get("VERB") or () if lemma != verb.lower_]
    return lemmas[0] if lemmas else None


def _wrong_participle(verb: Any) -> str | None:
    """The past participle, when the verb after perfect "have" or passive "be" is a base form
    ("have approve", "was postpone") or a simple past that differs ("has went", "was gave")."""
    lower = verb.lower_
    if verb.tag_ not in ("VB", "VBP", "VBD", "VBN", "NN") or not lower.isalpha():
        return None
    lemma = _verb_lemma(lower)
    if lemma is None:
        return None
    participles = set(inflect.inflection(lemma, tag="VBN") or ())
    if not participles or lower in participles or lower in _ALSO_PARTICIPLES:
        return None
    past = set(inflect.inflection(lemma, tag="VBD") or ())
    if lower == lemma or lower in past:  # "has went", "has been gave": a simple past that is no participle
        return sorted(participles)[0]
    return None


def _simple_past_only(verb: Any) -> bool:
    """ "went", "gave", "took": a simple past that is never a participle modifies no noun, so
    "has went door to door" is a verb form, whatever noun follows."""
    lemma = _verb_lemma(verb.lower_)
    if lemma is None or lemma == verb.lower_:
        return False
    participles = set(inflect.inflection(lemma, tag="VBN") or ())
    return verb.lower_ in set(inflect.inflection(lemma, tag="VBD") or ()) - participles


def _participle_after_be(word: Any) -> str | None:
    """ "We are excite", "should be reopen": a verb's base form where "be" wants its past
    participle, which the tagger calls an adjective. Words that are adjectives too ("open",
    "close", "clean") are left alone."""
    lower = word.lower_
    if word.dep_ != "acomp" or word.head.lemma_ not in ("be", "") or word.head.lower_ not in _BE_FORMS:
        return None
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if lower in _SHUT_STATES and _shut_for_a_time(word, following):
        return _SHUT_STATES[lower]  # "will be close on Friday", "has been close since Tuesday": shut, not near
    if not lower.isalpha() or inflect.all_lemmas(lower, upos="ADJ"):
        return None
    by_agent = following is not None and following.lower_ == "by"
    if not by_agent and (lower in _ALSO_ADJECTIVES or inflect.all_inflections(lower, upos="NOUN")):
        return None  # "is key to", "are complete", "the rinse": a noun or adjective, unless "by" follows
    lemmas = inflect.all_lemmas(lower, upos="VERB").get("VERB") or ()
    if lower not in lemmas:
        return None
    participles = inflect.inflection(lower, tag="VBN") or ()
    return participles[0] if participles and participles[0] != lower else None


def _verb_read_as_noun_after_be(word: Any) -> str | None:
    """ "The library was remodel last spring", "must be sign on the back", "crews are currently
    work on": a verb's base form after "be" that the tagger, finding no verb form there, reads as
    a bare noun (no article, no modifier). Only after a passive-looking "be" (was, were, be, been)
    or with an adverb between ("is support for families" is a noun)."""
    if word.dep_ not in ("attr", "acomp") or word.tag_ not in ("NN", "JJ") or not word.is_alpha or not word.is_lower:
        return None
    be = word.head
    if be.lower_ not in _BE_FORMS or be.i >= word.i:
        return None
    if any(c.dep_ == "expl" or c.dep_ in _SUBJECTS and c.lower_ in ("it", "this", "that", "what") for c in be.children):
        return None  # "there is still time to vote", "it was work": a noun
    between = word.doc[be.i + 1 : word.i]
    if any(t.tag_ != "RB" or t.dep_ == "neg" for t in between) or not between and be.lower_ not in ("was", "were", "be", "been"):
        return None
    return _bare_verb_noun(word)


def _bare_verb_noun(word: Any) -> str | None:
    """The past participle of ``word``, a verb's base form standing as a bare noun after "be" with
    an adverbial after it; None when it reads as a noun or adjective."""
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod", "case") for c in word.children):
        return None
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if following is None or following.is_punct or following.tag_ in ("NN", "NNS", "NNP", "NNPS", "POS", "VBG", "CC"):
        return None  # "was work experience", "The answer is love.": a noun
    if word.lower_ in _ALSO_ADJECTIVES or inflect.all_lemmas(word.lower_, upos="ADJ"):
        return None
    if word.lower_ not in (inflect.all_lemmas(word.lower_, upos="VERB").get("VERB") or ()):
        return None
    participles = inflect.inflection(word.lower_, tag="VBN") or ()
    return participles[0] if participles and participles[0] != word.lower_ else None


def _shut_for_a_time(word: Any, following: Any) -> bool:
    """ "will be close on Friday", "has been close since Tuesday": after "be"/"been" (not "the vote
    was close", "we are close"), a time follows; after "on"/"for", a date or "the holiday"."""
    if following is None or word.head.lower_ not in ("be", "been") or following.lower_ not in _TIME_AFTER_SHUT:
        return False
    if following.lower_ not in ("on", "for"):
        return True
    after = word.doc[following.i + 1 : following.i + 3]
    return any(t.ent_type_ == "DATE" or t.lower_ in ("holiday", "holidays") for t in after)


def verb_form(spacy_doc: Any) -> Iterator[Hit]:
    """The wrong form of a verb after a helper: "can picks", "didn't went", "has close"."""
    for word in spacy_doc:
        if word.dep_ not in ("acomp", "attr"):
            continue  # both readings below are of a word the parse made the complement of "be"
        right = _participle_after_be(word) or _verb_read_as_noun_after_be(word)
        if right:
            fixed = match_case(word.text, right)
            yield _templated_hit(
                "verb-form", word, fixed, helper=word.head.text, form="the past participle", fix=fixed, verb=word.text
            )
    for helper in spacy_doc:
        kind = _helper_kind(helper)
        if kind is None:
            continue
        verb = helper.head
        if verb.i <= helper.i or verb.pos_ not in ("VERB", "AUX", "NOUN") or not _plain_gap(helper, verb):
            continue
        # A noun the parse still made the clause's verb ("Crews are currently work on"): its subject says so
        made_verb = kind == "be" and verb.tag_ == "NN" and any(c.dep_ == "nsubjpass" for c in verb.children)
        if verb.pos_ == "NOUN" and kind not in ("have",) and not made_verb and not _verb_read_as_plural_noun(helper, verb):
            continue
        if kind == "modal" and verb.tag_ == "VBG" and verb.dep_ != "xcomp":
            # "will taking comments": the modal wants the base form; only with an object or a
            # clause after it ("than they would sitting under water", "nor will dancing" elide a verb)
            right = _base_of_ing(verb) if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children) else None
            wants = "the base form"
        elif kind in ("modal", "do", "to"):
            right = _wrong_after_base_helper(verb)
            wants = "the base form"
        elif kind == "progressive":
            right = _wrong_after_progressive_be(verb)
            wants = "the -ing form"
        elif (
            kind == "be"
            and verb.tag_ == "VB"
            and (verb.lower_ in _ALSO_ADJECTIVES or inflect.all_lemmas(verb.lower_, upos="ADJ"))
        ):
            continue  # "will be open", "be sure": an adjective
        else:
            right = _wrong_participle(verb)
            wants = "the past participle"
        if not right or _compound_or_modifier(verb, kind) and not (kind == "have" and _simple_past_only(verb)):
            continue
        fixed = match_case(verb.text, right)
        fix = f"{helper.text} \u2026 {fixed}"  # the helper, then the verb put right
        yield _templated_hit("verb-form", verb, fixed, helper=helper.text, form=wants, fix=fix, verb=verb.text)


def bare_participle(spacy_doc: Any) -> Iterator[Hit]:
    """ "If you seen anything", "we done our part", "they been waiting": a past participle that
    is never a simple past ("seen", "done", "been", "gone", "taken"), right after its subject
    with no helper: either "have" is missing or the simple past was meant."""
    for verb in spacy_doc:
        lower = verb.lower_
        if verb.tag_ not in ("VBD", "VBN") or not lower.isalpha() or verb.i == 0:
            continue
        subject = spacy_doc[verb.i - 1]
        if subject.lower_ not in _PRONOUN_SUBJECTS or subject.head != verb or subject.dep_ not in _SUBJECTS:
            continue
        if any(c.dep_ in _AUX for c in verb.children):
            continue
        earlier = spacy_doc[subject.i - 1] if subject.i else None
        if earlier is not None and (earlier.tag_.startswith("VB") or earlier.lower_ in _HAVE | _BE_FORMS | _DO | _MODALS):
            continue  # "we'll get you taken care of", "Have you been #stressed": an object, or a question's helper
        lemma = _verb_lemma(lower)
        if lemma is None or lower not in (inflect.inflection(lemma, tag="VBN") or ()):
            continue
        past = inflect.inflection(lemma, tag="VBD") or ()
        if not past or lower in past:
            continue  # "we played": the same form serves both
        fixed = match_case(verb.text, past[0])
        have = "has" if subject.lower_ in ("he", "she", "it") else "have"
        message = (
            f"\u201c{subject.text} {verb.text}\u201d needs a helper or the simple past: "
            f"\u201c{subject.text} {have} {verb.text}\u201d or \u201c{subject.text} {fixed}\u201d"
        )
        yield _token_hit("verb-form", verb, fixed, message)


_PRONOUN_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she"})


def _compound_or_modifier(verb: Any, kind: str) -> bool:
    """ "has walk-in clinics", "answers to frequently asked questions", "This week is Make a
    Plan": not a verb after a helper."""
    if verb.text[:1].isupper():
        return True
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None:
        return False
    if kind == "to" and verb.tag_ == "VBN" and following.tag_ in ("NN", "NNS", "JJ"):
        return True
    if following.text in ("-", "\u2011") and not verb.whitespace_:
        return True
    if kind == "have" and verb.tag_ == "VB" and following.tag_ in ("NN", "NNS") and inflect.all_lemmas(verb.lower_, upos="NOUN"):
        return True  # "the branch has study rooms": a noun modifying the next one, not "has studied"
    return verb.tag_ == "VBN" and following.tag_ in ("NN", "NNS") and following.dep_ != "dobj"


# -- "there" where "their" belongs -------------------------------------------------------------


def there_for_their(spacy_doc: Any, text: str) -> Iterator[Hit]:
    """ "who took there time", "There new office is on the second floor": "there" before the
    noun a verb takes as its object, or before a singular noun with no determiner that is a
    clause's subject (a singular count noun needs one: only "their" fits)."""
    # not before a verb or a pause ("there is", "there will", "there."): the common uses, skipped unread
    for word in _tokens_spelled(
        spacy_doc,
        text,
        r"there(?!\s*(?:['\u2019,.!?;:]|(?:is|are|was|were|will|has|have|had|may|might|can|could|should|must|would|to|and|or|for|in|on|at|be)\b))",
    ):
        if word.dep_ == "expl" or word.i + 1 >= len(spacy_doc):
            continue
        noun = _noun_after(word)
        if noun is None or noun.text[:1].isupper() or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
            continue
        if noun.ent_type_ in ("DATE", "TIME") or noun.lower_ in _TIME_NOUNS or noun.lower_.rstrip("s") in _TIME_NOUNS:
            continue  # "we moved there last year": a time, not an object
        verb = spacy_doc[word.i - 1] if word.i > 0 else None
        object_of_verb = (
            verb is not None
            and verb.pos_ == "VERB"
            and noun.dep_ == "dobj"
            and noun.head == verb
            and not any(c.dep_ == "dobj" and c.i < word.i for c in verb.children)
        )
        subject = (
            word.i == word.sent.start
            and noun.tag_ == "NN"
            and noun.dep_ in _SUBJECTS
            and not any(c.dep_ == "expl" for c in noun.head.children)
            and bool(inflect.inflection(noun.lower_, tag="NNS"))
        )
        if object_of_verb or subject:
            fixed = match_case(word.text, "their")
            yield _templated_hit(
                "confusable", word, fixed, word=word.text, why="a possessive is needed before a noun", fixed=fixed
            )


def _tokens_spelled(spacy_doc: Any, text: str, word: str) -> Iterator[Any]:
    """The tokens that are ``word`` (a pattern that ends the word itself; any case), found in ``text`` (the parsed text, which
    ``spacy_doc.text`` would rebuild token by token) rather than by a pass over every token: a
    rule about one word costs nothing on the posts without it."""
    for match in re.finditer(rf"\b{word}", text, re.IGNORECASE):
        span = spacy_doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            yield span[0]


def past_for_passed(spacy_doc: Any, text: str) -> Iterator[Hit]:
    """ "We past the budget last night", "The council past the new budget on a 5-2 vote": "past"
    right after the subject, before its object, in a sentence with no verb of its own: the verb
    "passed" was meant ("walked past the school" has its verb)."""
    for word in _tokens_spelled(
        spacy_doc, text, r"past(?=\s+(?:the|a|an|our|their|his|her|its|your|my|this|that|these|those)\b)"
    ):
        if word.i == 0 or word.i + 1 >= len(spacy_doc):
            continue
        before, after = spacy_doc[word.i - 1], spacy_doc[word.i + 1]
        if before.tag_ not in ("NN", "NNS", "PRP") or before.lower_ in ("it", "you", "them", "us", "me", "him", "her"):
            continue
        if after.tag_ not in ("DT", "PRP$") or before.i != before.sent.start and before.left_edge.i != before.sent.start:
            continue  # the subject must open the sentence: "Five years past the deadline" is a time
        if any(t.pos_ in ("VERB", "AUX") and t.i != word.i for t in word.sent) or before.ent_type_ in ("DATE", "TIME"):
            continue
        fixed = match_case(word.text, "passed")
        yield _templated_hit("confusable", word, fixed, word=word.text, why="the sentence needs its verb", fixed=fixed)


def _noun_after(word: Any) -> Any | None:
    """The noun right after ``word``, past adjectives ("there new office"), or None."""
    for token in word.doc[word.i + 1 : word.i + 4]:
        if token.tag_ in ("NN", "NNS"):
            return token
        if token.tag_ not in ("JJ", "JJR", "JJS") or not token.is_lower:
            return None
    return None


# -- "which" for people ----------------------------------------------------------------------


def _names_people(noun: Any) -> bool:
    if noun.ent_type_ == "PERSON":
        return True
    lower = noun.lower_
    if lower in _PEOPLE:
        return True
    if noun.tag_ == "NNS":
        lemma = inflect.lemma(lower, upos="NOUN")
        return bool(lemma) and lemma[0] in _PEOPLE
    return False


def relative(spacy_doc: Any) -> Iterator[Hit]:
    """ "which" opening a clause about people ("anyone which wants"): write "who"."""
    for word in spacy_doc:
        if word.lower_ != "which" or word.tag_ != "WDT" or word.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clause = word.head
        if clause.dep_ != "relcl" or not _names_people(clause.head) or clause.head.i >= word.i:
            continue
        if word.i - clause.head.i > 2:
            continue  # "the parks near residents which ..." the antecedent may be another noun
        fixed = match_case(word.text, "who")
        yield _templated_hit("relative", word, fixed, noun=clause.head.text, word=word.text)


# -- apostrophes the parse can place --------------------------------------------------------


def apostrophe(spacy_doc: Any) -> Iterator[Hit]:
    """ "this years festival" -> "year's"; "two class's left" -> "classes"."""
    for token in spacy_doc:
        if token.tag_ in ("NNS", "NNP", "NN", "JJ", "JJR", "VBZ") and token.lower_.endswith("s") and token.is_alpha:
            right = _missing_possessive(token) or _owner_without_apostrophe(token)
            if right:
                fixed = match_case(token.text, right)
                yield _token_hit(
                    "apostrophe",
                    token,
                    fixed,
                    f"\u201c{token.text}\u201d owns the noun after it: write \u201c{fixed}\u201d",
                )
        elif token.tag_ == "POS" and token.i > 0:
            noun = token.nbor(-1)
            plural = _plural_with_apostrophe(noun, token)
            if plural:
                fixed = match_case(noun.text, plural)
                yield _token_hit(
                    "apostrophe",
                    noun,
                    fixed,
                    f"\u201c{noun.text}{token.text}\u201d is a plural, not a possessive: write \u201c{fixed}\u201d",
                    end=token.idx + len(token.text),
                )


def _possessive(token: Any) -> str:
    """The token's stem with the apostrophe the post uses elsewhere ("year's", "year’s")."""
    return token.text[:-1] + ("’s" if "’" in token.doc.text else "'s")


def _missing_possessive(token: Any) -> str | None:
    stem = token.lower_[:-1]
    if stem not in _TIME_NOUNS or token.i + 1 >= len(token.doc):
        return None
    following = token.nbor(1)
    if stem in _DEICTIC_TIMES and following.tag_ in ("NN", "NNS") and following.text.islower() and token.whitespace_:
        return _possessive(token)  # "Join us for Todays parade": no plural of "today" owns a parade
    if token.tag_ != "NNS":
        return None
    if (
        following.tag_ not in ("NN", "NNS")
        or not token.whitespace_
        or following.text[:1].isupper() != token.text[:1].isupper()
        and token.i != token.sent.start
    ):
        return None
    before = token.nbor(-1).lower_ if token.i > token.sent.start else ""
    if stem in _DEICTIC_TIMES or before in _TIME_DETERMINERS:
        return _possessive(token)
    return None


def _owner_without_apostrophe(token: Any) -> str | None:
    """ "the citys new carts", "the childrens museum": a noun plus "s" that is no plural of it
    (the lexicon's plural is "cities"; "children" is one already) modifying the noun after it,
    which only an apostrophe explains."""
    lower = token.lower_
    stem = lower[:-1]
    if token.ent_type_ or token.i + 1 >= len(token.doc) or not token.whitespace_:
        return None
    if token.text[:1].isupper() and token.i != token.sent.start or token.text.isupper():
        return None  # "Downs", "Jones": a name
    following = token.nbor(1)
    if following.tag_ not in ("NN", "NNS", "JJ", "JJS", "JJR") or not following.text.islower():
        return None  # the parse of an unknown word is a guess ("familys" as the root): read the next word
    lexicon = speller.speller()
    if len(stem) < 3 or lexicon.known(lower) or any(inflect.all_lemmas(lower, upos=u) for u in ("NOUN", "VERB", "ADJ")):
        return None  # a word of its own ("news", "goods", "sales"); the tagger calls odd ones adjectives
    lemmas = inflect.lemma(stem, upos="NOUN")
    plural_already = bool(lemmas) and stem not in lemmas  # "children", "women"
    if not (lemmas or lexicon.known(stem)) or not plural_already and lower in inflection_plurals(stem):
        return None  # not a noun plus "s", or a plural the lists do not hold
    return _possessive(token)


def inflection_plurals(noun: str) -> tuple[str, ...]:
    return inflect.inflection(noun, tag="NNS") or ()


def _plural_with_apostrophe(noun: Any, mark: Any) -> str | None:
    """A noun + 's with nothing possessed after it, counted as many ("two class's left") or
    the subject of a plural verb ("the event's are")."""
    following = mark.nbor(1) if mark.i + 1 < len(mark.doc) else None
    if following is not None and following.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ", "JJS", "JJR", "CD", "VBG", "CC"):
        if following.tag_ == "CC" and _joined_to_a_plural(noun):
            return _plural_of(noun)  # "funding for road's and bridges": joined to a plain plural
        if not (following.tag_ == "VBG" and _owns_nothing(following)):
            return None  # "the city's new park", "our community's and country's veterans": possessives
    if noun.lower_ in _WEEKDAYS and noun.i > 0 and noun.nbor(-1).lower_ in ("on", "every", "all") and _owns_nothing(following):
        return noun.text + "s"  # "open late on Thursday's for adoptions": the days, not a day's
    if noun.tag_ not in ("NN", "NNS") or not noun.is_alpha or noun.is_title and noun.i != noun.sent.start:
        return None
    counted = any((c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or c.lower_ in _MANY_WORDS for c in noun.children)
    # "one of our cooling center's this weekend": one of many, with nothing owned after it
    counted = counted or _one_of_many(noun) and _owns_nothing(following)
    subject_of_plural = noun.dep_ in _SUBJECTS and following is not None and _plural_verb_or_modal(noun, following)
    if not (counted or subject_of_plural or _object_owning_nothing(noun, following)):
        return None
    forms = inflect.inflection(noun.lower_, tag="NNS")
    return forms[0] if forms else None


def _joined_to_a_plural(noun: Any) -> bool:
    """ "road's and bridges": the 's noun is joined to a plural with no 's of its own, so both are
    plurals ("our community's and country's veterans" are two possessives)."""
    if noun.tag_ != "NN" or not noun.is_lower or noun.ent_type_ or not inflect.all_lemmas(noun.lower_, upos="NOUN"):
        return False
    # "the do's and don'ts": an apostrophe in the other word too is the idiom's spelling
    return any(c.tag_ == "NNS" and c.is_alpha and not any(g.dep_ == "case" for g in c.children) for c in noun.conjuncts)


def _plural_of(noun: Any) -> str | None:
    forms = inflect.inflection(noun.lower_, tag="NNS")
    return forms[0] if forms else None


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _owns_nothing(following: Any) -> bool:
    """After a possessive mark: the end, punctuation, a preposition, a determiner, an adverb, or
    a verb of its own ("dozens of cat's waiting for a home": not "the city's growing needs")."""
    if following is not None and following.tag_ == "VBG" and following.dep_ not in ("amod", "compound"):
        return following.head.i < following.i
    return following is None or following.is_punct or following.tag_ in ("IN", "DT", "RB", "TO", "WDT", "MD")


def _object_owning_nothing(noun: Any, following: Any) -> bool:
    """ "pick up free smoke detector's at any station": a thing, the object of a verb or a
    preposition, whose 's owns nothing after it (a preposition follows, not a noun). People and
    times are left alone: "at the dentist's", "a week's"."""
    if noun.dep_ not in ("dobj", "pobj") or noun.tag_ != "NN" or following is None:
        return False
    dated = following.tag_ in ("DT", "JJ") and following.ent_type_ in ("DATE", "TIME")  # "needs volunteer's this weekend"
    if following.tag_ != "IN" and not dated:
        return False
    if following.lower_ in ("of", "and", "or") or noun.lower_ in _TIME_NOUNS or noun.ent_type_:
        return False
    if noun.dep_ == "pobj" and _names_people(noun):
        return False  # "at the dentist's", "from grandma's": a place named by its owner
    return noun.is_lower and bool(inflect.inflection(noun.lower_, tag="NNS"))


def _one_of_many(noun: Any) -> bool:
    """ "one of our centers", "some of the volunteers": the noun counted as one of several."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of":
        return False
    return of.head.lower_ in _MANY_HEADS


def _plural_verb_or_modal(noun: Any, following: Any) -> bool:
    """The "noun's" the parse made a subject: of a plural verb, near or far ("the county's in
    our region are"), or straight before a modal ("the department's will be closed"), where no
    possessed noun can stand."""
    if following.lower_ in ("are", "were", "have") or following.tag_ == "MD":
        return True
    verb = noun.head
    helpers = [verb, *(c for c in verb.children if c.dep_ in _AUX)]
    return any(t.lower_ in ("are", "were", "have", "do") or t.tag_ == "VBP" for t in helpers)


def contradicts(spacy_doc: Any, kind: str, start: int, end: int) -> bool:
    """The parse answers a LanguageTool rule's question (``kind``, see lt_parse_checked.toml)
    the other way for the match at [start, end); False whenever the parse cannot say."""
    tokens = [t for t in spacy_doc if t.idx < end and start < t.idx + len(t.text)]
    if kind == "agreement":
        if any(_order_after_a_time(t) for t in tokens):
            return True  # "This holiday season keep your family safe": a time phrase, then an order
        verbs = [t for t in tokens if _verb_number(t) is not None and t.pos_ in ("VERB", "AUX")]
        if verbs and verbs[0].i > 0 and spacy_doc[verbs[0].i - 1].text[:1] in ("@", "#"):
            return True  # "We @KingsCountyHosp are": the rule read the handle as the subject
        return bool(verbs) and all(_agrees(verb) or _another_antecedent_agrees(verb) for verb in verbs)
    after = [t for t in spacy_doc[tokens[-1].i + 1 : tokens[-1].i + 3]] if tokens else []
    nouns = [t for t in tokens if t.tag_ in ("NN", "NNS", "NNP", "NNPS")] or [
        t for t in after if t.tag_ in ("NN", "NNS", "NNP", "NNPS")
    ][:1]
    if not nouns:
        return False
    noun = nouns[-1]
    if kind == "noun-number":
        return noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN")
    if kind == "participle":
        modified = any(c.dep_ in ("amod", "det", "compound", "poss") for c in noun.children)
        return noun.dep_ in ("dobj", "attr", "pobj") and modified
    return False


def _order_after_a_time(verb: Any) -> bool:
    """A base form whose "subject" the parse found is a time phrase opening the sentence ("This
    holiday season gather safely"): the verb is an order, and the time is no subject."""
    if verb.tag_ != "VB" or any(c.dep_ in _AUX for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and (subject.ent_type_ in ("DATE", "TIME") or _time_phrase(subject))


def _another_antecedent_agrees(verb: Any) -> bool:
    """ "any resident of three counties who is", "Everyone 18+ years who is": the relative clause
    may be about a noun further up the phrase than the one before "who", and that one agrees."""
    subject = _subject_of(verb)
    if subject is None or subject.lower_ not in ("who", "that") or subject.i == 0:
        return False
    noun, said = subject.doc[subject.i - 1], _verb_number(verb)
    for _ in range(4):
        if noun.dep_ not in ("pobj", "prep", "conj", "appos", "nummod") or noun.head.i >= noun.i:
            return False
        noun = noun.head
        number = {"NN": "singular", "NNS": "plural"}.get(noun.tag_)
        if number is not None:
            return number == said
    return False


def _agrees(verb: Any) -> bool:
    """The parse finds the verb's subject, can tell its number, and it is the verb's."""
    subject = _subject_of(verb)
    if subject is None:
        return False
    said = subject_number(subject, verb)
    return said is not None and said == _verb_number(verb)
