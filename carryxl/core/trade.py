"""A carry trade's inputs, checked once: the preamble carry and costs share (the swap
quote functions share theirs, ``swaps._quote``).

- :func:`checked_legs`: both legs' simple rates and year fractions (r_t, r_f, t_t, t_f);
  :meth:`Legs.interests` the interest per unit on each leg, with 1 + r*t > 0.
- :func:`checked_spots`: notional, start and end spots and the pair's orientation.
- :func:`inverted`: where the pair reads FUNDING/TARGET (the target's price is 1/S).

Each returns the checked arrays under the user's argument names (``named``), so a
function checks all its inputs' shapes in one :func:`~carryxl.core.validate.common_shape`
and a mismatch names the arguments the user typed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from carryxl.core.conventions import Orientation
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import (
    FloatArray,
    as_floats,
    interest,
    non_negative,
    positive,
    rate,
    rate_and_low,
)

__all__ = ["Legs", "Spots", "checked_legs", "checked_spots", "inverted"]

_BoolArray = npt.NDArray[np.bool_]
_MIN = np.minimum.reduce
_MAX = np.maximum.reduce


@functools.lru_cache(maxsize=64)
def _inverted_text(text: str) -> bool:
    return Orientation.parse(text) is Orientation.FUNDING_TARGET


def inverted(orientation: Any) -> bool | _BoolArray:
    """True where spot is FUNDING/TARGET (so the target's price is 1/S)."""
    if isinstance(orientation, Orientation):  # the default: no parsing
        return orientation is Orientation.FUNDING_TARGET
    if isinstance(orientation, str):
        return _inverted_text(orientation)  # each spelling parsed once
    try:
        values = np.asarray(orientation, dtype=object).astype(str)
    except ValueError:  # a ragged list
        raise CarryxlError(
            "orientation", orientation, "must be one orientation or a column of them"
        ) from None
    labels, index = np.unique(values, return_inverse=True)  # parse each spelling once
    flags = np.array(
        [Orientation.parse(v) is Orientation.FUNDING_TARGET for v in labels], dtype=bool
    )
    result: _BoolArray = flags[index].reshape(values.shape)
    return result


@dataclass(slots=True)
class Legs:
    """Both legs' checked rates and year fractions (``years_funding`` None: ``years``)."""

    rate_target: FloatArray
    rate_funding: FloatArray
    years: FloatArray
    years_funding: FloatArray | None
    deposits: bool
    lowest_target: float
    lowest_funding: float

    def named(self) -> dict[str, FloatArray]:
        """The checked inputs under their argument names (for one shape check)."""
        names = {
            "rate_target": self.rate_target,
            "rate_funding": self.rate_funding,
            "years": self.years,
        }
        if self.years_funding is not None:
            names["years_funding"] = self.years_funding
        return names

    def interests(self) -> tuple[FloatArray, FloatArray]:
        """Interest per unit over the period on each leg, r_t*t_t and r_f*t_f (after the
        shape check). With ``deposits`` each 1 + r*t must stay above 0: a simple-interest
        deposit or loan cannot lose its principal; only a negative rate can break it."""
        r_t, r_f, t_t = self.rate_target, self.rate_funding, self.years
        t_f = t_t if self.years_funding is None else self.years_funding
        if self.deposits and self.lowest_target < 0.0:
            i_t = interest("rate_target", "years", r_t, t_t)
        else:
            i_t = r_t * t_t
        if self.deposits and self.lowest_funding < 0.0:
            years_name = "years" if self.years_funding is None else "years_funding"
            i_f = interest("rate_funding", years_name, r_f, t_f)
        else:
            i_f = r_f * t_f
        return i_t, i_f

    def check_deposits(self) -> None:
        """:meth:`interests`' test of 1 + r*t > 0 without making r*t: the lowest rate times
        the longest period bounds every product (only if that fails is each one tested)."""
        t_f = self.years if self.years_funding is None else self.years_funding
        funding_years = "years" if self.years_funding is None else "years_funding"
        legs = (
            (self.lowest_target, "rate_target", self.rate_target, "years", self.years),
            (self.lowest_funding, "rate_funding", self.rate_funding, funding_years, t_f),
        )
        for low, rate_name, r, years_name, t in legs:
            bounded = not (self.deposits and low < 0.0 and t.size)
            if not (bounded or low * _MAX(t, axis=None) > -1.0):
                interest(rate_name, years_name, r, t)

    def recheck(self) -> None:
        """Every check again, the +inf test included (after a ``deferred`` check)."""
        rate("rate_target", self.rate_target)
        rate("rate_funding", self.rate_funding)
        for name, value in self.named().items():
            if name.startswith("years"):
                non_negative(name, value)


def checked_legs(
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    years_funding: Any = None,
    *,
    deposits: bool = True,
    deferred: bool = False,
) -> Legs:
    """Rates (> -1) and year fractions (>= 0) of both legs; ``years_funding`` None: ``years``.

    ``deposits``: :meth:`Legs.interests` also holds each 1 + r*t above 0 (the exact P&L,
    forwards and break-evens divide or multiply by it); the textbook decomposition, which
    never grows 1 + r*t, goes without. ``deferred``: the +inf test is left to the caller's
    result (see :meth:`Legs.recheck`).
    """
    r_t, low_t = rate_and_low("rate_target", rate_target, deferred=deferred)
    r_f, low_f = rate_and_low("rate_funding", rate_funding, deferred=deferred)
    t_t = non_negative("years", years, deferred=deferred)
    t_f = (
        None
        if years_funding is None
        else non_negative("years_funding", years_funding, deferred=deferred)
    )
    return Legs(r_t, r_f, t_t, t_f, deposits, low_t, low_f)


@dataclass(slots=True)
class Spots:
    """A trade's checked notional (or None), spots (end may be None) and orientation."""

    notional: FloatArray | None
    spot_start: FloatArray
    spot_end: FloatArray | None
    inverted: bool | _BoolArray

    def named(self) -> dict[str, FloatArray]:
        """The checked numbers under their argument names."""
        names = {} if self.notional is None else {"notional": self.notional}
        names["spot_start"] = self.spot_start
        if self.spot_end is not None:
            names["spot_end"] = self.spot_end
        return names

    def recheck(self) -> None:
        """Every check again, the +inf test included (after a ``deferred`` check)."""
        for name, value in self.named().items():
            positive(name, value)

    def orientations(self) -> dict[str, Any]:
        """A column of orientations under its name (for the shape check), else nothing."""
        return {} if isinstance(self.inverted, bool) else {"orientation": self.inverted}

    def size(self) -> FloatArray:
        """The checked notional."""
        if self.notional is None:
            raise CarryxlError("notional", None, "is needed for money amounts")
        return self.notional

    def end(self) -> FloatArray:
        """The checked end spot."""
        if self.spot_end is None:
            raise CarryxlError("spot_end", None, "is needed for the move of the spot")
        return self.spot_end

    def ratio(self) -> FloatArray:
        """X1/X0: S1/S0 for TARGET/FUNDING, S0/S1 for FUNDING/TARGET."""
        s0, s1 = self.spot_start, self.spot_end
        if s1 is None:
            s1 = self.end()  # raises
        if self.inverted is True:
            return s0 / s1
        if self.inverted is False:
            return s1 / s0
        result: FloatArray = np.where(self.inverted, s0 / s1, s1 / s0)
        return result


def _both_positive(first: Any, second: Any) -> bool:
    """Two float64 columns of one shape, all > 0 (NaN fails), in one reduction: the
    elementwise minimum costs less than a second reduction. False: check each alone."""
    if not (
        type(first) is np.ndarray
        and type(second) is np.ndarray
        and first.dtype == second.dtype == np.float64
        and first.shape == second.shape
        and first.size
    ):
        return False
    return bool(_MIN(np.minimum(first, second), axis=None) > 0.0)


def checked_spots(
    spot_start: Any,
    spot_end: Any = None,
    orientation: Any = Orientation.TARGET_FUNDING,
    notional: Any = None,
    *,
    deferred: bool = False,
) -> Spots:
    """Notional and spots > 0 (``None``: not part of this calculation) and the orientation.

    ``deferred`` leaves the +inf tests, and the whole test of ``spot_end``, to the caller:
    a finite result and X1/X0 > 0 prove them (X1/X0 > 0 with S0 > 0 means S1 > 0), and
    otherwise :meth:`Spots.recheck` repeats every test.
    """
    if deferred and _both_positive(notional, spot_start):
        n, s0 = notional, spot_start
    else:
        n = None if notional is None else positive("notional", notional, deferred=deferred)
        s0 = positive("spot_start", spot_start, deferred=deferred)
    s1 = None if spot_end is None else as_floats("spot_end", spot_end)
    if s1 is not None and not (deferred and s1.ndim):  # a single number: test it now
        s1 = positive("spot_end", spot_end)
    return Spots(n, s0, s1, inverted(orientation))
