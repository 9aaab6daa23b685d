"""Score the grammar check on labeled drafts (a blind grammar set): figures only, never texts.

Each ``*.toml`` file beside a ``config.toml`` holds ``[[post]]`` tables with ``labels`` (``["grammar"]``
or ``[]``) and ``errors`` (``wrong``: the exact span, once in the text; ``fix``; ``kind``). Printed:

- post level: precision and recall of "this draft has a grammar error";
- error level: the share of labeled errors a finding overlaps, per kind;
- false alarms: findings on the clean drafts, per 1,000 of their words.

``--engine languagetool`` lints with LanguageTool (its matches merged with the precise builtin rules,
as users get it; a server must be running: ``post-lint languagetool start``) instead of the set's
configured engine::

    python scripts/score_grammar.py tests/blind/grammar-g [--engine languagetool]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _config(folder: Path, engine: str | None) -> str:
    """The set's config, with the grammar engine replaced when one is asked for."""
    config = folder / "config.toml"
    if engine is None:
        return str(config)
    data = config.read_text(encoding="utf-8") if config.exists() else ""
    lines = [line for line in data.splitlines() if not line.strip().startswith("engine")]
    text = "\n".join(lines).replace("[grammar]", f'[grammar]\nengine = "{engine}"')
    if "[grammar]" not in data:
        text += f'\n[grammar]\nengine = "{engine}"\n'
    handle = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8")
    handle.write(text)
    handle.close()
    return handle.name


def score(folder: Path, engine: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    from post_lint.runner import Linter

    posts = [
        p for f in sorted(folder.glob("*.toml")) if f.name != "config.toml" for p in tomllib.loads(f.read_text("utf-8"))["post"]
    ]
    linter = Linter(select=["grammar"], config_file=_config(folder, engine))
    result = linter.lint_batch([(p["text"], f"{p['id']}.txt") for p in posts])
    if result.skipped:
        sys.exit("grammar did not run: " + "; ".join(f"{s.check}: {s.reason}" for s in result.skipped))
    by_post = collections.defaultdict(list)
    for finding in result.findings:
        by_post[finding.path].append((finding.offset, finding.offset + max(finding.length, 1)))
    tp = fp = fn = 0
    found: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    clean_words = clean_findings = 0
    for post in posts:
        spans = by_post.get(f"{post['id']}.txt", [])
        labeled = "grammar" in post.get("labels", [])
        tp += bool(spans) and labeled
        fp += bool(spans) and not labeled
        fn += labeled and not spans
        if not labeled:
            clean_words += len(post["text"].split())
            clean_findings += len(spans)
        for error in post.get("errors", []):
            start = post["text"].find(error["wrong"])
            end = start + len(error["wrong"])
            total[error["kind"]] += 1
            found[error["kind"]] += start >= 0 and any(s < end and start < e for s, e in spans)
    print(f"{folder}: {len(posts)} drafts, engine {engine or 'as configured'}")
    print(f"post level: precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  (TP {tp}, FP {fp}, FN {fn})")
    print(f"errors found: {sum(found.values())}/{sum(total.values())} = {sum(found.values()) / max(sum(total.values()), 1):.3f}")
    for kind in sorted(total, key=lambda k: -total[k]):
        print(f"  {kind:<14}{found[kind]:>4}/{total[kind]:<4}{found[kind] / total[kind]:.3f}")
    print(
        f"false alarms on clean drafts: {clean_findings} in {clean_words} words = {1000 * clean_findings / max(clean_words, 1):.2f} per 1,000 words"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--engine", choices=("builtin", "languagetool", "auto"), help="override the set's grammar engine")
    args = parser.parse_args()
    score(args.folder, args.engine)


if __name__ == "__main__":
    main()
