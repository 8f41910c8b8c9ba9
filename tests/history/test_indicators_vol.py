"""Indicators and realised volatility against hand calculations and pandas written here."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import (
    correlation_matrix,
    ema,
    macd,
    realised_volatility,
    rsi,
    sma,
    spot_series,
)
from tests.history.raw_ecb import cross, raw_rows

AUDJPY = spot_series(Pair.parse("AUD/JPY"), "2007-01-02", "2009-12-31").values


def test_sma_by_hand_and_against_pandas_rolling():
    np.testing.assert_allclose(sma([1, 2, 3, 4], 2), [np.nan, 1.5, 2.5, 3.5])
    expected = pd.Series(AUDJPY).rolling(50).mean().to_numpy()
    np.testing.assert_allclose(sma(AUDJPY, 50), expected, rtol=1e-12, equal_nan=True)


def test_ema_by_hand_and_against_pandas_ewm():
    np.testing.assert_allclose(ema([1, 2, 3], 3), [1.0, 1.5, 2.25])
    expected = pd.Series(AUDJPY).ewm(span=20, adjust=False).mean().to_numpy()
    np.testing.assert_allclose(ema(AUDJPY, 20), expected, rtol=1e-12)


def _wilder_rsi_pandas(values: np.ndarray, n: int) -> np.ndarray:
    """Wilder's RSI written independently: seed = mean of the first n changes, then
    an ewm with alpha = 1/n (adjust=False) started from that seed."""
    change = pd.Series(values).diff()
    gain, loss = change.clip(lower=0), (-change).clip(lower=0)

    def smooth(s: pd.Series) -> pd.Series:
        seeded = s.copy()
        seeded.iloc[: n + 1] = np.nan
        seeded.iloc[n] = s.iloc[1 : n + 1].mean()
        out = seeded.iloc[n:].ewm(alpha=1 / n, adjust=False).mean()
        return out.reindex(s.index)

    rs = smooth(gain) / smooth(loss)
    return (100 - 100 / (1 + rs)).to_numpy()


def test_rsi_by_hand():
    # changes +1, -0.5, +1; window 2: G = 0.5, L = 0.25 -> 66.67; then G = 0.75, L = 0.125.
    got = rsi([1, 2, 1.5, 2.5], 2)
    assert np.isnan(got[:2]).all()
    assert got[2] == pytest.approx(100 - 100 / (1 + 0.5 / 0.25))
    assert got[3] == pytest.approx(100 - 100 / (1 + 0.75 / 0.125))


def test_rsi_against_an_independent_pandas_wilder():
    np.testing.assert_allclose(
        rsi(AUDJPY, 14), _wilder_rsi_pandas(AUDJPY, 14), rtol=1e-10, equal_nan=True
    )


def test_rsi_edges():
    assert rsi([1, 2, 3, 4], 2)[-1] == 100.0  # only gains
    assert rsi([2, 2, 2, 2], 2)[-1] == 50.0  # flat
    assert np.isnan(rsi([1, 2], 14)).all()  # too short


def test_macd_against_pandas_ewm():
    s = pd.Series(AUDJPY)
    line = s.ewm(span=12, adjust=False).mean() - s.ewm(span=26, adjust=False).mean()
    signal = line.ewm(span=9, adjust=False).mean()
    m = macd(AUDJPY)
    np.testing.assert_allclose(m.line, line.to_numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(m.signal, signal.to_numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(m.histogram, (line - signal).to_numpy(), atol=1e-12)


@given(
    st.lists(st.floats(0.5, 500, allow_nan=False), min_size=3, max_size=60),
    st.integers(1, 10),
)
def test_indicator_properties(values, n):
    x = np.array(values)
    r = rsi(x, n)
    assert np.all((r[np.isfinite(r)] >= 0) & (r[np.isfinite(r)] <= 100))
    e = ema(x, n)
    assert np.all((e >= x.min() - 1e-9) & (e <= x.max() + 1e-9))
    np.testing.assert_allclose(sma(np.full(len(x), 7.0), n)[n - 1 :], 7.0)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: sma([1, 2], 0), "window"),
        (lambda: ema([1, 2], 2.5), "span"),
        (lambda: rsi([1, float("nan"), 2], 2), "values[1]"),
        (lambda: macd([1, 2, 3], 26, 12), "fast"),
        (lambda: sma([], 2), "values"),
    ],
)
def test_indicator_bad_input(call, argument):
    with pytest.raises(CarryxlError) as error:
        call()
    assert error.value.argument == argument


def test_realised_volatility_by_hand():
    # ln(101/100) = +0.995%, ln(100/101) = -0.995%; sample stdev = 0.995% * sqrt(2).
    step = math.log(1.01)
    expected = step * math.sqrt(2) * math.sqrt(252)
    assert realised_volatility([100, 101, 100]) == pytest.approx(expected)


def test_rolling_volatility_against_pandas_on_raw_ecb_values():
    dates = [d for d in sorted(raw_rows()) if "2008-07-01" <= d <= "2008-12-31"]
    spots = np.array([cross(d, "AUD", "JPY") for d in dates])
    returns = pd.Series(np.log(spots)).diff()
    expected = (returns.rolling(20).std() * math.sqrt(252)).to_numpy()
    got = realised_volatility(spots, window=20)
    np.testing.assert_allclose(got, expected, rtol=1e-10, equal_nan=True)
    assert got.shape == spots.shape
    assert np.nanmax(got) > 0.5  # autumn 2008: AUD/JPY vol above 50% a year


def test_correlation_matrix_against_pandas():
    dates = [d for d in sorted(raw_rows()) if "2020-01-01" <= d <= "2024-12-31"]
    frame = pd.DataFrame(
        {p: [cross(d, *p.split("/")) for d in dates] for p in ("AUD/JPY", "NZD/JPY", "USD/EUR")}
    )
    expected = np.log(frame).diff().dropna().corr().to_numpy()
    labels, got = correlation_matrix(
        [Pair.parse(p) for p in frame.columns], "2020-01-01", "2024-12-31"
    )
    assert labels == ["AUD/JPY", "NZD/JPY", "USD/EUR"]
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_a_pair_and_its_inverse_correlate_at_minus_one():
    _, got = correlation_matrix(
        [Pair.parse("EUR/USD"), Pair.parse("USD/EUR")], "2020-01-01", "2020-12-31"
    )
    assert got[0, 1] == pytest.approx(-1.0)


def test_volatility_bad_input():
    with pytest.raises(CarryxlError, match="window"):
        realised_volatility([1, 2, 3], window=1)
    with pytest.raises(CarryxlError, match="at least 3"):
        realised_volatility([1, 2])
    with pytest.raises(CarryxlError, match="> 0"):
        realised_volatility([1, -2, 3])
    with pytest.raises(CarryxlError, match="at least two"):
        correlation_matrix([Pair.parse("EUR/USD")])
