"""Train the political-messaging model (post_lint/text/data/political_voice.json) of partisan and opinion.

    python scripts/train_partisan.py [--data ../shared/data/posts] [--keep 3000]

Weak labels: posts by members of Congress (political voice, 1) against posts
by county-government accounts (institutional voice, 0). Posts by members of
Congress are not all political messaging: many congratulate, mourn, thank or
announce office hours, and the county posts never speak in a legislator's
voice, so on weak labels alone the model learnt the voice ("my office", "the
district") instead of the stance. Two more sources teach it the difference:

* posts in a legislator's voice written by hand (``scripts/training/voice-*/``):
  neutral ones (congratulations, condolences, commemorations, notices, visits)
  as negatives and ones that argue a view as positives, each weighted
  ``--voice-weight``;
* the labeled judgement drafts (``scripts/training/judgement-*``): those
  labeled partisan or opinion as political messaging, the others as not.

A fixed-seed, stratified 20% of the congressional and county posts is held out
and never trained on; the shipped threshold is the lowest score at which at
most ``--max-county-rate`` of held-out county posts and, cross-validated, at
most ``--max-neutral-rate`` of the hand-written neutral posts score. The
script reports the shipped model on the held-out posts, scored by the same
pure-Python code the check runs. Only the ``--keep`` features with the largest
weights are shipped, so the file stays small. Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Words a city uses in neutral election and council information: the model may not
# learn them as "political", since the county data hardly has them.
NEUTRAL = frozenset(
    """vote votes voted voting voter voters election elections elected ballot ballots poll polls polling
    council councils councilmember mayor city county board commission meeting meetings agenda hearing
    register registration candidate candidates forum primary absentee""".split()
)


def load(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_toml_posts(pattern: str) -> list[tuple[str, frozenset[str]]]:
    """(text, labels) of every ``[[post]]`` in the TOML files under scripts/training matching ``pattern``."""
    posts = []
    for file in sorted((ROOT / "scripts" / "training").glob(pattern)):
        for post in tomllib.loads(file.read_text(encoding="utf-8")).get("post", []):
            posts.append((post["text"], frozenset(post.get("labels", []))))
    return posts


def lowest_quiet_threshold(county: Any, neutral: Any, max_county: float, max_neutral: float) -> float:
    """The lowest score at which at most ``max_county`` of the county posts and ``max_neutral`` of the neutral posts score."""
    import numpy as np

    def floor(scores: Any, rate: float) -> float:
        ranked = np.sort(np.asarray(scores))[::-1]
        allowed = int(len(ranked) * rate)
        return float(ranked[allowed]) + 1e-4 if allowed < len(ranked) else 0.0

    return round(max(floor(county, max_county), floor(neutral, max_neutral), 0.5), 4)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "posts"))
    parser.add_argument("--keep", type=int, default=3000, help="features shipped (largest |weight|)")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument(
        "--voice-weight", type=float, default=10.0, help="weight of each hand-written post in a legislator's voice"
    )
    parser.add_argument("--max-county-rate", type=float, default=0.004, help="held-out county posts that may score")
    parser.add_argument("--max-neutral-rate", type=float, default=0.10, help="neutral posts that may score (cross-validated)")
    parser.add_argument("--out", default=str(ROOT / "post_lint" / "text" / "data" / "political_voice.json"))
    args = parser.parse_args()

    import numpy as np
    from post_lint.checks.partisan import classifier
    from scipy.sparse import vstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold, train_test_split

    data = Path(args.data)
    political = load(data / "congress.jsonl")
    institutional = load(data / "county_government.jsonl")
    texts = political + institutional
    labels = np.array([1] * len(political) + [0] * len(institutional))
    train_x, test_x, train_y, test_y = train_test_split(texts, labels, test_size=0.2, random_state=args.seed, stratify=labels)
    drafts = load_toml_posts("judgement-*/*/posts.toml")
    voice = load_toml_posts("voice-*/*.toml")
    neutral = [text for text, tags in voice if not tags]
    views = [text for text, tags in voice if tags]
    draft_x = [text for text, _ in drafts]
    draft_y = np.array([int(bool(tags & {"partisan", "opinion"})) for _, tags in drafts])

    def analyzer(text: str) -> list[str]:
        # Neutral civic words and @-handles (which memorise accounts, not voice) are left out.
        return [f for f in classifier.features(text) if not any(w in NEUTRAL or w[0] == "@" for w in f.split())]

    vectorizer = CountVectorizer(analyzer=analyzer, binary=True, min_df=3)
    vectorizer.fit(train_x + draft_x + neutral + views)
    # Every row but the neutral posts, which cross-validation below leaves out a fifth at a time.
    base = vstack([vectorizer.transform(train_x), vectorizer.transform(draft_x), vectorizer.transform(views)]).tocsr()
    base_y = np.concatenate([train_y, draft_y, np.ones(len(views), dtype=int)])
    base_w = np.concatenate([np.ones(len(train_x) + len(draft_x)), np.full(len(views), args.voice_weight)])
    neutral_matrix = vectorizer.transform(neutral)

    def fit(neutral_rows: Any) -> Any:
        matrix = vstack([base, neutral_matrix[neutral_rows]]).tocsr()
        weights = np.concatenate([base_w, np.full(len(neutral_rows), args.voice_weight)])
        model = LogisticRegression(C=0.3, class_weight="balanced", max_iter=3000, random_state=args.seed)
        return model.fit(matrix, np.concatenate([base_y, np.zeros(len(neutral_rows), dtype=int)]), sample_weight=weights)

    # Each neutral post scored by a model that never saw it: how often a neutral post still scores.
    neutral_cv = np.zeros(len(neutral))
    for train_rows, test_rows in KFold(n_splits=5, shuffle=True, random_state=args.seed).split(neutral):
        neutral_cv[test_rows] = fit(train_rows).predict_proba(neutral_matrix[test_rows])[:, 1]
    model = fit(np.arange(len(neutral)))

    names = vectorizer.get_feature_names_out()
    coef = model.coef_[0]
    order = np.argsort(-np.abs(coef))[: args.keep]
    weights = {str(names[i]): round(float(coef[i]), 4) for i in sorted(order, key=lambda i: names[i])}
    payload = {
        "about": "political-messaging model for the partisan and opinion checks; made by scripts/train_partisan.py",
        "labels": "1 = congress.jsonl and drafts labeled partisan or opinion; 0 = county_government.jsonl, "
        "other drafts and hand-written neutral posts in a legislator's voice",
        "seed": args.seed,
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": weights,
    }
    out = Path(args.out)
    out.write_text(json.dumps(payload, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")

    # Evaluate the shipped (pruned) model with the check's own pure-Python scorer.
    classifier.MODEL_FILE = out
    scores = np.array([classifier.score(t) for t in test_x])
    county_scores = scores[test_y == 0]
    threshold = lowest_quiet_threshold(county_scores, neutral_cv, args.max_county_rate, args.max_neutral_rate)
    payload["threshold"] = threshold
    out.write_text(json.dumps(payload, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"trained on {len(train_x)} posts, {len(drafts)} drafts, {len(neutral)} neutral and {len(views)} political posts "
        f"in a legislator's voice; held out {len(test_x)}"
    )
    print(f"shipped {len(weights)} features to {out}, threshold {threshold}")
    for cut in sorted({0.5, 0.7, 0.8, 0.9, 0.95, threshold}):
        predicted = scores >= cut
        tp = int((predicted & (test_y == 1)).sum())
        fp = int((predicted & (test_y == 0)).sum())
        print(
            f"threshold {cut:.3f}: political recall {tp / int(test_y.sum()):.3f}, "
            f"county false-positive rate {fp / int((test_y == 0).sum()):.4f} ({fp} posts), "
            f"neutral posts scored (cross-validated) {float((neutral_cv >= cut).mean()):.3f}"
        )
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:25]
    print("strongest political features:", ", ".join(k for k, _ in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
