"""Backtests, baskets, stress replays and the history macros with no rates given: the BIS
policy rates day by day, cited with their as-of date; user rates still override."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from carryxl.cli import main
from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.history.backtest import backtest
from carryxl.history.basket import G10, basket_backtest
from carryxl.history.rates import RateSchedule, Schedule
from carryxl.history.store import load_policy_rates
from carryxl.history.stress import EPISODES
from carryxl.macros import FileBook, run_macro
from tests.macros.workbooks import scenario_workbook
from tests.policy_data import JPY_GAPS, NEW, OLD, change_points, level_on, merged_levels

GAP = f"BIS published no JPY policy rate from {JPY_GAPS[1][0]} to {JPY_GAPS[1][1]}"

SOURCE = "BIS, Central bank policy rates (WS_CBPOL)"


def _json(capsys, argv, code=0):
    assert main([*argv, "--json"]) == code
    return json.loads(capsys.readouterr().out)


def _schedule(codes: list[str], first: str, last: str, add: dict[str, float] | None = None):
    """A step schedule of the files' own change points (read with csv, not carryxl)."""
    days = sorted(
        {first}
        | {
            d
            for rows in (change_points(OLD), change_points(NEW))
            for d, c, _ in rows
            if c in codes and first < d <= last
        }
    )
    rows = [["date", *codes]]
    levels = {c: merged_levels(c, days) for c in codes}
    for i, day in enumerate(days):
        rows.append([day, *(f"{levels[c][i] + (add or {}).get(c, 0.0)}%" for c in codes)])
    return RateSchedule.from_rows(rows)


def test_a_backtest_with_no_rates_runs_on_the_policy_rates_day_by_day(with_rates, capsys):
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2007-01-02",
        "--end",
        "2009-12-31",
        "--notional",
        "10000000",
        "--daily",
    ]
    out = _json(capsys, argv)
    assert out["rates"]["source"] == SOURCE
    assert out["rates"]["as_of"] == str(load_policy_rates().as_of)
    assert out["rates"]["target"] == "AUD policy rate day by day (BIS)"
    assert out["rates"]["notes"] == []
    schedule = _schedule(["AUD", "JPY"], "2007-01-02", "2009-12-31")
    expected = backtest(
        Pair.parse("AUD/JPY"), Currency.JPY, "2007-01-02", "2009-12-31", 1e7, schedule, schedule
    )
    np.testing.assert_allclose([d["equity"] for d in out["daily"]], expected.equity, rtol=1e-13)
    assert out["carry"] == pytest.approx(expected.stats.carry, rel=1e-13)
    # The carry changes with the RBA's steps: not one constant rate's carry.
    flat = backtest(
        Pair.parse("AUD/JPY"), Currency.JPY, "2007-01-02", "2009-12-31", 1e7, 0.0625, 0.005
    )
    assert abs(out["carry"] - flat.stats.carry) > 1e4
    # The text report cites the source and the as-of date.
    assert main(argv) == 0
    assert f"Source: {SOURCE}, as of {out['rates']['as_of']}" in capsys.readouterr().out


def test_broker_spreads_are_added_to_each_leg(with_rates, capsys):
    argv = [
        "backtest",
        "--pair",
        "USD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2023-01-03",
        "--end",
        "2023-12-29",
        "--notional",
        "10000000",
        "--spread-funding",
        "1.518%",
        "--spread-target",
        "-0.5%",
    ]
    out = _json(capsys, argv)
    schedule = _schedule(["USD", "JPY"], "2023-01-03", "2023-12-29", {"JPY": 1.518, "USD": -0.5})
    expected = backtest(
        Pair.parse("USD/JPY"), Currency.JPY, "2023-01-03", "2023-12-29", 1e7, schedule, schedule
    )
    assert out["carry"] == pytest.approx(expected.stats.carry, rel=1e-12)
    assert "JPY: policy rate +1.5180% broker spread" in out["rates"]["notes"]


