"""Write checks/grammar/inflections.tsv.gz from lemminflect's lexicon (MIT licence).

    pip install lemminflect && python scripts/build_inflections.py

The builtin grammar engine needs two lookups: a word's lemmas by part of speech ("gets" ->
VERB get) and a lemma's forms by tag ("approve" -> VBN approved). lemminflect has both, but
parses its CSV files on first use (about 0.6 s of every cold run); this file holds the same
tables one entry a line, read in a few tens of milliseconds and parsed a word at a time.
Lines: ``L<TAB>word<TAB>UPOS:lemma,lemma;UPOS:...`` and ``I<TAB>lemma<TAB>TAG:form,form;...``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "checks" / "grammar" / "inflections.tsv.gz"
UPOS = ("VERB", "AUX", "NOUN", "ADJ", "ADV", "PROPN")


def main() -> None:
    import lemminflect
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmas = Lemmatizer()._getLemmaDict()
    inflections = Inflections()._getInflDict()
    lines = [f"# derived from lemminflect {lemminflect.__version__} (MIT licence) by scripts/build_inflections.py"]
    for word in sorted(lemmas):
        parts = [f"{upos}:{','.join(found)}" for upos, found in sorted(lemmas[word].items()) if upos in UPOS]
        if parts and "\t" not in word:
            lines.append(f"L\t{word}\t{';'.join(parts)}")
    verb_tags = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
    for lemma in sorted(inflections):
        # The public API applies lemminflect's overrides ("stay" VBN "stayed", not the raw "staid").
        table = {}
        for upos in ("VERB", "NOUN", "ADJ", "AUX"):
            for tag, forms in lemminflect.getAllInflections(lemma, upos=upos).items():
                table.setdefault(tag, forms)
        # The lookup leaves out forms lemminflect derives by rule ("run" VBN, "dip" VBN "dipped"):
        # bake them in, so a lookup here answers what lemminflect.getInflection would.
        if any(tag in table for tag in verb_tags):
            for tag in verb_tags:
                if tag not in table:
                    table[tag] = lemminflect.getInflection(lemma, tag=tag)
        if "NN" in table and "NNS" not in table:
            table["NNS"] = lemminflect.getInflection(lemma, tag="NNS")
        parts = [f"{tag}:{','.join(forms)}" for tag, forms in sorted(table.items()) if forms]
        if parts and "\t" not in lemma:
            lines.append(f"I\t{lemma}\t{';'.join(parts)}")
    # One sorted list, so a lookup is a bisection of the lines (no dictionary to build at start-up).
    lines = [lines[0], *sorted(lines[1:])]
    # mtime=0: the same lexicon gives the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines) - 1} lines -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
