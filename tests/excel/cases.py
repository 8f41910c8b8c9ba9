"""One worked call per Excel function, with what the generic tests need to know about it.

``args`` are the cells as Excel passes them; ``expected`` is worked out by hand in the
comment beside it (seed cases where there is one). ``vary`` names a numeric argument
that the whole-column tests turn into a 10,000-row range, with valid values for it;
``core`` computes the same rows straight from carryxl.core, without the Excel layer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl import core
from carryxl.core import asset, carry, costs, dates, forwards, margin, risk, swaps, tax
from carryxl.core.conventions import Pair
from tests import policy_data
from tests.excel import ecb_raw

MISSING = -2147352572  # what Excel passes for an argument left out

# CIP forward of seed case 1: AUD/JPY 100, AUD 4.5%, JPY 0.1%, 6 months.
FORWARD_SEED_1 = 100 * (1 + 0.001 * 0.5) / (1 + 0.045 * 0.5)
# USD/JPY 150 for spot Fri 2024-11-29, USD 4.625% ACT/360, JPY 0.25% ACT/365F: 7 and 31 days.
FORWARD_1W = 150 * (1 + 0.0025 * 7 / 365) / (1 + 0.04625 * 7 / 360)
FORWARD_1M = 150 * (1 + 0.0025 * 31 / 365) / (1 + 0.04625 * 31 / 360)


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[Any, ...]
    expected: Any
    vary: int | None = None  # index of a numeric argument to turn into a column
    values: Callable[[int], np.ndarray] | None = None  # valid values for it
    core: Callable[[np.ndarray], np.ndarray] | None = None  # the core on those rows
    other: int | None = None  # a second numeric argument, for mismatched ranges
    spot: int | None = None  # index of a spot (or other must-be-positive) argument
    setting: tuple[int, str] | None = None  # index of a convention and an unknown value


def spots(n: int) -> np.ndarray:
    return np.linspace(80.0, 120.0, n)


def moves(n: int) -> np.ndarray:
    return np.linspace(-0.2, 0.2, n)


CASES = [
    Case(
        "CARRY_PNL",
        (1e7, 100.0, 103.0, 0.045, 0.001, 0.5),
        1e7 * (1.03 * (1 + 0.045 * 0.5) - (1 + 0.001 * 0.5)),  # 526,750 JPY (seed 1)
        vary=2,
        values=spots,
        core=lambda s1: carry.carry_pnl(1e7, 100.0, s1, 0.045, 0.001, 0.5),
        other=1,
        spot=1,
        setting=(6, "sideways"),
    ),
    Case(
        "CARRY_RETURN",
        (100.0, 103.0, 0.045, 0.001, 0.5),
        1.03 * 1.0225 - 1.0005,  # 5.2675%
        vary=1,
        values=spots,
        core=lambda s1: carry.carry_return(100.0, s1, 0.045, 0.001, 0.5),
        other=0,
        spot=0,
        setting=(5, "quote/base"),
    ),
    Case(
        "FX_RETURN",
        (30.0, 32.0, "USD/TRY", "USD"),
        30 / 32 - 1,  # -6.25% (seed 2: the lira fell)
        vary=1,
        values=lambda n: np.linspace(25.0, 35.0, n),
        core=lambda s1: carry.fx_return(30.0, s1, "funding/target"),
        other=0,
        spot=0,
        setting=(2, "USD/XYZ"),
    ),
    Case(
        "FX_PNL",
        (100_000.0, 30.0, 32.0, "funding/target"),
        100_000 * (30 / 32 - 1),  # -6,250 USD (seed 2)
        vary=0,
        values=lambda n: np.linspace(1.0, 1e9, n),
        core=lambda n: carry.fx_pnl(n, 30.0, 32.0, "funding/target"),
        other=1,
        spot=1,
        setting=(3, "upside down"),
    ),
    Case(
        "CARRY_INCOME",
        (1e7, 0.045, 0.001, 0.5),
        1e7 * (0.045 - 0.001) * 0.5,  # 220,000 JPY (seed 1, the article's carry)
        vary=1,
        values=lambda n: np.linspace(-0.05, 0.5, n),
        core=lambda r: carry.carry_income(1e7, r, 0.001, 0.5),
        other=2,
        spot=0,
    ),
    Case(
        "ANNUALISED_RETURN",
        (0.052675, 0.5, True),
        1.052675**2 - 1,  # 10.8125% compounded
        vary=0,
        values=moves,
        core=lambda r: carry.annualised_return(r, 0.5, compound=True),
        other=1,
        spot=1,
        setting=(2, "perhaps"),
    ),
    Case(
        "CARRY_BREAKEVEN",
        (100.0, 0.045, 0.001, 0.5),
        100 * 1.0005 / 1.0225,  # 97.8484 (seed 1)
        vary=0,
        values=spots,
        core=lambda s0: carry.breakeven_spot(s0, 0.045, 0.001, 0.5),
        other=1,
        spot=0,
        setting=(4, "ACT/360"),
    ),
    Case(
        "CARRY_BREAKEVEN_MOVE",
        (0.045, 0.001, 0.5),
        1.0005 / 1.0225 - 1,  # -2.15% (seed 1)
        vary=0,
        values=lambda n: np.linspace(0.0, 0.3, n),
        core=lambda r: carry.breakeven_move(r, 0.001, 0.5),
        other=1,
        setting=(3, "AUD/JPY/EUR"),
    ),
    Case(
        "CARRY_DAYS_TO_OFFSET",
        (-0.03, 0.045, 0.001, "ACT/365F", "ACT/365F", "simple"),
        0.03 * 365 / 0.044,  # 248.9 days (the article's rule of thumb)
        vary=0,
        values=lambda n: np.linspace(-0.1, -0.001, n),
        core=lambda g: carry.carry_days_to_offset_simple(g, 0.045, 0.001),
        other=1,
        setting=(3, "ACT/999"),
    ),
    Case(
        "ASSET_CARRY_RETURN",
        (-0.0215, 0.0152),
        0.9785 * 1.0152 - 1,  # -0.66% (Nasdaq in yen, November 2024)
        vary=0,
        values=moves,
        core=lambda a: asset.asset_carry_return(a, 0.0152),
        other=1,
    ),
    Case(
        "ASSET_FX_MOVE",
        (0.10, "value"),
        1 / 1.10 - 1,  # "the yen rose 10%" in value: the USD fell 9.09%
        vary=0,
        values=moves,
        core=lambda m: asset.foreign_move(m, "value"),
        setting=(1, "both"),
        other=1,
    ),
    Case(
        "ASSET_BREAKEVEN_FX",
        (0.10,),
        1 / 1.10 - 1,  # a +10% asset return is lost if the USD falls 9.09%
        vary=0,
        values=moves,
        core=asset.breakeven_fx_move,
    ),
    Case(
        "ASSET_EXCESS_RETURN",
        (0.49, 0.0575, 0.6079),
        1.49 * 1.0575 - 1.6079,  # -3.2%: the Nikkei did better (the talk's claim fails)
        vary=0,
        values=moves,
        core=lambda a: asset.asset_excess_over_local(a, 0.0575, 0.6079),
        other=2,
    ),
    Case(
        "FX_FORWARD",
        (100.0, 0.045, 0.001, 0.5),
        FORWARD_SEED_1,  # 97.8484
        vary=0,
        values=spots,
        core=lambda s: forwards.forward_outright(s, 0.045, 0.001, 0.5),
        other=1,
        spot=0,
    ),
    Case(
        "FX_POINTS",
        (100.0, 0.045, 0.001, 0.5, "AUD/JPY"),
        (FORWARD_SEED_1 - 100) * 100,  # -215.16 points (JPY-quoted: x100)
        vary=0,
        values=spots,
        core=lambda s: forwards.forward_points(s, 0.045, 0.001, 0.5, scale=100.0),
        other=1,
        spot=0,
        setting=(4, "AUD/GOLD"),
    ),
    Case(
        "FX_FORWARD_FROM_POINTS",
        (100.0, -215.16, "AUD/JPY"),
        100 - 215.16 / 100,  # 97.8484
        vary=1,
        values=lambda n: np.linspace(-500.0, 500.0, n),
        core=lambda p: forwards.forward_from_points(100.0, p, 100.0),
        other=0,
        spot=0,
        setting=(2, "AUDJPYX"),
    ),
    Case(
        "FX_IMPLIED_DIFF",
        (100.0, FORWARD_SEED_1, 0.045, 0.5),
        0.001 - 0.045,  # the exact differential the forward was built from
        vary=1,
        values=spots,
        core=lambda f: forwards.implied_rate_differential(100.0, f, 0.045, 0.5),
        other=0,
        spot=0,
        setting=(5, "roughly"),
    ),
    Case(
        "FX_IMPLIED_RATE",
        (100.0, FORWARD_SEED_1, 0.045, 0.5),
        0.001,  # JPY 0.1% back from the forward
        vary=1,
        values=spots,
        core=lambda f: forwards.implied_quote_rate(100.0, f, 0.045, 0.5),
        other=0,
        spot=0,
    ),
    Case(
        "YEAR_FRACTION",
        (45306.0, 45488.0, "ACT/360"),  # 2024-01-15 to 2024-07-15
        182 / 360,
        vary=1,
        values=lambda n: 45306.0 + np.arange(n, dtype=float),
        core=lambda e: dates.year_fraction(
            np.datetime64("2024-01-15"), dates.from_excel_serial("end", e), "ACT/360"
        ),
        other=0,
        setting=(2, "ACT/999"),
    ),
    Case("TENOR_YEARS", ("90D", "ACT/360"), 90 / 360, setting=(1, "ACT/999")),
    Case(
        "TENOR_END",
        (45322.0, "1M"),  # 2024-01-31 + 1M
        45351.0,  # 2024-02-29: the month end clamps
        vary=0,
        values=lambda n: 45322.0 + np.arange(n, dtype=float),
        core=lambda s: dates.to_excel_serial(
            dates.add_tenor(dates.from_excel_serial("start", s), "1M")
        ),
        other=1,
        setting=(1, "1Q"),
    ),
    Case(
        "FX_FORWARD_DATED",
        (150.0, 0.04625, 0.0025, 45623.0, "1M", "USD/JPY"),  # dealt Wed 2024-11-27
        # spot Fri 29 Nov (Thanksgiving on T+1 is USD only) -> Mon 30 Dec: 31 days,
        # USD ACT/360, JPY ACT/365F
        150 * (1 + 0.0025 * 31 / 365) / (1 + 0.04625 * 31 / 360),
        spot=0,
        setting=(4, "1Q"),
    ),
    Case(
        "FX_FORWARD_STRIP",
        (150.0, 0.04625, 0.0025, 45623.0, (("1W",), ("1M",)), "USD/JPY"),  # as FX_FORWARD_DATED
        # spot Fri 29 Nov 2024 (outright 150): 1W to Fri 6 Dec (45632), 1M to Mon 30 Dec
        # (45656); points from spot, in JPY pips (x100)
        (
            (45632.0, 7.0, FORWARD_1W, (FORWARD_1W - 150) * 100),
            (45656.0, 31.0, FORWARD_1M, (FORWARD_1M - 150) * 100),
        ),
        setting=(4, "1Q"),
    ),
    Case("DAY_COUNT", ("USD",), "ACT/360"),
    Case(
        "CARRY_COSTS",
        (1e7, 100.0, 103.0, "AUD/JPY", "JPY", 2.0),
        2 * 100_000 * 2 * 0.01 / 2,  # half of a 2-pip spread at entry and at exit: 2,000 JPY
        vary=0,
        values=lambda n: np.linspace(1.0, 1e9, n),
        core=lambda n: costs.carry_trade_costs(n, 100.0, 103.0, 0.01, "target/funding", 2.0).total,
        other=1,
        spot=1,
        setting=(3, "AUD/GOLD"),
    ),
    Case(
        "CARRY_BREAKEVEN_AFTER_COSTS",
        (1e7, 100.0, 0.045, 0.001, 0.5, "AUD/JPY", "JPY", 2.0),
        100 * (10_005_000 + 1_000 + 1_000) / 10_225_000,  # 97.8679 (97.8484 before costs)
        vary=1,
        values=spots,
        core=lambda s: costs.breakeven_spot_after_costs(
            1e7, s, 0.045, 0.001, 0.5, 0.01, "target/funding", 2.0
        ),
        other=0,
        spot=1,
        setting=(6, "EUR"),
    ),
    # -- swaps, margin, risk, tax (the desk's worked numbers, done by hand) --
    Case(
        "SWAP_NIGHTS",
        (45663.0, 45670.0, "USD/JPY"),  # Mon 2025-01-06 to Mon 2025-01-13
        # value Wed 01-08 -> Thu 01-16: Mon 13 is Coming of Age Day in Japan, so the close
        # trades as Tue 14, whose spot is two JPY days on (Wed 15) then a USD day (Thu 16)
        8.0,
        vary=1,
        values=lambda n: 45670.0 + np.arange(n, dtype=float),
        core=lambda close: swaps.nights_between(
            np.datetime64("2025-01-06"),
            dates.from_excel_serial("close", close),
            Pair.parse("USD/JPY"),
        ),
        other=0,
        setting=(2, "USD/GOLD"),
    ),
    Case(
        "SWAP_VALUE",
        (15, "points", 2.0, MISSING, "USD/JPY"),
        15 * 0.001 * 2 * 100_000,  # MetaTrader points (3-digit USD/JPY): 3,000 JPY a night
        vary=0,
        values=lambda n: np.linspace(-5.0, 5.0, n),
        core=lambda q: swaps.swap_per_night(q, "points", 2.0, Pair.parse("USD/JPY")),
        other=2,
        spot=2,
        setting=(1, "bananas"),
    ),
    Case(
        "SWAP_IMPLIED_RATE",
        (3000.0, 200_000.0, 150.0),
        3000 / (200_000 * 150) * 360,  # 3.6% a year
        vary=0,
        values=lambda n: np.linspace(-1e4, 1e4, n),
        core=lambda m: swaps.swap_implied_rate(m, 200_000.0, 150.0),
        other=1,
        spot=2,
    ),
    Case(
        "CARRY_MARGIN",
        (1e7, 25.0),
        1e7 / 25,  # 400,000 JPY at 1:25
        vary=0,
        values=lambda n: np.linspace(0.0, 1e9, n),
        core=lambda v: margin.margin_required(v, leverage=25.0),
        other=1,
        spot=1,
    ),
    Case(
        "CARRY_MARGIN_CALL",
        (100.0, 1e5, 1e6, "long", 25.0),
        (1e5 * 100 - 1e6) / (1e5 * (1 - 0.04)),  # 93.75
        vary=0,
        values=spots,
        core=lambda s: margin.margin_call_spot(s, 1e5, 1e6, "long", 25.0),
        other=1,
        spot=0,
        setting=(3, "sideways"),
    ),
    Case(
        "CARRY_STOP_LOSS",
        (100.0, 1e5, 3e5),
        100 - 3e5 / 1e5,  # 97
        vary=0,
        values=spots,
        core=lambda s: risk.stop_loss_spot(s, 1e5, 3e5),
        other=1,
        spot=0,
        setting=(4, "euro"),
    ),
    Case(
        "CARRY_POSITION_SIZE",
        (10_000.0, 50.0, "AUD/JPY"),
        10_000 / (50 * 0.01),  # 20,000 AUD
        vary=0,
        values=lambda n: np.linspace(1.0, 1e6, n),
        core=lambda b: risk.position_size(b, 50.0, 0.01),
        other=1,
        spot=1,
        setting=(2, "AUD/GOLD"),
    ),
    Case(
        "PIP_VALUE",
        (1e5, "USD/JPY"),
        1e5 * 0.01,  # 1,000 JPY a pip
        vary=0,
        values=lambda n: np.linspace(0.0, 1e7, n),
        core=lambda u: risk.pip_value(u, 0.01),
        setting=(1, "USD/GOLD"),
        other=1,
    ),
    Case(
        "CARRY_TO_VOL",
        (0.045, 0.001, 0.12),
        0.044 / 0.12,  # 0.367 a year
        vary=2,
        values=lambda n: np.linspace(0.01, 0.5, n),
        core=lambda v: risk.carry_to_vol(0.045, 0.001, v),
        other=0,
        spot=2,
    ),
    Case(
        "CARRY_VAR",
        (1e7, 0.12, 10 / 252),
        1e7 * 2.3263478740408408 * 0.12 * (10 / 252) ** 0.5,  # 556,103.51 JPY at 99%
        vary=0,
        values=lambda n: np.linspace(0.0, 1e8, n),
        core=lambda v: risk.value_at_risk(v, 0.12, 10 / 252),
        other=1,
        setting=(5, "CVaR"),
    ),
    Case(
        "CARRY_LOSS_PROBABILITY",
        (0.045, 0.001, 0.12, 0.5),
        # P(X1/X0 < b), b = 1.0005/1.0225, ln(X1/X0) ~ N(-0.12^2/2 * 0.5, 0.12^2 * 0.5)
        0.5 * math.erfc(-((math.log(1.0005 / 1.0225) + 0.0036) / (0.12 * 0.5**0.5)) / 2**0.5),
        vary=2,
        values=lambda n: np.linspace(0.01, 0.5, n),
        core=lambda v: risk.probability_of_loss(0.045, 0.001, v, 0.5),
        other=0,
        spot=2,
    ),
    Case(
        "CARRY_AFTER_TAX",
        (226_750.0, 300_000.0, 0.2, 0.1),
        226_750 + 300_000 - (0.2 * 226_750 + 0.1 * 300_000),  # 451,400 JPY (seed 1)
        vary=1,
        values=lambda n: np.linspace(-1e6, 1e6, n),
        core=lambda f: tax.after_tax(226_750.0, f, 0.2, 0.1).after_tax,
        other=0,
        setting=(4, "carry forward"),
    ),
    Case(
        "CARRY_SCENARIOS",
        (1e7, 100.0, 0.045, 0.001, 0.03, 0.5),
        [["FX move \\ holding period", 0.5], [0.03, 1e7 * (1.03 * 1.0225 - 1.0005)]],  # seed 1
        setting=(6, "sideways"),
    ),
    # -- history: the raw ECB file read in tests/excel/ecb_raw.py; indicators by hand --
    Case(
        "FX_SPOT",
        ("AUD/JPY", ecb_raw.serial(dt.date(2008, 10, 24))),
        ecb_raw.cross("AUD/JPY", dt.date(2008, 10, 24)),  # JPY per EUR / AUD per EUR
        vary=1,
        values=lambda n: np.linspace(36_200.0, 46_300.0, n).round(),  # 1999-02 to 2026-10
        core=lambda days: np.array(ecb_raw.on_or_before("AUD/JPY", days.tolist())),
        setting=(0, "AUD/XYZ"),
    ),
    Case(
        "FX_HISTORY",
        ("AUD/JPY", "2008-10-20", "2008-10-24"),
        [
            ["date", "AUD/JPY"],
            [
                ecb_raw.serial(dt.date(2008, 10, 20)),
                ecb_raw.cross("AUD/JPY", dt.date(2008, 10, 20)),
            ],
        ],
        setting=(0, "AUD/XYZ"),
    ),
    Case(
        "FX_VOL",
        ("AUD/JPY", "2008-10-20", "2008-10-24"),
        statistics.stdev(
            math.log(b / a)
            for a, b in itertools.pairwise(
                ecb_raw.cross("AUD/JPY", d)
                for d in ecb_raw.fixing_days(dt.date(2008, 10, 20), dt.date(2008, 10, 24))
            )
        )
        * math.sqrt(252),  # sample stdev of the 4 daily log returns, annualised
        setting=(0, "AUD/XYZ"),
    ),
    Case(
        "FX_CORREL",
        ("EUR/USD", "USD/EUR", "2020-01-01", "2020-12-31"),
        -1.0,  # a pair and its inverse: log returns of opposite sign
        setting=(1, "USD/XYZ"),
    ),
    # -- policy rates: the BIS files in ../shared imported (tests/excel/conftest.py) --
    Case(
        "POLICY_RATE",
        ("USD", ecb_raw.serial(dt.date(2008, 10, 29))),
        # the Fed's cut to 1% that day, as the later file (bis_cbpol_2008_2024.csv) has it
        policy_data.merged_levels("USD", ["2008-10-29"])[0] / 100,
        vary=1,
        values=lambda n: np.linspace(36_200.0, 45_600.0, n).round(),  # 1999-02 to 2024-10
        core=lambda days: (
            np.array(
                policy_data.merged_levels(
                    "USD", [str(dates.from_excel_serial("d", d)) for d in days.tolist()]
                )
            )
            / 100
        ),
        setting=(0, "XYZ"),
    ),
    Case(
        "POLICY_RATE_AS_OF",
        (),
        # the later file's last date: each change-point table covers its currencies to it
        ecb_raw.serial(
            dt.date.fromisoformat(max(d for d, _, _ in policy_data.change_points(policy_data.NEW)))
        ),
    ),
    # spilled columns: tuples of rows, "" for an empty (warm-up) cell
    Case("FX_SMA", (((1.0,), (2.0,), (3.0,), (4.0,)), 2), (("",), (1.5,), (2.5,), (3.5,))),
    Case("FX_EMA", (((1.0,), (2.0,), (3.0,)), 3), ((1.0,), (1.5,), (2.25,))),  # alpha 1/2
    Case(
        "FX_RSI",
        (((1.0,), (2.0,), (1.5,), (2.5,)), 2),
        # changes +1, -0.5, +1; G = 0.5, L = 0.25 -> 100 - 100/3; then G 0.75, L 0.125
        (("",), ("",), (100 - 100 / 3,), (100 - 100 / 7,)),
    ),
    Case(
        "FX_MACD",
        (((1.0,), (2.0,)), 2, 3, 2, True),
        # EMA2 (alpha 2/3): 1, 5/3; EMA3 (alpha 1/2): 1, 3/2; line 0, 1/6; signal 0, 1/9
        (("macd", "signal", "histogram"), (0.0, 0.0, 0.0), (1 / 6, 1 / 9, 1 / 18)),
    ),
    # -- portfolio: staged positions and the whole book --
    Case(
        "STAGED_PNL",
        (1e5, 100.0, 99.0, "long"),
        1e5 * (99.0 - 100.0),  # -100,000 JPY: the tranche bought at 100, marked at 99
        vary=2,
        values=spots,
        core=lambda s: core.staged_position(np.full((s.size, 1), 1e5), 100.0, s).pnl,
        other=0,
        spot=2,
        setting=(3, "sideways"),
    ),
    Case(
        "STAGED_POSITION",
        (((1e5,), (1e5,), (2e5,)), ((100.0,), (98.0,), (96.0,))),
        (1e7 + 9.8e6 + 1.92e7) / 4e5,  # 97.5: units-weighted average entry rate
        setting=(4, "mean"),
    ),
    Case(
        "PORTFOLIO_VAR",
        (((1e6,), (1e6,)), ((0.1,), (0.1,)), ((1.0, 0.0), (0.0, 1.0)), 1.0),
        statistics.NormalDist().inv_cdf(0.99) * math.sqrt(2) * 1e5,  # uncorrelated: √2 x one
        setting=(5, "median"),
    ),
    Case(
        "CURRENCY_EXPOSURE",
        ((("AUD/JPY",), ("USD/JPY",)), ((1e3,), (3e3,))),
        # long AUD and USD against the yen: JPY owes 4,000 and funds the whole book
        (("AUD", 1e3, 0.0, ""), ("JPY", -4e3, 1.0, "concentrated"), ("USD", 3e3, 0.0, "")),
    ),
]

BY_NAME = {case.name: case for case in CASES}


def with_arg(args: tuple[Any, ...], index: int, value: Any) -> tuple[Any, ...]:
    """``args`` with argument ``index`` replaced (arguments before it left out if needed)."""
    padded = (*args, *([MISSING] * (index + 1 - len(args))))
    return (*padded[:index], value, *padded[index + 1 :])


def expected_core_column(case: Case, n: int) -> np.ndarray:
    assert case.values is not None
    assert case.core is not None
    return np.asarray(case.core(case.values(n)), dtype=float)


__all__ = [
    "BY_NAME",
    "CASES",
    "FORWARD_SEED_1",
    "MISSING",
    "Case",
    "core",
    "expected_core_column",
    "with_arg",
]
