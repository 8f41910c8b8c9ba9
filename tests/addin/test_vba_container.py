"""The VBA container of the add-in and every ``.xlsm``, to the letter of [MS-OVBA] and
[MS-CFB], read with olefile and oletools (not with the code that wrote it):

- the decompressed ``dir`` stream ends at its Terminator (0x0010) and Reserved (4 bytes);
- PROJECTCOOKIE and every MODULECOOKIE are 0xFFFF;
- every storage's children form a red-black tree in [MS-CFB] 2.6.4's order;
- the ``Dictionary`` class carries the attributes and MODULEDOCSTRING Excel writes for
  it (xlwings' own ``xlwings.xlam``, saved by Excel, is the reference);
- the function wizard's texts are ASCII renderings, no character silently dropped.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import olefile
import pytest
import xlwings
from oletools.olevba import decompress_stream

from carryxl.addin.vba import ascii_rendering
from tests.addin.test_vba_project import olevba_modules

FOLDER = Path(__file__).resolve().parents[2] / "workbooks"
PROJECTS = sorted([*FOLDER.glob("*.xlsm"), *FOLDER.glob("*.xlam")])
XLWINGS_ADDIN = Path(xlwings.__file__).parent / "addin" / "xlwings.xlam"  # saved by Excel
RED, BLACK = 0, 1  # [MS-CFB] 2.6.3


def _ole(path: Path) -> olefile.OleFileIO:
    with zipfile.ZipFile(path) as archive:
        return olefile.OleFileIO(io.BytesIO(archive.read("xl/vbaProject.bin")))


def _dir(path: Path) -> bytes:
    return bytes(decompress_stream(bytearray(_ole(path).openstream("VBA/dir").read())))


def records(stream: bytes) -> Iterator[tuple[int, bytes]]:
    """[MS-OVBA] 2.3.4.2's records: Id (2), Size (4), Data; PROJECTVERSION (0x0009) has
    Reserved (4) then 6 bytes; the Terminator (0x0010) is Id and Reserved (4) alone."""
    at = 0
    while True:
        record, size = struct.unpack_from("<HI", stream, at)
        if record == 0x0009:
            yield record, stream[at + 6 : at + 12]
            at += 12
        elif record == 0x0010:
            assert size == 0  # Reserved
            yield record, stream[at + 6 :]  # what follows the terminator
            return
        else:
            yield record, stream[at + 6 : at + 6 + size]
            at += 6 + size


def test_the_folder_holds_the_15_projects() -> None:
    assert len(PROJECTS) == 15
    assert PROJECTS[0].suffix in (".xlam", ".xlsm")


# -- the dir stream --------------------------------------------------------------------------


def test_excel_ends_the_dir_stream_at_the_terminator() -> None:
    """The reference: xlwings.xlam, saved by Excel."""
    assert list(records(_dir(XLWINGS_ADDIN)))[-1] == (0x0010, b"")


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_the_dir_stream_ends_at_terminator_and_reserved(path: Path) -> None:
    stream = _dir(path)
    last, after = list(records(stream))[-1]
    assert last == 0x0010
    assert after == b"", f"{len(after)} bytes after the Terminator"
    assert stream.endswith(b"\x10\x00\x00\x00\x00\x00")


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_project_and_module_cookies_are_0xffff(path: Path) -> None:
    found = list(records(_dir(path)))
    projects = [data for record, data in found if record == 0x0013]
    modules = [data for record, data in found if record == 0x002C]
    names = [data for record, data in found if record == 0x0019]
    assert projects == [b"\xff\xff"]
    assert len(modules) == len(names) > 0
    assert set(modules) == {b"\xff\xff"}


def _docstrings(path: Path) -> dict[str, tuple[bytes, bytes]]:
    """Module name -> (MODULEDOCSTRING, MODULEDOCSTRINGUNICODE)."""
    found: dict[str, tuple[bytes, bytes]] = {}
    name, ansi = "", b""
    for record, data in records(_dir(path)):
        if record == 0x0019:
            name = data.decode("cp1252")
        elif record == 0x001C:
            ansi = data
        elif record == 0x0048:
            found[name] = (ansi, data)
    return found


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_the_dictionary_class_is_stored_as_excel_stores_it(path: Path) -> None:
    reference = olevba_modules(XLWINGS_ADDIN)["Dictionary"]
    ours = olevba_modules(path)["Dictionary"]

    def header(source: str) -> list[str]:
        return [line for line in source.split("\r\n") if line.startswith("Attribute ")]

    assert header(ours) == header(reference)
    assert "Attribute VB_TemplateDerived = False" in header(ours)
    assert "Attribute VB_Customizable = False" in header(ours)
    ansi, unicode = _docstrings(path)["Dictionary"]
    assert (ansi, unicode) == _docstrings(XLWINGS_ADDIN)["Dictionary"]
    assert ansi.startswith(b"Drop-in replacement for Scripting.Dictionary")
    assert unicode.decode("utf-16-le") == ansi.decode("cp1252")
    # the other modules have no description, and none is claimed
    assert {k for k, v in _docstrings(path).items() if v != (b"", b"")} == {"Dictionary"}


# -- the directory's red-black trees ---------------------------------------------------------


def _order(name: str) -> tuple[int, list[int]]:
    """[MS-CFB] 2.6.4: the shorter name first, then each UTF-16 code unit upper-cased."""
    units = name.encode("utf-16-le")
    return len(units) // 2, [ord(c.upper()) if len(c.upper()) == 1 else ord(c) for c in name]


def red_black_problems(ole: olefile.OleFileIO) -> list[str]:
    """What breaks [MS-CFB] 2.6.4 (and a red-black tree's black height) in the directory."""
    entries = ole.direntries
    problems = []
    if entries[0].color != BLACK:
        problems.append("the root entry is red")

    def walk(sid: int, low: object, high: object, parent_red: bool) -> int:
        """The black height of the subtree at ``sid``; problems noted on the way."""
        if sid == olefile.NOSTREAM:
            return 1
        entry = entries[sid]
        key = _order(entry.name)
        if (low is not None and not key > low) or (high is not None and not key < high):  # type: ignore[operator]
            problems.append(f"{entry.name}: out of order")
        red = entry.color == RED
        if red and parent_red:
            problems.append(f"{entry.name}: red under a red node")
        left = walk(entry.sid_left, low, key, red)
        right = walk(entry.sid_right, key, high, red)
        if left != right:
            problems.append(f"{entry.name}: black heights {left} and {right}")
        return left + (0 if red else 1)

    for entry in entries:
        if entry is None or entry.entry_type not in (olefile.STGTY_STORAGE, olefile.STGTY_ROOT):
            continue
        if entry.sid_child == olefile.NOSTREAM:
            continue
        if entries[entry.sid_child].color != BLACK:
            problems.append(f"{entry.name}: its tree's root is red")
        walk(entry.sid_child, None, None, parent_red=False)
    return problems


def test_the_tree_check_can_fail() -> None:
    """What main shipped in carryxl.xlam: CarryRibbon red, with red children."""
    ole = _ole(PROJECTS[0])
    vba = next(e for e in ole.direntries if e is not None and e.name == "VBA")
    top = ole.direntries[vba.sid_child]
    top.color = RED
    ole.direntries[top.sid_left].color = RED
    problems = red_black_problems(ole)
    assert any("its tree's root is red" in p for p in problems)
    assert any("red under a red node" in p for p in problems)


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_every_storage_is_a_red_black_tree_in_the_specs_order(path: Path) -> None:
    ole = _ole(path)
    assert red_black_problems(ole) == []
    streams = {"/".join(e) for e in ole.listdir()}
    assert {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT", "VBA/xlwings"} <= streams


# -- the function wizard's texts -------------------------------------------------------------

_STRING = re.compile(r'"((?:[^"]|"")*)"')


def wizard_texts(source: str) -> list[str]:
    """Every string literal of the Describe calls and argument lines of CarryFunctions."""
    texts = []
    for line in source.split("\r\n"):
        if line.lstrip().startswith(("Describe ", "d(")):
            texts += [m.group(1).replace('""', '"') for m in _STRING.finditer(line)]
    return texts


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_wizard_texts_lose_no_character(path: Path) -> None:
    texts = wizard_texts(olevba_modules(path)["CarryFunctions"])
    assert len(texts) > 100
    for text in texts:
        assert text.isascii(), text
        assert "()" not in text, text  # what is left of "(分批建仓)" with the characters dropped
        assert "  " not in text, text  # what is left of "x Σ amount"
    joined = "\n".join(texts)
    assert "sqrt(w Sigma w*t)" in joined  # PORTFOLIO_VAR: z*sqrt(wΣw*t)
    assert "a row per tranche (staged entry)" in joined  # STAGED_PNL
    assert "per night x Sigma amount x nights" in joined  # STAGED_POSITION


def test_a_character_without_a_rendering_is_refused() -> None:
    assert ascii_rendering("wΣw, 2 × 3 ≤ 7 (分批建仓)") == "w Sigma w, 2 x 3 <= 7 (staged entry)"
    with pytest.raises(ValueError, match="₩"):
        ascii_rendering("price in ₩")
