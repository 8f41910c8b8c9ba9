"""Run carryxl's UDFs through xlwings' own UDF machinery, on any operating system.

On Windows, Excel calls a UDF like this: the VBA wrapper that "Import Functions" wrote
calls ``XLPython.CallUDF`` in xlwings' COM server (``xlwings/com_server.py``), which calls
``xlwings.udfs.call_udf``; that reads each argument through ``xlwings.conversion.read``
with the options of ``@xw.arg``, calls the function, and writes the result through
``xlwings.conversion.write``. This harness runs exactly that code, xlwings' own, with
only the Windows-only pieces underneath stood in:

- **pywin32.** ``xlwings.udfs`` and ``xlwings.com_server`` import ``pythoncom``,
  ``pywintypes``, ``win32api``, ``win32event``, ``win32com.client`` and
  ``win32com.server.*``. Inert stand-ins (names only; ``Dispatch`` raises, so any COM
  call would fail the test loudly) are put in ``sys.modules`` when pywin32 is absent.
- **The decorators.** Off Windows ``xw.func/arg/ret`` are no-ops. The harness binds them
  to ``xlwings.udfs.xlfunc/xlarg/xlret`` as ``xlwings/__init__.py`` does on Windows and
  reloads ``carryxl.excel.udfs``, so the functions carry xlwings' real ``__xlfunc__``.
- **The "excel" engine.** The conversion pipeline cleans values with the engine named
  "excel" (``xlwings._xlwindows.Engine``: empty cells, Excel error codes, COM dates).
  ``_xlwindows`` cannot be imported off Windows (it loads ``ctypes.windll`` at import),
  so the harness compiles the definitions the UDF path needs (``Engine``, its helpers,
  the ``cell_errors`` table, ``Range``, ``is_range_instance``) from xlwings' installed
  ``_xlwindows.py`` source into a module of that name and registers its engine. Nothing
  is re-written here: the cleaning code is xlwings' own, byte for byte.

What is not exercised: the COM marshalling itself (pywin32 turning VBA Variants into
Python values) and reading a Range argument through COM (``Range.Value``). Arguments
are given here as Excel passes them once marshalled: floats, ``str``, ``bool``, ``None``
for an empty cell, tuples of tuples for a range or an array, ``pywintypes.TimeType`` for
a date-formatted cell, Excel error codes as ints, and :data:`MISSING` for an argument
left out. A Range argument's ``Range.Value`` is that same tuple of tuples.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import importlib
import io
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlwings
from xlwings import base_classes

MODULE = "carryxl.excel.udfs"
MISSING = -2147352572
"""What Excel passes for an optional argument left out (DISP_E_PARAMNOTFOUND)."""


class _Unreachable:
    """A pywin32 object that the synchronous UDF path must never touch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("the UDF path reached COM; the harness cannot stand in for it")


class TimeType(dt.datetime):
    """pywintypes.TimeType: how COM delivers a date-formatted cell (a datetime subclass)."""


class _ComError(Exception):
    """pywintypes.com_error."""


def _module(name: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name, "stand-in for pywin32 (tests/excel/harness.py)")
    module.__dict__.update(attributes)
    return module


def _unwrap(obj: Any) -> Any:
    raise TypeError("not a wrapped COM server object")  # FromVariant falls back to the value


