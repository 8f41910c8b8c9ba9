"""FX forwards by covered interest parity, from simple money-market rates.

For a pair BASE/QUOTE at spot S, with each currency's simple rate over its own year
fraction (each on its own day count):

    F = S * (1 + r_quote * t_quote) / (1 + r_base * t_base)

Forward points = (F - S) * scale, with scale 100 for JPY-quoted pairs and 10,000
otherwise (see :func:`~carryxl.core.conventions.points_scale`). The inverse recovers
the quote currency's rate, and so the differential, implied by a quoted forward.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.core.validate import (
    FloatArray,
    common_shape,
    finite,
    finite_result,
    interest,
    non_negative,
    positive,
    rate,
)

__all__ = [
    "forward_from_points",
    "forward_outright",
    "forward_points",
    "implied_quote_rate",
    "implied_rate_differential",
    "implied_rate_differential_simple",
]


def _checked(
    spot: Any, rate_base: Any, rate_quote: Any, years: Any, years_quote: Any, **more: FloatArray
) -> tuple[dict[str, FloatArray], FloatArray, FloatArray]:
    """The forward's inputs checked under their names (one shape check for all of them,
    ``more`` included), and the growth 1 + r*t of the base and of the quote currency."""
    named = {
        "spot": positive("spot", spot),
        "rate_base": rate("rate_base", rate_base),
        "rate_quote": rate("rate_quote", rate_quote),
        "years": non_negative("years", years),
    }
    if years_quote is not None:
        named["years_quote"] = non_negative("years_quote", years_quote)
    named.update(more)
    common_shape(**named)
    t_q = "years" if years_quote is None else "years_quote"
    g_base = 1.0 + interest("rate_base", "years", named["rate_base"], named["years"])
    g_quote = 1.0 + interest("rate_quote", t_q, named["rate_quote"], named[t_q])
    return named, g_base, g_quote


def forward_outright(
    spot: Any, rate_base: Any, rate_quote: Any, years: Any, years_quote: Any = None
) -> FloatArray:
    """CIP forward: S (1 + r_quote t_quote) / (1 + r_base t_base); each 1 + r*t above 0.

    ``years`` is the base leg's year fraction, ``years_quote`` the quote leg's (default
    ``years``). AUD/JPY 100, AUD 4.5%, JPY 0.1%, 0.5y: 100 * 1.0005 / 1.0225 = 97.8484.
    """
    named, g_base, g_quote = _checked(spot, rate_base, rate_quote, years, years_quote)
    return finite_result(named["spot"] * g_quote / g_base, **named)


def forward_points(
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    years: Any,
    scale: Any = 10_000.0,
    years_quote: Any = None,
) -> FloatArray:
    """Forward points (F - S) * scale; scale 100 for JPY-quoted pairs, else 10,000.

    AUD/JPY example above: (97.8484 - 100) * 100 = -215.16 points.
    """
    k = positive("scale", scale)
    named, g_base, g_quote = _checked(spot, rate_base, rate_quote, years, years_quote, scale=k)
    s = named["spot"]
    return finite_result((s * g_quote / g_base - s) * k, **named)


def forward_from_points(spot: Any, points: Any, scale: Any = 10_000.0) -> FloatArray:
    """The outright from points: S + points / scale."""
    s = positive("spot", spot)
    p = finite("points", points)
    k = positive("scale", scale)
    common_shape(spot=s, points=p, scale=k)
    outright = finite_result(s + p / k, spot=s, points=p, scale=k)
    below = outright <= 0
    if below.any():
        bad = np.broadcast_to(p, below.shape)[below].ravel()[0]
        raise CarryxlError("points", bad, "must leave the forward above 0 (spot + points / scale)")
    return outright


def implied_quote_rate(
    spot: Any, forward: Any, rate_base: Any, years: Any, years_quote: Any = None
) -> FloatArray:
    """The quote currency's simple rate implied by a forward: ((F/S)(1 + r_b t_b) - 1) / t_q."""
    s = positive("spot", spot)
    f = positive("forward", forward)
    r_b = rate("rate_base", rate_base)
    t_b = non_negative("years", years)
    named = {"spot": s, "forward": f, "rate_base": r_b, "years": t_b}
    if years_quote is None:
        t_q = positive("years", t_b)
    else:
        t_q = named["years_quote"] = positive("years_quote", years_quote)
    common_shape(**named)
    g_base = 1.0 + interest("rate_base", "years", r_b, t_b)
    return finite_result((f / s * g_base - 1.0) / t_q, **named)


def implied_rate_differential(
    spot: Any, forward: Any, rate_base: Any, years: Any, years_quote: Any = None
) -> FloatArray:
    """Exact r_quote - r_base implied by a forward, given the base currency's rate."""
    r_b = rate("rate_base", rate_base)
    return implied_quote_rate(spot, forward, r_b, years, years_quote) - r_b


def implied_rate_differential_simple(spot: Any, forward: Any, years: Any) -> FloatArray:
    """Textbook r_quote - r_base ~ (F/S - 1) / t (exact only as rates go to zero)."""
    s = positive("spot", spot)
    f = positive("forward", forward)
    t = positive("years", years)
    common_shape(spot=s, forward=f, years=t)
    return finite_result((f / s - 1.0) / t, spot=s, forward=f, years=t)
