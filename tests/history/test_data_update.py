"""`carryxl data update` against a local HTTP server (127.0.0.1, never the internet): a good
file, a truncated zip, an HTML error page, dates going backwards, a slow server, a 404,
a file that broke off, one that does not cover the old copy. The data survives each one."""

from __future__ import annotations

import io
import json
import shutil
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.history.ecb import ecb_history, ecb_zip_path
from carryxl.history.store import load_policy_rates
from tests.policy_data import NEW, change_points, level_on

Route = tuple[int, str, bytes, float, int | None]  # status, type, body, delay, length


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes: dict[str, Route] = self.server.routes  # type: ignore[attr-defined]
        missing: Route = (404, "text/html", b"<html><body>Not Found</body></html>", 0.0, None)
        status, kind, body, delay, length = routes.get(self.path, missing)
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the slow-server case)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, dict[str, Route]]]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.routes = {}  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.routes  # type: ignore[attr-defined]
    httpd.shutdown()
    httpd.server_close()


def _zip(name: str, text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return out.getvalue()


AREAS = {
    "USD": "US: United States",
    "JPY": "JP: Japan",
    "AUD": "AU: Australia",
    "EUR": "XM: Euro area",
}
HEAD = (
    "STRUCTURE,STRUCTURE_ID,ACTION,FREQ:Frequency,REF_AREA:Reference area,"
    "TIME_PERIOD:Time period or range,OBS_VALUE:Observation Value\n"
)


def _bis(codes, first, last, change=None, swap=None) -> bytes:
    """BIS's bulk layout, daily, from the later change-point table of the tests."""
    rows = change_points(NEW)
    lines = []
    for code in codes:
        mine = [(d, p) for d, c, p in rows if c == code]
        dates = [d for d, _ in mine]
        for day in np.arange(np.datetime64(first), np.datetime64(last) + 1).astype(str):
            level = mine[max(np.searchsorted(dates, day, "right") - 1, 0)][1]
            if change and (code, day) == change[:2]:
                level = change[2]
            lines.append(f'dataflow,BIS:WS_CBPOL(1.0),I,"D: Daily","{AREAS[code]}",{day},{level:g}')
    if swap is not None:
        lines[swap], lines[swap + 1] = lines[swap + 1], lines[swap]
    return _zip("WS_CBPOL_csv_flat.csv", HEAD + "\n".join(lines) + "\n")


def _ecb_text() -> str:
    with zipfile.ZipFile(ecb_zip_path()) as archive:
        return archive.read("eurofxref-hist.csv").decode("utf-8")


def _ecb_newer() -> bytes:
    """The shipped ECB file with one newer day on top (its layout: newest first)."""
    head, first, *rest = _ecb_text().splitlines(keepends=True)
    day = np.datetime64(first.split(",")[0]) + 3
    return _zip("eurofxref-hist.csv", head + f"{day}" + first[10:] + first + "".join(rest))


def _ecb_backwards() -> bytes:
    head, *rest = _ecb_text().splitlines(keepends=True)
    rest[100], rest[101] = rest[101], rest[100]
    return _zip("eurofxref-hist.csv", head + "".join(rest))


OLD_SPAN = ("2016-01-01", "2020-12-31")
REVISED = ("USD", "2018-03-22", 19.25)  # the old copy's level that day; the table's is another


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's data folder: BIS rates (USD, JPY, AUD 2016-2020) and an ECB copy."""
    data = tmp_path / "data"
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(data))
    monkeypatch.delenv("CARRYXL_BIS_URL", raising=False)
    monkeypatch.delenv("CARRYXL_ECB_URL", raising=False)
    old = tmp_path / "old.zip"
    old.write_bytes(_bis(["USD", "JPY", "AUD"], *OLD_SPAN, change=REVISED))
    assert main(["data", "import", str(old)]) == 0
    data.joinpath("eurofxref-hist.zip").write_bytes(ecb_zip_path().read_bytes())
    return data


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    good = _bis(["USD", "JPY", "AUD", "EUR"], "2012-01-01", "2024-12-31")
    return {
        "good_bis": good,
        "good_ecb": _ecb_newer(),
        "truncated": good[: len(good) // 2],
        "backwards": _bis(["USD", "JPY", "AUD", "EUR"], "2012-01-01", "2024-12-31", swap=10),
        "narrower": _bis(["USD", "JPY"], "2012-01-01", "2024-12-31"),
        "shorter": _bis(["USD", "JPY", "AUD"], "2012-01-01", "2019-12-31"),
        "ecb_backwards": _ecb_backwards(),
    }


def _update(capsys, base: str, bis: str, ecb: str, *extra: str) -> tuple[int, str, str]:
    code = main(
        [
            "data",
            "update",
            "--bis-url",
            f"{base}{bis}",
            "--ecb-url",
            f"{base}{ecb}",
            "--timeout",
            "1",
            *extra,
        ]
    )
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_good_update_replaces_both_and_reports_the_revised_level(folder, server, files, capsys):
    base, routes = server
    routes["/bis.zip"] = (200, "application/zip", files["good_bis"], 0.0, None)
    routes["/ecb.zip"] = (200, "application/zip", files["good_ecb"], 0.0, None)
    code, out, err = _update(capsys, base, "/bis.zip", "/ecb.zip", "--json")
    assert code == 0, err
    report = json.loads(out)
    true_level = level_on(change_points(NEW), "USD", REVISED[1])
    assert report["bis"]["revisions"] == [f"USD {REVISED[1]}: 19.25% -> {true_level:g}%"]
    assert report["bis"]["as_of"] == "2024-12-31"
    assert report["bis"]["currencies"] == ["AUD", "EUR", "JPY", "USD"]
    rates = load_policy_rates()
    assert rates.series["USD"].start == np.datetime64("2012-01-01")
    history = ecb_history()
    assert str(history.dates[-1]) == report["ecb"]["as_of"]
    assert history.dates[-1] > ecb_history(ecb_zip_path()).dates[-1]
    status = json.loads((main(["data", "status", "--json"]), capsys.readouterr().out)[1])
    assert status["ecb"]["from"] == "data folder (carryxl data update)"
    assert status["policy_rates"]["as_of"] == "2024-12-31"
    assert "carryxl data update from http://127.0.0.1" in status["log"]["policy_rates"]["how"]


BAD = [
    pytest.param("truncated", "good_ecb", "not a whole, readable zip", id="truncated-zip"),
    pytest.param("html", "good_ecb", "sent a web page, not the data file", id="html-page"),
    pytest.param("backwards", "good_ecb", "dates must increase", id="bis-dates-backwards"),
    pytest.param("good_bis", "ecb_backwards", "dates must run one way", id="ecb-backwards"),
    pytest.param("slow", "good_ecb", "timed out after 1 s", id="slow-server"),
    pytest.param("missing", "good_ecb", "download failed: HTTP 404", id="404"),
    pytest.param("broken", "good_ecb", "stopped after 2000 of", id="connection-closed-mid-file"),
    pytest.param("good_bis", "truncated_ecb", "not a whole, readable zip", id="ecb-truncated"),
    pytest.param("narrower", "good_ecb", "lacks a currency the copy in use has", id="fewer"),
    pytest.param("shorter", "good_ecb", "must cover the copy in use", id="shorter"),
]


@pytest.mark.parametrize(("bis", "ecb", "message"), BAD)
def test_a_failed_update_loses_nothing(folder, server, files, capsys, bis, ecb, message):
    base, routes = server
    zipped = "application/zip"
    routes.update(
        {
            "/good_bis": (200, zipped, files["good_bis"], 0.0, None),
            "/good_ecb": (200, zipped, files["good_ecb"], 0.0, None),
            "/truncated": (200, zipped, files["truncated"], 0.0, None),
            "/truncated_ecb": (200, zipped, files["good_ecb"][:5000], 0.0, None),
            "/html": (
                200,
                "text/html; charset=utf-8",
                b"<!DOCTYPE html><html><body>Service unavailable</body></html>",
                0.0,
                None,
            ),
            "/backwards": (200, zipped, files["backwards"], 0.0, None),
            "/ecb_backwards": (200, zipped, files["ecb_backwards"], 0.0, None),
            "/slow": (200, zipped, files["good_bis"], 3.0, None),
            "/broken": (200, zipped, files["good_bis"][:2000], 0.0, len(files["good_bis"])),
            "/narrower": (200, zipped, files["narrower"], 0.0, None),
            "/shorter": (200, zipped, files["shorter"], 0.0, None),
        }
    )
    before = _snapshot(folder)
    rates_before = load_policy_rates()
    started = time.monotonic()
    code, out, err = _update(capsys, base, f"/{bis}", f"/{ecb}")
    assert time.monotonic() - started < 10  # the timeout bounds the slow server
    assert code == 2
    assert out == ""
    assert err.startswith("carryxl data update: ")
    assert err.count("\n") == 1
    assert message in err
    assert _snapshot(folder) == before  # nothing replaced, nothing half-written
    after = load_policy_rates()
    assert after.currencies == rates_before.currencies
    assert str(after.as_of) == OLD_SPAN[1]


def test_urls_come_from_the_environment(folder, server, files, capsys, monkeypatch):
    base, routes = server
    routes["/env_bis"] = (200, "application/zip", files["good_bis"], 0.0, None)
    monkeypatch.setenv("CARRYXL_BIS_URL", f"{base}/env_bis")
    assert main(["data", "update", "--only", "bis", "--timeout", "5"]) == 0
    out = capsys.readouterr().out
    assert "Source: BIS, Central bank policy rates (WS_CBPOL), as of 2024-12-31" in out
    assert "1 level revised" in out
    shutil.rmtree(folder)  # with no old copy, a good file is taken as it is
    assert main(["data", "update", "--only", "bis", "--timeout", "5"]) == 0
    assert "0 levels revised" in capsys.readouterr().out
