"""Reading and writing policy-rate files: the layouts ``carryxl data import`` accepts.

- **Change points** ``date,currency,policy_rate_percent``: one row per date on which a
  currency's level changed (and its level on the table's first date). A level holds until
  the currency's next row; the table covers each currency up to its last date (the latest
  date in the file, or ``through``). A blank rate starts a span with no published level.
  carryxl's own store adds a fourth column ``note``: ``end`` on a currency's last covered day.
- **Gaps** ``currency,last_observation_before_gap,next_observation,days``: spans with no
  published level; the days strictly between the two dates are marked as such.
- **BIS bulk file** (``WS_CBPOL_csv_flat.csv``, or the zip BIS serves it in): one row per
  series and day with columns ``FREQ``, ``REF_AREA``, ``TIME_PERIOD``, ``OBS_VALUE`` (headers
  as ``REF_AREA:Reference area``, values as ``US: United States``). Daily series only; a
  stretch of more than 14 days without a value is a gap, shorter holes keep the level.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.dates import parse_date
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import rate_from_text
from carryxl.history.data import MISSING, parse_date_cell
from carryxl.history.policy import PolicyRates, PolicySeries

__all__ = [
    "AREAS",
    "CHANGE_POINTS",
    "GAPS",
    "LONGEST_HOLE_DAYS",
    "PolicyFile",
    "decoded",
    "read_policy_file",
    "read_policy_text",
    "store_text",
]

CHANGE_POINTS = ("date", "currency", "policy_rate_percent")
GAPS = ("currency", "last_observation_before_gap", "next_observation")
LONGEST_HOLE_DAYS = 14  # BIS's own step series: a longer stretch without a value is a gap
_LOWEST, _HIGHEST = -0.5, 10.0  # the levels a policy rate may have, as decimals (-50% to 1000%)
_NOTES = ("", "end", "no published level")  # the store's note column

# BIS reference areas and the currency of their policy rate (XM: the euro area).
AREAS: dict[str, Currency] = {
    "AU": Currency.AUD,
    "BR": Currency.BRL,
    "CA": Currency.CAD,
    "CH": Currency.CHF,
    "CN": Currency.CNY,
    "CZ": Currency.CZK,
    "DK": Currency.DKK,
    "XM": Currency.EUR,
    "GB": Currency.GBP,
    "HK": Currency.HKD,
    "HU": Currency.HUF,
    "ID": Currency.IDR,
    "IL": Currency.ILS,
    "IN": Currency.INR,
    "IS": Currency.ISK,
    "JP": Currency.JPY,
    "KR": Currency.KRW,
    "MX": Currency.MXN,
    "MY": Currency.MYR,
    "NO": Currency.NOK,
    "NZ": Currency.NZD,
    "PH": Currency.PHP,
    "PL": Currency.PLN,
    "RO": Currency.RON,
    "RU": Currency.RUB,
    "SE": Currency.SEK,
    "TH": Currency.THB,
    "TR": Currency.TRY,
    "US": Currency.USD,
    "ZA": Currency.ZAR,
    "HR": Currency.HRK,
    "BG": Currency.BGN,
}


@dataclass(frozen=True)
class PolicyFile:
    """What one file held: levels (``rates``) or gap spans (``gaps``), and its layout."""

    kind: str  # "change points", "store", "gaps" or "BIS bulk"
    rates: PolicyRates | None
    gaps: tuple[tuple[Currency, np.datetime64, np.datetime64], ...] = ()


def _series_from_rows(
    rows: list[tuple[np.datetime64, Currency, float, bool]],
    source: str,
    through: np.datetime64 | None,
) -> PolicyRates:
    """Step series from (date, currency, decimal or NaN, is_end) rows."""
    if not rows:
        raise CarryxlError(source, 0, "has no rows of policy rates")
    last_date = max(r[0] for r in rows) if through is None else through
    series: dict[Currency, PolicySeries] = {}
    for code in sorted({r[1] for r in rows}):
        mine = sorted((r for r in rows if r[1] == code), key=lambda r: r[0])
        days = np.array([r[0] for r in mine if not r[3]], dtype="datetime64[D]")
        if days.size > 1 and (np.diff(days) == np.timedelta64(0, "D")).any():
            twice = days[1:][np.diff(days) == np.timedelta64(0, "D")][0]
            raise CarryxlError(source, f"{code} {twice}", "each currency may have one row a date")
        ends = [r[0] for r in mine if r[3]]
        end = ends[-1] if ends else last_date
        levels = np.array([r[2] for r in mine if not r[3]], dtype=np.float64)
        starts = np.array([r[0] for r in mine if not r[3]], dtype="datetime64[D]")
        if starts.size == 0 or end < starts[0]:
            continue
        calendar = np.arange(starts[0], end + np.timedelta64(1, "D"), dtype="datetime64[D]")
        index = np.searchsorted(starts, calendar, side="right") - 1
        series[code] = PolicySeries(starts[0], levels[index])
    if not series:
        rule = "has no level to keep (every row is after --through, or only end rows)"
        raise CarryxlError(source, str(last_date), rule)
    return PolicyRates(series)


def _percent(cell: str, argument: str) -> float:
    """A cell of a percent column (``5.25`` or ``5.25%``) as a decimal (0.0525), NaN if blank;
    read by the core's one rate reader."""
    if cell.strip().upper() in MISSING:
        return float("nan")
    level = rate_from_text(cell, argument, percent=True)
    if not _LOWEST <= level <= _HIGHEST:
        raise CarryxlError(argument, cell, "must be a policy rate in percent (-50 to 1000)")
    return level


