"""The harness undoes itself: other tests in the session see xlwings as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

CHECK = """
import sys, xlwings
before = (xlwings.func, xlwings.arg, xlwings.ret, len(xlwings.engines))
from tests.excel.harness import excel
with excel() as xl:
    assert xl.call("CARRY_INCOME", 1e7, 0.045, 0.001, 0.5) == 220000.0
    assert xlwings.func is sys.modules["xlwings.udfs"].xlfunc
after = (xlwings.func, xlwings.arg, xlwings.ret, len(xlwings.engines))
assert before == after, (before, after)
if sys.platform != "win32":  # on Windows these are the real modules, loaded by xlwings
    left = {"pythoncom", "pywintypes", "win32com", "xlwings.udfs", "xlwings._xlwindows"}
    assert not left & set(sys.modules), left & set(sys.modules)
    import carryxl.excel.udfs as udfs
    assert not hasattr(udfs.CARRY_PNL, "__xlfunc__")
print("restored")
"""


def test_harness_leaves_xlwings_as_it_was() -> None:
    result = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip() == "restored", result.stderr
