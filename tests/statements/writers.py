"""Statements written by the tests, in the layouts MetaTrader writes (HTML for MT5 and MT4,
XLSX for MT5), in several languages and encodings. Every figure in them is given by the
test that writes them; nothing here computes an answer."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl


def _cols(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


@dataclass(frozen=True)
class Words:
    """A terminal's language: section titles, column headers and header labels."""

    labels: tuple[str, str, str, str]  # Name, Account, Company, Date
    titles: tuple[str, ...]  # Positions, Orders, Deals, Open Positions, Results
    positions: tuple[str, ...]
    orders: tuple[str, ...]
    deals: tuple[str, ...]
    open_positions: tuple[str, ...]
    results: tuple[str, ...]  # Total Net Profit, Gross Profit


ENGLISH = Words(
    labels=("Name:", "Account:", "Company:", "Date:"),
    titles=("Positions", "Orders", "Deals", "Open Positions", "Results"),
    positions=_cols(
        "Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Time|Price|Commission|Swap|Profit"
    ),
    orders=_cols("Open Time|Order|Symbol|Type|Volume|Price|S / L|T / P|Time|State|Comment"),
    deals=_cols(
        "Time|Deal|Symbol|Type|Direction|Volume|Price|Order|Commission|Fee|Swap|Profit|Balance|"
        "Comment"
    ),
    open_positions=_cols(
        "Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Market Price|Swap|Profit|Comment"
    ),
    results=("Total Net Profit:", "Gross Profit:"),
)

CHINESE = Words(
    labels=("名称:", "账户:", "公司:", "日期:"),
    titles=("持仓", "订单", "成交", "未平仓持仓", "结果"),
    positions=_cols("时间|持仓|交易品种|类型|交易量|价格|止损|止盈|时间|价格|手续费|库存费|利润"),
    orders=_cols("开仓时间|订单|交易品种|类型|交易量|价格|止损|止盈|时间|状态|注释"),
    deals=_cols("时间|成交|交易品种|类型|方向|交易量|价格|订单|手续费|费用|库存费|利润|余额|注释"),
    open_positions=_cols("时间|持仓|交易品种|类型|交易量|价格|止损|止盈|市场价格|库存费|利润|注释"),
    results=("总净盈利:", "毛利:"),
)

JAPANESE = Words(
    labels=("名前:", "口座:", "会社:", "日付:"),
    titles=("ポジション", "注文", "約定", "保有ポジション", "結果"),
    positions=_cols(
        "時間|ポジション|銘柄|タイプ|数量|価格|決済逆指値|決済指値|時間|価格|手数料|スワップ|損益"
    ),
    orders=_cols("発注時間|注文|銘柄|タイプ|数量|価格|決済逆指値|決済指値|時間|状態|コメント"),
    deals=_cols(
        "時間|約定|銘柄|タイプ|方向|数量|価格|注文|手数料|費用|スワップ|損益|残高|コメント"
    ),
    open_positions=_cols(
        "時間|ポジション|銘柄|タイプ|数量|価格|決済逆指値|決済指値|市場価格|スワップ|損益|コメント"
    ),
    results=("純損益:", "総利益:"),
)


SLOVAK = Words(
    labels=("Meno:", "Účet:", "Spoločnosť:", "Dátum:"),
    titles=("Pozície", "Príkazy", "Obchody", "Otvorené pozície", "Výsledky"),
    positions=_cols("Čas|Pozícia|Symbol|Typ|Objem|Cena|S / L|T / P|Čas|Cena|Provízia|Swap|Zisk"),
    orders=_cols("Čas otvorenia|Príkaz|Symbol|Typ|Objem|Cena|S / L|T / P|Čas|Stav|Komentár"),
    deals=_cols(
        "Čas|Obchod|Symbol|Typ|Smer|Objem|Cena|Príkaz|Provízia|Poplatok|Swap|Zisk|Zostatok|Komentár"
    ),
    open_positions=_cols(
        "Čas|Pozícia|Symbol|Typ|Objem|Cena|S / L|T / P|Trhová cena|Swap|Zisk|Komentár"
    ),
    results=("Celkový čistý zisk:", "Hrubý zisk:"),
)


@dataclass(frozen=True)
class Held:
    """A closed position as the Positions table lists it (text exactly as written)."""

    open_time: str
    ticket: str
    symbol: str
    type: str
    volume: str
    open_price: str
    close_time: str
    close_price: str
    commission: str
    swap: str
    profit: str


@dataclass(frozen=True)
class Deal:
    """A row of the Deals table (text exactly as written)."""

    time: str
    deal: str
    symbol: str
    type: str
    direction: str
    volume: str
    price: str
    order: str
    commission: str
    swap: str
    profit: str
    balance: str
    comment: str = ""
    fee: str = "0.00"


