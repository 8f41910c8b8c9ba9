"""``carryxl new``: write a template workbook (calculator, asset_carry, scenarios, rates)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carryxl.core.errors import CarryxlError

__all__ = ["KIND_NAMES", "add_parser", "run"]

# The kinds carryxl.workbooks.KINDS builds (a test keeps the two equal). Listed here so
# that the command line starts without importing openpyxl.
KIND_NAMES = ("calculator", "asset_carry", "scenarios", "swap", "risk", "rates")

EXAMPLE = (
    "examples:\n"
    "  carryxl new calculator                      # ./calculator.xlsx, English, native formulas\n"
    "  carryxl new scenarios my.xlsx --lang zh     # Simplified Chinese labels\n"
    "  carryxl new --all --force                   # regenerate everything in workbooks/"
)


def add_parser(sub: Any) -> None:
    """Register ``new``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "new",
        help="write a ready template workbook (.xlsx)",
        description="Write a template workbook with labelled inputs, locked outputs, notes, "
        "validation lists, named ranges and charts. Existing files are never replaced "
        "without --force.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("kind", nargs="?", choices=KIND_NAMES, help="which template")
    p.add_argument("path", nargs="?", help="where to write it (default: KIND.xlsx here)")
    p.add_argument("--lang", default="en", choices=("en", "zh"), help="label language")
    p.add_argument(
        "--formulas",
        default="native",
        choices=("native", "udf"),
        help="native: plain Excel formulas; udf: carryxl's Excel functions (add-in)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--all", action="store_true", help="write every template, language and mode into --dir"
    )
    p.add_argument("--dir", default="workbooks", help="folder for --all (default: workbooks)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write one template, or all of them with ``--all``."""
    # openpyxl is imported only when a workbook is written.
    from carryxl.workbooks import default_filename, workbook_bytes, write_bytes  # noqa: PLC0415

    if args.all:
        if args.kind or args.path:
            raise CarryxlError("--all", args.kind or args.path, "takes no KIND or PATH")
        return _all(Path(args.dir), args.force)
    if args.kind is None:
        raise CarryxlError("kind", None, f"give one of {', '.join(KIND_NAMES)}, or --all")
    path = Path(args.path or default_filename(args.kind, args.lang, args.formulas))
    if path.suffix.lower() != ".xlsx":
        raise CarryxlError("path", str(path), "must end in .xlsx")
    data = workbook_bytes(args.kind, args.lang, args.formulas)
    written = write_bytes(path, data, args.force)
    print(f"{'wrote' if written else 'up to date'}: {path}")
    return 0


def _all(folder: Path, force: bool) -> int:
    """Every template into ``folder``; different existing files need ``force``."""
    from carryxl.workbooks import (  # noqa: PLC0415 - see run
        default_filename,
        every_template,
        workbook_bytes,
        write_bytes,
    )

    outputs = [
        (folder / default_filename(k, lang, mode), workbook_bytes(k, lang, mode))
        for k, lang, mode in every_template()
    ]
    blocked = [p for p, data in outputs if p.exists() and p.read_bytes() != data]
    if blocked and not force:
        names = ", ".join(str(p) for p in blocked)
        print(f"carryxl new: {names} would change; use --force to overwrite", file=sys.stderr)
        return 2
    changed = sum(write_bytes(p, data, force) for p, data in outputs)
    print(f"{changed} written, {len(outputs) - changed} up to date in {folder}")
    return 0
