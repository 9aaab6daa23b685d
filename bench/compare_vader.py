"""The partners check's own rules against the VADER sentiment lexicon, on the labeled corpus.

    python bench/compare_vader.py [--real N]

Every method sees the same partner mentions (the corpus config's [partners] names,
aliases and follow-ups) and differs only in how it decides "negative about the partner":

- vader-post:      the post mentions a partner and VADER's compound score of the whole post is <= -0.05
- vader-sentence:  a sentence that mentions a partner scores <= -0.05 (VADER's usual threshold)
- rules-only:      the check's own cue lists + where the cue attaches in the parse, without the lexicon
- rules:           the check as shipped: rules-only plus VADER's negative judgment words (cues/lexicon.txt),
                   counted only as adjectives or adverbs said of the partner
- vader-words:     the check's attachment logic with ALL of VADER's negative words (valence <= -1.5) added as
                   criticism cues, any part of speech
- rules-or-vader:  rules, or a partner sentence VADER scores <= -0.5 (strongly negative)

Scored against the "partners" label of every post in tests/corpus. ``--real N`` also
runs each method over the first N real county-government posts (unconfigured, so the
organisation fallback applies) and reports how many each flags; almost none should be.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from post_lint.api import iter_sentences  # noqa: E402
from post_lint.config import Config, read_config_file  # noqa: E402
from post_lint.evaluate import DEFAULT_CORPUS, load_corpus  # noqa: E402
from post_lint.normalize import normalize  # noqa: E402
from post_lint.runner import Linter  # noqa: E402

THRESHOLD = -0.05
STRONG = -0.5


def _scores(flags: dict[str, bool], truth: dict[str, bool]) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for k, v in flags.items() if v and truth[k])
    fp = sum(1 for k, v in flags.items() if v and not truth[k])
    fn = sum(1 for k, v in flags.items() if not v and truth[k])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def _partner_sentences(text: str, partners: tuple) -> list[str]:
    from post_lint.checks.partners.mentions import find_mentions

    mentions = find_mentions(normalize(text, leet=True), partners)
    return [text[s:e] for s, e in iter_sentences(text) if any(s <= m.start < e for m in mentions)]


# Negative in VADER but not a judgment of whoever it is said of: feelings ("the Chamber is
# saddened"), hazards and health ("dangerous cold", "injured"), plain facts ("the elevator is
# broken", "a negative test"). Left out of the lexicon the check ships.
NOT_JUDGMENTS = frozenset(
    """
    afraid aghast agitated angry anguished annoyed anxious ashamed bitter crestfallen dejected depressed
    desperate devastated disappointed discouraged disheartened dismayed displeased dissatisfied distraught
    distressed disturbed downcast downhearted embarrassed exasperated exhausted fearful frightened frustrated
    furious gloomy glum grieving heartbroken heavyhearted helpless homesick horrified hurt impatient incensed
    indignant infuriated insecure irate irritated jaded jealous lonely lonesome mad mournful outraged pained
    panicked pessimistic petrified pissed powerless sad saddened scared shocked sorry stressed terrified tired
    troubled unhappy upset weary worried heartbreaking devastating tragic tragically unfortunate unfortunately
    sadly regrettably dangerous dangerously deadly fatal fatally dead ill sick injured infected contagious toxic
    poisonous polluted hazardous severe grave gravely dire critical emergency difficult hard poor poorer poorest
    negative blind disabled disabling disadvantaged homeless lost missing broke broken damaged destroyed flooded
    fallen forbidden illegal banned arrested detained jailed imprisoned stolen criminal guilty overweight cancer
    painful painfully serious seriously alarming alarmingly worrying scary frightening terrifying horrific
    inconvenient uncomfortable lonely grim eerie stormy cold freezing wrong mistaken worrisome concerning
    troubling distressing disturbing
    """.split()
)


def _vader_negative_words() -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = SentimentIntensityAnalyzer().lexicon
    return sorted(w for w, v in lexicon.items() if v <= -1.5 and w.replace("-", "").replace("'", "").isalpha())


def _linter_flags(items: list[tuple[str, str]], options: dict, fmt_of: dict[str, str]) -> dict[str, bool]:
    linter = Linter(select=["partners"])
    linter.explicit_config = Config(data={"partners": options})
    paths = [(text, f"{key}{'.md' if fmt_of.get(key) == 'markdown' else '.txt'}") for text, key in items]
    result = linter.lint_batch(paths)
    flagged = {f.path.rsplit(".", 1)[0] for f in result.findings}
    return {key: key in flagged for _, key in items}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=int, default=0, help="also count flags on the first N real county posts")
    parser.add_argument("--write-lexicon", action="store_true", help="regenerate checks/partners/cues/lexicon.txt")
    args = parser.parse_args()
    if args.write_lexicon:
        words = [w for w in _vader_negative_words() if w not in NOT_JUDGMENTS]
        target = ROOT / "checks" / "partners" / "cues" / "lexicon.txt"
        head = [
            "# Negative words from the VADER sentiment lexicon (vaderSentiment 3.3.2, MIT licence,",
            "# C.J. Hutto), valence <= -1.5, minus feelings, hazards and plain facts (NOT_JUDGMENTS in",
            "# bench/compare_vader.py). Generated by `python bench/compare_vader.py --write-lexicon`.",
            "# The partners check counts these only as adjectives or adverbs said of a partner",
            '# ("their staff were unpleasant"). Extend with `extra-cues = {lexicon = [...]}`.',
        ]
        target.write_text("\n".join(head + words) + "\n", encoding="utf-8")
        print(f"wrote {len(words)} words to {target}")
        return 0

    from post_lint.checks.partners.mentions import parse_organizations
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    config = read_config_file(DEFAULT_CORPUS / "config.toml")
    partner_options = dict(config.table("partners"))
    partners = tuple(parse_organizations(partner_options.get("organizations", [])))
    posts = load_corpus(DEFAULT_CORPUS)
    truth = {p.id: "partners" in p.labels for p in posts}
    fmt_of = {p.id: p.format for p in posts}
    items = [(p.text, p.id) for p in posts]
    negative_words = _vader_negative_words()

    methods: dict[str, dict[str, bool]] = {}
    timings: dict[str, float] = {}

    start = time.perf_counter()
    methods["vader-post"] = {
        p.id: bool(_partner_sentences(p.text, partners)) and vader.polarity_scores(p.text)["compound"] <= THRESHOLD for p in posts
    }
    timings["vader-post"] = time.perf_counter() - start

    start = time.perf_counter()
    sentence_scores = {p.id: [vader.polarity_scores(s)["compound"] for s in _partner_sentences(p.text, partners)] for p in posts}
    methods["vader-sentence"] = {k: any(v <= THRESHOLD for v in vs) for k, vs in sentence_scores.items()}
    timings["vader-sentence"] = time.perf_counter() - start

    from post_lint.checks.partners.cues import load_word_list

    cue_folder = ROOT / "checks" / "partners" / "cues"
    own_words = {w for f in cue_folder.glob("*.txt") if f.name != "lexicon.txt" for w in load_word_list(f)}
    # ignore-cues drops an entry from every list, so leave out only what the lexicon alone has.
    shipped_lexicon = [w for w in load_word_list(cue_folder / "lexicon.txt") if w not in own_words]
    methods["rules-only"] = _linter_flags(items, {**partner_options, "ignore-cues": shipped_lexicon}, fmt_of)
    start = time.perf_counter()
    methods["rules"] = _linter_flags(items, partner_options, fmt_of)
    timings["rules"] = time.perf_counter() - start

    start = time.perf_counter()
    methods["vader-words"] = _linter_flags(items, {**partner_options, "extra-cues": {"criticism": negative_words}}, fmt_of)
    timings["vader-words"] = time.perf_counter() - start

    methods["rules-or-vader"] = {k: methods["rules"][k] or any(v <= STRONG for v in sentence_scores[k]) for k in methods["rules"]}

    positives = sum(truth.values())
    print(f"{len(posts)} corpus posts, {positives} labeled partners; VADER lexicon: {len(negative_words)} negative words used")
    print(f"{'method':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    summary = {}
    for name, flags in methods.items():
        precision, recall, f1, tp, fp, fn = _scores(flags, truth)
        summary[name] = {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
        print(f"{name:<16}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{tp:>5}{fp:>5}{fn:>5}")
    for name in ("vader-sentence", "vader-words"):
        wrong_fp = [k for k, v in methods[name].items() if v and not truth[k]]
        wrong_fn = [k for k, v in methods[name].items() if not v and truth[k]]
        print(f"\n{name}: false positives {wrong_fp[:12]}{' ...' if len(wrong_fp) > 12 else ''}")
        print(f"{name}: missed {wrong_fn[:12]}{' ...' if len(wrong_fn) > 12 else ''}")

    if args.real:
        rows = []
        with open(ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl", encoding="utf-8") as handle:
            for line in handle:
                rows.append(json.loads(line)["text"])
                if len(rows) >= args.real:
                    break
        real_items = [(text, f"real{i}") for i, text in enumerate(rows)]
        print(f"\nReal county posts (first {len(rows)}, no partners configured: organisation fallback)")
        for name, options in (("rules", {}), ("vader-words", {"extra-cues": {"criticism": negative_words}})):
            start = time.perf_counter()
            flags = _linter_flags(real_items, options, {})
            print(f"  {name:<14} flags {sum(flags.values()):>5} ({time.perf_counter() - start:.0f} s)")
        # VADER alone: an organisation sentence scoring negative (spaCy NER finds the organisations).
        from post_lint.checks.partners import _org_partners

        from post_lint.nlp import parse_many

        docs = parse_many(None, ["ner"], rows)
        count = 0
        for text, doc in zip(rows, docs, strict=True):
            orgs = _org_partners(doc)
            if orgs and any(vader.polarity_scores(s)["compound"] <= THRESHOLD for s in _partner_sentences(text, orgs)):
                count += 1
        print(f"  {'vader-sentence':<14} flags {count:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