@dataclass(frozen=True)
class Report:
    """An MT5 report: header, positions, deals, open positions and the Results figure."""

    account: str  # e.g. "1234567 (USD, Demo-Server, demo, Hedge)"
    positions: Sequence[Held]
    deals: Sequence[Deal]
    net_profit: str
    name: str = "Holder Name"
    company: str = "Broker Ltd"
    date: str = "2025.01.20 18:00"
    open_positions: Sequence[tuple[str, ...]] = field(default_factory=tuple)
    words: Words = ENGLISH


def _td(value: str, extra: str = "") -> str:
    return f"<td{extra}>{html.escape(value)}</td>"


def mt5_html(report: Report, *, cut_after: str | None = None) -> str:
    """The report as MT5's HTML (hidden comment cell after Type, Profit over two columns,
    thousands written with spaces by the caller). ``cut_after``: stop the text right after
    that section title (a truncated file)."""
    w = report.words
    out = [
        "<html><head><title>Trade History Report</title></head><body><div align=center>",
        '<table cellspacing="1" cellpadding="3" border="0">',
        '<tr align="center"><td colspan="14"><div><b>Trade History Report</b><br></div></td></tr>',
    ]
    values = (report.name, report.account.replace(" ", "&nbsp;"), report.company, report.date)
    for label, value in zip(w.labels, values, strict=True):
        out.append(
            f'<tr align="left"><th colspan="4">{label}</th>'
            f'<th colspan="10"><b>{value}</b></th></tr>'
        )

    def title(text: str) -> None:
        out.append(f'<tr align="center"><th colspan="14"><div><b>{text}</b></div></th></tr>')

    def header(cells: Sequence[str], wide_last: bool = False, hidden_at: int = -1) -> None:
        row = "".join(
            (
                f'<td colspan="2"><b>{c}</b></td>'
                if wide_last and i == len(cells) - 1
                else f"<td><b>{c}</b></td>"
            )
            + ('<td class="hidden"><b>Cost</b></td>' if i == hidden_at else "")
            for i, c in enumerate(cells)
        )
        out.append(f'<tr align="center" bgcolor="#E5F0FC">{row}</tr>')

    title(w.titles[0])
    if cut_after == w.titles[0]:
        return "\n".join(out)
    header(w.positions, wide_last=True)
    for p in report.positions:
        first = (p.open_time, p.ticket, p.symbol, p.type)
        rest = (p.volume, p.open_price, "", "", p.close_time, p.close_price, p.commission, p.swap)
        out.append(
            '<tr bgcolor="#FFFFFF" align="right">'
            + "".join(_td(v) for v in first)
            + '<td class="hidden" colspan="8">200011</td>'
            + "".join(_td(v, ' class=""') for v in rest)
            + _td(p.profit, ' colspan="2"')
            + "</tr>"
        )
    out.append('<tr><td nowrap style="height: 10px"></td></tr>')
    title(w.titles[1])
    header(w.orders)
    title(w.titles[2])
    if cut_after == w.titles[2]:
        return "\n".join(out)
    header(w.deals, hidden_at=7)
    for d in report.deals:
        first = (d.time, d.deal, d.symbol, d.type, d.direction, d.volume, d.price, d.order)
        rest = (d.commission, d.fee, d.swap, d.profit, d.balance, d.comment)
        out.append(
            '<tr bgcolor="#F7F7F7" align="right">'
            + "".join(_td(v, " nowrap") for v in first)
            + '<td nowrap class="hidden"></td>'
            + "".join(_td(v, " nowrap") for v in rest)
            + "</tr>"
        )
    out.append('<tr align="right"><td nowrap colspan="8"></td><td><b>0.00</b></td></tr>')
    title(w.titles[3])
    header(w.open_positions)
    for cells in report.open_positions:
        out.append('<tr align="right">' + "".join(_td(c) for c in cells) + "</tr>")
    out.append(
        '<tr align="right"><td colspan="3">Balance:</td><td colspan="2"><b>1.00</b></td></tr>'
    )
    out.append(f'<tr><td colspan="13" align="center"><div><b>{w.titles[4]}</b></div></td></tr>')
    if cut_after == w.titles[4]:
        return "\n".join(out)
    out.append(
        f'<tr align="right"><td nowrap colspan="3">{w.results[0]}</td>'
        f"<td nowrap><b>{report.net_profit}</b></td>"
        f'<td nowrap colspan="3">{w.results[1]}</td><td nowrap><b>9 999.00</b></td></tr>'
    )
    out.append("</table></div></body></html>")
    return "\n".join(out)


