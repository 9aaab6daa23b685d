"""The ``post-lint`` command line.

``post-lint [OPTIONS] [PATHS]...`` lints; ``post-lint init|checks|explain``
and the commands plugins register (``lsp``, ``serve``, ``languagetool``) are
sub-commands. A sub-command's name always wins over a file or folder of that name:
lint such a path as ``./NAME`` or after ``--`` (``post-lint -- lsp``).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__

EXIT_ERROR = 2  # usage, config or input errors; 0 and 1 come from the result (Result.exit_code)
# "lint" is the default command: reachable by name for old scripts, but hidden from the help.
BUILTIN_COMMANDS = ("lint", "init", "checks", "explain", "config", "schema")
_COMMAND_NAME = re.compile(r"[a-z][a-z0-9_-]*")  # what a sub-command may be called; ./NAME never is


def _split(values: tuple[str, ...]) -> list[str]:
    """``--select a,b --select c`` → [a, b, c]."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _complete_checks(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion for --select/--ignore: check names and rule ids, after the last comma."""
    from click.shell_completion import CompletionItem

    from .registry import load_checks

    done, _, current = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    checks, _broken = load_checks()
    names = [c.name for c in checks] + [rule for c in checks for rule in c.declared_rules]
    return [CompletionItem(prefix + name) for name in names if name.startswith(current)]


def _complete_check_name(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    from .registry import BrokenCheck, check_names, load_check

    names = check_names()
    check = load_check(incomplete.split("/", 1)[0]) if "/" in incomplete else None
    if check is not None and not isinstance(check, BrokenCheck):
        names = list(check.declared_rules)  # explain takes a rule id too
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


class _FormatChoice(click.Choice):
    """The installed output formats (the ``post_lint.formats`` entry points), read only when needed."""

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override,unused-ignore]  # click declares a plain attribute; here it is computed
    def choices(self) -> tuple[str, ...]:
        from .reporters import format_names

        return tuple(format_names())

    @choices.setter
    def choices(self, value: Any) -> None:
        pass  # always the registry's


class _PostLintGroup(click.Group):
    """A group whose default command is ``lint``, with plugin commands loaded lazily."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from .registry import command_entry_points

        shown = [name for name in BUILTIN_COMMANDS if name != "lint"]
        return shown + sorted(set(command_entry_points()) - set(BUILTIN_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        from .registry import command_entry_points

        ep = command_entry_points().get(name)
        if ep is None:
            return None
        try:
            return ep.load()
        except Exception as exc:
            raise click.ClickException(f"command '{name}' could not be loaded: {exc}") from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing and not args:
            return super().parse_args(ctx, args)  # shell completion of the first word: see shell_complete
        if not self._names_command(args):
            args = ["lint", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        """The first word: a sub-command, a lint option, or a path (lint is the default command)."""
        from click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        lint = self.commands["lint"]
        if incomplete.startswith("-"):
            lint_ctx = lint.make_context("lint", [], parent=ctx, resilient_parsing=True)
            items += [i for i in lint.shell_complete(lint_ctx, incomplete) if i.value not in {x.value for x in items}]
        else:
            items.append(CompletionItem(incomplete, type="file"))
        return items

    def _names_command(self, args: list[str]) -> bool:
        """Does ``args`` start with a sub-command (rather than lint options or paths)?"""
        if not args:
            return False
        first = args[0]
        if first in self.commands or first == "--version":
            return True
        if first.startswith("-") or not _COMMAND_NAME.fullmatch(first):
            return False  # cheap cases first: plugin commands need the entry points
        # A command name wins over a file or folder of that name (`post-lint lsp` in a folder
        # holding `lsp/` starts the server): lint such a path as ./lsp, or after `--`.
        from .registry import command_entry_points

        return first in command_entry_points()


class _LintContext(click.Context):
    """The default command's context: its usage line and errors say ``post-lint``, not ``post-lint lint``."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


class _LintCommand(click.Command):
    """``post-lint [OPTIONS] [PATHS]...``: its help is the top-level help, so it lists the sub-commands too."""

    context_class = _LintContext

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        if ctx.parent is not None and isinstance(ctx.parent.command, click.Group):
            ctx.parent.command.format_commands(ctx.parent, formatter)
        self.format_epilog(ctx, formatter)


@click.group(cls=_PostLintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="post-lint")
def main() -> None:
    """post-lint: check a social media draft against the city's policy before it is published."""
    _tolerant_output()


