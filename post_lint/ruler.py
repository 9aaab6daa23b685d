"""spaCy's attribute ruler, with the same rules found by table look-ups instead of its Matcher.

The small English pipeline's ``attribute_ruler`` sets each token's coarse part of speech and
morphology from its fine tag (56 one-token ``TAG`` patterns), then corrects a hundred words
("I", "does", "that"...) by patterns on the word, its tag and its dependency. spaCy runs the
179 patterns through a Matcher and makes a Span for each of the ~50 matches of a post: about a
seventh of the whole pipeline's time. Its patterns are plain sequences of tests on a token's
lower-case form, tag, dependency and whether it is a space, so each is filed here under a
value it requires (a word it must contain, else a tag) and tried only where that value is.

The matches are the Matcher's own (the same rule, tokens and order: sorted by rule, so a later
rule wins) and are applied with spaCy's own ``set_token_attrs``. A ruler with a pattern of
another kind (an operator, another attribute) keeps spaCy's matching. tests/test_speed.py
checks the annotations against the stock ruler's on real posts.
"""

from __future__ import annotations

import re
from typing import Any

_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the token attributes patterns may test, columns of the array
_LOWER, _TAG, _SPACE = 0, 1, 3

# One test on one token: (column, how, values): how is "in", "not_in", "regex" or "is".
Test = tuple[int, str, Any]
# A pattern: its rule id, match id, and the tests of each of its tokens.
Pattern = tuple[int, int, tuple[tuple[Test, ...], ...]]


def install(nlp: Any) -> bool:
    """Make the pipeline's ``attribute_ruler`` (if any, and if its patterns allow) match by look-up."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastRuler(ruler)
    except (KeyError, AttributeError, TypeError, ValueError, re.error):
        return False  # a ruler of another shape: spaCy's own matching stays
    ruler.match = fast.match
    ruler.set_annotations = fast.set_annotations
    return True


class FastRuler:
    """``AttributeRuler.match`` and ``set_annotations`` for one ruler, by look-up."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS  # type: ignore[import-not-found,unused-ignore]  # a Cython module, no stub

        self.strings = ruler.vocab.strings
        self.columns = [IDS[key] for key in _KEYS]
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        # value -> (pattern, which of its tokens has the value, whether that alone is a match)
        self.by_lower: dict[int, list[tuple[Pattern, int, bool]]] = {}
        self.by_tag: dict[int, list[tuple[Pattern, int, bool]]] = {}
        self.by_space: dict[int, list[tuple[Pattern, int, bool]]] = {}
        self._tables = ((self.by_lower, _LOWER, "in"), (self.by_tag, _TAG, "in"), (self.by_space, _SPACE, "is"))
        self.anywhere: list[Pattern] = []
        self._regex_memo: dict[tuple[Any, int], bool] = {}
        for rule_id, entry in enumerate(ruler.patterns):
            key = str(rule_id)
            match_id = self.strings.add(key)
            if entry["index"] != ruler.indices[rule_id]:
                raise ValueError("the ruler's rule ids are not its patterns' positions")
            for tokens in entry["patterns"]:
                self._file((rule_id, match_id, tuple(self._tests(token) for token in tokens)))

    def _tests(self, token: dict[str, Any]) -> tuple[Test, ...]:
        tests: list[Test] = []
        for key, value in token.items():
            column = _KEYS.index(key)  # ValueError for another attribute: not handled here
            if key == "IS_SPACE":
                if not isinstance(value, bool):
                    raise TypeError(f"IS_SPACE {value!r}")
                tests.append((column, "is", int(value)))
            elif isinstance(value, str):
                tests.append((column, "in", frozenset({self.strings.add(value)})))
            elif isinstance(value, dict) and len(value) == 1:
                ((how, values),) = value.items()
                if how in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
                    tests.append((column, how.lower(), frozenset(self.strings.add(v) for v in values)))
                elif how == "REGEX" and isinstance(values, str):
                    tests.append((column, "regex", re.compile(values)))
                else:
                    raise TypeError(f"{key} {value!r}")
            else:
                raise TypeError(f"{key} {value!r}")
        return tuple(tests)

    def _file(self, pattern: Pattern) -> None:
        """Under each word one of its tokens must be, else each tag, else whether it is a space, else
        tried at every token. A one-token pattern with no other test is a match wherever it is filed."""
        tokens = pattern[2]
        for table, column, how in self._tables:
            for position, tests in enumerate(tokens):
                for test in tests:
                    if test[0] == column and test[1] == how:
                        values = test[2] if how == "in" else (test[2],)
                        alone = len(tokens) == 1 and len(tests) == 1
                        for value in values:
                            table.setdefault(value, []).append((pattern, position, alone))
                        return
        self.anywhere.append(pattern)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """(rule id, match id, start, end) of every match, sorted, as ``AttributeRuler.match`` returns them."""
        if not len(doc):
            return []
        rows = doc.to_array(self.columns).tolist()
        found: set[tuple[int, int, int, int]] = set()
        try_ = self._try
        for i, row in enumerate(rows):
            for table, column, _how in self._tables:
                for pattern, position, alone in table.get(row[column], ()):
                    if alone:
                        found.add((pattern[0], pattern[1], i, i + 1))
                    else:
                        try_(pattern, i - position, rows, found)
            for pattern in self.anywhere:
                try_(pattern, i, rows, found)
        return sorted(found)

    def _try(self, pattern: Pattern, start: int, rows: list[list[int]], found: set[tuple[int, int, int, int]]) -> None:
        rule_id, match_id, tokens = pattern
        end = start + len(tokens)
        if start < 0 or end > len(rows):
            return
        for row, tests in zip(rows[start:end], tokens, strict=True):
            for column, how, values in tests:
                value = row[column]
                ok: bool | None
                if how == "in":
                    ok = value in values
                elif how == "not_in":
                    ok = value not in values
                elif how == "is":
                    ok = value == values
                else:  # a regex: the same word is asked again and again ("the", "is")
                    ok = self._regex_memo.get((values, value))
                    if ok is None:
                        if len(self._regex_memo) > 200_000:  # a server's vocabulary keeps growing
                            self._regex_memo.clear()
                        ok = self._regex_memo[values, value] = values.search(self.strings[value]) is not None
                if not ok:
                    return
        found.add((rule_id, match_id, start, end))

    def set_annotations(self, doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        """As ``AttributeRuler.set_annotations``, without making a Span for each match."""
        from spacy.tokens._retokenize import set_token_attrs  # type: ignore[import-not-found,unused-ignore]

        for rule_id, _match_id, start, end in matches:
            index = self.indices[rule_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute ruler rule {rule_id}: index {index} outside its match")
            set_token_attrs(doc[at], self.attrs[rule_id])
