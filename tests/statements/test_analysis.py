"""Nights, swap per lot per night, implied rate, policy differential and markup, each
worked by hand from the rows of :mod:`tests.statements.scenarios`.

Independent computation of the implied rate (not carryxl's): the swap in the quote currency
over n nights on lots * 100,000 base units bought at S is an annual rate of
swap_quote / (lots * 100,000 * S) * B / n, B the quote currency's money-market year
(USD 360, JPY 365)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carryxl.history.policy import PolicyRates, PolicySeries
from carryxl.statements import Analysis, analyse, read_statement
from tests.statements.scenarios import jpy_report, netting_report, usd_report
from tests.statements.writers import mt5_html


def _days(first: str, last: str) -> int:
    return int((np.datetime64(last) - np.datetime64(first)).astype(int)) + 1


def _policy() -> PolicyRates:
    """USD 4.50%; JPY 0.25% to 2025-01-11 and 0.50% from 2025-01-12; AUD 4.35%; all to
    2025-01-31. EUR 3.15% with data ending 2025-01-13 (later nights are stale)."""
    start = np.datetime64("2025-01-01")
    month = _days("2025-01-01", "2025-01-31")
    # levels are decimals (0.045 = 4.50%)
    jpy = np.where(np.arange(month) < 11, 0.0025, 0.0050)  # 01..11 at 0.25%, 12.. at 0.50%
    return PolicyRates(
        {
            "USD": PolicySeries(start, np.full(month, 0.0450)),
            "JPY": PolicySeries(start, jpy),
            "AUD": PolicySeries(start, np.full(month, 0.0435)),
            "EUR": PolicySeries(start, np.full(_days("2025-01-01", "2025-01-13"), 0.0315)),
        }  # type: ignore[dict-item]
    )


def _usd_per(currency: str, account: str, dates: np.ndarray) -> np.ndarray:
    """The tests' conversion: 157 JPY a USD."""
    assert (currency, account) == ("JPY", "USD")
    return np.full(dates.shape, 1 / 157)


def _jpy_per(currency: str, account: str, dates: np.ndarray) -> np.ndarray:
    assert (currency, account) == ("USD", "JPY")
    return np.full(dates.shape, 157.0)


def _analysis(tmp_path: Path, report: object = None, **kwargs: object) -> Analysis:
    path = tmp_path / "r.html"
    path.write_text(mt5_html(report or usd_report()), encoding="utf-8")  # type: ignore[arg-type]
    return analyse(read_statement(path), **kwargs)  # type: ignore[arg-type]


def test_nights_by_value_dates_and_the_triple_day(tmp_path: Path) -> None:
    a = _analysis(tmp_path)
    # 101 USDJPY Mon 06 -> Mon 13: value Wed 08 -> Wed 15 = 7; 102 AUDJPY Wed 08 -> Thu 09:
    # value Fri 10 -> Mon 13 = 3 (Wednesday's triple); 104 EURUSD Fri 10 -> Mon 13: value
    # Tue 14 -> Wed 15 = 1; 105 same day: 0; metal and CFD: not counted (None).
    assert [r.nights for r in a.positions] == [7, 3, None, 1, 0, None]
    friday = _analysis(tmp_path, triple_day="Fri")
    # The weekend on Friday: 102 is a plain night (1), 104 spans Friday's triple (3).
    assert [r.nights for r in friday.positions] == [7, 1, None, 3, 0, None]
    # A holiday on Wed 15: 101's close value moves Wed 15 -> Thu 16 (8 nights), 104's too
    # (Tue 14 -> Thu 16: 2); 102's value dates (Fri 10 -> Mon 13) are untouched.
    holiday = _analysis(tmp_path, holidays="2025-01-15")
    assert [r.nights for r in holiday.positions] == [8, 3, None, 2, 0, None]


def test_swap_per_lot_night_in_the_quote_currency(tmp_path: Path) -> None:
    a = _analysis(tmp_path, convert=_usd_per)
    per = [r.swap_per_lot_night_quote for r in a.positions]
    # 101: 15.75 USD / 7 / 0.5 = 4.50 USD a lot a night; USD is the base: x 158.000 (close).
    assert per[0] == pytest.approx(4.5 * 158.0)
    # 102: -6.00 USD / 3 / 1.00 = -2.00 USD; a cross: x 157 JPY a USD (the conversion).
    assert per[1] == pytest.approx(-314.0)
    # 104: the account is in the quote currency: -0.90 / 1 / 0.30 = -3.00 USD.
    assert per[3] == pytest.approx(-3.0)
    assert [per[2], per[4], per[5]] == [None, None, None]
    no_conversion = _analysis(tmp_path)
    assert no_conversion.positions[1].implied_rate is None
    assert any("no conversion" in n for n in no_conversion.notes)


def test_implied_rate_against_an_independent_computation(tmp_path: Path) -> None:
    a = _analysis(tmp_path, convert=_usd_per)
    implied = [r.implied_rate for r in a.positions]
    assert implied[0] == pytest.approx((15.75 * 158.0) / (50_000 * 157.5) * 365 / 7)
    assert implied[1] == pytest.approx((-6.00 * 157.0) / (100_000 * 98.0) * 365 / 3)
    assert implied[3] == pytest.approx(-0.90 / (30_000 * 1.03) * 360 / 1)
    # by hand: 2,488.5 JPY on 7,875,000 JPY for 7 nights = 1.6477% a year
    assert implied[0] == pytest.approx(0.016477142857, rel=1e-9)


