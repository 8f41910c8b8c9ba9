"""carryxl's Excel functions as data: every declaration of :mod:`carryxl.excel.functions`
(each an :class:`~carryxl.excel.declare.ExcelFunction`, the one record of a function), by
name and by topic, and the docs table.

``functions()`` lists them all; ``check_call("CARRY_PNL", 6)`` raises a
:class:`~carryxl.core.errors.CarryxlError` for an unknown name or a wrong argument count
(the workbook generator checks its udf-mode formulas with it). Adding a function is one
declaration in a module of :mod:`carryxl.excel.functions`: the UDF module, the function
wizard's help, the VBA wrappers, this catalog, the docs table and the README's count
all follow from it (``python -m carryxl.cli.docs --write`` writes the docs table and count).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from carryxl.core.errors import CarryxlError
from carryxl.excel import functions as _package
from carryxl.excel.declare import ExcelFunction

__all__ = [
    "GROUPS",
    "TOPICS",
    "as_records",
    "check_call",
    "count_phrase",
    "declarations",
    "function",
    "functions",
    "groups",
    "markdown",
    "refresh",
]

TOPICS = (
    "P&L",
    "break-even and costs",
    "foreign assets",
    "forwards",
    "dates",
    "swaps",
    "margin and risk",
    "tax",
    "portfolio",
    "scenarios",
    "history (ECB reference rates)",
    "policy rates (BIS)",
    "indicators",
)
"""The topics (the function wizard's sub-headings in the docs), in the order the docs list
them. A declaration names one of these as its ``group``."""


@cache
def declarations() -> tuple[ExcelFunction, ...]:
    """Every declared Excel function: the modules of :mod:`carryxl.excel.functions` by
    name, each module's ``FUNCTIONS`` in order."""
    found: list[ExcelFunction] = []
    for info in sorted(pkgutil.iter_modules(_package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_package.__name__}.{info.name}")
        found += getattr(module, "FUNCTIONS", ())
    names = [d.name for d in found]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TypeError(f"Excel functions declared twice: {', '.join(twice)}")
    unknown = sorted({d.group for d in found} - set(TOPICS))
    if unknown:
        raise TypeError(f"unknown topics {unknown}: add them to carryxl.excel.catalog.TOPICS")
    return tuple(found)


def refresh() -> None:
    """Forget what was found (after adding a module to :mod:`carryxl.excel.functions`)."""
    declarations.cache_clear()
    functions.cache_clear()


@cache
def functions() -> tuple[ExcelFunction, ...]:
    """Every carryxl Excel function, by name."""
    return tuple(sorted(declarations(), key=lambda f: f.name))


def groups() -> dict[str, tuple[str, ...]]:
    """The functions by topic, in the order the documentation lists them."""
    return {
        topic: tuple(d.name for d in declarations() if d.group == topic)
        for topic in TOPICS
        if any(d.group == topic for d in declarations())
    }


GROUPS: dict[str, tuple[str, ...]] = groups()
"""The functions by topic when carryxl was imported (:func:`groups` for now)."""


def function(name: str) -> ExcelFunction:
    """The function called ``name`` (any case), or an error naming the known ones."""
    for item in functions():
        if item.name == name.strip().upper():
            return item
    raise CarryxlError("function", name, "must be a carryxl Excel function, e.g. CARRY_PNL")


def check_call(name: str, count: int) -> ExcelFunction:
    """The function, if a formula may call ``name`` with ``count`` arguments; else an error."""
    item = function(name)
    if not item.accepts(count):
        least, most = len(item.required), len(item.arguments)
        expected = str(most) if least == most else f"{least} to {most}"
        raise CarryxlError(f"{item.name} arguments", count, f"must be {expected}")
    return item


def as_records() -> list[dict[str, Any]]:
    """The catalog as plain data (JSON-ready)."""
    return [
        {
            "name": f.name,
            "arguments": list(f.argument_names),
            "required": len(f.required),
            "optional": [a.name for a in f.optional],
            "description": f.description,
            "group": f.group,
        }
        for f in functions()
    ]


def count_phrase() -> str:
    """What the README says of the count: ``45 worksheet functions``."""
    return f"{len(functions())} worksheet functions"


def markdown() -> str:
    """The function list as Markdown tables by topic (docs/excel.md embeds it)."""
    lines: list[str] = []
    for group, names in groups().items():
        lines += [f"### {group}", "", "| function | what it returns |", "|---|---|"]
        lines += [f"| `{function(n).usage}` | {function(n).description} |" for n in names]
        lines.append("")
    return "\n".join(lines).rstrip()