def _fields(row: Sequence[str], header: Sequence[str], argument: str) -> None:
    """Refuse a row with more fields than the header: a decimal comma (``5,5``) is never
    read as 5 with the rest dropped."""
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        rule = f"has {len(row)} fields; the header has {len(header)} (a decimal comma? write 5.5)"
        raise CarryxlError(argument, ",".join(row), rule)


def _change_points(
    rows: Sequence[Sequence[str]], source: str, through: np.datetime64 | None
) -> PolicyFile:
    header = [h.strip().lower() for h in rows[0]]
    store = len(header) > 3 and header[3] == "note"
    parsed: list[tuple[np.datetime64, Currency, float, bool]] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 3:
            raise CarryxlError(f"{source} row {n}", list(row), "needs date, currency and rate")
        _fields(row, header, f"{source} row {n}")
        day = parse_date_cell(row[0], f"{source} row {n} date")
        code = Currency.parse(row[1], f"{source} row {n} currency")
        note = row[3].strip().lower() if store and len(row) > 3 else ""
        if note not in _NOTES:
            rule = f"must be one of: {', '.join(repr(n) for n in _NOTES)}"
            raise CarryxlError(f"{source} row {n} note", row[3], rule)
        parsed.append((day, code, _percent(row[2], f"{source} row {n} rate"), note == "end"))
    kind = "store" if store else "change points"
    return PolicyFile(kind, _series_from_rows(parsed, source, None if store else through))


def _gap_spans(rows: Sequence[Sequence[str]], source: str) -> PolicyFile:
    spans = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 3:
            rule = "needs currency, last_observation_before_gap and next_observation"
            raise CarryxlError(f"{source} row {n}", list(row), rule)
        code = Currency.parse(row[0], f"{source} row {n} currency")
        before = parse_date_cell(row[1], f"{source} row {n} last_observation_before_gap")
        after = parse_date_cell(row[2], f"{source} row {n} next_observation")
        if after <= before:
            raise CarryxlError(f"{source} row {n}", list(row), "the gap must end after it starts")
        spans.append((code, before + np.timedelta64(1, "D"), after - np.timedelta64(1, "D")))
    return PolicyFile("gaps", None, tuple(spans))


def _column(header: Sequence[str], name: str, source: str) -> int:
    for i, h in enumerate(header):
        if h.strip().upper().split(":")[0] == name:
            return i
    raise CarryxlError(source, name, "is a column a BIS bulk file has; this file lacks it")


def _code(cell: str) -> str:
    return cell.split(":", maxsplit=1)[0].strip().upper()


