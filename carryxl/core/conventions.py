"""Market conventions, parsed once at the edge into enums.

- :class:`Currency`: ISO codes carryxl knows, each with its money-market day count and
  the decimals of its minor unit (:func:`minor_units`: ISO 4217's exponent, 0 for JPY,
  KRW and ISK, 2 for the others carryxl knows).
- :class:`DayCount`: ACT/360, ACT/365F, ACT/ACT (ISDA), 30/360, 30E/360.
- :class:`Pair`: a currency pair ``BASE/QUOTE``; its spot is QUOTE units per 1 BASE.
- :class:`Orientation`: whether the pair reads TARGET/FUNDING (AUD/JPY funded in JPY)
  or FUNDING/TARGET (USD/TRY funded in USD).
- pip size and forward-points scale: 0.01 and x100 for pairs quoted in JPY, HUF or ISK
  (EUR/HUF 400.12: a pip is 0.01 forint), 0.0001 and x10,000 otherwise, unless overridden.
- the trading platform's **point** (MetaTrader 4/5): 10^-digits, with digits 3 on pairs
  whose pip is 0.01 (USD/JPY 150.123) and 5 otherwise (EUR/USD 1.08123): a pip is 10
  points. Brokers' swap "points" are these points; ``digits`` overrides.

Default day counts (money-market basis): ACT/360 for USD, EUR, CHF, SEK, MXN, NOK,
DKK, TRY and the other currencies flagged 360 below; ACT/365F for GBP, AUD, NZD, CAD,
HKD, SGD, ZAR and **JPY** (TONA and JPY deposits are quoted ACT/365F; some sources use
ACT/360 for JPY LIBOR-era deposits — pass ``day_count=`` to override). NOK follows
NIBOR (ACT/360). Every function that uses a day count takes an override.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from babel.numbers import get_currency_precision

from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.parse import rate_from_text
from carryxl.core.validate import positive

__all__ = [
    "NO_MINOR_UNIT",
    "Currency",
    "DayCount",
    "Orientation",
    "Pair",
    "currency_name",
    "default_day_count",
    "minor_units",
    "points_scale",
    "rate_from_text",
    "spot_lag_days",
]


class DayCount(StrEnum):
    """How a period becomes a year fraction."""

    ACT_360 = "ACT/360"
    ACT_365F = "ACT/365F"
    ACT_ACT = "ACT/ACT"
    THIRTY_360 = "30/360"
    THIRTY_E_360 = "30E/360"

    @classmethod
    def parse(cls, value: DayCount | str, argument: str = "day_count") -> DayCount:
        """``"act/360"``, ``"ACT360"``, ``"A365F"``… as a DayCount, or a clear error."""
        if isinstance(value, DayCount):
            return value
        key = re.sub(r"[\s/_.-]", "", str(value)).upper()
        found = _DAY_COUNT_ALIASES.get(key)
        if found is None:
            raise CarryxlError(argument, value, f"must be one of {', '.join(cls)}")
        return found

    @property
    def days_in_year(self) -> int:
        """The denominator used for day-based tenors (``90D``): 360 or 365."""
        return (
            360 if self in (DayCount.ACT_360, DayCount.THIRTY_360, DayCount.THIRTY_E_360) else 365
        )


_DAY_COUNT_ALIASES: dict[str, DayCount] = {
    "ACT360": DayCount.ACT_360,
    "A360": DayCount.ACT_360,
    "ACTUAL360": DayCount.ACT_360,
    "ACT365F": DayCount.ACT_365F,
    "ACT365FIXED": DayCount.ACT_365F,
    "ACT365": DayCount.ACT_365F,
    "A365F": DayCount.ACT_365F,
    "A365": DayCount.ACT_365F,
    "ACTUAL365FIXED": DayCount.ACT_365F,
    "ACTACT": DayCount.ACT_ACT,
    "ACTACTISDA": DayCount.ACT_ACT,
    "ACTUALACTUAL": DayCount.ACT_ACT,
    "30360": DayCount.THIRTY_360,
    "30U360": DayCount.THIRTY_360,
    "BOND": DayCount.THIRTY_360,
    "30E360": DayCount.THIRTY_E_360,
    "EUROBOND": DayCount.THIRTY_E_360,
}


class Currency(StrEnum):
    """ISO 4217 codes carryxl knows (the ECB reference set plus CNH)."""

    USD = "USD"
    EUR = "EUR"
    JPY = "JPY"
    GBP = "GBP"
    CHF = "CHF"
    AUD = "AUD"
    NZD = "NZD"
    CAD = "CAD"
    SEK = "SEK"
    NOK = "NOK"
    DKK = "DKK"
    HKD = "HKD"
    SGD = "SGD"
    ZAR = "ZAR"
    MXN = "MXN"
    TRY = "TRY"
    CNY = "CNY"
    CNH = "CNH"
    BRL = "BRL"
    RUB = "RUB"
    INR = "INR"
    KRW = "KRW"
    PLN = "PLN"
    HUF = "HUF"
    CZK = "CZK"
    ILS = "ILS"
    THB = "THB"
    IDR = "IDR"
    MYR = "MYR"
    PHP = "PHP"
    ISK = "ISK"
    RON = "RON"
    BGN = "BGN"
    HRK = "HRK"

    @classmethod
    def parse(cls, value: Currency | str, argument: str = "currency") -> Currency:
        """``"aud"`` or ``" AUD "`` as Currency.AUD, or a clear error."""
        if isinstance(value, Currency):
            return value
        try:
            return cls(str(value).strip().upper())
        except ValueError:
            raise CarryxlError(
                argument, value, "must be a 3-letter currency code carryxl knows, e.g. JPY"
            ) from None


_ACT_360 = frozenset(
    {
        "USD",
        "EUR",
        "CHF",
        "SEK",
        "MXN",
        "NOK",
        "DKK",
        "TRY",
        "CNY",
        "CNH",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "HRK",
        "ISK",
        "IDR",
        "PHP",
    }
)

_NAMES: dict[str, tuple[str, str]] = {
    "USD": ("US dollar", "美元"),
    "EUR": ("euro", "欧元"),
    "JPY": ("Japanese yen", "日元"),
    "GBP": ("pound sterling", "英镑"),
    "CHF": ("Swiss franc", "瑞士法郎"),
    "AUD": ("Australian dollar", "澳元"),
    "NZD": ("New Zealand dollar", "新西兰元"),
    "CAD": ("Canadian dollar", "加元"),
    "SEK": ("Swedish krona", "瑞典克朗"),
    "NOK": ("Norwegian krone", "挪威克朗"),
    "DKK": ("Danish krone", "丹麦克朗"),
    "HKD": ("Hong Kong dollar", "港元"),
    "SGD": ("Singapore dollar", "新加坡元"),
    "ZAR": ("South African rand", "南非兰特"),
    "MXN": ("Mexican peso", "墨西哥比索"),
    "TRY": ("Turkish lira", "土耳其里拉"),
    "CNY": ("Chinese yuan", "人民币"),
    "CNH": ("offshore Chinese yuan", "离岸人民币"),
    "BRL": ("Brazilian real", "巴西雷亚尔"),
    "RUB": ("Russian rouble", "俄罗斯卢布"),
    "INR": ("Indian rupee", "印度卢比"),
    "KRW": ("South Korean won", "韩元"),
    "PLN": ("Polish zloty", "波兰兹罗提"),
    "HUF": ("Hungarian forint", "匈牙利福林"),
    "CZK": ("Czech koruna", "捷克克朗"),
    "ILS": ("Israeli shekel", "以色列新谢克尔"),
    "THB": ("Thai baht", "泰铢"),
    "IDR": ("Indonesian rupiah", "印尼盾"),
    "MYR": ("Malaysian ringgit", "马来西亚林吉特"),
    "PHP": ("Philippine peso", "菲律宾比索"),
    "ISK": ("Icelandic krona", "冰岛克朗"),
    "RON": ("Romanian leu", "罗马尼亚列伊"),
    "BGN": ("Bulgarian lev", "保加利亚列弗"),
    "HRK": ("Croatian kuna", "克罗地亚库纳"),
}


def default_day_count(currency: Currency) -> DayCount:
    """The money-market day count of ``currency`` (ACT/360 or ACT/365F; JPY: ACT/365F)."""
    return DayCount.ACT_360 if currency in _ACT_360 else DayCount.ACT_365F


def minor_units(currency: Currency | str) -> int:
    """Decimals a money amount in ``currency`` is shown with: the Unicode CLDR's currency
    digits (via Babel; what ICU and most platforms display): 0 for JPY, KRW, HUF, IDR...,
    3 for KWD, BHD, 2 for the others and for any code the data does not know (a statement
    may hold a currency carryxl has no conventions for)."""
    return int(get_currency_precision(str(currency).strip().upper()))


NO_MINOR_UNIT = frozenset(c.value for c in Currency if minor_units(c) == 0)
"""carryxl's currencies shown in whole units (the workbooks' money formats list them)."""


def currency_name(currency: Currency, lang: str = "en") -> str:
    """The currency's name in English (``lang="en"``) or Simplified Chinese (``"zh"``)."""
    english, chinese = _NAMES[currency]
    if not isinstance(lang, str) or lang not in ("en", "zh"):
        raise CarryxlError("lang", lang, "must be 'en' or 'zh'")
    return chinese if lang == "zh" else english


