"""Inputs: which files a lint covers, and reading each one's text.

Paths on the command line are expanded once (folders walked for the posts their
config includes), then each file is read under its own config's size limit and
decoded (UTF-8, or UTF-16/32 by BOM, or ``--encoding``). Nothing here parses or
lints: a problem with an input is an :class:`~post_lint.model.InputProblem` or
an :class:`~post_lint.document.InputError`, one line each, exit code 2.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, Config, ConfigError, exclude_patterns
from .document import InputError, decode
from .model import InputProblem

STDIN = "-"
STDIN_LABEL = "<stdin>"
_SKIPPED_FOLDERS = ("node_modules", "__pycache__")


def stdin_has_input() -> bool:
    """True when stdin is a pipe or a redirected file (not a terminal or /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def label(path: str, stdin_filename: str | None = None) -> str:
    """How an input is named in findings: its path, or ``--stdin-filename`` for stdin."""
    return (stdin_filename or STDIN_LABEL) if path == STDIN else path


def config_path(path: str, stdin_filename: str | None = None) -> str | None:
    """The path whose folder holds an input's config: stdin has none unless it is named."""
    return stdin_filename if path == STDIN else path


def expand(
    paths: Iterable[str], config_for: Callable[[str | None], Config], excluded: list[str] | None = None
) -> tuple[list[str], list[InputProblem]]:
    """Files to lint for the given paths (folders are searched for posts), and the paths that are not there.

    A file named on the command line is left out when its config excludes it (pre-commit names
    every staged file); it is appended to ``excluded`` so the summary can say so.
    """
    files: list[str] = []
    problems: list[InputProblem] = []
    for raw in paths:
        if raw == STDIN:
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = walk(path, config_for(str(path / "_")), problems)
            if not found:
                problems.append(InputProblem(raw, "folder holds no posts (no file matches the include patterns)"))
            files += found
        elif path.is_symlink() and not path.exists():
            problems.append(InputProblem(raw, f"broken symbolic link (points to {os.readlink(path)})"))
        elif not path.exists():
            problems.append(InputProblem(raw, "no such file or folder"))
        elif _named_file_excluded(path, config_for):
            if excluded is not None:
                excluded.append(raw)
        else:
            files.append(raw)
    return files, problems


def _named_file_excluded(path: Path, config_for: Callable[[str | None], Config]) -> bool:
    try:
        config = config_for(str(path))
    except ConfigError:
        return False  # reported when the file is read, as a problem of that file
    return _excluded(path, config.root or Path.cwd(), exclude_patterns(config))


def walk(folder: Path, config: Config, problems: list[InputProblem] | None = None) -> list[str]:
    """The posts under ``folder`` that ``config``'s include patterns take and its exclude patterns leave.

    Iterative (a folder 1,200 levels deep overflowed os.walk's recursion), never following
    symbolic links to folders (no loops), and only regular files: a FIFO would block the run
    forever, a symlink loop cannot be read. What is passed over is named in ``problems``.
    """
    include = config.get("include", DEFAULT_INCLUDE)
    exclude = exclude_patterns(config)
    root = config.root or Path.cwd()
    found = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                problems.append(InputProblem(str(current), f"cannot read the folder ({exc.strerror or exc})"))
            continue
        folders = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith(".") and entry.name not in _SKIPPED_FOLDERS:
                        folders.append(current / entry.name)  # Path joins: "drafts/x", not "./drafts/x"
                    continue
            except OSError:
                pass
            if not any(fnmatch.fnmatch(entry.name, pattern) for pattern in include):
                continue
            full = current / entry.name
            why = _not_a_post_file(str(full))
            if why:
                if problems is not None:
                    problems.append(InputProblem(str(full), why))
            elif not _excluded(full, root, exclude):
                found.append(str(full))
        stack.extend(reversed(folders))  # depth first, in name order, as os.walk gave them
    return found


def _not_a_post_file(path: str) -> str | None:
    """Why a file found in a folder cannot be read as a post, or None when it can."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            if exc.errno == errno.ELOOP:
                return "symbolic link loop: skipped"
            return f"broken symbolic link (points to {os.readlink(path)})"
        return f"cannot read the file ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "symbolic link to a folder: not followed"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device): skipped"
    return None


def read(path: str, config: Config, encoding: str | None = None) -> str:
    """The decoded text of a file (or of stdin for ``-``); raises InputError."""
    limit = config.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    data = sys.stdin.buffer.read(limit + 1) if path == STDIN else _read_file(path, limit)
    if len(data) > limit:
        raise InputError(f"input is over the {limit:,}-byte limit; raise 'max-file-size' in the config")
    return decode(data, encoding)


def _read_file(path: str, limit: int) -> bytes:
    if os.path.islink(path) and not os.path.exists(path):
        raise InputError(f"broken symbolic link (points to {os.readlink(path)})")
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise InputError(
                f"file is {size:,} bytes, over the {limit:,}-byte limit; raise 'max-file-size' in the config to lint it"
            )
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except PermissionError:
        raise InputError("permission denied: cannot read the file") from None
    except IsADirectoryError:
        raise InputError("is a folder") from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})") from None


def _excluded(path: Path, root: Path, patterns: list[str]) -> bool:
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except (ValueError, RuntimeError, OSError):  # RuntimeError: a symlink loop (Python < 3.13)
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)
