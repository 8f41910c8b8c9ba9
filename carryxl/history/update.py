"""``carryxl data update``: download the ECB's reference rates and BIS's policy rates, check
them, and replace the copies in the data folder only when every check passes.

Checks, for each download: it arrived whole (a truncated zip, an HTML error page or an
HTTP error fails); it parses; its dates increase (within each BIS series; the ECB file runs
newest first, one date a row); its currencies are ones carryxl knows; and it covers at least
the currencies and dates of the copy in use. Where the BIS file revises a level the old copy
held, the report says so. Nothing is replaced unless both downloads pass (temporary file +
rename): a failed or interrupted update loses nothing.

URLs: ``--bis-url`` / ``--ecb-url``, or ``CARRYXL_BIS_URL`` / ``CARRYXL_ECB_URL``.
"""

from __future__ import annotations

import http.client
import io
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.errors import CarryxlError
from carryxl.history.ecb import ecb_history, ecb_zip_path
from carryxl.history.folder import data_dir, write_data_files
from carryxl.history.policy import PolicyRates, Revision
from carryxl.history.policy_files import decoded, read_policy_text, store_text
from carryxl.history.store import (
    ECB_FILE,
    END_KEY,
    GAPS_KEY,
    load_policy_rates,
    log_path,
    policy_path,
    sources_text,
)

__all__ = [
    "BIS_URL",
    "ECB_URL",
    "EcbCheck",
    "UpdateReport",
    "check_bis",
    "check_ecb",
    "download",
    "ecb_history_check",
    "update_data",
    "url_for",
]

BIS_URL = "https://data.bis.org/static/bulk/WS_CBPOL_csv_flat.zip"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
_LARGEST = 512 * 1024 * 1024  # no policy-rate or fixings file comes near this


def url_for(source: str, given: str | None) -> str:
    """The URL to use: the option, else ``CARRYXL_<SOURCE>_URL``, else the publisher's."""
    default = BIS_URL if source == "bis" else ECB_URL
    return given or os.environ.get(f"CARRYXL_{source.upper()}_URL", "").strip() or default


def _check_url(url: str, argument: str) -> None:
    """Refuse what is not an http(s) address with a host (and a port, if any, that is one)."""
    if not url.startswith(("https://", "http://")):
        raise CarryxlError(argument, url, "must be an http:// or https:// address")
    try:
        parts = urllib.parse.urlsplit(url)
        if not parts.hostname or parts.port == 0:
            raise ValueError("no host")
    except ValueError as error:  # "http://[::1", a port that is not a number
        raise CarryxlError(argument, url, f"is not a web address ({error})") from None


def download(url: str, timeout: float, argument: str) -> bytes:
    """The body at ``url``, whole, within ``timeout`` seconds; else an error naming why."""
    _check_url(url, argument)
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "carryxl data update"})  # noqa: S310 - http(s) only, checked above
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            kind = response.headers.get("Content-Type", "")
            expected = response.headers.get("Content-Length")
            while True:
                if time.monotonic() > deadline:
                    raise CarryxlError(argument, url, f"timed out after {timeout:g} s")
                chunk = response.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
                if sum(map(len, chunks)) > _LARGEST:
                    raise CarryxlError(argument, url, "sent more than 512 MB: not the data file")
    except urllib.error.HTTPError as error:
        raise CarryxlError(argument, url, f"download failed: HTTP {error.code}") from None
    except TimeoutError:
        raise CarryxlError(argument, url, f"timed out after {timeout:g} s") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise CarryxlError(argument, url, f"timed out after {timeout:g} s") from None
        raise CarryxlError(argument, url, f"download failed ({reason})") from None
    except http.client.HTTPException as error:  # e.g. the connection closed mid-file
        rule = f"download broke off ({type(error).__name__})"
        raise CarryxlError(argument, url, rule) from None
    body = b"".join(chunks)
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise CarryxlError(argument, url, f"stopped after {len(body)} of {expected} bytes")
    if "html" in kind.lower() or body.lstrip()[:1] == b"<":
        raise CarryxlError(argument, url, "sent a web page, not the data file")
    return body


@dataclass(frozen=True)
class EcbCheck:
    """A checked ECB file: its bytes, first and last dates and currencies."""

    data: bytes
    first: str
    last: str
    currencies: tuple[str, ...]


def _ecb_text(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise CarryxlError(name, archive.namelist()[:3], "has no CSV file inside")
            return archive.read(names[0]).decode("utf-8-sig")
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError) as error:
        raise CarryxlError(name, "zip", f"is not a whole, readable zip ({error})") from None


