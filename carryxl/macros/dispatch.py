"""Ribbon tags to macros: a fixed table, nothing evaluated.

Every button of the Carry tab calls the one VBA callback, which runs
``run_from_excel('<tag>')`` through xlwings' RunPython. The tag is looked up in
:data:`MACROS`, built from the button table (:mod:`carryxl.buttons`); an unknown tag is
refused with a message naming the known ones.

Each button names the workbook-scope names its macro reads; on a workbook that lacks one
(a swap sheet asked for a scenario grid) the macro stops before doing anything, in one
line naming the missing names and the ``carryxl new`` kind that has them. Refresh works
on any workbook: it recalculates, and refreshes what carryxl wrote there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from carryxl.buttons import BUTTONS
from carryxl.core.errors import CarryxlError
from carryxl.macros.book import Book
from carryxl.macros.refresh import refresh

__all__ = ["MACROS", "Macro", "macro_for", "refresh", "run_from_excel", "run_macro"]


@dataclass(frozen=True)
class Macro:
    """One entry point: what it does, and the function that does it on a Book."""

    tag: str
    summary: str
    run: Callable[[Book], Any]
    needs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # the `carryxl new` kinds whose workbooks define ``needs``


def _function(reference: str) -> Callable[[Book], Any]:
    """The function a button names as ``"module:function"`` (carryxl's own table)."""
    module, _, name = reference.partition(":")
    function: Callable[[Book], Any] = getattr(importlib.import_module(module), name)
    return function


MACROS: Mapping[str, Macro] = MappingProxyType(
    {b.tag: Macro(b.tag, b.summary, _function(b.macro), b.needs, b.kinds) for b in BUTTONS}
)
"""Every button's macro by tag (:data:`carryxl.buttons.BUTTONS`)."""


def macro_for(tag: str) -> Macro:
    """The macro a ribbon tag names, or a CarryxlError listing the known tags."""
    macro = MACROS.get(tag) if isinstance(tag, str) else None
    if macro is None:
        known = ", ".join(sorted(MACROS))
        raise CarryxlError("tag", tag, f"is not a carryxl macro; known tags: {known}")
    return macro


def run_macro(tag: str, book: Book) -> Any:
    """Run the macro ``tag`` on ``book``; first check the workbook defines what it reads."""
    macro = macro_for(tag)
    missing = [name for name in macro.needs if not book.has_name(name)]
    if missing:
        raise CarryxlError(
            f"{tag} button",
            f"{len(missing)} of {len(macro.needs)} names undefined",
            f"needs {', '.join(missing)}, which this workbook does not define; use it on a "
            f"{' or '.join(macro.kinds)} workbook (carryxl new {macro.kinds[0]}) or define "
            "them (Formulas > Name Manager)",
        )
    return macro.run(book)


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
