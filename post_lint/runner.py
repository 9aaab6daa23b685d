"""The engine: resolve config, parse each input once, run the checks, collect results.

This is the Python API the CLI, the language server and the web page share::

    from post_lint import Linter
    result = Linter().lint_text("We ❤️ our volunteers!", path="drafts/post.md")
    for finding in result.findings:
        print(finding.line, finding.column, finding.message)
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import registry
from .api import Check, Context, SkipCheck
from .config import (
    DEFAULT_INCLUDE,
    DEFAULT_MAX_FILE_SIZE,
    Config,
    ConfigError,
    discover,
    front_matter_settings,
    read_config_file,
    resolve_options,
    validate_names,
    validate_top_level,
)
from .document import InputError, decode, parse
from .model import SEVERITY_RANK, Document, Finding

STDIN = "-"


@dataclass(frozen=True)
class Skipped:
    """A check that did not run, and why; never silent."""

    check: str
    reason: str
    path: str = ""

    def to_dict(self) -> dict[str, str]:
        data = {"check": self.check, "reason": self.reason}
        if self.path:
            data["path"] = self.path
        return data


@dataclass(frozen=True)
class InputProblem:
    """A file (or config) that could not be read or parsed properly: exit code 2."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    files: int = 0
    checks_run: set[str] = field(default_factory=set)
    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for snippets
    # path -> the lowest severity that fails it, from that document's own config (or --fail-on)
    fail_on: dict[str, str] = field(default_factory=dict)

    def extend(self, other: Result) -> None:
        self.findings += other.findings
        self.skipped += [s for s in other.skipped if s not in self.skipped]
        self.problems += other.problems
        self.notes.update(other.notes)
        self.files += other.files
        self.checks_run |= other.checks_run
        self.sources.update(other.sources)
        self.fail_on.update(other.fail_on)

    def failing(self, fail_on: str | None = None) -> list[Finding]:
        """Findings at or above ``fail_on``, or else at or above each document's own threshold."""
        return [
            f for f in self.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on or self.fail_on.get(f.path, "error")]
        ]

    @property
    def exit_code(self) -> int:
        """2 when an input or config could not be read, 1 when a document fails its threshold, else 0."""
        if self.problems:
            return 2
        return 1 if self.failing() else 0


@dataclass
class _Job:
    """One parsed input and everything resolved for it."""

    doc: Document
    checks: list[Check]
    rule_filter: dict[str, set[str]]  # check -> the only rule ids kept (rule-level select)
    ignored_rules: set[str]
    profile: str
    config: Config
    settings: dict[str, tuple[dict[str, Any], str]]
    fail_on: str = "error"


