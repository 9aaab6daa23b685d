"""Warm throughput and peak memory over 1,000 real posts, beside proselint, alex and write-good.

    python bench/throughput.py [--posts 1000] [--checks emoji,links] [--no-yardsticks]

Each configuration runs in a fresh process (so its peak RSS is its own): the linter
is built and warmed on 20 posts (spaCy loaded), then `Linter.lint_batch` times the
1,000 posts. Reported: posts per second with every check, with each check alone,
spaCy's pipeline alone (the parts the checks ask for), where the time of the
every-check run goes (spaCy vs each check's own `run`), peak RSS, and the same
posts through proselint (Python, in-process) and alex / write-good (Node, from
bench/node_modules: `npm install --prefix bench`). Checks that are missing or
cannot run are reported as skipped. Targets (issue 8): >= 200 posts/s with every
check, peak RSS <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import ROOT, load_average, load_posts, write_posts_for_other_tools

CITY_CONFIG = ROOT / "tests" / "corpus" / "config.toml"
WARM_UP = 20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# -- workers (one configuration each, in its own process) ----------------------------


def worker_post_lint(select: str, count: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from post_lint import nlp, registry
    from post_lint.api import Check
    from post_lint.runner import Linter

    texts = load_posts(count)
    names = registry.check_names() if select == "all" else select.split(",")
    loaded, broken = [], {}
    for name in names:
        check = registry.load_check(name)
        if isinstance(check, Check):
            loaded.append(check)
        else:
            broken[name] = check.reason
    if not loaded:
        return {"select": select, "skipped": broken, "rate": None}

    # Time each check's own run() and spaCy's parse, inside the real runner.
    spent: dict[str, float] = {c.name: 0.0 for c in loaded}
    for check in loaded:
        original = check.run

        def timed(doc: Any, ctx: Any, _run: Any = original, _name: str = check.name) -> list[Any]:
            start = time.perf_counter()
            try:
                return list(_run(doc, ctx))
            finally:
                spent[_name] += time.perf_counter() - start

        object.__setattr__(check, "run", timed)  # Check is a frozen dataclass
    spacy_time = [0.0]
    parse_many = nlp.parse_many

    def timed_parse(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return parse_many(*args, **kwargs)
        finally:
            spacy_time[0] += time.perf_counter() - start

    nlp.parse_many = timed_parse

    config = str(CITY_CONFIG) if CITY_CONFIG.is_file() else None
    linter = Linter(select=[c.name for c in loaded], config_file=config)
    items = [(text, f"post-{i}.txt") for i, text in enumerate(texts)]
    linter.lint_batch(items[:WARM_UP])  # load spaCy and warm caches outside the timing
    for name in spent:
        spent[name] = 0.0
    spacy_time[0] = 0.0

    start, cpu = time.perf_counter(), time.process_time()
    result = linter.lint_batch(items)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    skipped = dict(broken)
    for skip in result.skipped:
        skipped.setdefault(skip.check, skip.reason)
    flagged = len({f.path for f in result.findings})
    return {
        "select": select,
        "posts": len(items),
        "seconds": elapsed,
        "rate": len(items) / elapsed,
        "cpu_rate": len(items) / cpu,
        "spacy_seconds": spacy_time[0],
        "check_seconds": {name: seconds for name, seconds in spent.items() if name not in skipped},
        "findings": len(result.findings),
        "posts_flagged": flagged,
        "nlp": sorted({part for c in loaded if c.name not in skipped for part in c.nlp}),
        "skipped": skipped,
        "peak_rss_mb": _peak_rss_mb(),
    }


def worker_spacy(components: str, count: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from post_lint import nlp
    from post_lint.document import parse

    texts = [parse(t, "post.txt")[0].prose for t in load_posts(count)]
    parts = [c for c in components.split(",") if c]
    nlp.parse_many(None, parts, texts[:WARM_UP])
    start, cpu = time.perf_counter(), time.process_time()
    nlp.parse_many(None, parts, texts)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "components": parts,
        "posts": len(texts),
        "seconds": elapsed,
        "rate": len(texts) / elapsed,
        "cpu_rate": len(texts) / cpu,
        "peak_rss_mb": _peak_rss_mb(),
    }


def worker_proselint(count: int) -> dict[str, Any]:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    texts = load_posts(count)
    for text in texts[:WARM_UP]:
        LintFile("<post>", text).lint(DEFAULT)
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(len(LintFile("<post>", text).lint(DEFAULT)) for text in texts)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "posts": len(texts),
        "seconds": elapsed,
        "rate": len(texts) / elapsed,
        "cpu_rate": len(texts) / cpu,
        "findings": found,
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- driver --------------------------------------------------------------------------


def _spawn(*args: str, posts: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--posts", str(posts), "--worker", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _rate(result: dict[str, Any]) -> str:
    """Wall-clock rate, and the rate per CPU second (steadier on a busy machine)."""
    if not result.get("rate"):
        return "     n/a"
    cpu = f" ({result['cpu_rate']:.0f}/CPU-s)" if result.get("cpu_rate") else ""
    return f"{result['rate']:8.1f} posts/s{cpu}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--checks", help="comma-separated checks to time alone (default: every installed check)")
    parser.add_argument("--no-yardsticks", action="store_true", help="skip proselint, alex and write-good")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        kind, *rest = args.worker
        if kind == "post-lint":
            out = worker_post_lint(rest[0], args.posts)
        elif kind == "spacy":
            out = worker_spacy(rest[0] if rest else "", args.posts)
        else:
            out = worker_proselint(args.posts)
        print(json.dumps(out))
        return

    sys.path.insert(0, str(ROOT))
    from post_lint import registry

    names = args.checks.split(",") if args.checks else registry.check_names()
    figures: dict[str, Any] = {"load_average": load_average(), "posts": args.posts}
    print(f"warm throughput over {args.posts} real posts (load average {load_average()})")

    every = figures["every_check"] = _spawn("post-lint", "all", posts=args.posts)
    if every.get("rate"):
        verdict = "met" if every["rate"] >= 200 else "MISSED"
        print(f"  every check          {_rate(every)}  target 200: {verdict}")
        mem = "met" if every["peak_rss_mb"] <= 500 else "MISSED"
        print(f"  peak RSS             {every['peak_rss_mb']:8.0f} MB       target 500 MB: {mem}")
        per_post = 1000 / every["posts"]
        print(
            f"  where the time goes  spaCy ({', '.join(every['nlp']) or 'not used'}): {every['spacy_seconds'] * per_post:.2f} ms/post"
        )
        for name, seconds in sorted(every["check_seconds"].items(), key=lambda kv: -kv[1]):
            print(f"      {name:<18} {seconds * per_post:6.3f} ms/post in its run()")
        other = every["seconds"] - every["spacy_seconds"] - sum(every["check_seconds"].values())
        print(f"      {'(parse, config, runner)':<18} {other * per_post:6.3f} ms/post")
        print(f"  findings: {every['findings']} on {every['posts_flagged']} of {every['posts']} posts")
    else:
        print(f"  every check: could not run ({every})")
    for name, reason in sorted(every.get("skipped", {}).items()):
        print(f"  skipped: {name}: {reason}")

    if every.get("nlp"):
        spacy = figures["spacy_alone"] = _spawn("spacy", ",".join(every["nlp"]), posts=args.posts)
        print(f"  spaCy alone ({','.join(every['nlp'])}) {_rate(spacy)}  (peak RSS {spacy.get('peak_rss_mb', 0):.0f} MB)")

    print("  each check alone:")
    figures["per_check"] = {}
    for name in names:
        one = figures["per_check"][name] = _spawn("post-lint", name, posts=args.posts)
        if one.get("rate"):
            spacy_note = f"spaCy {', '.join(one['nlp'])}" if one["nlp"] else "no spaCy"
            print(f"      {name:<18} {_rate(one)}  ({spacy_note}; peak RSS {one['peak_rss_mb']:.0f} MB)")
        else:
            reason = one.get("skipped", {}).get(name) or one.get("error") or "did not run"
            print(f"      {name:<18}      skipped: {reason}")

    if not args.no_yardsticks:
        print("  yardsticks on the same posts:")
        try:
            prose = figures["proselint"] = _spawn("proselint", posts=args.posts)
            print(f"      {'proselint':<18} {_rate(prose)}  (peak RSS {prose.get('peak_rss_mb', 0):.0f} MB)")
        except Exception as exc:  # noqa: BLE001 - a yardstick must not stop the bench
            print(f"      proselint: not run ({exc})")
        node = shutil.which("node")
        script = ROOT / "bench" / "yardsticks.mjs"
        if node and (ROOT / "bench" / "node_modules").is_dir():
            posts = write_posts_for_other_tools(load_posts(args.posts))
            done = subprocess.run([node, str(script), str(posts)], capture_output=True, text=True, check=False)
            try:
                figures["node"] = json.loads(done.stdout)
            except json.JSONDecodeError:
                print(f"      alex / write-good: failed: {done.stderr.strip()[-300:]}")
            else:
                for tool, out in figures["node"].items():
                    if "rate" in out:
                        print(f"      {tool:<18} {_rate(out)}  (peak RSS {out['peak_rss_mb']:.0f} MB, whole Node process)")
                    else:
                        print(f"      {tool:<18} not run: {out.get('error')}")
        else:
            print("      alex / write-good: not run (need node and `npm install --prefix bench`)")

    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
