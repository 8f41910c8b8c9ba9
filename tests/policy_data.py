"""The BIS policy-rate test material in ../shared, and a data folder with it imported.

The files are read here with the csv module only (not carryxl), so tests compare carryxl's
answers with the files themselves.
"""

from __future__ import annotations

import bisect
import csv
import os
from pathlib import Path

import pytest

from carryxl.history.store import import_policy_files

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "policy-rates"
OLD = SHARED / "bis_cbpol_1999_2022.csv"
NEW = SHARED / "bis_cbpol_2008_2024.csv"
OLD_GAPS = SHARED / "bis_cbpol_gaps_1999_2022.csv"
NEW_GAPS = SHARED / "bis_cbpol_gaps_2008_2024.csv"
ALL_FILES = (OLD, OLD_GAPS, NEW, NEW_GAPS)


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
    """A data folder with both BIS files and their gaps imported (in that order)."""
    folder = tmp_path_factory.mktemp("policy-rates")
    saved = os.environ.get("CARRYXL_DATA_DIR")
    os.environ["CARRYXL_DATA_DIR"] = str(folder)
    try:
        import_policy_files(ALL_FILES)
    finally:
        if saved is not None:
            os.environ["CARRYXL_DATA_DIR"] = saved
    return folder


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
        dates, levels = (new_days, new_levels) if new_days and day >= new_days[0] else (
            old_days, old_levels)  # fmt: skip
        result.append(levels[bisect.bisect_right(dates, day) - 1])
    return result
