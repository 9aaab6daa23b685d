"""The data every part of post-lint shares: findings, special tokens, documents, results.

Offsets are always code points into ``Document.text``, the decoded file (a
leading BOM removed, line endings untouched), so a finding points at exactly
what the author wrote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .text.lines import LineIndex

if TYPE_CHECKING:
    from .normalize import Normalized

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
# fail-on values: a severity, or "never" (findings are reported but never fail: ruff's --exit-zero).
FAIL_ON = (*SEVERITIES, "never")
_FAIL_RANK = {**SEVERITY_RANK, "never": len(SEVERITIES)}


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
    # The first suggestion may be applied without a person reading it (``--fix``): it keeps
    # the meaning and only corrects the form. Unsafe unless the check says so.
    fix_safe: bool = False
    policy_link: str = ""  # where the body's policy can be read ([policy] link), when it gave one
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
        data: dict[str, Any] = {
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
            "fix_safe": self.fix_safe,
        }
        if self.policy_link:  # only when the config's [policy] names one: the shipped schema is unchanged
            data["policy_link"] = self.policy_link
        return data


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
    # For a comment (the comments profile): the text of the post it answers, "" when unknown.
    reply_to: str = ""
    _token_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.tokens.sort(key=lambda t: t.start)
        self._token_starts = [t.start for t in self.tokens]

    # -- positions -------------------------------------------------------
    @cached_property
    def line_index(self) -> LineIndex:
        """Lines of ``text`` as editors count them (CRLF, LF, CR)."""
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        return self.line_index.position(offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.line_index.line(line)

    @property
    def line_count(self) -> int:
        return len(self.line_index)

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
        for i in range(index - 1, -1, -1):  # no slice: a copy per call is O(n²) over a long post
            token = self.tokens[i]
            if token.end <= start:
                # Tokens never overlap each other, so nothing earlier can reach.
                break
            if kinds is None or token.kind in kinds:
                return True
        return False

    def tokens_of(self, kind: str) -> list[Token]:
        return [t for t in self.tokens if t.kind == kind]

    # -- shared views, computed once whichever checks ask ----------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of ``prose`` from the one splitter (post_lint.text.sentences)."""
        from .text.sentences import split_sentences

        return split_sentences(self.prose)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span holding ``offset``."""
        from .text.sentences import sentence_at

        return sentence_at(self.sentences, offset)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Every quotation in ``prose``, attributed or not."""
        from .text.quotes import quotations

        return quotations(self.prose)

    @cached_property
    def attributed_quotes(self) -> list[tuple[int, int]]:
        """Quotations attributed to a named speaker ("...," said Mayor Lee)."""
        from .text.quotes import attributed_quotes

        return attributed_quotes(self.prose)

    @cached_property
    def disclaimer_clauses(self) -> list[tuple[int, int]]:
        """Clauses that say whose views the post holds ("I'm not speaking for the department, but")."""
        from .text.disclaimers import disclaimer_clauses

        return disclaimer_clauses(self.prose)

    @cached_property
    def normalized(self) -> Normalized:
        """``words_text`` normalised for matching (NFKC, look-alikes, spacing), case kept."""
        from .normalize import normalize

        return normalize(self.words_text, lower=False)

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


# -- results: what the engine hands to reporters, the CLI, serve and the language server --


@dataclass(frozen=True)
class Skipped:
    """A check that did not run, and why; never silent."""

    check: str
    reason: str
    path: str = ""

    def to_dict(self) -> dict[str, str]:
        data = {"check": self.check, "reason": self.reason}
        if self.path:
            data["path"] = self.path
        return data


@dataclass(frozen=True)
class InputProblem:
    """A file (or config) that could not be read or parsed properly: exit code 2."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class Result:
    """Everything one lint found: findings, checks that did not run, inputs that could not be read."""

    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    files: int = 0
    checks_run: set[str] = field(default_factory=set)
    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for snippets
    # path -> the lowest severity that fails it, from that document's own config (or --fail-on)
    fail_on: dict[str, str] = field(default_factory=dict)
    # Files named on the command line that their config's exclude patterns leave out.
    excluded: list[str] = field(default_factory=list)

    def extend(self, other: Result) -> None:
        self.findings += other.findings
        for skip in other.skipped:
            self.skip(skip)
        self.problems += other.problems
        self.notes.update(other.notes)
        self.files += other.files
        self.checks_run |= other.checks_run
        self.sources.update(other.sources)
        self.fail_on.update(other.fail_on)
        self.excluded += other.excluded

    def skip(self, skipped: Skipped) -> None:
        """Record a check that did not run, once."""
        if skipped not in self.skipped:
            self.skipped.append(skipped)

    def failing(self, fail_on: str | None = None) -> list[Finding]:
        """Findings at or above ``fail_on``, or else at or above each document's own threshold."""
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= _FAIL_RANK[fail_on or self.fail_on.get(f.path, "error")]]

    @property
    def complete(self) -> bool:
        """Was every input read and every selected check run? Only then may a clean run say "All clear"."""
        return not self.problems and not self.skipped and self.files > 0

    @property
    def exit_code(self) -> int:
        """2 when an input or config could not be read, 1 when a document fails its threshold, else 0."""
        if self.problems:
            return 2
        return 1 if self.failing() else 0
