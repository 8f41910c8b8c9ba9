"""Input checks shared by every core function: one place for the rules and their wording.

Each check takes the argument's name, so the error says which input broke which rule.
A single Python number is checked with plain comparisons; an array with one or two
reductions (no temporary arrays). Only when a check fails is the offending element
searched for, so valid input stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from carryxl.core.errors import CarryxlError, Described, Rule, not_finite_result, shapes_differ

__all__ = [
    "FloatArray",
    "all_finite",
    "as_floats",
    "common_shape",
    "finite",
    "finite_result",
    "flag",
    "fraction_change",
    "greater_than",
    "interest",
    "non_negative",
    "positive",
    "rate",
    "rate_and_low",
    "shape_of",
]

FloatArray = npt.NDArray[np.float64]

_INF = float("inf")
_MIN = np.minimum.reduce
_MAX = np.maximum.reduce
_FLOAT = np.float64
_SCALARS = frozenset({float, np.float64})
_FLOAT_DTYPE = np.dtype(np.float64)


def _where(name: str, array: FloatArray, bad: npt.NDArray[np.bool_]) -> tuple[str, Any]:
    """Name and value of the first element flagged ``bad`` (``name[i]`` for arrays)."""
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    value = array[index].item()
    if array.ndim == 0:
        return name, value
    label = ",".join(str(i) for i in index)
    return f"{name}[{label}]", value


def _element_error(
    name: str, array: FloatArray, bad: npt.NDArray[np.bool_], rule: str
) -> CarryxlError:
    """The error for the first element flagged ``bad``; for a column it also lists every
    flagged element (``elements``: positions and values), so a caller holding one row per
    element can set each bad row aside at once instead of searching for them."""
    error = CarryxlError(*_where(name, array, bad), rule)
    if array.ndim == 1:
        positions = np.flatnonzero(bad)
        error.elements = (positions, array[positions])
    return error


def as_floats(name: str, value: Any) -> FloatArray:
    """``value`` as a float64 array (no copy when it already is one)."""
    if isinstance(value, np.ndarray) and value.dtype == _FLOAT:
        return value
    try:
        array = np.asarray(value, dtype=_FLOAT)
    except (TypeError, ValueError, OverflowError):
        raise CarryxlError(name, value, Rule.NUMBER) from None
    return array


def finite(name: str, value: Any) -> FloatArray:
    """``value`` as floats; every element must be a finite number."""
    if type(value) in _SCALARS:
        if -_INF < value < _INF:
            return np.asarray(value, dtype=_FLOAT)
        raise CarryxlError(name, float(value), Rule.FINITE)
    array = as_floats(name, value)
    if array.size and not (_MIN(array, axis=None) > -_INF and _MAX(array, axis=None) < _INF):
        raise _element_error(name, array, ~np.isfinite(array), Rule.FINITE)
    return array


def _checked(
    name: str, value: Any, bound: float, strict: bool, rule: str, deferred: bool = False
) -> tuple[FloatArray, float]:
    """``value`` as floats, each finite and > ``bound`` (``strict``) or >= ``bound``; and
    its smallest element (``inf`` when empty), which callers may reuse.

    ``deferred`` leaves out the one test an array's minimum cannot do, for +inf: only for
    callers that prove it from their result (see :func:`all_finite`) and, if that fails,
    check again without it.
    """
    if type(value) is np.ndarray and value.dtype is _FLOAT_DTYPE:
        array = value
    elif type(value) in _SCALARS:  # one number: no array reductions needed
        if (value > bound if strict else value >= bound) and value < _INF:
            return np.asarray(value, dtype=_FLOAT), value
        raise CarryxlError(name, float(value), rule)
    else:
        array = as_floats(name, value)
    if not array.size:
        return array, _INF
    # minimum/maximum propagate NaN, so two reductions reject NaN, inf and values on
    # the wrong side of the bound.
    low = _MIN(array, axis=None)
    if not (
        (low > bound if strict else low >= bound) and (deferred or _MAX(array, axis=None) < _INF)
    ):
        good = np.isfinite(array) & ((array > bound) if strict else (array >= bound))
        raise _element_error(name, array, ~good, rule)
    return array, low


def _above(name: str, value: Any, bound: float, strict: bool, rule: str) -> FloatArray:
    return _checked(name, value, bound, strict, rule)[0]


def all_finite(values: FloatArray) -> bool:
    """True when every element is finite: one sum (an overflowing sum checks each element)."""
    if not values.size:
        return True
    total = np.add.reduce(values, axis=None)
    return bool(-_INF < total < _INF) or bool(np.isfinite(values).all())


def flag(name: str, value: Any) -> bool:
    """A yes/no setting: True or False (1 or 0 as Excel may send them)."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if type(value) in (int, float, np.float64, np.int64) and value in (0, 1):
        return bool(value)
    raise CarryxlError(name, value, Rule.FLAG)


