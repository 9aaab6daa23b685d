"""post-lint: a pre-publication linter for government social media posts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .model import Result
    from .runner import Linter

__all__ = ["Linter", "Result", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import post_lint` stays cheap for the CLI's startup.
    if name == "Linter":
        from .runner import Linter

        return Linter
    if name == "Result":
        from .model import Result

        return Result
    raise AttributeError(name)
