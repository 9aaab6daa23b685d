"""What the findings cache (post_lint/cache.py) saves.

    python bench/cache_effect.py [--posts 1000] [--runs 5]

Whole-process time for linting the same posts with every check (1) without the
cache, (2) with an empty cache (filling it), and (3) again with the cache warm;
and the cold start of one post, miss and hit. Uses a throw-away cache folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, load_average, load_posts, median

sys.path.insert(0, str(ROOT))


def worker(mode: str, count: int) -> None:
    """One process: lint ``count`` posts (or one post from stdin) with every check."""
    from post_lint.runner import Linter

    linter = Linter(cache=mode != "off")
    if count == 1:
        result = linter.lint_text(sys.stdin.read(), "post.txt")
    else:
        result = linter.lint_batch([(text, f"post-{i}.txt") for i, text in enumerate(load_posts(count))])
    print(
        json.dumps(
            {
                "findings": len(result.findings),
                "spacy_imported": "spacy" in sys.modules,
                "hits": linter.cache.hits if linter.cache else 0,
            }
        )
    )


def _run(mode: str, count: int, env: dict[str, str], stdin: str = "") -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--worker", mode, "--posts", str(count)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.posts)
        return

    import os

    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, POST_LINT_CACHE_DIR=str(Path(folder) / "cache"))
        print(f"findings cache, every check, whole processes (load average {load_average()})")
        off, off_out = _run("off", args.posts, env)
        fill, fill_out = _run("on", args.posts, env)
        warm, warm_out = _run("on", args.posts, env)
        assert off_out["findings"] == fill_out["findings"] == warm_out["findings"], (off_out, fill_out, warm_out)
        print(f"  {args.posts} posts, no cache        {off:7.2f} s")
        print(f"  {args.posts} posts, filling cache   {fill:7.2f} s")
        print(
            f"  {args.posts} posts, cache warm      {warm:7.2f} s  ({warm_out['hits']} hits, spaCy imported: {warm_out['spacy_imported']})"
        )
        text = "The Anoka Aquatic Center opens Saturday at noon. Swim lessons start June 10. 🏊\n"
        _run("on", 1, env, text)  # fill
        cold = [_run("off", 1, env, text)[0] for _ in range(args.runs)]
        hit = [_run("on", 1, env, text)[0] for _ in range(args.runs)]
        print(f"  one post from stdin, no cache  {median(cold):7.3f} s  (median of {args.runs})")
        print(f"  one post from stdin, cache hit {median(hit):7.3f} s  (median of {args.runs})")


if __name__ == "__main__":
    main()
