"""A corpus of malformed command lines: each exits non-zero with one line on stderr, no
traceback, and no file in the folder changed (every command, argument kind, file kind)."""

from __future__ import annotations

import io
import re
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
PORTFOLIO = "portfolio book.csv --date 2024-08-05 --start 2024-07-01 --end 2024-08-05"
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


# -- Round two (issue 20): the data folder, the portfolio file, forwards, `run`, huge
# amounts. Each case is refused in one stderr line naming the argument once and the value
# once, with nothing on stdout and no file created or changed.

POLICY = "date,currency,policy_rate_percent\n2024-01-02,USD,5.5\n2024-09-19,USD,5\n"
BIS = "FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE\n"
ROUND_TWO_FILES = {
    "policy.csv": POLICY,
    # a field longer than the csv module's limit (131,072 characters)
    "long.csv": f'date,currency,policy_rate_percent\n2024-01-02,USD,"{"5" * 140_000}"\n',
    "comma.csv": "date,currency,policy_rate_percent\n2024-01-02,USD,5,5\n",  # decimal comma
    "endonly.csv": "date,currency,policy_rate_percent,note\n2024-01-02,USD,,end\n",
    "badnote.csv": "date,currency,policy_rate_percent,note\n2024-01-02,USD,5,5\n",
    "gaps2.csv": "currency,last_observation_before_gap,next_observation\nUSD,2024-01-02\n",
    "bisdup.csv": f"{BIS}D: Daily,US: United States,2024-01-02,5.5\n"
    "D: Daily,US: United States,2024-01-02,5.25\n",
    "book435.csv": BOOK_HEAD.decode() + "AUD/JPY,long,JPY,3%,25,4.35,0.1%,2024-06-03,103.2,50000\n",
    "twopairs.csv": "pair,side,date,rate,amount,pair\n"
    "AUD/JPY,long,2024-06-03,103.2,50000,USD/JPY\n",
    "stress5.csv": "date,NZD,JPY\n2024-06-03,5,0.1%\n",
}
ROUND_TWO = [
    "data import long.csv",
    "data import comma.csv",
    "data import endonly.csv",
    "data import badnote.csv",
    "data import policy.csv --through 2023-12-31",  # every row after --through
    "data import gaps2.csv",
    "data import bisdup.csv",
    "data update --bis-url http://[::1 --only bis",
    PORTFOLIO.replace("book.csv", "book435.csv"),
    PORTFOLIO.replace("book.csv", "twopairs.csv"),
    f"{STRESS} --rates stress5.csv",
    f"{BACKTEST} --cost 2",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 --fill JPY=abc",
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31 --fill JPY=5",
    "new calculator ''",
    "new --all --dir ''",
]


