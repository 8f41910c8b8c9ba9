"""Excel cells in, numpy arrays out, and back: the glue every carryxl UDF shares.

xlwings hands a UDF each argument as rows of cells (``ndim=2``, see :data:`READ`):
floats, ``None`` for an empty cell, text (``"4.5%"``, ``"ACT/360"``), ``datetime`` for a
date-formatted cell, and Excel errors as text (``"#N/A"``, thanks to ``err_to_str``).
This module turns them into numpy arrays, broadcasts them Excel-style (a column and a
single cell make a column; a column and a row make a grid), runs the core once for all
rows, and shapes the answer for the sheet.

Bad input never raises into Excel. A problem with the whole call (ranges that do not
line up) is one line of text in the cell; a problem with one row (an empty cell, text
where a number belongs, an Excel error, a spot of 0) is one line of text in that row,
and every other row is still computed. The messages are the core's own
(:class:`~carryxl.core.errors.CarryxlError`): argument, rule, value.

How bad rows are found: the core runs once on every row (the fast path). Only if it
raises, the rows are split in halves and each half retried, down to the single rows
that fail, which get the core's message. With k bad rows in n that is about
2·k·log2(n) extra vectorized calls, and every rule the core checks (including those
between arguments, such as an end date before the start) is found by the core itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from carryxl.core.conventions import (
    Currency,
    DayCount,
    Orientation,
    Pair,
    default_day_count,
    points_scale,
)
from carryxl.core.dates import from_excel_serial, parse_date
from carryxl.core.errors import CarryxlError, Described
from carryxl.excel.raw import ExcelCells

__all__ = [
    "CATEGORY",
    "EXCEL_ERRORS",
    "READ",
    "WRITE",
    "Described",
    "Input",
    "TextReader",
    "WholeCall",
    "choice",
    "currency_of",
    "date_set",
    "dates",
    "day_count",
    "evaluate",
    "flag",
    "label_infinite",
    "label_missing",
    "message",
    "method",
    "numbers",
    "optional_numbers",
    "orientation",
    "pair_of",
    "points_scale_of",
    "setting_value",
    "shown",
    "single",
    "text",
    "to_excel",
    "udf",
    "with_header",
]

CATEGORY = "carryxl"
"""The function wizard's category for every carryxl function."""

READ: dict[str, Any] = {"convert": ExcelCells, "ndim": 2, "err_to_str": True}
"""xlwings read options for every argument: always rows of cells (even for one cell, so a
column stays a column), and Excel errors as their text ("#N/A") rather than ``None``, so
an error is not mistaken for an empty cell. :class:`~carryxl.excel.raw.ExcelCells` skips
xlwings' per-cell cleaning for a range of numbers, and applies it, with these options, to
any other range."""

WRITE: dict[str, Any] = {"convert": ExcelCells}
"""xlwings options for every result: a grid of finite floats goes to Excel without
xlwings' per-cell preparation, anything else through it (:mod:`carryxl.excel.raw`)."""

EXCEL_ERRORS = frozenset(
    {
        "#DIV/0!",
        "#N/A",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#REF!",
        "#VALUE!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#GETTING_DATA",
        "#BLOCKED!",
        "#BUSY!",
        "#CONNECT!",
        "#UNKNOWN!",
    }
)

