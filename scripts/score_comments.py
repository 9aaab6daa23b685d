"""Score `post-lint comments` on a labeled comment set: figures per category, never texts.

A set is a folder with ``comments.toml`` (``[[comment]]`` tables: id, author, text, post,
category, verdict; ``post`` is the post's text or a name from a ``[posts]`` table) and an
optional ``config.toml``. Printed, per category: how many comments were kept, sent to review
and hidden, and the share caught; then issue 21's three figures:

- recall: the share of comments the policy lets staff hide (or, for libel and plagiarism,
  asks a person to read) that post-lint hides or sends to review;
- legitimate criticism hidden, and legitimate comments (criticism and ordinary) sent to review.

Only counts are printed, so a blind set can be scored without anyone reading its texts::

    python scripts/score_comments.py tests/blind/comments-b
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tomllib
from pathlib import Path

LEGITIMATE = ("criticism", "ordinary")


def judge(folder: Path, exe: list[str]) -> tuple[list[dict], list[str]]:
    """Run the comments command on the set; the labeled rows and the verdicts, in order."""
    data = tomllib.loads((folder / "comments.toml").read_text(encoding="utf-8"))
    rows, posts = data["comment"], data.get("posts", {})
    export = "".join(
        json.dumps(
            {
                "id": str(row.get("id", i)),
                "author": row.get("author", ""),
                "text": row["text"],
                # a name from the set's [posts] table, or the post's text
                "post": posts.get(row.get("post", ""), row.get("post", "")),
            }
        )
        + "\n"
        for i, row in enumerate(rows, start=1)
    )
    command = [*exe, "comments", "--no-cache", "-f", "json", "--input-format", "jsonl"]
    if (folder / "config.toml").exists():
        command += ["--config", str(folder / "config.toml")]
    done = subprocess.run([*command, "-"], input=export, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"post-lint comments failed ({done.returncode}): {done.stderr.strip()[:500]}")
    verdicts = [comment["verdict"] for comment in json.loads(done.stdout)["comments"]]
    if len(verdicts) != len(rows):
        sys.exit(f"{len(rows)} comments in, {len(verdicts)} verdicts out")
    return rows, verdicts


def report(rows: list[dict], verdicts: list[str]) -> dict[str, float]:
    """Print the table per category and return the headline figures."""
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row, verdict in zip(rows, verdicts, strict=True):
        table[row["category"]][verdict] += 1
    print(f"{'category':<18}{'n':>5}{'keep':>6}{'review':>8}{'hide':>6}{'caught':>8}")
    for category in sorted(table, key=lambda name: (name in LEGITIMATE, name)):
        counts = table[category]
        total = sum(counts.values())
        caught = "" if category in LEGITIMATE else f"{(total - counts['keep']) / total:.3f}"
        print(f"{category:<18}{total:>5}{counts['keep']:>6}{counts['review']:>8}{counts['hide']:>6}{caught:>8}")
    flaggable = [name for name in table if name not in LEGITIMATE]
    flagged = sum(sum(table[name].values()) - table[name]["keep"] for name in flaggable)
    total_flaggable = sum(sum(table[name].values()) for name in flaggable)
    legitimate = sum(sum(table[name].values()) for name in LEGITIMATE if name in table)
    figures = {
        "recall": flagged / max(total_flaggable, 1),
        "criticism_hidden": table["criticism"]["hide"] / max(sum(table["criticism"].values()), 1),
        "legitimate_hidden": sum(table[name]["hide"] for name in LEGITIMATE) / max(legitimate, 1),
        "legitimate_review": sum(table[name]["review"] for name in LEGITIMATE) / max(legitimate, 1),
    }
    print(
        f"recall {figures['recall']:.3f} ({flagged}/{total_flaggable}); criticism hidden "
        f"{figures['criticism_hidden']:.3f}; legitimate hidden {figures['legitimate_hidden']:.3f}, "
        f"sent to review {figures['legitimate_review']:.3f}"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--exe", default="post-lint", help="the post-lint command to run (default: post-lint)")
    args = parser.parse_args()
    rows, verdicts = judge(args.folder, args.exe.split())
    report(rows, verdicts)


if __name__ == "__main__":
    main()
