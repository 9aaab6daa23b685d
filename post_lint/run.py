"""Running a plan: spaCy once for a batch, each check isolated, findings placed in the text.

A check that raises :class:`~post_lint.api.SkipCheck` is listed as skipped; one
that raises :class:`~post_lint.api.CheckFailed` (it was asked for by name) or
that crashes is reported (skipped, and an input problem: exit code 2) while the
other checks still run. Rule-level select and ignore filter each check's
findings, then a check that yields to another drops its findings in a sentence
where that other check found something (only when both ran), and every finding
gets its path, line and column.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from functools import cache

from .api import Check, CheckFailed, Context, SkipCheck
from .config import DEFAULT_MEMORY_BUDGET, DEFAULT_TIME_BUDGET
from .model import Document, Finding, InputProblem, Result, Skipped
from .plan import Plan
from .pool import between_checks

# spaCy's own limit (its E088 error past it); a post this long is a mistake, and parsing
# it would take a minute and gigabytes, so its spaCy checks are refused in one line.
MAX_NLP_CHARS = 1_000_000


def attach_nlp(plans: list[Plan]) -> list[Skipped]:
    """Parse every plan's prose with spaCy, batched by model and pipeline parts.

    When no model loads, the checks that need one are taken out of their plans
    and returned as skipped.
    """
    groups: dict[tuple[str | None, tuple[str, ...]], list[Plan]] = {}
    skipped_long: list[Skipped] = []
    for plan in plans:
        components = sorted({c for check in plan.checks for c in check.nlp})
        if components and len(plan.doc.prose) > MAX_NLP_CHARS:
            _drop_nlp_checks(plan, f"the post is over {MAX_NLP_CHARS:,} characters, too long for spaCy", skipped_long)
            plan.problems.append(
                f"post is {len(plan.doc.prose):,} characters, over the {MAX_NLP_CHARS:,} that spaCy's checks "
                f"({', '.join(s.check for s in plan.skipped if s.path == plan.doc.path)}) can parse; split it to lint it all"
            )
        elif components:
            groups.setdefault((plan.config.get("spacy-model"), tuple(components)), []).append(plan)
    if not groups:
        return skipped_long
    from . import nlp  # spaCy only when needed

    skipped: list[Skipped] = skipped_long
    for (model, parts), group in groups.items():
        try:
            docs = nlp.parse_many(model, parts, [plan.doc.prose for plan in group])
        except (nlp.ModelUnavailable, ValueError) as exc:  # ValueError: spaCy refused a text or a setting
            reason = str(exc) if isinstance(exc, nlp.ModelUnavailable) else f"spaCy failed: {str(exc).splitlines()[0]}"
            for plan in group:
                _drop_nlp_checks(plan, reason, skipped, with_path=False)
            continue
        for plan, spacy_doc in zip(group, docs, strict=True):
            plan.doc.nlp = spacy_doc
    return skipped


def _drop_nlp_checks(plan: Plan, reason: str, into: list[Skipped], *, with_path: bool = True) -> None:
    """Take the spaCy checks out of a plan, recorded as skipped on the plan too (so it is never cached)."""
    lost = [Skipped(c.name, reason, plan.doc.path if with_path else "") for c in plan.checks if c.nlp]
    plan.skipped += lost
    into += lost
    plan.checks = [c for c in plan.checks if not c.nlp]


def run(plan: Plan) -> tuple[Result, bool]:
    """The plan's checks run on its document: the result, and whether it may be cached (not when
    the time budget ran out; a check's own say is its ``cache_token``, which the cache asks)."""
    result = Result()
    doc = plan.doc
    result.sources[doc.path] = doc.text
    cacheable = True
    by_check: dict[str, list[Finding]] = {}
    budget = Budget.of(plan)
    waited = 0.0  # time spent waiting on a server, or (serve, lsp) for a turn: not on the text
    for index, check in enumerate(plan.checks):
        waited += between_checks()  # serve and lsp: stop if superseded, let another document have a turn
        over = budget.exceeded(waited)
        if over is not None:
            # Checked between checks (a running regex cannot be interrupted in-process): the rest
            # of this post's checks are skipped, it is an input problem, and the other posts go on.
            left = [c.name for c in plan.checks[index:]]
            used_up, problem = over
            for name in left:
                result.skip(Skipped(name, used_up, doc.path))
            result.problems.append(InputProblem(doc.path, f"{problem}; not run: {', '.join(left)}"))
            cacheable = False
            break
        ran = _run_check(check, plan, result)
        if ran is None:
            continue
        found, ctx = ran
        waited += ctx.waited
        result.checks_run.add(check.name)
        result.notes.update(ctx.notes)
        keep = plan.rule_filter.get(check.name)
        by_check[check.name] = [
            f for f in found if (keep is None or f.rule in keep) and not _rule_ignored(f.rule, plan.ignored_rules)
        ]
    for check in plan.checks:
        result.findings += [place(finding, doc) for finding in _without_yielded(check, by_check, doc)]
    return result, cacheable


