"""Technical indicators on a spot series: SMA, EMA, RSI (Wilder) and MACD.

Each takes a series (oldest first; a 2-D array is many series, one per column) and returns
an array of the same shape, NaN where the indicator is not yet defined. Definitions:

- SMA(n)_i = mean of the last n values.
- EMA(n): alpha = 2 / (n + 1); EMA_0 = x_0; EMA_i = alpha * x_i + (1 - alpha) * EMA_(i-1)
  (the recursive form, as pandas ``ewm(span=n, adjust=False)``).
- RSI(n), Wilder 1978: changes d_i = x_i - x_(i-1); average gain G and loss L start as the
  simple mean of the first n gains / losses, then G_i = (G_(i-1) * (n - 1) + gain_i) / n;
  RSI = 100 - 100 / (1 + G/L) (100 when L = 0 < G; 50 when both are 0). First value
  at index n.
- MACD(12, 26, 9): line = EMA12 - EMA26; signal = EMA9 of the line; histogram = line -
  signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, finite, finite_result

__all__ = ["Macd", "ema", "macd", "rsi", "sma"]


def _window(name: str, value: Any) -> int:
    if isinstance(value, bool) or int(value) != value or value < 1:
        raise CarryxlError(name, value, "must be a whole number of days >= 1")
    return int(value)


def _series(values: Any) -> FloatArray:
    x = finite("values", values)
    if x.ndim == 0 or x.shape[0] == 0:
        raise CarryxlError("values", values, "must be a series of at least one number")
    return x


def sma(values: Any, window: int) -> FloatArray:
    """Simple moving average over ``window`` values (NaN for the first window - 1).

    Example: sma([1, 2, 3, 4], 2) = [nan, 1.5, 2.5, 3.5].
    """
    x = _series(values)
    n = _window("window", window)
    out = np.full(x.shape, np.nan)
    if x.shape[0] >= n:
        # Running sums in float64: exact enough for spot levels and O(len) per series.
        total = np.cumsum(x, axis=0)
        out[n - 1] = total[n - 1]
        out[n:] = total[n:] - total[:-n]
        out[n - 1 :] /= n
        # Values near the float limit overflow the running sum: say so, not inf.
        finite_result(out[n - 1 :], values=x[n - 1 :], window=n)
    return out


def _recursive(x: FloatArray, alpha: float, start: int, seed: FloatArray) -> FloatArray:
    """y_start = seed; y_i = alpha * x_i + (1 - alpha) * y_(i-1) afterwards; NaN before."""
    out = np.full(x.shape, np.nan)
    out[start] = seed
    keep = 1.0 - alpha
    previous = out[start]
    for i in range(start + 1, x.shape[0]):
        previous = alpha * x[i] + keep * previous
        out[i] = previous
    return out


def ema(values: Any, span: int) -> FloatArray:
    """Exponential moving average, alpha = 2/(span + 1), seeded with the first value.

    Example: ema([1, 2, 3], 3) (alpha 0.5) = [1, 1.5, 2.25].
    """
    x = _series(values)
    n = _window("span", span)
    return _recursive(x, 2.0 / (n + 1.0), 0, x[0])


def rsi(values: Any, window: int = 14) -> FloatArray:
    """Wilder's relative strength index (0-100) over ``window`` changes (default 14).

    Example with window 2: values 1, 2, 1.5, 2.5 -> changes +1, -0.5, +1; first averages
    G = 0.5, L = 0.25 -> RSI 66.67; then G = (0.5 + 1)/2 = 0.75, L = 0.125 -> 85.71.
    """
    x = _series(values)
    n = _window("window", window)
    out = np.full(x.shape, np.nan)
    if x.shape[0] <= n:
        return out
    change = np.diff(x, axis=0)
    gains = np.maximum(change, 0.0)
    losses = np.maximum(-change, 0.0)
    # Wilder's smoothing is an EMA with alpha = 1/n, seeded with the first n-change mean.
    avg_gain = _recursive(gains, 1.0 / n, n - 1, gains[:n].mean(axis=0))
    avg_loss = _recursive(losses, 1.0 / n, n - 1, losses[:n].mean(axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        value = 100.0 - 100.0 / (1.0 + avg_gain / avg_loss)
    value = np.where((avg_loss == 0) & (avg_gain > 0), 100.0, value)
    value = np.where((avg_loss == 0) & (avg_gain == 0), 50.0, value)
    out[1:] = value
    return out


@dataclass(frozen=True)
class Macd:
    """MACD line (fast EMA - slow EMA), its signal EMA and the histogram (line - signal)."""

    line: FloatArray
    signal: FloatArray
    histogram: FloatArray


def macd(values: Any, fast: int = 12, slow: int = 26, signal: int = 9) -> Macd:
    """MACD(12, 26, 9) with EMAs seeded at the first value (pandas ``adjust=False``)."""
    f = _window("fast", fast)
    s = _window("slow", slow)
    if f >= s:
        raise CarryxlError("fast", fast, f"must be shorter than slow ({slow})")
    line = ema(values, f) - ema(values, s)
    signal_line = ema(line, _window("signal", signal))
    return Macd(line, signal_line, line - signal_line)
