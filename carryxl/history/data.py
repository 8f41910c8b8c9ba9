"""A table of daily FX fixings, and how any pair is read from it (directly, inverted, or
as a cross through a currency both legs are quoted against).

Rules for imperfect data, applied the same way to the ECB file and to a user's CSV:

- **Market holidays** (a blank, ``N/A`` or ``NaN`` cell, or a missing row, between two
  fixings at most :data:`MAX_HOLIDAY_GAP` = 5 business days apart) take the **last known
  rate** (forward fill). Weekends are gaps too: the spot "on" a Saturday is Friday's
  fixing, and :attr:`Quote.fixed` says which fixing was used.
- **Holes** (two fixings more than 5 business days apart: ISK had no ECB fixing from
  2008-12-09 to 2018-02-01) are not filled: a date inside one, or a series across one,
  raises :class:`~carryxl.core.errors.CarryxlError` naming the pair and the missing span.
- **Dates outside the data** (before a quote's first value or after its last one) raise
  :class:`~carryxl.core.errors.CarryxlError` naming the argument (``start``, ``end``,
  ``date``) and the range the data covers.
- **Unknown currency**: a code carryxl does not know, or one the table has no quote
  for, raises :class:`CarryxlError` naming ``pair``.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.dates import DateArray, from_excel_serial, parse_date
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import number_from_text
from carryxl.core.validate import FloatArray

__all__ = [
    "MAX_HOLIDAY_GAP",
    "MISSING",
    "Hole",
    "IndexArray",
    "Quote",
    "RateHistory",
    "history_from_csv",
    "history_from_rows",
    "parse_date_cell",
]

MISSING = frozenset({"", "N/A", "NA", "NAN", "#N/A", "-", "NULL", "NONE"})

MAX_HOLIDAY_GAP = 5
"""Business days (Mon-Fri) from one fixing to the next that still count as market holidays.

The ECB file's longest ordinary gap is 3 (Easter, Christmas); a longer gap is a hole."""

IndexArray = np.ndarray[Any, np.dtype[np.intp]]


@dataclass(frozen=True)
class Hole:
    """Two fixings of ``pair`` more than :data:`MAX_HOLIDAY_GAP` business days apart."""

    pair: Pair
    last: np.datetime64  # the last fixing before the hole
    next: np.datetime64  # the first fixing after it

    def rule(self, source: str) -> str:
        """Words for an error: which fixings are missing, and from when to when."""
        days = int(np.busday_count(self.last, self.next)) - 1
        return (
            f"falls in a hole in the data: {source} has no {self.pair} fixing between "
            f"{self.last} and {self.next} ({days} business days; only gaps of up to "
            f"{MAX_HOLIDAY_GAP} business days are filled, as market holidays)"
        )


@dataclass(frozen=True)
class Quote:
    """One pair's daily values on the table's dates (NaN before its first and after its
    last value; market holidays in between forward-filled), the indices of those two,
    the row of the fixing each value comes from (``fixed``), and the pair's holes."""

    pair: Pair
    values: FloatArray
    first: int
    last: int
    fixed: IndexArray
    holes: tuple[Hole, ...] = ()


def _forward_filled(values: FloatArray) -> tuple[int, int, FloatArray, IndexArray]:
    valid = np.flatnonzero(np.isfinite(values))
    index = np.where(np.isfinite(values), np.arange(values.size), 0)
    if valid.size == 0:
        return (-1, -1, values, index)
    first, last = int(valid[0]), int(valid[-1])
    np.maximum.accumulate(index, out=index)
    filled = values[index]
    filled[:first] = np.nan
    filled[last + 1 :] = np.nan
    return (first, last, filled, index)


def _holes(pair: Pair, dates: DateArray, values: FloatArray) -> tuple[Hole, ...]:
    """Where two consecutive fixings are more than MAX_HOLIDAY_GAP business days apart."""
    fixed = dates[np.isfinite(values)]
    gaps = np.busday_count(fixed[:-1], fixed[1:])
    return tuple(Hole(pair, fixed[i], fixed[i + 1]) for i in np.flatnonzero(gaps > MAX_HOLIDAY_GAP))


