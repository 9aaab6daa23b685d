"""Per-post exceptions: names with consent, contacts and words one post may use.

Two places record them. A Markdown post's front matter::

    post-lint:
      allow: {names: [Ruth Olson], contacts: [763-555-0142], words: [Skogquist]}

and, for any post (plain text included), a ``consents.toml`` beside it, which
also records who consented and when::

    [[consent]]
    post = "parade.txt"          # a post in this folder (a pattern: "2026-05-*.txt")
    names = ["Ruth Olson"]
    contacts = ["763-555-0142"]
    who = "Ruth Olson"           # who consented
    date = 2026-05-01            # when
    how = "signed release form"  # optional

Names reach the names check (as allowed people), contacts the personal-data
check, words the grammar check's vocabulary (post_lint.facts.Facts.with_allowed).
"""

from __future__ import annotations

import datetime
import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import ConfigError

CONSENTS_FILE = "consents.toml"
ALLOW_KINDS = ("names", "contacts", "words")
CONSENT_KEYS = ("post", *ALLOW_KINDS, "who", "date", "how")


@dataclass(frozen=True)
class Allowed:
    """What one post may say that the checks would otherwise flag."""

    names: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.names or self.contacts or self.words)

    def __str__(self) -> str:
        """'names Ruth Olson, contacts 763-555-0142': how a run's front matter note says it."""
        parts = [(kind, getattr(self, kind)) for kind in ALLOW_KINDS]
        return ", ".join(f"{kind} {'; '.join(values)}" for kind, values in parts if values) or "nothing"

    def __add__(self, other: Allowed) -> Allowed:
        return Allowed(
            tuple(dict.fromkeys((*self.names, *other.names))),
            tuple(dict.fromkeys((*self.contacts, *other.contacts))),
            tuple(dict.fromkeys((*self.words, *other.words))),
        )


def _string_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def allowed_from_front_matter(where: str, allow: Any) -> Allowed:
    """The ``allow`` mapping of a post's ``post-lint:`` front matter, validated (ConfigError)."""
    if not isinstance(allow, Mapping):
        raise ConfigError(f"{where}: 'allow' must be a mapping with {', '.join(ALLOW_KINDS)}, got {allow!r}")
    for key in allow:
        if key not in ALLOW_KINDS:
            import difflib

            close = difflib.get_close_matches(str(key), ALLOW_KINDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"{where}: unknown key '{key}' in 'allow'{hint}")
    return Allowed(*(_string_list(where, kind, allow.get(kind, [])) for kind in ALLOW_KINDS))


@dataclass(frozen=True)
class Consent:
    post: str
    allowed: Allowed
    who: str = ""
    date: str = ""
    how: str = ""


def _parse(path: Path) -> tuple[Consent, ...]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read consents file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: consents file is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    extra = set(data) - {"consent"}
    if extra:
        raise ConfigError(f"{path}: unknown table '{sorted(extra)[0]}'; write each entry as [[consent]]")
    entries = data.get("consent", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'consent' must be an array of tables ([[consent]])")
    consents = []
    for number, entry in enumerate(entries, 1):
        where = f"{path} [[consent]] #{number}"
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{where}: must be a table")
        for key in entry:
            if key not in CONSENT_KEYS:
                import difflib

                close = difflib.get_close_matches(key, CONSENT_KEYS, n=1)
                raise ConfigError(f"{where}: unknown key '{key}'" + (f"; did you mean '{close[0]}'?" if close else ""))
        post = entry.get("post")
        if not isinstance(post, str) or not post.strip():
            raise ConfigError(f"{where}: 'post' must name a post file beside {path.name}, e.g. \"parade.txt\"")
        allowed = Allowed(*(_string_list(where, kind, entry.get(kind, [])) for kind in ALLOW_KINDS))
        who, date, how = entry.get("who", ""), entry.get("date", ""), entry.get("how", "")
        if not isinstance(who, str) or not isinstance(how, str):
            raise ConfigError(f"{where}: 'who' and 'how' must be strings")
        if not isinstance(date, (str, datetime.date)):
            raise ConfigError(f"{where}: 'date' must be a date (2026-05-01), got {date!r}")
        # A person's name or contact is published on their word: the record says whose and when.
        if (allowed.names or allowed.contacts) and not (who.strip() and str(date).strip()):
            raise ConfigError(f"{where}: names and contacts need 'who' consented and 'date' (when)")
        consents.append(Consent(post.strip(), allowed, who.strip(), str(date), how.strip()))
    return tuple(consents)


_cache: dict[Path, tuple[float, tuple[Consent, ...]]] = {}


def consents_in(folder: Path) -> tuple[Consent, ...]:
    """The consents recorded in ``folder``'s consents.toml (none when there is none); ConfigError if bad."""
    path = folder / CONSENTS_FILE
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return ()
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        cached = _cache[path] = (mtime, _parse(path))
    return cached[1]


def allowed_for(post_path: str | None) -> Allowed:
    """What consents.toml beside ``post_path`` allows that post (nothing for stdin or no file)."""
    if not post_path or post_path == "-":
        return Allowed()
    path = Path(post_path)
    allowed = Allowed()
    for consent in consents_in(path.parent):
        if path.name == consent.post or fnmatch.fnmatchcase(path.name, consent.post):
            allowed = allowed + consent.allowed
    return allowed
