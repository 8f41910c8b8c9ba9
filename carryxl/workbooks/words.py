"""The words a workbook offers in its drop-downs, in its own language.

Each list comes from the core's word table for it (:data:`carryxl.core.sides.SIDE_WORDS`,
:data:`carryxl.core.swaps.WEEKDAY_WORDS`...): the core reads every language's words, so a
Chinese workbook's native formulas compare with its own list's entries and its functions
take its words. Nothing here is a second copy of a word.
"""

from __future__ import annotations

from carryxl.core.asset import MOVE_WORDS
from carryxl.core.sides import SIDE_WORDS
from carryxl.core.swaps import AUTO_WORDS, SWAP_FORM_WORDS, WEEKDAY_WORDS

__all__ = ["book_words", "in_book_words"]


def book_words(lang: str) -> dict[str, tuple[str, ...]]:
    """The lists whose entries are words of ``lang``, by defined name, in the order the
    formulas index them (the first side is long, the first triple day is auto...)."""
    return {
        "list_move_conventions": MOVE_WORDS[lang],
        "list_sides": SIDE_WORDS[lang],
        "list_weekdays": WEEKDAY_WORDS[lang],
        "list_triple_days": (AUTO_WORDS[lang], *WEEKDAY_WORDS[lang][:5]),
        "list_swap_forms": SWAP_FORM_WORDS[lang],
    }


def in_book_words(choices: str | None, value: object, lang: str) -> object:
    """``value``, an English entry of the list ``choices`` (``"=list_sides"``), as the
    same entry of the ``lang`` workbook's list; any other value unchanged."""
    name = (choices or "").removeprefix("=")
    english = book_words("en").get(name, ())
    if value not in english:
        return value
    return book_words(lang)[name][english.index(value)]
