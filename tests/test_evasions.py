"""Issue 20, items 17-21: evasions that walked past the checks, and false alarms they raised.

One case per evasion the red team named: each must be caught by the rules (not only by a
learned model's warning), with the finding on what the author wrote. Each false alarm they
named must stay clean.
"""

from __future__ import annotations

import pytest

from post_lint.testing import lint_one

# (check, expected rule, text, the text the finding must cover)
CAUGHT = [
    # 17 personal-data: addresses
    (
        "personal-data",
        "personal-data/email",
        "Questions? Email Jane at jane.olson82＠gmail.com today.",
        "jane.olson82＠gmail.com",
    ),
    (
        "personal-data",
        "personal-data/email",
        "Questions? Email Jane at jane.olson82@gmail．com today.",
        "jane.olson82@gmail．com",
    ),
    (
        "personal-data",
        "personal-data/email",
        "Questions? Email Jane at jane.olson82 @ gmail . com today.",
        "jane.olson82 @ gmail . com",
    ),
    (
        "personal-data",
        "personal-data/email",
        "Questions? Email Jane at jane.olson82 at gmail.com today.",
        "jane.olson82 at gmail.com",
    ),
    # 17 personal-data: phone numbers
    ("personal-data", "personal-data/phone", "Call Jane at 763-555-O142 to pick up the dog.", "763-555-O142"),
    ("personal-data", "personal-data/phone", "Call Jane at 763-555-0l42 to pick up the dog.", "763-555-0l42"),
    ("personal-data", "personal-data/phone", "Call Jane at 763_555_0142 to pick up the dog.", "763_555_0142"),
    ("personal-data", "personal-data/phone", "Call Jane at ⁷⁶³-⁵⁵⁵-⁰¹⁴² to pick up the dog.", "⁷⁶³-⁵⁵⁵-⁰¹⁴²"),
    ("personal-data", "personal-data/phone", "Call Jane at 7️⃣6️⃣3️⃣5️⃣5️⃣5️⃣0️⃣1️⃣4️⃣2️⃣ to pick up the dog.", "7️⃣6️⃣3️⃣"),
    ("personal-data", "personal-data/phone", "Call Jane at 001-763-555-0142 to pick up the dog.", "001-763-555-0142"),
    ("personal-data", "personal-data/phone", "Call Jane at 763-555-\n0142 to pick up the dog.", "763-555-\n0142"),
    (
        "personal-data",
        "personal-data/phone",
        "Call Jane: area code 763, then 555, then 0142.",
        "area code 763, then 555, then 0142",
    ),
    # 18 blanks inside a phrase: fixed in the text layer, for every check that reads the parse
    ("opinion", "opinion/evaluation", "The council should  have approved the plan.", "should  have approved"),
    ("opinion", "opinion/evaluation", "The council should\nhave approved the plan.", "should\nhave approved"),
    ("conduct", "conduct/insult", "Stupid  drivers again.", "Stupid"),
    ("conduct", "conduct/insult", "Stupid\ndrivers again, blocking the plows.", "Stupid"),
    # 19 conduct
    ("conduct", "conduct/threat", "We will find you and hurt you.", "hurt you"),
    ("conduct", "conduct/insult", "Those stuuuupid drivers again.", "stuuuupid"),
    ("conduct", "conduct/profanity", "What a load of shiiiiit.", "shiiiiit"),
    (
        "conduct",
        "conduct/profanity",
        "What a load of \U0001f162\U0001f157\U0001f158\U0001f163.",
        "\U0001f162",
    ),  # negative circled
    (
        "conduct",
        "conduct/profanity",
        "What a load of \U0001f182\U0001f177\U0001f178\U0001f183.",
        "\U0001f182",
    ),  # negative squared
    ("conduct", "conduct/profanity", "What a load of ⓢⓗⓘⓣ.", "ⓢⓗⓘⓣ"),  # circled: NFKC read these already
    ("conduct", "conduct/profanity", "What a load of 🇸🇭🇮🇹.", "🇸🇭🇮🇹"),
    ("conduct", "conduct/profanity", "What a load of sh\u0308it.", "sh\u0308it"),
    ("conduct", "conduct/profanity", "WTF is going on with the roads.", "WTF"),
    ("conduct", "conduct/insult", "The people who dumped this trash are scum.", "scum"),
    # 19 hidden-text
    ("hidden-text", "hidden-text/zero-width", "Vote\u3164today.", "\u3164"),
    ("hidden-text", "hidden-text/zero-width", "Vote\uffa0today.", "\uffa0"),
    ("hidden-text", "hidden-text/zero-width", "Vote\u2800today.", "\u2800"),
    ("hidden-text", "hidden-text/zero-width", "Vote today\U000e0100\U000e0101\U000e0102.", "\U000e0100\U000e0101\U000e0102"),
    ("hidden-text", "hidden-text/mixed-script", "\u13d9ote today.", "\u13d9ote"),  # Cherokee DO for V
    ("hidden-text", "hidden-text/mixed-script", "\ua4eenoka news.", "\ua4eenoka"),  # Lisu A
    ("hidden-text", "hidden-text/mixed-script", "Vote t\u0585day.", "t\u0585day"),  # Armenian oh
    ("hidden-text", "hidden-text/zero-width", "Vote \ufff9today\ufffa hidden\ufffb.", "\ufff9"),
    # 20 partisan
    ("partisan", "partisan/vote", "Vote for the Republican candidate on November 5.", "Vote for the Republican candidate"),
    ("partisan", "partisan/vote", "Please vote for the Democratic candidate.", "vote for the Democratic candidate"),
    ("partisan", "partisan/vote", "Make sure the Republican wins", "Make sure the Republican wins"),
    ("partisan", "partisan/vote", "Vote 4 Jane Smith", "Vote 4 Jane Smith"),
    ("partisan", "partisan/vote", "Polls open at 7. #VoteJaneSmith", "#VoteJaneSmith"),
    # 21 names
    ("names", "names/person", "Congratulations to jane smith on her retirement after 30 years.", "jane smith"),
    ("names", "names/person", "Congratulations to JANE SMITH on her retirement after 30 years.", "JANE SMITH"),
    ("names", "names/person", "Congratulations to Ｊａｎｅ Ｓｍｉｔｈ on her retirement after 30 years.", "Ｊａｎｅ Ｓｍｉｔｈ"),
    ("names", "names/person", "Congratulations to 𝐉𝐚𝐧𝐞 𝐒𝐦𝐢𝐭𝐡 on her retirement after 30 years.", "𝐉𝐚𝐧𝐞 𝐒𝐦𝐢𝐭𝐡"),
    ("names", "names/person", "Happy retirement! #MariaGonzalez", "#MariaGonzalez"),
    # 21 links
    ("links", "links/ip-address", "Details at https://2130706433/ today.", "https://2130706433/"),
]

