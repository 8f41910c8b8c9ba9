"""Cell styles and number formats shared by every template workbook.

Inputs look editable (blue text on pale yellow, unlocked); outputs are black on grey
and locked; sheets are protected without a password, so a user can unprotect them.

Language conventions: Chinese workbooks declare a Simplified-Chinese font (DengXian,
Office's default for zh-CN, with the GB2312 character set so that Excel falls back to
another Simplified-Chinese face where it is missing), and colour gains red and losses
green (mainland China's convention, ``red-up``); English ones colour gains green and
losses red (``green-up``). Either convention can be chosen in both languages
(``carryxl new --colors``).
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils.indexed_list import IndexedList

from carryxl.core.errors import CarryxlError

__all__ = [
    "BOLD",
    "COLOR_CONVENTIONS",
    "DEFAULT_COLORS",
    "FONT_CHARSETS",
    "FONT_NAMES",
    "FORMATS",
    "HEADER_FILL",
    "HEADER_FONT",
    "HIDDEN",
    "HIDDEN_ID",
    "INPUT_FILL",
    "INPUT_FONT",
    "LOCKED",
    "MARK_BORDER",
    "NOTE_FONT",
    "OUTPUT_FILL",
    "OUTPUT_FONT",
    "ROLES",
    "TITLE_FONT",
    "UNLOCKED",
    "WHOLE_MONEY",
    "WHOLE_MONEY_ID",
    "WRAP",
    "ColorConvention",
    "color_convention",
    "localise_fonts",
    "number_format",
]

TITLE_FONT = Font(name="Calibri", size=14, bold=True, color="1F3864")
BOLD = Font(name="Calibri", bold=True)
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
INPUT_FONT = Font(name="Calibri", color="0000FF")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
OUTPUT_FONT = Font(name="Calibri", color="000000")
OUTPUT_FILL = PatternFill("solid", fgColor="EDEDED")
NOTE_FONT = Font(name="Calibri", italic=True, color="595959")
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
WRAP = Alignment(wrap_text=True, vertical="top")
_THICK = Side(style="medium", color="000000")
MARK_BORDER = Border(left=_THICK, right=_THICK, top=_THICK, bottom=_THICK)

# What each role sets on a cell (see Book.paint).
ROLES: dict[str, dict[str, object]] = {
    "input": {"font": INPUT_FONT, "fill": INPUT_FILL, "protection": UNLOCKED},
    "output": {"font": OUTPUT_FONT, "fill": OUTPUT_FILL, "protection": LOCKED},
    "output_bold": {"font": BOLD, "fill": OUTPUT_FILL, "protection": LOCKED},
    "section": {"font": HEADER_FONT, "fill": HEADER_FILL},
    "header": {"font": HEADER_FONT, "fill": HEADER_FILL, "alignment": WRAP},
    "note": {"font": NOTE_FONT},
    "bold": {"font": BOLD},
    "title": {"font": TITLE_FONT},
    "plain": {},
}

FONT_NAMES: dict[str, str] = {"en": "Calibri", "zh": "DengXian"}
"""The font each language's workbooks declare (every cell, the default style too)."""
FONT_CHARSETS: dict[str, int | None] = {"en": None, "zh": 134}
"""The font's character set: 134 is GB2312, Simplified Chinese (Excel's font fallback)."""


@dataclass(frozen=True)
class ColorConvention:
    """Which colour a gain and a loss take: font colours and the heat maps' ends (RGB)."""

    name: str
    gain: str
    loss: str
    gain_fill: str
    loss_fill: str


COLOR_CONVENTIONS: dict[str, ColorConvention] = {
    "green-up": ColorConvention("green-up", "007A33", "C00000", "63BE7B", "F8696B"),
    "red-up": ColorConvention("red-up", "C00000", "007A33", "F8696B", "63BE7B"),
}
"""``green-up``: gains green, losses red; ``red-up``: gains red, losses green (China)."""
DEFAULT_COLORS: dict[str, str] = {"en": "green-up", "zh": "red-up"}


def color_convention(name: str | None, lang: str) -> ColorConvention:
    """The convention ``name``, or the language's default when ``name`` is None."""
    key = DEFAULT_COLORS[lang] if name is None else name
    if key not in COLOR_CONVENTIONS:
        raise CarryxlError("colors", name, f"must be one of {', '.join(COLOR_CONVENTIONS)}")
    return COLOR_CONVENTIONS[key]


# Number formats by kind of value. Money shows cents, and whole units where its currency
# has no minor unit (JPY: a conditional format on the currency, see Book.mark_money). A
# gain or loss ("pnl") has the money format and is coloured by the workbook's convention
# (conditional formats, see Book.mark_pnl).
FORMATS: dict[str, str] = {
    "money": "#,##0.00;-#,##0.00",
    "pnl": "#,##0.00;-#,##0.00",
    "percent": "0.0000%",
    "percent_short": "0.00%",
    "spot": "0.0000",
    "years": "0.0000",
    "number": "#,##0.####",
    "integer": "0",
    "multiple": '0.00"x"',
    "date": "yyyy-mm-dd",
    "text": "@",
    "general": "General",  # TRUE/FALSE show as words, not as 0/1
}

WHOLE_MONEY = "#,##0;-#,##0"
"""Money in a currency without a minor unit (JPY, KRW...): whole units."""
WHOLE_MONEY_ID = 200
"""The number-format id the conditional :data:`WHOLE_MONEY` format is stored under (a
custom format: 164 and above)."""

HIDDEN = ";;;"
"""A number shown as nothing (a 0 that the sheet's sums read, on a row without data)."""
HIDDEN_ID = 201

_PIPS = {"en": '#,##0.0 "pips"', "zh": '#,##0.0 "标准点"'}  # 点 is MetaTrader's point
_MULTIPLE = {"en": FORMATS["multiple"], "zh": '0.00"倍"'}
# A yes/no flag held as 1/0 (a format cannot turn TRUE/FALSE into words).
_FLAGS = {"en": '"yes";"yes";"no"', "zh": '"是";"是";"否"'}


def number_format(kind: str, lang: str) -> str:
    """The number format for ``kind`` (``money``, ``percent``, ``pips``...) in ``lang``."""
    if kind == "pips":
        return _PIPS[lang]
    if kind == "flag":
        return _FLAGS[lang]
    if kind == "multiple":
        return _MULTIPLE[lang]
    return FORMATS[kind]


def localise_fonts(wb: Workbook, lang: str) -> None:
    """Every font of ``wb`` (the default style's too) in ``lang``'s font and character set.

    Cells keep their size, weight and colour: only the typeface changes, in the workbook's
    list of fonts that every cell's style points into.
    """
    name, charset = FONT_NAMES[lang], FONT_CHARSETS[lang]
    fonts = list(wb._fonts)
    if all(f.name == name and f.charset == charset for f in fonts):
        return
    localised = []
    for font in fonts:
        other = copy(font)
        other.name = name
        other.charset = charset
        other.scheme = None  # a theme font would override the name
        localised.append(other)
    wb._fonts = IndexedList(localised)
