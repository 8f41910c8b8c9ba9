"""The xlwings UDF harness, once per test session (see harness.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.excel.harness import Excel, excel


@pytest.fixture(scope="session")
def xl() -> Iterator[Excel]:
    with excel() as served:
        yield served
