"""custom: rules a city writes itself, declared in ``.post-lint.toml``.

The city's own style guide, without writing Python: each ``[[custom.rule]]``
table is one rule of one of three kinds, after Vale's extension points:

* ``existence``: never write these words (Vale's ``existence``);
* ``substitution``: write this form instead of that one, with the right form
  as the finding's suggestion (Vale's ``substitution``);
* ``requires``: a post that mentions one thing must also say another (Vale's
  ``conditional``, scoped to the post or the sentence).

Words are matched through the shared phrase engine (post_lint.text.phrases):
whole words, case-insensitively, on normalised text, so spaced, dotted,
look-alike and l33t spellings are seen through, and inside CamelCase hashtags;
links, e-mail addresses and @mentions are not read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from post_lint.api import Check, Context, Option, cases_beside
from post_lint.model import Document, Finding
from post_lint.text.negation import negated_before
from post_lint.text.phrases import Match, find_phrases, hashtag_matches
from post_lint.text.spans import inside, keep_longest

from .rules import Rule, parse_rules, render, validate


def _matches(doc: Document, phrases: tuple[str, ...]) -> list[Match]:
    """Phrases in the post's words and in its hashtags (#YouGuysRock holds "you guys"), longest kept."""
    if not phrases:
        return []
    found = find_phrases(doc.words_text, phrases)
    found += [Match(start, end, phrase) for start, end, phrase in hashtag_matches(doc, phrases)]
    return keep_longest(found)


def _finding(ctx: Context, rule: Rule, message: str, match: Match, suggestions: tuple[str, ...] = ()) -> Finding:
    # A substitution's right form is the city's own decision: --fix may write it unread.
    safe = rule.kind == "substitution"
    finding = ctx.finding(
        rule.id, message, match.start, match.end - match.start, suggestions=suggestions, severity=rule.severity, safe=safe
    )
    return replace(finding, policy=rule.policy) if rule.policy else finding


def _existence(doc: Document, ctx: Context, rule: Rule) -> Iterator[Finding]:
    excepted = [(m.start, m.end) for m in _matches(doc, rule.exceptions)]
    for match in _matches(doc, rule.tokens):
        if not inside(excepted, match.start, match.end):
            yield _finding(ctx, rule, render(rule.message, match=doc.text[match.start : match.end]), match)


def _canonical(phrase: str) -> str:
    """Letters and digits only: what a phrase and any spelling the phrase engine matches for it share."""
    return "".join(ch for ch in phrase.casefold() if ch.isalnum())


def _cased(right: str, written: str) -> str:
    """The right form, capitalised when it is all lower case and the author's text starts a capital."""
    if right.islower() and written[:1].isupper():
        return right[0].upper() + right[1:]
    return right


def _substitution(doc: Document, ctx: Context, rule: Rule) -> Iterator[Finding]:
    wrongs = tuple(wrong for wrong, _ in rule.swap)
    by_canonical: dict[str, str] = {}
    for wrong, right in rule.swap:
        by_canonical.setdefault(_canonical(wrong), right)
    excepted = [(m.start, m.end) for m in _matches(doc, rule.exceptions)]
    # Not in hashtags: a fixed form cannot replace part of a run-together tag.
    for match in find_phrases(doc.words_text, wrongs):
        if inside(excepted, match.start, match.end):
            continue
        right = by_canonical.get(_canonical(match.phrase))
        if right is None:  # a spelling only case folding tells apart: ask each form
            right = next((r for w, r in rule.swap if find_phrases(match.phrase, (w,))), None)
        if right is None:
            continue
        written = doc.text[match.start : match.end]
        suggestion = _cased(right, written)
        if written == suggestion:
            continue  # already the right form ("City Hall" for "city hall", "email" for "e-mail")
        message = render(rule.message, match=written, suggestion=suggestion)
        yield _finding(ctx, rule, message, match, (suggestion,))


