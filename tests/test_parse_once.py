"""Issue 23 §2, measured: text is parsed once at the edge. Pairs and currencies are parsed
at few places, every reader of a number or a rate in text is the core's one reader
(:mod:`carryxl.core.parse`), and no call is kept out of the formatter's layout."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

import carryxl
from carryxl.cli import arguments, portfolio, swap
from carryxl.excel import cells
from carryxl.history import data, policy_files

PACKAGE = Path(carryxl.__file__).parent
ROOT = PACKAGE.parent
PARSE_LIMIT = 20
READERS = ("rate_from_text", "number_from_text")


def _calls_of(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _parse_sites() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in _calls_of(ast.parse(path.read_text(encoding="utf-8"))):
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "parse"
                and isinstance(func.value, ast.Name)
                and func.value.id in {"Pair", "Currency"}
            ):
                found.append(f"{path.relative_to(PACKAGE).as_posix()}:{call.lineno}")
    return found


def test_pairs_and_currencies_are_parsed_at_no_more_than_20_places() -> None:
    sites = _parse_sites()
    assert any(s.startswith("cli/") for s in sites)  # the scan really finds calls
    assert len(sites) <= PARSE_LIMIT, sites


def _called_names(function: Callable[..., object]) -> set[str]:
    tree = ast.parse(inspect.getsource(function).strip())
    names = set()
    for call in _calls_of(tree):
        func = call.func
        if all(isinstance(a, ast.Constant) for a in call.args) and call.args:
            continue  # float("nan"): a constant, not text read
        names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


# The edges that read a number or a rate from text: each hands the text to the core's reader
# and never converts it itself.
EDGE_READERS = [
    (arguments, "rate"),
    (arguments, "number"),
    (portfolio, "_number"),
    (portfolio, "_fraction"),
    (swap, "_quote"),
    (data, "_number"),
    (policy_files, "_percent"),
]


@pytest.mark.parametrize(
    ("module", "name"), EDGE_READERS, ids=[f"{m.__name__}.{n}" for m, n in EDGE_READERS]
)
def test_every_edge_reads_numbers_with_the_one_reader(module: object, name: str) -> None:
    called = _called_names(getattr(module, name))
    assert called & set(READERS), f"{name} does not use carryxl.core.parse"
    assert "float" not in called, f"{name} converts text itself"


def test_cells_take_text_only_through_a_reader_they_are_given() -> None:
    # a cell holding text is read by the reader the function declares (rate_from_text for a
    # rate), never by float() on the text
    called = _called_names(cells._number)
    assert "text" in called
    source = inspect.getsource(cells._number)
    assert "float(cell)" in source  # a number cell as it is
    assert "float(text" not in source
    assert "float(str" not in source


def test_no_call_is_kept_out_of_the_formatter() -> None:
    python_files = [
        p
        for folder in ("carryxl", "tests", "benchmarks")
        for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts
    ]
    assert len(python_files) > 100
    marker = "fmt: " + "skip"  # split so this file does not match itself
    kept = [p.name for p in python_files if marker in p.read_text(encoding="utf-8")]
    kept += [p.name for p in python_files if "fmt: " + "off" in p.read_text(encoding="utf-8")]
    assert kept == []