def _tolerant_output() -> None:
    # A cp1252 console or redirect cannot encode emoji: escape them rather than die mid-report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")


@main.command(
    "lint",
    cls=_LintCommand,
    hidden=True,
    epilog="Without PATHS: text piped in, else the current folder. "
    "'post-lint COMMAND --help' shows a command's options; 'post-lint --version' the version."
    "\n\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input errors.",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=_FormatChoice(),
    default="text",
    show_default=True,
    help="Output format (the installed ones: see post_lint.formats).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CHECKS",
    shell_complete=_complete_checks,
    help="Run only these checks or rule ids (comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CHECKS",
    shell_complete=_complete_checks,
    help="Leave out these checks or rule ids (comma-separated).",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of discovering one.")
@click.option(
    "--profile",
    type=click.Choice(["official", "personal"]),
    help="official (default): the city's accounts; personal: an employee's own account.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that makes the exit code 1 [default: error]; never: findings never fail.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (--fail-on never); errors still exit 2.")
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    help="Report only findings at or above this severity (Vale's --minAlertLevel); the rest are counted in a note.",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has, instead of the findings.")
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of stdout (errors still go to stderr).",
)
@click.option(
    "--stdin-filename", metavar="NAME", help="Name for text read from stdin: used for config discovery and in the output."
)
@click.option("--encoding", metavar="CODEC", help="Decode files with this encoding instead of detecting UTF-8/UTF-16.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no progress bar.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal, unless NO_COLOR is set].")
@click.option("--no-cache", is_flag=True, help="Lint everything afresh instead of replaying findings for unchanged posts.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Processes for many files [default: one per core]; one file or stdin is linted in-process.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe suggestions to the files named (never stdin: its fixed text is printed), then report what remains.",
)
@click.option(
    "--diff", is_flag=True, help="Print the safe fixes as a unified diff instead of writing them; exit 1 if there are any."
)
def lint_command(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: str | None,
    profile: str | None,
    fail_on: str | None,
    exit_zero: bool,
    min_severity: str | None,
    statistics: bool,
    output_file: str | None,
    stdin_filename: str | None,
    encoding: str | None,
    quiet: bool,
    color: bool | None,
    no_cache: bool,
    jobs: int | None,
    fix: bool,
    diff: bool,
) -> None:
    """Check social media drafts against the body's policy: files, folders (their .txt and .md posts), '-' for stdin."""
    from .config import ConfigError
    from .reporters import ReportOptions, load_format
    from .runner import Linter

    try:
        output_format = load_format(fmt)
    except LookupError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    try:
        linter = Linter(
            config_file=config_file,
            select=_split(select) or None,
            ignore=_split(ignore),
            profile=profile,
            encoding=encoding,
            fail_on="never" if exit_zero else fail_on,
            cache=not no_cache,
            jobs=jobs or _default_jobs(),
        )
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)

    paths = paths or _default_paths()
    if stdin_filename and "-" not in paths:
        _error("--stdin-filename needs text on stdin ('-' or no path)")
        sys.exit(EXIT_ERROR)

    try:
        result = _lint_with_progress(linter, list(paths), stdin_filename, show=(not quiet and output_format.human))
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)

    fixed_stdin: str | None = None
    if fix or diff:
        fixed_stdin = _fix(linter, result, paths, stdin_filename, encoding, diff=diff, output_file=output_file)
    if min_severity:
        _keep_at_least(result, min_severity)
    use_colour = _want_colour(color) and output_file is None and fixed_stdin is None
    if statistics:
        output = _statistics(result)
    else:
        output = output_format.render(result, ReportOptions(colour=use_colour, quiet=quiet))
    # With stdin and --fix, stdout carries the fixed text and the report goes to stderr (as ruff does).
    _write_report(output, output_file, colour=use_colour, err=fixed_stdin is not None)
    if fixed_stdin is not None:
        click.echo(fixed_stdin, nl=False)
    for problem in result.problems:
        _error(str(problem))
    if result.skipped and not output_format.human:
        for skip in result.skipped:
            click.echo(f"post-lint: warning: check '{skip.check}' did not run: {skip.reason}", err=True)

    # Each document is held to its own config's fail-on (or --fail-on), whatever the argument order.
    sys.exit(result.exit_code)


