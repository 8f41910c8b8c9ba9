"""Issue 23: carryxl's functions are short, each a named step (at most 60 lines, signature
and docstring included), in every layer."""

from __future__ import annotations

import ast
from pathlib import Path

import carryxl

PACKAGE = Path(carryxl.__file__).parent
LIMIT = 60


def _long_functions(folder: str) -> dict[str, int]:
    found = {}
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                name = f"{path.relative_to(PACKAGE).as_posix()}:{node.name}"
                found[name] = lines
    return found


def test_every_function_is_at_most_60_lines() -> None:
    lengths = _long_functions(".")
    assert len(lengths) > 1000  # the scan really saw the package
    assert "core/portfolio.py:book_positions" in lengths
    assert "workbooks/sheets/portfolio.py:build" in lengths
    too_long = {name: n for name, n in lengths.items() if n > LIMIT}
    assert too_long == {}
