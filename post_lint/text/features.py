"""Features that carry beyond exact words, for the judgement checks' learned layer.

A post becomes a bag of features that a small linear model weighs:

* words and word pairs, lower case, with the body's own facts replaced by
  placeholders (a configured partner becomes ``<partner>``, an official
  ``<official>``, the body itself ``<body>``), so that a model trained on
  drafts for many cities carries to a city it never saw;
* the VADER sentiment lexicon (MIT): how strongly negative or positive each
  word is, whether that is negated, and whether it sits near a partner, an
  official or the reader ("you");
* the marks that carry tone in posts: ellipses, "!!", scare quotes, question
  marks, and emoji kept as tokens (🙃, 🙄);
* URLs, e-mail addresses and numbers as placeholders;
* what each sentence says about whom: the tone classes in the sentence
  (negative or positive words, negation, "should" and "deserve", "still" and
  "yet another", "but" and "apparently", a question, an ellipsis, scare
  quotes, a wry emoji; ``data/tone-cues.txt``) joined to who is in it (a
  partner, an official, the body, "you", "we", "they", residents), and to each
  other: "an ellipsis in a sentence about a partner", "a positive word beside
  a wry emoji". The bag sees "something" and "🙃"; these see that the irony
  and the partner share a sentence.

Everything here is pure Python and costs well under a millisecond a post.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from ..facts import Facts
from .negation import is_negation
from .sentences import split_sentences
from .wordlists import load_word_list, word_list_sections

_DATA = Path(__file__).with_name("data")

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+")  # starts only where a run starts: linear
_TOKEN = re.compile(
    r"<(?:partner|official|body)>"  # placeholders set below
    r"|#\w+|@\w+"
    r"|[^\W\d_]+(?:['’_][^\W\d_]+)*"
    r"|\d[\d,.:]*"
    r"|\.{2,}|\u2026|!{2,}|[!?]"
    r"|[\"“”]"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF]"
)
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
_WINDOW = 4  # words either side that count as "near"
_PLACEHOLDERS = frozenset({"<partner>", "<official>", "<body>"})


@cache
def lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to 4)."""
    values: dict[str, float] = {}
    for line in (_DATA / "vader_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        word, value = line.split("\t", 1)
        values[word] = float(value)
    return values


@cache
def stopwords() -> frozenset[str]:
    return frozenset(load_word_list(_DATA / "stopwords.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(word for line in load_word_list(_DATA / "function_words.txt") for word in line.split())


# Placeholders that fill a slot in any sentence: a pair of one of these and a function word says nothing.
_SLOT_FILLERS = frozenset({"<num>", "<url>", "<email>", "<mention>", "<ellipsis>", "<excl2>", "<quote>", "?", "!"})


@lru_cache(maxsize=32)
def _placeholder_pattern(facts: Facts) -> re.Pattern[str] | None:
    """One regex for the body's partner, official and own names, longest first."""
    names: dict[str, str] = {}
    for name in facts.partner_names:
        names.setdefault(name.lower(), "partner")
    for name in facts.officials:
        names.setdefault(name.lower(), "official")
        # "Mayor Erik Skogquist" is also "Mayor Skogquist" and "Skogquist".
        parts = name.split()
        if len(parts) >= 2:
            names.setdefault(parts[-1].lower(), "official")
    for name in (facts.name, *facts.aliases):
        if name:
            names.setdefault(name.lower(), "body")
    names = {n: kind for n, kind in names.items() if len(n) > 2}
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    pattern = "|".join(f"(?P<g{i}>{re.escape(n)})" for i, n in enumerate(ordered))
    # A possessive ("the library's") belongs to the name: no stray "s" token after the placeholder.
    compiled = re.compile(rf"(?<![\w@#])(?:{pattern})(?:['’]s\b)?(?!\w)", re.IGNORECASE)
    _KINDS[compiled.pattern] = [names[n] for n in ordered]
    return compiled


_KINDS: dict[str, list[str]] = {}


def with_placeholders(text: str, facts: Facts) -> str:
    """``text`` with URLs, e-mails and the body's configured names replaced by placeholders."""
    text = _EMAIL.sub(" <email> ", _URL.sub(" <url> ", text))
    pattern = _placeholder_pattern(facts)
    if pattern is None:
        return text
    kinds = _KINDS[pattern.pattern]

    def replace(m: re.Match[str]) -> str:
        index = int(m.lastgroup[1:]) if m.lastgroup else 0
        return f" <{kinds[index]}> "

    return pattern.sub(replace, text)


@cache
def _idioms() -> re.Pattern[str]:
    phrases = sorted(load_word_list(_DATA / "idioms.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")(?!\w)", re.I)


def _join_idioms(text: str) -> str:
    return _idioms().sub(lambda m: "_".join(m.group().lower().split()), text)


def tokens(text: str, facts: Facts | None = None) -> list[str]:
    """Lower-case tokens of a post, with placeholders, hashtags split, idioms joined and tone marks kept."""
    return _tokenize(_marked(text, facts))


def _marked(text: str, facts: Facts | None) -> str:
    """The text as the tokenizer reads it: placeholders set, idioms joined (offsets not kept)."""
    return _join_idioms(with_placeholders(text, facts or Facts()))


def _tokenize(text: str) -> list[str]:
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw[0] == "#" and len(raw) > 1:
            out += [w.lower() for w in _CAMEL.findall(raw[1:])] or [raw.lower()]
        elif raw[0] == "@":
            out.append("<mention>")
        elif raw[0].isdigit():
            out.append("<num>")
        elif raw in ("\u2026",) or raw.startswith(".."):
            out.append("<ellipsis>")
        elif raw.startswith("!!"):
            out.append("<excl2>")
        elif raw in '"“”':
            out.append("<quote>")
        else:
            out.append(raw.lower().replace("’", "'"))
    return out


def features(text: str, facts: Facts | None = None) -> list[str]:
    """The feature strings of a post (or a sentence): words, pairs, lexicon and tone cues."""
    marked = _marked(text, facts)
    words = _tokenize(marked)
    # A placeholder alone is no evidence (naming a partner is fine); what is said next to it is.
    skip = _PLACEHOLDERS | stopwords()
    found = [w for w in words if w not in skip]
    # A pair needs one content word (see data/function_words.txt).
    empty = _PLACEHOLDERS | _SLOT_FILLERS | function_words()
    found += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a not in empty or b not in empty]
    found += _lexicon_features(words)
    found += _sentence_features(marked)
    return found


@lru_cache(maxsize=512)
def feature_set(text: str, facts: Facts | None = None) -> frozenset[str]:
    """The distinct features of ``text``, cached: the five judgement models score the same post."""
    return frozenset(features(text, facts))


def _lexicon_features(words: list[str]) -> list[str]:
    values = lexicon()
    found: list[str] = []
    anchors = {i: w for i, w in enumerate(words) if w in ("<partner>", "<official>", "<body>", "you", "your", "they", "their")}
    for i, word in enumerate(words):
        value = values.get(word)
        if value is None or abs(value) < 0.5:
            continue
        negated = any(is_negation(w) for w in words[max(0, i - 3) : i])
        sign = "neg" if (value < 0) != negated else "pos"
        strength = "2" if abs(value) >= 2 else "1"
        found.append(f"lex:{sign}{strength}")
        if negated:
            found.append("lex:negated")
        for j, anchor in anchors.items():
            if abs(j - i) <= _WINDOW:
                found.append(f"lex:{sign}~{anchor}")
    return found


# -- what each sentence says about whom ---------------------------------------------

_ANCHOR_TOKENS = {"<partner>": "partner", "<official>": "official", "<body>": "body"}
# Anchors that are someone the post talks about (not the writer or the reader): each content word
# of their sentence is joined to them, "s:partner~invoice", so what is said of a partner is a feature
# wherever it stands in the sentence.
_THIRD_PARTIES = frozenset({"partner", "official", "body", "public"})
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF]")


@cache
def _tone_words() -> tuple[dict[str, str], dict[str, str]]:
    """(word -> tone class, word -> anchor) from ``data/tone-cues.txt``."""
    tones: dict[str, str] = {}
    anchors = dict(_ANCHOR_TOKENS)
    for section, entries in word_list_sections(_DATA / "tone-cues.txt").items():
        for entry in entries:
            if section.startswith("anchor-"):
                anchors[entry] = section.removeprefix("anchor-")
            elif section:
                tones[entry] = section
    return tones, anchors


def _sentence_features(marked: str) -> list[str]:
    """Per sentence: each tone class joined to each anchor in it, each pair of tone classes, and
    each content word joined to the third parties in it."""
    tones, anchors = _tone_words()
    skip = stopwords() | function_words()
    found: list[str] = []
    for start, end in split_sentences(marked):
        words = _tokenize(marked[start:end])
        who = sorted({anchors[w] for w in words if w in anchors})
        third = [a for a in who if a in _THIRD_PARTIES]
        if third:
            content = sorted({w for w in words if w.isalpha() and w not in skip and w not in anchors})
            found += [f"s:{a}~{w}" for a in third for w in content]
        classes = sorted(_tone_classes(words, tones))
        found += [f"s:{a}&{c}" for a in who for c in classes]
        found += [f"s:{c}&{d}" for i, c in enumerate(classes) for d in classes[i + 1 :]]
    return found


def _tone_classes(words: list[str], tones: dict[str, str]) -> set[str]:
    values = lexicon()
    classes: set[str] = set()
    quotes = [i for i, w in enumerate(words) if w == "<quote>"]
    # A short quoted phrase with no speaker is a scare quote: "working on", "adjusted".
    if any(0 < b - a <= 4 for a, b in zip(quotes, quotes[1:], strict=False)):
        classes.add("scare")
    negations = [is_negation(w) for w in words]
    if any(negations):
        classes.add("not")
    for i, word in enumerate(words):
        value = values.get(word)
        if value is not None and abs(value) >= 0.5:
            classes.add("neg" if (value < 0) != any(negations[max(0, i - 3) : i]) else "pos")
        if word in tones:
            classes.add(tones[word])
        elif not word[0].isalnum():
            if word == "?":
                classes.add("question")
            elif word in ("<ellipsis>", "<excl2>"):
                classes.add(word.strip("<>"))
            elif _EMOJI.match(word):
                classes.add("emoji")
    return classes
