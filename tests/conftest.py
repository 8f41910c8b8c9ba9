"""Shared test set-up: hypothesis profiles, and a data folder of the tests' own.

``CARRYXL_DATA_DIR`` points at an empty temporary folder for the whole run (set at import,
so CLI subprocesses inherit it): no test reads or writes a user's real carryxl data folder,
and a test that needs policy rates imports them itself.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

from tests import reference

os.environ["CARRYXL_DATA_DIR"] = tempfile.mkdtemp(prefix="carryxl-test-data-")

pytest_plugins = ["tests.policy_data"]  # with_rates, empty_folder: policy-rate data folders

# CI draws the same examples every run (a pass or a failure that repeats); a developer's
# runs draw new ones each time, to keep finding what CI would not.
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the reference group out where ``../shared`` is absent (an error if required)."""
    if reference.present():
        return
    if reference.REQUIRED:
        raise pytest.UsageError(f"CARRYXL_REFERENCE=required but {reference.SHARED} is not there")
    kept = [item for item in items if item.get_closest_marker("reference") is None]
    left_out = [item for item in items if item.get_closest_marker("reference") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
    config.stash[_LEFT_OUT] = len(left_out)


_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in one sentence that the reference group did not run, and why."""
    left_out = terminalreporter.config.stash.get(_LEFT_OUT, 0)
    if left_out:
        terminalreporter.write_line(
            f"reference group: {left_out} tests not run, because {reference.SHARED} "
            "(the reference material beside our own checkouts) is not beside this clone."
        )
