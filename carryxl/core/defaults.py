"""The product's defaults, named once: every command, Excel function and template uses these.

- ``LOT_SIZE``: base-currency units in one standard lot (100,000), as FX brokers count.
- ``LOT_STEP``: the smallest lot increment brokers accept (0.01 lot, a micro lot).
- ``MARGIN_CALL_LEVEL``: margin level (equity / used margin, as a decimal) at which brokers
  usually call for margin: 1.00 = 100%.
- ``STOP_OUT_LEVEL``: margin level at which brokers usually close positions: 0.50 = 50%.
- ``CONFIDENCE``: the VaR/ES confidence level, 0.99.
- ``TRADING_DAYS``: trading days a year, to annualise daily statistics (sqrt(252)) and to turn
  a horizon in days into years (10 days = 10/252 years).
"""

from __future__ import annotations

LOT_SIZE = 100_000.0
LOT_STEP = 0.01
MARGIN_CALL_LEVEL = 1.0
STOP_OUT_LEVEL = 0.5
CONFIDENCE = 0.99
TRADING_DAYS = 252

__all__ = [
    "CONFIDENCE",
    "LOT_SIZE",
    "LOT_STEP",
    "MARGIN_CALL_LEVEL",
    "STOP_OUT_LEVEL",
    "TRADING_DAYS",
]
