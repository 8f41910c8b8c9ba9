"""The printed pages show money as a trader writes it: LibreOffice prints the templates to
PDF and the text on the pages is read back (``pdftotext``, poppler-utils).

The calculator's seed (10,000,000 JPY into AUD/JPY) shows whole yen; the same workbook
with a EUR/USD position funded in USD shows cents, because the conditional format follows
the funding currency; the portfolio's yen columns are whole and its CNY columns in fen,
in both languages, and the Chinese one prints Chinese sides, baskets and flags."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from carryxl.workbooks import workbook_bytes
from carryxl.workbooks.sheets import portfolio
from tests.libreoffice import convert_many
from tests.workbooks.named import write_inputs


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each file's printed text, by name."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    src = tmp_path_factory.mktemp("src")
    files: dict[str, Path] = {}
    for name, kind, lang in (
        ("calculator", "calculator", "en"),
        ("portfolio", "portfolio", "en"),
        ("portfolio_zh", "portfolio", "zh"),
        ("swap", "swap", "en"),
        ("swap_zh", "swap", "zh"),
    ):
        files[name] = src / f"{name}.xlsx"
        files[name].write_bytes(workbook_bytes(kind, lang))
    dollars: dict[str, Any] = {
        "in_pair": "EUR/USD",
        "in_funding": "USD",
        "in_notional": 1_000_000.25,
        "in_spot_start": 1.1,
        "in_spot_end": 1.12,
        "in_equity": 200_000.5,
    }
    files["calculator_usd"] = src / "calculator_usd.xlsx"
    write_inputs(files["calculator"], dollars, files["calculator_usd"])
    fonts = _font_fallback(tmp_path_factory.mktemp("fonts"))
    text = {}  # pages separated by form feeds, as pdftotext writes them
    for suffix, env in (("", None), (CARLITO, fonts)):
        pdfs = convert_many(list(files.values()), "pdf", tmp_path_factory.mktemp("pdf"), env=env)
        for name, path in files.items():
            done = subprocess.run(  # noqa: S603 - fixed argv
                [pdftotext, "-layout", str(pdfs[path]), "-"], capture_output=True, check=True
            )
            text[name + suffix] = done.stdout.decode()
    return text


def test_yen_shows_whole_units(pages: dict[str, str]) -> None:
    calculator = pages["calculator"]
    assert "10,000,000 JPY" in calculator
    assert "526,750" in calculator  # the seed's exact total
    assert not re.search(r"\d,\d{3}\.\d{2} JPY", calculator)
    assert "526,750.00" not in calculator


def test_dollars_show_cents_when_the_funding_currency_changes(pages: dict[str, str]) -> None:
    usd = pages["calculator_usd"]
    assert "1,000,000.25 USD" in usd
    assert "200,000.50 USD" in usd


@pytest.mark.parametrize("name", ["portfolio", "portfolio_zh"])
def test_the_books_columns_follow_their_currencies(pages: dict[str, str], name: str) -> None:
    """The AUD/JPY position's cost, Σ units x entry rate over its tranches (the seed's
    inputs), in whole yen; the book's figures in CNY to the fen."""
    seed = portfolio.seed_inputs("yen")
    mine = [i for i, p in enumerate(seed["in_tr_position"]) if p == 1]
    cost = sum(seed["in_tr_amount"][i] * seed["in_tr_rate"][i] for i in mine)
    text = pages[name]
    assert f"{round(cost):,}" in text
    assert f"{cost:,.2f}" not in text
    assert re.search(r"\d,\d{3}\.\d{2} CNY", text)


def test_the_chinese_book_prints_chinese_words(pages: dict[str, str]) -> None:
    text = pages["portfolio_zh"]
    for word in ("做多", "仓位内互抵", "已触及止损", "10 个交易日"):
        assert word in text
    for word in (" long ", "within position", "STOP HIT"):
        assert word not in text


# The pages each preloaded book needs: per book sheet, the form with the positions' first
# columns, the rest of the positions (and the chart) over three pages, the tranches with the
# currencies, and on the first sheet the comparison; then the rates. The same whichever
# font stands in for the declared one (carryxl.workbooks.pages.FONT_SLACK).
PAGES = 12
CARLITO = "@carlito"  # the pages printed with Carlito for DengXian (_font_fallback)


def _font_fallback(tmp: Path) -> dict[str, str]:
    """Print with a Calibri-wide face for DengXian (Carlito, Chinese glyphs from the CJK
    fallback), as Excel measures it, when DengXian is not installed."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        '<alias binding="same"><family>DengXian</family><prefer><family>Carlito</family>'
        "</prefer></alias></fontconfig>"
    )
    return {"FONTCONFIG_FILE": str(conf)}


@pytest.mark.parametrize("name", ["portfolio", "portfolio_zh"])
@pytest.mark.parametrize("font", ["", CARLITO], ids=["substituted", "carlito"])
def test_the_book_prints_on_the_pages_it_needs(pages: dict[str, str], name: str, font: str) -> None:
    """As many pages as the content needs, none empty or only the repeated headings: each
    page holds at least eight lines beside the title, the help line and the headings. The
    count is the same with the font LibreOffice substitutes for the declared one (DejaVu
    Sans where neither Calibri nor DengXian is installed, a quarter wider) as with a
    Calibri-wide one."""
    printed = [p for p in pages[name + font].split("\f") if p.strip()]
    assert len(printed) == PAGES, len(printed)
    for number, page in enumerate(printed, 1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) >= 8, f"page {number}: {lines}"


_FILLED = re.compile(r"\d{4}-\d{2}-\d{2}|\d[\d,]*\.\d+|[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


@pytest.mark.parametrize("name", ["swap", "swap_zh"])
def test_the_swap_prints_form_ledger_and_rates_on_three_full_pages(
    pages: dict[str, str], name: str
) -> None:
    """Inputs and results on the first page, the ledger (its filled rows at the top) on the
    second, the Rates sheet on the third; no page of repeated headers over empty rows."""
    text = pages[name].rstrip("\f").split("\f")
    assert len(text) == 3, [page[:80] for page in text]
    form, ledger, rates = text
    assert "USD/JPY" in form
    assert "39,000.00" in form  # the swap over the holding
    assert "2024-12-24" not in form  # the ledger (its second rollover) is not beside it
    assert "2024-12-23" in ledger
    assert "2025-01-03" in ledger  # the last rollover before the close
    assert "USD" in rates
    headers = set(text[0].splitlines()[:4]) | set(ledger.splitlines()[:4])
    for page in text:
        body = [line for line in page.splitlines() if line not in headers]
        assert len([line for line in body if _FILLED.search(line)]) >= 8, page[:200]
