"""links: links that hide where they go, are insecure, or lead off the city's own sites.

Works offline: every judgement is made from the address as written, nothing is
fetched. Link targets of Markdown links are checked like bare addresses.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

from post_lint.api import COMMENTS, Check, Context, Option, cases_beside, load_word_list
from post_lint.facts import Facts
from post_lint.model import Document, Finding, Token

_HERE = Path(__file__).parent
_BARE_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:/[^\s<>\"'`]*)?(?![\w.]|\.\w)")
_SCHEME_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`]+", re.IGNORECASE)
_IPV4_HINT = re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d")
_DOMAIN_IN_ALLOW = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


def _host_set(entries: Iterable[str]) -> tuple[str, ...]:
    """Normalise domain entries: 'https://www.X.com/path' -> 'x.com'; '.gov' stays a suffix."""
    hosts = []
    for raw in entries:
        entry = raw.strip().lower().rstrip(".")
        if not entry:
            continue
        if entry.startswith("."):
            hosts.append(entry)
            continue
        if "@" in entry:  # an e-mail address names the organisation's domain
            entry = entry.rsplit("@", 1)[1]
        host = _split(entry).hostname or ""
        host = host.removeprefix("www.")
        if _DOMAIN_IN_ALLOW.match(host):
            hosts.append(host)
    return tuple(dict.fromkeys(hosts))


def _matches(host: str, entries: Iterable[str]) -> bool:
    """A domain entry matches itself and its subdomains; a '.suffix' entry matches the ending."""
    for entry in entries:
        if entry.startswith("."):
            if host.endswith(entry):
                return True
        elif host == entry or host.endswith("." + entry):
            return True
    return False


def _split(url: str) -> SplitResult:
    """urlsplit that also reads scheme-less addresses ('www.x.com/a', 'x.com')."""
    has_scheme = re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE)
    try:
        return urlsplit(url if has_scheme else "//" + url)
    except ValueError:
        return urlsplit("")


def _host(parts: SplitResult) -> str:
    try:
        host = parts.hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _numeric_ipv4(host) is not None
    return True


def _numeric_ipv4(host: str) -> str | None:
    """The dotted address of a host browsers read as IPv4 in another notation: one decimal number
    ("2130706433"), hexadecimal or octal parts ("0x7f.0.0.1", "0177.0.0.1"), or fewer parts ("127.1")."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(re.fullmatch(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9]\d*", p) for p in parts):
        return None
    values = [int(p[2:] or "0", 16) if p[:2].lower() == "0x" else int(p, 8) if p.startswith("0") else int(p) for p in parts]
    if any(v > 255 for v in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None
    number = values[-1]
    for i, value in enumerate(values[:-1]):
        number += value << (8 * (3 - i))
    return str(ipaddress.IPv4Address(number))


def _data(name: str, extra: Iterable[str]) -> tuple[str, ...]:
    return tuple(e.lower() for e in load_word_list(_HERE / name, extra))


def _is_tracking(param: str, names: tuple[str, ...]) -> bool:
    key = param.lower()
    return any(key.startswith(n[:-1]) if n.endswith("*") else key == n for n in names)


def _without_tracking(url: str, parts: SplitResult, names: tuple[str, ...]) -> tuple[list[str], str]:
    """The tracking parameter names found, and the address without them (as written otherwise)."""
    pairs = [p for p in re.split(r"[&;]", parts.query) if p]
    found = [p.split("=", 1)[0] for p in pairs if _is_tracking(p.split("=", 1)[0], names)]
    if not found:
        return [], url
    kept = "&".join(p for p in pairs if not _is_tracking(p.split("=", 1)[0], names))
    cleaned = urlunsplit(parts._replace(query=kept))
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        cleaned = cleaned.removeprefix("//")
    return found, cleaned


def _own_domains(options: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
    """The body's own domains: [links] allowed-domains, [body] domains and site, and domains among its contacts."""
    return _host_set(dict.fromkeys((*options["allowed-domains"], *facts.domains, *facts.contact_domains)))


@dataclass(frozen=True)
class _Prepared:
    shorteners: tuple[str, ...]
    wrappers: tuple[str, ...]
    tracking: tuple[str, ...]
    allowed: tuple[str, ...] | None  # domains never off-site; None: the off-site rule is off

    @cached_property
    def bare_shortener(self) -> re.Pattern[str]:
        """A shortened link without https:// (compiled only for a post that may hold one)."""
        domains = "|".join(re.escape(d) for d in sorted(self.shorteners, key=len, reverse=True))
        return re.compile(r"(?<![\w.@/-])(?:www\.)?(" + domains + r")/[A-Za-z0-9_-]+", re.IGNORECASE)


def prepare(options: Mapping[str, Any], facts: Facts) -> _Prepared:
    """Once per config and facts (the Check's prepare hook): the lists and the allowed domains."""
    own = _own_domains(options, facts)
    mode = options["external-domains"]
    check_external = mode == "always" or (mode == "auto" and bool(own))
    return _Prepared(
        _data("shorteners.txt", options["extra-shorteners"]),
        _data("wrappers.txt", options["platform-wrappers"]),
        _data("tracking.txt", options["extra-tracking-parameters"]),
        own + _host_set(options["government-suffixes"]) if check_external else None,
    )


def run(doc: Document, ctx: Context) -> Iterator[Finding]:
    prepared: _Prepared = ctx.prepared
    shorteners, wrappers, tracking = prepared.shorteners, prepared.wrappers, prepared.tracking

    for token in _url_tokens(doc):
        yield from _check_url(token, ctx, shorteners, wrappers, tracking, prepared.allowed)

    # A shortened link written without https:// on a domain the tokenizer does not know ("rb.gy/x").
    lowered = doc.prose.lower()
    bare_matches = prepared.bare_shortener.finditer(doc.prose) if any(d + "/" in lowered for d in shorteners) else ()
    for m in bare_matches:
        if not doc.overlaps_token(m.start(), m.end()):
            yield _shortener_finding(ctx, m.start(), m.end() - m.start(), m.group(1).lower())

    # An IP address written as plain text is not a URL token; catch it too.
    for m in _BARE_IPV4.finditer(doc.prose) if _IPV4_HINT.search(doc.prose) else ():
        address = m.group().split("/", 1)[0].split(":", 1)[0]
        # "1.2.3.4" is more likely a section number than a server.
        if _is_ip(address) and max(map(int, address.split("."))) >= 10 and not doc.overlaps_token(m.start(), m.end()):
            yield _ip_finding(ctx, m.start(), m.end() - m.start(), address)


def _url_tokens(doc: Document) -> list[Token]:
    """The document's URL tokens, plus any scheme://... address the tokenizer read as something
    else: "https://city.com@evil.example/pay" is an e-mail token to it, but a link to evil.example."""
    tokens = [t for t in doc.tokens if t.kind == "url"]
    if not any(t.kind == "email" for t in doc.tokens):
        return tokens
    starts = {t.start for t in tokens}
    for m in _SCHEME_URL.finditer(doc.prose):
        start, end = m.span()
        while end > start and doc.prose[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        if start not in starts and any(t.kind == "email" for t in doc.tokens if t.start < end and t.end > start):
            tokens.append(Token("url", start, end, doc.prose[start:end]))
    return tokens


def _shortener_finding(ctx: Context, offset: int, length: int, domain: str) -> Finding:
    return ctx.finding(
        "shortener",
        ctx.message("shortener", domain=domain),
        offset,
        length,
    )


def _ip_finding(ctx: Context, offset: int, length: int, address: str) -> Finding:
    return ctx.finding(
        "ip-address",
        ctx.message("ip-address", address=address),
        offset,
        length,
    )


def _check_url(
    token: Token,
    ctx: Context,
    shorteners: tuple[str, ...],
    wrappers: tuple[str, ...],
    tracking: tuple[str, ...],
    allowed: tuple[str, ...] | None,
) -> Iterator[Finding]:
    url = token.text
    scheme_match = re.match(r"^([a-z][a-z0-9+.-]*):", url, re.IGNORECASE)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme and scheme not in ("http", "https", "ftp"):
        return  # mailto:, tel: and the like
    if not scheme and not re.match(r"^(?:www\.|[a-z0-9-]+\.[a-z])", url, re.IGNORECASE):
        return  # a relative Markdown link ('/events', '#agenda')
    parts = _split(url)
    host = _host(parts).lower()
    if not host:
        return
    start, length = token.start, token.end - token.start
    bare = host.removeprefix("www.")
    if "." not in bare and not _is_ip(host):
        return  # not a site name ("www.MartinCountyHealth", cut short)
    if _matches(bare, wrappers):
        return  # added by the platform, not chosen by the author

    if _is_ip(host):
        dotted = _numeric_ipv4(host)
        yield _ip_finding(ctx, start, length, host if dotted is None or dotted == host else f"{host} ({dotted})")
        return

    if _matches(bare, shorteners):
        yield _shortener_finding(ctx, start, length, bare)
    elif allowed is not None and not _matches(bare, allowed):
        yield ctx.finding(
            "external-domain",
            ctx.message("external-domain", domain=bare),
            start,
            length,
        )

    if scheme == "http":
        secure = "https" + url[len(scheme) :]
        yield ctx.finding(
            "insecure",
            ctx.message("insecure"),
            start,
            length,
            suggestions=[secure],
        )

    found, cleaned = _without_tracking(url, parts, tracking)
    if found:
        names = ", ".join(dict.fromkeys(found))
        yield ctx.finding(
            "tracking",
            ctx.message("tracking", s="s" if len(set(found)) > 1 else "", names=names),
            start,
            length,
            suggestions=[cleaned],
        )


CHECK = Check(
    name="links",
    description="Shortened, insecure (http://), raw-IP, off-site and tracking links.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause=(
        "All approved sites will be clearly marked as the City of Anoka site and will be linked with the official "
        "City website www.anokaminnesota.com. [...] Hyperlinks to material that is not directly related to the discussion"
    ),
    run=run,
    prepare=prepare,
    options={
        "allowed-domains": Option(
            [],
            "the city's own and trusted domains; an entry matches its subdomains, one starting with '.' is a suffix "
            "(e.g. '.mn.us'); domains in [personal-data] allow count too",
            list,
            item_type=str,
        ),
        "government-suffixes": Option([".gov", ".mil"], "domain endings always allowed", list, item_type=str),
        "external-domains": Option(
            "auto",
            "flag links outside the allowed domains: 'auto' (only once the city's own domains are configured), "
            "'always' or 'never'",
            str,
            choices=("auto", "always", "never"),
        ),
        "extra-shorteners": Option([], "more link-shortener domains, beside the bundled shorteners.txt", list, item_type=str),
        "platform-wrappers": Option(
            [], "more domains a platform wraps every link in (never flagged), beside wrappers.txt (t.co)", list, item_type=str
        ),
        "extra-tracking-parameters": Option(
            [], "more tracking query parameters ('name', or 'prefix*'), beside tracking.txt", list, item_type=str
        ),
    },
    # Dropping tracking parameters leaves the same page. http -> https is not safe: the site may not serve it.
    safe_fixes=("links/tracking",),
    rules={
        "links/shortener": "a link shortener (bit.ly, tinyurl.com, ...) that hides where the link goes",
        "links/insecure": "a plain http:// link; use https://",
        "links/ip-address": "a link to a raw IP address instead of a site name (any notation: "
        "'https://2130706433/', '0x7f.0.0.1')",
        "links/external-domain": "a link outside allowed-domains, the city's own domains and .gov/.mil "
        "(only once the city's domains are configured, unless external-domains = 'always')",
        "links/tracking": "tracking parameters (utm_*, fbclid, gclid, ...) in a link",
    },
    doc="""
    Readers should see where a link goes before they tap it, and the city
    should link to its own site (www.anokaminnesota.com), to government sites
    or to partners it trusts. Nothing is fetched: each address is judged as
    written.

    Links that the platform itself wraps (t.co on X) are left alone. The
    off-site rule needs the city's own domains: list them in
    [links] allowed-domains (an entry matches its subdomains; '.mn.us' is a
    suffix). Domains in [personal-data] allow count as the city's own, and
    .gov and .mil are always allowed. Until one own domain is configured the
    rule stays off (external-domains = "auto").
    """,
    # Section V binds the city's accounts, not employees' own; in comments it reads the public's links.
    profiles=("official", COMMENTS),
    cases_file=cases_beside(__file__),
    rules_file=cases_beside(__file__, "rules.toml"),  # why and what instead, once it exists
)
