"""``post-lint serve``: the JSON API, the static page, bad input, and the command itself.

The server runs in a thread on a free port (port 0). Most tests select only the
emoji check, so they pin the server's behaviour, not the state of other checks.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import serving

from post_lint.cli import main
from post_lint.serve import App, PostLintServer, Request, command

MAX_BODY = 20_000
DRAFT = "We ❤️ our volunteers! Thanks for all you do."
FINDING_KEYS = {
    "path",
    "check",
    "rule",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "offset",
    "length",
    "suggestions",
    "policy",
    "fix_safe",
}
SUMMARY_KEYS = {
    "files",
    "findings",
    "errors",
    "warnings",
    "infos",
    "by_check",
    "checks_run",
    "input_errors",
    "notes",
    "complete",
    "not_checked",
    "excluded",  # what a clean run did not check (an honest verdict)
}


def _start(folder: Path, **kwargs: Any) -> Iterator[PostLintServer]:
    with serving(folder, **kwargs) as server:
        yield server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostLintServer]:
    yield from _start(tmp_path_factory.mktemp("drafts"), select=["emoji"], max_body=MAX_BODY)


class Reply:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    def json(self) -> Any:
        assert self.headers.get_content_type() == "application/json"
        return json.loads(self.body)


def request(
    server: PostLintServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    connection: http.client.HTTPConnection | None = None,
) -> Reply:
    host, port = server.server_address[:2]
    conn = connection or http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        return Reply(conn.getresponse())
    finally:
        if connection is None:
            conn.close()


def check(server: PostLintServer, payload: Any, **kwargs: Any) -> Reply:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return request(server, "POST", "/api/check", body, {"Content-Type": "application/json"}, **kwargs)


def rules(reply: Reply) -> list[str]:
    assert reply.status == 200, reply.body
    return [f["rule"] for f in reply.json()["findings"]]


# -- the page ----------------------------------------------------------------


def test_page_and_its_files_are_served_from_the_package(server: PostLintServer) -> None:
    page = request(server, "GET", "/")
    assert page.status == 200
    assert page.headers.get_content_type() == "text/html"
    html = page.body.decode()
    assert '<label id="draft-label" for="draft"' in html
    assert "never leaves" in html
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        reply = request(server, "GET", path)
        assert reply.status == 200 and reply.headers.get_content_type() == kind and reply.body


def test_page_loads_nothing_from_other_sites(server: PostLintServer) -> None:
    reply = request(server, "GET", "/")
    policy = reply.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    for path in ("/", "/app.js", "/style.css"):
        text = request(server, "GET", path).body.decode()
        assert "http://" not in text.replace("http://127.0.0.1:PORT", "") and "https://" not in text, path


def test_head_of_the_page_has_headers_and_no_body(server: PostLintServer) -> None:
    reply = request(server, "HEAD", "/")
    assert reply.status == 200 and int(reply.headers["Content-Length"]) > 0 and reply.body == b""


# -- POST /api/check -------------------------------------------------------


def test_check_returns_the_json_report_schema(server: PostLintServer) -> None:
    reply = check(server, {"text": DRAFT, "profile": "official"})
    assert reply.status == 200
    data = reply.json()
    assert set(data) == {"version", "findings", "skipped", "summary"}
    assert set(data["summary"]) == SUMMARY_KEYS
    (finding,) = data["findings"]
    assert set(finding) == FINDING_KEYS
    assert finding["rule"] == "emoji/inline"
    assert finding["suggestions"] == ["love"]
    assert finding["path"] == "draft.txt"
    assert "limiting the use of emoji" in finding["policy"]
    assert data["summary"]["warnings"] == 1 and data["summary"]["checks_run"] == ["emoji"]


def test_check_answers_exactly_what_the_cli_prints_with_format_json(server: PostLintServer, tmp_path: Path) -> None:
    text = "Halloween Trick-or-Treat Trail this Friday! 🎃👻🍬🦇 Costumes welcome. We ❤️ our volunteers."
    cli = CliRunner().invoke(main, ["--format", "json", "--select", "emoji", "--stdin-filename", "draft.txt", "-"], input=text)
    assert cli.exit_code in (0, 1), cli.output
    expected = json.loads(cli.stdout)
    assert check(server, {"text": text}).json() == expected


def test_offsets_are_code_points_of_the_text_sent(server: PostLintServer) -> None:
    text = "🎉 Party time! We ❤️ our volunteers and thank everyone who helped at the river cleanup on Saturday."
    (finding,) = check(server, {"text": text}).json()["findings"]
    assert text[finding["offset"] : finding["offset"] + finding["length"]] == "❤️"
    assert finding["column"] == text.index("❤️") + 1


def test_both_profiles_and_no_profile_are_accepted(server: PostLintServer) -> None:
    for profile in ("official", "personal", None):
        payload = {"text": DRAFT} if profile is None else {"text": DRAFT, "profile": profile}
        assert rules(check(server, payload)) == ["emoji/inline"]


def test_markdown_format_leaves_comments_alone(server: PostLintServer) -> None:
    # A comment is not published; code is (issue 20), so it is no longer the example.
    text = "To sign up, use the box. <!-- We ❤️ our volunteers -->"
    assert rules(check(server, {"text": text, "format": "text"})) == ["emoji/inline"]
    assert rules(check(server, {"text": text, "format": "markdown"})) == []


def test_config_is_discovered_from_the_folder_the_server_started_in(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text("[emoji]\ninline = false\n", encoding="utf-8")
    for configured in _start(tmp_path, select=["emoji"]):
        assert rules(check(configured, {"text": DRAFT})) == []


def test_many_checks_share_one_connection(server: PostLintServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        for _ in range(3):
            assert rules(check(server, {"text": DRAFT}, connection=conn)) == ["emoji/inline"]
    finally:
        conn.close()


def test_concurrent_checks_all_get_their_own_answer(server: PostLintServer) -> None:
    texts = [f"Volunteer shift {n}: we ❤️ our volunteers." if n % 2 else f"Volunteer shift {n} starts at 9." for n in range(8)]
    answers: dict[int, list[str]] = {}

    def run(n: int) -> None:
        answers[n] = rules(check(server, {"text": texts[n]}))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert answers == {n: (["emoji/inline"] if n % 2 else []) for n in range(len(texts))}


# -- bad input: a clear JSON error with the right status ----------------------


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"", 400, "empty request"),
        (b"   ", 400, "empty request"),
        (b'{"text": ""}', 400, "'text' is empty"),
        (b'{"text": "  \\n "}', 400, "'text' is empty"),
        (b'{"profile": "official"}', 400, "'text' must be a string"),
        (b'{"text": 42}', 400, "'text' must be a string"),
        (b'{"text": "Hi", "profile": "work"}', 400, "'profile' must be one of official, personal, got 'work'"),
        (b'{"text": "Hi", "format": "html"}', 400, "'format' must be one of text, markdown"),
        (b'{"text": "Hi", "profiel": "official"}', 400, "unknown key 'profiel'"),
        (b'{"text": "Hi",}', 400, "invalid JSON"),
        (b"not json", 400, "invalid JSON"),
        (b'["We \\u2764 you"]', 400, "must be a JSON object"),
        ('{"text": "caf\u00e9"}'.encode("latin-1"), 400, "not UTF-8"),
    ],
)
def test_bad_request_bodies_are_refused_with_400(server: PostLintServer, body: bytes, status: int, says: str) -> None:
    reply = check(server, body)
    assert reply.status == status
    assert reply.json() == {"error": reply.json()["error"], "status": status}
    assert says in reply.json()["error"]


def test_body_over_the_limit_is_refused_with_413(server: PostLintServer) -> None:
    reply = check(server, {"text": "a" * (MAX_BODY + 1)})
    assert reply.status == 413
    error = reply.json()["error"]
    assert f"{MAX_BODY:,}-byte limit" in error and "--max-body" in error


def test_body_at_the_limit_is_checked(server: PostLintServer) -> None:
    padding = MAX_BODY - len(json.dumps({"text": DRAFT + " "}).encode())
    body = json.dumps({"text": DRAFT + " " * (padding + 1)}).encode()
    assert len(body) == MAX_BODY
    assert rules(check(server, body)) == ["emoji/inline"]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]
)
def test_wrong_content_type_is_refused_with_415(server: PostLintServer, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    reply = request(server, "POST", "/api/check", json.dumps({"text": DRAFT}).encode(), headers)
    assert reply.status == 415
    assert "application/json" in reply.json()["error"]


def test_json_with_a_charset_is_accepted(server: PostLintServer) -> None:
    body = json.dumps({"text": DRAFT}).encode()
    reply = request(server, "POST", "/api/check", body, {"Content-Type": "application/json; charset=utf-8"})
    assert rules(reply) == ["emoji/inline"]


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("GET", "/api/check", "POST"), ("PUT", "/api/check", "POST"), ("DELETE", "/", "GET, HEAD"), ("POST", "/", "GET, HEAD")],
)
def test_wrong_method_is_refused_with_405_and_allow(server: PostLintServer, method: str, path: str, allow: str) -> None:
    body = b"{}" if method in ("POST", "PUT") else None
    reply = request(server, method, path, body, {"Content-Type": "application/json"})
    assert reply.status == 405
    assert reply.headers["Allow"] == allow
    assert reply.json()["status"] == 405


@pytest.mark.parametrize("path", ["/nope", "/api", "/api/check/extra", "/../setup.cfg", "/web/app.js"])
def test_unknown_path_is_404(server: PostLintServer, path: str) -> None:
    reply = request(server, "GET", path)
    assert reply.status == 404
    assert "no such page" in reply.json()["error"]


def test_other_host_names_are_refused_on_loopback(server: PostLintServer) -> None:
    # A web page elsewhere cannot point its own name at 127.0.0.1 (DNS rebinding) and read the API.
    reply = request(server, "GET", "/", headers={"Host": "attacker.example:8765"})
    assert reply.status == 421
    assert request(server, "GET", "/", headers={"Host": "localhost"}).status == 200


def test_checks_endpoint_lists_installed_checks(server: PostLintServer) -> None:
    reply = request(server, "GET", "/api/checks")
    assert reply.status == 200
    (emoji,) = reply.json()
    assert emoji["name"] == "emoji" and emoji["description"] and "emoji" in emoji["policy"]


# -- routing: a function from a request to a response -------------------------------


class _Service:
    """Stands in for the warm linters: answers without linting."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None, str | None]] = []

    def check(self, text: str, profile: str | None = None, fmt: str | None = None) -> str:
        self.asked.append((text, profile, fmt))
        return '{"findings": []}'

    def checks(self) -> list[dict[str, Any]]:
        return [{"name": "emoji"}]