class Orientation(StrEnum):
    """How the pair reads relative to the trade.

    ``TARGET_FUNDING``: the pair is TARGET/FUNDING, spot = funding units per target
    unit (AUD/JPY funded in JPY). ``FUNDING_TARGET``: the pair is FUNDING/TARGET,
    spot = target units per funding unit (USD/TRY funded in USD).
    """

    TARGET_FUNDING = "target/funding"
    FUNDING_TARGET = "funding/target"

    @classmethod
    def parse(cls, value: Orientation | str, argument: str = "orientation") -> Orientation:
        """``"target/funding"`` or ``"funding/target"`` (case and separators free)."""
        if isinstance(value, Orientation):
            return value
        key = re.sub(r"[\s/_.-]", "", str(value)).lower()
        for member in cls:
            if key == member.value.replace("/", ""):
                return member
        raise CarryxlError(argument, value, "must be 'target/funding' or 'funding/target'")


_PAIR = re.compile(r"^\s*([A-Za-z]{3})\s*[/\-_. ]?\s*([A-Za-z]{3})\s*$")

# Pairs that settle T+1 rather than the usual T+2.
_T_PLUS_1 = frozenset({("USD", "CAD"), ("USD", "TRY"), ("USD", "RUB"), ("USD", "PHP")})
# Quote currencies whose pip is 0.01 (prices in the hundreds): JPY, HUF, ISK.
_PIP_HUNDREDTH = frozenset({"JPY", "HUF", "ISK"})


