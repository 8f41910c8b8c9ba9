"""A corpus of malformed command lines: each exits non-zero with one line on stderr, no
traceback, and no file in the folder changed (every command, argument kind, file kind)."""

from __future__ import annotations

import io
import shlex
import zipfile
from pathlib import Path

import pytest

from carryxl.cli import main

CALC = (
    "calc --pair AUD/JPY --funding JPY --notional 10000000 --spot-start 100 --spot-end 103 "
    "--rate-target 4.5% --rate-funding 0.1% --tenor 6M"
)
RISK = "risk --pair AUD/JPY --spot 100 --units 100000"
SWAP = "swap --pair USD/JPY --open 2025-01-06 --close 2025-01-20"
SWAP_TRY = "swap --pair USD/TRY --open 2025-01-06 --close 2025-01-08 --lots 1 --spot 32"
ASSET = "asset --asset-return -2.15% --fx-move 1.52%"
HISTORY = "history USD/JPY --start 2024-07-01 --end 2024-08-30"
STRESS = "stress --pair NZD/JPY --funding JPY --start 2024-07-01 --end 2024-08-30"
BACKTEST = (
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 "
    "--rate-target 6% --rate-funding 0.3%"
)
FORWARD = (
    "forward --pair USD/JPY --spot 144.5 --rate-base 5.25% --rate-quote 0.1% --tenor 3M "
    "--trade-date 2023-06-28"
)
PORTFOLIO = "portfolio book.csv --date 2024-08-05 --start 2024-07-01 --end 2024-08-30"
BASKET = "basket --start 2015-01-02 --end 2015-12-31 --rate USD=5% --rate EUR=3% --rate JPY=0.1%"
RATES = "rates USD JPY --date 2024-07-31"
POLICY_IMPORT = "data import policy.csv"


def _replace(base: str, flag: str, value: str) -> str:
    words = shlex.split(base)
    if flag in words:
        words[words.index(flag) + 1] = value
        return shlex.join(words)
    return f"{base} {flag} {shlex.quote(value)}"


BAD_NUMBERS = ("-1", "0", "nan", "inf", "-inf", "abc", "")
BAD_DATES = ("2024-02-30", "2024-13-01", "2024-1-5", "20240105", "2024", "x", "")
BAD_RATES = ("2", "abc", "nan", "inf", "5%%", "")
BAD_COUNTS = ("0", "-3", "2.5", "x")

CASES: list[str] = []
# numbers that must be finite and > 0
for flag in ("--notional", "--spot-start", "--spot-end", "--lot-size", "--pip-size"):
    CASES += [_replace(CALC, flag, v) for v in BAD_NUMBERS]
CASES += [_replace(RISK, "--spot", v) for v in BAD_NUMBERS]
CASES += [
    _replace(RISK, flag, v)
    for flag in ("--units", "--equity", "--leverage")
    for v in ("0", "-5", "nan", "inf")
]
CASES += [_replace(SWAP_TRY, flag, v) for flag in ("--spot", "--lots") for v in ("0", "nan", "-2")]
CASES += [_replace(ASSET, "--years", v) for v in ("-1", "nan", "inf")]
CASES += [
    _replace(STRESS, flag, v)
    for flag in ("--notional", "--leverage", "--stop-out")
    for v in ("0", "nan")
]
CASES += [_replace(STRESS, "--stop-out", v) for v in ("-0.5", "x")]
# rates
for flag in ("--rate-target", "--rate-funding", "--markup-target"):
    CASES += [_replace(CALC, flag, v) for v in BAD_RATES]
