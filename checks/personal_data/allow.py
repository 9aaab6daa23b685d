"""The organisation's own public contacts (``[personal-data] allow``), matched in any format.

One list of strings holds phone numbers, e-mail addresses, whole domains and
street addresses; each entry is sorted into its kind here:

- a phone number matches in any format: "763-576-2700" allows "(763) 576-2700";
- an e-mail address matches itself, case-insensitively;
- a domain ("anokaminnesota.com") allows every address at it and its subdomains;
- a street address matches with abbreviations and ordinals undone:
  "2015 First Avenue North" allows "2015 1st Ave. N".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

_WORD_FORMS = {
    "st": "street", "ave": "avenue", "av": "avenue", "dr": "drive", "ln": "lane", "rd": "road",
    "ct": "court", "cir": "circle", "blvd": "boulevard", "pl": "place", "trl": "trail",
    "pkwy": "parkway", "ter": "terrace", "hwy": "highway", "sq": "square",
    "n": "north", "s": "south", "e": "east", "w": "west", "ne": "northeast", "nw": "northwest",
    "se": "southeast", "sw": "southwest",
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}  # fmt: skip

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$", re.IGNORECASE)


def address_key(text: str) -> str:
    """A street address in one canonical spelling, for comparison."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return " ".join(_WORD_FORMS.get(w, w) for w in words)


def phone_key(number: object) -> str:
    """A parsed phonenumbers number as country code + national number."""
    return f"{number.country_code}:{number.national_number}"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class AllowList:
    phones: frozenset[str] = field(default_factory=frozenset)
    emails: frozenset[str] = field(default_factory=frozenset)
    domains: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()

    def allows_phone(self, number: object) -> bool:
        return phone_key(number) in self.phones

    def allows_email(self, address: str) -> bool:
        address = address.lower()
        if address in self.emails:
            return True
        domain = address.rpartition("@")[2]
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def allows_address(self, text: str) -> bool:
        key = address_key(text)
        # "2015 First Avenue North" also allows "2015 First Avenue" and the reverse.
        return any(key == a or key.startswith(a + " ") or a.startswith(key + " ") for a in self.addresses)


@lru_cache(maxsize=32)
def build_allow_list(entries: tuple[str, ...], region: str) -> AllowList:
    import phonenumbers

    phones, emails, domains, addresses = set(), set(), [], []
    for raw in entries:
        entry = raw.strip()
        if not entry:
            continue
        if _EMAIL.match(entry):
            emails.add(entry.lower())
            continue
        domain = _DOMAIN.match(entry)
        if domain:
            domains.append(domain.group(1).lower())
            continue
        digits = sum(c.isdigit() for c in entry)
        letters = sum(c.isalpha() for c in entry)
        if digits >= 7 and letters <= 4:  # "763-576-2700", "(763) 576-2700 ext. 5"
            try:
                phones.add(phone_key(phonenumbers.parse(entry, region)))
                continue
            except phonenumbers.NumberParseException:
                pass
        addresses.append(address_key(entry))
    return AllowList(frozenset(phones), frozenset(emails), tuple(domains), tuple(addresses))


def allow_list(entries: Iterable[str], region: str) -> AllowList:
    return build_allow_list(tuple(entries), region)
