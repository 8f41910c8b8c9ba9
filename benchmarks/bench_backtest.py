"""Full 1999-to-date daily backtest of all 45 pairs of the G10 currencies.

Each pair BASE/QUOTE is held long BASE, funded in QUOTE, from the first to the last ECB
fixing (about 7,100 dates), with daily accrual under each currency's day count and full
statistics. Goal: the 45 backtests well under a second (under 0.5 s). Beside it, for
scale, loading the ECB file (uncached; no goal).

Then the same 45 backtests with the central-bank policy rates day by day (BIS, from the
data folder; if it has none, the BIS files in ../shared are imported into a temporary
one), against the same backtests at constant rates, interleaved. Goal: within 2x. The
JPY spans with no BIS level take a labelled fill of 0.05%; dates after the data take the
last known level (stale), as any run would.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

from benchmarks.timing import at_most, interleaved, ratio_of, time_of
from carryxl.core import Currency, Pair
from carryxl.history import backtest
from carryxl.history.ecb import _load, ecb_history, ecb_zip_path
from carryxl.history.policy import PolicyRates
from carryxl.history.store import import_policy_files, load_policy_rates

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "policy-rates"

G10 = ("USD", "EUR", "JPY", "GBP", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK")
RATES = {
    "USD": 0.0300,
    "EUR": 0.0200,
    "JPY": 0.0010,
    "GBP": 0.0350,
    "CHF": 0.0050,
    "AUD": 0.0400,
    "NZD": 0.0450,
    "CAD": 0.0300,
    "SEK": 0.0200,
    "NOK": 0.0300,
}


def main() -> None:
    """Print the time of the 45 backtests, and beside it the time of loading the data."""
    path = str(ecb_zip_path())

    def load() -> None:
        _load.cache_clear()
        ecb_history(path)

    history = ecb_history(path)
    first, last = history.dates[0], history.dates[-1]
    pairs = list(itertools.combinations(G10, 2))
    assert len(pairs) == 45

    def run_all() -> None:
        for base, quote in pairs:
            backtest(
                Pair(Currency(base), Currency(quote)),
                Currency(quote),
                first,
                last,
                1_000_000.0,
                RATES[base],
                RATES[quote],
                history=history,
            )

    ours, loading = interleaved(run_all, load, pairs=7)
    time_of(
        f"backtest: 45 G10 pairs, {first} to {last} ({history.dates.size:,} fixings)",
        ours,
        at_most(0.5, "s"),
    )
    ratio_of(
        "backtest: the 45 backtests vs loading the ECB file (for scale)",
        ours,
        loading,
        None,
        labels=("45 backtests", "loading"),
    )

    policy = _policy_rates().schedule(fills={Currency.JPY: 0.0005})

    def run_policy() -> None:
        for base, quote in pairs:
            backtest(
                Pair(Currency(base), Currency(quote)),
                Currency(quote),
                first,
                last,
                1_000_000.0,
                policy,
                policy,
                history=history,
            )

    daily, constant = interleaved(run_policy, run_all, pairs=7)
    ratio_of(
        f"backtest: 45 G10 pairs with day-by-day policy rates ({policy.source}) vs the same "
        "at constant rates",
        daily,
        constant,
        at_most(2.0, "x"),
        labels=("policy rates", "constant rates"),
    )


def _policy_rates() -> PolicyRates:
    """The data folder's policy rates, or the ../shared BIS files imported into a temporary
    folder (the package ships none)."""
    found = load_policy_rates()
    if found is not None:
        return found
    os.environ["CARRYXL_DATA_DIR"] = tempfile.mkdtemp(prefix="carryxl-bench-")
    import_policy_files(
        [SHARED / "bis_cbpol_1999_2022.csv", SHARED / "bis_cbpol_gaps_1999_2022.csv"]
    )
    # the later extract runs to 2024-12-31 (its README), past its last change point
    later = [SHARED / "bis_cbpol_2008_2024.csv", SHARED / "bis_cbpol_gaps_2008_2024.csv"]
    rates, _ = import_policy_files(later, through="2024-12-31")
    return rates


if __name__ == "__main__":
    main()
