"""carryxl in Excel: the xlwings UDFs (:mod:`carryxl.excel.udfs`), the cell glue they share
(:mod:`carryxl.excel.cells`) and their catalog (:mod:`carryxl.excel.catalog`)."""
