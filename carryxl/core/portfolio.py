"""The trader's whole book (整个账户): staged positions, P&L in the account currency,
correlated risk (VaR/ES), each position's share of the risk, and currency concentration.

**Positions from tranches** (分批建仓). Tranche k belongs to position ``position[k]``
(0, 1, 2 ... n-1) and buys u_k base units of that position's pair at rate S_k (quote
units per base unit), ``days[k]`` calendar days before the valuation date. Per
position j with side s_j (+1 long the base, -1 short), spot S_j, money-market rates
r_b (base currency) and r_q (quote currency) on day-count bases B_b and B_q:

- units U = Σ u_k, cost C = Σ u_k S_k, average entry rate = C / U
  (as :func:`carryxl.core.staging.staged_position`);
- FX P&L = s (U S - C)                                     (quote currency)
- carry accrued = s Σ u_k S_k d_k (r_b / B_b - r_q / B_q)  (quote currency; the
  seeds' simple 利差收益 of each tranche's notional over its own days, no cross term)
- swap = w Σ u_k n_k / L (:func:`broker_swap`), the broker's overnight swap
  (:mod:`carryxl.core.swaps`'s "money per lot": w quote money per lot of L base units
  per night, credit positive, the broker's figure for the position's side), each
  tranche over its own nights n_k (the calendar days it was held: the weekend's and
  holidays' nights are charged on some weekday, so over the holding period the nights
  are the calendar days)
- total = carry + swap + FX P&L
- stop-loss spot = average (1 - s x stop), the spot where the FX loss is ``stop`` of the
  cost (:func:`carryxl.core.risk.stop_loss_spot` with max loss = stop x C);
  distance = s (S - stop spot) / S, the fall (long) or rise (short) still to go;
- margin used = U S / leverage (:func:`carryxl.core.margin.margin_required`);
- stop hit where the distance is <= 0 (the spot is at or through the stop); margin
  exceeded where the loss is larger than the margin posted (total < -margin);
- tax for the book (:func:`book_tax`, in the account currency): the carry and the swap are
  the interest basket, the FX P&L the FX basket; each basket nets across the positions
  first (a loss offsets gains of the same kind), then ``offset`` decides whether the
  book's two baskets offset each other (:func:`carryxl.core.tax.after_tax`). Each
  position's share of a basket's tax is its gain in that basket over the basket's gains.

The carry is the interest differential the money earns (a deposit-funded position); a
broker's swap is what the broker credits or charges instead. On a margin account whose
swap already pays the differential, give the swap and leave both rates at 0, or the
differential is counted twice.

Money in the account currency is quote money x ``to_account`` (account units per
quote unit, e.g. CNY per JPY).

**The book's risk** (parametric, normal, zero expected return). Each position's
exposure is its signed value in the account currency, w_j = s_j U_j S_j k_j; its risk
factor is the log change of its pair, with annual volatility σ_j and correlations R.
With Σ = diag(σ) R diag(σ), over t years at confidence c (z = Φ⁻¹(c)):

- book volatility (money a year) σ_P = √(wᵀ Σ w);
- VaR = z σ_P √t; ES = σ_P √t φ(z) / (1 - c);
- stand-alone VaR_j = z |w_j| σ_j √t (:func:`carryxl.core.risk.value_at_risk`);
- Euler contribution_j = z √t w_j (Σ w)_j / σ_P; the contributions add up to the VaR;
- diversification ratio = Σ VaR_j / VaR (1 when every position is the same bet).

**Currency exposure.** A position long the base holds U of the base (worth w_j today)
and owes the quote money it borrowed, its cost C (worth C k today); a short holds the
quote money its sale brought, C, and owes the U base units it borrowed (worth |w_j|
today). Net exposure per currency adds these up in the account currency (without the
amounts owed: the held leg against itself, as before). The book is *concentrated* when one currency
funds more than ``threshold`` (default 50%) of the gross exposure Σ |w_j|.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from carryxl.core.conventions import Pair
from carryxl.core.defaults import CONFIDENCE, LOT_SIZE
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.margin import margin_required
from carryxl.core.risk import _quantile, stop_loss_spot, value_at_risk
from carryxl.core.sides import side_sign
from carryxl.core.staging import staged_position
from carryxl.core.tax import LossOffset, TaxResult, after_tax
from carryxl.core.validate import (
    FloatArray,
    as_floats,
    common_shape,
    finite,
    finite_result,
    non_negative,
    positive,
    rate,
)

__all__ = [
    "NATIVE_FORMULAS",
    "BookColumns",
    "BookPositions",
    "BookRisk",
    "CurrencyExposure",
    "IntArray",
    "TrancheSums",
    "book_positions",
    "book_risk",
    "book_tax",
    "broker_swap",
    "carry_accrued",
    "check_correlation",
    "currency_exposure",
    "position_index",
    "tranche_sums",
]

IntArray = npt.NDArray[np.intp]


@dataclass(frozen=True)
class BookPositions:
    """Each position of a book (one entry per position). Money in the pair's quote
    currency unless the name ends in ``_account``; ``tax`` is in the account currency."""

    units: FloatArray
    cost: FloatArray
    average_rate: FloatArray
    carry: FloatArray
    fx: FloatArray
    swap: FloatArray
    total: FloatArray
    stop_spot: FloatArray
    stop_distance: FloatArray
    margin: FloatArray
    exposure_account: FloatArray
    total_account: FloatArray
    margin_account: FloatArray
    tax: TaxResult
    pnl_tranches: FloatArray
    stop_hit: npt.NDArray[np.bool_]
    margin_exceeded: npt.NDArray[np.bool_]
    held_account: FloatArray
    owed_account: FloatArray


@dataclass(frozen=True)
class BookRisk:
    """The book's parametric risk in the account currency."""

    volatility: float
    var: float
    es: float
    standalone_var: FloatArray
    contributions: FloatArray
    shares: FloatArray
    diversification_ratio: float


