"""Best-of-N wall-clock timing, shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(function: Callable[[], object], repeat: int = 7) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def report(name: str, ours: float, baseline: float, target: str) -> None:
    """One line: both times and their ratio, beside the target."""
    print(f"{name}: carryxl {ours * 1e3:.1f} ms, baseline {baseline * 1e3:.1f} ms, "
          f"ratio {ours / baseline:.2f}x (target {target})")  # fmt: skip
