"""Line index: the one definition of a line that positions, snippets and the language server share.

A line ends at CRLF, LF or a lone CR, as in editors and the LSP specification;
U+2028, form feeds and U+0085 do not end a line (``str.splitlines`` would).
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where lines start."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks (one empty line for empty text)."""
    return _LINE_BREAK.split(text)


class LineIndex:
    """Offsets to 1-based (line, column) and back, and the text of a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def __len__(self) -> int:
        return len(self.starts)