def test_policy_differential_and_markup(tmp_path: Path) -> None:
    a = _analysis(tmp_path, policy=_policy(), convert=_usd_per)
    r101, r102, _, r104, r105, _ = a.positions
    # 101 long USDJPY, nights 08..14: 08-11 at 4.50-0.25, 12-14 at 4.50-0.50.
    assert r101.policy_differential == pytest.approx((4 * 0.0425 + 3 * 0.0400) / 7)
    assert r101.markup_bp == pytest.approx((29 / 7 / 100 - r101.implied_rate) * 1e4)  # type: ignore[operator]
    assert r101.markup_bp == pytest.approx(249.5, abs=0.1)
    assert not r101.stale
    # 102 short AUDJPY, nights 10, 11 at 4.35-0.25 and 12 at 4.35-0.50, the short pays it.
    assert r102.policy_differential == pytest.approx(-(2 * 0.0410 + 0.0385) / 3)
    # 104 short EURUSD, night 14: EUR data ends on the 13th: last level, marked stale.
    assert r104.policy_differential == pytest.approx(-(0.0315 - 0.0450))
    assert r104.stale
    assert r104.markup_bp == pytest.approx((0.0135 + 0.90 / 30_900 * 360) * 1e4)
    assert (r105.policy_differential, r105.markup_bp) == (None, None)  # no night held
    assert any("stale" in n for n in a.notes)


def test_groups_and_account_totals(tmp_path: Path) -> None:
    a = _analysis(tmp_path, policy=_policy(), convert=_usd_per)
    names = [(g.name, g.side) for g in a.pairs]
    assert names == [("AUD/JPY", -1), ("EUR/USD", -1), ("GBP/USD", 1), ("USD/JPY", 1)]
    assert [(g.name, g.asset_class) for g in a.others] == [("US500", "cfd"), ("XAUUSD", "metal")]
    t = a.account
    assert (t.positions, t.profit, t.swap, t.commission) == (6, -798.58, 5.65, -14.5)
    assert t.nights == 7 + 3 + 1
    # account rates: weighted by lots x nights (0.5 x 7, 1 x 3, 0.3 x 1)
    rates = [r.implied_rate for r in a.positions]
    w = [3.5, 3.0, 0.3]
    expected = (w[0] * rates[0] + w[1] * rates[1] + w[2] * rates[3]) / sum(w)  # type: ignore[operator]
    assert t.implied_rate == pytest.approx(expected)
    usdjpy = a.pairs[3]
    assert usdjpy.median_swap_per_lot_night_quote == pytest.approx(711.0)


def test_carry_share(tmp_path: Path) -> None:
    a = _analysis(tmp_path)
    # 101: swap 15.75 against price 158.23: 15.75 / (158.23 + 15.75)
    assert a.positions[0].carry_share == pytest.approx(15.75 / 173.98)
    assert a.positions[4].carry_share == 0.0  # no swap, some price P&L


def test_netting_positions_are_analysed(tmp_path: Path) -> None:
    a = _analysis(tmp_path, netting_report())
    assert [r.nights for r in a.positions] == [2, 1, 1]
    # EURUSD long 2 lots, -4.00 USD over 2 nights: -1.00 USD a lot a night.
    assert a.positions[0].swap_per_lot_night_quote == pytest.approx(-1.0)


def test_a_jpy_account(tmp_path: Path) -> None:
    a = _analysis(tmp_path, jpy_report(), convert=_jpy_per)
    short, eurusd = a.positions
    assert (short.nights, eurusd.nights) == (5, 1)
    # USDJPY in a JPY account: the quote is the account's currency.
    assert short.swap_per_lot_night_quote == pytest.approx(-1000.0)
    assert short.implied_rate == pytest.approx(-5000 / (100_000 * 157.0) * 365 / 5)
    # EURUSD in a JPY account: -1,100 JPY is -1,100 / 157 USD.
    assert eurusd.swap_per_lot_night_quote == pytest.approx(-1100 / 157)
    assert eurusd.implied_rate == pytest.approx(-1100 / 157 / (100_000 * 1.03) * 360)


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    _analysis(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)  # after the last pair (metal and CFD counted at once)


def test_a_position_closing_before_it_opens_is_refused(tmp_path: Path) -> None:
    report = usd_report()
    first = report.positions[0]
    wrong = type(first)(**{**first.__dict__, "close_time": "2025.01.05 09:00:00"})
    bad = type(report)(**{**report.__dict__, "positions": (wrong, *report.positions[1:])})
    with pytest.raises(ValueError, match=r"position: closes .* before it opens .*got 101"):
        _analysis(tmp_path, bad)


def test_swap_on_a_position_held_no_night_is_noted(tmp_path: Path) -> None:
    report = usd_report()
    same_day = report.positions[4]  # GBPUSD, opened and closed on Tue 14
    swapped = type(same_day)(**{**same_day.__dict__, "swap": "-0.50"})
    changed = (*report.positions[:4], swapped, *report.positions[5:])
    a = _analysis(tmp_path, type(report)(**{**report.__dict__, "positions": changed}))
    assert a.positions[4].nights == 0
    assert a.positions[4].implied_rate is None
    assert any("1 FX position(s) carry swap but no night" in n for n in a.notes)
