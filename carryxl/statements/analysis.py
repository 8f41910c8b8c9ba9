"""A statement's positions split into price and carry, and the broker's swap measured
against the central banks.

For each FX position (metals and CFDs are totalled apart, never priced as FX):

- **nights**: value(close date) - value(open date) on the broker's server calendar, which
  rolls every weekday: weekends and the ``holidays`` given only, not the currencies'
  settlement calendars (:func:`carryxl.core.swaps.nights_between` with ``calendars=False``:
  T+2, T+1 for USD/CAD...; the weekend on the triple day, Wednesday for T+2 pairs, unless
  ``triple_day`` moves it);
- **carry** = swap + attributed financing (account currency); **carry share** =
  carry / (|price P&L| + |carry|), from -1 to 1 (None when both are 0);
- **swap per lot per night** in the quote currency = carry / nights / lots / a, with
  ``a`` account units per quote unit: 1 when the account is in the quote currency,
  1 / close price when it is in the base currency, else from the ECB reference rate of
  the close date (``rates``); :func:`carryxl.core.swaps.swap_quote_from_money`;
- **implied rate** = carry_quote / (lots * 100,000 * open price) * B / nights, B the quote
  currency's day-count year (360 or 365): :func:`carryxl.core.swaps.swap_implied_rate`;
- **policy differential** = side * (r_base - r_quote), averaged over the calendar nights
  from value(open) to value(close) (BIS policy rates, :class:`PolicyRates`); ``stale``
  when a night is after the data's last date (the last known level is used);
- **markup** = differential - implied rate, in basis points a year: what the broker keeps
  (positive) relative to the central banks' differential.

Groups (pair and side; symbol and side for metals and CFDs; the account) add money and
nights, and average rates weighted by lots * nights over the positions that have them
(markup = weighted differential - weighted implied rate over positions with both).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from carryxl.core.conventions import Pair, default_day_count
from carryxl.core.defaults import LOT_SIZE
from carryxl.core.errors import CarryxlError, Described
from carryxl.core.swaps import (
    SwapForm,
    nights_between,
    swap_implied_rate,
    swap_quote_from_money,
    value_date,
)
from carryxl.history.policy import BEFORE, GAP, STALE, PolicyRates
from carryxl.history.store import citation
from carryxl.statements.records import AssetClass, Position, Statement

__all__ = [
    "Analysis",
    "Conversion",
    "GroupResult",
    "PositionResult",
    "analyse",
]

Conversion = Callable[[str, str, np.ndarray], np.ndarray]
"""``(currency, account currency, dates) -> account units per unit of currency`` (NaN where
unknown): how quote-currency money is converted when the account is neither leg."""


@dataclass(frozen=True)
class PositionResult:
    """A position and what carryxl measures of it (None where it does not apply)."""

    position: Position
    nights: int | None
    swap_per_lot_night_quote: float | None
    implied_rate: float | None
    policy_differential: float | None
    stale: bool
    markup_bp: float | None
    carry_share: float | None


@dataclass(frozen=True)
class GroupResult:
    """Totals of a pair (or a symbol) and side, or of the account (``name`` "account")."""

    name: str
    asset_class: str
    side: int  # +1, -1; 0 for both
    positions: int
    lots: float
    profit: float
    swap: float
    commission: float
    fee: float
    nights: int  # 0 for metals and CFDs (not counted)
    median_swap_per_lot_night_quote: float | None
    implied_rate: float | None
    policy_differential: float | None
    stale: bool
    markup_bp: float | None


@dataclass(frozen=True)
class Analysis:
    """Every position's figures, groups by pair and side, other instruments and the account."""

    statement: Statement
    positions: tuple[PositionResult, ...]
    pairs: tuple[GroupResult, ...]
    others: tuple[GroupResult, ...]
    account: GroupResult
    policy_source: str | None
    notes: tuple[str, ...]


def _dates(times: Sequence[np.datetime64]) -> np.ndarray:
    return np.array(times, dtype="datetime64[s]").astype("datetime64[D]")


