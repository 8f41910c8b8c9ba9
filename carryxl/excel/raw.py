"""The xlwings converter every carryxl argument and result goes through: raw when it can be.

xlwings' default ("value") conversion cleans every cell in Python on the way in
(``_clean_value_data_element``: empty cells, COM dates, Excel error codes) and prepares
every cell on the way out (``prepare_xl_data_element``). For a 10,000-row formula that
per-cell work costs far more than carryxl's arithmetic. :class:`ExcelCells` is an xlwings
``Converter`` on the ``raw`` accessor, so xlwings hands it the cells as COM delivered them
and sends its answer back as given, and it decides:

- **in**: the floats of a range (the usual whole column is nothing else) are used as
  they came, because the default cleaning leaves a float unchanged; every other cell (an
  empty cell, text, a date, an Excel error, which COM passes as an int such as
  -2146826246 for #N/A) goes through xlwings' own default pipeline with the argument's
  options (``ndim=2``, ``err_to_str``), all of them in one pass, so they read exactly
  as before, by xlwings' code and its table of error codes;
- **out**: a grid whose cells are all Python floats, text, ints, booleans or empty
  (``None``), as a float array or an object array (numbers with a header row, or with
  a message in a bad row), is sent as rows of those same values, which is what the
  default preparation makes of them, with only its missing cells (NaN, ``None``) sent
  through xlwings' own preparation; anything else (dates, numpy scalars) goes through
  xlwings' own default pipeline cell by cell.

Functions called directly from Python (no "excel" engine) never meet this class.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import numpy.typing as npt
from xlwings import conversion
from xlwings.conversion import Converter, RawValueAccessor

__all__ = ["ExcelCells"]

_FLOAT = frozenset({float})
_ROWS = frozenset({tuple, list})
_FAST_READ = frozenset({"convert", "ndim", "err_to_str"})
"""Options under which a range of floats reads as it came: rows of cells, nothing else."""
_AS_THEY_ARE = frozenset({float, str, int, bool, type(None)})
"""Cells xlwings' preparation sends as they are, apart from NaN and None (made empty) and
the infinities (sent as they are unless pandas is set to count them as missing)."""
_INFINITIES = [math.inf, -math.inf]


def _all_floats(value: Any) -> bool:
    """A range (tuple of rows) or a single cell holding only Python floats."""
    if type(value) is float:
        return True
    if not isinstance(value, tuple | list) or not value:
        return False
    if not set(map(type, value)) <= _ROWS:
        return False
    return set(map(type, itertools.chain.from_iterable(value))) == _FLOAT


def _read_around_floats(value: Any, options: Any) -> list[Any] | None:
    """A range as rows, its floats as they came and only its other cells cleaned by xlwings
    (cell by cell, as its default pipeline cleans them); None if not a rectangular range.
    Rows with nothing to clean stay the tuples COM gave."""
    if not isinstance(value, tuple | list) or not value or not set(map(type, value)) <= _ROWS:
        return None
    if len(set(map(len, value))) != 1 or not value[0]:
        return None
    width = len(value[0])
    kinds = map(type, itertools.chain.from_iterable(value))
    odd = [k for k, kind in enumerate(kinds) if kind is not float]  # exactly float, no subclass
    cells = [value[k // width][k % width] for k in odd]
    cleaned = conversion.read(None, [cells], _default(options))  # type: ignore[no-untyped-call]
    rows = list(value)
    for i in {k // width for k in odd}:
        rows[i] = list(rows[i])  # a copy: never change the caller's rows
    for k, cell in zip(odd, cleaned[0], strict=True):
        rows[k // width][k % width] = cell
    return rows


def _default(options: Any) -> dict[str, Any]:
    """The argument's options, with xlwings' default ("value") conversion."""
    return {key: item for key, item in options.items() if key != "convert"}


def _prepared(cells: list[Any]) -> list[Any]:
    """``cells`` as xlwings' default preparation makes them, in one pass of its pipeline."""
    rows: list[list[Any]] = conversion.write([cells], None, {})  # type: ignore[no-untyped-call]
    return rows[0]


def _infinities_as_they_are() -> bool:
    """Whether xlwings' preparation sends ``inf`` and ``-inf`` unchanged (asked each time,
    as pandas' options can change what it makes of them)."""
    return _prepared(_INFINITIES) == _INFINITIES


def _missing(grid: npt.NDArray[Any], kinds: frozenset[type] | set[type]) -> npt.NDArray[np.bool_]:
    """Where ``grid`` holds NaN or ``None``: the cells xlwings' preparation changes."""
    missing: npt.NDArray[np.bool_]
    if grid.dtype == np.float64:
        missing = np.isnan(grid)
        return missing
    missing = np.zeros(grid.shape, dtype=bool)
    if float in kinds:
        missing |= grid != grid  # noqa: PLR0124 - NaN, the one float unequal to itself
    if type(None) in kinds:
        missing |= grid == None  # noqa: E711 - elementwise, on objects
    return missing


def _rows_for_excel(grid: npt.NDArray[Any]) -> list[list[Any]] | None:
    """A 2-D grid as rows of Excel-ready cells, exactly as xlwings' default preparation
    makes them; None when some cell needs xlwings' own per-cell preparation."""
    if grid.dtype == np.float64:
        kinds: frozenset[type] | set[type] = _FLOAT
        infinite = bool(np.isinf(grid).any())
    elif grid.dtype == object:
        kinds = set(map(type, grid.ravel()))
        if not kinds <= _AS_THEY_ARE:
            return None
        infinite = float in kinds  # perhaps: looking for them among objects costs more
    else:
        return None
    if infinite and not _infinities_as_they_are():
        return None
    rows: list[list[Any]] = grid.tolist()
    missing = np.flatnonzero(_missing(grid, kinds))
    if missing.size:
        width = grid.shape[1]
        flat = grid.reshape(-1)
        for index, cell in zip(missing.tolist(), _prepared(flat[missing].tolist()), strict=True):
            rows[index // width][index % width] = cell
    return rows


class ExcelCells(Converter):
    """Cells in and out of a carryxl UDF, skipping xlwings' per-cell work where it is a no-op.

    Use as ``@xw.arg("x", ExcelCells, ndim=2, err_to_str=True)`` and ``@xw.ret(ExcelCells)``.
    """

    base = RawValueAccessor  # type: ignore[assignment] # xlwings types it as None

    @classmethod
    def read_value(cls, value: Any, options: Any) -> Any:
        """Rows of cells: floats as COM gave them, the other cells cleaned by xlwings."""
        as_rows = options.get("ndim") == 2 and options.keys() <= _FAST_READ
        if as_rows and _all_floats(value):
            return [[value]] if type(value) is float else value
        rows = _read_around_floats(value, options) if as_rows else None
        if rows is not None:
            return rows
        return conversion.read(None, value, _default(options))  # type: ignore[no-untyped-call]

    @classmethod
    def write_value(cls, value: Any, options: Any) -> Any:
        """Rows of cells for COM: floats and text as they are, the rest prepared by xlwings."""
        if options.keys() - {"convert"}:  # e.g. transpose: xlwings' pipeline does it
            return conversion.write(value, None, _default(options))  # type: ignore[no-untyped-call]
        if type(value) is float and np.isfinite(value):
            return [[value]]
        if isinstance(value, np.ndarray) and value.ndim == 2 and value.size:
            rows = _rows_for_excel(value)
            if rows is not None:
                return rows
        return conversion.write(value, None, _default(options))  # type: ignore[no-untyped-call]
