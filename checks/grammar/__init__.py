"""grammar: spelling and grammar, through LanguageTool or the builtin offline engine.

Engines (``[grammar] engine``):

- ``languagetool``: a LanguageTool server, found in this order: ``[grammar] server``
  from the config; the server ``post-lint languagetool start`` left running; any
  LanguageTool answering on 127.0.0.1 at ``port``; else one post-lint starts itself
  from the jars ``post-lint languagetool install`` fetched (or from
  language-tool-python's download). Never the public LanguageTool API unless its
  URL is configured: drafts do not leave the machine silently.
- ``builtin``: our own rules over the spaCy parse (see builtin.py): fast, offline.
- ``auto`` (default): LanguageTool when one answers; else, when it is installed and
  Java is there, one shared background server started on first need (under a lock,
  stopped by a watchdog after ``idle-stop`` idle minutes), waited for up to
  ``start-wait`` seconds; else builtin. The run summary says which engine ran and why.
  ``autostart = false`` (or ``POST_LINT_AUTOSTART=0``) keeps auto from starting Java.
- With LanguageTool, the precise builtin rules (PRECISE_RULES) run too; overlapping
  findings merge into one.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from post_lint.api import Check, CheckFailed, Context, Option, cases_beside, load_word_list
from post_lint.model import Document, Finding

from . import builtin, syntax
from . import languagetool as lt

_HERE = Path(__file__).parent
_STYLE_CATEGORIES = frozenset(
    {"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "TYPOGRAPHY", "WIKIPEDIA", "MISUSED_TERMS_EU_PUBLICATIONS", "CREATIVE_WRITING"}
)
_SPECIAL = ("url", "email", "mention", "hashtag")


@lru_cache(maxsize=1)
def _parse_checked() -> dict[str, str]:
    """LanguageTool rule id -> the question the parse answers for it (lt_parse_checked.toml)."""
    table = tomllib.loads((_HERE / "lt_parse_checked.toml").read_text(encoding="utf-8"))
    return {rule: kind for kind, rules in table.items() for rule in rules}


@dataclass
class _Engine:
    """The LanguageTool session of this process (one per settings), or why there is none."""

    client: lt.Client | None
    why: str
    failed: str = ""  # set once a request failed: the rest of the run does not wait again
    shared: bool = False  # the background server post-lint started: tell its watchdog it is in use
    starting: bool = False  # it was still starting: a long-lived process looks again soon
    created: float = field(default_factory=time.monotonic)


_sessions: dict[tuple, _Engine] = {}
_EXPLICIT_START_WAIT = 90.0
_RETRY_AFTER = 60.0
_RETRY_STARTING = 5.0


def _session(ctx: Context) -> _Engine:
    key = (
        ctx["engine"],
        ctx["server"],
        ctx["port"],
        float(ctx["timeout"]),
        float(ctx["start-wait"]),
        ctx["autostart"],
        float(ctx["idle-stop"]),
    )
    cached = _sessions.get(key)
    # Long-lived processes (the language server, serve) look again after a failure, or soon
    # after finding the shared server still starting.
    retry = _RETRY_STARTING if cached is not None and cached.starting else _RETRY_AFTER
    if cached is None or (cached.client is None or cached.failed) and time.monotonic() - cached.created > retry:
        # A run waits for a starting server once; a long-lived process then only looks.
        _sessions[key] = _find_server(ctx, wait=0.0 if cached is not None and cached.starting else None)
    elif cached.client is not None and cached.shared:
        lt.mark_used()
    return _sessions[key]


def _autostart_off(option: bool) -> str:
    """Why auto must not start a server ("" when it may).

    ``POST_LINT_AUTOSTART=0`` turns it off for a whole machine or CI job; a test
    run (pytest sets PYTEST_CURRENT_TEST) never starts a 1 GB server by surprise
    unless it sets ``POST_LINT_AUTOSTART=1``.
    """
    if not option:
        return "autostart = false"
    flag = os.environ.get("POST_LINT_AUTOSTART", "").strip().lower()
    if flag in ("0", "false", "no", "off"):
        return "POST_LINT_AUTOSTART=0"
    if flag not in ("1", "true", "yes", "on") and os.environ.get("PYTEST_CURRENT_TEST"):
        return "autostart is off under pytest (POST_LINT_AUTOSTART=1 turns it on)"
    return ""


def _answering(port: object, timeout: float) -> lt.Client | None:
    """A client of the LanguageTool server on this machine's ``port``, if one answers there."""
    client = lt.Client(f"http://{lt.LOOPBACK}:{port}", timeout)
    try:
        client.languages()
    except lt.LanguageToolError:
        return None
    return client


