"""The docs' tables, counts and printed outputs are what the registries and the commands say
today: one command writes them (``python -m carryxl.cli.docs --write``), and a stale one
fails here."""

from __future__ import annotations

import dataclasses
import re
import shlex
import shutil
from pathlib import Path

import pytest

from carryxl import templates
from carryxl.cli import command_modules, doc_outputs, docs
from carryxl.cli.command import Command
from tests.reference import SHARED

ROOT = Path(__file__).resolve().parents[1]

NEED_BIS = {
    "docs/history.md": [
        "stress --episode yen2024 --notional 10000000 --leverage 10 --plot yen.png",
        "backtest --pair AUD/JPY --funding JPY --start 2008-07-01 --end 2008-10-31 "
        "--notional 10000000",
        "backtest --pair AUD/JPY --funding JPY --start 2008-07-01 --end 2008-10-31 "
        "--notional 10000000 --leverage 5",
    ],
    "docs/rates.md": [
        "rates USD JPY --date 2024-07-31 --json",
        "new rates rates.xlsx && carryxl run rates rates.xlsx",
    ],
}
"""The outputs left out of the check below, because they read BIS's policy rates: they
show real history, so no model data of ours can stand in for BIS's files, which are
reference material (``../shared``), not the project's. The reference group runs them on
BIS's files (test_the_outputs_on_bis_files_are_not_stale)."""

ILLUSTRATIVE = {
    "docs/rates.md": {
        "data status": "it prints the user's own data folder and when they last imported",
        "data update": "it downloads BIS's and the ECB's files of the day",
    },
    "docs/portfolio.md": {
        "run portfolio BOOK.xlsx --quiet": "BOOK.xlsx stands for a user's filled-in book",
    },
}
"""Blocks that show a command and what it prints but are not output blocks, and why."""


def test_no_generated_part_is_stale() -> None:
    stale = docs.check(ROOT).stale
    assert stale == [], f"run: python -m carryxl.cli.docs --write  (stale: {stale})"


def _output_blocks() -> list[doc_outputs.Output]:
    found = []
    for file in docs.doc_files(ROOT):
        text = (ROOT / file).read_text(encoding="utf-8")
        found += [block for _, block in doc_outputs.blocks(file, text)]
    return found


def _typed(block: doc_outputs.Output) -> str:
    return " && carryxl ".join(shlex.join(argv) for argv in block.commands)


def test_only_the_outputs_that_read_bis_rates_are_left_out_without_bis_files() -> None:
    left_out: dict[str, list[str]] = {}
    for block in _output_blocks():
        if block.needs_policy:
            left_out.setdefault(block.file, []).append(_typed(block))
    assert left_out == NEED_BIS
    assert len(docs.check(ROOT).not_run) == sum(len(v) for v in NEED_BIS.values())


@pytest.mark.reference
def test_the_outputs_on_bis_files_are_not_stale() -> None:
    report = docs.check(ROOT, SHARED / "data" / "policy-rates")
    assert report.not_run == []
    assert report.stale == [], (
        f"run: python -m carryxl.cli.docs --write --policy-files DIR  (stale: {report.stale})"
    )


def _shown_outputs(path: Path) -> list[tuple[int, str]]:
    """``(line, command)`` of each fenced block of ``path`` that shows a ``$ carryxl``
    command and then what it prints."""
    found, lines = [], path.read_text(encoding="utf-8").splitlines()
    fences = [i for i, line in enumerate(lines) if line.lstrip().startswith("```")]
    for start, end in zip(fences[::2], fences[1::2], strict=True):
        body = lines[start + 1 : end]
        typed = 1
        while typed < len(body) and body[typed - 1].endswith("\\"):
            typed += 1
        if body and body[0].startswith("$ carryxl ") and len(body) > typed:
            found.append((start + 1, body[0].removeprefix("$ carryxl ")))
    return found


def test_every_printed_output_in_the_docs_is_generated_or_said_to_be_illustrative() -> None:
    generated = {(b.file, b.line + 1) for b in _output_blocks()}  # the fence after the marker
    illustrative: dict[str, set[str]] = {}
    for file in docs.doc_files(ROOT):
        for line, command in _shown_outputs(ROOT / file):
            if (file, line) not in generated:
                illustrative.setdefault(file, set()).add(command)
    assert illustrative == {f: set(reasons) for f, reasons in ILLUSTRATIVE.items()}
    assert len(generated) >= 14


def test_an_excerpt_is_the_first_lines_and_how_many_are_left_out() -> None:
    printed = "".join(f"line {i}\n" for i in range(1, 8))
    assert doc_outputs.excerpt(printed, 3) == ["line 1", "line 2", "line 3", "... (4 more lines)"]
    assert doc_outputs.excerpt(printed, 6)[-1] == "... (1 more line)"
    assert doc_outputs.excerpt(printed, 7) == doc_outputs.excerpt(printed, None)
    assert len(doc_outputs.excerpt(printed, None)) == 7


