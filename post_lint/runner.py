"""The engine: inputs in, one plan per document, spaCy once, the checks, one result out.

This is the Python API the CLI, the language server and the web page share::

    from post_lint import Linter
    result = Linter().lint_text("We ❤️ our volunteers!", path="drafts/post.md")
    for finding in result.findings:
        print(finding.line, finding.column, finding.message)

Each job lives in its own module and :class:`Linter` only wires them:
:mod:`post_lint.inputs` finds and reads files, :mod:`post_lint.plan` decides
per document what runs (from that document's own config), :mod:`post_lint.run`
runs it, and :mod:`post_lint.cache` owns the findings cache and its key.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import inputs, parallel, registry
from .config import Config, ConfigError, read_config_file
from .document import MARKDOWN_SUFFIXES, InputError, parse
from .inputs import STDIN, STDIN_LABEL
from .model import InputProblem, Result, Skipped
from .plan import Configs, Overrides, Plan, plan
from .run import attach_nlp, run

__all__ = ["STDIN", "InputProblem", "Linter", "Result", "Skipped"]  # the model's types, re-exported as before


@dataclass(frozen=True)
class _Item:
    """One text to lint: its name in the results, and the path its config is discovered from."""

    text: str
    label: str
    config_path: str | None
    markdown: bool | None = None
    reply_to: str = ""  # for a comment: the text of the post it answers


class Linter:
    """Lints texts and files; holds per-process caches (configs, spaCy model).

    ``config`` (a :class:`~post_lint.config.Config`) or ``config_file`` applies one
    config to every document; without either, each document's config is
    discovered upward from its path.
    """

    def __init__(
        self,
        *,
        config: Config | None = None,
        config_file: str | os.PathLike[str] | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        profile: str | None = None,
        encoding: str | None = None,
        fail_on: str | None = None,
        cache: bool = False,
        jobs: int = 1,
    ) -> None:
        if config is not None and config_file is not None:
            raise ValueError("pass config or config_file, not both")
        self.installed = registry.check_names()
        self.overrides = Overrides(tuple(select) if select else None, tuple(ignore), profile, fail_on)
        self.encoding = encoding
        self.jobs = jobs  # processes for many files (see post_lint.parallel); 1: all in this one
        self.cache = None
        if cache:
            from .cache import FindingsCache

            self.cache = FindingsCache.default()
        given = read_config_file(Path(config_file)) if config_file else config
        self.overrides.validate(self.installed)
        self.configs = Configs(self.installed, self.overrides, given)

    # -- config --------------------------------------------------------
    @property
    def explicit_config(self) -> Config | None:
        """The config every document gets, when one was given."""
        return self.configs.given

    @explicit_config.setter
    def explicit_config(self, config: Config | None) -> None:
        # Kept for callers that swap the config of a warm Linter. As before, it is not validated
        # here: a bad table is reported as an input problem when a document is linted.
        self.configs.given = config

    def config_for(self, path: str | None) -> Config:
        """The config for a post at ``path`` (which need not exist); raises ConfigError."""
        return self.configs.for_path(path)

    def fail_on(self, path: str | None = None) -> str:
        """The lowest severity that fails a post at ``path``: --fail-on, else its config's."""
        if self.overrides.fail_on:
            return self.overrides.fail_on
        try:
            return self.config_for(path).get("fail-on", "error")
        except ConfigError:
            return "error"

    # -- inputs --------------------------------------------------------
    def expand(self, paths: Iterable[str], excluded: list[str] | None = None) -> tuple[list[str], list[InputProblem]]:
        """Files to lint for the given paths; folders are searched for posts.

        Named files their config excludes are left out and appended to ``excluded``.
        """
        return inputs.expand(paths, self.config_for, excluded)

    def read(self, path: str, stdin_filename: str | None = None) -> tuple[str, str]:
        """(label, text) of an input; raises InputError or ConfigError."""
        config = self.config_for(inputs.config_path(path, stdin_filename))
        return inputs.label(path, stdin_filename), inputs.read(path, config, self.encoding)

    # -- linting -------------------------------------------------------
    def lint_paths(
        self,
        paths: Iterable[str],
        *,
        stdin_filename: str | None = None,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 256,
    ) -> Result:
        excluded: list[str] = []
        files, problems = self.expand(paths, excluded)
        result = self.lint_files(files, problems, stdin_filename=stdin_filename, progress=progress, batch_size=batch_size)
        result.excluded += excluded
        return result

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
        if parallel.worth_forking(self.jobs, len(files)):
            events = self._read_batches(files, stdin_filename, batch_size)
            result = parallel.lint_events(self, events, self.jobs, progress)
            result.problems[:0] = list(problems)
            return result
        result = Result()
        result.problems += problems
        batch: list[_Item] = []
        for path in files:
            try:
                label, text = self.read(path, stdin_filename)
            except (InputError, ConfigError) as exc:
                result.problems.append(InputProblem(inputs.label(path, stdin_filename), str(exc)))
                if progress:
                    progress(1)
                continue
            batch.append(_Item(text, label, inputs.config_path(path, stdin_filename)))
            if len(batch) >= batch_size:
                result.extend(self._lint_items(batch))
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            result.extend(self._lint_items(batch))
            if progress:
                progress(len(batch))
        return result

    def _read_batches(self, files: list[str], stdin_filename: str | None, batch_size: int) -> list[InputProblem | list[_Item]]:
        """Read problems and batches of texts, in the order :meth:`lint_files` meets them in one process."""
        events: list[InputProblem | list[_Item]] = []
        batch: list[_Item] = []
        for path in files:
            try:
                label, text = self.read(path, stdin_filename)
            except (InputError, ConfigError) as exc:
                events.append(InputProblem(inputs.label(path, stdin_filename), str(exc)))
                continue
            batch.append(_Item(text, label, inputs.config_path(path, stdin_filename)))
            if len(batch) >= batch_size:
                events.append(batch)
                batch = []
        if batch:
            events.append(batch)
        return events

    def lint_text(
        self,
        text: str,
        path: str | None = None,
        *,
        display_name: str | None = None,
        markdown: bool | None = None,
        reply_to: str = "",
    ) -> Result:
        """Lint one text.

        ``path`` (which need not exist) drives config discovery and, unless
        ``markdown`` says, the format by its suffix; ``display_name`` names the
        text in the results (default: ``path``). ``reply_to`` is, for a comment,
        the text of the post it answers (``doc.reply_to``).
        """
        if markdown is None and path is not None:
            markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
        label = display_name or path or STDIN_LABEL
        return self._lint_items([_Item(text, label, path, markdown, reply_to)])

    def lint_comments(self, items: Iterable[tuple[str, str, str]], config_path: str | None = None) -> Result:
        """Lint the public's comments: (text, label, the post it answers or "") each, as plain text.

        Every comment gets the config found from ``config_path`` (the export it came from),
        whatever its label; findings are named by the label.
        """
        return self._lint_items([_Item(text, label, config_path, False, reply_to) for text, label, reply_to in items])

    def lint_batch(self, items: Iterable[tuple[str, str]]) -> Result:
        """Lint many (text, path) pairs at once, batched through spaCy.

        Each path names its text in the results, picks Markdown or plain text by
        its suffix, and drives config discovery (unless a config was given).
        """
        return self._lint_items([_Item(text, path, path) for text, path in items])

    # -- one batch -------------------------------------------------------
    def _lint_items(self, items: list[_Item]) -> Result:
        result = Result()  # files counts the documents planned, not those a config error stopped
        misses: list[tuple[Plan, str | None]] = []
        for item in items:
            planned = self._plan(item, result)
            if planned is None:
                continue
            # A plan that already lost a check (not installed, failed to load) is never cached.
            key = self.cache.key_for(planned) if self.cache is not None and not planned.skipped else None
            if not (key and self._replay(key, planned, result)):
                misses.append((planned, key))
        for skip in attach_nlp([p for p, _ in misses]):
            result.skip(skip)
        with _one_blas_thread():
            for planned, key in misses:
                result.problems += [InputProblem(planned.doc.path, p) for p in planned.problems]
                one, cacheable = run(planned)
                if key and cacheable and not one.skipped and not one.problems and not planned.skipped:
                    self.cache.put_if_unchanged(key, planned, one.findings, one.notes)
                result.extend(one)
        result.findings.sort(key=lambda f: (f.path, f.offset, f.check, f.rule))
        if misses:
            _freeze_loaded_data()
        return result

    def _plan(self, item: _Item, result: Result) -> Plan | None:
        """Parse one text and plan its lint; None (a problem in ``result``) on a config error."""
        try:
            config = self.config_for(item.config_path)
            doc, problems = parse(item.text, item.label, markdown=item.markdown)
            doc.reply_to = item.reply_to
            result.problems += [InputProblem(item.label, p) for p in problems]
            planned = plan(doc, config, self.overrides, self.installed)
        except ConfigError as exc:
            result.problems.append(InputProblem("", str(exc)))  # config errors already name their file
            return None
        for skip in planned.skipped:
            result.skip(skip)
        result.files += 1
        server = _remote_grammar_server(planned)
        if server:  # the draft leaves this machine: said in every run's output
            result.notes["grammar server"] = f"the text is sent to {server} (not this machine; set in {config.label})"
        if planned.front_matter_note:  # every override a post makes is shown
            result.notes[f"{doc.path} front matter"] = planned.front_matter_note
        if planned.front_matter_refused:
            result.problems.append(InputProblem(doc.path, planned.front_matter_refused))
        result.fail_on[doc.path] = planned.fail_on
        return planned

    def _replay(self, key: str, planned: Plan, result: Result) -> bool:
        """Unchanged text, config and code: replay the stored findings, without spaCy or any check."""
        assert self.cache is not None
        hit = self.cache.get(key, path=planned.doc.path)
        if hit is None:
            return False
        result.findings += hit.findings
        result.notes.update(hit.notes)
        result.checks_run |= {c.name for c in planned.checks}
        result.sources[planned.doc.path] = planned.doc.text
        return True


