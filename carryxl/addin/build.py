"""Build ``carryxl.xlam`` and macro-enabled (``.xlsm``) copies of any workbook.

``carryxl addin build`` writes the add-in; :func:`build_xlsm` gives an ``.xlsx`` (a
template workbook, say) the same VBA project and Carry tab, so it works in Excel with
carryxl installed and no add-in loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import re
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import xlwings

from carryxl.addin.defaults import ADDIN_FILENAME, DEFAULT_UDF_MODULE
from carryxl.addin.package import PackageKind, macro_enabled
from carryxl.addin.ribbon import CUSTOM_UI14_PART, CUSTOM_UI14_RELATIONSHIP, custom_ui_xml
from carryxl.addin.vba import (
    ADDIN_PROJECT_NAME,
    carryxl_modules,
    this_workbook_body,
    udf_functions,
    xlwings_udfs,
)
from carryxl.core.errors import CarryxlError
from carryxl.files import read_parts, require_lxml_serialiser, write_bytes, write_parts

__all__ = [
    "ADDIN_FILENAME",
    "CONFIG_SHEET",
    "DEFAULT_UDF_MODULE",
    "addin_base_workbook",
    "addin_bytes",
    "build_addin",
    "build_xlsm",
    "load_udf_module",
    "xlsm_bytes",
]

CONFIG_SHEET = f"{ADDIN_PROJECT_NAME}.conf"
_FIXED_STAMP = "2026-01-01T00:00:00Z"


@contextmanager
def _real_decorators(udfs: types.ModuleType) -> Iterator[None]:
    """``xw.func/arg/ret`` bound to xlwings' real ones, as xlwings does on Windows."""
    saved = {key: getattr(xlwings, key) for key in ("func", "arg", "ret")}
    xlwings.func, xlwings.arg, xlwings.ret = udfs.xlfunc, udfs.xlarg, udfs.xlret
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(xlwings, key, value)


def load_udf_module(name: str | None) -> types.ModuleType | None:
    """The UDF module ``name`` with xlwings' metadata on its functions (None: no UDFs).

    Off Windows ``xw.func``/``xw.arg`` are no-ops, so the module's functions carry no
    metadata; then a private copy of the module is executed with xlwings' real
    decorators (the imported module itself is left as it is).
    """
    if name is None:
        return None
    try:
        module = importlib.import_module(name)
    except ImportError as error:
        raise CarryxlError("udf_module", name, f"must be an importable module ({error})") from None
    if udf_functions(module):
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise CarryxlError("udf_module", name, "must be a module loaded from a file")
    with xlwings_udfs() as udfs, _real_decorators(udfs):
        copy = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(copy)
    if not udf_functions(copy):
        raise CarryxlError("udf_module", name, "must define xlwings UDFs (@xw.func)")
    return copy


def _fixed_properties(parts: dict[str, bytes]) -> None:
    """Stamp docProps/core.xml with a fixed date, so two builds give the same bytes."""
    core = parts.get("docProps/core.xml")
    if core is not None:
        text = re.sub(
            r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)",
            rf"\g<1>{_FIXED_STAMP}\g<3>",
            core.decode("utf-8"),
        )
        parts["docProps/core.xml"] = text.encode("utf-8")


def addin_base_workbook(udf_module_name: str | None) -> bytes:
    """The add-in's one sheet, ``carryxl.conf``: xlwings reads its settings from there."""
    require_lxml_serialiser()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = CONFIG_SHEET
    if udf_module_name is not None:
        ws["A1"] = "UDF MODULES"
        ws["B1"] = udf_module_name
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 28
    buffer = io.BytesIO()
    wb.save(buffer)
    parts = read_parts(buffer.getvalue())
    _fixed_properties(parts)
    return write_parts(parts)


def _package(
    xlsx: bytes, udf_module: types.ModuleType | None, name: str, kind: PackageKind
) -> bytes:
    return macro_enabled(
        xlsx,
        carryxl_modules(udf_module, name),
        this_workbook_body(),
        custom_ui_xml(),
        CUSTOM_UI14_PART,
        CUSTOM_UI14_RELATIONSHIP,
        kind,
    )


def addin_bytes(
    udf_module_name: str | None = DEFAULT_UDF_MODULE,
    name: str = ADDIN_FILENAME,
    udf_module: types.ModuleType | None = None,
) -> bytes:
    """The add-in ``name`` as bytes, identical on every run.

    ``udf_module`` is ``udf_module_name`` already loaded by :func:`load_udf_module`
    (pass it when building several files; it is loaded here otherwise).
    """
    module = udf_module if udf_module is not None else load_udf_module(udf_module_name)
    return _package(addin_base_workbook(udf_module_name), module, name, PackageKind.XLAM)


def xlsm_bytes(
    xlsx: bytes,
    name: str,
    udf_module_name: str | None = DEFAULT_UDF_MODULE,
    udf_module: types.ModuleType | None = None,
) -> bytes:
    """The ``.xlsx`` bytes ``xlsx`` as the ``.xlsm`` file ``name``, with the Carry tab.

    ``name`` matters: the UDF wrappers of an ``.xlsm`` call Python for ThisWorkbook.
    ``udf_module`` as in :func:`addin_bytes`.
    """
    module = udf_module if udf_module is not None else load_udf_module(udf_module_name)
    return _package(xlsx, module, name, PackageKind.XLSM)


def build_addin(
    dest: str | Path, udf_module_name: str | None = DEFAULT_UDF_MODULE, force: bool = False
) -> Path:
    """Write the add-in to ``dest`` (a folder, or a path ending in .xlam).

    A different existing file is replaced only with ``force``; the bytes go to a
    temporary file beside it, which is then renamed over it.
    """
    target = Path(dest)
    if target.suffix.lower() != ".xlam":
        target = target / ADDIN_FILENAME
    write_bytes(target, addin_bytes(udf_module_name, target.name), force)
    return target


def build_xlsm(
    xlsx: str | Path,
    dest: str | Path | None = None,
    udf_module_name: str | None = DEFAULT_UDF_MODULE,
    force: bool = False,
) -> Path:
    """Write an ``.xlsm`` copy of ``xlsx`` with carryxl's VBA project and the Carry tab.

    A different existing file is replaced only with ``force`` (temporary file, then rename).
    """
    source = Path(xlsx)
    if source.suffix.lower() != ".xlsx":
        raise CarryxlError("workbook", str(source), "must be an .xlsx file")
    target = Path(dest) if dest is not None else source.with_suffix(".xlsm")
    if target.suffix.lower() != ".xlsm":
        raise CarryxlError("dest", str(target), "must end in .xlsm")
    write_bytes(target, xlsm_bytes(source.read_bytes(), target.name, udf_module_name), force)
    return target
