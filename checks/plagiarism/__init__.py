"""plagiarism: comments that reproduce someone else's words go to review.

For the comments profile only. Section V lets staff hide "plagiarized material", but
where words came from is not something a tool can prove, so every finding is for
review and says why the comment looks copied:

* ``post``: it reproduces the post it answers (most of its word shingles are the post's);
* ``announced``: it says so ("copied and pasted", "not my words", "repost from",
  "author unknown"; ``announced.txt``);
* ``published``: it is written as a published source: a wire dateline
  ("MINNEAPOLIS (AP) —"), a byline ("By Jane Doe, Staff Writer"), a publication's
  furniture ("All rights reserved", "[Chorus]"), or the register of a news story or a
  reference work: long, with no first or second person, no question or exclamation,
  and at least two cues of reported speech or encyclopedic frames (``sources.toml``);
* ``verse``: lines laid out as a poem or a song (short capitalised lines that rhyme
  or run on without full stops), or verse run together in one paragraph: short phrases
  whose last words rhyme by ear ("sound", "found"; "me", "sea"), two pairs or more;
* ``quotation``: a quotation of more than a sentence or two that no one is named as saying;
* ``pasted``: prose in the register of a reference work, a news report or a set of instructions
  presented as the commenter's own: long, no I, we or you, no question or exclamation, none of a
  body's announcement furniture (links, tags, clock times, phone numbers), and at least
  ``pasted-score`` marks of that register in spaCy's parse (long sentences, long words, a
  definition "X is a ...", a passive, figures, a year, reported speech, a run of imperatives, sentences
  in the generic present "Maples are susceptible", a hedge "typically").
  A short opening of the commenter's own ("My thoughts on this.") is set aside first.

The same text posted by different authors of one export (``copied``) is found by
``post-lint comments``, where every comment is seen at once (near-duplicates by MinHash).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text.phrases import find_phrases
from post_lint.text.quotes import attributed_quotes, quotations
from post_lint.text.shingles import containment, shingles, words

_HERE = Path(__file__).parent
_PERSON_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d)]*(?:\s|$)")
# Who said it, right after the quotation: "— Mark Twain", "Trey Wright, director", "via @NCPSB".
# What a public body's own announcement has and pasted reference or news prose has not: links,
# tags and mentions, clock times, phone numbers, emoji.
_ANNOUNCEMENT = re.compile(
    r"https?://|www\.|\.(?:com|org|gov|net|us)\b|[#@]\w|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\b\d{3}[-.]\d{4}\b"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_FIGURE = re.compile(r"\b\d[\d,.]*\b|\b(?:million|billion|percent|thousand|hundred|dozen)\b", re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"^[\s,]*(?:[\u2014\u2013-]{1,2}\s*[A-Z@]|via\b|@\w|\(?[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+)")


@dataclass(frozen=True)
class Sources:
    dateline: re.Pattern[str]
    byline: re.Pattern[str]
    furniture: tuple[str, ...]
    register: tuple[str, ...]
    person: frozenset[str]
    hedges: frozenset[str]


@cache
def _sources() -> Sources:
    data = tomllib.loads((_HERE / "sources.toml").read_text(encoding="utf-8"))
    agencies = "|".join(re.escape(a) for a in data["wire"]["agencies"])
    roles = "|".join(re.escape(r) for r in data["wire"]["byline-roles"])
    # "MINNEAPOLIS (AP) —", "ST. PAUL, Minn. —", "WASHINGTON (Reuters) -": a place in capitals, then the
    # agency or the state, then a dash (a heading in capitals, "GRASS FIRE WARNING -", is not a dateline).
    place = r"[A-Z][A-Z.'\u2019]+(?:[ -][A-Z][A-Z.'\u2019]+)*"
    dateline = re.compile(
        rf"(?m)^[ \t]*{place}(?:\s*\((?:{agencies})\)|,\s+[A-Z][a-z]{{1,4}}\.(?:\s?[A-Z][a-z]*\.)?(?:\s*\((?:{agencies})\))?)"
        r"\s*[\u2014\u2013-]{1,2}\s+\S"
    )
    byline = re.compile(rf"(?im)^[ \t]*by\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){{1,2}}\s*[,|\u2014-]\s*(?:{roles})")
    return Sources(
        dateline,
        byline,
        tuple(data["wire"]["furniture"]),
        tuple(data["register"]["phrases"]),
        frozenset(data["register"]["person"]),
        frozenset(data["register"]["hedges"]),
    )


def _reproduces_post(doc: Document, ctx: Context) -> Iterator[Finding]:
    post = doc.reply_to.strip()
    if not post or len(words(doc.prose)) < ctx["min-words"]:
        return
    share = containment(shingles(doc.prose), shingles(post))
    if share >= ctx["post-share"]:
        yield ctx.finding(
            "post",
            ctx.message("post", share=share),
            0,
            len(doc.text),
        )


def _announced(doc: Document, ctx: Context) -> Iterator[Finding]:
    if len(words(doc.prose)) < ctx["min-words"]:
        return
    found = find_phrases(doc.words_text, load_word_list(_HERE / "announced.txt", ctx["extra-phrases"]))
    if found:
        cue = found[0]
        said = " ".join(doc.text[cue.start : cue.end].split())
        yield ctx.finding(
            "announced",
            ctx.message("announced", said=said),
            cue.start,
            cue.end - cue.start,
        )


def _own_voice(text: str, person: frozenset[str]) -> bool:
    """A question, an exclamation, or the writer or reader in the text: a resident speaking."""
    if "?" in text or "!" in text:
        return True
    return any(w.lower().replace("\u2019", "'") in person for w in _PERSON_TOKEN.findall(text))


def _published(doc: Document, ctx: Context) -> Iterator[Finding]:
    src = _sources()
    text = doc.text
    if len(words(text)) < ctx["min-words"]:
        return
    marks = [m for m in (src.dateline.search(text), src.byline.search(text)) if m]
    furniture = find_phrases(text, src.furniture)
    if marks or furniture:
        start, end = marks[0].span() if marks else (furniture[0].start, furniture[0].end)
        what = " ".join(text[start:end].split()).rstrip("\u2014\u2013- ")
        yield ctx.finding(
            "published",
            ctx.message("published", how=f"is laid out as a published text (\u201c{what}\u201d)"),
            start,
            end - start,
        )
        return
    if len(words(text)) < ctx["register-words"] or len(_SENTENCE_END.findall(text)) < 2:
        return
    if _own_voice(text, src.person):
        return
    cues = find_phrases(text, src.register)
    if len({c.phrase for c in cues}) >= 2:
        shown = ", ".join(f"\u201c{' '.join(text[c.start : c.end].split())}\u201d" for c in cues[:3])
        yield ctx.finding(
            "published",
            ctx.message(
                "published",
                how=f"reads as a news story or a reference work, not a resident's own words (no I, we or you; {shown})",
            ),
            0,
            len(text),
        )


def _rhymes(a: str, b: str) -> bool:
    """Two line endings that rhyme, roughly: the same last three letters, or a vowel and a letter."""
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    return a[-3:] == b[-3:] or (a[-2:] == b[-2:] and a[-2] in "aeiouy")


def _verse(doc: Document, ctx: Context) -> Iterator[Finding]:
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    if len(words(doc.text)) < ctx["min-words"]:
        return
    if len(lines) < 4:
        yield from _run_on_verse(doc, ctx)
        return
    verse_like = [line for line in lines if 3 <= len(line.split()) <= 12 and line[0].isupper() and not line[0].isdigit()]
    if len(verse_like) < 0.75 * len(lines):
        return
    last = [(words(line) or [""])[-1] for line in lines]
    rhymes = sum(_rhymes(last[i], last[j]) for i in range(len(last)) for j in (i + 1, i + 2) if j < len(last))
    stopped = sum(bool(re.search(r"[.?!][\"'\u201d]?$", line)) for line in lines)
    if rhymes >= 2 or stopped <= len(lines) / 3:
        yield ctx.finding(
            "verse",
            ctx.message("verse", lines=len(lines), rhymed=", rhymed" if rhymes >= 2 else ""),
            0,
            len(doc.text),
        )


_PHRASE_END = re.compile(r"[,;:.!?\u2014]+")
# Endings that rhyme only as suffixes: "information, registration" is no verse.
_SUFFIXES = ("ing", "tion", "sion", "ed", "ly", "ment", "ness", "ity", "es", "ers", "er", "s", "ous", "al", "ic")


def rime(word: str) -> str:
    """How a word ends to the ear, roughly: its last vowels and what follows ("sound" -> "ound",
    "me" and "sea" -> "ee", "grace" -> "ac", a silent e dropped)."""
    w = word.lower().replace("qu", "qw")  # the u of "queer" is no vowel
    if len(w) < 2 or not w.isalpha():
        return ""
    if w[-1] == "e" and w[-2] not in "aeiouy":
        if not any(c in "aeiouy" for c in w[:-1]):
            return "ee"  # me, she
        w = w[:-1]  # a silent e: "are" -> "ar", "grace" -> "grac"
    core = w
    m = re.search(r"[aeiouy]+[^aeiouy]*$", core)
    if not m:
        return ""
    key = m.group()
    return next(("ee" + key[len(v) :] for v in ("ee", "ea", "ie", "ey") if key.startswith(v)), key)


def rhyme(a: str, b: str) -> bool:
    """Two different words that rhyme, not by a shared suffix nor one inside the other ("male", "female")."""
    if a == b or a.endswith(b) or b.endswith(a):
        return False
    key = rime(a)
    if len(key) < 2 or key != rime(b):
        return False
    return not any(a.endswith(s) and b.endswith(s) for s in _SUFFIXES)


def _run_on_verse(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Verse pasted as one paragraph ("Amazing grace, how sweet the sound, that saved a wretch like me. I once
    was lost, but now am found"): short phrases whose last words rhyme, two pairs or more."""
    if _ANNOUNCEMENT.search(doc.text):
        return
    phrases = [p.split() for p in _PHRASE_END.split(doc.words_text)]
    phrases = [p for p in phrases if len(p) >= 2]
    if len(phrases) < 4 or any(len(p) > 14 for p in phrases):
        return
    # The rhyme words of verse are common words: not a name, a weekday or a figure.
    last = [w if w.islower() and w.isalpha() else "" for w in (re.sub(r"[^\w]", "", p[-1]) for p in phrases)]
    pairs = sum(
        bool(last[i] and last[j] and rhyme(last[i], last[j]))
        for i in range(len(last))
        for j in range(i + 1, min(i + 4, len(last)))
    )
    if pairs >= 2:
        yield ctx.finding("verse", ctx.message("verse", lines=len(phrases), rhymed=", rhymed"), 0, len(doc.text))