def _fix(
    linter: Any,
    result: Any,
    paths: tuple[str, ...],
    stdin_filename: str | None,
    encoding: str | None,
    *,
    diff: bool,
    output_file: str | None,
) -> str | None:
    """--fix and --diff. --diff prints the diff and exits; --fix writes the files named and returns stdin's fixed text."""
    from .fixes import fix_result, unified_diff, write_fixed
    from .inputs import STDIN, label

    stdin_label = label(STDIN, stdin_filename) if STDIN in paths else None
    config_paths = {name: name for name in result.sources}
    if stdin_label is not None:
        config_paths[stdin_label] = stdin_filename
    fixes = fix_result(linter, result, config_paths)
    changed = [f for f in fixes if f.changed]
    count = sum(f.applied for f in changed)
    if diff:
        text = "".join(unified_diff(f.label, f.before, f.after) for f in changed)
        _write_report(text.rstrip("\n"), output_file, colour=False)
        if changed:
            click.echo(
                f"Would fix {count} problem{'' if count == 1 else 's'} in {len(changed)} file{'' if len(changed) == 1 else 's'}.",
                err=True,
            )
        for problem in result.problems:
            _error(str(problem))
        sys.exit(EXIT_ERROR if result.problems else 1 if changed else 0)
    written = 0
    for f in changed:
        if f.label == stdin_label:
            continue
        why = write_fixed(f.label, f, encoding)
        if why is None:
            written += 1
        else:
            from .model import InputProblem

            result.problems.append(InputProblem(f.label, why))
    if changed:
        result.notes["fixed"] = (
            f"{count} problem{'' if count == 1 else 's'} in {len(changed)} file{'' if len(changed) == 1 else 's'}"
        )
    return next((f.after for f in fixes if f.label == stdin_label), None)


def _write_report(output: str, output_file: str | None, colour: bool, err: bool = False) -> None:
    """The report to --output-file, else stdout."""
    if output_file is not None:
        try:
            Path(output_file).write_text(output + "\n" if output else "", encoding="utf-8")
        except OSError as exc:
            _error(f"{output_file}: cannot write the report ({exc.strerror or exc})")
            sys.exit(EXIT_ERROR)
    elif output:
        click.echo(output, color=colour, err=err)


def _keep_at_least(result: Any, severity: str) -> None:
    """Drop findings below ``severity`` from the report and the exit code, saying how many."""
    from .model import SEVERITY_RANK

    kept = [f for f in result.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[severity]]
    hidden = len(result.findings) - len(kept)
    if hidden:
        result.notes["hidden"] = f"{hidden} finding{'' if hidden == 1 else 's'} below --min-severity {severity}"
    result.findings = kept


def _statistics(result: Any) -> str:
    """ruff's --statistics: one line per rule, most frequent first, then the verdict's gaps."""
    from collections import Counter

    from .reporters import not_checked

    counts = Counter((f.rule, f.severity) for f in result.findings)
    lines = [
        f"{count:>5}  {rule:<32} {severity}" for (rule, severity), count in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    ]
    lines += [f"Not checked: {gap}." for gap in not_checked(result)]
    return "\n".join(lines)


def _lint_with_progress(linter: Any, paths: list[str], stdin_filename: str | None, show: bool) -> Any:
    excluded: list[str] = []
    files, problems = linter.expand(paths, excluded)
    if not (show and len(files) >= 10 and sys.stderr.isatty() and sys.stdout.isatty()):
        result = linter.lint_files(files, problems, stdin_filename=stdin_filename)
    else:
        with click.progressbar(length=len(files), label="Linting", file=sys.stderr) as bar:
            result = linter.lint_files(files, problems, stdin_filename=stdin_filename, progress=bar.update)
    result.excluded += excluded
    return result


def _default_paths() -> tuple[str, ...]:
    """With no path named: stdin when text is piped in, else the current folder."""
    from .inputs import stdin_has_input

    return ("-",) if stdin_has_input() else (".",)


def _default_jobs() -> int:
    from .parallel import default_jobs

    return default_jobs()