def _pywin32_stand_ins() -> dict[str, types.ModuleType]:
    idispatch = "IID_IDispatch"
    win32com = _module("win32com")
    client = _module("win32com.client", Dispatch=_Unreachable, CDispatch=_Unreachable)
    server = _module("win32com.server")
    util = _module("win32com.server.util", unwrap=_unwrap, wrap=_Unreachable)
    policy = _module("win32com.server.policy", DefaultPolicy=object)
    dispatcher = _module("win32com.server.dispatcher")
    win32com.client = client  # type: ignore[attr-defined]
    win32com.server = server  # type: ignore[attr-defined]
    server.util = util  # type: ignore[attr-defined]
    server.policy = policy  # type: ignore[attr-defined]
    server.dispatcher = dispatcher  # type: ignore[attr-defined]
    return {
        "pythoncom": _module(
            "pythoncom",
            CoInitialize=lambda: None,
            IID_IDispatch=idispatch,
            TypeIIDs={idispatch: type("PyIDispatch", (), {})},
        ),
        "pywintypes": _module(
            "pywintypes", TimeType=TimeType, com_error=_ComError, IID=lambda text: text
        ),
        "win32api": _module("win32api"),
        "win32event": _module("win32event"),
        "win32com": win32com,
        "win32com.client": client,
        "win32com.server": server,
        "win32com.server.util": util,
        "win32com.server.policy": policy,
        "win32com.server.dispatcher": dispatcher,
    }


# The parts of xlwings/_xlwindows.py on the UDF path: none of them calls COM.
_ENGINE_NAMES = frozenset(
    {
        "time_types",
        "missing",
        "BOOK_CALLER",
        "cell_errors",
        "is_range_instance",
        "_com_time_to_datetime",
        "_clean_value_data_element",
        "Engine",
        "engine",
        "Range",
    }
)


def _defines(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.If):  # `if np: time_types = time_types + (np.datetime64,)`
        return set().union(*(_defines(n) for n in node.body))
    return set()


def _windows_engine_module() -> types.ModuleType:
    """``xlwings._xlwindows`` with only its COM-free UDF-path definitions, from its source."""
    import pywintypes  # noqa: PLC0415 - the stand-in (or the real one on Windows)

    path = Path(xlwings.__file__).with_name("_xlwindows.py")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    body = [node for node in tree.body if _defines(node) & _ENGINE_NAMES]
    found = set().union(*(_defines(n) for n in body))
    if not found >= _ENGINE_NAMES:
        raise RuntimeError(f"xlwings changed: {sorted(_ENGINE_NAMES - found)} not in {path}")
    module = types.ModuleType("xlwings._xlwindows")
    module.__file__ = str(path)
    module.__dict__.update(dt=dt, np=np, pd=pd, pywintypes=pywintypes, base_classes=base_classes)
    code = compile(ast.Module(body=body, type_ignores=[]), str(path), "exec")
    exec(code, module.__dict__)  # noqa: S102 - xlwings' own installed source, not user input
    return module


class RecordingWorkbook:
    """What ``xlwings.udfs.import_udfs`` touches of Excel's Workbook (COM), recorded.

    ``Name`` ends in ``.xlam``, so the wrappers call ``ActiveWorkbook`` as in an add-in.
    """

    class _Components:
        def __init__(self, book: RecordingWorkbook) -> None:
            self.book = book

        def __call__(self, name: str) -> str:
            return name

        def Remove(self, component: str) -> None:  # noqa: N802 - COM's spelling
            self.book.removed.append(component)

        def Import(self, path: str) -> None:  # noqa: N802 - COM's spelling
            self.book.imported = Path(path).read_text(encoding="utf-8")

    def __init__(self, name: str = "carryxl.xlam", excel_version: str = "16.0") -> None:
        self.Name = name
        self.imported = ""
        self.removed: list[str] = []
        self.macro_options: dict[str, dict[str, Any]] = {}
        self.VBProject = types.SimpleNamespace(VBComponents=self._Components(self))
        self.Application = types.SimpleNamespace(
            Version=excel_version, MacroOptions=self._macro_options
        )

    def _macro_options(self, macro: str, **options: Any) -> None:
        self.macro_options[macro] = options