def _json_request(body: bytes, **headers: str) -> Request:
    sent = {"Host": "127.0.0.1:8765", "Content-Type": "application/json", "Content-Length": str(len(body)), **headers}
    return Request("POST", "/api/check?from=page", sent, body)


def test_routing_needs_no_socket_and_answers_every_request() -> None:
    service = _Service()
    app = App(service, max_body=100)  # type: ignore[arg-type]
    page = app.route(Request("HEAD", "/", {"Host": "localhost"}))
    assert (page.status, page.content_type) == (200, "text/html; charset=utf-8") and b"<html" in page.body.lower()
    answer = app.route(_json_request(b'{"text": "Hi", "profile": "personal"}'))
    assert answer.status == 200 and answer.body == b'{"findings": []}' and "Server-Timing" in answer.headers
    assert service.asked == [("Hi", "personal", None)]
    assert json.loads(app.route(Request("GET", "/api/checks", {"Host": "[::1]:1"})).body) == [{"name": "emoji"}]


@pytest.mark.parametrize(
    ("request_", "status", "close"),
    [
        (Request("GET", "/", {"Host": "attacker.example"}), 421, False),
        (Request("GET", "/nope", {"Host": "localhost"}), 404, False),
        (Request("GET", "/api/check", {"Host": "localhost"}), 405, False),
        (_json_request(b"{}", **{"Transfer-Encoding": "chunked"}), 411, True),
        (_json_request(b"{}", **{"Content-Length": "two"}), 400, True),
        (_json_request(b"{}", **{"Content-Type": "text/plain"}), 415, False),
        (_json_request(b"", **{"Content-Length": "101"}), 413, False),
        (_json_request(b'{"text": 1}'), 400, False),
    ],
)
def test_routing_refuses_with_a_json_error(request_: Request, status: int, close: bool) -> None:
    response = App(_Service(), max_body=100).route(request_)  # type: ignore[arg-type]
    assert (response.status, response.close) == (status, close)
    assert json.loads(response.body)["status"] == status


