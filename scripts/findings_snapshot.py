"""Every finding (all fields, the message included) on a fixed set of texts, as JSON lines.

Run it before and after a change that must not change any output (moving messages into
rules.toml, say) and diff the two files; an empty diff means byte-identical findings::

    python scripts/findings_snapshot.py > /tmp/before.jsonl
    ... change ...
    python scripts/findings_snapshot.py > /tmp/after.jsonl && diff /tmp/before.jsonl /tmp/after.jsonl

The texts: the labeled corpus (tests/corpus, with its config.toml), examples/ (with its
.post-lint.toml), ``--posts`` real posts spread over the shared posts file (default 2,000),
linted with the corpus config and with none, and every check's cases.toml examples (with
each example's options), and a few probe texts for message branches those miss. The grammar check runs its builtin engine, so LanguageTool being
up or not changes nothing. ``--select`` limits the checks, for a quicker run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from common import load_posts  # noqa: E402

from post_lint.config import Config  # noqa: E402
from post_lint.evaluate import load_corpus  # noqa: E402
from post_lint.model import Result  # noqa: E402
from post_lint.registry import check_names, load_check  # noqa: E402
from post_lint.runner import Linter  # noqa: E402

BUILTIN_GRAMMAR = {"engine": "builtin"}
# Texts for message branches the sets above do not reach (checked by hand, case by case).
PROBES = (
    "We are excite to see everyone at the park on Saturday.",  # grammar/verb-form after "be"
    "Sign up at http://2130706433/register or http://0x7f.0.0.1/register today.",  # links/ip-address, other notations
    "Trick or treat 🏴\U000e0067\U000e0062 on Main Street tonight\U000e0041.",  # hidden-text: tag characters
    "Library hours: 9 to 5\U000e0100\U000e0101 every day this week.",  # hidden-text: variation selectors
    "Report potholes at\x00 the city website, and we\u2060ll fix them.",  # hidden-text: control and zero-width
)


def _config(data: dict[str, Any], path: Path | None = None) -> Config:
    data = dict(data)
    data["grammar"] = {**data.get("grammar", {}), **BUILTIN_GRAMMAR}
    return Config(path=path, root=path.parent if path else None, data=data)


def _lines(section: str, result: Result) -> Iterator[str]:
    for problem in result.problems:
        yield json.dumps({"section": section, "problem": problem.path, "message": problem.message}, ensure_ascii=False)
    for skipped in result.skipped:
        yield json.dumps({"section": section, "skipped": skipped.check, "reason": skipped.reason}, ensure_ascii=False)
    for finding in result.findings:
        yield json.dumps({"section": section, **finding.to_dict()}, ensure_ascii=False, sort_keys=True)


def corpus(select: list[str] | None) -> Iterator[str]:
    folder = ROOT / "tests" / "corpus"
    config = _config(tomllib.loads((folder / "config.toml").read_text(encoding="utf-8")), folder / "config.toml")
    for post in load_corpus(folder):
        linter = Linter(config=config, select=select, profile=post.profile)
        suffix = ".md" if post.format == "markdown" else ".txt"
        yield from _lines("corpus", linter.lint_text(post.text, f"{post.id}{suffix}"))


def examples(select: list[str] | None) -> Iterator[str]:
    folder = ROOT / "examples"
    file = folder / ".post-lint.toml"
    config = _config(tomllib.loads(file.read_text(encoding="utf-8")), file)
    linter = Linter(config=config, select=select)
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            yield from _lines("examples", linter.lint_paths([str(path.relative_to(ROOT))]))


def real_posts(count: int, select: list[str] | None) -> Iterator[str]:
    corpus_config = ROOT / "tests" / "corpus" / "config.toml"
    configs = {
        "posts-corpus-config": _config(tomllib.loads(corpus_config.read_text(encoding="utf-8"))),
        "posts-defaults": _config({}),
    }
    texts = load_posts(count)
    for section, config in configs.items():
        linter = Linter(config=config, select=select)
        for start in range(0, len(texts), 200):
            items = [(text, f"post-{start + i}.txt") for i, text in enumerate(texts[start : start + 200])]
            yield from _lines(section, linter.lint_batch(items))


def cases(select: list[str] | None) -> Iterator[str]:
    for name in select or check_names():
        check = load_check(name)
        for number, example in enumerate(getattr(check, "examples", ())):
            options = {name: dict(example.config)} if example.config else {}
            linter = Linter(config=_config(options), select=select, profile=example.profile)
            path = f"{name}-{number}.md" if example.format == "markdown" else f"{name}-{number}.txt"
            yield from _lines("cases", linter.lint_text(example.text, path, reply_to=example.reply_to))


def probes(select: list[str] | None) -> Iterator[str]:
    corpus_config = ROOT / "tests" / "corpus" / "config.toml"
    config = _config(tomllib.loads(corpus_config.read_text(encoding="utf-8")))
    linter = Linter(config=config, select=select)
    yield from _lines("probes", linter.lint_batch([(text, f"probe-{i}.txt") for i, text in enumerate(PROBES)]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--posts", type=int, default=2000, help="real posts to lint (default 2000)")
    parser.add_argument("--select", action="append", help="only these checks (repeatable)")
    parser.add_argument("--probes-only", action="store_true", help="only the probe texts (seconds, not minutes)")
    args = parser.parse_args(argv)
    out = sys.stdout
    parts = (corpus, examples, lambda select: real_posts(args.posts, select), cases, probes)
    if args.probes_only:
        parts = (probes,)
    for part in (make(args.select) for make in parts):
        for line in part:
            out.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