def _ecb_summary(text: str, name: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """The file's dates in file order and the carryxl currencies in its header."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = [h.strip() for h in lines[0].split(",") if h.strip()] if lines else []
    if len(lines) < 2 or not header or header[0].lower() != "date":
        raise CarryxlError(name, header[:3], "must be the ECB layout: Date,USD,JPY,...")
    try:
        days = np.array([line.split(",", 1)[0].strip() for line in lines[1:]], "M8[D]")
    except ValueError:
        raise CarryxlError(name, "Date", "has a date that is not YYYY-MM-DD") from None
    codes = tuple(c for c in header[1:] if c in Currency.__members__)
    if not codes:
        raise CarryxlError(name, header[:4], "has no currency carryxl knows")
    return days, codes


def check_ecb(data: bytes, old: Path) -> EcbCheck:
    """The download, if it parses, its dates run one way without repeats (the ECB writes
    newest first), and it covers the old copy's currencies and dates."""
    name = "ECB download"
    days, codes = _ecb_summary(_ecb_text(data, name), name)
    step = np.diff(days).astype(np.int64)
    if days.size > 1 and not ((step < 0).all() or (step > 0).all()):
        bad = days[1:][(step >= 0) if step[0] < 0 else (step <= 0)][0]
        raise CarryxlError(name, str(bad), "dates must run one way (the ECB's: newest first)")
    with zipfile.ZipFile(old) as archive:
        csv_name = next(n for n in archive.namelist() if n.lower().endswith(".csv"))
        old_days, old_codes = _ecb_summary(archive.read(csv_name).decode("utf-8-sig"), "old")
    missing = sorted(set(old_codes) - set(codes))
    if missing:
        raise CarryxlError(name, missing, "lacks currencies the copy in use has")
    if days.min() > old_days.min() or days.max() < old_days.max():
        raise CarryxlError(
            name,
            f"{days.min()} to {days.max()}",
            f"must cover the copy in use ({old_days.min()} to {old_days.max()})",
        )
    ecb_history_check(data)
    return EcbCheck(data, str(days.min()), str(days.max()), codes)


def ecb_history_check(data: bytes) -> None:
    """Read the file the way carryxl will (numbers, N/A cells), from a temporary copy."""
    with tempfile.TemporaryDirectory(prefix="carryxl-ecb-") as folder:  # not the data folder
        trial = Path(folder) / "eurofxref-check.zip"
        trial.write_bytes(data)
        try:
            ecb_history(trial)
        except ValueError as error:  # numpy's parser on a bad number
            rule = f"cannot be read ({error})"
            raise CarryxlError("ECB download", "numbers", rule) from None


def check_bis(data: bytes, old: PolicyRates | None) -> tuple[PolicyRates, list[Revision]]:
    """The download merged over the old copy, if it parses as BIS's bulk file, its dates
    increase in each series, and it covers the old copy's currencies and dates; and the
    levels it revises."""
    name = "BIS download"
    found = read_policy_text(decoded(data, name), name, strict_order=True)
    if found.rates is None or found.kind != "BIS bulk":
        raise CarryxlError(name, found.kind, "must be BIS's bulk policy-rate file (WS_CBPOL)")
    new = found.rates
    if old is None:
        return new, []
    for code, s in old.series.items():
        if code not in new.series:
            raise CarryxlError(name, str(code), "lacks a currency the copy in use has")
        n = new.series[code]
        if n.end < s.end:
            raise CarryxlError(
                name, f"{code} to {n.end}", f"must cover the copy in use (to {s.end})"
            )
    merged, revisions = old.merged(new)
    return merged, revisions


@dataclass(frozen=True)
class UpdateReport:
    """What an update replaced, with the as-of dates and revised levels."""

    bis: dict[str, Any] | None
    ecb: dict[str, Any] | None


def update_data(
    bis_url: str | None = None,
    ecb_url: str | None = None,
    timeout: float = 60.0,
    only: str | None = None,
) -> UpdateReport:
    """Download, check, and replace (both sources, or ``only`` one); all or nothing."""
    bis_checked: tuple[PolicyRates, list[Revision]] | None = None
    ecb_checked: EcbCheck | None = None
    if only in (None, "bis"):
        url = url_for("bis", bis_url)
        bis_checked = check_bis(download(url, timeout, "bis-url"), load_policy_rates())
    if only in (None, "ecb"):
        url = url_for("ecb", ecb_url)
        in_use = data_dir() / ECB_FILE
        old = in_use if in_use.is_file() else ecb_zip_path()
        ecb_checked = check_ecb(download(url, timeout, "ecb-url"), old)
    # Every check passed: replace every file together (temporary names, then renames).
    bis_report: dict[str, Any] | None = None
    ecb_report: dict[str, Any] | None = None
    files: dict[Path, bytes] = {}
    changes: dict[str, tuple[str, str]] = {}
    if bis_checked is not None:
        rates, revisions = bis_checked
        files[policy_path()] = store_text(rates).encode("utf-8")
        how = f"carryxl data update from {url_for('bis', bis_url)}"
        changes["policy_rates"] = (how, str(rates.as_of))
        changes[GAPS_KEY] = ("known: BIS's daily file shows its gaps", str(rates.as_of))
        changes[END_KEY] = ("known: BIS's daily file runs to its last day", str(rates.as_of))
        bis_report = {
            "as_of": str(rates.as_of),
            "currencies": [str(c) for c in rates.currencies],
            "levels_revised": len(revisions),
            "revisions": [str(r) for r in revisions],
        }
    if ecb_checked is not None:
        files[data_dir() / ECB_FILE] = ecb_checked.data
        changes["ecb"] = (f"carryxl data update from {url_for('ecb', ecb_url)}", ecb_checked.last)
        ecb_report = {
            "as_of": ecb_checked.last,
            "first": ecb_checked.first,
            "currencies": list(ecb_checked.currencies),
        }
    files[log_path()] = sources_text(changes)
    write_data_files(files)
    return UpdateReport(bis_report, ecb_report)
