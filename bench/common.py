"""Shared by the bench scripts: where the real posts are, and small helpers."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POSTS = ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl"
RESULTS = ROOT / "bench" / "results"


def posts_file() -> Path:
    path = Path(os.environ.get("POST_LINT_BENCH_POSTS", DEFAULT_POSTS))
    if not path.is_file():
        sys.exit(f"no posts file at {path}: set POST_LINT_BENCH_POSTS to a JSON-lines file with a 'text' field")
    return path


def load_posts(count: int = 1000) -> list[str]:
    """``count`` real posts spread evenly over the file (not just the oldest ones)."""
    lines = posts_file().read_text(encoding="utf-8").splitlines()
    step = max(len(lines) // count, 1)
    texts = [json.loads(line)["text"] for line in lines[::step] if line.strip()]
    return texts[:count]


def write_posts_for_other_tools(texts: list[str]) -> Path:
    """The same posts as JSON lines under bench/results/, for the Node yardsticks."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / "posts.jsonl"
    target.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    return target


def compile_bytecode() -> bool:
    """Write post-lint's bytecode (post_lint/, checks/) as an installed package has it.

    pip compiles a package's modules when it installs them; an editable checkout gets its
    bytecode on first import, unless PYTHONDONTWRITEBYTECODE is set (as on this machine and
    on some CI runners), when every process compiles every module it imports from source
    again (about 0.14 s of CPU a run). Timing that would time the checkout, not post-lint.
    Returns whether the variable is set, so that the bench can say it compiled.
    """
    import compileall

    for folder in ("post_lint", "checks"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    return bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_average() -> str:
    try:
        one, five, _fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"
