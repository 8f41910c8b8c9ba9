"""The VBA project's container to the letter of [MS-OVBA] and [MS-CFB].

pyOpenVBA writes the project; these passes put what it leaves off the spec right, on
``vbaProject.bin`` bytes:

- the ``dir`` stream ([MS-OVBA] 2.3.4.2): it ends at the Terminator (0x0010) and its
  Reserved field, 6 bytes, with nothing after (pyOpenVBA adds 4 zero bytes);
  PROJECTCOOKIE and every MODULECOOKIE are 0xFFFF, as the spec says a writer writes
  them; a module with a ``VB_Description`` attribute has it as its MODULEDOCSTRING
  (ANSI and UTF-16), as Excel writes it;
- the directory ([MS-CFB] 2.6.4): the children of each storage form a binary search
  tree in the spec's order (shorter names first, then by upper-cased UTF-16 code
  points), balanced, and coloured as a red-black tree (a black root, no red node with a
  red child, the same number of black nodes on every path); the root entry is black.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pyopenvba.vba
from pyopenvba.cfb import CFB

__all__ = [
    "BLACK",
    "COOKIE",
    "ENDOFCHAIN",
    "NOSTREAM",
    "RED",
    "balanced_directory",
    "cfb_name_key",
    "dir_records",
    "dir_to_the_letter",
    "with_dir_to_the_letter",
]

COOKIE = 0xFFFF  # [MS-OVBA] 2.3.4.2.3 and 2.3.4.2.3.2.8: "MUST be 0xFFFF" on write
RED, BLACK = 0, 1  # [MS-CFB] 2.6.3 Color Flag
NOSTREAM = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE

_PROJECTVERSION = 0x0009  # Id, Reserved (4, holding 4), VersionMajor (4), VersionMinor (2)
_PROJECTCODEPAGE = 0x0003
_PROJECTCOOKIE = 0x0013
_MODULENAME = 0x0019
_MODULEDOCSTRING = 0x001C
_MODULEDOCSTRINGUNICODE = 0x0048
_MODULECOOKIE = 0x002C
_TERMINATOR = 0x0010  # Id, Reserved (4, holding 0): the last 6 bytes of the stream

_ENTRY = 128
_STORAGE, _STREAM, _ROOT = 1, 2, 5


# -- the dir stream --------------------------------------------------------------------------


def dir_records(decompressed: bytes) -> Iterator[tuple[int, bytes, int]]:
    """(Id, data, offset of the record) of each record of a decompressed ``dir`` stream, up
    to and including the Terminator. PROJECTVERSION's data is its 6 bytes after Reserved."""
    at = 0
    while at + 6 <= len(decompressed):
        record, size = struct.unpack_from("<HI", decompressed, at)
        if record == _PROJECTVERSION:
            yield record, decompressed[at + 6 : at + 12], at
            at += 12
            continue
        yield record, decompressed[at + 6 : at + 6 + size], at
        if record == _TERMINATOR:
            return
        at += 6 + size
    raise ValueError("the dir stream has no Terminator record (0x0010)")


def _record(record: int, data: bytes) -> bytes:
    return struct.pack("<HI", record, len(data)) + data


def dir_to_the_letter(decompressed: bytes, docstrings: Mapping[str, str]) -> bytes:
    """The decompressed ``dir`` stream with the cookies at 0xFFFF, each module named in
    ``docstrings`` given that MODULEDOCSTRING, and nothing after the Terminator."""
    out = bytearray()
    code_page = "cp1252"
    module = ""
    for record, data, at in dir_records(decompressed):
        if record == _PROJECTVERSION:
            out += decompressed[at : at + 12]
            continue
        written = data
        if record == _PROJECTCODEPAGE:
            code_page = f"cp{struct.unpack('<H', data)[0]}"
        elif record == _MODULENAME:
            module = data.decode(code_page)
        elif record in (_PROJECTCOOKIE, _MODULECOOKIE):
            written = struct.pack("<H", COOKIE)
        elif record == _MODULEDOCSTRING and module in docstrings:
            written = docstrings[module].encode(code_page)
        elif record == _MODULEDOCSTRINGUNICODE and module in docstrings:
            written = docstrings[module].encode("utf-16-le")
        out += _record(record, written)
    return bytes(out)


def with_dir_to_the_letter(vba_project_bin: bytes, docstrings: Mapping[str, str]) -> bytes:
    """``vbaProject.bin`` with its ``VBA/dir`` stream put right (:func:`dir_to_the_letter`)."""
    cfb = CFB.from_bytes(vba_project_bin)
    raw = pyopenvba.vba.decompress(cfb.get_stream_in_storage("VBA", "dir"), stream_name="dir")
    fixed = dir_to_the_letter(raw, docstrings)
    cfb.write_stream_in_storage("VBA", "dir", pyopenvba.vba.compress(fixed))
    return bytes(cfb.to_bytes())


