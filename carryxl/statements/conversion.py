"""Quote-currency money into the account currency when the account is neither leg of the
pair: the ECB reference rates shipped with carryxl (crosses via EUR), on the close date."""

from __future__ import annotations

import numpy as np

from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError

__all__ = ["convert_by_ecb"]


def convert_by_ecb(currency: str, account: str, dates: np.ndarray) -> np.ndarray:
    """Account units per unit of ``currency`` on each date from the ECB reference rates
    (NaN where the ECB has none: a currency it does not fix, a date outside its data)."""
    from carryxl.history.ecb import ecb_history  # noqa: PLC0415 - only crosses need it
    from carryxl.history.series import spot_on  # noqa: PLC0415

    try:
        result: np.ndarray = spot_on(Pair.parse(f"{currency}/{account}"), dates, ecb_history())
    except CarryxlError:
        return np.full(dates.shape, np.nan)
    return result