def _quotation(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    credited = set(attributed_quotes(text))
    for start, end in quotations(text):
        quoted = text[start:end]
        if (start, end) in credited or _CREDIT_AFTER.match(text[end : end + 40]):
            continue
        if len(words(quoted)) >= ctx["quotation-words"] and len(_SENTENCE_END.findall(quoted.strip('"\u201c\u201d') + " ")) >= 2:
            yield ctx.finding(
                "quotation",
                ctx.message("quotation", count=len(words(quoted))),
                start,
                end - start,
            )
            return


def _body(sentences: list[Any]) -> list[Any]:
    """The sentences after a short opening of the commenter's own ("My thoughts on this.", "Just my two cents.")."""
    first = sentences[0] if len(sentences) >= 3 else None
    if first is None or sum(t.is_alpha for t in first) > 8 or first.root.tag_ == "VB":
        return sentences  # a short instruction ("Preheat the oven to 375 degrees.") is part of the text
    said_of_something = any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in first.root.children)
    return sentences if said_of_something else sentences[1:]


def _definition(sentence: Any) -> bool:
    """ "A dog park is a park for ...", "Asphalt, commonly called blacktop, ...", "X is defined as ...": a reference frame."""
    root = sentence.root
    if root.lemma_ != "be":
        return root.lemma_ in ("call", "define", "know", "refer") and any(c.dep_ == "auxpass" for c in root.children)
    subject = any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in root.children)
    kind = any(
        c.dep_ == "attr"
        and c.pos_ == "NOUN"
        # "a park for dogs", "social animals that ...": a kind, not "the only place in town"
        and (
            any(d.lower_ in ("a", "an") for d in c.children) or (c.tag_ == "NNS" and not any(d.dep_ == "det" for d in c.children))
        )
        for c in root.children
    )
    return subject and kind


