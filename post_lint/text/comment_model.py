"""The learned layer of the comment checks: features of a resident's comment, and its findings.

The comments profile's checks (attacks, hate, spam, accusations, private-facts,
off-topic) find what their word lists and patterns name. A small linear model per
check, trained by ``scripts/train_comments.py`` on comments written for many
voices, adds what the lists miss: an insult phrased with no listed word ("has the
brains of a houseplant"), a masked obscenity, a promotion without a promo code.

The features carry across cities: the body's officials become ``<official>``
(:mod:`post_lint.text.features`), roles ("mayor", "council", "staff") become
``<role>``, the VADER lexicon says how negative a word is, and what counts is
whether it stands near the reader ("you"), an official or a role. The post the
comment answers, when known, gives whether the comment shares a word with it.

Fairness: a model's finding alone never hides a comment. Its findings are
``<check>/learned`` and ``post_lint/comments/policy.toml`` sends them to review,
where a person reads them; criticism of a decision is what the training data
keeps, however harsh.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..facts import Facts
from .comment_parse import parse_features, topic_features
from .features import features, lexicon, stopwords, tokens
from .model import LEARNED_FILE, LinearModel, describe
from .wordlists import load_word_list

_DATA = Path(__file__).with_name("data")
_WINDOW = 4
_SECOND = frozenset({"you", "your", "you're", "youre", "ya", "u", "ur", "yourself", "yourselves", "y'all", "yall"})
_COPULA = frozenset({"is", "are", "was", "were", "'s", "be", "being", "s"})
# Letters with a symbol inside a word: "f*ck", "a$$", "sh!t", "b1tch" (not "$500", not "9:30").
_MASKED = re.compile(r"(?<![\w*$@!#])[A-Za-z]+[*$@!#1][A-Za-z*$@!#1]*[A-Za-z*$]?(?![\w])")
# Two capitalised words in a row that are not at a sentence start: a private person's name.
_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z]+|(?<=[a-z,]\s)[A-Z][a-z]+\s+[A-Z][a-z]+\b")
_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Lane|Ln|Dr|Drive|Ct|Court|Way|Blvd|Pl)\b"
)
_PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\d)")
_MONEY = re.compile(r"\$\s?\d|\d+\s?%\s*off|\bcode\s+[A-Z0-9]{4,}\b", re.IGNORECASE)


@cache
def _cues() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Each cue list of ``comment-cues.toml``: its whole words, and its prefixes (``word*``)."""
    data = tomllib.loads((_DATA / "comment-cues.toml").read_text(encoding="utf-8"))["cues"]
    return {
        name: (
            frozenset(w for w in words if not w.endswith("*")),
            tuple(w[:-1] for w in words if w.endswith("*")),
        )
        for name, words in sorted(data.items())
    }


def _cue_features(words: list[str], targets: dict[int, str]) -> list[str]:
    """One feature per cue list present, and per cue near a target ("cm:harm~you")."""
    found = []
    for name, (whole, prefixes) in _cues().items():
        at = [i for i, w in enumerate(words) if w in whole or w.startswith(prefixes)]
        if not at:
            continue
        found.append(f"cm:{name}")
        found += sorted({f"cm:{name}~{kind}" for i in at for j, kind in targets.items() if abs(i - j) <= _WINDOW})
    return found


@cache
def _roles() -> frozenset[str]:
    """Single words that name a role at City Hall ("mayor", "council", "staff", "director")."""
    words: set[str] = set()
    for phrase in load_word_list(_DATA / "roles.txt"):
        words.update(w.rstrip("*") for w in phrase.lower().split() if w.rstrip("*") not in ("city", "you", "all", "in"))
    return frozenset(w for w in words if len(w) > 2)


def _targets(words: list[str]) -> dict[int, str]:
    """Positions of who a comment may be aimed at: the reader, an official, a role."""
    roles = _roles()
    found: dict[int, str] = {}
    for i, w in enumerate(words):
        if w in _SECOND:
            found[i] = "you"
        elif w == "<official>":
            found[i] = "official"
        elif w in roles or (w.endswith("s") and w[:-1] in roles):
            found[i] = "role"
    return found


def _aimed(words: list[str]) -> list[str]:
    """Negative words near a target, and the insult frames "X is a ...", "you <adjective>"."""
    values = lexicon()
    targets = _targets(words)
    found = [f"cm:target:{kind}" for kind in sorted(set(targets.values()))]
    for i, word in enumerate(words):
        value = values.get(word, 0.0)
        if value > -1.0:
            continue
        strength = "2" if value <= -2.0 else "1"
        for j, kind in targets.items():
            if abs(j - i) <= _WINDOW:
                found.append(f"cm:neg{strength}~{kind}")
    for i, kind in targets.items():
        after = words[i + 1 : i + 4]
        # "Ortiz is a ...", "the mayor is nothing but ...", "you are a ...": the frame of name-calling.
        if after and after[0] in _COPULA and len(after) > 1 and after[1] in ("a", "an", "nothing", "just", "such", "the"):
            found.append(f"cm:is-a~{kind}")
        # "you greedy pig", "you absolute donkey": the vocative.
        if kind == "you" and after and after[0] not in stopwords() and after[0].isalpha():
            found.append("cm:you+word")
    return found + _cue_features(words, targets)


def _public_name(name: str, facts: Facts) -> bool:
    """A name that is an official's (any word of a configured official's name) or follows a role ("Sheriff Huggins")."""
    first, *rest = name.split()
    if first.lower().rstrip(".") in _roles():
        return True
    own = {w.lower() for official in facts.officials for w in official.split() if w[:1].isupper()}
    return bool(rest) and {first.lower(), rest[-1].lower()} <= own


