"""Shared test set-up: hypothesis profiles, and a data folder of the tests' own.

``CARRYXL_DATA_DIR`` points at an empty temporary folder for the whole run (set at import,
so CLI subprocesses inherit it): no test reads or writes a user's real carryxl data folder,
and a test that needs policy rates imports them itself.
"""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

os.environ["CARRYXL_DATA_DIR"] = tempfile.mkdtemp(prefix="carryxl-test-data-")

pytest_plugins = ["tests.policy_data"]  # with_rates, empty_folder: policy-rate data folders

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
