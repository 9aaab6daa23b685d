"""A check shipped by a separate distribution is discovered, configured and reported.

The distribution is the README's example (docs/plugin-example), installed
with pip into a folder of its own, exactly as a third party would ship it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXAMPLE = ROOT / "docs" / "plugin-example"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src") / "plugin"
    shutil.copytree(EXAMPLE, src)
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(src),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def _run(plugin_site: Path, *args: str, text: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(plugin_site), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "post_lint", *args], input=text, capture_output=True, text=True, env=env, cwd=cwd
    )


def test_third_party_check_is_listed_and_explained(plugin_site):
    listed = _run(plugin_site, "checks", text="")
    assert re.search(r"^promo\s+warning\s+V\. Rules of Use\s+Commercial promotions and spam\.", listed.stdout, re.M)
    explained = _run(plugin_site, "explain", "promo", text="")
    assert "“Commercial promotions or spam”" in explained.stdout and "`allow`" in explained.stdout


def test_third_party_check_reports_findings_with_its_rule_and_policy(plugin_site):
    proc = _run(plugin_site, "--select", "promo", "--format", "json", "-", text="Stop by the bakery and use code SAVE20 today!")
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["rule"] == "promo/promotion" and finding["check"] == "promo"
    assert (finding["column"], finding["length"]) == (24, 15)
    assert finding["policy"] == "V. Rules of Use: “Commercial promotions or spam”"


def test_third_party_check_is_configured_from_the_project_config(plugin_site, tmp_path):
    (tmp_path / ".post-lint.toml").write_text('[promo]\nseverity = "error"\nallow = ["buy now"]\n', encoding="utf-8")
    proc = _run(
        plugin_site,
        "--select",
        "promo",
        "--format",
        "json",
        "--stdin-filename",
        "p.txt",
        "-",
        text="Buy now! 20% off.",
        cwd=tmp_path,
    )
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["severity"], f["message"].split("'")[1]) for f in findings] == [("error", "20% off")]
    assert proc.returncode == 1
    bad = tmp_path / ".post-lint.toml"
    bad.write_text("[promo]\nallow = 'buy now'\n", encoding="utf-8")
    proc = _run(plugin_site, "--select", "promo", "--stdin-filename", "p.txt", "-", text="x", cwd=tmp_path)
    assert proc.returncode == 2 and "[promo]: 'allow' must be a list" in proc.stderr


def test_readme_shows_the_example_plugin_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("setup.cfg", "post_lint_promo/__init__.py"):
        assert (EXAMPLE / name).read_text(encoding="utf-8").strip() in readme, name


FORMAT_PLUGIN = {
    "setup.cfg": """\
[metadata]
name = post-lint-tally
version = 1.0.0

[options]
py_modules = post_lint_tally

[options.entry_points]
post_lint.formats =
    tally = post_lint_tally:FORMAT
    broken = post_lint_tally:MISSING
""",
    "setup.py": "from setuptools import setup\n\nsetup()\n",
    "post_lint_tally.py": """\
from collections import Counter

from post_lint.reporters import Format


def render(result, options):
    counts = Counter(f.rule for f in result.findings)
    lines = [f"{rule}\\t{count}" for rule, count in sorted(counts.items())]
    return "\\n".join(lines if options.quiet else [*lines, f"{len(result.findings)} in all"])


FORMAT = Format("tally", "findings counted by rule", render)
""",
}


@pytest.fixture(scope="module")
def format_site(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("format-src")
    for name, text in FORMAT_PLUGIN.items():
        (src / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("format-site")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir"]
        + ["--target", str(target), str(src)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def test_a_third_party_output_format_is_offered_and_gets_the_options(format_site, tmp_path):
    shown = _run(format_site, "lint", "--help", text="")
    assert re.search(r"--format \[text\|[a-z|]*tally", shown.stdout)
    draft = "Trick or treat! 🎃👻🍬🦇"
    proc = _run(format_site, "--select", "emoji", "-f", "tally", "-", text=draft, cwd=tmp_path)
    assert proc.stdout.splitlines() == ["emoji/count\t1", "emoji/run\t1", "2 in all"]
    assert proc.returncode == 0  # emoji findings are warnings
    quiet = _run(format_site, "--select", "emoji", "-f", "tally", "-q", "-", text=draft, cwd=tmp_path)
    assert quiet.stdout.splitlines() == ["emoji/count\t1", "emoji/run\t1"]


def test_a_broken_output_format_is_one_line_and_exit_code_2(format_site):
    proc = _run(format_site, "--select", "emoji", "-f", "broken", "-", text="Hello.")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "post-lint: error: output format 'broken' could not be loaded (AttributeError: "
        "module 'post_lint_tally' has no attribute 'MISSING')"
    )