def greater_than(name: str, value: Any, bound: float, rule: str) -> FloatArray:
    """``value`` as floats; every element must be finite and > ``bound``."""
    return _above(name, value, bound, True, rule)


def positive(name: str, value: Any, *, deferred: bool = False) -> FloatArray:
    """Spots, notionals, prices: finite and > 0 (``deferred``: see :func:`_checked`)."""
    return _checked(name, value, 0.0, True, Rule.POSITIVE, deferred)[0]


def non_negative(name: str, value: Any, *, deferred: bool = False) -> FloatArray:
    """Costs, volatilities, tax rates: finite and >= 0 (``deferred``: see :func:`_checked`)."""
    return _checked(name, value, 0.0, False, Rule.NON_NEGATIVE, deferred)[0]


def rate(name: str, value: Any) -> FloatArray:
    """An interest rate as a decimal (0.045 for 4.5%): finite and > -1."""
    return _above(name, value, -1.0, True, Rule.RATE)


def rate_and_low(name: str, value: Any, *, deferred: bool = False) -> tuple[FloatArray, float]:
    """:func:`rate`, and the lowest rate (a rate >= 0 earns, so 1 + r*t > 0 needs no check)."""
    return _checked(name, value, -1.0, True, Rule.RATE, deferred)


def fraction_change(name: str, value: Any) -> FloatArray:
    """A return or a price move as a decimal (-0.03 for -3%): finite and > -1."""
    return _above(name, value, -1.0, True, Rule.CHANGE)


def interest(
    rate_name: str, years_name: str, rate_value: FloatArray, years: FloatArray
) -> FloatArray:
    """r*t of a checked rate and year fraction, where 1 + r*t must stay above 0.

    A rate above -1 can still wipe out a deposit over several years (-5% for 30 years):
    simple interest then has no meaning, and forwards or break-evens would turn negative.
    """
    value: FloatArray = rate_value * years
    if value.ndim == 0:
        if value > -1.0:
            return value
    elif not value.size or _MIN(value, axis=None) > -1.0:
        return value
    r, t = np.broadcast_arrays(rate_value, years)
    index = tuple(int(i) for i in np.argwhere(np.broadcast_to(value, r.shape) <= -1.0)[0])
    suffix = f"[{','.join(map(str, index))}]" if index else ""
    shown = Described(f"{rate_name}={r[index]:.6g}, {years_name}={t[index]:.6g}")
    raise CarryxlError(f"{rate_name}{suffix} / {years_name}{suffix}", shown, Rule.GROWTH)


def common_shape(**arrays: npt.NDArray[Any]) -> tuple[int, ...]:
    """The shape the named arrays broadcast to, or an error naming those that do not fit."""
    return shape_of(arrays)


def shape_of(arrays: dict[str, Any]) -> tuple[int, ...]:
    """:func:`common_shape` of a dict of named arrays."""
    shape: tuple[int, ...] = ()
    for value in arrays.values():
        own = value.shape if isinstance(value, np.ndarray) else np.shape(value)
        if own and own != shape:
            if shape:
                break
            shape = own
    else:  # all single numbers or one shape: nothing to broadcast
        return shape
    shapes = {k: (v.shape if isinstance(v, np.ndarray) else np.shape(v)) for k, v in arrays.items()}
    try:
        return np.broadcast_shapes(*shapes.values())
    except ValueError:
        raise shapes_differ(shapes) from None


def finite_result(result: FloatArray, **inputs: Any) -> FloatArray:
    """``result`` if every element is finite; else an error naming the (finite) inputs.

    Finite inputs can still overflow (a notional of 1e300) or meet in 0 * inf: the
    result is then no number a sheet can use, and the message shows the inputs of the
    first such element.
    """
    if np.ndim(result) == 0:
        if -_INF < result < _INF:
            return result
        index: tuple[int, ...] = ()
    else:
        if all_finite(result):
            return result
        index = tuple(int(i) for i in np.argwhere(~np.isfinite(result))[0])
    values = {}
    for name, value in inputs.items():
        array = np.asarray(value)
        if array.ndim and index:
            try:
                array = np.broadcast_to(array, np.shape(result))[index]
            except ValueError:  # more axes than the result (summed over its last): that slice
                array = array[index]
        values[name] = array.item() if array.size == 1 else array
    raise not_finite_result(values)