def _find_server(ctx: Context, wait: float | None = None) -> _Engine:
    timeout = float(ctx["timeout"])
    configured = ctx["server"].strip()
    if configured:
        try:
            client = lt.Client(configured, timeout)
            client.languages()
        except lt.LanguageToolError as exc:
            return _Engine(None, f"the configured [grammar] server did not answer: {exc}")
        return _Engine(client, f"the server set in [grammar] server ({configured})")
    state = lt.read_state()
    if state is not None and state.get("warm", True):
        client = _answering(state["port"], timeout)
        if client is not None:
            lt.mark_used()
            return _Engine(client, "the shared local server post-lint runs in the background", shared=True)
    if state is None or int(state["port"]) != int(ctx["port"]):
        client = _answering(ctx["port"], timeout)
        if client is not None:
            return _Engine(client, f"a LanguageTool server already running on {lt.LOOPBACK}:{ctx['port']}")
    explicit = ctx["engine"] == "languagetool"
    off = _autostart_off(ctx["autostart"])
    if not explicit and off:
        hint = "run 'post-lint languagetool start' to use it" if lt.find_installation() else "see 'post-lint explain grammar'"
        return _Engine(None, f"no LanguageTool server answered on {lt.LOOPBACK}:{ctx['port']} and {off} ({hint})")
    if lt.find_installation() is None:
        return _Engine(
            None,
            "LanguageTool is not installed (run 'post-lint languagetool install' to get it, or set [grammar] server)",
        )
    if lt.find_java() is None:
        return _Engine(None, lt.JAVA_MISSING)
    # engine = "languagetool" was asked for by name: worth waiting for a cold start.
    if wait is None:
        wait = max(float(ctx["start-wait"]), _EXPLICIT_START_WAIT) if explicit else float(ctx["start-wait"])
    began = time.monotonic()
    try:
        state, started = lt.ensure_server(int(ctx["port"]), idle=60.0 * float(ctx["idle-stop"]))
    except lt.LanguageToolError as exc:
        return _Engine(None, f"could not start LanguageTool: {exc}")
    warm = lt.wait_until_warm(wait)
    ctx.waited += time.monotonic() - began
    url = f"http://{lt.LOOPBACK}:{state['port']}"
    if warm is None:
        if lt.read_state() is None:
            return _Engine(None, f"LanguageTool stopped while starting; see {state['log']}")
        what = "started it in the background" if started else "found it still starting"
        return _Engine(
            None,
            f"LanguageTool is not ready yet: this run {what} on {url} (pid {state['pid']}) and waited "
            f"{time.monotonic() - began:.0f} s (start-wait); later runs will use it",
            starting=True,
        )
    lt.mark_used()
    how = "started for this run" if started else "that was starting"
    idle = float(ctx["idle-stop"])
    stops = f"it stops after {idle:g} idle minutes" if idle > 0 else "it keeps running (idle-stop = 0)"
    return _Engine(
        lt.Client(url, timeout),
        f"the shared local server post-lint runs in the background ({how}, waited {time.monotonic() - began:.0f} s; {stops})",
        shared=True,
    )


_listening: dict[tuple[int, ...], tuple[float, bool]] = {}


def _server_listening(ports: tuple[int, ...]) -> bool:
    """Does anything accept connections on these loopback ports? (Remembered for 30 s.)"""
    import socket

    seen = _listening.get(ports)
    if seen is not None and time.monotonic() - seen[0] < 30:
        return seen[1]
    answer = False
    for port in ports:
        try:
            with socket.create_connection((lt.LOOPBACK, port), timeout=0.2):
                answer = True
                break
        except OSError:
            continue
    _listening[ports] = (time.monotonic(), answer)
    return answer


