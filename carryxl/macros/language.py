"""The language a workbook speaks, read from a sheet's title: carryxl's ``--lang zh``
templates name their sheets in Chinese (利率表, 投资组合), so a title with Chinese
characters means a Chinese workbook. What a macro writes into it follows."""

from __future__ import annotations

__all__ = ["sheet_language"]


def sheet_language(title: str) -> str:
    """``"zh"`` when ``title`` holds Chinese characters, else ``"en"``."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in title) else "en"
