"""Policy-rate test material of the tests' own, and a data folder with it imported.

The tests write their own change-point and gap tables, in the layouts BIS's data comes in
(``date,currency,policy_rate_percent`` change points; ``currency,last_observation_before_gap,
next_observation,days`` gaps), from a small deterministic model: each currency starts at a
level of ours and moves by quarter points at meetings six weeks apart. The two tables overlap
as BIS's two extracts do (an older one from 1999, a later one from 2008 to the end of 2024),
agree where they overlap except on one revised day (``REVISION``), and share a long gap in
the yen (``JPY_GAPS``). Nothing here is BIS's data: the real files live in ``../shared`` and
are read only by the reference group (tests/history/test_policy_reference.py).

The files are read back here with the csv module only (not carryxl), so tests compare
carryxl's answers with the files themselves.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import os
import random
import tempfile
from pathlib import Path

import pytest

from carryxl.history.store import import_policy_files

# Currencies of the tables (the older one has two more than the later one, as BIS's do).
LATER_CURRENCIES = (
    "AUD",
    "BRL",
    "CAD",
    "CHF",
    "CNY",
    "CZK",
    "DKK",
    "EUR",
    "GBP",
    "HKD",
    "HUF",
    "IDR",
    "ILS",
    "INR",
    "JPY",
    "KRW",
    "MXN",
    "MYR",
    "NOK",
    "NZD",
    "PHP",
    "PLN",
    "RON",
    "SEK",
    "THB",
    "TRY",
    "USD",
    "ZAR",
)
OLDER_CURRENCIES = (*LATER_CURRENCIES, "ISK", "RUB")
# Where each currency starts on 1999-01-01, in percent (ours: round numbers of the right size).
START_PERCENT = {
    "AUD": 4.75,
    "BRL": 25.0,
    "CAD": 5.0,
    "CHF": 1.0,
    "CNY": 5.5,
    "CZK": 7.5,
    "DKK": 3.5,
    "EUR": 3.0,
    "GBP": 6.25,
    "HKD": 6.0,
    "HUF": 15.0,
    "IDR": 12.0,
    "ILS": 11.0,
    "INR": 8.0,
    "JPY": 0.25,
    "KRW": 6.0,
    "MXN": 20.0,
    "MYR": 6.0,
    "NOK": 8.0,
    "NZD": 4.5,
    "PHP": 10.0,
    "PLN": 13.0,
    "RON": 30.0,
    "SEK": 3.5,
    "THB": 5.0,
    "TRY": 60.0,
    "USD": 4.75,
    "ZAR": 16.0,
    "ISK": 8.5,
    "RUB": 28.0,
}
STARTS_LATER = {"TRY": "2003-01-02"}  # a series that begins after the tables do
FLOOR_PERCENT = {"JPY": -0.1, "CHF": -0.75, "DKK": -0.75, "SEK": -0.5, "EUR": -0.5}
OLDER_SPAN = ("1999-01-01", "2022-04-29")
LATER_SPAN = ("2008-01-01", "2024-12-31")
ENDS = {("AUD", OLDER_SPAN[1]): 0.25, ("USD", LATER_SPAN[1]): -0.25}
# The one day the later table revises: the older one moves BRL that day, the later one a day on.
REVISION = ("BRL", "2019-10-30")
# Spans with no published yen level (first and last day without one), in the older table; the
# later table has the second.
JPY_GAPS = (("2002-03-01", "2005-06-30"), ("2012-05-01", "2015-10-30"))
JPY_AFTER_GAP = ("2005-07-01", "2015-10-31")  # the first day with a level again
# A short gap in the older table only, and one in the later table only.
SHORT_GAPS = {
    "older": ("RUB", "2021-07-07", "2021-07-21"),
    "later": ("THB", "2020-11-06", "2020-11-19"),
}


def _meetings(code: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
    """(date, percent) at each move of ``code`` from ``first`` to ``last``: meetings every
    six weeks (shifted per currency), quarter-point moves, a floor for the low-rate ones."""
    dice = random.Random(code)  # noqa: S311 - test data, not security
    level = START_PERCENT[code]
    floor = FLOOR_PERCENT.get(code, 0.25 if level >= 1 else 0.0)
    step = 0.1 if code == "JPY" else 0.25
    out = [(first, level)]
    day = first + dt.timedelta(days=10 + sum(map(ord, code)) % 30)
    while day <= last:
        day += dt.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)
        move = dice.choice((-2, -1, -1, 0, 0, 0, 0, 1, 1, 2)) * step * (4 if level > 15 else 1)
        new = round(max(floor, level + move), 4)
        if new != level:
            out.append((day, new))
            level = new
        day += dt.timedelta(days=42)
    # Each table's last date is a day one currency moves (so the table covers up to it).
    for (mover, when), by in ENDS.items():
        end = dt.date.fromisoformat(when)
        if code == mover and end <= last:
            level = [p for d, p in out if d < end][-1]
            out = sorted([*(m for m in out if m[0] != end), (end, round(level + by, 4))])
    return out


def _rows(currencies: tuple[str, ...], span: tuple[str, str], table: str) -> list[list[str]]:
    first, last = (dt.date.fromisoformat(d) for d in span)
    rows: list[tuple[dt.date, str, float]] = []
    for code in currencies:
        own_start = dt.date.fromisoformat(STARTS_LATER.get(code, OLDER_SPAN[0]))
        moves = _meetings(code, own_start, last)
        begin = max(first, own_start)
        on_first = [p for d, p in moves if d <= begin][-1]
        mine = [(begin, on_first)] + [(d, p) for d, p in moves if begin < d]
        if code == REVISION[0]:
            day = dt.date.fromisoformat(REVISION[1])
            before = [p for d, p in mine if d < day][-1]
            mine = [(d, p) for d, p in mine if d != day]
            moved_on = day if table == "older" else day + dt.timedelta(1)
            moved = (moved_on, before + 0.5)
            mine = sorted([*mine, moved])
        if code == "JPY":
            gaps = JPY_GAPS if table == "older" else JPY_GAPS[1:]
            afters = JPY_AFTER_GAP if table == "older" else JPY_AFTER_GAP[1:]
            for (gap_first, gap_last), after in zip(gaps, afters, strict=True):
                a, b = dt.date.fromisoformat(gap_first), dt.date.fromisoformat(gap_last)
                resumed = dt.date.fromisoformat(after)
                level = [p for d, p in mine if d <= b][-1]
                mine = [(d, p) for d, p in mine if not a <= d <= resumed] + [(resumed, level)]
                mine.sort()
        rows += [(d, code, p) for d, p in mine if d <= last]
    rows.sort()
    return [[d.isoformat(), c, f"{p:g}"] for d, c, p in rows]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _gap_rows(spans: list[tuple[str, str, str]]) -> list[list[str]]:
    out = []
    for code, first, last in spans:
        before = dt.date.fromisoformat(first) - dt.timedelta(1)
        after = dt.date.fromisoformat(last) + dt.timedelta(1)
        out.append([code, before.isoformat(), after.isoformat(), str((after - before).days)])
    return out


FOLDER = Path(tempfile.mkdtemp(prefix="carryxl-test-policy-files-"))
POINTS = ["date", "currency", "policy_rate_percent"]
GAP_HEADER = ["currency", "last_observation_before_gap", "next_observation", "days"]
OLD = _write(FOLDER / "policy_1999_2022.csv", POINTS, _rows(OLDER_CURRENCIES, OLDER_SPAN, "older"))
NEW = _write(FOLDER / "policy_2008_2024.csv", POINTS, _rows(LATER_CURRENCIES, LATER_SPAN, "later"))
OLD_GAPS = _write(
    FOLDER / "policy_gaps_1999_2022.csv",
    GAP_HEADER,
    _gap_rows([("JPY", *JPY_GAPS[0]), ("JPY", *JPY_GAPS[1]), SHORT_GAPS["older"]]),
)
NEW_GAPS = _write(
    FOLDER / "policy_gaps_2008_2024.csv",
    GAP_HEADER,
    _gap_rows([("JPY", *JPY_GAPS[1]), SHORT_GAPS["later"]]),
)
ALL_FILES = (OLD, OLD_GAPS, NEW, NEW_GAPS)
# The names the docs give BIS's files: a docs line naming one runs with ours of that role.
DOC_NAMES = {
    "bis_cbpol_1999_2022.csv": OLD,
    "bis_cbpol_2008_2024.csv": NEW,
    "bis_cbpol_gaps_1999_2022.csv": OLD_GAPS,
    "bis_cbpol_gaps_2008_2024.csv": NEW_GAPS,
}


def change_points(path: Path) -> list[tuple[str, str, float]]:
    """The rows of a change-point file: (date, currency, percent)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            (row["date"], row["currency"], float(row["policy_rate_percent"]))
            for row in csv.DictReader(handle)
        ]


