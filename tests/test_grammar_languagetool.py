"""The grammar check against the real LanguageTool, end to end from the CLI.

Needs the jars: `post-lint languagetool install` (CI runs it first). The test
starts its own server on a free loopback port and stops it afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from post_lint.checks.grammar import languagetool as lt

pytestmark = [pytest.mark.languagetool, pytest.mark.slow]

_INSTALLED = lt.find_installation()


@pytest.fixture(scope="module")
def server_url():
    if _INSTALLED is None:
        pytest.skip("LanguageTool is not installed: run 'post-lint languagetool install' first")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        ["java", "-cp", _INSTALLED[0], "org.languagetool.server.HTTPServer", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        if not lt.wait_until_ready(url, 120, process):
            pytest.fail("LanguageTool did not start within 120 s")
        lt.Client(url, 180).check("Warm up.")  # the first check loads the rules
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _cli(args: list[str], text: str, config: Path) -> dict:
    env = dict(os.environ)
    run = subprocess.run(
        [sys.executable, "-m", "post_lint", "--config", str(config), "--format", "json", *args, "-"],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_cli_reports_languagetool_findings_at_the_right_columns(server_url: str, tmp_path: Path) -> None:
    config = tmp_path / "post-lint.toml"
    config.write_text(f'[grammar]\nengine = "languagetool"\nserver = "{server_url}"\ntimeout = 30\n', encoding="utf-8")
    text = "🎉 Residents will recieve a notice about an new parking rule. #AnokaMN @CityOfAnoka"
    out = _cli(["--select", "grammar"], text, config)
    findings = out["findings"] if "findings" in out else out
    found = {(f["rule"], text[f["offset"] : f["offset"] + f["length"]]) for f in findings}
    assert ("grammar/lt/MORFOLOGIK_RULE_EN_US", "recieve") in found
    # LanguageTool's EN_A_VS_AN and the builtin a/an rule flag the same word: one finding, both named
    (article,) = [f for f in findings if text[f["offset"] : f["offset"] + f["length"]] == "an"]
    assert article["rule"] == "grammar/a-an" and "LanguageTool agrees" in article["message"]
    assert not any("#AnokaMN" in span or "@CityOfAnoka" in span for _, span in found)
    typo = next(f for f in findings if f["rule"] == "grammar/lt/MORFOLOGIK_RULE_EN_US")
    assert "receive" in typo["suggestions"]
    assert "LanguageTool 6" in out["summary"]["notes"]["grammar engine"]


def test_cli_clean_city_post_has_no_languagetool_findings(server_url: str, tmp_path: Path) -> None:
    config = tmp_path / "post-lint.toml"
    config.write_text(f'[grammar]\nengine = "languagetool"\nserver = "{server_url}"\ntimeout = 30\n', encoding="utf-8")
    text = "Mayor Erik Skogquist will light the tree at Anoka City Hall on Friday at 6 p.m. #SnowEmergency"
    out = _cli(["--select", "grammar"], text, config)
    findings = out["findings"] if "findings" in out else out
    assert [f["rule"] for f in findings] == []


def test_auto_starts_the_real_shared_server_once_and_the_next_run_reuses_it(tmp_path: Path) -> None:
    """The real Java server through the real CLI: the first run starts and waits, the second reuses."""
    if _INSTALLED is None or not _INSTALLED[1].startswith("post-lint's copy"):
        pytest.skip("post-lint's own LanguageTool copy is not installed")
    if lt.find_java() is None:
        pytest.skip("Java is not installed")
    cache = tmp_path / "cache" / "post-lint" / f"languagetool-{lt.VERSION}"
    cache.mkdir(parents=True)
    (cache / "jars").symlink_to(lt.jars_dir())  # the installed jars, in a private cache and state
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "post-lint.toml"
    config.write_text(f"[grammar]\nport = {port}\nstart-wait = 240\ntimeout = 30\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "POST_LINT_AUTOSTART": "1", "POST_LINT_NO_CACHE": "1"}
    try:
        runs = []
        for text in ("Thanks for coming to this years festival.", "Their excited to see you."):
            run = subprocess.run(
                [sys.executable, "-m", "post_lint", "--config", str(config), "--format", "json", "--select", "grammar", "-"],
                input=text,
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            assert run.returncode in (0, 1), run.stderr
            runs.append(json.loads(run.stdout))
        first, second = (r["summary"]["notes"]["grammar engine"] for r in runs)
        assert first.startswith("LanguageTool 6.6") and "started for this run" in first
        assert second.startswith("LanguageTool 6.6") and "started" not in second
        # Both engines find "this years": one finding, the builtin message, LanguageTool's rule named.
        (festival,) = runs[0]["findings"]
        assert festival["rule"] == "grammar/apostrophe" and "THIS_YEARS_POSSESSIVE_APOSTROPHE" in festival["message"]
        assert [f["rule"] for f in runs[1]["findings"]] == ["grammar/confusable"]
    finally:
        subprocess.run([sys.executable, "-m", "post_lint", "languagetool", "stop"], env=env, capture_output=True, timeout=60)