def cache_token(options: Mapping[str, Any]) -> str | None:
    """What the findings depend on beyond text and options: which engine will run.

    Builtin findings may be replayed from the cache (also when auto falls back to
    builtin because no server listens); LanguageTool's never are.
    """
    if options["engine"] == "builtin":
        return "builtin"
    if options["engine"] == "languagetool" or options["server"].strip():
        return None
    if not _autostart_off(options["autostart"]) and lt.find_installation() is not None and lt.find_java() is not None:
        return None  # auto will start (or reuse) the shared server
    state = lt.read_state()
    ports = tuple(sorted({int(options["port"]), *([int(state["port"])] if state else [])}))
    return None if _server_listening(ports) else "builtin (no LanguageTool listening)"


@lru_cache(maxsize=8)
def _skipped_rules(extra: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(load_word_list(_HERE / "lt_skip_rules.txt", extra))))


def _vocabulary_extra(ctx: Context) -> tuple[str, ...]:
    """The user's vocabulary plus names the config already vouches for (officials, partners)."""
    facts = ctx.facts
    words = [*ctx["vocabulary"], *facts.vocabulary, *facts.officials, *facts.partner_names, facts.name, *facts.aliases]
    return tuple(dict.fromkeys(w for w in words if w))


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    engine = ctx["engine"]
    if engine != "builtin":
        session = _session(ctx)
        if session.client is not None and not session.failed:
            # LanguageTool answered: forget "nothing listens", so cache_token, asked again after the
            # run, says None and its answers (the server's, not only the text's) are never stored.
            _listening.clear()
            try:
                found = list(_languagetool_findings(doc, ctx, session.client))
            except lt.LanguageToolError as exc:
                session.failed = str(exc)
            else:
                version = f" {session.client.version}" if session.client.version else ""
                ctx.note(
                    "grammar engine",
                    f"LanguageTool{version} at {session.client.url}, with the builtin rules for {', '.join(PRECISE_RULES)}: "
                    f"{session.why}",
                )
                yield from merge(_with_builtin_spelling(found, doc, ctx), _builtin_findings(doc, ctx, PRECISE_RULES))
                return
        reason = session.failed or session.why
        if engine == "languagetool":
            # Asked for by name: running without it would be a verdict the config did not ask for.
            raise CheckFailed(f'[grammar] engine = "languagetool", but LanguageTool is unavailable: {reason}')
        why = f"LanguageTool failed during the run ({reason})" if session.failed else reason
        ctx.note("grammar engine", f"builtin (offline rules), because {why}")
    else:
        ctx.note("grammar engine", 'builtin (offline rules), as set by [grammar] engine = "builtin"')
    yield from _builtin_findings(doc, ctx)


# Builtin rules precise enough to run beside LanguageTool: they catch what it misses
# ("Their excited to see you", "each of the pools on the east side have": LanguageTool's
# agreement rules look at neighbouring words, the parse rules at the subject) and name the
# word and the fix in their messages.
PRECISE_RULES = ("confusable", "a-an", "repeated-word", "agreement", "verb-form", "relative", "apostrophe")


def _with_builtin_spelling(languagetool: list[Finding], doc: Document, ctx: Context) -> list[Finding]:
    """LanguageTool's speller agreed with by the builtin one, plus the builtin speller's own typos.

    On real county posts LanguageTool's dictionary calls many real words typos ("keiki",
    "tickborne", "quitline", "melioidosis": 12 of its 17 speller findings on a tuning sample of
    1,813 posts) and misses typos the builtin speller finds (injected typos: 0.65 against 0.76):
    a speller match stands when the builtin speller flags the same word, keeping LanguageTool's
    rule id and suggestions; a typo only the builtin speller sees is added."""
    if _speller_skipped(ctx):
        return languagetool  # skip-rules turned spelling off: the builtin speller stays silent too
    spelled = list(_builtin_findings(doc, ctx, ("spelling",)))

    def overlaps(finding: Finding, others: Iterable[Finding]) -> bool:
        return any(o.offset < finding.end and finding.offset < o.end for o in others)

    kept = [f for f in languagetool if not _is_speller(f.rule.removeprefix("grammar/lt/")) or overlaps(f, spelled)]
    return kept + [f for f in spelled if not overlaps(f, kept)]


def _speller_skipped(ctx: Context) -> bool:
    """skip-rules (or lt_skip_rules.txt) drops LanguageTool's speller or its TYPOS category."""
    for rule in _skipped_rules(tuple(ctx["skip-rules"])):
        rule = rule.strip().upper()
        if rule == "CATEGORY:TYPOS" or _is_speller(rule.rstrip("*")) or rule in ("MORFOLOGIK_*", "HUNSPELL_*"):
            return True
    return False


