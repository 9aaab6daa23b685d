"""Auditing a large archive on a Dask cluster: the recipe of docs/dask.md.

An archive is JSON Lines files, one post a line: ``{"path": "...", "text": "..."}``
(``path`` names the post in the findings and, by its suffix, picks Markdown or text).
Dask reads the files in partitions; each worker process builds one
:class:`~post_lint.runner.Linter` (and so loads spaCy once) the first time it meets a
partition and keeps it for every later one; each partition is linted with
:meth:`Linter.lint_batch` and comes back as JSON Lines, one finding a line, exactly the
entries of ``post-lint --format json``'s ``findings``. Nothing here distributes work by
itself: scheduling, retries and scale are Dask's (``pip install 'post-lint[dask]'``).

    from dask.distributed import Client
    from post_lint.archive import audit

    with Client("tcp://scheduler:8786"):          # or LocalCluster() on one machine
        audit("archive/*.jsonl", "findings/", config_file="state.post-lint.toml")
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .runner import Linter

# One Linter per worker process and settings: spaCy is loaded once per worker, not per partition.
_LINTERS: dict[tuple[Any, ...], Linter] = {}
LOADS: list[int] = []  # pids of the processes that built a Linter (the test counts them)


def worker_linter(config_file: str | None = None, select: Sequence[str] | None = None, profile: str | None = None) -> Linter:
    """This process's Linter for these settings, built on first use."""
    key = (config_file, tuple(select or ()), profile)
    if key not in _LINTERS:
        # No cache: an archive is linted once, and workers need not share a disk.
        _LINTERS[key] = Linter(config_file=config_file, select=select, profile=profile)
        LOADS.append(os.getpid())
    return _LINTERS[key]


def lint_records(records: Iterable[Mapping[str, str]], **settings: Any) -> list[str]:
    """One partition: findings as JSON lines (``post-lint --format json``'s entries), in the CLI's order."""
    items = [(record["text"], record["path"]) for record in records]
    if not items:
        return []
    result = worker_linter(**settings).lint_batch(items)
    lines = [json.dumps(f.to_dict(), ensure_ascii=False) for f in result.findings]
    # Never a silent all-clear: what could not be read, and checks that did not run, are lines too.
    lines += [json.dumps({"path": p.path, "problem": p.message}, ensure_ascii=False) for p in result.problems]
    lines += [json.dumps({"skipped": s.check, "reason": s.reason}, ensure_ascii=False) for s in result.skipped]
    return lines


def audit(
    archive: str | Sequence[str],
    output: str,
    *,
    config_file: str | None = None,
    select: Sequence[str] | None = None,
    profile: str | None = None,
    blocksize: str | int | None = "64MiB",
) -> list[str]:
    """Lint every post of ``archive`` (JSON Lines files or globs) on the current Dask client.

    Writes ``output/NN.jsonl`` (one file per partition) and returns their names.
    """
    import dask.bag as db

    settings = {"config_file": config_file, "select": tuple(select) if select else None, "profile": profile}
    posts = db.read_text(archive, blocksize=blocksize).map(json.loads)
    found = posts.map_partitions(lint_records, **settings)
    return found.to_textfiles(os.path.join(output, "*.jsonl"))