@dataclass(frozen=True)
class CurrencyExposure:
    """Net exposure per currency (account money; + held, - owed) and funding shares."""

    currencies: tuple[str, ...]
    net: FloatArray
    funding_share: FloatArray
    top_funding: str
    concentrated: bool


def position_index(position: Any, count: int | None = None) -> IntArray:
    """Tranches' position numbers (0 ... n-1, whole numbers) as an index array.

    ``count`` (the number of positions) defaults to the largest number + 1; every
    position from 0 to count - 1 must have at least one tranche.
    """
    p = finite("position", position)
    if p.ndim != 1 or p.size == 0:
        raise CarryxlError("position", position, "must be a column of position numbers")
    if not (np.all(p == np.round(p)) and np.min(p) >= 0):
        raise CarryxlError("position", position, "must be whole numbers 0, 1, 2 ...")
    index = p.astype(np.intp)
    if count is None:
        n = int(index.max()) + 1
    else:
        whole = isinstance(count, int | float | np.integer | np.floating) and not isinstance(
            count, bool
        )
        if not (whole and math.isfinite(count) and count == int(count) and count >= 1):
            raise CarryxlError("count", count, "must be the number of positions, a whole number")
        n = int(count)
    if index.max() >= n:
        raise CarryxlError("position", int(index.max()), f"must be below the {n} positions")
    present = np.unique(index)  # within 0 ... n-1: the first gap is the first missing one
    if present.size < n:
        gaps = np.flatnonzero(present != np.arange(present.size))
        raise CarryxlError(
            "position", int(gaps[0]) if gaps.size else present.size, "has no tranche"
        )
    return index


def _per_position(name: str, values: FloatArray, n: int) -> FloatArray:
    if values.ndim > 1 or (values.ndim == 1 and values.size not in (1, n)):
        raise CarryxlError(name, values.shape, f"must be one number or one per position ({n})")
    return np.broadcast_to(values.reshape(-1) if values.ndim else values, (n,))


