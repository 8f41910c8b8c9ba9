"""The VBA source of carryxl's add-in and macro-enabled workbooks, as text.

Modules, in project order:

- ``xlwings``: xlwings' VBA for custom add-ins (``xlwings_custom_addin.bas``, shipped in
  the xlwings package, BSD-3-Clause) with ``PROJECT_NAME`` set to ``carryxl``, so its
  config comes from a ``carryxl.conf`` sheet or ``%USERPROFILE%\\.carryxl\\carryxl.conf``;
- ``Dictionary``: the Mac stand-in for Scripting.Dictionary that module uses (VBA-Dictionary,
  MIT, shipped in xlwings' ``addin`` folder);
- ``CarryRibbon``: the one ribbon callback, ``OnCarryButton(control As IRibbonControl)``,
  which hands ``control.Tag`` to Python's dispatcher through xlwings' RunPython;
- ``xlwings_udfs``: the UDF wrappers written by xlwings' own ``generate_vba_wrapper``;
- ``CarryFunctions``: registers the functions' descriptions with ``Application.MacroOptions``;
- ``ThisWorkbook``: ``Workbook_Open`` calls ``CarryFunctions.RegisterCarryxlFunctions``.

Every source is stored with CRLF line ends, the way the VBA editor stores it.
"""

from __future__ import annotations

import importlib
import inspect
import io
import re
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import xlwings

__all__ = [
    "ADDIN_PROJECT_NAME",
    "RIBBON_CALLBACK",
    "RIBBON_MODULE",
    "ModuleKind",
    "VbaModule",
    "carryxl_modules",
    "function_descriptions_module",
    "ribbon_module",
    "this_workbook_body",
    "udf_functions",
    "udf_wrapper_module",
    "xlwings_dictionary_class",
    "xlwings_module",
    "xlwings_udfs",
]

ADDIN_PROJECT_NAME = "carryxl"
RIBBON_MODULE = "CarryRibbon"
RIBBON_SUB = "OnCarryButton"
RIBBON_CALLBACK = f"{RIBBON_MODULE}.{RIBBON_SUB}"
UDF_MODULE_NAME = "xlwings_udfs"
FUNCTIONS_MODULE = "CarryFunctions"
FUNCTION_CATEGORY = "carryxl"
DISPATCH_IMPORT = "from carryxl.macros.dispatch import run_from_excel"

_CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"  # VB_Base of a VBA class module
_PROJECT_NAME_LINE = 'Public Const PROJECT_NAME As String = "myaddin"'


class ModuleKind(StrEnum):
    """What the VBA editor shows a module as."""

    STANDARD = "standard"
    CLASS = "class"
    DOCUMENT = "document"  # ThisWorkbook: code behind the workbook


@dataclass(frozen=True)
class VbaModule:
    """One VBA module: its name, kind and full source (attribute header included)."""

    name: str
    kind: ModuleKind
    source: str


def crlf(text: str) -> str:
    """``text`` with every line ending as CRLF, ending with one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return "\r\n".join(lines) + "\r\n"


def _xlwings_dir() -> Path:
    return Path(xlwings.__file__).parent


def xlwings_module() -> VbaModule:
    """xlwings' custom add-in module, its PROJECT_NAME set to ``carryxl``."""
    text = (_xlwings_dir() / "xlwings_custom_addin.bas").read_text(encoding="latin-1")
    if text.count(_PROJECT_NAME_LINE) != 1:
        raise RuntimeError(
            "xlwings_custom_addin.bas no longer defines PROJECT_NAME as expected; "
            "check this xlwings version's custom add-in code"
        )
    text = text.replace(
        _PROJECT_NAME_LINE, f'Public Const PROJECT_NAME As String = "{ADDIN_PROJECT_NAME}"'
    )
    return VbaModule("xlwings", ModuleKind.STANDARD, crlf(text))


def xlwings_dictionary_class() -> VbaModule:
    """xlwings' Dictionary class, in the form the VBA project stores a class module."""
    text = crlf((_xlwings_dir() / "addin" / "Dictionary.cls").read_text(encoding="latin-1"))
    # A .cls export starts with VERSION 1.0 CLASS / BEGIN ... END; the stored module
    # starts at its attributes, with the class's VB_Base after VB_Name.
    body = text[text.index("Attribute VB_Name") :]
    name_line, _, rest = body.partition("\r\n")
    return VbaModule(
        "Dictionary",
        ModuleKind.CLASS,
        f'{name_line}\r\nAttribute VB_Base = "{_CLASS_BASE}"\r\n{rest}',
    )


