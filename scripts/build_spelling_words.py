"""Build checks/grammar/words.tsv, the word-frequency list of the builtin grammar engine's spelling rule.

    pip install symspellpy   # only to rebuild: the list is read from its wheel
    python scripts/build_spelling_words.py [--posts ../shared/data/posts/county_government.jsonl]

Three sources, each a word and its Zipf frequency (log10 of uses per billion words, "the" is 7.6):

1. symspellpy's frequency_dictionary_en_82_765.txt (MIT, (c) Wolf Garbe and mmb L): 82,765
   English words with Google Books Ngram counts (CC BY 3.0), intersected with SCOWL word lists
   by SymSpell's author, so it holds few misspellings. Words of letters only are kept.
2. scripts/spelling/newer_words.txt: everyday words newer than that list ("telehealth", "selfie"),
   written by hand for post-lint (MIT). Zipf 3.0 unless the list above has them.
3. Real county government posts (the shared development data, not shipped): a lower-case word
   that several accounts wrote is a real word ("curbside", "biosolids"), unless the posts use a
   word one edit away far more often ("recieve" beside "receive"): common misspellings recur too.
   Every 19th post from offsets 0 and 11 is left out: those are the posts the false-alarm review
   (tools/grammar_realfa.py) reads, so its figures stay honest. Only the words and an estimated
   frequency (at most Zipf 3.0) are written, never any text.

The output has a line per frequency, its words sorted, so that a rebuild's diff shows what changed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checks" / "grammar" / "words.tsv"
NEWER = ROOT / "scripts" / "spelling" / "newer_words.txt"
SYMSPELL_FILE = "frequency_dictionary_en_82_765.txt"

MIN_ACCOUNTS = 3  # distinct accounts that wrote the word in lower case
NEIGHBOUR_RATIO = 8  # a word one edit away used this many times more often: a misspelling of it
HELD_OUT = (0, 11)  # post index % 19: the samples of tools/grammar_realfa.py
LOCAL_ZIPF_CAP = 3.0  # a word the posts alone vouch for is no more common than this
NEWER_ZIPF = 3.0

_URL = re.compile(r"https?://\S+|www\.\S+|[@#]\w+")
# Words with their inner apostrophes ("couldn’t" is one word, not "couldn" and "t").
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + swaps + replaces + inserts) - {word}


def symspell_words(path: Path | None) -> dict[str, float]:
    if path is None:
        import symspellpy  # noqa: PLC0415 - only needed to rebuild

        path = Path(symspellpy.__file__).parent / SYMSPELL_FILE
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if word.isalpha() and word.isascii():
            counts[word] = int(count)
    total = sum(counts.values())
    return {word: math.log10(count / total * 1e9) for word, count in counts.items()}


def newer_words() -> list[str]:
    words = []
    for line in NEWER.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.lower())
    return words


def local_words(posts: Path, known: dict[str, float]) -> dict[str, float]:
    """Lower-case words several accounts wrote, that are not a rarer spelling of a nearby word."""
    accounts: dict[str, set[str]] = defaultdict(set)
    lowercase: Counter[str] = Counter()
    every: Counter[str] = Counter()  # all cases: how often the posts use each word
    with open(posts, encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index % 19 in HELD_OUT:
                continue
            post = json.loads(line)
            for token in _TOKEN.findall(_URL.sub(" ", post["text"])):
                if not (token.isascii() and token.isalpha()):
                    continue  # contractions and accented (Spanish) words
                every[token.lower()] += 1
                if token.islower():
                    lowercase[token] += 1
                    accounts[token].add(post["account"])
    tokens = sum(every.values())
    found: dict[str, float] = {}
    for word, users in accounts.items():
        if len(users) < MIN_ACCOUNTS or len(word) < 3 or word in known:
            continue
        if any(every[n] >= NEIGHBOUR_RATIO * every[word] for n in edits1(word) if n in known):
            continue
        found[word] = min(LOCAL_ZIPF_CAP, math.log10(lowercase[word] / tokens * 1e9) - 1)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=Path, default=ROOT.parent / "shared" / "data" / "posts" / "county_government.jsonl")
    parser.add_argument("--symspell", type=Path, default=None, help=f"path of {SYMSPELL_FILE} (default: the installed wheel's)")
    args = parser.parse_args()
    words = symspell_words(args.symspell)
    newer = [w for w in newer_words() if w not in words]
    words.update((w, NEWER_ZIPF) for w in newer)
    local = local_words(args.posts, words) if args.posts.exists() else {}
    words.update(local)
    # One line per frequency, most frequent first: "76<TAB>the", then the words of that frequency
    # in alphabetical order. Loading is a split per line (20 ms for the whole list, where a line
    # per word takes three times as long), and a rebuild's diff still shows the words that moved.
    by_zipf: dict[int, list[str]] = defaultdict(list)
    for word, zipf in words.items():
        by_zipf[round(zipf * 10)].append(word)
    rows = [f"{z}\t{' '.join(sorted(by_zipf[z]))}" for z in sorted(by_zipf, reverse=True)]
    header = [
        "# Word frequencies for the builtin grammar engine's spelling rule. Each line: a Zipf frequency",
        "# times ten (log10 of uses per billion words; 76 is 'the'), a tab, the words of that frequency.",
        "# Built by scripts/build_spelling_words.py from symspellpy's frequency_dictionary_en_82_765.txt",
        "# (MIT; Google Books Ngram counts, CC BY 3.0, intersected with SCOWL), scripts/spelling/newer_words.txt",
        "# (MIT) and lower-case words several US county government accounts wrote in their public posts",
        "# (words only, no text). Do not edit by hand: add words to newer_words.txt and rebuild.",
        f"# {len(words)} words: {len(words) - len(newer) - len(local)} listed, {len(newer)} newer, {len(local)} from posts.",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(words)} words; {len(newer)} newer, {len(local)} from posts)")
    print("from posts:", " ".join(sorted(local)))


if __name__ == "__main__":
    main()
