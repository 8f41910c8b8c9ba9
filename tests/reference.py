"""The reference group: checks against material that is not ours, in ``../shared``.

``../shared`` sits beside our own development checkouts and CI's clone (read its README);
a user's or packager's clone has none. Tests that read it are marked ``reference`` and take
their paths from :func:`shared_file`. Where the folder is absent the group is left out of the
run (the run's last lines say so in one sentence); where it is present every file it names
must be there: a missing one fails, it never skips. ``CARRYXL_REFERENCE=required`` (set by
``.ci/run`` when ``../shared`` exists) makes an absent folder an error too.
"""

from __future__ import annotations

import os
from pathlib import Path

# CARRYXL_SHARED_DIR moves it (tests/test_reference_group.py runs the suite without it).
SHARED = Path(
    os.environ.get("CARRYXL_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared"
)
REQUIRED = os.environ.get("CARRYXL_REFERENCE", "") == "required"


def present() -> bool:
    """Whether the reference material is beside this clone."""
    return SHARED.is_dir()


def shared_file(*parts: str) -> Path:
    """A file of ``../shared``; an AssertionError (never a skip) when it is not there."""
    path = SHARED.joinpath(*parts)
    assert path.is_file(), f"{path} is missing: the reference group needs ../shared whole"
    return path
