"""partisan: political advocacy on an official City account.

Word lists beside this module, matched on normalised text (so "v o t e",
"v.o.t.e" and "v0te" still match, with findings on the original letters):

* vote.txt: telling people how to vote ("vote for Jane Smith", "re-elect",
  "vote yes on"), with ``<name>`` asking for a capitalised name so that
  "vote for your favorite float" stays clean; endorse.txt, candidate_words.txt
  and party_adjectives.txt join every party (or a name) into endorsements
  ("vote for the Republican candidate", "make sure the Democrats win"), and a
  vote hashtag split at its capitals names a candidate (#VoteJaneSmith);
* parties.txt and politicians.txt, partisan only next to a word of praise or
  attack from party_cues.txt ("the Democrats in St. Paul have failed");
* slogans.txt and hashtags.txt: loaded labels and slogans ("radical left",
  #GOPTaxScam, split at its capitals);
* campaign.txt and accounts.txt: campaigns, rallies, fundraising, and
  @-mentions of party or campaign accounts.

A small linear model (post_lint/text/data/political_voice.json, trained by scripts/train_partisan.py
on congressional against county-government posts) scores how much a post
reads like political messaging; it reports only posts it is very sure of that
also carry a political cue and name a side (post_lint/text/political.py), so the
rules keep precision first; the same model's issue advocacy is opinion's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from post_lint.api import Check, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding
from post_lint.text import political
from post_lint.text.model import learned_options, rules_then_model
from post_lint.text.phrases import Match, find_phrases, hashtag_matches
from post_lint.text.sentences import sentence_at
from post_lint.text.spans import inside, within
from post_lint.text.words import split_camel

_HERE = Path(__file__).parent

# When a vote phrase is no call to vote (ballot.toml): a contest or poll, a ballot described.
_BALLOT = tomllib.loads((_HERE / "ballot.toml").read_text(encoding="utf-8"))


def _any_word(words: list[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"


_CONTEST = re.compile(_any_word(_BALLOT["contest"]), re.I)
_DESCRIBING = frozenset(_BALLOT["describing"])
_RECORD = re.compile(_any_word(_BALLOT["record"]["recall"]) + r"[^.!?]{0,60}?" + _any_word(_BALLOT["record"]["sides"]), re.I)
_URGING = re.compile(_any_word(_BALLOT["urging"]) + r"[^.!?]{0,20}$", re.I)


@lru_cache(maxsize=1)
def _even_handed_pattern() -> re.Pattern[str]:
    """Two camps of camps.toml joined by "and", "or" or "&", up to three words apart."""
    camps = tomllib.loads((_HERE / "camps.toml").read_text(encoding="utf-8"))
    groups = "|".join(
        f"(?P<{camp}>{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})" for camp, words in camps.items()
    )
    return re.compile(
        rf"\b(?:{groups})\b(?:\s+[\w'-]+){{0,3}}?\s+(?:and|or|&|nor)\s+(?:the\s+)?(?:{groups.replace('?P<', '?P<o_')})\b", re.I
    )


@lru_cache(maxsize=1)
def _party_emoji() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = tomllib.loads((_HERE / "party_emoji.toml").read_text(encoding="utf-8"))
    return frozenset(data["mascots"]), frozenset(data["left"]), frozenset(data["right"])


def _party_symbols(doc: Document) -> list[tuple[str, int, int, str]]:
    """A party's mascot, or one side's colour at least twice and none of the other's, in an election post."""
    mascots, left, right = _party_emoji()
    text = doc.words_text
    if not any(e in text for e in left | right) or not political.unquoted(doc, political.side_words()):
        return []
    seen = [
        (m.start(), m.end(), m.group())
        for m in re.finditer("|".join(map(re.escape, sorted(left | right, key=len, reverse=True))), text)
    ]
    seen = [s for s in seen if not inside(doc.quotes, s[0], s[1])]
    sides = [("left" if e in left else "right") for _, _, e in seen]
    for start, end, emoji in seen:
        side = "left" if emoji in left else "right"
        if emoji in mascots or (sides.count(side) >= 2 and len(set(sides)) == 1):
            return [("party-symbol", start, end, emoji)]
    return []