def ribbon_module() -> VbaModule:
    """The one callback every button of the Carry tab calls; its tag names the macro."""
    source = f"""Attribute VB_Name = "{RIBBON_MODULE}"
Option Explicit
' carryxl ribbon: every button of the Carry tab calls {RIBBON_SUB}, and its tag names
' the macro. Python's dispatcher (carryxl.macros.dispatch) maps tags to a fixed table.

Public Sub {RIBBON_SUB}(control As IRibbonControl)
    Dim tag As String
    tag = control.Tag
    If Len(tag) = 0 Or tag Like "*[!a-z0-9_]*" Then
        MsgBox "carryxl: this button's tag is not valid: " & tag, vbExclamation, "carryxl"
        Exit Sub
    End If
    RunPython "{DISPATCH_IMPORT}; run_from_excel('" & tag & "')"
End Sub
"""
    return VbaModule(RIBBON_MODULE, ModuleKind.STANDARD, crlf(source))


# -- UDF wrappers ---------------------------------------------------------------------------


def _stand_ins() -> dict[str, types.ModuleType]:
    """Just enough of pywin32 for ``xlwings.udfs`` to import off Windows."""
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.CoInitialize = lambda: None  # type: ignore[attr-defined]
    pywintypes = types.ModuleType("pywintypes")
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")
    client.Dispatch = lambda *a, **k: None  # type: ignore[attr-defined]
    win32com.client = client  # type: ignore[attr-defined]
    return {
        "pythoncom": pythoncom,
        "pywintypes": pywintypes,
        "win32com": win32com,
        "win32com.client": client,
    }


@contextmanager
def xlwings_udfs() -> Iterator[types.ModuleType]:
    """``xlwings.udfs``, importing it with pywin32 stand-ins where pywin32 is absent."""
    if "xlwings.udfs" in sys.modules:
        yield sys.modules["xlwings.udfs"]
        return
    added: dict[str, types.ModuleType] = {}
    try:
        importlib.import_module("pythoncom")
    except ImportError:
        added = {k: v for k, v in _stand_ins().items() if k not in sys.modules}
        sys.modules.update(added)
    try:
        yield importlib.import_module("xlwings.udfs")
    finally:
        for name in added:
            sys.modules.pop(name, None)


def udf_functions(module: types.ModuleType) -> list[Callable[..., Any]]:
    """The module's functions that carry xlwings' ``__xlfunc__`` metadata, by Excel name."""
    found = [v for v in vars(module).values() if hasattr(v, "__xlfunc__")]
    return sorted(found, key=lambda f: str(f.__xlfunc__["name"]))


def udf_wrapper_module(module: types.ModuleType, workbook_name: str) -> VbaModule:
    """xlwings' own VBA wrappers for the UDFs in ``module``.

    ``workbook_name`` decides, as in xlwings, whether the wrappers pass ActiveWorkbook
    (an ``.xlam`` add-in) or ThisWorkbook (an ``.xlsm``).
    """
    with xlwings_udfs() as udfs:
        buffer = io.StringIO()
        udfs.generate_vba_wrapper(
            module.__name__, module, buffer, types.SimpleNamespace(Name=workbook_name)
        )
    text = f'Attribute VB_Name = "{UDF_MODULE_NAME}"\n' + buffer.getvalue()
    return VbaModule(UDF_MODULE_NAME, ModuleKind.STANDARD, crlf(text))


def _vba_text(text: str, limit: int = 255) -> str:
    """A VBA string literal body: ASCII only, quotes doubled, one line, at most ``limit``."""
    flat = " ".join(text.split())
    ascii_only = flat.encode("ascii", "ignore").decode("ascii")
    if len(ascii_only) > limit:
        ascii_only = ascii_only[: limit - 3].rstrip() + "..."
    return ascii_only.replace('"', '""')


def _summary(function: Callable[..., Any]) -> str:
    doc = inspect.getdoc(function) or ""
    return doc.split("\n\n", 1)[0]


