"""Swap and rollover: value dates, nights, quote forms, benchmark, markup, ledger."""

from __future__ import annotations

import datetime as dt
import inspect
import string

import numpy as np
import pytest
import QuantLib as ql
from hypothesis import given
from hypothesis import strategies as st

from carryxl import core
from carryxl.core import (
    CarryxlError,
    SwapForm,
    benchmark_swap,
    forwards,
    nights_between,
    rollover_nights,
    swap_implied_rate,
    swap_ledger,
    swap_markup,
    swap_per_night,
    swap_quote_from_money,
    swaps,
    triple_rollover_weekday,
    value_date,
    weekday_from_text,
)
from carryxl.core.conventions import Pair
from carryxl.workbooks.sheets.swap import SWAP_NATIVE
from tests.strategies import desk_spots

# --- value dates and nights, weekends and the holidays given only (calendars=False) -------


def test_value_dates_t_plus_2_and_t_plus_1():
    # USD/JPY Wed 8 Jan + 2 business days = Fri 10; Thu 9 + 2 = Mon 13 (weekend skipped).
    assert str(value_date("2025-01-08", Pair.parse("USD/JPY"), calendars=False)) == "2025-01-10"
    assert str(value_date("2025-01-09", Pair.parse("USD/JPY"), calendars=False)) == "2025-01-13"
    # USD/CAD is T+1: Thu 9 -> Fri 10, Fri 10 -> Mon 13.
    assert str(value_date("2025-01-09", Pair.parse("USD/CAD"), calendars=False)) == "2025-01-10"
    assert str(value_date("2025-01-10", Pair.parse("CAD/USD"), calendars=False)) == "2025-01-13"
    # A holiday on Fri 10 pushes USD/JPY traded Wed 8 to Mon 13.
    assert (
        str(value_date("2025-01-08", Pair.parse("USD/JPY"), ["2025-01-10"], calendars=False))
        == "2025-01-13"
    )
    # A Saturday trade is booked on Monday: Mon 13 + 2 = Wed 15.
    assert str(value_date("2025-01-11", Pair.parse("USD/JPY"), calendars=False)) == "2025-01-15"


def test_triple_rollover_is_wednesday_for_t2_and_thursday_for_t1():
    week = np.arange(np.datetime64("2025-01-06"), np.datetime64("2025-01-13"))
    # Mon..Sun. T+2: Wed rolls value Fri 10 -> Mon 13 = 3 nights; weekends roll nothing.
    assert rollover_nights(week, Pair.parse("AUD/JPY"), calendars=False).tolist() == [
        1,
        1,
        3,
        1,
        1,
        0,
        0,
    ]
    # T+1: Thu rolls value Fri 10 -> Mon 13.
    assert rollover_nights(week, Pair.parse("USD/CAD"), calendars=False).tolist() == [
        1,
        1,
        1,
        3,
        1,
        0,
        0,
    ]
    assert triple_rollover_weekday(Pair.parse("AUD/JPY")) == 2
    assert triple_rollover_weekday(Pair.parse("USD/TRY")) == 3
    assert triple_rollover_weekday(spot_lag=0) == 4


def test_holiday_adds_nights_where_the_value_dates_span_it():
    # Christmas week 2024 with holidays Wed 25 Dec and Wed 1 Jan, USD/JPY (T+2).
    # Mon 23: value Thu 26 -> Fri 27 (Tue 24 + 2 bd skipping 25) = 1 night.
    # Tue 24: value Fri 27 -> Mon 30 = 3. Thu 26: Mon 30 -> Tue 31 = 1.
    # Fri 27: Tue 31 -> Thu 2 Jan (1 Jan a holiday) = 2. Mon 30: Thu 2 -> Fri 3 = 1.
    # Tue 31: Fri 3 -> Mon 6 = 3. Thu 2: Mon 6 -> Tue 7 = 1. Fri 3: Tue 7 -> Wed 8 = 1.
    hols = ["2024-12-25", "2025-01-01"]
    ledger = swap_ledger(
        "2024-12-23", "2025-01-06", 1000.0, Pair.parse("USD/JPY"), hols, calendars=False
    )
    assert ledger["nights"].tolist() == [1, 3, 1, 2, 1, 3, 1, 1]
    # value(6 Jan) - value(23 Dec) = 8 Jan - 26 Dec = 13 nights.
    assert (
        int(
            nights_between("2024-12-23", "2025-01-06", Pair.parse("USD/JPY"), hols, calendars=False)
        )
        == 13
    )
    assert ledger["nights"].sum() == 13
    assert ledger["swap"].tolist() == [1000.0 * n for n in [1, 3, 1, 2, 1, 3, 1, 1]]
    assert ledger["cumulative"].iloc[-1] == 13_000.0
    assert ledger["weekday"].tolist() == ["Mon", "Tue", "Thu", "Fri", "Mon", "Tue", "Thu", "Fri"]
    assert str(ledger["value_date"].iloc[3].date()) == "2024-12-31"
    assert str(ledger["next_value_date"].iloc[3].date()) == "2025-01-02"


