"""The judgement checks' learned layer: features that carry across cities, a linear model read in pure Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from post_lint.api import Context
from post_lint.document import parse
from post_lint.facts import facts_from
from post_lint.registry import load_check
from post_lint.text.features import features, tokens
from post_lint.text.model import LinearModel, describe, learned_findings

FACTS = facts_from(
    {
        "body": {"name": "City of Maplewood Falls", "aliases": ["Maplewood Falls"]},
        "partners": {"organizations": [{"name": "Harvest Table Food Pantry", "aliases": ["the pantry"]}]},
        "names": {"allow": ["Mayor Ann Lee"]},
    }
)


def test_the_bodys_own_names_become_placeholders_so_models_carry_across_cities() -> None:
    words = tokens("The pantry's new hours are... something 🙃 says Mayor Lee of Maplewood Falls", FACTS)
    assert words[0] == "<partner>"  # the alias "the pantry", whole
    assert "<ellipsis>" in words and "🙃" in words
    assert "<official>" in words and "<body>" in words


def test_lexicon_features_see_negative_words_near_a_partner_and_negation() -> None:
    found = features("Harvest Table Food Pantry was useless again.", FACTS)
    assert "lex:neg~<partner>" in found and "lex:neg1" in found
    assert "lex:negated" in features("The staff were not helpful.", FACTS)


def test_sentence_features_join_the_irony_to_the_partner_it_is_said_of() -> None:
    found = features("Lunch was lovely. The pantry's new phone tree is... something 🙃", FACTS)
    assert {"s:partner&ellipsis", "s:partner&wry", "s:ellipsis&wry", "s:partner~phone"} <= set(found)
    # The partner's sentence has no positive word: "lovely" belongs to the sentence before.
    assert "s:partner&pos" not in found


def test_sentence_features_see_scare_quotes_questions_and_what_residents_deserve() -> None:
    assert "s:partner&scare" in features('The pantry is "working on" it again.', FACTS)
    assert "s:partner&question" in features("How many weeks does the pantry need to answer a call?", FACTS)
    assert "s:public&modal" in features("Residents deserve a bus that comes on time.", FACTS)


def test_sentence_features_see_a_lapse_said_of_a_partner_and_praise_beside_it() -> None:
    # "outage" and "late" carry no sentiment in the lexicon; set beside praise they are sarcasm.
    found = features("Shoutout to the pantry for the third outage this month, truly inspiring.", FACTS)
    assert {"s:partner&lapse", "s:lapse&pos"} <= set(found)
    assert "s:partner&lapse" not in features("The pantry opens at noon on Saturday.", FACTS)
    assert describe("s:partner&lapse") == "a service that failed or fell behind in a sentence about a partner"


def test_sentence_features_are_read_as_a_person_would_in_a_findings_evidence() -> None:
    assert describe("s:partner&ellipsis") == "an ellipsis in a sentence about a partner"
    assert describe("s:partner~invoice") == "\u201cinvoice\u201d said of a partner"
    assert describe("s:pos&wry") == "a positive word and a wry emoji in one sentence"


@pytest.fixture
def tiny_model(tmp_path: Path) -> Path:
    path = tmp_path / "learned.json"
    weights = {"<ellipsis>": 2.0, "lex:neg~<partner>": 2.0, "something": 1.0}
    path.write_text(json.dumps({"intercept": -1.5, "threshold": 0.6, "weights": weights}), encoding="utf-8")
    return path


def test_linear_model_scores_and_names_its_evidence(tiny_model: Path) -> None:
    model = LinearModel.load(tiny_model)
    assert model is not None
    assert model.score("The pantry is... something", FACTS) > 0.8
    assert model.score("The pantry opens at noon.", FACTS) < 0.2
    assert model.evidence("The pantry is... something", FACTS)[0] == "<ellipsis>"
    assert describe("lex:neg~<partner>") == "a negative word near partner"
    assert describe("lex:pos2") == "a strongly positive word"


def test_a_missing_model_file_means_no_learned_findings(tmp_path: Path) -> None:
    assert LinearModel.load(tmp_path / "absent.json") is None


def _context(check_name: str, **options: object) -> Context:
    check = load_check(check_name)
    defaults = {key: option.default for key, option in check.options.items()}
    return Context(check, {**defaults, **options}, check.severity, "official", FACTS)


def test_learned_finding_lands_on_the_sentence_that_weighs_most(tiny_model: Path) -> None:
    text = "Food drive Saturday at 9. The pantry's new phone tree is... something."
    doc, _ = parse(text, "post.txt")
    [finding] = learned_findings(doc, _context("partners"), tiny_model, "a negative comment", "leave it out")
    assert finding.rule == "partners/learned" and finding.severity == "warning"
    assert text[finding.offset : finding.offset + finding.length] == "The pantry's new phone tree is... something."
    assert "\u201c<ellipsis>\u201d" in finding.message


def test_learned_threshold_and_severity_are_configurable(tiny_model: Path) -> None:
    doc, _ = parse("The pantry's new phone tree is... something.", "post.txt")
    assert not list(learned_findings(doc, _context("partners", **{"learned-threshold": 0.99}), tiny_model, "x", "y"))
    [finding] = learned_findings(doc, _context("partners", **{"learned-severity": "error"}), tiny_model, "x", "y")
    assert finding.severity == "error"
    assert not list(learned_findings(doc, _context("partners", learned=False), tiny_model, "x", "y"))


def test_words_of_a_named_speaker_are_not_scored(tiny_model: Path) -> None:
    doc, _ = parse('"The pantry is... something," said Mayor Lee.', "post.txt")
    assert not list(learned_findings(doc, _context("opinion"), tiny_model, "x", "y"))


def test_a_disclaimer_is_not_scored_as_evidence(tmp_path: Path) -> None:
    # "but" after "not speaking for" turns to the author's own view, not to a confidence.
    path = tmp_path / "learned.json"
    weights = {"but": 2.0, "not": 1.0, "speaking": 1.0}
    path.write_text(json.dumps({"intercept": -1.5, "threshold": 0.6, "weights": weights}), encoding="utf-8")
    doc, _ = parse("I'm not speaking for the department, but the new station is a big step up.", "post.txt")
    assert not list(learned_findings(doc, _context("confidential"), path, "x", "y"))
    doc, _ = parse("I can't say much, but the new station is a big step up.", "post.txt")
    assert list(learned_findings(doc, _context("confidential"), path, "x", "y"))


def test_disclaimer_clauses_run_from_the_clause_start_through_the_turn_to_the_authors_words() -> None:
    from post_lint.text.disclaimers import disclaimer_clauses

    text = "I'm an officer here. I'm not speaking for the department, but the station is great. Views are my own."
    assert [text[s:e] for s, e in disclaimer_clauses(text)] == [
        "I'm not speaking for the department, but ",
        "Views are my own",
    ]
    assert disclaimer_clauses("The department is speaking for all of us.") == []


@pytest.mark.parametrize("name", ["opinion", "partisan", "partners", "conduct", "confidential"])
def test_every_judgement_check_declares_its_learned_rule_and_options(name: str) -> None:
    check = load_check(name)
    assert f"{name}/learned" in check.rules
    assert {"learned", "learned-threshold", "learned-severity"} <= set(check.options)


def _spacy_doc(text: str) -> tuple[object, object]:
    from post_lint import nlp

    language = nlp.load(None, frozenset({"tok2vec"}))
    doc, _ = parse(text, "post.txt")
    doc.nlp = language(doc.prose)
    return doc, language


def test_the_pipeline_of_a_parsed_doc_is_found_again_without_a_second_load() -> None:
    from post_lint.nlp import language_of

    doc, language = _spacy_doc("The pantry opens at noon.")
    assert language_of(doc.nlp) is language


def test_token_vectors_read_the_text_with_placeholders_so_they_carry_across_cities() -> None:
    from post_lint.text.dense import placeholder_vector, placeholder_vectors

    _, language = _spacy_doc("x")
    other_city = facts_from({"partners": {"organizations": [{"name": "Riverside Senior Center"}]}})
    ours = placeholder_vector(language, "Harvest Table Food Pantry is late again.", FACTS)
    theirs = placeholder_vector(language, "Riverside Senior Center is late again.", other_city)
    assert ours is not None and theirs is not None and (ours == theirs).all()
    matrix, has = placeholder_vectors(language, ["Harvest Table Food Pantry is late again.", "It rained."], [FACTS] * 2)
    assert (matrix[0] == ours).all()  # training (batched) and linting (one post) see the same numbers
    assert list(has) == [True, False]  # no partner, official or body named: no vector


def test_a_model_with_token_vector_weights_uses_the_parsed_posts_vector(tmp_path: Path) -> None:
    from post_lint.text.dense import placeholder_vector

    text = "The pantry opens at noon."
    doc, language = _spacy_doc(text)
    vector = placeholder_vector(language, text, FACTS)
    assert vector is not None
    # Weights that point along this post's own (standardised) vector push its score up.
    mean, scale = [0.0] * len(vector), [1.0] * len(vector)
    weights = [round(float(v), 4) for v in vector]
    path = tmp_path / "learned.json"
    dense = {"mean": mean, "scale": scale, "weights": weights}
    path.write_text(json.dumps({"intercept": -3.0, "threshold": 0.6, "weights": {}, "dense": dense}), encoding="utf-8")
    model = LinearModel.load(path)
    assert model is not None and model.dense is not None
    assert model.score(text, FACTS) < 0.1  # words alone: nothing
    assert model.score(text, FACTS, vector) > 0.9
    [finding] = learned_findings(doc, _context("partners"), path, "a negative comment", "leave it out")
    assert finding.rule == "partners/learned"
    doc.nlp = None  # spaCy did not run: the words alone decide, and they say nothing
    assert not list(learned_findings(doc, _context("partners"), path, "a negative comment", "leave it out"))


def test_a_post_whose_every_sentence_the_rules_cleared_is_not_scored(tmp_path: Path) -> None:
    doc, _ = _spacy_doc("The pantry opens at noon.")
    dense = {"mean": [0.0] * 96, "scale": [1.0] * 96, "weights": [1.0] * 96}
    path = tmp_path / "learned.json"
    path.write_text(json.dumps({"intercept": 5.0, "threshold": 0.5, "weights": {}, "dense": dense}), encoding="utf-8")
    cleared = [(0, len(doc.text))]
    assert not list(learned_findings(doc, _context("partners"), path, "x", "y", cleared=cleared))


def test_runs_of_spaces_left_by_a_blanked_quotation_do_not_move_the_vector() -> None:
    from post_lint.text.dense import placeholder_vector

    _, language = _spacy_doc("x")
    plain = placeholder_vector(language, "The pantry is late again.", FACTS)
    blanked = placeholder_vector(language, "The pantry is late again.                    ", FACTS)
    assert plain is not None and blanked is not None and (plain == blanked).all()


def test_token_vectors_read_only_the_sentences_that_name_a_partner_an_official_or_the_body() -> None:
    from post_lint.text.dense import placeholder_vector

    _, language = _spacy_doc("x")
    alone = placeholder_vector(language, "The pantry reopened Monday.", FACTS)
    beside = placeholder_vector(language, "The pantry reopened Monday. It was a terrible storm.", FACTS)
    assert alone is not None and beside is not None and (alone == beside).all()  # the storm is not the pantry's
    assert placeholder_vector(language, "It was a terrible storm.", FACTS) is None


def test_praise_of_something_else_does_not_settle_a_sentence_for_the_partners_model() -> None:
    # "helpful staff" is no cue until negated; clearing its sentence left the model only
    # "Why is the pantry a great place to volunteer?", which it read as sarcasm.
    from post_lint.checks.partners import _rule_findings

    from post_lint import nlp

    language = nlp.load(None, frozenset({"tok2vec", "tagger", "parser", "lemmatizer", "ner"}))
    settled: dict[str, list[tuple[int, int]]] = {}
    for text in (
        "Why is the pantry a great place to volunteer? Free coffee, short shifts and helpful staff!",
        "Park in the pantry lot. Avoid the ramp on Main Street; it is being repaved.",
    ):
        doc, _ = parse(text, "post.txt")
        doc.nlp = language(doc.prose)
        cleared: list[tuple[int, int]] = []
        partners = [{"name": "Harvest Table Food Pantry", "aliases": ["the pantry"]}]
        assert list(_rule_findings(doc, _context("partners", organizations=partners), cleared)) == []
        settled[text] = [(s, e) for s, e in cleared]
    praise, detour = settled.values()
    assert praise == []
    assert detour, "a negative cue aimed elsewhere still settles its sentence"


def test_a_model_read_from_the_cache_has_exactly_its_files_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from post_lint.text import model as model_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the data cache's folder
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    file = tmp_path / "learned.json"
    weights = {"late": -1.25, "s:partner~invoice": 0.1 + 0.2, "<url> again": 3, "🙃": -2.5e-17}
    file.write_text(json.dumps({"intercept": -2, "threshold": 0.5, "weights": weights, "meta": {"n": 4}}), encoding="utf-8")
    read = []
    for _ in range(2):  # the first builds the cache entry, the second reads it
        model_module._load.cache_clear()
        read.append(LinearModel.load(file))
    model_module._load.cache_clear()
    assert list((tmp_path / "cache").rglob("learned-*.marshal"))
    for model in read:
        assert model is not None and model.weights == {k: float(v) for k, v in weights.items()}
        assert list(model.weights) == list(weights) and model.intercept == -2.0 and model.meta == {"n": 4}
