"""A small linear model in a JSON file beside a check: pure-Python inference, explainable.

Trained by ``scripts/train_judgement.py`` (scikit-learn, only in the ``train``
extra); read here with nothing but the standard library. The file holds an
intercept, a threshold chosen on real posts, and one weight per feature
(see :mod:`post_lint.text.features`).
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..datacache import cached
from ..facts import Facts
from .features import feature_set


@dataclass(frozen=True)
class Dense:
    """Weights on the standardised mean token vector (:mod:`post_lint.text.dense`)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def contribution(self, vector: Any) -> float:
        if vector is None or len(vector) != len(self.weights):
            return 0.0
        return math.fsum(w * (float(v) - m) / s for w, v, m, s in zip(self.weights, vector, self.mean, self.scale, strict=True))


@dataclass(frozen=True)
class LinearModel:
    intercept: float
    threshold: float
    weights: dict[str, float]
    meta: dict[str, object]
    dense: Dense | None = None  # present when training found the token vectors worth it
    # The features the model weighs, as a set: intersected with a post's features in C, where a
    # look-up of each of the post's features in ``weights`` was a fiftieth of a run.
    known: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known", frozenset(self.weights))

    @classmethod
    def load(cls, path: str | Path) -> LinearModel | None:
        """The model in ``path``, or None when the file is absent (the rules still run)."""
        return _load(str(path))

    def score(self, text: str, facts: Facts | None = None, vector: Any = None) -> float:
        """Probability-like score (0 to 1) that ``text`` is what the model was trained to find.

        ``vector`` is the text's mean token vector, for a model with :class:`Dense` weights.
        """
        # fsum is exact, so the score never depends on the order a set is walked in.
        weights = self.weights
        total = self.intercept + math.fsum([weights[f] for f in feature_set(text, facts) & self.known])
        if self.dense is not None:
            total += self.dense.contribution(vector)
        return _sigmoid(total)

    def evidence(self, text: str, facts: Facts | None = None, top: int = 3) -> list[str]:
        """The features of ``text`` that weighed most towards a finding, most first."""
        weighted = {f: self.weights[f] for f in feature_set(text, facts) if self.weights.get(f, 0.0) > 0}
        return [f for f, _ in sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:top]]


@cache
def _load(path: str) -> LinearModel | None:
    file = Path(path)
    if not file.is_file():
        return None
    # Parsed once and kept in the user's cache (post_lint.datacache) as the feature names in one
    # string and the weights as packed doubles: unmarshalling 31,000 (name, weight) pairs took
    # 20 ms a model, splitting one string and zipping it with an array a tenth of that.
    data = cached("learned", [file], lambda: _packed(json.loads(file.read_text(encoding="utf-8"))), version=2)
    dense = data.get("dense")
    names = data["names"].split(_SEPARATOR) if data["names"] else []
    return LinearModel(
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        weights=dict(zip(names, array("d", data["weights"]), strict=True)),
        meta=dict(data.get("meta", {})),
        dense=Dense(tuple(dense["mean"]), tuple(dense["scale"]), tuple(dense["weights"])) if dense else None,
    )


_SEPARATOR = "\0"  # no feature holds it: features are tokens of a post (no control character) and their pairs


def _packed(data: dict[str, Any]) -> dict[str, Any]:
    """The model file's JSON with its weights as (names joined, doubles packed): marshal's fastest kinds."""
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    if any(_SEPARATOR in name for name in weights):
        raise ValueError(f"a feature of the learned model holds a NUL character: {sorted(weights)[:3]}")
    return {
        **{k: v for k, v in data.items() if k != "weights"},
        "names": _SEPARATOR.join(weights),
        "weights": array("d", weights.values()).tobytes(),
    }


