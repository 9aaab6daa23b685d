"""How often the comments profile flags real county posts read as comments: the false-alarm rate.

    python scripts/real_posts_as_comments.py [--posts ../shared/data/posts/county_government.jsonl] [--limit N]

Real posts by public bodies are announcements, not abuse: read as comments (no post given, one
export), nearly all should be kept. Printed: how many were sent to review and hidden, and the
rules behind them, counted once per post (the repetition across the export left aside, since
bodies repost their own announcements), over all posts and over those the comment models never
trained on (``train_comments.py`` takes every 64th post as an announcement). ``--show RULE``
prints the posts a rule flags.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from train_comments import in_real_sample  # noqa: E402

from post_lint.comments import Comment, Export, triage  # noqa: E402
from post_lint.runner import Linter  # noqa: E402

POSTS = ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl"
_REPEATS = ("spam/repeated", "plagiarism/copied")


def tally(judged: list, show: list[str]) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Verdicts and the rules behind them, once per post (repetition across the export left aside)."""
    verdicts: collections.Counter[str] = collections.Counter()
    rules: collections.Counter[str] = collections.Counter()
    for j in judged:
        reasons = [r for r in j.reasons if r.rule not in _REPEATS]
        verdict = max((r.verdict for r in reasons), key=("keep", "review", "hide").index, default="keep")
        verdicts[verdict] += 1
        for rule in sorted({r.rule for r in reasons}):
            rules[rule] += 1
            if rule in show:
                print(f"[{rule} {verdict}] {' '.join(j.comment.text.split())[:200]}")
    return verdicts, rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=Path, default=POSTS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N posts")
    parser.add_argument("--config", type=Path, default=None, help="the body's config (default: none)")
    parser.add_argument("--show", nargs="*", default=[], help="print the posts these rules flag")
    args = parser.parse_args(argv)
    lines = args.posts.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    comments = [Comment(i, i, str(r["id"]), "", r["text"], "", {}) for i, r in enumerate(rows, start=1)]
    linter = Linter(profile="comments", config_file=str(args.config) if args.config else None)
    result = triage(linter, [Export(str(args.posts), comments, [])], str(args.config) if args.config else None)
    verdicts, rules = tally(result.judged, args.show)
    held_out, _ = tally([j for i, j in enumerate(result.judged) if not in_real_sample(i)], [])
    total, unseen = len(result.judged), sum(held_out.values())
    print(
        f"{total} posts read as comments: review {verdicts['review']} ({verdicts['review'] / total:.2%}), hide "
        f"{verdicts['hide']} ({verdicts['hide'] / total:.2%}); of the {unseen} never trained on: review "
        f"{held_out['review'] / unseen:.2%}, hide {held_out['hide'] / unseen:.2%}"
    )
    for rule, count in rules.most_common():
        print(f"  {rule:<28}{count:>6}  {count / total:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
