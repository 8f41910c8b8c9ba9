"""Nothing lost: files carryxl reads or writes from the command line."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

from carryxl.cli import main
from carryxl.macros.demo import demo_workbook
from carryxl.macros.file_book import FileBook
from tests.libreoffice import convert, require_soffice

HISTORY = shlex.split("history USD/JPY --start 2024-07-01 --end 2024-08-30")
BACKTEST = shlex.split(
    "backtest --pair AUD/JPY --funding JPY --start 2008-01-02 --end 2008-06-30 "
    "--rate-target 6% --rate-funding 0.3%"
)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The scenarios template as LibreOffice saves it: every formula with its value."""
    require_soffice()
    folder = tmp_path_factory.mktemp("recalculated")
    assert main(["new", "scenarios", str(folder / "s.xlsx")]) == 0
    return convert(folder / "s.xlsx", "xlsx", folder / "lo").read_bytes()


def _formulas(data: bytes) -> dict[tuple[str, str], tuple[str, object]]:
    """(sheet, cell) -> (formula, cached value) of every formula cell."""
    formulas = openpyxl.load_workbook(io.BytesIO(data))
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return {
        (ws.title, c.coordinate): (str(c.value), values[ws.title][c.coordinate].value)
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    }


def test_a_run_with_nothing_to_write_leaves_the_bytes(
    recalculated: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "s.xlsx"
    book.write_bytes(recalculated)
    os.utime(book, (1_000_000_000, 1_000_000_000))
    assert main(["run", "scenario", str(book), "--quiet"]) == 0
    assert "nothing to write" in capsys.readouterr().out
    assert book.read_bytes() == recalculated
    assert book.stat().st_mtime == 1_000_000_000  # not even rewritten with the same bytes
    assert main(["run", "scenario", str(book), "--quiet"]) == 0  # and a second run agrees


@pytest.mark.parametrize("macro", ["chart", "calculator"])
def test_a_run_that_writes_keeps_the_cached_values(
    macro: str, recalculated: bytes, tmp_path: Path
) -> None:
    book = tmp_path / "s.xlsx"
    book.write_bytes(recalculated)
    before = _formulas(recalculated)
    assert sum(value is not None for _, value in before.values()) > 100
    assert main(["run", macro, str(book), "--quiet"]) == 0
    after = _formulas(book.read_bytes())
    assert book.read_bytes() != recalculated  # the macro did write
    kept = {k: v for k, v in after.items() if k in before and before[k][0] == v[0]}
    assert len(kept) > 100
    lost = [k for k, (_, value) in kept.items() if value != before[k][1]]
    assert lost == []


def test_run_out_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    source = demo_workbook(tmp_path / "d.xlsx")
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"mine")
    assert main(["run", "scenario", str(source), "--out", str(out), "--quiet"]) == 2
    assert out.read_bytes() == b"mine"
    assert main(["run", "scenario", str(source), "--out", str(out), "--force", "--quiet"]) == 0
    with FileBook(out) as book:
        assert book.has_name("out_scenario_grid")


@pytest.mark.parametrize("argv", [HISTORY, BACKTEST])
def test_plot_never_replaces_a_file_without_force(argv: list[str], tmp_path: Path) -> None:
    picture = tmp_path / "p.png"
    picture.write_bytes(b"mine")
    assert main([*argv, "--plot", str(picture)]) == 2
    assert picture.read_bytes() == b"mine"
    assert main([*argv, "--plot", str(picture), "--force"]) == 0
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert [p.name for p in tmp_path.iterdir()] == ["p.png"]  # no temporary file left


def test_addin_demo_refuses_another_extension(tmp_path: Path) -> None:
    assert main(["addin", "demo", str(tmp_path / "x.txt")]) == 2
    assert list(tmp_path.iterdir()) == []


def _run_in_process(book: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "carryxl.cli", "run", "scenario", str(book), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_concurrent_runs_on_one_file_never_see_half_a_file(tmp_path: Path) -> None:
    book = demo_workbook(tmp_path / "d.xlsx")
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(_run_in_process, [book] * 12))
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 2), result.stderr
        if result.returncode:
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert "changed on disk while the macro ran" in result.stderr
    assert any(r.returncode == 0 for r in results)
    with FileBook(book) as opened:  # the file is whole, and holds the grid
        assert len(opened.read("out_scenario_grid")) > 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.xlsx"]


def test_a_closed_pipe_is_one_line_not_a_traceback() -> None:
    # every fixing since 1999: far more than a pipe holds, so the writer meets the closed end
    exe = [sys.executable, "-m", "carryxl.cli", "history", "USD/JPY", "--rows", "--json"]
    process = subprocess.Popen(exe, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # noqa: S603
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # what `| head -c 100` does
    err = process.stderr.read().decode()
    assert process.wait(timeout=300) == 1
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        "carryxl history: output closed before the end (broken pipe)"
    ]


def test_version_and_bare_carryxl(capsys: pytest.CaptureFixture[str]) -> None:
    from carryxl import __version__  # noqa: PLC0415

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"carryxl {__version__}"
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: carryxl")
    assert "calc" in out
    assert "addin" in out
    assert main(["addin"]) == 0
    assert "build" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["build", "xlsm", "demo", "install", "uninstall"])
def test_every_addin_action_has_a_description(
    action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["addin", action, "--help"]) == 0
    out = capsys.readouterr().out
    description = out.split("\n\n")[1]
    assert not description.startswith(("positional", "options")), out
    assert len(description) > 30


def test_installed_console_script_runs_without_argument() -> None:
    exe = shutil.which("carryxl", path=str(Path(sys.executable).parent))
    assert exe is not None
    result = subprocess.run([exe], capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0
    assert result.stdout.startswith("usage: carryxl")
