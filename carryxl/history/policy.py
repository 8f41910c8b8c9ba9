"""Central-bank policy rates day by day (BIS dataset WS_CBPOL), as carryxl keeps them.

Each currency is a step series of calendar days from its first date to its last, as decimals
(0.0525 for 5.25%: BIS publishes percent, read once into decimals). A day may have **no
published level** (a gap: the Bank of Japan targeted reserves, not a rate, from 2013-04-04
to 2016-09-20). Reading a rate on a day gives
one of four answers, never a silent guess:

- ``LEVEL``: the published level in force that day;
- ``STALE``: a day after the data's last date: the last known level, marked
  "last known level, stale since D" wherever it is shown or used;
- ``GAP``: no published level that day (refused unless the user gives a labelled fill);
- ``BEFORE``: before the currency's first date (refused).

Source: BIS, Central bank policy rates (WS_CBPOL). BIS does not endorse carryxl.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.dates import as_dates
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray

__all__ = [
    "BEFORE",
    "CITATION",
    "GAP",
    "LEVEL",
    "PRECISION",
    "SOURCE",
    "STALE",
    "PolicyRates",
    "PolicySchedule",
    "PolicySeries",
    "Revision",
    "StatusArray",
    "stale_note",
]

SOURCE = "BIS, Central bank policy rates (WS_CBPOL)"
CITATION = f"Source: {SOURCE}"

LEVEL, STALE, GAP, BEFORE = 0, 1, 2, 3

PRECISION = 0.00005
"""A decimal, half a basis point: a move smaller than this is below any central
bank's precision (they set rates in steps of 0.01% or coarser; the Fed's range midpoint
moves by 0.125) and is not listed as a decision."""

StatusArray = np.ndarray[Any, np.dtype[np.int8]]
"""Per-day status codes: LEVEL, STALE, GAP or BEFORE."""
_DAY = np.timedelta64(1, "D")


def stale_note(last: np.datetime64) -> str:
    """The words every output uses for a day after the data's last date."""
    return f"last known level, stale since {last}"