def _want_colour(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _error(message: str) -> None:
    from .reporters import terminal_safe  # a file name in the message may hold ESC or CR

    click.echo(f"post-lint: error: {terminal_safe(message)}", err=True)


# -- init, checks, explain ---------------------------------------------


@main.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing .post-lint.toml.")
@click.option("--name", default="", help='The body\'s name, e.g. "City of Maplewood Falls".')
@click.option("--alias", "aliases", multiple=True, help="Another name its staff use for it (repeatable).")
@click.option("--site", default="", help="Its official website.")
@click.option("--domain", "domains", multiple=True, help="Another web domain of its own (repeatable).")
@click.option("--official", "officials", multiple=True, help='An official who may be named, "Mayor Jane Doe" (repeatable).')
@click.option("--contact", "contacts", multiple=True, help="A public phone, e-mail or building address (repeatable).")
@click.option("--partner", "partners", multiple=True, help='A community partner, "Name: alias, alias" (repeatable).')
@click.option("--word", "words", multiple=True, help="A local word that is not a misspelling (repeatable).")
@click.option("--policy-title", default="", help="The title of its social media policy.")
@click.option("--policy-link", default="", help="Where staff can read the policy.")
@click.option("--section", "sections", multiple=True, help='Rename a cited section: "V. Rules of Use=4. Conduct" (repeatable).')
@click.option("--clause", "clauses", multiple=True, help='Its clause for a check: "emoji=Use emoji sparingly." (repeatable).')
@click.option("--no-input", is_flag=True, help="Never ask, even on a terminal (asked only on a terminal anyway).")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def init_command(force: bool, folder: str, no_input: bool, **given: Any) -> None:
    """Write a complete, commented .post-lint.toml for your public body (asks on a terminal)."""
    from . import init
    from .registry import check_names, load_checks

    target = Path(folder) / ".post-lint.toml"
    if target.is_symlink() and not target.exists():
        # Writing would create the file the link points to, wherever that is.
        _error(f"{target} is a symbolic link to {os.readlink(target)}, which does not exist; remove the link first")
        sys.exit(EXIT_ERROR)
    if target.exists() and not force:
        _error(f"{target} already exists; pass --force to overwrite it")
        sys.exit(EXIT_ERROR)
    try:
        answers = init.Answers(
            name=given["name"],
            aliases=list(given["aliases"]),
            site=given["site"],
            domains=list(given["domains"]),
            officials=list(given["officials"]),
            contacts=list(given["contacts"]),
            partners=list(given["partners"]),
            vocabulary=list(given["words"]),
            policy_title=given["policy_title"],
            policy_link=given["policy_link"],
            sections=init.parse_pairs(given["sections"], "--section"),
            clauses=init.parse_pairs(given["clauses"], "--clause"),
        )
        init.known_checks(answers.clauses, check_names())
    except ValueError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    checks, _broken = load_checks()
    if not no_input and sys.stdin.isatty() and sys.stdout.isatty():
        answers = init.ask(answers, checks, click.prompt, click.confirm)
    try:
        target.write_text(init.render(answers, checks), encoding="utf-8")
    except OSError as exc:
        _error(f"{target}: cannot write ({exc.strerror or exc})")
        sys.exit(EXIT_ERROR)
    click.echo(
        f"Wrote {target}. Check [body] and [policy] (your clauses under [policy.clauses]), "
        "then run post-lint; `post-lint explain CHECK` shows the clause each check cites."
    )


@main.command("checks")
@click.option(
    "--rules",
    is_flag=True,
    help="Also list each check's rule ids (with why and what instead), and the rules the config declares.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Read declared rules and the policy's section titles from this config file instead of the one found from here.",
)
def checks_command(rules: bool, config_file: str | None) -> None:
    """List every installed check: name, default severity, the policy section it enforces, description."""
    from .config import ConfigError
    from .registry import load_checks

    checks, broken = load_checks()
    listed: dict[str, dict[str, str]] = {}
    # The section titles are the adopting body's ([policy] sections and clauses), and rules a
    # config declares ([[custom.rule]]) are known only once it is read.
    try:
        config = _listing_config(config_file)
        if rules:
            listed = {check.name: _rules_of(check, config) for check in checks}
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    label = str(config.path) if config.path else ""
    sections = {check.name: check.citation(config.facts).section for check in checks}
    width = max((len(c.name) for c in checks), default=10)
    section_width = max([24, *(len(s) for s in sections.values())])
    for check in checks:
        click.echo(f"{check.name:<{width}}  {check.severity:<7}  {sections[check.name]:<{section_width}}  {check.description}")
        for rule_id, what in listed.get(check.name, {}).items():
            click.echo(f"{'':<{width}}    {rule_id}: {what}")
            info = check.rule_info.get(rule_id)
            for label_, text in (("why", info.why), ("instead", info.fix)) if info is not None else ():
                if text:
                    click.echo(f"{'':<{width}}        {label_}: {text}")
        if rules and check.configured_rules and len(listed[check.name]) == len(check.declared_rules):
            where = f"in {label}" if label else "(no config file found from here)"
            click.echo(f"{'':<{width}}    no rules declared {where}; see post-lint explain {check.name}")
    for b in broken:
        click.echo(f"{b.name:<{width}}  BROKEN   {b.reason}")
    if broken:
        sys.exit(EXIT_ERROR)


@main.command("explain")
@click.argument("name", shell_complete=_complete_check_name)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Read declared rules from this config file instead of the one found from here.",
)
def explain_command(name: str, config_file: str | None) -> None:
    """What a check looks for, the policy clause it enforces, examples and config keys.

    NAME may be a rule id (emoji/density): what it flags, why that is bad, what to write instead.
    """
    from .config import ConfigError
    from .docs import explain
    from .registry import check_names, load_check

    check = load_check(name.split("/", 1)[0])
    from .api import Check

    if not isinstance(check, Check):
        import difflib

        close = difflib.get_close_matches(name, check_names(), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        _error(f"unknown check '{name}' ({check.reason}){hint}; 'post-lint checks' lists them")
        sys.exit(EXIT_ERROR)
    try:
        config = _listing_config(config_file)  # its [policy] is what the check cites here
        declared = _rules_of(check, config) if check.configured_rules is not None else {}
    except ConfigError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    citation = check.citation(config.facts)
    if "/" in name:  # one rule: what it flags, why, what instead
        click.echo(_explain_rule(check, name, declared, citation))
        return
    if check.configured_rules is None:
        click.echo(explain(check, citation=citation))
        return
    configured = {rule: what for rule, what in declared.items() if rule not in check.declared_rules}
    click.echo(explain(check, configured=configured, source=str(config.path) if config.path else "", citation=citation))


def _explain_rule(check: Any, name: str, configured: dict[str, str], citation: Any) -> str:
    """``post-lint explain emoji/density``: the rule's page; an unknown id exits 2 with the closest."""
    import difflib

    from .api import RuleInfo, rule_under
    from .docs import explain_rule

    infos = dict(check.rule_info)
    for rule, summary in configured.items():  # a config's own rules ([[custom.rule]]): summaries only
        infos.setdefault(rule, RuleInfo(rule, summary))
    found = rule_under(name, infos)
    if found is None:
        close = difflib.get_close_matches(name, list(infos), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        _error(f"check {check.name} has no rule '{name}'{hint}; 'post-lint explain {check.name}' lists its rules")
        sys.exit(EXIT_ERROR)
    return explain_rule(check, infos[found], citation)


@main.command("config")
@click.argument("path", default=".", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of discovering one.")
@click.option(
    "--select",
    multiple=True,
    metavar="CHECKS",
    shell_complete=_complete_checks,
    help="As for linting: shown as set by the command line.",
)
@click.option("--ignore", multiple=True, metavar="CHECKS", shell_complete=_complete_checks, help="As for linting.")
@click.option("--profile", type=click.Choice(["official", "personal"]), help="As for linting.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help="As for linting.")
def config_command(
    path: str,
    fmt: str,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    fail_on: str | None,
) -> None:
    """The effective settings for a post or a folder's posts, and where each came from.

    Every check's options and severity, select, ignore, profile and fail-on, the [body] and
    [policy] facts, each with its source: default, a config file and table, the command line,
    or (for a post) its front matter and consents.toml.
    """
    from .config import ConfigError
    from .document import InputError
    from .effective import effective, render_json, render_text

    try:
        report = effective(
            path,
            config_file=config_file,
            select=_split(select) or None,
            ignore=_split(ignore),
            profile=profile,
            fail_on=fail_on,
        )
    except (ConfigError, InputError) as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(render_json(report) if fmt == "json" else render_text(report))


@main.command("schema")
def schema_command() -> None:
    """Print a JSON Schema for .post-lint.toml, from the installed checks' options (for editors)."""
    from .schema import render

    click.echo(render(), nl=False)


def _listing_config(config_file: str | None) -> Any:
    """The config whose declared rules ``checks --rules`` and ``explain`` list: --config, else the one found here."""
    from .config import discover, read_config_file, validate_top_level
    from .plan import declared_rules
    from .registry import check_names

    config = read_config_file(Path(config_file)) if config_file else discover(Path.cwd())
    validate_top_level(config, check_names(), declared_rules)
    return config


def _rules_of(check: Any, config: Any) -> dict[str, str]:
    """A check's rules, with those its table in ``config`` declares (validated: ConfigError)."""
    if check.configured_rules is None or config is None:
        return check.declared_rules
    from .config import resolve_options

    options, _severity = resolve_options(config, check)
    return check.rules_for(options)


if __name__ == "__main__":
    main()