def test_triple_day_override_moves_the_weekend_nights():
    week = np.arange(np.datetime64("2025-01-06"), np.datetime64("2025-01-11"))
    # USD/CAD settles T+1 (triple Thursday); a broker charging Wednesday for all pairs:
    # Wed = 1 + 2 weekend nights, Thu = 3 - 2 weekend nights.
    assert rollover_nights(
        week, Pair.parse("USD/CAD"), triple_day="Wed", calendars=False
    ).tolist() == [
        1,
        1,
        3,
        1,
        1,
    ]
    # With the settlement rule's own day the override changes nothing.
    assert rollover_nights(
        week, Pair.parse("USD/JPY"), triple_day="周三", calendars=False
    ).tolist() == [
        1,
        1,
        3,
        1,
        1,
    ]
    # Open Mon 6, close Thu 9 (rollovers Mon, Tue, Wed): T+1 rule gives 1 + 1 + 1 = 3,
    # Wednesday override 1 + 1 + 3 = 5.
    assert (
        int(nights_between("2025-01-06", "2025-01-09", Pair.parse("USD/CAD"), calendars=False)) == 3
    )
    assert (
        int(
            nights_between(
                "2025-01-06", "2025-01-09", Pair.parse("USD/CAD"), triple_day="Wed", calendars=False
            )
        )
        == 5
    )


def test_weekday_text():
    assert weekday_from_text("wednesday") == 2
    assert weekday_from_text("Thu") == 3
    assert weekday_from_text("星期五") == 4
    assert weekday_from_text(0) == 0
    with pytest.raises(CarryxlError, match="triple_day"):
        weekday_from_text("Sat")
    with pytest.raises(CarryxlError, match="triple_day"):
        weekday_from_text("someday")


# --- independent check: QuantLib calendar arithmetic with the same holidays -------------

_BASE = dt.date(2024, 1, 1)


def _ql_calendar(holidays: list[dt.date], name: str) -> ql.Calendar:
    calendar = ql.BespokeCalendar(name)
    calendar.addWeekend(ql.Saturday)
    calendar.addWeekend(ql.Sunday)
    for day in holidays:
        calendar.addHoliday(ql.Date(day.day, day.month, day.year))
    return calendar


def _ql_value(calendar: ql.Calendar, day: dt.date, lag: int) -> dt.date:
    adjusted = calendar.adjust(ql.Date(day.day, day.month, day.year), ql.Following)
    value = calendar.advance(adjusted, ql.Period(lag, ql.Days))
    return dt.date(value.year(), value.month(), value.dayOfMonth())


_calls = iter(range(10**9))


@given(
    offsets=st.lists(st.integers(0, 700), min_size=2, max_size=12),
    holiday_offsets=st.lists(st.integers(0, 720), max_size=15, unique=True),
    pair=st.sampled_from(["USD/JPY", "AUD/JPY", "USD/CAD", "USD/TRY", "EUR/USD"]).map(Pair.parse),
)
def test_nights_match_quantlib(offsets, holiday_offsets, pair):
    holidays = [_BASE + dt.timedelta(days=d) for d in holiday_offsets]
    calendar = _ql_calendar(holidays, f"carryxl-test-{next(_calls)}")
    lag = 1 if str(pair) in ("USD/CAD", "USD/TRY") else 2
    trades = sorted(_BASE + dt.timedelta(days=d) for d in offsets)
    opens, closes = trades[:-1], trades[1:]
    # Vectorized over all pairs of (open, close) at once.
    ours = nights_between(opens, closes, pair, holidays, calendars=False)
    theirs = [
        (_ql_value(calendar, c, lag) - _ql_value(calendar, o, lag)).days
        for o, c in zip(opens, closes, strict=True)
    ]
    assert ours.tolist() == theirs
    values = value_date(trades, pair, holidays, calendars=False)
    assert [str(v) for v in values] == [str(_ql_value(calendar, d, lag)) for d in trades]