def _sums(index: IntArray, weights: Any, n: int) -> FloatArray:
    """Σ of ``weights`` per position (bincount; its stubs say int, it returns floats)."""
    return np.asarray(np.bincount(index, weights=weights, minlength=n), dtype=np.float64)


@dataclass(frozen=True, kw_only=True)
class BookColumns:
    """What :func:`book_positions` values, by name (built once where the book's text or
    cells are read). Tranche columns: ``position`` (0 ... n-1), ``amounts`` (base units),
    ``rates`` (entry spot, quote per base), ``days`` (calendar days held). Position
    columns (one value, or one per position): ``spot``, ``side``, ``rate_base`` and
    ``rate_quote`` (decimals a year) on ``basis_base``/``basis_quote`` days, ``stop_loss``
    (0.03 for 3%), ``leverage``, ``to_account`` (account units per quote unit), ``swap``
    (the broker's swap in quote money per lot of ``lot_size`` base units per night, credit
    positive; nights are the tranches' ``days``). The book's tax: ``tax_interest`` and
    ``tax_fx`` (decimals) and the loss ``offset`` between the two baskets."""

    position: Any
    amounts: Any
    rates: Any
    days: Any
    spot: Any
    side: Any
    rate_base: Any
    rate_quote: Any
    basis_base: Any = 365.0
    basis_quote: Any = 365.0
    stop_loss: Any = 0.03
    leverage: Any = 1.0
    to_account: Any = 1.0
    swap: Any = 0.0
    lot_size: Any = LOT_SIZE
    tax_interest: Any = 0.0
    tax_fx: Any = 0.0
    offset: LossOffset | str = LossOffset.WITHIN_POSITION


@dataclass(frozen=True)
class _Checked:
    """:class:`BookColumns` checked: tranche columns one per tranche, position columns
    one per position (``sign`` +1/-1, ``daily`` the differential a day r_b/B_b - r_q/B_q)."""

    index: IntArray
    n: int
    amounts: FloatArray
    rates: FloatArray
    days: FloatArray
    spot: FloatArray
    sign: FloatArray
    daily: FloatArray
    stop: FloatArray
    leverage: FloatArray
    to_account: FloatArray
    swap: FloatArray
    lot_size: FloatArray


def _checked(c: BookColumns) -> _Checked:
    """Each column checked under its name, in the order the user reads them."""
    if not isinstance(c, BookColumns):
        raise CarryxlError("columns", repr(c), "must be BookColumns(...), the book's columns")
    index = position_index(c.position)
    n = int(index.max()) + 1
    a = positive("amounts", c.amounts)
    r = positive("rates", c.rates)
    d = non_negative("days", c.days)
    common_shape(position=index, amounts=a, rates=r, days=d)
    a, r, d = (np.broadcast_to(x, index.shape) for x in (a, r, d))

    def each(name: str, values: FloatArray) -> FloatArray:
        return _per_position(name, values, n)

    spot = each("spot", positive("spot", c.spot))
    sign = each("side", side_sign(c.side))
    r_b = each("rate_base", rate("rate_base", c.rate_base))
    r_q = each("rate_quote", rate("rate_quote", c.rate_quote))
    b_b = each("basis_base", positive("basis_base", c.basis_base))
    b_q = each("basis_quote", positive("basis_quote", c.basis_quote))
    stop = each("stop_loss", positive("stop_loss", c.stop_loss))
    if (stop >= 1.0).any():
        raise CarryxlError("stop_loss", c.stop_loss, "must be a fraction below 1 (0.03 for 3%)")
    return _Checked(
        index=index,
        n=n,
        amounts=a,
        rates=r,
        days=d,
        spot=spot,
        sign=sign,
        daily=r_b / b_b - r_q / b_q,
        stop=stop,
        leverage=each("leverage", positive("leverage", c.leverage)),
        to_account=each("to_account", positive("to_account", c.to_account)),
        swap=each("swap", finite("swap", c.swap)),
        lot_size=each("lot_size", positive("lot_size", c.lot_size)),
    )