def test_a_crash_answers_500_and_is_logged_without_the_draft() -> None:
    class Crashing(_Service):
        def check(self, text: str, profile: str | None = None, fmt: str | None = None) -> str:
            raise RuntimeError("boom")

    response = App(Crashing(), max_body=100).route(_json_request(b'{"text": "secret draft"}'))  # type: ignore[arg-type]
    assert response.status == 500 and "RuntimeError: boom" in json.loads(response.body)["error"]
    assert response.log == "internal error on POST /api/check: RuntimeError('boom')"


# -- the command ---------------------------------------------------------------


def test_command_prints_the_address_and_serves_there(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "post_lint", "serve", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("post-lint is checking drafts at http://127.0.0.1:"), first
        url = first.rsplit(" ", 1)[1].strip()
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_command_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(command, ["--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port 0" in result.output


def test_command_is_a_post_lint_subcommand() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--open", "--max-body", "--config"):
        assert option in result.output


def test_page_files_are_shipped_in_the_package() -> None:
    # The page lives in the package post_lint.web: setup.py must find it, or a wheel ships without the page.
    import configparser

    setup = configparser.ConfigParser()
    setup.read(Path(__file__).parents[1] / "setup.cfg", encoding="utf-8")
    assert (Path(__file__).parents[1] / "post_lint" / "web" / "__init__.py").is_file()
    assert 'include=["post_lint", "post_lint.*"]' in (Path(__file__).parents[1] / "setup.py").read_text(encoding="utf-8")
    for pattern in ("*.html", "*.js", "*.css"):
        assert pattern in setup["options.package_data"]["*"]


# -- the "Moderate comments" tab's endpoint ------------------------------------


def _comments(server: PostLintServer, payload: Any) -> Reply:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return request(server, "POST", "/api/comments", body, {"Content-Type": "application/json"})


@pytest.fixture(scope="module")
def moderation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostLintServer]:
    folder = tmp_path_factory.mktemp("moderation")
    (folder / ".post-lint.toml").write_text('[body]\nofficials = ["Mayor Erik Skogquist"]\n', encoding="utf-8")
    yield from _start(folder, max_body=MAX_BODY)


@pytest.mark.slow
def test_comments_answer_what_the_cli_prints_for_an_export(moderation: PostLintServer, tmp_path: Path) -> None:
    export = "id,author,text\n1,Ann,The council's vote was wrong.\n2,Bob,Mayor Skogquist is an idiot.\n"
    reply = _comments(moderation, {"export": export, "name": "fb.csv"})
    assert reply.status == 200, reply.body
    report = reply.json()
    assert [(c["id"], c["verdict"]) for c in report["comments"]] == [("1", "keep"), ("2", "hide")]
    assert report["comments"][1]["source"] == "fb.csv" and report["comments"][1]["reasons"][0]["words"] == "idiot"
    (tmp_path / "fb.csv").write_text(export, encoding="utf-8")
    config = os.path.join(moderation.service.folder, ".post-lint.toml")
    cli = subprocess.run(
        [sys.executable, "-m", "post_lint", "comments", "-f", "json", "--config", config, "fb.csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "POST_LINT_NO_CACHE": "1"},
    )
    assert json.loads(cli.stdout)["comments"] == report["comments"]


@pytest.mark.slow
def test_comments_post_lets_off_topic_be_judged(moderation: PostLintServer) -> None:
    export = '{"text": "Does anyone know a good dentist in Coon Rapids?"}\n'
    post = "Snow emergency tonight: park off the street until plowing is done."
    report = _comments(moderation, {"export": export, "post": post, "format": "jsonl"}).json()
    assert report["comments"][0]["reasons"][0]["rule"] == "off-topic/unrelated"


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ({"export": "  "}, "'export' must hold the comments"),
        ({"export": "a,b\n1,2\n"}, "comments.csv: no column holds the comment text"),
        ({"export": "text\nhi\n", "format": "xml"}, "'format' must be one of auto, csv, jsonl"),
        ({"export": "text\nhi\n", "profile": "official"}, "unknown key 'profile'"),
        ({"export": "text\nhi\n", "post": 3}, "'post' must be a string"),
        (b"", "empty request"),
    ],
)
def test_bad_comment_requests_are_refused_with_400(server: PostLintServer, payload: Any, says: str) -> None:
    reply = _comments(server, payload)
    assert reply.status == 400 and says in reply.json()["error"], reply.body


# -- the page's exceptions, --config, and its data -------------------------------

NAMES_DRAFT = "Thanks to Ruth Olson for the cookies at the library open house on Saturday."
CITY_CONFIG = '# our city\n[body]\nname = "City of Anoka"\nvocabulary = [\n  "Skogquist",\n]\n\n[links]\nallowed-domains = ["anokaminnesota.com"]\n'


@pytest.fixture(scope="module")
def names_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostLintServer]:
    yield from _start(tmp_path_factory.mktemp("names"), select=["names", "grammar"])


