"""No module is imported under two names.

The built-in checks live in checks/ and are installed as ``post_lint.checks``. Were
the repository root on sys.path (``python -m pytest`` puts it there; conftest.py
takes it off), ``checks.opinion`` could load beside ``post_lint.checks.opinion``:
the same code twice, with two sets of caches and two ``CHECK`` objects.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from post_lint.api import Check
from post_lint.config import Config
from post_lint.registry import check_names, load_checks
from post_lint.runner import Linter

ROOT = Path(__file__).resolve().parent.parent
POST = (
    "I think Mayor John Smith is great 😀😀😀😀! Call 763-555-0142 or see http://bit.ly/x. "
    "Vote for Jane Doe! The library is terrible. The door code is 4512. Ths is a typo. Se\u200bcret."
)


def _under_the_wrong_name() -> list[str]:
    return sorted(name for name in sys.modules if name == "checks" or name.startswith("checks."))


def test_linting_with_every_check_imports_checks_only_as_post_lint_checks() -> None:
    checks, broken = load_checks()
    assert not broken, broken
    linter = Linter()
    linter.explicit_config = Config(data={"grammar": {"engine": "builtin"}})  # no LanguageTool round trip
    result = linter.lint_text(POST, path="post.txt")
    assert result.findings
    assert {c.name for c in checks} == set(check_names())

    assert _under_the_wrong_name() == []
    for check in checks:
        module = sys.modules[check.run.__module__]
        if Path(module.__file__ or "").resolve().is_relative_to(ROOT / "checks"):
            assert check.run.__module__.startswith("post_lint.checks."), check.name


def test_the_checks_folder_cannot_be_imported_as_a_top_level_package() -> None:
    spec = importlib.util.find_spec("checks")
    assert spec is None or not Path(spec.origin or "").resolve().is_relative_to(ROOT), spec


def test_post_lint_is_the_installed_package_with_its_checks_beside_it() -> None:
    import post_lint.checks  # binds post_lint too

    assert Path(post_lint.__file__).resolve().parent == ROOT / "post_lint"
    assert Path(post_lint.checks.__file__).resolve().parent == ROOT / "checks"
    assert isinstance(load_checks(["emoji"])[0][0], Check)
