"""Fixtures shared by the tests of izmir_maps.userdata."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

#: ``raw_xlsx(path, rows, shared=None, *, padding=0)``: see :func:`write_raw_xlsx`.
RawXlsx = Callable[..., Path]


def _content_types(shared: bool) -> str:
    strings = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
        if shared
        else ""
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f"{strings}</Types>"
    )


def _book_rels(shared: bool) -> str:
    strings = (
        f'<Relationship Id="rId2" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>'
        if shared
        else ""
    )
    return (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_R}/worksheet" '
        f'Target="worksheets/sheet1.xml"/>{strings}</Relationships>'
    )


def write_raw_xlsx(path: Path, rows: str, shared: str | None = None, *, padding: int = 0) -> Path:
    """Write a one-sheet workbook ("Veri") whose parts are exactly as given.

    openpyxl would not write these files: a cell in column XFD, five million shared texts, a
    sheet part padded to a zip bomb, a shared-strings part that declares a false count.

    Parameters
    ----------
    path
        Where to write the workbook.
    rows
        The content of the sheet's ``<sheetData>``: ``<row>`` elements (and anything else, such
        as spaces to pad the part).
    shared
        The whole ``xl/sharedStrings.xml`` part (``<sst …>``), or None for a workbook without
        shared texts (its cells are numbers or inline texts).
    padding
        Spaces added inside ``xl/workbook.xml`` (the list of sheets), to make that part large.

    Returns
    -------
    Path
        ``path``. Deflated at level 9, so that padding costs little on disk.
    """
    parts = {
        "[Content_Types].xml": _content_types(shared is not None),
        "_rels/.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_NS}" xmlns:r="{_R}"><sheets>'
        '<sheet name="Veri" sheetId="1" r:id="rId1"/></sheets>' + " " * padding + "</workbook>",
        "xl/_rels/workbook.xml.rels": _book_rels(shared is not None),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_NS}"><sheetData>{rows}</sheetData>'
        "</worksheet>",
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


@pytest.fixture(scope="session")
def raw_xlsx() -> RawXlsx:
    """The workbook writer :func:`write_raw_xlsx` (session-wide: module fixtures use it too)."""
    return write_raw_xlsx
