"""carryxl's Excel add-in: the VBA project, the Carry ribbon tab and their packaging.

``build_addin`` and ``build_xlsm`` (in :mod:`carryxl.addin.build`) load openpyxl, xlwings
and pyOpenVBA when first used, so importing the package stays light.
"""

from typing import Any

from carryxl.addin.defaults import ADDIN_FILENAME, DEFAULT_UDF_MODULE

__all__ = ["ADDIN_FILENAME", "DEFAULT_UDF_MODULE", "build_addin", "build_xlsm"]


def __getattr__(name: str) -> Any:
    if name in ("build_addin", "build_xlsm"):
        from carryxl.addin import build  # noqa: PLC0415 - loaded on first use

        return getattr(build, name)
    raise AttributeError(f"module 'carryxl.addin' has no attribute {name!r}")