def _bis_bulk(rows: Sequence[Sequence[str]], source: str, strict_order: bool) -> PolicyFile:
    header = rows[0]
    freq, area, period, value = (
        _column(header, name, source) for name in ("FREQ", "REF_AREA", "TIME_PERIOD", "OBS_VALUE")
    )
    found: dict[Currency, dict[np.datetime64, float]] = {}
    latest: dict[Currency, np.datetime64] = {}
    seen: dict[Currency, set[np.datetime64]] = {}
    widest = max(freq, area, period, value)
    for n, row in enumerate(rows[1:], start=2):
        if len(row) <= widest or _code(row[freq]) != "D" or not row[period].strip():
            continue
        code = AREAS.get(_code(row[area]))
        if code is None:
            continue  # a currency carryxl does not price (e.g. the Saudi riyal)
        level = _percent(row[value], f"{source} row {n} OBS_VALUE")
        day = parse_date_cell(row[period], f"{source} row {n} TIME_PERIOD")
        if strict_order and code in latest and day <= latest[code]:
            raise CarryxlError(
                f"{source} row {n} TIME_PERIOD", str(day), f"{code}'s dates must increase"
            )
        if day in seen.setdefault(code, set()):
            rule = f"gives {code} a second value for this date (each series one a date)"
            raise CarryxlError(f"{source} row {n} TIME_PERIOD", str(day), rule)
        seen[code].add(day)
        latest[code] = day
        if np.isfinite(level):
            found.setdefault(code, {})[day] = level
    if not found:
        raise CarryxlError(source, "rows", "has no daily policy rate of a currency carryxl knows")
    series: dict[Currency, PolicySeries] = {}
    for code, by_day in sorted(found.items()):
        observed = sorted(by_day.items())
        days = np.array([d for d, _ in observed], dtype="datetime64[D]")
        levels = np.array([v for _, v in observed], dtype=np.float64)
        calendar = np.arange(days[0], days[-1] + np.timedelta64(1, "D"), dtype="datetime64[D]")
        index = np.searchsorted(days, calendar, side="right") - 1
        filled = levels[index]
        # Holes longer than BIS's step (weekends, holidays) are gaps, not the old level.
        wait = (calendar - days[index]).astype(np.int64)
        next_seen = np.minimum(index + 1, days.size - 1)
        hole = (days[next_seen] - days[index]).astype(np.int64) - 1
        filled[(wait > 0) & (hole > LONGEST_HOLE_DAYS)] = np.nan
        series[code] = PolicySeries(days[0], filled)
    return PolicyFile("BIS bulk", PolicyRates(series))


def read_policy_text(
    text: str, source: str, through: object = None, strict_order: bool = False
) -> PolicyFile:
    """Parse a policy-rate file's text by its header (layouts in the module notes);
    ``strict_order``: a BIS bulk file's dates must increase within each series."""
    try:
        rows = [row for row in csv.reader(io.StringIO(text)) if row]
    except csv.Error as error:  # a field longer than csv's limit, a NUL byte
        raise CarryxlError(source, "text", f"is not a readable CSV file ({error})") from None
    if len(rows) < 2:
        raise CarryxlError(source, len(rows), "needs a header row and at least one row")
    header = tuple(h.strip().lower().split(":")[0] for h in rows[0])
    end = None if through is None else parse_date("through", through)
    if header[:3] == CHANGE_POINTS:
        return _change_points(rows, source, end)
    if header[:3] == GAPS:
        return _gap_spans(rows, source)
    if "ref_area" in header and "obs_value" in header:
        return _bis_bulk(rows, source, strict_order)
    raise CarryxlError(
        source,
        list(rows[0][:4]),
        "must start date,currency,policy_rate_percent (change points), "
        "currency,last_observation_before_gap,next_observation (gaps), "
        "or be a BIS bulk CSV (WS_CBPOL_csv_flat)",
    )


def decoded(data: bytes, source: str) -> str:
    """A file's text: the CSV itself, or the first CSV inside a zip."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
                if not names:
                    raise CarryxlError(source, archive.namelist()[:3], "has no CSV file inside")
                data = archive.read(names[0])
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise CarryxlError(source, "zip", f"is not a whole, readable zip ({error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CarryxlError(source, "bytes", "is not UTF-8 text") from None


def read_policy_file(path: str | Path, through: object = None) -> PolicyFile:
    """Read a policy-rate file from disk (CSV, or a zip holding one)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise CarryxlError("FILE", str(path), f"cannot be read ({error.strerror})") from None
    return read_policy_text(decoded(data, file.name), file.name, through)


def store_text(rates: PolicyRates) -> str:
    """carryxl's store layout: change points in percent (the decimals held, x 100), blank
    rate = no published level from that day, and an ``end`` row per currency on its last
    covered day."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CHANGE_POINTS, "note"])
    for code in rates.currencies:
        s = rates.series[code]
        for day, level in s.changes():
            if level is None:
                writer.writerow([str(day), str(code), "", "no published level"])
            else:
                writer.writerow([str(day), str(code), f"{100 * level:.10g}", ""])
        writer.writerow([str(s.end), str(code), "", "end"])
    return out.getvalue()
