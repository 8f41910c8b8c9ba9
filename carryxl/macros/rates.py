"""The Policy rates button: the latest BIS policy rates into a workbook's Rates sheet.

Each currency of ``in_rates_currency`` gets the level ``carryxl rates CCY --date D`` gives
for the data's last date D, that date and the source; a currency whose series ends
earlier keeps its last level, marked "last known level, stale since D"; one with no level
then (a gap) or not in the data gets no rate and says why. The note above the table
(``in_rates_note``) cites the source and its as-of date. The ranges are carryxl's own
(a template generates its examples with their fingerprints), so a rate the user typed
stops the macro before anything changes; a run that would change nothing writes nothing.

Everything it writes is in the workbook's own language: Chinese where the Rates sheet's
title is Chinese (the ``--lang zh`` templates' 利率表), English otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.errors import CarryxlError
from carryxl.history.policy import BEFORE, GAP, SOURCE, STALE, PolicyRates, stale_note
from carryxl.history.store import as_of_words, citation, policy_rates
from carryxl.macros.book import Book, Grid
from carryxl.macros.contract import (
    IN_RATES_CURRENCY,
    IN_RATES_NOTE,
    IN_RATES_POLICY,
    IN_RATES_POLICY_DATE,
    IN_RATES_POLICY_SOURCE,
)
from carryxl.macros.inputs import currency_of
from carryxl.macros.language import sheet_language
from carryxl.macros.ownership import Write, apply_writes, holds

__all__ = [
    "CHINESE",
    "ENGLISH",
    "SOURCE_ZH",
    "Words",
    "fill_policy_rates",
    "policy_rate_rows",
    "words_for",
]

SOURCE_ZH = "国际清算银行（BIS）央行政策利率（WS_CBPOL）"


@dataclass(frozen=True)
class Words:
    """What the button writes, in one language."""

    lang: str
    source: str

    def stale(self, last: np.datetime64) -> str:
        """A level after the data's last date."""
        if self.lang == "zh":
            return f"最后已知水平，自 {last} 起未更新"
        return stale_note(last)

    def refusal(self, data: PolicyRates, code: Currency, day: np.datetime64, status: int) -> str:
        """Why a day has no rate."""
        if self.lang != "zh":
            return data.refusal(code, day, status)
        series = data.series[code]
        if status == BEFORE:
            return f"BIS 的 {code} 政策利率数据始于 {series.start}"
        for first, last in series.gaps():
            if first <= day <= last:
                return f"BIS 未公布 {code} 在 {first} 至 {last} 的政策利率"
        return f"BIS 未公布 {code} 在 {series.end} 之后的政策利率"

    def missing(self, code: Currency) -> str:
        if self.lang == "zh":
            return f"BIS 数据中没有 {code}；请手动输入利率"
        return f"no {code} in the BIS data; type a rate by hand"

    def unknown(self, text: object) -> str:
        """The cell's text quoted once (written as text, never a formula)."""
        if self.lang == "zh":
            return f"{text}：不是 carryxl 认识的货币代码；请手动输入利率"
        return f"{text}: not a currency code carryxl knows; type a rate by hand"

    def note(self, data: PolicyRates, day: np.datetime64) -> str:
        """The note above the table, citing the source and its as-of date."""
        if self.lang == "zh":
            return (
                f"政策利率：来源：{self.source}，{as_of_words(data.as_of, 'zh')}："
                f"各货币在 {day} 的水平（carryxl 的“政策利率”按钮）。券商利率并非来自 BIS。"
            )
        return (
            f"Policy rates: {citation(data)}: each currency's level on {day} (carryxl's Policy "
            "rates button). The broker rates are not from BIS."
        )


ENGLISH = Words("en", SOURCE)
CHINESE = Words("zh", SOURCE_ZH)


def words_for(sheet_title: str) -> Words:
    """The workbook's language, read from its Rates sheet's title (利率表: Chinese)."""
    return CHINESE if sheet_language(sheet_title) == "zh" else ENGLISH


def _row(
    data: PolicyRates, code: object, day: np.datetime64, date: dt.datetime, words: Words
) -> list[object]:
    """[rate as a decimal or None, the date it is for, its source or why there is none]."""
    if code is None or str(code).strip() == "":
        return [None, None, None]
    try:
        currency = currency_of(str(code).strip(), IN_RATES_CURRENCY)
    except CarryxlError:
        return [None, None, words.unknown(code)]
    if currency not in data.series:
        return [None, None, words.missing(currency)]
    value, status = data.read(currency, day, IN_RATES_CURRENCY)
    answer = int(status)
    source = words.source
    if answer == STALE:
        return [float(value), date, f"{source}; {words.stale(data.series[currency].end)}"]
    if answer >= GAP:
        return [None, date, f"{source}: {words.refusal(data, currency, day, answer)}"]
    return [float(value), date, source]


def policy_rate_rows(
    data: PolicyRates, currencies: Grid, words: Words = ENGLISH
) -> dict[str, Grid]:
    """What the button writes, by range: each currency's level on the data's last date, that
    date and its source, and the note citing the source and its as-of date, in ``words``'
    language."""
    day = data.as_of
    date = dt.datetime.combine(day.astype(dt.date), dt.time())
    rows = [_row(data, row[0] if row else None, day, date, words) for row in currencies]
    note = words.note(data, day)
    return {
        IN_RATES_NOTE: [[note]],
        IN_RATES_POLICY: [[r[0]] for r in rows],
        IN_RATES_POLICY_DATE: [[r[1]] for r in rows],
        IN_RATES_POLICY_SOURCE: [[r[2]] for r in rows],
    }


def fill_policy_rates(book: Book) -> None:
    """Fill the Rates sheet's policy rates with the latest levels of the user's BIS data."""
    data = policy_rates(IN_RATES_POLICY)
    book.progress(f"Policy rates: {citation(data)}")
    currencies = book.read(IN_RATES_CURRENCY)
    words = words_for(book.sheet_of(IN_RATES_CURRENCY))
    fill = policy_rate_rows(data, currencies, words)
    writes = [Write(name, rows) for name, rows in fill.items()]
    marked = [  # the code once: an unknown code's message already starts with it
        str(source[0]) if str(source[0]).startswith(f"{code[0]}") else f"{code[0]}: {source[0]}"
        for code, source in zip(currencies, fill[IN_RATES_POLICY_SOURCE], strict=True)
        if source[0] and source[0] != words.source
    ]
    if all(book.has_name(w.name) for w in writes) and all(holds(book, w) for w in writes):
        book.notify(f"policy rates already up to date: {citation(data)}")
        return
    apply_writes(book, writes)
    filled = sum(r[0] is not None for r in fill[IN_RATES_POLICY])
    book.notify(
        f"policy rates of {filled} currencies, {citation(data)}"
        + "".join(f"\n  {text}" for text in marked)
    )
