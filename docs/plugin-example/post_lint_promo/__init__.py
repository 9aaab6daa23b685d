"""promo: commercial promotions have no place on a city account."""

import re

from post_lint.api import Check, Option

PATTERN = re.compile(r"\b(?:use (?:promo )?code \w+|buy now|\d+% off)\b", re.IGNORECASE)


def run(doc, ctx):
    for match in PATTERN.finditer(doc.words_text):
        if match.group().lower() not in ctx["allow"]:
            yield ctx.finding(
                "promotion",
                f"'{match.group()}' reads as a commercial promotion; remove it or link to the business instead",
                match.start(),
                match.end() - match.start(),
            )


CHECK = Check(
    name="promo",
    description="Commercial promotions and spam.",
    severity="warning",
    policy_section="V. Rules of Use",
    policy_clause="Commercial promotions or spam",
    run=run,
    options={"allow": Option([], "phrases never flagged (lower case)", list, item_type=str)},
    rules={"promo/promotion": "a discount code, 'buy now' or 'N% off'"},
)
