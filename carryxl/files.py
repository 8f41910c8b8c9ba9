"""Writing files and reading Office packages, for every part of carryxl that writes one.

Neutral ground: the workbook generator, the add-in builder and the macros' file back-end
all write files and rewrite zip parts, and none of them imports another for it.

- :func:`write_bytes`: never over a different file without ``force``; a temporary file
  in the same folder, then renamed over the target.
- :func:`read_parts` / :func:`write_parts`: a package (``.xlsx``/``.xlsm``/``.xlam``)
  as ``{part name: bytes}`` and back, deterministically (fixed order and timestamps).
- :func:`restore_ribbon`: put back the ribbon parts openpyxl drops when it saves.
- :func:`replace_file`: bytes by temporary file + rename, so a reader (another
  ``carryxl run``, Excel) sees the old file or the new one, never half of one.
- :func:`replace_files`: several files that belong together, all or nothing: every one
  written to a temporary name first, renamed only when all are ready.
- :func:`package_bytes`: a workbook package (.xlsx, .xlsm, .xlam) read from disk, or one
  :class:`~carryxl.core.errors.CarryxlError` for anything that is not one: random bytes,
  an empty or truncated file, a zip without ``[Content_Types].xml`` or a workbook part.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from carryxl.core.errors import CarryxlError

__all__ = [
    "CONTENT_TYPES",
    "RIBBON_TYPES",
    "ROOT_RELS",
    "next_relationship_id",
    "package_bytes",
    "read_only",
    "read_parts",
    "relationships",
    "replace_file",
    "replace_files",
    "require_lxml_serialiser",
    "restore_ribbon",
    "write_bytes",
    "write_parts",
]

CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
RIBBON_TYPES = (
    "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
    "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",
)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*?(?:/>|>\s*</Relationship>)")


def write_bytes(path: Path, data: bytes, force: bool = False) -> bool:
    """Write ``data`` to ``path`` by temp file and rename; False if it was already identical.

    Refuses (CarryxlError) a folder, a read-only file (even with ``force``: read-only is
    the user saying "do not change this"), and a different existing file without ``force``.
    """
    if path.is_dir():
        raise CarryxlError("path", str(path), "is a folder; give a file name")
    if path.exists():
        if path.read_bytes() == data:
            return False
        if read_only(path):
            raise CarryxlError("path", str(path), "is read-only; nothing was changed")
        if not force:
            raise CarryxlError("path", str(path), "exists; use --force to overwrite it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CarryxlError("path", str(path), f"cannot be written ({error.strerror})") from None
    replace_file(path, data)
    return True


def require_lxml_serialiser() -> None:
    """Refuse to write unless openpyxl serialises its XML through lxml.

    openpyxl falls back to the standard library's XML writer when lxml is missing (or
    ``OPENPYXL_LXML`` is not "True"), and that writer lays out namespaces and empty
    elements differently: the same workbook would get other bytes, and ``workbooks/``
    would look stale. lxml is a declared dependency, so this only fires on an install
    that skipped it.
    """
    import openpyxl.xml  # noqa: PLC0415 - only where a workbook is written

    if not openpyxl.xml.LXML:
        raise CarryxlError(
            "lxml",
            "not in use by openpyxl",
            "is needed for reproducible workbooks: pip install lxml, "
            "and unset OPENPYXL_LXML (or set it to True)",
        )


def read_parts(data: bytes) -> dict[str, bytes]:
    """Every part of a package, by name, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(parts: Mapping[str, bytes]) -> bytes:
    """A deterministic zip: [Content_Types].xml first, then the rest by name, fixed times."""
    order = [CONTENT_TYPES, *sorted(name for name in parts if name != CONTENT_TYPES)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()


def relationships(rels: str) -> list[str]:
    """The ``<Relationship .../>`` elements of a relationships part, as text."""
    return _RELATIONSHIP.findall(rels)


def next_relationship_id(rels: str) -> str:
    """An ``rIdN`` not yet used in ``rels``."""
    numbers = [int(n) for n in re.findall(r'\bId="rId(\d+)"', rels)]
    return f"rId{max(numbers, default=0) + 1}"


def restore_ribbon(original: bytes, saved: bytes) -> bytes:
    """``saved`` with the ribbon parts and relationships ``original`` had (openpyxl drops them).

    A package without a ribbon comes back unchanged.
    """
    before = read_parts(original)
    rels = before.get(ROOT_RELS, b"").decode("utf-8")
    ribbons = [e for e in relationships(rels) if any(f'Type="{t}"' in e for t in RIBBON_TYPES)]
    if not ribbons:
        return saved
    after = read_parts(saved)
    after_rels = after[ROOT_RELS].decode("utf-8")
    for element in ribbons:
        target = re.search(r'Target="([^"]*)"', element)
        kind = re.search(r'Type="([^"]*)"', element)
        if target is None or kind is None:
            continue
        name = target.group(1).lstrip("/")
        if name in before:
            after[name] = before[name]
        # customUI parts may have their own relationships (images)
        folder, _, leaf = name.rpartition("/")
        rel_name = f"{folder}/_rels/{leaf}.rels"
        if rel_name in before:
            after[rel_name] = before[rel_name]
        if f'Target="{target.group(1)}"' not in after_rels:
            new = (
                f'<Relationship Id="{next_relationship_id(after_rels)}" Type="{kind.group(1)}" '
                f'Target="{target.group(1)}"/>'
            )
            after_rels = after_rels.replace("</Relationships>", new + "</Relationships>", 1)
    after[ROOT_RELS] = after_rels.encode("utf-8")
    return write_parts(after)


def read_only(path: str | Path) -> bool:
    """Whether ``path`` is an existing file nobody may write (its mode has no write bit).

    The mode, not ``os.access``: an administrator may write anything, but a file marked
    read-only is the user saying "do not change this".
    """
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def replace_file(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` by a temporary file in the same folder and a rename.

    An existing file keeps its permission bits; a new one is readable by all (0644).
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise CarryxlError("path", str(target), f"cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise CarryxlError("path", str(target), f"cannot be written ({error.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _staged(target: Path, data: bytes) -> Path:
    """``data`` in a temporary file beside ``target``, with the mode the target will have."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def replace_files(files: Mapping[Path, bytes], *, make_folders: bool = False) -> None:
    """Write every file of ``files`` or none: each is checked (not a folder, not read-only)
    and written to a temporary name beside it; only when all are ready are they renamed
    into place. A refusal (CarryxlError) leaves every target as it was. ``make_folders``:
    make the missing folders, after the checks."""
    for target in files:
        if target.is_dir():
            raise CarryxlError("path", str(target), "is a folder; cannot be written")
        if read_only(target):
            raise CarryxlError("path", str(target), "is read-only; nothing was changed")
    staged: dict[Path, Path] = {}
    try:
        for target in files:
            if make_folders:
                target.parent.mkdir(parents=True, exist_ok=True)
        for target, data in files.items():
            staged[target] = _staged(target, data)
        for target, temp in staged.items():
            os.replace(temp, target)
    except OSError as error:
        where = error.filename if error.filename is not None else next(iter(files))
        raise CarryxlError("path", str(where), f"cannot be written ({error.strerror})") from None
    finally:
        for temp in staged.values():
            temp.unlink(missing_ok=True)


def package_bytes(path: str | Path, argument: str = "workbook") -> bytes:
    """The bytes of the workbook package at ``path``, or a CarryxlError saying why not."""
    source = Path(path)
    if source.is_dir():
        raise CarryxlError(argument, str(path), "is a folder; give a workbook file")
    if not source.is_file():
        raise CarryxlError(argument, str(path), "must be an existing file")
    data = source.read_bytes()
    if not data:
        raise CarryxlError(argument, str(path), "is empty, not an Excel workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            broken = package.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError):
        raise CarryxlError(
            argument, str(path), "is not an Excel workbook (not a zip package, or truncated)"
        ) from None
    if broken is not None:
        raise CarryxlError(argument, str(path), f"is damaged: its part {broken} does not read")
    if "[Content_Types].xml" not in names:
        raise CarryxlError(
            argument, str(path), "is a zip but not a workbook (no [Content_Types].xml)"
        )
    if not any(name.startswith("xl/workbook") for name in names):
        raise CarryxlError(
            argument, str(path), "is a zip but not an Excel workbook (no xl/workbook part)"
        )
    return data
