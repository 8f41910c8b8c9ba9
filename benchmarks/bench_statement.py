"""A trader's statement: a 10,000-position MT5 report read and analysed.

The report is written here as the terminal writes it (HTML, UTF-16LE with a BOM and CRLF;
and the XLSX export), four FX pairs and a metal, positions held 0 to 20 days, with a
policy-rate table for the differentials. The goal is the wait a user accepts without a
progress line (2 s for the HTML; the XLSX export, read cell by cell by openpyxl, gets 5 s);
``carryxl statement`` prints progress lines from 50,000 positions.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from benchmarks.timing import at_most, seconds
from carryxl.history.policy import PolicyRates, PolicySeries
from carryxl.statements import analyse, read_statement

N = 10_000
SYMBOLS = ("USDJPY.m", "EURUSD", "AUDJPY", "GBPUSD", "XAUUSD")
PRICES = (150.0, 1.08, 97.0, 1.27, 2000.0)
POSITIONS_HEADER = "Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Time|Price|Commission|"
POSITIONS_HEADER += "Swap|Profit"


def _rows(rng: np.random.Generator) -> list[tuple[str, ...]]:
    start = np.datetime64("2024-01-02T00:00:00")
    opens = start + rng.integers(0, 300 * 86400, N).astype("timedelta64[s]")
    closes = opens + rng.integers(600, 20 * 86400, N).astype("timedelta64[s]")
    kinds = rng.integers(0, len(SYMBOLS), N)
    rows = []
    for i in range(N):
        k = int(kinds[i])
        rows.append(
            (
                str(opens[i]).replace("-", ".").replace("T", " "),
                str(100_000 + i),
                SYMBOLS[k],
                "buy" if i % 2 else "sell",
                f"{rng.integers(1, 200) / 100:.2f}",
                f"{PRICES[k]:.5f}",
                str(closes[i]).replace("-", ".").replace("T", " "),
                f"{PRICES[k] * 1.001:.5f}",
                "-1.00",
                f"{rng.normal(0, 5):.2f}",
                f"{rng.normal(0, 300):.2f}",
            )
        )
    return rows


def _html(rows: list[tuple[str, ...]]) -> str:
    head = POSITIONS_HEADER
    deals = "Time|Deal|Symbol|Type|Direction|Volume|Price|Order|Commission|Fee|Swap|Profit|"
    deals += "Balance|Comment"
    opens = "Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Market Price|Swap|Profit|Comment"
    orders = "Open Time|Order|Symbol|Type|Volume|Price|S / L|T / P|Time|State|Comment"

    def header(text: str) -> str:
        return "<tr>" + "".join(f"<td><b>{c}</b></td>" for c in text.split("|")) + "</tr>"

    out = [
        "<html><body><table>",
        "<tr><th>Name:</th><th><b>Bench</b></th></tr>",
        "<tr><th>Account:</th><th><b>1 (USD, Bench-Server, demo, Hedge)</b></th></tr>",
        "<tr><th>Company:</th><th><b>Bench</b></th></tr>",
        "<tr><th>Date:</th><th><b>2025.01.01 00:00</b></th></tr>",
        '<tr><th colspan="14"><b>Positions</b></th></tr>',
        header(head),
    ]
    for r in rows:
        cells = [f"<td>{c}</td>" for c in r[:4]]
        cells.append('<td class="hidden" colspan="8">x</td>')
        cells += [f"<td>{c}</td>" for c in (r[4], r[5], "", "", r[6], r[7], r[8], r[9])]
        cells.append(f'<td colspan="2">{r[10]}</td>')
        out.append('<tr bgcolor="#FFFFFF" align="right">' + "".join(cells) + "</tr>")
    for title, text in (("Orders", orders), ("Deals", deals), ("Open Positions", opens)):
        out += [f'<tr><th colspan="14"><b>{title}</b></th></tr>', header(text)]
    out += ['<tr><td colspan="13"><b>Results</b></td></tr>', "<tr><td>Net:</td><td>0.00</td></tr>"]
    return "\r\n".join([*out, "</table></body></html>"])


def _xlsx(rows: list[tuple[str, ...]], path: Path) -> None:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for label, value in (("Name:", "Bench"), ("Account:", "1 (USD, Bench-Server, demo, Hedge)")):
        sheet.append([label, None, None, value])
    sheet.append(["Date:", None, None, "2025.01.01 00:00"])
    sheet.append(["Positions"])
    sheet.append(POSITIONS_HEADER.split("|"))
    for r in rows:
        sheet.append(
            [
                r[0],
                int(r[1]),
                r[2],
                r[3],
                r[4],
                float(r[5]),
                None,
                None,
                r[6],
                float(r[7]),
                float(r[8]),
                float(r[9]),
                float(r[10]),
            ]
        )
    for title, width in (("Orders", 11), ("Deals", 14), ("Open Positions", 12)):
        sheet.append([title])
        sheet.append([f"h{i}" for i in range(width)])
    sheet.append(["Results"])
    sheet.append(["Net:", None, None, 0.0])
    book.save(path)


def _policy() -> PolicyRates:
    start = np.datetime64("2023-12-01")
    days = 500
    return PolicyRates(
        {
            code: PolicySeries(start, np.full(days, level))  # type: ignore[misc]
            for code, level in (
                ("USD", 5.0),
                ("JPY", 0.1),
                ("EUR", 4.0),
                ("AUD", 4.35),
                ("GBP", 5.25),
            )
        }  # type: ignore[arg-type]
    )


def main() -> None:
    """Time reading and analysing the 10,000-position report, HTML then XLSX."""
    rng = np.random.default_rng(22)
    rows = _rows(rng)
    policy = _policy()
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "ReportHistory.html"
        html.write_bytes(b"\xff\xfe" + _html(rows).encode("utf-16-le"))
        xlsx = Path(folder) / "ReportHistory.xlsx"
        _xlsx(rows, xlsx)

        def run_html() -> object:
            return analyse(read_statement(html), policy)

        def run_xlsx() -> object:
            return analyse(read_statement(xlsx), policy)

        found = analyse(read_statement(html), policy)
        assert len(found.positions) == N
        assert sum(g.positions for g in found.pairs) == sum(1 for r in rows if r[2] != "XAUUSD")
        seconds(
            f"statement: read + analyse {N:,} positions (MT5 HTML, UTF-16LE)",
            run_html,
            at_most(2.0, "s"),
            runs=5,
        )
        seconds(
            f"statement: read + analyse {N:,} positions (MT5 XLSX)",
            run_xlsx,
            at_most(5.0, "s"),
            runs=5,
        )
