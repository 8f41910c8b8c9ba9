"""The Policy rates button: the latest BIS policy rates into a workbook's Rates sheet.

Each currency of ``in_rates_currency`` gets the level ``carryxl rates CCY --date D`` gives
for the data's last date D, that date and the source; a currency whose series ends
earlier keeps its last level, marked "last known level, stale since D"; one with no level
then (a gap) or not in the data gets no rate and says why. The note above the table
(``in_rates_note``) cites the source and its as-of date. The ranges are carryxl's own
(a template generates its examples with their fingerprints), so a rate the user typed
stops the macro before anything changes; a run that would change nothing writes nothing.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.errors import CarryxlError
from carryxl.history.policy import GAP, SOURCE, STALE, PolicyRates, stale_note
from carryxl.history.store import policy_rates
from carryxl.macros.book import Book, Grid
from carryxl.macros.contract import (
    IN_RATES_CURRENCY,
    IN_RATES_NOTE,
    IN_RATES_POLICY,
    IN_RATES_POLICY_DATE,
    IN_RATES_POLICY_SOURCE,
)
from carryxl.macros.ownership import Write, apply_writes, holds

__all__ = ["fill_policy_rates", "policy_rate_rows"]


def _row(data: PolicyRates, code: object, day: np.datetime64, date: dt.datetime) -> list[object]:
    """[rate as a decimal or None, the date it is for, its source or why there is none]."""
    if code is None or str(code).strip() == "":
        return [None, None, None]
    try:
        currency = Currency.parse(str(code).strip(), IN_RATES_CURRENCY)
    except CarryxlError:
        return [None, None, "not a currency code carryxl knows; type a rate by hand"]
    if currency not in data.series:
        return [None, None, f"no {currency} in the BIS data; type a rate by hand"]
    value, status = data.read(currency, day, IN_RATES_CURRENCY)
    answer = int(status)
    if answer == STALE:
        return [float(value), date, f"{SOURCE}; {stale_note(data.series[currency].end)}"]
    if answer >= GAP:
        return [None, date, f"{SOURCE}: {data.refusal(currency, day, answer)}"]
    return [float(value), date, SOURCE]


def policy_rate_rows(data: PolicyRates, currencies: Grid) -> dict[str, Grid]:
    """What the button writes, by range: each currency's level on the data's last date, that
    date and its source, and the note citing the source and its as-of date."""
    day = data.as_of
    date = dt.datetime.combine(day.astype(dt.date), dt.time())
    rows = [_row(data, row[0] if row else None, day, date) for row in currencies]
    note = (
        f"Policy rates: {data.citation}: each currency's level on {day} (carryxl's Policy "
        "rates button). The broker rates are not from BIS."
    )
    return {
        IN_RATES_NOTE: [[note]],
        IN_RATES_POLICY: [[r[0]] for r in rows],
        IN_RATES_POLICY_DATE: [[r[1]] for r in rows],
        IN_RATES_POLICY_SOURCE: [[r[2]] for r in rows],
    }


def fill_policy_rates(book: Book) -> None:
    """Fill the Rates sheet's policy rates with the latest levels of the user's BIS data."""
    data = policy_rates(IN_RATES_POLICY)
    book.progress(f"Policy rates: {data.citation}")
    currencies = book.read(IN_RATES_CURRENCY)
    fill = policy_rate_rows(data, currencies)
    writes = [Write(name, rows) for name, rows in fill.items()]
    marked = [
        f"{code[0]}: {source[0]}"
        for code, source in zip(currencies, fill[IN_RATES_POLICY_SOURCE], strict=True)
        if source[0] and source[0] != SOURCE
    ]
    if all(book.has_name(w.name) for w in writes) and all(holds(book, w) for w in writes):
        book.notify(f"policy rates already up to date: {data.citation}")
        return
    apply_writes(book, writes)
    filled = sum(r[0] is not None for r in fill[IN_RATES_POLICY])
    book.notify(
        f"policy rates of {filled} currencies, {data.citation}"
        + "".join(f"\n  {text}" for text in marked)
    )
