"""Words inside run-together tokens: CamelCase hashtags and handles."""

from __future__ import annotations

import re

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_CAMEL_NO_DIGITS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")


def split_camel(text: str, *, digits: bool = True) -> list[str]:
    """``GOPTaxScam2024`` → ``["GOP", "Tax", "Scam", "2024"]`` (digits dropped when ``digits`` is false)."""
    return (_CAMEL if digits else _CAMEL_NO_DIGITS).findall(text)


def split_hashtag(tag: str) -> str:
    """``#GOPTaxScam`` → ``GOP Tax Scam``; an all-lowercase tag stays one word."""
    return " ".join(split_camel(tag.lstrip("#")))