@given(
    start=st.integers(0, 600),
    holiday_offsets=st.lists(st.integers(0, 720), max_size=15, unique=True),
)
def test_rollover_nights_match_quantlib_day_by_day(start, holiday_offsets):
    holidays = [_BASE + dt.timedelta(days=d) for d in holiday_offsets]
    calendar = _ql_calendar(holidays, f"carryxl-test-{next(_calls)}")
    days = [_BASE + dt.timedelta(days=start + i) for i in range(21)]
    expected = []
    for day in days:
        q = ql.Date(day.day, day.month, day.year)
        if not calendar.isBusinessDay(q):
            expected.append(0)
            continue
        following = calendar.advance(q, ql.Period(1, ql.Days))
        nxt = dt.date(following.year(), following.month(), following.dayOfMonth())
        expected.append((_ql_value(calendar, nxt, 2) - _ql_value(calendar, day, 2)).days)
    assert (
        rollover_nights(days, Pair.parse("GBP/JPY"), holidays, calendars=False).tolist() == expected
    )


@given(
    open_offset=st.integers(0, 300),
    length=st.integers(0, 60),
    holiday_offsets=st.lists(st.integers(0, 400), max_size=10, unique=True),
    triple=st.sampled_from([None, "Mon", "Wed", "Thu", "Fri"]),
    pair=st.sampled_from(["USD/JPY", "USD/CAD"]).map(Pair.parse),
)
def test_ledger_nights_add_up_to_nights_between(open_offset, length, holiday_offsets, triple, pair):
    holidays = [_BASE + dt.timedelta(days=d) for d in holiday_offsets]
    d0 = _BASE + dt.timedelta(days=open_offset)
    d1 = d0 + dt.timedelta(days=length)
    ledger = swap_ledger(d0, d1, 1.0, pair, holidays, triple, calendars=False)
    assert ledger["nights"].sum() == int(
        nights_between(d0, d1, pair, holidays, triple, calendars=False)
    )
    # Without holidays every rollover is 1 night or the triple 3.
    if not holidays:
        assert set(ledger["nights"]) <= {1, 3}


# --- swap quotes -------------------------------------------------------------------------


def test_swap_points_money_per_lot_and_percent():
    # Pips: 1.5 pips (0.01 on USD/JPY) * 2 lots * 100,000 = 3,000 JPY a night.
    assert float(swap_per_night(1.5, "pips", 2, Pair.parse("USD/JPY"))) == pytest.approx(
        3000.0, abs=1e-9
    )
    # Points are the platform's (0.001 on 3-digit USD/JPY): 15 * 0.001 * 200,000 = 3,000.
    assert float(swap_per_night(15, "points", 2, Pair.parse("USD/JPY"))) == pytest.approx(3000.0)
    assert float(swap_per_night(15, "points", 2, point_size=0.001)) == pytest.approx(3000.0)
    # In a USD account at 150 JPY per USD: 3,000 / 150 = 20 USD.
    assert float(
        swap_per_night(15, "pts", 2, Pair.parse("USD/JPY"), to_account=1 / 150)
    ) == pytest.approx(20.0)
    # Money per lot: -7.25 a lot, 3 lots = -21.75.
    assert float(swap_per_night(-7.25, SwapForm.MONEY_PER_LOT, 3)) == pytest.approx(-21.75)
    # Percent a year: -2% on 1 lot of USD/TRY at 32 over 360 days = -0.02 * 3,200,000 / 360.
    assert float(swap_per_night(-0.02, "percent", 1, spot=32)) == pytest.approx(-177.777777778)
    assert float(swap_per_night(-0.02, "%", 1, spot=32, basis=365)) == pytest.approx(
        -0.02 * 3_200_000 / 365
    )