def write_terminal_html(path: Path, text: str) -> Path:
    """As the MT5 terminal writes it: UTF-16LE with a byte-order mark, CRLF line ends."""
    path.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    return path


def _number_or_text(value: str) -> object:
    if not value:
        return None
    try:
        return float(value.replace(" ", ""))
    except ValueError:
        return value


def mt5_xlsx(report: Report, path: Path) -> Path:
    """The report as MT5's XLSX export: one sheet; dates and volumes text, prices and money
    numbers, tickets whole numbers, empty S/L and T/P blank."""
    w = report.words
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Trade History Report"])
    for label, value in zip(
        w.labels, (report.name, report.account, report.company, report.date), strict=True
    ):
        sheet.append([label, None, None, value])
    sheet.append([w.titles[0]])
    sheet.append(list(w.positions))
    for p in report.positions:
        money = [_number_or_text(v) for v in (p.close_price, p.commission, p.swap, p.profit)]
        opened = [p.open_time, int(p.ticket), p.symbol, p.type, p.volume]
        sheet.append([*opened, _number_or_text(p.open_price), None, None, p.close_time, *money])
    sheet.append([w.titles[1]])
    sheet.append([*w.orders[:10], None, w.orders[10]])
    sheet.append([w.titles[2]])
    sheet.append(list(w.deals))
    for d in report.deals:
        opened = [d.time, int(d.deal), d.symbol or None, d.type, d.direction or None]
        traded = [d.volume or None, _number_or_text(d.price), int(d.order) if d.order else None]
        money = [_number_or_text(v) for v in (d.commission, d.fee, d.swap, d.profit, d.balance)]
        sheet.append([*opened, *traded, *money, d.comment or None])
    sheet.append([None] * 8 + ["=SUM(I1:I2)", "=SUM(J1:J2)", "=SUM(K1:K2)"])
    sheet.append([w.titles[3]])
    sheet.append([*w.open_positions[:10], None, *w.open_positions[10:]])
    for cells in report.open_positions:
        sheet.append([_number_or_text(c) if i >= 5 else c for i, c in enumerate(cells)])
    sheet.append(["Balance:", None, None, 1.0])
    sheet.append([w.titles[4]])
    sheet.append(
        [w.results[0], None, None, float(report.net_profit.replace(" ", "")), w.results[1]]
    )
    book.save(path)
    return path


# --- MetaTrader 4 ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mt4Words:
    """An MT4 terminal's language."""

    header: tuple[str, str, str, str]  # Account, Name, Currency, Leverage labels
    titles: tuple[str, str, str, str]  # Closed Transactions, Open Trades, Working Orders, Summary
    columns: tuple[str, ...]
    summary: tuple[str, str, str, str]  # Deposit/Withdrawal, Credit, Closed Trade P/L, Floating


MT4_ENGLISH = Mt4Words(
    header=("Account", "Name", "Currency", "Leverage"),
    titles=("Closed Transactions:", "Open Trades:", "Working Orders:", "Summary:"),
    columns=_cols(
        "Ticket|Open Time|Type|Size|Item|Price|S / L|T / P|Close Time|Price|Commission|Taxes|"
        "Swap|Profit"
    ),
    summary=("Deposit/Withdrawal:", "Credit Facility:", "Closed Trade P/L:", "Floating P/L:"),
)

MT4_CHINESE = Mt4Words(
    header=("账号", "名字", "货币", "杠杆"),
    titles=("平仓交易:", "未平仓交易:", "挂单:", "摘要:"),
    columns=_cols(
        "订单号|开仓时间|类型|手数|商品|价格|止损|止盈|平仓时间|价格|手续费|税金|库存费|盈利"
    ),
    summary=("入金/出金:", "信用:", "平仓盈亏:", "浮动盈亏:"),
)


