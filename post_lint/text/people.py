"""US census given names and surnames, from the ``names`` package's data files.

Shared by the names check (is this capitalised word a person's name?) and the
personal-data check (is the word before a phone number someone's first name?).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def census_names() -> tuple[frozenset[str], frozenset[str]] | None:
    """(given names, surnames) in lower case, or None when the package is missing."""
    try:
        import names
    except ImportError:
        return None
    folder = Path(names.__file__).parent

    def read(*files: str) -> frozenset[str]:
        words: set[str] = set()
        for file in files:
            with open(folder / file, encoding="ascii") as handle:
                words.update(line.split(" ", 1)[0].lower() for line in handle if line.strip())
        return frozenset(words)

    return read("dist.male.first", "dist.female.first"), read("dist.all.last")
