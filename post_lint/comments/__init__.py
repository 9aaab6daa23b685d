"""Comment moderation: the public's comments triaged against section V's list of what staff may hide.

``post-lint comments`` reads an export (CSV or JSON Lines), lints every comment with
the comments profile through the ordinary :class:`~post_lint.runner.Linter` (conduct,
personal-data, names, links and hidden-text, plus the checks only comments need:
attacks, hate, private-facts, accusations, spam, off-topic), and turns the findings
into a verdict per comment (keep, review, hide) with reasons that each cite the
clause, as ``policy.toml`` beside this module says. Repetition across the export
(``spam/repeated``) is found here, where every comment is seen at once.

The profile leans to "review" when unsure, and never hides a comment for its
political view: opinion and partisan do not run on comments.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..model import Finding
from ..text.shingles import near_duplicate_groups, words
from .export import Comment, Export, read_export

__all__ = ["Comment", "Export", "Judged", "Reason", "Triage", "read_export", "triage", "verdict_of", "VERDICTS"]

VERDICTS = ("keep", "review", "hide")
_RANK = {v: i for i, v in enumerate(VERDICTS)}
REPEAT_MIN_WORDS = 5  # shorter texts ("Thank you!") are repeated innocently
COPY_MIN_WORDS = 8  # under different authors' names, shorter texts ("Thank you for the update!") too
NEAR_DUPLICATE = 0.4  # Jaccard similarity of word shingles: a word or two changed is still a copy


@dataclass(frozen=True)
class Rule:
    match: str
    clause: str
    verdicts: dict[str, str]
    upgrade_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Policy:
    clauses: dict[str, str]
    rules: tuple[Rule, ...]

    def rule_for(self, rule_id: str) -> Rule:
        best: Rule | None = None
        for rule in self.rules:
            if (rule_id == rule.match or rule_id.startswith(rule.match + "/")) and (
                best is None or len(rule.match) > len(best.match)
            ):
                best = rule
        # A check this policy does not know (a plugin's): read before hiding.
        return best or Rule(rule_id, "abusive", {"error": "review", "warning": "review", "info": "keep"})


@cache
def policy() -> Policy:
    data = tomllib.loads(Path(__file__).with_name("policy.toml").read_text(encoding="utf-8"))
    rules = tuple(
        Rule(
            r["match"],
            r["clause"],
            {s: r.get(s, "review") for s in ("error", "warning", "info")},
            tuple(r.get("upgrade-with", ())),
        )
        for r in data["rule"]
    )
    return Policy(dict(data["clauses"]), rules)


@dataclass(frozen=True)
class Reason:
    """Why a comment should be hidden or reviewed: the clause of section V, and what triggered it."""

    verdict: str  # "hide" | "review"
    clause: str  # the quoted clause of section V
    rule: str
    message: str
    words: str  # the words of the comment that triggered it
    offset: int  # code points into the comment's text
    length: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "clause": self.clause,
            "policy": f"V. Rules of Use: \u201c{self.clause}\u201d",
            "rule": self.rule,
            "message": self.message,
            "words": self.words,
            "offset": self.offset,
            "length": self.length,
        }


@dataclass
class Judged:
    """A comment and the moderator's verdict on it."""

    comment: Comment
    verdict: str = "keep"
    reasons: list[Reason] = field(default_factory=list)
    source: str = ""  # the export it came from

    def to_dict(self) -> dict[str, Any]:
        c = self.comment
        return {
            "source": self.source,
            "row": c.row,
            "line": c.line,
            "id": c.id,
            "author": c.author,
            "verdict": self.verdict,
            "reasons": [r.to_dict() for r in self.reasons],
            "text": c.text,
        }


@dataclass
class Triage:
    """Every comment judged, with what could not be read or run."""

    judged: list[Judged] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, naming the file
    skipped: list[Any] = field(default_factory=list)  # post_lint.runner.Skipped
    checks_run: set[str] = field(default_factory=set)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for j in self.judged:
            counts[j.verdict] += 1
        return counts

    @property
    def exit_code(self) -> int:
        """As for drafts: 2 for input or config errors, 1 when something is to hide or review, else 0."""
        if self.problems:
            return 2
        return 1 if any(j.verdict != "keep" for j in self.judged) else 0


def _label(source: str, comment: Comment) -> str:
    return f"{source}#{comment.row}"


