"""spam: commercial promotion and spam in comments.

For the comments profile only. Cues from ``cues.toml`` add up to a score: promo
codes, "DM me to earn", crypto and trading pitches, adult come-ons, prize scams,
"link in bio", links to shops and to domains that serve mostly spam, a phone number
beside a sales pitch. Three points is spam (error: hide), two is likely (warning:
review), and one weak cue ("selling", "cheap") is nothing. The same text posted
again and again across an export is found by ``post-lint comments`` itself
(``spam/repeated``), which sees every comment at once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.phrases import find_phrases

_HERE = Path(__file__).parent
_PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
_BARE_DOMAIN = r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{tlds})\b(?:/[^\s]*)?"


@dataclass(frozen=True)
class Cues:
    strong: tuple[str, ...]
    strong_weight: int
    weak: tuple[str, ...]
    weak_weight: int
    patterns: tuple[tuple[str, int, re.Pattern[str]], ...]
    shops: tuple[str, ...]
    shop_weight: int
    spam_tlds: re.Pattern[str]
    spam_tld_weight: int
    phone_weight: int


@cache
def _cues(extra: tuple[str, ...]) -> Cues:
    data = tomllib.loads((_HERE / "cues.toml").read_text(encoding="utf-8"))
    links = data.get("links", {})
    tlds = "|".join(re.escape(t) for t in links.get("spam-tlds", []))
    return Cues(
        strong=tuple(data["strong"]["phrases"]) + extra,
        strong_weight=int(data["strong"]["weight"]),
        weak=tuple(data["weak"]["phrases"]),
        weak_weight=int(data["weak"]["weight"]),
        patterns=tuple(
            (name, int(p["weight"]), re.compile(p["pattern"], re.IGNORECASE)) for name, p in data.get("patterns", {}).items()
        ),
        shops=tuple(d.lower() for d in links.get("shop-domains", [])),
        shop_weight=int(links.get("shop-weight", 2)),
        spam_tlds=re.compile(_BARE_DOMAIN.format(tlds=tlds or "invalid"), re.IGNORECASE),
        spam_tld_weight=int(links.get("spam-tld-weight", 3)),
        phone_weight=int(links.get("phone-weight", 1)),
    )


def _host(url: str) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE).split("/", 1)[0].split("?", 1)[0]
    return host.lower().removeprefix("www.")


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    cues = _cues(tuple(ctx["extra-phrases"]))
    text = doc.words_text
    hits: list[tuple[int, int, int, str]] = []  # (start, end, weight, what)
    for match in find_phrases(text, cues.strong):
        hits.append((match.start, match.end, cues.strong_weight, doc.text[match.start : match.end]))
    for match in find_phrases(text, cues.weak):
        if not any(s < match.end and match.start < e for s, e, _, _ in hits):
            hits.append((match.start, match.end, cues.weak_weight, doc.text[match.start : match.end]))
    for _name, weight, pattern in cues.patterns:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _, _ in hits):
                hits.append((m.start(), m.end(), weight, m.group()))
    allowed = tuple(d.lower().removeprefix("www.") for d in ctx.facts.domains)
    for token in doc.tokens_of("url"):
        host = _host(token.text)
        if any(host == a or host.endswith("." + a) for a in allowed):
            continue
        if any(host == s or host.endswith("." + s) for s in cues.shops):
            hits.append((token.start, token.end, cues.shop_weight, token.text))
        elif cues.spam_tlds.fullmatch(host):
            hits.append((token.start, token.end, cues.spam_tld_weight, token.text))
    for m in cues.spam_tlds.finditer(doc.prose):
        if not any(s < m.end() and m.start() < e for s, e, _, _ in hits):
            hits.append((m.start(), m.end(), cues.spam_tld_weight, m.group()))
    score = sum(w for _, _, w, _ in hits)
    if hits:
        # A phone number beside a pitch is how to buy: "text me at 612-555-0133 for rates".
        phone = next(
            (m for m in _PHONE.finditer(doc.prose) if not any(s < m.end() and m.start() < e for s, e, _, _ in hits)), None
        )
        if phone is not None:
            hits.append((phone.start(), phone.end(), cues.phone_weight, phone.group()))
            score += cues.phone_weight
    if score < 2:
        return
    hits.sort()
    words = ", ".join(f"\u201c{' '.join(w.split())}\u201d" for _, _, _, w in hits[:5])
    start, end = hits[0][0], max(e for _, e, _, _ in hits)
    if score >= 3:
        message = f"reads as commercial promotion or spam ({words}): commercial promotions or spam may be hidden"
        yield ctx.finding("promotion", message, start, end - start)
    else:
        message = f"may be a sales pitch ({words}): read it; commercial promotions or spam may be hidden"
        yield ctx.finding(
            "promotion", message, start, end - start, severity="warning" if ctx.severity == "error" else ctx.severity
        )


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
_rules_then_model = comment_rules_then_model(
    _rules,
    __file__,
    "a commercial promotion or spam",
    "no listed cue says so, so a person reads it: commercial promotions or spam may be hidden",
)
_POLITICAL = tuple(load_word_list(_HERE / "political.txt"))  # "vote", "ballot", "candidate"


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The cues, then the model, except on political speech, where the model is not read.

    A political view is never flagged: "Save the trees! Vote no on March 3." has the exclamation
    marks and the date the model weighs as a promotion, and no promotion.
    """
    if find_phrases(doc.words_text, _POLITICAL):
        yield from _rules(doc, ctx)
        return
    yield from _rules_then_model(doc, ctx)


CHECK = Check(
    name="spam",
    description="Comments: commercial promotion and spam (promo codes, 'DM me to earn', crypto, shop links, scams).",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause="Commercial promotions or spam",
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-phrases": Option(
            [], "more phrases that alone make a comment spam, beside the bundled cues.toml", list, item_type=str
        ),
    },
    rules={
        "spam/learned": "a comment the learned model reads as a commercial promotion or spam, where the word lists found nothing (for review); never read on political speech (political.txt: a vote, a ballot, a candidate)",
        "spam/promotion": "a sales pitch, scam or promotion (a warning when only two weak cues agree)",
        "spam/repeated": "the same text posted several times across an export (found by post-lint comments)",
    },
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "commercial promotions or spam". Cues add up
    (weights in cues.toml): a promo code, a money-making pitch ("earn $5,000 a
    week", "DM me to learn how"), crypto, forex and trading signals, adult
    come-ons, prize scams ("you have been selected"), "link in bio", links to
    shops and to domains that serve mostly spam (.shop, .click, .top), and a
    phone number beside a pitch. Three points hide a comment; two send it to
    review; one weak cue ("selling", "cheap", "call now") is nothing, so a
    resident recommending a local business stays up.

    The learned model is never read on political speech (political.txt: a
    vote, a ballot, an election, a candidate, a petition): "Save the trees!
    Vote no on March 3." has the marks of a promotion and is a political
    view, which the profile never flags.

    Repeated text is judged across the whole export by post-lint comments
    (spam/repeated): a copy-and-paste campaign is often political speech, so
    repetition alone only sends the copies to review.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