def _requires(doc: Document, ctx: Context, rule: Rule) -> Iterator[Finding]:
    text = doc.words_text
    triggers = []
    for match in _matches(doc, rule.if_):
        sentence_start, _ = doc.sentence_at(match.start)
        # "The pool is not closed" announces no closure.
        if not negated_before(text, match.start, floor=sentence_start):
            triggers.append(match)
    if not triggers:
        return
    answers = _matches(doc, rule.then)
    if rule.scope == "post":
        if not answers:
            first = triggers[0]
            yield _finding(ctx, rule, render(rule.message, match=doc.text[first.start : first.end]), first)
        return
    reported: set[tuple[int, int]] = set()
    for match in triggers:
        sentence = doc.sentence_at(match.start)
        if sentence in reported or any(sentence[0] <= a.start < sentence[1] for a in answers):
            continue
        reported.add(sentence)
        yield _finding(ctx, rule, render(rule.message, match=doc.text[match.start : match.end]), match)


_KINDS = {"existence": _existence, "substitution": _substitution, "requires": _requires}


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    for rule in parse_rules(ctx["rule"]):
        yield from _KINDS[rule.kind](doc, ctx, rule)


def configured_rules(options: Mapping[str, Any]) -> dict[str, str]:
    """custom/<id> -> what the rule flags, for ``post-lint checks --rules`` and ``explain``."""
    return {rule.rule_id: rule.describe() for rule in parse_rules(options.get("rule", []))}


CHECK = Check(
    name="custom",
    description="The city's own rules from .post-lint.toml: words never to use, preferred forms, what a post must say.",
    severity="warning",
    policy_section="I. Purpose",
    policy_clause=(
        "Information which is distributed via social networking must be accurate, consistent, and timely and "
        "meet the information needs of the City's customers."
    ),
    run=run,
    options={
        "rule": Option(
            [],
            "the city's rules, one [[custom.rule]] table each: id, kind (existence, substitution or requires), "
            "the kind's own keys, and optionally message, severity and policy (see above)",
            list,
            validate=validate,
        ),
    },
    configured_rules=configured_rules,
    doc="""
    Rules a city writes for itself, in its `.post-lint.toml`, without Python. Each
    `[[custom.rule]]` table is one rule, reported as `custom/<id>`:

        [[custom.rule]]
        id = "no-guys"
        kind = "existence"            # never write these
        tokens = ["you guys", "guys"]
        message = "'{match}' is informal; write 'everyone' or 'residents'"
        severity = "warning"
        policy = "V. Rules of Use: act in a professional manner"

        [[custom.rule]]
        id = "house-style"
        kind = "substitution"         # write the right form instead; it is the suggestion
        swap = { "city hall" = "City Hall", "e-mail" = "email" }

        [[custom.rule]]
        id = "closure-needs-date"
        kind = "requires"             # a post that mentions one must also say the other
        if = ["closed", "closure"]
        then = ["reopen*", "until", "through"]
        message = "a closure notice should say when it reopens"

    Every rule has `id` (letters, digits, `-`, `_`) and `kind`, and may set `message`
    (`{match}` is what the author wrote; a substitution also offers `{suggestion}`),
    `severity` (else the check's, `[custom] severity`, by default warning) and `policy`
    (the clause cited, else the one above). The kinds' own keys:

    - `existence`: `tokens`, the words or phrases never to write; `exceptions`,
      phrases inside which they are fine ("Guys and Dolls").
    - `substitution`: `swap`, a table of wrong = "right" forms (plain words); a match
      already written the right way is not flagged, and a lower-case right form is
      capitalised where the author's text starts with a capital; `exceptions` as above.
    - `requires`: `if`, the words that make the rule apply (not when negated: "not
      closed"); `then`, the words the post must then also contain; `scope`, "post"
      (default) or "sentence".

    Words are phrases as in the built-in word lists: matched whole and regardless of
    case, a space also matching a hyphen or a line break and an apostrophe optional;
    `word*` matches any word starting with `word`, a lone `*` any one word and `a|b`
    either word. Text is normalised first, so "g u y s", "g.u.y.s", "guуs" (with a
    Cyrillic у) and "c1ty hall" are seen through, and CamelCase hashtags are read as
    words (#YouGuysRock); links, e-mail addresses and @mentions are not. A wrong key,
    type or kind is a one-line config error naming the file and the rule. `post-lint
    checks --rules` and `post-lint explain custom` list the rules of the config found
    from the working folder (or `--config FILE`).
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
