"""Score checks on labeled sets made of several folders (a blind set with one sub-folder per body).

Each folder is scored by ``python -m post_lint.evaluate`` with its own ``config.toml``; the counts
are summed, and one table of precision and recall is printed for all of them together (only
figures, never texts, so a blind set is scored without anyone reading it)::

    python scripts/score_blind.py tests/blind/judgement-fresh-5 --check opinion --check partners

A folder without drafts of its own stands for its sub-folders. ``--by-kind`` also prints, per check,
how many positives of each ``kind`` (the writers' word for how a draft slips: sarcasm, implication,
plain...) were caught, and how many clean drafts of each kind were flagged: counts, never texts.
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


def by_kind(folder_list: list[Path], checks: list[str]) -> None:
    """Caught / total positives per (check, kind), and false alarms per (check, kind) of clean drafts."""
    import tomllib

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from post_lint.runner import Linter

    caught: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    alarms: collections.Counter[tuple[str, str]] = collections.Counter()
    for folder in folder_list:
        posts = [
            post
            for file in sorted(folder.glob("*.toml"))
            if file.name != "config.toml"
            for post in tomllib.loads(file.read_text(encoding="utf-8")).get("post", [])
        ]
        config = folder / "config.toml"
        linter = Linter(select=checks, config_file=str(config) if config.exists() else None)
        result = linter.lint_batch([(post["text"], f"{post['id']}.txt") for post in posts])
        flagged = {(f.path, f.check) for f in result.findings if f.severity in ("error", "warning")}
        for post in posts:
            kind = str(post.get("kind", "?"))
            for check in checks:
                hit = (f"{post['id']}.txt", check) in flagged
                if check in post.get("labels", []):
                    caught[(check, kind)][0] += hit
                    caught[(check, kind)][1] += 1
                elif hit:
                    alarms[(check, kind)] += 1
    for check in checks:
        rows = sorted((k for k in caught if k[0] == check), key=lambda k: -caught[k][1])
        print(f"{check}: caught/positives by kind: " + ", ".join(f"{k[1]} {caught[k][0]}/{caught[k][1]}" for k in rows))
        flagged_kinds = sorted((k for k in alarms if k[0] == check), key=lambda k: -alarms[k])
        if flagged_kinds:
            print(f"{check}: false alarms by kind: " + ", ".join(f"{k[1]} {alarms[k]}" for k in flagged_kinds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="append", required=True, help="a check to score (repeatable)")
    parser.add_argument("--by-kind", action="store_true", help="also count caught positives and false alarms per kind")
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
    if args.by_kind:
        by_kind(folders(args.paths), args.check)


if __name__ == "__main__":
    main()
