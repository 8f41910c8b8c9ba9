"""A portfolio workbook's book as a :class:`~carryxl.history.valuation.BookRequest`, and the
valued book as a sheet: what the Book risk button values and writes.

Read from the workbook's names (the portfolio template's): the positions table
(``in_pf_pair`` ... ``in_pf_swap_rate``, a row per position, blank pair: no position),
the tranche table (``in_tr_position`` 1, 2 ... the position's row, ``in_tr_date``,
``in_tr_rate`` (empty: the fixing of its date), ``in_tr_amount``), the correlation matrix
and the settings. An empty spot, account rate, interest rate, day-count basis or
volatility cell is taken from the market data, as ``carryxl portfolio`` does; the
VaR horizon is in trading days (``in_horizon_days``), as ``carryxl portfolio --horizon-days``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.core.positions import BookPosition, Tranche
from carryxl.core.sides import side_sign
from carryxl.core.tax import LossOffset
from carryxl.core.validate import FloatArray
from carryxl.history.data import parse_date_cell
from carryxl.history.valuation import BookRequest, BookValuation
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Cell
from carryxl.macros.inputs import currency_of, number, pair_of, single_value

__all__ = ["BOOK_RISK_TITLE", "POSITION_HEADER", "book_risk_cells", "read_book_request"]

BOOK_RISK_TITLE = {"en": "Book risk", "zh": "组合风险"}
"""The new sheet's title in each language."""


def _column(book: Book, name: str) -> list[Any]:
    return [None if not row or row[0] == "" else row[0] for row in book.read(name)]


