"""Writing files and reading Office packages, for every part of carryxl that writes one.

Neutral ground: the workbook generator, the add-in builder and the macros' file back-end
all write files and rewrite zip parts, and none of them imports another for it.

- :func:`write_bytes`: never over a different file without ``force``; a temporary file
  in the same folder, then renamed over the target.
- :func:`read_parts` / :func:`write_parts`: a package (``.xlsx``/``.xlsm``/``.xlam``)
  as ``{part name: bytes}`` and back, deterministically (fixed order and timestamps).
- :func:`restore_ribbon`: put back the ribbon parts openpyxl drops when it saves.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from carryxl.core.errors import CarryxlError

__all__ = [
    "CONTENT_TYPES",
    "RIBBON_TYPES",
    "ROOT_RELS",
    "next_relationship_id",
    "read_parts",
    "relationships",
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

    Refuses (CarryxlError) to replace a different existing file unless ``force``.
    """
    if path.exists():
        if path.read_bytes() == data:
            return False
        if not force:
            raise CarryxlError("path", str(path), "exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a workbook is an ordinary file
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
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
