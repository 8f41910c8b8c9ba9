"""Files on disk, shared by every layer above the core: atomic writes and package checks.

- :func:`replace_file` writes bytes by temporary file + rename, so a reader (another
  ``carryxl run``, Excel) sees the old file or the new one, never half of one;
- :func:`package_bytes` reads a workbook package (.xlsx, .xlsm, .xlam) and refuses, in
  one :class:`~carryxl.core.errors.CarryxlError`, anything that is not one: random bytes, an
  empty or truncated file, a zip without ``[Content_Types].xml`` or a workbook part.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path

from carryxl.core.errors import CarryxlError

__all__ = ["package_bytes", "read_only", "replace_file"]


def read_only(path: str | Path) -> bool:
    """Whether ``path`` is an existing file nobody may write (its mode has no write bit).

    The mode, not ``os.access``: an administrator may write anything, but a file marked
    read-only is the user saying "do not change this".
    """
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def replace_file(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` by a temporary file in the same folder and a rename.

    An existing file keeps its permission bits; a new one is readable by all (0644).
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise CarryxlError("path", str(target), f"cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise CarryxlError("path", str(target), f"cannot be written ({error.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def package_bytes(path: str | Path, argument: str = "workbook") -> bytes:
    """The bytes of the workbook package at ``path``, or a CarryxlError saying why not."""
    source = Path(path)
    if source.is_dir():
        raise CarryxlError(argument, str(path), "is a folder; give a workbook file")
    if not source.is_file():
        raise CarryxlError(argument, str(path), "must be an existing file")
    data = source.read_bytes()
    if not data:
        raise CarryxlError(argument, str(path), "is empty, not an Excel workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            broken = package.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError):
        raise CarryxlError(
            argument, str(path), "is not an Excel workbook (not a zip package, or truncated)"
        ) from None
    if broken is not None:
        raise CarryxlError(argument, str(path), f"is damaged: its part {broken} does not read")
    if "[Content_Types].xml" not in names:
        raise CarryxlError(
            argument, str(path), "is a zip but not a workbook (no [Content_Types].xml)"
        )
    if not any(name.startswith("xl/workbook") for name in names):
        raise CarryxlError(
            argument, str(path), "is a zip but not an Excel workbook (no xl/workbook part)"
        )
    return data
