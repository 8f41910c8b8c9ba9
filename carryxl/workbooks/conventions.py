"""Native formulas for the market conventions :mod:`carryxl.core.conventions` holds.

Each is generated from the core, not retyped: the T+1 pairs are the pairs whose
:func:`~carryxl.core.conventions.spot_lag_days` is 1, the JPY-style pip comes from
:meth:`~carryxl.core.conventions.Pair.pip_size` over every quote currency, the 360-day
bases from :attr:`~carryxl.core.conventions.DayCount.days_in_year`. A convention the
core changes changes the templates' formulas with it (``carryxl new --all --force``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from carryxl.core.conventions import Currency, DayCount, Pair, points_scale, spot_lag_days

__all__ = [
    "day_count_names",
    "days_in_year_formula",
    "pip_size_formula",
    "points_scale_formula",
    "spot_lag_formula",
    "t_plus_1_pairs",
]


def _number(value: float) -> str:
    return f"{value:g}"


def _either_or(test: Iterable[str], special: float, usual: float) -> str:
    tests = list(test)
    condition = tests[0] if len(tests) == 1 else f"OR({','.join(tests)})"
    return f"IF({condition},{_number(special)},{_number(usual)})"


def t_plus_1_pairs() -> tuple[Pair, ...]:
    """Every pair that settles T+1 (each way round), e.g. USD/CAD, CAD/USD, ..."""
    codes = list(Currency)
    pairs: list[Pair] = []
    for i, base in enumerate(codes):
        for quote in codes[i + 1 :]:
            if spot_lag_days(Pair(base, quote)) == 1:
                pairs += [Pair(base, quote), Pair(quote, base)]
    return tuple(pairs)


def spot_lag_formula(pair: str = "in_pair") -> str:
    """``=IF(OR(in_pair="USD/CAD",...),1,2)``: business days from trade to spot value."""
    lags = {spot_lag_days(p) for p in t_plus_1_pairs()}
    usual = spot_lag_days(Pair(Currency.EUR, Currency.USD))
    if lags != {1} or usual != 2:
        raise ValueError(f"the core's spot lags changed ({lags}, {usual}): update this formula")
    return "=" + _either_or((f'{pair}="{p}"' for p in t_plus_1_pairs()), 1, 2)


def _by_quote(size: Callable[[Pair], float], pair: str) -> str:
    """A formula picking ``size`` by the pair's quote currency (the last three letters)."""
    sizes = {
        quote: size(Pair(Currency.USD if quote != Currency.USD else Currency.EUR, quote))
        for quote in Currency
    }
    usual = Counter(sizes.values()).most_common(1)[0][0]
    special = {v for v in sizes.values() if v != usual}
    if len(special) != 1:
        raise ValueError(f"the core's sizes by quote currency changed ({sizes}): update this")
    (value,) = special
    quotes = (f'RIGHT({pair},3)="{q}"' for q, v in sizes.items() if v == value)
    return _either_or(quotes, value, usual)


def pip_size_formula(pair: str = "in_pair") -> str:
    """``=IF(RIGHT(in_pair,3)="JPY",0.01,0.0001)``: one pip in quote units."""
    return "=" + _by_quote(lambda p: p.pip_size(), pair)


def points_scale_formula(pair: str = "in_pair") -> str:
    """``=IF(RIGHT(in_pair,3)="JPY",100,10000)``: forward points per unit of price."""
    return "=" + _by_quote(points_scale, pair)


def days_in_year_formula(day_count: str) -> str:
    """``IF(OR(dc="ACT/360",dc="30/360",dc="30E/360"),360,365)`` (no leading ``=``)."""
    short = [d for d in DayCount if d.days_in_year == 360]
    others = {d.days_in_year for d in DayCount if d.days_in_year != 360}
    if others != {365}:
        raise ValueError(f"the core's day-count bases changed ({others}): update this formula")
    return _either_or((f'{day_count}="{d}"' for d in short), 360, 365)


def day_count_names() -> tuple[str, ...]:
    """The day counts' names as cells hold them: ACT/360, ACT/365F, ..."""
    return tuple(str(d) for d in DayCount)
