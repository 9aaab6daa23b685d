"""`post-lint config [PATH]`: the effective settings and where each came from, one test per source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

POST = "Join us at the park on Saturday.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # config discovery stops here
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "park.txt").write_text(POST, encoding="utf-8")
    return tmp_path


def _config(cli: Any, repo: Path, *args: str) -> dict[str, Any]:
    proc = cli("config", "--format", "json", *args, cwd=repo)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_defaults_when_there_is_no_config(cli, repo):
    report = _config(cli, repo, "drafts")
    assert report["kind"] == "folder" and report["config_file"] is None
    settings = report["settings"]
    assert settings["profile"] == {"value": "official", "source": "default", "where": ""}
    assert settings["fail-on"]["value"] == "error" and settings["fail-on"]["source"] == "default"
    assert "emoji" in settings["select"]["value"] and settings["select"]["source"] == "default"
    emoji = report["checks"]["emoji"]
    assert emoji["runs"] and emoji["severity"] == {"value": "warning", "source": "default", "where": ""}
    assert emoji["options"]["max-count"] == {"value": 3, "source": "default", "where": ""}
    assert emoji["policy"]["source"] == "default" and emoji["policy"]["section"] == "V. Rules of Use"
    assert report["body"]["name"]["source"] == "default"


def test_config_file_values_name_the_file_and_table(cli, repo):
    (repo / ".post-lint.toml").write_text(
        'fail-on = "warning"\nignore = ["links"]\n'
        '[body]\nname = "City of Maplewood Falls"\n[names]\nallow = ["Mayor Dana Whitfield"]\n'
        '[emoji]\nmax-count = 1\nseverity = "error"\n'
        '[policy]\ntitle = "Maplewood Falls Social Media Policy"\n'
        '[policy.sections]\n"V. Rules of Use" = "4. Conduct"\n[policy.clauses]\nemoji = "Use emoji sparingly."\n',
        encoding="utf-8",
    )
    report = _config(cli, repo, "drafts/park.txt")
    toml = str(repo / ".post-lint.toml")
    assert report["kind"] == "post" and Path(report["config_file"]) == repo / ".post-lint.toml"
    assert report["settings"]["fail-on"] == {"value": "warning", "source": "config", "where": toml}
    assert report["settings"]["ignore"] == {"value": ["links"], "source": "config", "where": toml}
    assert not report["checks"]["links"]["runs"]
    emoji = report["checks"]["emoji"]
    assert emoji["options"]["max-count"] == {"value": 1, "source": "config", "where": f"{toml} [emoji]"}
    assert emoji["severity"] == {"value": "error", "source": "config", "where": f"{toml} [emoji]"}
    assert emoji["options"]["inline"]["source"] == "default"
    assert emoji["policy"] == {
        "section": "4. Conduct",
        "clause": "Use emoji sparingly.",
        "source": "config",
        "where": f"{toml} [policy.clauses]",
    }
    assert report["checks"]["conduct"]["policy"]["section"] == "4. Conduct"  # renamed; the example's words
    assert report["body"]["name"]["value"] == "City of Maplewood Falls"
    assert report["body"]["officials"] == {
        "value": ["Mayor Dana Whitfield"],
        "source": "config",
        "where": f"{toml} [names] allow",
    }
    assert report["policy"]["title"]["source"] == "config"


def test_pyproject_tool_table_is_named(cli, repo):
    (repo / "pyproject.toml").write_text('[tool.post-lint]\nprofile = "personal"\n[tool.post-lint.emoji]\ninline = false\n')
    report = _config(cli, repo, "drafts/park.txt")
    pyproject = str(repo / "pyproject.toml")
    assert report["settings"]["profile"] == {"value": "personal", "source": "config", "where": f"{pyproject} [tool.post-lint]"}
    assert report["checks"]["emoji"]["options"]["inline"]["where"] == f"{pyproject} [tool.post-lint.emoji]"
    assert not report["checks"]["opinion"]["runs"] and "personal" in report["checks"]["opinion"]["why_not"]


def test_command_line_wins_and_says_so(cli, repo):
    (repo / ".post-lint.toml").write_text('profile = "personal"\nfail-on = "info"\n', encoding="utf-8")
    args = ("--select", "emoji,links", "--ignore", "links/shortener", "--profile", "official", "--fail-on", "never")
    report = _config(cli, repo, *args, "drafts/park.txt")
    settings = report["settings"]
    assert settings["select"] == {"value": ["emoji", "links"], "source": "command line", "where": "--select"}
    assert settings["ignore"]["value"] == ["links/shortener"] and settings["ignore"]["source"] == "command line"
    assert settings["profile"]["source"] == "command line" and settings["profile"]["value"] == "official"
    assert settings["fail-on"]["value"] == "never" and settings["fail-on"]["source"] == "command line"
    runs = sorted(name for name, check in report["checks"].items() if check["runs"])
    assert runs == ["emoji", "links"]
    assert report["checks"]["links"]["ignored_rules"] == ["links/shortener"]


def test_front_matter_of_a_post(cli, repo):
    (repo / ".post-lint.toml").write_text('ignore = ["emoji/run"]\n', encoding="utf-8")
    (repo / "drafts" / "mine.md").write_text(
        "---\npost-lint:\n  profile: personal\n  ignore: [emoji/inline]\n  allow: {names: [Ruth Olson], words: [Riverfest]}\n"
        "---\nThanks, Ruth Olson, for Riverfest!\n",
        encoding="utf-8",
    )
    report = _config(cli, repo, "drafts/mine.md")
    settings = report["settings"]
    assert settings["profile"] == {"value": "personal", "source": "front matter", "where": "drafts/mine.md"}
    assert settings["ignore"]["value"] == ["emoji/run", "emoji/inline"]
    assert settings["ignore"]["source"] == "config + front matter"
    assert report["body"]["officials"]["value"] == ["Ruth Olson"]
    assert report["body"]["officials"]["source"] == "front matter"
    assert report["body"]["vocabulary"]["where"] == "drafts/mine.md allow words"
    assert any("front matter sets" in note for note in report["notes"])


def test_consents_file_beside_a_post(cli, repo):
    (repo / "drafts" / "consents.toml").write_text(
        '[[consent]]\npost = "park.txt"\nnames = ["Ruth Olson"]\nwho = "Ruth Olson"\ndate = 2026-05-01\n', encoding="utf-8"
    )
    report = _config(cli, repo, "drafts/park.txt")
    officials = report["body"]["officials"]
    assert officials["value"] == ["Ruth Olson"] and officials["source"] == "consents"
    assert officials["where"] == str(Path("drafts") / "consents.toml")
    assert _config(cli, repo, "drafts")["body"]["officials"]["value"] == []  # a folder: no one post's consents


def test_text_output_and_errors(cli, repo):
    (repo / ".post-lint.toml").write_text("[emoji]\nmax-count = 1\n", encoding="utf-8")
    text = cli("config", "drafts/park.txt", cwd=repo).stdout
    assert "Effective settings for the post drafts/park.txt" in text
    assert "max-count" in text and f"(config: {repo / '.post-lint.toml'} [emoji])" in text
    (repo / ".post-lint.toml").write_text("[emoji]\nmax-cuont = 1\n", encoding="utf-8")
    bad = cli("config", "drafts/park.txt", cwd=repo)
    assert bad.returncode == 2 and "did you mean 'max-count'?" in bad.stderr and "Traceback" not in bad.stderr
    missing = cli("config", "drafts/nothing.md", cwd=repo)
    assert missing.returncode == 2 and "drafts/nothing.md: no such file or folder" in missing.stderr
