"""The post as the detectors read it: disguised digits and addresses written back plainly.

The text is normalised as word lists see it (NFKC undoes fullwidth ``＠``, ``．`` and
superscript digits; invisible characters, lone combining marks and keycap marks
are dropped; look-alike letters are mapped). Then three
tricks aimed at phone numbers are undone: a spoken number ("area code 763, then
555, then 0142"), the international ``001`` prefix, and letters, underscores or a
line break inside the digits ("763-555-O142", "763_555_0142"). The result keeps the
map back to the original (:class:`post_lint.normalize.Normalized`), so every finding
still points at what the author wrote.
"""

from __future__ import annotations

import re
from functools import lru_cache

from post_lint.normalize import Normalized, normalize, substitute

# A number as one run of digits, digit-like letters and separators, line breaks included.
_PHONE_RUN = re.compile(r"(?<![\w+])\+?\(?[0-9OolI|][0-9OolI|()\s._/-]{6,22}[0-9OolI|](?![\w])")
_PHONE_SHAPE = re.compile(
    r"(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}|\d{3}[\s.-]\d{4}",
)
_DIGIT_LIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "_": "-", "\n": " ", "\r": " "})
# "001-763-555-0142": the international prefix dialled from abroad before the North American code.
_INTERNATIONAL = re.compile(r"(?<![\d+])00[\s.-]?1[\s.-]+(?=\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?!\d))")


@lru_cache(maxsize=8)
def _spoken(joiners: tuple[str, ...]) -> re.Pattern[str]:
    joiner = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in sorted(joiners, key=len, reverse=True))
    gap = rf"[\s,;:]+(?:(?:{joiner})[\s,:]+)"
    return re.compile(
        rf"(?<![\w-])(?:area\s+code\s+|area\s+code[\s,:]+(?:is\s+)?)?(?P<a>\d{{3}}){gap}(?P<b>\d{{3}}){gap}(?P<c>\d{{4}})(?!\d)",
        re.IGNORECASE,
    )


def _fold_digits(m: re.Match[str]) -> str:
    run = m.group()
    folded = run.translate(_DIGIT_LIKE)
    if folded == run or not _PHONE_SHAPE.fullmatch(folded.strip()):
        return run
    # Letters only inside digit groups ("O142"), never a word of their own.
    groups = re.findall(r"[0-9OolI|]+", run)
    if any(not any(c.isdigit() for c in g) for g in groups) or sum(not c.isdigit() for c in "".join(groups)) > 3:
        return run
    return folded


def readable(text: str, joiners: tuple[str, ...]) -> Normalized:
    """``text`` normalised, with disguised phone numbers written as digits; the span map kept."""
    # Blanks kept as written: blanked URLs and mentions stay as long as they were.
    norm = normalize(text, lower=False, spaced=False, blanks=False)
    if sum(c.isdigit() for c in norm.text) >= 7:
        norm = substitute(norm, _spoken(joiners), lambda m: f"({m['a']}) {m['b']}-{m['c']}")
        norm = substitute(norm, _INTERNATIONAL, lambda m: "+1 ")
    if re.search(r"\d", norm.text):
        norm = substitute(norm, _PHONE_RUN, _fold_digits)
    return norm
