"""carryxl's Excel functions, declared by topic: one module per topic, each with a
``FUNCTIONS`` tuple of :class:`~carryxl.excel.declare.ExcelFunction`.

:mod:`carryxl.excel.catalog` finds every module of this package; a new module, or a new
declaration in one, is an Excel function with nothing else to edit.
"""

__all__: list[str] = []
