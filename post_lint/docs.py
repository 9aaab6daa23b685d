"""Check documentation, generated from what each check declares.

``post-lint explain CHECK`` prints one; ``python -m post_lint.docs > docs/checks.md``
writes the reference for every installed check.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping

from .api import Check, Example, RuleInfo
from .facts import Citation


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _visible(line: str) -> str:
    """Invisible and control characters in an example, shown as escapes."""
    from .normalize import INVISIBLE

    return "".join(f"\\u{ord(c):04x}" if c in INVISIBLE or (ord(c) < 32 and c != "\t") else c for c in line)


def explain(check: Check, configured: Mapping[str, str] | None = None, source: str = "", citation: Citation | None = None) -> str:
    """A check's documentation; ``configured`` lists the rules a config (``source``) declares for it.

    ``citation`` is what the body's ``[policy]`` makes the check cite (default: the shipped example).
    """
    out = [f"# {check.name} ({check.severity} by default)", "", check.description, ""]
    section, clause = (citation.section, citation.clause) if citation else (check.policy_section, check.policy_clause)
    title = f"{citation.title}, " if citation and citation.title else ""
    out += ["## Policy", "", f"{title}{section}:", ""]
    out += textwrap.wrap(f"\u201c{clause}\u201d", width=88, initial_indent="> ", subsequent_indent="> ")
    out.append("")
    if citation and citation.example:
        out += ["(Your [policy] table has no clause for this check: these are the shipped example's words.)", ""]
    if citation and citation.link:
        out += [f"The whole policy: {citation.link}", ""]
    if check.doc:
        out += ["## What it looks for", "", textwrap.dedent(check.doc).strip(), ""]
    if check.rule_info:
        out += ["## Rules", ""]
        for info in check.rule_info.values():
            out += _rule_lines(info)
        out.append("")
    if configured is not None:
        out += [f"## Rules declared in {source}" if source else "## Declared rules", ""]
        out += [f"- `{rule}`: {what}" for rule, what in configured.items()] or [
            "None yet." if source else "None: no config file was found from here."
        ]
        out.append("")
    profiles = ", ".join(check.profiles)
    out += [
        f"Applies to profiles: {profiles}."
        + (f" Needs spaCy ({', '.join(check.nlp)})." if check.nlp else " Runs without spaCy."),
        "",
    ]
    out += ["## Configuration", "", f"In `.post-lint.toml`, table `[{check.name}]`:", ""]
    out.append(f"- `severity` (default {_value(check.severity)}): error, warning or info")
    for key, option in check.options.items():
        out.append(f"- `{key}` (default {_value(option.default)}): {option.help}")
    out.append("")
    out += _examples(check.examples)
    return "\n".join(out).rstrip() + "\n"


def _rule_lines(info: RuleInfo) -> list[str]:
    """A rule in a list: its summary, then why and what instead when its rules.toml says."""
    lines = [f"- `{info.id}`: {info.summary}"]
    if info.why:
        lines.append(f"  Why: {info.why}")
    if info.fix:
        lines.append(f"  Instead: {info.fix}")
    return lines


def _examples(examples: tuple[Example, ...] | list[Example]) -> list[str]:
    if not examples:
        return []
    out = ["## Examples", ""]
    for example in examples:
        verdict = "passes" if example.passes else "flagged: " + ", ".join(example.rules)
        extra = f" (profile {example.profile})" if example.profile != "official" else ""
        if example.config:
            extra += f" (with {_value(dict(example.config))})"
        out.append(f"- {verdict}{extra}" + (f" ({example.note})" if example.note else ""))
        for line in example.text.strip().splitlines():
            out.append(f"      {_visible(line)}")
    out.append("")
    return out


def explain_rule(check: Check, info: RuleInfo, citation: Citation | None = None) -> str:
    """One rule's documentation, as ruff's: what it flags, why that is bad, what to write instead.

    Then the clause its check cites and the check's examples that fire it.
    """
    out = [f"# {info.id} ({check.severity} by default)", "", f"{info.summary[:1].upper()}{info.summary[1:]}.", ""]
    if info.why:
        out += ["## Why is this bad?", "", *textwrap.wrap(info.why, width=88), ""]
    if info.fix:
        out += ["## Use instead", "", *textwrap.wrap(info.fix, width=88), ""]
    section, clause = (citation.section, citation.clause) if citation else (check.policy_section, check.policy_clause)
    title = f"{citation.title}, " if citation and citation.title else ""
    out += ["## Policy", "", f"{title}{section}:", ""]
    out += textwrap.wrap(f"\u201c{clause}\u201d", width=88, initial_indent="> ", subsequent_indent="> ")
    out.append("")
    out += _examples([e for e in check.examples if any(r == info.id or r.startswith(info.id + "/") for r in e.rules)])
    out += [f"Part of the {check.name} check: `post-lint explain {check.name}` shows all its rules and settings.", ""]
    return "\n".join(out).rstrip() + "\n"


def all_docs() -> str:
    from .registry import load_checks

    checks, _broken = load_checks()
    head = [
        "# Checks reference",
        "",
        "Generated by `python -m post_lint.docs` from each check's declaration; do not edit by hand.",
        "",
        "",
    ]
    return "\n".join(head) + "\n".join(_demote(explain(c)) for c in checks)


def _demote(text: str) -> str:
    # Headings only ("# x", "## x"); a line of prose may start with a hashtag.
    return "\n".join(("#" + line) if re.match(r"#+ ", line) else line for line in text.splitlines()) + "\n"


if __name__ == "__main__":
    print(all_docs(), end="")