def _vocabulary(server: PostLintServer, payload: Any) -> Reply:
    return request(server, "POST", "/api/vocabulary", json.dumps(payload).encode(), {"Content-Type": "application/json"})


def test_a_name_allowed_on_the_page_is_allowed_in_that_check_only_and_the_report_says_so(names_server: PostLintServer) -> None:
    assert "names/person" in rules(check(names_server, {"text": NAMES_DRAFT}))
    reply = check(names_server, {"text": NAMES_DRAFT, "allow": {"names": ["Ruth Olson"]}})
    assert "names/person" not in rules(reply)
    assert "Ruth Olson" in reply.json()["summary"]["notes"]["allowed on the page"]
    # Nothing was saved: the next check without the list finds the name again.
    assert "names/person" in rules(check(names_server, {"text": NAMES_DRAFT}))


@pytest.mark.parametrize(
    ("allow", "says"),
    [
        (["Ruth Olson"], "'allow' must be an object"),
        ({"people": ["Ruth Olson"]}, "unknown kind 'people'"),
        ({"names": "Ruth Olson"}, "must be a list of strings"),
        ({"names": ["x" * 201]}, "at most 200 characters"),
    ],
)
def test_a_bad_allow_list_is_refused_with_400(server: PostLintServer, allow: Any, says: str) -> None:
    reply = check(server, {"text": DRAFT, "allow": allow})
    assert reply.status == 400 and says in reply.json()["error"]


