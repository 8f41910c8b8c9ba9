"""What ``carryxl addin install`` checks and writes, and what the ribbon says when Python
cannot be reached: the commonest xlwings failures, caught or explained."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import SimpleNamespace

import pytest
import xlwings

from carryxl.addin import install as install_module
from carryxl.addin.install import (
    conda_settings,
    config_text,
    dll_problem,
    install,
    install_warnings,
    non_ascii_problem,
    vba_dll_names,
)
from carryxl.addin.vba import PYTHON_HELP_FUNCTION, RIBBON_SUB, ribbon_module, xlwings_module
from carryxl.cli import main

WANTED = vba_dll_names(xlwings_module().source)


def test_the_dll_names_come_from_the_embedded_vba() -> None:
    version = xlwings.__version__
    assert (f"xlwings64-{version}.dll", f"xlwings32-{version}.dll") == WANTED
    assert 'Const XLPyDLLName As String = "xlwings64-0.37.8.dll"' in xlwings_module().source


def test_the_right_dll_is_no_problem_whatever_its_case() -> None:
    assert dll_problem(r"C:\Python311", ["python.exe", "xlwings64-0.37.8.dll"], WANTED) is None
    assert dll_problem(r"C:\Python311", ["XLWINGS64-0.37.8.DLL"], WANTED) is None


def test_another_dll_version_is_named_with_runtime_error_53_and_the_fix() -> None:
    listing = ["python.exe", "xlwings64-0.36.2.dll", "xlwings32-0.36.2.dll", "DLLs"]
    problem = dll_problem(r"C:\Python311", listing, WANTED)
    assert problem is not None
    assert "xlwings32-0.36.2.dll, xlwings64-0.36.2.dll" in problem
    assert "loads xlwings64-0.37.8.dll" in problem
    assert "runtime error 53" in problem
    assert "pip install xlwings==0.37.8" in problem


def test_no_dll_at_all_says_where_it_was_looked_for() -> None:
    problem = dll_problem(r"C:\venvs\carry", ["Scripts", "Lib", "pyvenv.cfg"], WANTED)
    assert problem is not None
    assert r"xlwings64-0.37.8.dll is not in C:\venvs\carry" in problem
    assert "pip install xlwings==0.37.8" in problem


def test_a_non_ascii_path_is_reported_with_its_characters_and_the_fix() -> None:
    assert non_ascii_problem("Python", r"C:\Users\wei\py\python.exe") is None
    problem = non_ascii_problem("Python", r"C:\Users\张伟\AppData\python.exe")
    assert problem is not None
    assert "(张伟)" in problem
    assert "ASCII" in problem
    assert "carryxl addin install" in problem


def test_install_warnings_gathers_each_problem_once() -> None:
    clean = install_warnings(
        r"C:\Python311\python.exe",
        r"C:\Python311",
        ["xlwings64-0.37.8.dll"],
        r"C:\Users\wei\.carryxl\carryxl.conf",
        "win32",
    )
    assert clean == []
    found = install_warnings(
        r"C:\Users\张伟\py\python.exe",
        r"C:\Users\张伟\py",
        ["xlwings64-0.30.0.dll"],
        r"C:\Users\张伟\.carryxl\carryxl.conf",
        "win32",
    )
    assert [w.split(":")[0] for w in found] == ["Python", "config", "xlwings DLL"]
    # no DLL on macOS: xlwings talks to Excel through AppleScript there
    assert install_warnings("/usr/bin/python3", "/usr", [], "/x/carryxl.conf", "darwin") == []


def test_conda_environment_goes_into_the_config() -> None:
    env = PureWindowsPath(r"C:\Users\wei\miniconda3\envs\carry")
    assert conda_settings(env, True) == (r"C:\Users\wei\miniconda3", "carry")
    base = PureWindowsPath(r"C:\Users\wei\miniconda3")
    assert conda_settings(base, True) == (r"C:\Users\wei\miniconda3", "base")
    assert conda_settings(PurePosixPath("/opt/venv"), False) is None
    text = config_text(
        r"C:\m\envs\carry\python.exe", "carryxl.excel.udfs", "win32", (r"C:\m", "carry")
    )
    assert text.endswith('"CONDA PATH","C:\\m"\r\n"CONDA ENV","carry"\r\n')


def test_install_writes_this_interpreter_and_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Excel's side (xlwings' CLI asks the running Excel for its startup folder) stood in
    # for; everything carryxl does runs for real, as on Windows.
    startup = tmp_path / "XLSTART"
    startup.mkdir()
    (startup / "xlwings.xlam").write_bytes(b"xlwings' add-in")
    cli = SimpleNamespace(
        get_addin_dir=lambda: str(startup),
        this_dir=str(tmp_path),
        _addin_install=lambda path: shutil.copy(path, startup),
    )
    monkeypatch.setattr(install_module, "_xlwings_cli", lambda: cli)
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    installed, warnings = install("tests.addin.udf_fixture", platform="win32")
    assert installed == startup / "carryxl.xlam"
    assert installed.is_file()
    config = (tmp_path / "home" / ".carryxl" / "carryxl.conf").read_bytes().decode("utf-8")
    assert config.startswith(f'"INTERPRETER_WIN","{sys.executable}"\r\n')
    assert '"UDF MODULES","tests.addin.udf_fixture"' in config
    has_dll = (Path(sys.prefix) / WANTED[0]).is_file()  # pip puts it there on Windows only
    assert any(w.startswith("xlwings DLL:") for w in warnings) is not has_dll


def test_cli_install_prints_warnings_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        install_module, "install", lambda module: (Path("X/carryxl.xlam"), ["Python: odd path"])
    )
    assert main(["addin", "install"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"installed {Path('X/carryxl.xlam')}"
    assert captured.err.strip() == "warning: Python: odd path"


# -- the ribbon callback when Python cannot be reached ---------------------------------------


def _procedure(source: str, name: str) -> str:
    found = re.search(
        rf"^(?:Public |Private )?(Sub|Function) {name}\b.*?^End \1", source, re.M | re.S
    )
    assert found is not None, name
    return found.group()


def test_the_callback_catches_what_stops_python_and_explains_it() -> None:
    source = ribbon_module().source
    callback = _procedure(source, RIBBON_SUB)
    lines = [line.strip() for line in callback.split("\r\n")]
    run = next(i for i, line in enumerate(lines) if line.startswith("RunPython "))
    assert "On Error GoTo cannotReachPython" in lines[:run]
    assert lines[run + 1] == "Exit Sub"
    handler = lines[lines.index("cannotReachPython:") + 1]
    assert handler.startswith(f"MsgBox {PYTHON_HELP_FUNCTION}(Err.Number, Err.Description)")
    help_text = _procedure(source, PYTHON_HELP_FUNCTION)
    assert help_text.startswith("Private Function")  # not a worksheet function
    # Each of xlwings' common failures in words, with the fix.
    assert "number = 53" in help_text
    assert 'xlwings64-" & XLWINGS_VERSION & ".dll' in help_text
    assert 'pip install xlwings==" & _' in help_text
    assert '"Could not activate"' in help_text
    assert help_text.count("carryxl addin install") == 3
    assert "(ASCII)" in help_text
    # XLWINGS_VERSION is the embedded xlwings module's public constant, this version's.
    assert f'Public Const XLWINGS_VERSION As String = "{xlwings.__version__}"' in (
        xlwings_module().source
    )


def test_vba_strings_are_ascii() -> None:
    # The project is stored in code page 1252: the messages stay ASCII.
    assert ribbon_module().source.isascii()
