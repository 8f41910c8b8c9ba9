"""``carryxl run MACRO WORKBOOK``: the ribbon's macros on a file, without Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from carryxl.buttons import BUTTONS
from carryxl.cli.arguments import target_file
from carryxl.cli.command import Command, Example
from carryxl.core.errors import CarryxlError
from carryxl.files import read_only

__all__ = ["COMMANDS", "run"]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "macro", choices=sorted(b.tag for b in BUTTONS), help="the macro (a ribbon button's tag)"
    )
    p.add_argument("workbook", help="the .xlsx or .xlsm file")
    p.add_argument("--out", help="write the result here instead of in place (same extension)")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument(
        "--file",
        help="the file a macro asks for (Import statement: the MetaTrader statement to read)",
    )


def run(args: argparse.Namespace) -> int:
    """Run the macro and save; a refusal leaves the file as it was."""
    from carryxl.macros.dispatch import run_macro  # noqa: PLC0415 - the macros when run
    from carryxl.macros.file_book import FileBook  # noqa: PLC0415 - openpyxl only when run

    out = None
    if args.out is not None:
        out = target_file("out", args.out, (Path(args.workbook).suffix.lower(),), args.force)
    elif read_only(Path(args.workbook)):
        raise CarryxlError(
            "workbook", args.workbook, "is read-only; give --out FILE to write a copy"
        )
    with FileBook(Path(args.workbook), quiet=args.quiet, file=args.file) as book:
        run_macro(args.macro, book)
        saved = book.save(out)
    print(saved)
    return 0


COMMANDS = (
    Command(
        name="run",
        page="docs/addin.md",
        help=f"run a ribbon macro on an .xlsx/.xlsm file ({', '.join(b.tag for b in BUTTONS)})",
        description="Compute from the workbook's inputs (its in_* names) and write into the "
        "macro's own ranges with openpyxl. A range holding something carryxl did not write "
        "is never overwritten: the command stops and the file is left unchanged. A run with "
        "nothing to write leaves the file's bytes as they were.\n\nmacros:\n"
        + "\n".join(f"  {b.tag:<11} {b.summary}" for b in BUTTONS),
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl addin demo d.xlsx && carryxl run scenario d.xlsx"),
            Example("carryxl addin demo d.xlsx && carryxl run chart d.xlsx --out d2.xlsx"),
            Example(
                "carryxl new rates r.xlsx && carryxl run rates r.xlsx",
                note="the latest BIS policy rates of your data folder into the Rates sheet",
            ),
        ),
    ),
)
