"""``carryxl addin``: build the Excel add-in, macro-enable a workbook, install, uninstall."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from carryxl.addin.defaults import DEFAULT_UDF_MODULE
from carryxl.core.errors import CarryxlError

__all__ = ["add_parser", "run"]


def _udf_module(args: argparse.Namespace) -> str | None:
    return None if args.no_udfs else str(args.udf_module)


def _demo(path: Path, udf_module: str | None, force: bool) -> Path:
    from carryxl.addin.build import build_xlsm  # noqa: PLC0415 - see run()
    from carryxl.macros.demo import demo_workbook  # noqa: PLC0415
    from carryxl.workbooks import write_bytes  # noqa: PLC0415

    if path.exists() and not force:
        raise CarryxlError("path", str(path), "exists; use --force to overwrite it")
    with tempfile.TemporaryDirectory(prefix="carryxl-demo-") as folder:
        xlsx = demo_workbook(Path(folder) / (path.stem + ".xlsx"))
        if path.suffix.lower() == ".xlsm":
            return build_xlsm(xlsx, path, udf_module, force)
        write_bytes(path, xlsx.read_bytes(), force)
        return path


def add_parser(sub: Any) -> None:
    """Register ``addin`` and its actions."""
    p: argparse.ArgumentParser = sub.add_parser(
        "addin",
        help="build carryxl.xlam (ribbon + macros + UDF wrappers), install it, or remove it",
        description="The Excel add-in: a Carry ribbon tab, the macros behind it and the UDF "
        "wrappers, as a VBA project written from source.",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="write carryxl.xlam")
    build.add_argument("--out", default=".", help="folder or .xlam path (default: .)")
    xlsm = actions.add_parser("xlsm", help="write an .xlsm copy of an .xlsx with the ribbon")
    xlsm.add_argument("workbook", help="the .xlsx to macro-enable")
    xlsm.add_argument("--out", help="the .xlsm to write (default: beside the .xlsx)")
    demo = actions.add_parser(
        "demo", help="write a small workbook that follows the contract, to try the buttons"
    )
    demo.add_argument("path", help="the .xlsx (plain) or .xlsm (with the Carry tab) to write")
    for q in (build, xlsm, demo):
        q.add_argument(
            "--udf-module",
            default=DEFAULT_UDF_MODULE,
            help="Python module whose xlwings UDFs get VBA wrappers "
            f"(default {DEFAULT_UDF_MODULE})",
        )
        q.add_argument("--no-udfs", action="store_true", help="build without UDF wrappers")
        q.add_argument("--force", action="store_true", help="overwrite an existing file")
    inst = actions.add_parser("install", help="install into Excel (Windows, macOS)")
    inst.add_argument("--udf-module", default=DEFAULT_UDF_MODULE, help="the UDF module")
    actions.add_parser("uninstall", help="remove from Excel (Windows, macOS)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Do the chosen action; print what was written."""
    # openpyxl, xlwings and pyOpenVBA load only here: the CLI starts without them.
    from carryxl.addin.build import build_addin, build_xlsm  # noqa: PLC0415
    from carryxl.addin.install import install, uninstall  # noqa: PLC0415

    if args.action == "build":
        print(build_addin(Path(args.out), _udf_module(args), args.force))
    elif args.action == "xlsm":
        print(build_xlsm(Path(args.workbook), args.out, _udf_module(args), args.force))
    elif args.action == "demo":
        print(_demo(Path(args.path), _udf_module(args), args.force))
    elif args.action == "install":
        installed, warnings = install(args.udf_module)
        print(f"installed {installed}")
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    else:
        print(f"removed {uninstall()}")
    return 0
