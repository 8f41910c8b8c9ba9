"""The xlwings UDF harness, set up per test module and undone after it (see harness.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.excel.harness import Excel, excel


@pytest.fixture(scope="module")
def xl() -> Iterator[Excel]:
    with excel() as served:
        yield served
