"""Train the learned layer of the comment checks, reproducibly.

    python -m pip install -e '.[train]'
    python scripts/train_comments.py            # writes checks/<check>/learned.json for six checks

Training data (never a blind set from tests/blind/):

* comments written for this purpose under real posts, each with a category of
  section V and a verdict, in ``scripts/training/comments-*/`` (a ``config.toml``
  for the body, ``posts.toml`` with the posts they answer, and any other ``*.toml``
  holding ``comment`` tables);
* the development comments ``tests/comments/dev.toml`` and ``holdout.toml``
  (``probes.toml`` stays out: it is the look-alike check that the model keeps
  criticism).

One logistic regression per check, on :mod:`post_lint.text.comment_model`'s
features: a comment of the check's categories is positive, every other comment
negative. Each threshold is the lowest at which, in cross-validation, at most
``--max-legit-rate`` of the legitimate comments (criticism and ordinary ones) would
be flagged. The model's findings are only ever sent to review (policy.toml), so
legitimate criticism is never hidden by the model. The same inputs give the same
files, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from post_lint.facts import Facts, facts_from  # noqa: E402
from post_lint.text.comment_model import comment_features  # noqa: E402

# check -> the categories of section V it answers for
CHECKS = {
    "attacks": ("attack", "threat"),
    "hate": ("obscene", "racist"),
    "private-facts": ("private",),
    "accusations": ("libel",),
    "spam": ("spam",),
    "off-topic": ("off-topic", "link"),
}
LEGIT = frozenset({"keep", "criticism", "ordinary", "legitimate", "ok", "clean"})
TRAINING = ROOT / "scripts" / "training"
DEV_SETS = (ROOT / "tests" / "comments" / "dev.toml", ROOT / "tests" / "comments" / "holdout.toml")
MAX_LEGIT_RATE = 0.004
MIN_THRESHOLD = 0.5
C_VALUES = [1.0, 3.0, 10.0]
MIN_WEIGHT = 0.05


@dataclass(frozen=True)
class Example:
    text: str
    post: str
    facts: Facts
    category: str
    config: str = ""  # the config.toml the comment is judged under (cross-validation runs the rules with it)


def _read(file: Path) -> dict[str, Any]:
    return tomllib.loads(file.read_text(encoding="utf-8"))


def load_folder(folder: Path, limit: int = 0) -> list[Example]:
    """The comments of one training folder (``limit`` > 0: the first ``limit`` of each category in each file)."""
    config = folder / "config.toml"
    facts = facts_from(_read(config)) if config.is_file() else Facts()
    posts_file = folder / "posts.toml"
    posts = _read(posts_file).get("posts", {}) if posts_file.is_file() else {}
    examples = []
    for file in sorted(folder.glob("*.toml")):
        if file.name in ("config.toml", "posts.toml"):
            continue
        seen: dict[str, int] = {}
        for raw in _read(file).get("comment", []):
            seen[raw["category"]] = seen.get(raw["category"], 0) + 1
            if limit and seen[raw["category"]] > limit:
                continue
            post = posts.get(raw.get("post", ""), raw.get("post", ""))
            examples.append(Example(raw["text"], post, facts, raw["category"], str(config) if config.is_file() else ""))
    return examples


def load_set(file: Path) -> list[Example]:
    """A labelled comment set in the evaluate format (``[posts]`` and ``[[comment]]``)."""
    config = file.with_name("config.toml")
    facts = facts_from(_read(config)) if config.is_file() else Facts()
    data = _read(file)
    posts = data.get("posts", {})
    return [
        Example(
            raw["text"],
            posts.get(raw.get("post", ""), raw.get("post", "")),
            facts,
            raw["category"],
            str(config) if config.is_file() else "",
        )
        for raw in data.get("comment", [])
    ]


def load_all(training: Path, limit: int = 0, dev_sets: bool = True) -> list[Example]:
    examples = []
    for folder in sorted(p for p in training.glob("comments-*") if p.is_dir()):
        examples += load_folder(folder, limit)
    if dev_sets:
        for file in DEV_SETS:
            if file.is_file():
                examples += load_set(file)
    return examples


def feature_rows(examples: list[Example]) -> list[dict[str, int]]:
    """Each comment's features, as the vectorizer takes them."""
    return [dict.fromkeys(comment_features(e.text, e.facts, e.post), 1) for e in examples]