def book_positions(columns: BookColumns) -> BookPositions:
    """Every position's average rate, carry, FX P&L, stop, margin and after-tax P&L, for
    the tranche and position columns of ``columns`` (:class:`BookColumns`).

    Example: 100,000 AUD at 100 and 100,000 at 98 held 182 and 91 days, spot 99, AUD 4.5%,
    JPY 0.1% (ACT/365): average 99, FX 0, carry 10,000,000 x 0.044 x 182/365 + 9,800,000 x
    0.044 x 91/365 = 326,901.92 JPY.
    """
    c = _checked(columns)
    sign, spot, k = c.sign, c.spot, c.to_account
    sums = tranche_sums(c.index, c.n, c.amounts, c.rates, spot, sign, c.days)
    average = sums.cost / sums.units
    carry = carry_accrued(sign, c.daily, sums.cost_days)
    swap_accrued = broker_swap(c.swap, sums.unit_days, c.lot_size)
    total = carry + swap_accrued + sums.fx
    stop_spot = stop_loss_spot(average, sums.units, c.stop * sums.cost, sign, "quote")
    distance = sign * (spot - stop_spot) / spot
    value = sums.units * spot
    margin = margin_required(value, leverage=c.leverage)
    tax = book_tax(
        (carry + swap_accrued) * k,
        sums.fx * k,
        columns.tax_interest,
        columns.tax_fx,
        columns.offset,
    )
    return BookPositions(
        units=sums.units,
        cost=sums.cost,
        average_rate=average,
        carry=carry,
        fx=sums.fx,
        swap=swap_accrued,
        total=total,
        stop_spot=stop_spot,
        stop_distance=distance,
        margin=margin,
        exposure_account=sign * value * k,
        total_account=total * k,
        margin_account=margin * k,
        tax=tax,
        pnl_tranches=sums.pnl_tranches,
        stop_hit=distance <= 0.0,
        margin_exceeded=total < -margin,
        # A long holds U of the base and owes the quote it paid, C; a short the reverse.
        held_account=np.where(sign > 0, value, sums.cost) * k,
        owed_account=np.where(sign > 0, sums.cost, value) * k,
    )


@dataclass(frozen=True)
class TrancheSums:
    """Per position (quote currency): units U = Σ u, cost C = Σ u S_k, FX P&L
    s (U S - C), Σ u S_k d_k (cost x days, for the carry) and Σ u d_k (units x nights,
    for the broker's swap); and each tranche's FX P&L."""

    units: FloatArray
    cost: FloatArray
    fx: FloatArray
    cost_days: FloatArray
    unit_days: FloatArray
    pnl_tranches: FloatArray


def tranche_sums(
    index: IntArray, n: int, amounts: Any, rates: Any, spot: Any, sign: Any, days: Any
) -> TrancheSums:
    """The sums of :class:`TrancheSums` for tranches grouped by ``index`` (0 ... n-1):
    ``amounts``, ``rates``, ``days`` one per tranche, ``spot`` and ``sign`` (+1/-1) one per
    position. The one aggregation of tranches by position (the book, STAGED_POSITION)."""
    whole = finite("index", index)
    if whole.ndim != 1 or not bool(np.all(whole == np.round(whole))):
        raise CarryxlError("index", whole.shape, "must be a column of position numbers 0, 1, 2 ...")
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise CarryxlError("n", n, "must be the number of positions, a whole number >= 1")
    if whole.size and not (whole.min() >= 0 and whole.max() < n):
        raise CarryxlError("index", float(whole.max()), f"must be 0 to {n - 1}, one per position")
    index = whole.astype(np.intp)
    a, r, d = positive("amounts", amounts), positive("rates", rates), non_negative("days", days)
    common_shape(position=index, amounts=a, rates=r, days=d)
    a, r, d = (np.broadcast_to(x, index.shape) for x in (a, r, d))
    s = _per_position("spot", finite("spot", spot), n)
    direction = _per_position("sign", finite("sign", sign), n)
    # Each tranche as a one-tranche row of staged_position; bincount sums every position.
    tranches = staged_position(a[:, None], r[:, None], s[index], direction[index][:, None])
    return TrancheSums(
        units=_sums(index, tranches.units, n),
        cost=_sums(index, tranches.cost, n),
        fx=_sums(index, tranches.pnl, n),
        cost_days=_sums(index, tranches.cost * d, n),
        unit_days=_sums(index, a * d, n),
        pnl_tranches=tranches.pnl,
    )


