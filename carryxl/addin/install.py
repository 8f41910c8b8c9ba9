"""Install and uninstall the add-in for Excel on Windows and macOS.

``install``: build carryxl.xlam, make sure xlwings' own add-in is in Excel's startup
folder (XLSTART), copy carryxl.xlam there, and write the add-in's user config
(``%USERPROFILE%\\.carryxl\\carryxl.conf`` on Windows, Excel's container on macOS) with
this Python interpreter (and its conda environment, if it is one) and the UDF module.
On Linux there is no Excel: both refuse.

It then reports what would stop Excel reaching Python (the commonest xlwings failures),
through pure functions that take a folder listing and paths, so they run anywhere:

- the xlwings DLL the embedded VBA loads (``xlwings64-0.37.8.dll``) missing from this
  Python's folder, or there in another version (Excel's runtime error 53);
- a path with non-ASCII characters (a Chinese user name, say) on the way to Python.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from carryxl.addin.build import ADDIN_FILENAME, DEFAULT_UDF_MODULE, build_addin
from carryxl.addin.vba import ADDIN_PROJECT_NAME, xlwings_module
from carryxl.core.errors import CarryxlError

__all__ = [
    "conda_settings",
    "config_path",
    "config_text",
    "dll_problem",
    "install",
    "install_warnings",
    "non_ascii_problem",
    "require_excel_platform",
    "uninstall",
    "vba_dll_names",
]

_SUPPORTED = ("win32", "darwin")


def _xlwings_cli() -> Any:
    """xlwings' CLI helpers (untyped): they ask the running Excel for its startup folder."""
    from xlwings import cli  # noqa: PLC0415 - only where Excel runs

    return cli


def require_excel_platform(platform: str = sys.platform) -> str:
    """``platform`` if Excel runs there (Windows, macOS), else a CarryxlError saying so."""
    if not platform.startswith(_SUPPORTED):
        raise CarryxlError(
            "platform",
            platform,
            "carryxl addin install/uninstall need Excel, on Windows or macOS; on this machine "
            "build the add-in with 'carryxl addin build' and run the macros on files with "
            "'carryxl run'",
        )
    return platform


def config_path(platform: str = sys.platform) -> Path:
    """Where xlwings' custom add-in code reads the user config (see GetConfigFilePath)."""
    if platform.startswith("win"):
        home = Path(os.environ.get("USERPROFILE", str(Path.home())))
        return home / f".{ADDIN_PROJECT_NAME}" / f"{ADDIN_PROJECT_NAME}.conf"
    container = Path.home() / "Library" / "Containers" / "com.microsoft.Excel" / "Data"
    return container / f"{ADDIN_PROJECT_NAME}.conf"


def conda_settings(prefix: PurePath, is_conda: bool) -> tuple[str, str] | None:
    """``(CONDA PATH, CONDA ENV)`` for the Python installed at ``prefix``, None if not conda.

    ``is_conda``: ``prefix`` holds a ``conda-meta`` folder. An environment lives in
    ``<conda>/envs/<name>``; the base environment is the conda folder itself.
    """
    if not is_conda:
        return None
    if prefix.parent.name.casefold() == "envs":
        return str(prefix.parent.parent), prefix.name
    return str(prefix), "base"


def config_text(
    interpreter: str,
    udf_module: str,
    platform: str = sys.platform,
    conda: tuple[str, str] | None = None,
) -> str:
    """The config lines, in the quoted form VBA's ``Input #`` reads.

    ``conda``: ``(CONDA PATH, CONDA ENV)``, so xlwings activates that environment first.
    """
    key = "INTERPRETER_WIN" if platform.startswith("win") else "INTERPRETER_MAC"
    rows = [(key, interpreter), ("UDF MODULES", udf_module)]
    if conda is not None:
        rows += [("CONDA PATH", conda[0]), ("CONDA ENV", conda[1])]
    return "".join(f'"{k}","{v}"\r\n' for k, v in rows)


def vba_dll_names(xlwings_vba: str) -> tuple[str, ...]:
    """The xlwings DLL file names xlwings' VBA loads (64-bit Office's first)."""
    found = re.findall(r'XLPyDLLName As String = "([^"]+\.dll)"', xlwings_vba)
    return tuple(dict.fromkeys(found))