@given(
    quote=st.floats(-500, 500, allow_nan=False),
    lots=st.floats(0.01, 1000),
    spot=desk_spots,
    to_account=st.floats(0.001, 1000),
    form=st.sampled_from(list(SwapForm)),
    basis=st.sampled_from([360.0, 365.0]),
)
def test_swap_quote_round_trips(quote, lots, spot, to_account, form, basis):
    money = swap_per_night(
        quote, form, lots, Pair.parse("EUR/USD"), spot, None, 100_000, basis, to_account
    )
    back = swap_quote_from_money(
        money, form, lots, Pair.parse("EUR/USD"), spot, None, 100_000, basis, to_account
    )
    assert float(back) == pytest.approx(quote, rel=1e-12, abs=1e-12)


def test_swap_per_night_is_vectorized():
    money = swap_per_night(
        np.array([1.0, -2.0, 0.5]), "pips", np.array([1.0, 2.0, 4.0]), Pair.parse("AUD/JPY")
    )
    # quote * 0.01 * lots * 100,000 = quote * lots * 1,000.
    np.testing.assert_allclose(money, [1000.0, -4000.0, 2000.0])


# --- benchmark, implied rate, markup ----------------------------------------------------


def test_benchmark_swap_by_interest_parity():
    # Long 100,000 USD/JPY at 150, USD 5% ACT/360, JPY 0.1% ACT/365F, one night:
    # F = 150 * (1 + 0.001/365) / (1 + 0.05/360); earned = 100,000 * (150 - F).
    forward = 150 * (1 + 0.001 / 365) / (1 + 0.05 / 360)
    expected = 100_000 * (150 - forward)
    assert expected == pytest.approx(2041.95, abs=0.01)
    assert float(benchmark_swap(Pair.parse("USD/JPY"), 100_000, 150, 0.05, 0.001)) == pytest.approx(
        expected
    )
    # Short pays it; three nights over a weekend use t = 3/360 and 3/365.
    assert float(
        benchmark_swap(Pair.parse("USD/JPY"), 100_000, 150, 0.05, 0.001, side="short")
    ) == (pytest.approx(-expected))
    f3 = 150 * (1 + 0.001 * 3 / 365) / (1 + 0.05 * 3 / 360)
    assert float(
        benchmark_swap(Pair.parse("USD/JPY"), 100_000, 150, 0.05, 0.001, 3)
    ) == pytest.approx(100_000 * (150 - f3))


def test_implied_rate_and_markup():
    # 3,000 JPY a night on 200,000 USD at 150 (30,000,000 JPY), ACT/360: 0.01% * 360 = 3.6%.
    assert float(swap_implied_rate(3000, 200_000, 150)) == pytest.approx(0.036)
    # Benchmark over 1 night for 200,000: 2 * 2041.95 = 4083.91; the broker pays 3,000:
    # markup 1083.91 JPY = 1083.91 / 30,000,000 * 360 = 1.3007% a year.
    bench = 200_000 * (150 - 150 * (1 + 0.001 / 365) / (1 + 0.05 / 360))
    kept, kept_rate = swap_markup(Pair.parse("USD/JPY"), 3000, 200_000, 150, 0.05, 0.001)
    assert float(kept) == pytest.approx(bench - 3000)
    assert float(kept_rate) == pytest.approx((bench - 3000) / 30_000_000 * 360)
    assert float(kept_rate) == pytest.approx(0.013007, abs=1e-6)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: value_date("not a date", Pair.parse("USD/JPY")), "trade_date"),
        (lambda: Pair.parse("USD/XXX"), "pair"),
        (lambda: value_date("2025-01-06"), "pair"),
        (lambda: value_date("2025-01-06", spot_lag=-1), "spot_lag"),
        (lambda: nights_between("2025-01-10", "2025-01-06", Pair.parse("USD/JPY")), "close_date"),
        (lambda: rollover_nights("2025-01-06", Pair.parse("USD/JPY"), ["nope"]), "holidays"),
        (lambda: swap_per_night(1.0, "bananas", 1, Pair.parse("USD/JPY")), "form"),
        (lambda: swap_per_night(1.0, "points", 0, Pair.parse("USD/JPY")), "lots"),
        (lambda: swap_per_night(1.0, "points", 1), "pair"),
        (lambda: swap_per_night(0.02, "percent", 1), "spot"),
        (lambda: swap_per_night(float("nan"), "points", 1, Pair.parse("USD/JPY")), "quote"),
        (lambda: benchmark_swap(Pair.parse("USD/JPY"), 1e5, 150, 0.05, 0.001, side="up"), "side"),
        (lambda: benchmark_swap(Pair.parse("USD/JPY"), 1e5, -150, 0.05, 0.001), "spot"),
        (
            lambda: swap_ledger("2025-01-06", "2025-01-10", [1.0, 2.0], Pair.parse("USD/JPY")),
            "money_per_night",
        ),
    ],
)
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(CarryxlError) as info:
        call()
    assert info.value.argument.startswith(argument)


