"""The ``carryxl`` command line: a module per sub-command, each with ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from carryxl.cli import calc, new
from carryxl.core.errors import CarryxlError

__all__ = ["main"]

COMMANDS: tuple[ModuleType, ...] = (calc, new)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="carryxl",
        description="FX carry-trade maths: carry, FX P&L, forwards, swaps, risk, workbooks.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; bad input prints one line on stderr and exits 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except CarryxlError as error:
        print(f"carryxl {args.command}: {error}", file=sys.stderr)
        return 2
    return code
