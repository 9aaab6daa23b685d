"""Reading files and parsing them, once, into a :class:`Document`.

Markdown is not rendered: what is not prose (front matter, code, HTML
comments and tags, link targets) is blanked in ``Document.prose`` so that
every offset still points into the original text.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .model import Document, Token

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")


class InputError(Exception):
    """A problem with one input file; reported on one line, exit code 2."""


# -- decoding ------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"MZ",
)


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes of a post file to text: BOMs honoured, binary and bad UTF-8 refused."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot be decoded as {encoding}: bad byte at offset {exc.start}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {codec} after its byte-order mark at byte {exc.start}") from None
            return text.lstrip("\ufeff") if codec != "utf-8-sig" else text
    if looks_binary(data):
        raise InputError("binary file, not a post: skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"invalid UTF-8: first bad byte 0x{data[exc.start]:02x} at byte {exc.start} "
            f"(line {line}, byte {column} of the line); pass --encoding (e.g. --encoding cp1252)"
        ) from None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if not head:
        return False
    # Text may hold a stray NUL; binary files are dense with control bytes.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.10


# -- special tokens ------------------------------------------------------

_TLDS = r"(?:com|org|net|gov|edu|mil|us|info|io|co|biz|me|ly|gl|gd|be|ca|uk|tv|app|site|online|news|link)"
# Each pattern starts with a literal character, so the regex engine jumps from one
# candidate to the next instead of trying every position: linear even on 10 MB.
_AFTER_SCHEME = re.compile(r"://[^\s<>\"'`]+")
_WWW_URL = re.compile(r"(?:www|WWW|Www)\.[^\s<>\"'`]+")
_DOT_TLD = re.compile(r"\." + _TLDS + r"\b", re.IGNORECASE)
_DOT_ANY_TLD = re.compile(r"\.([a-z]{2,24}|xn--[a-z0-9-]{1,59})\b")
_LABEL_END = re.compile(r"[a-z0-9-]{3}")  # a real name before a rarer top-level domain, not "it.it"
_DOMAIN_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", re.IGNORECASE)
_DOMAIN_CHAR = re.compile(r"[a-z0-9.-]", re.IGNORECASE)  # the same class as _DOMAIN_NAME's, with its case folding
_PATH_AFTER = re.compile(r"/[^\s<>\"'`]*")
_EMAIL = re.compile(r"[\w.%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
_MENTION = re.compile(r"@[A-Za-z0-9_]{1,50}\b")
_DOMAIN_NEXT = re.compile(r"\.[a-z]", re.IGNORECASE)  # "@bit" in "@bit.ly/x" is no mention
_HASHTAG = re.compile(r"#\w*[^\W\d_]\w*")
_TRAILING = ".,;:!?)]}'\""


def _emails(prose: str) -> Iterator[tuple[int, int]]:
    for at in re.finditer("@", prose):
        i = at.start()
        m = _EMAIL.search(prose, max(0, i - 64), i + 256)
        while m and m.end() <= i:
            m = _EMAIL.search(prose, m.end(), i + 256)
        if (
            m
            and m.start() <= i < m.end()
            and (m.start() == 0 or not (prose[m.start() - 1].isalnum() or prose[m.start() - 1] == "_"))
        ):
            yield m.span()


def _urls(prose: str) -> Iterator[tuple[int, int]]:
    for m in _AFTER_SCHEME.finditer(prose):
        head = prose[max(0, m.start() - 5) : m.start()].lower()
        scheme = next((s for s in ("https", "http", "ftp") if head.endswith(s)), None)
        if scheme is None:
            continue
        start = m.start() - len(scheme)
        if start == 0 or not prose[start - 1].isalnum():
            yield start, _trim_url(prose, start, m.end())
    for m in _WWW_URL.finditer(prose):
        if m.start() == 0 or not (prose[m.start() - 1].isalnum() or prose[m.start() - 1] in "/.@"):
            yield m.start(), _trim_url(prose, m.start(), m.end())
    for m in _DOT_TLD.finditer(prose):
        found = _bare_domain(prose, m)
        if found:
            yield found
    # Any other top-level domain of IANA's list, written in lower case after a real name:
    # "cheap-deals.shop", not "did it.it" or "minutes.zip" (a file).
    if _DOT_ANY_TLD.search(prose):
        extra = _other_tlds()
        for m in _DOT_ANY_TLD.finditer(prose):
            if m.group(1) in extra and _LABEL_END.fullmatch(prose, max(0, m.start() - 3), m.start()):
                found = _bare_domain(prose, m)
                if found:
                    yield found


def _domain_start(prose: str, end: int) -> int | None:
    """Where the domain name that ends at ``end`` begins (at most 253 characters back), or None.

    The leftmost start from which the rest up to ``end`` is a whole name: what a search for the
    name anchored at ``end`` gives, without that search's attempt at each of 253 positions (each
    running on to ``end``), which was a hundredth of a run over real posts.
    """
    lowest = max(0, end - 253)
    start = end
    while start > lowest and _DOMAIN_CHAR.match(prose, start - 1):
        start -= 1  # no name reaching ``end`` can begin before a character no name holds
    return next((p for p in range(start, end) if _DOMAIN_NAME.fullmatch(prose, p, end)), None)


def _bare_domain(prose: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The address whose top-level domain ``m`` matched, when a domain name stands before it."""
    start = _domain_start(prose, m.start())
    if start is None:
        return None
    before = prose[start - 1] if start else " "
    stray_at = before == "@" and (start < 2 or not (prose[start - 2].isalnum() or prose[start - 2] in "._%+-"))
    if (before.isalnum() or before in "@/.-_") and not stray_at:
        return None  # part of an e-mail address, a longer URL or a word ("@bit.ly/x" is a URL)
    end = m.end()
    path = _PATH_AFTER.match(prose, end)
    if path:
        end = path.end()
    return start, _trim_url(prose, start, end)


