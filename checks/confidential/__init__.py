"""confidential: content that is not public, or would compromise a pending decision.

Sentence by sentence, patterns (data in ``patterns.toml``) look for what a city
must not post: text marked or described as confidential or not yet public, what
was said in a closed session, positions and amounts in negotiations still under
way, discipline or investigations of identifiable employees, legal matters under
way, and security details such as door codes and passwords. Public notices stay
clean: that a closed session will be held, a meeting's agenda, an approved
contract, "free and confidential testing".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from post_lint.api import Check, Context, Option, cases_beside
from post_lint.model import Document, Finding
from post_lint.normalize import normalize
from post_lint.text.alternation import literal_alternation
from post_lint.text.features import lexicon
from post_lint.text.model import learned_options, rules_then_model
from post_lint.text.sentences import split_sentences

_HERE = Path(__file__).parent
_MACRO = re.compile(r"<<(\w+)>>")


class _Lazy:
    """A regex compiled when first searched: most posts trip no pattern's trigger, so a one-draft
    run compiled 30 patterns (a tenth of a second) to search none of them."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled.search(text)


@dataclass(frozen=True)
class Pattern:
    rule: str
    what: str
    pattern: _Lazy | re.Pattern[str]
    requires: _Lazy | None
    unless: _Lazy | None
    unless_post: _Lazy | None = None
    trigger: re.Pattern[str] | None = None  # cheap test on the whole post before the pattern
    trigger_words: tuple[str, ...] | None = None  # the trigger's words, when it is only words

    def tripped(self, lowered: str, word_starts: list[str]) -> bool:
        """Whether the trigger finds a word start of ``lowered``; ``word_starts`` holds the longest
        trigger word of any pattern at each of them (:func:`_word_starts`), and every trigger word
        found at a place is a beginning of the longest one there."""
        if self.trigger is None:
            return True
        if self.trigger_words is None:
            return self.trigger.search(lowered) is not None
        return any(found.startswith(word) for found in word_starts for word in self.trigger_words)

    unless_view: bool = False  # dropped when the sentence voices a view rather than a fact (_voices_view)