# -- the directory's red-black trees ---------------------------------------------------------


def cfb_name_key(name: str) -> tuple[int, list[int]]:
    """[MS-CFB] 2.6.4's order of sibling names: UTF-16 length, then upper-cased code units."""
    units = [u for (u,) in struct.iter_unpack("<H", name.encode("utf-16-le"))]
    return len(units), [ord(chr(u).upper()) if len(chr(u).upper()) == 1 else u for u in units]


def _chain(fat: list[int], start: int) -> list[int]:
    sectors: list[int] = []
    while start not in (ENDOFCHAIN, NOSTREAM) and len(sectors) <= len(fat):
        sectors.append(start)
        start = fat[start]
    return sectors


@dataclass(frozen=True)
class _Entries:
    """A compound file's directory entries: its bytes (changed in place) and where each
    entry starts; the fields read by [MS-CFB] 2.6.1's offsets."""

    data: bytearray
    offsets: list[int]

    def field(self, index: int, offset: int) -> int:
        """The 4-byte field at ``offset`` of entry ``index`` (68 left, 72 right, 76 child)."""
        value: int = struct.unpack_from("<I", self.data, self.offsets[index] + offset)[0]
        return value

    def name(self, index: int) -> str:
        """Entry ``index``'s name (its length field counts the terminating null)."""
        at = self.offsets[index]
        length = struct.unpack_from("<H", self.data, at + 64)[0]
        return bytes(self.data[at : at + max(length - 2, 0)]).decode("utf-16-le")

    def siblings(self, root: int) -> list[int]:
        """Every entry of the tree under ``root`` (a storage's children)."""
        found, stack = [], [root]
        while stack:
            node = stack.pop()
            if node == NOSTREAM or node in found:
                continue
            found.append(node)
            stack += [self.field(node, 68), self.field(node, 72)]
        return found

    def build(self, ordered: list[int], depth: int, depths: dict[int, int]) -> int:
        """The balanced tree of ``ordered`` written into the entries' left and right fields;
        its root (NOSTREAM when empty). ``depths`` gets each node's depth."""
        if not ordered:
            return NOSTREAM
        middle = len(ordered) // 2
        node = ordered[middle]
        depths[node] = depth
        left = self.build(ordered[:middle], depth + 1, depths)
        right = self.build(ordered[middle + 1 :], depth + 1, depths)
        struct.pack_into("<II", self.data, self.offsets[node] + 68, left, right)
        return node


def _entries(data: bytearray) -> _Entries:
    """The directory of a compound file without DIFAT sectors (the header's FAT sectors
    only), followed along its FAT chain."""
    sector_size: int = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    fat_count, first_directory = struct.unpack_from("<II", data, 0x2C)
    difat = list(struct.unpack_from("<109I", data, 0x4C))[:fat_count]
    if struct.unpack_from("<I", data, 0x48)[0]:
        raise ValueError("a compound file with DIFAT sectors: not written by carryxl")

    def at(sector: int) -> int:
        return (sector + 1) * sector_size

    fat: list[int] = []
    for sector in difat:
        fat += struct.unpack_from(f"<{sector_size // 4}I", data, at(sector))
    offsets = [
        at(sector) + k * _ENTRY
        for sector in _chain(fat, first_directory)
        for k in range(sector_size // _ENTRY)
    ]
    return _Entries(data, offsets)


def _balance_children(entries: _Entries, storage: int) -> list[int]:
    """Rebuild ``storage``'s children as a balanced tree coloured red-black; the children
    that are storages themselves."""
    data, offsets = entries.data, entries.offsets
    children = entries.siblings(entries.field(storage, 76))
    depths: dict[int, int] = {}
    top = entries.build(sorted(children, key=lambda i: cfb_name_key(entries.name(i))), 0, depths)
    struct.pack_into("<I", data, offsets[storage] + 76, top)
    deepest = max(depths.values(), default=0)
    full = len(children) == 2 ** (deepest + 1) - 1
    storages = []
    for child, depth in depths.items():
        # Every level full but the last: its nodes red, all others black.
        data[offsets[child] + 67] = RED if depth == deepest and not full else BLACK
        if data[offsets[child] + 66] in (_STORAGE, _ROOT):
            storages.append(child)
    return storages


def balanced_directory(cfb_bytes: bytes) -> bytes:
    """The compound file with each storage's children rebuilt as a balanced search tree,
    coloured as a red-black tree ([MS-CFB] 2.6.4); every other byte as it was."""
    data = bytearray(cfb_bytes)
    entries = _entries(data)
    storages = [0]
    seen = set()
    while storages:
        storage = storages.pop()
        if storage in seen:
            continue
        seen.add(storage)
        storages += _balance_children(entries, storage)
    data[entries.offsets[0] + 67] = BLACK  # the root entry
    return bytes(data)
