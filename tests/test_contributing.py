"""CONTRIBUTING.md's walkthrough works as written, and no built-in check skips a step of it.

The walkthrough is followed on a copy of this project: docs/check-example/jargon is
copied into checks/, the one setup.cfg line CONTRIBUTING.md shows is added, and the
result is pip-installed into a folder of its own (as tests/test_plugin_api.py
installs docs/plugin-example). Then the commands and the test file it shows run
against that installation, and their output must be what it shows.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "docs" / "check-example" / "jargon"
POST = "Please utilize the side door prior to 9 a.m."


def _fenced() -> list[tuple[str, str]]:
    """(language, body) of every fenced code block, in order."""
    blocks, language, body = [], None, []
    for line in CONTRIBUTING.splitlines(keepends=True):
        if line.startswith("```"):
            if language is None:
                language, body = line[3:].strip(), []
            else:
                blocks.append((language, "".join(body)))
                language = None
        elif language is not None:
            body.append(line)
    return blocks


def _blocks(language: str) -> list[str]:
    return [body for lang, body in _fenced() if lang == language]


def _add_to_setup_cfg(setup: str, snippet: str) -> str:
    """Append each indented line of ``snippet`` to the multi-line key it is listed under."""
    key = None
    for line in snippet.splitlines():
        if line.strip() in ("", "..."):
            continue
        if not line.startswith(" "):
            key = line.strip() if line.strip().endswith("=") else None
            continue
        assert key, f"{line!r} is not under a key in CONTRIBUTING.md's setup.cfg snippet"
        # The key's block: its line and the indented lines after it; the new line goes last.
        block = re.search(rf"^{re.escape(key)}\n(?:[ \t]+\S.*\n)*", setup, re.M)
        assert block, f"setup.cfg has no {key!r}"
        setup = setup[: block.end()] + line + "\n" + setup[block.end() :]
    return setup


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This project with the walkthrough's check added, installed into a folder of its own."""
    project = tmp_path_factory.mktemp("project")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("post_lint", "checks"):
        shutil.copytree(ROOT / folder, project / folder, ignore=ignore)
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, project / name)

    # Step 1, as written.
    assert any("cp -r docs/check-example/jargon checks/jargon" in block for block in _blocks("sh"))
    shutil.copytree(EXAMPLE, project / "checks" / "jargon", ignore=ignore)
    # Step 2: the line its setup.cfg snippet adds, under the key it shows: one entry point, and
    # no list of packages (setup.py finds the folder).
    [snippet] = [block for block in _blocks("ini") if "jargon" in block]
    assert [line.strip() for line in snippet.splitlines() if "jargon" in line] == ["jargon = post_lint.checks.jargon:CHECK"]
    setup = _add_to_setup_cfg((project / "setup.cfg").read_text(encoding="utf-8"), snippet)
    assert setup.count("post_lint.checks.jargon") == 1
    (project / "setup.cfg").write_text(setup, encoding="utf-8")

    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir"]
        + ["--target", str(target), str(project)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def _run(site: Path, *args: str, input: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # The installed copy comes first on the path; no cache may replay another installation's scan.
    env = {**os.environ, "PYTHONPATH": str(site), "POST_LINT_NO_CACHE": "1", "NO_COLOR": "1"}
    env["XDG_CACHE_HOME"] = str(site.parent / "cache")
    # Never this checkout as the working folder: `python -m`/`-c` put it first on sys.path.
    return subprocess.run(
        [sys.executable, *args], input=input, capture_output=True, text=True, env=env, cwd=cwd or site.parent, timeout=300
    )


def test_the_example_check_is_listed_explained_and_lints_exactly_as_shown(site: Path) -> None:
    listed = _run(site, "-m", "post_lint", "checks")
    assert re.search(r"^jargon\s+info\s+V\. Rules of Use\s+Bureaucratic words", listed.stdout, re.M), listed.stdout
    explained = _run(site, "-m", "post_lint", "explain", "jargon")
    assert "`jargon/plain-word`" in explained.stdout and "`ignore-words`" in explained.stdout
    assert any("post-lint explain jargon/plain-word" in block for block in _blocks("sh"))
    rule = _run(site, "-m", "post_lint", "explain", "jargon/plain-word")  # from its rules.toml
    assert "## Why is this bad?" in rule.stdout and "Write the plain word the finding suggests." in rule.stdout

    assert any(f'echo "{POST}" | post-lint --select jargon -' in block for block in _blocks("sh"))
    [shown] = [block for block in _blocks("") if block.startswith("<stdin>")]
    linted = _run(site, "-m", "post_lint", "--select", "jargon", "-", input=POST + "\n")
    assert linted.stdout == shown
    assert linted.returncode == 0  # info findings do not fail the run


def test_the_example_check_is_the_installed_one_and_its_cases_hold(site: Path) -> None:
    code = "import post_lint.checks.jargon as j; from post_lint.testing import assert_cases; assert_cases('jargon'); print(j.__file__)"
    proc = _run(site, "-c", code)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).is_relative_to(site)


def test_the_installed_package_holds_every_module_and_data_file_of_the_sources(site: Path) -> None:
    # setup.py must find every package (the new check's too) and setup.cfg's package_data patterns
    # must match every word list, model and page, or a non-editable install (a wheel, the
    # pre-commit hook's venv) crashes where an editable one works.
    missing = []
    for source, installed in ((ROOT / "post_lint", site / "post_lint"), (ROOT / "checks", site / "post_lint" / "checks")):
        for path in source.rglob("*"):
            if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
                if not (installed / path.relative_to(source)).is_file():
                    missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_the_test_file_the_walkthrough_shows_passes(site: Path, tmp_path: Path) -> None:
    [shown] = [block for block in _blocks("python") if "post_lint.testing" in block]
    (tmp_path / "test_jargon.py").write_text(shown, encoding="utf-8")
    proc = _run(site, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_jargon.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 passed" in proc.stdout


def test_every_built_in_check_is_registered_and_kept_independent() -> None:
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    assert "packages" not in setup["options"], "setup.py finds the packages: a list in setup.cfg would be a second place"
    entry_points = dict(line.split(" = ") for line in setup["options.entry_points"]["post_lint.checks"].strip().splitlines())
    contracts = configparser.ConfigParser()
    contracts.read(ROOT / ".importlinter", encoding="utf-8")
    independent = contracts["importlinter:contract:checks-independent"]["modules"].split()

    folders = sorted(p.parent for p in (ROOT / "checks").glob("*/__init__.py"))
    assert folders
    for folder in folders:
        module = f"post_lint.checks.{folder.name}"
        assert f"{module}:CHECK" in entry_points.values(), f"setup.cfg has no post_lint.checks entry point for {module}"
        assert module in independent or "post_lint.checks.*" in independent, (
            f".importlinter's checks-independent contract lacks {module}"
        )
