"""The two real MT5 reports of ../shared/data/statements (MIT; see its README): every
position equals the file's own row (read here independently, with openpyxl and lxml
directly), the totals equal the file's Results block, and the nights follow the broker's
rollovers."""

from __future__ import annotations

import statistics
import warnings
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]
import openpyxl
import pytest

from carryxl.statements import Statement, analyse, read_statement
from tests.reference import shared_file

pytestmark = pytest.mark.reference


def _darwinex() -> Path:
    return shared_file("data", "statements", "mt5_darwinex_demo_ReportHistory.xlsx")


def _metaquotes() -> Path:
    return shared_file("data", "statements", "mt5_metaquotes_demo_ReportHistory.html")


def _xlsx_rows(path: Path) -> list[tuple[object, ...]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, data_only=True)
    return [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def _money(statement: Statement) -> list[tuple[str, float, float, float]]:
    return [(p.ticket, p.commission, p.swap, p.profit) for p in statement.positions]


def test_darwinex_positions_equal_the_files_rows() -> None:
    rows = _xlsx_rows(_darwinex())
    titles = [i for i, r in enumerate(rows) if r[0] == "Positions" or r[0] == "Orders"]
    own = [r for r in rows[titles[0] + 2 : titles[1]] if r[0]]
    s = read_statement(_darwinex())
    assert len(s.positions) == len(own) == 238
    assert _money(s) == [(str(r[1]), r[10], r[11], r[12]) for r in own]
    assert [p.symbol for p in s.positions] == [r[2] for r in own]
    assert [p.lots for p in s.positions] == [float(str(r[4])) for r in own]


def test_darwinex_totals_equal_the_results_block() -> None:
    rows = _xlsx_rows(_darwinex())
    results = next(i for i, r in enumerate(rows) if r[0] == "Results")
    total_net_profit = rows[results + 1][3]
    assert total_net_profit == -1598.66
    s = read_statement(_darwinex())
    assert s.net_profit == total_net_profit
    assert s.deals_net == pytest.approx(total_net_profit, abs=1e-6)
    # The closed positions' money plus the entry commissions of the positions still open
    # (their "in" deals, whose Order is the open position's number) is the net profit.
    opens = next(i for i, r in enumerate(rows) if r[0] == "Open Positions")
    still_open = {r[1] for r in rows[opens + 2 :] if r[0] and str(r[0])[:2] == "20"}
    deals = next(i for i, r in enumerate(rows) if r[0] == "Deals")
    entry = sum(r[8] for r in rows[deals + 2 : opens] if r[7] in still_open)  # type: ignore[misc]
    assert s.open_positions == len(still_open) == 4
    closed = sum(p.commission + p.swap + p.profit for p in s.positions)
    assert closed + entry == pytest.approx(total_net_profit, abs=1e-6)


def test_darwinex_nights_follow_the_brokers_rollovers() -> None:
    a = analyse(read_statement(_darwinex()))
    fx = [r for r in a.positions if r.position.pair is not None]
    # every swap the broker booked on an FX position falls on a position held overnight
    assert [r.position.ticket for r in fx if r.position.swap and not r.nights] == []
    usdjpy = [r for r in fx if r.position.pair == "USD/JPY" and r.nights]
    assert len(usdjpy) == 52

    # in USD a lot a night (the quote's JPY at the close): longs earned 3-5, shorts paid 12-14
    def usd(side: int) -> float:
        return statistics.median(
            r.swap_per_lot_night_quote / r.position.close_price  # type: ignore[operator]
            for r in usdjpy
            if r.position.side == side and r.swap_per_lot_night_quote is not None
        )

    assert 3.0 <= usd(1) <= 5.0
    assert -14.0 <= usd(-1) <= -12.0
    # metals and CFDs are reported apart, never priced as FX
    assert {g.name for g in a.others} == {"XAUUSD", "SP500", "XTIUSD"}


def _html_positions(path: Path) -> list[list[str]]:
    document = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    found = []
    for tr in document.iter("tr"):
        cells = tr.findall("td")
        if any(c.get("class") == "hidden" and c.get("colspan") == "8" for c in cells):
            found.append([c.text_content().strip() for c in cells if c.get("class") != "hidden"])
    return found


def test_metaquotes_positions_and_results() -> None:
    own = _html_positions(_metaquotes())
    s = read_statement(_metaquotes())
    assert (s.account.currency, s.account.margin_mode) == ("EUR", "hedging")
    assert len(s.positions) == len(own) == 658
    expected = [
        (
            r[1],
            float(r[10].replace(" ", "")),
            float(r[11].replace(" ", "")),
            float(r[12].replace(" ", "")),
        )
        for r in own
    ]
    assert _money(s) == expected
    text = _metaquotes().read_text(encoding="utf-8")
    assert "<b>-50.84</b>" in text  # the Results block's Total Net Profit
    assert s.net_profit == -50.84
    assert s.deals_net == pytest.approx(-50.84, abs=1e-6)
    assert sum(p.commission + p.swap + p.profit for p in s.positions) == pytest.approx(-50.84)
    swapped = [p for p in s.positions if p.swap]
    assert len(swapped) == 17
    nights = {r.position.ticket: r.nights for r in analyse(s).positions}
    assert all(nights[p.ticket] for p in swapped)
