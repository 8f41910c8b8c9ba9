"""Every file ``carryxl new --all`` writes: the templates, their ``.xlsm`` flavours, the add-in.

- ``KIND[_udf][_zh].xlsx``: every template (:func:`carryxl.workbooks.every_template`);
- ``KIND_udf[_zh].xlsm``: each udf-mode template with carryxl's VBA project (the UDF
  wrappers its formulas call, the macros and the Carry tab), so it works in Excel with no
  add-in loaded; its config sheet is ``carryxl.conf``, the one that project's VBA reads;
- ``carryxl.xlam``: the add-in, for the ``.xlsx`` files.

It joins the templates (:mod:`carryxl.workbooks`) and the add-in (:mod:`carryxl.addin`),
so it lives above both, beside the command that writes the folder. All are reproducible
bytes. The VBA modules are the same in every ``.xlsm``, so each is compressed once for
the whole folder (:func:`carryxl.addin.package.shared_compression`).
"""

from __future__ import annotations

import types

from carryxl.addin.build import CONFIG_SHEET, addin_bytes, load_udf_module, xlsm_bytes
from carryxl.addin.defaults import ADDIN_FILENAME, DEFAULT_UDF_MODULE
from carryxl.addin.package import shared_compression
from carryxl.workbooks.generate import default_filename, every_template, workbook_bytes

__all__ = ["folder_files", "folder_names", "macro_templates", "template_xlsm_bytes"]


def macro_templates() -> list[tuple[str, str, str]]:
    """The (kind, lang, mode) whose ``.xlsm`` flavour ``--all`` writes: the udf ones."""
    return [t for t in every_template() if t[2] == "udf"]


def template_xlsm_bytes(
    kind: str,
    lang: str = "en",
    mode: str = "udf",
    udf_module: types.ModuleType | None = None,
) -> bytes:
    """The template as an ``.xlsm`` with carryxl's VBA project and the Carry tab."""
    name = default_filename(kind, lang, mode, macro=True)
    xlsx = workbook_bytes(kind, lang, mode, CONFIG_SHEET)
    return xlsm_bytes(xlsx, name, DEFAULT_UDF_MODULE, udf_module)


def folder_names() -> list[str]:
    """The names of the files :func:`folder_files` gives, in the same order (nothing built)."""
    return [
        *(default_filename(*t) for t in every_template()),
        *(default_filename(*t, macro=True) for t in macro_templates()),
        ADDIN_FILENAME,
    ]


def folder_files() -> list[tuple[str, bytes]]:
    """``(file name, bytes)`` of everything ``carryxl new --all`` writes."""
    xlsx = {t: workbook_bytes(*t) for t in every_template()}
    files = [(default_filename(*t), data) for t, data in xlsx.items()]
    udfs = load_udf_module(DEFAULT_UDF_MODULE)  # loaded once for every file
    with shared_compression():
        for t in macro_templates():
            files.append((default_filename(*t, macro=True), template_xlsm_bytes(*t, udfs)))
        files.append((ADDIN_FILENAME, addin_bytes(DEFAULT_UDF_MODULE, ADDIN_FILENAME, udfs)))
    return files
