"""Look inside an .xlsx zip before openpyxl loads it: which sheets, and what reading costs.

openpyxl reads every shared string when it opens a workbook and pads each row
of a sheet out to its last cell, so a small file can cost minutes and
gigabytes (a cell in column XFD on every row, five million shared strings).
This module reads the workbook's sheet list from its XML, and streams the
chosen sheet and the shared strings, counting as it goes and stopping as soon
as a limit is passed: its own cost is bounded by the limits, and so is the
unpacked size of every part it reads (a zip bomb stops at the cap).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

__all__ = [
    "SheetEntry",
    "SheetScan",
    "TooLargeError",
    "XlsxError",
    "scan_sheet",
    "shared_text_count",
    "sheets",
]

_CHUNK = 1 << 20
#: Workbook XML and relationship parts are small; more than this is not a workbook.
_SMALL_PART = 16 << 20
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_BARE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_UNIQUE = re.compile(rb"\buniqueCount=\"([0-9]+)\"")


class XlsxError(Exception):
    """The zip does not hold a readable workbook structure, or a part unpacks too large."""


class TooLargeError(XlsxError):
    """A part of the zip unpacks to more than ``cap`` bytes (``args``: the part, the cap)."""

    @property
    def cap(self) -> int:
        """The number of bytes the part went past."""
        return int(self.args[1])

    @property
    def structure(self) -> bool:
        """Whether the part is the workbook's list of sheets or links, not a sheet or its texts."""
        return self.cap == _SMALL_PART


@dataclass(frozen=True)
class SheetEntry:
    """A worksheet as the workbook lists it: its name, ``state`` and zip part."""

    name: str
    state: str
    part: str

    @property
    def visible(self) -> bool:
        """Whether Excel shows its tab (``state`` is neither hidden nor veryHidden)."""
        return self.state not in ("hidden", "veryHidden")


@dataclass
class SheetScan:
    """What reading one sheet costs: cells as openpyxl yields them, and the widest column."""

    cells: int = 0
    columns: int = 0
    rows: int = 0
    over: str = ""  # "columns" or "cells" when a limit stopped the scan


def sheets(archive: zipfile.ZipFile) -> tuple[list[SheetEntry], str | None]:
    """The worksheets in tab order (chart sheets left out) and the shared-strings part."""
    main = _target(archive, "_rels/.rels", "", "/officeDocument")
    if main is None:
        raise XlsxError("no workbook part")
    folder = main.rpartition("/")[0]
    rels_part = f"{folder}/_rels/{main.rpartition('/')[2]}.rels" if folder else f"_rels/{main}.rels"
    rels = _relations(archive, rels_part, folder)
    book = _xml(archive, main)
    out = []
    for node in book.iter():
        if not node.tag.endswith("}sheet"):
            continue
        rid = next(
            (v for k, v in node.attrib.items() if k.startswith("{") and k.endswith("}id")), ""
        )
        kind, part = rels.get(rid, ("", ""))
        if kind.endswith("/worksheet"):
            out.append(SheetEntry(node.get("name", ""), node.get("state", "visible"), part))
    shared = next((p for k, p in rels.values() if k.endswith("/sharedStrings")), None)
    return out, shared


def scan_sheet(
    archive: zipfile.ZipFile, part: str, *, max_columns: int, max_cells: int, cap: int
) -> SheetScan:
    """Stream the sheet's XML, stopping once its cells pass ``max_columns`` or ``max_cells``.

    ``cells`` counts what openpyxl makes of each row: every column from A to
    the row's last cell. Cells written without a reference (``<c>`` with no
    ``r``) are counted one each.
    """
    scan = SheetScan()
    row, last = 0, 0
    for chunk in _stream(archive, part, cap):
        refs = _CELL.findall(chunk)
        bare = len(_BARE_CELL.findall(chunk)) - len(refs)
        scan.cells += max(bare, 0)
        for letters, digits in refs:
            column, number = _column_number(letters), int(digits)
            if number != row:
                scan.cells += last
                row, last = number, 0
                scan.rows += 1
            last = max(last, column)
            scan.columns = max(scan.columns, column)
        if scan.columns > max_columns:
            scan.over = "columns"
            return scan
        if scan.cells + last > max_cells:
            scan.over = "cells"
            return scan
    scan.cells += last
    return scan


def shared_text_count(archive: zipfile.ZipFile, part: str, *, limit: int, cap: int) -> int:
    """The number of shared strings, counted up to just past ``limit``.

    The ``uniqueCount`` the part declares ends the count at once when it is
    over the limit; otherwise the ``<si>`` entries are counted as they stream.
    """
    count = 0
    for i, chunk in enumerate(_stream(archive, part, cap)):
        if i == 0:
            declared = _UNIQUE.search(chunk[:4096])
            if declared and int(declared.group(1)) > limit:
                return int(declared.group(1))
        count += len(_TEXT.findall(chunk))
        if count > limit:
            return count
    return count


def _stream(archive: zipfile.ZipFile, part: str, cap: int) -> Iterator[bytes]:
    """The part's bytes in chunks that never split a tag; TooLargeError past ``cap`` bytes."""
    total, tail = 0, b""
    try:
        with archive.open(part) as handle:
            while block := handle.read(_CHUNK):
                total += len(block)
                if total > cap:
                    raise TooLargeError(part, cap)
                data = tail + block
                cut = data.rfind(b"<")
                if cut <= 0 or len(data) - cut > 65536:  # no tag to keep whole
                    cut = len(data)
                tail = data[cut:]
                yield data[:cut]
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise XlsxError(part) from None
    if tail:
        yield tail


def _xml(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    data = b"".join(_stream(archive, part, _SMALL_PART))
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise XlsxError(part) from None


def _relations(archive: zipfile.ZipFile, part: str, folder: str) -> dict[str, tuple[str, str]]:
    out = {}
    for node in _xml(archive, part).iter(_REL):
        target = node.get("Target", "")
        if node.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        out[node.get("Id", "")] = (node.get("Type", ""), path)
    return out


def _target(archive: zipfile.ZipFile, part: str, folder: str, kind: str) -> str | None:
    return next(
        (p for k, p in _relations(archive, part, folder).values() if k.endswith(kind)), None
    )


def _join(folder: str, target: str) -> str:
    parts = [p for p in f"{folder}/{target}".split("/") if p and p != "."]
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        else:
            out.append(p)
    return "/".join(out)


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number
