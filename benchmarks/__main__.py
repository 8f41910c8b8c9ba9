"""Run every benchmark (or those named): ``python -m benchmarks [--check] [core udf ...]``.

Each ``benchmarks/bench_<topic>.py`` has a ``main()`` that measures carryxl and its
baseline in the same run, in turn (see :mod:`benchmarks.timing`), and prints each figure
beside its goal. At the end comes one table of every figure. With ``--check`` the run
exits with status 1, naming each figure that missed its goal. Figures come from a shared
machine: read the ratios and their spread, not the absolute times.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from benchmarks.timing import FIGURES, Figure, table


def main(argv: list[str]) -> int:
    """Run the named benchmarks, or all of them; with --check, 1 if a goal is missed."""
    here = Path(__file__).parent
    every = sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("topics", nargs="*", help=f"benchmarks to run: {', '.join(every)}")
    parser.add_argument("--check", action="store_true", help="exit 1 if any goal is missed")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.topics) - set(every))
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (there are: {', '.join(every)})")
    for topic in args.topics or every:
        print(f"== {topic}", flush=True)
        importlib.import_module(f"benchmarks.bench_{topic}").main()
    return finish(FIGURES, check=args.check)


def finish(figures: list[Figure], *, check: bool) -> int:
    """Print the table of ``figures``; with ``check``, name those that missed their goal on
    stderr and give 1 if any did (figures with no goal are shown, never checked)."""
    print()
    print(table(figures))
    missed = [f.name for f in figures if f.met is False]
    if check and missed:
        print(f"\n{len(missed)} figure(s) missed their goal:", file=sys.stderr)
        for name in missed:
            print(f"- {name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
