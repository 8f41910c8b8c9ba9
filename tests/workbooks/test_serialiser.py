"""The bytes ``carryxl new`` writes never depend on which XML serialiser openpyxl picked.

openpyxl writes through lxml when it can and through the standard library otherwise, and
the two lay out the same workbook as different bytes. carryxl declares lxml and refuses to
write a workbook through the other serialiser, so ``workbooks/`` can never look stale
because of what else happens to be installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import requires
from pathlib import Path

import openpyxl.xml
import pytest

REPO = Path(__file__).resolve().parents[2]

# Run carryxl in a child Python whose openpyxl cannot use lxml, in one of the two ways that
# happen on users' machines: lxml missing, or openpyxl told not to use it.
_WITHOUT_LXML = {
    "lxml missing": ("import sys; sys.modules['lxml'] = sys.modules['lxml.etree'] = None", {}),
    "OPENPYXL_LXML=False": ("", {"OPENPYXL_LXML": "False"}),
}


def test_lxml_is_a_declared_dependency_and_in_use() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    names = [d.split("=")[0].split(">")[0].strip() for d in declared["project"]["dependencies"]]
    assert "lxml" in names
    installed = requires("carryxl") or []
    assert any(r.split("=")[0].strip() == "lxml" for r in installed)
    assert openpyxl.xml.LXML is True


@pytest.mark.parametrize("how", list(_WITHOUT_LXML))
@pytest.mark.parametrize("argv", [["new", "calculator"], ["addin", "build", "--out"]], ids=" ".join)
def test_without_lxml_nothing_is_written_and_one_line_says_why(
    how: str, argv: list[str], tmp_path: Path
) -> None:
    prelude, extra_env = _WITHOUT_LXML[how]
    target = tmp_path / ("calculator.xlsx" if argv[0] == "new" else "carryxl.xlam")
    call = f"raise SystemExit(main({[*argv, str(target)]!r}))"
    code = f"{prelude}\nfrom carryxl.cli import main\n{call}"
    env = {**os.environ, **extra_env}
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own code
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=False
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "lxml" in lines[0]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
