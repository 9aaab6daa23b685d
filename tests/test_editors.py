"""The editor snippets in docs/editors.md, run as far as possible without the editors.

Every pattern and command is read from the doc itself, so the test pins what users
copy: Vim's makeprg/errorformat run in a real Vim (when installed), the ALE and VS
Code patterns and the flycheck error patterns parse real ``--format line`` output,
and ``--stdin-filename`` finds the config from the name it is given.
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

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "editors.md"
POST = "Fun at the park this weekend!\nOur dogs 🐶 love the new off-leash area by the river.\n"
# emoji only, so the output does not depend on the other checks (or on spaCy)
EMOJI_ONLY = 'select = ["emoji"]\n'


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def _block(language: str, containing: str) -> str:
    found = [b for b in _blocks(language) if containing in b]
    assert len(found) == 1, f"expected one ```{language} block with {containing!r} in {DOC}"
    return found[0]


def _post_lint(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "post_lint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        encoding="utf-8",
    )


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    (tmp_path / ".post-lint.toml").write_text(EMOJI_ONLY, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "today.md").write_text(POST, encoding="utf-8")
    return tmp_path


def _line_output(posts: Path, name: str = "drafts/today.md") -> list[str]:
    done = _post_lint("--format", "line", "--stdin-filename", name, "-", stdin=POST, cwd=posts)
    assert done.returncode in (0, 1), done.stderr
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    return lines


# -- --stdin-filename --------------------------------------------------------------


def test_stdin_filename_names_the_output_and_finds_its_config(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / ".post-lint.toml").write_text('select = ["emoji"]\n[emoji]\nmax-count = 1\ninline = false\n')
    text = "County fair 🎡 rides 🎢 food\n"
    inside = _post_lint("--format", "line", "--stdin-filename", "drafts/today.md", "-", stdin=text, cwd=tmp_path)
    assert inside.stdout.splitlines() == [
        "drafts/today.md:1:21: warning: 2 emoji in this post, more than 1: screen readers read each emoji's full name"
        " aloud; keep the 1 that matter most [emoji/count]"
    ]
    # The same text named outside drafts/ gets the defaults (inline on, max-count 3).
    outside = _post_lint("--select", "emoji", "--format", "line", "--stdin-filename", "today.md", "-", stdin=text, cwd=tmp_path)
    rules = {line.rsplit(" [", 1)[1].rstrip("]") for line in outside.stdout.splitlines()}
    assert "emoji/inline" in rules and "emoji/count" not in rules
    assert all(line.startswith("today.md:1:") for line in outside.stdout.splitlines())


def test_stdin_filename_absolute_path_from_another_folder(tmp_path: Path, posts: Path) -> None:
    (posts / ".post-lint.toml").write_text(EMOJI_ONLY + "[emoji]\ninline = false\n", encoding="utf-8")
    name = str(posts / "drafts" / "today.md")
    done = _post_lint("--format", "line", "--stdin-filename", name, "-", stdin=POST + "🎉🎉🎉\n", cwd=ROOT)
    # inline off in that folder's config: only the row of three (and the count of four) on line 3
    assert [line.split(": warning: ")[0] for line in done.stdout.splitlines()] == [f"{name}:3:1", f"{name}:3:3"]


# -- Vim -----------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("vim") is None, reason="Vim is not installed")
def test_vim_makeprg_and_errorformat_fill_the_quickfix_list(posts: Path) -> None:
    snippet = _block("vim", "errorformat=")
    (posts / "post-lint.vim").write_text(snippet, encoding="utf-8")
    script = posts / "run.vim"
    script.write_text(
        "edit drafts/today.md\n"
        "source post-lint.vim\n"
        "silent make\n"
        "call writefile([json_encode(map(getqflist(), {_, e -> extend(e, {'file': bufname(e.bufnr)})}))], 'qf.json')\n"
        "qall!\n",
        encoding="utf-8",
    )
    subprocess.run(["vim", "-Nu", "NONE", "-i", "NONE", "-es", "-S", str(script)], cwd=posts, timeout=60, check=False)
    entries = [e for e in json.loads((posts / "qf.json").read_text(encoding="utf-8")) if e["valid"]]
    assert [(e["file"], e["lnum"], e["col"], e["type"]) for e in entries] == [("drafts/today.md", 2, 10, "w")]
    assert entries[0]["text"].startswith("emoji inside a sentence") and entries[0]["text"].endswith("[emoji/inline]")


def test_nvim_lint_uses_the_same_errorformat_as_vim() -> None:
    vim_efm = re.search(r"errorformat=((?:\\ |\S)+)", _block("vim", "errorformat=")).group(1).replace("\\ ", " ")
    lua = _block("lua", "from_errorformat")
    assert f'from_errorformat("{vim_efm}"' in lua
    assert '"--stdin-filename"' in lua and "stdin = true" in lua


def _lua_cmd(block: str) -> list[str]:
    return re.findall(r'"([^"]+)"', re.search(r"cmd = \{([^}]*)\}", block).group(1))


@pytest.mark.parametrize("marker", ["vim.lsp.config", "vim.lsp.start_client"])
def test_neovim_language_server_snippets_start_a_real_command(marker: str) -> None:
    cmd = _lua_cmd(_block("lua", marker))
    assert cmd == ["post-lint", "lsp"]
    done = _post_lint(*cmd[1:], "--help")
    assert done.returncode == 0 and "Usage: post-lint lsp" in done.stdout, done.stderr


NVIM_CHECK = """
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, { lnum = d.lnum, col = d.col, message = d.message, source = d.source or "" })
end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, clients = #vim.lsp.get_active_clients(), diagnostics = out }) }, "nvim.json")
vim.cmd("qall!")
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_0_7_snippet_attaches_the_language_server(posts: Path) -> None:
    """The 0.7-0.10 snippet, as written, in a real headless Neovim (Debian 12's is 0.7.2)."""
    (posts / "post-lint.lua").write_text(_block("lua", "vim.lsp.start_client"), encoding="utf-8")
    (posts / "check.lua").write_text(NVIM_CHECK, encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)  # where this environment's post-lint script is
    # Neovim's own files (0.7 writes its LSP log under stdpath("cache")) go to the test's folder,
    # so the test runs with a read-only home too.
    xdg = {f"XDG_{kind}_HOME": str(posts / f".nvim-{kind.lower()}") for kind in ("CONFIG", "DATA", "STATE", "CACHE")}
    env = {**os.environ, **xdg, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(
        # -n -i NONE: no swap file or shada in the user's home (which may be read-only)
        [
            "nvim",
            "--headless",
            "--clean",
            "-n",
            "-i",
            "NONE",
            "-c",
            "luafile post-lint.lua",
            "-c",
            "edit drafts/today.md",
            "-c",
            "luafile check.lua",
        ],
        cwd=posts,
        env=env,
        timeout=120,
        check=False,
        capture_output=True,
    )
    seen = json.loads((posts / "nvim.json").read_text(encoding="utf-8"))
    assert seen["ok"] and seen["clients"] == 1, seen
    assert [(d["lnum"], d["col"]) for d in seen["diagnostics"]] == [(1, 9)]  # 0-based: line 2, after "Our dogs "
    assert seen["diagnostics"][0]["message"].startswith("emoji inside a sentence")


def _vim_very_magic_to_python(pattern: str) -> str:
    assert pattern.startswith("\\v")
    return pattern[2:].replace(".{-}", ".*?")


@pytest.mark.parametrize("name", ["drafts/today.md", "drafts/10:30 update.md"])
def test_ale_pattern_parses_line_output(posts: Path, name: str) -> None:
    snippet = _block("vim", "ale#linter#Define")
    pattern = re.search(r"GetMatches\(a:lines, '([^']+)'\)", snippet).group(1)
    assert "'command': 'post-lint --format line --stdin-filename %s -'" in snippet
    (posts / name).write_text(POST, encoding="utf-8")
    lines = _line_output(posts, name)
    match = re.match(_vim_very_magic_to_python(pattern), lines[0])
    assert match is not None, lines[0]
    assert match.groups()[:3] == ("2", "10", "warning")
    assert match.group(4).startswith("emoji inside a sentence") and match.group(5) == "emoji/inline"


# -- Emacs ---------------------------------------------------------------------------


def _rx_to_regex(form: str) -> str:
    """The few rx forms flycheck's error patterns use here, as a Python regex."""
    pieces = {
        "line-start": "^",
        "line-end": "$",
        "(file-name)": "(?P<file>.+?)",
        "line": r"(?P<line>\d+)",
        "column": r"(?P<column>\d+)",
        "(message)": "(?P<message>.+?)",
    }
    out = []
    for token in re.findall(r'"[^"]*"|\([a-z-]+\)|[a-z-]+', form):
        out.append(re.escape(token[1:-1]) if token.startswith('"') else pieces[token])
    return "".join(out)


def test_flycheck_command_and_error_patterns(posts: Path) -> None:
    snippet = _block("elisp", "flycheck-define-checker")
    command = re.findall(r'"([^"]*)"|(source-original)', re.search(r":command \(([^)]*)\)", snippet).group(1))
    args = [quoted or "drafts/today.md" for quoted, _symbol in command]
    assert args[0] == "post-lint" and ":standard-input t" in snippet
    done = _post_lint(*args[1:], stdin=POST, cwd=posts)
    patterns = {
        level: _rx_to_regex(body) for level, body in re.findall(r"\((error|warning|info) (line-start.*?line-end)\)", snippet)
    }
    assert set(patterns) == {"error", "warning", "info"}
    lines = done.stdout.splitlines()
    assert lines
    for line in lines:
        hits = [level for level, regex in patterns.items() if re.match(regex, line)]
        assert hits == [line.split(": ")[1]], line
    first = re.match(patterns["warning"], lines[0])
    assert (first["file"], first["line"], first["column"]) == ("drafts/today.md", "2", "10")


def test_eglot_snippet_starts_the_language_server() -> None:
    snippet = _block("elisp", "eglot-server-programs")
    assert '("post-lint" "lsp")' in snippet


# -- VS Code -------------------------------------------------------------------------


def test_vscode_problem_matchers_parse_line_output(posts: Path) -> None:
    tasks = json.loads(_block("json", "problemMatcher"))["tasks"]
    assert tasks
    (posts / "drafts" / "10:30 update.md").write_text(POST, encoding="utf-8")
    folder = _post_lint("--format", "line", ".", cwd=posts)
    for task in tasks:
        assert task["command"] == "post-lint" and task["args"][:2] == ["--format", "line"]
        matcher = task["problemMatcher"]["pattern"]
        regex = re.compile(matcher["regexp"])  # JavaScript syntax; this pattern means the same in Python
        for line in folder.stdout.splitlines():
            match = regex.match(line)
            assert match is not None, line
            assert match.group(matcher["severity"]) in ("error", "warning", "info")
            assert match.group(matcher["file"]) in ("drafts/today.md", "drafts/10:30 update.md")
            assert (match.group(matcher["line"]), match.group(matcher["column"])) == ("2", "10")
            assert match.group(matcher["code"]) == "emoji/inline"
            assert match.group(matcher["message"]).startswith("emoji inside a sentence")
