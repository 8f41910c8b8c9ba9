"""The function calls in a formula, found by parsing it (openpyxl's tokenizer), not by
searching text: ``calls('=ROUND(CARRY_PNL(a,b,,"exact"),2)')`` gives
``[("CARRY_PNL", 4), ("ROUND", 2)]``, innermost first. Empty arguments count, as Excel
counts them; a call with nothing between its brackets has 0 arguments; an array constant
``{"units","cost"}`` is one argument.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.formulas import FORMULAE

__all__ = ["calls", "is_builtin"]


@dataclass
class _Call:
    name: str
    separators: int = 0
    seen: bool = False  # anything between the brackets yet
    arrays: int = 0  # inside an array constant: its commas separate items


def calls(formula: str) -> list[tuple[str, int]]:
    """Every function called in ``formula`` with its argument count, innermost first."""
    found: list[tuple[str, int]] = []
    stack: list[_Call] = []
    for token in Tokenizer(formula).items:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if stack:
                stack[-1].seen = True
            stack.append(_Call(token.value[:-1]))
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            call = stack.pop()
            count = call.separators + 1 if (call.separators or call.seen) else 0
            found.append((call.name, count))
        elif token.type == Token.ARRAY and stack:
            stack[-1].seen = True
            stack[-1].arrays += 1 if token.subtype == Token.OPEN else -1
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            if not stack[-1].arrays:
                stack[-1].separators += 1
        elif stack and token.type != Token.WSPACE:
            stack[-1].seen = True
    return found


def is_builtin(name: str) -> bool:
    """Whether ``name`` is a spreadsheet function (``_xlfn.`` prefix allowed)."""
    return name.upper().removeprefix("_XLFN.") in FORMULAE
