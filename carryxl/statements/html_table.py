"""The rows of an HTML statement, read with lxml (a real HTML parser; nothing is evaluated).

MetaTrader 5 writes its HTML report in UTF-16LE with a byte-order mark and CRLF line ends;
copies passed around are often re-encoded to UTF-8 or ASCII; MetaTrader 4 writes the
terminal's code page (declared in a ``<meta charset>``). All are read here: a BOM wins, then
UTF-8, then the declared charset, then Windows-1252.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from carryxl.core.errors import CarryxlError
from carryxl.statements.cells import Row

__all__ = ["decode", "html_rows"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16BE"),
)
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_NEEDS_CLEANING = re.compile(r"^\s|\s$|[\t\r\n\f\u00a0]|  ")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of an HTML file and the name of its encoding."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), name
    if len(data) > 1 and data[1:2] == b"\x00" and data[0:1] == b"<":  # UTF-16LE, no BOM
        return data.decode("utf-16-le", errors="replace"), "UTF-16LE"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii")
        try:
            return data.decode(name, errors="replace"), name
        except LookupError:
            raise CarryxlError(
                source, name, "declares a character set Python does not know"
            ) from None
    return data.decode("cp1252", errors="replace"), "Windows-1252"


def _cell_text(cell: Any) -> str:
    text = (cell.text or "") if len(cell) == 0 else "".join(cell.itertext())
    if _NEEDS_CLEANING.search(text) is None:
        return text
    return _WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def html_rows(text: str) -> list[Row]:
    """Every ``<tr>`` of the document, in order: its visible cells' text (cells of class
    ``hidden`` dropped) and each cell's ``title``; rows with no text are left out."""
    if not text.strip():
        return []
    # imported here: the command line loads this module for every command, and without lxml
    # carryxl must still start and say in one line why it cannot write a workbook
    from lxml import etree  # type: ignore[import-untyped]  # noqa: PLC0415 - no stubs shipped

    root = etree.fromstring(text, etree.HTMLParser(remove_comments=True))
    if root is None:
        return []
    rows: list[Row] = []
    for tr in root.iter("tr"):
        cells = [
            c
            for c in tr
            if c.tag in ("td", "th") and "hidden" not in (c.get("class") or "").split()
        ]
        values = tuple(_cell_text(c) for c in cells)
        if any(values):
            rows.append(Row(values, tuple((c.get("title") or "").strip() for c in cells)))
    return rows
