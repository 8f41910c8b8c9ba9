"""How an Excel function is declared: its arguments once, then one declaration per function.

An :class:`Arg` says once how an argument is read from its cells and what the function
wizard says about it (``arguments.py`` holds them all). An :class:`ExcelFunction` names
the function, its topic, its help, its arguments and the core function (``kernel``) it
runs on every row; the per-topic modules of :mod:`carryxl.excel.functions` hold them.
Everything Excel sees is derived from these: :func:`udf` builds the xlwings function
(signature, docs, ``@xw.func/arg/ret``), and :mod:`carryxl.excel.catalog` lists them.

A function whose answer has a shape of its own (a scenario grid, a history table) gives a
hand-written ``body`` instead of a ``kernel``; it gets the cells by argument name.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy.typing as npt
import xlwings as xw

from carryxl.excel import cells
from carryxl.excel.cells import CATEGORY, READ, WRITE

__all__ = [
    "Arg",
    "Cell",
    "ExcelFunction",
    "Read",
    "Reader",
    "cells_only",
    "never_if_infinite",
    "never_if_missing",
    "udf",
]

Read = cells.Input | None | tuple[cells.Input | None, ...]
"""What a reader gives :func:`carryxl.excel.cells.evaluate`: one input, none (left out:
the core's default applies), or several (one argument the core takes in two parts)."""


@dataclass(frozen=True)
class Cell:
    """One argument of one call, as a reader sees it."""

    name: str
    value: Any  # what xlwings passed: rows of cells, or None when left out
    optional: bool  # declared optional in this function
    call: Mapping[str, Any]  # every argument of the call, for readers that need two

    def __getitem__(self, name: str) -> Any:
        """Another argument of the same call (``cell["funding"]``)."""
        return self.call[name]


Reader = Callable[[Cell], Read]


def cells_only(cell: Cell) -> Read:
    """The reader of an argument a hand-written ``body`` reads itself (nothing for a kernel)."""
    raise TypeError(f"{cell.name} is read by its function's body")


@dataclass(frozen=True)
class Arg:
    """An argument: its name, how its cells are read, and its one-line wizard help.

    ``read`` is None for an argument another one reads with it (``funding`` is read by
    ``orientation``). Call an Arg with new help for a function that says it differently:
    ``YEARS("Optional: the horizon in years (default 1)")``.
    """

    name: str
    help: str
    read: Reader | None

    def __call__(self, help: str) -> Arg:
        """The same argument with other help."""
        return replace(self, help=help)


@dataclass(frozen=True)
class ExcelFunction:
    """One Excel function: everything carryxl derives its UDF, help and docs from.

    ``required`` then ``optional`` arguments, in the order Excel shows them (optional
    ones have help starting "Optional"). ``kernel`` gets the read arguments by name and
    returns one value (or row) per row; ``answer`` reshapes its grid (e.g. NaN as
    "never"). A ``body`` replaces both: it gets the cells by name and returns the answer.
    """

    name: str
    group: str
    doc: str
    required: tuple[Arg, ...]
    optional: tuple[Arg, ...] = ()
    kernel: Callable[..., Any] | None = None
    answer: Callable[[npt.NDArray[Any]], npt.NDArray[Any]] | None = None
    body: Callable[..., Any] | None = None

    def __post_init__(self) -> None:
        if (self.kernel is None) == (self.body is None):
            raise TypeError(f"{self.name}: give a kernel or a body, not both or neither")
        names = [a.name for a in self.arguments]
        if len(set(names)) != len(names) or self.name != self.name.upper():
            raise TypeError(f"{self.name}: upper-case name and distinct arguments, got {names}")
        for arg in self.arguments:
            if arg.help.startswith("Optional") != (arg in self.optional):
                raise TypeError(f"{self.name}.{arg.name}: optional help starts 'Optional'")
        if self.body is not None and list(inspect.signature(self.body).parameters) != names:
            raise TypeError(f"{self.name}: the body's parameters must be {names}")
        if self.kernel is not None and any(a.read is cells_only for a in self.arguments):
            raise TypeError(f"{self.name}: an argument without a reader needs a body")

    @property
    def arguments(self) -> tuple[Arg, ...]:
        """Every argument, required ones first."""
        return (*self.required, *self.optional)

    @property
    def argument_names(self) -> tuple[str, ...]:
        """Every argument's name, required ones first."""
        return tuple(a.name for a in self.arguments)

    @property
    def usage(self) -> str:
        """How it reads in a formula: ``FX_PNL(notional, spot_start, spot_end, [orientation])``."""
        names = [*(a.name for a in self.required), *(f"[{a.name}]" for a in self.optional)]
        return f"{self.name}({', '.join(names)})"

    def accepts(self, count: int) -> bool:
        """Whether a formula may pass ``count`` arguments."""
        return len(self.required) <= count <= len(self.arguments)

    @property
    def description(self) -> str:
        """The help on one line, as the function wizard shows it."""
        return " ".join(self.doc.split())

    def run(self, call: Mapping[str, Any]) -> Any:
        """The answer to one call: each argument read, the kernel run over every row."""
        if self.body is not None:
            return self.body(**call)
        inputs: list[cells.Input | None] = []
        for arg in self.arguments:
            if arg.read is not None:
                read = arg.read(Cell(arg.name, call[arg.name], arg in self.optional, call))
                inputs.extend(read if isinstance(read, tuple) else (read,))
        grid = cells.evaluate(cast(Callable[..., Any], self.kernel), *inputs)
        return cells.to_excel(grid if self.answer is None else self.answer(grid))


def never_if_missing(grid: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """NaN rows (no such spot) read "never"."""
    return cells.label_missing(grid, "never")


def never_if_infinite(grid: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Infinite rows (carry never makes up for it) read "never"."""
    return cells.label_infinite(grid, "never")


def udf(function: ExcelFunction, module: str) -> Callable[..., Any]:
    """The xlwings UDF of ``function``: a real signature, one-line docs, never raises.

    ``xw.func/ret/arg`` are looked up when this runs, so a module that calls it gets
    xlwings' real decorators wherever xlwings binds them (on Windows; in tests/excel's
    harness; in the add-in build), exactly as hand-written decorators would.
    """
    names = [a.name for a in function.arguments]
    empty = inspect.Parameter.empty
    parameters = [
        inspect.Parameter(
            a.name,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=None if a in function.optional else empty,
            annotation=Any,
        )
        for a in function.arguments
    ]

    def call(*values: Any) -> Any:
        if len(values) > len(names):
            raise TypeError(f"{function.name} takes {len(names)} arguments")
        return function.run(dict.fromkeys(names) | dict(zip(names, values, strict=False)))

    call.__name__ = call.__qualname__ = function.name
    call.__module__ = module
    call.__doc__ = function.doc
    call.__annotations__ = {**dict.fromkeys(names, Any), "return": Any}
    call.__signature__ = inspect.Signature(parameters, return_annotation=Any)  # type: ignore[attr-defined]
    decorated = cells.udf(call)
    for arg in reversed(function.arguments):
        decorated = xw.arg(arg.name, doc=arg.help, **READ)(decorated)
    decorated = xw.ret(**WRITE)(decorated)
    result: Callable[..., Any] = xw.func(category=CATEGORY)(decorated)
    return result
