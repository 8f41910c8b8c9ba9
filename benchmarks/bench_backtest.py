"""Full 1999-to-date daily backtest of all 45 pairs of the G10 currencies.

Each pair BASE/QUOTE is held long BASE, funded in QUOTE, from the first to the last ECB
fixing (about 7,100 dates), with daily accrual under each currency's day count and full
statistics. Goal: the 45 backtests well under a second (under 0.5 s). Beside it, for
scale, loading the ECB file (uncached; no goal).
"""

from __future__ import annotations

import itertools

from benchmarks.timing import at_most, interleaved, ratio_of, time_of
from carryxl.history import backtest
from carryxl.history.ecb import _load, ecb_history, ecb_zip_path

G10 = ("USD", "EUR", "JPY", "GBP", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK")
RATES = {
    "USD": 0.0300, "EUR": 0.0200, "JPY": 0.0010, "GBP": 0.0350, "CHF": 0.0050,
    "AUD": 0.0400, "NZD": 0.0450, "CAD": 0.0300, "SEK": 0.0200, "NOK": 0.0300,
}  # fmt: skip


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
                f"{base}/{quote}", quote, first, last, 1_000_000.0, RATES[base], RATES[quote],
                history=history,
            )  # fmt: skip

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


if __name__ == "__main__":
    main()