def merge(languagetool: Iterable[Finding], precise: Iterable[Finding]) -> list[Finding]:
    """One finding per error: where a builtin finding overlaps LanguageTool's, keep the builtin
    one (its message names the word and the fix) with LanguageTool's rule named and its
    suggestions added."""
    ours = list(precise)
    merged: list[Finding] = []
    absorbed: dict[int, list[Finding]] = {}
    for theirs in languagetool:
        index = next(
            (i for i, f in enumerate(ours) if f.offset < theirs.end and theirs.offset < f.end),
            None,
        )
        if index is None:
            merged.append(theirs)
        else:
            absorbed.setdefault(index, []).append(theirs)
    for index, finding in enumerate(ours):
        others = absorbed.get(index, [])
        if others:
            rules = ", ".join(dict.fromkeys(o.rule.removeprefix("grammar/lt/") for o in others))
            suggestions = tuple(dict.fromkeys([*finding.suggestions, *(s for o in others for s in o.suggestions)]))
            finding = dataclasses.replace(
                finding, message=f"{finding.message} (LanguageTool agrees: {rules})", suggestions=suggestions[:5]
            )
        merged.append(finding)
    return sorted(merged, key=lambda f: (f.offset, f.rule))


def _builtin_findings(doc: Document, ctx: Context, rules: Iterable[str] | None = None) -> Iterator[Finding]:
    for hit in builtin.check(doc, _vocabulary_extra(ctx), rules):
        # Most hits carry the fields of their rule's message template (rules.toml), a few a sentence.
        message = hit.message or ctx.message(hit.rule, **dict(hit.fields))
        yield ctx.finding(hit.rule, message, hit.start, hit.end - hit.start, suggestions=hit.suggestions)


def _languagetool_findings(doc: Document, ctx: Context, client: lt.Client) -> Iterator[Finding]:
    skipped = _skipped_rules(tuple(ctx["skip-rules"]))
    text = doc.prose
    if not text.strip():
        return
    # "category:PUNCTUATION" skips a whole LanguageTool category (rules added in later
    # releases too); "EN_COMPOUNDS_*" every rule id that starts so; the rest are rule ids.
    categories = frozenset(r.split(":", 1)[1].strip().upper() for r in skipped if r.lower().startswith("category:"))
    skipped = tuple(r for r in skipped if not r.lower().startswith("category:"))
    prefixes = tuple(r[:-1] for r in skipped if r.endswith("*"))
    skipped = tuple(r for r in skipped if not r.endswith("*"))
    matches = client.check(text, ctx["language"], skipped)
    table = lt.utf16_to_codepoints(text)
    vocab = builtin.vocabulary(_vocabulary_extra(ctx))
    entities = _entity_spans(doc)
    skip = set(skipped)
    # A post mostly in another language (a Spanish notice): its words are not English typos.
    english = builtin.is_english(builtin.words_of(doc), builtin.spellchecker().word_frequency.dictionary)
    judge: builtin.WordJudge | None = None  # built on the first speller match only
    for match in matches:
        try:
            rule = match["rule"]
            rule_id = str(rule["id"])
            offset, length = lt.to_codepoints(table, int(match["offset"]), int(match["length"]))
            message = str(match.get("message", "")).strip()
        except (KeyError, TypeError, ValueError):
            raise lt.LanguageToolError(f"LanguageTool at {client.url} answered a malformed match") from None
        if rule_id in skip or (prefixes and rule_id.startswith(prefixes)) or length <= 0 or offset + length > len(doc.text):
            continue
        category = str((rule.get("category") or {}).get("id", "")) if isinstance(rule, dict) else ""
        if category.upper() in categories:
            continue
        if not any(c.isalnum() for c in doc.text[offset : offset + length]):
            continue  # emoji or punctuation alone ("⬇️⬇️" is not a repeated word): other checks' business
        if doc.overlaps_token(offset, offset + length, _SPECIAL):
            continue
        if not doc.prose[offset : offset + length].strip():
            continue  # a match on blanked non-prose (code, front matter)
        kind = _parse_checked().get(rule_id)
        if kind and doc.nlp is not None and syntax.contradicts(doc.nlp, kind, offset, offset + length):
            continue  # the parse reads the words otherwise (a noun as a modifier, a subject that agrees)
        word = doc.text[offset : offset + length]
        suggestions = [str(r.get("value", "")) for r in match.get("replacements", [])[:5] if isinstance(r, dict)]
        # Only the dictionary speller's findings are second-guessed against our word lists:
        # other rules with issueType "misspelling" (THIS_YEARS_POSSESSIVE_APOSTROPHE on
        # "this years festival") flag real words used wrongly, and "years" is in every list.
        if _is_speller(rule_id):
            if not english or _known_word(word, vocab) or any(s < offset + length and offset < e for s, e in entities):
                continue
            judge = judge or builtin.WordJudge(doc, _vocabulary_extra(ctx))
            if judge.excused(offset, word):
                continue
            if not _plausible_typo(doc, offset, word, suggestions):
                continue
            message = _spelling_message(word, [s for s in suggestions if s])
        label = rule.get("category", {}).get("name", category) if isinstance(rule.get("category"), dict) else category
        yield ctx.finding(
            f"grammar/lt/{rule_id}",
            f"{message} (LanguageTool: {label or category or 'rule'} {rule_id})",
            offset,
            length,
            suggestions=[s for s in suggestions if s],
            severity="info" if category in _STYLE_CATEGORIES else None,
        )


