"""carryxl: FX carry-trade maths for Excel.

The maths lives in :mod:`carryxl.core` (pure numpy); the Excel functions, workbook
templates and ribbon add-in are thin layers over it.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
