"""The partisan check's view of the shared political-messaging model (post_lint.text.political).

``MODEL_FILE`` is read at each call, so scripts/train_partisan.py can score a model it has
just written before it ships.
"""

from __future__ import annotations

from post_lint.model import Document
from post_lint.text import political
from post_lint.text.political import features

MODEL_FILE = political.MODEL_FILE

__all__ = ["MODEL_FILE", "features", "political_voice", "score", "shipped_threshold"]


def score(text: str) -> float:
    """Probability-like score (0 to 1) that ``text`` is political messaging."""
    return political.score(text, MODEL_FILE)


def shipped_threshold() -> float:
    return political.shipped_threshold(MODEL_FILE)


def political_voice(doc: Document) -> tuple[float, tuple[int, int] | None]:
    return political.political_voice(doc, MODEL_FILE)
