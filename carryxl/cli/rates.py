"""``carryxl rates``: central-bank policy rates from the data folder (BIS WS_CBPOL)."""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from carryxl.cli.arguments import currency, date, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import percent, print_json, table
from carryxl.cli.history import add_plot_argument, plot_target
from carryxl.core.conventions import Currency
from carryxl.core.dates import parse_date
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import rate_from_text
from carryxl.history.folder import data_dir
from carryxl.history.policy import (
    BEFORE,
    GAP,
    PRECISION,
    SOURCE,
    STALE,
    PolicyRates,
    PolicySchedule,
    stale_note,
)
from carryxl.history.rates import RateSchedule
from carryxl.history.store import (
    GAPS_UNKNOWN,
    NO_DATA_TO_SHOW,
    as_of_note,
    as_of_words,
    gaps_known,
    load_policy_rates,
    policy_rates,
)

__all__ = [
    "COMMANDS",
    "add_policy_arguments",
    "on_date",
    "policy_schedule",
    "precision_phrase",
    "rate_pairs",
    "rates_lines",
    "rates_used",
    "run",
    "series",
    "side_by_side",
]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "currencies", nargs="+", type=currency("CCY"), metavar="CCY", help="e.g. USD JPY"
    )
    p.add_argument(
        "--date", type=date("date"), help="the day, YYYY-MM-DD (default: the data's last)"
    )
    p.add_argument(
        "--start",
        type=date("start"),
        help="first date of a series of changes (default: the data's first)",
    )
    p.add_argument(
        "--end",
        type=date("end"),
        help="last date of a series of changes (default: the data's last)",
    )
    add_plot_argument(p, "draw the rates and their differential")
    p.add_argument("--json", action="store_true", help="print JSON (rates as decimals)")


def _codes(names: list[Currency]) -> list[Currency]:
    return list(dict.fromkeys(names))


def on_date(data: PolicyRates, codes: list[Currency], day: np.datetime64) -> dict[str, Any]:
    """``{"date", "rates", "source", "as_of"}`` and, where needed, ``notes`` per currency:
    a stale level keeps its value and is marked; a refused one is null with the reason."""
    rates: dict[str, float | None] = {}
    notes: dict[str, str] = {}
    for code in codes:
        value, status = data.read(code, day, "CCY")
        answer = int(status)
        if answer in (GAP, BEFORE):
            rates[str(code)] = None
            notes[str(code)] = data.refusal(code, day, answer)
            continue
        rates[str(code)] = float(value)
        if answer == STALE:
            notes[str(code)] = stale_note(data.series[code].end)
    result: dict[str, Any] = {
        "date": str(day),
        "rates": rates,
        "source": SOURCE,
        "as_of": str(data.as_of),
    }
    if notes:
        result["notes"] = notes
    return result


def series(
    data: PolicyRates, codes: list[Currency], start: np.datetime64, end: np.datetime64
) -> dict[str, Any]:
    """Each currency's level on ``start`` (or its first date) and every change to ``end``;
    ``rate`` None marks the start of a span with no published level."""
    changes: dict[str, list[dict[str, Any]]] = {}
    notes: dict[str, str] = {}
    for code in codes:
        s = data.get(code, "CCY")
        rows = []
        for day, level in s.decisions():
            if day > end:
                break
            if day <= start:
                rows = [{"date": str(max(day, start)), "rate": level}]
            else:
                rows.append({"date": str(day), "rate": level})
        changes[str(code)] = rows
        if start < s.start:
            notes[str(code)] = f"the BIS data for {code} starts on {s.start}"
        if end > s.end:
            notes[str(code)] = stale_note(s.end) + f"; nothing is known after {s.end}"
    result: dict[str, Any] = {
        "start": str(start),
        "end": str(end),
        "changes": changes,
        "precision": precision_phrase(),
        "source": SOURCE,
        "as_of": str(data.as_of),
    }
    if len(codes) > 1:
        result["table"] = side_by_side(changes)
    if notes:
        result["notes"] = notes
    return result


def precision_phrase() -> str:
    """The header's rule for what is not a decision: PRECISION is a decimal (0.00005), so in
    percentage points it is a hundred times that (0.005), half a basis point."""
    points, bp = PRECISION * 100, PRECISION * 10_000
    return f"moves under {points:g} percentage points ({bp:g} bp) are not listed"