# --- the platform's points (MetaTrader 4/5) -----------------------------------------------------


@pytest.mark.parametrize(
    ("pair", "digits"),
    [("USD/JPY", 3), ("AUD/JPY", 3), ("EUR/HUF", 3), ("EUR/USD", 5), ("USD/TRY", 5)],
)
@given(points=st.floats(-200, 200, allow_nan=False), lots=st.floats(0.01, 50))
def test_points_are_the_platforms_by_their_definition(pair, digits, points, lots):
    # MetaTrader: money a lot a night = points x 10^-digits x contract size, in the quote
    # currency; a pip is 10 points. Written from the definition, not from carryxl.
    contract = 100_000
    by_definition = points * 10.0**-digits * contract * lots
    assert float(swap_per_night(points, "points", lots, Pair.parse(pair))) == pytest.approx(
        by_definition, rel=1e-12, abs=1e-9
    )
    as_pips = float(swap_per_night(points / 10, "pips", lots, Pair.parse(pair)))
    assert as_pips == pytest.approx(by_definition, rel=1e-12, abs=1e-9)


def test_the_issues_usd_jpy_quote_is_1530_jpy_a_lot_a_night():
    # 15.3 points on 3-digit USD/JPY: 15.3 x 0.001 x 100,000 = 1,530 JPY (not 15,300).
    assert float(swap_per_night(15.3, "points", 1, Pair.parse("USD/JPY"))) == pytest.approx(1530.0)
    # A broker's 2-digit symbol: override the digits.
    assert float(
        swap_per_night(15.3, "points", 1, Pair.parse("USD/JPY"), digits=2)
    ) == pytest.approx(15_300)
    with pytest.raises(CarryxlError) as error:
        swap_per_night(1.0, "points", 1, Pair.parse("USD/JPY"), digits=11)
    assert error.value.argument == "digits"


# The forms' words and the cells a formula reads beside its function's arguments.
_SWAP_EXTRA = {"side", "forward", "benchmark", "points", "pips", "money_per_lot", "pip_size"}


def test_the_swap_formulas_speak_their_functions_arguments() -> None:
    """Each swap formula is named for a core function and uses its argument names."""
    for name, formula in core.SWAP_FORMULAS.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(formula) if f}
        function = getattr(swaps, name, None) or getattr(forwards, name)
        arguments = set(inspect.signature(function).parameters)
        assert fields <= arguments | _SWAP_EXTRA, (name, fields - arguments)
    for form, formula in core.SWAP_PER_UNIT.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(formula) if f}
        assert fields <= set(inspect.signature(core.swap_per_night).parameters) | {"pip_size"}
        assert core.SwapForm(form) is form


def test_the_swap_template_is_the_tables_on_its_cells() -> None:
    per_lot = core.SWAP_PER_UNIT[core.SwapForm.MONEY_PER_LOT].format(
        lots="in_lots", to_account="in_to_account"
    )
    assert SWAP_NATIVE["out_swap_as_money_per_lot"] == f"=out_swap_per_night/({per_lot})"
    assert per_lot in SWAP_NATIVE["out_swap_per_night"]
    assert SWAP_NATIVE["out_benchmark_swap"].endswith(
        core.SWAP_FORMULAS["benchmark_swap"].format(
            side="IF(in_side=INDEX(list_sides,1),1,-1)",
            units="out_units",
            spot="in_spot",
            forward="out_forward_held",
        )
    )