# A city that lists its own domain, so links outside it are flagged.
_OWN_SITE = {"links": {"allowed-domains": ["anokaminnesota.com"]}}


@pytest.mark.parametrize(("check", "rule", "text", "covered"), CAUGHT, ids=[repr(c[2])[:48] for c in CAUGHT])
def test_an_evasion_is_caught_by_the_rules(check: str, rule: str, text: str, covered: str) -> None:
    findings = [f for f in lint_one(check, text) if f.rule == rule]
    assert findings, f"{check} missed {text!r}"
    assert any(covered in text[f.offset : f.end] or text[f.offset : f.end] in covered for f in findings), [
        text[f.offset : f.end] for f in findings
    ]


def test_a_scheme_less_address_on_any_top_level_domain_is_a_link() -> None:
    # Once only 25 top-level domains made an address without https:// a link.
    text = "Details at cheap-deals.shop today."
    [finding] = lint_one("links", text, _OWN_SITE)
    assert finding.rule == "links/external-domain"
    assert text[finding.offset : finding.end] == "cheap-deals.shop"


CLEAN = [
    # 21 false alarms
    ("names", "Officer Jane Smith and her K9 partner Bruno were honored at the council meeting."),
    ("names", "K9 Officer Bruno retired today after eight years on the force."),
    ("personal-data", "Police dog Rex, age 7, retired today."),
    ("personal-data", "K9 Officer Bruno, 5, retired this week."),
    ("names", "The rec center opens at 9 on Saturday; swim lessons start at 10."),
    ("personal-data", "Anoka was born 03/14/1924 as a village."),
    # the mechanisms above, on the ordinary sentences nearest to them
    ("conduct", "We will make sure no one can hurt you."),
    ("conduct", "Soap scum builds up fast: wipe the tiles after each shower."),
    ("conduct", "Coooool pool party on Saturday!"),
    ("partisan", "Residents can vote for the Republican candidate in the primary."),
    ("partisan", "#VoteEarly #VoteLocal"),
    ("partisan", "Help our team win the tug of war!"),
    ("personal-data", "Find us at anoka.com or email us at gmail.com."),
    ("links", "Download the minutes.zip file from the agenda page."),
    ("names", "GRANT WRITER NEEDED for the rose garden project."),
    ("hidden-text", "漢\U000e0100字"),  # an ideographic variation sequence
    # what the first real-post run of these mechanisms flagged (bench/real_post_rates.py)
    ("conduct", "Recreationists are advised to not swim or boat in areas of scum or visible algae scum."),
    ("conduct", "If water looks scummy or is discolored, stay out."),
    ("personal-data", "Stock your emergency kit. Learn more @ReadyNC.org #ReadyNC"),
    ("names", "El #VIH no tiene que ser una barrera para vivir una vida plena."),
    ("names", "Clinics in #Annapolis #GlenBurnie #AnneArundel #BelleGlade. #EMAChristmas"),
    ("names", "Read more: #ɢᴇᴛᴠᴀᴄᴄɪɴᴀᴛᴇᴅ #COVID19"),  # a hashtag with no capitals to split at (it crashed)
]


@pytest.mark.parametrize(("check", "text"), CLEAN, ids=[repr(c[1])[:48] for c in CLEAN])
def test_a_look_alike_of_an_evasion_is_not_flagged(check: str, text: str) -> None:
    loud = [f for f in lint_one(check, text) if f.severity in ("error", "warning") and not f.rule.endswith("/learned")]
    assert not loud, [(f.rule, text[f.offset : f.end]) for f in loud]


def test_a_disguised_phone_number_is_mapped_back_to_what_was_written() -> None:
    text = "Jane's cell: ＿７６３－５５５－Ｏ１４２ call after 5."
    [finding] = [f for f in lint_one("personal-data", text) if f.rule == "personal-data/phone"]
    assert text[finding.offset : finding.end] == "７６３－５５５－Ｏ１４２"