def _one_blas_thread() -> AbstractContextManager[Any]:
    """numpy's BLAS held to one thread while the checks run, when spaCy ran for them: the judgement
    checks' token vectors are matrix products too, and OpenBLAS's second thread only spun
    against the other worker. Nothing is imported for a run without spaCy (an emoji-only start)."""
    nlp = sys.modules.get("post_lint.nlp")
    # Not before numpy is loaded: threadpoolctl would find no BLAS, and nlp caches its handle.
    return nullcontext() if nlp is None or "numpy" not in sys.modules else nlp.one_blas_thread()


_FROZEN = False


def _freeze_loaded_data() -> None:
    """After the first texts are linted, move what is alive (spaCy's model, the word lists, the
    learned models: 80,000 objects that live as long as the process) out of the garbage
    collector's sight, once.

    Every full collection walked them all again: 4% of linting 1,000 posts. Forked workers
    inherit the freeze, so their collections no longer write to the pages they share with
    the parent (Python's advice for ``fork``).
    """
    global _FROZEN
    if not _FROZEN:
        import gc

        gc.freeze()
        _FROZEN = True


def _remote_grammar_server(planned: Plan) -> str | None:
    """The grammar check's server when it runs and is not on this machine (loopback), else None."""
    from urllib.parse import urlsplit

    if "grammar" not in planned.settings:
        return None
    options, _ = planned.settings["grammar"]
    server = str(options.get("server") or "").strip()
    if not server or options.get("engine") == "builtin":
        return None
    host = (urlsplit(server if "//" in server else f"//{server}").hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        import ipaddress

        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return server