@dataclass(frozen=True)
class RateHistory:
    """Daily fixings: ``dates`` ascending, and for each quoted pair its spot on them.

    The ECB file is ``EUR/USD``, ``EUR/JPY``, ... (units per 1 EUR); any other pair is a
    cross through EUR, e.g. AUD/JPY = (JPY per EUR) / (AUD per EUR).
    """

    dates: DateArray
    quotes: Mapping[tuple[Currency, Currency], Quote]
    source: str
    _by_currency: dict[Currency, list[tuple[Currency, Currency]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def build(
        cls, dates: DateArray, columns: Mapping[Pair, FloatArray], source: str
    ) -> RateHistory:
        """A history from raw columns (NaN = missing); sorts dates, forward-fills gaps."""
        order = np.argsort(dates, kind="stable")
        dates = dates[order]
        if dates.size > 1 and (np.diff(dates) == np.timedelta64(0, "D")).any():
            twice = dates[1:][np.diff(dates) == np.timedelta64(0, "D")][0]
            raise CarryxlError("dates", str(twice), f"appears twice in {source}")
        quotes: dict[tuple[Currency, Currency], Quote] = {}
        by_currency: dict[Currency, list[tuple[Currency, Currency]]] = {}
        for pair, raw in columns.items():
            values = np.asarray(raw, dtype=np.float64)[order]
            bad = np.isfinite(values) & (values <= 0)
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise CarryxlError(f"{pair} on {dates[i]}", float(values[i]), "must be > 0")
            first, last, filled, fixed = _forward_filled(values)
            if first < 0:
                continue
            key = (pair.base, pair.quote)
            quotes[key] = Quote(pair, filled, first, last, fixed, _holes(pair, dates, values))
            by_currency.setdefault(pair.base, []).append(key)
            by_currency.setdefault(pair.quote, []).append(key)
        return cls(dates, quotes, source, by_currency)

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """Every currency the table can price (sorted)."""
        return tuple(sorted(self._by_currency))

    def quote(self, pair: Pair, argument: str = "pair") -> Quote:
        """The pair's daily spot: its own column, the inverse of one, or a cross.

        A cross goes through a currency quoted against both legs (EUR in the ECB file):
        BASE/QUOTE = (QUOTE per V) / (BASE per V). Where either leg is missing it is NaN.
        """
        p = pair
        for currency in (p.base, p.quote):
            if currency not in self._by_currency:
                known = ", ".join(self.currencies)
                raise CarryxlError(
                    argument, str(pair), f"{self.source} has no {currency}; it has {known}"
                )
        direct = self._per(p.base, p.quote)
        if direct is not None:
            return direct
        for via in self._neighbours(p.base):
            base_leg = self._per(via, p.base)  # BASE per VIA
            quote_leg = self._per(via, p.quote)  # QUOTE per VIA
            if base_leg is not None and quote_leg is not None:
                values = quote_leg.values / base_leg.values
                first = max(base_leg.first, quote_leg.first)
                last = min(base_leg.last, quote_leg.last)
                if first > last:
                    continue  # no common dates through this currency; try another
                fixed = np.minimum(base_leg.fixed, quote_leg.fixed)
                return Quote(p, values, first, last, fixed, base_leg.holes + quote_leg.holes)
        raise CarryxlError(
            argument, str(pair), f"{self.source} has no dates on which both legs are quoted"
        )

    def _neighbours(self, currency: Currency) -> Iterable[Currency]:
        for base, quote in self._by_currency.get(currency, ()):
            yield quote if base == currency else base

    def _per(self, base: Currency, quote: Currency) -> Quote | None:
        """QUOTE units per 1 BASE from a direct or inverted column, or None."""
        found = self.quotes.get((base, quote))
        if found is not None:
            return found
        inverse = self.quotes.get((quote, base))
        if inverse is None:
            return None
        return Quote(
            Pair(base, quote),
            1.0 / inverse.values,
            inverse.first,
            inverse.last,
            inverse.fixed,
            inverse.holes,
        )


def parse_date_cell(value: Any, argument: str) -> np.datetime64:
    """A date cell: ``2024-08-05``, a ``date``/``datetime``, or an Excel serial number."""
    if isinstance(value, dt.datetime):
        return np.datetime64(value.date(), "D")
    if isinstance(value, dt.date):
        return np.datetime64(value, "D")
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        day: np.datetime64 = from_excel_serial(argument, value).reshape(-1)[0]
        return day
    return parse_date(argument, value if isinstance(value, str) else str(value))


def _number(value: Any, argument: str) -> float:
    if value is None or str(value).strip().upper() in MISSING:  # "nan" among them
        return np.nan
    try:
        return number_from_text(value, argument)
    except CarryxlError:
        raise CarryxlError(argument, value, "must be a number or blank") from None


def _column_pair(header: Any, anchor: Currency, column: int) -> Pair:
    text = str(header).strip()
    argument = f"column {column + 1} header"
    if len(text) == 3:
        return Pair(anchor, Currency.parse(text, argument))
    return Pair.parse(text, argument)


def history_from_rows(
    rows: Sequence[Sequence[Any]], anchor: Currency = Currency.EUR, source: str = "table"
) -> RateHistory:
    """A history from a table with a header row (e.g. an Excel range or a parsed CSV).

    The first column holds dates (``2024-08-05`` or Excel serials); each other column is a
    pair (``USD/JPY``: JPY per USD) or a bare currency code, read as units per 1
    ``anchor`` (the ECB layout: ``USD`` = USD per EUR). Blank, ``N/A`` or ``NaN`` cells
    are missing and take the last known rate.

    Example::

        date,USD/JPY,AUD/USD
        2024-08-02,146.5,0.6510
        2024-08-05,142.0,0.6485      -> AUD/JPY on 2024-08-05 = 142.0 * 0.6485
    """
    if len(rows) < 2:
        raise CarryxlError(source, len(rows), "needs a header row and at least one data row")
    header = list(rows[0])
    pairs = [_column_pair(h, anchor, j) for j, h in enumerate(header[1:], start=1)]
    if not pairs:
        raise CarryxlError(source, header, "needs a date column and at least one quote column")
    twice = [p for p in dict.fromkeys(pairs) if pairs.count(p) > 1]
    if twice:
        raise CarryxlError(source, str(twice[0]), "has this pair's column twice")
    body = [r for r in rows[1:] if any(str(c).strip() for c in r)]
    dates = np.array(
        [parse_date_cell(r[0], f"{source} row {i + 2} date") for i, r in enumerate(body)],
        dtype="datetime64[D]",
    )
    columns: dict[Pair, FloatArray] = {}
    for j, pair in enumerate(pairs, start=1):
        columns[pair] = np.array(
            [
                _number(r[j] if j < len(r) else None, f"{source} row {i + 2} {pair}")
                for i, r in enumerate(body)
            ],
            dtype=np.float64,
        )
    return RateHistory.build(dates, columns, source)


def history_from_csv(path: str | Path, anchor: Currency = Currency.EUR) -> RateHistory:
    """A history from a CSV file laid out as :func:`history_from_rows` describes."""
    file = Path(path)
    try:
        with file.open(newline="", encoding="utf-8-sig") as handle:
            rows = [row for row in csv.reader(handle) if row]
    except OSError as error:
        raise CarryxlError("csv", str(path), f"cannot be read ({error.strerror})") from None
    except (UnicodeDecodeError, csv.Error):
        raise CarryxlError("csv", str(path), "is not a CSV text file (UTF-8)") from None
    return history_from_rows(rows, anchor, source=file.name)
