"""The docs' printed outputs, run for real: the output blocks of ``python -m carryxl.cli.docs``.

An output block is a fenced block between ``<!-- carryxl:output -->`` and
``<!-- /carryxl:output -->``: its ``$ carryxl ...`` line (continued by a trailing ``\\``,
chained by ``&&``) is the writers'; what follows is what the command prints today. Options
in the opening marker:

- ``head=N``: an excerpt, the first N lines and a last line saying how many are left out,
  cut the same way each time;
- ``data=policy``: the command reads BIS's policy rates. It runs on a data folder of its
  own, filled from BIS's published files (``policy_files``: a folder holding them under
  the names the docs give them), never from a user's data folder; without those files
  the block is left as it is and listed as not run.

Each block runs in an empty folder of its own (holding a copy of ``docs/examples``, the
docs' input files), with ``CARRYXL_DATA_DIR`` pointing at a data folder of the run's own.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from carryxl.cli import main
from carryxl.history.store import import_policy_files

__all__ = [
    "BLOCK",
    "POLICY_IMPORTS",
    "Output",
    "Runner",
    "blocks",
    "excerpt",
]

BLOCK = re.compile(
    r"<!-- carryxl:output(?P<options>[^>]*?) -->\n(?P<body>.*?)<!-- /carryxl:output -->",
    flags=re.DOTALL,
)
"""An output block: its options, and the fenced block between the markers."""

POLICY_IMPORTS: tuple[tuple[tuple[str, str], str | None], ...] = (
    (("bis_cbpol_1999_2022.csv", "bis_cbpol_gaps_1999_2022.csv"), None),
    # the later extract runs to 2024-12-31, past its last change point (2024-12-27)
    (("bis_cbpol_2008_2024.csv", "bis_cbpol_gaps_2008_2024.csv"), "2024-12-31"),
)
"""BIS's files as the docs name them, imported in this order (the later wins), each pair
with the end of its data (``--through``) where a change-point table cannot tell it."""


@dataclass(frozen=True)
class Output:
    """One output block: where it is, its options, the lines the writers typed (the fence
    and the command) and the command lines to run."""

    file: str
    line: int
    head: int | None
    needs_policy: bool
    shown: tuple[str, ...]
    commands: tuple[tuple[str, ...], ...]

    @property
    def name(self) -> str:
        """How a report names it: ``docs/history.md:47 (carryxl spot AUD/JPY ...)``."""
        typed = " && carryxl ".join(shlex.join(argv) for argv in self.commands)
        return f"{self.file}:{self.line} (carryxl {typed[:60]}{'...' if len(typed) > 60 else ''})"

    def render(self, printed: str) -> str:
        """The block's text between the markers, with ``printed`` as its output."""
        return "\n".join([*self.shown, *excerpt(printed, self.head), "```"]) + "\n"


def _options(text: str, where: str) -> tuple[int | None, bool]:
    head, needs_policy = None, False
    for option in text.split():
        key, _, value = option.partition("=")
        if key == "head" and value.isdigit() and int(value) > 0:
            head = int(value)
        elif (key, value) == ("data", "policy"):
            needs_policy = True
        else:
            raise ValueError(f"{where}: unknown output option {option!r} (head=N, data=policy)")
    return head, needs_policy


def _commands(lines: list[str], where: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The typed lines (``$ carryxl ...`` and its continuations) and the argv of each
    carryxl command in them, without the ``carryxl``."""
    if not lines or not lines[0].startswith("$ carryxl "):
        raise ValueError(f"{where}: an output block starts with a `$ carryxl ...` line")
    typed = [lines[0]]
    while typed[-1].endswith("\\") and len(typed) < len(lines):
        typed.append(lines[len(typed)])
    joined = " ".join(line.removesuffix("\\").strip() for line in typed).removeprefix("$ ")
    argvs = [shlex.split(part) for part in joined.split(" && ")]
    if any(argv[0] != "carryxl" for argv in argvs):
        raise ValueError(f"{where}: every command of an output block is a carryxl command")
    return typed, [tuple(argv[1:]) for argv in argvs]


def blocks(file: str, text: str) -> list[tuple[re.Match[str], Output]]:
    """Each output block of ``text`` (the file ``file``), with its match."""
    found = []
    for match in BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        where = f"{file}:{line}"
        head, needs_policy = _options(match["options"], where)
        lines = match["body"].splitlines()
        if not lines or not lines[0].startswith("```") or lines[-1] != "```":
            raise ValueError(f"{where}: an output block holds one fenced block")
        typed, commands = _commands(lines[1:-1], where)
        shown = (lines[0], *typed)
        found.append((match, Output(file, line, head, needs_policy, shown, tuple(commands))))
    return found


def excerpt(printed: str, head: int | None) -> list[str]:
    """The lines shown of ``printed``: all of them, or the first ``head`` and a line saying
    how many more the command prints."""
    lines = printed.splitlines()
    if head is None or len(lines) <= head:
        return lines
    left = len(lines) - head
    return [*lines[:head], f"... ({left} more line{'s' if left > 1 else ''})"]


@contextlib.contextmanager
def _in(folder: Path, data: Path) -> Iterator[None]:
    """Run with ``folder`` as the working folder and ``data`` as carryxl's data folder."""
    saved_cwd, saved_data = Path.cwd(), os.environ.get("CARRYXL_DATA_DIR")
    os.chdir(folder)
    os.environ["CARRYXL_DATA_DIR"] = str(data)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        if saved_data is None:
            del os.environ["CARRYXL_DATA_DIR"]
        else:
            os.environ["CARRYXL_DATA_DIR"] = saved_data


class Runner:
    """Runs output blocks, in a temporary folder of its own (``with Runner(...) as run``):
    an empty data folder, and one with BIS's files imported when ``policy_files`` is given."""

    def __init__(self, root: Path, policy_files: Path | None = None) -> None:
        self.root = root
        self.policy_files = None if policy_files is None else policy_files.resolve()
        self._temp = Path(tempfile.mkdtemp(prefix="carryxl-docs-"))
        self._count = 0
        self.empty = self._temp / "empty-data"
        self.policy = self._temp / "policy-data"

    def __enter__(self) -> Runner:
        self.empty.mkdir()
        if self.policy_files is not None:
            self.policy.mkdir()
            with _in(self._temp, self.policy):
                for names, through in POLICY_IMPORTS:
                    import_policy_files([self.policy_files / n for n in names], through)
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self._temp, ignore_errors=True)

    def can_run(self, block: Output) -> bool:
        """Whether this runner has the data the block needs."""
        return not block.needs_policy or self.policy_files is not None

    def __call__(self, block: Output) -> str:
        """What the block's commands print, one after the other, in a fresh folder."""
        self._count += 1
        folder = self._temp / f"run-{self._count}"
        examples = self.root / "docs" / "examples"
        if examples.is_dir():
            shutil.copytree(examples, folder / "docs" / "examples")
        folder.mkdir(exist_ok=True)
        printed = io.StringIO()
        with _in(folder, self.policy if block.needs_policy else self.empty):
            for argv in block.commands:
                with contextlib.redirect_stdout(printed):
                    code = main(list(argv))
                if code != 0:
                    raise RuntimeError(f"{block.name}: carryxl {shlex.join(argv)} exited {code}")
        return printed.getvalue()
