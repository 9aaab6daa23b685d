"""Big data files read once, then kept as marshal in the user's cache folder.

A cold run reads several data files whose parsing costs more than the reading: the
spelling dictionary (160,000 words of gzipped JSON), the census name lists, 2.5 MB of
learned-model JSON. What they turn into is plain data (dicts, lists, strings, numbers),
which :mod:`marshal` stores and loads several times faster than JSON or text is parsed.

Each entry is keyed on the path, size and modification time of the files it was built
from (as Python keys its bytecode), on a version the caller bumps when it changes what
it builds, and on the interpreter (marshal's format is the interpreter's). A stale, torn
or unreadable entry is built afresh; a cache folder that cannot be written (a read-only
home) only costs the speed. ``POST_LINT_NO_CACHE=1`` reads and writes none.
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


def _key(sources: Iterable[str | os.PathLike[str]], version: int) -> str:
    parts = [f"v{version}", sys.version, str(marshal.version)]
    for source in sources:
        stat = os.stat(source)
        parts.append(f"{os.fspath(source)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def cached(name: str, sources: Iterable[str | os.PathLike[str]], build: Callable[[], T], version: int = 1) -> T:
    """What ``build()`` returns for the current ``sources``, from the cache when they are unchanged.

    ``build`` must return data marshal can store (no objects of its own classes); ``name``
    names the entry (a file in the cache folder, one per name and set of sources).
    """
    if os.environ.get("POST_LINT_NO_CACHE"):
        return build()
    try:
        key = _key(sources, version)
    except OSError:
        return build()  # a source is missing: build() says what that means
    import zlib  # built in: cheaper than hashlib at start

    path = cache_dir() / "data" / f"{name}-{zlib.crc32(key.encode()):08x}.marshal"
    try:
        stored_key, data = marshal.loads(path.read_bytes())
        if stored_key == key:
            return data  # type: ignore[no-any-return,unused-ignore]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((key, data)))  # type: ignore[arg-type]  # T is marshal's kind of data
        os.replace(tmp, path)
    except (OSError, ValueError):  # read-only home; or data marshal cannot store (a bug, but not the user's problem)
        pass
    return data
