"""The package list, found rather than listed; everything else is in setup.cfg.

The built-in checks live in ``checks/`` and install as ``post_lint.checks`` (setup.cfg's
``package_dir``). setup.cfg's ``find:`` names a discovered package after its folder, so it
would install ``checks.emoji``, never ``post_lint.checks.emoji``; and a folder left out of
the list ships without its code in a wheel, while an editable install still works. Found
here, a new check's folder needs no line: its entry point is the one line that registers it.
"""

from setuptools import find_packages, setup

CHECK_PACKAGES = [f"post_lint.checks.{name}" for name in find_packages("checks")]

setup(packages=[*find_packages(include=["post_lint", "post_lint.*"]), "post_lint.checks", *CHECK_PACKAGES])