class Excel:
    """carryxl's UDF module as xlwings serves it to Excel."""

    def __init__(self) -> None:
        # Imported only once the stand-ins are in place.
        self.udfs = importlib.import_module("xlwings.udfs")
        self.server = importlib.import_module("xlwings.com_server").XLPython()
        self.module = self.udfs.get_udf_module(MODULE, None)
        engine = sys.modules["xlwings._xlwindows"]
        self.errors: dict[str, int] = {text: code for code, text in engine.cell_errors.items()}

    def call(self, name: str, *args: Any) -> Any:
        """What Excel gets back from ``=NAME(args...)``, through ``XLPython.CallUDF``."""
        return self.server.CallUDF(MODULE, name, args, None, None)

    def error(self, text: str) -> int:
        """The code COM passes for an Excel error value such as ``#N/A``."""
        return self.errors[text]

    def function(self, name: str) -> Any:
        return getattr(self.module, name)

    def wrappers(self, book_name: str = "carryxl.xlam") -> str:
        """The VBA that ``generate_vba_wrapper`` writes for the module (Import Functions)."""
        text = io.StringIO()
        self.udfs.generate_vba_wrapper(MODULE, self.module, text, RecordingWorkbook(book_name))
        return text.getvalue()

    def import_functions(self, book_name: str = "carryxl.xlam") -> RecordingWorkbook:
        """Run xlwings' own ``import_udfs`` (the Import Functions button) against a recording
        workbook: the VBA module it imports and the function wizard text it registers."""
        book = RecordingWorkbook(book_name)
        with contextlib.redirect_stdout(io.StringIO()):
            self.udfs.import_udfs(MODULE, book)
        return book


@contextlib.contextmanager
def excel() -> Iterator[Excel]:
    """Install the stand-ins, bind the real decorators, yield an :class:`Excel`; undo after."""
    saved_modules = set(sys.modules)
    installed = {*_pywin32_stand_ins(), "xlwings._xlwindows", "xlwings.udfs", "xlwings.com_server"}
    saved = {name: getattr(xlwings, name) for name in ("func", "arg", "ret", "sub")}
    saved_engines = (list(xlwings.engines.engines), dict(xlwings.engines.engines_by_name))
    try:
        try:
            import pythoncom  # noqa: F401, PLC0415 - real pywin32 (Windows): use it
        except ImportError:
            sys.modules.update(_pywin32_stand_ins())
        if "xlwings._xlwindows" not in sys.modules:
            windows = _windows_engine_module()
            sys.modules["xlwings._xlwindows"] = windows
            xlwings._xlwindows = windows  # type: ignore[attr-defined]
        if "excel" not in [engine.name for engine in xlwings.engines]:
            engine = sys.modules["xlwings._xlwindows"].engine
            xlwings.engines.add(xlwings.main.Engine(impl=engine))
        # What xlwings/__init__.py binds on Windows: `from .udfs import xlfunc as func`...
        udfs = importlib.import_module("xlwings.udfs")
        xlwings.func = udfs.xlfunc
        xlwings.arg = udfs.xlarg
        xlwings.ret = udfs.xlret
        xlwings.sub = udfs.xlsub
        importlib.reload(importlib.import_module(MODULE))
        yield Excel()
    finally:
        for name, value in saved.items():
            setattr(xlwings, name, value)
        xlwings.engines.engines[:] = saved_engines[0]
        xlwings.engines.engines_by_name.clear()
        xlwings.engines.engines_by_name.update(saved_engines[1])
        server = sys.modules.get("xlwings.com_server")
        if server is not None and "xlwings.com_server" not in saved_modules:
            server.loop.close()
        for name in installed - saved_modules:
            sys.modules.pop(name, None)
        if hasattr(xlwings, "_xlwindows") and "xlwings._xlwindows" not in saved_modules:
            del xlwings._xlwindows
        for name in ("udfs", "com_server"):
            if f"xlwings.{name}" not in saved_modules and hasattr(xlwings, name):
                delattr(xlwings, name)
        importlib.reload(importlib.import_module(MODULE))  # back to the plain functions


def column(*values: Any) -> tuple[tuple[Any, ...], ...]:
    """A one-column range as COM delivers it: a tuple of one-cell rows."""
    return tuple((v,) for v in values)


def row(*values: Any) -> tuple[tuple[Any, ...], ...]:
    """A one-row range as COM delivers it."""
    return (tuple(values),)
