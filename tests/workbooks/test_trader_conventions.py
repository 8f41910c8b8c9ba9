"""Values as a trader writes them, in every template kind, language and mode: money in its
currency's minor unit, the VaR horizon in trading days, the book's own words for sides and
tax baskets in Chinese, the currency table and the risk chart sized to the book.

Read from the generated files with openpyxl (no LibreOffice here; the pages as printed are
checked in test_trader_pages.py)."""

from __future__ import annotations

import io
import re
from functools import cache

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.addin.build import CONFIG_SHEET
from carryxl.core.conventions import minor_units
from carryxl.core.sides import side_sign
from carryxl.core.tax import LossOffset
from carryxl.history.policy import CITATION
from carryxl.workbooks import every_template, workbook_bytes
from carryxl.workbooks.calls import is_builtin
from carryxl.workbooks.sheets import xlwings_conf
from carryxl.workbooks.sheets.rates import DAY_COUNTS
from tests.workbooks.named import cells, values

WHOLE = "#,##0;-#,##0"  # JPY money: no decimals
MONEY = "#,##0.00;-#,##0.00"


@cache
def _load(kind: str, lang: str = "en", mode: str = "native") -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(kind, lang, mode)))


def _whole_unit_cells(ws: Worksheet) -> dict[tuple[int, int], str]:
    """(row, column) -> the condition under which the cell shows whole units."""
    found: dict[tuple[int, int], str] = {}
    for rules in ws.conditional_formatting:
        for rule in rules.rules:
            number = rule.dxf.numFmt if rule.dxf is not None else None
            if number is None or number.formatCode != WHOLE:
                continue
            for area in str(rules.sqref).split():
                left, top, right, bottom = range_boundaries(area)
                for row in range(top, bottom + 1):
                    for col in range(left, right + 1):
                        found.setdefault((row, col), rule.formula[0])
    return found


@pytest.mark.parametrize(
    ("currency", "places"),
    [
        ("JPY", 0),
        ("KRW", 0),
        ("ISK", 0),
        ("jpy ", 0),
        ("HUF", 0),
        ("USD", 2),
        ("CNY", 2),
        ("KWD", 3),
        ("XYZ", 2),
    ],
)
def test_minor_units_are_cldrs_currency_digits(currency: str, places: int) -> None:
    """CLDR (what ICU and most platforms display): yen, won, krona and forint whole, the
    Kuwaiti dinar to the fils (3), two decimals for the others and for unknown codes."""
    assert minor_units(currency) == places


@pytest.mark.parametrize(("kind", "lang", "mode"), every_template())
def test_money_beside_a_currency_shows_in_its_minor_unit(kind: str, lang: str, mode: str) -> None:
    """Every money cell of a form whose unit cell names the currency (=in_funding...) has
    the whole-unit format under a condition on that same currency."""
    wb = _load(kind, lang, mode)
    checked = 0
    for ws in wb.worksheets:
        whole = _whole_unit_cells(ws)
        for row in ws.iter_rows(min_col=2, max_col=2):
            cell = row[0]
            unit = ws.cell(cell.row, 3).value
            if cell.number_format != MONEY or not isinstance(unit, str):
                continue
            if not unit.startswith("="):
                continue  # money of no named currency (units, "account currency")
            condition = whole.get((cell.row, cell.column))
            assert condition is not None, f"{kind} {lang} {mode} {ws.title}!{cell.coordinate}"
            assert unit.removeprefix("=") in condition, (cell.coordinate, condition)
            checked += 1
    if kind not in ("rates", "swap"):  # their money is in units or the account's currency
        assert checked > 0, kind


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_portfolio_money_follows_each_rows_currency(lang: str) -> None:
    """Quote-currency columns read the row's pair, account columns the account currency,
    the tranches' P&L its position's pair: JPY whole, CNY and the others to the cent."""
    wb = _load("portfolio", lang)
    ws = wb.worksheets[0]
    whole = _whole_unit_cells(ws)
    for name, currency in (
        ("out_pf_fx", "RIGHT($F4,3)"),
        ("out_pf_cost", "RIGHT($F4,3)"),
        ("out_pf_total_account", "in_account"),
        ("out_pf_exposure", "in_account"),
        ("out_tr_pnl", f"INDEX(in_pf_pair,${cells(wb, 'in_tr_position')[0].column_letter}"),
        ("out_fx_net", "in_account"),
    ):
        for cell in cells(wb, name):
            assert currency in whole[(cell.row, cell.column)], name


