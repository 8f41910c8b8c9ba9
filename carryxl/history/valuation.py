"""Value a book on a date with market data: the one routine behind ``carryxl portfolio``,
the Book risk button (``carryxl run portfolio``) and the portfolio template's seed values.

A :class:`BookRequest` (typed positions and settings, built once where text enters) goes
in; a :class:`BookValuation` (every market input used, with its source, and the core's
positions, risk and currency exposure) comes out. What a position leaves ``None`` comes
from the market data (:func:`market_on`): spots and account rates are the fixing of the
valuation date or the last before it (the result names that fixing), entry rates the
fixing of each tranche's date, interest rates the policy rate in force on the valuation
date, volatilities and correlations those of the window's daily log returns
(:func:`carryxl.history.book.window_risk`).

The risk model (:data:`carryxl.core.risk.VAR_MODEL`): parametric normal P&L with zero
mean, the sample volatility (n - 1) of daily log returns over the window, annualised
with √252; the window ends on or before the valuation date (no look-ahead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from carryxl.core.conventions import Currency, Pair, default_day_count
from carryxl.core.defaults import CONFIDENCE, TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.portfolio import (
    BookColumns,
    BookPositions,
    BookRisk,
    CurrencyExposure,
    book_positions,
    book_risk,
    check_correlation,
    currency_exposure,
)
from carryxl.core.positions import BookPosition
from carryxl.core.risk import VAR_MODEL
from carryxl.core.tax import LossOffset
from carryxl.core.validate import FloatArray
from carryxl.history.book import window_risk
from carryxl.history.data import RateHistory
from carryxl.history.ecb import ecb_history
from carryxl.history.policy import PolicyRates
from carryxl.history.series import spot_on

__all__ = [
    "BookRequest",
    "BookValuation",
    "MarketOn",
    "fixing_used",
    "market_on",
    "risk_model",
    "value_book",
]

_YEAR = np.timedelta64(365, "D")


@dataclass(frozen=True)
class BookRequest:
    """A book to value: its positions, the valuation date (None: the data's last date),
    the account currency (None: the first pair's quote), the window of the volatilities
    and correlations (None: the year to the valuation date), VaR confidence and horizon
    (trading days), tax rates (decimals) and loss offset, the funding-share threshold, and
    optionally a correlation matrix (one row per position) instead of the window's."""

    positions: tuple[BookPosition, ...]
    date: np.datetime64 | None = None
    account: Currency | None = None
    start: np.datetime64 | None = None
    end: np.datetime64 | None = None
    confidence: float = CONFIDENCE
    horizon_days: float = 10.0
    tax_interest: float = 0.0
    tax_fx: float = 0.0
    offset: LossOffset = LossOffset.WITHIN_POSITION
    threshold: float = 0.5
    correlation: FloatArray | None = None


@dataclass(frozen=True)
class MarketOn:
    """What the market data gives each pair on a day (None: nothing found), with one line
    per lookup that failed; ``fixing`` is the fixing date used for the day."""

    spots: list[float | None]
    to_account: list[float | None]
    rates_base: list[float | None]
    rates_quote: list[float | None]
    fixing: np.datetime64
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BookValuation:
    """The valued book: the inputs used (per position; ``entry_rates`` per tranche) and
    the core's results. Money: see :class:`carryxl.core.portfolio.BookPositions`."""

    request: BookRequest
    date: np.datetime64
    fixing: np.datetime64
    account: Currency
    start: np.datetime64
    end: np.datetime64
    source: str
    spots: FloatArray
    to_account: FloatArray
    rates_base: FloatArray
    rates_quote: FloatArray
    volatilities: FloatArray
    correlation: FloatArray
    entry_rates: FloatArray
    positions: BookPositions
    risk: BookRisk
    exposure: CurrencyExposure
    model: str


def _day(value: object) -> np.datetime64:
    return np.datetime64(str(value)[:10], "D")


def fixing_used(history: RateHistory, day: np.datetime64) -> np.datetime64:
    """The data's last fixing date on or before ``day``."""
    at = int(np.searchsorted(history.dates, day, side="right")) - 1
    if at < 0:
        raise CarryxlError("date", str(day), f"is before the data's first date {history.dates[0]}")
    return _day(history.dates[at])


def market_on(
    pairs: Sequence[Pair],
    day: np.datetime64,
    account: Currency,
    history: RateHistory,
    policy: PolicyRates | None = None,
) -> MarketOn:
    """Each pair's spot, quote-to-``account`` rate and (with ``policy``) the base and quote
    policy rates on ``day``; a lookup that fails gives None and a line in ``missing``."""
    missing: list[str] = []

    def look(what: str, pair: Pair, get: object) -> float | None:
        try:
            return float(get())  # type: ignore[operator]
        except CarryxlError as error:
            missing.append(f"{what} of {pair}: {error.rule}")
            return None

    spots = [look("spot", p, lambda p=p: spot_on(p, day, history)) for p in pairs]
    to_account = [
        1.0
        if p.quote == account
        else look(
            f"{account} per quote unit",
            p,
            lambda p=p: spot_on(Pair(p.quote, account), day, history),
        )
        for p in pairs
    ]
    none: list[float | None] = [None] * len(pairs)
    base, quote = list(none), list(none)
    if policy is not None:
        schedule = policy.schedule()
        base = [look("base rate", p, lambda p=p: schedule.rate_on(p.base, day)) for p in pairs]
        quote = [look("quote rate", p, lambda p=p: schedule.rate_on(p.quote, day)) for p in pairs]
    return MarketOn(spots, to_account, base, quote, fixing_used(history, day), missing)


def risk_model(start: np.datetime64, end: np.datetime64) -> str:
    """The risk model in words, with its window."""
    return (
        f"{VAR_MODEL}; volatilities and correlations: sample (n - 1) of daily log returns "
        f"from {start} to {end}, x √{TRADING_DAYS}"
    )


def _given(
    values: list[float | None],
    fallback: list[float | None],
    what: str,
    pairs: Sequence[Pair],
    missing: list[str],
) -> FloatArray:
    out = []
    for j, (v, f) in enumerate(zip(values, fallback, strict=True)):
        chosen = v if v is not None else f
        if chosen is None:
            why = next((m for m in missing if m.startswith(f"{what} of {pairs[j]}")), None)
            raise CarryxlError(what, str(pairs[j]), why or "must be given: no market data for it")
        out.append(chosen)
    return np.array(out, dtype=np.float64)


@dataclass(frozen=True)
class _Inputs:
    """Each position's spot, account rate and interest rates: its own or the market's."""

    spots: FloatArray
    to_account: FloatArray
    rates_base: FloatArray
    rates_quote: FloatArray
    fixing: np.datetime64


def _valuation_dates(
    request: BookRequest, history: RateHistory
) -> tuple[np.datetime64, np.datetime64, np.datetime64]:
    """The valuation date and the risk window's start and end, checked: the window ends
    on or before the date (no look-ahead), and no tranche is after the date."""
    day = _day(history.dates[-1] if request.date is None else request.date)
    end = _day(day if request.end is None else request.end)
    start = _day(end - _YEAR if request.start is None else request.start)
    if end > day:
        raise CarryxlError(
            "end",
            str(end),
            f"must be on or before the valuation date {day} (returns after it are look-ahead)",
        )
    if start >= end:
        raise CarryxlError("start", str(start), f"must be before the window's end {end}")
    for p in request.positions:
        for t in p.tranches:
            if t.date > day:
                raise CarryxlError("date", str(t.date), f"is after the valuation date {day}")
    return day, start, end


def _market_inputs(
    positions: Sequence[BookPosition],
    day: np.datetime64,
    account: Currency,
    history: RateHistory,
    policy: PolicyRates | None,
) -> _Inputs:
    """What each position gives, else the market's figure on ``day`` (:func:`market_on`);
    policy rates are read only when a position leaves a rate out."""
    pairs = [p.pair for p in positions]
    need_rates = any(p.rate_base is None or p.rate_quote is None for p in positions)
    market = market_on(pairs, day, account, history, policy if need_rates else None)
    if need_rates and policy is None:
        raise CarryxlError(
            "rates",
            None,
            "give each position's rates, or import policy rates (carryxl data update)",
        )

    def given(values: list[float | None], fallback: list[float | None], what: str) -> FloatArray:
        return _given(values, fallback, what, pairs, market.missing)

    return _Inputs(
        spots=given([p.spot for p in positions], market.spots, "spot"),
        to_account=given(
            [p.to_account for p in positions], market.to_account, f"{account} per quote unit"
        ),
        rates_base=given([p.rate_base for p in positions], market.rates_base, "base rate"),
        rates_quote=given([p.rate_quote for p in positions], market.rates_quote, "quote rate"),
        fixing=market.fixing,
    )


def _risk_inputs(
    request: BookRequest, start: np.datetime64, end: np.datetime64, history: RateHistory
) -> tuple[FloatArray, FloatArray]:
    """Each position's volatility and the positions' correlation matrix: the request's,
    else the window's (computed only when something is left out)."""
    positions = request.positions
    labels = tuple(dict.fromkeys(str(p.pair) for p in positions))
    rows = [labels.index(str(p.pair)) for p in positions]
    needs_window = request.correlation is None or any(p.volatility is None for p in positions)
    if needs_window:
        pairs = tuple(dict.fromkeys(p.pair for p in positions))
        window_vols, window_matrix = window_risk(pairs, start, end, history)
    else:
        window_vols, window_matrix = np.full(len(labels), np.nan), np.eye(len(labels))
    vols = np.array(
        [
            p.volatility if p.volatility is not None else float(window_vols[r])
            for p, r in zip(positions, rows, strict=True)
        ]
    )
    if request.correlation is not None:
        return vols, check_correlation(request.correlation, len(positions))
    return vols, window_matrix[np.ix_(rows, rows)]


def _entry_rates(positions: Sequence[BookPosition], history: RateHistory) -> FloatArray:
    """Each tranche's entry rate: its own, else the fixing of its date."""
    return np.array(
        [
            t.rate if t.rate is not None else float(spot_on(p.pair, t.date, history))
            for p in positions
            for t in p.tranches
        ]
    )


def _book_columns(
    request: BookRequest, day: np.datetime64, inputs: _Inputs, entry: FloatArray
) -> BookColumns:
    """The core's columns: one row per tranche (held from its date to ``day``), one per
    position (day-count bases: the position's, else each currency's default)."""
    positions = request.positions
    return BookColumns(
        position=[j for j, p in enumerate(positions) for _t in p.tranches],
        amounts=[t.amount for p in positions for t in p.tranches],
        rates=entry,
        days=np.array(
            [(day - t.date) / np.timedelta64(1, "D") for p in positions for t in p.tranches],
            dtype=np.float64,
        ),
        spot=inputs.spots,
        side=[float(p.side) for p in positions],
        rate_base=inputs.rates_base,
        rate_quote=inputs.rates_quote,
        basis_base=[p.basis_base or default_day_count(p.pair.base).days_in_year for p in positions],
        basis_quote=[
            p.basis_quote or default_day_count(p.pair.quote).days_in_year for p in positions
        ],
        stop_loss=[p.stop_loss for p in positions],
        leverage=[p.leverage for p in positions],
        to_account=inputs.to_account,
        swap=[p.swap for p in positions],
        lot_size=[p.lot_size for p in positions],
        tax_interest=request.tax_interest,
        tax_fx=request.tax_fx,
        offset=request.offset,
    )


def value_book(
    request: BookRequest,
    history: RateHistory | None = None,
    policy: PolicyRates | None = None,
) -> BookValuation:
    """Value ``request``'s book on its date with ``history`` (default: the ECB's fixings)
    and ``policy`` rates (needed only for positions without their interest rates)."""
    if not request.positions:
        raise CarryxlError("positions", 0, "the book holds no position")
    h = ecb_history() if history is None else history
    day, start, end = _valuation_dates(request, h)
    pairs = [p.pair for p in request.positions]
    account = request.account or pairs[0].quote
    inputs = _market_inputs(request.positions, day, account, h, policy)
    vols, correlation = _risk_inputs(request, start, end, h)
    entry = _entry_rates(request.positions, h)
    book = book_positions(_book_columns(request, day, inputs, entry))
    years = request.horizon_days / TRADING_DAYS
    risk = book_risk(book.exposure_account, vols, correlation, years, request.confidence)
    exposure = currency_exposure(
        pairs,
        book.exposure_account,
        request.threshold,
        held=book.held_account,
        owed=book.owed_account,
    )
    return BookValuation(
        request=request,
        date=day,
        fixing=inputs.fixing,
        account=account,
        start=start,
        end=end,
        source=h.source,
        spots=inputs.spots,
        to_account=inputs.to_account,
        rates_base=inputs.rates_base,
        rates_quote=inputs.rates_quote,
        volatilities=vols,
        correlation=correlation,
        entry_rates=entry,
        positions=book,
        risk=risk,
        exposure=exposure,
        model=risk_model(start, end),
    )