def test_user_rates_override_and_say_so(with_rates, capsys):
    out = _json(
        capsys,
        [
            "backtest",
            "--pair",
            "AUD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2008-01-02",
            "--end",
            "2008-12-31",
            "--rate-target",
            "7%",
            "--rate-funding",
            "0.5%",
        ],
    )
    assert out["rates"]["source"] == "rates given by hand"
    expected = backtest(
        Pair.parse("AUD/JPY"), Currency.JPY, "2008-01-02", "2008-12-31", 1e6, 0.07, 0.005
    )
    assert out["carry"] == pytest.approx(expected.stats.carry, rel=1e-13)
    # one leg by hand, the other from the data
    out = _json(
        capsys,
        [
            "backtest",
            "--pair",
            "AUD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2008-01-02",
            "--end",
            "2008-12-31",
            "--rate-funding",
            "2%",
        ],
    )
    assert out["rates"]["funding"] == "JPY at 2.0000% (given, constant)"
    assert out["rates"]["target"] == "AUD policy rate day by day (BIS)"


def test_a_gap_is_refused_unless_filled_and_a_fill_is_labelled(with_rates, capsys):
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2012-01-03",
        "--end",
        "2017-12-29",
    ]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert GAP in err
    assert "--fill JPY=RATE" in err
    assert "(a position is open from 2012-01-03 to " in err
    out = _json(capsys, [*argv, "--fill", "JPY=0.05%"])
    assert out["rates"]["notes"] == [
        f"JPY {JPY_GAPS[1][0]} to {JPY_GAPS[1][1]}: no BIS level; filled with 0.0500% "
        "(a fill you gave, not BIS data)"
    ]


def test_rates_are_needed_only_while_a_position_is_open(with_rates, capsys):
    # The command: AUD/JPY at 5x with a 1.5% funding spread from 2008 is stopped out
    # in 2008, years before the yen gap; it runs, and says the gap was not needed.
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2008-01-02",
        "--leverage",
        "5",
        "--spread-funding",
        "1.5%",
    ]
    out = _json(capsys, [*argv, "--end", "2017-12-29"])
    stop = out["stop"]
    assert stop is not None
    assert stop["date"] < JPY_GAPS[1][0]
    assert [t["exit"] for t in out["trades"]] == [stop["date"]]
    assert (
        f"JPY {JPY_GAPS[1][0]} to {JPY_GAPS[1][1]}: no BIS level; not needed (no position open "
        "then: rates are needed only while one is)"
    ) in out["rates"]["notes"]
    # Independently: the same trade on a window that ends before the gap, where every day
    # has a rate, stops out on the same day at the same P&L (nothing after the stop counts).
    short = _json(capsys, [*argv, "--end", "2011-12-30"])
    assert short["stop"] == stop
    assert short["total_return"] == pytest.approx(out["total_return"], abs=1e-12)
    # The same run unleveraged holds across the gap and is still refused, naming it.
    assert main([*argv[:-4], "--end", "2017-12-29"]) == 2
    err = capsys.readouterr().err
    assert GAP in err
    assert "--fill JPY=RATE" in err


def test_a_basket_needs_rates_only_while_it_is_open(with_rates, capsys):
    # The G10 basket at 10x is stopped out in 2008: it runs past the yen gap and says so,
    # and its stop is the one a window ending before the gap gives.
    argv = ["basket", "--start", "2008-01-02", "--leverage", "10"]
    out = _json(capsys, [*argv, "--end", "2017-12-29"])
    stop = out["stop"]
    assert stop is not None
    assert stop["date"] < JPY_GAPS[1][0]
    assert f"JPY {JPY_GAPS[1][0]} to {JPY_GAPS[1][1]}: no BIS level; not needed" in " ".join(
        out["rates"]["notes"]
    )
    assert _json(capsys, [*argv, "--end", "2011-12-30"])["stop"] == stop
    # Unleveraged it is open (and ranks the yen) across the gap: refused, naming it.
    assert main([*argv[:-2], "--end", "2017-12-29"]) == 2
    err = capsys.readouterr().err
    assert GAP in err
    assert "--fill JPY=RATE" in err


def test_dates_after_the_data_are_marked_stale(with_rates, capsys):
    as_of = load_policy_rates().as_of
    out = _json(
        capsys,
        [
            "backtest",
            "--pair",
            "USD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2024-10-01",
            "--end",
            "2025-06-30",
        ],
    )
    notes = out["rates"]["notes"]
    for code in ("USD", "JPY"):
        last = level_on(change_points(NEW), code, str(as_of))
        assert f"{code} after {as_of}: last known level, stale since {as_of} ({last:g}%)" in notes


