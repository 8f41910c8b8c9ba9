"""carryxl's user data folder: where downloaded and imported data lives between runs.

The folder is the platform's user-data directory (``%LOCALAPPDATA%\\carryxl`` on Windows,
``~/Library/Application Support/carryxl`` on macOS, ``$XDG_DATA_HOME/carryxl`` or
``~/.local/share/carryxl`` elsewhere). ``CARRYXL_DATA_DIR`` overrides it (tests, portable
installs). Every file is written through :func:`carryxl.files.replace_file` (a temporary file
beside it, renamed into place), so an interrupted write never leaves half a file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from carryxl.files import replace_files

__all__ = ["ENVIRONMENT_VARIABLE", "data_dir", "write_data_files"]

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


def write_data_files(files: Mapping[Path, bytes]) -> None:
    """Write the files of one change to the data folder (made if missing) all or nothing
    (:func:`carryxl.files.replace_files`): every one to a temporary name first, renamed only
    when all are ready."""
    replace_files(files, make_folders=True)
