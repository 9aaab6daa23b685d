"""The code's shape: small functions, and the layers importing only downwards."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 80
ENGINE = ("post_lint.runner", "post_lint.run", "post_lint.plan", "post_lint.inputs", "post_lint.cache")


def test_reporters_never_import_the_engine() -> None:
    code = (
        "import sys\n"
        "import post_lint.reporters, post_lint.formats.text, post_lint.formats.machine, post_lint.formats.sarif\n"
        f"print(sorted(m for m in sys.modules if m in {ENGINE!r}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def _long_functions(folder: Path, root: Path = ROOT) -> list[str]:
    """Functions (methods and nested ones too) whose ``def`` line to last line span more than the limit."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_longer_than_80_lines() -> None:
    # A long function is several jobs in one: split it (a table, a helper per case, a module per job).
    assert _long_functions(ROOT / "post_lint") + _long_functions(ROOT / "checks") == []


def test_the_length_test_sees_methods_and_nested_functions(tmp_path: Path) -> None:
    body = "\n".join(f"            x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    source = f"class A:\n    def f(self):\n        def g():\n{body}\n        return g\n"
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    assert [line.split(" (")[0] for line in _long_functions(tmp_path, tmp_path)] == ["m.py:2 f", "m.py:3 g"]
