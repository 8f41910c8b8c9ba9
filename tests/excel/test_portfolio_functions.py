"""STAGED_PNL, STAGED_POSITION, PORTFOLIO_VAR, CURRENCY_EXPOSURE through xlwings' machinery:
whole columns with blank rows, per-cell messages, and agreement with the core."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from carryxl.core.portfolio import BookColumns, book_positions, book_risk
from tests.excel.cases import MISSING
from tests.excel.harness import Excel, column

Z99 = NormalDist().inv_cdf(0.99)


def test_staged_pnl_per_tranche_with_a_bad_row(xl: Excel) -> None:
    got = xl.call("STAGED_PNL", column(1e5, 1e5, "abc", 2e5), column(100.0, 98.0, 97.0, 96.0), 99.0)
    assert got[0][0] == pytest.approx(-1e5)
    assert got[1][0] == pytest.approx(1e5)
    assert got[2][0] == 'amounts: must be a number (got text "abc")'
    assert got[3][0] == pytest.approx(6e5)
    short = xl.call("STAGED_PNL", 1e5, 100.0, 99.0, "short")
    assert short == pytest.approx(1e5)


def test_staged_position_whole_columns_by_label(xl: Excel) -> None:
    amounts = column(1e5, 2e4, 3e5, 1e4, None, 5e4)
    rates = column(100.0, 1.1, 97.0, 1.12, None, 1.09)
    labels = column("AUD/JPY", "EUR/USD", "AUD/JPY", "EUR/USD", None, "EUR/USD")
    of = column("AUD/JPY", "EUR/USD", "GBP/USD")
    spots, sides = column(99.0, 1.105, 1.3), column("long", "short", "long")
    average = xl.call("STAGED_POSITION", amounts, rates, spots, sides, "average", labels, of)
    core = book_positions(
        BookColumns(
            position=[0, 1, 0, 1, 1],
            amounts=[1e5, 2e4, 3e5, 1e4, 5e4],
            rates=[100.0, 1.1, 97.0, 1.12, 1.09],
            days=0,
            spot=[99.0, 1.105],
            side=["long", "short"],
            rate_base=0.0,
            rate_quote=0.0,
        )
    )
    assert [r[0] for r in average[:2]] == pytest.approx(list(core.average_rate), rel=1e-14)
    assert average[2][0] == ""  # no tranche of GBP/USD
    pnl = xl.call("STAGED_POSITION", amounts, rates, spots, sides, "pnl", labels, of)
    assert [r[0] for r in pnl[:2]] == pytest.approx(list(core.fx), rel=1e-12)
    words = ("units", "cost", "average", "pnl")
    several = xl.call("STAGED_POSITION", amounts, rates, spots, sides, (words,), labels, of)
    assert len(several) == 3
    assert all(len(row) == 4 for row in several)
    for k, word in enumerate(words):  # a column per measure, each as its own call gives it
        alone = xl.call("STAGED_POSITION", amounts, rates, spots, sides, word, labels, of)
        assert [row[k] for row in several[:2]] == [row[0] for row in alone[:2]]
    assert several[2] == ["", "", "", ""]  # no tranche of GBP/USD: the whole row empty
    bad = xl.call("STAGED_POSITION", amounts, rates, spots, sides, (("units", "x"),), labels, of)
    assert bad == 'measure: must be average, units, cost, pnl, return or swap (got text "x")'
    one = xl.call("STAGED_POSITION", column(1e5, 1e5, 2e5), column(100.0, 98.0, 96.0))
    assert one == pytest.approx(97.5)
    needs = xl.call("STAGED_POSITION", 1e5, 100.0, MISSING, MISSING, "pnl")
    assert needs == "spot: must be a number (got an empty cell)"


def test_staged_position_swap_per_lot_per_night(xl: Excel) -> None:
    """swap: per label, swap per lot per night x Σ amount x nights / lot size (the core's
    book_positions swap); a blank swap cell is no swap; a bad night names the argument."""
    amounts = column(1e5, 2e4, None, 3e5, 1e4)
    rates = column(100.0, 1.1, None, 97.0, 1.12)
    nights = column(30.0, 12.0, None, 5.0, 3.0)
    labels = column("AUD/JPY", "EUR/USD", None, "AUD/JPY", "EUR/USD")
    of = column("AUD/JPY", "EUR/USD", "GBP/USD")
    swaps = column(8.5, -4.0, 1.0)
    got = xl.call(
        "STAGED_POSITION",
        amounts,
        rates,
        MISSING,
        MISSING,
        (("units", "swap"),),
        labels,
        of,
        nights,
        swaps,
        10_000.0,
    )
    core = book_positions(
        BookColumns(
            position=[0, 1, 0, 1],
            amounts=[1e5, 2e4, 3e5, 1e4],
            rates=[100.0, 1.1, 97.0, 1.12],
            days=[30, 12, 5, 3],
            spot=[99.0, 1.1],
            side="long",
            rate_base=0.0,
            rate_quote=0.0,
            swap=[8.5, -4.0],
            lot_size=10_000,
        )
    )
    assert [row[1] for row in got[:2]] == pytest.approx(list(core.swap), rel=1e-14)
    assert got[0][1] == pytest.approx(8.5 * (10 * 30 + 30 * 5))
    assert got[2] == ["", ""]  # no tranche of GBP/USD
    default_lot = xl.call(
        "STAGED_POSITION",
        amounts,
        rates,
        MISSING,
        MISSING,
        "swap",
        labels,
        of,
        nights,
        column(8.5, None, 1.0),
    )
    assert default_lot[0][0] == pytest.approx(8.5 * (1 * 30 + 3 * 5))
    assert default_lot[1][0] == 0.0  # a blank swap: none
    bad = xl.call(
        "STAGED_POSITION",
        amounts,
        rates,
        MISSING,
        MISSING,
        "swap",
        labels,
        of,
        column(30.0, "x", None, 5.0, 3.0),
        swaps,
    )
    assert bad.startswith("nights: ")


def _book() -> tuple[list[float], list[float], np.ndarray]:
    w = [1e6, -4e5, 7e5]
    vol = [0.1, 0.15, 0.12]
    corr = np.array([[1.0, 0.3, 0.6], [0.3, 1.0, -0.2], [0.6, -0.2, 1.0]])
    return w, vol, corr


def _rows(matrix: np.ndarray) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(x) for x in r) for r in matrix)


def test_portfolio_var_matches_an_independent_quadratic_form(xl: Excel) -> None:
    w, vol, corr = _book()
    t = 10 / 252
    cov = np.diag(vol) @ corr @ np.diag(vol)
    var = Z99 * math.sqrt(np.array(w) @ cov @ np.array(w)) * math.sqrt(t)
    got = xl.call("PORTFOLIO_VAR", column(*w), column(*vol), _rows(corr), t)
    assert got == pytest.approx(var, rel=1e-12)
    core = book_risk(w, vol, corr, t)
    contributions = xl.call(
        "PORTFOLIO_VAR", column(*w), column(*vol), _rows(corr), t, MISSING, "contributions"
    )
    assert [r[0] for r in contributions] == pytest.approx(list(core.contributions), rel=1e-12)
    ratio = xl.call(
        "PORTFOLIO_VAR", column(*w), column(*vol), _rows(corr), t, 0.99, "diversification"
    )
    assert ratio == pytest.approx(core.diversification_ratio, rel=1e-12)


def test_portfolio_var_skips_blank_rows_of_a_whole_column(xl: Excel) -> None:
    w, vol, corr = _book()
    padded = np.full((5, 5), np.nan)
    padded[:3, :3] = corr
    grid = tuple(tuple(None if math.isnan(x) else float(x) for x in r) for r in padded)
    t = 1.0
    got = xl.call("PORTFOLIO_VAR", column(*w, None, None), column(*vol, None, None), grid, t)
    assert got == pytest.approx(book_risk(w, vol, corr, t).var, rel=1e-12)
    standalone = xl.call(
        "PORTFOLIO_VAR",
        column(*w, None, None),
        column(*vol, None, None),
        grid,
        t,
        MISSING,
        "standalone",
    )
    assert standalone[3:] == [[""], [""]]


def test_portfolio_var_says_what_is_wrong(xl: Excel) -> None:
    w, vol, corr = _book()
    bad = xl.call("PORTFOLIO_VAR", column(w[0], "x", w[2]), column(*vol), _rows(corr), 1.0)
    assert bad == 'exposures: must be a number (got text "x")'
    asym = corr.copy()
    asym[0, 1] = 0.9
    assert xl.call("PORTFOLIO_VAR", column(*w), column(*vol), _rows(asym), 1.0).startswith(
        "correlation: must be symmetric"
    )
    small = xl.call("PORTFOLIO_VAR", column(*w), column(*vol), _rows(corr[:2, :2]), 1.0)
    assert small == "correlation: must be 3x3, one per exposure (got 2x2)"
    assert xl.call("PORTFOLIO_VAR", 1e6, 0.1, 1.0, 1.0, 0.99, "median").startswith("measure: ")


def test_currency_exposure_flags_a_yen_book(xl: Excel) -> None:
    got = xl.call(
        "CURRENCY_EXPOSURE",
        column("AUD/JPY", "USD/JPY", None),
        column(1e3, 3e3, None),
        MISSING,
        True,
    )
    assert got[0] == ["currency", "net", "funding_share", "flag"]
    assert got[1] == ["AUD", 1e3, 0.0, ""]
    assert got[2] == ["JPY", -4e3, 1.0, "concentrated"]
    assert got[3] == ["USD", 3e3, 0.0, ""]
    mixed = xl.call("CURRENCY_EXPOSURE", column("AUD/JPY", "USD/TRY"), column(1e3, -1e3))
    assert all(r[3] == "" for r in mixed)
    bad = xl.call("CURRENCY_EXPOSURE", column("AUD/JPY", "AUD/XYZ"), column(1.0, 1.0))
    assert bad.startswith("pair: ")


def test_staged_position_numbered_positions_and_blank_rows(xl: Excel) -> None:
    """Position numbers (the template's tranche table) take the numeric path: same answers."""
    amounts = column(1e5, 2e4, None, 3e5, 1e4)
    rates = column(100.0, 1.1, None, 97.0, 1.12)
    numbers = column(1.0, 2.0, None, 1.0, 2.0)
    of = column(2.0, 1.0, None, 3.0)
    got = xl.call("STAGED_POSITION", amounts, rates, MISSING, MISSING, "average", numbers, of)
    assert got[0][0] == pytest.approx((2e4 * 1.1 + 1e4 * 1.12) / 3e4, rel=1e-14)
    assert got[1][0] == pytest.approx((1e7 + 3e5 * 97.0) / 4e5, rel=1e-14)
    assert got[2:] == [[""], [""]]  # an empty label, and a position without tranches
    sides = column(1.0, -1.0, None, 1.0)
    pnl = xl.call(
        "STAGED_POSITION", amounts, rates, column(1.2, 99.0, None, 5.0), sides, "pnl", numbers, of
    )
    assert pnl[0][0] == pytest.approx(3e4 * 1.2 - (2e4 * 1.1 + 1e4 * 1.12), rel=1e-12)
    assert pnl[1][0] == pytest.approx(-(4e5 * 99.0 - (1e7 + 3e5 * 97.0)), rel=1e-12)
