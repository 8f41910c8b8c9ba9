"""Interest rates over time: a constant, or a step schedule of central-bank changes.

A schedule is a table with a header row: a date column, then one column per currency.
Each row gives the rates in force **from that date on** (until the next row); a blank
cell leaves that currency's rate unchanged. Rates are decimals or percentages
(``0.045`` or ``4.5%``). Example::

    date,AUD,JPY
    2008-03-05,7.25%,0.5%
    2008-09-03,7.0%,          <- the AUD rate from 3 Sep 2008; JPY unchanged
    2008-10-08,6.0%,

The rate on a date before a currency's first row is an error naming ``rates``.

:class:`Schedule` is what a backtest, a replay or a basket reads rates from: a
:class:`RateSchedule` (a table) or a :class:`~carryxl.history.policy.PolicySchedule`
(BIS policy rates with the user's fills and spreads).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.dates import DateArray, as_dates
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import rate_from_text
from carryxl.core.validate import FloatArray, rate
from carryxl.history.data import MISSING, parse_date_cell

__all__ = ["RateSchedule", "Schedule", "known_rates_on", "rates_on"]


@runtime_checkable
class Schedule(Protocol):
    """Rates by currency over time, each a decimal in force on a date."""

    @property
    def source(self) -> str:
        """Where the rates come from, in words (a file name, or the data and its as-of)."""
        ...

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """The currencies it gives rates for."""
        ...

    def known_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """The rate on each date, NaN where there is none (a gap, or before the start)."""
        ...

    def rate_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """The rate on each date; a day without one is a :class:`CarryxlError` naming
        ``argument``."""
        ...


@dataclass(frozen=True)
class RateSchedule:
    """Step schedules of rates by currency: ``levels[c][i]`` is in force from ``dates[i]``."""

    dates: DateArray
    levels: Mapping[Currency, FloatArray]
    source: str = "rates"

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """The currencies the schedule gives rates for."""
        return tuple(self.levels)

    def known_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """The rate of ``currency`` in force on each date, NaN where the schedule has none
        (before the currency's first row); :meth:`rate_on` refuses those days."""
        code = currency
        if code not in self.levels:
            have = ", ".join(self.levels)
            raise CarryxlError(argument, str(code), f"{self.source} has no column for it ({have})")
        days = as_dates("date", dates)
        column = self.levels[code]
        index = np.searchsorted(self.dates, days, side="right") - 1
        result: FloatArray = np.where(index < 0, np.nan, column[np.maximum(index, 0)])
        return result

    def rate_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """The rate of ``currency`` in force on each date (the last change on or before it)."""
        code = currency
        result = self.known_on(code, dates, argument)
        early = np.isnan(result)
        if early.any():
            column = self.levels[code]
            first = self.dates[int(np.flatnonzero(np.isfinite(column))[0])]
            bad = np.broadcast_to(as_dates("date", dates), early.shape)[early].ravel()[0]
            raise CarryxlError(
                argument, f"{code} on {bad}", f"the {code} schedule starts on {first}"
            )
        return result

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]], source: str = "rates") -> RateSchedule:
        """A schedule from a table: header ``date, AUD, JPY, ...``, one row per change."""
        if len(rows) < 2:
            raise CarryxlError(source, len(rows), "needs a header row and at least one row")
        codes = [
            Currency.parse(str(h).strip(), f"{source} column {j + 2}")
            for j, h in enumerate(rows[0][1:])
            if str(h).strip()
        ]
        if not codes:
            raise CarryxlError(source, list(rows[0]), "needs a date column and a currency column")
        twice = [code for code in dict.fromkeys(codes) if codes.count(code) > 1]
        if twice:
            raise CarryxlError(source, str(twice[0]), "names this currency's column twice")
        body = [r for r in rows[1:] if any(str(c).strip() for c in r)]
        dates = np.array(
            [parse_date_cell(r[0], f"{source} row {i + 2} date") for i, r in enumerate(body)],
            dtype="datetime64[D]",
        )
        order = np.argsort(dates, kind="stable")
        if dates.size > 1 and (np.diff(dates[order]) == np.timedelta64(0, "D")).any():
            raise CarryxlError(source, "dates", "each date may appear only once")
        levels: dict[Currency, FloatArray] = {}
        for j, code in enumerate(codes, start=1):
            raw = np.full(len(body), np.nan)
            for i, r in enumerate(body):
                cell = r[j] if j < len(r) else None
                if cell is None or str(cell).strip().upper() in MISSING:
                    continue
                raw[i] = rate_from_text(cell, f"{source} row {i + 2} {code}")
            raw = raw[order]
            rate(f"{source} {code}", raw[np.isfinite(raw)])
            index = np.where(np.isfinite(raw), np.arange(raw.size), 0)
            np.maximum.accumulate(index, out=index)
            filled = raw[index]
            filled[: int(np.argmax(np.isfinite(raw)))] = np.nan
            levels[code] = filled
        return cls(dates[order], levels, source)

    @classmethod
    def from_csv(cls, path: str | Path) -> RateSchedule:
        """A schedule from a CSV file laid out as :meth:`from_rows` describes."""
        file = Path(path)
        try:
            with file.open(newline="", encoding="utf-8-sig") as handle:
                rows = [row for row in csv.reader(handle) if row]
        except OSError as error:
            raise CarryxlError("rates", str(path), f"cannot be read ({error.strerror})") from None
        except (UnicodeDecodeError, csv.Error):
            raise CarryxlError("rates", str(path), "is not a CSV text file (UTF-8)") from None
        return cls.from_rows(rows, source=file.name)


def rates_on(value: float | Schedule, currency: Currency, dates: Any, argument: str) -> FloatArray:
    """The rate on each date: a constant (broadcast) or the schedule's step value."""
    if isinstance(value, Schedule):
        return value.rate_on(currency, dates, argument)
    level = rate(argument, value)
    if level.ndim:
        raise CarryxlError(argument, value, "must be one rate or a schedule")
    days = as_dates("date", dates)
    return np.full(days.shape, float(level))


def known_rates_on(
    value: float | Schedule, currency: Currency, dates: Any, argument: str
) -> FloatArray:
    """As :func:`rates_on`, but NaN on the days a schedule has no rate (a gap, or before it
    starts) instead of an error: for a run that needs rates only while a position is open
    (it calls :func:`rates_on` on such a day to refuse it in the schedule's own words)."""
    if isinstance(value, Schedule):
        return value.known_on(currency, dates, argument)
    return rates_on(value, currency, dates, argument)
