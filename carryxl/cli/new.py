"""``carryxl new``: write a template workbook (calculator, asset_carry, scenarios, rates...).

``--xlsm`` writes the macro-enabled flavour (carryxl's VBA project and Carry tab);
``--all`` writes every template, the ``.xlsm`` flavour of each udf one, and the add-in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from carryxl.cli.command import Command, Example
from carryxl.core.errors import CarryxlError
from carryxl.files import read_only
from carryxl.templates import COLOR_CONVENTIONS, FORMULA_MODES, KIND_NAMES, LANGS

__all__ = ["COMMANDS", "KIND_NAMES", "run"]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", nargs="?", choices=KIND_NAMES, help="which template")
    p.add_argument("path", nargs="?", help="where to write it (default: KIND.xlsx, or .xlsm, here)")
    p.add_argument("--lang", default="en", choices=LANGS, help="label language")
    p.add_argument(
        "--formulas",
        default="native",
        choices=FORMULA_MODES,
        help="native: plain Excel formulas; udf: carryxl's Excel functions (add-in)",
    )
    p.add_argument(
        "--xlsm",
        action="store_true",
        help="macro-enabled: carryxl's UDF wrappers, macros and Carry ribbon tab in the file",
    )
    p.add_argument(
        "--colors",
        choices=COLOR_CONVENTIONS,
        help="green-up: gains green, losses red (English default); red-up: gains red, "
        "losses green (Chinese default, mainland convention)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--all",
        action="store_true",
        help="write every template, language and mode, the .xlsm of each udf template and "
        "carryxl.xlam into --dir",
    )
    p.add_argument("--dir", default="workbooks", help="folder for --all (default: workbooks)")


def run(args: argparse.Namespace) -> int:
    """Write one template, or all of them with ``--all``."""
    # openpyxl is imported only when a workbook is written.
    from carryxl.workbooks import default_filename, workbook_bytes, write_bytes  # noqa: PLC0415

    if args.all:
        if args.kind or args.path or args.xlsm or args.colors:
            given = args.kind or args.path or ("--xlsm" if args.xlsm else "--colors")
            rule = "takes no KIND, PATH, --xlsm or --colors (each language in its own colours)"
            raise CarryxlError("--all", given, rule)
        if not str(args.dir).strip():
            raise CarryxlError("dir", args.dir, "must be a folder name, not empty")
        return _all(Path(args.dir), args.force)
    if args.kind is None:
        raise CarryxlError("kind", None, f"give one of {', '.join(KIND_NAMES)}, or --all")
    if args.path is not None and not args.path.strip():
        raise CarryxlError("path", args.path, "must be a file name, not empty")
    path = Path(args.path or default_filename(args.kind, args.lang, args.formulas, args.xlsm))
    if path.is_dir():
        raise CarryxlError("path", str(path), "is a folder; give a file name")
    if read_only(path):
        raise CarryxlError("path", str(path), "is read-only; carryxl does not replace it")
    suffix = ".xlsm" if args.xlsm else ".xlsx"
    if path.suffix.lower() != suffix:
        rule = f"must end in {suffix}" if args.xlsm else "must end in .xlsx (.xlsm: add --xlsm)"
        raise CarryxlError("path", str(path), rule)
    if args.xlsm:
        from carryxl.addin.build import CONFIG_SHEET, xlsm_bytes  # noqa: PLC0415 - pyOpenVBA

        xlsx = workbook_bytes(args.kind, args.lang, args.formulas, CONFIG_SHEET, args.colors)
        data = xlsm_bytes(xlsx, path.name)
    else:
        data = workbook_bytes(args.kind, args.lang, args.formulas, colors=args.colors)
    written = write_bytes(path, data, args.force)
    print(f"{'wrote' if written else 'up to date'}: {path}")
    return 0


def _all(folder: Path, force: bool) -> int:
    """Every file of ``carryxl.cli.folder`` into ``folder``; changes need ``force``."""
    from carryxl.cli.folder import folder_files  # noqa: PLC0415 - openpyxl, xlwings
    from carryxl.workbooks import write_bytes  # noqa: PLC0415 - see run

    if folder.exists() and not folder.is_dir():
        raise CarryxlError("dir", str(folder), "is a file, not a folder")
    outputs = [(folder / name, data) for name, data in folder_files()]
    folders = [p for p, _ in outputs if p.is_dir()]
    if folders:
        raise CarryxlError("dir", str(folders[0]), "is a folder where a file belongs")
    blocked = [p for p, data in outputs if p.exists() and p.read_bytes() != data]
    if blocked and not force:
        names = ", ".join(str(p) for p in blocked)
        print(f"carryxl new: {names} would change; use --force to overwrite", file=sys.stderr)
        return 2
    changed = sum(write_bytes(p, data, force) for p, data in outputs)
    print(f"{changed} written, {len(outputs) - changed} up to date in {folder}")
    return 0


COMMANDS = (
    Command(
        name="new",
        page="docs/workbooks.md",
        help="write a ready template workbook (.xlsx, or .xlsm with --xlsm)",
        description="Write a template workbook with labelled inputs, locked outputs, notes, "
        "validation lists, named ranges and charts. Existing files are never replaced "
        "without --force.",
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl new calculator", note="./calculator.xlsx, English, native formulas"),
            Example("carryxl new scenarios my.xlsx --lang zh", note="Simplified Chinese labels"),
            Example(
                "carryxl new calculator us.xlsx --lang zh --colors green-up",
                note="Chinese, gains green and losses red",
            ),
            Example(
                "carryxl new swap --formulas udf --xlsm",
                note="./swap_udf.xlsm: functions + Carry tab",
            ),
            Example("carryxl new --all --force", note="regenerate everything in workbooks/"),
        ),
    ),
)