@cache
def _other_tlds() -> frozenset[str]:
    """IANA's top-level domains beyond the common ones of ``_TLDS``, less those that are file extensions."""
    data = Path(__file__).with_name("text") / "data"

    def read(name: str) -> set[str]:
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        return {line.strip() for line in lines if line.strip() and not line.startswith("#")}

    common = set(_TLDS.strip("(?:)").split("|"))
    return frozenset(read("tlds.txt") - read("file-extensions.txt") - common)


def _trim_url(prose: str, start: int, end: int) -> int:
    # Closing punctuation belongs to the sentence, unless balanced in the URL.
    while end > start and prose[end - 1] in _TRAILING:
        if prose[end - 1] == ")" and prose.count("(", start, end) >= prose.count(")", start, end):
            break
        end -= 1
    return end


def _prefixed(pattern: re.Pattern[str], prose: str, forbidden_before: str) -> Iterator[tuple[int, int]]:
    for m in pattern.finditer(prose):
        before = prose[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in forbidden_before):
            yield m.span()


def find_tokens(prose: str) -> list[Token]:
    """URLs, e-mail addresses, @mentions and #hashtags in ``prose``, non-overlapping."""
    found: list[Token] = []
    starts: list[int] = []  # sorted starts of taken spans, for overlap checks
    ends: list[int] = []
    sources = (
        ("email", _emails(prose)),
        ("url", _urls(prose)),
        ("mention", (span for span in _prefixed(_MENTION, prose, "_@.") if not _DOMAIN_NEXT.match(prose, span[1]))),
        ("hashtag", _prefixed(_HASHTAG, prose, "_&#")),
    )
    for kind, spans in sources:
        for start, end in spans:
            if end <= start:
                continue
            index = bisect.bisect_left(starts, start)
            if (index > 0 and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
                continue  # overlaps something already taken (an e-mail beats a URL)
            starts.insert(index, start)
            ends.insert(index, end)
            found.append(Token(kind, start, end, prose[start:end]))
    found.sort(key=lambda t: t.start)
    return found


# -- Markdown ------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_BACKTICKS = re.compile(r"`+")
# Only a terminated comment is hidden: CommonMark prints an unterminated "<!--" and what follows.
# A raw HTML tag as CommonMark defines it (name, attributes, optional "/"), so that
# "<Vote for Jane Smith! 763-555-0142>", which is printed as text, stays prose.
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']{0,2000}'|"[^"]{0,2000}"))?)"""
_HTML_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*" + _ATTRIBUTE + r"*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>")
# Bounded runs that stop at the next bracket: unbounded, 50 KB of "[a" scanned to the end
# from every "[", O(n²). Titles are capped; link text may not hold brackets.
_TITLE = r"""(?:\s+(?:"([^"]{0,500})"|'([^']{0,500})'))?"""
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\(([^()\s]*)" + _TITLE + r"\s*\)")
_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(([^()\s]*)" + _TITLE + r"\s*\)")
_LINK_DEF = re.compile(
    r"""^ {0,3}\[(?!\^)[^\[\]\r\n]+\]:[ \t]+(\S+)(?:[ \t]+(?:"([^"\r\n]*)"|'([^'\r\n]*)'))?[ \t]*$""", re.MULTILINE
)
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]+\]:?")  # the marker only: a footnote's body is published
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=\s|$)", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<!\w)(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)(?!\w)")
# The address in these targets is published (a tap calls or mails it): it stays prose.
_VISIBLE_SCHEME = re.compile(r"(?:mailto|tel|sms|callto):", re.IGNORECASE)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _front_matter(text: str) -> tuple[int, dict[str, Any], list[str]]:
    """Length of a leading front-matter block, its data, and problems found."""
    match = re.match(r"(---|\+\+\+)[ \t]*\r?\n", text)
    if not match:
        return 0, {}, []
    fence = match.group(1)
    # "\r?" before "$": a Windows-edited post (CRLF) has its closing line too.
    close = re.compile(r"^" + re.escape(fence if fence == "+++" else "---") + r"[ \t]*\r?$|^\.\.\.[ \t]*\r?$", re.MULTILINE)
    end_match = close.search(text, match.end())
    if not end_match:
        return len(text), {}, [f"unterminated front matter: no closing {fence!r} line; the whole file was skipped"]
    body = text[match.end() : end_match.start()]
    end = end_match.end()
    if text.startswith("\r\n", end):
        end += 2
    elif end < len(text) and text[end] in "\r\n":
        end += 1
    try:
        data = _parse_front_matter(body, fence)
    except ValueError as exc:
        return end, {}, [f"front matter is not valid: {exc}"]
    return end, data, []


