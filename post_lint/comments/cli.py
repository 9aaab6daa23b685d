"""``post-lint comments``: triage the public's comments against the policy's list of what staff may hide."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

EXIT_ERROR = 2


def _error(message: str) -> None:
    click.echo(f"post-lint: error: {message}", err=True)


@click.command(
    "comments",
    epilog="Verdicts: keep, review (a person decides), hide. Exit codes: 0 nothing to hide or review, "
    "1 something to hide or review, 2 usage, config or input errors.",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "sarif"]),
    default="text",
    show_default=True,
    help="Output format; csv is the input's columns plus verdict and reasons.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "csv", "jsonl"]),
    default="auto",
    show_default=True,
    help="How the export is written (auto: by the file's extension, else by its content).",
)
@click.option("--id-column", metavar="NAME", help="Column or key holding the comment's id [default: id].")
@click.option("--author-column", metavar="NAME", help="Column or key holding the author [default: author].")
@click.option("--text-column", metavar="NAME", help="Column or key holding the comment [default: text].")
@click.option("--post-column", metavar="NAME", help="Column or key holding the text of the post it answers [default: post].")
@click.option(
    "--post",
    "post_file",
    type=click.Path(dir_okay=False),
    help="A file holding the post every comment answers (for exports without a post column).",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of discovering one.")
@click.option("--ignore", multiple=True, metavar="CHECKS", help="Leave out these checks or rule ids (comma-separated).")
@click.option("--encoding", metavar="CODEC", help="Decode exports with this encoding instead of detecting UTF-8/UTF-16.")
@click.option("--all", "show_kept", is_flag=True, help="Text format: list the comments to keep too.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal, unless NO_COLOR is set].")
@click.option("--no-cache", is_flag=True, help="Judge every comment afresh instead of replaying findings for unchanged ones.")
def command(
    paths: tuple[str, ...],
    fmt: str,
    input_format: str,
    id_column: str | None,
    author_column: str | None,
    text_column: str | None,
    post_column: str | None,
    post_file: str | None,
    config_file: str | None,
    ignore: tuple[str, ...],
    encoding: str | None,
    show_kept: bool,
    color: bool | None,
    no_cache: bool,
) -> None:
    """Triage the public's comments: keep, review or hide, each reason citing the policy.

    Reads CSV or JSON Lines exports (one comment a row: id, author, text and, where
    known, post, the text of the post it answers), or '-' for stdin.
    """
    from ..config import ConfigError
    from . import triage
    from .report import render

    if not paths:
        from ..inputs import stdin_has_input

        if not stdin_has_input():
            _error("no export given: name a CSV or JSON Lines file, or pipe one in ('-')")
            sys.exit(EXIT_ERROR)
        paths = ("-",)
    columns = {"id": id_column, "author": author_column, "text": text_column, "post": post_column}
    post = _read_post(post_file, encoding) if post_file else ""
    linter = _linter(config_file, ignore, no_cache)
    exports, fatal = _read_exports(paths, input_format, columns, encoding, post)
    # The config is the one found from the (first) export's folder, as for a draft there.
    where = next((p for p in paths if p != "-"), None)
    try:
        result = triage(linter, exports, config_path=where)
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    result.problems = fatal + result.problems

    use_colour = color if color is not None else (not os.environ.get("NO_COLOR") and sys.stdout.isatty())
    header: list[str] = []
    for export in exports:
        header += [c for c in export.columns if c not in header]
    output = render(result, fmt, colour=use_colour, show_kept=show_kept, columns=header)
    if output:
        click.echo(output, color=use_colour)
    for problem in result.problems:
        _error(problem)
    if fmt != "text":
        for skip in result.skipped:
            click.echo(f"post-lint: warning: check '{skip.check}' did not run: {skip.reason}", err=True)
    sys.exit(result.exit_code)


def _read_post(post_file: str, encoding: str | None) -> str:
    try:
        return Path(post_file).read_text(encoding=encoding or "utf-8")
    except (OSError, UnicodeDecodeError, LookupError) as exc:
        _error(f"{post_file}: cannot read the post ({getattr(exc, 'strerror', None) or exc})")
        sys.exit(EXIT_ERROR)


def _linter(config_file: str | None, ignore: tuple[str, ...], no_cache: bool) -> Any:
    from ..api import COMMENTS
    from ..config import ConfigError
    from ..runner import Linter

    try:
        return Linter(
            profile=COMMENTS,
            config_file=config_file,
            ignore=[i.strip() for value in ignore for i in value.split(",") if i.strip()],
            cache=not no_cache,
        )
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)


def _read_exports(
    paths: tuple[str, ...], input_format: str, columns: dict[str, str | None], encoding: str | None, post: str
) -> tuple[list[Any], list[str]]:
    """The exports that could be read, and one line for each that could not."""
    from ..document import InputError
    from . import read_export

    exports, fatal = [], []
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            exports.append(read_export(data, name, fmt=input_format, columns=columns, encoding=encoding, post=post))
        except InputError as exc:
            fatal.append(f"{name}: {exc}")
        except IsADirectoryError:
            fatal.append(f"{name}: is a folder; name the export file")
        except FileNotFoundError:
            fatal.append(f"{name}: no such file")
        except OSError as exc:
            fatal.append(f"{name}: cannot read the file ({exc.strerror or exc})")
    return exports, fatal
