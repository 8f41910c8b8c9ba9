"""Template workbooks written with openpyxl: calculator, asset carry, scenarios, rates.

``workbook_bytes(kind, lang, mode)`` builds one as reproducible ``.xlsx`` bytes;
``write_bytes`` writes it safely (never over a different file without ``force``).
"""

from carryxl.workbooks.generate import (
    KINDS,
    build_book,
    default_filename,
    every_template,
    workbook_bytes,
    write_bytes,
)
from carryxl.workbooks.layout import put_text

__all__ = [
    "KINDS",
    "build_book",
    "default_filename",
    "every_template",
    "put_text",
    "workbook_bytes",
    "write_bytes",
]