def _imperatives(sentences: list[Any]) -> int:
    """Sentences that tell the reader what to do, with no subject ("Preheat the oven", "To build a coop, frame ...")."""
    return sum(
        s.root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in s.root.children) for s in sentences
    )


def _generic_present(sentence: Any) -> bool:
    """ "Maples are susceptible", "Symptoms include wilting", "Most states require ...": a noun subject and a
    verb in the present, the way a reference work states what is always so."""
    root = sentence.root
    if root.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in root.children)


def register_marks(sentences: list[Any], text: str, register: tuple[str, ...], hedges: frozenset[str] = frozenset()) -> list[str]:
    """The marks of published prose in parsed sentences: what a reference work, a report or a recipe has."""
    alpha = [t for s in sentences for t in s if t.is_alpha]
    imperatives = _imperatives(sentences)
    generic = sum(_generic_present(s) for s in sentences)
    marks = {
        "long sentences": len(alpha) / len(sentences) >= 16,
        "long words": sum(len(t) for t in alpha) / max(len(alpha), 1) >= 5.0,
        "a definition": any(_definition(s) for s in sentences),
        "figures": len(_FIGURE.findall(text)) >= 2,
        "a year": bool(_YEAR.search(text)),
        "a news or reference phrase": bool(find_phrases(text, register)),
        "the passive": any(t.dep_ in ("auxpass", "nsubjpass") for s in sentences for t in s),
        "reported speech": any(
            t.lemma_ in ("say", "announce", "report", "estimate", "find") and t.tag_ in ("VBD", "VBZ")
            for s in sentences
            for t in s
        ),
        "the generic present": generic >= 2 and generic * 3 >= len(sentences) * 2,
        "a reference work's hedge": any(t.lower_ in hedges for t in alpha),
        "instructions": imperatives >= 2,
        "a run of instructions": imperatives >= 3,  # a recipe or a how-to counts twice
    }
    return [name for name, present in marks.items() if present]