@pytest.fixture
def round_two(folder: Path) -> Path:
    for name, text in ROUND_TWO_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _refused_once(line: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = _snapshot(folder)
    code = main(shlex.split(line))
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("carryxl"), err
    assert err.count("(got ") <= 1, err  # the value once
    command = err.split(":", 1)[0]
    assert command.startswith("carryxl"), err
    assert _snapshot(folder) == before
    return err


@pytest.mark.parametrize("line", ROUND_TWO)
def test_round_two_is_refused_in_one_line(
    line: str, round_two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refused_once(line, round_two, capsys)


def test_a_fill_is_named_once(round_two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31"
    err = _refused_once(f"{line} --fill JPY=abc", round_two, capsys)
    assert err.count("fill") == 1, err
    assert "(got 'JPY=abc')" in err


def test_a_bare_rate_in_a_file_is_refused_as_on_the_command_line(
    round_two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_once(PORTFOLIO.replace("book.csv", "book435.csv"), round_two, capsys)
    assert "rate_base (line 2): reads as 435%; write 4.35% or 0.0435" in err
    err = _refused_once(f"{STRESS} --rates stress5.csv", round_two, capsys)
    assert "reads as 500%; write 5% or 0.05" in err


def test_the_confidence_is_shown_as_a_number(
    round_two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_once(_replace(PORTFOLIO, "--confidence", "100%"), round_two, capsys)
    assert "array" not in err
    assert "(got 1.0)" in err or "(got '100%')" in err, err


@pytest.fixture
def broken_store(round_two: Path) -> Path:
    """A data folder whose policy_rates.csv holds a field longer than csv's limit."""
    store = round_two / "carryxl-data"
    store.mkdir()
    (store / "policy_rates.csv").write_text(
        f'date,currency,policy_rate_percent,note\n2024-01-02,USD,"{"5" * 140_000}",\n',
        encoding="utf-8",
    )
    return round_two


@pytest.mark.parametrize(
    "line",
    [
        RATES,
        "rates USD --start 2024-01-01 --end 2024-03-01",
        "data status",
        "data import policy.csv",
        "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-12-31",
    ],
)
def test_a_store_csv_cannot_read_is_refused_in_one_line(
    line: str, broken_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refused_once(line, broken_store, capsys)


def test_bis_url_from_the_environment_is_checked(
    round_two: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CARRYXL_BIS_URL", "http://[::1")
    _refused_once("data update --only bis", round_two, capsys)


def test_import_writes_nothing_when_sources_json_cannot_be_written(
    round_two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (round_two / "carryxl-data" / "sources.json").mkdir(parents=True)
    _refused_once("data import policy.csv", round_two, capsys)
    assert not (round_two / "carryxl-data" / "policy_rates.csv").exists()


def _bis_zip(text: str) -> bytes:
    return _zip({"WS_CBPOL_csv_flat.csv": text.encode("utf-8")})


def test_update_writes_nothing_when_one_file_cannot_be_written(
    round_two: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from carryxl.history import update  # noqa: PLC0415
    from carryxl.history.ecb import ecb_zip_path  # noqa: PLC0415

    bis = _bis_zip(f"{BIS}D: Daily,US: United States,2024-01-02,5.5\n")
    sent = {"bis-url": bis, "ecb-url": ecb_zip_path().read_bytes()}
    monkeypatch.setattr(update, "download", lambda url, timeout, argument: sent[argument])
    (round_two / "carryxl-data" / "eurofxref-hist.zip").mkdir(parents=True)
    _refused_once("data update", round_two, capsys)
    assert sorted(p.name for p in (round_two / "carryxl-data").iterdir()) == ["eurofxref-hist.zip"]


# Dates past 9999-12-31 and tenors that reach them (kind 4)
DATES_AT_THE_END = [
    _replace(FORWARD, "--tenor", "700000000000000000M"),
    _replace(FORWARD, "--tenor", "9999999999999999999W"),
    _replace(FORWARD, "--tenor", "9000Y"),
    _replace(FORWARD, "--trade-date", "9999-12-30").replace("--tenor 3M", "--tenor 1M"),
    _replace(FORWARD, "--trade-date", "9999-12-01"),
    _replace(CALC, "--tenor", "99999999999Y"),
    "swap --pair USD/JPY --open 9999-12-29 --close 9999-12-31",
]


@pytest.mark.parametrize("line", DATES_AT_THE_END)
def test_dates_past_9999_are_refused(
    line: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_once(line, folder, capsys)
    assert "9999" in err, err


def _with_policy_rates(folder: Path) -> None:
    (folder / "policy.csv").write_text(POLICY, encoding="utf-8")
    assert main(["data", "import", "policy.csv"]) == 0


def test_a_plot_over_every_date_is_drawn(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _with_policy_rates(folder)
    line = "rates USD --start 0001-01-01 --end 9999-12-31 --plot wide.png"
    assert main(shlex.split(line)) == 0, capsys.readouterr().err
    assert (folder / "wide.png").read_bytes()[:4] == b"\x89PNG"


# Huge amounts (kind 5): any finite amount formats, to the minor unit, rounded half up.
HUGE_NUMBER = re.compile(r"\d{1,3}(,\d{3}){8,}")  # 25 digits or more, in groups of three
HUGE = [
    _replace(CALC, "--notional", "1e30"),
    _replace(RISK, "--units", "1e30"),
    f"{SWAP} --quote 1.5 --form points --lots 1e25",
    f"{STRESS} --notional 1e28 --rate-target 5% --rate-funding 0.1%",
]


@pytest.mark.parametrize("line", HUGE)
def test_huge_amounts_format(line: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(shlex.split(line)) == 0
    out, err = capsys.readouterr()
    assert err == "" or "Traceback" not in err
    assert HUGE_NUMBER.search(out), out


def test_a_huge_book_formats(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "huge.csv").write_bytes(
        BOOK_HEAD + b"AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,1e30\n"
    )
    assert main(shlex.split(PORTFOLIO.replace("book.csv", "huge.csv"))) == 0
    assert HUGE_NUMBER.search(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (1e26, "JPY", "100,000,000,000,000,000,000,000,000"),  # 1e26 is exact in decimal
        (-1e26, "USD", "-100,000,000,000,000,000,000,000,000.00"),
        (2.5e30, "EUR", "2,500,000,000,000,000,000,000,000,000,000.00"),
        (-1640.625, "USD", "-1,640.63"),  # half a cent rounds away from zero
        (-0.004, "USD", "0.00"),  # never "-0.00"
    ],
)
def test_money_formats_any_finite_amount(amount: float, currency: str, shown: str) -> None:
    from carryxl.cli.formatting import money  # noqa: PLC0415

    assert money(amount, currency) == shown
    assert len(money(1.7e308, "USD").replace(",", "")) == 309 + 3  # every digit, and cents


def test_a_report_that_fails_half_way_prints_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from carryxl.cli import backtest  # noqa: PLC0415
    from carryxl.core.errors import CarryxlError  # noqa: PLC0415

    def refuse(*args: object, **kwargs: object) -> str:
        raise CarryxlError("table", None, "cannot be drawn")

    monkeypatch.setattr(backtest, "table", refuse)  # after the first lines are printed
    _refused_once(BACKTEST, folder, capsys)


# `run` on odd workbooks (kind 6): refused in one line, the file unchanged.
def _odd_workbook(source: Path, target: Path, change: str) -> None:
    import openpyxl  # noqa: PLC0415
    from openpyxl.workbook.defined_name import DefinedName  # noqa: PLC0415
    from openpyxl.workbook.protection import WorkbookProtection  # noqa: PLC0415

    wb = openpyxl.load_workbook(source)
    if change == "locked":
        wb.security = WorkbookProtection(workbookPassword="secret", lockStructure=True)
    else:
        del wb.defined_names["in_scenario_moves"]
        wb.defined_names["in_scenario_moves"] = DefinedName(
            "in_scenario_moves", attr_text=f"'Scenarios'!{change}"
        )
    wb.save(target)


ODD_NAMES = {
    "wholecolumn.xlsx": "$A:$A",
    "wholerows.xlsx": "$3:$5",
    "wholesheet.xlsx": "$A$1:$XFD$1048576",
    "locked.xlsx": "locked",
}


@pytest.mark.parametrize(
    "line",
    [
        "run scenario wholecolumn.xlsx",
        "run scenario wholerows.xlsx",
        "run scenario wholesheet.xlsx",  # main ran on, growing ~47 MB/s
        "run refresh wholecolumn.xlsx",
        "run calculator locked.xlsx",
        "run stress locked.xlsx",
    ],
)
def test_run_on_odd_workbooks_is_refused(
    line: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, change in ODD_NAMES.items():
        _odd_workbook(folder / "real.xlsx", folder / name, change)
    _refused_once(f"{line} --quiet", folder, capsys)


def test_a_bad_currency_cell_is_named_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl  # noqa: PLC0415

    _with_policy_rates(folder)
    assert main(["new", "rates", "r.xlsx"]) == 0
    wb = openpyxl.load_workbook(folder / "r.xlsx")
    sheet, ref = next(iter(wb.defined_names["in_rates_currency"].destinations))
    wb[sheet][ref.replace("$", "").split(":")[0]] = 42
    wb.save(folder / "r.xlsx")
    capsys.readouterr()
    assert main(["run", "rates", "r.xlsx", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "42: not a currency code" in out, out
    assert "42: 42" not in out, out


def test_an_update_refused_by_its_checks_creates_no_data_folder(
    round_two: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from carryxl.history import update  # noqa: PLC0415
    from carryxl.history.ecb import ecb_zip_path  # noqa: PLC0415

    with zipfile.ZipFile(ecb_zip_path()) as archive:
        text = archive.read("eurofxref-hist.csv").decode("utf-8")
    bad = text.replace("1.1172,175.68", "1.1172,abc", 1)  # one fixing that is no number
    assert bad != text
    sent = _zip({"eurofxref-hist.csv": bad.encode("utf-8")})
    monkeypatch.setattr(update, "download", lambda url, timeout, argument: sent)
    _refused_once("data update --only ecb", round_two, capsys)
    assert not (round_two / "carryxl-data").exists()


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("twice.csv", "date,NZD,JPY,NZD\n2024-06-03,5%,0.1%,6%\n", f"{STRESS} --rates twice.csv"),
        (
            "twicepair.csv",
            "date,USD/JPY,USD/JPY\n2024-07-01,160,150\n2024-07-02,161,151\n",
            "history USD/JPY --start 2024-07-01 --end 2024-07-02 --data twicepair.csv",
        ),
    ],
)
def test_a_column_named_twice_is_refused(
    name: str, text: str, line: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    assert "twice" in _refused_once(line, folder, capsys)
