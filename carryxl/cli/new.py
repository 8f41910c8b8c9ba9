"""``carryxl new``: write a template workbook (calculator, asset_carry, scenarios, rates...).

``--xlsm`` writes the macro-enabled flavour (carryxl's VBA project and Carry tab);
``--all`` writes every template, the ``.xlsm`` flavour of each udf one, and the add-in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carryxl.core.errors import CarryxlError

__all__ = ["KIND_NAMES", "add_parser", "run"]

# The kinds carryxl.workbooks.KINDS builds (a test keeps the two equal). Listed here so
# that the command line starts without importing openpyxl.
KIND_NAMES = (
    "calculator",
    "asset_carry",
    "scenarios",
    "swap",
    "risk",
    "rates",
    "history",
    "portfolio",
)

EXAMPLE = (
    "examples:\n"
    "  carryxl new calculator                      # ./calculator.xlsx, English, native formulas\n"
    "  carryxl new scenarios my.xlsx --lang zh     # Simplified Chinese labels\n"
    "  carryxl new swap --formulas udf --xlsm      # ./swap_udf.xlsm: functions + Carry tab\n"
    "  carryxl new --all --force                   # regenerate everything in workbooks/"
)


def add_parser(sub: Any) -> None:
    """Register ``new``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "new",
        help="write a ready template workbook (.xlsx, or .xlsm with --xlsm)",
        description="Write a template workbook with labelled inputs, locked outputs, notes, "
        "validation lists, named ranges and charts. Existing files are never replaced "
        "without --force.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("kind", nargs="?", choices=KIND_NAMES, help="which template")
    p.add_argument("path", nargs="?", help="where to write it (default: KIND.xlsx, or .xlsm, here)")
    p.add_argument("--lang", default="en", choices=("en", "zh"), help="label language")
    p.add_argument(
        "--formulas",
        default="native",
        choices=("native", "udf"),
        help="native: plain Excel formulas; udf: carryxl's Excel functions (add-in)",
    )
    p.add_argument(
        "--xlsm",
        action="store_true",
        help="macro-enabled: carryxl's UDF wrappers, macros and Carry ribbon tab in the file",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--all",
        action="store_true",
        help="write every template, language and mode, the .xlsm of each udf template and "
        "carryxl.xlam into --dir",
    )
    p.add_argument("--dir", default="workbooks", help="folder for --all (default: workbooks)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write one template, or all of them with ``--all``."""
    # openpyxl is imported only when a workbook is written.
    from carryxl.workbooks import default_filename, workbook_bytes, write_bytes  # noqa: PLC0415

    if args.all:
        if args.kind or args.path or args.xlsm:
            given = args.kind or args.path or "--xlsm"
            raise CarryxlError("--all", given, "takes no KIND, PATH or --xlsm (it writes both)")
        return _all(Path(args.dir), args.force)
    if args.kind is None:
        raise CarryxlError("kind", None, f"give one of {', '.join(KIND_NAMES)}, or --all")
    path = Path(args.path or default_filename(args.kind, args.lang, args.formulas, args.xlsm))
    suffix = ".xlsm" if args.xlsm else ".xlsx"
    if path.suffix.lower() != suffix:
        rule = f"must end in {suffix}" if args.xlsm else "must end in .xlsx (.xlsm: add --xlsm)"
        raise CarryxlError("path", str(path), rule)
    if args.xlsm:
        from carryxl.addin.build import xlsm_bytes  # noqa: PLC0415 - xlwings, pyOpenVBA

        xlsx = workbook_bytes(args.kind, args.lang, args.formulas)
        data = xlsm_bytes(xlsx, path.name)
    else:
        data = workbook_bytes(args.kind, args.lang, args.formulas)
    written = write_bytes(path, data, args.force)
    print(f"{'wrote' if written else 'up to date'}: {path}")
    return 0


def _all(folder: Path, force: bool) -> int:
    """Every file of ``carryxl.workbooks.folder`` into ``folder``; changes need ``force``."""
    from carryxl.workbooks import write_bytes  # noqa: PLC0415 - see run
    from carryxl.workbooks.folder import folder_files  # noqa: PLC0415

    outputs = [(folder / name, data) for name, data in folder_files()]
    blocked = [p for p, data in outputs if p.exists() and p.read_bytes() != data]
    if blocked and not force:
        names = ", ".join(str(p) for p in blocked)
        print(f"carryxl new: {names} would change; use --force to overwrite", file=sys.stderr)
        return 2
    changed = sum(write_bytes(p, data, force) for p, data in outputs)
    print(f"{changed} written, {len(outputs) - changed} up to date in {folder}")
    return 0
