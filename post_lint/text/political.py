"""A small linear model of political messaging, run in pure Python, shared by partisan and opinion.

The weights (``data/political_voice.json``) come from scripts/train_partisan.py: logistic
regression over word, bigram, hashtag and @-mention features, trained on congressional
posts (political voice) against county-government posts (institutional voice), with posts
in a legislator's voice written by hand. Scoring a post is a dictionary lookup per feature
and a sum, far under a millisecond; scikit-learn is needed only to train.

The model reads advocacy on an issue ("Congress must act to fund CHIP") as readily as
partisanship. So the post's words decide whose matter a high score is: with a political cue
(``data/political_cues.txt``) and a side named (``data/political_sides.txt``: a party, an
election, a candidate, an administration) it is partisan's; with a cue and no side, it is a
policy view, opinion's.

``features`` is shared by training and inference, so they cannot drift.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache, lru_cache
from pathlib import Path

from ..model import Document
from .phrases import Match, find_phrases
from .spans import inside
from .wordlists import load_word_list, word_list_sections
from .words import split_camel

_DATA = Path(__file__).with_name("data")
MODEL_FILE = _DATA / "political_voice.json"

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


@lru_cache(maxsize=4)
def _model(path: Path) -> tuple[float, dict[str, float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return float(data["intercept"]), data["weights"]


@lru_cache(maxsize=4)
def shipped_threshold(path: Path = MODEL_FILE) -> float:
    """The threshold training chose (held-out county posts and neutral posts in a legislator's voice stay quiet)."""
    if not path.is_file():
        return 1.0
    return float(json.loads(path.read_text(encoding="utf-8")).get("threshold", 0.8))


def score(text: str, path: Path = MODEL_FILE) -> float:
    """Probability-like score (0 to 1) that ``text`` is political messaging."""
    intercept, weights = _model(path)
    total = intercept + sum(weights.get(f, 0.0) for f in set(features(text)))
    return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))


def political_voice(doc: Document, path: Path = MODEL_FILE) -> tuple[float, tuple[int, int] | None]:
    """The post's score and the sentence that weighs most toward political messaging."""
    if not path.is_file():
        return 0.0, None
    post_score = score(doc.prose, path)
    _, weights = _model(path)
    best, best_span = 0.0, None
    for start, end in doc.sentences:
        weight = sum(weights.get(f, 0.0) for f in set(features(doc.prose[start:end])))
        if best_span is None or weight > best:
            best, best_span = weight, (start, end)
    return post_score, best_span


@cache
def cue_words(government_only: bool = False) -> tuple[str, ...]:
    """Politics vocabulary or a call to act (``data/political_cues.txt``): a high score counts only with one.

    ``government_only``: a legislature, a bill, an administration, a national issue, without the
    legislator's manner of speaking ("we must", "fighting for") that public-health posts share.
    """
    sections = word_list_sections(_DATA / "political_cues.txt")
    return sections["government"] if government_only else sections["government"] + sections["voice"]


@cache
def side_words() -> tuple[str, ...]:
    """Words that name a side: an election, a candidate, a party, an administration (``data/political_sides.txt``)."""
    return tuple(load_word_list(_DATA / "political_sides.txt"))


def unquoted(doc: Document, phrases: tuple[str, ...]) -> list[Match]:
    """Matches of ``phrases`` in the post's own words: a quotation is someone else's voice, attributed or not."""
    anyone = doc.quotes
    return [m for m in find_phrases(doc.words_text, phrases) if not inside(anyone, m.start, m.end)]
