"""The richer plugin API: option item types, rule metadata, rule ids checked, the prepare hook."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from post_lint.api import Check, Context, Option
from post_lint.config import Config, ConfigError, resolve_options
from post_lint.model import Document, Finding


def _run(doc: Document, ctx: Context) -> Iterator[Finding]:
    yield from ()


def _check(**options: Option) -> Check:
    return Check("probe", "a probe", "warning", "V", "clause", _run, options=options)


# -- options: item types, checked when the config loads ------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (Option([], "words", list, item_type=str), [1], "'allow' must be a list of strings, got int 1"),
        (Option([], "words", list, item_type=str), ["ok", True], "'allow' must be a list of strings, got bool True"),
        (Option([], "limits", list, item_type=int), [3, "x"], "'allow' must be a list of integers, got str 'x'"),
        (Option({}, "limits by platform", dict, item_type=int), {"x": "1"}, "'allow' must be a table of integers, got str '1'"),
    ],
)
def test_an_item_of_the_wrong_type_is_a_one_line_config_error_naming_the_key(option: Option, value: Any, message: str) -> None:
    config = Config(data={"probe": {"allow": value}})
    with pytest.raises(ConfigError) as error:
        resolve_options(config, _check(allow=option))
    assert str(error.value) == f"<defaults> [probe]: {message}"
    assert "\n" not in str(error.value)


def test_items_of_the_declared_type_pass_and_a_validator_runs_after_them() -> None:
    def not_empty(value: list[str]) -> None:
        if any(not item.strip() for item in value):
            raise ValueError("'allow' may not hold an empty string")

    check = _check(allow=Option([], "words", list, item_type=str, validate=not_empty))
    assert resolve_options(Config(data={"probe": {"allow": ["a", "b"]}}), check)[0]["allow"] == ["a", "b"]
    with pytest.raises(ConfigError, match="may not hold an empty string"):
        resolve_options(Config(data={"probe": {"allow": ["a", " "]}}), check)


def test_a_default_that_breaks_its_own_item_type_is_refused_when_the_check_is_declared() -> None:
    with pytest.raises(ValueError, match="option 'allow' has a default item 1"):
        _check(allow=Option([1], "words", list, item_type=str))


def test_every_built_in_list_of_words_declares_its_item_type() -> None:
    from post_lint.registry import load_checks

    checks, broken = load_checks()
    assert not broken
    untyped = [
        f"{check.name}.{key}"
        for check in checks
        for key, option in check.options.items()
        if isinstance(option.default, list) and option.item_type is None and "table" not in option.help
    ]
    assert untyped == []


def test_the_schema_gives_list_items_their_type() -> None:
    from post_lint.schema import schema

    assert schema()["properties"]["emoji"]["properties"]["allow"]["items"] == {"type": "string"}


# -- rules: summary, why, fix and message, from rules.toml ---------------------------------


def _rules_check(tmp_path: Path, toml: str | None, rules: dict[str, str] | None = None, run: Any = _run) -> Check:
    path = tmp_path / "rules.toml"
    if toml is not None:
        path.write_text(toml, encoding="utf-8")
    return Check("probe", "a probe", "warning", "V", "clause", run, rules=rules or {}, rules_file=str(path))


RULES_TOML = """
[loud]
summary = "a loud word"
why = "the policy asks for a calm voice"
fix = "say it calmly"
message = "{word} is loud; write {calm}"
"""


def test_a_rules_file_declares_rules_with_why_fix_and_a_message_template(tmp_path: Path) -> None:
    check = _rules_check(tmp_path, RULES_TOML)
    [info] = check.rule_info.values()
    assert (info.id, info.summary, info.why, info.fix) == (
        "probe/loud",
        "a loud word",
        "the policy asks for a calm voice",
        "say it calmly",
    )
    assert check.declared_rules == {"probe/loud": "a loud word"}
    ctx = Context(check, {}, "warning", "official")
    assert ctx.message("loud", word="SALE", calm="sale") == "SALE is loud; write sale"


def test_the_rules_mapping_and_the_file_merge_and_the_files_summary_wins(tmp_path: Path) -> None:
    check = _rules_check(tmp_path, RULES_TOML, {"probe/loud": "older text"})
    assert check.rule_info["probe/loud"].summary == "a loud word"
    assert _rules_check(tmp_path / "elsewhere", None, {"probe/loud": "older text"}).rule_info["probe/loud"].why == ""  # none yet


@pytest.mark.parametrize(
    ("toml", "rules", "error"),
    [
        (RULES_TOML, {"probe/quiet": "q"}, "documents probe/loud, which check probe does not declare"),
        (RULES_TOML, {"probe/loud": "l", "probe/quiet": "q"}, "has no table for probe/quiet"),
        ('[loud]\nsumary = "x"\n', {}, "unknown key(s) sumary"),
        ('[loud]\nwhy = "x"\n', {}, "needs a summary"),
        ('[loud]\nsummary = "x"\nmessage = "{unclosed"\n', {}, "message is not a valid template"),
    ],
)
def test_a_rules_file_that_does_not_match_the_check_is_a_clear_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, rules: dict[str, str], error: str
) -> None:
    from post_lint import registry

    check = _rules_check(tmp_path, toml, rules)
    with pytest.raises(ValueError, match=re.escape(error)):
        check.rule_info  # noqa: B018
    # Loaded through the registry, the check is reported broken with that reason, never dropped.
    monkeypatch.setattr(registry, "_entry_points", lambda group: {"probe": _FakeEntryPoint(_rules_check(tmp_path, toml, rules))})
    registry.load_check.cache_clear()
    try:
        loaded = registry.load_check("probe")
    finally:
        registry.load_check.cache_clear()
    assert isinstance(loaded, registry.BrokenCheck) and error in loaded.reason


class _FakeEntryPoint:
    def __init__(self, obj: Any) -> None:
        self.obj, self.value = obj, "probe:CHECK"

    def load(self) -> Any:
        return self.obj


def test_every_built_in_rule_with_a_rules_toml_entry_says_what_why_and_instead() -> None:
    from post_lint.registry import load_checks

    checks, broken = load_checks()
    assert not broken
    documented = [check for check in checks if check.rules_file and Path(check.rules_file).is_file()]
    assert any(check.name == "emoji" for check in documented)
    for check in documented:
        # custom declares no rules of its own (a city writes them in [[custom.rule]]): an empty file.
        assert check.rule_info or (check.name == "custom" and not check.rules), check.name
        for info in check.rule_info.values():
            assert info.summary.strip() and info.why.strip() and info.fix.strip(), info


def test_explain_a_rule_shows_what_why_and_instead(cli) -> None:
    proc = cli("explain", "emoji/run")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# emoji/run (warning by default)")
    assert "## Why is this bad?" in proc.stdout and "## Use instead" in proc.stdout
    assert "flagged: emoji/count, emoji/run" in proc.stdout  # the check's examples that fire it
    wrong = cli("explain", "emoji/rn")
    assert wrong.returncode == 2 and "did you mean 'emoji/run'?" in wrong.stderr


def test_checks_rules_and_sarif_show_why_and_what_instead(cli) -> None:
    listed = cli("checks", "--rules").stdout
    assert re.search(r"^\s+emoji/run: max-run or more emoji in a row\n\s+why: A row of emoji", listed, re.M)
    assert re.search(r"^\s+instead: Keep one emoji of the row", listed, re.M)
    from post_lint.formats.sarif import descriptor

    rule = descriptor("emoji/run", "emoji", "policy")
    assert "A row of emoji is read as a long string" in rule["fullDescription"]["text"]
    assert rule["help"]["text"].startswith("Why: A row of emoji")
    assert "**Use instead:** Keep one emoji of the row" in rule["help"]["markdown"]


# -- rule ids: checked when a finding is made ---------------------------------------------


def _lint_with(check: Check, text: str = "Hello Anoka", options: dict[str, Any] | None = None) -> Any:
    from post_lint.document import parse
    from post_lint.plan import Plan
    from post_lint.run import run

    doc, _ = parse(text, "post.txt")
    return run(Plan(doc, [check], {}, set(), "official", Config(), {check.name: (options or {}, "warning")}))[0]


def test_a_finding_with_an_undeclared_rule_id_crashes_the_check_loudly(tmp_path: Path) -> None:
    def misspelt(doc: Document, ctx: Context) -> Iterator[Finding]:
        yield ctx.finding("lod", "loud", 0, 5)

    result = _lint_with(_rules_check(tmp_path, RULES_TOML, run=misspelt))
    assert result.findings == []
    [problem] = result.problems
    assert "check 'probe' crashed" in problem.message and "rule 'probe/lod', which it does not declare" in problem.message
    assert "probe/loud" in problem.message  # what it does declare
    assert result.exit_code == 2


def test_a_declared_rule_and_one_under_a_declared_prefix_are_accepted(tmp_path: Path) -> None:
    def fine(doc: Document, ctx: Context) -> Iterator[Finding]:
        yield ctx.finding("loud", "loud", 0, 5)
        yield ctx.finding("probe/loud/SHOUTING", "shouting", 0, 5)

    result = _lint_with(_rules_check(tmp_path, RULES_TOML, run=fine))
    assert [f.rule for f in result.findings] == ["probe/loud", "probe/loud/SHOUTING"] and not result.problems


def test_rules_the_config_declares_count_as_declared() -> None:
    from post_lint.testing import lint_one

    rule = {"id": "no-guys", "kind": "existence", "tokens": ["guys"], "message": "informal"}
    [finding] = lint_one("custom", "Thanks guys!", {"custom": {"rule": [rule]}})
    assert finding.rule == "custom/no-guys"


# -- prepare: once per distinct options and facts -----------------------------------------


def test_prepare_runs_once_per_distinct_options_and_facts_and_reaches_run_as_ctx_prepared() -> None:
    from post_lint.facts import Facts

    calls: list[tuple[Any, Facts]] = []

    def prepare(options: Any, facts: Facts) -> str:
        calls.append((dict(options), facts))
        return f"prepared for {options['words']}"

    seen: list[str] = []

    def run(doc: Document, ctx: Context) -> Iterator[Finding]:
        seen.append(ctx.prepared)
        yield from ()

    check = Check(
        "probe",
        "a probe",
        "warning",
        "V",
        "clause",
        run,
        prepare=prepare,
        options={"words": Option([], "w", list, item_type=str)},
    )
    for words in (["a"], ["a"], ["b"], ["a"]):
        _lint_with(check, options={"words": words})
    assert seen == ["prepared for ['a']", "prepared for ['a']", "prepared for ['b']", "prepared for ['a']"]
    assert [c[0]["words"] for c in calls] == [["a"], ["b"]]
    # Other facts (a body's own domains, names) are another preparation.
    Context(check, {"words": ["a"]}, "warning", "official", Facts(name="City of Anoka")).prepared  # noqa: B018
    assert len(calls) == 3


def test_a_prepare_that_raises_crashes_only_its_check_loudly() -> None:
    def prepare(options: Any, facts: Any) -> None:
        raise RuntimeError("word list missing")

    def run(doc: Document, ctx: Context) -> Iterator[Finding]:
        yield from () if ctx.prepared else ()

    result = _lint_with(Check("probe", "a probe", "warning", "V", "clause", run, prepare=prepare))
    assert ["RuntimeError: word list missing" in p.message for p in result.problems] == [True]


def test_the_migrated_checks_prepare_from_the_config_and_the_body(tmp_path: Path) -> None:
    from post_lint.testing import lint_one

    assert lint_one("emoji", "We ❤️ our volunteers", {"emoji": {"allow": ["❤️"]}}) == []
    post = "Tickets at https://tickets.example.com/show today."
    assert [f.rule for f in lint_one("links", post, {"body": {"domains": ["anokaminnesota.com"]}})] == ["links/external-domain"]
    assert lint_one("links", post, {"body": {"domains": ["anokaminnesota.com", "example.com"]}}) == []
    said = "I work for Springfield and the council budget vote is tonight."
    assert lint_one("disclaimer", said, profile="personal") == []
    [finding] = lint_one("disclaimer", said, {"body": {"name": "Springfield"}}, profile="personal")
    assert finding.rule == "disclaimer/missing"
