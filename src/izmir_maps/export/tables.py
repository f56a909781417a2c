"""The tables ``izmir-maps export`` writes: the districts with every indicator, and the markers.

Layers (GeoPackage layer, GeoJSON file, XLSX sheet):

- ``districts``: İzmir's 30 districts (detailed boundaries, WGS 84) with
  every column of :func:`izmir_maps.data.join.district_table`;
- ``osb``: the organised industrial and free zones, placed as on the OSB map;
- ``wind_2009``: the report's 2009 wind capacities, placed in their districts;
- ``wind_farms``: present-day wind farms (an incomplete list).

Column names are the ASCII ids the rest of izmir-maps uses (``employees``,
``employees_share``); the XLSX headers are the labels of the pages, in Turkish
or English, and its "Kaynaklar" sheet gives the label, unit, year and source of
every column.
"""

from __future__ import annotations

import io
import zipfile

import geopandas as gpd
import pandas as pd

from izmir_maps.data.join import district_table
from izmir_maps.spec.map_spec import osb_spec, wind_spec
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["LAYERS", "column_headers", "export_layers", "sources_table", "xlsx_bytes"]

#: Layer name → catalogue key of its XLSX sheet, in the order written.
LAYERS = {
    "districts": "export_sheet_districts",
    "osb": "export_sheet_osb",
    "wind_2009": "export_sheet_wind",
    "wind_farms": "export_sheet_farms",
}
# Columns of the point layers and their header (catalogue keys); others keep their id.
_POINT_HEADERS = {
    "pcode": "column_pcode_source",
    "district": "district",
    **{
        c: f"export_col_{c}"
        for c in (
            "name",
            "short_name",
            "kind",
            "founded_year",
            "status_2009",
            "status_now",
            "area_ha",
            "latitude",
            "longitude",
            "coordinate_quality",
            "source",
            "remark",
            "location",
            "capacity_mw",
            "label",
            "commissioning_year",
            "status",
        )
    },
}


def export_layers(lang: Lang = "tr") -> dict[str, gpd.GeoDataFrame]:
    """The four layers, in WGS 84, texts of the marker layers in ``lang``.

    Examples
    --------
    >>> layers = export_layers()
    >>> {name: len(frame) for name, frame in layers.items()}
    {'districts': 30, 'osb': 19, 'wind_2009': 1, 'wind_farms': 11}
    """
    districts = district_table("detailed").reset_index(drop=True)
    osb = osb_spec(lang=lang, layer="detailed")
    wind = wind_spec(lang=lang, layer="detailed")
    return {
        "districts": districts,
        "osb": _points(osb.osbs),
        "wind_2009": _points(wind.wind_points),
        "wind_farms": _points(wind.wind_farms),
    }


def _points(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A point layer with plain columns: no index, no Python objects GDAL cannot write."""
    frame = frame.reset_index(drop=True).to_crs(4326)
    for column in frame.columns:
        if column != frame.geometry.name and frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: None if pd.isna(v) else str(v))
    return frame


def column_headers(layer: str, columns: list[str], lang: Lang) -> list[str]:
    """The XLSX header of each column of ``layer``: the pages' label, with the unit."""
    if layer == "districts":
        described = sources_table(columns, lang).set_index("column")
        return [_with_unit(described.loc[c, "label"], described.loc[c, "unit"]) for c in columns]
    return [text(_POINT_HEADERS[c], lang) if c in _POINT_HEADERS else c for c in columns]


def sources_table(columns: list[str], lang: Lang) -> pd.DataFrame:
    """``column``, ``label``, ``unit``, ``year``, ``source`` of the district columns in ``lang``."""
    from izmir_maps.atlas import column_sources  # the atlas's sidecar table, one definition

    table = column_sources(columns)
    keep = {"column": "column", **{f"{k}_{lang}": k for k in ("label", "unit", "year", "source")}}
    return table[list(keep)].rename(columns=keep)


def _with_unit(label: str, unit: str) -> str:
    return f"{label} ({unit})" if unit and not label.endswith(f"({unit})") else label


def xlsx_bytes(layers: dict[str, gpd.GeoDataFrame], lang: Lang) -> bytes:
    """A workbook with a sheet per layer (no geometry) and a sheet of the columns' sources.

    Headers in ``lang``, header row bold and frozen; the created/modified times
    and the zip entries' dates are constants, so equal tables give equal bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    from izmir_maps.downloads import _FIXED_TIME, _fixed_zip  # the atlas's deterministic XLSX

    book = Workbook()
    book.remove(book.active)
    for name, frame in layers.items():
        flat = pd.DataFrame(frame.drop(columns=frame.geometry.name))
        sheet = book.create_sheet(text(LAYERS[name], lang))
        sheet.append(column_headers(name, list(flat.columns), lang))
        for row in flat.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    districts = layers["districts"]
    columns = [c for c in districts.columns if c != districts.geometry.name]
    about = book.create_sheet(text("export_sheet_sources", lang))
    sources = sources_table(columns, lang)
    about.append(
        [text(f"export_col_{k}", lang) for k in ("column", "header", "unit")]
        + [text("export_col_year", lang), text("export_col_source", lang)]
    )
    for row in sources.itertuples(index=False):
        about.append([_cell(v) for v in row])
    for cell in about[1]:
        cell.font = Font(bold=True)
    book.properties.creator = "izmir-maps"
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return _fixed_zip(buffer.getvalue())


def _cell(value: object) -> object:
    """A cell value openpyxl writes: ``None`` for missing, plain Python numbers."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