def side_by_side(changes: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per date any currency moved: each currency's rate in force that day and,
    for two currencies, the differential first - second (decimals; None: no level)."""
    codes = list(changes)
    days = sorted({row["date"] for rows in changes.values() for row in rows})
    table: list[dict[str, Any]] = []
    current: dict[str, float | None] = dict.fromkeys(codes)
    index = dict.fromkeys(codes, 0)
    for day in days:
        for code in codes:
            rows = changes[code]
            while index[code] < len(rows) and rows[index[code]]["date"] <= day:
                current[code] = rows[index[code]]["rate"]
                index[code] += 1
        row: dict[str, Any] = {"date": day, **current}
        if len(codes) == 2:
            a, b = current[codes[0]], current[codes[1]]
            row["differential"] = None if a is None or b is None else a - b
        table.append(row)
    return table


def _shown(value: float | None) -> str:
    return "no published level" if value is None else percent(value, 4)


def _source(r: dict[str, Any]) -> str:
    """The citation line with the as-of date (and what it is, where the end is unknown)."""
    return f"Source: {r['source']}, {as_of_words(r['as_of'])}. BIS does not endorse carryxl."


def _render_date(r: dict[str, Any]) -> str:
    rows = [(code, _shown(v), r.get("notes", {}).get(code, "")) for code, v in r["rates"].items()]
    last = "the data's last date" if "as_of_note" not in r else "the data's last change"
    when = f"on {r['date']}" if not r.get("latest") else f"latest: {last} {r['date']}"
    lines = [f"policy rates in force {when}", table(rows)]
    if "gaps" in r:
        lines.append(f"gaps: {r['gaps']}")
    lines.append(_source(r))
    return "\n".join(lines)


def _render_series(r: dict[str, Any]) -> str:
    lines = [f"policy-rate changes, {r['start']} to {r['end']} ({r['precision']})"]
    if "table" in r:
        codes = list(r["changes"])
        header = ("date", *codes, *(["differential"] if len(codes) == 2 else []))
        body = [
            (
                row["date"],
                *(_shown(row[c]) for c in codes),
                *([_shown(row["differential"])] if len(codes) == 2 else []),
            )
            for row in r["table"]
        ]
        lines += ["", table(body, header)]
        for code in codes:
            if code in r.get("notes", {}):
                lines.append(f"{code}: {r['notes'][code]}")
        if "gaps" in r:
            lines.append(f"gaps: {r['gaps']}")
        lines += ["", _source(r)]
        return "\n".join(lines)
    for code, rows in r["changes"].items():
        lines += ["", table([(row["date"], _shown(row["rate"])) for row in rows], ("date", code))]
        if code in r.get("notes", {}):
            lines.append(f"{code}: {r['notes'][code]}")
    if "gaps" in r:
        lines.append(f"gaps: {r['gaps']}")
    lines += ["", _source(r)]
    return "\n".join(lines)


def _unknowns(data: PolicyRates) -> dict[str, str]:
    """What the stored data cannot tell: its gaps, its end (each with how to say more)."""
    found = {} if gaps_known() else {"gaps": GAPS_UNKNOWN}
    return {**found, **as_of_note(data.as_of)}


def run(args: argparse.Namespace) -> int:
    """Print the rates on a date, or the changes over a range (JSON with ``--json``)."""
    codes = _codes(args.currencies)
    given = args.date is not None
    if given and (args.start is not None or args.end is not None):
        raise CarryxlError("date", args.date, "give --date, or --start/--end, not both")
    plot_target(args)
    data = load_policy_rates()
    if data is None:
        raise CarryxlError("rates", str(data_dir()), NO_DATA_TO_SHOW)
    latest = not (given or args.start is not None or args.end is not None or args.plot)
    if given or latest:
        when = args.date if given else data.as_of
        result = on_date(data, codes, when)
        if latest:
            result["latest"] = True
        render = _render_date
    else:
        first = min(data.get(c, "CCY").start for c in codes)
        start = args.start if args.start is not None else first
        end = args.end if args.end is not None else data.as_of
        if end < start:
            raise CarryxlError("end", args.end, f"must be on or after the start ({start})")
        result = series(data, codes, start, end)
        render = _render_series
    result |= _unknowns(data)
    if args.plot:
        from carryxl.history.policy_plot import plot_policy_rates  # noqa: PLC0415 - matplotlib only when asked

        day = args.date
        first = min(data.get(c).start for c in codes)
        a = day if day is not None else parse_date("start", result["start"])
        b = day if day is not None else parse_date("end", result["end"])
        if a == b:  # one date: draw the history up to it
            a = min(first, b)
        result["plot"] = str(plot_policy_rates(data, codes, a, b, args.plot))
    if args.json:
        print_json(result)
    else:
        print(render(result))
        if "plot" in result:
            print(f"chart written to {result['plot']}")
    refused = [v for v in result.get("rates", {}).values() if v is None]
    return 1 if refused else 0


# -- the policy rates as the rates of a backtest, basket or stress replay ----------------------


def add_policy_arguments(p: argparse.ArgumentParser, spreads: bool = True) -> None:
    """``--fill CCY=RATE`` (and ``--spread-target``/``--spread-funding``) for commands that
    use the policy rates when no rates are given."""
    p.add_argument(
        "--fill",
        action="append",
        default=[],
        metavar="CCY=RATE",
        help="with no rates given, the BIS policy rates are used day by day; this rate fills "
        "the days a currency has no published level (labelled as a fill), e.g. JPY=0.05%%",
    )
    if spreads:
        p.add_argument(
            "--spread-target",
            type=rate("spread_target"),
            default=0.0,
            help="added to the target's policy rate, e.g. -0.5%% (a broker keeps 0.5%%)",
        )
        p.add_argument(
            "--spread-funding",
            type=rate("spread_funding"),
            default=0.0,
            help="added to the funding policy rate, e.g. 1.5%% (a broker's margin loan)",
        )


def rate_pairs(items: list[str], argument: str) -> dict[Currency, float]:
    """``["JPY=0.05%"]`` as ``{Currency.JPY: 0.0005}`` (the core's one rate reader); a bad
    item is named once, as typed."""
    found: dict[Currency, float] = {}
    for item in items:
        code, sep, value = item.partition("=")
        if not sep:
            raise CarryxlError(argument, item, "must be CCY=RATE, e.g. JPY=0.05%")
        try:
            found[Currency.parse(code, argument)] = rate_from_text(value, argument)
        except CarryxlError as error:
            raise CarryxlError(argument, item, error.rule) from None
    return found


def policy_schedule(
    args: argparse.Namespace, spreads: dict[Currency, float] | None = None
) -> PolicySchedule:
    """The stored policy rates as a schedule with the user's fills and spreads; with no data,
    the one-line error naming the three ways out."""
    fills = rate_pairs(getattr(args, "fill", []) or [], "fill")
    return policy_rates("rates").schedule(fills, {k: v for k, v in (spreads or {}).items() if v})


def rates_used(legs: dict[str, tuple[Currency, Any]], start: Any, end: Any) -> dict[str, Any]:
    """Which rates a run used, leg by leg, and for policy rates their source, as-of date and
    notes (fills, stale days, spreads)."""
    shown: dict[str, Any] = {}
    policy: PolicySchedule | None = None
    for leg, (code, value) in legs.items():
        if isinstance(value, PolicySchedule):
            policy = value
            shown[leg] = f"{code} policy rate day by day (BIS)"
        elif isinstance(value, RateSchedule):
            shown[leg] = f"{code} from the step schedule {value.source}"
        else:
            shown[leg] = f"{code} at {percent(float(value))} (given, constant)"
    if policy is None:
        return {**shown, "source": "rates given by hand"}
    codes = [code for code, value in legs.values() if isinstance(value, PolicySchedule)]
    return {
        **shown,
        "source": SOURCE,
        "as_of": str(policy.data.as_of),
        **as_of_note(policy.data.as_of),
        "notes": policy.notes(codes, start, end) + ([] if gaps_known() else [GAPS_UNKNOWN]),
    }


def rates_lines(used: dict[str, Any]) -> list[str]:
    """``rates_used`` as lines of text."""
    legs = [v for k, v in used.items() if k not in ("source", "as_of", "as_of_note", "notes")]
    lines = [f"rates: {'; '.join(legs)}"]
    if "as_of" in used:
        lines.append(f"Source: {used['source']}, {as_of_words(used['as_of'])}")
        lines += [f"  note: {n}" for n in used["notes"]]
    return lines


COMMANDS = (
    Command(
        name="rates",
        page="docs/rates.md",
        help="central-bank policy rates on a date, or their changes over a range (BIS)",
        description="The policy rate in force on a date, or each change from --start to "
        "--end, from the policy-rate data in carryxl's data folder (`carryxl data update` or "
        "`carryxl data import FILE` fills it). Source: BIS, Central bank policy rates "
        "(WS_CBPOL). Printed as percent; in --json as decimals (0.0525 = 5.25%). With no "
        "date, the latest level (on the data's last date). Several currencies over a range: "
        "one table, with the differential of two. Moves under half a basis point (BIS's "
        "daily noise, below any central bank's precision) are not listed as decisions. A "
        "date after the data's last date shows the last known level marked stale; a date "
        "with no published level is refused (exit 1).",
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl rates USD JPY --date 2024-07-31"),
            Example("carryxl rates JPY", note="the latest level"),
            Example("carryxl rates AUD JPY --date 2008-07-01 --json"),
            Example("carryxl rates AUD JPY --start 2007-01-01 --end 2009-12-31"),
            Example(
                "carryxl rates AUD JPY --plot audjpy-rates.png",
                note="the whole history, with the AUD - JPY differential",
            ),
        ),
    ),
)
