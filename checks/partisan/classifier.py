"""A small linear model of political messaging, run in pure Python.

The weights (model.json) come from scripts/train_partisan.py: logistic
regression over word, bigram, hashtag and @-mention features, trained on
congressional posts (political voice) against county-government posts
(institutional voice). Scoring a post is a dictionary lookup per feature and
a sum, far under a millisecond; scikit-learn is needed only to train.

``features`` is shared by training and inference, so they cannot drift.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from post_lint.model import Document
from post_lint.text.words import split_camel

MODEL_FILE = Path(__file__).with_name("model.json")

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_TOKEN = re.compile(r"[#@][\w]+|[^\W\d_]+(?:['’][^\W\d_]+)?")


def words(text: str) -> list[str]:
    """Lower-case words of a post; hashtags become their split words, mentions one token each."""
    out: list[str] = []
    for token in _TOKEN.findall(_URL.sub(" ", text)):
        if token[0] == "#":
            out += [w.lower() for w in split_camel(token[1:], digits=False)]
        elif token[0] == "@":
            out.append("@" + token[1:].lower())
        else:
            out.append(token.lower().replace("’", "'"))
    return out


def features(text: str) -> list[str]:
    """Unigrams and bigrams of ``words`` (a post's features for the model)."""
    tokens = words(text)
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float]]:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return float(data["intercept"]), data["weights"]


@lru_cache(maxsize=1)
def shipped_threshold() -> float:
    """The threshold training chose (held-out county posts and neutral posts in a legislator's voice stay quiet)."""
    if not MODEL_FILE.is_file():
        return 1.0
    return float(json.loads(MODEL_FILE.read_text(encoding="utf-8")).get("threshold", 0.8))


def score(text: str) -> float:
    """Probability-like score (0 to 1) that ``text`` is political messaging."""
    intercept, weights = _model()
    total = intercept + sum(weights.get(f, 0.0) for f in set(features(text)))
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


def political_voice(doc: Document) -> tuple[float, tuple[int, int] | None]:
    """The post's score and the sentence that weighs most toward political messaging."""
    if not MODEL_FILE.is_file():
        return 0.0, None
    post_score = score(doc.prose)
    intercept, weights = _model()
    best, best_span = 0.0, None
    for start, end in doc.sentences:
        weight = sum(weights.get(f, 0.0) for f in set(features(doc.prose[start:end])))
        if best_span is None or weight > best:
            best, best_span = weight, (start, end)
    return post_score, best_span