def mt4_html(
    rows: Sequence[str],
    *,
    closed_trade_pl: str,
    words: Mt4Words = MT4_ENGLISH,
    account: str = "7654321",
    name: str = "Holder Name",
    currency: str = "USD",
    open_rows: Sequence[str] = (),
    charset: str = "utf-8",
    drop_summary: bool = False,
    details: bool = False,
) -> str:
    """An MT4 statement around the given ``<tr>`` rows of Closed Transactions (made with
    :func:`mt4_trade`, :func:`mt4_balance`, :func:`mt4_cancelled`)."""
    a, n, c, lev = words.header
    head = "".join(f"<td>{h}</td>" for h in words.columns)
    out = [
        f'<html><head><meta http-equiv=Content-Type content="text/html; charset={charset}">'
        "<title>Statement</title></head><body>",
        '<div style="font: 20pt Times New Roman"><b>Broker Ltd</b></div><br>',
        "<table cellspacing=1 cellpadding=3 border=0>",
        f"<tr align=left><td colspan=2><b>{a}: {account}</b></td>"
        f"<td colspan=5><b>{n}: {name}</b></td>"
        f"<td colspan=2><b>{c}: {currency}</b></td><td colspan=2><b>{lev}: 1:100</b></td>"
        "<td colspan=3 align=right><b>2025 January 20, 18:00</b></td></tr>",
        f"<tr align=left><td colspan=13><b>{words.titles[0]}</b></td></tr>",
        f'<tr align=center bgcolor="#C0C0C0">{head}</tr>',
        *rows,
        "<tr align=right><td colspan=10>&nbsp;</td><td class=mspt>0.00</td><td class=mspt>0.00</td>"
        "<td class=mspt>0.00</td><td class=mspt>0.00</td></tr>",
        f"<tr align=left><td colspan=13><b>{words.titles[1]}</b></td></tr>",
        f'<tr align=center bgcolor="#C0C0C0">{head}</tr>',
        *open_rows,
        f"<tr align=left><td colspan=13><b>{words.titles[2]}</b></td></tr>",
        f'<tr align=center bgcolor="#C0C0C0">{head}</tr>',
    ]
    if not drop_summary:
        s = words.summary
        out += [
            f"<tr align=left><td colspan=13><b>{words.titles[3]}</b></td></tr>",
            f"<tr align=right><td colspan=2><b>{s[0]}</b></td>"
            "<td colspan=2 class=mspt><b>10 000.00</b></td>"
            f"<td colspan=4><b>{s[1]}</b></td><td colspan=2 class=mspt><b>0.00</b></td></tr>",
            f"<tr align=right><td colspan=2><b>{s[2]}</b></td>"
            f"<td colspan=2 class=mspt><b>{closed_trade_pl}</b></td>"
            f"<td colspan=4><b>{s[3]}</b></td><td colspan=2 class=mspt><b>0.00</b></td></tr>",
        ]
    if details:  # DetailedStatement.htm: the report's statistics after the Summary
        out += [
            "<tr align=left><td colspan=13><b>Details:</b></td></tr>",
            "<tr align=right><td colspan=3>Gross Profit:</td><td class=mspt>5 555.55</td>"
            "<td colspan=3>Gross Loss:</td><td class=mspt>-1 111.11</td></tr>",
            "<tr align=right><td colspan=3>Total Net Profit:</td><td class=mspt>4 444.44</td>"
            "<td colspan=3>Profit Factor:</td><td class=mspt>5.00</td></tr>",
        ]
    out.append("</table></body></html>")
    return "\n".join(out)


def mt4_trade(row: str, comment: str = "") -> str:
    """A trade row from ``ticket|open time|type|size|item|open price|close time|close price|
    commission|taxes|swap|profit`` (as written); ``comment`` goes in the ticket's title."""
    ticket, opened, kind, size, item, price, closed, close_price, *money = row.split("|")
    title = f' title="{html.escape(comment)}"' if comment else ""
    cells = (
        f"<td{title}>{ticket}</td><td class=msdate nowrap>{opened}</td><td>{kind}</td>"
        f"<td class=mspt>{size}</td><td>{item}</td><td>{price}</td><td>0.00000</td>"
        f"<td>0.00000</td><td class=msdate nowrap>{closed}</td><td>{close_price}</td>"
        + "".join(f"<td class=mspt>{m}</td>" for m in money)
    )
    return f"<tr align=right>{cells}</tr>"


def mt4_balance(ticket: str, time: str, comment: str, amount: str) -> str:
    """A balance row (deposit, withdrawal, financing)."""
    return (
        f"<tr align=right><td>{ticket}</td><td class=msdate nowrap>{time}</td><td>balance</td>"
        f"<td colspan=10 align=left>{html.escape(comment)}</td><td class=mspt>{amount}</td></tr>"
    )


def mt4_cancelled(row: str) -> str:
    """A cancelled pending order inside Closed Transactions: ``ticket|time|type|size|item|
    price``."""
    ticket, time, kind, size, item, price = row.split("|")
    return (
        f"<tr align=right><td>{ticket}</td><td class=msdate nowrap>{time}</td><td>{kind}</td>"
        f"<td class=mspt>{size}</td><td>{item}</td><td>{price}</td><td>0.00000</td>"
        f"<td>0.00000</td><td class=msdate nowrap>{time}</td><td>{price}</td>"
        "<td colspan=4 align=center>cancelled</td></tr>"
    )
