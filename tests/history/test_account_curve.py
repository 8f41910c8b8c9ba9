"""``account_curve``: the account rules a single backtest and a basket share (issue 23:
one definition), worked by hand on a four-date account."""

from __future__ import annotations

import numpy as np
import pytest

from carryxl.history.stats import PnlParts, account_curve

DATES = np.array(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], dtype="datetime64[D]")
PARTS = PnlParts(
    carry=np.array([0.0, 1.0, 2.0, 3.0]),
    fx=np.array([0.0, -30.0, -60.0, -10.0]),
    cross=np.array([0.0, 0.0, -1.0, 0.0]),
    costs=np.array([2.0, 2.0, 2.0, 4.0]),
)


def test_equity_is_the_margin_plus_the_pnl_and_the_call_is_the_first_date_below_the_level():
    # P&L: -2, -31, -61, -11; margin 100 (1,000 at 10x); equity 98, 69, 39, 89.
    curve = account_curve(DATES, PARTS, margin=100.0, leverage=10.0, margin_call=0.5, life=4)
    assert curve.pnl.tolist() == [-2.0, -31.0, -61.0, -11.0]
    assert curve.equity.tolist() == [98.0, 69.0, 39.0, 89.0]
    assert curve.margin_call_date == "2024-01-03"  # the first equity below 0.5 x 100
    # The statistics start from the margin posted: 100 -> 89 over the four dates.
    assert curve.stats.start_equity == 100.0
    assert curve.stats.total_return == pytest.approx(-0.11)
    assert curve.stats.max_drawdown == pytest.approx(0.61)
    assert curve.stats.costs == 4.0


def test_an_unleveraged_account_has_no_margin_call_and_the_stats_stop_with_its_life():
    curve = account_curve(DATES, PARTS, margin=100.0, leverage=1.0, margin_call=5.0, life=3)
    assert curve.margin_call_date is None  # no broker margin at 1x, whatever the level
    assert curve.stats.end_date == "2024-01-03"  # the account's life: its first 3 dates
    assert curve.stats.end_equity == 39.0
    assert curve.equity.size == 4  # the curve itself keeps every date
