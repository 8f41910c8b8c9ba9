"""A stand-in UDF module for the add-in tests (the real one is carryxl.excel.udfs)."""

from __future__ import annotations

from carryxl.addin.vba import xlwings_udfs

with xlwings_udfs() as _udfs:
    xlfunc = _udfs.xlfunc
    xlarg = _udfs.xlarg


@xlfunc
@xlarg("notional", doc="Amount borrowed, in the funding currency")
@xlarg("spot_start", doc="Spot at the start, as the pair is quoted")
@xlarg("spot_end", doc='Spot at the end; a "quoted" word')
def CARRY_TEST_FX(  # noqa: N802 - Excel function names are upper case
    notional: float, spot_start: float, spot_end: float
) -> float:
    """FX P&L of a test trade: N * (S1/S0 - 1), in the funding currency.

    More text that the function wizard does not show.
    """
    return notional * (spot_end / spot_start - 1.0)


@xlfunc
def CARRY_TEST_ZERO() -> float:  # noqa: N802
    """Always 0 (a function without arguments)."""
    return 0.0