_Grid = Sequence[Sequence[Any]]
_ObjectArray = npt.NDArray[np.object_]
_NUMBER_TYPES = frozenset({float, int})
_INDEX = re.compile(r"\[[\d,]+\]$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_MESSAGE = 255


# -- messages ---------------------------------------------------------------------------


class WholeCall(Exception):  # noqa: N818 - not an error of carryxl, a message for the cell
    """A problem with the whole call (a single-cell argument that cannot be read): its
    message is the answer, in one cell, whatever the size of the other ranges."""


def _show(value: Any) -> str:  # noqa: PLR0911 - one return per kind of cell
    """A value as the user typed it, not as Python spells it."""
    if isinstance(value, Described):
        return str(value)
    if isinstance(value, np.ndarray):  # the core passes the argument it was given
        return _show(value.item()) if value.size == 1 else f"{value.size} values"
    if value is None:
        return "an empty cell"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        text = " ".join(value.split())
        if text.upper() in EXCEL_ERRORS:
            return f"the Excel error {text.upper()}"
        if _ISO_DATE.fullmatch(text):  # the core names dates this way
            return f"the date {text}"
        return f'text "{text[:40]}{"..." if len(text) > 40 else ""}"'
    if isinstance(value, float | np.floating):
        return format(float(value), ".10g")
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value:%Y-%m-%d}"
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def message(error: CarryxlError) -> str:
    """One line for a cell: ``spot_start: must be a finite number > 0 (got 0)``.

    The core's element index (``spot_start[3]``) is dropped: in a sheet the row says it.
    """
    argument = _INDEX.sub("", error.argument)
    return f"{argument}: {error.rule} (got {_show(error.value)})"[:_MAX_MESSAGE]


_F = TypeVar("_F", bound=Callable[..., Any])


def udf(function: _F) -> _F:
    """Make ``function`` answer every input with a value or one line of text, never raise.

    xlwings reads the signature through ``functools.wraps`` (``__wrapped__``), so the
    argument names and defaults Excel shows are the function's own; the docstring is
    folded onto one line for the function wizard.
    """

    @functools.wraps(function)
    def cell(*args: Any) -> Any:
        try:
            with np.errstate(all="ignore"):
                return function(*args)
        except CarryxlError as error:
            return message(error)
        except WholeCall as whole:
            return str(whole)
        except Exception as error:  # an exception must never reach Excel
            text = " ".join(f"{type(error).__name__}: {error}".split())
            return f"{function.__name__}: unexpected error, please report it ({text})"[
                :_MAX_MESSAGE
            ]

    # The docstring is the function wizard's description: one line, however it is wrapped.
    cell.__doc__ = " ".join((function.__doc__ or "").split())
    return cast(_F, cell)


