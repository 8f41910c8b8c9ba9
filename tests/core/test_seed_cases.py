"""Every number in shared/reference/seed_cases.md, by hand and through the core."""

from __future__ import annotations

import pytest

from carryxl.core import (
    MoveConvention,
    Orientation,
    Pair,
    asset_carry_return,
    asset_carry_return_from_spots,
    asset_excess_over_local,
    breakeven_move,
    breakeven_spot,
    carry_breakdown,
    carry_breakdown_simple,
    carry_income,
    carry_pnl,
    carry_return,
    foreign_move,
    forward_outright,
    fx_pnl,
    fx_return,
)
from carryxl.core.conventions import Currency

# Seed 1: AUD/JPY funded in JPY, 10,000,000 JPY, 100 -> 103, AUD 4.5%, JPY 0.1%, 6 months.
S1 = {
    "notional": 10_000_000.0,
    "spot_start": 100.0,
    "spot_end": 103.0,
    "rate_target": 0.045,
    "rate_funding": 0.001,
    "years": 0.5,
}
# Seed 2: USD/TRY funded in USD, 100,000 USD, 30 -> 32, TRY 25%, USD 5%, 3 months.
S2 = {
    "notional": 100_000.0,
    "spot_start": 30.0,
    "spot_end": 32.0,
    "rate_target": 0.25,
    "rate_funding": 0.05,
    "years": 0.25,
    "orientation": Orientation.FUNDING_TARGET,
}


class TestSeed1AudJpy:
    def test_simple_decomposition_matches_the_article(self) -> None:
        b = carry_breakdown_simple(**S1)
        assert b.carry == pytest.approx(10_000_000 * (0.045 - 0.001) * 0.5)  # 220,000
        assert b.carry == pytest.approx(220_000.0)
        assert b.fx == pytest.approx(300_000.0)  # 10m * (103/100 - 1)
        assert b.cross == 0.0
        assert b.total == pytest.approx(520_000.0)
        assert b.total_return == pytest.approx(0.052)

    def test_exact_total_invest_accrue_convert_repay(self) -> None:
        # invest 100,000 AUD at 4.5% for 0.5y -> 102,250 AUD; at 103 -> 10,531,750 JPY;
        # repay 10,000,000 * 1.0005 = 10,005,000 JPY; profit 526,750 JPY.
        by_hand = 10_000_000 / 100 * (1 + 0.045 * 0.5) * 103 - 10_000_000 * (1 + 0.001 * 0.5)
        assert by_hand == pytest.approx(526_750.0)
        assert carry_pnl(**S1) == pytest.approx(526_750.0, abs=1e-6)
        assert carry_return(**{k: v for k, v in S1.items() if k != "notional"}) == pytest.approx(
            0.052675
        )

    def test_exact_decomposition_cross_term_is_6750(self) -> None:
        b = carry_breakdown(**S1)
        assert (b.carry, b.fx) == (pytest.approx(220_000.0), pytest.approx(300_000.0))
        assert b.cross == pytest.approx(300_000 * 0.045 * 0.5)  # 6,750: AUD interest gains 3%
        assert b.total == pytest.approx(526_750.0)
        assert b.carry + b.fx + b.cross == pytest.approx(b.total, rel=1e-15)

    def test_parts_individually(self) -> None:
        assert carry_income(10_000_000, 0.045, 0.001, 0.5) == pytest.approx(220_000.0)
        assert fx_pnl(10_000_000, 100, 103) == pytest.approx(300_000.0)
        assert fx_return(100, 103) == pytest.approx(0.03)

    def test_breakeven_is_978484_and_the_cip_forward(self) -> None:
        expected = 100 * (1 + 0.001 * 0.5) / (1 + 0.045 * 0.5)
        assert expected == pytest.approx(97.8484, abs=5e-5)
        be = breakeven_spot(100.0, 0.045, 0.001, 0.5)
        assert be == pytest.approx(expected, rel=1e-15)
        assert breakeven_move(0.045, 0.001, 0.5) == pytest.approx(-0.0215159, abs=1e-7)
        # AUD/JPY: base AUD (target), quote JPY (funding)
        assert forward_outright(100.0, 0.045, 0.001, 0.5) == pytest.approx(be, rel=1e-15)
        assert carry_pnl(**{**S1, "spot_end": float(be)}) == pytest.approx(0.0, abs=1e-6)


