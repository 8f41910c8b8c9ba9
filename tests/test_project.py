"""The README stays true: its commands run, its example output is today's output."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from carryxl.cli import main
from carryxl.excel import catalog

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_two_set_up_commands() -> None:
    bash = [block.strip() for block in _blocks("bash")]
    main_job, tests = bash[0], bash[1]
    steps = main_job.split(" && ")
    # the system Python (PEP 668) installs nothing outside a venv and has no `python`
    assert steps[:2] == ["python3 -m venv .venv", ". .venv/bin/activate"]
    assert steps[2:4] == ["python -m pip install -e .", "carryxl new --all"]
    assert steps[4].startswith("carryxl calc ")
    assert tests == "bash .ci/run"


def test_ci_runs_the_test_suite_and_fails_on_failure() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    last = [line for line in script.splitlines() if line and not line.startswith("#")][-1]
    assert last == "python -m pip install -q -e '.[test]' && python -m pytest"
    assert "|| true" not in script
    assert "--exitfirst" not in script


def test_ci_installs_into_a_fresh_venv_it_creates() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines() if line and not line.startswith("#")]
    made = next(i for i, line in enumerate(lines) if "-m venv " in line)
    activated = next(i for i, line in enumerate(lines) if line.startswith(". ") and "activ" in line)
    installed = next(i for i, line in enumerate(lines) if "pip install" in line)
    assert made < activated < installed
    assert "--system-site-packages" not in script
    assert any("mktemp -d" in line for line in lines[:made])


def test_main_job_output_is_what_the_readme_shows(capsys: pytest.CaptureFixture[str]) -> None:
    command = _blocks("bash")[0].split(" && ")[-1]
    argv = shlex.split(command)
    assert argv[0] == "carryxl"
    assert main(argv[1:]) == 0
    shown = _blocks("text")[0].split("\n", 1)[1]  # drop the "$ carryxl ..." prompt line
    assert _blocks("text")[0].startswith("$ " + command)
    assert capsys.readouterr().out == shown


def test_readme_python_example() -> None:
    examples = "\n".join(_blocks("python"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize().attempted >= 3
    assert runner.summarize().failed == 0


def test_readme_function_count_is_the_catalogs() -> None:
    assert catalog.count_phrase() in README
