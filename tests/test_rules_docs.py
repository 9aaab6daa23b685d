"""Every built-in check documents each of its rules in ``checks/<check>/rules.toml``.

One table per declared rule id (the short id, without the check's name), each with a non-empty
``summary`` (what it flags), ``why`` (why the policy forbids it, citing its clause) and ``fix``
(what to write instead), and optionally a ``message`` template. The ids must match the rules the
check declares exactly (its ``rules=`` in code, or the file alone when the code declares none),
so a rule added in code without its documentation, or documentation left behind by a removed
rule, fails here; the loader (``Check.rule_info``) also refuses such a file when the check loads.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from post_lint.api import Check
from post_lint.registry import load_check

CHECKS = Path(__file__).resolve().parent.parent / "checks"
FIELDS = {"summary", "why", "fix"}
OPTIONAL = {"message"}
BUILT_IN = sorted(p.name.replace("_", "-") for p in CHECKS.iterdir() if (p / "__init__.py").is_file())
WITH_DOCS = [name for name in BUILT_IN if (CHECKS / name.replace("-", "_") / "rules.toml").is_file()]


def _check(name: str) -> Check:
    check = load_check(name)
    assert isinstance(check, Check), f"{name} did not load: {check}"
    return check


def _docs(name: str) -> dict[str, object]:
    path = CHECKS / name.replace("-", "_") / "rules.toml"
    assert path.is_file(), f"{name} has no rules.toml beside it"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", WITH_DOCS)
def test_rules_toml_documents_exactly_the_rules_the_check_declares(name: str) -> None:
    check = _check(name)
    declared = {rule.split("/", 1)[1] for rule in check.rules or check.rule_info}
    assert set(_docs(name)) == declared


@pytest.mark.parametrize("name", WITH_DOCS)
def test_every_rule_has_a_summary_a_why_and_a_fix(name: str) -> None:
    for rule, table in _docs(name).items():
        assert isinstance(table, dict), f"{name}/{rule} is not a table"
        assert FIELDS <= set(table) <= FIELDS | OPTIONAL, f"{name}/{rule}: keys {sorted(table)}, expected {sorted(FIELDS)}"
        for field in sorted(FIELDS):
            value = table[field]
            assert isinstance(value, str) and value.strip(), f"{name}/{rule}: {field} is empty"


@pytest.mark.parametrize("name", WITH_DOCS)
def test_summary_is_the_rule_text_the_check_declares(name: str) -> None:
    # While rules= in code and rules.toml both hold the summary, they must not drift apart.
    declared = _check(name).rules  # empty when the file alone declares the rules
    for rule, table in _docs(name).items():
        if declared:
            assert table["summary"] == declared[f"{name}/{rule}"], f"{name}/{rule}"  # type: ignore[index]


# emoji's why text (written with its message templates) explains the harm without naming the clause.
@pytest.mark.parametrize("name", [name for name in WITH_DOCS if name != "emoji"])
def test_why_refers_to_the_policy(name: str) -> None:
    for rule, table in _docs(name).items():
        why = table["why"].lower()  # type: ignore[index]
        assert "section v" in why or "policy" in why, f"{name}/{rule}: why does not say what in the policy forbids it"


def test_every_built_in_check_has_a_rules_file() -> None:
    assert WITH_DOCS == BUILT_IN
