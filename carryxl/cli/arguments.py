"""Argument types of the command line, and the checks on the files it writes.

Each type reads one argument's text or refuses it with one line naming the argument once
(as typed: ``carryxl CMD: argument --spot: must be ... (got 'x')``), the text and the rule:

- :func:`number`: a finite number (``nan``, ``inf`` refused), optionally > or >= a bound;
- :func:`count`: a whole number, at least a bound (``--sma 0`` refused);
- :func:`rate`: ``4.5%``, ``0.045`` or ``2bp`` through the core's one rate reader
  (:func:`carryxl.core.parse.rate_from_text`); a bare number above 1 is refused (``2`` is
  not 200%);
- :func:`date`: ``YYYY-MM-DD`` through the core's one date parser, as a ``datetime64[D]``;
- :func:`date_list`: comma-separated dates;
- :func:`pair`, :func:`currency`, :func:`currency_list`: ``AUD/JPY``, ``JPY``, ``AUD,JPY``
  as :class:`~carryxl.core.conventions.Pair` / :class:`~carryxl.core.conventions.Currency`,
  read here once (the commands and the core take them typed).

Arguments several commands take alike are added by one function each:
:func:`add_funding_argument` (``--funding``), :func:`add_lot_size_argument` (``--lot-size``)
and :func:`add_json_argument` (``--json``).

:func:`target_file` checks a file the command is about to write: the right extension, an
existing folder, not a folder itself, and not an existing file unless ``--force``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.dates import parse_date
from carryxl.core.defaults import LOT_SIZE
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import number_from_text, rate_from_text
from carryxl.files import read_only

__all__ = [
    "add_funding_argument",
    "add_json_argument",
    "add_lot_size_argument",
    "count",
    "currency",
    "currency_list",
    "date",
    "date_list",
    "number",
    "pair",
    "rate",
    "target_file",
]


def _typed(name: str, read: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type whose CarryxlError becomes argparse's one-line error (argparse names
    the argument, ``argument --spot:``; the message adds the rule and the text)."""

    def parse(text: str) -> Any:
        try:
            return read(text)
        except CarryxlError as error:
            raise argparse.ArgumentTypeError(error.rule_and_value) from None

    parse.__name__ = name
    return parse


def number(
    argument: str, *, above: float | None = None, at_least: float | None = None
) -> Callable[[str], float]:
    """A finite number; ``above=0`` refuses 0 and below, ``at_least=0`` refuses below 0."""
    return _typed(
        "number", lambda text: number_from_text(text, argument, above=above, at_least=at_least)
    )


def count(argument: str, *, at_least: int = 1) -> Callable[[str], int]:
    """A whole number >= ``at_least``."""
    rule = f"must be a whole number >= {at_least}"

    def read(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise CarryxlError(argument, text, rule) from None
        if value < at_least:
            raise CarryxlError(argument, text, rule)
        return value

    return _typed("count", read)


def rate(
    argument: str, *, at_least: float | None = None, below: float | None = None
) -> Callable[[str], float]:
    """A rate: ``4.5%``, ``0.045`` or ``2bp``; a bare number above 1 (``2``) is refused;
    ``at_least=0`` refuses a negative one (a cost), ``below=1`` one of 100% or more."""
    return _typed(
        "rate", lambda text: rate_from_text(text, argument, at_least=at_least, below=below)
    )


def pair(argument: str) -> Callable[[str], Pair]:
    """A currency pair: ``AUD/JPY``, ``AUDJPY`` or ``aud-jpy``."""
    return _typed("pair", lambda text: Pair.parse(text, argument))


def currency(argument: str) -> Callable[[str], Currency]:
    """A currency code carryxl knows: ``JPY`` (case and spaces free)."""
    return _typed("currency", lambda text: Currency.parse(text, argument))


def currency_list(argument: str) -> Callable[[str], tuple[Currency, ...]]:
    """Comma-separated currency codes (``AUD,JPY,USD``), each read as :func:`currency`."""
    one = currency(argument)
    return _typed(
        "currencies", lambda text: tuple(one(part) for part in text.split(",") if part.strip())
    )


def date(argument: str) -> Callable[[str], np.datetime64]:
    """A date ``YYYY-MM-DD`` as a ``datetime64[D]``, read by the core's one date parser."""
    return _typed("date", lambda text: parse_date(argument, text))


def date_list(argument: str) -> Callable[[str], tuple[np.datetime64, ...]]:
    """Comma-separated dates (``2025-01-07,2025-01-08``) as ``datetime64[D]`` values."""

    def read(text: str) -> tuple[np.datetime64, ...]:
        days = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        return tuple(parse_date(argument, day) for day in days)

    return _typed("dates", read)


def target_file(argument: str, path: str | Path, suffixes: Sequence[str], force: bool) -> Path:
    """``path`` if the command may write there: refused (CarryxlError) when it has another
    extension, is a folder, sits in a folder that does not exist, exists without ``force``,
    or is marked read-only.
    """
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        raise CarryxlError(argument, str(path), f"must end in {' or '.join(suffixes)}")
    if target.is_dir():
        raise CarryxlError(argument, str(path), "is a folder; give a file name")
    if not target.parent.is_dir():
        raise CarryxlError(argument, str(path), "is in a folder that does not exist")
    if target.exists() and not force:
        raise CarryxlError(argument, str(path), "exists; use --force to overwrite it")
    if read_only(target):
        raise CarryxlError(argument, str(path), "is read-only; carryxl does not replace it")
    return target


def add_funding_argument(p: argparse._ActionsContainer) -> None:
    """``--funding``, required: the borrowed currency of a carry trade."""
    p.add_argument(
        "--funding",
        required=True,
        type=currency("funding"),
        help="the borrowed currency, one of the pair's",
    )


def add_lot_size_argument(p: argparse._ActionsContainer) -> None:
    """``--lot-size``: base units a lot (default :data:`~carryxl.core.defaults.LOT_SIZE`)."""
    p.add_argument(
        "--lot-size", type=number("lot_size", above=0), default=LOT_SIZE, help="base units a lot"
    )


def add_json_argument(p: argparse._ActionsContainer) -> None:
    """``--json``: print the result as JSON instead of the text report."""
    p.add_argument("--json", action="store_true", help="print JSON for machines")
