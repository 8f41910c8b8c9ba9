"""Build a template workbook as bytes, reproducibly, and write it safely.

- Reproducible: the document's created/modified times are pinned and every zip entry
  gets the same date, so generating twice gives the same bytes.
- Safe: an existing file is replaced only with ``force``; the bytes go to a temporary
  file in the same folder, which is then renamed over the target.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import zipfile
from collections.abc import Callable

from openpyxl.writer.excel import ExcelWriter

from carryxl.buttons import BUTTONS
from carryxl.core.errors import CarryxlError
from carryxl.files import require_lxml_serialiser, write_bytes
from carryxl.templates import TEMPLATES
from carryxl.workbooks.layout import FORMULA_MODES, Book
from carryxl.workbooks.sheets.xlwings_conf import SHEET_NAME as XLWINGS_CONF
from carryxl.workbooks.sheets.xlwings_conf import add_xlwings_conf

__all__ = [
    "KINDS",
    "PINNED_TIME",
    "build_book",
    "default_filename",
    "every_template",
    "require_lxml_serialiser",
    "workbook_bytes",
    "write_bytes",
]


def _builder(reference: str) -> Callable[[Book], None]:
    """The sheet builder a template names as ``"module:function"``."""
    module, _, name = reference.partition(":")
    build: Callable[[Book], None] = getattr(importlib.import_module(module), name)
    return build


KINDS: dict[str, Callable[[Book], None]] = {t.kind: _builder(t.build) for t in TEMPLATES}
"""Each kind's builder (:data:`carryxl.templates.TEMPLATES`)."""

_MODES: dict[str, tuple[str, ...]] = {t.kind: t.modes for t in TEMPLATES}
_LANGS: dict[str, tuple[str, ...]] = {t.kind: t.langs for t in TEMPLATES}

PINNED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _check(kind: str, lang: str, mode: str) -> None:
    if kind not in KINDS:
        raise CarryxlError("kind", kind, f"must be one of {', '.join(KINDS)}")
    if lang not in _LANGS[kind]:
        raise CarryxlError("lang", lang, f"must be one of {', '.join(_LANGS[kind])}")
    if mode not in FORMULA_MODES:
        raise CarryxlError("formulas", mode, f"must be one of {', '.join(FORMULA_MODES)}")
    if mode not in _MODES[kind]:
        raise CarryxlError(
            "formulas", mode, f"is not available for {kind} (available: {', '.join(_MODES[kind])})"
        )


def build_book(
    kind: str,
    lang: str = "en",
    mode: str = "native",
    config_sheet: str = XLWINGS_CONF,
    colors: str | None = None,
) -> Book:
    """The workbook of ``kind`` in ``lang`` with ``mode`` formulas, not yet saved.

    ``config_sheet``: the name of a udf workbook's config sheet, the one its xlwings VBA
    reads (``xlwings.conf`` for xlwings' add-in; an ``.xlsm`` flavour passes its own).
    ``colors``: ``green-up`` (gains green, losses red) or ``red-up`` (gains red, losses
    green); None: the language's convention (``red-up`` in Chinese).
    """
    _check(kind, lang, mode)
    book = Book(lang, mode, colors)
    KINDS[kind](book)
    book.own([name for button in BUTTONS for name in button.fills])  # its examples: carryxl's
    if mode == "udf":
        add_xlwings_conf(book, config_sheet)
    book.finish()
    book.wb.active = 0
    props = book.wb.properties
    props.creator = "carryxl"
    props.lastModifiedBy = "carryxl"
    props.title = f"carryxl {kind}"
    props.created = PINNED_TIME
    props.modified = PINNED_TIME
    return book


def workbook_bytes(
    kind: str,
    lang: str = "en",
    mode: str = "native",
    config_sheet: str = XLWINGS_CONF,
    colors: str | None = None,
) -> bytes:
    """The ``.xlsx`` file of ``kind`` as bytes, identical on every run (``config_sheet``
    and ``colors`` as in :func:`build_book`)."""
    require_lxml_serialiser()
    book = build_book(kind, lang, mode, config_sheet, colors)
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
    return [(k, lang, m) for k in KINDS for m in _MODES[k] for lang in _LANGS[k]]
