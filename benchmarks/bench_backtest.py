"""Full 1999-to-date daily backtest of all 45 pairs of the G10 currencies.

Each pair BASE/QUOTE is held long BASE, funded in QUOTE, from the first to the last ECB
fixing (about 7,100 dates), with daily accrual under each currency's day count and full
statistics. Baseline: loading the ECB file (uncached). Target: the 45 backtests well
under a second.
"""

from __future__ import annotations

import itertools

from benchmarks.timing import best_of, report
from carryxl.history import backtest
from carryxl.history.ecb import _load, ecb_history, ecb_zip_path

G10 = ("USD", "EUR", "JPY", "GBP", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK")
RATES = {
    "USD": 0.0300, "EUR": 0.0200, "JPY": 0.0010, "GBP": 0.0350, "CHF": 0.0050,
    "AUD": 0.0400, "NZD": 0.0450, "CAD": 0.0300, "SEK": 0.0200, "NOK": 0.0300,
}  # fmt: skip


def main() -> None:
    """Print the time of the 45 backtests against loading the data, and the target."""
    path = str(ecb_zip_path())

    def load() -> None:
        _load.cache_clear()
        ecb_history(path)

    load_s = best_of(load, repeat=3)
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

    run_all()  # warm-up
    ours = best_of(run_all, repeat=3)
    report(
        f"45 G10 pair backtests, {first} to {last} ({history.dates.size:,} fixings)"
        " vs loading the ECB file",
        ours,
        load_s,
        "well under 1 s in all",
    )
    print(f"45 backtests: {ours:.3f} s ({'met' if ours < 0.5 else 'NOT met'}: well under 1 s)")


if __name__ == "__main__":
    main()
