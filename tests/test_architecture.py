"""The core stays pure: no Excel libraries, a declared public API."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import carryxl.core

CORE = Path(carryxl.core.__file__).parent
EXCEL_LIBRARIES = {"xlwings", "openpyxl", "win32com", "pythoncom"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_sources_import_no_excel_library() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(_imported_roots(path) & EXCEL_LIBRARIES)
        for path in CORE.rglob("*.py")
    }
    assert len(offenders) >= 8  # the scan really saw the core's modules
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_core_loads_no_excel_library() -> None:
    code = (
        "import sys, carryxl.core; "
        f"print(sorted(m for m in {sorted(EXCEL_LIBRARIES)!r} if m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_public_api_is_what_all_declares() -> None:
    names = carryxl.core.__all__
    assert len(names) == len(set(names))
    missing = [n for n in names if not hasattr(carryxl.core, n)]
    assert missing == []
    public_functions = {
        name
        for module in (carryxl.core.carry, carryxl.core.forwards, carryxl.core.asset)
        for name in module.__all__
    }
    assert public_functions <= set(names)
