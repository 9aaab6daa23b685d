"""Speed-ups that must not change a finding: BLAS choice, remembered lemmas, phrase regexes compiled on demand.

No timings here (they belong in bench/); these tests pin what each speed-up keeps the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from post_lint import nlp
from post_lint.text import phrases

TEXT = (
    "The council members were running late, so the mayor's geese crossed the bridges twice. "
    "She was happier than the children who were playing in the better parks on Main Street."
)


def test_remembered_lemmas_are_the_lemmatizers_own() -> None:
    import importlib.util

    import spacy

    loaded = nlp.load(None, nlp.pipes_for(["lemmatizer"]))
    name = next(n for n in nlp.DEFAULT_MODELS if importlib.util.find_spec(n))
    plain = spacy.load(name, exclude=["parser", "ner"])  # spaCy's own lemmatizer, nothing remembered
    doc = loaded(TEXT)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in plain(TEXT)]
    again = loaded(TEXT)  # the second time from the memo
    assert [t.lemma_ for t in again] == [t.lemma_ for t in doc]
    assert {t.lemma_ for t in doc} >= {"be", "cross", "bridge", "child", "play"}


def test_lemma_index_is_searched_as_sets_with_the_stock_lemmas() -> None:
    import importlib.util

    import spacy

    loaded = nlp.load(None, nlp.pipes_for(["lemmatizer"]))
    index = loaded.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    name = next(n for n in nlp.DEFAULT_MODELS if importlib.util.find_spec(n))
    plain = spacy.load(name, exclude=["parser", "ner"])  # its tables are still lists
    assert any(isinstance(words, list) for words in plain.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    # Words the memo has not seen, so each goes through the suffix rules and the index.
    text = "The pickleballers repainted three crosswalks; volunteers were re-shelving atlases and boxing puzzles."
    assert [t.lemma_ for t in loaded(text)] == [t.lemma_ for t in plain(text)]
    assert {"crosswalk", "atlas", "puzzle", "repaint"} <= {t.lemma_ for t in loaded(text)}


def test_the_model_runs_on_numpy_blas_when_it_can_be_held_to_one_thread() -> None:
    pytest.importorskip("threadpoolctl")
    from thinc.api import NumpyOps

    if nlp._blas_controller() is None:
        pytest.skip("numpy's BLAS cannot be limited here: BLIS is kept")
    loaded = nlp.load(None, nlp.pipes_for(["tagger", "parser", "ner"]))
    ops = [node.ops for _name, pipe in loaded.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()]
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_parsing_leaves_the_callers_blas_threads_as_they_were() -> None:
    pytest.importorskip("threadpoolctl")
    controller = nlp._blas_controller()
    if controller is None:
        pytest.skip("numpy's BLAS cannot be limited here")
    nlp.parse_many(None, ["ner"], ["Warm up."])  # loading the model may load more BLAS libraries: not what is tested
    before = [(lib["filepath"], lib["num_threads"]) for lib in controller.__class__().info()]
    nlp.parse_many(None, ["ner"], ["Jane Smith opened the library on Main Street."])
    assert [(lib["filepath"], lib["num_threads"]) for lib in controller.__class__().info()] == before


def test_checks_run_with_one_blas_thread_after_a_parse_and_the_callers_setting_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("threadpoolctl")
    from post_lint import runner

    runner.Linter(select=["names"]).lint_batch([("Jane Smith opened the library.", "warm.txt")])  # loads the model
    controller = nlp._blas_controller()
    if controller is None:
        pytest.skip("numpy's BLAS cannot be limited here")

    def blas_threads() -> list[tuple[str, int]]:
        return [(lib["filepath"], lib["num_threads"]) for lib in controller.__class__().info() if lib["user_api"] == "blas"]

    seen: list[set[int]] = []
    original = runner.run

    def recording(plan: object) -> object:
        seen.append({threads for _path, threads in blas_threads()})
        return original(plan)

    monkeypatch.setattr(runner, "run", recording)
    before = blas_threads()
    seen.clear()
    runner.Linter(select=["names"]).lint_batch([("Jane Smith opened the library.", "a.txt"), ("Call Bob Jones.", "b.txt")])
    assert seen == [{1}, {1}]
    assert blas_threads() == before


def test_a_phrase_lists_regex_is_compiled_only_when_a_text_holds_one_of_its_anchors() -> None:
    words = ("vote for <name>", "flip * blue", "disgrace*", "bad|poor decision")
    phrases._compiled.cache_clear()
    assert phrases.find_phrases("The library opens at noon on Saturday.", words) == []
    assert phrases._compiled.cache_info().currsize == 0
    found = phrases.find_phrases("What a disgraceful, poor decision. Vote for Jane Smith!", words)
    assert [m.phrase.lower() for m in found] == ["disgraceful", "poor decision", "vote for jane smith"]
    assert phrases._compiled.cache_info().currsize > 0


def test_each_python_environment_keeps_its_own_entry_point_scan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from post_lint import registry

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    registry.clear_cache()
    try:
        names = registry.check_names()
        mine = registry._cache_file()
        monkeypatch.setattr(sys, "prefix", sys.prefix + "-another-venv")
        assert registry._cache_file() != mine  # another virtualenv does not overwrite this one's scan
        registry.clear_cache()
        assert registry.check_names() == names
        assert mine.is_file() and registry._cache_file().is_file()
    finally:
        registry.clear_cache()


def test_loading_the_model_leaves_spacys_command_line_unimported_but_reachable() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from post_lint import nlp\n"
        "nlp.load(None, nlp.pipes_for(['ner']))\n"
        "print('spacy.cli' in sys.modules, 'weasel' in sys.modules)\n"
        "import spacy\n"
        "print(callable(spacy.cli.download), callable(spacy.info))\n"
        "import spacy.cli\n"
        "print(spacy.cli.info.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "True", "True", "spacy.cli.info"]


def test_cached_data_is_rebuilt_when_its_file_changes_and_kept_otherwise(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    from post_lint.datacache import cached

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    source = tmp_path / "words.txt"
    source.write_text("a b", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, object]:
        builds.append(1)
        return {"words": frozenset(source.read_text(encoding="utf-8").split()), "weights": [0.1, 2.5]}

    first = cached("probe", [source], build)
    assert cached("probe", [source], build) == first and len(builds) == 1  # the second from the cache
    source.write_text("a b c", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert cached("probe", [source], build)["words"] == frozenset("abc") and len(builds) == 2
    for stored in (tmp_path / "cache").rglob("*.marshal"):
        stored.write_bytes(b"torn")
    assert cached("probe", [source], build)["words"] == frozenset("abc") and len(builds) == 3


def test_cached_data_without_a_writable_cache_or_with_caching_off_is_built_each_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from post_lint.datacache import cached

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    source = tmp_path / "words.txt"
    source.write_text("a", encoding="utf-8")
    assert cached("probe", [source], lambda: ["a"]) == ["a"] == cached("probe", [source], lambda: ["a"])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("POST_LINT_NO_CACHE", "1")
    assert cached("probe", [source], lambda: ["b"]) == ["b"]
    assert not (tmp_path / "cache").exists()


RULER_TEXTS = (
    TEXT,
    "I think you're gonna love it. Y'all got ta see the new ol' bridge, it's doin' fine and there's nothin' to fear.",
    "We can't, won't, shouldn't and ain't going to stop.  Let's go!\n\nThey did it themselves; he had been there.",
    "Does anyone know if that's the one? Something happened to everybody who was here, and those were theirs.",
    "",
    "   \n ",
)


def test_the_attribute_rulers_look_ups_give_the_stock_rulers_annotations() -> None:
    import importlib.util

    import spacy

    from post_lint import ruler

    loaded = nlp.load(None, nlp.pipes_for(["tagger", "lemmatizer", "parser"]))
    assert isinstance(getattr(loaded.get_pipe("attribute_ruler"), "match", None).__self__, ruler.FastRuler)
    name = next(n for n in nlp.DEFAULT_MODELS if importlib.util.find_spec(n))
    stock = spacy.load(name, exclude=["ner"])
    stock.add_pipe(nlp.SENTENCES_PIPE, first=True)
    for text in RULER_TEXTS:
        ours, theirs = loaded(text), stock(text)
        attributes = ("tag_", "pos_", "lemma_", "dep_", "head.i")
        assert [[str(t.morph), *(_attr(t, a) for a in attributes)] for t in ours] == [
            [str(t.morph), *(_attr(t, a) for a in attributes)] for t in theirs
        ]


def _attr(token: object, dotted: str) -> object:
    for part in dotted.split("."):
        token = getattr(token, part)
    return token


def test_a_ruler_with_patterns_the_look_ups_do_not_handle_keeps_spacys_matching() -> None:
    import spacy

    from post_lint import ruler

    blank = spacy.blank("en")
    stock = blank.add_pipe("attribute_ruler")
    stock.add([[{"LOWER": "walk", "OP": "+"}]], {"LEMMA": "walking"})
    assert not ruler.install(blank)
    assert "match" not in vars(stock)


def test_the_model_is_loaded_without_building_the_default_tokenizer_first_and_tokenizes_the_same() -> None:
    import importlib.util

    import spacy

    loaded = nlp.load(None, nlp.pipes_for(["ner"]))
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == nlp.BARE_TOKENIZER
    name = next(n for n in nlp.DEFAULT_MODELS if importlib.util.find_spec(n))
    stock = spacy.load(name, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    assert loaded.tokenizer.rules == stock.tokenizer.rules
    texts = (
        *RULER_TEXTS,
        "Don't miss it!!! Visit https://www.anokacounty.us/parks?x=1, e-mail parks@anoka.mn.us or call (763) 555-0123 :) #SnowDay @CityHall",
        "U.S. Rep. O'Neil's 5-year plan: $3.5M for 12th St. & 3rd Ave.; it's 20°F—can't wait… 👩🏽‍🚒 🇺🇸",
    )
    for text in texts:
        assert [(t.text, t.whitespace_) for t in loaded.make_doc(text)] == [(t.text, t.whitespace_) for t in stock.make_doc(text)]


def test_the_data_cache_keeps_one_entry_per_file_and_a_bounded_number_per_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    from post_lint import datacache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("POST_LINT_NO_CACHE", raising=False)
    monkeypatch.setattr(datacache, "KEEP", 3)
    source = tmp_path / "model.json"
    for n in range(4):  # retrained four times: one entry, rewritten
        source.write_text("x" * n, encoding="utf-8")
        os.utime(source, ns=(n, n))
        assert datacache.cached("probe", [source], lambda n=n: n) == n
    assert len(list((tmp_path / "cache").rglob("probe-*.marshal"))) == 1
    for n in range(5):  # five checkouts: the three most recent kept
        other = tmp_path / f"copy{n}.json"
        other.write_text("y", encoding="utf-8")
        datacache.cached("probe", [other], lambda: 0)
    assert len(list((tmp_path / "cache").rglob("probe-*.marshal"))) == 3


def test_check_options_are_resolved_once_per_config_and_each_plan_gets_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from post_lint import config as config_module
    from post_lint import plan as plan_module
    from post_lint.document import parse
    from post_lint.runner import Linter

    calls: list[str] = []
    real = config_module.resolve_options

    def counted(config: config_module.Config, check: object) -> tuple[dict[str, object], str]:
        calls.append(getattr(check, "name", ""))
        return real(config, check)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_module, "resolve_options", counted)
    linter = Linter(config=config_module.Config(data={"emoji": {"max-count": 2, "severity": "error"}}), select=["emoji"])
    config = linter.config_for("p.txt")  # validated here, once
    plans = []
    for text in ("One 🎉", "Two 🎉🎉🎉"):
        before = len(calls)
        plans.append(plan_module.plan(parse(text, "p.txt")[0], config, linter.overrides, linter.installed))
        planned_calls = len(calls) - before
    assert planned_calls == 0  # the second post reused the first's
    first, second = (p.settings["emoji"] for p in plans)
    assert first == second == ({**first[0], "max-count": 2}, "error")
    first[0]["max-count"] = 9  # a check that changed its options would not change the next post's
    assert second[0]["max-count"] == 2
