"""Render a workbook's printed pages to PNG pictures, as a person would see them printed.

    python -m carryxl.workbooks.render workbooks/calculator.xlsx --out pages
    python -m carryxl.workbooks.render workbooks/portfolio.xlsx --out docs --page 1 --dpi 50

LibreOffice (``soffice --headless --convert-to pdf``) prints the workbook to a PDF with
each sheet's page setup, and ``pdftoppm`` (poppler-utils) turns pages into PNGs named
``NAME-N.png`` (``--page N``: only that page, named ``NAME.png``). Both programs must be
installed; nothing here is needed to build a workbook. The pictures in ``docs/`` are made
with ``--page 1 --dpi 50``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["main", "render"]


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"render: {name} not found; install LibreOffice and poppler-utils")
    return found


def render(workbook: Path, out: Path, page: int | None = None, dpi: int = 60) -> list[Path]:
    """PNG files of ``workbook``'s printed pages in ``out`` (only ``page`` if given)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(  # noqa: S603 - fixed programs, the user's own file
            [
                _program("soffice"),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(workbook),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(tmp, workbook.with_suffix(".pdf").name)
        prefix = out / workbook.stem
        command = [_program("pdftoppm"), "-png", "-r", str(dpi)]
        if page is not None:
            command += ["-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run([*command, str(pdf), str(prefix)], check=True, capture_output=True)  # noqa: S603
    if page is not None:
        return [prefix.with_suffix(".png")]
    return sorted(out.glob(f"{workbook.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    """The command line (see the module's doc)."""
    p = argparse.ArgumentParser(prog="python -m carryxl.workbooks.render", description=__doc__)
    p.add_argument("workbook", type=Path, help="the .xlsx (or .xlsm) to render")
    p.add_argument("--out", type=Path, default=Path("."), help="folder for the PNG files")
    p.add_argument("--page", type=int, help="only this page (1 = the first)")
    p.add_argument("--dpi", type=int, default=60, help="resolution (default 60)")
    args = p.parse_args(argv)
    for path in render(args.workbook, args.out, args.page, args.dpi):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