CASES += [_replace(RISK, "--vol", v) for v in ("12", "nan", "x")]
CASES += [_replace(ASSET, "--asset-return", v) for v in ("49", "x", "inf")]
CASES += [_replace(BACKTEST, "--rate-target", v) for v in ("6", "x")]
CASES += [BASKET.replace("EUR=3%", v) for v in ("EUR=3", "EUR", "EUR=x")]
# the swap quote and its form
CASES += [
    _replace(_replace(SWAP_TRY, "--quote", "2"), "--form", "percent"),
    _replace(_replace(SWAP_TRY, "--quote", "200"), "--form", "percent"),
    _replace(_replace(SWAP_TRY, "--quote", "2%"), "--form", "points"),
    _replace(_replace(SWAP_TRY, "--quote", "2%"), "--form", "money"),
    _replace(_replace(SWAP_TRY, "--quote", "x"), "--form", "points"),
    _replace(_replace(SWAP_TRY, "--quote", "nan"), "--form", "points"),
    _replace(_replace(SWAP_TRY, "--quote", "1"), "--form", "bananas"),
    f"{SWAP} --ledger",
    f"{SWAP} --ledger --spot 150",
]
# dates
CASES += [f"spot USD/JPY {shlex.quote(v)}" for v in BAD_DATES]
CASES += [
    _replace(CALC.replace("--tenor 6M", "--start 2024-01-15"), "--start", v) for v in BAD_DATES[:4]
]
CASES += [_replace(SWAP, "--open", v) for v in BAD_DATES[:4]]
CASES += [_replace(SWAP, "--close", v) for v in BAD_DATES[:3]]
CASES += [_replace(SWAP, "--holidays", v) for v in ("2025-01-32", "2025-1-7", "tomorrow")]
CASES += [_replace(HISTORY, "--start", v) for v in BAD_DATES[:4]]
CASES += [_replace(BACKTEST, "--end", v) for v in BAD_DATES[:3]]
CASES += [_replace(STRESS, "--start", v) for v in BAD_DATES[:2]]
CASES += [_replace(BASKET, "--start", v) for v in BAD_DATES[:2]]
CASES += [
    "spot USD/JPY 1990-01-01",
    "spot USD/JPY 2999-01-01",
    _replace(SWAP, "--close", "2025-01-01"),  # before --open
    _replace(
        CALC.replace("--tenor 6M", "--start 2024-07-15 --end 2024-01-15"), "--pair", "AUD/JPY"
    ),
]
# counts
CASES += [_replace(HISTORY, flag, v) for flag in ("--sma", "--ema", "--rsi") for v in BAD_COUNTS]
CASES += [_replace(HISTORY, "--vol-window", v) for v in ("1", "0")]
CASES += [_replace(BASKET, "--top", v) for v in ("-1", "x")]
CASES += [_replace(SWAP, "--spot-lag", v) for v in ("-1", "x")]
# forward: every argument kind
CASES += [_replace(FORWARD, "--spot", v) for v in BAD_NUMBERS]
CASES += [_replace(FORWARD, flag, v) for flag in ("--rate-base", "--rate-quote") for v in BAD_RATES]
CASES += [_replace(FORWARD, "--trade-date", v) for v in BAD_DATES]
CASES += [_replace(FORWARD, "--holidays", v) for v in ("2025-01-32", "2025-1-7", "tomorrow")]
CASES += [_replace(FORWARD, "--tenor", v) for v in ("6X", "0M", "", "-6M")]
CASES += [_replace(FORWARD, "--spot-lag", v) for v in ("-1", "x", "1.5")]
CASES += [_replace(FORWARD, "--pair", v) for v in ("USD/XXX", "USDJPYX", "", "USD/USD")]
CASES += [
    _replace(FORWARD, flag, v)
    for flag in ("--day-count-base", "--day-count-quote")
    for v in ("ACT/999", "")
]
CASES += [
    "forward",
    "forward --pair USD/JPY --spot 144.5",
    f"{FORWARD} extra",
    f"{FORWARD} --unknown 1",
    f"{_replace(FORWARD, '--spot', '1e308')} --rate-base 1e300",
]
# words: pairs, currencies, tenors, conventions, choices
CASES += [_replace(CALC, "--pair", v) for v in ("AUD/XXX", "AUDJPYX", "", "AUD/AUD")]
CASES += [_replace(CALC, "--funding", v) for v in ("EUR", "")]
CASES += [_replace(CALC, "--tenor", v) for v in ("6X", "0M", "", "-6M")]
CASES += [_replace(CALC, "--day-count-target", v) for v in ("ACT/999", "")]
CASES += [_replace(RISK, "--side", v) for v in ("sideways", "")]
CASES += [_replace(RISK, "--account", v) for v in ("XYZ",)]
CASES += [_replace(ASSET, "--convention", "sideways")]
CASES += [_replace(SWAP, "--triple-day", v) for v in ("Funday", "8")]
CASES += [_replace(BACKTEST, "--trend", v) for v in ("sma:0", "banana", "sma:x")]
CASES += [_replace(BACKTEST, "--cost", v) for v in ("-2bp", "x", "nanbp")]
CASES += [_replace(BACKTEST, "--stop-loss", v) for v in ("x", "-5%")]
CASES += [_replace(BASKET, "--rebalance", "weekly"), _replace(BASKET, "--base", "XXX")]
CASES += ["stress --episode nosuch", "stress", "stress --pair AUD/JPY"]
CASES += ["history XXX/JPY", "history", "spot USD/JPY", "spot"]
# policy rates: the command line, before any data is read (this folder has none)
CASES += [_replace(RATES, "--date", v) for v in BAD_DATES]
CASES += [_replace(RATES, flag, v) for flag in ("--start", "--end") for v in BAD_DATES[:4]]
CASES += [
    "rates",
    "rates XXX --date 2024-07-31",
    "rates USD/JPY --date 2024-07-31",
    "rates 12 --date 2024-07-31",
    "rates USD JPY",
    f"{RATES} --start 2024-01-01",
    f"{RATES} --plot existing.png",
    f"{RATES} --plot out.jpg",
    f"{RATES} --plot missing/out.png",
    f"{RATES} --plot dir.png --force",
    RATES,  # no data yet: the one line naming carryxl data update / import / rates by hand
    "rates AUD JPY --start 2007-01-01 --end 2009-12-31",
    "stress --episode yen2024",
    "basket --start 2015-01-02 --end 2015-12-31 --spread JPY=1.5%",
    "data nosuch",
    "data import",
    f"{POLICY_IMPORT} --through 2024-13-01",
    f"{POLICY_IMPORT} --through tomorrow",
    "data status --nosuch",
    "data update --timeout 0",
    "data update --timeout nan",
    "data update --timeout x",
    "data update --only xyz",
    "data update --bis-url ftp://example.org/bis.zip --only bis",
    "data update --ecb-url file:///etc/passwd --only ecb",
]
NOT_POLICY_FILES = (
    "missing.csv",
    "empty.csv",
    "bad.csv",
    "baddate.csv",
    "notes.txt",
    "real.csv",
    "notwb.xlsx",
    "dir.xlsx",
)
CASES += [f"data import {name}" for name in NOT_POLICY_FILES]
CASES += [_replace(BACKTEST, "--spread-funding", v) for v in ("x", "2", "nan")]
# numbers so large the maths overflows
CASES += [
    f"{_replace(RISK, '--spot', '1e308')} --equity 1000000 --leverage 25",
    f"{_replace(RISK, '--units', '1e308')} --equity 1000000 --leverage 25",
]
# the shape of the command line
CASES += [
    "nosuchcommand",
    "calc",
    "calc --pair",
    f"{CALC} --unknown 1",
    f"{CALC} extra",
    "risk --pair AUD/JPY --spot 100",
    f"{RISK} --to-account 0.5",
    "asset --asset-return 1%",
    "asset --asset-return 1% --fx-move 1% --funding-move 1%",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31",
    "basket --start 2015-01-02 --end 2015-12-31",
    "addin nosuch",
    "run",
    "run nosuch real.xlsx",
    "new nonsense",
    "new",
    "new --all calculator",
    "new calculator --lang fr",
    "new calculator --formulas magic",
]
# files: workbooks that are not workbooks, and places that cannot be written
NOT_WORKBOOKS = (
    "notwb.xlsx",
    "empty.xlsx",
    "truncated.xlsx",
    "nocontent.xlsx",
    "nowb.xlsx",
    "missing.xlsx",
    "dir.xlsx",
    "notes.txt",
)
CASES += [f"run scenario {name}" for name in NOT_WORKBOOKS]
CASES += [f"run refresh {name}" for name in NOT_WORKBOOKS[:4]]
CASES += [f"run chart {name}" for name in ("notwb.xlsm", "empty.xlsm", "real.xlam", "real.csv")]
CASES += [f"addin xlsm {name}" for name in NOT_WORKBOOKS]
CASES += [
    "run scenario real.xlsx --out missing/out.xlsx",
    "run scenario real.xlsx --out dir.xlsx",
    "run scenario real.xlsx --out dir.xlsx --force",
    "run scenario real.xlsx --out existing.xlsx",
    "run scenario real.xlsx --out out.xlsm",
    "run scenario real.xlsx --out out.txt",
    "run scenario ro.xlsx",
    "addin xlsm real.xlsx --out missing/out.xlsm",
    "addin xlsm real.xlsx --out dir.xlsm",
    "addin xlsm real.xlsx --out out.xlsx",
    "addin demo x.txt",
    "addin demo dir.xlsx --force",
    "addin demo missing/x.xlsx",
    "addin demo existing.xlsx",
    "addin build --out notes.txt",
    "new calculator dir.xlsx --force",
    "new calculator ro.xlsx --force",
    "addin demo ro.xlsx --force",
    "run scenario real.xlsx --out ro.xlsx --force",
    "addin xlsm real.xlsx --out rom.xlsm --force",
    "new calculator x.txt",
    "new calculator existing.xlsx",
    "new calculator out.xlsm",
    "new --all --dir notes.txt",
    f"{HISTORY} --plot existing.png",
    f"{HISTORY} --plot out.jpg",
    f"{HISTORY} --plot missing/out.png",
    f"{HISTORY} --plot dir.png --force",
    f"{BACKTEST} --plot existing.png",
    f"{BACKTEST} --plot out.txt",
    f"{STRESS} --rate-target 5% --rate-funding 0.1% --plot existing.png",
    f"{BASKET} --plot existing.png",
    f"{HISTORY} --data missing.csv",
    f"{HISTORY} --data empty.csv",
    f"{HISTORY} --data bad.csv",
    f"{HISTORY} --data baddate.csv",
    f"{HISTORY} --data dir.xlsx",
    f"{HISTORY} --data notwb.xlsx",
    f"{BACKTEST.replace('--rate-target 6% --rate-funding 0.3%', '--rates missing.csv')}",
    f"{BACKTEST.replace('--rate-target 6% --rate-funding 0.3%', '--rates empty.csv')}",
    f"{BACKTEST.replace('--rate-target 6% --rate-funding 0.3%', '--rates bad.csv')}",
    f"{BACKTEST.replace('--rate-target 6% --rate-funding 0.3%', '--rates baddate.csv')}",
    f"{STRESS} --rates missing.csv",
    f"{BASKET} --rates bad.csv",
]
# portfolio: its book file, the rows in it, its options, its picture
CASES += [
    PORTFOLIO.replace("book.csv", name)
    for name in ("missing.csv", "empty.csv", "notwb.xlsx", "real.csv", "dir.xlsx", "bad.csv")
]
CASES += [
    PORTFOLIO.replace("book.csv", name)
    for name in ("badpair.csv", "badday.csv", "negamount.csv", "nanrate.csv", "nofirstpair.csv")
]
CASES += [_replace(PORTFOLIO, "--date", v) for v in BAD_DATES[:4]]
CASES += [_replace(PORTFOLIO, "--start", v) for v in BAD_DATES[:2]]
CASES += [_replace(PORTFOLIO, flag, v) for flag in ("--tax-fx", "--confidence") for v in ("2", "x")]
CASES += [_replace(PORTFOLIO, "--horizon-days", v) for v in ("0", "nan")]
CASES += [
    _replace(PORTFOLIO, "--account", "XYZ"),
    f"{PORTFOLIO} --plot existing.png",
    f"{PORTFOLIO} --plot out.jpg",
    f"{PORTFOLIO} --plot dir.png --force",
    f"{PORTFOLIO} --correlation bad.csv",
    f"{PORTFOLIO} --correlation notwb.xlsx",
    "portfolio",
]


