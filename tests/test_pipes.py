"""No more of spaCy than the selected checks need: each run loads only their declared pipes."""

from __future__ import annotations

from typing import Any

import pytest

from post_lint import nlp, registry
from post_lint.api import Check
from post_lint.runner import Linter


def _parts_asked(monkeypatch: pytest.MonkeyPatch, select: list[str] | None) -> list[tuple[str, ...]]:
    asked: list[tuple[str, ...]] = []
    real = nlp.parse_many

    def spy(model: Any, components: Any, texts: list[str], **kwargs: Any) -> list[Any]:
        asked.append(tuple(components))
        return real(model, components, texts, **kwargs)

    monkeypatch.setattr(nlp, "parse_many", spy)
    Linter(select=select).lint_text("Jane Smith said your welcome to the parade on Main Street.", "post.txt")
    return asked


def test_every_check_declares_only_known_pipes() -> None:
    checks, _broken = registry.load_checks(registry.check_names())
    for check in checks:
        assert isinstance(check, Check)
        assert set(check.nlp) <= {"tagger", "lemmatizer", "parser", "ner"}, check.name


def test_a_run_asks_spacy_for_the_union_of_its_checks_pipes_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _parts_asked(monkeypatch, ["names"]) == [("ner",)]
    assert _parts_asked(monkeypatch, ["names", "conduct"]) == [("lemmatizer", "ner")]
    assert _parts_asked(monkeypatch, ["emoji", "links"]) == []  # no spaCy at all


def test_the_loaded_pipeline_excludes_what_no_selected_check_needs() -> None:
    ner_only = nlp.load(None, nlp.pipes_for(["ner"]))
    assert set(ner_only.pipe_names) == {nlp.SENTENCES_PIPE, "ner"}
    no_parser = nlp.load(None, nlp.pipes_for(["tagger", "lemmatizer"]))
    assert "parser" not in no_parser.pipe_names and "ner" not in no_parser.pipe_names
