"""``value_book``: the one "value this book on this date with this market data" routine
(issue 23) — typed request in, every market input it used out, with the core's results."""

from __future__ import annotations

import dataclasses
import io
import math
import string
from statistics import NormalDist

import numpy as np
import openpyxl
import pytest

from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.core.portfolio import NATIVE_FORMULAS
from carryxl.core.positions import BookPosition, Tranche
from carryxl.history.ecb import ecb_history
from carryxl.history.valuation import BookRequest, value_book
from carryxl.workbooks import workbook_bytes
from carryxl.workbooks.sheets.portfolio import book_request, seed_inputs
from tests.history.raw_ecb import cross
from tests.workbooks.named import cells

DAY = np.datetime64("2024-08-05", "D")


def _position(**given: object) -> BookPosition:
    fields: dict[str, object] = {
        "pair": Pair.parse("AUD/JPY"),
        "side": 1,
        "tranches": (Tranche(np.datetime64("2024-07-01", "D"), 100_000.0, 100.0),),
        "rate_base": 0.0435,
        "rate_quote": 0.001,
    }
    fields.update(given)
    return BookPosition(**fields)  # type: ignore[arg-type]


def test_the_request_is_frozen() -> None:
    request = BookRequest(positions=(_position(),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.date = DAY  # type: ignore[misc]


def test_given_market_inputs_are_used_and_the_rest_comes_from_the_fixings() -> None:
    # Two positions: AUD/JPY with everything given, NZD/JPY with nothing but its rates.
    given = _position(spot=95.0, to_account=0.05, volatility=0.1)
    other = _position(pair=Pair.parse("NZD/JPY"), tranches=(Tranche(DAY - 30, 50_000.0),))
    request = BookRequest(
        positions=(given, other),
        date=DAY,
        account=Currency.parse("CNY"),
        correlation=np.array([[1.0, 0.5], [0.5, 1.0]]),
    )
    v = value_book(request, ecb_history())
    assert v.spots[0] == 95.0
    assert v.spots[1] == pytest.approx(cross("2024-08-05", "NZD", "JPY"), rel=1e-12)
    assert v.to_account[0] == 0.05
    assert v.to_account[1] == pytest.approx(cross("2024-08-05", "JPY", "CNY"), rel=1e-12)
    assert v.entry_rates[1] == pytest.approx(cross("2024-07-05", "NZD", "JPY"), rel=1e-12)
    assert v.volatilities[0] == 0.1
    # AUD/JPY by hand: FX 100,000 x (95 - 100) = -500,000 JPY; carry 10,000,000 x 0.0425
    # x 35/365; in CNY x 0.05.
    carry = 10_000_000 * (0.0435 - 0.001) * 35 / 365
    assert v.positions.total_account[0] == pytest.approx((carry - 500_000) * 0.05, rel=1e-12)
    # The VaR: the quadratic form of the exposures, the given correlation, 10/252 years.
    w, vol = v.positions.exposure_account, v.volatilities
    sigma = math.sqrt((w * vol) @ np.array([[1.0, 0.5], [0.5, 1.0]]) @ (w * vol))
    z = NormalDist().inv_cdf(0.99)
    assert v.risk.var == pytest.approx(z * sigma * math.sqrt(10 / 252), rel=1e-12)


def test_a_weekend_takes_the_fixing_before_and_says_so() -> None:
    request = BookRequest(positions=(_position(),), date=np.datetime64("2024-08-04", "D"))
    v = value_book(request, ecb_history())
    assert str(v.fixing) == "2024-08-02"
    assert v.spots[0] == pytest.approx(cross("2024-08-02", "AUD", "JPY"), rel=1e-12)
    assert (str(v.start), str(v.end)) == ("2023-08-05", "2024-08-04")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"end": np.datetime64("2024-08-30", "D")}, "look-ahead"),
        ({"start": np.datetime64("2024-09-01", "D")}, "before the window's end"),
        ({"positions": (_position(rate_base=None),)}, "policy rates"),
        ({"positions": (_position(tranches=(Tranche(DAY + 1, 1.0, 100.0),)),)}, "after"),
        ({"positions": ()}, "no position"),
    ],
)
def test_a_request_that_cannot_be_valued_says_why(change: dict[str, object], says: str) -> None:
    request = dataclasses.replace(BookRequest(positions=(_position(),), date=DAY), **change)
    with pytest.raises(CarryxlError, match=says):
        value_book(request, ecb_history(), None)


def test_the_template_seed_is_what_value_book_used() -> None:
    """The template's preloaded market inputs are the routine's, for the same request."""
    v = value_book(book_request("yen"))
    seed = seed_inputs("yen")
    n = len(v.request.positions)
    assert seed["in_pf_spot"][:n] == v.spots.tolist()
    assert seed["in_pf_volatility"][:n] == v.volatilities.tolist()
    assert seed["in_tr_rate"][: v.entry_rates.size] == v.entry_rates.tolist()
    assert seed["in_window_end"].date().isoformat() == "2024-08-05"  # no look-ahead


def test_native_columns_are_the_cores_formula_table() -> None:
    """The template's units, cost, FX, carry and swap cells are NATIVE_FORMULAS filled with
    the row's cells: one text beside the kernel, not a copy in the generator."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("portfolio")))
    first = {name: cells(wb, f"out_pf_{name}")[0] for name in NATIVE_FORMULAS}
    swap = str(first["swap"].value)
    letter = cells(wb, "in_pf_swap_rate")[0].coordinate
    expected = NATIVE_FORMULAS["swap"].format(
        swap=letter,
        mine="(in_tr_position=E4)",
        amount="in_tr_amount",
        days="(in_valuation_date-in_tr_date)",
        lot_size="in_lot_size",
    )
    assert expected in swap
    for name, cell in first.items():  # every literal piece of each formula is in its cell
        pieces = [text for text, *_ in string.Formatter().parse(NATIVE_FORMULAS[name]) if text]
        assert all(piece in str(cell.value) for piece in pieces), (name, cell.value)