BOOK_HEAD = b"pair,side,funding,stop_loss,leverage,rate_base,rate_quote,date,rate,amount\n"


@pytest.fixture(scope="session")
def workbook_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from carryxl.macros.demo import demo_workbook  # noqa: PLC0415

    return demo_workbook(tmp_path_factory.mktemp("demo") / "demo.xlsx").read_bytes()


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def folder(tmp_path: Path, workbook_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    files = {
        "notwb.xlsx": bytes((i * 7919 + 13) % 251 for i in range(4096)),
        "notwb.xlsm": bytes((i * 104729 + 7) % 251 for i in range(4096)),
        "empty.xlsm": b"",
        "real.xlam": workbook_bytes,
        "real.csv": workbook_bytes,
        "empty.xlsx": b"",
        "truncated.xlsx": workbook_bytes[: len(workbook_bytes) // 2],
        "nocontent.xlsx": _zip({"xl/workbook.xml": b"<workbook/>"}),
        "nowb.xlsx": _zip({"[Content_Types].xml": b"<Types/>"}),
        "notes.txt": b"some notes\n",
        "real.xlsx": workbook_bytes,
        "ro.xlsx": workbook_bytes,
        "existing.xlsx": b"the user's own file",
        "existing.png": b"the user's own picture",
        "empty.csv": b"",
        "bad.csv": b"this is, not\na rates file\n",
        "baddate.csv": b"date,USD/JPY,AUD,JPY\n2024-13-01,150,5%,0.1%\n",
        "book.csv": BOOK_HEAD + b"AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,50000\n",
        "badpair.csv": BOOK_HEAD + b"AUD/XXX,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,50000\n",
        "badday.csv": BOOK_HEAD + b"AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-31,103.2,50000\n",
        "negamount.csv": BOOK_HEAD + b"AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,-5\n",
        "nanrate.csv": BOOK_HEAD + b"AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,nan,50000\n",
        "nofirstpair.csv": BOOK_HEAD + b",,,,,,,2024-06-03,103.2,50000\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "rom.xlsm").write_bytes(b"the user's read-only file")
    for name in ("ro.xlsx", "rom.xlsm"):
        (tmp_path / name).chmod(0o444)
    for name in ("dir.xlsx", "dir.xlsm", "dir.png"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path)
    # no policy rates yet; a data folder appearing here would be a file written on failure
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(tmp_path / "carryxl-data"))
    return tmp_path


def _snapshot(folder: Path) -> dict[str, object]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mode, p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def test_the_corpus_is_large_and_has_no_repeats() -> None:
    assert len(CASES) >= 150
    assert len(set(CASES)) == len(CASES)


@pytest.mark.parametrize("line", CASES)
def test_malformed_command_line(
    line: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(folder)
    code = main(shlex.split(line))
    err = capsys.readouterr().err
    assert code != 0, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("carryxl"), err
    assert _snapshot(folder) == before


# With policy rates in the data folder: the rates are there, the input is still wrong, and
# neither the folder nor the data folder changes.
WITH_RATES = [
    "rates USD JPY --start 2024-07-31 --end 2024-01-01",
    "rates XXX --date 2024-07-31",
    "rates SGD --date 2024-07-31",  # a currency carryxl knows and the data does not have
    f"{RATES} --plot existing.png",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 --fill JPY",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 --fill JPY=x",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 --fill XXX=1%",
    "basket --start 2015-01-02 --end 2015-12-31 --spread JPY",
    "basket --start 2015-01-02 --end 2015-12-31 --spread JPY=x",
    "stress --episode yen2024 --spread-funding 3",
    "data import bad.csv",
    "data import baddate.csv",
    "data import notes.txt",
    "data import real.csv",
    "data import missing.csv",
    "data update --bis-url http://127.0.0.1:9/bis.zip --ecb-url http://127.0.0.1:9/ecb.zip "
    "--timeout 2",
]


@pytest.mark.parametrize("line", WITH_RATES)
def test_malformed_command_line_with_policy_rates(
    line: str, folder: Path, example_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (_snapshot(folder), _snapshot(example_data))
    code = main(shlex.split(line))
    err = capsys.readouterr().err
    assert code != 0, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("carryxl"), err
    assert (_snapshot(folder), _snapshot(example_data)) == before
