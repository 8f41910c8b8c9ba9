"""Evaluate a udf-mode formula in Python by calling carryxl's Excel functions directly.

Handles a single call of a carryxl function whose arguments are names, cell references,
numbers, text, TRUE/FALSE, array constants of those ({"units","cost"}) or empty (and that
call wrapped in TRANSPOSE); anything else
is reported as not evaluated (``SKIP``). Argument values come from ``lookup``, which
reads the LibreOffice-calculated native workbook of the same layout. xlwings hands a
UDF each argument as rows of cells, so values are passed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from openpyxl.formula.tokenizer import Token, Tokenizer

from carryxl.excel import udfs
from carryxl.workbooks.calls import is_builtin

SKIP = object()


def _rows(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], list):
        return value  # a block of rows (a matrix) as it is
    if isinstance(value, list):
        return [[v] for v in value]
    return [[value]]


def _scalar(result: Any) -> Any:
    while isinstance(result, list | tuple | np.ndarray) and len(result) == 1:
        result = result[0]
    return result.item() if isinstance(result, np.generic) else result


def _call(formula: str) -> tuple[str, list[list[Token]]] | None:
    """The function name and argument tokens of a formula that is one flat call."""
    tokens = [t for t in Tokenizer(formula).items if t.type != Token.WSPACE]
    opens = len(tokens) >= 2 and (tokens[0].type, tokens[0].subtype) == (Token.FUNC, Token.OPEN)
    closes = opens and (tokens[-1].type, tokens[-1].subtype) == (Token.FUNC, Token.CLOSE)
    inner = tokens[1:-1]
    if not closes or any(t.type == Token.FUNC for t in inner):
        return None  # not a call, or a nested one
    groups: list[list[Token]] = [[]]
    depth = 0  # inside an array constant, commas separate its items, not arguments
    for token in inner:
        if token.type == Token.ARRAY:
            depth += 1 if token.subtype == Token.OPEN else -1
        if token.type == Token.SEP and token.subtype == Token.ARG and depth == 0:
            groups.append([])
        else:
            groups[-1].append(token)
    return tokens[0].value[:-1], groups if inner else []  # F(): no argument at all


def _argument(group: list[Token], lookup: Callable[[str], Any]) -> Any:
    """One argument as xlwings passes it (rows of cells), or ``SKIP`` for an expression."""
    if not group:
        return None
    token = group[0]
    readers: dict[str, Callable[[str], Any]] = {
        Token.NUMBER: float,
        Token.TEXT: lambda v: v[1:-1].replace('""', '"'),
        Token.LOGICAL: lambda v: v.upper() == "TRUE",
        Token.RANGE: lookup,
    }
    if token.type == Token.ARRAY:  # {a,b;c,d}: rows of constants, as Excel passes them
        rows: list[list[Any]] = [[]]
        for item in group[1:-1]:
            if item.type == Token.SEP:
                if item.subtype == Token.ROW:
                    rows.append([])
                continue
            constant = readers.get(item.subtype) if item.subtype != Token.RANGE else None
            if item.type != Token.OPERAND or constant is None:
                return SKIP
            rows[-1].append(constant(item.value))
        return rows
    if len(group) != 1 or token.type != Token.OPERAND:
        return SKIP
    reader = readers.get(token.subtype)
    return SKIP if reader is None else _rows(reader(token.value))


# IF(name="text", ...) or IF(name=INDEX(list,n), ...): a word or the list's n-th word
_IF_TEXT = re.compile(r'^=IF\((\w+)=(?:"([^"]*)"|INDEX\((\w+),(\d+)\)),(.*)\)$')


def _branches(text: str) -> tuple[str, str] | None:
    """``A,B`` split at its one top-level comma (outside brackets and quotes)."""
    depth, quoted = 0, False
    for i, char in enumerate(text):
        quoted = quoted != (char == '"')
        if quoted:
            continue
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            return text[:i], text[i + 1 :]
    return None


def evaluate(formula: str, lookup: Callable[[str], Any]) -> Any:
    """The value the formula gives in Excel with the add-in loaded, or ``SKIP``.

    ``IF(name="text", call, call)`` (or ``IF(name=INDEX(list,n), call, call)``, a word of
    the book's list) picks its branch from the looked-up value.
    """
    choice = _IF_TEXT.match(formula)
    if choice:
        branches = _branches(choice.group(5))
        if branches is None:
            return SKIP
        value = lookup(choice.group(1))
        value = "" if value is None else value  # an empty text result reads back as None
        word = choice.group(2)
        if word is None:
            word = lookup(choice.group(3))[int(choice.group(4)) - 1]
        taken = branches[0] if value == word else branches[1]
        return evaluate("=" + taken, lookup)
    transpose = formula.startswith("=TRANSPOSE(") and formula.endswith(")")
    call = _call("=" + formula[len("=TRANSPOSE(") : -1] if transpose else formula)
    if call is None or is_builtin(call[0]):
        return SKIP
    arguments = [_argument(group, lookup) for group in call[1]]
    if any(a is SKIP for a in arguments):
        return SKIP
    result = getattr(udfs, call[0])(*arguments)
    if transpose or (isinstance(result, np.ndarray) and result.size > 1):  # a spilled column
        return [_scalar(v) for v in np.asarray(result, dtype=object).ravel()]
    return _scalar(result)
