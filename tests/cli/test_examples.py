"""Every example the command line shows (``--help``) or the docs print runs and exits 0.

Each runs with its own copy of a data folder holding the tests' own policy-rate tables
(``example_data`` in conftest.py), as a user's would after ``carryxl data update``; where a
docs line names one of BIS's files, the tests' table of that role is put in its folder
under that name (``DOC_NAMES``)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from carryxl.cli import build_parser, declared_commands, main
from carryxl.cli.command import Command, Example, all_examples
from tests.policy_data import DOC_NAMES

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Examples that need Excel (Windows or macOS) to do anything.
NEEDS_EXCEL = ("carryxl addin install", "carryxl addin uninstall")

COMMANDS = tuple(declared_commands())
EXAMPLES = list(all_examples(COMMANDS))


def _run_example(example: Example, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    for name, text in example.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    for argv in example.commands:
        assert main(argv) == 0, f"carryxl {shlex.join(argv)}"


def _every_command(commands: tuple[Command, ...]) -> list[Command]:
    found = []
    for command in commands:
        found.append(command)
        found.extend(_every_command(command.actions))
    return found


def test_every_command_is_declared_with_its_examples() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(getattr(a, "choices", None), dict))
    declared = {c.name for c in COMMANDS}
    undeclared = sorted(set(sub.choices) - declared)
    assert undeclared == [], (
        f"declare {undeclared} as COMMANDS = (Command(...),) (see carryxl/cli/command.py)"
    )


def test_there_are_examples_for_every_command() -> None:
    for command in _every_command(COMMANDS):
        if command.actions:
            continue
        name = next((n for n in NEEDS_EXCEL if n.endswith(" " + command.name)), None)
        assert command.examples or name, f"carryxl {command.name} declares no example"
        assert command.description, f"carryxl {command.name} has no description"


@pytest.mark.parametrize(
    "example", [e for _, e in EXAMPLES], ids=[f"{n}:{i}" for i, (n, _) in enumerate(EXAMPLES)]
)
def test_help_example_runs(
    example: Example,
    example_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run_example(example, tmp_path, monkeypatch)
    assert capsys.readouterr().err.count("Traceback") == 0


def _help_texts(parser: object) -> list[str]:
    texts = [parser.format_help()]  # type: ignore[attr-defined]
    for action in parser._actions:  # type: ignore[attr-defined]
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for sub in choices.values():
                texts.extend(_help_texts(sub))
    return texts


def test_help_shows_every_example_as_typed_without_escapes() -> None:
    texts = _help_texts(build_parser())
    assert len(texts) == 1 + sum(1 for _ in _every_command(COMMANDS))
    joined = "\n".join(texts)
    assert "%%" not in joined
    for _, example in EXAMPLES:
        # the shown example, unwrapped, is the line a user pastes
        assert example.line.split()[-1] in joined


def test_an_example_is_shown_with_its_input_files() -> None:
    help_text = _help_texts(build_parser())
    backtest = next(t for t in help_text if t.startswith("usage: carryxl backtest"))
    assert "--rates rates.csv" in backtest
    assert "2005-01-03,5.25%,0.1%" in backtest


def _doc_examples() -> list[tuple[str, str]]:
    """``(where, command line)`` of each ``carryxl`` line in the docs' code blocks."""
    found = []
    for path in DOCS:
        in_code = False
        pending = ""
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.lstrip().startswith("```"):
                in_code = not in_code
                continue
            if not in_code:
                continue
            line = pending + raw.strip().removeprefix("$ ")
            if line.endswith("\\"):
                pending = line[:-1] + " "
                continue
            pending = ""
            line = re.sub(r"\s+#.*$", "", line)
            # a chain runs in one folder; the non-carryxl steps (pip install) are skipped
            chain = [p.strip() for p in line.split("&&") if p.strip().startswith("carryxl ")]
            if chain:
                found.append((f"{path.name}:{number}", " && ".join(chain)))
    return found


DOC_EXAMPLES = _doc_examples()


def _is_synopsis(line: str) -> bool:
    """``carryxl addin build [--out DIR]``, ``carryxl run scenario|chart ...``: a usage line."""
    return "[" in line or "|" in line or bool(re.search(r"\b(WORKBOOK|BOOK|KIND|DIR)\b", line))


def test_the_docs_show_examples() -> None:
    runnable = [line for _, line in DOC_EXAMPLES if not _is_synopsis(line)]
    assert len(runnable) >= 15
    assert any(line.startswith("carryxl backtest") for line in runnable)


@pytest.mark.parametrize(
    ("where", "line"),
    [(w, line) for w, line in DOC_EXAMPLES if not _is_synopsis(line)],
    ids=[w for w, line in DOC_EXAMPLES if not _is_synopsis(line)],
)
def test_doc_example_runs(
    where: str,
    line: str,
    example_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if line.startswith(NEEDS_EXCEL):
        # Windows and macOS only: here it must refuse in one line, not half-install.
        monkeypatch.chdir(tmp_path)
        assert main(shlex.split(line)[1:]) != 0
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        assert "Windows" in err[0] or "macOS" in err[0], err
        return
    line = line.replace("%TEMP%\\", f"{tmp_path}/")  # the Windows check's temp folder
    backtest_rates = "date,AUD,JPY\n2005-01-03,5.25%,0.1%\n2008-09-03,7.0%,\n"
    files = {"rates.csv": backtest_rates} if "rates.csv" in line else {}
    files |= {name: p.read_text(encoding="utf-8") for name, p in DOC_NAMES.items() if name in line}
    for name in re.findall(r"docs/examples/[\w.-]+\.csv", line):  # the docs' own input files
        files[name] = (ROOT / name).read_text(encoding="utf-8")
    _run_example(Example(line, files=files), tmp_path, monkeypatch)
