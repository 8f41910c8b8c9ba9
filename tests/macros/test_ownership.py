"""Fingerprints of what a macro wrote: kept by a save, broken by any edit a person makes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from carryxl.macros.ownership import fingerprint, is_empty, matches

money = st.floats(-1e9, 1e9, allow_nan=False).filter(lambda v: abs(v) > 1e-3)
grids = st.integers(1, 4).flatmap(
    lambda cols: st.lists(st.lists(money, min_size=cols, max_size=cols), min_size=1, max_size=4)
)


@given(grids)
def test_a_15_digit_save_still_matches(rows: list[list[float]]) -> None:
    saved = [[float(f"{v:.15g}") for v in row] for row in rows]  # what LibreOffice keeps
    assert matches(fingerprint(rows), saved)
    assert matches(fingerprint(rows), rows)


@given(grids, st.data())
def test_an_edit_of_one_cell_does_not(rows: list[list[float]], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(rows) - 1))
    j = data.draw(st.integers(0, len(rows[0]) - 1))
    stored = fingerprint(rows)
    for new in (rows[i][j] + 0.01, -rows[i][j], "note", None):  # a cent, a sign, text, cleared
        edited = [list(row) for row in rows]
        edited[i][j] = new
        assert not matches(stored, edited), new


def test_swapped_cells_and_reshaped_grids_do_not_match() -> None:
    stored = fingerprint([[1.0, 2.0], [3.0, 4.0]])
    assert matches(stored, [[1.0, 2.0], [3.0, 4.0]])
    assert not matches(stored, [[2.0, 1.0], [3.0, 4.0]])
    assert not matches(stored, [[1.0, 2.0, 3.0, 4.0]])
    assert not matches(None, [[1.0, 2.0], [3.0, 4.0]])
    assert not matches("sha256:abc", [[1.0, 2.0], [3.0, 4.0]])


def test_empty_means_none_or_blank_text() -> None:
    assert is_empty([[None, ""], [None, None]])
    assert not is_empty([[None, 0.0]])
    assert not matches(fingerprint([[None]]), [[0.0]])
    assert not matches(fingerprint([["a|b", "c"]]), [["a", "b|c"]])


def test_a_small_cell_among_large_ones_is_still_checked() -> None:
    # Found by hypothesis against the sums of raw values: a sign change of 0.002 among
    # values near 1e9 moved the sums by less than their 1e-12 relative tolerance.
    rows = [
        [0.001953125, 1.0, 1.0, 1.0],
        [835709315.0, 77057776.0, 123955463.0, 299035654.0],
        [532440678.0, 547884278.0, 728156288.0, 762009545.0],
    ]
    flipped = [[-0.001953125, 1.0, 1.0, 1.0], *rows[1:]]
    assert not matches(fingerprint(rows), flipped)


def test_libreoffices_own_rounding_of_the_15th_digit_still_matches() -> None:
    # LibreOffice saved 770249.0500000025 as 770249.050000003 (Python rounds to ...002).
    assert matches(fingerprint([[770249.0500000025, 1.5]]), [[770249.050000003, 1.5]])
