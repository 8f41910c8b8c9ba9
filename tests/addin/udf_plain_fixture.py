"""A UDF module written the usual way, with ``@xw.func``/``@xw.arg`` (no-ops off Windows)."""

from __future__ import annotations

import xlwings as xw


@xw.func(category="carryxl tests")
@xw.arg("x", doc="A number to double")
def DOUBLE(x: float) -> float:  # noqa: N802 - Excel function names are upper case
    """Twice x."""
    return 2 * x