@dataclass
class Budget:
    """What one post may cost: seconds of check time and megabytes of memory growth (0: no limit)."""

    seconds: float
    megabytes: float
    began: float = field(default_factory=time.perf_counter)
    rss_at_start: float | None = field(default_factory=lambda: resident_mb())
    rss_read_at: float = field(default_factory=time.perf_counter)

    @classmethod
    def of(cls, plan: Plan) -> Budget:
        return cls(
            float(plan.config.get("time-budget", DEFAULT_TIME_BUDGET)),
            float(plan.config.get("memory-budget", DEFAULT_MEMORY_BUDGET)),
        )

    def exceeded(self, waited: float) -> tuple[str, str] | None:
        """(why each remaining check is skipped, the input problem) once a limit is passed, else None."""
        now = time.perf_counter()
        spent = now - self.began - waited
        if self.seconds and spent > self.seconds:
            return (
                f"the post's time budget ({self.seconds:g} s) was used up",
                f"linting took {spent:.1f} s, over the {self.seconds:g}-second time budget ('time-budget' in the config)",
            )
        rss = None
        # Memory is read at most every few milliseconds: growing it by megabytes takes longer than
        # that (touching the pages), and reading /proc at each of a post's 14 checks cost 1% of a run.
        if self.megabytes and self.rss_at_start is not None and now - self.rss_read_at >= _RSS_EVERY:
            rss, self.rss_read_at = resident_mb(), now
        grown = rss - self.rss_at_start if rss is not None and self.rss_at_start is not None else 0.0
        if grown > self.megabytes:
            return (
                f"the post's memory budget ({self.megabytes:g} MB) was used up",
                f"linting grew memory by {grown:.0f} MB, over the {self.megabytes:g}-MB memory budget "
                "('memory-budget' in the config)",
            )
        return None


_RSS_EVERY = 0.002  # seconds


def resident_mb() -> float | None:
    """This process's resident memory in MB, from /proc (Linux); None where it cannot be read cheaply."""
    try:
        pages = int(os.pread(_statm(os.getpid()), 64, 0).split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * _PAGE_SIZE / 1_048_576


@cache
def _statm(pid: int) -> int:
    # Read at every check boundary: one descriptor per process (a forked worker opens its
    # own, since /proc/self is resolved when opened) costs 1 µs a read, not 10 to open.
    return os.open("/proc/self/statm", os.O_RDONLY)


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _run_check(check: Check, plan: Plan, result: Result) -> tuple[list[Finding], Context] | None:
    """One check's findings and context, or None (recorded in ``result``) when it skipped or crashed."""
    options, severity = plan.settings[check.name]
    ctx = Context(check, options, severity, plan.profile, plan.facts)
    try:
        return list(check.run(plan.doc, ctx)), ctx
    except SkipCheck as exc:
        result.skip(Skipped(check.name, str(exc)))
    except CheckFailed as exc:  # asked for by name: an error, not a quiet gap
        result.skip(Skipped(check.name, str(exc)))
        result.problems.append(InputProblem("", f"check '{check.name}' could not run: {exc}"))
    except Exception as exc:  # a crashing check is reported, and the rest still run
        path, what = plan.doc.path, f"{type(exc).__name__}: {exc}"
        result.skip(Skipped(check.name, f"crashed: {what}", path))
        result.problems.append(InputProblem(path, f"check '{check.name}' crashed ({what}); please report it"))
    return None


def _without_yielded(check: Check, by_check: dict[str, list[Finding]], doc: Document) -> list[Finding]:
    """A check's findings less those that yield to a finding of a check that also ran, in the same sentence."""
    found = by_check.get(check.name, [])
    others = [f for name in check.yields_to for f in by_check.get(name, [])]
    if not others or not found:
        return found
    taken = {doc.sentence_at(f.offset) for f in others}
    return [f for f in found if doc.sentence_at(f.offset) not in taken]


def _rule_ignored(rule: str, ignored: set[str]) -> bool:
    return any(rule == i or rule.startswith(i + "/") for i in ignored)


def place(finding: Finding, doc: Document) -> Finding:
    """Clamp a finding to the text and fill in path, line and column."""
    offset = min(max(finding.offset, 0), len(doc.text))
    length = min(finding.length, len(doc.text) - offset)
    line, column = doc.position(offset)
    end_line, end_column = doc.position(offset + length)
    return replace(
        finding,
        path=doc.path,
        offset=offset,
        length=length,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