def test_with_no_data_and_no_rates_each_run_says_so_in_one_line(empty_folder, capsys):
    for argv in (
        [
            "backtest",
            "--pair",
            "AUD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2008-01-02",
            "--end",
            "2008-12-31",
        ],
        ["basket", "--start", "2020-01-02", "--end", "2020-12-31"],
        ["stress", "--episode", "gfc2008"],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        for way in ("carryxl data update", "carryxl data import FILE", "by hand"):
            assert way in err


def test_the_g10_basket_ranks_by_the_rates_in_force_at_each_rebalance(with_rates, capsys):
    out = _json(
        capsys,
        [
            "basket",
            "--start",
            "2017-01-02",
            "--end",
            "2023-12-29",
            "--top",
            "3",
            "--bottom",
            "3",
            "--rebalance",
            "quarterly",
        ],
    )
    assert out["rates"]["source"] == SOURCE
    assert out["rates"]["as_of"] == str(load_policy_rates().as_of)
    holdings = set()
    for r in out["rebalances"]:
        legs = [c for c in G10 if c != "USD"]  # the base (USD by default) is never a leg
        levels = {c: merged_levels(c, [r["date"]])[0] for c in legs}
        order = sorted(legs, key=lambda c: (-levels[c], legs.index(c)))  # ties: the order given
        assert tuple(r["longs"]) == tuple(order[:3]), r["date"]
        assert tuple(r["shorts"]) == tuple(order[-3:]), r["date"]
        holdings.add(tuple(r["longs"]))
    assert len(holdings) > 3  # the ranking moves with the central banks


@pytest.mark.parametrize("key", list(EPISODES))
def test_each_stress_episode_runs_on_its_pairs_real_rates(with_rates, capsys, key):
    out = _json(capsys, ["stress", "--episode", key, "--leverage", "5"])
    e = EPISODES[key]
    funding = e.funding
    target = e.pair.other(funding)
    first = out["path"][0]["date"]
    assert out["rate_target"] == pytest.approx(merged_levels(target, [first])[0] / 100)
    assert out["rate_funding"] == pytest.approx(merged_levels(funding, [first])[0] / 100)
    assert out["rates"]["source"] == SOURCE
    assert out["rates"]["as_of"] == str(load_policy_rates().as_of)
    assert main(["stress", "--episode", key]) == 0
    text = capsys.readouterr().out
    assert f"Source: {SOURCE}, as of" in text
    assert "illustrative" not in text


def _macro_headings(tmp_path: Path) -> dict[str, str]:
    """The backtest and stress macros' headings on an AUD/USD workbook whose rate cells are
    empty (so the policy rates are used)."""
    path = scenario_workbook(
        tmp_path / "empty-rates.xlsx",
        pair="AUD/USD",
        funding="USD",
        rate_target=None,
        rate_funding=None,
    )
    headings = {}
    for macro in ("backtest", "stress"):
        with FileBook(path, quiet=True) as book:
            title = run_macro(macro, book)
            book.save()
        headings[macro] = str(openpyxl.load_workbook(path)[str(title)]["A1"].value)
    return headings


def test_the_macros_use_the_policy_rates_when_the_rate_cells_are_empty(
    with_rates, tmp_path: Path
) -> None:
    headings = _macro_headings(tmp_path)
    for macro, heading in headings.items():
        assert "AUD policy rate day by day vs USD policy rate day by day" in heading, macro
        assert f"Source: {SOURCE}, as of {load_policy_rates().as_of}" in heading
    # the default backtest window runs to the last ECB fixing, after the BIS data: stale, said
    assert "last known level, stale since" in headings["backtest"]


def test_a_macro_whose_window_meets_a_gap_says_so(with_rates, tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "gap.xlsx", rate_target=None, rate_funding=None)
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError) as error:
        run_macro("stress", book)  # AUD/JPY through SNB 2015: the BoJ published no rate
    assert GAP in str(error.value)
    # a rate typed in the cell takes over that leg
    path = scenario_workbook(tmp_path / "typed.xlsx", rate_target=None, rate_funding=0.001)
    with FileBook(path, quiet=True) as book:
        title = run_macro("stress", book)
        book.save()
    heading = openpyxl.load_workbook(path)[str(title)]["A1"].value
    assert "AUD policy rate day by day vs JPY 0.1000%" in heading


