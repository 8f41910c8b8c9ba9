"""Cell styles and number formats shared by every template workbook.

Inputs look editable (blue text on pale yellow, unlocked); outputs are black on grey
and locked; sheets are protected without a password, so a user can unprotect them.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

__all__ = [
    "BOLD",
    "FORMATS",
    "HEADER_FILL",
    "HEADER_FONT",
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
    "WRAP",
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

# Number formats by kind of value. Money shows cents; JPY users simply see .00.
FORMATS: dict[str, str] = {
    "money": "#,##0.00;[Red]-#,##0.00",
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

_PIPS = {"en": '#,##0.0 "pips"', "zh": '#,##0.0 "点"'}


def number_format(kind: str, lang: str) -> str:
    """The number format for ``kind`` (``money``, ``percent``, ``pips``...) in ``lang``."""
    if kind == "pips":
        return _PIPS[lang]
    return FORMATS[kind]
