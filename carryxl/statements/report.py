"""An :class:`Analysis` as plain data (the ``--json`` shape of ``carryxl statement``).

Money is in the account currency unless a key says otherwise (``..._quote``: the pair's
quote currency); rates are decimals a year; ``markup_bp`` basis points a year; times are
the broker's server time as the statement wrote it (no zone). The holder's name and the
account number are left out unless ``show_account``.
"""

from __future__ import annotations

from typing import Any

from carryxl.statements.analysis import Analysis, GroupResult, PositionResult

__all__ = ["TIMES_NOTE", "report"]

TIMES_NOTE = (
    "times are broker server time (no zone given); nights are counted on the server's "
    "calendar dates, as the broker rolls"
)


def _side(side: int) -> str:
    return {1: "long", -1: "short"}.get(side, "both")


def _time(value: Any) -> str:
    return str(value).replace("T", " ")


def _position(r: PositionResult) -> dict[str, Any]:
    p = r.position
    return {
        "ticket": p.ticket,
        "symbol": p.symbol,
        "pair": p.pair,
        "asset_class": str(p.asset_class),
        "side": _side(p.side),
        "lots": p.lots,
        "open_time": _time(p.open_time),
        "close_time": _time(p.close_time),
        "open_price": p.open_price,
        "close_price": p.close_price,
        "nights": r.nights,
        "swap": p.swap,
        "financing": p.financing,
        "commission": p.commission,
        "fee": p.fee,
        "profit": p.profit,
        "carry_share": r.carry_share,
        "swap_per_lot_night_quote": r.swap_per_lot_night_quote,
        "implied_rate": r.implied_rate,
        "policy_differential": r.policy_differential,
        "stale": r.stale,
        "markup_bp": r.markup_bp,
        "comment": p.comment,
    }


def _group(g: GroupResult, key: str) -> dict[str, Any]:
    return {
        key: g.name,
        "side": _side(g.side),
        "positions": g.positions,
        "lots": g.lots,
        "profit": g.profit,
        "swap": g.swap,
        "commission": g.commission,
        "fee": g.fee,
        "nights": g.nights,
        "median_swap_per_lot_night_quote": g.median_swap_per_lot_night_quote,
        "implied_rate": g.implied_rate,
        "policy_differential": g.policy_differential,
        "stale": g.stale,
        "markup_bp": g.markup_bp,
    }


def report(analysis: Analysis, show_account: bool = False) -> dict[str, Any]:
    """The analysis as the JSON of ``carryxl statement --json``."""
    s = analysis.statement
    a = s.account
    account: dict[str, Any] = {
        "platform": str(a.platform),
        "currency": a.currency,
        "server": a.server,
        "company": a.company,
        "kind": a.kind,
        "margin_mode": a.margin_mode,
        "report_time": a.report_time,
    }
    if show_account:
        account = {"number": a.number, "holder": a.holder, **account}
    t = analysis.account
    totals = {
        "positions": t.positions,
        "profit": t.profit,
        "swap": t.swap,
        "commission": t.commission,
        "fee": t.fee,
        "net": round(t.profit + t.swap + t.commission + t.fee, 8),
        "nights": t.nights,
        "implied_rate": t.implied_rate,
        "policy_differential": t.policy_differential,
        "markup_bp": t.markup_bp,
        "open_positions": s.open_positions,
        "unattributed_financing": s.unattributed_financing,
        "file_net_profit": s.net_profit,
        "deals_net": s.deals_net,
    }
    return {
        "account": account,
        "positions": [_position(r) for r in analysis.positions],
        "pairs": [_group(g, "pair") for g in analysis.pairs],
        "others": [_group(g, "symbol") for g in analysis.others],
        "totals": totals,
        "source": {
            "file": s.file_name(show_account),
            "layout": s.layout,
            "times": TIMES_NOTE,
            "policy_rates": analysis.policy_source,
        },
        "notes": list(analysis.notes),
        "skipped": list(s.skipped),
    }
