"""Headless LibreOffice for tests: convert (and so recalculate) a file, with its own profile.

Each call uses a fresh user profile, so several conversions (or test sessions) can run
at once. In CI (``CI`` set) a missing ``soffice`` is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

__all__ = ["convert", "convert_many", "require_soffice", "soffice_path"]


def soffice_path() -> str | None:
    """The ``soffice`` binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """``soffice``'s path; skip the test without it locally, fail in CI."""
    path = soffice_path()
    if path is None:
        message = (
            "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def convert(source: Path, fmt: str, outdir: Path, timeout: float = 180.0) -> Path:
    """Convert ``source`` to ``fmt`` (``"xlsx"``, ``"ods"``…) in ``outdir``; return the new file.

    LibreOffice recalculates formulas on load when the file asks for it (openpyxl sets
    fullCalcOnLoad), so the converted file holds LibreOffice's own results.
    """
    soffice = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    target = outdir / (source.stem + "." + fmt.split(":", maxsplit=1)[0])
    if result.returncode != 0 or not target.exists():
        raise AssertionError(
            f"LibreOffice could not convert {source.name} to {fmt}: "
            f"rc={result.returncode} stdout={result.stdout!r} stderr={result.stderr!r}"
        )
    return target


def convert_many(
    sources: list[Path],
    fmt: str,
    outdir: Path,
    timeout: float = 600.0,
    env: dict[str, str] | None = None,
) -> dict[Path, Path]:
    """Convert many files in one ``soffice`` call (much faster than one call each).

    ``env``: variables added to the environment (such as a font configuration).
    Returns each source's converted file; raises if any is missing. Sources must have
    distinct stems, since the converted files share ``outdir``.
    """
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ValueError("convert_many needs sources with distinct file names")
    soffice = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                *(str(s) for s in sources),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, **(env or {})},
        )
    extension = fmt.split(":", maxsplit=1)[0]
    targets = {s: outdir / (s.stem + "." + extension) for s in sources}
    missing = [s.name for s, t in targets.items() if not t.exists()]
    if result.returncode != 0 or missing:
        raise AssertionError(
            f"LibreOffice could not convert {missing or 'some files'} to {fmt}: "
            f"rc={result.returncode} stdout={result.stdout!r} stderr={result.stderr!r}"
        )
    return targets
