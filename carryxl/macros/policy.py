"""The rates a history macro holds the trade at: the workbook's, or the policy rates."""

from __future__ import annotations

from carryxl.history.policy import PolicySchedule
from carryxl.history.store import citation, policy_rates
from carryxl.macros.inputs import HeldTrade

__all__ = ["held_rates", "rates_text"]


def held_rates(
    trade: HeldTrade,
) -> tuple[float | PolicySchedule, float | PolicySchedule, PolicySchedule | None]:
    """Target and funding rates: each the workbook's constant, or (its cell empty) the policy
    rates day by day; and the policy schedule if one is used."""
    if trade.rate_target is not None and trade.rate_funding is not None:
        return trade.rate_target, trade.rate_funding, None
    policy = policy_rates("in_rate_target" if trade.rate_target is None else "in_rate_funding")
    schedule = policy.schedule()
    r_t = schedule if trade.rate_target is None else trade.rate_target
    r_f = schedule if trade.rate_funding is None else trade.rate_funding
    return r_t, r_f, schedule


def rates_text(trade: HeldTrade, schedule: PolicySchedule | None, first: str, last: str) -> str:
    """How the rates were held, for the sheet's heading: constants, or the BIS citation."""
    funding = trade.funding
    target = trade.pair.other(funding)
    legs = []
    for code, value in ((target, trade.rate_target), (funding, trade.rate_funding)):
        legs.append(f"{code} policy rate day by day" if value is None else f"{code} {value:.4%}")
    if schedule is None:
        return f"at {legs[0]} vs {legs[1]} (held constant)"
    codes = [
        c for c, v in ((target, trade.rate_target), (funding, trade.rate_funding)) if v is None
    ]
    notes = "; ".join(schedule.notes(codes, first, last))
    return f"at {legs[0]} vs {legs[1]}; {citation(schedule.data)}" + (
        f" ({notes})" if notes else ""
    )
