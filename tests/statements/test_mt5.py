"""MT5 reports written by the tests (HTML in UTF-16LE/CRLF and UTF-8, XLSX; English,
Chinese and Japanese terminals; hedging, netting and a JPY account) read back to the rows
the tests wrote."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carryxl.statements import AssetClass, Platform, read_statement
from tests.statements.scenarios import jpy_report, netting_report, usd_report
from tests.statements.writers import (
    CHINESE,
    ENGLISH,
    JAPANESE,
    SLOVAK,
    Words,
    mt5_html,
    mt5_xlsx,
    write_terminal_html,
)


def _write(tmp_path: Path, form: str, words: Words) -> Path:
    report = usd_report(words)
    if form == "terminal html":
        return write_terminal_html(tmp_path / "ReportHistory.html", mt5_html(report))
    if form == "utf-8 html":
        path = tmp_path / "ReportHistory.html"
        path.write_text(mt5_html(report), encoding="utf-8")
        return path
    return mt5_xlsx(report, tmp_path / "ReportHistory.xlsx")


FORMS = ("terminal html", "utf-8 html", "xlsx")
LANGUAGES = {"en": ENGLISH, "zh": CHINESE, "ja": JAPANESE, "sk": SLOVAK}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_usd_report_reads_back_row_for_row(tmp_path: Path, form: str, lang: str) -> None:
    s = read_statement(_write(tmp_path, form, LANGUAGES[lang]))
    assert s.account.platform is Platform.MT5
    assert (s.account.number, s.account.holder) == ("1234567", "Holder Name")
    assert (s.account.currency, s.account.server, s.account.kind) == ("USD", "Demo-Server", "demo")
    assert s.account.margin_mode == "hedging"
    assert [p.ticket for p in s.positions] == ["101", "102", "103", "104", "105", "106"]
    assert [p.pair for p in s.positions] == ["USD/JPY", "AUD/JPY", None, "EUR/USD", "GBP/USD", None]
    fx, metal, cfd = AssetClass.FX, AssetClass.METAL, AssetClass.CFD
    assert [p.asset_class for p in s.positions] == [fx, fx, metal, fx, fx, cfd]
    assert [p.side for p in s.positions] == [1, -1, 1, -1, 1, 1]
    assert [p.lots for p in s.positions] == [0.5, 1.0, 0.1, 0.3, 0.2, 1.0]
    assert [p.swap for p in s.positions] == [15.75, -6.0, -1.2, -0.9, 0.0, -2.0]
    assert [p.commission for p in s.positions] == [-3.5, -7.0, -0.5, -2.1, -1.4, 0.0]
    assert [p.profit for p in s.positions] == [158.23, 63.69, 100.0, 30.0, 100.0, -1250.5]
    assert s.positions[2].open_price == 2650.0  # "2 650.00": a space between thousands
    assert s.positions[1].open_time == np.datetime64("2025-01-08T23:30:00")
    assert s.positions[0].close_time == np.datetime64("2025-01-13T09:00:00")
    assert s.open_positions == 1
    assert s.net_profit == -808.43
    assert s.deals_net == pytest.approx(-808.43, abs=1e-9)


def test_the_terminal_bytes_are_utf16_with_bom_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path, "terminal html", ENGLISH)
    data = path.read_bytes()
    assert data[:2] == b"\xff\xfe"
    assert "\r\n".encode("utf-16-le") in data
    assert read_statement(path).layout == "MT5 HTML (UTF-16LE)"


@pytest.mark.parametrize("form", ["terminal html", "xlsx"])
def test_a_netting_account_is_rebuilt_from_its_deals(tmp_path: Path, form: str) -> None:
    report = netting_report()
    if form == "xlsx":
        path = mt5_xlsx(report, tmp_path / "n.xlsx")
    else:
        path = write_terminal_html(tmp_path / "n.html", mt5_html(report))
    s = read_statement(path)
    assert s.account.margin_mode == "netting"
    assert s.account.kind == "real"
    eurusd, short, long = s.positions
    # EURUSD: two buys of 1.00 (1.0300, 1.0400) closed by one sell of 2.00 at 1.0500.
    assert (eurusd.pair, eurusd.side, eurusd.lots) == ("EUR/USD", 1, 2.0)
    assert eurusd.open_price == pytest.approx((1.03 + 1.04) / 2)
    assert eurusd.close_price == pytest.approx(1.05)
    assert (eurusd.commission, eurusd.swap, eurusd.profit) == (-12.0, -4.0, 3000.0)
    assert eurusd.open_time == np.datetime64("2025-01-06T10:00:00")
    assert eurusd.close_time == np.datetime64("2025-01-08T10:00:00")
    # USDJPY: the 3.00 buy closes the 1.00 short and opens a 2.00 long at 157.000; the
    # crossing deal's commission and swap are booked to the position it closes.
    assert (short.side, short.lots, short.open_price, short.close_price) == (-1, 1.0, 158.0, 157.0)
    assert (short.commission, short.swap, short.profit) == (-8.0, -2.5, 636.94)
    assert (long.side, long.lots, long.open_price, long.close_price) == (1, 2.0, 157.0, 157.5)
    assert (long.commission, long.swap, long.profit) == (-4.0, 6.0, 634.92)
    assert long.open_time == np.datetime64("2025-01-10T10:00:00")
    assert s.open_positions == 0
    assert s.net_profit == 4247.36
    total = sum(p.commission + p.swap + p.profit for p in s.positions)
    assert total == pytest.approx(4247.36)


def test_a_jpy_account(tmp_path: Path) -> None:
    path = tmp_path / "jpy.html"
    path.write_text(mt5_html(jpy_report()), encoding="utf-8")
    s = read_statement(path)
    assert s.account.currency == "JPY"
    assert [p.swap for p in s.positions] == [-5000.0, -1100.0]
    assert [p.profit for p in s.positions] == [-50000.0, 15700.0]
    assert s.net_profit == -41800.0


def test_an_older_report_without_the_fee_column(tmp_path: Path) -> None:
    words = Words(
        labels=ENGLISH.labels,
        titles=ENGLISH.titles,
        positions=ENGLISH.positions,
        orders=ENGLISH.orders,
        deals=tuple(c for c in ENGLISH.deals if c != "Fee"),
        open_positions=ENGLISH.open_positions,
        results=ENGLISH.results,
    )
    text = mt5_html(usd_report(words))
    # drop the Fee cell of every deal row as such a terminal writes them
    text = "\n".join(
        line.replace("<td nowrap>0.00</td>", "", 1)
        if '<td nowrap class="hidden">' in line
        else line
        for line in text.splitlines()
    )
    path = tmp_path / "old.html"
    path.write_text(text, encoding="utf-8")
    s = read_statement(path)
    assert s.deals_net == pytest.approx(-808.43)
    assert [p.swap for p in s.positions] == [15.75, -6.0, -1.2, -0.9, 0.0, -2.0]
