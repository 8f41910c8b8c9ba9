"""What xlwings itself makes of the UDF module: its metadata, the VBA "Import Functions"
writes, and the function wizard text it registers with Excel."""

from __future__ import annotations

import re

import pytest

from carryxl.excel import catalog, udfs
from tests.excel.harness import Excel

NAMES = sorted(udfs.__all__)

# Words VBA will not take as a parameter name (a wrapper using one would not compile).
VBA_RESERVED = {
    "and",
    "as",
    "boolean",
    "byref",
    "byte",
    "byval",
    "call",
    "case",
    "close",
    "const",
    "currency",
    "date",
    "decimal",
    "declare",
    "dim",
    "do",
    "double",
    "each",
    "else",
    "elseif",
    "empty",
    "end",
    "enum",
    "eqv",
    "erase",
    "error",
    "event",
    "exit",
    "false",
    "for",
    "friend",
    "function",
    "get",
    "global",
    "gosub",
    "goto",
    "if",
    "imp",
    "implements",
    "in",
    "input",
    "integer",
    "is",
    "let",
    "like",
    "lock",
    "long",
    "loop",
    "lset",
    "me",
    "mod",
    "new",
    "next",
    "not",
    "nothing",
    "null",
    "object",
    "on",
    "open",
    "option",
    "optional",
    "or",
    "paramarray",
    "preserve",
    "print",
    "private",
    "property",
    "public",
    "put",
    "raiseevent",
    "redim",
    "rem",
    "resume",
    "return",
    "rset",
    "seek",
    "select",
    "set",
    "single",
    "static",
    "step",
    "stop",
    "string",
    "sub",
    "then",
    "to",
    "true",
    "type",
    "typeof",
    "until",
    "variant",
    "wend",
    "while",
    "with",
    "withevents",
    "write",
    "xor",
    "caller",  # xlwings reserves it for the calling range
}


def test_the_module_lists_exactly_its_excel_functions(xl: Excel) -> None:
    decorated = {n for n in dir(xl.module) if hasattr(getattr(xl.module, n), "__xlfunc__")}
    assert decorated == set(udfs.__all__)


@pytest.mark.parametrize("name", NAMES)
def test_xlwings_metadata(xl: Excel, name: str) -> None:
    info = xl.function(name).__xlfunc__
    assert info["name"] == name
    assert info["category"] == "carryxl"
    assert info["sub"] is False
    assert info["async_mode"] is None
    assert info["ret"]["options"].get("expand") is None  # Excel 365 spills by itself
    description = info["ret"]["doc"]
    assert 40 < len(description) < 255
    assert "\n" not in description
    for arg in info["args"]:
        assert arg["options"]["ndim"] == 2
        assert arg["options"]["err_to_str"] is True
        assert not arg["doc"].startswith("Positional argument"), arg["name"]
        assert 10 < len(arg["doc"]) < 255
        assert arg["name"].lower() not in VBA_RESERVED
        optional = "optional" in arg
        assert arg["doc"].startswith("Optional") == optional, arg["name"]


def _signatures(vba: str) -> dict[str, list[str]]:
    found = re.findall(r"^Function (\w+)\((.*)\)$", vba, flags=re.MULTILINE)
    return {name: [p.strip() for p in params.split(",") if p.strip()] for name, params in found}


def test_generated_vba_has_one_wrapper_per_function_with_its_arity(xl: Excel) -> None:
    vba = xl.wrappers()
    signatures = _signatures(vba)
    assert sorted(signatures) == NAMES
    assert vba.count("End Function") == len(NAMES)
    for item in catalog.functions():
        params = signatures[item.name]
        assert params == [
            *(a.name for a in item.required),
            *(f"Optional {a.name}" for a in item.optional),
        ]
        args = ", ".join(item.argument_names)
        call = (
            f'{item.name} = XLPy.CallUDF("carryxl.excel.udfs", "{item.name}", '
            f"Array({args}), ActiveWorkbook, Application.Caller)"
        )
        assert call in vba
        assert f"    {item.name} = Err.Description" in vba


def test_generated_vba_in_a_workbook_uses_this_workbook(xl: Excel) -> None:
    vba = xl.wrappers("trades.xlsm")
    assert "ThisWorkbook, Application.Caller)" in vba
    assert "ActiveWorkbook" not in vba


def test_seed_functions_arity_in_vba(xl: Excel) -> None:
    signatures = _signatures(xl.wrappers())
    assert signatures["CARRY_PNL"][:6] == [
        "notional",
        "spot_start",
        "spot_end",
        "rate_target",
        "rate_funding",
        "years",
    ]
    assert signatures["CARRY_PNL"][6:] == [
        "Optional orientation",
        "Optional funding",
        "Optional years_funding",
        "Optional breakdown",
        "Optional headers",
    ]
    assert signatures["YEAR_FRACTION"] == ["start_date", "end_date", "Optional day_count"]
    assert signatures["DAY_COUNT"] == ["currency_code"]


def test_import_functions_registers_the_wizard_text(xl: Excel) -> None:
    book = xl.import_functions()
    assert book.removed == ["xlwings_udfs"]
    assert book.imported.startswith('Attribute VB_Name = "xlwings_udfs"\n')
    assert sorted(_signatures(book.imported)) == NAMES
    assert sorted(book.macro_options) == [f"'carryxl.xlam'!{n}" for n in NAMES]
    for item in catalog.functions():
        options = book.macro_options[f"'carryxl.xlam'!{item.name}"]
        assert options["Category"] == "carryxl"
        assert options["Description"] == item.description
        # xlwings passes none for a function without arguments (POLICY_RATE_AS_OF)
        assert len(options["ArgumentDescriptions"] or ()) == len(item.arguments)


def test_catalog_matches_what_xlwings_sees(xl: Excel) -> None:
    for item in catalog.functions():
        args = xl.function(item.name).__xlfunc__["args"]
        assert tuple(a["name"] for a in args) == item.argument_names
        assert sum("optional" not in a for a in args) == len(item.required)


def test_catalog_checks_formula_calls() -> None:
    assert catalog.check_call("carry_pnl", 6).name == "CARRY_PNL"
    assert catalog.check_call("CARRY_PNL", 11).argument_names[-1] == "headers"
    with pytest.raises(ValueError, match=r"CARRY_PNL arguments: must be 6 to 11 \(got 5\)"):
        catalog.check_call("CARRY_PNL", 5)
    with pytest.raises(ValueError, match=r"DAY_COUNT arguments: must be 1 \(got 2\)"):
        catalog.check_call("DAY_COUNT", 2)
    with pytest.raises(ValueError, match="function: must be a carryxl Excel function"):
        catalog.check_call("CARRY_PLN", 6)
    records = catalog.as_records()
    assert [r["name"] for r in records] == NAMES
    assert all(
        r["arguments"] == [*r["arguments"][: r["required"]], *r["optional"]] for r in records
    )


def test_plain_import_off_windows_leaves_plain_functions() -> None:
    # Outside the harness xw.func is a no-op here: the functions still work in Python.
    assert udfs.CARRY_INCOME(1e7, 0.045, 0.001, 0.5) == pytest.approx(220_000.0)


def test_every_function_is_in_one_group() -> None:
    grouped = [n for names in catalog.GROUPS.values() for n in names]
    assert sorted(grouped) == NAMES
    assert all(f.group != "other" for f in catalog.functions())
