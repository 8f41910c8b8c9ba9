"""``python -m benchmarks --check``: which figures fail the run, and what it prints (no timing)."""

from __future__ import annotations

import pytest

from benchmarks.__main__ import finish
from benchmarks.timing import Figure, at_least, at_most, table


def figure(name: str, value: float, goal: object) -> Figure:
    return Figure(name, value, value * 0.9, value * 1.1, "x", goal, "")  # type: ignore[arg-type]


def test_a_goal_is_met_up_to_its_limit_and_no_further() -> None:
    assert at_most(2.0).met(2.0)
    assert not at_most(2.0).met(2.01)
    assert at_least(50.0).met(50.0)
    assert not at_least(50.0).met(49.9)


def test_check_fails_naming_every_missed_figure(capsys: pytest.CaptureFixture[str]) -> None:
    figures = [
        figure("grid vs numpy", 2.5, at_most(3.0)),
        figure("1,000 positions vs numpy", 9.5, at_most(4.0)),
        figure("array call vs one-row calls", 20.0, at_least(50.0)),
        figure("for scale", 25.0, None),
    ]
    assert finish(figures, check=True) == 1
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        "2 figure(s) missed their goal:",
        "- 1,000 positions vs numpy",
        "- array call vs one-row calls",
    ]
    assert "| 1,000 positions vs numpy | <= 4.00x | 9.50x | 8.55x-10x | MISSED |" in out
    assert "| grid vs numpy | <= 3.00x | 2.50x | 2.25x-2.75x | met |" in out
    assert "| for scale | - | 25x | 22x-28x | - |" in out
    assert finish(figures, check=False) == 0  # without --check the table only


def test_check_passes_when_every_goal_is_met(capsys: pytest.CaptureFixture[str]) -> None:
    figures = [figure("grid vs numpy", 2.5, at_most(3.0)), figure("for scale", 99.0, None)]
    assert finish(figures, check=True) == 0
    assert capsys.readouterr().err == ""
    assert table(figures).count("\n") == 3
