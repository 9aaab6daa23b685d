"""The findings cache: a hit replays exactly what a fresh lint finds, and anything the
findings depend on (text, config, checks, their code, version, profile...) changes the key."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from post_lint import cache as cache_module
from post_lint.api import Check, Context, Option
from post_lint.cache import FindingsCache, default_directory
from post_lint.config import Config
from post_lint.document import parse
from post_lint.model import Finding
from post_lint.plan import Plan, plan
from post_lint.runner import Linter

TEXT = "Halloween Trick-or-Treat Trail this Friday! 🎃👻🍬🦇 Costumes welcome."


def _noop(doc: Any, ctx: Context) -> list[Finding]:
    return []


CHECK_A = Check("alpha", "a", "warning", "V", "clause", _noop, options={"limit": Option(3, "n")})
CHECK_B = Check("beta", "b", "error", "V", "clause", _noop)


def _key(store: FindingsCache, **changes: Any) -> str:
    args: dict[str, Any] = {
        "text": "Hello Anoka",
        "format": "text",
        "checks": [CHECK_A],
        "settings": {"alpha": ({"limit": 3}, "warning")},
        "profile": "official",
        "rule_filter": {},
        "ignored_rules": set(),
        "spacy_model": None,
    }
    args.update(changes)
    return store.key(**args)


@pytest.fixture
def store(tmp_path: Path) -> FindingsCache:
    return FindingsCache(tmp_path / "cache")


def test_key_is_stable_and_ignores_settings_order(store: FindingsCache) -> None:
    settings = {"alpha": ({"limit": 3, "allow": ["x"]}, "warning")}
    reordered = {"alpha": ({"allow": ["x"], "limit": 3}, "warning")}
    assert _key(store, settings=settings) == _key(store, settings=reordered)
    assert len(_key(store)) == 64


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Hello Anoka!"},
        {"format": "markdown"},
        {"checks": [CHECK_A, CHECK_B]},
        {"settings": {"alpha": ({"limit": 4}, "warning")}},
        {"settings": {"alpha": ({"limit": 3}, "error")}},
        {"profile": "personal"},
        {"rule_filter": {"alpha": {"alpha/x"}}},
        {"ignored_rules": {"alpha/x"}},
    ],
)
def test_anything_the_findings_depend_on_changes_the_key(store: FindingsCache, change: dict[str, Any]) -> None:
    assert _key(store, **change) != _key(store)


def test_post_lint_version_is_in_the_key(store: FindingsCache, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _key(store)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert _key(store) != before


def test_editing_a_checks_code_or_word_list_changes_the_key(store: FindingsCache, tmp_path: Path) -> None:
    package = tmp_path / "fake_check_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("def run(doc, ctx):\n    return []\n", encoding="utf-8")
    (package / "words.txt").write_text("one\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("fake_check_pkg", package / "__init__.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fake_check_pkg"] = module
    try:
        spec.loader.exec_module(module)
        check = Check("gamma", "g", "info", "V", "clause", module.run)
        before = _key(store, checks=[check], settings={})
        (package / "words.txt").write_text("one\ntwo\n", encoding="utf-8")
        cache_module._module_fingerprint.cache_clear()  # fingerprints are per process
        assert _key(store, checks=[check], settings={}) != before
    finally:
        del sys.modules["fake_check_pkg"]
        cache_module._module_fingerprint.cache_clear()


def test_spacy_versions_are_in_the_key_only_for_checks_that_use_it(store: FindingsCache) -> None:
    tagged = replace(CHECK_A, nlp=("tagger",))
    assert _key(store, checks=[tagged], spacy_model="en_core_web_sm") != _key(store, checks=[tagged], spacy_model=None)
    assert _key(store, spacy_model="en_core_web_sm") == _key(store, spacy_model=None)


def test_round_trip_relabels_findings_with_the_new_path(store: FindingsCache) -> None:
    finding = Finding("alpha", "alpha/x", "warning", "why and what to do", 6, 5, ("Anoka!",), "V: clause", "a.md", 1, 7, 1, 12)
    store.put("ab" + "0" * 62, [finding], {"engine": "builtin"})
    hit = store.get("ab" + "0" * 62, path="drafts/b.md")
    assert hit is not None
    assert hit.findings == [replace(finding, path="drafts/b.md")]
    assert hit.notes == {"engine": "builtin"}
    assert store.hits == 1


def test_miss_damaged_entry_and_disabled_cache_return_none(store: FindingsCache, tmp_path: Path) -> None:
    assert store.get("cd" + "1" * 62) is None
    target = store.directory / "cd" / ("2" * 62 + ".json")
    target.parent.mkdir(parents=True)
    target.write_text("{not json", encoding="utf-8")
    assert store.get("cd" + "2" * 62) is None

    off = FindingsCache(tmp_path / "off", enabled=False)
    off.put("ef" + "3" * 62, [])
    assert off.get("ef" + "3" * 62) is None
    assert not (tmp_path / "off").exists()


def test_environment_turns_the_cache_off_and_moves_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POST_LINT_NO_CACHE", "1")
    assert FindingsCache.default().enabled is False
    monkeypatch.setenv("POST_LINT_NO_CACHE", "0")
    assert FindingsCache.default().enabled is True
    assert FindingsCache.default(enabled=False).enabled is False  # --no-cache
    monkeypatch.setenv("POST_LINT_CACHE_DIR", str(tmp_path / "here"))
    assert default_directory() == tmp_path / "here"
    monkeypatch.delenv("POST_LINT_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_directory() == tmp_path / "xdg" / "post-lint" / "findings"


def test_prune_keeps_the_newest_entries(tmp_path: Path) -> None:
    store = FindingsCache(tmp_path / "cache", max_entries=3)
    for i in range(5):
        key = f"{i:02d}" + "a" * 62
        store.put(key, [])
        os.utime(store._file(key), (1000 + i, 1000 + i))
    assert store.prune() == 2
    assert [store.get(f"{i:02d}" + "a" * 62) is not None for i in range(5)] == [False, False, True, True, True]


# -- with the real runner ---------------------------------------------------------------


def _plan(linter: Linter, text: str, path: str) -> Plan:
    doc, _ = parse(text, path)
    return plan(doc, linter.config_for(path), linter.overrides, linter.installed)


def test_cached_findings_equal_a_fresh_lint_and_config_changes_miss(store: FindingsCache, tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    path = str(posts / "halloween.md")
    linter = Linter(select=["emoji"])
    fresh = linter.lint_text(TEXT, path)
    assert {f.rule for f in fresh.findings} == {"emoji/count", "emoji/run"}
    key = store.key_for(_plan(linter, TEXT, path))
    assert key is not None
    store.put(key, fresh.findings)

    again = Linter(select=["emoji"])
    hit = store.get(store.key_for(_plan(again, TEXT, path)), path=path)
    assert hit is not None and hit.findings == fresh.findings

    # A config file that changes the emoji check's options gives another key.
    (posts / ".post-lint.toml").write_text("[emoji]\nmax-count = 10\n", encoding="utf-8")
    from post_lint import config

    config._discovered.clear()
    assert store.get(store.key_for(_plan(Linter(select=["emoji"]), TEXT, path))) is None
    # ...and so does another profile or another selection.
    assert store.key_for(_plan(Linter(select=["emoji"], profile="personal"), TEXT, path)) != key
    assert store.key_for(_plan(Linter(select=["emoji/run"]), TEXT, path)) != key
    config._discovered.clear()


def test_a_change_to_the_bodys_facts_is_never_answered_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Bug: the key held each check's own table only, so adding a domain to [body]
    # kept replaying the external-link finding the post had before.
    from post_lint import config

    monkeypatch.setenv("POST_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    posts = tmp_path / "posts"
    posts.mkdir()
    settings = posts / ".post-lint.toml"
    path, text = str(posts / "post.txt"), "Tickets at https://tickets.example.com/show today."
    settings.write_text('[body]\ndomains = ["anokaminnesota.com"]\n', encoding="utf-8")
    config._discovered.clear()
    found = Linter(select=["links"], cache=True).lint_text(text, path).findings
    assert [f.rule for f in found] == ["links/external-domain"]
    settings.write_text('[body]\ndomains = ["anokaminnesota.com", "example.com"]\n', encoding="utf-8")
    config._discovered.clear()
    linter = Linter(select=["links"], cache=True)
    assert linter.lint_text(text, path).findings == []
    assert linter.cache is not None and linter.cache.hits == 0
    config._discovered.clear()


def test_a_check_whose_cache_token_is_none_is_never_cached(store: FindingsCache) -> None:
    uncached = replace(CHECK_A, cache_token=lambda options: None)
    doc, _ = parse("Hello Anoka", "post.txt")
    planned = Plan(doc, [uncached], {}, set(), "official", Config(), {"alpha": ({"limit": 3}, "warning")})
    assert store.key_for(planned) is None
    assert store.key_for(replace(planned, checks=[CHECK_A])) is not None


def test_stored_entry_is_plain_json(store: FindingsCache) -> None:
    store.put("9f" + "0" * 62, [Finding("alpha", "alpha/x", "info", "m", 0, 1)])
    data = json.loads(store._file("9f" + "0" * 62).read_text(encoding="utf-8"))
    assert data["format_version"] == cache_module.FORMAT_VERSION
    assert "path" not in data["findings"][0]


def test_findings_are_not_stored_when_a_checks_cache_token_changed_during_the_run(store: FindingsCache) -> None:
    # The one opt-out is cache_token: asked again after the run, a changed answer (a server that
    # started answering mid-run) means the findings are not the key's and are not stored.
    answers = iter(["offline", None])
    changing = replace(CHECK_A, cache_token=lambda options: next(answers))
    doc, _ = parse("Hello Anoka", "post.txt")
    planned = Plan(doc, [changing], {}, set(), "official", Config(), {"alpha": ({"limit": 3}, "warning")})
    key = store.key_for(planned)
    assert key is not None
    store.put_if_unchanged(key, planned, [Finding("alpha", "alpha/x", "info", "m", 0, 1)], {})
    assert store.get(key) is None
    steady = replace(CHECK_A, cache_token=lambda options: "offline")
    planned = replace(planned, checks=[steady])
    key = store.key_for(planned)
    assert key is not None
    store.put_if_unchanged(key, planned, [Finding("alpha", "alpha/x", "info", "m", 0, 1)], {})
    assert store.get(key) is not None


def test_setting_the_removed_ctx_cacheable_is_a_loud_error() -> None:
    ctx = Context(CHECK_A, {}, "warning", "official")
    with pytest.raises(AttributeError, match="cache_token"):
        ctx.cacheable = False
