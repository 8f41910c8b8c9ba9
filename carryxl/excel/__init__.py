"""carryxl in Excel: the xlwings UDFs (:mod:`carryxl.excel.udfs`), built from one
declaration per function (:mod:`carryxl.excel.functions`, :mod:`carryxl.excel.declare`,
:mod:`carryxl.excel.arguments`), the cell glue they share (:mod:`carryxl.excel.cells`)
and their catalog (:mod:`carryxl.excel.catalog`)."""

__all__: list[str] = []