def _is_speller(rule_id: str) -> bool:
    return rule_id.startswith(("MORFOLOGIK", "HUNSPELL")) or rule_id.endswith("_SPELLER_RULE")


def _spelling_message(word: str, suggestions: list[str]) -> str:
    """Name the word and the fix, as the builtin engine does ("Possible spelling mistake found." does not)."""
    if not suggestions:
        return f"\u201c{word}\u201d is not in the dictionary: check its spelling, or add it to [grammar] vocabulary"
    options = " or ".join(f"\u201c{s}\u201d" for s in suggestions[:2])
    return f"\u201c{word}\u201d looks misspelled: did you mean {options}? (a name or local term: add it to [grammar] vocabulary)"


def _plausible_typo(doc: Document, offset: int, word: str, suggestions: list[str]) -> bool:
    """LanguageTool calls every unknown name a typo; keep only what looks like a slip of the keys.

    Words with capitals inside ("ReadyNC", "HABs") are brands or abbreviations. A
    capitalized word mid-sentence is a name unless a suggestion is the same word
    with two neighbouring letters swapped ("Hsitory" -> "History"). A word without
    a vowel ("brn hair grn eyes", "frm") is shorthand, not a slip.
    """
    if not any(c in "aeiouy" for c in word.lower()):
        return False
    for s in suggestions:
        if s != word and s.replace("'", "").replace("\u2019", "") == word:
            # "Dont" -> "Don't": a missing apostrophe, never a name. A possessive
            # ("the Northwoods" -> "Northwood's") is no such sign: names end in s too.
            if not (word[:1].isupper() and s[-2:] in ("'s", "\u2019s")):
                return True
    if any(c.isupper() for c in word[1:]):
        return False
    if word[:1].isupper():
        before = doc.prose[:offset].rstrip(" \t\"'\u201c\u2018(")
        if before and before[-1] not in ".!?\n":
            return any(builtin._swapped(word.lower(), s.lower()) for s in suggestions)
    return True


def _known_word(word: str, vocab: frozenset[str]) -> bool:
    parts = [p for p in re.split(r"[^\w'\u2019]+", word.lower()) if p]
    return bool(parts) and all(p in vocab or p.rstrip("s") in vocab for p in parts)


def _entity_spans(doc: Document) -> list[tuple[int, int]]:
    """Names and places spaCy recognised: never misspellings."""
    if doc.nlp is None:
        return []
    spans = [
        (e.start_char, e.end_char)
        for e in doc.nlp.ents
        if e.label_ not in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
    ]
    spans += [(t.idx, t.idx + len(t.text)) for t in doc.nlp if t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper()]
    return spans


