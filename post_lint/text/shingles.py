"""Near-duplicate text: word shingles, MinHash signatures and the groups of texts that share most of them.

Comments copied from one another are rarely byte-identical: a word changed, "5" for
"five", an exclamation mark added. Two texts are near-duplicates when most of their
word shingles (runs of ``SHINGLE`` words, case, punctuation, digits and links ignored)
are shared: Jaccard similarity at or above a threshold. MinHash signatures with
locality-sensitive banding find the candidate pairs without comparing every pair of an
export; each candidate is then confirmed on the exact shingles, so the signature's
approximation only decides what is compared, never what is reported.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

SHINGLE = 3
_HASHES = 64
_BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability
_ROWS = _HASHES // _BANDS
_MASK = (1 << 61) - 1  # a Mersenne prime: (a*x + b) mod p hashes a shingle again
_SEEDS = tuple(
    (int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") % _MASK or 1,
     int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big") % _MASK)
    for i in range(_HASHES)
)  # fmt: skip


def words(text: str) -> list[str]:
    """The words of ``text``: NFKC, lower case, links, digits and punctuation left out."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    return re.findall(r"[^\W\d_]+", text)


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Each run of ``size`` words, hashed (stable across runs: blake2b, not Python's salted hash)."""
    found = words(text)
    runs = [" ".join(found[i : i + size]) for i in range(len(found) - size + 1)] or ([" ".join(found)] if found else [])
    return frozenset(int.from_bytes(hashlib.blake2b(r.encode(), digest_size=8).digest(), "big") for r in runs)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(part: frozenset[int], whole: frozenset[int]) -> float:
    """How much of ``part`` is found in ``whole`` (1.0: every shingle of ``part``)."""
    return len(part & whole) / len(part) if part else 0.0


def signature(found: frozenset[int]) -> tuple[int, ...]:
    """The MinHash signature: per hash function, the smallest hash of any shingle."""
    return tuple(min(((a * s + b) % _MASK) for s in found) for a, b in _SEEDS)


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.5, min_words: int = 8) -> list[list[int]]:
    """Indices of ``texts`` grouped where each shares at least ``threshold`` of its shingles with another.

    Texts of fewer than ``min_words`` words are never grouped ("Thank you for the update!"
    is written by many people independently). Groups of two or more, in order of first index.
    """
    sets = [shingles(t) if len(words(t)) >= min_words else frozenset() for t in texts]
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for i, found in enumerate(sets):
        if not found:
            continue
        sig = signature(found)
        for band in range(_BANDS):
            key = repr(sig[band * _ROWS : (band + 1) * _ROWS]).encode()
            buckets.setdefault((band, key), []).append(i)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                if jaccard(sets[i], sets[j]) >= threshold:
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        if sets[i]:
            groups.setdefault(root(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])
