"""``carryxl portfolio``: a CSV book valued on ECB fixings, end to end."""

from __future__ import annotations

import json
import math
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pytest

from carryxl.cli import main
from tests.history.raw_ecb import cross, raw_rows

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

BOOK = """pair,side,funding,stop_loss,leverage,rate_base,rate_quote,date,rate,amount
AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,50000
,,,,,,,2024-06-24,105.1,50000
NZD/JPY,long,JPY,3%,25,5.5%,0.1%,2024-06-10,96.0,80000
USD/TRY,short,USD,5%,10,5.33%,45%,2024-07-01,32.5,10000
"""


def _run(capsys, tmp_path, text, *extra):
    path = tmp_path / "book.csv"
    path.write_text(text, encoding="utf-8")
    code = main(["portfolio", str(path), "--date", "2024-08-05", "--start", "2024-07-01",
                 "--end", "2024-08-30", "--json", *extra])  # fmt: skip
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 else captured.err)


def _window_returns(pairs):
    dates = [d for d in sorted(raw_rows())
             if "2024-07-01" <= d <= "2024-08-30"]  # fmt: skip
    spots = np.array([[cross(d, p[:3], p[4:]) for p in pairs] for d in dates])
    return np.diff(np.log(spots), axis=0)


def test_book_from_csv_matches_hand_figures(capsys, tmp_path):
    png = tmp_path / "risk.png"
    code, out = _run(capsys, tmp_path, BOOK, "--account", "CNY", "--tax-interest", "20%",
                     "--tax-fx", "10%", "--plot", str(png))  # fmt: skip
    assert code == 0
    aud = out["positions"][0]
    spot = cross("2024-08-05", "AUD", "JPY")
    assert aud["spot"] == pytest.approx(spot, rel=1e-12)
    assert aud["average_rate"] == pytest.approx((103.2 + 105.1) / 2)
    assert aud["fx"] == pytest.approx(100_000 * spot - 50_000 * (103.2 + 105.1))
    carry = (0.0435 / 365 - 0.001 / 365) * 50_000 * (103.2 * 63 + 105.1 * 42)  # ACT/365 both
    assert aud["carry"] == pytest.approx(carry, rel=1e-12)
    to_cny = cross("2024-08-05", "JPY", "CNY")
    assert aud["total_account"] == pytest.approx((carry + aud["fx"]) * to_cny, rel=1e-12)
    try_ = out["positions"][2]
    assert try_["funding"] == "USD"
    # short USD/TRY (both legs ACT/360): earns TRY - USD on the TRY notional.
    assert try_["carry"] == pytest.approx(325_000 * 35 * (0.45 - 0.0533) / 360, rel=1e-12)
    assert try_["stop_spot"] == pytest.approx(32.5 * 1.05)
    # The book's VaR is the independent quadratic form over the window's fixings.
    returns = _window_returns(["AUD/JPY", "NZD/JPY", "USD/TRY"])
    vol = returns.std(axis=0, ddof=1) * math.sqrt(252)
    corr = np.corrcoef(returns, rowvar=False)
    w = np.array([p["exposure"] for p in out["positions"]])
    sigma = math.sqrt((w * vol) @ corr @ (w * vol))
    var = NormalDist().inv_cdf(0.99) * sigma * math.sqrt(10 / 252)
    assert out["book"]["var"] == pytest.approx(var, rel=1e-9)
    assert sum(p["contribution"] for p in out["positions"]) == pytest.approx(var, rel=1e-9)
    assert out["book"]["diversification_ratio"] == pytest.approx(
        sum(p["standalone_var"] for p in out["positions"]) / var
    )
    assert out["top_funding"] == "JPY"
    assert out["concentrated"]  # two of three positions, most of the value, borrow yen
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_broker_swap_column_enters_the_total(capsys, tmp_path):
    """swap: quote money per lot per night (credit +), each tranche over its nights; the
    total, the account total and the book total carry it, the interest basket is taxed."""
    with_swap = BOOK.replace("rate,amount", "rate,amount,swap,lot_size")
    with_swap = with_swap.replace("103.2,50000", "103.2,50000,85,10000", 1)  # AUD/JPY row
    with_swap = with_swap.replace("45%,2024-07-01,32.5,10000", "45%,2024-07-01,32.5,10000,-3,")
    code, plain = _run(capsys, tmp_path, BOOK, "--account", "CNY")
    assert code == 0
    code, out = _run(capsys, tmp_path, with_swap, "--account", "CNY", "--json")
    assert code == 0
    aud, nzd, try_ = out["positions"]
    swap = 85 * (5 * 63 + 5 * 42)  # 5 lots of 10,000 AUD, 63 and 42 nights
    assert aud["swap"] == pytest.approx(swap, rel=1e-14)
    assert aud["total"] == pytest.approx(plain["positions"][0]["total"] + swap, rel=1e-12)
    assert nzd["swap"] == 0.0
    assert try_["swap"] == pytest.approx(-3 * 0.1 * 35, rel=1e-14)  # default lot 100,000
    to_cny = cross("2024-08-05", "JPY", "CNY")
    added = swap * to_cny - 3 * 0.1 * 35 * cross("2024-08-05", "TRY", "CNY")
    assert out["book"]["total"] == pytest.approx(plain["book"]["total"] + added, rel=1e-12)
    assert out["book"]["var"] == plain["book"]["var"]  # the swap is P&L, not exposure


