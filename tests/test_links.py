"""The links check: shorteners, http://, raw IPs, off-site domains and tracking parameters."""

from __future__ import annotations

from typing import Any

from post_lint.config import Config
from post_lint.model import Finding
from post_lint.runner import Linter
from post_lint.testing import lint_one

CITY = {"links": {"allowed-domains": ["anokaminnesota.com", ".mn.us"]}}


def lint(text: str, config: dict[str, Any] | None = None, path: str = "post.txt") -> list[Finding]:
    return lint_one("links", text, config if config is not None else CITY, path=path)


def rules(text: str, config: dict[str, Any] | None = None, path: str = "post.txt") -> list[str]:
    return sorted(f.rule for f in lint(text, config, path))


def test_shortener_is_flagged_but_the_platforms_own_wrapper_is_not() -> None:
    assert rules("Register: https://bit.ly/3abc") == ["links/shortener"]
    assert rules("Register: ow.ly/Rk9s50") == ["links/shortener"]
    assert rules("Register: https://t.co/Xy7LmQ2pWd") == []
    assert rules("Register: rb.gy/x7k2pq or shorturl.at/abCD1.") == ["links/shortener", "links/shortener"]


def test_http_link_gets_the_https_form_as_suggestion() -> None:
    [finding] = lint("Agenda: http://www.anokaminnesota.com/agendas.")
    assert finding.rule == "links/insecure"
    assert finding.suggestions == ("https://www.anokaminnesota.com/agendas",)
    assert "https" in finding.message


def test_tracking_parameters_are_removed_from_the_suggestion_and_the_rest_kept() -> None:
    [finding] = lint("Pool: https://www.anokaminnesota.com/pool?utm_source=fb&id=4&fbclid=IwAR0#hours")
    assert finding.rule == "links/tracking"
    assert finding.suggestions == ("https://www.anokaminnesota.com/pool?id=4#hours",)
    assert "utm_source" in finding.message and "fbclid" in finding.message


def test_tracking_suggestion_keeps_an_address_without_scheme_bare() -> None:
    [finding] = lint("Pool: anokaminnesota.com/pool?gclid=abc")
    assert finding.suggestions == ("anokaminnesota.com/pool",)


def test_plain_query_parameters_are_not_tracking() -> None:
    assert rules("Video: https://www.anokaminnesota.com/meetings?id=2025-04-14&item=7") == []


def test_off_site_rule_stays_off_until_the_city_names_its_domains() -> None:
    assert rules("See https://www.example-news.com/story", config={}) == []
    assert rules("See https://www.example-news.com/story") == ["links/external-domain"]


def test_personal_data_allow_counts_as_the_citys_own_domain() -> None:
    config = {"personal-data": {"allow": ["763-576-2700", "info@anokaminnesota.com"]}}
    assert rules("See https://www.anokaminnesota.com/parks", config) == []
    assert rules("See https://www.example-news.com/story", config) == ["links/external-domain"]


def test_domain_entries_match_subdomains_and_dot_entries_match_suffixes() -> None:
    assert rules("Permits: https://permits.anokaminnesota.com/apply") == []
    assert rules("Roads: https://www.dot.state.mn.us/roadwork") == []
    assert rules("Storms: https://www.weather.gov/mpx and https://www.army.mil") == []


def test_look_alike_domains_are_off_site() -> None:
    assert rules("Pay at https://anokaminnesota.com.pay-online.net/bill") == ["links/external-domain"]
    assert rules("Pay at www.anoka-minnesota.com/bill") == ["links/external-domain"]
    assert rules("Pay at https://notanokaminnesota.com/bill") == ["links/external-domain"]
    [finding] = lint("Pay at https://anokaminnesota.com@billing-center.example.com/pay.")
    assert "billing-center.example.com" in finding.message and finding.rule == "links/external-domain"


def test_external_domains_always_and_never() -> None:
    assert rules("See https://www.example.org", {"links": {"external-domains": "always"}}) == ["links/external-domain"]
    never = {"links": {"allowed-domains": ["anokaminnesota.com"], "external-domains": "never"}}
    assert rules("See https://www.example.org", never) == []


def test_ip_addresses_in_links_and_in_plain_text() -> None:
    assert rules("Camera: http://64.128.17.203/rivercam") == ["links/ip-address"]
    assert rules("Reach it at 172.16.40.12 from any city computer.") == ["links/ip-address"]
    assert rules("As City Code section 1.2.3.4 requires.") == []


def test_markdown_link_target_is_checked_and_underlined() -> None:
    text = "Take [the survey](https://tinyurl.com/abc) today."
    [finding] = lint(text, path="post.md")
    assert finding.rule == "links/shortener"
    assert text[finding.offset : finding.end] == "https://tinyurl.com/abc"


def test_relative_mailto_and_email_are_not_links_to_judge() -> None:
    text = "See [the agenda](/agendas), [write us](mailto:clerk@example.com) or clerk@example.com."
    assert rules(text, path="post.md") == []


def test_truncated_address_without_a_domain_ending_is_ignored() -> None:
    assert rules("Visit: www.AnokaParksAndRec") == []


def test_every_rule_fired_is_declared() -> None:
    from post_lint.checks.links import CHECK

    text = "http://bit.ly/x http://10.1.2.3/ https://www.example.org/?utm_source=a"
    fired = {f.rule for f in lint(text)}
    assert fired == set(CHECK.rules)


def test_an_employees_personal_account_is_not_checked() -> None:
    linter = Linter(select=["links"], profile="personal", config=Config(data=CITY))
    assert linter.lint_text("My vacation photos: https://bit.ly/3abc", path="post.txt").findings == []