def _pasted(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.nlp is None:
        return
    sentences = _body(list(doc.nlp.sents))
    if len(sentences) < 2:
        return
    start = sentences[0].start_char
    body = doc.nlp.text[start:]
    if len(words(body)) < ctx["register-words"] or _own_voice(body, _sources().person) or _ANNOUNCEMENT.search(body):
        return
    marks = register_marks(sentences, body, _sources().register, _sources().hedges)
    if len(marks) >= ctx["pasted-score"]:
        yield ctx.finding(
            "pasted",
            ctx.message("pasted", marks=", ".join(marks[:4])),
            start,
            len(doc.nlp.text) - start,
        )


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    for rule in (_reproduces_post, _announced, _published, _verse, _quotation, _pasted):
        found = list(rule(doc, ctx))
        if found:
            yield from found
            return  # one reason is enough for a moderator to read it


CHECK = Check(
    name="plagiarism",
    description="Comments: copied text (the post reproduced, 'copied and pasted', a wire story, verse, a long "
    "uncredited quotation; the same text from different authors) for review.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Plagiarized material",
    run=run,
    options={
        "min-words": Option(20, "comments shorter than this are never judged copied (a quoted line is a reply)", int),
        "register-words": Option(35, "words a comment needs before its register is read as a news story's", int),
        "quotation-words": Option(25, "words an uncredited quotation needs (more than a sentence or two)", int),
        "pasted-score": Option(
            3, "marks of published prose (of twelve) that make a long comment with no I, we or you read as pasted", int
        ),
        "post-share": Option(0.6, "share of a comment's word shingles found in the post that makes it a copy", float),
        "extra-phrases": Option([], "more phrases that say a comment was copied, beside announced.txt", list, item_type=str),
    },
    nlp=("lemmatizer", "parser", "ner"),  # the attacks check's parse: the comments profile parses once
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "plagiarized material". A tool cannot prove
    where words came from, so every finding sends the comment to review with
    the reason it looks copied: it reproduces the post it answers; it says it
    was copied ("copied and pasted", "not my words", "repost from"); it is
    laid out as a published text (a wire dateline, a byline, "All rights
    reserved", "[Chorus]") or written in a news story's or a reference work's
    register (long, no I, we or you, no question or exclamation, reported
    speech or encyclopedic frames); it is verse, in lines or run together
    in short phrases that rhyme; or it quotes more than a
    sentence or two without naming who said it; or, long and with no I, we or
    you, it reads in spaCy's parse as a reference work, a report or a recipe
    (long sentences and words, a definition, the passive, figures, a year,
    reported speech, a run of imperatives, the generic present, a hedge
    such as "typically"), with none of an announcement's
    links, tags, times or phone numbers. The same text posted by
    different authors in one export is found by post-lint comments
    (plagiarism/copied). A resident quoting one sentence of the post or of
    another comment to answer it is kept, as is a short comment.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),
)