def carry_accrued(sign: Any, daily: Any, cost_days: Any) -> FloatArray:
    """The carry a position has earned: s x (r_b / B_b - r_q / B_q) x Σ u S_k d_k (quote
    currency), ``daily`` the differential a day."""
    named = {
        "sign": side_sign(sign),
        "daily": finite("daily", daily),
        "cost_days": non_negative("cost_days", cost_days),
    }
    common_shape(**named)
    return finite_result(named["sign"] * named["daily"] * named["cost_days"], **named)


def broker_swap(swap: Any, unit_nights: Any, lot_size: Any = LOT_SIZE) -> FloatArray:
    """The broker's swap accrued: w x Σ u_k n_k / L — ``swap`` w quote money per lot of
    ``lot_size`` L base units per night (credit positive), ``unit_nights`` Σ u_k n_k the
    base units held times their nights. 85 JPY per lot of 10,000 on 50,000 AUD for 63
    nights: 85 x 3,150,000 / 10,000 = 26,775 JPY."""
    named = {
        "swap": finite("swap", swap),
        "unit_nights": non_negative("unit_nights", unit_nights),
        "lot_size": positive("lot_size", lot_size),
    }
    common_shape(**named)
    with np.errstate(over="ignore", invalid="ignore"):
        result = named["swap"] * named["unit_nights"] / named["lot_size"]
    return finite_result(result, **named)


def book_tax(
    interest: Any,
    fx: Any,
    rate_interest: Any,
    rate_fx: Any,
    offset: LossOffset | str = LossOffset.WITHIN_POSITION,
) -> TaxResult:
    """Tax for the book, with each position's share (account currency).

    ``interest`` and ``fx``: each position's interest basket (carry + swap) and FX
    basket. The book's baskets I = Σ interest and F = Σ fx are taxed as one
    (:func:`carryxl.core.tax.after_tax`, ``offset`` between the two baskets); position
    j's share of the interest tax is max(interest_j, 0) / Σ max(interest, 0), the same
    for FX. A position that lost pays no tax; the shares add up to the book's tax.
    Interest 100 and -40, FX 0 and 0, 20%: the book pays 0.2 x 60 = 12, all on the first.
    """
    i = finite("interest", interest)
    f = finite("fx", fx)
    common_shape(interest=i, fx=f)
    i, f = np.broadcast_arrays(np.atleast_1d(i), np.atleast_1d(f))
    for name, value in (("rate_interest", rate_interest), ("rate_fx", rate_fx)):
        if non_negative(name, value).ndim != 0:
            raise CarryxlError(name, value, "must be one tax rate for the book (0.2 for 20%)")
    book = after_tax(float(np.sum(i)), float(np.sum(f)), rate_interest, rate_fx, offset)

    def shares(values: FloatArray, taxed: FloatArray) -> FloatArray:
        gains = np.maximum(values, 0.0)
        total = float(np.sum(gains))
        if total > 0.0:
            result: FloatArray = float(taxed) * (gains / total)  # no overflow on the product
            return result
        return np.zeros_like(values)

    tax_i, tax_f = shares(i, book.tax_interest), shares(f, book.tax_fx)
    tax = tax_i + tax_f
    taxable_i = shares(i, book.taxable_interest)
    taxable_f = shares(f, book.taxable_fx)
    return TaxResult(i, f, taxable_i, taxable_f, tax_i, tax_f, tax, i + f - tax)


