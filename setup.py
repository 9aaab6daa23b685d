"""The package list, found rather than listed; everything else is in setup.cfg.

The built-in checks live in ``checks/`` and install as ``post_lint.checks`` (setup.cfg's
``package_dir``). setup.cfg's ``find:`` names a discovered package after its folder, so it
would install ``checks.emoji``, never ``post_lint.checks.emoji``; and a folder left out of
the list ships without its code in a wheel, while an editable install still works. Found
here, a new check's folder needs no line: its entry point is the one line that registers it.
Namespace discovery takes in the folders of data too (``post_lint/text/data``), so
setuptools ships their files as package data without warning that they are unlisted.
"""

from setuptools import find_namespace_packages, setup

NOT_PACKAGES = ["__pycache__", "*.__pycache__", "*.egg-info"]
CHECK_PACKAGES = [f"post_lint.checks.{name}" for name in find_namespace_packages("checks", exclude=NOT_PACKAGES)]

setup(
    packages=[
        *find_namespace_packages(include=["post_lint", "post_lint.*"], exclude=NOT_PACKAGES),
        "post_lint.checks",
        *CHECK_PACKAGES,
    ]
)
