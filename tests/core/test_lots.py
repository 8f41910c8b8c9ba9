"""Position sizes in whole lot steps, rounded down (the loss at the stop stays in budget)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core.errors import CarryxlError
from carryxl.core.lots import lots_in_steps


def test_by_hand():
    lots, units = lots_in_steps(16_666.67)  # 0.1666667 lots -> 0.16 lots
    assert (float(lots), float(units)) == (pytest.approx(0.16), pytest.approx(16_000.0))
    lots, units = lots_in_steps(3_000.0)  # exactly 0.03 lots, whatever 3000/1e5/0.01 gives
    assert float(lots) == pytest.approx(0.03)
    np.testing.assert_allclose(lots_in_steps([150_000.0, 999.0], 100_000, 0.1)[0], [1.5, 0.0])
    with pytest.raises(CarryxlError) as error:
        lots_in_steps(1_000.0, lot_step=0)
    assert error.value.argument == "lot_step"


@given(units=st.floats(0, 1e9), step=st.sampled_from([0.01, 0.1, 1.0]))
def test_a_whole_number_of_steps_never_above_the_size(units, step):
    lots, rounded = lots_in_steps(units, 100_000.0, step)
    n = float(lots) / step
    assert n == pytest.approx(round(n), abs=1e-6)
    assert float(rounded) <= units * (1 + 1e-9) + 1e-6
    assert units / 100_000 - float(lots) < step + 1e-9
    assert math.isfinite(float(rounded))
