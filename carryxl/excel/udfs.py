"""carryxl's Excel functions (xlwings UDFs): every argument takes a cell or a whole range.

In Excel: xlwings add-in > UDF Modules = ``carryxl.excel.udfs`` > Import Functions.
Each function reads its cells (:mod:`carryxl.excel.cells`), calls the core once for
all rows, and spills the answer. Rates are decimals (0.045 or "4.5%"); P&L is in the
funding currency; bad input gives a one-line message in the cell, never an error.

The functions are built here, one per declaration of :mod:`carryxl.excel.functions`
(see :mod:`carryxl.excel.declare`), with ``@xw.func/ret/arg`` applied as this module is
executed: xlwings finds them as module attributes, exactly as if written out by hand.
"""

from __future__ import annotations

from carryxl.excel.catalog import declarations
from carryxl.excel.declare import udf

__all__ = sorted(d.name for d in declarations())  # noqa: PLE0605 - derived from the catalog

globals().update({d.name: udf(d, __name__) for d in declarations()})
