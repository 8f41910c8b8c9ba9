"""The ``carryxl`` command line: a module per sub-command, each declaring ``COMMANDS``;
every module of this package that declares them is found (:func:`command_modules`).

How to declare a command (its arguments, examples and errors): :mod:`carryxl.cli.command`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import pkgutil
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from types import ModuleType

from carryxl import __version__
from carryxl.cli.command import Command, CommandParser, print_error, register
from carryxl.core.errors import CarryxlError

__all__ = ["build_parser", "command_modules", "declared_commands", "main"]


def command_modules() -> tuple[ModuleType, ...]:
    """Every module of this package that declares ``COMMANDS``, by module name: a command
    module is found, never listed, so one cannot be forgotten."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):  # __main__ runs the command line when imported
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "COMMANDS"):
            found.append(module)
    return tuple(found)


def declared_commands() -> Iterator[Command]:
    """Every command the command modules declare, in the order of :func:`command_modules`."""
    for module in command_modules():
        yield from module.COMMANDS


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every sub-command registered."""
    parser = CommandParser(
        prog="carryxl",
        description="FX carry-trade maths: carry, FX P&L, forwards, swaps, risk, workbooks.",
        epilog="carryxl COMMAND --help shows a command's arguments and examples.",
    )
    parser.add_argument("--version", action="version", version=f"carryxl {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in declared_commands():
        register(sub, command)
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


def _file_problem(error: OSError) -> str:
    """An OSError as ``path: what happened``."""
    # a rename names the temporary file first and the user's file second
    where = error.filename2 if error.filename2 is not None else error.filename
    where = "" if where is None else str(where)
    what = error.strerror or str(error)
    return f"{where}: {what}" if where else what


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command and return the exit code: 0, or 2 after one line on stderr
    for bad input (1 when the reader of the output went away). A bare ``carryxl`` prints
    the help."""
    parser = build_parser()
    words = _attach_negative_values(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(words)
    except SystemExit as stop:  # --help, --version, or a refused argument (already printed)
        return stop.code if isinstance(stop.code, int) else 2
    if args.command is None:  # a bare ``carryxl``
        parser.print_help()
        return 0
    return _run(args)


_CHUNK = 1 << 16


def _run(args: argparse.Namespace) -> int:
    """The command's exit code; every expected failure as one line on stderr.

    The command's report is built whole before any of it is printed: what it prints is
    held until it returns, so a failure half-way prints nothing on stdout."""
    try:
        report = io.StringIO()
        with warnings.catch_warnings(), contextlib.redirect_stdout(report):
            # numpy's "overflow encountered in multiply" is no message for a trader
            warnings.simplefilter("error", RuntimeWarning)
            code: int = args.run(args)
        text = report.getvalue()
        for at in range(0, len(text), _CHUNK):  # a reader that goes away is noticed
            sys.stdout.write(text[at : at + _CHUNK])
            sys.stdout.flush()
    except CarryxlError as error:
        print_error(args.command, str(error))
        return 2
    except (RuntimeWarning, FloatingPointError) as warning:
        print_error(
            args.command,
            f"a result has no finite value for these inputs (numpy: {warning}): "
            "numbers too large, or a series too flat to measure",
        )
        return 2
    except BrokenPipeError:
        # The reader (``| head``) has gone: nothing more to say, and nothing at exit either.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print_error(args.command, "output closed before the end (broken pipe)")
        return 1
    except OSError as error:
        print_error(args.command, _file_problem(error))
        return 2
    return code