@pytest.mark.parametrize("kind", ["portfolio", "risk"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("mode", ["native", "udf"])
def test_var_horizon_is_in_trading_days(kind: str, lang: str, mode: str) -> None:
    """The input is 10 (trading days); one cell turns it into years over the 252-day year,
    and every VaR formula reads that cell."""
    wb = _load(kind, lang, mode)
    assert values(wb, "in_horizon_days") == 10
    assert "in_horizon_years" not in wb.defined_names
    (years,) = cells(wb, "out_horizon_years")
    assert years.value == "=(in_horizon_days/252)"
    formulas = [str(c.value) for ws in wb.worksheets[:2] for row in ws.iter_rows() for c in row]
    var = [f for f in formulas if "out_book_z" in f or "out_z*" in f or "_VAR(" in f]
    assert var
    assert all("out_horizon_years" in f for f in var if "SQRT" in f or "VAR(" in f)
    assert not [f for f in formulas if "in_horizon_years" in f]


@pytest.mark.parametrize(
    ("lang", "sides", "offsets", "flag"),
    [
        ("en", ["long", "short"], "within position,separate", "STOP HIT"),
        ("zh", ["做多", "做空"], "仓位内互抵,分别计税", "已触及止损"),
    ],
)
def test_sides_offsets_and_flags_are_in_the_books_language(
    lang: str, sides: list[str], offsets: str, flag: str
) -> None:
    """The drop-downs, the seed rows and the formulas' words are the workbook's language."""
    wb = _load("portfolio", lang)
    assert values(wb, "list_sides") == sides
    assert values(wb, "in_pf_side")[:4] == [sides[0]] * 4
    assert values(wb, "in_tax_offset") == offsets.split(",", maxsplit=1)[0]
    ws = wb.worksheets[0]
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert f'"{offsets}"' in lists
    (flags, *_) = cells(wb, "out_pf_flags")
    assert f'"{flag}"' in flags.value
    (side, *_) = cells(wb, "out_pf_funding")
    assert f'="{sides[1]}"' in side.value
    if lang == "zh":  # no English word left for a formula to compare
        text = " ".join(str(c.value) for row in ws.iter_rows() for c in row)
        for word in ('"long"', '"short"', '"separate"', "within position", "STOP HIT"):
            assert word not in text


@pytest.mark.parametrize("kind", ["risk", "swap"])
@pytest.mark.parametrize(("lang", "long"), [("en", "long"), ("zh", "做多")])
def test_single_position_sides_are_in_the_books_language(kind: str, lang: str, long: str) -> None:
    wb = _load(kind, lang)
    assert values(wb, "in_side") == long
    formulas = [str(c.value) for row in wb.worksheets[0].iter_rows() for c in row]
    assert not [f for f in formulas if '"long"' in f or '"short"' in f]


@pytest.mark.parametrize(
    ("word", "sign"), [("做多", 1.0), ("做空", -1.0), ("多", 1.0), ("空", -1.0), ("long", 1.0)]
)
def test_the_core_reads_either_languages_side(word: str, sign: float) -> None:
    assert float(side_sign(word)) == sign


@pytest.mark.parametrize(
    ("word", "offset"),
    [
        ("仓位内互抵", LossOffset.WITHIN_POSITION),
        ("分别计税", LossOffset.SEPARATE),
        ("within position", LossOffset.WITHIN_POSITION),
        ("separate", LossOffset.SEPARATE),
    ],
)
def test_the_core_reads_either_languages_offset(word: str, offset: LossOffset) -> None:
    assert LossOffset.parse(word) is offset


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_currency_table_is_the_books_and_hides_nothing(lang: str) -> None:
    """Formulas that list the positions' currencies (no fixed list of 17), and no hidden
    rows or conditional formats that paint unused rows invisible."""
    wb = _load("portfolio", lang)
    for ws in wb.worksheets[:2]:
        assert not [r for r, dim in ws.row_dimensions.items() if dim.hidden]
    codes = cells(wb, "out_fx_currency")
    assert len(codes) == 24  # every position's two legs at most
    assert all("in_pf_pair" in str(getattr(c.value, "text", c.value)) for c in codes)
    assert not any(c.value == "EUR" for c in codes)


@pytest.mark.parametrize(
    ("lang", "flags"), [("en", "STOP HIT LOSS > MARGIN"), ("zh", "已触及止损 亏损超过保证金")]
)
def test_both_flags_fit_their_column(lang: str, flags: str) -> None:
    """A formula's words are not measured by the fit rule: the flags column is sized for
    the two flags together (one unit a character, two for a CJK one, 1.5 of margin)."""
    wb = _load("portfolio", lang)
    (cell, *_) = cells(wb, "out_pf_flags")
    units = sum(2 if ord(c) > 0x2E80 else 1 for c in flags) + 1.5
    assert wb.worksheets[0].column_dimensions[cell.column_letter].width >= units


# Latin words a Chinese workbook may show as values: what a Chinese trader writes in
# Latin letters too. ISO currency codes (and the pairs made of two), the day counts'
# day counts (ACT/360, ACT/365F...: no Chinese form) and Selic, the Brazilian policy
# rate's own name in Chinese sources; and what is typed or quoted verbatim: the BIS
# citation its terms ask for, the command and the key of the live rates' banner; tenors
# as the market codes them (1W, 1M, 3M, 1Y: CFETS quotes its tenors so, and the input
# message says 天、周、月、年), with the rule's own letters. Units and every other word are
# in Chinese.
_VERBATIM = re.compile(
    "|".join(re.escape(t) for t in (CITATION, "carryxl data update", "Ctrl+Alt+F9"))
)
_TENOR = re.compile(r"\b\d+[DWMY]\b|DWMY(?:dwmy)?")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_DAY_COUNT = re.compile("|".join(re.escape(n) for n in sorted(DAY_COUNTS, key=len)[::-1]))
_ALLOWED = {"Selic"}
_CURRENCY = re.compile(r"[A-Z]{3}")


def _literals(formula: str) -> list[str]:
    """The text constants of a formula that a cell can show or compare with an input: all
    but the arguments of carryxl's own functions (keywords those read, never shown)."""
    found: list[str] = []
    calls: list[str] = []
    name = ""
    i = 0
    while i < len(formula):
        char = formula[i]
        if char == '"':
            end = formula.index('"', i + 1)
            while formula[end + 1 : end + 2] == '"':  # a doubled quote inside the text
                end = formula.index('"', end + 2)
            if not any(call and not is_builtin(call) for call in calls):
                found.append(formula[i + 1 : end])
            i = end + 1
            continue
        if char == "(":
            calls.append(name)
        elif char == ")" and calls:
            calls.pop()
        name = name + char if (char.isalnum() or char in "_.") else ""
        i += 1
    return found


def _shown_texts(ws: Worksheet) -> list[tuple[str, str]]:
    """(where, text) for each text a sheet shows as a value or offers in a drop-down:
    input cells and list sheets, formulas' text constants, validation lists, the words
    of number formats. Labels (locked text on a visible sheet) are not values."""
    found: list[tuple[str, str]] = []
    for row in ws.iter_rows():
        for cell in row:
            value = getattr(cell.value, "text", cell.value)
            where = f"{ws.title}!{cell.coordinate}"
            if isinstance(value, str) and value.startswith("="):
                found += [(where, text) for text in _literals(value)]
            elif isinstance(value, str) and (
                ws.sheet_state != "visible" or cell.protection.locked is False
            ):
                found.append((where, value))
            found += [(where, text) for text in re.findall(r'"([^"]*)"', cell.number_format)]
    for dv in ws.data_validations.dataValidation:
        found += [(f"{ws.title}!{dv.sqref}", text) for text in _literals(dv.formula1 or "")]
    return found


@pytest.mark.parametrize(
    ("kind", "mode"), [(k, m) for k, lang, m in every_template() if lang == "zh"]
)
def test_a_chinese_workbook_shows_no_english_word(kind: str, mode: str) -> None:
    """Every value, drop-down entry and computed text of a zh workbook is Chinese, but
    for the allowed codes (xlwings' own settings sheet aside: xlwings reads its words)."""
    wb = _load(kind, "zh", mode)
    english = [
        (where, text, word)
        for ws in wb.worksheets
        if ws.title not in (CONFIG_SHEET, xlwings_conf.SHEET_NAME)
        for where, text in _shown_texts(ws)
        for word in _LATIN_WORD.findall(_TENOR.sub("", _DAY_COUNT.sub("", _VERBATIM.sub("", text))))
        if word not in _ALLOWED and not _CURRENCY.fullmatch(word)
    ]
    assert english == []


def test_the_scan_finds_english_words() -> None:
    """The scan reads inputs, lists, formulas' texts and formats, not labels nor keywords."""
    assert _literals('=IF(in_x="auto",SWAP_NIGHTS(a,"Wed"),"-")') == ["auto", "-"]
    assert _literals('=IF(a="say ""hi""",1,2)') == ['say ""hi""']
    en = _load("swap", "en")
    texts = {text for ws in en.worksheets for _where, text in _shown_texts(ws)}
    assert {"points", "auto", "Wed", "long"} <= texts
    assert "Quote form" not in texts