def test_vocabulary_answers_the_exact_line_and_changes_no_file(tmp_path: Path) -> None:
    (tmp_path / ".post-lint.toml").write_text(CITY_CONFIG, encoding="utf-8")
    with serving(tmp_path, select=["emoji"]) as server:
        reply = _vocabulary(server, {"kind": "words", "value": "Zimmerman"})
        assert reply.status == 200
        assert reply.json() == {
            "table": "body",
            "key": "vocabulary",
            "line": 'vocabulary = ["Skogquist", "Zimmerman"]',
            "present": False,
            "config": None,
            "written": False,
        }
        names = _vocabulary(server, {"kind": "names", "value": "Ruth Olson"}).json()
        assert (names["key"], names["line"]) == ("officials", 'officials = ["Ruth Olson"]')
        refused = _vocabulary(server, {"kind": "words", "value": "Zimmerman", "write": True})
        assert refused.status == 409 and "--config" in refused.json()["error"]
        assert _vocabulary(server, {"kind": "contacts", "value": "x"}).status == 400
    assert (tmp_path / ".post-lint.toml").read_text(encoding="utf-8") == CITY_CONFIG


def test_with_config_a_confirmed_write_adds_the_word_and_the_next_check_uses_it(tmp_path: Path) -> None:
    config = tmp_path / "city.toml"
    config.write_text(CITY_CONFIG + '\n[grammar]\nengine = "builtin"\n', encoding="utf-8")
    draft = "The splorf ride starts at noon in the park."
    with serving(tmp_path, select=["grammar"], config_file=str(config)) as server:
        assert "grammar/spelling" in rules(check(server, {"text": draft}))
        reply = _vocabulary(server, {"kind": "words", "value": "splorf", "write": True})
        assert reply.status == 200 and reply.json()["written"] is True and reply.json()["config"] == str(config)
        assert "grammar/spelling" not in rules(check(server, {"text": draft}))
    written = config.read_text(encoding="utf-8")
    assert 'vocabulary = ["Skogquist", "splorf"]' in written and written.startswith("# our city\n[body]")
    assert 'allowed-domains = ["anokaminnesota.com"]' in written


def test_serve_config_option_uses_that_file_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, ["--port", "0", "--config", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "nope.toml" in result.output


def test_platforms_json_has_the_limits_and_counting_of_the_length_check() -> None:
    import tomllib
    from importlib import resources

    from post_lint.checks import accessibility

    page = json.loads((resources.files("post_lint.web") / "platforms.json").read_text(encoding="utf-8"))
    check = tomllib.loads((Path(accessibility.__file__).parent / "platforms.toml").read_text(encoding="utf-8"))
    for platform in page["platforms"]:
        assert platform["limit"] == check[platform["id"]].get("limit"), platform["id"]
        assert platform["counting"] == check[platform["id"]]["counting"], platform["id"]
    assert [tuple(r) for r in page["x"]["narrow"]] == list(accessibility._X_NARROW)
    assert page["x"]["url_length"] == accessibility._X_URL_LENGTH
    assert {p["id"] for p in page["platforms"]} >= {"x", "facebook", "instagram", "nextdoor", "linkedin"}
