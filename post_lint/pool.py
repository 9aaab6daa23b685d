"""A bounded pool of lint workers with per-document cancellation, for ``serve`` and ``lsp``.

Each lint is submitted under a key (a document: an LSP uri, or the page's document
id in ``serve``). At most one lint per key runs at a time; a newer submission for
the same key replaces the one still waiting (its future fails with
:class:`Cancelled`) and asks the running one to stop: the engine looks at the
request between checks (:func:`between_checks`, called by :func:`post_lint.run.run`),
since a running check cannot be interrupted in-process.

Lint code is not safe to run on two threads at once (a check's lazily built tables,
such as the emoji package's search tree, were seen half-built by a second thread:
findings went missing), so the workers take turns: one runs lint code at a time, and
a lint that has held the turn longer than :data:`QUANTUM` hands it, at its next check
boundary, to the one waiting longest. A slow document then delays another by one of
its checks at most, not by all of them; a single check that runs for long (a
pathological regex, which also holds the GIL) still delays everyone, and the per-post
time budget is what bounds that.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

DEFAULT_WORKERS = 2
QUANTUM = 0.05  # seconds of lint a document may run before it lets a waiting one take a turn

_current = threading.local()  # the cancel event of the lint this thread is running, if any


class Cancelled(Exception):
    """A newer version of the document was submitted (or it was closed): this lint's answer is not wanted."""


class _Turn:
    """Which thread may run lint code: one at a time, handed over first come, first served."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._queue: deque[int] = deque()
        self._tickets = itertools.count()
        self._held = False
        self._since = 0.0

    def acquire(self) -> None:
        with self._changed:
            ticket = next(self._tickets)
            self._queue.append(ticket)
            while self._held or self._queue[0] != ticket:
                self._changed.wait()
            self._queue.popleft()
            self._held, self._since = True, time.monotonic()

    def release(self) -> None:
        with self._changed:
            self._held = False
            self._changed.notify_all()

    def pass_on(self) -> float:
        """Let the longest waiting lint run, if this one has had its quantum; then wait for the turn again.

        Returns the seconds spent waiting (not this post's time: kept out of its time budget).
        """
        with self._changed:
            due = bool(self._queue) and time.monotonic() - self._since >= QUANTUM
        if not due:
            return 0.0
        paused = time.monotonic()
        self.release()
        self.acquire()
        return time.monotonic() - paused


_TURN = _Turn()


def raise_if_cancelled() -> None:
    """Stop the lint running on this thread when its document has moved on (a no-op outside a pool)."""
    event = getattr(_current, "event", None)
    if event is not None and event.is_set():
        raise Cancelled("superseded by a newer version of the document")


def between_checks() -> float:
    """Called by the engine before each check: stop when superseded, else let a waiting document have a turn.

    Returns the seconds this lint waited for its turn again, which its time budget does not count.
    """
    if getattr(_current, "event", None) is None:
        return 0.0  # not in a pool (the command line): nothing to share
    raise_if_cancelled()
    waited = _TURN.pass_on()
    raise_if_cancelled()  # it may have been superseded while it waited
    return waited


@dataclass
class _Job:
    run: Callable[[], Any]
    future: Future[Any] = field(default_factory=Future)
    event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.event.set()


class LintPool:
    """``workers`` threads; per key, one lint running and at most one (the newest) waiting."""

    def __init__(self, workers: int = DEFAULT_WORKERS, name: str = "post-lint-lint") -> None:
        self.workers = max(1, workers)
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix=name)
        self._lock = threading.Lock()
        self._running: dict[Hashable, _Job] = {}
        self._waiting: dict[Hashable, _Job] = {}

    def submit(self, key: Hashable, run: Callable[[], Any]) -> Future[Any]:
        """Lint ``run()`` for document ``key``, superseding any earlier lint of it; its future."""
        job = _Job(run)
        with self._lock:
            self._supersede(key)
            if key in self._running:
                self._waiting[key] = job  # starts when the superseded one has stopped
            else:
                self._start(key, job)
        return job.future

    def cancel(self, key: Hashable) -> None:
        """The document is gone (closed): drop its waiting lint and stop its running one."""
        with self._lock:
            self._supersede(key)

    def shutdown(self) -> None:
        with self._lock:
            for key in list(self._running) + list(self._waiting):
                self._supersede(key)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def busy(self) -> int:
        """Documents with a lint running or waiting (for tests and logs)."""
        with self._lock:
            return len(set(self._running) | set(self._waiting))

    def _supersede(self, key: Hashable) -> None:
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            waiting.cancel()
            waiting.future.set_exception(Cancelled("superseded before it started"))
        running = self._running.get(key)
        if running is not None:
            running.cancel()

    def _start(self, key: Hashable, job: _Job) -> None:
        try:
            self._executor.submit(self._work, key, job)
        except RuntimeError:  # shut down: the server is stopping
            job.future.set_exception(Cancelled("the server is shutting down"))
            return
        self._running[key] = job

    def _work(self, key: Hashable, job: _Job) -> None:
        _current.event = job.event
        _TURN.acquire()
        try:
            raise_if_cancelled()
            result = job.run()
        except BaseException as exc:  # handed to whoever waits on the future
            job.future.set_exception(exc)
        else:
            if job.event.is_set():
                job.future.set_exception(Cancelled("superseded while it ran"))
            else:
                job.future.set_result(result)
        finally:
            _TURN.release()
            _current.event = None
            with self._lock:
                if self._running.get(key) is job:
                    del self._running[key]
                following = self._waiting.pop(key, None)
                if following is not None:
                    self._start(key, following)
