"""accessibility: what makes a post hard to read or to hear with a screen reader.

Hashtags run together in lower case, words in ALL CAPS, a high reading grade,
images without alt text, and posts too long for the platform they are meant for.
Emoji are the emoji check's job.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding

_HERE = Path(__file__).parent

# -- hashtags ------------------------------------------------------------

_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _plausible_name_split(words: list[str]) -> bool:
    """A capitalised hashtag split into 3+ real words, not into scraps ("A Del Phi")."""
    return len(words) >= 3 and all(len(w) >= 3 for w in words) and sum(len(w) == 3 for w in words) <= 1


def _hashtag_findings(doc: Document, ctx: Context) -> Iterator[Finding]:
    from .words import vocabulary

    vocab = None
    for token in doc.tokens:
        if token.kind != "hashtag":
            continue
        body = token.text[1:]
        pieces: list[str] = []
        last = 0
        split_any = False
        for m in _LETTER_RUN.finditer(body):
            run = m.group()
            pieces.append(body[last : m.start()])
            last = m.end()
            lowered = run.lower()
            # Already readable: one letter, ALL CAPS (an acronym), or with capitals inside (CamelCase).
            if len(run) < 4 or run.isupper() or any(c.isupper() for c in run[1:]) or not run.isascii():
                pieces.append(run)
                continue
            vocab = vocab or vocabulary(tuple(ctx["words"]))
            if lowered in vocab.rank:
                pieces.append(run)
                continue
            # A capitalised run is often a name ("#Landover", "#Catskill"): split it only into three
            # or more longer dictionary words ("#Publichealthmatters").
            capitalised = run[0].isupper()
            words = vocab.split(lowered, dictionary_only=capitalised)
            if words and (_plausible_name_split(words) if capitalised else len(words) >= 2):
                split_any = True
                pieces.append("".join(w.capitalize() for w in words))
            else:
                pieces.append(run)
        pieces.append(body[last:])
        if split_any:
            # Capitalise the other lower-case words too: #covid19traveltip -> #Covid19TravelTip.
            pieces = [p.capitalize() if p.isalpha() and p.islower() else p for p in pieces]
            camel = "#" + "".join(pieces)
            yield ctx.finding(
                "hashtag-case",
                ctx.message("hashtag-case", hashtag=token.text, camel=camel),
                token.start,
                token.end - token.start,
                suggestions=[camel],
            )


# -- ALL CAPS --------------------------------------------------------------

_CAPS_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z]+(?:['\u2019][A-Z]+)?(?![\w'\u2019]|-\d)")
_SHOUTED_PHRASE = 3  # this many capitalised words in a row are shouting whatever their length
_RUN_GAP = re.compile(r"[ \t\-\u2013\u2014&:,!?.'\"/]*")


def _caps_findings(doc: Document, ctx: Context, text: str) -> Iterator[Finding]:
    min_letters = ctx["caps-min-letters"]
    all_caps_words = [m for m in _CAPS_WORD.finditer(text) if len(m.group()) >= 2]
    if not any(len(m.group()) >= min_letters for m in all_caps_words) and len(all_caps_words) < _SHOUTED_PHRASE:
        return  # nothing that could count: skip loading the word list
    from .words import vocabulary

    vocab = vocabulary(tuple(ctx["words"]))
    acronyms = _acronyms(tuple(ctx["acronyms"]))
    proper = _proper_nouns(doc)
    in_run = _caps_neighbours(text, all_caps_words)

    def is_shouted_word(m: re.Match[str]) -> bool:
        word = m.group()
        base = re.split(r"['\u2019]", word)[0] if re.search(r"['\u2019]S$", word) else word.replace("\u2019", "'")
        if base in acronyms:
            return False
        letters = base.replace("'", "").lower()
        if not (vocab.is_dictionary_word(letters) or "'" in base):
            return False  # not an English word: an acronym or a name (FEMA, YMCA, ANOKA)
        # A lone capitalised word spaCy reads as a name ("the STERLING Library"); in a run of
        # capitals spaCy tags nearly everything as a proper noun, so its view is not used there.
        return not (m.start() in proper and m.start() not in in_run)

    shouted = []
    for group in _caps_groups(text, all_caps_words):
        words = [m for m in group if is_shouted_word(m)]
        # Short words count too in a shouted phrase of three or more ("DO NOT PARK").
        shouted += [m for m in words if len(words) >= _SHOUTED_PHRASE or len(m.group()) >= min_letters]
    if len(shouted) <= ctx["caps-max-words"]:
        return
    for group in _group_runs(text, shouted, all_caps_words):
        start, end = group[0].start(), group[-1].end()
        phrase = doc.text[start:end]
        yield ctx.finding(
            "all-caps",
            ctx.message("all-caps", phrase=phrase),
            start,
            end - start,
            suggestions=[_normal_case(doc.text, start, end, acronyms, vocab)],
        )


@lru_cache(maxsize=8)
def _acronyms(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(e.upper() for e in load_word_list(_HERE / "acronyms.txt", extra))


def _proper_nouns(doc: Document) -> set[int]:
    """Offsets of words spaCy tagged PROPN, when another check had spaCy tag the post."""
    spacy_doc = doc.nlp
    if spacy_doc is None or not spacy_doc.has_annotation("TAG"):
        return set()
    return {t.idx for t in spacy_doc if t.pos_ == "PROPN"}


def _caps_neighbours(text: str, words: list[re.Match[str]]) -> set[int]:
    """Starts of capital words that stand next to another capital word."""
    found = set()
    for a, b in zip(words, words[1:], strict=False):
        if _RUN_GAP.fullmatch(text, a.end(), b.start()):
            found.update((a.start(), b.start()))
    return found


def _caps_groups(text: str, words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Capital words grouped into runs separated by nothing but spaces and punctuation."""
    groups: list[list[re.Match[str]]] = []
    for m in words:
        if groups and _RUN_GAP.fullmatch(text, groups[-1][-1].end(), m.start()):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _group_runs(text: str, shouted: list[re.Match[str]], all_caps: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Shouted words grouped with the capital words (acronyms too) between them in one run."""
    shouted_starts = {m.start() for m in shouted}
    runs = []
    for group in _caps_groups(text, all_caps):
        marked = [i for i, m in enumerate(group) if m.start() in shouted_starts]
        if marked:
            runs.append(group[marked[0] : marked[-1] + 1])
    return runs


# Words written with a capital in normal case ("may" and "march" are left out: usually verbs).
_CAPITALISED = frozenset(load_word_list(_HERE / "capitalised.txt"))


def _normal_case(text: str, start: int, end: int, acronyms: frozenset[str], vocab: Any) -> str:
    at_sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:\n"

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        letters = re.split(r"['\u2019]", word)[0]
        if len(letters) < 2 or letters in acronyms or not vocab.is_dictionary_word(letters.lower()):
            return word
        return word.capitalize() if letters.lower() in _CAPITALISED else word.lower()

    result = _CAPS_WORD.sub(fix, text[start:end])
    if at_sentence_start and result[:1].islower():
        result = result[0].upper() + result[1:]
    return result


# -- reading grade ------------------------------------------------------------


def _grade_findings(ctx: Context, text: str) -> Iterator[Finding]:
    from .readability import grade, sentences, word_count

    if word_count(text) < ctx["grade-min-words"]:
        return  # most posts: too short to grade, so skip counting syllables
    found = list(sentences(text))
    words = sum(s.words for s in found)
    if words < ctx["grade-min-words"] or len(found) < ctx["grade-min-sentences"]:
        return
    level = round(grade(found), 1)  # compared as shown: "9.0" is not above 9
    limit = ctx["max-grade"]
    if level <= limit:
        return
    hardest = max(found, key=lambda s: 0.39 * s.words + 11.8 * s.syllables / s.words)
    yield ctx.finding(
        "reading-grade",
        ctx.message("reading-grade", level=level, limit=limit, words=hardest.words),
        hardest.start,
        hardest.end - hardest.start,
    )


# -- images ------------------------------------------------------------------

_FILE_NAME = re.compile(r"^\S+\.(?:png|jpe?g|gif|webp|svg|heic|bmp|tiff?)$|^(?:img|dsc|pxl|image)[-_]?\d+", re.IGNORECASE)
# Alt text that says nothing (empty-alt.txt): "image", "photo".
_EMPTY_ALT = frozenset(load_word_list(_HERE / "empty-alt.txt"))


def _alt_text_findings(doc: Document, ctx: Context) -> Iterator[Finding]:
    for offset, length, alt in doc.images:
        alt = alt.strip()
        if not alt:
            problem = "has no alt text"
        elif _FILE_NAME.match(alt) or alt.lower().strip(".") in _EMPTY_ALT:
            problem = f"has alt text \u201c{alt}\u201d that says nothing about it"
        else:
            continue
        yield ctx.finding(
            "alt-text",
            ctx.message("alt-text", problem=problem),
            offset,
            length,
        )


# -- length -----------------------------------------------------------------

_X_NARROW = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_X_URL_LENGTH = 23


@lru_cache(maxsize=8)
def _platforms(overrides: tuple[tuple[str, int], ...]) -> dict[str, dict[str, Any]]:
    data = tomllib.loads((_HERE / "platforms.toml").read_text(encoding="utf-8"))
    platforms: dict[str, dict[str, Any]] = {}
    for name, spec in data.items():
        platforms[name] = {"name": name, **spec}
        for alias in spec.get("aliases", []):
            platforms[alias] = platforms[name]
    for name, limit in overrides:
        key = name.lower()
        base = platforms.get(key, {"name": key, "counting": "characters"})
        platforms[key] = {**base, "limit": limit}
    return platforms


def _length_findings(doc: Document, ctx: Context) -> Iterator[Finding]:
    wanted = doc.front_matter.get("platform") if doc.front_matter else None
    if not wanted:
        return
    names = [wanted] if isinstance(wanted, str) else [str(w) for w in wanted] if isinstance(wanted, list) else []
    limits = {str(k): v for k, v in ctx["platform-limits"].items() if isinstance(v, int) and not isinstance(v, bool) and v > 0}
    platforms = _platforms(tuple(sorted(limits.items())))
    body_start = _body_start(doc)
    for raw in names:
        spec = platforms.get(raw.strip().lower())
        if spec is None:
            known = ", ".join(sorted(platforms))
            ctx.note("accessibility-platform", f"unknown platform {raw!r} in front matter; length not checked (known: {known})")
            continue
        limit = spec.get("limit")
        if not limit:
            continue
        units = list(_count_units(doc, body_start, spec["counting"]))
        total = sum(w for _, w in units)
        if total <= limit:
            continue
        running = 0
        over_at = units[-1][0]
        for offset, weight in units:
            running += weight
            if running > limit:
                over_at = offset
                break
        end = units[-1][0] + 1
        how = " (links count as 23, emoji as 2)" if spec["counting"] == "x" else ""
        yield ctx.finding(
            "length",
            ctx.message("length", total=total, how=how, limit=limit, platform=spec["name"], over=total - limit),
            over_at,
            end - over_at,
        )


def _body_start(doc: Document) -> int:
    """Where the post starts after its front matter."""
    m = re.match(r"(---|\+\+\+)[ \t]*\r?\n", doc.text)
    if not m:
        return 0
    close = re.compile(r"^(?:" + re.escape(m.group(1)) + r"|\.\.\.)[ \t]*(?:\r?\n|$)", re.MULTILINE)
    end = close.search(doc.text, m.end())
    return end.end() if end else 0


def _count_units(doc: Document, start: int, counting: str) -> Iterator[tuple[int, int]]:
    """(offset, weight) for each counted unit of the post body, as the platform counts."""
    text = doc.text
    end = len(text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    skip: dict[int, int] = {}  # start -> end of spans that count as a unit, or not at all
    for offset, length, _alt in doc.images:
        skip[offset] = offset + length  # attachments, not text
    urls = {t.start: t.end for t in doc.tokens if t.kind == "url"} if counting == "x" else {}
    emoji_spans = _emoji_spans(text, start, end)
    i = start
    while i < end:
        if i in skip:
            i = skip[i]
            continue
        if i in urls:
            yield i, _X_URL_LENGTH
            i = urls[i]
            continue
        if i in emoji_spans:
            yield i, 2 if counting == "x" else 1
            i = emoji_spans[i]
            continue
        ch = text[i]
        cp = ord(ch)
        if unicodedata.combining(ch) or cp == 0x200D or 0xFE00 <= cp <= 0xFE0F:
            weight = 0 if counting == "characters" else 1
        elif counting == "x":
            weight = 1 if any(lo <= cp <= hi for lo, hi in _X_NARROW) else 2
        else:
            weight = 1
        if weight:
            yield i, weight
        i += 1


def _emoji_spans(text: str, start: int, end: int) -> dict[int, int]:
    if text[start:end].isascii():
        return {}
    import emoji

    return {start + e["match_start"]: start + e["match_end"] for e in emoji.emoji_list(text[start:end])}


# -- the check --------------------------------------------------------------


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    yield from _hashtag_findings(doc, ctx)
    words_text = doc.words_text  # prose without URLs, mentions and hashtags; built once
    yield from _caps_findings(doc, ctx, words_text)
    yield from _grade_findings(ctx, words_text)
    yield from _alt_text_findings(doc, ctx)
    yield from _length_findings(doc, ctx)


CHECK = Check(
    name="accessibility",
    description="Run-together hashtags, ALL CAPS, a high reading grade, images without alt text, over-long posts.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause=(
        "Make sure information is accurate, free of grammatical errors and presented in a professional manner. "
        "[...] Improve content accessibility by limiting the use of emoji."
    ),
    run=run,
    options={
        "words": Option(
            [], "more words for splitting hashtags (local names such as 'anoka'); add '*' to a name", list, item_type=str
        ),
        "acronyms": Option([], "more ALL-CAPS words that are acronyms, beside acronyms.txt (e.g. 'CARES')", list, item_type=str),
        "caps-min-letters": Option(4, "an ALL-CAPS word this long or longer counts as shouting (shorter ones: NOT, ALL)"),
        "caps-max-words": Option(
            1, "ALL-CAPS words a post may have before any is flagged (one word of emphasis, like FREE, is allowed)"
        ),
        "max-grade": Option(9.0, "highest Flesch-Kincaid reading grade allowed", (int, float)),
        "grade-min-words": Option(40, "judge the reading grade only in posts with at least this many words"),
        "grade-min-sentences": Option(3, "... and at least this many sentences (short posts give noisy grades)"),
        "platform-limits": Option(
            {}, "character limits by platform, over the bundled platforms.toml (e.g. { nextdoor = 2000 })", dict
        ),
    },
    rules={
        "accessibility/hashtag-case": "a hashtag of several words in lower case (#snowemergency): use CamelCase",
        "accessibility/all-caps": "words in ALL CAPS (more than caps-max-words of them; acronyms and names allowed)",
        "accessibility/reading-grade": "a Flesch-Kincaid reading grade above max-grade (long posts only)",
        "accessibility/alt-text": "a Markdown image with no alt text, or alt text that is a file name or 'image'",
        "accessibility/length": "longer than the limit of the platform named in front matter (platform: x)",
    },
    doc="""
    Screen readers read #snowemergencyupdate as one long nonsense word and
    #SnowEmergencyUpdate as three words; hashtags are split with a bundled
    English word list (words.txt, by frequency) and only flagged when they
    split cleanly into common words. Local names can be added with `words`.

    ALL CAPS is harder to read and some screen readers spell it out. A word
    counts when it has caps-min-letters letters or more and is an English
    word: acronyms and names (FEMA, YMCA, ANOKA) are not words and pass, as do
    the acronyms in acronyms.txt (SNAP, CARES) and, when spaCy runs for
    another check, a lone capitalised word it tags as a proper noun. One word
    of emphasis ("FREE flu shots") is allowed by default.

    The reading grade is a built-in Flesch-Kincaid grade, judged only on
    posts long enough for it to mean something. Images need alt text.
    With front matter `platform: x` (or facebook, instagram, bluesky,
    threads, linkedin, mastodon, nextdoor) the post is measured the way the
    platform counts (X: links 23, emoji 2).
    """,
    profiles=("official",),  # section V binds the city's accounts, not employees' own
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