class TestSeed2UsdTry:
    def test_simple_decomposition_matches_the_article(self) -> None:
        b = carry_breakdown_simple(**S2)
        assert b.carry == pytest.approx(100_000 * (0.25 - 0.05) * 0.25)  # 5,000 USD
        assert b.fx == pytest.approx(100_000 * (30 / 32 - 1))  # -6,250 USD
        assert b.fx == pytest.approx(-6_250.0)
        assert b.total == pytest.approx(-1_250.0)

    def test_exact_total_converts_lira_interest_at_the_end_rate(self) -> None:
        # 100,000 USD -> 3,000,000 TRY; +25% * 0.25 -> 3,187,500 TRY; /32 -> 99,609.375 USD;
        # repay 100,000 * 1.0125 = 101,250 USD -> -1,640.625 USD.
        by_hand = 100_000 * 30 * (1 + 0.25 * 0.25) / 32 - 100_000 * (1 + 0.05 * 0.25)
        assert by_hand == pytest.approx(-1_640.625)
        assert carry_pnl(**S2) == pytest.approx(-1_640.625, abs=1e-9)
        b = carry_breakdown(**S2)
        assert b.cross == pytest.approx(-6_250 * 0.25 * 0.25)  # -390.625
        assert b.total == pytest.approx(-1_640.625)

    def test_orientation_inferred_from_pair_and_funding(self) -> None:
        assert Pair.parse("USD/TRY").orientation(Currency.USD) is Orientation.FUNDING_TARGET
        assert Pair.parse("AUDJPY").orientation(Currency.parse("jpy")) is Orientation.TARGET_FUNDING
        # the same trade quoted TRY/USD (target/funding) gives the same P&L
        inverted = {
            **S2,
            "spot_start": 1 / 30,
            "spot_end": 1 / 32,
            "orientation": Orientation.TARGET_FUNDING,
        }
        assert carry_pnl(**inverted) == pytest.approx(-1_640.625, abs=1e-9)


class TestSeed3YenFundedNasdaq:
    def test_november_2024_before_funding(self) -> None:
        by_hand = (1 - 0.0215) * (1 + 0.0152) - 1
        assert round(by_hand * 100, 2) == -0.66
        assert asset_carry_return(-0.0215, 0.0152) == pytest.approx(by_hand)
        # and against the Nikkei's -4.35%: yen-funded Nasdaq lost less
        assert asset_excess_over_local(-0.0215, 0.0152, -0.0435) == pytest.approx(by_hand + 0.0435)

    def test_november_2024_from_spots(self) -> None:
        # USD/JPY funded in JPY reads target/funding: +1.52% is 150 -> 152.28
        assert asset_carry_return_from_spots(-0.0215, 150.0, 152.28) == pytest.approx(
            (1 - 0.0215) * 1.0152 - 1
        )

    @pytest.mark.parametrize(
        ("convention", "expected"),
        [(MoveConvention.QUOTE, 1.49 * 1.0575 - 1), (MoveConvention.VALUE, 1.49 / 0.9425 - 1)],
    )
    def test_april_to_november_2024_both_conventions(
        self, convention: MoveConvention, expected: float
    ) -> None:
        g = foreign_move(-0.0575, convention)  # "yen -5.75%"
        result = asset_carry_return(0.49, g)
        assert result == pytest.approx(expected)
        assert round(float(result) * 100, 1) == (
            57.6 if convention is MoveConvention.QUOTE else 58.1
        )
        # either way below the Nikkei's +60.79%: the talk's claim does not hold
        assert asset_excess_over_local(0.49, g, 0.6079) < 0

    @pytest.mark.parametrize(
        ("convention", "expected"), [("quote", 1.10 * 0.90 - 1), ("value", 1.10 / 1.10 - 1)]
    )
    def test_sp_up_10_yen_up_10(self, convention: str, expected: float) -> None:
        g = foreign_move(0.10, convention)
        assert asset_carry_return(0.10, g) == pytest.approx(expected, abs=1e-15)

    def test_funding_cost_is_subtracted(self) -> None:
        # Japanese broker 1.768% a year for one month
        base = asset_carry_return(-0.0215, 0.0152)
        funded = asset_carry_return(-0.0215, 0.0152, 0.01768, 1 / 12)
        assert funded == pytest.approx(base - 0.01768 / 12)
