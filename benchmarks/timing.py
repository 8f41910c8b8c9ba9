"""Measuring shared by the benchmarks: both sides interleaved, medians, spreads and goals.

A ratio is measured in pairs, carryxl then its baseline then carryxl again (ABAB...), so
that both sides meet the same load on a shared machine; each pair gives one ratio, and
a figure is the median of at least :data:`PAIRS` of them, with their spread (lowest and
highest). Every figure a benchmark measures is kept in :data:`FIGURES`, so that
``python -m benchmarks`` can print them in one table and ``--check`` can fail when one
misses its goal.
"""

from __future__ import annotations

import math
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

PAIRS = 9
"""Pairs (or runs, for a time alone) behind each figure; 7 at the least."""
SAMPLE_SECONDS = 0.05
"""A sample repeats a fast call until the faster side takes about this long."""


@dataclass(frozen=True)
class Goal:
    """A bound on a figure: ``value <= limit`` (``at_most``) or ``value >= limit``."""

    limit: float
    at_most: bool = True
    unit: str = "x"

    def met(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit

    def __str__(self) -> str:
        return f"{'<=' if self.at_most else '>='} {_number(self.limit, self.unit)}"


def at_most(limit: float, unit: str = "x") -> Goal:
    return Goal(limit, True, unit)


def at_least(limit: float, unit: str = "x") -> Goal:
    return Goal(limit, False, unit)


@dataclass(frozen=True)
class Figure:
    """One measured figure: its median, spread, goal (None: shown, not checked) and detail."""

    name: str
    value: float
    low: float
    high: float
    unit: str
    goal: Goal | None
    detail: str

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.goal.met(self.value)

    @property
    def status(self) -> str:
        return {None: "-", True: "met", False: "MISSED"}[self.met]


FIGURES: list[Figure] = []
"""Every figure measured in this run, in order."""


def _number(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x" if value < 10 else f"{value:.0f}x"
    if unit == "s":
        return _duration(value)
    return f"{value:.3g} {unit}"


def _duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def record(figure: Figure) -> Figure:
    """Keep ``figure`` for the table and print its line now."""
    FIGURES.append(figure)
    spread = f"{_number(figure.low, figure.unit)}-{_number(figure.high, figure.unit)}"
    goal = f"goal {figure.goal}" if figure.goal else "no goal"
    print(
        f"{figure.name}: {_number(figure.value, figure.unit)} (spread {spread}; {goal}; "
        f"{figure.status}) {figure.detail}"
    )
    return figure


def _once(function: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number


def _calls_per_sample(function: Callable[[], object]) -> int:
    """How often to repeat ``function`` so that a sample takes about :data:`SAMPLE_SECONDS`
    (its first, warm-up call times it)."""
    return max(1, math.ceil(SAMPLE_SECONDS / max(_once(function, 1), 1e-7)))


def interleaved(
    ours: Callable[[], object], baseline: Callable[[], object], pairs: int = PAIRS
) -> tuple[list[float], list[float]]:
    """Seconds per call of each side, measured A B A B ... after one warm-up call each."""
    number_a, number_b = _calls_per_sample(ours), _calls_per_sample(baseline)
    a, b = [], []
    for _ in range(pairs):
        a.append(_once(ours, number_a))
        b.append(_once(baseline, number_b))
    return a, b


def ratio(
    name: str,
    ours: Callable[[], object],
    baseline: Callable[[], object],
    goal: Goal | None,
    *,
    labels: tuple[str, str] = ("carryxl", "numpy"),
    per: int | None = None,
    pairs: int = PAIRS,
) -> Figure:
    """The median over ``pairs`` of ``ours`` time / ``baseline`` time, run in turn.

    ``per``: also show each side's time per item (e.g. per position) in the detail.
    """
    a, b = interleaved(ours, baseline, pairs)
    return ratio_of(name, a, b, goal, labels=labels, per=per)


def ratio_of(
    name: str,
    a: list[float],
    b: list[float],
    goal: Goal | None,
    *,
    labels: tuple[str, str],
    per: int | None = None,
) -> Figure:
    """The figure for times ``a`` and ``b`` measured in pairs (see :func:`interleaved`)."""
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    ta, tb = statistics.median(a), statistics.median(b)
    detail = f"({labels[0]} {_duration(ta)}, {labels[1]} {_duration(tb)}"
    if per:
        detail += f"; {ta / per * 1e9:.2f} vs {tb / per * 1e9:.2f} ns per position"
    return record(
        Figure(name, statistics.median(ratios), min(ratios), max(ratios), "x", goal, detail + ")")
    )


def speedup(
    name: str,
    slow: Callable[[], object],
    fast: Callable[[], object],
    goal: Goal | None,
    *,
    labels: tuple[str, str],
    pairs: int = PAIRS,
) -> Figure:
    """The median over ``pairs`` of ``slow`` time / ``fast`` time: how many times faster."""
    a, b = interleaved(slow, fast, pairs)
    return ratio_of(name, a, b, goal, labels=labels)


def time_of(name: str, times: list[float], goal: Goal | None) -> Figure:
    """The figure for the median of ``times`` (seconds)."""
    low, high, runs = min(times), max(times), f"({len(times)} runs)"
    return record(Figure(name, statistics.median(times), low, high, "s", goal, runs))


def seconds(
    name: str, function: Callable[[], object], goal: Goal | None, *, runs: int = PAIRS
) -> Figure:
    """The median time of ``runs`` runs of ``function`` (after a warm-up run)."""
    function()
    return time_of(name, [_once(function, 1) for _ in range(runs)], goal)


def peak_bytes(function: Callable[[], object]) -> int:
    """The most memory ``function`` holds at once beyond what was held before, by
    tracemalloc (numpy reports its array buffers to it), its result included."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = function()
        peak = tracemalloc.get_traced_memory()[1] - before
        del result
    finally:
        tracemalloc.stop()
    return peak


def memory_ratio(
    name: str,
    ours: Callable[[], object],
    baseline: Callable[[], object],
    goal: Goal | None,
    *,
    labels: tuple[str, str] = ("carryxl", "numpy"),
) -> Figure:
    """Peak memory of ``ours`` over that of ``baseline`` (deterministic: measured once each)."""
    a, b = peak_bytes(ours), peak_bytes(baseline)
    detail = f"({labels[0]} {a / 1e6:.0f} MB, {labels[1]} {b / 1e6:.0f} MB at peak)"
    return record(Figure(name, a / b, a / b, a / b, "x", goal, detail))


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table: name, goal, median, spread, status."""
    lines = ["| figure | goal | median | spread (min-max) | status |", "|---|---|---|---|---|"]
    for f in figures:
        spread = f"{_number(f.low, f.unit)}-{_number(f.high, f.unit)}"
        goal = str(f.goal) if f.goal else "-"
        lines.append(f"| {f.name} | {goal} | {_number(f.value, f.unit)} | {spread} | {f.status} |")
    return "\n".join(lines)