_MAX_YAML_DEPTH = 50


def _bounded_loader() -> type:
    """A SafeLoader that refuses aliases and deep nesting: front matter is a few plain keys.

    An alias chain ("billion laughs") multiplies at each level: 386 bytes took 46 s and 3.7 GB.
    """
    import yaml

    class Bounded(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.YAMLError(f"uses a YAML alias (*{event.anchor}); aliases are not allowed in front matter")
            self.depth += 1
            if self.depth > _MAX_YAML_DEPTH:
                raise yaml.YAMLError(f"nested deeper than {_MAX_YAML_DEPTH} levels")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Bounded


def _parse_front_matter(body: str, fence: str) -> dict[str, Any]:
    if fence == "+++":
        import tomllib

        try:
            return tomllib.loads(body)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(str(exc)) from None
    import yaml  # only when a post has YAML front matter

    try:
        data = yaml.load(body, Loader=_bounded_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ValueError(str(exc).replace("\n", " ")) from None
    except RecursionError:
        raise ValueError(f"nested deeper than {_MAX_YAML_DEPTH} levels") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("expected key: value pairs")
    return data


def _mask_markdown(text: str, start: int) -> tuple[str, list[tuple[int, int, str]], list[Token], list[str]]:
    """Blank non-prose Markdown; return prose, images, link-target tokens, problems."""
    chars = list(text)
    _blank(chars, 0, start)
    problems: list[str] = []
    images: list[tuple[int, int, str]] = []
    link_tokens: list[Token] = []

    # Code is published too, so its text stays prose: only the fence lines are blanked.
    lines = list(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text[start:]))
    fence: str | None = None
    fence_start = 0
    for m in lines:
        line_start, line_end = m.start() + start, m.end() + start
        line = text[line_start:line_end].rstrip("\r\n")
        if fence is None:
            opened = _FENCE.match(line)
            if opened:
                fence, fence_start = opened.group(1), line_start
                _blank(chars, line_start, line_end)
        else:
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) and not line.strip(" `~"):
                _blank(chars, line_start, line_end)
                fence = None
    if fence is not None:
        line_no = text.count("\n", 0, fence_start) + 1
        problems.append(f"unterminated code block opened at line {line_no}; the rest of the file was linted as its text")

    masked = "".join(chars)
    for comment_start, comment_end in _html_comments(masked):
        _blank(chars, comment_start, comment_end)
    masked = "".join(chars)
    for (open_start, open_end), (close_start, close_end) in _code_spans(masked):
        _blank(chars, open_start, open_end)  # the backticks, not the code
        _blank(chars, close_start, close_end)
    masked = "".join(chars)
    for m in _LINK_DEF.finditer(masked):
        _blank(chars, m.start(), m.end())
        _keep_visible(chars, masked, m, 1, (2, 3))
    masked = "".join(chars)
    for m in _HTML_TAG.finditer(masked):
        _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _IMAGE.finditer(masked):
        images.append((m.start(), m.end() - m.start(), m.group(1)))
        _blank(chars, m.start(), m.end())
        _keep_visible(chars, masked, m, 2, (1, 3, 4))  # alt text and title are published
    masked = "".join(chars)
    for m in _LINK.finditer(masked):
        # Keep the link text (and title) as prose; the target becomes a URL token.
        _blank(chars, m.start(), m.end())
        _keep_visible(chars, masked, m, 2, (1, 3, 4))
        if m.group(2) and not _VISIBLE_SCHEME.match(m.group(2)):
            link_tokens.append(Token("url", m.start(2), m.end(2), m.group(2)))
    masked = "".join(chars)
    for pattern in (_FOOTNOTE, _HEADING, _EMPHASIS):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    return masked, images, link_tokens, problems