def legit_threshold(scores: list[float], legit: list[bool], max_rate: float, floor: float) -> float:
    """The lowest threshold (at least ``floor``) that flags at most ``max_rate`` of the legitimate comments."""
    legit_scores = sorted((s for s, ok in zip(scores, legit, strict=True) if ok), reverse=True)
    allowed = int(len(legit_scores) * max_rate)
    above = legit_scores[allowed] if allowed < len(legit_scores) else 0.0
    return max(floor, float(above) + 1e-4)


def train_check(check: str, matrix: Any, names: Any, examples: list[Example], args: argparse.Namespace) -> dict:
    """One check's model and threshold, as the JSON payload written beside the check."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    labels = [int(e.category in CHECKS[check]) for e in examples]
    legit = [e.category in LEGIT for e in examples]
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    best: tuple[float, float, Any, list[float]] | None = None
    for c in args.c_values:
        candidate = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=5000)
        scores = list(cross_val_predict(candidate, matrix, labels, cv=folds, method="predict_proba")[:, 1])
        quality = average_precision_score(labels, scores)
        if best is None or quality > best[0]:
            best = (quality, c, candidate, scores)
    assert best is not None, "--c-values is empty"
    quality, chosen_c, model, cv = best
    model.fit(matrix, labels)
    threshold = legit_threshold(cv, legit, args.max_legit_rate, args.min_threshold)
    positives = sum(labels)
    tp = sum(1 for s, g in zip(cv, labels, strict=True) if g and s >= threshold)
    legit_flagged = sum(1 for s, ok in zip(cv, legit, strict=True) if ok and s >= threshold)
    weights = {
        str(n): round(float(w), 4)
        for n, w in sorted(zip(names, model.coef_[0], strict=True), key=lambda item: item[0])
        if abs(w) >= args.min_weight
    }
    meta = {
        "trained_by": "scripts/train_comments.py",
        "categories": list(CHECKS[check]),
        "comments": len(examples),
        "positives": positives,
        "legitimate": sum(legit),
        "cv_recall": round(tp / positives, 3) if positives else 1.0,
        "cv_legit_flagged": legit_flagged,
        "cv_average_precision": round(float(quality), 3),
        "features": len(weights),
        "C": chosen_c,
    }
    return {
        "intercept": round(float(model.intercept_[0]), 4),
        "threshold": round(threshold, 4),
        "weights": weights,
        "meta": meta,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training", type=Path, default=TRAINING, help="folder holding comments-*/ folders")
    parser.add_argument("--limit", type=int, default=0, help="only the first N comments of each category in each file (tests)")
    parser.add_argument("--no-dev-sets", action="store_true", help="leave tests/comments/dev and holdout out")
    parser.add_argument(
        "--max-legit-rate", type=float, default=MAX_LEGIT_RATE, help="share of legitimate comments a model may flag (CV)"
    )
    parser.add_argument("--min-threshold", type=float, default=MIN_THRESHOLD, help="no threshold below this")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c-values", type=float, nargs="+", default=C_VALUES, help="regularisation strengths tried")
    parser.add_argument(
        "--min-weight", type=float, default=MIN_WEIGHT, help="weights smaller than this are dropped from the file"
    )
    parser.add_argument("--out", default=str(ROOT / "checks"), help="folder holding one sub-folder per check")
    args = parser.parse_args(argv)

    from sklearn.feature_extraction import DictVectorizer

    examples = load_all(args.training, args.limit, not args.no_dev_sets)
    if not examples:
        print(f"no training comments under {args.training}", file=sys.stderr)
        return 2
    rows = feature_rows(examples)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit indices only (and is exact and fast on a matrix this size).
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    names = vectorizer.get_feature_names_out()
    print(f"{len(examples)} comments ({sum(e.category in LEGIT for e in examples)} legitimate); {len(names)} features")
    for check in CHECKS:
        payload = train_check(check, matrix, names, examples, args)
        out = Path(args.out) / check.replace("-", "_") / "learned.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        meta = payload["meta"]
        print(
            f"{check:<14} C {meta['C']:<4} threshold {payload['threshold']:.3f}  cv recall {meta['cv_recall']:.3f} "
            f"({meta['positives']} positives)  legit flagged {meta['cv_legit_flagged']}/{meta['legitimate']}  "
            f"AP {meta['cv_average_precision']:.3f}  {meta['features']} weights"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
