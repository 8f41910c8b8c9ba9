"""``carryxl run MACRO WORKBOOK``: the ribbon's macros on a file, without Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from carryxl.buttons import BUTTONS

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``run``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "run",
        help=f"run a ribbon macro on an .xlsx/.xlsm file ({', '.join(b.tag for b in BUTTONS)})",
        description="Compute from the workbook's inputs (its in_* names) and write into the "
        "macro's own ranges with openpyxl. A range holding something carryxl did not write "
        "is never overwritten: the command stops and the file is left unchanged.",
        epilog="macros:\n" + "\n".join(f"  {b.tag:<11} {b.summary}" for b in BUTTONS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "macro", choices=sorted(b.tag for b in BUTTONS), help="the macro (a ribbon button's tag)"
    )
    p.add_argument("workbook", help="the .xlsx or .xlsm file")
    p.add_argument("--out", help="write the result here instead of in place")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the macro and save; a refusal leaves the file as it was."""
    from carryxl.macros.dispatch import run_macro  # noqa: PLC0415 - the macros when run
    from carryxl.macros.file_book import FileBook  # noqa: PLC0415 - openpyxl only when run

    with FileBook(Path(args.workbook), quiet=args.quiet) as book:
        run_macro(args.macro, book)
        saved = book.save(args.out)
    print(saved)
    return 0
