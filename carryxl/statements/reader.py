"""``read_statement(path)``: a MetaTrader 4 or 5 statement file as a :class:`Statement`.

The file is only read (opened read-only, never written). What it is comes from its bytes:
a ZIP (``PK``) is an MT5 XLSX export; anything else is read as HTML (MT5 report or MT4
statement, told apart by the account header's structure). A file that is neither is
refused in one line naming what is missing.
"""

from __future__ import annotations

from pathlib import Path

from carryxl.core.errors import CarryxlError, Described
from carryxl.statements.html_table import decode, html_rows
from carryxl.statements.mt4 import find_mt4_account, parse_mt4
from carryxl.statements.mt5 import find_account, parse_mt5
from carryxl.statements.records import Statement
from carryxl.statements.xlsx_table import xlsx_rows

__all__ = ["read_statement"]

_ZIP = b"PK\x03\x04"


def read_statement(path: str | Path) -> Statement:
    """The statement in ``path`` (MT5 HTML or XLSX, MT4 HTML)."""
    file = Path(path)
    source = file.name
    data = file.read_bytes()
    if not data.strip():
        raise CarryxlError("FILE", Described(source), "is empty, not a MetaTrader statement")
    if data.startswith(_ZIP):
        rows = xlsx_rows(data, source)
        if find_account(rows) is None:
            raise CarryxlError(
                "FILE",
                Described(source),
                "is a workbook but not an MT5 report: no account row (N (CCY, server, ...))",
            )
        return parse_mt5(rows, source, "MT5 XLSX")
    text, encoding = decode(data, source)
    rows = html_rows(text)
    if find_account(rows) is not None:
        return parse_mt5(rows, source, f"MT5 HTML ({encoding})")
    if find_mt4_account(rows) is not None:
        return parse_mt4(rows, source, f"MT4 HTML ({encoding})")
    raise CarryxlError(
        "FILE",
        Described(source),
        "is not a MetaTrader statement: no account header (MT5: 'N (CCY, server, ...)'; "
        "MT4: 'Account: N')",
    )
