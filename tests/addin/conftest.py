"""Build the add-in and a macro-enabled workbook once for the add-in tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from carryxl.addin.build import build_addin, build_xlsm
from tests.macros.workbooks import scenario_workbook

UDF_FIXTURE = "tests.addin.udf_fixture"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``{"xlam": carryxl.xlam, "xlsm": a scenario workbook made macro-enabled}``."""
    folder = tmp_path_factory.mktemp("addin")
    xlam = build_addin(folder / "carryxl.xlam", UDF_FIXTURE)
    xlsx = scenario_workbook(folder / "scenarios.xlsx")
    xlsm = build_xlsm(xlsx, folder / "scenarios.xlsm", UDF_FIXTURE)
    return {"xlam": xlam, "xlsm": xlsm}
