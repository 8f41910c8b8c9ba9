"""Build a template workbook as bytes, reproducibly, and write it safely.

- Reproducible: the document's created/modified times are pinned and every zip entry
  gets the same date, so generating twice gives the same bytes.
- Safe: an existing file is replaced only with ``force``; the bytes go to a temporary
  file in the same folder, which is then renamed over the target.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl.xml
from openpyxl.writer.excel import ExcelWriter

from carryxl.core.errors import CarryxlError
from carryxl.workbooks.layout import FORMULA_MODES, LANGS, Book
from carryxl.workbooks.sheets import (
    asset_carry,
    calculator,
    history,
    portfolio,
    rates,
    risk,
    scenarios,
    swap,
)
from carryxl.workbooks.sheets.xlwings_conf import add_xlwings_conf

__all__ = [
    "KINDS",
    "build_book",
    "default_filename",
    "every_template",
    "require_lxml_serialiser",
    "workbook_bytes",
    "write_bytes",
]

KINDS: dict[str, Callable[[Book], None]] = {
    "calculator": calculator.build,
    "asset_carry": asset_carry.build,
    "scenarios": scenarios.build,
    "swap": swap.build,
    "risk": risk.build,
    "rates": rates.build,
    "history": history.build,
    "portfolio": portfolio.build,
}

# Modes each kind offers: the rates table holds no formulas, so it has one version; the
# history replay is plain formulas over its data table (native only).
_BOTH = ("native", "udf")
_MODES: dict[str, tuple[str, ...]] = {
    "calculator": _BOTH,
    "asset_carry": _BOTH,
    "scenarios": _BOTH,
    "swap": _BOTH,
    "risk": _BOTH,
    "rates": ("native",),
    "history": ("native",),
    "portfolio": _BOTH,
}

PINNED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _check(kind: str, lang: str, mode: str) -> None:
    if kind not in KINDS:
        raise CarryxlError("kind", kind, f"must be one of {', '.join(KINDS)}")
    if lang not in LANGS:
        raise CarryxlError("lang", lang, f"must be one of {', '.join(LANGS)}")
    if mode not in FORMULA_MODES:
        raise CarryxlError("formulas", mode, f"must be one of {', '.join(FORMULA_MODES)}")
    if mode not in _MODES[kind]:
        raise CarryxlError(
            "formulas", mode, f"is not available for {kind} (available: {', '.join(_MODES[kind])})"
        )


def build_book(kind: str, lang: str = "en", mode: str = "native") -> Book:
    """The workbook of ``kind`` in ``lang`` with ``mode`` formulas, not yet saved."""
    _check(kind, lang, mode)
    book = Book(lang, mode)
    KINDS[kind](book)
    if mode == "udf":
        add_xlwings_conf(book)
    book.wb.active = 0
    props = book.wb.properties
    props.creator = "carryxl"
    props.lastModifiedBy = "carryxl"
    props.title = f"carryxl {kind}"
    props.created = PINNED_TIME
    props.modified = PINNED_TIME
    return book


def require_lxml_serialiser() -> None:
    """Refuse to write unless openpyxl serialises its XML through lxml.

    openpyxl falls back to the standard library's XML writer when lxml is missing (or
    ``OPENPYXL_LXML`` is not "True"), and that writer lays out namespaces and empty
    elements differently: the same workbook would get other bytes, and ``workbooks/``
    would look stale. lxml is a declared dependency, so this only fires on an install
    that skipped it.
    """
    if not openpyxl.xml.LXML:
        raise CarryxlError(
            "lxml",
            "not in use by openpyxl",
            "is needed for reproducible workbooks: pip install lxml, "
            "and unset OPENPYXL_LXML (or set it to True)",
        )


def workbook_bytes(kind: str, lang: str = "en", mode: str = "native") -> bytes:
    """The ``.xlsx`` file of ``kind`` as bytes, identical on every run."""
    require_lxml_serialiser()
    book = build_book(kind, lang, mode)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:  # compressed once, below
        # ExcelWriter rather than Workbook.save, which stamps the current time.
        ExcelWriter(book.wb, archive).save()
    return _pinned_zip(raw.getvalue())


def _pinned_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and fixed permissions."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()


def default_filename(kind: str, lang: str = "en", mode: str = "native", macro: bool = False) -> str:
    """``calculator.xlsx``, ``calculator_zh.xlsx``, ``calculator_udf.xlsx``...

    ``macro``: the ``.xlsm`` flavour (``calculator_udf.xlsm``).
    """
    suffix = ("_udf" if mode == "udf" else "") + ("_zh" if lang == "zh" else "")
    return f"{kind}{suffix}.{'xlsm' if macro else 'xlsx'}"


def every_template() -> list[tuple[str, str, str]]:
    """Every (kind, lang, mode) that ``carryxl new --all`` writes."""
    return [(k, lang, m) for k in KINDS for m in _MODES[k] for lang in LANGS]


def write_bytes(path: Path, data: bytes, force: bool = False) -> bool:
    """Write ``data`` to ``path`` by temp file and rename; False if it was already identical.

    Refuses (CarryxlError) to replace a different existing file unless ``force``.
    """
    if path.exists():
        if path.read_bytes() == data:
            return False
        if not force:
            raise CarryxlError("path", str(path), "exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a workbook is an ordinary file
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return True
