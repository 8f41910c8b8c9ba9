"""The reference group: left out in one sentence without ../shared, mandatory with it in CI,
and the only tests that read it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ["tests/history/test_policy_reference.py", "tests/test_project.py"]


def _pytest(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "CARRYXL_REFERENCE"}
    environment |= {"CARRYXL_SHARED_DIR": str(tmp_path / "no-shared"), **env}
    return subprocess.run(  # noqa: S603 - our own test suite, fixed arguments
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SAMPLE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_shared_the_group_is_left_out_in_one_sentence(tmp_path: Path) -> None:
    run = _pytest(tmp_path)
    assert run.returncode == 0, run.stdout[-2000:]
    last = run.stdout.strip().splitlines()[-3:]
    sentence = [line for line in last if line.startswith("reference group: ")]
    assert len(sentence) == 1, last
    assert re.match(r"reference group: \d+ tests not run, because .*no-shared", sentence[0])
    assert "skipped" not in last[-1]  # left out, not skipped one by one
    assert "passed" in last[-1]


def test_where_it_is_required_its_absence_fails_the_run(tmp_path: Path) -> None:
    run = _pytest(tmp_path, CARRYXL_REFERENCE="required")
    assert run.returncode != 0
    assert "CARRYXL_REFERENCE=required" in run.stdout + run.stderr


def test_only_the_reference_module_names_the_shared_folder() -> None:
    """Every other test reads ../shared through tests/reference.py, marked ``reference``."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name in {"reference.py", "test_reference_group.py"}:
            continue
        assert not re.search(r"""["']shared["']""", text), f"{path}: use tests.reference"
        if "shared_file(" in text or "from tests.reference import SHARED" in text:
            assert "pytest.mark.reference" in text, f"{path}: mark its tests `reference`"
