"""Input checks shared by every core function: one place for the rules and their wording.

Each check takes the argument's name, so the error says which input broke which rule.
Arrays are checked with one reduction first (no temporary arrays); only when that
fails is the offending element searched for, so valid input stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from carryxl.core.errors import CarryxlError

__all__ = [
    "FloatArray",
    "as_floats",
    "common_shape",
    "finite",
    "fraction_change",
    "greater_than",
    "non_negative",
    "positive",
    "rate",
]

FloatArray = npt.NDArray[np.float64]


def _where(name: str, array: FloatArray, bad: npt.NDArray[np.bool_]) -> tuple[str, Any]:
    """Name and value of the first element flagged ``bad`` (``name[i]`` for arrays)."""
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    value = array[index].item()
    if array.ndim == 0:
        return name, value
    label = ",".join(str(i) for i in index)
    return f"{name}[{label}]", value


def as_floats(name: str, value: Any) -> FloatArray:
    """``value`` as a float64 array (no copy when it already is one)."""
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        return value
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise CarryxlError(name, value, "must be a number or an array of numbers") from None
    return array


def finite(name: str, value: Any) -> FloatArray:
    """``value`` as floats; every element must be a finite number."""
    array = as_floats(name, value)
    if not np.isfinite(np.add.reduce(array, axis=None)):
        bad = ~np.isfinite(array)
        if bad.any():
            raise CarryxlError(*_where(name, array, bad), "must be a finite number")
    return array


def greater_than(name: str, value: Any, bound: float, rule: str) -> FloatArray:
    """``value`` as floats; every element must be finite and > ``bound``."""
    array = as_floats(name, value)
    # min() propagates NaN, so one reduction rejects NaN, -inf and values <= bound.
    if array.size and not (np.min(array) > bound and np.max(array) < np.inf):
        bad = ~(np.isfinite(array) & (array > bound))
        raise CarryxlError(*_where(name, array, bad), rule)
    return array


def positive(name: str, value: Any) -> FloatArray:
    """Spots, notionals, prices: finite and > 0."""
    return greater_than(name, value, 0.0, "must be a finite number > 0")


def non_negative(name: str, value: Any) -> FloatArray:
    """Costs, volatilities, tax rates: finite and >= 0."""
    array = as_floats(name, value)
    if array.size and not (np.min(array) >= 0.0 and np.max(array) < np.inf):
        bad = ~(np.isfinite(array) & (array >= 0.0))
        raise CarryxlError(*_where(name, array, bad), "must be a finite number >= 0")
    return array


def rate(name: str, value: Any) -> FloatArray:
    """An interest rate as a decimal (0.045 for 4.5%): finite and > -1."""
    return greater_than(name, value, -1.0, "must be a rate as a decimal above -1 (0.045 for 4.5%)")


def fraction_change(name: str, value: Any) -> FloatArray:
    """A return or a price move as a decimal (-0.03 for -3%): finite and > -1."""
    return greater_than(name, value, -1.0, "must be a change as a decimal above -1 (-100%)")


def common_shape(**arrays: npt.NDArray[Any]) -> tuple[int, ...]:
    """The shape the named arrays broadcast to, or an error saying which do not fit."""
    try:
        return np.broadcast_shapes(*(np.shape(v) for v in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k}{np.shape(v)}" for k, v in arrays.items())
        raise CarryxlError(
            " / ".join(arrays), shapes, "array shapes must match or broadcast"
        ) from None
