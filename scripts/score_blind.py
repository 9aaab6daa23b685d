"""Score checks on labeled sets made of several folders (a blind set with one sub-folder per body).

Each folder is scored by ``python -m post_lint.evaluate`` with its own ``config.toml``; the counts
are summed, and one table of precision and recall is printed for all of them together (only
figures, never texts, so a blind set is scored without anyone reading it)::

    python scripts/score_blind.py tests/blind/judgement-fresh-5 --check opinion --check partners

A folder without drafts of its own stands for its sub-folders.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path


def folders(paths: list[Path]) -> list[Path]:
    """Each folder that holds drafts (``*.toml`` other than ``config.toml``), sub-folders for a folder without."""
    found: list[Path] = []
    for path in paths:
        own = [f for f in path.glob("*.toml") if f.name != "config.toml"]
        found += [path] if own else sorted(p for p in path.iterdir() if p.is_dir())
    return found


def score(folder: Path, checks: list[str]) -> dict[str, dict[str, int]]:
    command = [sys.executable, "-m", "post_lint.evaluate", str(folder), "--json", *[f"--check={c}" for c in checks]]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        sys.exit(f"{folder}: evaluate failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)["checks"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="append", required=True, help="a check to score (repeatable)")
    args = parser.parse_args()
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for folder in folders(args.paths):
        for check, counts in score(folder, args.check).items():
            totals[check].update({k: counts[k] for k in ("tp", "fp", "fn")})
    print(f"{'check':<15}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}")
    for check in args.check:
        c = totals[check]
        precision = c["tp"] / max(c["tp"] + c["fp"], 1)
        recall = c["tp"] / max(c["tp"] + c["fn"], 1)
        print(f"{check:<15}{precision:>10.3f}{recall:>8.3f}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}")


if __name__ == "__main__":
    main()
