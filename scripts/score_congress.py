"""Opinion or partisan on the real congressional posts, against the helpers' view/neutral labels.

Issue 14 asks that opinion or partisan flag at least 85% of the posts that argue a view or advocate,
and at most one in ten of the rest (congratulations, condolences, plain announcements). The posts are
``../shared/data/posts/congress.jsonl``; the labels ``tests/blind/congress/labels.jsonl``. Figures only::

    python scripts/score_congress.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTS = ROOT.parent / "shared" / "data" / "posts" / "congress.jsonl"
LABELS = ROOT / "tests" / "blind" / "congress" / "labels.jsonl"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from post_lint.runner import Linter

    if not POSTS.is_file():
        print(f"no posts at {POSTS}", file=sys.stderr)
        return 2
    labels = {row["id"]: row["label"] for row in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    posts = [row for row in map(json.loads, POSTS.read_text(encoding="utf-8").splitlines()) if str(row["id"]) in labels]
    result = Linter(select=["opinion", "partisan"]).lint_batch([(p["text"], f"{p['id']}.txt") for p in posts])
    flagged = {f.path for f in result.findings if f.severity in ("error", "warning")}
    by_check = {
        c: {f.path for f in result.findings if f.check == c and f.severity in ("error", "warning")}
        for c in ("opinion", "partisan")
    }
    for label in ("view", "neutral"):
        ids = [f"{p['id']}.txt" for p in posts if labels[str(p["id"])] == label]
        hit = sum(1 for i in ids if i in flagged)
        parts = ", ".join(f"{c} {sum(1 for i in ids if i in by_check[c])}" for c in by_check)
        print(f"{label:<8} {len(ids):>4} posts: opinion or partisan flags {hit} ({hit / max(len(ids), 1):.3f}); {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