def triage(linter: Any, exports: Sequence[Export], config_path: str | None = None) -> Triage:
    """Judge every comment of ``exports`` with ``linter`` (a Linter with profile "comments")."""
    out = Triage()
    items: list[tuple[str, str, str]] = []
    judged: dict[str, Judged] = {}
    for export in exports:
        out.problems += export.problems
        for comment in export.comments:
            j = Judged(comment, source=export.name)
            out.judged.append(j)
            if comment.text.strip():
                label = _label(export.name, comment)
                judged[label] = j
                items.append((comment.text, label, comment.post))
    if items:
        result = linter.lint_comments(items, config_path=config_path)
        out.skipped = list(result.skipped)
        out.checks_run = set(result.checks_run)
        out.problems += [str(p) for p in result.problems]
        by_label: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_label.setdefault(finding.path, []).append(finding)
        for label, j in judged.items():
            j.reasons = _reasons(j.comment.text, by_label.get(label, []))
    _repeats(out.judged)
    for j in out.judged:
        j.reasons.sort(key=lambda r: (-_RANK[r.verdict], r.offset))
        j.verdict = max((r.verdict for r in j.reasons), key=_RANK.__getitem__, default="keep")
    return out


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    from ..text.sentences import sentence_at, split_sentences

    return sentence_at(split_sentences(text), offset)


def _reasons(text: str, findings: Iterable[Finding]) -> list[Reason]:
    pol = policy()
    findings = list(findings)
    reasons: list[Reason] = []
    for f in findings:
        rule = pol.rule_for(f.rule)
        verdict = rule.verdicts.get(f.severity, "review")
        if verdict == "review" and rule.upgrade_with:
            sentence = _sentence_of(text, f.offset)
            if any(g.rule in rule.upgrade_with and _sentence_of(text, g.offset) == sentence for g in findings):
                verdict = "hide"
        if verdict == "keep":
            continue
        clause = pol.clauses.get(rule.clause, rule.clause)
        words = " ".join(text[f.offset : f.offset + f.length].split())
        reasons.append(Reason(verdict, clause, f.rule, f.message, words, f.offset, f.length))
    return _dedupe(reasons)


def verdict_of(text: str, findings: Iterable[Finding]) -> str:
    """The verdict the policy gives one comment's findings (keep, review, hide), repetition aside."""
    return max((r.verdict for r in _reasons(text, findings)), key=_RANK.__getitem__, default="keep")


def _dedupe(reasons: list[Reason]) -> list[Reason]:
    """One reason per rule and span: a moderator reads each thing once."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for r in reasons:
        key = (r.rule, r.offset, r.length)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def fingerprint(text: str) -> str:
    """What stays of a comment when case, punctuation, digits, links and spacing are ignored."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    return " ".join(re.findall(r"[^\W\d_]+", text))


def _repeats(judged: list[Judged]) -> None:
    """The same or nearly the same text posted more than once in the export.

    Copies of a promotion are hidden (spam/repeated). Copies under different authors'
    names are a chain letter or a copied campaign: plagiarism/copied, for review, since a
    campaign can be residents' political speech. Copies by one author, or with no authors
    given, are spam/repeated for review. A short text many people write on their own
    ("Thank you for the update!") is never a copy when each copy has its own author.
    """
    texts = [j.comment.text if j.comment.text.strip() else "" for j in judged]
    for group in near_duplicate_groups(texts, NEAR_DUPLICATE, REPEAT_MIN_WORDS):
        copies = [judged[i] for i in group]
        # A promotion by the spam rules; the learned model's reading alone never hides a comment.
        promoted = any(r.rule.startswith("spam/") and r.rule != "spam/learned" for c in copies for r in c.reasons)
        authors = [" ".join(c.comment.author.lower().split()) for c in copies]
        by_others = all(authors) and len(set(authors)) > 1
        if (
            by_others
            and not promoted
            and len(set(authors)) == len(copies)
            and len(words(copies[0].comment.text)) < COPY_MIN_WORDS
        ):
            continue
        for j in copies:
            others = ", ".join(
                f"row {c.comment.row}" + (f" ({c.comment.author})" if c.comment.author else "") for c in copies if c is not j
            )
            text = j.comment.text
            words_of = " ".join(text.split())[:80]
            if by_others and not promoted:
                message = (
                    f"the same or nearly the same text is posted by {len(set(authors))} different authors in this export "
                    f"(also {others}): plagiarized material may be hidden, but a copied campaign may be residents' "
                    "speech; read it before deciding"
                )
                j.reasons.append(
                    Reason("review", policy().clauses["plagiarism"], "plagiarism/copied", message, words_of, 0, len(text))
                )
                continue
            what = "a promotion posted" if promoted else "posted"
            message = (
                f"the same text is {what} {len(copies)} times in this export (also {others}): commercial promotions "
                "or spam may be hidden" + ("" if promoted else "; a copied campaign may be residents' speech, so read it")
            )
            verdict = "hide" if promoted else "review"
            j.reasons.append(Reason(verdict, policy().clauses["spam"], "spam/repeated", message, words_of, 0, len(text)))