def _even_handed(doc: Document) -> list[tuple[int, int]]:
    """Sentences that name two camps side by side (_even_handed_pattern): election logistics, not a side."""
    pattern = _even_handed_pattern()
    found = []
    for start, end in doc.sentences:
        for m in pattern.finditer(doc.words_text, start, end):
            first = {k for k, v in m.groupdict().items() if v and not k.startswith("o_")}
            second = {k[2:] for k, v in m.groupdict().items() if v and k.startswith("o_")}
            if first != second:
                found.append((start, end))
                break
    return found


@lru_cache(maxsize=8)
def _lists(
    extra_terms: tuple[str, ...], extra_politicians: tuple[str, ...], extra_accounts: tuple[str, ...] = ()
) -> dict[str, tuple[str, ...]]:
    def read(name: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(load_word_list(_HERE / name, extra))

    return {
        "vote": read("vote.txt"),
        "parties": read("parties.txt"),
        "politicians": read("politicians.txt", extra_politicians),
        "cues": read("party_cues.txt"),
        "slogans": read("slogans.txt", extra_terms),
        "hashtags": read("hashtags.txt"),
        "campaign": read("campaign.txt"),
        "accounts": read("accounts.txt", extra_accounts),
        "endorse": read("endorse.txt"),
        "candidate-words": read("candidate_words.txt"),
        "party-adjectives": read("party_adjectives.txt"),
    }


@lru_cache(maxsize=8)
def _endorsements(
    parties: tuple[str, ...], adjectives: tuple[str, ...], urging: tuple[str, ...], candidates: tuple[str, ...]
) -> tuple[str, ...]:
    """Phrases that back a side, built from the lists: an urging word, a party (or a name), "vote for" or "win".

    "vote for the Republican candidate", "vote 4 the Democrats", "make sure the Republican wins",
    "help Jane Smith win": one mechanism for every party of parties.txt and every name.
    """
    sides = [p for p in parties if "*" not in p and "<" not in p]
    after = "|".join(candidates)
    phrases = []
    for side in sides:
        phrases += [f"vote for|4 {side}", f"vote for|4 the|a|our {side}", f"vote for|4 the|a|our {side} {after}"]
        phrases += [f"{urge} the|a|our|that {side} win*" for urge in urging]
        phrases += [f"{urge} {side} win*" for urge in urging]
    phrases += [f"vote for|4 the|a|an|our {adjective} {after}" for adjective in adjectives]
    phrases += [f"{urge} <name> win*" for urge in urging]
    return tuple(phrases)


def _hashtag_votes(doc: Document) -> Iterator[tuple[int, int, str]]:
    """#VoteJaneSmith, #ElectMariaGonzalez: a vote word, then a person's full name (the census says
    the first word is a given name), split at the capitals; #VoteEarly and #VoteLocal stay clean."""
    from post_lint.text.people import census_names

    names = census_names()
    for token in doc.tokens_of("hashtag"):
        words = split_camel(token.text.lstrip("#"), digits=False)
        if len(words) < 3 or words[0].lower() not in ("vote", "elect", "reelect"):
            continue
        rest = words[2:] if words[1].lower() in ("for", "4") else words[1:]
        if 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest) and (names is None or rest[0].lower() in names[0]):
            yield token.start, token.end, token.text


