"""``carryxl calc`` reproduces every seed case, in text and JSON."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from carryxl.cli import main
from tests.command_lines import SEED1, SEED2


def _rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        parts = line.rsplit(None, 2)
        if len(parts) == 3:
            rows[parts[0].strip()] = parts[1:]
    return rows


def test_seed_case_1_as_written_in_the_issue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(SEED1) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["carry (JPY)"] == ["220,000", "220,000"]
    assert rows["FX (JPY)"] == ["300,000", "300,000"]
    assert rows["cross term (JPY)"] == ["0", "6,750"]
    assert rows["total (JPY)"] == ["520,000", "526,750"]
    assert rows["return"] == ["5.2000%", "5.2675%"]
    assert rows["annualised (simple)"] == ["10.4000%", "10.5350%"]


def test_seed_case_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(SEED2) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    assert rows["carry (USD)"] == ["5,000.00", "5,000.00"]
    assert rows["FX (USD)"] == ["-6,250.00", "-6,250.00"]
    assert rows["total (USD)"] == ["-1,250.00", "-1,640.63"]
    assert "funding/target" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*SEED1, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["currency"] == "JPY"
    assert data["target"] == "AUD"
    assert data["simple"]["total"] == pytest.approx(520_000)
    assert data["exact"]["total"] == pytest.approx(526_750)
    assert data["exact"]["cross"] == pytest.approx(6_750)
    assert data["breakeven_spot"] == pytest.approx(97.8484, abs=1e-4)
    assert data["exact"]["annualised_return_compound"] == pytest.approx(1.052675**2 - 1)


def test_dates_use_each_legs_day_count(capsys: pytest.CaptureFixture[str]) -> None:
    args = [a for a in SEED1 if a not in ("--tenor", "6M")]
    assert main([*args, "--start", "2024-01-15", "--end", "2024-07-15", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["years_target"] == pytest.approx(182 / 365)  # AUD ACT/365F
    assert data["day_count_funding"] == "ACT/365F"  # JPY default
    assert data["exact"]["carry"] == pytest.approx(1e7 * (0.045 - 0.001) * 182 / 365)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--funding", "EUR"), "funding: must be one of the pair's currencies (AUD/JPY)"),
        (("--spot-end", "-1"), "argument --spot-end: must be a finite number > 0 (got '-1')"),
        (("--tenor", "6X"), "tenor: must be a tenor such as"),
        (("--pair", "AUD/XXX"), "pair: XXX is not a currency code"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    change: tuple[str, str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = list(SEED1)
    args[args.index(change[0]) + 1] = change[1]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_bare_rate_above_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = list(SEED1)
    args[args.index("--rate-target") + 1] = "4.5"
    assert main(args) == 2
    assert "reads as 450%; write 4.5% or 0.045" in capsys.readouterr().err


def test_installed_entry_point_runs() -> None:
    exe = shutil.which("carryxl")
    assert exe is not None, "the package's console script is not installed: pip install -e ."
    result = subprocess.run([exe, *SEED1], capture_output=True, text=True, check=True)  # noqa: S603
    assert "526,750" in result.stdout


def test_asset_november_2024(capsys: pytest.CaptureFixture[str]) -> None:
    # negative values follow their flag directly: argparse must not read them as flags
    argv = [
        "asset",
        "--asset-return",
        "-2.15%",
        "--fx-move",
        "1.52%",
        "--local-return",
        "-4.35%",
        "--json",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["return_before_funding"] == pytest.approx((1 - 0.0215) * 1.0152 - 1)
    assert round(data["return_before_funding"] * 100, 2) == -0.66
    assert data["excess_over_local"] == pytest.approx((1 - 0.0215) * 1.0152 - 1 + 0.0435)


@pytest.mark.parametrize(("convention", "expected"), [("quote", 57.6), ("value", 58.1)])
def test_asset_april_to_november_2024_names_its_convention(
    convention: str, expected: float, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "asset",
        "--asset-return",
        "49%",
        "--funding-move",
        "-5.75%",
        "--convention",
        convention,
        "--local-return",
        "60.79%",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("return in the funding currency, b"))
    assert float(line.split()[-1].rstrip("%")) == pytest.approx(expected, abs=0.05)
    assert f"'{convention}' convention" in out
    excess = next(x for x in out.splitlines() if x.startswith("foreign asset minus local"))
    assert excess.split()[-1].startswith("-")  # the Nikkei did better either way


def test_asset_with_funding_cost_and_spots(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "asset",
        "--asset-return",
        "10%",
        "--fx-spots",
        "150",
        "135",
        "--rate-funding",
        "1.768%",
        "--years",
        "1",
        "--json",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["return"] == pytest.approx(1.10 * 0.90 - 1 - 0.01768)
