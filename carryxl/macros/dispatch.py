"""Ribbon tags to macros: a fixed table, nothing evaluated.

Every button of the Carry tab calls the one VBA callback, which runs
``run_from_excel('<tag>')`` through xlwings' RunPython. The tag is looked up in
:data:`MACROS`, the functions the button table (:mod:`carryxl.buttons`) names; an unknown
tag is refused with a message naming the known ones.

Each button names the workbook-scope names its macro reads; on a workbook that lacks one
(a swap sheet asked for a scenario grid) the macro stops before doing anything, in one
line naming the missing names and the ``carryxl new`` kinds that define them (:func:`kinds`,
from the names each template declares in :mod:`carryxl.templates`). Refresh works on any
workbook: it recalculates, and refreshes what carryxl wrote there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from carryxl.buttons import BUTTONS, Button, button
from carryxl.core.errors import CarryxlError
from carryxl.macros.book import Book
from carryxl.macros.refresh import refresh
from carryxl.templates import TEMPLATES

__all__ = ["MACROS", "kinds", "macro_for", "refresh", "run_from_excel", "run_macro"]


def _function(reference: str) -> Callable[[Book], Any]:
    """The function a button names as ``"module:function"`` (carryxl's own table)."""
    module, _, name = reference.partition(":")
    function: Callable[[Book], Any] = getattr(importlib.import_module(module), name)
    return function


MACROS: Mapping[str, Callable[[Book], Any]] = MappingProxyType(
    {b.tag: _function(b.macro) for b in BUTTONS}
)
"""Every button's macro function by tag (:data:`carryxl.buttons.BUTTONS`)."""


def kinds(pressed: Button) -> tuple[str, ...]:
    """The ``carryxl new`` kinds whose workbooks define every name the button reads (each
    template's declared ``names``); every kind for a button that reads none."""
    return tuple(t.kind for t in TEMPLATES if set(pressed.needs) <= set(t.names))


def macro_for(tag: str) -> Callable[[Book], Any]:
    """The macro a ribbon tag names, or a CarryxlError listing the known tags."""
    macro = MACROS.get(tag) if isinstance(tag, str) else None
    if macro is None:
        known = ", ".join(sorted(MACROS))
        raise CarryxlError("tag", tag, f"is not a carryxl macro; known tags: {known}")
    return macro


def run_macro(tag: str, book: Book) -> Any:
    """Run the macro ``tag`` on ``book``; first check the workbook defines what it reads."""
    macro = macro_for(tag)
    pressed = button(tag)
    needs = () if pressed is None else pressed.needs
    missing = [name for name in needs if not book.has_name(name)]
    if pressed is not None and missing:
        where = kinds(pressed)
        raise CarryxlError(
            f"{tag} button",
            f"{len(missing)} of {len(needs)} names undefined",
            f"needs {', '.join(missing)}, which this workbook does not define; use it on a "
            f"{' or '.join(where)} workbook (carryxl new {where[0]}) or define "
            "them (Formulas > Name Manager)",
        )
    return macro(book)


def run_from_excel(tag: str) -> None:
    """Entry point for the ribbon (through RunPython): run ``tag`` on the active workbook.

    Errors are shown in a message box; the workbook's state is restored by ExcelBook.
    """
    from carryxl.macros.excel_book import (  # noqa: PLC0415 - xlwings only inside Excel
        ExcelBook,
        active_book,
    )

    book = active_book()
    with ExcelBook(book) as excel:
        excel.run(lambda: run_macro(tag, excel))
