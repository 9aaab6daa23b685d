"""How often checks cry wolf on real posts, with no config at all (a city's first day).

    python bench/real_post_rates.py [--check personal-data --check names] [--out hits.jsonl] [--posts N]

Lints every post of ``../shared/data/posts/county_government.jsonl`` (or
``$POST_LINT_BENCH_POSTS``) with an empty config and prints, per check, the share
of posts with a finding at error or warning (and at info). ``--out`` writes each
hit (post id, check, rule, severity, flagged text, the post) as JSON lines, to read
a sample and judge it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import posts_file  # noqa: E402

from post_lint.config import Config  # noqa: E402
from post_lint.runner import Linter  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="append", help="check to measure (repeatable); default personal-data and names")
    parser.add_argument("--out", help="write every hit here as JSON lines")
    parser.add_argument("--posts", type=int, default=0, help="only the first N posts (0: all)")
    args = parser.parse_args()
    checks = args.check or ["personal-data", "names"]

    rows = [json.loads(line) for line in posts_file().read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.posts:
        rows = rows[: args.posts]
    linter = Linter(select=checks)
    linter.explicit_config = Config(data={})  # no config: nothing allowed, nothing configured
    loud: dict[str, set[str]] = {c: set() for c in checks}
    quiet: dict[str, set[str]] = {c: set() for c in checks}
    hits = []
    batch = 500
    for i in range(0, len(rows), batch):
        chunk = rows[i : i + batch]
        result = linter.lint_batch([(r["text"], f"{r['id']}.txt") for r in chunk])
        if result.skipped:
            sys.exit(f"skipped: {result.skipped}")
        by_label = {f"{r['id']}.txt": r for r in chunk}
        for f in result.findings:
            row = by_label[f.path]
            (loud if f.severity in ("error", "warning") else quiet)[f.check].add(row["id"])
            hits.append(
                {
                    "id": row["id"],
                    "check": f.check,
                    "rule": f.rule,
                    "severity": f.severity,
                    "span": row["text"][f.offset : f.end],
                    "text": row["text"],
                }
            )
    total = len(rows)
    print(f"{total} posts, no config")
    for check in checks:
        print(
            f"{check:<16} error/warning {len(loud[check]):>5} posts ({100 * len(loud[check]) / total:.2f}%)"
            f"   info only {len(quiet[check] - loud[check]):>5}"
        )
    if args.out:
        Path(args.out).write_text("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in hits), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
