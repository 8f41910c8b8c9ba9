"""The ``carryxl`` command line: a module per sub-command, each with ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from types import ModuleType

from carryxl.cli import addin, asset, backtest, calc, forward, history, new, risk, run, stress, swap
from carryxl.core.errors import CarryxlError

__all__ = ["main"]

COMMANDS: tuple[ModuleType, ...] = (
    calc,
    asset,
    history,
    stress,
    backtest,
    swap,
    forward,
    risk,
    new,
    run,
    addin,
)


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


_NEGATIVE = re.compile(r"-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?")


def _attach_negative_values(argv: Sequence[str]) -> list[str]:
    """``--fx-move -2%`` -> ``--fx-move=-2%``: argparse would read ``-2%`` as a flag."""
    out: list[str] = []
    for token in argv:
        if out and _NEGATIVE.fullmatch(token) and out[-1].startswith("--") and "=" not in out[-1]:
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; bad input prints one line on stderr and exits 2."""
    parser = build_parser()
    args = parser.parse_args(_attach_negative_values(sys.argv[1:] if argv is None else argv))
    try:
        code: int = args.run(args)
    except CarryxlError as error:
        print(f"carryxl {args.command}: {error}", file=sys.stderr)
        return 2
    return code
