"""The docs' tables, counts and printed outputs, from one command: ``python -m carryxl.cli.docs``.

Each generated part of README.md and docs/ sits between two markers, ``<!-- carryxl:NAME
-->`` and ``<!-- /carryxl:NAME -->`` (invisible in rendered Markdown); what is between
them is this module's, and everything else is the writers'. ``--write`` rewrites the
parts that changed; ``--check`` (the default) names the stale ones and exits 1, as
tests/test_docs_sections.py does::

    python -m carryxl.cli.docs --write --policy-files DIR

The parts: the README's function count, command table, template kinds and buttons; the
function tables of docs/excel.md (:mod:`carryxl.excel.catalog`); the button table of
docs/addin.md (:mod:`carryxl.buttons`); the table of what ``workbooks/`` holds in
docs/workbooks.md and their count (:mod:`carryxl.templates`); and every printed output of
a ``carryxl`` command, between ``<!-- carryxl:output -->`` markers, which is run for real
(:mod:`carryxl.cli.doc_outputs`). The outputs marked ``data=policy`` read BIS's policy
rates: ``--policy-files DIR`` names a folder holding BIS's published files (the names
:data:`carryxl.cli.doc_outputs.POLICY_IMPORTS` lists); without it those blocks are not run,
and the command lists them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from carryxl import buttons, templates
from carryxl.cli import declared_commands
from carryxl.cli.doc_outputs import Runner, blocks
from carryxl.core.errors import CarryxlError
from carryxl.excel import catalog

__all__ = [
    "ROOT",
    "SECTIONS",
    "Report",
    "Section",
    "check",
    "commands_table",
    "doc_files",
    "kinds_list",
    "main",
    "render",
    "stale",
    "workbook_count",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository: README.md and docs/ beside the carryxl package."""


@dataclass(frozen=True)
class Section:
    """A generated part: the file it is in, its marker name, and its text; ``inline`` parts
    sit inside a sentence, the others are blocks of whole lines."""

    file: str
    name: str
    text: Callable[[], str]
    inline: bool = False


def commands_table() -> str:
    """The README's table of commands: each command's help and the page that explains it."""
    lines = ["| command | what it does | details |", "|---|---|---|"]
    for command in declared_commands():
        page = f"[{command.page}]({command.page})" if command.page else "above"
        lines.append(f"| `carryxl {command.name}` | {command.help} | {page} |")
    return "\n".join(lines)


def kinds_list() -> str:
    """The README's list of template kinds, each with what it holds."""
    return ", ".join(f"**{t.kind}** ({t.summary})" for t in templates.TEMPLATES)


def workbook_count() -> int:
    """How many files ``carryxl new --all`` writes: each kind's native and udf workbooks
    in each language, the .xlsm flavour of each udf workbook, and the add-in."""
    native = sum(len(t.langs) for t in templates.TEMPLATES if "native" in t.modes)
    udf = sum(len(t.langs) for t in templates.TEMPLATES if "udf" in t.modes)
    return native + 2 * udf + 1


def _files_table() -> str:
    """docs/workbooks.md's table of what ``carryxl new --all`` writes into workbooks/."""
    native = [t for t in templates.TEMPLATES if "native" in t.modes]
    udf = [t for t in templates.TEMPLATES if "udf" in t.modes]
    every = "every kind" if len(native) == len(templates.TEMPLATES) else f"{len(native)} kinds"
    native_files = sum(len(t.langs) for t in native)
    udf_files = sum(len(t.langs) for t in udf)
    return "\n".join(
        [
            "| files | count | what |",
            "|---|---|---|",
            f"| `KIND.xlsx`, `KIND_zh.xlsx` | {native_files} | {every}, native formulas, "
            "English and Chinese |",
            f"| `KIND_udf.xlsx`, `KIND_udf_zh.xlsx` | {udf_files} | the {len(udf)} kinds with "
            "udf formulas, in udf mode (need the add-in) |",
            f"| `KIND_udf.xlsm`, `KIND_udf_zh.xlsm` | {udf_files} | the same udf workbooks "
            "macro-enabled: each carries carryxl's VBA project (the UDF wrappers its formulas "
            "call, the macros and the **Carry** ribbon tab), so it needs no add-in — only "
            "xlwings and carryxl in Python |",
            "| `carryxl.xlam` | 1 | the add-in ([addin.md](addin.md)): Carry tab, macros and "
            "UDF wrappers for the `.xlsx` files |",
        ]
    )


