"""The xlwings converter every carryxl argument and result goes through: raw when it can be.

xlwings' default ("value") conversion cleans every cell in Python on the way in
(``_clean_value_data_element``: empty cells, COM dates, Excel error codes) and prepares
every cell on the way out (``prepare_xl_data_element``). For a 10,000-row formula that
per-cell work costs far more than carryxl's arithmetic. :class:`ExcelCells` is an xlwings
``Converter`` on the ``raw`` accessor, so xlwings hands it the cells as COM delivered them
and sends its answer back as given, and it decides:

- **in**: a range of nothing but numbers (the usual whole column) is used as it came,
  because the default cleaning leaves a float unchanged; anything else (an empty cell,
  text, a date, an Excel error, which COM passes as an int such as -2146826246 for #N/A)
  goes through xlwings' own default pipeline with the argument's options (``ndim=2``,
  ``err_to_str``), so those cells read exactly as before, by xlwings' code and its table
  of error codes;
- **out**: an array of finite floats is sent as rows of Python floats, which is what the
  default preparation makes of it; anything else (text, NaN, dates, a mixed grid) goes
  through xlwings' own default pipeline.

Functions called directly from Python (no "excel" engine) never meet this class.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from xlwings import conversion
from xlwings.conversion import Converter, RawValueAccessor

__all__ = ["ExcelCells"]

_FLOAT = frozenset({float})
_ROWS = frozenset({tuple, list})
_FAST_READ = frozenset({"convert", "ndim", "err_to_str"})
"""Options under which a range of floats reads as it came: rows of cells, nothing else."""


def _all_floats(value: Any) -> bool:
    """A range (tuple of rows) or a single cell holding only Python floats."""
    if type(value) is float:
        return True
    if not isinstance(value, tuple | list) or not value:
        return False
    if not set(map(type, value)) <= _ROWS:
        return False
    return set(map(type, itertools.chain.from_iterable(value))) == _FLOAT


def _default(options: Any) -> dict[str, Any]:
    """The argument's options, with xlwings' default ("value") conversion."""
    return {key: item for key, item in options.items() if key != "convert"}


class ExcelCells(Converter):
    """Cells in and out of a carryxl UDF, skipping xlwings' per-cell work where it is a no-op.

    Use as ``@xw.arg("x", ExcelCells, ndim=2, err_to_str=True)`` and ``@xw.ret(ExcelCells)``.
    """

    base = RawValueAccessor  # type: ignore[assignment] # xlwings types it as None

    @classmethod
    def read_value(cls, value: Any, options: Any) -> Any:
        """Rows of cells: a numbers-only range as COM gave it, anything else cleaned by xlwings."""
        as_rows = options.get("ndim") == 2 and options.keys() <= _FAST_READ
        if as_rows and _all_floats(value):
            return [[value]] if type(value) is float else value
        return conversion.read(None, value, _default(options))  # type: ignore[no-untyped-call]

    @classmethod
    def write_value(cls, value: Any, options: Any) -> Any:
        """Rows of cells for COM: finite floats as they are, anything else prepared by xlwings."""
        if options.keys() - {"convert"}:  # e.g. transpose: xlwings' pipeline does it
            return conversion.write(value, None, _default(options))  # type: ignore[no-untyped-call]
        if type(value) is float and np.isfinite(value):
            return [[value]]
        if (
            isinstance(value, np.ndarray)
            and value.ndim == 2
            and value.size
            and value.dtype == np.float64
            and np.isfinite(value).all()
        ):
            return value.tolist()
        return conversion.write(value, None, _default(options))  # type: ignore[no-untyped-call]
