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
    code = main(
        [
            "portfolio",
            str(path),
            "--date",
            "2024-08-05",
            "--start",
            "2024-05-06",
            "--end",
            "2024-08-05",
            "--json",
            *extra,
        ]
    )
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 else captured.err)


def _window_returns(pairs):
    dates = [d for d in sorted(raw_rows()) if "2024-05-06" <= d <= "2024-08-05"]
    spots = np.array([[cross(d, p[:3], p[4:]) for p in pairs] for d in dates])
    return np.diff(np.log(spots), axis=0)


def test_book_from_csv_matches_hand_figures(capsys, tmp_path):
    png = tmp_path / "risk.png"
    code, out = _run(
        capsys,
        tmp_path,
        BOOK,
        "--account",
        "CNY",
        "--tax-interest",
        "20%",
        "--tax-fx",
        "10%",
        "--plot",
        str(png),
    )
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
    argv = [
        "portfolio",
        str(EXAMPLES / name),
        "--date",
        "2024-08-05",
        "--account",
        "CNY",
        "--tax-interest",
        "20%",
        "--tax-fx",
        "20%",
        "--json",
    ]
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
    assert ratio[0] < 1.15  # the yen book is mostly one bet
    assert ratio[1] > ratio[0] + 0.2
    for p in yen["positions"]:
        assert f"{p['standalone_var']:,.2f}" in DOC
        assert f"{p['average_rate']:.6g}" in DOC


def test_the_help_example_is_the_docs_yen_book():
    from carryxl.cli.portfolio import YEN_BOOK_CSV  # noqa: PLC0415

    docs = Path(__file__).resolve().parents[2] / "docs" / "examples" / "yen_book.csv"
    assert docs.read_text(encoding="utf-8") == YEN_BOOK_CSV


# --- issue 19: what a trader reads is what happened -----------------------------------


def _text(capsys, path, *extra):
    assert main(["portfolio", str(path), "--date", "2024-08-05", "--account", "CNY", *extra]) == 0
    return capsys.readouterr().out


def test_the_window_ends_at_the_valuation_date_and_look_ahead_is_refused(capsys, tmp_path):
    path = tmp_path / "book.csv"
    path.write_text(BOOK, encoding="utf-8")
    argv = ["portfolio", str(path), "--date", "2024-08-05", "--json"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["window"] == ["2023-08-06", "2024-08-05"]  # a year to the valuation date
    assert main([*argv, "--end", "2024-08-30"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "look-ahead" in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_the_risk_model_is_stated_in_text_and_json(capsys, tmp_path):
    path = tmp_path / "book.csv"
    path.write_text(BOOK, encoding="utf-8")
    text = _text(capsys, path)
    model = "parametric normal P&L, zero mean (no carry drift)"
    assert f"risk model: {model}" in text
    assert "daily log returns from 2023-08-06 to 2024-08-05, x √252" in text
    code, out = _run(capsys, tmp_path, BOOK)
    assert code == 0
    assert out["risk_model"].startswith(model)
    assert out["book"]["currency"] == out["account"]
    assert out["positions"][0]["currency"] == "JPY"
    assert "quote currency ('currency')" in out["money"]


def test_a_day_without_fixing_says_which_fixing_it_used(capsys, tmp_path):
    path = tmp_path / "book.csv"
    path.write_text(BOOK, encoding="utf-8")
    assert main(["portfolio", str(path), "--date", "2024-08-04", "--json"]) == 0  # a Sunday
    out = json.loads(capsys.readouterr().out)
    assert (out["date"], out["fixing"]) == ("2024-08-04", "2024-08-02")
    assert out["positions"][0]["spot"] == pytest.approx(cross("2024-08-02", "AUD", "JPY"))
    assert main(["portfolio", str(path), "--date", "2024-08-04"]) == 0
    assert "no fixing that day, used the fixing of 2024-08-02" in capsys.readouterr().out


def test_every_money_figure_names_its_currency_and_stops_hit_say_so(capsys):
    text = _text(capsys, EXAMPLES / "diversified_book.csv")
    table = text.split("\n\n")[0].splitlines()
    assert "total CNY" in table[0]
    assert "after tax CNY" in table[0]
    assert "VaR CNY" in table[0]
    aud, nzd, mxn, gbp = table[1:]
    # Each quote-currency figure carries its code; one column no longer mixes JPY and CHF.
    assert "80,680 JPY" in aud
    assert "462.91 CHF" in nzd
    assert "12,982.59 MXN" in mxn
    assert "-9.83 USD" in gbp
    assert "3 tranches" in aud
    assert "2 tranches" in gbp
    assert " x3" not in text
    # AUD/JPY: average 106.406, stop 103.214, spot about 93.3 on 5 August: through it.
    assert "STOP HIT" in aud
    assert "-12.54%" not in aud
    assert "STOP HIT" not in gbp  # GBP/USD gained
    # AUD/JPY lost about 2.1 million JPY on 550,259 JPY of margin (25x).
    assert "LOSS > MARGIN" in aud
    assert "LOSS > MARGIN" not in gbp


def test_loss_over_margin_and_stop_hit_against_hand_figures(capsys, tmp_path):
    # Long 100,000 AUD/JPY at 100, spot 90 (a hand spot), 20x: margin 450,000 JPY, loss
    # 1,000,000 JPY; stop 3% at 97, the spot is through it.
    book = "pair,side,stop_loss,leverage,date,rate,amount,spot,volatility\n"
    book += "AUD/JPY,long,3%,20,2024-07-01,100,100000,90,10%\n"
    code, out = _run(capsys, tmp_path, book)
    assert code == 0
    p = out["positions"][0]
    assert p["margin"] == pytest.approx(100_000 * 90 / 20)
    assert p["fx"] == pytest.approx(-1_000_000)
    assert p["stop_hit"]
    assert p["loss_over_margin"]
    assert p["stop_spot"] == pytest.approx(97.0)


def test_the_funding_leg_is_the_amount_borrowed(capsys):
    assert (
        main(
            [
                "portfolio",
                str(EXAMPLES / "diversified_book.csv"),
                "--date",
                "2024-08-05",
                "--account",
                "CNY",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    aud = out["positions"][0]
    cost = aud["units"] * aud["average_rate"]  # the JPY paid for 150,000 AUD: borrowed
    assert out["exposure_in_currency"]["JPY"] == pytest.approx(-cost, rel=1e-12)
    assert round(cost) == 15_960_909
    assert out["exposure"]["JPY"] == pytest.approx(-cost * aud["to_account"], rel=1e-12)
    # AUD held at today's value; EUR (short EUR/MXN) owed: the 75,000 EUR borrowed.
    assert out["exposure_in_currency"]["AUD"] == pytest.approx(150_000, rel=1e-12)
    assert out["exposure_in_currency"]["EUR"] == pytest.approx(-75_000, rel=1e-12)


def test_tax_is_for_the_book_a_book_that_lost_pays_none(capsys):
    out = _doc_book(capsys, "diversified_book.csv")
    assert out["book"]["total"] < 0
    gbp = out["positions"][3]
    assert gbp["pair"] == "GBP/USD"
    assert gbp["total_account"] > 0
    # The book's FX basket lost far more than its interest earned (20% on both, netted):
    # no tax, and GBP/USD's share of none is none.
    assert out["book"]["tax"] == 0.0
    assert gbp["tax"] == 0.0
    assert gbp["after_tax"] == pytest.approx(gbp["total_account"], rel=1e-12)