def _optional_number(name: str, row: int, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CarryxlError(f"{name}[{row + 1}]", value, "must be a number")
    return float(value)


def _number_at(name: str, row: int, value: Any, default: float) -> float:
    found = _optional_number(name, row, value)
    return default if found is None else found


def _tranches(book: Book, used: list[int]) -> dict[int, list[Tranche]]:
    """The tranche table's rows, by the row of the position each names (rows in ``used``)."""
    tranches: dict[int, list[Tranche]] = {i: [] for i in used}
    numbers = _column(book, c.IN_TR_POSITION)
    dates, rates = _column(book, c.IN_TR_DATE), _column(book, c.IN_TR_RATE)
    amounts = _column(book, c.IN_TR_AMOUNT)
    for k, at in enumerate(numbers):
        if at is None:
            continue
        row = int(_number_at(c.IN_TR_POSITION, k, at, 0.0)) - 1
        if row not in tranches:
            raise CarryxlError(f"{c.IN_TR_POSITION}[{k + 1}]", at, "must name a row with a pair")
        amount = _optional_number(c.IN_TR_AMOUNT, k, amounts[k])
        if amount is None:
            raise CarryxlError(f"{c.IN_TR_AMOUNT}[{k + 1}]", None, "is empty; enter the amount")
        tranches[row].append(
            Tranche(
                date=parse_date_cell(dates[k], f"{c.IN_TR_DATE}[{k + 1}]"),
                amount=amount,
                rate=_optional_number(c.IN_TR_RATE, k, rates[k]),
            )
        )
    return tranches


def _position(
    column: dict[str, list[Any]], i: int, *, pair: Any, tranches: list[Tranche], lot: float
) -> BookPosition:
    """The position on row ``i`` of the positions table (its other cells in ``column``),
    with its tranches."""
    if not tranches:
        raise CarryxlError(f"{c.IN_PF_PAIR}[{i + 1}]", pair, "has no tranche")

    def cell(name: str) -> float | None:
        return _optional_number(name, i, column[name][i])

    def cell_or(name: str, default: float) -> float:
        return _number_at(name, i, column[name][i], default)

    return BookPosition(
        pair=pair_of(pair, f"{c.IN_PF_PAIR}[{i + 1}]"),
        side=int(side_sign(column[c.IN_PF_SIDE][i] or "long", c.IN_PF_SIDE)),
        tranches=tuple(tranches),
        stop_loss=cell_or(c.IN_PF_STOP_LOSS, 0.03),
        leverage=cell_or(c.IN_PF_LEVERAGE, 1.0),
        rate_base=cell(c.IN_PF_RATE_BASE),
        rate_quote=cell(c.IN_PF_RATE_QUOTE),
        basis_base=cell(c.IN_PF_BASIS_BASE),
        basis_quote=cell(c.IN_PF_BASIS_QUOTE),
        swap=cell_or(c.IN_PF_SWAP_RATE, 0.0),
        lot_size=lot,
        spot=cell(c.IN_PF_SPOT),
        to_account=cell(c.IN_PF_TO_ACCOUNT),
        volatility=cell(c.IN_PF_VOLATILITY),
    )


def _correlation(book: Book, used: list[int]) -> FloatArray:
    """The correlation matrix of the positions on rows ``used``."""
    grid = book.read(c.IN_CORRELATION)
    try:
        return np.array([[float(grid[i][j]) for j in used] for i in used], dtype=np.float64)
    except (TypeError, ValueError):
        rule = "must hold a number for every two positions (clear it and run Book risk)"
        raise CarryxlError(c.IN_CORRELATION, None, rule) from None


def read_book_request(book: Book) -> BookRequest:
    """The workbook's positions, tranches, correlations and settings, typed."""
    pairs = _column(book, c.IN_PF_PAIR)
    used = [i for i, p in enumerate(pairs) if p is not None]
    if not used:
        raise CarryxlError(c.IN_PF_PAIR, None, "holds no pair; enter the positions first")
    column = {name: _column(book, name) for name in c.PF_POSITION_COLUMNS}
    lot = number(book, c.IN_LOT_SIZE)
    tranches = _tranches(book, used)
    positions = tuple(
        _position(column, i, pair=pairs[i], tranches=tranches[i], lot=lot) for i in used
    )
    matrix = _correlation(book, used)
    return BookRequest(
        positions=positions,
        date=parse_date_cell(single_value(book, c.IN_PF_VALUATION_DATE), c.IN_PF_VALUATION_DATE),
        account=currency_of(single_value(book, c.IN_PF_ACCOUNT), c.IN_PF_ACCOUNT),
        start=parse_date_cell(single_value(book, c.IN_WINDOW_START), c.IN_WINDOW_START),
        end=parse_date_cell(single_value(book, c.IN_WINDOW_END), c.IN_WINDOW_END),
        confidence=number(book, c.IN_CONFIDENCE),
        horizon_days=number(book, c.IN_HORIZON_DAYS),
        tax_interest=number(book, c.IN_TAX_INTEREST),
        tax_fx=number(book, c.IN_TAX_FX),
        offset=LossOffset.parse(str(single_value(book, c.IN_TAX_OFFSET)), c.IN_TAX_OFFSET),
        threshold=number(book, c.IN_CONCENTRATION_THRESHOLD),
        correlation=matrix,
    )


POSITION_HEADER = {
    "en": (
        "Position",
        "Tranches",
        "Currency",
        "Carry",
        "Swap",
        "FX P&L",
        "Total",
        "Margin",
        "Stop",
        "To stop",
        "Loss > margin",
        "Total ({account})",
        "Tax ({account})",
        "After tax ({account})",
        "Stand-alone VaR ({account})",
        "Contribution ({account})",
        "Share of VaR",
    ),
    "zh": (
        "持仓",
        "分批数",
        "币种",
        "利差收益",
        "隔夜利息",
        "汇率收益",
        "合计",
        "保证金",
        "止损汇率",
        "距止损",
        "亏损超过保证金",
        "合计（{account}）",
        "税额（{account}）",
        "税后（{account}）",
        "单独 VaR（{account}）",
        "VaR 贡献（{account}）",
        "占 VaR 比例",
    ),
}
"""The position table's headings, in each language a workbook may speak."""

_WORDS = {
    "en": {
        "valued": "Book valued on {date}{fixing}, {source}; account currency {account}",
        "fixing": " (no fixing that day: the fixing of {fixing})",
        "model": "Risk model: {model}",
        "total": "Total P&L",
        "tax": "Tax for the book",
        "after": "After tax",
        "margin": "Margin used",
        "gross": "Gross exposure",
        "var": "VaR {confidence}, {days} days",
        "es": "Expected shortfall",
        "sum": "Sum of stand-alone VaRs",
        "ratio": "Diversification ratio",
        "long": "long",
        "short": "short",
        "hit": "STOP HIT",
        "over": "LOSS > MARGIN",
        "currency": "Currency",
        "net": "Net ({account}; held +, owed -)",
    },
    "zh": {
        "valued": "估值日 {date}{fixing}，{source}；账户币种 {account}",
        "fixing": "（当日无定盘价：用 {fixing} 的定盘价）",
        "model": "风险模型：参数法正态分布，均值为零（不计利差漂移）；波动率与相关系数："
        "{start} 至 {end} 日对数收益率的样本统计（n - 1），乘以 √252",
        "total": "总盈亏",
        "tax": "组合税额",
        "after": "税后",
        "margin": "已用保证金",
        "gross": "总敞口",
        "var": "VaR {confidence}，{days} 天",
        "es": "预期亏损（ES）",
        "sum": "单独 VaR 之和",
        "ratio": "分散化比率",
        "long": "做多",
        "short": "做空",
        "hit": "已触及止损",
        "over": "亏损超过保证金",
        "currency": "货币",
        "net": "净敞口（{account}；持有为正，借入为负）",
    },
}


def book_risk_cells(v: BookValuation, lang: str = "en") -> list[tuple[str, Cell]]:
    """The valued book as cells of a new sheet, in ``lang`` (``en``/``zh``): the book's
    figures (account currency), then one row per position (quote-currency money with its
    code beside it), then the net exposure per currency."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    ccy = str(v.account)
    b, risk = v.positions, v.risk
    fixing = "" if v.fixing == v.date else words["fixing"].format(fixing=v.fixing)
    cells: list[tuple[str, Cell]] = [
        ("A1", words["valued"].format(date=v.date, fixing=fixing, source=v.source, account=ccy)),
        ("A2", words["model"].format(model=v.model, start=v.start, end=v.end)),
    ]
    level = f"{v.request.confidence:.1%}"
    summary = (
        (words["total"], float(np.sum(b.total_account)), ccy),
        (words["tax"], float(np.sum(b.tax.tax)), ccy),
        (words["after"], float(np.sum(b.tax.after_tax)), ccy),
        (words["margin"], float(np.sum(b.margin_account)), ccy),
        (words["gross"], float(np.sum(np.abs(b.exposure_account))), ccy),
        (words["var"].format(confidence=level, days=f"{v.request.horizon_days:g}"), risk.var, ccy),
        (words["es"], risk.es, ccy),
        (words["sum"], float(np.sum(risk.standalone_var)), ccy),
        (words["ratio"], risk.diversification_ratio, ""),
    )
    for r, (label, value, unit) in enumerate(summary, start=4):
        cells += [(f"A{r}", label), (f"B{r}", float(value)), (f"C{r}", unit)]
    top = 5 + len(summary)
    header = POSITION_HEADER["zh" if lang == "zh" else "en"]
    columns = [chr(ord("A") + k) for k in range(len(header))]
    cells += [
        (f"{col}{top}", text.format(account=ccy)) for col, text in zip(columns, header, strict=True)
    ]
    for j, p in enumerate(v.request.positions):
        row: list[Cell] = [
            f"{words['long'] if p.side > 0 else words['short']} {p.pair}",
            len(p.tranches),
            str(p.pair.quote),
            float(b.carry[j]),
            float(b.swap[j]),
            float(b.fx[j]),
            float(b.total[j]),
            float(b.margin[j]),
            float(b.stop_spot[j]),
            words["hit"] if b.stop_hit[j] else float(b.stop_distance[j]),
            words["over"] if b.margin_exceeded[j] else "",
            float(b.total_account[j]),
            float(b.tax.tax[j]),
            float(b.tax.after_tax[j]),
            float(risk.standalone_var[j]),
            float(risk.contributions[j]),
            float(risk.shares[j]),
        ]
        cells += [(f"{col}{top + 1 + j}", x) for col, x in zip(columns, row, strict=True)]
    low = top + 2 + len(v.request.positions)
    cells += [(f"A{low}", words["currency"]), (f"B{low}", words["net"].format(account=ccy))]
    for k, (code, net) in enumerate(zip(v.exposure.currencies, v.exposure.net, strict=True)):
        cells += [(f"A{low + 1 + k}", code), (f"B{low + 1 + k}", float(net))]
    return cells
