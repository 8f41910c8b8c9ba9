"""The measures of positions built in tranches, one row per position (the kernel under
STAGED_POSITION), worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from carryxl.core.errors import CarryxlError
from carryxl.core.measures import position_measures


def test_two_tranches_of_one_position_and_an_empty_one() -> None:
    """50,000 AUD at 100 held 10 nights and 50,000 at 104 held 4, long, spot 103, swap -5 JPY
    a lot a night: units 100,000, cost 5,000,000 + 5,200,000 = 10,200,000 JPY, average 102,
    FX P&L 100,000 x 103 - 10,200,000 = +100,000, return 100,000 / 10,200,000, swap
    -5 x (50,000 x 10 + 50,000 x 4) / 100,000 = -35. Position 2 has no tranche: NaN."""
    got = position_measures(
        index=[0, 0],
        n=2,
        amounts=[50_000.0, 50_000.0],
        rates=[100.0, 104.0],
        spot=[103.0, 1.0],
        sign=[1.0, 1.0],
        measures=("units", "cost", "average", "pnl", "return", "swap"),
        nights=[10.0, 4.0],
        swap=[-5.0, 0.0],
    )
    assert got[0] == pytest.approx([100_000, 10_200_000, 102, 100_000, 1 / 102, -35], rel=1e-12)
    assert np.isnan(got[1]).all()


def test_a_short_position_gains_when_the_spot_falls() -> None:
    """Short 10,000 at 1.10, spot 1.05: -(10,000 x 1.05 - 11,000) = +500."""
    got = position_measures([0], 1, [10_000.0], [1.10], [1.05], [-1.0], ("pnl",))
    assert got[0, 0] == pytest.approx(500.0, rel=1e-12)


def test_an_unknown_measure_is_refused() -> None:
    with pytest.raises(CarryxlError, match=r"measure.*'carry'"):
        position_measures([0], 1, [1.0], [1.0], [1.0], [1.0], ("carry",))


def test_a_measure_beyond_a_float_names_its_position() -> None:
    """Two tranches of 1e308 units at 1 each fit a float; their cost together does not."""
    amounts = [1.0, 1e308, 1e308]
    assert math.isfinite(amounts[1])
    assert not math.isfinite(amounts[1] + amounts[2])
    with pytest.raises(CarryxlError, match="the cost of position 2"):
        position_measures([0, 1, 1], 2, amounts, [1.0] * 3, [1.0, 1.0], [1, 1], ("cost",))
