"""Word-list data files beside a check, read once, extended from the user's config.

A word list is one entry a line; ``#`` starts a comment (at the start of a line
or after a space). Files are read once per process; the user's additions are
appended per call, so a config change never needs a cache of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path


@cache
def _read(path: str) -> tuple[str, ...]:
    entries = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return tuple(entries)


def load_word_list(path: str | Path, extra: Iterable[str] = ()) -> list[str]:
    """The entries of a word-list file, then the user's ``extra`` entries."""
    entries = list(_read(str(path)))
    entries.extend(e for e in extra if isinstance(e, str) and e.strip())
    return entries


def word_list(path: str | Path, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """As :func:`load_word_list`, as a tuple (hashable: usable as a key of a compiled-pattern cache)."""
    return tuple(load_word_list(path, extra))


def word_list_sections(path: str | Path) -> dict[str, tuple[str, ...]]:
    """A word list cut into sections by ``[name]`` lines: the entries before the first one are
    under ``""``. Read once per process, as :func:`load_word_list` reads a plain list."""
    return _sections(str(path))


def word_set_sections(path: str | Path) -> dict[str, frozenset[str]]:
    """:func:`word_list_sections` with each section as a set of lower-case entries, for asking
    whether a word (a lemma, a lower-cased token) is listed."""
    return _set_sections(str(path))


@cache
def _set_sections(path: str) -> dict[str, frozenset[str]]:
    return {name: frozenset(w.lower() for w in words) for name, words in _sections(path).items()}


@cache
def _sections(path: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {"": []}
    section = ""
    for entry in _read(path):
        if entry.startswith("[") and entry.endswith("]"):
            section = entry[1:-1]
            found.setdefault(section, [])
        else:
            found[section].append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


def beside(module_file: str, name: str) -> Path:
    """Path of a data file next to a module."""
    return Path(module_file).with_name(name)
