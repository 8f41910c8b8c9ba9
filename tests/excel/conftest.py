"""The xlwings UDF harness, set up per test module and undone after it (see harness.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.excel.harness import Excel, excel


@pytest.fixture(autouse=True)
def _policy_rates(with_rates: Path) -> Path:
    """POLICY_RATE reads the data folder: every test here sees both BIS files imported."""
    return with_rates


@pytest.fixture(scope="module")
def xl() -> Iterator[Excel]:
    with excel() as served:
        yield served
