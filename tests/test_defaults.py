"""Issue 23: the product's defaults (lot size, VaR confidence, the trading-day year, margin
call and stop-out levels) are named once, in carryxl.core.defaults, and used everywhere: no
module spells one of them again as a function's default, an option's default, a field's
default or a module constant."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import carryxl
from carryxl.core import defaults

PACKAGE = Path(carryxl.__file__).parent
HOME = PACKAGE / "core" / "defaults.py"
VALUES = {defaults.LOT_SIZE, defaults.CONFIDENCE, defaults.TRADING_DAYS}
"""Literals that are a default wherever they stand as one."""
LEVELS = {defaults.MARGIN_CALL_LEVEL, defaults.STOP_OUT_LEVEL}
"""Literals that are a default only under a margin level's name (1.0 and 0.5 are common)."""
LEVEL_NAME = re.compile(r"margin_call|stop_out|margin_level|call_level", re.IGNORECASE)
DIFFERENT = {"macros/file_book.py:LARGEST_RANGE"}
"""The same digits for another quantity: the cells a named range may hold, not a lot."""


def _constants(node: ast.AST, name: str) -> Iterator[tuple[str, ast.Constant]]:
    """(name, literal) of every number in ``node``, named by the nearest dict key or else
    by ``name``."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        yield name, node
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            key_name = key.value if isinstance(key, ast.Constant) else name
            yield from _constants(value, str(key_name))
    else:
        for child in ast.iter_child_nodes(node):
            yield from _constants(child, name)


def _assigned(statements: list[ast.stmt]) -> Iterator[tuple[str, ast.expr]]:
    for s in statements:
        if isinstance(s, ast.Assign):
            targets = [t.id for t in s.targets if isinstance(t, ast.Name)]
            yield (targets[0] if targets else "?"), s.value
        elif isinstance(s, ast.AnnAssign) and s.value is not None:
            yield (s.target.id if isinstance(s.target, ast.Name) else "?"), s.value


def _default_sites(tree: ast.Module) -> Iterator[tuple[str, ast.expr]]:
    """(name, value) of every place a default is written: module constants, class fields,
    parameters' defaults and ``default=`` keywords (argparse options)."""
    yield from _assigned(tree.body)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            yield from _assigned(node.body)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = node.args
            positional = [*a.posonlyargs, *a.args][-len(a.defaults) :] if a.defaults else []
            yield from ((p.arg, d) for p, d in zip(positional, a.defaults, strict=True))
            yield from ((p.arg, d) for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d)
        elif isinstance(node, ast.Call):
            flags = [a.value for a in node.args if isinstance(a, ast.Constant)]
            option = str(flags[0]).lstrip("-").replace("-", "_") if flags else "?"
            yield from ((option, k.value) for k in node.keywords if k.arg == "default")


def spelled_defaults(source: str) -> list[str]:
    """``line name=value`` of every product default written as a literal in ``source``."""
    found = []
    for site, value in _default_sites(ast.parse(source)):
        for name, literal in _constants(value, site):
            number = literal.value
            if number in VALUES or (number in LEVELS and LEVEL_NAME.search(name)):
                found.append(f"{literal.lineno} {name}={number!r}")
    return found


def test_the_scan_finds_each_kind_of_default() -> None:
    source = """
LOT = 100_000
SEED = {"in_confidence": 0.99, "in_margin_call_level": 1.0, "in_leverage": 1.0}
def f(x, lot_size=100_000.0, *, days=252, stop_out=0.5, leverage=1.0): ...
class Request:
    stop_out: float = 0.5
p.add_argument("--stop-out", default=0.5)
p.add_argument("--days", default=float(252))
"""
    assert sorted(spelled_defaults(source)) == [
        "2 LOT=100000",
        "3 in_confidence=0.99",
        "3 in_margin_call_level=1.0",
        "4 days=252",
        "4 lot_size=100000.0",
        "4 stop_out=0.5",
        "6 stop_out=0.5",
        "7 stop_out=0.5",
        "8 days=252",
    ]
    assert len(spelled_defaults(HOME.read_text(encoding="utf-8"))) == 5  # their one home


def test_defaults_are_named_once_in_core_defaults() -> None:
    spelled = {}
    sources = [p for p in sorted(PACKAGE.rglob("*.py")) if p != HOME]
    assert len(sources) > 150  # the scan really saw the package
    for path in sources:
        relative = path.relative_to(PACKAGE).as_posix()
        found = spelled_defaults(path.read_text(encoding="utf-8"))
        found = [f for f in found if f"{relative}:{f.split()[1].split('=')[0]}" not in DIFFERENT]
        if found:
            spelled[relative] = found
    assert spelled == {}, "use carryxl.core.defaults"