@dataclass(frozen=True)
class Pair:
    """A currency pair BASE/QUOTE; its spot is QUOTE units per 1 BASE."""

    base: Currency
    quote: Currency

    @classmethod
    def parse(cls, value: Pair | str, argument: str = "pair") -> Pair:
        """``"AUD/JPY"``, ``"AUDJPY"``, ``"aud/jpy"`` or ``"AUD-JPY"`` as a Pair."""
        if isinstance(value, Pair):
            return value
        match = _PAIR.match(str(value))
        if match is None:
            raise CarryxlError(argument, value, Rule.PAIR)
        codes = [code.upper() for code in match.groups()]
        unknown = [code for code in codes if code not in Currency.__members__]
        if unknown:
            rule = f"{unknown[0]} is not a currency code carryxl knows"
            raise CarryxlError(argument, value, rule)
        base, quote = Currency(codes[0]), Currency(codes[1])
        if base == quote:
            raise CarryxlError(argument, value, "must name two different currencies")
        return cls(base, quote)

    def __str__(self) -> str:
        return f"{self.base}/{self.quote}"

    @property
    def inverse(self) -> Pair:
        """The same two currencies quoted the other way round."""
        return Pair(self.quote, self.base)

    def orientation(self, funding: Currency, argument: str = "funding") -> Orientation:
        """TARGET_FUNDING if ``funding`` is the quote currency, FUNDING_TARGET if the base."""
        if funding == self.quote:
            return Orientation.TARGET_FUNDING
        if funding == self.base:
            return Orientation.FUNDING_TARGET
        raise CarryxlError(argument, funding, f"must be one of the pair's currencies ({self})")

    def other(self, currency: Currency, argument: str = "funding") -> Currency:
        """The pair's other currency: the target when given the funding one."""
        orientation = self.orientation(currency, argument)
        return self.base if orientation is Orientation.TARGET_FUNDING else self.quote

    def pip_size(self, override: float | None = None) -> float:
        """One pip in quote units: 0.01 for pairs quoted in JPY, HUF or ISK, 0.0001 otherwise."""
        if override is not None:
            size = positive("pip_size", override)
            if size.ndim:
                raise CarryxlError("pip_size", override, Rule.ONE_NUMBER)
            return float(size)
        return 0.01 if str(self.quote) in _PIP_HUNDREDTH else 0.0001

    def digits(self, override: int | None = None) -> int:
        """MetaTrader's digits for the pair: 3 where a pip is 0.01 (USD/JPY 150.123), 5
        where it is 0.0001 (EUR/USD 1.08123); ``override`` (0-8) for a broker's own."""
        if override is not None:
            if (
                isinstance(override, bool)
                or not isinstance(override, int)
                or not 0 <= override <= 8
            ):
                raise CarryxlError("digits", override, "must be a whole number 0 to 8, e.g. 3 or 5")
            return override
        return round(-math.log10(self.pip_size())) + 1

    def point_size(self, digits: int | None = None) -> float:
        """The platform's point, 10^-digits: 0.001 on USD/JPY, 0.00001 on EUR/USD."""
        return 10.0 ** -self.digits(digits)

    @property
    def spot_lag(self) -> int:
        """Business days from trade to spot value date: 1 for USD/CAD, USD/TRY,
        USD/RUB, USD/PHP (either way round), else 2."""
        return spot_lag_days(self)


def spot_lag_days(pair: Pair) -> int:
    """Spot lag in business days: T+1 for USD/CAD, USD/TRY, USD/RUB, USD/PHP; else T+2."""
    key = (str(pair.base), str(pair.quote))
    return 1 if key in _T_PLUS_1 or key[::-1] in _T_PLUS_1 else 2


def points_scale(pair: Pair, pip_size: float | None = None) -> float:
    """Forward points per unit of price: 100 for JPY-quoted pairs, 10,000 otherwise."""
    return 1.0 / pair.pip_size(pip_size)