def test_an_output_block_is_rewritten_from_its_command_and_cut_at_its_head() -> None:
    text = (
        "See:\n<!-- carryxl:output head=2 -->\n```text\n$ carryxl calc --pair AUD/JPY \\\n"
        "    --funding JPY --notional 100 --spot-start 100 --spot-end 103 --rate-target 4.5% "
        "--rate-funding 0.1% --tenor 6M --json\nstale\n```\n<!-- /carryxl:output -->\nend\n"
    )
    [(_, block)] = doc_outputs.blocks("x.md", text)
    assert block.head == 2
    assert not block.needs_policy
    assert block.commands[0][:3] == ("calc", "--pair", "AUD/JPY")
    with doc_outputs.Runner(ROOT) as run:
        new = docs._outputs("x.md", text, run, report := docs.Report({}, [], []))
    assert report.stale == [f"{block.name}: output"]
    shown = new.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert shown[:2] == [
        "$ carryxl calc --pair AUD/JPY \\",
        "    --funding JPY --notional 100 --spot-start 100 "
        "--spot-end 103 --rate-target 4.5% --rate-funding 0.1% --tenor 6M --json",
    ]
    assert shown[2] == "{"
    assert re.fullmatch(r"\.\.\. \(\d+ more lines\)", shown[4])
    assert new.startswith("See:\n")
    assert new.endswith("<!-- /carryxl:output -->\nend\n")
    with doc_outputs.Runner(ROOT) as run:
        again = docs.Report({}, [], [])
        assert docs._outputs("x.md", new, run, again) == new
    assert again.stale == []


@pytest.mark.parametrize(
    ("options", "says"),
    [(" head=0", "unknown output option"), (" data=mine", "unknown output option")],
)
def test_a_malformed_output_block_is_refused(options: str, says: str) -> None:
    text = f"<!-- carryxl:output{options} -->\n```\n$ carryxl calc\n```\n<!-- /carryxl:output -->\n"
    with pytest.raises(ValueError, match=says):
        doc_outputs.blocks("x.md", text)
    with pytest.raises(ValueError, match="starts with a `\\$ carryxl"):
        doc_outputs.blocks("x.md", text.replace(options, "").replace("$ carryxl", "$ pip"))


def test_check_names_a_stale_output_and_write_mends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    history = tmp_path / "docs" / "history.md"
    text = history.read_text(encoding="utf-8")
    history.write_text(text.replace("2008-10-24  2008-10-24  57.2515", "2008-10-24  57.3"))
    assert docs.main(["--check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "stale: docs/history.md:" in out
    assert "(carryxl spot AUD/JPY 2008-07-01 2008-10-24): output" in out
    assert "not run (needs --policy-files DIR" in out
    assert docs.main(["--write", "--root", str(tmp_path)]) == 0
    assert history.read_text(encoding="utf-8") == text
    assert docs.main(["--root", str(tmp_path)]) == 0  # --check is the default


def test_every_part_has_its_markers_once() -> None:
    for section in docs.SECTIONS:
        text = (ROOT / section.file).read_text(encoding="utf-8")
        assert text.count(f"<!-- carryxl:{section.name} -->") == 1, section.name
        assert text.count(f"<!-- /carryxl:{section.name} -->") == 1, section.name


def test_a_part_is_replaced_between_its_markers_only() -> None:
    section = docs.Section("x.md", "probe", lambda: "| new |")
    text = "before\n<!-- carryxl:probe -->\n| old |\n<!-- /carryxl:probe -->\nafter\n"
    assert docs.render(text, section) == (
        "before\n<!-- carryxl:probe -->\n| new |\n<!-- /carryxl:probe -->\nafter\n"
    )
    inline = dataclasses.replace(section, inline=True, text=lambda: "52 things")
    assert docs.render("<!-- carryxl:probe -->51 things<!-- /carryxl:probe -->.", inline) == (
        "<!-- carryxl:probe -->52 things<!-- /carryxl:probe -->."
    )
    with pytest.raises(ValueError, match="0 pairs"):
        docs.render("no markers", section)


def test_the_command_table_names_every_command_once() -> None:
    table = docs.commands_table()
    names = [c.name for m in command_modules() for c in m.COMMANDS]
    for name in names:
        assert table.count(f"| `carryxl {name}` |") == 1, name
    assert len(table.splitlines()) == 2 + len(names)
    for module in command_modules():
        for declared in module.COMMANDS:
            assert declared.page == "" or (ROOT / declared.page).is_file(), declared.name


def test_a_new_command_or_kind_makes_the_docs_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = Command(name="probe", help="a probe", description="probe", run=None)
    module = command_modules()[0]
    monkeypatch.setattr(module, "COMMANDS", (*module.COMMANDS, probe))
    extra = dataclasses.replace(templates.TEMPLATES[0], kind="probe_kind", summary="probes")
    monkeypatch.setattr(templates, "TEMPLATES", (*templates.TEMPLATES, extra))
    assert "| `carryxl probe` | a probe | above |" in docs.commands_table()
    assert docs.kinds_list().endswith(", **probe_kind** (probes)")
    assert "README.md" in docs.stale(ROOT)


def test_the_workbook_count_is_what_workbooks_holds() -> None:
    assert docs.workbook_count() == len(list((ROOT / "workbooks").iterdir()))


def test_docs_workbooks_describes_every_kind() -> None:
    text = (ROOT / "docs" / "workbooks.md").read_text(encoding="utf-8")
    for kind in templates.KIND_NAMES:
        assert text.count(f"\n| `{kind}` |") == 1, f"docs/workbooks.md: no row for {kind}"
