"""The data every part of post-lint shares: findings, special tokens, documents.

Offsets are always code points into ``Document.text``, the decoded file (a
leading BOM removed, line endings untouched), so a finding points at exactly
what the author wrote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    """One problem found in one document."""

    check: str
    rule: str
    severity: str
    message: str
    offset: int
    length: int
    suggestions: tuple[str, ...] = ()
    policy: str = ""
    # Filled in by the runner once the document is known.
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "check": self.check,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "suggestions": list(self.suggestions),
            "policy": self.policy,
        }


@dataclass(frozen=True)
class Token:
    """A span that is not prose: a URL, an e-mail address, an @mention or a #hashtag."""

    kind: str  # "url" | "email" | "mention" | "hashtag"
    start: int
    end: int
    text: str


@dataclass
class Document:
    """One input, parsed once and shared by every check.

    ``prose`` has the same length as ``text``: everything that is not lintable
    prose (front matter, code, HTML comments) is blanked with spaces, newlines
    kept, so any offset into ``prose`` is also an offset into ``text``.
    """

    path: str
    text: str
    prose: str
    format: str = "text"  # "text" | "markdown"
    front_matter: dict[str, Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    # Images referenced in Markdown: (offset, length, alt text).
    images: list[tuple[int, int, str]] = field(default_factory=list)
    # The spaCy Doc built from ``prose``, when a selected check needs one.
    nlp: Any = None
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = _line_starts(self.text)
        self.tokens.sort(key=lambda t: t.start)
        self._token_starts = [t.start for t in self.tokens]

    # -- positions -------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    # -- special tokens --------------------------------------------------
    def token_at(self, offset: int) -> Token | None:
        """The special token covering ``offset``, if any."""
        index = bisect.bisect_right(self._token_starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return self.tokens[index]
        return None

    def overlaps_token(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
        """True when [start, end) touches a special token (of the given kinds)."""
        index = bisect.bisect_left(self._token_starts, end)
        for token in reversed(self.tokens[:index]):
            if token.end <= start:
                # Tokens never overlap each other, so nothing earlier can reach.
                break
            if kinds is None or token.kind in kinds:
                return True
        return False

    def tokens_of(self, kind: str) -> list[Token]:
        return [t for t in self.tokens if t.kind == kind]

    @cached_property
    def words_text(self) -> str:
        """``prose`` with special tokens blanked: the words a prose check reads."""
        pieces, last = [], 0
        for token in self.tokens:
            pieces.append(self.prose[last : token.start])
            pieces.append(_blank(self.prose[token.start : token.end]))
            last = token.end
        pieces.append(self.prose[last:])
        return "".join(pieces)


def _blank(text: str) -> str:
    """Spaces in place of everything but line breaks (so lines and offsets stay put)."""
    return re.sub(r"[^\r\n]", " ", text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start; CRLF, LF and lone CR each end a line."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