def _surface(text: str, facts: Facts) -> list[str]:
    """Cues of the comment's surface: masked words, names, addresses, numbers, shouting, length.

    A name counts as a private person's (``cm:name``) only when it is neither an official's nor
    after a role: what a comment says of the sheriff in office is criticism, not a private fact.
    """
    found = []
    if _MASKED.search(text):
        found.append("cm:masked")
    names = [m.group(0) for m in _NAME.finditer(text)]
    if any(not _public_name(n, facts) for n in names):
        found.append("cm:name")
    elif names:
        found.append("cm:name:public")
    if _ADDRESS.search(text):
        found.append("cm:address")
    if _PHONE.search(text):
        found.append("cm:phone")
    if _MONEY.search(text):
        found.append("cm:money")
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        found.append("cm:shouting")
    words = len(text.split())
    found.append("cm:len:" + ("short" if words <= 6 else "medium" if words <= 20 else "long"))
    return found


def comment_features(text: str, facts: Facts | None = None, post: str = "", parsed: Any = None) -> list[str]:
    """The feature strings of a comment: the judgement features, who it is aimed at, its surface, its topic.

    ``parsed`` is spaCy's parse of ``text`` (a Doc or a Span), for the features of who a
    negative word is said of (:mod:`post_lint.text.comment_parse`); without it they are absent.
    """
    facts = facts or Facts()
    found = features(text, facts)
    found += _aimed(tokens(text, facts))
    found += _surface(text, facts)
    found += topic_features(text, post, facts)
    found += parse_features(parsed, facts, _roles())
    return found


@lru_cache(maxsize=256)
def comment_feature_set(text: str, facts: Facts | None = None, post: str = "", parsed: Any = None) -> frozenset[str]:
    """Distinct features, cached: six models score the same comment."""
    return frozenset(comment_features(text, facts, post, parsed))


def score(model: LinearModel, found: Iterable[str]) -> float:
    """The model's score (0 to 1) for a set of features; ``fsum`` keeps it independent of set order."""
    total = model.intercept + math.fsum(model.weights.get(f, 0.0) for f in found)
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


def _evidence(model: LinearModel, found: Iterable[str], top: int = 3) -> list[str]:
    weighted = {f: model.weights[f] for f in found if model.weights.get(f, 0.0) > 0}
    return [f for f, _ in sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:top]]


def _describe(feature: str) -> str:
    if not feature.startswith("cm:"):
        return describe(feature)
    return {
        "cm:masked": "a masked word",
        "cm:name": "a person's name",
        "cm:address": "a street address",
        "cm:phone": "a phone number",
        "cm:money": "money or a promo code",
        "cm:shouting": "capitals",
        "cm:you+word": "\u201cyou\u201d followed by a name for the reader",
        "cm:no-post": "no post given",
        "cm:topic:none": "no word shared with the post or the body's business",
        "cm:pv:you-noun": "\u201cyou\u201d followed by a name for the reader",
    }.get(feature) or _describe_parse(feature)


_VALUES = {"neg2": "a strongly negative word", "neg1": "a negative word", "noun": "a noun", "adj": "a word"}


def _describe_parse(feature: str) -> str:
    """ "cm:pp:neg2~official" -> "a strongly negative word said of an official" (and the like)."""
    head, _, target = feature[3:].partition("~")
    value = head.rpartition(":")[2]
    if head.startswith(("pp:", "pm:")) and target:
        return f"{_VALUES.get(value, 'a negative word')} said of {'the reader' if target == 'you' else target}"
    return head.replace("neg2", _VALUES["neg2"]).replace("neg1", _VALUES["neg1"]) + (f" near {target}" if target else "")


def comment_learned_findings(doc: Any, ctx: Any, model_file: Path, what: str, advice: str) -> Iterator[Any]:
    """One finding when the check's model scores the comment at or above its threshold."""
    if not ctx["learned"]:
        return
    model = LinearModel.load(model_file)
    if model is None:
        return
    text, post, parsed = doc.prose, getattr(doc, "reply_to", "") or "", getattr(doc, "nlp", None)
    threshold = float(ctx["learned-threshold"]) or model.threshold
    found = comment_feature_set(text, ctx.facts, post, parsed)
    value = score(model, found)
    if value < threshold:
        return
    spans = doc.sentences or [(0, len(text))]

    def sentence_score(span: tuple[int, int]) -> float:
        part = parsed.char_span(span[0], span[1], alignment_mode="expand") if parsed is not None else None
        return score(model, comment_feature_set(text[span[0] : span[1]], ctx.facts, post, part))

    start, end = max(spans, key=sentence_score)
    evidence = ", ".join(_describe(f) for f in _evidence(model, found))
    message = f"reads as {what} (model score {value:.2f}; weighed most: {evidence}): {advice}"
    yield ctx.finding("learned", message, start, end - start, severity=ctx["learned-severity"])


def comment_rules_then_model(
    rule_findings: Callable[[Any, Any], Iterable[Any]],
    module_file: str,
    what: str,
    advice: str,
    *,
    needs_post: bool = False,
) -> Callable[[Any, Any], Iterator[Any]]:
    """A comment check's ``run``: its rules, then, when they found nothing, its learned model.

    The model file is ``learned.json`` beside ``module_file``; without it only the rules run.
    With ``needs_post`` the model reads a comment only when the post it answers is known
    (whether a comment is off the topic cannot be judged without the topic).
    """
    model_file = Path(module_file).with_name(LEARNED_FILE)

    def run(doc: Any, ctx: Any) -> Iterator[Any]:
        found = list(rule_findings(doc, ctx))
        yield from found
        if not found and (getattr(doc, "reply_to", "").strip() or not needs_post):
            yield from comment_learned_findings(doc, ctx, model_file, what, advice)

    run.__module__ = rule_findings.__module__
    return run
