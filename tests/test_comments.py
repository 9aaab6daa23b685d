"""`post-lint comments`: exports in, a verdict per comment out, each reason citing section V."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest

from post_lint.api import COMMENTS
from post_lint.comments import policy, read_export, triage
from post_lint.comments.evaluate import score
from post_lint.config import Config
from post_lint.document import InputError
from post_lint.registry import load_checks
from post_lint.runner import Linter

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
CONFIG = (HERE / "comments" / "config.toml").read_text(encoding="utf-8")

POST = "The City Council approved the 2025 budget and a 4.9% levy increase at Monday's meeting."
ROWS = [
    ("1", "Ann", "The council's vote was wrong and everyone in this town knows it."),
    ("2", "Bob", "Mayor Skogquist is an idiot."),
    ("3", "Cy", "Councilmember Weaver takes kickbacks from the hauling company."),
    ("4", "Dee", "Earn $5,000 a week working from home! DM me to learn how."),
    ("5", "Eve", "Thanks for posting the budget documents."),
]


def _export(folder: Path, rows=ROWS, name: str = "comments.csv") -> Path:
    (folder / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "author", "text", "post"])
        for row in rows:
            writer.writerow([*row, POST])
    return path


def _verdicts(report: dict) -> dict[str, str]:
    return {c["id"]: c["verdict"] for c in report["comments"]}


def test_csv_export_gets_a_verdict_per_comment_and_reasons_citing_the_clause(cli, tmp_path: Path) -> None:
    path = _export(tmp_path)
    proc = cli("comments", "--format", "json", str(path), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert _verdicts(report) == {"1": "keep", "2": "hide", "3": "review", "4": "hide", "5": "keep"}
    attack = report["comments"][1]
    assert attack["reasons"][0]["clause"] == (
        "Personal attacks, insults, or threatening language directed at city staff or elected officials"
    )
    assert attack["reasons"][0]["words"] == "idiot"
    assert report["comments"][2]["reasons"][0]["clause"] == "Potentially libelous comments"
    assert report["summary"]["hide"] == 2 and report["summary"]["review"] == 1


def test_text_format_lists_what_to_hide_and_review_and_a_summary(cli, tmp_path: Path) -> None:
    path = _export(tmp_path)
    proc = cli("comments", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{path}:3 (id 2, Bob) HIDE" in proc.stdout
    assert "V. Rules of Use: \u201cCommercial promotions or spam\u201d" in proc.stdout
    assert "Ann" not in proc.stdout  # kept comments are listed only with --all
    assert proc.stdout.rstrip().splitlines()[-1].startswith("5 comments: 2 to hide, 1 to review, 2 to keep.")
    assert "Ann" in cli("comments", "--all", str(path), cwd=tmp_path).stdout


def test_csv_format_is_the_input_columns_plus_verdict_and_reasons(cli, tmp_path: Path) -> None:
    path = _export(tmp_path)
    proc = cli("comments", "--format", "csv", str(path), cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == ["id", "author", "text", "post", "verdict", "reasons"]
    assert [r["verdict"] for r in rows] == ["keep", "hide", "review", "hide", "keep"]
    assert rows[0]["reasons"] == ""
    assert "Commercial promotions or spam" in rows[3]["reasons"]
    assert rows[1]["text"] == ROWS[1][2]


def test_sarif_format_has_one_result_per_reason_with_levels(cli, tmp_path: Path) -> None:
    path = _export(tmp_path)
    sarif = json.loads(cli("comments", "-f", "sarif", str(path), cwd=tmp_path).stdout)
    results = sarif["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
    libel = next(r for r in results if r["ruleId"] == "accusations/named")
    assert libel["level"] == "warning"
    assert libel["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert libel["properties"]["id"] == "3"


def test_json_lines_with_other_key_names_and_nested_authors(cli, tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    lines = [
        {"comment_id": "a1", "from": {"name": "Ann"}, "message": "Looking forward to the meeting!"},
        {"comment_id": "a2", "from": {"name": "Bob"}, "message": "You people at City Hall are a bunch of clowns."},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    proc = cli(
        "comments", "-f", "json", "--text-column", "message", "--id-column", "comment_id", "--author-column", "from.name",
        str(path), cwd=tmp_path,
    )  # fmt: skip
    report = json.loads(proc.stdout)
    assert [(c["id"], c["author"], c["verdict"]) for c in report["comments"]] == [("a1", "Ann", "keep"), ("a2", "Bob", "hide")]


def test_stdin_is_read_as_an_export(cli, tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    data = "id,text\n1,What a fucking joke.\n2,Will there be a public hearing?\n"
    proc = cli("comments", "-f", "json", input=data, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert _verdicts(report) == {"1": "hide", "2": "keep"}
    assert report["comments"][0]["source"] == "<stdin>"
    jsonl = '{"text": "Great news for the park."}\n'
    assert cli("comments", "-", input=jsonl, cwd=tmp_path).returncode == 0


def test_nothing_to_hide_or_review_exits_0(cli, tmp_path: Path) -> None:
    path = _export(tmp_path, rows=[ROWS[0], ROWS[4]])
    proc = cli("comments", str(path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 comments: 0 to hide, 0 to review, 2 to keep." in proc.stdout


def test_a_missing_text_column_is_one_line_naming_the_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,who,words\n1,Ann,hello\n", encoding="utf-8")
    proc = cli("comments", str(path), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"post-lint: error: {path}: no column holds the comment text")
    assert "--text-column" in proc.stderr
    named = cli("comments", "--text-column", "body", str(path), cwd=tmp_path)
    assert "no column 'body' (named by --text-column)" in named.stderr and named.returncode == 2


def test_a_bad_json_line_is_reported_and_the_other_comments_still_judged(cli, tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "export.jsonl"
    path.write_text('{"text": "Skogquist is a clown."}\n{"text": oops}\n{"text": "Nice work."}\n', encoding="utf-8")
    proc = cli("comments", "-f", "json", str(path), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"post-lint: error: {path}:2: invalid JSON (Expecting value, column 10); line skipped"
    assert [c["verdict"] for c in json.loads(proc.stdout)["comments"]] == ["hide", "keep"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "the export is empty"), ('{"id": 1}\n', "no text key 'text'")],
)
def test_unreadable_exports_exit_2_with_one_line(cli, tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "export.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    proc = cli("comments", str(path), cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr and str(path) in proc.stderr


def test_the_post_option_lets_links_be_judged_against_the_post(cli, tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "post.txt").write_text("Snow emergency tonight: park off the street until plowing is done.", encoding="utf-8")
    path = tmp_path / "c.csv"
    path.write_text("text\nInteresting read: https://www.example.net/kardashian-wedding-photos\n", encoding="utf-8")
    assert cli("comments", str(path), cwd=tmp_path).returncode == 0  # no post: words beside the link, not judged
    proc = cli("comments", "-f", "json", "--post", "post.txt", str(path), cwd=tmp_path)
    reason = json.loads(proc.stdout)["comments"][0]["reasons"][0]
    assert (reason["verdict"], reason["rule"]) == ("review", "off-topic/link")


def _judge(texts: list[str], post: str = "") -> list:
    linter = Linter(profile=COMMENTS)
    linter.explicit_config = Config(data=tomllib.loads(CONFIG))
    rows = "".join(json.dumps({"text": t, "post": post}) + "\n" for t in texts)
    return triage(linter, [read_export(rows.encode(), "x.jsonl")]).judged


def test_repeated_text_goes_to_review_and_repeated_promotion_is_hidden() -> None:
    campaign = "Save the Green Street trees! Vote no on the widening plan on March 3."
    promo = "Claim your prize now at giftrewards-claim.click before it expires today"
    judged = _judge([campaign, campaign.upper(), promo, promo + "!!", "Short and sweet."])
    assert [j.verdict for j in judged] == ["review", "review", "hide", "hide", "keep"]
    assert judged[0].reasons[0].rule == "spam/repeated" and "row 2" in judged[0].reasons[0].message


def test_political_views_are_never_hidden_or_sent_to_review() -> None:
    views = [
        "Defund the police and use the money for mental health responders.",
        "Back the blue! Give the police what they need.",
        "The Democrats on this council have wrecked our budget.",
        "Typical Republican council: cut services, then blame the state.",
        "Vote every one of them out in November.",
        "We need stricter enforcement of immigration law, and I'll vote that way.",
        "Trump 2028! Make Anoka great again.",
        "This town needs a progressive mayor who believes in climate action.",
    ]
    assert [j.verdict for j in _judge(views, POST)] == ["keep"] * len(views)


def test_criticism_of_a_decision_stays_and_the_same_words_at_a_person_do_not() -> None:
    judged = _judge(
        [
            "The council's vote was wrong.",
            "This plan is stupid and will cause more accidents.",
            "The council is stupid.",
            "What a dumb idea.",
            "Mayor Skogquist is dumb.",
        ],
        POST,
    )
    assert [j.verdict for j in judged] == ["keep", "keep", "hide", "keep", "hide"]


def test_every_rule_of_the_comment_checks_has_a_policy_entry() -> None:
    checks, broken = load_checks()
    assert not broken
    known = {rule.match for rule in policy().rules}
    for check in checks:
        if COMMENTS not in check.profiles:
            continue
        for rule in check.rules:
            assert rule in known or check.name in known, f"{rule} has no entry in post_lint/comments/policy.toml"
    assert {c.name for c in checks if COMMENTS in c.profiles}.isdisjoint({"opinion", "partisan", "grammar"})


def test_read_export_refuses_a_file_without_comments() -> None:
    with pytest.raises(InputError, match="no comments"):
        read_export(b"[]", "x.json")


@pytest.mark.parametrize("name", ["dev.toml", "holdout.toml", "probes.toml"])
def test_the_project_comment_sets_stay_within_the_issue_targets(name: str) -> None:
    """A regression guard on the project's own comments (tests/comments/), not the blind measure."""
    totals = score(HERE / "comments" / name)["totals"]
    assert totals["legit_hidden"] <= 0.01
    assert totals["legit_reviewed"] <= 0.05
    assert totals["recall"] >= 0.90


def test_belittling_an_official_without_an_insult_word_goes_to_review_and_criticism_stays() -> None:
    judged = _judge(
        [
            "City Manager Lee has the warmth of a prison guard.",
            "Mayor Skogquist should stick to ribbon cuttings and leave the budget to the grown-ups, sweetheart.",
            "That police chief is a pompous little man playing dress-up.",
            "I've met houseplants with more brain activity than our council.",
            "This plan has the subtlety of a sledgehammer.",
            "City Manager Lee's budget is a disaster and he should resign.",
            "An old man was nearly hit at this crossing; the chief should put a guard there.",
        ],
        POST,
    )
    assert [j.verdict for j in judged] == ["review"] * 4 + ["keep"] * 3
    assert all(r.rule == "attacks/insult" for j in judged[:4] for r in j.reasons)