NATIVE_FORMULAS = {
    "units": "SUMIF({position},{number},{amount})",
    "cost": "SUMPRODUCT({mine}*{amount}*{rate})",
    "fx": "{sign}*({units}*{spot}-{cost})",
    "carry": "{sign}*SUMPRODUCT({mine}*{amount}*{rate}*{days})*({rate_base}/{basis_base}"
    "-{rate_quote}/{basis_quote})",
    "swap": "{swap}*SUMPRODUCT({mine}*{amount}*{days})/{lot_size}",
}
"""Spreadsheet formulas of :func:`tranche_sums`, :func:`carry_accrued` and
:func:`broker_swap` (the template's native columns are these, filled with its cell
references; LibreOffice proves them against the functions above). Placeholders:
``position``/``amount``/``rate``/``days`` the tranche columns, ``number`` the position's
number, ``mine`` the test (tranche's position = number), ``sign`` +1/-1, ``spot``,
``units``, ``cost``, ``rate_base``/``rate_quote`` and their ``basis_*``, ``swap`` the
broker's swap per lot per night and ``lot_size``."""


def check_correlation(correlation: Any, size: int, argument: str = "correlation") -> FloatArray:
    """A ``size`` x ``size`` correlation matrix: symmetric, ones on the diagonal, entries in
    [-1, 1] and positive semi-definite (no eigenvalue below -1e-10)."""
    if isinstance(size, bool) or not isinstance(size, int | np.integer) or size < 1:
        raise CarryxlError("size", size, "must be the number of positions, a whole number >= 1")
    m = finite(argument, correlation)
    if m.ndim == 0 and size == 1:
        m = m.reshape(1, 1)
    if m.shape != (size, size):
        raise CarryxlError(
            argument, m.shape, f"must be a {size} x {size} matrix (one per position)"
        )
    if not np.allclose(m, m.T, rtol=0.0, atol=1e-12):
        raise CarryxlError(argument, m.tolist(), "must be symmetric")
    if not np.allclose(np.diag(m), 1.0, rtol=0.0, atol=1e-12):
        raise CarryxlError(argument, np.diag(m).tolist(), "must have 1 on the diagonal")
    if np.max(np.abs(m)) > 1.0 + 1e-12:
        raise CarryxlError(argument, float(np.max(np.abs(m))), "must have entries in [-1, 1]")
    if size > 1 and float(np.min(np.linalg.eigvalsh(m))) < -1e-10:
        raise CarryxlError(argument, "an eigenvalue < 0", "must be positive semi-definite")
    return m


def _overflow(w: FloatArray) -> CarryxlError:
    """Finite exposures whose sums or squares are no number a sheet can use."""
    return CarryxlError(
        "exposures", float(np.max(np.abs(w))), "are too large: the book's sums overflow"
    )


def book_risk(
    exposures: Any,
    volatilities: Any,
    correlation: Any,
    years: Any,
    confidence: Any = CONFIDENCE,
) -> BookRisk:
    """Book VaR and ES with correlations, stand-alone VaRs, Euler contributions, diversification.

    ``exposures``: signed values in the account currency (+ long the pair's base);
    ``volatilities``: annual σ of each pair's log changes; ``correlation``: n x n.
    Two positions of 1,000,000 at 10% vol, correlation 0, 99%, 1 year: VaR = 2.326 x
    √2 x 100,000 = 329,001; each stand-alone 232,635; ratio √2.
    """
    w = finite("exposures", exposures)
    if w.ndim != 1 or w.size == 0:
        raise CarryxlError("exposures", exposures, "must be a column of position values")
    n = w.size
    vol = _per_position("volatilities", non_negative("volatilities", volatilities), n)
    m = check_correlation(correlation, n)
    t = non_negative("years", years)
    c = as_floats("confidence", confidence)
    if t.ndim or c.ndim:
        raise CarryxlError("years / confidence", (t.shape, c.shape), "must be single numbers")
    z = float(_quantile(c))
    root_t = math.sqrt(float(t))
    with np.errstate(over="ignore", invalid="ignore"):  # overflow: one message below
        scaled = w * vol
        marginal = m @ scaled
        variance = max(float(scaled @ marginal), 0.0)
        sigma = math.sqrt(variance)
        var = z * sigma * root_t
        es = sigma * root_t * math.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi) / (1.0 - float(c))
        standalone = value_at_risk(np.abs(w), vol, t, c)
        if sigma > 0.0:
            contributions = z * root_t * scaled * marginal / sigma
            shares = contributions / var if var > 0.0 else contributions * np.nan
        else:
            contributions = np.zeros(n)
            shares = np.full(n, np.nan)
        ratio = float(np.sum(standalone)) / var if var > 0.0 else math.nan
    if not all(map(math.isfinite, (variance, es, float(np.sum(standalone))))):
        raise _overflow(w)
    return BookRisk(sigma, var, es, standalone, contributions, shares, ratio)


