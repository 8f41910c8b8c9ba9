"""MT4 statements written by the tests (English UTF-8, Chinese GB2312): partial closes,
taxes, cancelled pending orders, archive pseudo-trades, metals, and OANDA-style financing
rows attributed to the positions open when they were booked."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carryxl.statements import AssetClass, Platform, analyse, read_statement
from tests.statements.writers import (
    MT4_CHINESE,
    MT4_ENGLISH,
    Mt4Words,
    mt4_balance,
    mt4_cancelled,
    mt4_html,
    mt4_trade,
)

# 1002 EURUSD long 1.00: taxes -1.50; value Wed 08 -> Mon 13 = 5 nights.
# 1003/1005: one USDJPY short of 1.00 lot closed in two parts (0.40 on Tue 07, the 0.60
# remainder, ticket 1005, on Wed 08): nights 1 and 2.
# Positions' sum: commission -14.50, taxes -1.50, swap -26.00, profit 965.26 = 923.26;
# with the archive row's 123.45 the Closed Trade P/L is 1,046.71.
ROWS = (
    mt4_balance("1001", "2025.01.02 09:00:00", "Deposit", "10 000.00"),
    mt4_trade(
        "1002|2025.01.06 10:00:00|buy|1.00|eurusd|1.03000|"
        "2025.01.09 10:00:00|1.03500|-7.00|-1.50|-9.00|500.00",
    ),
    mt4_trade(
        "1003|2025.01.06 12:00:00|sell|0.40|usdjpy.m|158.000|"
        "2025.01.07 12:00:00|157.000|-2.80|0.00|-4.00|254.78",
        comment="to #1005",
    ),
    mt4_cancelled("1004|2025.01.06 13:00:00|buy limit|1.00|gbpusd|1.20000"),
    mt4_trade(
        "1005|2025.01.06 12:00:00|sell|0.60|usdjpy.m|158.000|"
        "2025.01.08 12:00:00|157.500|-4.20|0.00|-12.00|190.48",
        comment="from #1003",
    ),
    mt4_trade(
        "1006|2024.12.31 00:00:00|buy|0.01|profit|0.00|"
        "2024.12.31 00:00:00|0.00|0.00|0.00|0.00|123.45",
    ),
    mt4_trade(
        "1007|2025.01.07 09:00:00|buy|0.10|XAUUSD|2650.00|"
        "2025.01.10 09:00:00|2652.00|-0.50|0.00|-1.00|20.00",
    ),
)
OPEN_ROWS = (
    mt4_trade(
        "1010|2025.01.17 09:00:00|buy|0.10|eurusd|1.02000||1.02100|0.00|0.00|0.00|10.00",
    ),
)


def _write(tmp_path: Path, words: Mt4Words, charset: str) -> Path:
    text = mt4_html(
        ROWS,
        closed_trade_pl="1 046.71",
        words=words,
        open_rows=OPEN_ROWS,
        charset=charset,
        details=True,  # a DetailedStatement's statistics follow the Summary
    )
    path = tmp_path / "Statement.htm"
    path.write_bytes(text.encode(charset))
    return path


@pytest.mark.parametrize(
    ("words", "charset"), [(MT4_ENGLISH, "utf-8"), (MT4_CHINESE, "gb2312")], ids=["en", "zh"]
)
def test_an_mt4_statement_reads_back(tmp_path: Path, words: Mt4Words, charset: str) -> None:
    s = read_statement(_write(tmp_path, words, charset))
    assert s.account.platform is Platform.MT4
    assert (s.account.number, s.account.holder) == ("7654321", "Holder Name")
    assert s.account.currency == "USD"
    assert [p.ticket for p in s.positions] == ["1002", "1003", "1005", "1007"]
    assert [p.pair for p in s.positions] == ["EUR/USD", "USD/JPY", "USD/JPY", None]
    assert s.positions[3].asset_class is AssetClass.METAL
    assert [p.side for p in s.positions] == [1, -1, -1, 1]
    assert [p.lots for p in s.positions] == [1.0, 0.4, 0.6, 0.1]
    assert [p.fee for p in s.positions] == [-1.5, 0.0, 0.0, 0.0]
    assert [p.swap for p in s.positions] == [-9.0, -4.0, -12.0, -1.0]
    assert [p.comment for p in s.positions[1:3]] == ["to #1005", "from #1003"]
    assert s.positions[2].open_time == np.datetime64("2025-01-06T12:00:00")
    assert [x.split(" ")[0] for x in s.skipped] == ["1004", "1006"]
    assert s.archived_profit == 123.45
    assert s.open_positions == 1
    assert s.net_profit == 1046.71
    net = sum(p.commission + p.fee + p.swap + p.profit for p in s.positions)
    assert net + s.archived_profit == pytest.approx(1046.71)
    a = analyse(s)
    assert [r.nights for r in a.positions] == [5, 1, 2, None]
    # the two parts of one short: -4.00 / 1 / 0.4 and -12.00 / 2 / 0.6 = -10 USD a lot a
    # night each, x 157.000 and 157.500 (USD is the base: the close price) in JPY
    per = [r.swap_per_lot_night_quote for r in a.positions[1:3]]
    assert per == [pytest.approx(-1570.0), pytest.approx(-1575.0)]


# OANDA: swap 0 on every trade; financing booked as balance rows.
# 2001 EURUSD long 1.00 Mon 06 10:00 -> Thu 09 10:00; 2002 USDJPY short 3.00 Tue 07 10:00 ->
# Thu 09 10:00. Financing: Mon 06 22:00 -1.00 (only 2001 open); Tue 07 22:00 -2.00 (both,
# 1:3 by lots: -0.50, -1.50); Wed 08 22:00 "Financing USD/JPY" -6.00 (2002 only); Sun 12
# 22:00 -0.70 (nothing open: unattributed). So 2001 -1.50 and 2002 -7.50.
FINANCED = (
    mt4_trade(
        "2001|2025.01.06 10:00:00|buy|1.00|EUR/USD|1.03000|"
        "2025.01.09 10:00:00|1.03500|0.00|0.00|0.00|500.00",
    ),
    mt4_trade(
        "2002|2025.01.07 10:00:00|sell|3.00|USD/JPY|158.000|"
        "2025.01.09 10:00:00|157.843|0.00|0.00|0.00|300.00",
    ),
    mt4_balance("2003", "2025.01.06 22:00:00", "Financing", "-1.00"),
    mt4_balance("2004", "2025.01.07 22:00:00", "Financing", "-2.00"),
    mt4_balance("2005", "2025.01.08 22:00:00", "Financing USD/JPY", "-6.00"),
    mt4_balance("2006", "2025.01.12 22:00:00", "Financing", "-0.70"),
)


def test_financing_rows_are_attributed_to_open_positions(tmp_path: Path) -> None:
    path = tmp_path / "oanda.htm"
    path.write_text(mt4_html(FINANCED, closed_trade_pl="800.00"), encoding="utf-8")
    s = read_statement(path)
    assert [p.swap for p in s.positions] == [0.0, 0.0]
    assert [p.financing for p in s.positions] == [pytest.approx(-1.5), pytest.approx(-7.5)]
    assert s.unattributed_financing == pytest.approx(-0.7)
    assert len(s.financing) == 4
    a = analyse(s)
    # 2001: value Wed 08 -> Mon 13 = 5 nights; -1.50 / 5 / 1 lot = -0.30 USD a lot a night.
    assert a.positions[0].swap_per_lot_night_quote == pytest.approx(-0.30)
    assert a.account.swap == pytest.approx(-9.0)


def test_a_statement_without_a_summary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.htm"
    path.write_text(mt4_html(ROWS, closed_trade_pl="0", drop_summary=True), encoding="utf-8")
    with pytest.raises(ValueError, match="not a complete MetaTrader 4 statement: no Summary"):
        read_statement(path)
