"""Commands are found, not listed: every module of carryxl.cli that declares ``COMMANDS`` is
on the command line, a new one with nothing else to edit; and the declaration example in
carryxl/cli/command.py is code that runs."""

from __future__ import annotations

import argparse
import ast
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import carryxl.cli
from carryxl.cli import arguments, build_parser, command, command_modules, main
from carryxl.core.errors import CarryxlError

CLI = Path(carryxl.cli.__file__).parent


def _declares_commands(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Assign | ast.AnnAssign)
        and "COMMANDS" in {t.id for t in ast.walk(node) if isinstance(t, ast.Name)}
        for node in tree.body
    )


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(getattr(a, "choices", None), dict))
    choices: dict[str, argparse.ArgumentParser] = sub.choices  # type: ignore[assignment]
    return choices


def test_every_module_that_declares_commands_is_found() -> None:
    sources = sorted(p.stem for p in CLI.glob("*.py") if _declares_commands(p))
    assert len(sources) >= 14  # the scan saw the command modules
    assert [m.__name__.rpartition(".")[2] for m in command_modules()] == sources
    shown = set(_subcommands(build_parser()))
    for module in command_modules():
        assert {c.name for c in module.COMMANDS} <= shown, module.__name__


PROBE = """
from carryxl.cli.command import Command, Example


def run(args):
    print("probe ran")
    return 0


COMMANDS = (
    Command(
        name="probe",
        help="a command added as one module",
        description="probe",
        run=run,
        examples=(Example("carryxl probe"),),
    ),
)
"""


def test_a_new_command_is_one_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.setattr(carryxl.cli, "__path__", [*carryxl.cli.__path__, str(tmp_path)])
    try:
        assert "probe" in _subcommands(build_parser())
        assert main(["probe"]) == 0
        assert capsys.readouterr().out == "probe ran\n"
    finally:
        sys.modules.pop("carryxl.cli.probe", None)
    monkeypatch.undo()
    assert "probe" not in _subcommands(build_parser())


def test_the_declaration_example_runs(tmp_path: Path) -> None:
    doc = command.__doc__ or ""
    block = textwrap.dedent(doc.split("::\n", 1)[1].split("\nWhat follows", 1)[0])
    names: dict[str, Any] = {
        "argparse": argparse,
        "Command": command.Command,
        "Example": command.Example,
        "number": arguments.number,
        "target_file": arguments.target_file,
    }
    exec(compile(block, "carryxl/cli/command.py", "exec"), names)  # noqa: S102 - our own doc
    parser = argparse.ArgumentParser(prog="carryxl")
    sub = parser.add_subparsers(dest="command")
    declared_commands: tuple[command.Command, ...] = names["COMMANDS"]
    for declared in declared_commands:
        command.register(sub, declared)
    plot = tmp_path / "p.png"
    args = parser.parse_args(["forward", "--pair", "USD/JPY", "--spot", "150", "--plot", str(plot)])
    assert args.run(args) == 0
    plot.write_bytes(b"")
    with pytest.raises(CarryxlError):
        args.run(args)  # an existing plot without --force is refused
