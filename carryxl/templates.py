"""The template workbooks ``carryxl new`` writes, once: each kind, its formula modes and
label languages, and the sheet module that builds it.

``carryxl new``'s choices, the generator (:mod:`carryxl.workbooks.generate`), ``carryxl
new --all`` and the tests' tables read :data:`TEMPLATES`. This module imports nothing
heavy, so the command line can list the kinds without loading openpyxl; the builder is
named as ``"module:function"`` (carryxl's own code) and imported when a book is built.
Adding a kind is one :class:`Template` here and its sheet module.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COLOR_CONVENTIONS",
    "FORMULA_MODES",
    "KIND_NAMES",
    "LANGS",
    "TEMPLATES",
    "Template",
    "template",
]

FORMULA_MODES = ("native", "udf")
"""native: plain Excel formulas; udf: carryxl's Excel functions (the add-in's)."""
LANGS = ("en", "zh")
"""Label languages: English and Simplified Chinese."""
COLOR_CONVENTIONS = ("green-up", "red-up")
"""Gains green and losses red, or gains red and losses green (mainland China)."""


@dataclass(frozen=True)
class Template:
    """A kind of template workbook: which modes and languages it comes in, who builds it."""

    kind: str
    build: str  # "module:function" taking a carryxl.workbooks.layout.Book
    modes: tuple[str, ...] = FORMULA_MODES
    langs: tuple[str, ...] = LANGS


TEMPLATES: tuple[Template, ...] = (
    Template("calculator", "carryxl.workbooks.sheets.calculator:build"),
    Template("asset_carry", "carryxl.workbooks.sheets.asset_carry:build"),
    Template("scenarios", "carryxl.workbooks.sheets.scenarios:build"),
    Template("swap", "carryxl.workbooks.sheets.swap:build"),
    Template("risk", "carryxl.workbooks.sheets.risk:build"),
    # native: example rates (the Policy rates button fills them from the user's data);
    # udf: POLICY_RATE on the data's last date, live from the user's data folder
    Template("rates", "carryxl.workbooks.sheets.rates:build"),
    # the history replay is plain formulas over its data table
    Template("history", "carryxl.workbooks.sheets.history:build", modes=("native",)),
    Template("portfolio", "carryxl.workbooks.sheets.portfolio:build"),
)
"""Every kind, in the order ``carryxl new`` lists them."""

KIND_NAMES = tuple(t.kind for t in TEMPLATES)


def template(kind: str) -> Template | None:
    """The template of ``kind``, if there is one."""
    return next((t for t in TEMPLATES if t.kind == kind), None)
