"""The broker's margin-call and stop-out levels on the command line, one way for every
command that holds a leveraged position (``backtest``, ``basket``, ``stress``)."""

from __future__ import annotations

import argparse

from carryxl.cli.arguments import rate
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL

__all__ = ["add_level_arguments", "stop_out_level"]


def add_level_arguments(p: argparse.ArgumentParser) -> None:
    """``--margin-call`` (reported), ``--stop-out`` (closes) and ``--hold`` (no stop-out)."""
    p.add_argument(
        "--margin-call",
        type=rate("margin_call"),
        default=MARGIN_CALL_LEVEL,
        help=f"with leverage > 1, report the first fixing where equity < this share of the "
        f"margin (default {MARGIN_CALL_LEVEL * 100:.0f}%%, the brokers' usual margin call)",
    )
    p.add_argument(
        "--stop-out",
        type=rate("stop_out"),
        default=STOP_OUT_LEVEL,
        help=f"with leverage > 1 the broker closes the position at the first fixing where "
        f"equity < this share of the margin (default {STOP_OUT_LEVEL * 100:.0f}%%)",
    )
    p.add_argument("--hold", action="store_true", help="no stop-out: hold through everything")


def stop_out_level(args: argparse.Namespace) -> float | None:
    """The stop-out level asked for; None with ``--hold``."""
    return None if args.hold else float(args.stop_out)
