"""``carryxl addin``: build the Excel add-in, macro-enable a workbook, install, uninstall."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from carryxl.addin.defaults import DEFAULT_UDF_MODULE
from carryxl.cli.arguments import target_file
from carryxl.cli.command import Command, Example
from carryxl.core.errors import CarryxlError
from carryxl.files import package_bytes

__all__ = ["COMMANDS", "run"]


def _udf_module(args: argparse.Namespace) -> str | None:
    return None if args.no_udfs else str(args.udf_module)


def _demo(path: Path, udf_module: str | None, force: bool) -> Path:
    from carryxl.addin.build import build_xlsm  # noqa: PLC0415 - see run()
    from carryxl.macros.demo import demo_workbook  # noqa: PLC0415
    from carryxl.workbooks import write_bytes  # noqa: PLC0415

    target_file("path", path, (".xlsx", ".xlsm"), force)
    with tempfile.TemporaryDirectory(prefix="carryxl-demo-") as folder:
        xlsx = demo_workbook(Path(folder) / (path.stem + ".xlsx"))
        if path.suffix.lower() == ".xlsm":
            return build_xlsm(xlsx, path, udf_module, force)
        write_bytes(path, xlsx.read_bytes(), force)
        return path


def _udf_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument(
        "--udf-module",
        default=DEFAULT_UDF_MODULE,
        help=f"Python module whose xlwings UDFs get VBA wrappers (default {DEFAULT_UDF_MODULE})",
    )
    q.add_argument("--no-udfs", action="store_true", help="build without UDF wrappers")
    q.add_argument("--force", action="store_true", help="overwrite an existing file")


def _build_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument("--out", default=".", help="folder or .xlam path (default: .)")
    _udf_arguments(q)


def _xlsm_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument("workbook", help="the .xlsx to macro-enable")
    q.add_argument("--out", help="the .xlsm to write (default: beside the .xlsx)")
    _udf_arguments(q)


def _demo_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument("path", help="the .xlsx (plain) or .xlsm (with the Carry tab) to write")
    _udf_arguments(q)


def _install_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument("--udf-module", default=DEFAULT_UDF_MODULE, help="the UDF module")


def run(args: argparse.Namespace) -> int:
    """Do the chosen action; print what was written."""
    # openpyxl, xlwings and pyOpenVBA load only here: the CLI starts without them.
    from carryxl.addin.build import build_addin, build_xlsm  # noqa: PLC0415
    from carryxl.addin.install import install, uninstall  # noqa: PLC0415

    if args.action == "build":
        out = Path(args.out)
        if out.suffix.lower() == ".xlam":
            target_file("out", out, (".xlam",), True)
        elif out.exists() and not out.is_dir():
            raise CarryxlError("out", args.out, "must be a folder or a path ending in .xlam")
        print(build_addin(out, _udf_module(args), args.force))
    elif args.action == "xlsm":
        source = Path(args.workbook)
        if source.suffix.lower() == ".xlsx":
            package_bytes(source)  # a readable workbook, before anything is written
            target = Path(args.out) if args.out else source.with_suffix(".xlsm")
            target_file("out", target, (".xlsm",), force=True)  # existing: build_xlsm decides
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


def _action(name: str, help_: str, description: str, **rest: Any) -> Command:
    return Command(name=name, help=help_, description=description, run=run, **rest)


COMMANDS = (
    Command(
        name="addin",
        page="docs/addin.md",
        help="build carryxl.xlam (ribbon + macros + UDF wrappers), install it, or remove it",
        description="The Excel add-in: a Carry ribbon tab, the macros behind it and the UDF "
        "wrappers, as a VBA project written from source.",
        run=None,
        actions=(
            _action(
                "build",
                "write carryxl.xlam",
                "Write carryxl.xlam: the Carry ribbon tab, the macros behind its buttons and "
                "the VBA wrappers of the UDF module's functions. The same bytes every time.",
                arguments=_build_arguments,
                examples=(Example("carryxl addin build --out addin/ --force"),),
            ),
            _action(
                "xlsm",
                "write an .xlsm copy of an .xlsx with the ribbon",
                "Write an .xlsm copy of an .xlsx workbook carrying carryxl's VBA project and "
                "the Carry tab; every other part of the workbook is kept byte for byte.",
                arguments=_xlsm_arguments,
                examples=(Example("carryxl new scenarios s.xlsx && carryxl addin xlsm s.xlsx"),),
            ),
            _action(
                "demo",
                "write a small workbook that follows the contract, to try the buttons",
                "Write a small workbook whose named ranges follow the macros' contract: "
                ".xlsx plain, .xlsm with the Carry tab. Try the buttons on it.",
                arguments=_demo_arguments,
                examples=(Example("carryxl addin demo check.xlsm"),),
            ),
            _action(
                "install",
                "install into Excel (Windows, macOS)",
                "Copy carryxl.xlam into Excel's start-up folder and write carryxl.conf naming "
                "this Python. Windows and macOS only; restart Excel if it was open.",
                arguments=_install_arguments,
            ),
            _action(
                "uninstall",
                "remove from Excel (Windows, macOS)",
                "Remove carryxl.xlam and carryxl.conf from Excel's start-up folder.",
            ),
        ),
    ),
)
