"""carryxl's user data folder: where downloaded and imported data lives between runs.

The folder is the platform's user-data directory (``%LOCALAPPDATA%\\carryxl`` on Windows,
``~/Library/Application Support/carryxl`` on macOS, ``$XDG_DATA_HOME/carryxl`` or
``~/.local/share/carryxl`` elsewhere). ``CARRYXL_DATA_DIR`` overrides it (tests, portable
installs). Every file is written to a temporary file beside it and renamed into place, so an
interrupted write never leaves half a file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

__all__ = ["ENVIRONMENT_VARIABLE", "data_dir", "write_atomic"]

ENVIRONMENT_VARIABLE = "CARRYXL_DATA_DIR"


def data_dir() -> Path:
    """The carryxl data folder (it may not exist yet)."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(root) / "carryxl"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "carryxl"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return (Path(xdg) if xdg else home / ".local" / "share") / "carryxl"


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename (nothing half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
