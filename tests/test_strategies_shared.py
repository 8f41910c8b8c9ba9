"""Every hypothesis strategy that two test files draw is written once, in
tests/strategies.py: a strategy copied into a second file fails here."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent
TRIVIAL = {"data", "booleans", "none", "just"}  # nothing to keep in step


def _strategies(source: str) -> set[str]:
    """The outermost ``st.…(…)`` expressions of a test file, as source text."""
    tree = ast.parse(source)
    found: set[str] = set()
    inner: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "st"
            and id(node) not in inner
        ):
            inner |= {id(n) for n in ast.walk(node) if n is not node}
            if node.func.attr not in TRIVIAL and (node.args or node.keywords):
                found.add(ast.unparse(node))
    return found


def test_the_scan_sees_the_outermost_strategies() -> None:
    source = "x = st.lists(st.floats(0.5, 200), min_size=2)\ny = st.data()\nz = st.booleans()"
    assert _strategies(source) == {"st.lists(st.floats(0.5, 200), min_size=2)"}


def test_no_strategy_is_written_in_two_test_files() -> None:
    where: dict[str, set[str]] = defaultdict(set)
    for path in sorted(TESTS.rglob("*.py")):
        if path.name != "strategies.py":
            for text in _strategies(path.read_text(encoding="utf-8")):
                where[text].add(str(path.relative_to(TESTS)))
    copies = {text: sorted(files) for text, files in where.items() if len(files) > 1}
    assert copies == {}, "move them into tests/strategies.py"