def level_on(rows: list[tuple[str, str, float]], currency: str, day: str) -> float:
    """The percent in force on ``day`` by a change-point file's own rule (last row on or
    before the day)."""
    found = [p for d, c, p in rows if c == currency and d <= day]
    return found[-1]


@pytest.fixture(scope="session")
def imported_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with both BIS files and their gaps imported (in that order), the later
    table with the end of its data (``--through``): a change-point table cannot tell it."""
    folder = tmp_path_factory.mktemp("policy-rates")
    saved = os.environ.get("CARRYXL_DATA_DIR")
    os.environ["CARRYXL_DATA_DIR"] = str(folder)
    try:
        import_policy_files(ALL_FILES[:2])
        import_policy_files(ALL_FILES[2:], through=LATER_SPAN[1])
    finally:
        if saved is not None:
            os.environ["CARRYXL_DATA_DIR"] = saved
    return folder


@pytest.fixture(scope="session")
def endless_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with both BIS files and their gaps imported without ``--through``: the
    as-of date is only the later table's last change (its data's end is unknown)."""
    folder = tmp_path_factory.mktemp("policy-rates-no-end")
    saved = os.environ.get("CARRYXL_DATA_DIR")
    os.environ["CARRYXL_DATA_DIR"] = str(folder)
    try:
        import_policy_files(ALL_FILES[:2])
        import_policy_files(ALL_FILES[2:])
    finally:
        if saved is None:
            del os.environ["CARRYXL_DATA_DIR"]
        else:
            os.environ["CARRYXL_DATA_DIR"] = saved
    return folder


@pytest.fixture
def without_end(endless_folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point carryxl at :func:`endless_folder` for one test; the later table's last change
    (read with csv), which is then the as-of date."""
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(endless_folder))
    return max(day for day, _, _ in change_points(NEW))


@pytest.fixture
def with_rates(imported_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point carryxl at the imported folder for one test (the folder is not to be changed)."""
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(imported_folder))
    return imported_folder


@pytest.fixture
def empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own, empty."""
    folder = tmp_path / "carryxl-data"
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(folder))
    return folder


def merged_levels(currency: str, days: list[str]) -> list[float]:
    """The percent in force on each day after importing OLD then NEW: NEW's level from its
    first row of the currency on, OLD's before (the later file wins where they overlap)."""
    old, new = change_points(OLD), change_points(NEW)
    out = []
    for rows in (old, new):
        mine = [(d, p) for d, c, p in rows if c == currency]
        out.append(([d for d, _ in mine], [p for _, p in mine]))
    (old_days, old_levels), (new_days, new_levels) = out
    result = []
    for day in days:
        dates, levels = (
            (new_days, new_levels) if new_days and day >= new_days[0] else (old_days, old_levels)
        )
        result.append(levels[bisect.bisect_right(dates, day) - 1])
    return result
