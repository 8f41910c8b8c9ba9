"""Data folders for command lines that read policy rates, and a stand-in for the publishers.

``example_data`` gives a test its own copy of a data folder with the tests' own
policy-rate tables imported (tests/policy_data.py), and points ``carryxl data update`` at a
server on 127.0.0.1 (never the internet) that serves BIS's bulk layout and the ECB's zip:
every example runs as typed.
"""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from carryxl.history.ecb import ecb_zip_path
from carryxl.history.policy_files import AREAS, read_policy_file
from carryxl.history.store import POLICY_FILE

BIS_HEAD = (
    "STRUCTURE,STRUCTURE_ID,ACTION,FREQ:Frequency,REF_AREA:Reference area,"
    "TIME_PERIOD:Time period or range,OBS_VALUE:Observation Value\n"
)


def _bis_bulk(folder: Path) -> bytes:
    """BIS's bulk file as a publisher would send it to the owner of ``folder``: every
    currency in it, its last five days at its last level (so the update covers the copy in
    use and revises nothing)."""
    rates = read_policy_file(folder / POLICY_FILE).rates
    assert rates is not None
    area_of = {code: area for area, code in AREAS.items()}
    lines = []
    for code, series in rates.series.items():
        for day in np.arange(series.end - 4, series.end + 1).astype(str):
            lines.append(
                f'dataflow,BIS:WS_CBPOL(1.0),I,"D: Daily","{area_of[code]}: area",{day},'
                f"{series.last_level():g}"
            )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("WS_CBPOL_csv_flat.csv", BIS_HEAD + "\n".join(lines) + "\n")
    return out.getvalue()


@pytest.fixture(scope="session")
def publishers(
    imported_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """``CARRYXL_BIS_URL`` and ``CARRYXL_ECB_URL`` of a local server for ``carryxl data update``."""
    served = tmp_path_factory.mktemp("publishers")
    (served / "bis.zip").write_bytes(_bis_bulk(imported_folder))
    (served / "ecb.zip").write_bytes(ecb_zip_path().read_bytes())

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"CARRYXL_BIS_URL": f"{base}/bis.zip", "CARRYXL_ECB_URL": f"{base}/ecb.zip"}
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def example_data(
    imported_folder: Path,
    publishers: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """This test's own copy of the imported data folder, and the publishers' stand-in."""
    folder = tmp_path_factory.mktemp("carryxl-data") / "data"
    shutil.copytree(imported_folder, folder)
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(folder))
    for name, url in publishers.items():
        monkeypatch.setenv(name, url)
    return folder
