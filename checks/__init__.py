"""post-lint's built-in checks, installed as ``post_lint.checks``.

Each check is one package here with its data files (word lists, example
cases) beside it, registered in ``setup.cfg`` under the ``post_lint.checks``
entry-point group exactly as a third-party check would be.
"""