SECTIONS: tuple[Section, ...] = (
    Section("README.md", "function-count", catalog.count_phrase, inline=True),
    Section("README.md", "commands", commands_table),
    Section("README.md", "kinds", kinds_list, inline=True),
    Section("docs/excel.md", "functions", catalog.markdown),
    Section("docs/addin.md", "buttons", buttons.markdown),
    Section(
        "README.md",
        "carry-tab",
        lambda: ", ".join(b.label for b in buttons.BUTTONS),
        inline=True,
    ),
    Section("docs/workbooks.md", "workbook-files", _files_table),
    Section("docs/workbooks.md", "workbook-count", lambda: f"all {workbook_count()}", inline=True),
)
"""Every generated part, by file."""


def render(text: str, section: Section) -> str:
    """``text`` with the part between the section's markers replaced by its text now; a
    ValueError when the markers are not there exactly once."""
    begin, end = f"<!-- carryxl:{section.name} -->", f"<!-- /carryxl:{section.name} -->"
    found = re.findall(re.escape(begin) + ".*?" + re.escape(end), text, flags=re.DOTALL)
    if len(found) != 1:
        raise ValueError(f"{section.file}: {len(found)} pairs of {begin} ... {end}; need 1")
    body = section.text() if section.inline else f"\n{section.text()}\n"
    return text.replace(found[0], begin + body + end)


@dataclass(frozen=True)
class Report:
    """What a check found: each file that changes -> its new text, the names of the stale
    parts, and the output blocks not run (they need BIS's files)."""

    texts: dict[str, str]
    stale: list[str]
    not_run: list[str]


def doc_files(root: Path = ROOT) -> list[str]:
    """README.md and every page of docs/, as paths from the repository."""
    return ["README.md", *(f"docs/{p.name}" for p in sorted((root / "docs").glob("*.md")))]


def _outputs(file: str, text: str, run: Runner, report: Report) -> str:
    """``text`` with each output block that ``run`` can run holding today's output."""
    pieces, done = [], 0
    for match, block in blocks(file, text):
        body = match["body"]
        if not run.can_run(block):
            report.not_run.append(block.name)
        elif (printed := block.render(run(block))) != body:
            report.stale.append(f"{block.name}: output")
            body = printed
        pieces += [text[done : match.start("body")], body]
        done = match.end("body")
    return "".join([*pieces, text[done:]])


def check(root: Path = ROOT, policy_files: Path | None = None) -> Report:
    """Every generated part of the docs against what the registries and the commands say
    now; the output blocks that read policy rates run only with ``policy_files``."""
    report = Report({}, [], [])
    with Runner(root, policy_files) as run:
        for file in doc_files(root):
            old = (root / file).read_text(encoding="utf-8")
            new = old
            for section in SECTIONS:
                if section.file == file:
                    before, new = new, render(new, section)
                    if new != before:
                        report.stale.append(f"{file}: {section.name}")
            new = _outputs(file, new, run, report)
            if new != old:
                report.texts[file] = new
    return report


def stale(root: Path = ROOT, policy_files: Path | None = None) -> dict[str, str]:
    """Each file whose generated parts are not what the registries and commands say now ->
    its new text."""
    return check(root, policy_files).texts


def main(argv: Sequence[str] | None = None) -> int:
    """``--write``: rewrite the stale parts; ``--check`` (the default): name them and exit
    1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m carryxl.cli.docs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the stale parts")
    mode.add_argument("--check", action="store_true", help="name the stale parts, exit 1 if any")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository's folder")
    parser.add_argument(
        "--policy-files",
        type=Path,
        metavar="DIR",
        help="a folder with BIS's policy-rate files, for the outputs that read them",
    )
    args = parser.parse_args(argv)
    try:
        report = check(args.root, args.policy_files)
    except (CarryxlError, RuntimeError, ValueError) as error:
        print(f"python -m carryxl.cli.docs: {error}", file=sys.stderr)
        return 2
    for name in report.stale:
        print(f"stale: {name}")
    for file, text in report.texts.items():
        if args.write:
            (args.root / file).write_text(text, encoding="utf-8")
            print(f"rewrote: {file}")
    for name in report.not_run:
        print(f"not run (needs --policy-files DIR, BIS's files): {name}")
    return 1 if report.stale and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