def dll_problem(folder: str, names: Iterable[str], wanted: Sequence[str]) -> str | None:
    """What is wrong with the xlwings DLLs in ``folder`` (its file ``names``), or None.

    ``wanted``: the DLLs the add-in's VBA loads (:func:`vba_dll_names`); the first, the
    64-bit one, must be there. Another version in its place gives Excel's runtime error 53.
    """
    present = {name.casefold(): name for name in names}
    if not wanted or wanted[0].casefold() in present:
        return None
    others = sorted(v for k, v in present.items() if re.fullmatch(r"xlwings(32|64)-.*\.dll", k))
    version = re.sub(r"^xlwings(32|64)-|\.dll$", "", wanted[0])
    fix = f"fix: pip install xlwings=={version} in this Python, then carryxl addin install"
    if others:
        return (
            f"xlwings DLL: {folder} has {', '.join(others)}, but carryxl's VBA loads "
            f"{wanted[0]}: Excel will stop with runtime error 53; {fix}"
        )
    return f"xlwings DLL: {wanted[0]} is not in {folder}, where carryxl's VBA looks; {fix}"


def non_ascii_problem(what: str, path: str) -> str | None:
    """A warning if ``path`` holds non-ASCII characters (a Chinese user name, say), or None."""
    if path.isascii():
        return None
    odd = "".join(dict.fromkeys(c for c in path if not c.isascii()))
    return (
        f"{what}: {path} has non-ASCII characters ({odd}); xlwings may fail to start Python "
        "from such a path. Fix: install Python (or the virtual environment) in a folder "
        "whose path is plain ASCII, e.g. C:\\carryxl-python, and run carryxl addin install "
        "from there"
    )


def install_warnings(
    interpreter: str, prefix: str, prefix_names: Iterable[str], config: str, platform: str
) -> list[str]:
    """What could stop Excel reaching Python, as one line each (empty: nothing found).

    ``prefix``: this Python's folder, where pip puts the xlwings DLLs, and
    ``prefix_names`` its file names; ``config``: the config file's path.
    """
    found = [non_ascii_problem("Python", interpreter), non_ascii_problem("config", config)]
    if platform.startswith("win"):
        found.append(dll_problem(prefix, prefix_names, vba_dll_names(xlwings_module().source)))
    return [line for line in found if line is not None]


def install(
    udf_module: str = DEFAULT_UDF_MODULE, platform: str = sys.platform
) -> tuple[Path, list[str]]:
    """Install carryxl.xlam into Excel's startup folder; the installed path and warnings
    about what could stop Excel reaching Python (:func:`install_warnings`)."""
    require_excel_platform(platform)
    cli = _xlwings_cli()
    startup = Path(cli.get_addin_dir())
    if not (startup / "xlwings.xlam").exists():
        cli._addin_install(str(Path(cli.this_dir) / "addin" / "xlwings.xlam"))
    with tempfile.TemporaryDirectory(prefix="carryxl-addin-") as folder:
        built = build_addin(Path(folder) / ADDIN_FILENAME, udf_module)
        cli._addin_install(str(built))
    prefix = Path(sys.prefix)
    conda = conda_settings(prefix, (prefix / "conda-meta").is_dir())
    target = config_path(platform)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = config_text(sys.executable, udf_module, platform, conda)
    # VBA's Input # reads the ANSI code page ("mbcs" exists only on Windows), and the
    # lines already end in CRLF: no newline translation.
    encoding = "mbcs" if sys.platform == "win32" else "utf-8"
    target.write_text(text, encoding=encoding, errors="replace", newline="")
    names = [p.name for p in prefix.iterdir()]
    warnings = install_warnings(sys.executable, str(prefix), names, str(target), platform)
    return startup / ADDIN_FILENAME, warnings


def uninstall(platform: str = sys.platform) -> Path:
    """Remove carryxl.xlam from Excel's startup folder (xlwings' add-in and config stay)."""
    require_excel_platform(platform)
    cli = _xlwings_cli()
    startup = Path(cli.get_addin_dir())
    cli._addin_remove(ADDIN_FILENAME, False)
    return startup / ADDIN_FILENAME