def test_given_correlation_and_volatility_replace_history(capsys, tmp_path):
    book = "pair,side,date,rate,amount,volatility,spot\nAUD/JPY,long,2024-07-01,100,1000,10%,100\n"
    book += "NZD/JPY,long,2024-07-01,90,1000,10%,90\n"
    matrix = tmp_path / "corr.csv"
    matrix.write_text(",AUD/JPY,NZD/JPY\nAUD/JPY,1,1\nNZD/JPY,1,1\n", encoding="utf-8")
    code, out = _run(capsys, tmp_path, book, "--correlation", str(matrix))
    assert code == 0
    assert out["book"]["diversification_ratio"] == pytest.approx(1.0)
    z = NormalDist().inv_cdf(0.99)
    assert out["book"]["var"] == pytest.approx(z * 0.1 * 190_000 * math.sqrt(10 / 252))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("pair,side,funding,date,rate,amount\nAUD/JPY,long,AUD,2024-07-01,100,1\n", "funding"),
        ("pair,date,rate,amount\n,2024-07-01,100,1\n", "pair"),
        ("pair,date,rate,amount\nAUD/JPY,2024-07-01,-100,1\n", "rate (line 2)"),
        ("pair,date,rate,amount\nAUD/JPY,2024-09-01,100,1\n", "valuation date"),
        ("pair,rate,amount\nAUD/JPY,100,1\n", "date"),
    ],
)
def test_bad_book_is_one_line_on_stderr(capsys, tmp_path, text, says):
    code, err = _run(capsys, tmp_path, text)
    assert code == 2
    assert err.startswith("carryxl portfolio: ")
    assert says in err
    assert "Traceback" not in err


DOC = (Path(__file__).parents[2] / "docs" / "portfolio.md").read_text(encoding="utf-8")
EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"


def _doc_book(capsys, name):
    argv = ["portfolio", str(EXAMPLES / name), "--date", "2024-08-05", "--start", "2024-07-01",
            "--end", "2024-08-30", "--account", "CNY", "--tax-interest", "20%", "--tax-fx",
            "20%", "--json"]  # fmt: skip
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_docs_show_both_books_numbers(capsys):
    """docs/portfolio.md quotes what the command computes, for both example books."""
    yen, mixed = _doc_book(capsys, "yen_book.csv"), _doc_book(capsys, "diversified_book.csv")
    for key in ("gross_exposure", "total", "var", "sum_standalone_var"):
        for book in (yen, mixed):
            shown = f"{book['book'][key]:,.0f}".replace("-", "−")
            assert shown in DOC, (key, shown)
    ratio = yen["book"]["diversification_ratio"], mixed["book"]["diversification_ratio"]
    assert f"| {ratio[0]:.3f} | {ratio[1]:.3f} |" in DOC
    assert yen["concentrated"]
    assert not mixed["concentrated"]
    assert ratio[0] < 1.05  # the yen book is one bet
    assert ratio[1] > 1.15
    for p in yen["positions"]:
        assert f"{p['standalone_var']:,.0f}" in DOC
        assert f"{p['average_rate']:.6g}" in DOC


def test_the_help_example_is_the_docs_yen_book():
    from carryxl.cli.portfolio import YEN_BOOK_CSV  # noqa: PLC0415

    docs = Path(__file__).resolve().parents[2] / "docs" / "examples" / "yen_book.csv"
    assert docs.read_text(encoding="utf-8") == YEN_BOOK_CSV
