"""post-lint: a pre-publication linter for government social media posts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .runner import Linter, Result

__all__ = ["Linter", "Result", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import post_lint` stays cheap for the CLI's startup.
    if name in ("Linter", "Result"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