def _html_comments(text: str) -> Iterator[tuple[int, int]]:
    """Terminated ``<!-- ... -->`` comments, found with str.find: a lazy regex rescanned the
    rest of the text from every unclosed "<!--" (O(n²)); once one is unclosed, all later ones are."""
    position = text.find("<!--")
    while position != -1:
        close = text.find("-->", position + 4)
        if close == -1:
            return
        yield position, close + 3
        position = text.find("<!--", close + 3)


def _code_spans(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Backtick runs that open and close a code span: each opener takes the next run as long as itself.

    A scan over the runs instead of a backtracking regex, which was O(n²) on unclosed openers.
    """
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            closer = same[later]
            yield runs[index], runs[closer]
            index = closer + 1
        else:
            index += 1


def _keep_visible(chars: list[str], text: str, m: re.Match[str], target: int, shown: tuple[int, ...]) -> None:
    """Put back the groups of a blanked match that a reader sees, and a mailto:/tel: target's address."""
    for group in shown:
        if m.group(group) is not None:
            chars[m.start(group) : m.end(group)] = text[m.start(group) : m.end(group)]
    address = m.group(target) or ""
    scheme = _VISIBLE_SCHEME.match(address)
    if scheme:
        begin = m.start(target) + scheme.end()
        chars[begin : m.end(target)] = text[begin : m.end(target)]


def parse(text: str, path: str = "<stdin>", *, markdown: bool | None = None) -> tuple[Document, list[str]]:
    """Parse a decoded post. Returns the document and the input problems found.

    Problems (an unterminated code block, broken front matter) are reported
    as input errors, but whatever prose could be read is still linted.
    """
    if markdown is None:
        markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    if text.startswith("\ufeff"):
        text = text[1:]
    # A lone surrogate (UTF-7 input, a JSON "\\ud83d") cannot be encoded anywhere downstream:
    # U+FFFD keeps every offset.
    text = _LONE_SURROGATE.sub("\ufffd", text)
    problems: list[str] = []
    images: list[tuple[int, int, str]] = []
    front: dict[str, Any] = {}
    link_tokens: list[Token] = []
    if markdown:
        fm_end, front, problems = _front_matter(text)
        prose, images, link_tokens, more = _mask_markdown(text, fm_end)
        problems += more
    else:
        prose = text
    tokens = find_tokens(prose)
    taken = [(t.start, t.end) for t in tokens]
    tokens += [t for t in link_tokens if all(t.end <= s or t.start >= e for s, e in taken)]
    doc = Document(
        path=path,
        text=text,
        prose=prose,
        format="markdown" if markdown else "text",
        front_matter=front,
        tokens=tokens,
        images=images,
    )
    return doc, problems
