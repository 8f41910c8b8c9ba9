"""Install and uninstall the add-in for Excel on Windows and macOS.

``install``: build carryxl.xlam, make sure xlwings' own add-in is in Excel's startup
folder (XLSTART), copy carryxl.xlam there, and write the add-in's user config
(``%USERPROFILE%\\.carryxl\\carryxl.conf`` on Windows, Excel's container on macOS) with
this Python interpreter and the UDF module. On Linux there is no Excel: both refuse.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from carryxl.addin.build import ADDIN_FILENAME, DEFAULT_UDF_MODULE, build_addin
from carryxl.addin.vba import ADDIN_PROJECT_NAME
from carryxl.core.errors import CarryxlError

__all__ = ["config_path", "config_text", "install", "require_excel_platform", "uninstall"]

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


def config_text(interpreter: str, udf_module: str, platform: str = sys.platform) -> str:
    """The config lines, in the quoted form VBA's ``Input #`` reads."""
    key = "INTERPRETER_WIN" if platform.startswith("win") else "INTERPRETER_MAC"
    rows = ((key, interpreter), ("UDF MODULES", udf_module))
    return "".join(f'"{k}","{v}"\r\n' for k, v in rows)


def install(udf_module: str = DEFAULT_UDF_MODULE, platform: str = sys.platform) -> Path:
    """Install carryxl.xlam into Excel's startup folder; the installed path."""
    require_excel_platform(platform)
    cli = _xlwings_cli()
    startup = Path(cli.get_addin_dir())
    if not (startup / "xlwings.xlam").exists():
        cli._addin_install(str(Path(cli.this_dir) / "addin" / "xlwings.xlam"))
    with tempfile.TemporaryDirectory(prefix="carryxl-addin-") as folder:
        built = build_addin(Path(folder) / ADDIN_FILENAME, udf_module)
        cli._addin_install(str(built))
    target = config_path(platform)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(config_text(sys.executable, udf_module, platform), encoding="utf-8")
    return startup / ADDIN_FILENAME


def uninstall(platform: str = sys.platform) -> Path:
    """Remove carryxl.xlam from Excel's startup folder (xlwings' add-in and config stay)."""
    require_excel_platform(platform)
    cli = _xlwings_cli()
    startup = Path(cli.get_addin_dir())
    cli._addin_remove(ADDIN_FILENAME, False)
    return startup / ADDIN_FILENAME