def _compile(text: str | None, macros: dict[str, str]) -> _Lazy | None:
    if not text:
        return None
    for _ in range(3):  # macros may use macros
        text = _MACRO.sub(lambda m: macros[m.group(1)], text)
    return _Lazy(text, re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def public_patterns() -> tuple[Pattern, ...]:
    """patterns.toml's [[public]] tables: sentences public by what they are (rule "public")."""
    data = tomllib.loads((_HERE / "patterns.toml").read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    found = []
    for raw in data.get("public", []):
        compiled = _compile(raw["pattern"], macros)
        assert compiled is not None
        trigger = re.compile(rf"(?<!\w)(?:{raw['trigger']})") if raw.get("trigger") else None
        found.append(Pattern("public", raw.get("what", ""), compiled, None, _compile(raw.get("unless"), macros), None, trigger))
    return tuple(found)


def _is_public(sentence: str, publics: list[Pattern]) -> bool:
    return any(p.pattern.search(sentence) and not (p.unless and p.unless.search(sentence)) for p in publics)


_VIEW_MARKERS = re.compile(r"\b(?:i|we)\s+(?:really\s+|honestly\s+)?(?:think|believe|feel|bet|reckon)\b|\bshould(?:n't)?\b", re.I)
_VIEW_VALENCE = 2.0  # VADER's strongly evaluative words: "best" 3.2, "hurt" -2.4, "terrible" -2.1; "stuck" is -1.0


@lru_cache(maxsize=1)
def _view_facts() -> _Lazy:
    macros = tomllib.loads((_HERE / "patterns.toml").read_text(encoding="utf-8")).get("macros", {})
    compiled = _compile(macros["VIEW_FACTS"], macros)
    assert compiled is not None
    return compiled


def _voices_view(sentence: str) -> bool:
    """A first-person view, "should", or a strongly evaluative word, and no fact a leak is made of
    (an amount, discipline, an investigation, a legal matter, a decision, a code)."""
    if _view_facts().search(sentence):
        return False
    if _VIEW_MARKERS.search(sentence):
        return True
    valences = lexicon()
    return any(abs(valences.get(w, 0.0)) >= _VIEW_VALENCE for w in re.findall(r"[a-z']+", sentence.lower()))


@lru_cache(maxsize=8)
def patterns(extra_markers: tuple[str, ...] = ()) -> tuple[Pattern, ...]:
    data = tomllib.loads((_HERE / "patterns.toml").read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    found = []
    for raw in data.get("pattern", []):
        compiled = _compile(raw["pattern"], macros)
        assert compiled is not None
        found.append(
            Pattern(
                raw["rule"],
                raw.get("what", ""),
                compiled,
                _compile(raw.get("requires"), macros),
                _compile(raw.get("unless"), macros),
                _compile(raw.get("unless-post"), macros),
                re.compile(rf"(?<!\w)(?:{raw['trigger']})") if raw.get("trigger") else None,
                trigger_words=_trigger_words(raw.get("trigger")),
                unless_view=bool(raw.get("unless-view", False)),
            )
        )
    markers = [m.strip() for m in extra_markers if m.strip()]
    if markers:
        words = "|".join(r"\s+".join(map(re.escape, m.split())) for m in markers)
        found.append(Pattern("marked", "a confidentiality marking", re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I), None, None))
    return tuple(found)


_LITERAL_TRIGGER = re.compile(r"[a-z' -]+(?:\|[a-z' -]+)*")


def _trigger_words(trigger: str | None) -> tuple[str, ...] | None:
    return tuple(trigger.split("|")) if trigger and _LITERAL_TRIGGER.fullmatch(trigger) else None


@lru_cache(maxsize=8)
def _any_trigger_word(found: tuple[Pattern, ...]) -> re.Pattern[str]:
    """At each word start, the longest trigger word of any pattern there (a zero-width match, so
    that every start is tried): one pass over the post instead of one search per pattern."""
    words = {w for p in found if p.trigger_words for w in p.trigger_words}
    return re.compile(rf"(?<!\w)(?=({literal_alternation(words)}))")


def _word_starts(found: tuple[Pattern, ...], lowered: str) -> list[str]:
    return [m.group(1) for m in _any_trigger_word(found).finditer(lowered)]


def _rule_findings(doc: Document, ctx: Context, cleared: list[tuple[int, int]] | None = None) -> Iterator[Finding]:
    """Rule findings; ``cleared`` collects sentences a rule recognised as a lawful near-miss
    (a closed-session notice with its lawful topic, a guest network's password), so that the
    learned layer does not report what the precise rules already judged."""
    norm = normalize(doc.words_text, lower=False)
    # Curly apostrophes as straight ones ("don’t"): same length, so offsets hold.
    text = norm.text.replace("\u2019", "'")
    lowered = text.lower()
    found = patterns(tuple(ctx["extra-markers"]))
    starts = _word_starts(found, lowered)
    active = [p for p in found if p.tripped(lowered, starts)]
    publics = [p for p in public_patterns() if p.trigger is None or p.trigger.search(lowered)]
    if not active and not publics:
        return
    allow = [a.lower() for a in ctx["allow"] if a.strip()]
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if publics and _is_public(sentence, publics):
            if cleared is not None:  # public by what it is: no rule, and no score from the model
                cleared.append(norm.span(start, end))
            continue
        fired: set[str] = set()
        for pattern in active:
            if pattern.rule in fired:
                continue  # one finding per rule and sentence
            m = pattern.pattern.search(sentence)
            if not m:
                continue
            if (
                (pattern.unless and pattern.unless.search(sentence))
                or (pattern.unless_post and pattern.unless_post.search(text))
                or any(a in sentence.lower() for a in allow)
                or (pattern.unless_view and _voices_view(sentence))
            ):
                if cleared is not None:  # a form the rules know to be lawful
                    cleared.append(norm.span(start, end))
                continue
            if pattern.requires and not pattern.requires.search(sentence):
                continue
            fired.add(pattern.rule)
            s, e = norm.span(start + m.start(), start + m.end())
            while e > s and doc.text[e - 1].isspace():
                e -= 1
            quoted = " ".join(doc.text[s:e].split())
            if len(quoted) > 60:
                quoted = quoted[:57] + "..."
            # rules.toml's message: the pattern's "what", the words, then why and what to do.
            yield ctx.finding(pattern.rule, ctx.message(pattern.rule, what=pattern.what, quoted=quoted), s, e - s)


run = rules_then_model(
    _rule_findings,
    __file__,
    "private or confidential information",
    "post only what has been released; if unsure, ask the Assistant City Manager first",
    clears=True,
)


CHECK = Check(
    name="confidential",
    description="Confidential or not-yet-public content, closed-session talk, pending negotiations, personnel, legal and security details.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause=(
        "No social media website may be used by the City or any City employee or agent to disclose private or "
        "confidential information. [...] Not providing information related to pending decisions that would "
        "compromise negotiations."
    ),
    run=run,
    options={
        **learned_options(),
        "extra-markers": Option(
            [],
            "more phrases that mark a text as not public, e.g. 'council eyes only' (whole words, any case)",
            list,
            item_type=str,
        ),
        "allow": Option(
            [], "phrases that excuse a sentence, e.g. a program's name that contains 'confidential'", list, item_type=str
        ),
    },
    rules={
        "confidential/learned": "a post the learned model reads as disclosing something not public (closed sessions, HR matters, codes)",
        "confidential/marked": "text marked or described as confidential, internal only, not yet public or not to be shared",
        "confidential/closed-session": "what was said, discussed or decided in a closed session (not the notice that one will be held)",
        "confidential/negotiation": "a negotiation still under way, an offer, demand or limit, a settlement not yet final",
        "confidential/personnel": "discipline, investigation or termination of a named or identifiable employee",
        "confidential/legal": "legal action the city is planning, its legal advice or strategy, a legal matter under way",
        "confidential/security": "door, gate and alarm codes, passwords, and gaps in building security",
    },
    doc="""
    A post is public for good: anything in it can be copied before it is
    deleted. Under the Minnesota Government Data Practices Act, personnel data
    and security information are private, closed-session discussion is not
    public, and positions in a negotiation still under way would compromise it.

    Flagged: "CONFIDENTIAL:" markings and "not yet public", "internal only",
    "please don't share this until ..."; what was said or agreed in a closed
    session; negotiations still under way, offers, demands, limits and
    settlements not yet final; discipline, investigations and terminations of
    an identifiable employee; legal action the city is planning, its attorney's
    advice and strategy; door and alarm codes, passwords, and security gaps.

    Not flagged: a notice that the council will hold a closed session and why,
    an agenda, an approved contract or settlement, "free and confidential HIV
    testing", advice never to share your PIN, a guest Wi-Fi password; and
    sentences public by what they are (patterns.toml's [[public]] tables): the
    open-meetings or public-records law explained, a decision taken in public
    session, a teaser that reveals nothing yet ("sneak peek", "will be announced
    Friday"), unless they also say what was decided privately or an amount.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
