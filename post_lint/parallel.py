"""Linting many files on every core: worker processes forked after spaCy is loaded.

The parent reads the files and forms exactly the batches a single process would
(so read problems, batches and the order of findings are the same), lints the first
few texts itself (which loads spaCy with the pipes the checks need), then forks
``jobs`` workers. Forked workers share the loaded model copy-on-write: no worker
loads it again. Each batch is cut into slices the workers lint with the very same
code as one process (:meth:`Linter._lint_items`, cache included: entries are
written atomically); the parent gathers the slices in order and sorts each batch's
findings as one process does. Where ``fork`` is unavailable (Windows), or there is
one text, everything stays in-process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from .model import InputProblem, Result
from .nlp import BATCH_SIZE  # a constant: spaCy itself is imported only when a model loads

if TYPE_CHECKING:
    from .runner import Linter, _Item

# Texts the parent lints before forking (loading spaCy and the checks' data once, for all workers).
WARM_UP = 8

# The Linter the forked workers use: set in the parent just before the fork, inherited.
_WORKER_LINTER: Linter | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    import multiprocessing  # only for many files: a single draft's cold start does not pay for it

    return "fork" in multiprocessing.get_all_start_methods()


def _lint_slice(items: list[_Item]) -> Result:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER._lint_items(items)


def _slices(
    batches: list[tuple[int, list[_Item]]], jobs: int, largest: int = BATCH_SIZE, smallest: int = 16
) -> list[tuple[int, list[_Item]]]:
    """(event index, slice) of every batch, in order, in slices that shrink as the work runs out
    (guided scheduling): a slice is at most one spaCy batch (:data:`post_lint.nlp.BATCH_SIZE`), where
    spaCy is most efficient, but the last slice is what one worker lints while the others wait, so
    those near the end are small."""
    left = sum(len(batch) for _, batch in batches)
    work: list[tuple[int, list[_Item]]] = []
    for index, batch in batches:
        start = 0
        while start < len(batch):
            size = max(smallest, min(largest, -(-left // (jobs * 2))))
            piece = batch[start : start + size]
            work.append((index, piece))
            start += len(piece)
            left -= len(piece)
    return work


def lint_events(
    linter: Linter,
    events: list[InputProblem | list[_Item]],
    jobs: int,
    progress: Callable[[int], None] | None,
) -> Result:
    """Lint ``events`` (read problems and batches, in reading order) on ``jobs`` processes.

    The result is what :meth:`Linter.lint_files` gives in one process.
    """
    global _WORKER_LINTER
    work = _slices([(i, e) for i, e in enumerate(events) if isinstance(e, list)], jobs)
    done: dict[int, list[Result]] = {}
    if work:
        # A few texts in the parent first: spaCy and the checks' data are loaded before the fork,
        # and shared. Only a few: while the parent lints them, the other cores wait.
        first_index, first = work.pop(0)
        if len(first) > WARM_UP:
            work.insert(0, (first_index, first[WARM_UP:]))
            first = first[:WARM_UP]
        done.setdefault(first_index, []).append(linter._lint_items(first))
        if progress:
            progress(len(first))
    if work:
        import multiprocessing

        _WORKER_LINTER = linter
        try:
            with multiprocessing.get_context("fork").Pool(min(jobs, len(work))) as pool:
                for (index, items), one in zip(work, pool.imap(_lint_slice, [s for _, s in work]), strict=True):
                    done.setdefault(index, []).append(one)
                    if progress:
                        progress(len(items))
        finally:
            _WORKER_LINTER = None
    return _gather(events, done, progress)


def _gather(
    events: list[InputProblem | list[_Item]], done: dict[int, list[Result]], progress: Callable[[int], None] | None
) -> Result:
    result = Result()
    for index, event in enumerate(events):
        if isinstance(event, InputProblem):
            result.problems.append(event)
            if progress:
                progress(1)
            continue
        batch = Result()
        for one in done.get(index, []):
            batch.extend(one)
        batch.findings.sort(key=lambda f: (f.path, f.offset, f.check, f.rule))
        result.extend(batch)
    return result


def worth_forking(jobs: int, texts: int) -> bool:
    return jobs > 1 and texts > 1 and can_fork()