def _sigmoid(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


def describe(feature: str) -> str:
    """A feature as a person would read it: 'lex:neg2~<partner>' -> 'a strongly negative word near a partner'."""
    if feature.startswith("s:"):
        return _describe_sentence(feature[2:])
    if not feature.startswith("lex:"):
        return f"\u201c{feature}\u201d"
    body = feature[4:]
    if body == "negated":
        return "a negated sentiment word"
    sign, _, anchor = body.partition("~")
    strength = "strongly " if sign.endswith("2") else ""
    polarity = "negative" if sign.startswith("neg") else "positive"
    near = f" near {anchor.strip('<>')}" if anchor else ""
    return f"a {strength}{polarity} word{near}"


_TONES = {
    "neg": "a negative word",
    "pos": "a positive word",
    "not": "a negation",
    "modal": "'should' or 'deserve'",
    "lag": "'still' or 'again'",
    "lapse": "a service that failed or fell behind",
    "contrast": "'but' or 'apparently'",
    "wry": "a wry emoji",
    "emoji": "an emoji",
    "question": "a question",
    "ellipsis": "an ellipsis",
    "excl2": "'!!'",
    "scare": "scare quotes",
}
_WHO = {"you": "the reader", "we": "us", "they": "them", "i": "the writer", "public": "residents"}


def _describe_sentence(body: str) -> str:
    """'partner&ellipsis' -> 'an ellipsis in a sentence about a partner'; 'partner~late' -> '"late" said of a partner'."""
    if "~" in body:
        who, _, word = body.partition("~")
        return f"\u201c{word}\u201d said of {_WHO.get(who, 'a ' + who)}"
    left, _, right = body.partition("&")
    if left in _TONES:
        return f"{_TONES[left]} and {_TONES.get(right, right)} in one sentence"
    return f"{_TONES.get(right, right)} in a sentence about {_WHO.get(left, 'a ' + left)}"


# -- the learned layer of a check -------------------------------------------------

LEARNED_FILE = "learned.json"


def learned_options(on: bool = True) -> dict[str, object]:
    """Config keys every check with a learned layer accepts (``[opinion] learned-threshold = 0.8``).

    ``on`` False ships the model switched off: a city turns it on with ``learned = true``.
    """
    from ..api import Option

    said = "also run the learned model, which catches what the word lists miss"
    if not on:
        said += " (off by default: its false alarms are still above the target; see the README)"
    return {
        "learned": Option(on, said, bool),
        "learned-threshold": Option(
            0.0, "score (0 to 1) at which the model reports; 0 means the shipped threshold", (int, float)
        ),
        "learned-severity": Option("warning", "severity of the model's findings", str, ("error", "warning", "info")),
    }


def learned_findings(
    doc: Any, ctx: Any, model_file: Path, what: str, advice: str, *, cleared: Sequence[tuple[int, int]] = ()
) -> Iterator[Any]:
    """One finding when the model scores the post at or above its threshold, on the sentence that weighs most.

    Attributed quotations are not scored (a named speaker's words are not the
    account's own voice), nor are disclaimers ("I'm not speaking for the department,
    but"), nor the ``cleared`` spans: sentences the check's precise rules recognised
    as a lawful near-miss.
    """
    if not ctx["learned"]:
        return
    model = LinearModel.load(model_file)
    if model is None:
        return
    unscored = [*doc.attributed_quotes, *doc.disclaimer_clauses, *cleared]
    text = _blank_spans(doc.prose, unscored)  # as trained: URLs, mentions and hashtags kept
    if not text.strip():
        return  # every sentence was a quotation or a near-miss the rules settled: nothing left to score
    threshold = float(ctx["learned-threshold"]) or model.threshold
    score = model.score(text, ctx.facts, _vector(doc, model, text, ctx.facts))
    if score < threshold:
        return
    spans = doc.sentences or [(0, len(doc.text))]
    # The sentence that weighs most by its words (the post's vector is the same for each).
    start, end = max(spans, key=lambda s: model.score(text[s[0] : s[1]], ctx.facts))
    evidence = ", ".join(describe(f) for f in model.evidence(text[start:end], ctx.facts) or model.evidence(text, ctx.facts))
    message = f"reads as {what} (model score {score:.2f}; weighed most: {evidence}): {advice}"
    yield ctx.finding("learned", message, start, end - start, severity=ctx["learned-severity"])


def _vector(doc: Any, model: LinearModel, text: str, facts: Facts) -> Any:
    """The post's mean token vector, when the model weighs one and spaCy parsed the post."""
    if model.dense is None or getattr(doc, "nlp", None) is None:
        return None
    from ..nlp import language_of
    from .dense import placeholder_vector

    return placeholder_vector(language_of(doc.nlp), text, facts)


def rules_then_model(
    rule_findings: Callable[..., Iterable[Any]],
    module_file: str,
    what: str,
    advice: str,
    *,
    clears: bool = False,
    not_in_profiles: tuple[str, ...] = (),
) -> Callable[[Any, Any], Iterator[Any]]:
    """A judgement check's ``run``: its rules, then, when they found nothing, its learned model.

    The rules are the precise evidence; the model adds what they miss. With ``clears``, the
    rules are called with a list they fill with sentences they settled as lawful near-misses,
    which the model does not score. The model file is ``learned.json`` beside ``module_file``.
    """
    model_file = Path(module_file).with_name(LEARNED_FILE)

    def run(doc: Any, ctx: Any) -> Iterator[Any]:
        cleared: list[tuple[int, int]] = []
        found = list(rule_findings(doc, ctx, cleared) if clears else rule_findings(doc, ctx))
        yield from found
        if not found and ctx.profile not in not_in_profiles:
            yield from learned_findings(doc, ctx, model_file, what, advice, cleared=cleared)

    run.__module__ = rule_findings.__module__  # the run belongs to its check's module (the registry reports it)
    return run


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
