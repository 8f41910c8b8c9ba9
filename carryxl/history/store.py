"""The data carryxl keeps in its data folder (:mod:`carryxl.history.folder`): policy rates
(``policy_rates.csv``) and, after ``carryxl data update``, the ECB's reference rates
(``eurofxref-hist.zip``). ``sources.json`` records where each came from and when.

The package ships no rate table: the policy rates come from ``carryxl data update`` (BIS's
bulk file) or ``carryxl data import FILE``. Imports merge, the later file winning where
files overlap; the store is replaced in one rename, only after every file read cleanly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carryxl.core.conventions import Currency
from carryxl.core.errors import CarryxlError
from carryxl.history.folder import data_dir, write_data_files
from carryxl.history.policy import SOURCE, PolicyRates, Revision
from carryxl.history.policy_files import read_policy_file, read_policy_text, store_text

__all__ = [
    "ECB_FILE",
    "END_KEY",
    "END_UNKNOWN",
    "GAPS_KEY",
    "GAPS_UNKNOWN",
    "LOG_FILE",
    "NO_DATA",
    "NO_DATA_TO_SHOW",
    "POLICY_FILE",
    "ImportReport",
    "as_of_note",
    "as_of_words",
    "citation",
    "end_known",
    "gaps_known",
    "import_policy_files",
    "load_policy_rates",
    "log_path",
    "merge_into",
    "parse_policy_bytes",
    "policy_path",
    "policy_rates",
    "policy_status",
    "sources",
    "sources_text",
]

POLICY_FILE = "policy_rates.csv"
ECB_FILE = "eurofxref-hist.zip"
LOG_FILE = "sources.json"

NO_DATA = (
    "no policy-rate data yet: run `carryxl data update`, or `carryxl data import FILE`, "
    "or give the rates by hand"
)
NO_DATA_TO_SHOW = (
    "there is no policy-rate data in carryxl's data folder yet: get it with "
    "`carryxl data update` (BIS) or `carryxl data import FILE`"
)

_cache: dict[str, tuple[tuple[int, int], PolicyRates]] = {}


def policy_path() -> Path:
    """Where the policy rates are kept."""
    return data_dir() / POLICY_FILE


def load_policy_rates() -> PolicyRates | None:
    """The stored policy rates, or None if there are none yet (re-read when the file changes)."""
    path = policy_path()
    try:
        info = path.stat()
    except OSError:
        return None
    key = (info.st_mtime_ns, info.st_size)
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == key:
        return cached[1]
    found = read_policy_file(path).rates
    if found is None:  # pragma: no cover - the store is always written as levels
        return None
    _cache[str(path)] = (key, found)
    return found


def policy_rates(argument: str = "rates") -> PolicyRates:
    """The stored policy rates; with none, the one-line error naming the three ways out."""
    found = load_policy_rates()
    if found is None:
        raise CarryxlError(argument, str(data_dir()), NO_DATA)
    return found


@dataclass(frozen=True)
class ImportReport:
    """What one imported file held and changed."""

    file: str
    kind: str
    currencies: tuple[str, ...]
    first: str | None
    last: str | None
    revisions: tuple[Revision, ...] = ()
    gap_days: int = 0
    added: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "file": self.file,
            "kind": self.kind,
            "currencies": list(self.currencies),
            "first": self.first,
            "last": self.last,
            "levels_revised": len(self.revisions),
            "revisions": [str(r) for r in self.revisions],
            "gap_days_marked": self.gap_days,
            "currencies_added": list(self.added),
        }


def merge_into(
    current: PolicyRates | None, incoming: PolicyRates, name: str, kind: str
) -> tuple[PolicyRates, ImportReport]:
    """``current`` updated by ``incoming`` (the later wins) and the report of the change."""
    if current is None:
        merged, revisions = incoming, list[Revision]()
    else:
        merged, revisions = current.merged(incoming)
    added = tuple(str(c) for c in incoming.currencies if current is None or c not in current.series)
    return merged, ImportReport(
        name,
        kind,
        tuple(map(str, incoming.currencies)),
        str(min(s.start for s in incoming.series.values())),
        str(incoming.as_of),
        tuple(revisions),
        added=added,
    )


def import_policy_files(
    paths: Sequence[str | Path], through: object = None
) -> tuple[PolicyRates, list[ImportReport]]:
    """Merge files into the store in order (later wins); written once, after all are read.

    A gaps table marks spans in the data already held (import it after its levels).
    """
    current = load_policy_rates()
    reports: list[ImportReport] = []
    for path in paths:
        name = Path(path).name
        found = read_policy_file(path, through)
        if found.rates is not None:
            current, report = merge_into(current, found.rates, name, found.kind)
        else:
            if current is None:
                raise CarryxlError("FILE", name, "is a gaps table: import its levels first")
            current, marked = current.without(found.gaps)
            codes = tuple(dict.fromkeys(str(g[0]) for g in found.gaps))
            report = ImportReport(name, found.kind, codes, None, None, gap_days=marked)
        reports.append(report)
    if current is None:
        raise CarryxlError("FILE", list(map(str, paths)), "give at least one file")
    how = "; ".join(f"imported {report.file} ({report.kind})" for report in reports)
    as_of = str(current.as_of)
    changes = {"policy_rates": (how, as_of)}
    kinds = {report.kind for report in reports}
    if "gaps" in kinds or "BIS bulk" in kinds:  # a daily file shows its gaps itself
        changes[GAPS_KEY] = ("known: " + ", ".join(r.file for r in reports), as_of)
    elif "change points" in kinds and GAPS_KEY not in sources():
        changes[GAPS_KEY] = (GAPS_UNKNOWN, as_of)
    end = _end(reports, as_of, through)
    if end is not None:
        changes[END_KEY] = (end, as_of)
    write_data_files(
        {
            policy_path(): store_text(current).encode("utf-8"),
            log_path(): sources_text(changes),
        }
    )
    return current, reports


GAPS_KEY = "policy_gaps"
GAPS_UNKNOWN = (
    "unknown: change points imported without their gaps table; a span with no published "
    "level reads as the level before it (import the gaps file too, or run carryxl data update)"
)


END_KEY = "policy_end"
END_UNKNOWN = "unknown: a change-point table ends at its last change"


def _end(reports: Sequence[ImportReport], as_of: str, through: object) -> str | None:
    """How the as-of date is known after an import (None: a gaps table changes nothing).

    A change-point table cannot tell its own end: without ``--through`` its last row is the
    last change, not the end of the data (BIS's 2008-2024 table's last row is 2024-12-27,
    its data runs to 2024-12-31). A daily file (BIS's bulk file) or ``--through`` tells it."""
    levels = [r for r in reports if r.kind != "gaps"]
    if not levels:
        return None
    if through is None and any(r.kind == "change points" and r.last == as_of for r in levels):
        return END_UNKNOWN
    return "known: " + ", ".join(r.file for r in levels)


def end_known() -> bool:
    """False when the as-of date is only the last change of a change-point table."""
    how = str(sources().get(END_KEY, {}).get("how", "known"))
    return not how.startswith("unknown")


def as_of_words(as_of: object, lang: str = "en") -> str:
    """``as of D``, or where the data's end is unknown, what D is and how to say more; in
    English or (``lang="zh"``) Chinese. Every "as of" of the policy rates says it this way."""
    known = end_known()
    if lang == "zh":
        if known:
            return f"数据截至 {as_of}"
        return (
            f"数据截至最后一次变动日 {as_of}（变动点表不说明数据覆盖到哪天："
            "若数据更晚，导入时请给出 --through）"
        )
    if known:
        return f"as of {as_of}"
    return (
        f"as of the last change, {as_of} (a change-point table does not say how far it runs: "
        "give --through at import if the data runs later)"
    )


def as_of_note(as_of: object) -> dict[str, str]:
    """``{"as_of_note": as_of_words(D)}`` for a JSON answer where the data's end is unknown;
    nothing where it is known (``as_of`` says it all)."""
    return {} if end_known() else {"as_of_note": as_of_words(as_of)}


def citation(rates: PolicyRates) -> str:
    """``Source: BIS, Central bank policy rates (WS_CBPOL), as of 2024-12-31`` (the as-of
    words of :func:`as_of_words`)."""
    return f"Source: {rates.source}, {as_of_words(rates.as_of)}"


def gaps_known() -> bool:
    """False when the stored change points came without a gaps table (spans with no
    published level are then unknown), True otherwise."""
    how = str(sources().get(GAPS_KEY, {}).get("how", "known"))
    return not how.startswith("unknown")


def parse_policy_bytes(text: str, name: str) -> PolicyRates:
    """Policy rates from a downloaded file's text (the BIS bulk layout or change points)."""
    found = read_policy_text(text, name)
    if found.rates is None:
        raise CarryxlError(name, "gaps", "holds gap spans, not levels")
    return found.rates


def log_path() -> Path:
    """Where ``sources.json`` is kept."""
    return data_dir() / LOG_FILE


def sources() -> dict[str, Any]:
    """What ``sources.json`` recorded (empty if nothing yet or unreadable)."""
    try:
        loaded = json.loads(log_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def sources_text(changes: Mapping[str, tuple[str, str]]) -> bytes:
    """``sources.json`` with, for each key of ``changes``, how and when it last changed and
    its as-of date (``{"ecb": (how, as_of)}``); written with the data it describes."""
    log = sources()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for key, (how, as_of) in changes.items():
        log[key] = {"how": how, "as_of": as_of, "when": when}
    return json.dumps(log, indent=2).encode("utf-8")


def policy_status() -> dict[str, Any]:
    """The stored policy rates in brief: source, as-of, and each currency's span and level."""
    rates = load_policy_rates()
    if rates is None:
        return {"file": str(policy_path()), "present": False, "message": NO_DATA}
    rows = {}
    for code in rates.currencies:
        s = rates.series[Currency(code)]
        rows[str(code)] = {
            "first": str(s.start),
            "last": str(s.end),
            "last_level": s.last_level(),
            "gaps": [[str(a), str(b)] for a, b in s.gaps()],
        }
    return {
        "file": str(policy_path()),
        "present": True,
        "source": SOURCE,
        "as_of": str(rates.as_of),
        **as_of_note(rates.as_of),
        "currencies": rows,
        "note": "BIS does not endorse carryxl.",
    }
