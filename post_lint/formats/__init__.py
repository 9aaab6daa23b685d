"""The built-in output formats, registered in ``post_lint.formats`` like any other (see :mod:`post_lint.reporters`).

- ``text`` (:mod:`.text`): for people: each finding, its line with the span underlined, a summary.
- ``json``, ``line``, ``github`` (:mod:`.machine`): for programs, editors and CI annotations.
- ``sarif`` (:mod:`.sarif`): SARIF 2.1.0 for code-scanning tools.
"""
