"""The comment checks' learned layer: what the word lists miss goes to review, criticism stays, training is reproducible."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from post_lint.comments import Export, triage
from post_lint.comments.export import Comment
from post_lint.facts import facts_from
from post_lint.runner import Linter
from post_lint.text.comment_model import comment_features

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "comments" / "config.toml"
POST = "The City Council approved the 2025 budget and a 4.9% levy increase at Monday's meeting."
FACTS = facts_from({"body": {"name": "City of Anoka", "officials": ["Mayor Erik Skogquist"]}})


# The comment checks ship their learned layer switched off (README: it still sends too much fair
# criticism to review); a city that wants it turns it on per check, as here.
LEARNED_ON = "".join(
    f"\n[{name}]\nlearned = true\n" for name in ("attacks", "hate", "spam", "accusations", "private-facts", "off-topic")
)


def _judge(*texts: str, learned: bool = True) -> list:
    import tempfile

    comments = [Comment(i, i, str(i), "", text, POST, {}) for i, text in enumerate(texts, start=1)]
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "config.toml"
        config.write_text(CONFIG.read_text(encoding="utf-8") + (LEARNED_ON if learned else ""), encoding="utf-8")
        linter = Linter(profile="comments", config_file=str(config))
        return triage(linter, [Export("test.csv", comments, [])]).judged


def test_features_see_an_official_as_a_placeholder_and_a_negative_word_near_the_reader() -> None:
    found = comment_features("Skogquist, you are a disgusting fraud.", FACTS, POST)
    assert "cm:target:official" in found and "cm:target:you" in found
    assert "cm:neg2~you" in found or "cm:neg1~you" in found
    assert "cm:is-a~you" in found
    assert "cm:post-shared:0" in found
    assert "cm:masked" in comment_features("What a load of sh!t", FACTS) and "cm:no-post" in comment_features("Hi", FACTS)


@pytest.mark.slow
def test_an_insult_with_no_listed_word_gets_a_learned_finding_and_goes_to_review() -> None:
    (judged,) = _judge("Mayor Skogquist is a gutless little worm with the brains of a doorknob.")
    rules = [r.rule for r in judged.reasons]
    assert "attacks/learned" in rules, rules
    assert judged.verdict == "review"  # the model alone never hides
    (default,) = _judge("Mayor Skogquist is a gutless little worm with the brains of a doorknob.", learned=False)
    assert "attacks/learned" not in [r.rule for r in default.reasons]  # off unless the city turns it on


@pytest.mark.slow
def test_harsh_criticism_of_a_vote_stays_keep() -> None:
    judged = _judge(
        "Councilmember Weaver's vote for this levy was a disgrace and I'll remember it in November.",
        "Terrible decision by a council that never listens. Vote every one of them out.",
        "Mayor Skogquist promised no new taxes. This budget breaks that promise, plain and simple.",
    )
    assert [(j.verdict, [r.rule for r in j.reasons]) for j in judged] == [("keep", [])] * 3


@pytest.mark.slow
def test_training_twice_on_a_small_slice_writes_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        command = [sys.executable, str(ROOT / "scripts" / "train_comments.py"), "--limit", "12", "--no-dev-sets"]
        command += ["--c-values", "1.0", "--folds", "3", "--out", str(out)]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("learned.json"))})
    assert len(outputs[0]) == 6
    assert outputs[0] == outputs[1]
