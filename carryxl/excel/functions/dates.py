"""Year fractions, tenors and day counts."""

from __future__ import annotations

from typing import Any

from carryxl.core import dates
from carryxl.core.conventions import default_day_count
from carryxl.excel import cells
from carryxl.excel.arguments import (
    CURRENCY_CODE,
    DAY_COUNT,
    END_DATE,
    HOLIDAYS,
    START_DATE,
    TENOR,
)
from carryxl.excel.declare import ExcelFunction

__all__ = ["FUNCTIONS"]

_GROUP = "dates"


def _year_fraction(start_date: Any, end_date: Any, day_count: Any) -> Any:
    return dates.year_fraction(start_date, end_date, day_count)  # the core says start, end


def _tenor_end(start_date: Any, tenor: Any, holidays: tuple[Any, ...] = ()) -> Any:
    return dates.to_excel_serial(dates.add_tenor(start_date, tenor, list(holidays) or None))


def _day_count(currency_code: Any) -> Any:
    """DAY_COUNT: the day count's name in each cell (text, not a number)."""

    def parse(cell: Any) -> str:
        return str(default_day_count(cells.currency_of("currency_code", cell)))

    return cells.to_excel(cells.shown(cells.choice("currency_code", parse, currency_code)))


FUNCTIONS = (
    ExcelFunction(
        "YEAR_FRACTION",
        _GROUP,
        """Year fraction between two dates under a day count (a currency uses its money-market
        basis: USD ACT/360). 2024-01-15 to 2024-07-15: 0.50556 ACT/360, 0.49863 ACT/365F.""",
        (START_DATE, END_DATE),
        (DAY_COUNT,),
        kernel=_year_fraction,
    ),
    ExcelFunction(
        "TENOR_YEARS",
        _GROUP,
        """Nominal year fraction of a tenor: years + months/12 + days/basis (basis 360 or 365 by day
        count). 6M: 0.5; 90D: 0.25 on ACT/360, 0.24658 on ACT/365F.""",
        (TENOR,),
        (DAY_COUNT(DAY_COUNT.help + "; sets 360 or 365 for days"),),
        kernel=dates.tenor_year_fraction,
    ),
    ExcelFunction(
        "TENOR_END",
        _GROUP,
        """End date of a period: start + tenor, rolled by modified following with the end-of-month
        rule (30 Jun 2023 + 3M = Fri 29 Sep 2023), over weekends and the holidays given. An Excel
        date number: format it as a date.""",
        (START_DATE, TENOR),
        (HOLIDAYS("Optional: a range of holiday dates the end date does not fall on"),),
        kernel=_tenor_end,
    ),
    ExcelFunction(
        "DAY_COUNT",
        _GROUP,
        """Money-market day count carryxl uses for a currency: ACT/360 (USD, EUR, CHF...) or
        ACT/365F (GBP, AUD, JPY...).""",
        (CURRENCY_CODE,),
        body=_day_count,
    ),
)