def _unnamed(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Phrases without <name>: a hashtag's split words are all capitalised (#DefeatDiabetes)."""
    return tuple(p for p in phrases if "<name>" not in p)


def _account_rule(handle: str, accounts: tuple[str, ...]) -> bool:
    handle = handle.lstrip("@").lower()
    for entry in accounts:
        entry = entry.lower()
        if entry.startswith("*") and handle.endswith(entry[1:]):
            return True
        if entry.endswith("*") and handle.startswith(entry[:-1]):
            return True
        if handle == entry:
            return True
    return False


def _urges(text: str, match: Match) -> bool:
    """A vote phrase that tells the reader what to do, not one describing the ballot."""
    before = text[: match.start].rstrip()
    previous = before.split()[-1].lower().strip(",;:") if before.split() else ""
    if previous in _DESCRIBING and not _URGING.search(before):
        return False
    after = text[match.end : match.end + 6].lower()
    if after[:1] in ("'", "\u2019"):  # "Smith for Mayor's Award": a name, not a slogan
        return False
    if match.phrase.lower().endswith(("yes", "no")) and re.match(r"\s*(?:or|and)\b", after):  # "vote yes or no"
        return False
    return True


def _with_follow_up(prose: str, spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence at ``offset``, plus the next one when it goes on about them ("They are ...")."""
    start, end = sentence_at(spans, offset)
    for next_start, next_end in spans:
        if next_start >= end:
            if re.match(r"(?:they|their|them|these|those)\b", prose[next_start:next_end], re.I):
                end = next_end
            break
    return start, end


def _rule_findings(doc: Document, ctx: Context, cleared: list[tuple[int, int]] | None = None) -> Iterator[Finding]:
    """Rule findings; ``cleared`` collects the sentences that name two camps even-handedly, which the
    learned layer does not score."""
    even = _even_handed(doc) if ctx["classifier"] or cleared is not None else []
    if cleared is not None:
        cleared += even
    lists = _lists(tuple(ctx["extra-terms"]), tuple(ctx["extra-politicians"]), tuple(ctx["extra-accounts"]))
    text = doc.words_text
    quoted = doc.attributed_quotes
    spans = doc.sentences
    found: list[tuple[str, int, int, str]] = []

    endorsements = _endorsements(lists["parties"], lists["party-adjectives"], lists["endorse"], lists["candidate-words"])
    for match in find_phrases(text, lists["vote"] + endorsements):
        sentence = doc.text[slice(*sentence_at(spans, match.start))]
        if _CONTEST.search(sentence):
            continue
        if _urges(text, match):
            found.append(("vote", match.start, match.end, match.phrase))

    found += [("vote", start, end, tag) for start, end, tag in _hashtag_votes(doc)]

    for match in find_phrases(text, lists["slogans"]):
        found.append(("slogan", match.start, match.end, match.phrase))
    for start, end, phrase in hashtag_matches(doc, lists["slogans"] + _unnamed(lists["vote"]), lists["hashtags"]):
        found.append(("slogan", start, end, phrase))

    for match in find_phrases(text, lists["campaign"]):
        found.append(("campaign", match.start, match.end, match.phrase))

    found += _party_symbols(doc)
    if _RECORD.search(text) and political.unquoted(doc, political.side_words()):
        found += [("vote", m.start(), m.end(), m.group()) for m in _RECORD.finditer(text)]

    for token in doc.tokens_of("mention"):
        if _account_rule(token.text, lists["accounts"]):
            found.append(("campaign", token.start, token.end, token.text))

    sides = find_phrases(text, lists["parties"] + lists["politicians"])
    sides += [Match(s, e, p) for s, e, p in hashtag_matches(doc, lists["parties"])]
    if sides:
        cues = find_phrases(text, lists["cues"]) + [Match(s, e, p) for s, e, p in hashtag_matches(doc, lists["cues"])]
        for side in sides:
            sentence_start, sentence_end = _with_follow_up(doc.prose, spans, side.start)
            if any(c.start != side.start for c in within(cues, sentence_start, sentence_end)):
                found.append(("party", side.start, side.end, side.phrase))

    reported: list[tuple[int, int]] = []
    for rule, start, end, _phrase in sorted(found, key=lambda f: (f[1], -f[2])):
        if inside(quoted, start, end) or any(s < end and start < e for s, e in reported):
            continue
        reported.append((start, end))
        yield ctx.finding(rule, ctx.message(rule, words=" ".join(doc.text[start:end].split())), start, end - start)

    if not reported and ctx["classifier"]:
        named = lists["parties"] + lists["politicians"]
        # A side (a party, a politician, an election, an administration) makes political messaging
        # partisan; issue advocacy without one is a policy view, which the opinion check reports.
        sides_named = [m for m in find_phrases(text, named) if not inside(even, m.start, m.end)]
        if even and not sides_named:
            return  # every party named is named beside its rival: logistics, no side
        if political.unquoted(doc, political.cue_words() + named) and political.unquoted(doc, political.side_words() + named):
            yield from _classify(doc, ctx)


def _classify(doc: Document, ctx: Context) -> Iterator[Finding]:
    from . import classifier

    score, sentence = classifier.political_voice(doc)
    threshold = float(ctx["classifier-threshold"]) or classifier.shipped_threshold()
    if score >= threshold and sentence is not None:
        start, end = sentence
        yield ctx.finding(
            "political-voice",
            ctx.message("political-voice", score=score),
            start,
            end - start,
        )


run = rules_then_model(
    _rule_findings,
    __file__,
    "taking a political side",
    "an official account may not support or oppose a party, candidate or campaign; keep election posts to neutral logistics",
    clears=True,
)


CHECK = Check(
    name="partisan",
    description="Political advocacy: how to vote, praise or attack of parties, slogans, campaigns.",
    severity="error",
    policy_section="V. Rules of Use",
    policy_clause=(
        "City social media accounts ... may not be used for private or personal purposes or for the purpose of "
        "expressing private or personal views on personal, political or policy issues"
    ),
    run=run,
    options={
        **learned_options(),
        "extra-terms": Option([], "more partisan slogans or labels, beside the bundled slogans.txt", list, item_type=str),
        "extra-politicians": Option(
            [], "more partisan figures (e.g. state legislators), beside politicians.txt", list, item_type=str
        ),
        "extra-accounts": Option([], "more party or campaign @-accounts (without @), beside accounts.txt", list, item_type=str),
        "classifier": Option(True, "also report posts the bundled model scores as political messaging"),
        "classifier-threshold": Option(
            0.0, "lowest model score reported (0 to 1); 0 means the threshold training chose", (int, float)
        ),
    },
    rules={
        "partisan/learned": "a post the learned model reads as partisan (endorsements with no party word, slogans, winks)",
        "partisan/vote": "telling people how to vote: \u201cvote for Jane Smith\u201d, \u201cre-elect\u201d, "
        "\u201cvote yes on\u201d, \u201cvote for the Republican candidate\u201d, \u201cmake sure the Democrats win\u201d, "
        "#VoteJaneSmith",
        "partisan/party": "a party or partisan figure praised or attacked: \u201cthe Democrats in St. Paul have failed\u201d",
        "partisan/party-symbol": "a party's mascot or one side's colour, repeated, in an election post: "
        "\u201cPolls open at 7 \U0001f535\U0001f535\U0001f535 You know what to do\u201d",
        "partisan/slogan": "a partisan slogan or loaded label: \u201cradical left\u201d, \u201cMAGA\u201d, "
        "#GOPTaxScam, \u201cflip the board blue\u201d",
        "partisan/campaign": "a campaign, rally, fundraising, or an @-mention of a party or campaign account",
        "partisan/political-voice": "a post the bundled model scores as political messaging, with a political cue and a side named",
    },
    profiles=("official",),
    doc="""
    An official City account may inform people about elections (dates, polling
    places, registration, candidate forums, results) but may not take sides.
    The check flags telling people how to vote, parties and partisan figures
    named with praise or attack, partisan slogans and loaded labels (also in
    hashtags, split at their capitals: #GOPTaxScam), campaigns, rallies and
    fundraising, and @-mentions of party or campaign accounts.

    Not flagged: election administration ("Early voting is open at City Hall"),
    council votes ("the Council voted 5-0 to approve"), nonpartisan candidate
    forums, the League of Women Voters, parties named in neutral reporting,
    parties named side by side ("the Republican and Democratic caucuses",
    camps.toml: neither the model nor the learned layer reads such a sentence),
    contests ("vote for your favorite float") and attributed quotations.

    The word lists are data files beside the check; add slogans with
    extra-terms and local partisan figures with extra-politicians. A small
    bundled linear model adds partisan/political-voice for posts that read as
    political messaging and name a side (a party, a partisan figure, an
    election, a candidate, an administration); advocacy on an
    issue that names none is a policy view, left to the opinion check. Turn the
    model off with classifier = false.
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
