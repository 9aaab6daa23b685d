"""off-topic: comments and links unrelated to the post they answer.

For the comments profile only. Judged against the post it answers when that is
known (``doc.reply_to``, the export's ``post`` column), else against the city's
business alone, which asks more before a link is judged. Section V lets staff hide "comments totally
unrelated to the topic of the forum" and "hyperlinks to material that is not
directly related to the discussion". "Totally" is the word: a comment is
unrelated only when it shares no content word with the post, names nothing of
the city's business (``post_lint/text/data/civic.txt``, the body's names, officials and vocabulary),
and is about something else that ``elsewhere.txt`` names (sports, birthdays, lost
pets, recipes, shopping), so a bare reaction ("I'll remember this in November") is
never sent to review. A link is
unrelated when its address says nothing of the post or the city and the words
around it do not either. Both are warnings: relevance is a judgement, so the
comment goes to review, never straight to hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside, load_word_list
from post_lint.facts import Facts
from post_lint.model import Document, Finding
from post_lint.text.comment_model import comment_rules_then_model
from post_lint.text.model import learned_options
from post_lint.text.phrases import find_phrases
from post_lint.text.topic import WORD, civic_words, content_words, facts_words, related
from post_lint.text.words import split_camel

_HERE = Path(__file__).parent
WORD = WORD
_GOVERNMENT = tuple(load_word_list(_HERE / "government-domains.txt"))  # ".gov", ".mil", ".us"
_ASIDES = tuple(load_word_list(_HERE / "asides.txt"))  # "lol", "watch this", "my wife": no topic, but a bare link's frame


def _url_words(url: str) -> set[str]:
    body = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
    host, _, path = body.partition("/")
    host_words = host.lower().removeprefix("www.").split(".")[:-1]
    pieces = [w for part in re.split(r"[^A-Za-z]+", " ".join(host_words) + " " + path) for w in split_camel(part, digits=False)]
    return content_words(p for p in pieces if len(p) >= 3)


def _rules(doc: Document, ctx: Context) -> Iterator[Finding]:
    post = doc.reply_to.strip()
    topic = civic_words(tuple(ctx["extra-civic-words"])) | facts_words(ctx.facts)
    if post:
        topic |= content_words(WORD.findall(post))
    words = content_words(WORD.findall(doc.words_text))
    text_related = related(words, topic)
    elsewhere = find_phrases(doc.words_text, load_word_list(_HERE / "elsewhere.txt", ctx["extra-elsewhere"]))
    urls = doc.tokens_of("url")
    # Without the post, a link is judged only when nothing around it says why it is there
    # ("watch this lol", asides.txt) or the words are about something else.
    judge_links = bool(post) or not words or bool(elsewhere) or bool(urls and find_phrases(doc.words_text, _ASIDES))
    for token in urls if judge_links else ():
        if _own_or_public(token.text, ctx.facts) or related(_url_words(token.text), topic) or text_related:
            continue
        about = "what the post is about" if post else "the city's business"
        yield ctx.finding(
            "link",
            f"the link {token.text} says nothing of {about}, and neither do the words around it: hyperlinks to "
            "material not directly related to the discussion may be hidden; open it before deciding",
            token.start,
            token.end - token.start,
        )
        return
    # Sharing no word is not enough ("I'll remember this in November" answers the post):
    # the comment must be about something else, which the elsewhere list names.
    if urls or text_related or not elsewhere:
        return
    spans = [m.span() for m in WORD.finditer(doc.words_text)]
    start, end = spans[0][0], spans[-1][1]
    # The most specific cue names the topic: "dentist" rather than "does anyone know a".
    cue = min(elsewhere, key=lambda m: (len(m.phrase.split()), -m.start))
    topic_word = " ".join(doc.text[cue.start : cue.end].split())
    shares = "shares no word with the post it answers" if post else "names nothing of the city's business"
    yield ctx.finding(
        "unrelated",
        f"{shares} and is about something else (\u201c{topic_word}\u201d): comments totally unrelated to the "
        "topic of the forum may be hidden; read it before deciding",
        start,
        end - start,
    )


def _own_or_public(url: str, facts: Facts) -> bool:
    """A link to a government site or to the body's own: always related."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE).split("/", 1)[0].lower().removeprefix("www.")
    own = tuple(d.lower().removeprefix("www.") for d in facts.domains)
    return host.endswith(_GOVERNMENT) or any(host == d or host.endswith("." + d) for d in own)


# The rules first; when they find nothing, the learned model (scripts/train_comments.py), whose
# findings policy.toml sends to review: the model alone never hides a comment.
run = comment_rules_then_model(
    _rules,
    __file__,
    "unrelated to the post it answers",
    "relevance is a judgement: a person reads it; comments totally unrelated to the topic may be hidden",
    needs_post=True,
)


CHECK = Check(
    name="off-topic",
    description="Comments: comments and links unrelated to the post they answer (for review).",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Comments totally unrelated to the topic of the forum [...] Hyperlinks to material that is not "
    "directly related to the discussion",
    run=run,
    options={
        **learned_options(),  # on: the six models together flag at most 0.75% of fair comments in CV, and only send to review
        "extra-elsewhere": Option([], "more topics no city post is about, beside the bundled elsewhere.txt", list, item_type=str),
        "extra-civic-words": Option(
            [], "more words that tie a comment to the city's business, beside civic.txt", list, item_type=str
        ),
    },
    rules={
        "off-topic/learned": "a comment the learned model reads as unrelated to the post it answers, where the word lists found nothing (for review)",
        "off-topic/unrelated": "a comment that shares no content word with the post, names nothing of the city's business "
        "and is about something else (elsewhere.txt: sports, birthdays, lost pets, recipes, shopping, jobs, hobbies); "
        "an aside (asides.txt: \u201clol\u201d, \u201cmy wife\u201d) names no topic",
        "off-topic/link": "a link whose address and surrounding words say nothing of the post or the city",
    },
    profiles=(COMMENTS,),
    doc="""
    Section V lets staff hide "comments totally unrelated to the topic of the
    forum" and "hyperlinks to material that is not directly related to the
    discussion". A comment is judged against the post it answers when the
    export gives it (a post column, or --post), else against the city's
    business alone. Residents stray from a post's topic to the city's
    other business all the time ("fix the potholes before building a splash
    pad"), and that is on the topic of the forum: a comment is unrelated only
    when it shares no content word with the post, names nothing civic
    (civic.txt, the body's own names and vocabulary) and is about something
    else (elsewhere.txt: sports, birthdays, lost pets, recipes, shopping,
    jobs, hobbies): a bare reaction ("I'll remember this in November")
    always stays, and an aside that names no topic (asides.txt: "lol",
    "my wife", "prayers for") never makes a comment about something else;
    days and months shared with the post are no shared topic. A link is unrelated when
    neither its address nor the comment's words touch the post or the city;
    government sites and the body's own are always related. Without the post,
    a link is judged only when no word beside it says why it is there ("watch
    this lol") or the words are about something else. Both findings are
    warnings: a person reads the comment before it is hidden.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