# -- reading arguments ------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One argument, read: a 2-D array of values and, where a cell is bad, its message.

    ``setting`` inputs (conventions, flags) are not arrays for the core: rows are
    grouped by their value and the core gets one value per group. ``blank`` marks the
    empty cells (each also has a problem), so rows left empty can stay empty.
    """

    name: str
    values: npt.NDArray[Any]
    problems: _ObjectArray | None = None
    setting: bool = False
    blank: npt.NDArray[np.bool_] | None = None


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _grid(value: Any) -> _Grid:
    """Any argument as rows of cells: a scalar (a default), a row, rows, or an array."""
    if isinstance(value, np.ndarray):
        array = value.reshape(-1, 1) if value.ndim == 1 else np.atleast_2d(value)
        return cast(_Grid, array.tolist())
    if isinstance(value, list | tuple):
        if not value:
            return [[None]]
        if isinstance(value[0], list | tuple):
            try:
                widths = set(map(len, value))
            except TypeError:
                widths = set()
            if len(widths) != 1 or 0 in widths:
                raise CarryxlError(
                    "range", Described("rows of different lengths"), "must be rectangular"
                )
            return cast(_Grid, value)
        return [[v] for v in value]
    return [[value]]


def _as_floats(grid: _Grid) -> npt.NDArray[np.float64] | None:
    """The grid as floats when every cell is a number (the fast path), else None."""
    width = len(grid[0])
    flat = [row[0] for row in grid] if width == 1 else [cell for row in grid for cell in row]
    if not set(map(type, flat)) <= _NUMBER_TYPES:
        return None
    return np.array(flat, dtype=np.float64).reshape(len(grid), width)


def _is_blank(grid: _Grid) -> bool:
    """One cell, left empty (or the argument left out)."""
    return len(grid) == 1 and len(grid[0]) == 1 and grid[0][0] in (None, "")


def _any(problems: _ObjectArray) -> _ObjectArray | None:
    """``problems`` if any cell has one, else None (the inputs are all good)."""
    return problems if (problems != None).any() else None  # noqa: E711 - elementwise


def _number(name: str, cell: Any, text: TextReader | None) -> float:
    # Decimal: COM delivers cells formatted as Currency that way.
    numeric = int | float | Decimal | np.integer | np.floating
    if isinstance(cell, numeric) and not isinstance(cell, bool):
        return float(cell)
    if text is not None and isinstance(cell, str) and cell.strip().upper() not in EXCEL_ERRORS:
        return text(cell, name)
    raise CarryxlError(name, cell, "must be a number")


TextReader = Callable[[Any, str], float]
"""Reads a number from text, e.g. ``rate_from_text`` ("4.5%" -> 0.045); raises CarryxlError."""


def optional_numbers(name: str, value: Any, *, text: TextReader | None = None) -> Input | None:
    """An optional numeric argument: left out or empty gives ``None``, and the input is
    then not passed to the core at all, which applies its own default."""
    if _is_blank(_grid(value)):
        return None
    return numbers(name, value, text=text)


def numbers(name: str, value: Any, *, text: TextReader | None = None) -> Input:
    """A numeric argument as floats; ``text`` reads text cells (``"4.5%"`` for rates)."""
    grid = _grid(value)
    floats = _as_floats(grid)
    if floats is not None:  # the fast path: a range of numbers
        return Input(name, floats)
    # The numbers in one go, then each other cell on its own (few, in a column of numbers).
    flat = [cell for row in grid for cell in row]
    odd = [k for k, cell in enumerate(flat) if type(cell) not in _NUMBER_TYPES]
    for k in odd:
        flat[k] = np.nan
    values = np.array(flat, dtype=np.float64).reshape(len(grid), len(grid[0]))
    problems: _ObjectArray = np.full(values.shape, None, dtype=object)
    blank = np.zeros(values.shape, dtype=bool)
    for k in odd:
        cell = grid[k // values.shape[1]][k % values.shape[1]]
        try:
            values.flat[k] = _number(name, cell, text)
        except CarryxlError as error:
            problems.flat[k] = message(error)
            blank.flat[k] = _blank(cell)
    return Input(name, values, _any(problems), blank=blank if blank.any() else None)


def _date(name: str, cell: Any) -> np.datetime64:
    if isinstance(cell, dt.datetime):
        return np.datetime64(cell.date(), "D")
    if isinstance(cell, dt.date):
        return np.datetime64(cell, "D")
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cast(np.datetime64, from_excel_serial(name, cell)[()])
    if isinstance(cell, str) and cell.strip() and cell.strip().upper() not in EXCEL_ERRORS:
        return parse_date(name, cell)
    raise CarryxlError(name, cell, "must be a date (an Excel date or text such as 2024-11-28)")


def dates(name: str, value: Any) -> Input:
    """A date argument: Excel serial numbers, dates, or ISO text, as ``datetime64[D]``."""
    grid = _grid(value)
    floats = _as_floats(grid)
    if floats is not None:
        try:
            return Input(name, from_excel_serial(name, floats))
        except CarryxlError:
            pass  # find the bad cells one by one below
    values = np.full((len(grid), len(grid[0])), np.datetime64("NaT"), dtype="datetime64[D]")
    problems: _ObjectArray = np.full(values.shape, None, dtype=object)
    blank = np.zeros(values.shape, dtype=bool)
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            try:
                values[i, j] = _date(name, cell)
            except CarryxlError as error:
                problems[i, j] = message(error)
                blank[i, j] = _blank(cell)
    return Input(name, values, _any(problems), blank=blank if blank.any() else None)


def _objects(value: Any) -> _ObjectArray:
    grid = _grid(value)
    array: _ObjectArray = np.empty((len(grid), len(grid[0])), dtype=object)
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            array[i, j] = None if isinstance(cell, str) and not cell.strip() else cell
    return array


def choice(name: str, parse: Callable[..., Hashable], *values: Any) -> Input:
    """A setting (a convention, a pair, a flag) parsed once per distinct value.

    ``parse`` gets one cell of each of ``values`` (``None`` where empty or left out), so
    a pair and its funding currency can be read together. Settings may be ranges too:
    rows are then grouped by setting.
    """
    try:
        arrays = np.broadcast_arrays(*(_objects(v) for v in values))
    except ValueError:
        raise CarryxlError(name, Described("ranges of different sizes"), "must line up") from None
    parsed: _ObjectArray = np.empty(arrays[0].shape, dtype=object)
    problems: _ObjectArray | None = None
    seen: dict[tuple[Any, ...], tuple[Hashable, str | None]] = {}
    for index in np.ndindex(parsed.shape):
        key = tuple(a[index] for a in arrays)
        cache_key = tuple((type(k), k) for k in key)
        if cache_key not in seen:
            try:
                seen[cache_key] = (parse(*key), None)
            except CarryxlError as error:
                seen[cache_key] = (None, message(error))
        parsed[index], problem = seen[cache_key]
        if problem is not None:
            if problems is None:
                problems = np.full(parsed.shape, None, dtype=object)
            problems[index] = problem
    return Input(name, parsed, problems, setting=True)


# -- settings ---------------------------------------------------------------------------


def text(name: str, cell: Any) -> str:
    """``cell`` as text, or an error naming ``name`` (an Excel error is not text)."""
    if not isinstance(cell, str) or cell.strip().upper() in EXCEL_ERRORS:
        raise CarryxlError(name, cell, "must be text")
    return cell


def pair_of(name: str, cell: Any) -> Pair:
    """A pair cell such as USD/JPY, read once; errors name ``name`` and the cell as typed."""
    return Pair.parse(text(name, cell), name)


def currency_of(name: str, cell: Any) -> Currency:
    """A currency cell such as JPY, read once; errors name ``name`` and the cell as typed."""
    return Currency.parse(text(name, cell), name)


def _orientation(value: Any, funding: Any) -> Orientation:
    if value is None:
        if funding is None:
            return Orientation.TARGET_FUNDING
        raise CarryxlError(
            "orientation", None, "must be the pair (e.g. AUD/JPY) when funding is given"
        )
    rule = "must be target/funding, funding/target, or the pair (e.g. AUD/JPY) with funding"
    if not isinstance(value, str):
        raise CarryxlError("orientation", value, rule)
    try:
        return Orientation.parse(value)
    except CarryxlError:
        pass
    try:
        pair = pair_of("orientation", value)
    except CarryxlError:
        raise CarryxlError("orientation", value, rule) from None
    if funding is None:
        raise CarryxlError("funding", None, f"must be the borrowed currency of {pair}")
    return pair.orientation(currency_of("funding", funding))


def orientation(value: Any, funding: Any = None) -> Input:
    """How the spot reads: ``target/funding`` (default), ``funding/target``, or the pair
    with the funding currency (``"USD/TRY"`` and ``"USD"`` give funding/target)."""
    return choice("orientation", _orientation, value, funding)


def _day_count(name: str, default: DayCount) -> Callable[[Any], DayCount]:
    def parse(value: Any) -> DayCount:
        if value is None:
            return default
        word = text(name, value)
        try:
            return DayCount.parse(word, name)
        except CarryxlError:
            pass
        try:
            return default_day_count(currency_of(name, word))
        except CarryxlError:
            names = ", ".join(DayCount)
            raise CarryxlError(
                name, value, f"must be one of {names}, or a currency such as USD"
            ) from None

    return parse


def day_count(name: str, value: Any, default: DayCount = DayCount.ACT_365F) -> Input:
    """A day count (``"ACT/360"``), or a currency code for its money-market basis."""
    return choice(name, _day_count(name, default), value)


def method(value: Any) -> Input:
    """``"exact"`` (default) or ``"simple"`` (the seeds' textbook approximation)."""

    def parse(cell: Any) -> str:
        if cell is None:
            return "exact"
        word = text("method", cell).strip().lower()
        if word not in ("exact", "simple"):
            raise CarryxlError("method", cell, "must be exact or simple")
        return word

    return choice("method", parse, value)


def _flag(name: str, cell: Any, default: bool) -> bool:
    if cell is None:
        return default
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    if isinstance(cell, str) and cell.strip().upper() in ("TRUE", "FALSE"):
        return cell.strip().upper() == "TRUE"
    raise CarryxlError(name, cell, "must be TRUE or FALSE")


def flag(name: str, value: Any, default: bool = False) -> Input:
    """A TRUE/FALSE argument (1/0 and the text TRUE/FALSE also work)."""
    return choice(name, lambda cell: _flag(name, cell, default), value)


def points_scale_of(name: str, value: Any) -> Input:
    """Forward-points scale from a pair (JPY-quoted: 100, else 10,000) or the number itself.

    The core calls it ``scale``; messages name the argument ``name`` the user typed in.
    """

    def parse(cell: Any) -> float:
        if cell is None:
            return 10_000.0
        if isinstance(cell, int | float) and not isinstance(cell, bool) and cell > 0:
            return float(cell)
        return points_scale(pair_of(name, cell))

    return choice("scale", parse, value)


def setting_value(item: Input) -> Any:
    """The one value of a single-cell setting, or its message for the whole call."""
    if item.problems is not None:
        raise WholeCall(item.problems.flat[0])
    return item.values.flat[0]


def single(item: Input | None) -> Input | None:
    """``item``, which must be one cell (e.g. the trade of a scenario grid)."""
    if item is not None and item.values.size != 1:
        rows, columns = item.values.shape
        raise CarryxlError(
            item.name, Described(f"a {rows}x{columns} range"), "must be a single cell"
        )
    return item


# -- computing --------------------------------------------------------------------------


def _shape(inputs: Sequence[Input]) -> tuple[int, int]:
    try:
        shape = np.broadcast_shapes(*(i.values.shape for i in inputs))
    except ValueError:
        sizes = ", ".join(
            f"{i.name} {i.values.shape[0]}x{i.values.shape[1]}" for i in inputs if i.values.size > 1
        )
        raise CarryxlError(
            "ranges",
            Described(sizes),
            "must be the same size, or single cells, or a column with a row",
        ) from None
    return cast(tuple[int, int], shape)


def _flat(item: Input, shape: tuple[int, int]) -> npt.NDArray[Any]:
    if item.values.size == 1:
        return item.values.reshape(())
    return np.broadcast_to(item.values, shape).reshape(-1)


def _bad_rows(
    error: CarryxlError, given: dict[str, npt.NDArray[Any]], count: int
) -> tuple[npt.NDArray[np.intp], list[str]] | None:
    """The rows ``error`` lists as breaking its rule, each with its own message; None when
    the error does not list them for one of these row-aligned columns (then: bisect).

    A row is taken only if it holds the very value the error reports, so an element-wise
    rule marks exactly the rows that would fail on their own, with the same message.
    """
    name = _INDEX.sub("", error.argument)
    column = given.get(name)
    if error.elements is None or column is None:
        return None
    positions, values = error.elements
    if column.dtype != np.float64 or column.shape != (count,) or not len(positions):
        return None
    if positions[-1] >= count:
        return None
    held = column[positions]
    if not ((held == values) | (np.isnan(held) & np.isnan(values))).all():
        return None
    texts = [message(CarryxlError(name, v, error.rule)) for v in values.tolist()]
    return positions, texts


def _solve(
    kernel: Callable[..., Any],
    arrays: dict[str, npt.NDArray[Any]],
    settings: dict[str, Any],
    rows: npt.NDArray[np.intp] | None,
    out: npt.NDArray[np.float64],
    problems: dict[int, str],
) -> None:
    """Compute ``rows`` (all when None); on a CarryxlError, split until the bad rows remain."""
    count = out.shape[0] if rows is None else len(rows)
    given = (
        arrays if rows is None else {k: a if a.ndim == 0 else a[rows] for k, a in arrays.items()}
    )
    try:
        result = np.asarray(kernel(**given, **settings), dtype=np.float64)
        block = np.broadcast_to(
            result if out.shape[1] > 1 else result.reshape(-1) if result.ndim else result,
            (count, out.shape[1]) if out.shape[1] > 1 else (count,),
        )
    except CarryxlError as error:
        everything = np.arange(out.shape[0]) if rows is None else rows
        if len(everything) == 1 or _INDEX.sub("", error.argument) in settings:
            # A single row, or a setting shared by all these rows: no need to split.
            text = message(error)
            problems.update((int(row), text) for row in everything)
            return
        bad = _bad_rows(error, given, count)
        if bad is not None:  # every row breaking that rule at once, then the rest
            positions, texts = bad
            problems.update(zip(everything[positions].tolist(), texts, strict=True))
            rest = np.delete(everything, positions)
            if len(rest):
                _solve(kernel, arrays, settings, rest, out, problems)
            return
        half = len(everything) // 2
        _solve(kernel, arrays, settings, everything[:half], out, problems)
        _solve(kernel, arrays, settings, everything[half:], out, problems)
        return
    target = slice(None) if rows is None else rows
    if out.shape[1] > 1:
        out[target] = block
    else:
        out[target, 0] = block


def _run_groups(
    kernel: Callable[..., Any],
    numbers: dict[str, npt.NDArray[Any]],
    settings: list[Input],
    shape: tuple[int, int],
    good: npt.NDArray[np.intp],
    out: npt.NDArray[np.float64],
    problems: dict[int, str],
) -> None:
    """Run the kernel over the good rows, once per distinct combination of settings."""
    if all(s.values.size == 1 for s in settings):  # the usual case: one convention
        constant = {s.name: s.values.flat[0] for s in settings}
        rows = None if len(good) == out.shape[0] else good
        _solve(kernel, numbers, constant, rows, out, problems)
        return
    keys = [np.broadcast_to(s.values, shape).reshape(-1) for s in settings]
    groups: dict[tuple[Any, ...], list[int]] = {}
    for member in good.tolist():
        groups.setdefault(tuple(k[member] for k in keys), []).append(member)
    for key, members in groups.items():
        constant = {s.name: value for s, value in zip(settings, key, strict=True)}
        _solve(kernel, numbers, constant, np.asarray(members), out, problems)


def _empty_rows(given: Sequence[Input], shape: tuple[int, int]) -> list[int]:
    """Rows empty in every range argument, when two or more arguments are ranges.

    A table sized for more trades than it holds (or a whole-column reference) then
    answers its empty rows with empty cells. With one range, an empty cell is a gap
    in the data and gets its message like any other bad cell.
    """
    ranges = [i for i in given if not i.setting and i.values.size > 1]
    if len(ranges) < 2 or any(i.blank is None for i in ranges):
        return []
    masks = [np.broadcast_to(cast(npt.NDArray[np.bool_], i.blank), shape) for i in ranges]
    empty: list[int] = np.flatnonzero(np.logical_and.reduce(masks).reshape(-1)).tolist()
    return empty


def evaluate(
    kernel: Callable[..., Any], *inputs: Input | None, columns: int = 1
) -> npt.NDArray[Any]:
    """Run ``kernel`` (a core function) over every row at once; a 2-D grid for the sheet.

    ``kernel`` gets each input by its name: numbers and dates as 1-D arrays (or scalars
    for single cells), settings as one parsed value. It returns one value per row, or
    ``columns`` values per row (a breakdown); bad rows become their message.
    """
    given = [i for i in inputs if i is not None]
    shape = _shape(given)
    if columns > 1 and shape[1] != 1:
        raise CarryxlError(
            "ranges",
            Described(f"{shape[1]} columns"),
            "must be single columns (one row per trade)",
        )
    for item in given:  # one bad single cell spoils every row: say so once
        if item.problems is not None and item.values.size == 1:
            raise WholeCall(item.problems.flat[0])
    size = shape[0] * shape[1]
    problems: dict[int, str] = {}
    for item in given:  # cells that could not be read, in argument order
        if item.problems is not None:
            flat = np.broadcast_to(item.problems, shape).reshape(-1)
            for bad in np.flatnonzero(flat != None).tolist():  # noqa: E711 - elementwise
                problems.setdefault(bad, flat[bad])
    for row in _empty_rows(given, shape):
        problems[row] = ""  # no trade in this row: leave it empty
    numbers = {i.name: _flat(i, shape) for i in given if not i.setting}
    out = np.full((size, columns), np.nan)
    good = np.arange(size)
    if problems:
        good = np.setdiff1d(good, np.fromiter(problems, dtype=np.intp, count=len(problems)))
    if len(good):
        _run_groups(kernel, numbers, [i for i in given if i.setting], shape, good, out, problems)
    grid = out.reshape(shape[0], shape[1] * columns)
    if not problems:
        return grid
    marked: _ObjectArray = grid.astype(object)
    for index, line in problems.items():
        row, column = divmod(index, shape[1])
        marked[row, column * columns] = line
        marked[row, column * columns + 1 : (column + 1) * columns] = ""
    return marked


def _label(grid: npt.NDArray[Any], test: Callable[[float], bool], text: str) -> npt.NDArray[Any]:
    hit = np.array([isinstance(v, float) and test(v) for v in grid.flat], dtype=bool)
    if not hit.any():
        return grid
    labelled: _ObjectArray = grid.astype(object)
    labelled[hit.reshape(grid.shape)] = text
    return labelled


def label_infinite(grid: npt.NDArray[Any], text: str) -> npt.NDArray[Any]:
    """``grid`` with infinite results shown as ``text`` (e.g. ``"never"``)."""
    return _label(grid, np.isinf, text)


def label_missing(grid: npt.NDArray[Any], text: str) -> npt.NDArray[Any]:
    """``grid`` with NaN results (the core's "no such value") shown as ``text``."""
    return _label(grid, np.isnan, text)


def date_set(name: str, value: Any) -> Input:
    """A range of dates used as one setting (holidays): empty cells skipped."""
    days: set[np.datetime64] = set()
    for row in _grid(value):
        for cell in row:
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            try:
                days.add(_date(name, cell))
            except CarryxlError as error:
                raise WholeCall(message(error)) from None
    holder: _ObjectArray = np.empty((1, 1), dtype=object)
    holder[0, 0] = tuple(sorted(days))
    return Input(name, holder, setting=True)


def with_header(header: Sequence[Any], grid: npt.NDArray[Any]) -> _ObjectArray:
    """``grid`` under a header row (text cells that never become formulas)."""
    labelled: _ObjectArray = np.empty((grid.shape[0] + 1, grid.shape[1]), dtype=object)
    labelled[0] = list(header)
    labelled[1:] = grid
    return labelled


def shown(item: Input) -> _ObjectArray:
    """A setting's parsed values as cells, with each bad cell's message in its place."""
    grid: _ObjectArray = item.values.copy()
    if item.problems is not None:
        bad = item.problems != None  # noqa: E711 - elementwise on objects
        grid[bad] = item.problems[bad]
    return grid


def to_excel(grid: npt.NDArray[Any]) -> Any:
    """One cell as a plain value (float or text), anything larger as a 2-D array to spill."""
    if grid.size == 1:
        value = grid.flat[0]
        return float(value) if isinstance(value, float | np.floating) else value
    return grid
