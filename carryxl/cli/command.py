"""One way to declare a ``carryxl`` sub-command: its arguments, its examples, its errors.

A command module of :mod:`carryxl.cli` holds a tuple ``COMMANDS`` of :class:`Command`;
``carryxl.cli`` finds every such module of its package (nothing to register)::

    def _arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--pair", required=True, help="currency pair, e.g. AUD/JPY")
        p.add_argument("--spot", required=True, type=number("spot", above=0), help="spot")
        p.add_argument("--plot", help="a chart (.png)")
        p.add_argument("--force", action="store_true", help="overwrite --plot")


    def run(args: argparse.Namespace) -> int:
        if args.plot is not None:  # refused before anything is computed
            target_file("plot", args.plot, (".png",), args.force)
        ...  # raise CarryxlError for bad input; return 0
        return 0


    COMMANDS = (
        Command(
            name="forward",
            help="one line in `carryxl --help`",
            description="a paragraph at the top of `carryxl forward --help`",
            arguments=_arguments,
            run=run,
            examples=(Example("carryxl forward --pair USD/JPY --spot 150 ..."),),
        ),
    )

What follows from declaring a command so:

- ``carryxl forward --help`` lists the examples exactly as typed (no ``%%`` escaping;
  write ``%%`` only inside an argument's ``help=``, which argparse formats);
- ``tests/cli/test_examples.py`` runs every example of every command (in a scratch
  folder, after writing the example's ``files``) and requires exit 0, so an example that
  stops working fails the build;
- a bad argument or a :class:`~carryxl.core.errors.CarryxlError` from ``run`` prints one
  line on stderr and exits 2, never a traceback (``carryxl.cli.main`` does the same for
  unreadable files and closed pipes); the argument types of :mod:`carryxl.cli.arguments`
  (numbers, counts, rates, dates) refuse bad text before ``run`` starts, and its
  ``target_file`` refuses a file ``run`` may not write before anything is computed.

A command with actions (``carryxl addin build|xlsm|...``) gives ``actions``: Commands
of their own, each with a description and examples.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

__all__ = ["Command", "CommandParser", "Example", "all_examples", "print_error", "register"]

_WIDTH = 92


@dataclass(frozen=True)
class Example:
    """A command line as a user types it, and the input files it reads (name -> text)."""

    line: str
    files: Mapping[str, str] = field(default_factory=dict)
    note: str = ""

    @property
    def commands(self) -> list[list[str]]:
        """The arguments after ``carryxl`` of each command (``a && b`` is two)."""
        found: list[list[str]] = [[]]
        for word in shlex.split(self.line):
            if word == "&&":
                found.append([])
            else:
                found[-1].append(word)
        for words in found:
            if words[:1] != ["carryxl"]:
                raise ValueError(f"each command of an example starts with carryxl: {self.line!r}")
        return [words[1:] for words in found]

    def shown(self) -> str:
        """The example wrapped for ``--help``, continued lines ending in a backslash."""
        lines = textwrap.wrap(
            self.line,
            _WIDTH - 6,
            break_long_words=False,
            break_on_hyphens=False,
        )
        text = " \\\n      ".join(lines)
        head = f"  # {self.note}\n" if self.note else ""
        body = "".join(
            f"{name}:\n" + textwrap.indent(content.rstrip("\n"), "  ") + "\n"
            for name, content in self.files.items()
        )
        return f"{head}  {text}\n{body}"


@dataclass(frozen=True)
class Command:
    """A sub-command: its name, help, arguments, what it runs and its examples.

    ``page`` is the docs page that explains it (the README's command table links it;
    empty: the README itself).
    """

    name: str
    help: str
    description: str
    run: Callable[[argparse.Namespace], int] | None
    arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None
    examples: tuple[Example, ...] = ()
    actions: tuple[Command, ...] = ()
    page: str = ""

    def epilog(self) -> str | None:
        """The examples section of ``--help``."""
        if not self.examples:
            return None
        title = "example:" if len(self.examples) == 1 else "examples:"
        return title + "\n" + "".join(e.shown() for e in self.examples)


class CommandParser(argparse.ArgumentParser):
    """argparse with carryxl's error rule: one line on stderr, exit 2, no usage block."""

    def error(self, message: str) -> NoReturn:
        """Print ``carryxl CMD: message (see carryxl CMD --help)`` and exit 2."""
        one_line = " ".join(message.split())
        self.exit(2, f"{self.prog}: {one_line} (see {self.prog} --help)\n")


def _show_help(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        parser.print_help()
        return 0

    return run


def register(sub: Any, command: Command) -> argparse.ArgumentParser:
    """Add ``command`` (and its actions) to the sub-parsers ``sub``."""
    parser: argparse.ArgumentParser = sub.add_parser(
        command.name,
        help=command.help,
        description=command.description,
        epilog=command.epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.arguments(parser)
    parser.set_defaults(command=_command_name(parser))
    if command.actions:
        actions = parser.add_subparsers(dest="action", metavar="ACTION")
        for action in command.actions:
            register(actions, action)
        # A bare ``carryxl addin`` prints its help rather than failing.
        parser.set_defaults(run=_show_help(parser))
    elif command.run is not None:
        parser.set_defaults(run=command.run)
    return parser


def _command_name(parser: argparse.ArgumentParser) -> str:
    return parser.prog.removeprefix("carryxl ").strip()


def all_examples(commands: tuple[Command, ...]) -> Iterator[tuple[str, Example]]:
    """``(command name, example)`` for every command and action."""
    for command in commands:
        for example in command.examples:
            yield command.name, example
        for name, example in all_examples(command.actions):
            yield f"{command.name} {name}", example


def print_error(command: str, text: str) -> None:
    """The one line on stderr."""
    prefix = f"carryxl {command}" if command else "carryxl"
    print(f"{prefix}: {' '.join(text.split())}", file=sys.stderr)
