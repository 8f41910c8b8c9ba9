"""P&L in the account currency (账户币种), when it is neither of the trade's currencies.

A carry P&L is money in the funding currency; an account in a third currency sees it
converted at the rate of the day it is realized (the end of the trade). Rates are
given as a pair's quote (QUOTE units per BASE unit), so the direction is never
ambiguous: converting from the base to the quote multiplies, the other way divides.

Example: account in CNY, funded in JPY, holding USD. 15,000,000 JPY into USD at
150, USD 5%, JPY 0.5%, 6 months, USD/JPY 155 at the end: exact P&L 15,000,000 *
(155/150 * 1.025 - 1.0025) = 850,000 JPY. With USD/CNY 7.2 at the end the JPY/CNY
cross is 7.2 / 155 = 0.0464516, and the account sees 850,000 * 7.2 / 155 = 39,483.87 CNY.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from carryxl.core.carry import CarryBreakdown
from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.validate import FloatArray, common_shape, finite, finite_result, positive

__all__ = ["breakdown_in_account", "convert_money", "cross_rate"]


def convert_money(
    amount: Any,
    from_currency: Currency,
    to_currency: Currency,
    rate: Any,
    pair: Pair,
) -> FloatArray:
    """``amount`` of ``from_currency`` in ``to_currency``, at ``rate`` quoted as ``pair``.

    850,000 JPY to CNY at CNY/JPY 21.5278 (JPY per CNY): 850,000 / 21.5278 = 39,483.8 CNY;
    at JPY/CNY 0.0464516: 850,000 * 0.0464516.
    """
    p, source, target = pair, from_currency, to_currency
    money = finite("amount", amount)
    r = positive("rate", rate)
    common_shape(amount=money, rate=r)
    if source == target:
        return money * (r / r)
    if (source, target) == (p.base, p.quote):
        return finite_result(money * r, amount=money, rate=r)
    if (source, target) == (p.quote, p.base):
        return finite_result(money / r, amount=money, rate=r)
    raise CarryxlError("pair", str(p), f"must be {source}/{target} or {target}/{source}")


def cross_rate(wanted: Pair, pair_a: Pair, rate_a: Any, pair_b: Pair, rate_b: Any) -> FloatArray:
    """The rate of ``wanted`` from two rates that share a currency.

    JPY/CNY from USD/CNY 7.2 and USD/JPY 155: 7.2 / 155 = 0.0464516 CNY per JPY.
    """
    w, a, b = wanted, pair_a, pair_b
    ra = positive("rate_a", rate_a)
    rb = positive("rate_b", rate_b)
    common_shape(rate_a=ra, rate_b=rb)
    shared = {a.base, a.quote} & {b.base, b.quote}
    if len(shared) != 1:
        raise CarryxlError("pair_b", str(b), f"must share exactly one currency with {a}")
    (common,) = shared
    # Each currency's price in the shared currency.
    price: dict[Currency, FloatArray] = {common: ra / ra}
    for pair, r in ((a, ra), (b, rb)):
        if pair.quote == common:
            price[pair.base] = r
        else:
            price[pair.quote] = 1.0 / r
    for currency, name in ((w.base, "wanted"), (w.quote, "wanted")):
        if currency not in price:
            raise CarryxlError(name, str(w), f"must use the currencies of {a} and {b}")
    return finite_result(price[w.base] / price[w.quote], rate_a=ra, rate_b=rb)


def breakdown_in_account(breakdown: CarryBreakdown, rate_to_account: Any) -> CarryBreakdown:
    """Every money line of a breakdown times ``rate_to_account`` (account units per funding unit).

    Returns are unchanged: the whole P&L is converted at one rate (the end's).
    """
    if not isinstance(breakdown, CarryBreakdown):
        raise CarryxlError("breakdown", breakdown, Rule.BREAKDOWN)
    k = positive("rate_to_account", rate_to_account)
    common_shape(breakdown=breakdown.total, rate_to_account=k)
    finite_result(breakdown.total * k, breakdown_total=breakdown.total, rate_to_account=k)
    return replace(
        breakdown,
        carry=breakdown.carry * k,
        fx=breakdown.fx * k,
        cross=breakdown.cross * k,
        total=breakdown.total * k,
        costs=breakdown.costs * k,
    )