class Linter:
    """Lints texts and files; holds per-process caches (configs, spaCy model)."""

    def __init__(
        self,
        *,
        config_file: str | os.PathLike[str] | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        profile: str | None = None,
        encoding: str | None = None,
        fail_on: str | None = None,
        cache: bool = False,
    ) -> None:
        self.installed = registry.check_names()
        self.select = list(select) if select else None
        self.ignore = list(ignore)
        self.profile = profile
        self.encoding = encoding
        self._fail_on = fail_on
        self._validated: set[Path | None] = set()
        self.cache = None
        if cache:
            from .cache import FindingsCache

            self.cache = FindingsCache.default()
        self.explicit_config = read_config_file(Path(config_file)) if config_file else None
        if self.select:
            validate_names("--select", "select", self.select, self.installed)
        if self.ignore:
            validate_names("--ignore", "ignore", self.ignore, self.installed)
        if self.explicit_config:
            self._validate(self.explicit_config)

    # -- config --------------------------------------------------------
    def config_for(self, path: str | None) -> Config:
        if self.explicit_config is not None:
            return self.explicit_config
        folder = Path(path).parent if path and path != STDIN else Path.cwd()
        config = discover(folder)
        self._validate(config)
        return config

    def _validate(self, config: Config) -> None:
        if config.path in self._validated:
            return
        validate_top_level(config, self.installed)
        # Tables of checks that will not run are validated when they do: loading
        # every check to validate its table would cost --select emoji its startup.
        only = {name.split("/", 1)[0] for name in self.select} if self.select else None
        for name, value in config.data.items():
            if isinstance(value, dict) and name != "body" and (only is None or name in only):
                check = registry.load_check(name)
                if isinstance(check, Check):
                    resolve_options(config, check)
        self._validated.add(config.path)

    def fail_on(self, path: str | None = None) -> str:
        if self._fail_on:
            return self._fail_on
        try:
            return self.config_for(path).get("fail-on", "error")
        except ConfigError:
            return "error"

    # -- inputs --------------------------------------------------------
    def expand(self, paths: Iterable[str]) -> tuple[list[str], list[InputProblem]]:
        """Files to lint for the given paths; folders are searched for posts."""
        files: list[str] = []
        problems: list[InputProblem] = []
        for raw in paths:
            if raw == STDIN:
                files.append(raw)
                continue
            path = Path(raw)
            if path.is_dir():
                found = self._walk(path)
                if not found:
                    problems.append(InputProblem(raw, "folder holds no posts (no file matches the include patterns)"))
                files += found
            elif path.is_symlink() and not path.exists():
                problems.append(InputProblem(raw, f"broken symbolic link (points to {os.readlink(path)})"))
            elif not path.exists():
                problems.append(InputProblem(raw, "no such file or folder"))
            else:
                files.append(raw)
        return files, problems

    def _walk(self, folder: Path) -> list[str]:
        config = self.config_for(str(folder / "_"))
        include = config.get("include", DEFAULT_INCLUDE)
        exclude = config.get("exclude", [])
        root = config.root or Path.cwd()
        found = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
            for name in sorted(filenames):
                full = Path(dirpath) / name
                if not any(fnmatch.fnmatch(name, pattern) for pattern in include):
                    continue
                if _excluded(full, root, exclude):
                    continue
                found.append(str(full))
        return found

    def read(self, path: str, stdin_filename: str | None = None) -> tuple[str, str]:
        """(label, text) of an input; raises InputError."""
        label = (stdin_filename or "<stdin>") if path == STDIN else path
        config = self.config_for(stdin_filename if path == STDIN else path)
        limit = config.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
        if path == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            if os.path.islink(path) and not os.path.exists(path):
                raise InputError(f"broken symbolic link (points to {os.readlink(path)})")
            try:
                size = os.stat(path).st_size
                if size > limit:
                    raise InputError(
                        f"file is {size:,} bytes, over the {limit:,}-byte limit; raise 'max-file-size' in the config to lint it"
                    )
                with open(path, "rb") as handle:
                    data = handle.read(limit + 1)
            except PermissionError:
                raise InputError("permission denied: cannot read the file") from None
            except IsADirectoryError:
                raise InputError("is a folder") from None
            except OSError as exc:
                raise InputError(f"cannot read the file ({exc.strerror or exc})") from None
        if len(data) > limit:
            raise InputError(f"input is over the {limit:,}-byte limit; raise 'max-file-size' in the config")
        return label, decode(data, self.encoding)

    # -- linting -------------------------------------------------------
    def lint_paths(
        self,
        paths: Iterable[str],
        *,
        stdin_filename: str | None = None,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 256,
    ) -> Result:
        files, problems = self.expand(paths)
        return self.lint_files(files, problems, stdin_filename=stdin_filename, progress=progress, batch_size=batch_size)

    def lint_files(
        self,
        files: list[str],
        problems: Iterable[InputProblem] = (),
        *,
        stdin_filename: str | None = None,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 256,
    ) -> Result:
        """Lint files already found by :meth:`expand` (``problems`` are its findings about paths)."""
        result = Result()
        result.problems += problems
        batch: list[tuple[str, str, str | None]] = []
        for path in files:
            try:
                label, text = self.read(path, stdin_filename)
            except (InputError, ConfigError) as exc:
                label = (stdin_filename or "<stdin>") if path == STDIN else path
                result.problems.append(InputProblem(label, str(exc)))
                if progress:
                    progress(1)
                continue
            batch.append((text, label, stdin_filename if path == STDIN else path))
            if len(batch) >= batch_size:
                result.extend(self._lint_batch(batch))
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            result.extend(self._lint_batch(batch))
            if progress:
                progress(len(batch))
        return result

    def lint_text(self, text: str, path: str | None = None, *, markdown: bool | None = None) -> Result:
        """Lint one text; ``path`` (need not exist) drives config discovery and the format."""
        return self._lint_batch([(text, path or "<stdin>", path)], markdown=markdown)

    def lint_batch(self, items: Iterable[tuple[str, str]]) -> Result:
        """Lint many (text, path) pairs at once, batched through spaCy.

        Each path names its text in the results, picks Markdown or plain text by
        its suffix, and drives config discovery (unless a config file was given).
        """
        return self._lint_batch([(text, path, path) for text, path in items])

    def _lint_batch(self, items: list[tuple[str, str, str | None]], markdown: bool | None = None) -> Result:
        result = Result()
        jobs: list[tuple[_Job, str | None]] = []
        for text, label, config_path in items:
            try:
                job = self._prepare(text, label, config_path, markdown, result)
            except ConfigError as exc:
                # Config errors already name their file.
                result.problems.append(InputProblem("", str(exc)))
                continue
            result.fail_on[job.doc.path] = job.fail_on
            key = self._cache_key(job) if self.cache is not None else None
            hit = self.cache.get(key, path=job.doc.path) if key else None
            if hit is not None:
                # Unchanged text, config and code: replay, without spaCy or any check.
                result.findings += hit.findings
                result.notes.update(hit.notes)
                result.checks_run |= {c.name for c in job.checks}
                result.sources[job.doc.path] = job.doc.text
            else:
                jobs.append((job, key))
        result.files += len(items)
        self._attach_nlp([job for job, _ in jobs], result)
        for job, key in jobs:
            one = Result()
            cacheable = self._run(job, one)
            if key and cacheable and not one.skipped and not one.problems:
                self.cache.put(key, one.findings, one.notes)
            result.extend(one)
        result.findings.sort(key=lambda f: (f.path, f.offset, f.check, f.rule))
        return result

    def _cache_key(self, job: _Job) -> str | None:
        """The job's cache key, or None when one of its checks must not be replayed."""
        tokens = {}
        for check in job.checks:
            if check.cache_token is not None:
                token = check.cache_token(job.settings[check.name][0])
                if token is None:
                    return None
                tokens[check.name] = token
        # The whole config goes in (not just each check's table): a check may read
        # another's settings, as links reads [personal-data] allow.
        return self.cache.key(
            text=job.doc.text,
            format=job.doc.format,
            checks=job.checks,
            settings={
                **{name: [options, severity, tokens.get(name)] for name, (options, severity) in job.settings.items()},
                " config": job.config.data,
            },
            profile=job.profile,
            rule_filter=job.rule_filter,
            ignored_rules=job.ignored_rules,
            spacy_model=job.config.get("spacy-model"),
        )

    def _prepare(self, text: str, label: str, config_path: str | None, markdown: bool | None, result: Result) -> _Job:
        config = self.config_for(config_path)
        doc, problems = parse(text, label, markdown=markdown)
        result.problems += [InputProblem(label, p) for p in problems]
        front = front_matter_settings(label, doc.front_matter, self.installed) if doc.front_matter else {}
        profile = self.profile or front.get("profile") or config.get("profile", "official")
        select = self.select or front.get("select") or config.get("select") or self.installed
        ignore = set(config.get("ignore", [])) | set(front.get("ignore", [])) | set(self.ignore)
        check_names = []
        rule_filter: dict[str, set[str]] = {}
        for name in select:
            check, _, rule = name.partition("/")
            if check in ignore:
                continue
            if check not in check_names:
                check_names.append(check)
            if rule:
                rule_filter.setdefault(check, set()).add(name)
        # A check named whole in select keeps all its rules.
        for name in select:
            if "/" not in name:
                rule_filter.pop(name, None)
        checks, broken = registry.load_checks(check_names)
        result.skipped += [Skipped(b.name, b.reason) for b in broken if Skipped(b.name, b.reason) not in result.skipped]
        checks = [c for c in checks if profile in c.profiles]
        settings = {c.name: resolve_options(config, c) for c in checks}
        fail_on = self._fail_on or config.get("fail-on", "error")
        return _Job(doc, checks, rule_filter, {i for i in ignore if "/" in i}, profile, config, settings, fail_on)

    def _attach_nlp(self, jobs: list[_Job], result: Result) -> None:
        groups: dict[tuple[str | None, tuple[str, ...]], list[_Job]] = {}
        for job in jobs:
            components = sorted({c for check in job.checks for c in check.nlp})
            if components:
                model = job.config.get("spacy-model")
                groups.setdefault((model, tuple(components)), []).append(job)
        if not groups:
            return
        from . import nlp  # spaCy only when needed

        for (model, components), group in groups.items():
            try:
                docs = nlp.parse_many(model, components, [job.doc.prose for job in group])
            except nlp.ModelUnavailable as exc:
                for job in group:
                    needing = [c for c in job.checks if c.nlp]
                    job.checks = [c for c in job.checks if not c.nlp]
                    for check in needing:
                        skip = Skipped(check.name, str(exc))
                        if skip not in result.skipped:
                            result.skipped.append(skip)
                continue
            for job, spacy_doc in zip(group, docs, strict=True):
                job.doc.nlp = spacy_doc

    def _run(self, job: _Job, result: Result) -> bool:
        """Run the job's checks into ``result``; False when the findings must not be cached."""
        cacheable = True
        doc = job.doc
        result.sources[doc.path] = doc.text
        by_check: dict[str, list[Finding]] = {}
        for check in job.checks:
            options, severity = job.settings[check.name]
            ctx = Context(check, options, severity, job.profile, job.config.facts)
            try:
                found = list(check.run(doc, ctx))
            except SkipCheck as exc:
                skip = Skipped(check.name, str(exc))
                if skip not in result.skipped:
                    result.skipped.append(skip)
                continue
            except Exception as exc:  # a crashing check is reported, and the rest still run
                result.skipped.append(Skipped(check.name, f"crashed: {type(exc).__name__}: {exc}", doc.path))
                result.problems.append(
                    InputProblem(doc.path, f"check '{check.name}' crashed ({type(exc).__name__}: {exc}); please report it")
                )
                continue
            result.checks_run.add(check.name)
            result.notes.update(ctx.notes)
            cacheable = cacheable and ctx.cacheable
            keep = job.rule_filter.get(check.name)
            by_check[check.name] = [
                f for f in found if (keep is None or f.rule in keep) and not _rule_ignored(f.rule, job.ignored_rules)
            ]
        for check in job.checks:
            kept = _without_yielded(check, by_check, doc)
            result.findings += [_place(finding, doc) for finding in kept]
        return cacheable


def _without_yielded(check: Check, by_check: dict[str, list[Finding]], doc: Document) -> list[Finding]:
    """A check's findings less those that yield to a finding of a check that also ran, in the same sentence."""
    found = by_check.get(check.name, [])
    others = [f for name in check.yields_to for f in by_check.get(name, [])]
    if not others or not found:
        return found
    taken = {doc.sentence_at(f.offset) for f in others}
    return [f for f in found if doc.sentence_at(f.offset) not in taken]


def _rule_ignored(rule: str, ignored: set[str]) -> bool:
    return any(rule == i or rule.startswith(i + "/") for i in ignored)


def _place(finding: Finding, doc: Document) -> Finding:
    """Clamp a finding to the text and fill in path, line and column."""
    from dataclasses import replace

    offset = min(max(finding.offset, 0), len(doc.text))
    length = min(finding.length, len(doc.text) - offset)
    line, column = doc.position(offset)
    end_line, end_column = doc.position(offset + length)
    return replace(
        finding,
        path=doc.path,
        offset=offset,
        length=length,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


def _excluded(path: Path, root: Path, patterns: list[str]) -> bool:
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)
