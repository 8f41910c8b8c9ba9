"""Run every benchmark (or those named): ``python -m benchmarks [core udf ...]``.

Each ``benchmarks/bench_<topic>.py`` has a ``main()`` that measures carryxl and its
baseline in the same run and prints the ratio against the target. Figures come from
one run on a shared machine: read the ratios, not the absolute times.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the named benchmarks, or all of them."""
    here = Path(__file__).parent
    topics = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    for topic in topics:
        print(f"== {topic}")
        module = importlib.import_module(f"benchmarks.bench_{topic}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
