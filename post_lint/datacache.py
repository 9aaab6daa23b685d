"""Big data files read once, then kept as marshal in the user's cache folder.

A cold run reads several data files whose parsing costs more than the reading: the
spelling dictionary (160,000 words of gzipped JSON), the census name lists, 2.5 MB of
learned-model JSON. What they turn into is plain data (dicts, lists, strings, numbers),
which :mod:`marshal` stores and loads several times faster than JSON or text is parsed.

Each entry is keyed on the path, size and modification time of the files it was built
from (as Python keys its bytecode), on a version the caller bumps when it changes what
it builds, and on the interpreter (marshal's format is the interpreter's). A stale, torn
or unreadable entry is built afresh and written over the old one (one file per name and
set of source paths, at most :data:`KEEP` per name); a cache folder that cannot be
written (a read-only home) only costs the speed. ``POST_LINT_NO_CACHE=1`` reads and
writes none.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """post-lint's folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "post-lint"


def _key(sources: list[str], version: int) -> str:
    parts = [f"v{version}", sys.version, str(marshal.version)]
    for source in sources:
        stat = os.stat(source)
        parts.append(f"{source}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


# Entries kept per name: one per set of source files (an install, a checkout); a changed file
# overwrites its own entry, and the oldest entries beyond this are removed.
KEEP = 16


def cached(name: str, sources: Iterable[str | os.PathLike[str]], build: Callable[[], T], version: int = 1) -> T:
    """What ``build()`` returns for the current ``sources``, from the cache when they are unchanged.

    ``build`` must return data marshal can store (no objects of its own classes); ``name``
    names the entry (a file in the cache folder, one per name and set of source files).
    """
    if os.environ.get("POST_LINT_NO_CACHE"):
        return build()
    paths = [os.fspath(source) for source in sources]
    try:
        key = _key(paths, version)
    except OSError:
        return build()  # a source is missing: build() says what that means
    import zlib  # built in: cheaper than hashlib at start

    folder = cache_dir() / "data"
    path = folder / f"{name}-{zlib.crc32(chr(0).join(paths).encode()):08x}.marshal"
    try:
        stored_key, data = marshal.loads(path.read_bytes())
        if stored_key == key:
            return data  # type: ignore[no-any-return,unused-ignore]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((key, data)))  # type: ignore[arg-type]  # T is marshal's kind of data
        os.replace(tmp, path)
        _prune(folder, name)
    except (OSError, ValueError):  # read-only home; or data marshal cannot store (a bug, but not the user's problem)
        pass
    return data


def _prune(folder: Path, name: str) -> None:
    """Keep the :data:`KEEP` most recently written entries of ``name`` (tests and checkouts come and go)."""
    entries = sorted(folder.glob(f"{name}-*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