@dataclass(frozen=True)
class PolicySeries:
    """One currency's level as a decimal on each calendar day from ``start`` (NaN: no level)."""

    start: np.datetime64
    levels: FloatArray

    @property
    def end(self) -> np.datetime64:
        """The last day the data covers."""
        last: np.datetime64 = self.start + np.timedelta64(self.levels.size - 1, "D")
        return last

    def gaps(self) -> list[tuple[np.datetime64, np.datetime64]]:
        """The spans (first and last day) with no published level."""
        missing = np.isnan(self.levels).astype(np.int8)
        edges = np.diff(np.concatenate(([0], missing, [0])))
        firsts, lasts = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
        return [
            (self.start + np.timedelta64(int(a), "D"), self.start + np.timedelta64(int(b), "D"))
            for a, b in zip(firsts, lasts, strict=True)
        ]

    def changes(self) -> list[tuple[np.datetime64, float | None]]:
        """The first day, then each day whose level differs from the day before (None: a gap
        starts that day)."""
        values = self.levels
        same = (values[1:] == values[:-1]) | (np.isnan(values[1:]) & np.isnan(values[:-1]))
        rows = np.concatenate(([0], np.flatnonzero(~same) + 1))
        return [
            (
                self.start + np.timedelta64(int(i), "D"),
                None if np.isnan(values[i]) else float(values[i]),
            )
            for i in rows
        ]

    def decisions(self, precision: float = PRECISION) -> list[tuple[np.datetime64, float | None]]:
        """:meth:`changes` without the moves smaller than ``precision`` (a decimal) from the
        last level listed (BIS's daily series shows 7.2498% <-> 7.2500%: noise
        below any central bank's precision, not a decision)."""
        kept: list[tuple[np.datetime64, float | None]] = []
        for day, level in self.changes():
            last = kept[-1][1] if kept else None
            if kept and level is not None and last is not None and abs(level - last) < precision:
                continue
            kept.append((day, level))
        # Each decision shows the level its run settled on (the last day before the next one):
        # 7.2500% for a run that opened at 7.2498% and went back to 7.2500% the next day.
        ends = [*(day - _DAY for day, _ in kept[1:]), self.end]
        return [
            (day, None if level is None else float(self.levels[int((end - self.start) // _DAY)]))
            for (day, level), end in zip(kept, ends, strict=True)
        ]

    def last_level(self) -> float:
        """The last published level (NaN if none)."""
        finite = self.levels[np.isfinite(self.levels)]
        return float(finite[-1]) if finite.size else float("nan")


@dataclass(frozen=True)
class Revision:
    """A day on which a newer file gives another level than the data held before."""

    currency: Currency
    date: np.datetime64
    old_level: float  # decimals
    new_level: float

    def __str__(self) -> str:
        old, new = (f"{100 * v:g}%" for v in (self.old_level, self.new_level))
        return f"{self.currency} {self.date}: {old} -> {new}"


@dataclass(frozen=True)
class PolicyRates:
    """Policy rates by currency, day by day (see the module notes for the four answers)."""

    series: Mapping[Currency, PolicySeries]
    source: str = SOURCE

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """The currencies held, sorted."""
        return tuple(sorted(self.series))

    @property
    def as_of(self) -> np.datetime64:
        """The latest date any currency's data reaches."""
        return max(s.end for s in self.series.values())

    def get(self, currency: Currency, argument: str = "currency") -> PolicySeries:
        """The currency's series, or an error naming the currencies held."""
        code = currency
        if code not in self.series:
            have = ", ".join(self.currencies)
            rule = f"the BIS policy-rate data has no {code} ({have})"
            raise CarryxlError(argument, str(code), rule)
        return self.series[code]

    def read(
        self, currency: Currency, dates: Any, argument: str = "currency"
    ) -> tuple[FloatArray, StatusArray]:
        """Rates as decimals on each date and the answer for each (``LEVEL``, ``STALE``,
        ``GAP``, ``BEFORE``). Stale days carry the last known level; gap and before-start
        days are NaN."""
        s = self.get(currency, argument)
        days = as_dates("date", dates)
        offset = (days - s.start).astype(np.int64)
        inside = (offset >= 0) & (offset < s.levels.size)
        levels = np.full(days.shape, np.nan)
        levels[inside] = s.levels[offset[inside]]
        status = np.full(days.shape, LEVEL, dtype=np.int8)
        status[offset < 0] = BEFORE
        after = offset >= s.levels.size
        status[after] = STALE
        levels[after] = s.last_level() if np.isfinite(s.levels[-1]) else np.nan
        status[after & np.isnan(levels)] = GAP
        status[inside & np.isnan(levels)] = GAP
        return levels, status

    def refusal(self, currency: Currency, day: np.datetime64, status: int) -> str:
        """Why a day has no rate: the rule a message gives (gap span, or where data starts)."""
        s = self.get(currency)
        code = currency
        if status == BEFORE:
            return f"the BIS policy-rate data for {code} starts on {s.start}"
        for first, last in s.gaps():
            if first <= day <= last:
                return f"BIS published no {code} policy rate from {first} to {last}"
        return f"BIS published no {code} policy rate after {s.end}"

    def merged(self, newer: PolicyRates) -> tuple[PolicyRates, list[Revision]]:
        """This data updated by ``newer``: over each of newer's currency spans newer wins;
        elsewhere the old days stay. Also the days whose level newer changed."""
        out = dict(self.series)
        revisions: list[Revision] = []
        for code, new in newer.series.items():
            old = self.series.get(code)
            if old is None:
                out[code] = new
                continue
            start, end = min(old.start, new.start), max(old.end, new.end)
            values = np.full(int((end - start) // _DAY) + 1, np.nan)
            a = int((old.start - start) // _DAY)
            values[a : a + old.levels.size] = old.levels
            b = int((new.start - start) // _DAY)
            before = values[b : b + new.levels.size]
            differs = np.isfinite(before) & np.isfinite(new.levels)
            differs &= np.abs(before - new.levels) > 1e-11
            revisions += [
                Revision(code, start + np.timedelta64(b + int(i), "D"), before[i], new.levels[i])
                for i in np.flatnonzero(differs)
            ]
            values[b : b + new.levels.size] = new.levels
            out[code] = PolicySeries(start, values)
        return PolicyRates(dict(sorted(out.items())), self.source), revisions

    def without(
        self, spans: Iterable[tuple[Currency, np.datetime64, np.datetime64]]
    ) -> tuple[PolicyRates, int]:
        """This data with each span (currency, first, last day) marked as having no published
        level; also how many days that newly marked."""
        out = dict(self.series)
        marked = 0
        for code, first, last in spans:
            s = out.get(code)
            if s is None:
                continue
            values = s.levels.copy()
            a = max(int((first - s.start) // _DAY), 0)
            b = min(int((last - s.start) // _DAY), values.size - 1)
            if a > b:
                continue
            marked += int(np.isfinite(values[a : b + 1]).sum())
            values[a : b + 1] = np.nan
            out[code] = PolicySeries(s.start, values)
        return PolicyRates(out, self.source), marked

    def schedule(
        self,
        fills: Mapping[Currency, float] | None = None,
        spreads: Mapping[Currency, float] | None = None,
    ) -> PolicySchedule:
        """A rate schedule for backtests and replays: the level in force each day, plus
        ``spreads[c]`` (a broker's margin on that leg, a decimal); ``fills[c]`` (a decimal)
        on the days a currency has no published level, labelled as a fill in every note."""
        parsed_fills = {k: float(v) for k, v in (fills or {}).items()}
        parsed_spreads = {k: float(v) for k, v in (spreads or {}).items()}
        return PolicySchedule(
            self, f"{self.source}, as of {self.as_of}", parsed_fills, parsed_spreads
        )


@dataclass(frozen=True)
class PolicySchedule:
    """The policy-rate data read as a rate :class:`~carryxl.history.rates.Schedule`:
    ``rate_on`` gives the level in
    force each day (plus the leg's spread); a gap takes the user's fill or is an error; a day
    after the data's last date takes the last known level and is noted as stale."""

    data: PolicyRates
    source: str
    fills: Mapping[Currency, float] = field(default_factory=dict)
    spreads: Mapping[Currency, float] = field(default_factory=dict)

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """The currencies the data gives rates for."""
        return self.data.currencies

    def _read(
        self, currency: Currency, dates: Any, argument: str
    ) -> tuple[Currency, FloatArray, StatusArray]:
        """The levels with the user's fills over gaps, and each day's status."""
        code = currency
        rates, status = self.data.read(code, dates, argument)
        if code in self.fills:
            rates = np.where(status == GAP, self.fills[code], rates)
            status = np.where(status == GAP, LEVEL, status).astype(np.int8)
        return code, rates, status

    def known_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """As :meth:`rate_on`, NaN on a gap (not filled) or before the data starts."""
        code, rates, _status = self._read(currency, dates, argument)
        result: FloatArray = rates + self.spreads.get(code, 0.0)
        return result

    def rate_on(self, currency: Currency, dates: Any, argument: str = "rates") -> FloatArray:
        """The policy rate (decimal) of ``currency`` in force on each date, plus its spread."""
        code, rates, status = self._read(currency, dates, argument)
        refused = (status == GAP) | (status == BEFORE)
        if refused.any():
            day = np.broadcast_to(as_dates("date", dates), refused.shape)[refused].ravel()[0]
            rule = self.data.refusal(code, day, int(status[refused].ravel()[0]))
            if status[refused].ravel()[0] == GAP:
                rule += f"; give a labelled fill (--fill {code}=RATE) or rates by hand"
            raise CarryxlError(argument, f"{code} on {day}", rule)
        result: FloatArray = rates + self.spreads.get(code, 0.0)
        return result

    def notes(self, currencies: Iterable[Currency], first: Any, last: Any) -> list[str]:
        """What a run from ``first`` to ``last`` used besides published levels: fills over
        gaps, stale days after the data's end, and spreads; and the gaps it ran across with
        no position open (a run that needed a rate there was refused)."""
        lines: list[str] = []
        start, end = as_dates("start", first), as_dates("end", last)
        for code in dict.fromkeys(currencies):
            s = self.data.get(code)
            for a, b in s.gaps():
                if a <= end and b >= start and code in self.fills:
                    lines.append(
                        f"{code} {max(a, start)} to {min(b, end)}: no BIS level; "
                        f"filled with {self.fills[code]:.4%} (a fill you gave, not BIS data)"
                    )
                elif a <= end and b >= start:
                    lines.append(
                        f"{code} {max(a, start)} to {min(b, end)}: no BIS level; not needed "
                        "(no position open then: rates are needed only while one is)"
                    )
            if end > s.end:
                level = f"{100 * s.last_level():g}%"
                lines.append(f"{code} after {s.end}: {stale_note(s.end)} ({level})")
            if self.spreads.get(code):
                lines.append(f"{code}: policy rate {self.spreads[code]:+.4%} broker spread")
        return lines
