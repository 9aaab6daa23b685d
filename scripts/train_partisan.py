"""Train the partisan check's political-messaging model (checks/partisan/model.json).

    python scripts/train_partisan.py [--data ../shared/data/posts] [--keep 3000]

Weak labels: posts by members of Congress (political voice, 1) against posts
by county-government accounts (institutional voice, 0). A fixed-seed,
stratified 20% of both is held out and never trained on; the script reports
the shipped model's accuracy on it, scored by the same pure-Python code the
check runs. Only the ``--keep`` features with the largest weights are
shipped, so the file stays small. Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "posts"))
    parser.add_argument("--keep", type=int, default=3000, help="features shipped (largest |weight|)")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--out", default=str(ROOT / "checks" / "partisan" / "model.json"))
    args = parser.parse_args()

    import numpy as np
    from post_lint.checks.partisan import classifier
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    data = Path(args.data)
    political = load(data / "congress.jsonl")
    institutional = load(data / "county_government.jsonl")
    texts = political + institutional
    labels = np.array([1] * len(political) + [0] * len(institutional))
    train_x, test_x, train_y, test_y = train_test_split(texts, labels, test_size=0.2, random_state=args.seed, stratify=labels)

    def analyzer(text: str) -> list[str]:
        # Neutral civic words and @-handles (which memorise accounts, not voice) are left out.
        return [f for f in classifier.features(text) if not any(w in NEUTRAL or w[0] == "@" for w in f.split())]

    vectorizer = CountVectorizer(analyzer=analyzer, binary=True, min_df=3)
    matrix = vectorizer.fit_transform(train_x)
    model = LogisticRegression(C=0.3, class_weight="balanced", max_iter=2000, random_state=args.seed)
    model.fit(matrix, train_y)

    names = vectorizer.get_feature_names_out()
    coef = model.coef_[0]
    order = np.argsort(-np.abs(coef))[: args.keep]
    weights = {str(names[i]): round(float(coef[i]), 4) for i in sorted(order, key=lambda i: names[i])}
    payload = {
        "about": "political-messaging model for the partisan check; made by scripts/train_partisan.py",
        "labels": "1 = congress.jsonl (political voice), 0 = county_government.jsonl (institutional voice)",
        "seed": args.seed,
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": weights,
    }
    Path(args.out).write_text(json.dumps(payload, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")

    # Evaluate the shipped (pruned) model with the check's own pure-Python scorer.
    classifier._model.cache_clear()
    classifier.MODEL_FILE = Path(args.out)
    scores = np.array([classifier.score(t) for t in test_x])
    print(f"trained on {len(train_x)} posts, held out {len(test_x)} ({int(test_y.sum())} political)")
    print(f"shipped {len(weights)} features to {args.out}")
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95):
        predicted = scores >= threshold
        tp = int((predicted & (test_y == 1)).sum())
        fp = int((predicted & (test_y == 0)).sum())
        accuracy = float((predicted == (test_y == 1)).mean())
        recall = tp / int(test_y.sum())
        fp_rate = fp / int((test_y == 0).sum())
        print(
            f"threshold {threshold:.2f}: accuracy {accuracy:.3f}, political recall {recall:.3f}, "
            f"institutional false-positive rate {fp_rate:.4f} ({fp} posts)"
        )
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:25]
    print("strongest political features:", ", ".join(k for k, _ in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
