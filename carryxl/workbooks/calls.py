"""The function calls in a formula, found by parsing it (openpyxl's tokenizer), not by
searching text: ``calls('=ROUND(CARRY_PNL(a,b,,"exact"),2)')`` gives
``[("CARRY_PNL", 4), ("ROUND", 2)]``, innermost first. Empty arguments count, as Excel
counts them; a call with nothing between its brackets has 0 arguments.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.formulas import FORMULAE

__all__ = ["calls", "is_builtin"]


def calls(formula: str) -> list[tuple[str, int]]:
    """Every function called in ``formula`` with its argument count, innermost first."""
    found: list[tuple[str, int]] = []
    stack: list[list[object]] = []  # [name, separators seen, anything seen]
    for token in Tokenizer(formula).items:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if stack:
                stack[-1][2] = True
            stack.append([token.value[:-1], 0, False])
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            name, separators, seen = stack.pop()
            assert isinstance(separators, int)
            count = separators + 1 if (separators or seen) else 0
            found.append((str(name), count))
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            separators = stack[-1][1]
            assert isinstance(separators, int)
            stack[-1][1] = separators + 1
        elif stack and token.type != Token.WSPACE:
            stack[-1][2] = True
    return found


def is_builtin(name: str) -> bool:
    """Whether ``name`` is a spreadsheet function (``_xlfn.`` prefix allowed)."""
    return name.upper().removeprefix("_XLFN.") in FORMULAE