def test_a_basket_spread_is_added_to_that_currencys_rate_and_noted(with_rates, capsys):
    argv = [
        "basket",
        "--start",
        "2018-01-02",
        "--end",
        "2019-12-31",
        "--currencies",
        "USD,JPY,AUD,EUR",
        "--base",
        "USD",
        "--top",
        "1",
        "--bottom",
        "1",
    ]
    plain = _json(capsys, argv)
    # -0.3%: no level of the tests' tables ties with another currency's after the spread
    spread = _json(capsys, [*argv, "--spread", "JPY=1%", "--spread", "AUD=-0.3%"])
    assert "JPY: policy rate +1.0000% broker spread" in spread["rates"]["notes"]
    assert "AUD: policy rate -0.3000% broker spread" in spread["rates"]["notes"]
    assert spread["carry"] != pytest.approx(plain["carry"], rel=1e-3)
    schedule = _schedule(
        ["USD", "JPY", "AUD", "EUR"], "2018-01-02", "2019-12-31", {"JPY": 1.0, "AUD": -0.3}
    )
    expected = basket_backtest(
        schedule,
        "2018-01-02",
        "2019-12-31",
        ["USD", "JPY", "AUD", "EUR"],
        "USD",
        1,
        1,
        notional=1e6,
    )
    assert spread["carry"] == pytest.approx(expected.stats.carry, rel=1e-12)


def test_both_schedules_are_read_through_one_protocol(with_rates):
    # a table and the policy data are both rate Schedules; neither is the other's subclass
    table = RateSchedule.from_rows([["date", "JPY"], ["2020-01-02", "0.1%"]])
    policy = load_policy_rates().schedule()
    assert isinstance(table, Schedule)
    assert isinstance(policy, Schedule)
    assert not isinstance(policy, RateSchedule)
    day = np.datetime64("2023-06-30")
    assert float(table.rate_on(Currency.JPY, day)) == pytest.approx(0.001)
    published = merged_levels("JPY", [str(day)])[0] / 100  # percent in the file
    assert float(policy.rate_on(Currency.JPY, day)) == pytest.approx(published)
    assert policy.currencies == load_policy_rates().currencies


RUNS = {
    "backtest": [
        "backtest",
        "--pair",
        "AUD/USD",
        "--funding",
        "USD",
        "--start",
        "2017-01-02",
        "--end",
        "2019-12-31",
        "--notional",
        "1000000",
    ],
    "basket": [
        "basket",
        "--start",
        "2017-01-02",
        "--end",
        "2019-12-31",
        "--top",
        "3",
        "--bottom",
        "3",
    ],
    "stress": ["stress", "--episode", "gfc2008"],
}


@pytest.mark.parametrize("run", list(RUNS))
def test_a_run_says_when_the_as_of_date_is_only_the_last_change(without_end, capsys, run):
    """Issue 19 §5: change points imported without --through: the report's source line says
    the as-of date is the last change and how to give the end; JSON has it as as_of_note."""
    out = _json(capsys, RUNS[run])
    assert out["rates"]["as_of"] == without_end
    note = out["rates"]["as_of_note"]
    assert note.startswith(f"as of the last change, {without_end} (")
    assert main(RUNS[run]) == 0
    text = capsys.readouterr().out
    assert f"Source: {SOURCE}, {note}" in text
    assert f"as of {without_end}" not in text


@pytest.mark.parametrize("run", list(RUNS))
def test_a_run_on_data_with_a_known_end_says_as_of_plainly(with_rates, capsys, run):
    out = _json(capsys, RUNS[run])
    assert "as_of_note" not in out["rates"]
    assert main(RUNS[run]) == 0
    assert f"Source: {SOURCE}, as of {out['rates']['as_of']}\n" in capsys.readouterr().out


def test_the_macros_headings_say_when_the_as_of_date_is_only_the_last_change(
    without_end, tmp_path: Path
) -> None:
    for macro, heading in _macro_headings(tmp_path).items():
        assert f"Source: {SOURCE}, as of the last change, {without_end} (" in heading, macro
        assert "give --through at import if the data runs later" in heading, macro
