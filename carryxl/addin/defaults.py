"""Names the add-in is built with (a module light enough for the CLI to import at start)."""

from __future__ import annotations

__all__ = ["ADDIN_FILENAME", "DEFAULT_UDF_MODULE"]

ADDIN_FILENAME = "carryxl.xlam"
DEFAULT_UDF_MODULE = "carryxl.excel.udfs"
