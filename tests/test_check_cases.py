"""Every check's own passing and failing examples (its cases.toml) hold.

The examples double as the documentation `post-lint explain CHECK` prints, so
a wrong example is a wrong doc as well as a failing test. A third-party check
runs its own with the same helper, ``post_lint.testing.assert_cases``.
"""

from __future__ import annotations

import pytest

from post_lint.registry import check_names
from post_lint.testing import assert_cases


@pytest.mark.parametrize("name", check_names())
def test_every_example_in_the_cases_file_fires_exactly_its_rules(name: str) -> None:
    # Also fails when the check does not load, or has no passing or no failing example.
    assert_cases(name)