def currency_exposure(
    pairs: Sequence[Pair],
    exposures: Any,
    threshold: float = 0.5,
    held: Any = None,
    owed: Any = None,
) -> CurrencyExposure:
    """Net exposure per currency and the share of the book each currency funds.

    ``exposures`` as in :func:`book_risk`. Long AUD/JPY 1,000 and long USD/JPY 3,000:
    AUD +1,000, USD +3,000, JPY -4,000; JPY funds 100% of the book (concentrated).
    ``held``/``owed`` (account money, >= 0, one per pair): what each position holds and
    owes when they differ from |exposure| — a long holds its base (worth |w|) and owes
    the quote money it borrowed (its cost at today's rate), a short holds the quote money
    its sale brought and owes the base it borrowed. Long AUD/JPY worth 1,000 that cost
    1,100: AUD +1,000, JPY -1,100.
    """
    w = finite("exposures", exposures)
    if isinstance(pairs, str) or not isinstance(pairs, Sequence | np.ndarray):
        raise CarryxlError("pairs", pairs, "must be a list of pairs such as AUD/JPY")
    parsed = list(pairs)
    if w.ndim != 1 or w.size != len(parsed) or w.size == 0:
        raise CarryxlError("exposures", w.shape, f"must be one value per pair ({len(parsed)})")
    checked = finite("threshold", threshold)
    if checked.ndim:
        raise CarryxlError("threshold", threshold, Rule.ONE_NUMBER)
    bound = float(checked)
    if not 0.0 < bound < 1.0:
        raise CarryxlError("threshold", threshold, "must be a fraction between 0 and 1 (0.5)")
    held_leg = np.abs(w) if held is None else non_negative("held", held)
    owed_leg = np.abs(w) if owed is None else non_negative("owed", owed)
    common_shape(exposures=w, held=held_leg, owed=owed_leg)
    held_leg, owed_leg = np.broadcast_arrays(held_leg, owed_leg)
    codes = tuple(dict.fromkeys(str(c) for p in parsed for c in (p.base, p.quote)))
    where = {code: i for i, code in enumerate(codes)}
    base = np.array([where[str(p.base)] for p in parsed], dtype=np.intp)
    quote = np.array([where[str(p.quote)] for p in parsed], dtype=np.intp)
    size = len(codes)
    long = w >= 0.0
    with np.errstate(over="ignore", invalid="ignore"):  # overflow: one message below
        to_base = np.where(long, held_leg, -owed_leg)
        to_quote = np.where(long, -owed_leg, held_leg)
        net = _sums(base, to_base, size) + _sums(quote, to_quote, size)
        funding = np.where(long, quote, base)
        gross = float(np.sum(np.abs(w)))
    if not (math.isfinite(gross) and np.isfinite(net).all()):
        raise _overflow(w)
    funded = _sums(funding, np.abs(w), size)
    share: FloatArray = funded / gross if gross > 0.0 else funded * 0.0
    top = int(np.argmax(share))
    return CurrencyExposure(codes, net, share, codes[top], bool(share[top] > bound))