def _account_per_quote(
    pair: Pair, account: str, rows: list[Position], convert: Conversion | None
) -> np.ndarray:
    closes = np.array([p.close_price for p in rows], dtype=float)
    if str(pair.quote) == account:
        return np.ones(len(rows))
    if str(pair.base) == account:
        with np.errstate(divide="ignore"):
            result: np.ndarray = np.where(closes > 0, 1.0 / np.where(closes > 0, closes, 1), np.nan)
        return result
    if convert is None:
        return np.full(len(rows), np.nan)
    return convert(str(pair.quote), account, _dates([p.close_time for p in rows]))


def _differential(
    policy: PolicyRates, pair: Pair, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Mean of r_base - r_quote over the calendar nights [start, end) of each row (NaN where
    a night has no level) and whether any night was stale."""
    first, last = start.min(), max(end.max(), start.min() + np.timedelta64(1, "D"))
    days = np.arange(first, last, dtype="datetime64[D]")
    try:
        base, base_status = policy.read(pair.base, days)
        quote, quote_status = policy.read(pair.quote, days)
    except CarryxlError:  # a currency the data does not hold
        return np.full(start.size, np.nan), np.zeros(start.size, dtype=bool)
    missing = np.isin(base_status, (GAP, BEFORE)) | np.isin(quote_status, (GAP, BEFORE))
    stale = (base_status == STALE) | (quote_status == STALE)
    diff = np.where(missing, 0.0, base - quote)
    cum = np.concatenate(([0.0], np.cumsum(diff)))
    cum_missing = np.concatenate(([0], np.cumsum(missing)))
    cum_stale = np.concatenate(([0], np.cumsum(stale)))
    a = (start - first).astype(np.int64)
    b = (end - first).astype(np.int64)
    count = np.maximum(b - a, 1)
    mean = (cum[b] - cum[a]) / count
    mean = np.where((cum_missing[b] - cum_missing[a]) > 0, np.nan, mean)
    return mean, (cum_stale[b] - cum_stale[a]) > 0


def _none(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


@dataclass(frozen=True)
class _Held:
    """One pair's positions' open and close dates, and nights held by value dates."""

    opened: np.ndarray
    closed: np.ndarray
    nights: np.ndarray


def _held(pair: Pair, rows: list[Position], holidays: str | None, triple_day: str | None) -> _Held:
    """When one pair's positions were held; a position that closes before it opens is
    refused."""
    opened = _dates([p.open_time for p in rows])
    closed = _dates([p.close_time for p in rows])
    early = np.flatnonzero(closed < opened)
    if early.size:
        p = rows[int(early[0])]
        rule = f"closes ({p.close_time}) before it opens ({p.open_time}): not a statement's row"
        raise CarryxlError("position", Described(p.ticket), rule)
    nights = nights_between(opened, closed, pair, holidays, triple_day=triple_day, calendars=False)
    return _Held(opened, closed, nights)


def _implied(
    pair: Pair, rows: list[Position], nights: np.ndarray, per_quote: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(swap per lot per night in the quote currency, implied rate) of each position; NaN
    where it was not held overnight or has no lots, price or conversion."""
    lots = np.array([p.lots for p in rows], dtype=float)
    spot = np.array([p.open_price for p in rows], dtype=float)
    carry = np.array([p.carry for p in rows], dtype=float)
    ok = (nights > 0) & (lots > 0) & (spot > 0) & np.isfinite(per_quote) & (per_quote > 0)
    per_lot = np.full(len(rows), np.nan)
    implied = np.full(len(rows), np.nan)
    if ok.any():
        per_lot[ok] = swap_quote_from_money(
            carry[ok] / nights[ok], SwapForm.MONEY_PER_LOT, lots[ok], to_account=per_quote[ok]
        )
        implied[ok] = swap_implied_rate(
            carry[ok] / per_quote[ok],
            lots[ok] * LOT_SIZE,
            spot[ok],
            nights[ok],
            default_day_count(pair.quote).days_in_year,
        )
    return per_lot, implied


def _policy_differentials(
    policy: PolicyRates | None,
    pair: Pair,
    rows: list[Position],
    held: _Held,
    holidays: str | None,
) -> tuple[np.ndarray, np.ndarray]:
    """(side x mean policy differential, stale) of each position over the nights it was
    ``held``; NaN and False where not held overnight or without data."""
    opened, closed, nights = held.opened, held.closed, held.nights
    side = np.array([p.side for p in rows], dtype=float)
    differential = np.full(len(rows), np.nan)
    stale = np.zeros(len(rows), dtype=bool)
    overnight = nights > 0
    if policy is not None and overnight.any():
        v0 = value_date(opened[overnight], pair, holidays, calendars=False)
        v1 = value_date(closed[overnight], pair, holidays, calendars=False)
        mean, was_stale = _differential(policy, pair, v0, v1)
        differential[overnight] = side[overnight] * mean
        stale[overnight] = was_stale
    return differential, stale


def _pair_results(
    pair_name: str,
    rows: list[Position],
    account: str,
    policy: PolicyRates | None,
    triple_day: str | None,
    convert: Conversion | None,
    holidays: str | None,
) -> list[PositionResult]:
    pair = Pair.parse(pair_name)
    held = _held(pair, rows, holidays, triple_day)
    nights = held.nights
    per_quote = _account_per_quote(pair, account, rows, convert)
    per_lot, implied = _implied(pair, rows, nights, per_quote)
    differential, stale = _policy_differentials(policy, pair, rows, held, holidays)
    markup = (differential - implied) * 1e4
    carry = np.array([p.carry for p in rows], dtype=float)
    profit = np.array([p.profit for p in rows], dtype=float)
    magnitude = np.abs(profit) + np.abs(carry)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(magnitude > 0, carry / np.where(magnitude > 0, magnitude, 1), np.nan)
    return [
        PositionResult(
            position=p,
            nights=int(nights[i]),
            swap_per_lot_night_quote=_none(per_lot[i]),
            implied_rate=_none(implied[i]),
            policy_differential=_none(differential[i]),
            stale=bool(stale[i]),
            markup_bp=_none(markup[i]),
            carry_share=_none(share[i]),
        )
        for i, p in enumerate(rows)
    ]


def _other_result(p: Position) -> PositionResult:
    magnitude = abs(p.profit) + abs(p.carry)
    return PositionResult(
        position=p,
        nights=None,
        swap_per_lot_night_quote=None,
        implied_rate=None,
        policy_differential=None,
        stale=False,
        markup_bp=None,
        carry_share=p.carry / magnitude if magnitude > 0 else None,
    )


def _weighted(values: np.ndarray, weights: np.ndarray) -> float | None:
    use = np.isfinite(values) & (weights > 0)
    if not use.any():
        return None
    return float(np.sum(values[use] * weights[use]) / np.sum(weights[use]))


def _group(name: str, asset: str, side: int, results: list[PositionResult]) -> GroupResult:
    def column(get: Callable[[PositionResult], float | None]) -> np.ndarray:
        return np.array([np.nan if (v := get(r)) is None else v for r in results], dtype=float)

    lots = column(lambda r: r.position.lots)
    nights = column(lambda r: r.nights)
    weights = np.where(np.isfinite(nights), lots * np.nan_to_num(nights), 0.0)
    implied = column(lambda r: r.implied_rate)
    differential = column(lambda r: r.policy_differential)
    both = np.isfinite(implied) & np.isfinite(differential)
    per_lot = column(lambda r: r.swap_per_lot_night_quote)
    per_lot = per_lot[np.isfinite(per_lot)]
    markup = None
    if both.any():
        d = _weighted(differential[both], weights[both])
        m = _weighted(implied[both], weights[both])
        markup = None if d is None or m is None else (d - m) * 1e4
    return GroupResult(
        name=name,
        asset_class=asset,
        side=side,
        positions=len(results),
        lots=round(float(np.nansum(lots)), 8),
        profit=round(sum(r.position.profit for r in results), 8),
        swap=round(sum(r.position.carry for r in results), 8),
        commission=round(sum(r.position.commission for r in results), 8),
        fee=round(sum(r.position.fee for r in results), 8),
        nights=int(np.nansum(nights)),
        median_swap_per_lot_night_quote=(
            float(np.median(per_lot)) if per_lot.size and name != "account" else None
        ),
        implied_rate=_weighted(implied, weights),
        policy_differential=_weighted(differential, weights),
        stale=any(r.stale for r in results),
        markup_bp=markup,
    )


def _results(
    statement: Statement,
    policy: PolicyRates | None,
    triple_day: str | None,
    convert: Conversion | None,
    progress: Callable[[int, int], None] | None,
    holidays: str | None,
) -> tuple[PositionResult, ...]:
    """Every position's result in the statement's order: FX positions a pair at a time
    (``progress`` told after each), the others as they are."""
    account = statement.account.currency
    by_pair: dict[str, list[int]] = {}
    results: list[PositionResult | None] = [None] * len(statement.positions)
    for i, p in enumerate(statement.positions):
        if p.asset_class is AssetClass.FX and p.pair is not None:
            by_pair.setdefault(p.pair, []).append(i)
        else:
            results[i] = _other_result(p)
    done = len(statement.positions) - sum(len(v) for v in by_pair.values())  # the others
    for pair_name, indices in sorted(by_pair.items()):
        rows = [statement.positions[i] for i in indices]
        for i, r in zip(
            indices,
            _pair_results(pair_name, rows, account, policy, triple_day, convert, holidays),
            strict=True,
        ):
            results[i] = r
        done += len(indices)
        if progress is not None:
            progress(done, len(statement.positions))
    return tuple(r for r in results if r is not None)


def _groups(
    results: tuple[PositionResult, ...],
) -> tuple[tuple[GroupResult, ...], tuple[GroupResult, ...]]:
    """(FX pairs, other instruments): a group per name and side, by name, longs first."""
    pairs: list[GroupResult] = []
    others: list[GroupResult] = []
    keyed: dict[tuple[str, str, int], list[PositionResult]] = {}
    for r in results:
        p = r.position
        key = (p.pair or p.symbol, str(p.asset_class), p.side)
        keyed.setdefault(key, []).append(r)
    for (name, asset, side), members in sorted(keyed.items(), key=lambda kv: (kv[0][0], -kv[0][2])):
        (pairs if asset == AssetClass.FX else others).append(_group(name, asset, side, members))
    return tuple(pairs), tuple(others)


def _notes(
    results: tuple[PositionResult, ...], policy: PolicyRates | None, account: str
) -> tuple[str, ...]:
    """What the reader must know: no policy data, stale levels, swaps without a night or a
    rate."""
    notes = []
    if policy is None:
        notes.append("no policy-rate data: run `carryxl data update` for the differentials")
    if any(r.stale for r in results):
        notes.append(
            f"stale: nights after the policy data's last date "
            f"({policy.as_of if policy else ''}) use the last known level"
        )
    unexplained = [r for r in results if r.nights == 0 and r.position.carry]
    if unexplained:
        notes.append(
            f"{len(unexplained)} FX position(s) carry swap but no night by value dates (the "
            "broker's calendar differs; see --triple-day): no rate is given for them"
        )
    missing = [
        r.position.ticket
        for r in results
        if r.nights and r.implied_rate is None and r.position.asset_class is AssetClass.FX
    ]
    if missing:
        notes.append(
            f"{len(missing)} position(s) held overnight have no rate: no conversion of "
            f"their quote currency to {account}"
        )
    return tuple(notes)


def analyse(
    statement: Statement,
    policy: PolicyRates | None = None,
    triple_day: str | None = None,
    convert: Conversion | None = None,
    progress: Callable[[int, int], None] | None = None,
    holidays: str | None = None,
) -> Analysis:
    """Each position's nights, carry, implied rate, differential and markup; groups and the
    account's totals (see the module notes for every formula). ``holidays``
    (``"2025-12-25,2026-01-01"``) are days without settlement, as the broker's calendar has
    them: value dates skip them, as in :func:`carryxl.core.swaps.value_date`."""
    final = _results(statement, policy, triple_day, convert, progress, holidays)
    pairs, others = _groups(final)
    return Analysis(
        statement=statement,
        positions=final,
        pairs=pairs,
        others=others,
        account=_group("account", "all", 0, list(final)),
        policy_source=citation(policy) if policy is not None else None,
        notes=_notes(final, policy, statement.account.currency),
    )
