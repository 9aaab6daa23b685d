"""SARIF rules describe themselves: the rule's own text, the check's description and policy, and help."""

from __future__ import annotations

import json

from post_lint.formats.sarif import descriptor


def _rules(cli, *args: str, text: str) -> dict[str, dict]:
    proc = cli("--format", "sarif", *args, "-", input=text)
    driver = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]
    return {rule["id"]: rule for rule in driver["rules"]}


def test_sarif_rule_short_description_is_the_rules_own_text_not_the_check_name(cli):
    rules = _rules(cli, "--select", "links", text="See http://example.gov/page for more.\n")
    rule = rules["links/insecure"]
    assert rule["shortDescription"]["text"] == "a plain http:// link; use https://"
    assert "Shortened, insecure" in rule["fullDescription"]["text"]
    assert "V. Rules of Use" in rule["fullDescription"]["text"]
    assert "post-lint explain links" in rule["help"]["text"]
    assert "Readers should see where a link goes" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"


def test_sarif_rule_under_a_declared_prefix_uses_the_prefixs_text():
    rule = descriptor("grammar/lt/EN_A_VS_AN", "grammar", "policy")
    assert rule["shortDescription"]["text"].startswith("a LanguageTool rule")


def test_sarif_custom_rule_cites_its_own_policy(cli, tmp_path):
    (tmp_path / ".post-lint.toml").write_text(
        '[[custom.rule]]\nid = "no-guys"\nkind = "existence"\ntokens = ["guys"]\nmessage = "informal"\n'
        'policy = "House style: be professional"\n',
        encoding="utf-8",
    )
    post = tmp_path / "post.txt"
    post.write_text("Thanks guys!\n", encoding="utf-8")
    proc = cli("--format", "sarif", "--select", "custom", str(post), cwd=tmp_path)
    rule = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "custom/no-guys"
    assert "House style: be professional" in rule["fullDescription"]["text"]
    assert rule["help"]["text"]
