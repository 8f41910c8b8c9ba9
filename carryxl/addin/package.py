"""Office packages (zip files of XML parts): macro-enable a workbook, add the ribbon.

:func:`macro_enabled` turns any ``.xlsx`` into an ``.xlsm`` (or ``.xlam``) holding a VBA
project and the Carry ribbon. The VBA project is written from source text by pyOpenVBA
(MIT, pure Python), then put in [MS-OVBA]'s source-only form (a 7-byte ``_VBA_PROJECT``
stream, every module's source at MODULEOFFSET 0), which Excel compiles on open, with its
``dir`` stream and directory tree to the letter of the specs
(:mod:`carryxl.addin.container`); the
ribbon part and its relationship are added here, because neither openpyxl nor pyOpenVBA
writes them. Output bytes are deterministic: parts in a
fixed order with a fixed timestamp.
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import pyopenvba.vba
from pyopenvba import ExcelFile, VBAModuleKind
from pyopenvba.cfb import CFB

from carryxl.addin.container import balanced_directory, with_dir_to_the_letter
from carryxl.addin.vba import ModuleKind, VbaModule, module_description
from carryxl.files import (
    CONTENT_TYPES,
    RIBBON_TYPES,
    ROOT_RELS,
    next_relationship_id,
    read_parts,
    relationships,
    restore_ribbon,
    write_parts,
)

__all__ = [
    "SOURCE_ONLY_VBA_PROJECT",
    "VBA_PROJECT",
    "WORKBOOK",
    "PackageKind",
    "add_ribbon",
    "macro_enabled",
    "read_parts",
    "restore_ribbon",
    "retyped",
    "shared_compression",
    "source_only",
    "to_the_letter",
    "vba_project",
    "write_parts",
]

WORKBOOK = "xl/workbook.xml"
VBA_PROJECT = "xl/vbaProject.bin"
# [MS-OVBA] 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (what a writer MUST write: Office
# then ignores the cache and recompiles from source), Reserved2 0x00, two bytes Reserved3,
# no performance cache.
SOURCE_ONLY_VBA_PROJECT = bytes.fromhex("CC61FFFF000000")

_MAIN_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "xlam": "application/vnd.ms-excel.addin.macroEnabled.main+xml",
}


class PackageKind(StrEnum):
    """The macro-enabled flavours carryxl writes."""

    XLSM = "xlsm"
    XLAM = "xlam"


def _main_type(parts: Mapping[str, bytes]) -> str:
    types = parts[CONTENT_TYPES].decode("utf-8")
    found = re.search(r'<Override\b[^>]*PartName="/xl/workbook\.xml"[^>]*/>', types)
    if found is None:
        raise ValueError("the package has no /xl/workbook.xml part: not an Excel workbook")
    content = re.search(r'ContentType="([^"]*)"', found.group())
    return content.group(1) if content else ""


def _with_main_type(parts: dict[str, bytes], kind: str) -> None:
    types = parts[CONTENT_TYPES].decode("utf-8")
    old = _main_type(parts)
    parts[CONTENT_TYPES] = types.replace(
        f'ContentType="{old}"', f'ContentType="{_MAIN_TYPES[kind]}"', 1
    ).encode("utf-8")


def retyped(data: bytes, kind: str) -> bytes:
    """The same package with its workbook part typed as ``kind`` (xlsx, xlsm or xlam)."""
    parts = read_parts(data)
    _with_main_type(parts, kind)
    return write_parts(parts)


def add_ribbon(parts: dict[str, bytes], xml: bytes, part: str, relationship: str) -> None:
    """Put the ribbon part in and relate it from the package root (replacing any ribbon)."""
    rels = parts[ROOT_RELS].decode("utf-8")
    for element in relationships(rels):
        if any(f'Type="{t}"' in element for t in RIBBON_TYPES):
            target = re.search(r'Target="([^"]*)"', element)
            if target:
                parts.pop(target.group(1).lstrip("/"), None)
            rels = rels.replace(element, "")
    new = f'<Relationship Id="{next_relationship_id(rels)}" Type="{relationship}" Target="{part}"/>'
    parts[ROOT_RELS] = rels.replace("</Relationships>", new + "</Relationships>", 1).encode("utf-8")
    parts[part] = xml


@contextmanager
def shared_compression() -> Iterator[None]:
    """Inside the block, each distinct VBA module text is compressed once.

    pyOpenVBA compresses every module's source (MS-OVBA's LZ scheme, in pure Python:
    most of the time an ``.xlsm`` takes to build). The compression is a function of the
    text alone, and carryxl's modules are the same in every workbook, so a batch of
    workbooks reuses the first result: the same bytes, built once.
    """
    original = pyopenvba.vba.compress
    pyopenvba.vba.compress = functools.lru_cache(maxsize=64)(original)
    try:
        yield
    finally:
        pyopenvba.vba.compress = original


def vba_project(
    parts: Mapping[str, bytes], modules: Sequence[VbaModule], this_workbook: str
) -> dict[str, bytes]:
    """The parts pyOpenVBA changes when it gives the workbook a VBA project of ``modules``.

    ``this_workbook`` is the code of the ThisWorkbook document module. Returns the new
    and changed parts (vbaProject.bin, the workbook and sheets with code names, the
    workbook's relationships and content types).
    """
    staged = dict(parts)
    _with_main_type(staged, "xlsm")
    with tempfile.TemporaryDirectory(prefix="carryxl-vba-") as folder:
        source = Path(folder) / "book.xlsm"
        target = Path(folder) / "out.xlsm"
        source.write_bytes(write_parts(staged))
        with ExcelFile(source) as book:
            if book.has_vba_project():
                raise ValueError("the workbook already has a VBA project; start from an .xlsx")
            project = book.add_vba_project()
            for module in modules:
                kind = (
                    VBAModuleKind.other
                    if module.kind is ModuleKind.CLASS
                    else VBAModuleKind.standard
                )
                project.add_module(module.name, module.source, kind=kind)
            book.set_module("ThisWorkbook", this_workbook)
            for existing in project.modules:
                # pyOpenVBA's template keeps compiled code before Sheet1's source;
                # rewriting the source stores it alone, at MODULEOFFSET 0.
                if existing.text_offset:
                    book.set_module(existing.name, existing.source)
            book.save(target)
        written = read_parts(target.read_bytes())
    docstrings = {m.name: module_description(m.source) for m in modules}
    written[VBA_PROJECT] = to_the_letter(
        written[VBA_PROJECT], {name: text for name, text in docstrings.items() if text}
    )
    return {name: data for name, data in written.items() if parts.get(name) != data}


def to_the_letter(vba_project_bin: bytes, docstrings: Mapping[str, str]) -> bytes:
    """pyOpenVBA's ``vbaProject.bin`` in the source-only form, its ``dir`` stream and its
    directory as [MS-OVBA] and [MS-CFB] write them (:mod:`carryxl.addin.container`).

    ``docstrings``: module name -> its MODULEDOCSTRING (its ``VB_Description``).
    """
    project = with_dir_to_the_letter(source_only(vba_project_bin), docstrings)
    return balanced_directory(project)


def source_only(vba_project_bin: bytes) -> bytes:
    """``vbaProject.bin`` with the 7-byte ``_VBA_PROJECT`` stream of a source-only project."""
    cfb = CFB.from_bytes(vba_project_bin)
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", SOURCE_ONLY_VBA_PROJECT)
    return bytes(cfb.to_bytes())


def macro_enabled(
    xlsx: bytes,
    modules: Sequence[VbaModule],
    this_workbook: str,
    ribbon_xml: bytes,
    ribbon_part: str,
    ribbon_relationship: str,
    kind: PackageKind,
) -> bytes:
    """An ``.xlsx`` package as an ``.xlsm``/``.xlam`` with a VBA project and a ribbon."""
    parts = read_parts(xlsx)
    if VBA_PROJECT in parts:
        raise ValueError("the workbook already has a VBA project; start from an .xlsx")
    if _main_type(parts) != _MAIN_TYPES["xlsx"]:
        raise ValueError(f"not an .xlsx workbook (main part is {_main_type(parts)})")
    parts.update(vba_project(parts, modules, this_workbook))
    _with_main_type(parts, kind.value)
    add_ribbon(parts, ribbon_xml, ribbon_part, ribbon_relationship)
    return write_parts(parts)
