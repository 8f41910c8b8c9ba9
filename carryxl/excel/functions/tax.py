"""Tax on a carry trade's P&L, with separate rates for interest and FX gains."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import tax
from carryxl.core.conventions import rate_from_text
from carryxl.excel import cells
from carryxl.excel.arguments import (
    FX,
    HEADERS,
    INTEREST,
    OFFSET,
    RATE_FX,
    RATE_INTEREST,
    cells_only,
    offset_setting,
)
from carryxl.excel.declare import Arg, ExcelFunction

__all__ = ["FUNCTIONS"]


def _carry_after_tax(
    interest: Any,
    fx: Any,
    rate_interest: Any,
    rate_fx: Any,
    offset: Any,
    breakdown: Any,
    headers: Any,
) -> Any:
    """CARRY_AFTER_TAX: P&L after tax per row, or with ``breakdown`` four columns per row."""
    inputs = (
        cells.numbers("interest", interest),
        cells.numbers("fx", fx),
        cells.numbers("rate_interest", rate_interest, text=rate_from_text),
        cells.numbers("rate_fx", rate_fx, text=rate_from_text),
        cells.choice("offset", offset_setting, offset),
    )
    if not cells.setting_value(cells.flag("breakdown", breakdown)):
        return cells.to_excel(
            cells.evaluate(lambda **given: tax.after_tax(**given).after_tax, *inputs)
        )

    def kernel(**given: Any) -> Any:
        result = tax.after_tax(**given)
        parts = (result.tax_interest, result.tax_fx, result.tax, result.after_tax)
        return np.stack(np.broadcast_arrays(*parts), axis=-1)

    grid = cells.evaluate(kernel, *inputs, columns=4)
    if cells.setting_value(cells.flag("headers", headers)):
        grid = cells.with_header(("tax_interest", "tax_fx", "tax", "after_tax"), grid)
    return cells.to_excel(grid)


FUNCTIONS = (
    ExcelFunction(
        "CARRY_AFTER_TAX",
        "tax",
        """P&L after tax, with separate rates for interest income and FX gains. Seed 1 exact
        (interest 226,750, FX 300,000) at 20% and 10%: tax 75,350, after tax 451,400 JPY.""",
        (INTEREST, FX, RATE_INTEREST, RATE_FX),
        (
            OFFSET,
            Arg(
                "breakdown",
                "Optional: TRUE spills tax on interest, tax on FX, tax, after tax",
                cells_only,
            ),
            HEADERS,
        ),
        body=_carry_after_tax,
    ),
)