CHECK = Check(
    name="grammar",
    description="Spelling and grammar errors: typos, wrong words, a/an, agreement, missing apostrophes.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Make sure information is accurate, free of grammatical errors and presented in a professional manner.",
    run=run,
    options={
        "engine": Option(
            "auto",
            "auto (LanguageTool if available, else builtin), languagetool or builtin",
            str,
            ("auto", "languagetool", "builtin"),
        ),
        "server": Option("", "URL of a LanguageTool server (e.g. http://localhost:8081); empty = look on 127.0.0.1 only"),
        "port": Option(lt.DEFAULT_PORT, "local port where a LanguageTool server is looked for or started"),
        "timeout": Option(5.0, "seconds to wait for LanguageTool's answer to one post", (int, float)),
        "start-wait": Option(
            40.0,
            "seconds a run waits for the shared LanguageTool while it starts (about 15-35 s); "
            "after that the run uses builtin and LanguageTool keeps starting for later runs",
            (int, float),
        ),
        "autostart": Option(
            True,
            "engine auto: when LanguageTool is installed and Java is there, start one shared background server on "
            "127.0.0.1 on first need (false: only use a server that already answers); "
            "engine languagetool always does, waiting up to 90 s",
        ),
        "idle-stop": Option(
            30.0,
            "minutes without a run after which the shared background server stops itself (0: never)",
            (int, float),
        ),
        "language": Option("en-US", "LanguageTool language code"),
        "skip-rules": Option(
            [],
            "more LanguageTool rule ids never reported, beside the bundled lt_skip_rules.txt "
            '("RULE_ID", "PREFIX_*", or "category:CATEGORY_ID" for a whole category)',
            list,
            item_type=str,
        ),
        "vocabulary": Option(
            [],
            "words never called misspelled (names, places, local terms), beside the bundled vocabulary.txt",
            list,
            item_type=str,
        ),
    },
    # A doubled word and a confusable have one right form; spelling guesses and LanguageTool's do not.
    safe_fixes=("grammar/repeated-word", "grammar/confusable"),
    rules={
        "grammar/spelling": "a word not in the US-English dictionary, the city vocabulary or [grammar] vocabulary (builtin)",
        "grammar/repeated-word": "the same word twice in a row: \u201cthe the\u201d (builtin)",
        "grammar/a-an": "\u201ca\u201d before a vowel sound or \u201can\u201d before a consonant sound (builtin)",
        "grammar/confusable": "their/there/they're, your/you're, its/it's, then/than, affect/effect, lose/loose, to/too, who's/whose, due to, through, were/where/we're, accept/except, weather/whether, here/hear, past/passed, quiet/quite, could have, every day, lets, and a noun or a verb in the other's place: \u201cyour advise\u201d, \u201chard to breath\u201d, \u201cfor sell\u201d (builtin)",
        "grammar/agreement": "a subject and a verb that disagree: \u201cwe is\u201d, \u201cthe dogs loves\u201d, \u201ceach of the pools have\u201d (builtin)",
        "grammar/verb-form": "the wrong verb form after a helper: \u201ccan picks\u201d, \u201cdidn't went\u201d, \u201chave approve\u201d (builtin)",
        "grammar/relative": "\u201cwhich\u201d for people: \u201canyone which wants\u201d (builtin)",
        "grammar/apostrophe": "a missing or wrong apostrophe: \u201cdont\u201d, \u201cthis years festival\u201d, \u201cthe citys new carts\u201d, \u201ctwo class's left\u201d (builtin)",
        "grammar/lowercase-i": "the pronoun I written \u201ci\u201d (builtin)",
        "grammar/sentence-case": "a sentence that starts with a lower-case letter (builtin)",
        "grammar/lt": "a LanguageTool rule, as grammar/lt/RULE_ID (e.g. grammar/lt/EN_A_VS_AN)",
    },
    nlp=("tagger", "parser", "ner"),
    cache_token=cache_token,
    doc="""
    A typo or a wrong word on a city account is what residents screenshot. This
    check runs one of two engines, chosen by [grammar] engine:

    LanguageTool (engine = "languagetool", or "auto" when it is available) is the
    most thorough open grammar checker. post-lint looks for a server in this order:
    the URL in [grammar] server; the shared background server post-lint started;
    any LanguageTool on 127.0.0.1:8081 (the port option); else, when LanguageTool is
    installed and Java 17+ is found, it starts that shared server on 127.0.0.1 under
    a lock (two runs never start two) and waits up to start-wait seconds (default
    40; it takes 15-35 s to load its rules). A run that finds it still starting
    then uses builtin and says so; later runs (CLI, pre-commit, the language
    server, post-lint serve) reuse it. It stops itself after idle-stop minutes
    without a run (default 30) and takes about 0.8 GB of memory while up. It never
    sends a draft off the machine unless you put a URL in [grammar] server.

    Turn it off: engine = "builtin" (never LanguageTool), autostart = false (use a
    server only when one already answers), or POST_LINT_AUTOSTART=0 in the
    environment (a CI job; test runs under pytest never autostart).

      post-lint languagetool install   # 165 pinned jars from Maven Central (~260 MB), SHA-256 verified; no Maven
      post-lint languagetool start     # run it by hand on 127.0.0.1:8081 (no idle stop)
      post-lint languagetool status    # is it up? / post-lint languagetool stop

    Or run your own server and point post-lint at it:

      docker run -d -p 127.0.0.1:8081:8010 erikvl87/languagetool
      java -cp 'LanguageTool-6.6/*' org.languagetool.server.HTTPServer --port 8081
      # then, in .post-lint.toml:  [grammar]  server = "http://localhost:8081"

    With LanguageTool, the builtin rules that are precise (confusables such as
    their/they're and its/it's, a/an, repeated words, and the parse rules for
    agreement, verb forms, "which" for people and apostrophes) run too: they catch
    what LanguageTool misses ("Their excited to see you", "each of the pools on the
    east side have"), and where both flag the same
    words the two findings merge into one, with the builtin message and
    LanguageTool's rule named. Spelling is judged by both spellers: a word
    LanguageTool's dictionary calls a typo is reported only when the builtin
    speller agrees (its word-frequency list knows "keiki", "tickborne" and
    "quitline"), and a typo only the builtin speller finds is reported too.

    Findings keep LanguageTool's rule id (grammar/lt/EN_A_VS_AN) and its
    replacements as suggestions. Rules that misfire on posts (spacing and
    punctuation around hashtags, URLs and @mentions; comma and hyphen advice on
    house style) or duplicate other checks are skipped, and so are whole categories
    that are advice rather than errors (Punctuation, Style, Redundancy, Plain
    English): lt_skip_rules.txt, plus skip-rules, which takes rule ids, "PREFIX_*"
    and "category:ID". So is any match touching a
    hashtag, URL, mention or e-mail address. Each post is one request with a
    timeout of a few seconds; UTF-16 offsets are mapped to characters, so emoji
    never shift a column. post-lint talks to LanguageTool's /v2/check HTTP API
    itself (Python's standard library) rather than through language-tool-python:
    that gives one kept-alive connection for a whole run, a hard timeout on every
    request (the library waits up to 300 s and may download LanguageTool on its
    own) and the raw UTF-16 offsets. A LanguageTool that language-tool-python
    downloaded (~/.cache/language_tool_python) is still found and started.

    The builtin engine (engine = "builtin", or "auto" when no LanguageTool is
    available) runs offline in a few milliseconds a post on spaCy's parse:
    spelling (pyspellchecker's US-English dictionary; hashtags, mentions, URLs,
    numbers, names and places spaCy recognises, capitalised names, the bundled
    vocabulary.txt and [grammar] vocabulary are never misspellings), repeated
    words, a/an by sound (an hour, a university, an FAQ), their/there/they're,
    your/you're, its/it's, then/than, affect/effect, lose/loose, to/too,
    who's/whose, do to/due to, threw/through, were/where/we're, accept/except,
    weather/whether, here/hear, past/passed, quiet/quite, "could of", "everyday"
    for every day, nouns and verbs in each other's place ("your advise", "hard
    to breath", "for sell"; the pairs are in noun_verb.toml), contractions without apostrophes (dont; "wont" only before a
    verb), lower-case "i" and sentences that start in lower case; and, from the
    parse, subject-verb agreement however far apart the two are ("each of the
    pools ... have", "paddles and balls is", "the dogs loves"), the verb form after
    a helper ("will now stops", "didn't went", "has been postpone") and "which" for
    people ("residents which live"), with lemminflect's lexicon for the forms. It
    prefers silence to a guess: a title or a name as the subject, a quantity ("a
    number of residents are"), an imperative and the subjunctive are left alone.

    Which engine ran, and why, is a note in the run summary (text and JSON).
    """,
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
