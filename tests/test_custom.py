"""The custom check: rules a city declares in .post-lint.toml (existence, substitution, requires)."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import serving

from post_lint.config import Config, ConfigError, resolve_options
from post_lint.model import Finding
from post_lint.registry import load_check
from post_lint.runner import Linter

CITY_RULES = """\
[[custom.rule]]
id = "no-guys"
kind = "existence"
tokens = ["you guys", "guys"]
message = "'{match}' is informal; write 'everyone' or 'residents'"
severity = "warning"
policy = "V. Rules of Use: act in a professional manner"

[[custom.rule]]
id = "city-hall"
kind = "substitution"
swap = { "city hall" = "City Hall", "e-mail" = "email" }

[[custom.rule]]
id = "closure-needs-date"
kind = "requires"
if = ["closed", "closure"]
then = ["reopen*", "until", "through"]
message = "a closure notice should say when it reopens"
severity = "error"
"""

BREAKS_ALL = "Thanks, you guys! The pool is closed for repairs. Questions? Stop by city hall.\n"
NEAR_MISS = (
    "Guyana Heritage Night is at City Hall. The pool is closed until June 3. "
    "Email questions to the clerk; the library is not closed.\n"
)

EXISTENCE = {"id": "no-guys", "kind": "existence", "tokens": ["you guys", "guys"]}
SUBSTITUTION = {"id": "house-style", "kind": "substitution", "swap": {"city hall": "City Hall", "e-mail": "email"}}
REQUIRES = {"id": "closure", "kind": "requires", "if": ["closed", "closure"], "then": ["reopen*", "until", "through"]}


def lint(text: str, *rules: dict[str, Any], table: dict[str, Any] | None = None) -> list[Finding]:
    linter = Linter(select=["custom"])
    linter.explicit_config = Config(data={"custom": {"rule": list(rules), **(table or {})}})
    result = linter.lint_text(text, path="post.txt")
    assert not result.skipped and not result.problems, (result.skipped, result.problems)
    return result.findings


def spans(text: str, *rules: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.rule, text[f.offset : f.end]) for f in lint(text, *rules)]


# -- end to end ---------------------------------------------------------


@pytest.fixture
def city(tmp_path: Path) -> Path:
    (tmp_path / ".post-lint.toml").write_text(CITY_RULES, encoding="utf-8")
    (tmp_path / "breaks.txt").write_text(BREAKS_ALL, encoding="utf-8")
    (tmp_path / "near-miss.txt").write_text(NEAR_MISS, encoding="utf-8")
    return tmp_path


def test_cli_reports_each_kind_of_city_rule_with_its_message_severity_policy_and_exit_code(cli, city):
    proc = cli("--select", "custom", "--format", "json", "breaks.txt", cwd=city)
    findings = {f["rule"]: f for f in json.loads(proc.stdout)["findings"]}
    assert sorted(findings) == ["custom/city-hall", "custom/closure-needs-date", "custom/no-guys"]
    guys = findings["custom/no-guys"]
    assert guys["message"] == "'you guys' is informal; write 'everyone' or 'residents'"
    assert (guys["severity"], guys["policy"]) == ("warning", "V. Rules of Use: act in a professional manner")
    hall = findings["custom/city-hall"]
    assert hall["suggestions"] == ["City Hall"] and hall["message"] == "write 'City Hall' instead of 'city hall'"
    assert hall["policy"].startswith("I. Purpose: ")  # no policy of its own: the check's clause
    closure = findings["custom/closure-needs-date"]
    assert (closure["severity"], closure["message"]) == ("error", "a closure notice should say when it reopens")
    assert BREAKS_ALL[closure["offset"] : closure["offset"] + closure["length"]] == "closed"
    assert proc.returncode == 1  # the requires rule is an error


def test_cli_near_misses_of_every_rule_pass_and_exit_zero(cli, city):
    proc = cli("--select", "custom", "--format", "json", "near-miss.txt", cwd=city)
    assert json.loads(proc.stdout)["findings"] == []
    assert proc.returncode == 0


def test_cli_text_output_shows_the_rule_id_and_the_substitution_suggestion(cli, city):
    proc = cli("--select", "custom/city-hall", "breaks.txt", cwd=city)
    assert "[custom/city-hall]" in proc.stdout and "= suggestion: 'City Hall'" in proc.stdout
    assert "custom/no-guys" not in proc.stdout
    assert proc.returncode == 0  # a warning does not fail by default ...
    assert cli("--select", "custom/city-hall", "--fail-on", "warning", "breaks.txt", cwd=city).returncode == 1


def test_cli_ignore_leaves_one_city_rule_out(cli, city):
    proc = cli("--select", "custom", "--ignore", "custom/closure-needs-date", "--format", "json", "breaks.txt", cwd=city)
    assert {f["rule"] for f in json.loads(proc.stdout)["findings"]} == {"custom/no-guys", "custom/city-hall"}
    assert proc.returncode == 0


def test_check_severity_in_the_table_is_the_default_for_rules_without_their_own():
    [finding] = lint("Send us an e-mail.", SUBSTITUTION, table={"severity": "error"})
    assert finding.severity == "error"
    [finding] = lint("Send us an e-mail.", {**SUBSTITUTION, "severity": "info"}, table={"severity": "error"})
    assert finding.severity == "info"


# -- existence ----------------------------------------------------------


def test_existence_matches_whole_words_case_insensitively_longest_first():
    assert spans("Thanks, You Guys! Guys, see you there.", EXISTENCE) == [
        ("custom/no-guys", "You Guys"),
        ("custom/no-guys", "Guys"),
    ]
    assert spans("Guyana Night, with Guy Larson.", EXISTENCE) == []


def test_existence_sees_through_evasions_and_reads_hashtags():
    text = "Thanks g.u.y.s and g u y s and gu\u0443s! #ThanksYouGuys"
    assert [s for _, s in spans(text, EXISTENCE)] == ["g.u.y.s", "g u y s", "gu\u0443s", "#ThanksYouGuys"]


def test_existence_ignores_links_mentions_and_its_exceptions():
    assert spans("Photos: https://example.org/guys and @guys", EXISTENCE) == []
    rule = {**EXISTENCE, "exceptions": ["Guys and Dolls"]}
    assert spans("Guys and Dolls opens Friday. See you, guys!", rule) == [("custom/no-guys", "guys")]


def test_existence_tokens_use_the_word_list_wildcards():
    rule = {"id": "awesome", "kind": "existence", "tokens": ["awesome*", "super|very cool"]}
    assert [s for _, s in spans("An awesomely super cool day, very cool indeed.", rule)] == [
        "awesomely",
        "super cool",
        "very cool",
    ]


# -- substitution -------------------------------------------------------


def test_substitution_suggests_the_right_form_and_leaves_it_alone_when_already_right():
    email, hall = lint("Questions? Send an e-mail to the clerk at city hall.", SUBSTITUTION)
    assert (email.suggestions, hall.suggestions) == (("email",), ("City Hall",))
    assert spans("Email the clerk at City Hall.", SUBSTITUTION) == []
    assert spans("Send an e mail or an E-mail.", SUBSTITUTION) == [
        ("custom/house-style", "e mail"),
        ("custom/house-style", "E-mail"),
    ]


def test_substitution_capitalises_a_lower_case_form_at_a_capital_and_keeps_a_capitalised_form():
    [email] = lint("E-mail us.", SUBSTITUTION)
    assert email.suggestions == ("Email",)
    [hall] = lint("City hall is open.", SUBSTITUTION)
    assert hall.suggestions == ("City Hall",)


def test_substitution_message_can_use_both_placeholders():
    rule = {**SUBSTITUTION, "message": "house style: '{suggestion}', not '{match}'"}
    [finding] = lint("Stop by city hall.", rule)
    assert finding.message == "house style: 'City Hall', not 'city hall'"


# -- requires -----------------------------------------------------------


def test_requires_fires_once_at_the_first_mention_when_the_post_never_says_the_answer():
    text = "The trail is closed. The closure affects both loops."
    assert spans(text, REQUIRES) == [("custom/closure", "closed")]
    assert spans(text + " It reopens May 15.", REQUIRES) == []
    assert spans("The trail is closed through Friday.", REQUIRES) == []


def test_requires_does_not_apply_to_a_negated_mention():
    assert spans("Good news: the trail is not closed this weekend.", REQUIRES) == []
    assert spans("The trail is never closed in summer, but the pool is closed.", REQUIRES) == [("custom/closure", "closed")]


def test_requires_with_sentence_scope_wants_the_answer_in_the_same_sentence():
    rule = {**REQUIRES, "scope": "sentence"}
    text = "The pool is closed for repairs. The library reopens Monday. The rink is closed until May."
    assert spans(text, rule) == [("custom/closure", "closed")]
    assert spans(text, REQUIRES) == []  # post scope: the post says "reopens"


def test_requires_default_message_names_what_the_post_should_say():
    [finding] = lint("The trail is closed.", REQUIRES)
    assert finding.message == "a post that mentions 'closed' should also say 'reopen*', 'until' or 'through'"


# -- config errors ------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('[[custom.rule]]\nid = "x"\nkind = "existance"\ntokens = ["a"]\n', "rule 'x': unknown kind 'existance'; did you mean 'existence'?"),
        ('[[custom.rule]]\nkind = "existence"\ntokens = ["a"]\n', "rule 1: missing 'id'"),
        ('[[custom.rule]]\nid = "x"\ntokens = ["a"]\n', "rule 'x': missing 'kind'"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\n', "rule 'x': missing 'tokens'"),
        ('[[custom.rule]]\nid = "x"\nkind = "requires"\nif = ["a"]\n', "rule 'x': missing 'then'"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = "guys"\n', "rule 'x': 'tokens' must be a non-empty list of strings, got str 'guys'"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = [3]\n', "rule 'x': 'tokens' must be a list of non-empty strings, got int 3"),
        ('[[custom.rule]]\nid = "x"\nkind = "substitution"\nswap = ["a"]\n', "rule 'x': 'swap' must be a table"),
        ('[[custom.rule]]\nid = "x"\nkind = "substitution"\nswap = {a = 1}\n', "rule 'x': 'swap' value for 'a' must be a non-empty string"),
        ('[[custom.rule]]\nid = "x"\nkind = "substitution"\nswap = {"e-mail*" = "email"}\n', "'swap' key 'e-mail*' must be plain words"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\nswap = {a = "b"}\n', "rule 'x': 'swap' belongs to substitution rules"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\ntoken = ["b"]\n', "rule 'x': unknown key 'token'; did you mean 'tokens'?"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\nseverity = "fatal"\n', "rule 'x': 'severity' must be one of info, warning, error"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\nmessage = "no {word}"\n', "rule 'x': 'message' has an unknown placeholder {word}"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\nmessage = "no {"\n', "rule 'x': 'message' is not a valid template"),
        ('[[custom.rule]]\nid = "x"\nkind = "requires"\nif = ["a"]\nthen = ["b"]\nscope = "line"\n', "rule 'x': 'scope' must be one of post, sentence"),
        ('[[custom.rule]]\nid = "no guys"\nkind = "existence"\ntokens = ["a"]\n', "rule 1: 'id' must be letters, digits"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["*"]\n', "'tokens' entry '*' would match any word"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = ["a"]\n' * 2, "rule 2: id 'x' is already used by rule 1"),
        ("[custom]\nrules = []\n", "unknown key 'rules'; did you mean 'rule'?"),
        ("[custom]\nrule = 'x'\n", "'rule' must be a list, got str 'x'"),
        ("[custom]\nrule = [1]\n", "rule 1 must be a table ([[custom.rule]]"),
        ("custom = 3\n", "'custom' must be a table ([custom]), got int 3"),
        ('[[custom.rule]]\nid = "x"\nkind = "existence"\ntokens = [1979-05-27]\n', "'tokens' must be a list of non-empty strings, got date"),
    ],
)  # fmt: skip
def test_config_errors_in_rules_are_one_line_naming_the_file_and_the_key(cli, tmp_path, config, expected):
    (tmp_path / ".post-lint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "post.txt").write_text("See you there.\n", encoding="utf-8")
    proc = cli("post.txt", cwd=tmp_path)
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert str(tmp_path / ".post-lint.toml") in message and expected in message, message
    assert "Traceback" not in proc.stderr


def test_the_python_api_reports_a_bad_rule_as_a_config_error():
    linter = Linter(select=["custom"])
    linter.explicit_config = Config(data={"custom": {"rule": [{"id": "x", "kind": "nope"}]}})
    result = linter.lint_text("Hello.", path="post.txt")
    assert [str(p) for p in result.problems] == [
        "<defaults> [custom]: rule 'x': unknown kind 'nope' (one of existence, substitution, requires)"
    ]
    with pytest.raises(ConfigError, match="unknown kind"):
        resolve_options(linter.explicit_config, load_check("custom"))  # type: ignore[arg-type]


# -- listing ------------------------------------------------------------


def test_checks_rules_lists_the_rules_the_config_declares(cli, city):
    proc = cli("checks", "--rules", cwd=city)
    assert proc.returncode == 0
    assert "custom/no-guys: existence: never write 'you guys' or 'guys'" in proc.stdout
    assert "custom/city-hall: substitution: write 'City Hall' for 'city hall', 'email' for 'e-mail'" in proc.stdout
    assert "custom/closure-needs-date: requires: a post that mentions 'closed' or 'closure'" in proc.stdout
    assert "emoji/inline:" in proc.stdout  # the other checks are still listed


def test_checks_rules_without_a_config_says_none_are_declared(cli, tmp_path):
    proc = cli("checks", "--rules", cwd=tmp_path)
    assert proc.returncode == 0
    assert "no rules declared (no config file found from here); see post-lint explain custom" in proc.stdout


def test_checks_rules_and_explain_read_an_explicit_config(cli, city, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    config = str(city / ".post-lint.toml")
    assert "custom/no-guys:" in cli("checks", "--rules", "--config", config, cwd=elsewhere).stdout
    explained = cli("explain", "custom", "--config", config, cwd=elsewhere)
    assert f"## Rules declared in {config}" in explained.stdout
    assert "- `custom/city-hall`: substitution:" in explained.stdout


def test_explain_custom_documents_the_kinds_and_lists_the_declared_rules(cli, city):
    proc = cli("explain", "custom", cwd=city)
    assert proc.returncode == 0
    for words in ("`existence`", "`substitution`", "`requires`", "[[custom.rule]]", "{match}"):
        assert words in proc.stdout, words
    assert f"## Rules declared in {city / '.post-lint.toml'}" in proc.stdout
    assert "- `custom/no-guys`: existence: never write 'you guys' or 'guys'; says \"'{match}' is informal" in proc.stdout
    assert "- flagged: custom/no-guys" in proc.stdout  # the examples of cases.toml


def test_listing_with_a_bad_rule_is_a_one_line_config_error(cli, tmp_path):
    (tmp_path / ".post-lint.toml").write_text('[[custom.rule]]\nid = "x"\nkind = "nope"\n', encoding="utf-8")
    for args in (("checks", "--rules"), ("explain", "custom")):
        proc = cli(*args, cwd=tmp_path)
        assert proc.returncode == 2, args
        assert proc.stderr.strip().splitlines() == [
            f"post-lint: error: {tmp_path / '.post-lint.toml'} [custom]: rule 'x': unknown kind 'nope' "
            "(one of existence, substitution, requires)"
        ]
    assert cli("checks", cwd=tmp_path).returncode == 0  # without --rules the config is not read
    assert cli("explain", "emoji", cwd=tmp_path).returncode == 0


def test_editing_a_rule_is_never_answered_from_the_findings_cache(cli, tmp_path):
    env = {"POST_LINT_NO_CACHE": "", "POST_LINT_CACHE_DIR": str(tmp_path / "cache")}
    config = tmp_path / ".post-lint.toml"
    (tmp_path / "p.txt").write_text("The parade starts at noon.\n", encoding="utf-8")
    config.write_text('[[custom.rule]]\nid = "a"\nkind = "existence"\ntokens = ["parade"]\n', encoding="utf-8")
    for _ in range(2):  # the second run is a replay
        proc = cli("--select", "custom", "--format", "json", "p.txt", cwd=tmp_path, env=env)
        assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["custom/a"]
    config.write_text('[[custom.rule]]\nid = "b"\nkind = "existence"\ntokens = ["noon"]\n', encoding="utf-8")
    proc = cli("--select", "custom", "--format", "json", "p.txt", cwd=tmp_path, env=env)
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["custom/b"]


def test_the_serve_page_applies_the_city_rules_of_its_folder(city):
    with serving(city, select=["custom"]) as server:
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=30)
        body = json.dumps({"text": "Stop by city hall!"}).encode()
        conn.request("POST", "/api/check", body=body, headers={"Content-Type": "application/json"})
        reply = json.loads(conn.getresponse().read())
        conn.close()
    [finding] = reply["findings"]
    assert (finding["rule"], finding["suggestions"]) == ("custom/city-hall", ["City Hall"])
