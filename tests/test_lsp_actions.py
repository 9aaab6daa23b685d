"""The language server's "allow in this post" and "add to the city's vocabulary" actions (issue 18).

They are edits the editor shows and the user saves: the server writes no file itself.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

import yaml
from test_lsp import LspClient, _apply, _change, _open  # the session helpers of the LSP tests

from post_lint.config import Config
from post_lint.consents import consents_in
from post_lint.lsp_actions import adopt, allow_kind, consent_entry, front_matter_with_allow

NAMED = "Thanks to Ruth Olson for turning in the lost keys at City Hall.\n"


def test_which_findings_can_be_allowed_in_a_post() -> None:
    assert allow_kind("names/person") == "names"
    assert allow_kind("personal-data/phone") == "contacts"
    assert allow_kind("grammar/spelling") == "words"
    assert allow_kind("emoji/inline") is None


def test_front_matter_gains_an_allow_list_and_keeps_what_it_held() -> None:
    fresh = front_matter_with_allow(NAMED, "names", "Ruth Olson")
    assert fresh is not None and fresh.endswith(NAMED)
    assert yaml.safe_load(fresh.split("---\n")[1]) == {"post-lint": {"allow": {"names": ["Ruth Olson"]}}}
    existing = "---\ntitle: Keys found\npost-lint:\n  profile: official\n---\n" + NAMED
    edited = front_matter_with_allow(existing, "names", "Ruth Olson")
    assert edited is not None and edited.endswith(NAMED)
    data = yaml.safe_load(edited.split("---\n")[1])
    assert data == {"title": "Keys found", "post-lint": {"profile": "official", "allow": {"names": ["Ruth Olson"]}}}
    assert front_matter_with_allow(edited, "names", "Ruth Olson") is None  # already allowed: no action
    assert front_matter_with_allow("---\r\ntitle: x\r\n---\r\n" + NAMED, "names", "Ruth Olson") is None


def test_a_consent_entry_is_a_valid_record_of_who_and_when(tmp_path: Path) -> None:
    entry = consent_entry("keys.txt", "names", "Ruth Olson", datetime.date(2026, 12, 7))
    (tmp_path / "consents.toml").write_text(entry, encoding="utf-8")
    data = tomllib.loads(entry)["consent"][0]
    assert data["who"] == "Ruth Olson" and data["date"] == datetime.date(2026, 12, 7) and "how" in data
    assert consents_in(tmp_path)  # post_lint.consents accepts it


def test_adopting_a_word_edits_the_config_that_applies_or_creates_one(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    created = adopt(Config(), str(post), "words", "Riverfest", "utf-16")
    assert created is not None and created.document_changes is not None
    config = tmp_path / ".post-lint.toml"
    config.write_text('[body]\nname = "City of Anoka"\n', encoding="utf-8")
    edit = adopt(Config(config, tmp_path, tomllib.loads(config.read_text())), str(post), "words", "Riverfest", "utf-16")
    assert edit is not None and edit.changes is not None
    [text_edit] = edit.changes[config.as_uri()]
    assert tomllib.loads(text_edit.new_text)["body"] == {"name": "City of Anoka", "vocabulary": ["Riverfest"]}
    assert config.read_text(encoding="utf-8") == '[body]\nname = "City of Anoka"\n'  # the server wrote nothing


def test_in_a_session_allowing_a_name_in_a_markdown_post_clears_its_finding(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    client = LspClient(tmp_path)
    try:
        client.initialize(tmp_path, ["utf-16"], {"select": ["names"]})
        uri = (tmp_path / "posts" / "keys.md").as_uri()
        _open(client, uri, NAMED)
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
        [name] = [d for d in published["diagnostics"] if str(d["code"]).startswith("names/")]
        actions: list[dict[str, Any]] = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": name["range"], "context": {"diagnostics": [name]}},
        )
        titles = [a["title"] for a in actions]
        assert "Allow “Ruth Olson” in this post (front matter)" in titles, titles
        assert "Add “Ruth Olson” to the city's allowed names (config)" in titles, titles
        allow = actions[titles.index("Allow “Ruth Olson” in this post (front matter)")]
        fixed = _apply(NAMED, allow["edit"]["changes"][uri][0], "utf-16")
        assert fixed.endswith(NAMED) and "Ruth Olson" in fixed.split("---")[1]
        _change(client, uri, fixed, 2)
        after = client.wait_for("textDocument/publishDiagnostics", uri=uri, version=2)
        assert [d for d in after["diagnostics"] if str(d["code"]).startswith("names/")] == []
        assert not (tmp_path / "posts" / ".post-lint.toml").exists()  # offered, never written by the server
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
