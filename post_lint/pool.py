"""A bounded pool of lint workers with per-document cancellation, for ``serve`` and ``lsp``.

Each lint is submitted under a key (a document: an LSP uri, or the page's document
id in ``serve``). At most one lint per key runs at a time; a newer submission for
the same key replaces the one still waiting (its future fails with
:class:`Cancelled`) and asks the running one to stop: the engine looks at the
request between checks (:func:`raise_if_cancelled`, called by
:func:`post_lint.run.run`), since a running check cannot be interrupted
in-process. Different keys run side by side on up to ``workers`` threads, so one
slow document does not hold back the others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

DEFAULT_WORKERS = 2

_current = threading.local()  # the cancel event of the lint this thread is running, if any


class Cancelled(Exception):
    """A newer version of the document was submitted (or it was closed): this lint's answer is not wanted."""


def raise_if_cancelled() -> None:
    """Stop the lint running on this thread when its document has moved on (a no-op outside a pool)."""
    event = getattr(_current, "event", None)
    if event is not None and event.is_set():
        raise Cancelled("superseded by a newer version of the document")


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
            _current.event = None
            with self._lock:
                if self._running.get(key) is job:
                    del self._running[key]
                following = self._waiting.pop(key, None)
                if following is not None:
                    self._start(key, following)
