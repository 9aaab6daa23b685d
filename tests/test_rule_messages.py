"""Every message a built-in check reports through its rules.toml template has one, with the fields the code passes.

A check says ``ctx.message("rule", field=...)`` (the grammar check's builtin engine says
``Hit.of("rule", ..., field=...)``, filled in by ``ctx.message`` later). A rule without a
template, or a template naming a field the code does not pass, is a KeyError or ValueError at
run time: a crashed check. Read from the source, so a branch no example reaches is held too.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from post_lint import checks as checks_package
from post_lint.api import Check, RuleInfo, full_rule_id
from post_lint.registry import check_names, load_check

CHECKS_DIR = Path(checks_package.__file__).parent

# Rules whose messages are made elsewhere, not from a template: the learned layers'
# (post_lint.text.model words them for every check that has one), LanguageTool's own, and
# plagiarism/copied, which post_lint.comments finds across a whole export (no check sees it).
NOT_TEMPLATED = {"grammar/lt", "plagiarism/copied"}


@dataclass(frozen=True)
class TemplateCall:
    where: str  # file:line
    rule: str | None  # the rule id when the code names it, None when it is a variable
    fields: frozenset[str]


def _template_call(node: ast.Call) -> tuple[ast.expr, list[ast.keyword]] | None:
    """(rule argument, keywords) of a call that fills in a rule's template, else None."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "message" and isinstance(func.value, ast.Name) and func.value.id == "ctx":
        return (node.args[0], node.keywords) if node.args else None
    if isinstance(func, ast.Attribute) and func.attr == "of" and isinstance(func.value, ast.Name) and func.value.id == "Hit":
        return (node.args[0], node.keywords) if node.args else None
    if isinstance(func, ast.Name) and func.id == "_templated_hit":  # grammar/syntax.py: Hit.of on a token
        return (node.args[0], node.keywords) if node.args else None
    return None


def template_calls(folder: Path) -> list[TemplateCall]:
    calls = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = _template_call(node) if isinstance(node, ast.Call) else None
            if found is None:
                continue
            rule_arg, keywords = found
            if any(k.arg is None for k in keywords):
                continue  # ctx.message(hit.rule, **fields): the fields were held where the Hit was made
            rule = rule_arg.value if isinstance(rule_arg, ast.Constant) and isinstance(rule_arg.value, str) else None
            fields = frozenset(k.arg for k in keywords if k.arg is not None)
            calls.append(TemplateCall(f"{path.relative_to(CHECKS_DIR)}:{node.lineno}", rule, fields))
    return calls


def template_fields(template: str) -> frozenset[str]:
    """The names a str.format template fills in: "{rate:.2f} of {names}" -> {"rate", "names"}."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".", 1)[0].split("[", 1)[0])
    return frozenset(names)


def builtin_checks() -> list[tuple[Check, Path]]:
    found = []
    for name in check_names():
        check = load_check(name)
        if not isinstance(check, Check) or not check.run.__module__.startswith("post_lint.checks."):
            continue
        folder = CHECKS_DIR / check.run.__module__.split(".")[2]
        found.append((check, folder))
    return found


def _templated(check: Check) -> dict[str, RuleInfo]:
    return {rule: info for rule, info in check.rule_info.items() if info.message}


def _problems(check: Check, calls: list[TemplateCall]) -> list[str]:
    infos = _templated(check)
    problems = []
    named = set()
    for call in calls:
        if call.rule is None:
            continue
        rule = full_rule_id(check.name, call.rule)
        named.add(rule)
        if rule not in infos:
            problems.append(f"{call.where}: {rule} has no message template in rules.toml")
        elif template_fields(infos[rule].message) != call.fields:
            expected = sorted(template_fields(infos[rule].message))
            problems.append(f"{call.where}: {rule}'s template fills in {expected}, the code passes {sorted(call.fields)}")
    # A rule the code names through a variable (ctx.message(kind, ...)) must take the fields of such a call.
    variable = [c for c in calls if c.rule is None]
    for rule, info in infos.items():
        if rule in named:
            continue
        if not any(template_fields(info.message) == c.fields for c in variable):
            problems.append(f"{rule}'s template ({sorted(template_fields(info.message))}) fits no call in the code")
    for call in variable:
        if not any(template_fields(info.message) == call.fields for rule, info in infos.items() if rule not in named):
            problems.append(f"{call.where}: no rule's template fills in {sorted(call.fields)}")
    return problems


CHECKS = builtin_checks()


def test_the_template_calls_are_found() -> None:
    # The scan must see the checks that use templates, or the tests below hold nothing.
    using = {check.name for check, folder in CHECKS if template_calls(folder)}
    assert {"emoji", "confidential", "grammar", "links", "partisan"} <= using


@pytest.mark.parametrize(("check", "folder"), CHECKS, ids=[c.name for c, _ in CHECKS])
def test_every_templated_message_has_its_template_with_the_fields_the_code_passes(check: Check, folder: Path) -> None:
    assert not _problems(check, template_calls(folder))


@pytest.mark.parametrize(("check", "folder"), CHECKS, ids=[c.name for c, _ in CHECKS])
def test_a_check_that_uses_templates_has_one_for_every_rule_but_learned_and_languagetool(check: Check, folder: Path) -> None:
    if not template_calls(folder):
        pytest.skip(f"{check.name} words its messages in code")
    missing = [
        rule
        for rule, info in check.rule_info.items()
        if not info.message and rule not in NOT_TEMPLATED and not rule.endswith("/learned")
    ]
    assert not missing, f"rules without a message template in {check.name}'s rules.toml"


def test_a_template_naming_a_field_the_code_does_not_pass_is_caught() -> None:
    class _Fake:
        name = "probe"
        rule_info = {"probe/loud": RuleInfo("probe/loud", "a loud word", message="{word} is loud; write {calm}")}

    calls = [TemplateCall("probe.py:1", "loud", frozenset({"word"}))]
    [problem] = _problems(_Fake(), calls)  # type: ignore[arg-type]
    assert "fills in ['calm', 'word'], the code passes ['word']" in problem
    assert _problems(_Fake(), [TemplateCall("probe.py:1", "quiet", frozenset())])[0].endswith(
        "probe/quiet has no message template in rules.toml"
    )


def test_a_field_may_share_a_name_with_the_grammar_helpers_own_parameters() -> None:
    # agreement's template has {fixed}, which _templated_hit also takes as the suggestion.
    from post_lint.checks.grammar.hit import Hit
    from post_lint.checks.grammar.syntax import _templated_hit

    hit = Hit.of("agreement", 0, 2, ("has",), rule="r", start=1, end=2, suggestions="s")
    assert dict(hit.fields) == {"rule": "r", "start": 1, "end": 2, "suggestions": "s"}
    assert (hit.start, hit.end, hit.suggestions) == (0, 2, ("has",))

    class _Token:
        idx, text = 4, "have"

    hit = _templated_hit("agreement", _Token(), "has", fixed="has", verb="have")
    assert dict(hit.fields) == {"fixed": "has", "verb": "have"} and hit.suggestions == ("has",)