def function_descriptions_module(functions: list[Callable[..., Any]]) -> VbaModule:
    """``RegisterCarryxlFunctions``: each UDF's help for Excel's function wizard.

    Excel refuses ``MacroOptions`` on a hidden workbook, which an add-in is, so the
    add-in is made visible for the moment it registers (screen updating off). Each
    function is named with its workbook first (``'carryxl.xlam'!CARRY_PNL``), then, if
    Excel refuses that, by its name alone.
    """
    lines = [
        f'Attribute VB_Name = "{FUNCTIONS_MODULE}"',
        "Option Explicit",
        "' Function wizard help for carryxl's functions (written by carryxl addin build).",
        "",
        "Public Sub RegisterCarryxlFunctions()",
        "    Dim wasAddin As Boolean",
        "    Dim d() As Variant",
        "    On Error Resume Next",
        "    Application.ScreenUpdating = False",
        "    wasAddin = ThisWorkbook.IsAddin",
        "    If wasAddin Then ThisWorkbook.IsAddin = False",
    ]
    for function in functions:
        xlfunc = function.__xlfunc__  # type: ignore[attr-defined]
        name = str(xlfunc["name"])
        args = [a for a in xlfunc["args"] if not a.get("vba")]
        description = _vba_text(_summary(function))
        category = xlfunc.get("category")
        if not isinstance(category, str) or category == "xlwings":
            category = FUNCTION_CATEGORY
        call = f'    Describe "{name}", "{description}", "{_vba_text(category)}"'
        if args:
            lines.append(f"    ReDim d(0 To {len(args) - 1})")
            for i, arg in enumerate(args):
                doc = str(arg.get("doc") or arg["name"])
                lines.append(f'    d({i}) = "{_vba_text(doc)}"')
            call += ", d"
        lines.append(call)
    lines += [
        "    If wasAddin Then ThisWorkbook.IsAddin = True",
        "    ThisWorkbook.Saved = True",
        "    Application.ScreenUpdating = True",
        "End Sub",
        "",
        "Private Sub Describe(ByVal name As String, ByVal description As String, _",
        "        ByVal category As String, Optional ByVal args As Variant)",
        "    Dim qualified As String",
        '    qualified = "\'" & ThisWorkbook.Name & "\'!" & name',
        "    On Error Resume Next",
        "    Err.Clear",
        "    If IsMissing(args) Then",
        "        Application.MacroOptions Macro:=qualified, Description:=description, _",
        "            Category:=category",
        "        If Err.Number <> 0 Then",
        "            Err.Clear",
        "            Application.MacroOptions Macro:=name, Description:=description, _",
        "                Category:=category",
        "        End If",
        "    Else",
        "        Application.MacroOptions Macro:=qualified, Description:=description, _",
        "            Category:=category, ArgumentDescriptions:=args",
        "        If Err.Number <> 0 Then",
        "            Err.Clear",
        "            Application.MacroOptions Macro:=name, Description:=description, _",
        "                Category:=category, ArgumentDescriptions:=args",
        "        End If",
        "    End If",
        "End Sub",
    ]
    return VbaModule(FUNCTIONS_MODULE, ModuleKind.STANDARD, crlf("\n".join(lines)))


def this_workbook_body() -> str:
    """The code of ThisWorkbook (its attribute header is the document's own)."""
    return crlf(
        "Option Explicit\n\n"
        "Private Sub Workbook_Open()\n"
        f"    {FUNCTIONS_MODULE}.RegisterCarryxlFunctions\n"
        "End Sub\n"
    )


def carryxl_modules(udf_module: types.ModuleType | None, workbook_name: str) -> list[VbaModule]:
    """Every module of carryxl's VBA project except ThisWorkbook, in project order."""
    functions = udf_functions(udf_module) if udf_module is not None else []
    modules = [xlwings_module(), xlwings_dictionary_class(), ribbon_module()]
    if udf_module is not None:
        modules.append(udf_wrapper_module(udf_module, workbook_name))
    modules.append(function_descriptions_module(functions))
    return modules


def procedure_signatures(source: str) -> dict[str, str]:
    """``{name: parameter list}`` of every Sub in a module's source (for checks)."""
    found = re.finditer(
        r"^\s*(?:Public\s+|Private\s+)?Sub\s+(\w+)\s*\(([^)]*)\)", source, re.MULTILINE
    )
    return {m.group(1): " ".join(m.group(2).split()) for m in found}
