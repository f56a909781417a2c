"""The data behind one map, as files a planner can open: CSV, XLSX and, on request, GeoJSON.

:func:`download_table` decides once what a map's download holds — the values
the map shows, rounded as it shows them, with the legend's class label, the
rank, the share of İzmir and the boundary-change note of each district, or the
points of a marker map — and the writers only lay that table out:

- CSV for Excel in the map's language: UTF-8 with BOM and CRLF line ends; in
  Turkish ``;`` between fields and Turkish numbers (``27.225``, ``4,14``), as
  Turkish Excel reads a double-clicked file; in English ``,`` and plain
  numbers (``27225``, ``4.14``).
- XLSX with numbers stored as numbers and a number format with the map's
  decimals; its timestamps are fixed, so a rebuild gives the same bytes.
- GeoJSON (WGS84) with ASCII property keys (the column ids of the atlas's
  ``data/districts.geojson``), numbers as numbers and rounded coordinates.

The atlas writes each map's table as ``data/maps/<slug>.csv|.xlsx`` and no
per-map GeoJSON: the 30 outlines would be written 63 times (13 MB). Each map's
legend (:func:`download_links`) links its table, the outlines with every
indicator once (``data/districts.geojson``, joined on ``pcode``, as Datawrapper,
Flourish or mapshaper join a table to a basemap) and the GeoPackage with a QGIS
style per map (``data/izmir.gpkg``). The tables of the pages
(a profile's key figures, the statistics page's Moran's I and ranking tables)
use the same CSV and XLSX writers through :func:`page_table` and
:func:`write_table_downloads`; a column mixing figures of different decimals
holds :func:`shown_number` cells, each keeping its own decimals.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import has_text, text
from izmir_maps.write import safe_join, write_bytes

__all__ = [
    "ATLAS_FORMATS",
    "FORMATS",
    "SHARED_DOWNLOADS",
    "Column",
    "DownloadTable",
    "csv_bytes",
    "download_links",
    "download_table",
    "geojson_bytes",
    "page_table",
    "shown_number",
    "write_downloads",
    "write_table_downloads",
    "xlsx_bytes",
]

#: The file formats :func:`write_downloads` can write.
FORMATS = ("csv", "xlsx", "geojson")
#: What the atlas writes for each map: its table; the outlines are in ``data/districts.geojson``.
ATLAS_FORMATS = ("csv", "xlsx")
#: The atlas's files each map page links besides its table: link key → file in ``data/``.
SHARED_DOWNLOADS = {"boundaries": "districts.geojson", "gpkg": "izmir.gpkg"}
#: Decimals of point coordinates (≈ 1 m), as the map's markers are placed.
POINT_DECIMALS = 5
#: Decimals of district outlines (≈ 0.1 m), as in the atlas's ``data/districts.geojson``:
#: 5 would save 9 % of that file and make an outline self-intersect.
SHAPE_DECIMALS = 6
# A constant for the workbook's timestamps: the report's month, so rebuilds give equal bytes.
_FIXED_TIME = dt.datetime(2010, 12, 1)  # naive: xlsx core properties carry no zone
_ZIP_TIME = (2010, 12, 1, 0, 0, 0)
_KIND_KEYS = {"osb": "osb_short"}  # an OSB kind whose word has another key


@dataclass(frozen=True)
class Column:
    """One column of a download.

    Attributes
    ----------
    key
        ASCII id, the GeoJSON property name (``"district"``, ``"employees"`` …).
    header
        The heading in the map's language (CSV and XLSX).
    decimals
        Decimals of a number column; ``None`` for a text column.
    """

    key: str
    header: str
    decimals: int | None = None


@dataclass(frozen=True)
class DownloadTable:
    """The rows of one map's download, values already rounded as the map shows them.

    Attributes
    ----------
    slug
        The map's file name stem.
    lang
        Language of headers, labels and number formats.
    columns
        The columns, in order.
    rows
        One tuple per district or point: text, a rounded number, or ``None``.
    geometry
        WGS84 geometry of each row (``None`` for a point with no known place).
    title
        The map's title (the XLSX sheet's first line names it).
    sources
        The map's source lines.
    """

    slug: str
    lang: Lang
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    geometry: tuple[Any, ...]
    title: str = ""
    sources: tuple[str, ...] = ()


def download_table(spec: MapSpec) -> DownloadTable:
    """What the download of ``spec`` holds: its districts (choropleth) or its points.

    A choropleth gives one row per district: name, P-code, the mapped value
    rounded to the legend's decimals, the legend class it falls in, its rank
    (1 = highest; none on a rank map, whose value is the rank), its share of
    İzmir where the indicator has one, and the boundary-change note where the
    map flags the district. The OSB, wind and combined maps give their points:
    name, kind, district, status, capacity, whether the location is sourced,
    latitude and longitude.

    Parameters
    ----------
    spec
        The map.

    Returns
    -------
    DownloadTable
        Headers and labels in ``spec.lang``.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> table = download_table(choropleth_spec("employees"))
    >>> [c.header for c in table.columns][:3], table.rows[0][:3]
    (['İlçe', 'P-kodu', 'Çalışan sayısı (SGK, 2008), kişi'], ('Aliağa', 'TUR035001', 27225))
    """
    if spec.kind == "choropleth":
        return _district_rows(spec)
    return _point_rows(spec)


# --- districts --------------------------------------------------------------------------------


def _district_rows(spec: MapSpec) -> DownloadTable:
    ind, classes, lang = spec.indicator, spec.classification, spec.lang
    table = spec.districts.to_crs(4326) if spec.districts.crs else spec.districts
    decimals = classes.decimals(ind)
    values = pd.to_numeric(table[ind.id], errors="coerce").astype(float)
    labels = _class_labels(spec)
    columns = [
        Column("district", text("district", lang)),
        Column("pcode", text("dl_pcode", lang)),
        Column(ind.id, _value_header(ind, lang), decimals),
        Column("class", text("dl_class", lang)),
    ]
    extra: dict[str, list[Any]] = {}
    if ind.fmt != "rank":  # on a rank map the value is the rank
        columns.append(Column("rank", text("dl_rank", lang), 0))
        extra["rank"] = [None if pd.isna(r) else int(r) for r in ind.rank_values(values)]
    share = f"{ind.id}_share"
    if ind.share and share in table.columns:
        share_ind = indicator(share)
        columns.append(Column(share, text("dl_share", lang), share_ind.decimals))
        extra[share] = [_rounded(v, share_ind.decimals) for v in table[share]]
    if spec.caveats.lines:
        columns.append(Column("boundary_note", text("boundary_tip", lang)))
        extra["boundary_note"] = [spec.caveats.line(str(p)) for p in table["pcode"]]
    rows = []
    for i, key in enumerate(table.index):
        row = [
            str(table.at[key, "district"]),
            str(table.at[key, "pcode"]),
            _rounded(values[key], decimals),
            labels[int(classes.classes[key])],
        ]
        rows.append(tuple(row + [cells[i] for cells in extra.values()]))
    return DownloadTable(
        spec.slug,
        lang,
        tuple(columns),
        tuple(rows),
        tuple(table.geometry),
        spec.title,
        tuple(spec.sources),
    )


def _class_labels(spec: MapSpec) -> dict[int, str]:
    """Class number → the legend's label for it; ``-1`` is the no-data (or no-rank) class."""
    from izmir_maps.spec.legend import ClassesSection

    section = spec.legend.section(ClassesSection)
    if section is None:  # a spec without a planned legend: the classification's own labels
        labels = spec.classification.labels(spec.indicator, spec.lang)
        return {**dict(enumerate(labels)), -1: text("no_data", spec.lang)}
    out = {i: item.label for i, item in enumerate(section.classes) if not item.no_data}
    no_data = [item.label for item in section.classes if item.no_data]
    out[-1] = no_data[0] if no_data else text("no_data", spec.lang)
    return out


def _value_header(ind: Indicator, lang: Lang) -> str:
    """``"Çalışan sayısı (SGK, 2008), kişi"``: the label and, when it has one, the unit."""
    unit = ind.unit(lang)
    return f"{ind.label(lang)}, {unit}" if unit else ind.label(lang)


def _rounded(value: object, decimals: int) -> int | float | None:
    """``value`` rounded as the map writes it; a whole number as ``int``; ``None`` if missing."""
    if value is None or pd.isna(value):
        return None
    number = round(float(value), decimals)
    return int(number) if decimals == 0 else number


# --- points -----------------------------------------------------------------------------------


def _point_rows(spec: MapSpec) -> DownloadTable:
    lang = spec.lang
    rows: list[tuple[Any, ...]] = []
    geometry: list[Any] = []
    parts = [
        (spec.osbs, _osb_row),
        (spec.osbs_unplaced, _osb_row),
        (spec.wind_points, _wind_row),
        (spec.wind_farms, _farm_row),
        (spec.wind_farms_unplaced, _farm_row),
    ]
    for frame, make in parts:
        if frame is None or not len(frame):
            continue
        points = frame.to_crs(4326) if isinstance(frame, gpd.GeoDataFrame) else frame
        for _, row in points.iterrows():
            if make is _wind_row and not (_number(row.get("capacity_mw")) or 0) > 0:
                continue  # the map draws no circle for a district without capacity
            point = row.get("geometry") if isinstance(frame, gpd.GeoDataFrame) else None
            rows.append(make(row, point, lang))
            geometry.append(point)
    columns = (
        Column("name", text("dl_name", lang)),
        Column("kind", text("kind", lang)),
        Column("district", text("district", lang)),
        Column("pcode", text("dl_pcode", lang)),
        Column("status", text("status", lang)),
        Column("capacity_mw", text("dl_capacity", lang), 1),
        Column("location", text("location", lang)),
        Column("latitude", text("dl_latitude", lang), POINT_DECIMALS),
        Column("longitude", text("dl_longitude", lang), POINT_DECIMALS),
    )
    return DownloadTable(
        spec.slug,
        lang,
        columns,
        tuple(rows),
        tuple(geometry),
        spec.title,
        tuple(spec.sources),
    )


def _osb_row(row: pd.Series, point: Any, lang: Lang) -> tuple[Any, ...]:
    kind = _clean(row.get("kind"))
    key = _KIND_KEYS.get(kind, kind)
    status = _clean(row.get("status_now"))
    return (
        _clean(row.get("name")),
        text(key, lang) if key and has_text(key) else kind,
        _clean(row.get("district")),
        _clean(row.get("pcode")),
        text(status, lang) if status and has_text(status) else status,
        None,
        *_place(row, point, lang),
    )


def _wind_row(row: pd.Series, point: Any, lang: Lang) -> tuple[Any, ...]:
    return (
        _clean(row.get("label")) or _clean(row.get("district")),
        text("dl_kind_wind_2009", lang),
        _clean(row.get("district")),
        _clean(row.get("pcode")),
        "",
        _rounded(row.get("capacity_mw"), 1),
        *_place(row, point, lang),
    )


def _farm_row(row: pd.Series, point: Any, lang: Lang) -> tuple[Any, ...]:
    return (
        _clean(row.get("name")),
        text("dl_kind_farm", lang),
        _clean(row.get("district")),
        _clean(row.get("pcode")),
        _clean(row.get("status")),
        _rounded(row.get("capacity_mw"), 1),
        *_place(row, point, lang),
    )


def _place(row: pd.Series, point: Any, lang: Lang) -> tuple[str, float | None, float | None]:
    """Location quality, latitude and longitude of a point (empty for an unplaced one)."""
    if point is None or point.is_empty:
        return text("dl_unplaced", lang), None, None
    sourced = _clean(row.get("location")) == "sourced"
    return (
        text("dl_sourced" if sourced else "dl_approx", lang),
        round(point.y, POINT_DECIMALS),
        round(point.x, POINT_DECIMALS),
    )


def _clean(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _number(value: object) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else float(number)


# --- writers ----------------------------------------------------------------------------------


def csv_bytes(table: DownloadTable) -> bytes:
    """The table as CSV for Excel in its language (UTF-8 with BOM, CRLF line ends).

    Turkish: ``;`` between fields, ``27.225`` and ``4,14``; English: ``,``,
    ``27225`` and ``4.14``. Numbers carry no unit and no ``%``: the header says it.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if table.lang == "tr" else ",", lineterminator="\r\n")
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [_csv_cell(v, c.decimals, table.lang) for v, c in zip(row, table.columns, strict=True)]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: object, decimals: int | None, lang: Lang) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):  # a figure with its own decimals (shown_number)
        decimals = _places(value)
    if decimals is None or isinstance(value, str):
        return str(value)
    if lang != "tr":
        return f"{value:.{decimals}f}"
    # Turkish Excel reads "27.225" as 27225 and "4,14" as 4.14; a hyphen-minus, never "−".
    shown = f"{value:,.{decimals}f}"
    return shown.replace(",", "\0").replace(".", ",").replace("\0", ".")


def xlsx_bytes(table: DownloadTable) -> bytes:
    """The table as an Excel workbook: numbers as numbers, formatted with the map's decimals.

    The first sheet holds the table alone (header row bold and frozen), so
    it sorts, filters and reads back as it is; a second one the map's title
    and source lines. The workbook's created/modified times
    and the zip entries' times are a constant, so equal tables give equal bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = text("dl_sheet", table.lang)
    sheet.append([c.header for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
    for j, column in enumerate(table.columns, 1):
        letter = get_column_letter(j)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
            if isinstance(cell.value, Decimal):  # its own decimals, its own format
                cell.number_format = _number_format(Column(column.key, "", _places(cell.value)))
            elif column.decimals is not None:
                cell.number_format = _number_format(column)
        width = max([len(column.header), *(len(_xlsx_shown(r[j - 1])) for r in table.rows)])
        sheet.column_dimensions[letter].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    about = book.create_sheet(text("dl_sheet_source", table.lang))  # keeps the data sheet a table
    for line in (table.title, *table.sources):
        about.append([line])
    about.column_dimensions["A"].width = 100
    book.properties.creator = "izmir-maps"
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save_workbook: it stamps "modified" now
    return _fixed_zip(buffer.getvalue())


def _number_format(column: Column) -> str:
    """``#,##0`` with the column's decimals; coordinates and ranks without grouping."""
    places = column.decimals or 0
    tail = "." + "0" * places if places else ""
    if column.key in ("latitude", "longitude", "rank"):
        return "0" + tail
    return "#,##0" + tail


def _places(value: Decimal) -> int:
    """Decimals a :func:`shown_number` carries: ``Decimal("4.14")`` → 2."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _xlsx_shown(value: object) -> str:
    return "" if value is None else str(value)


def _fixed_zip(data: bytes) -> bytes:
    """``data`` (a zip) rewritten with every entry dated :data:`_ZIP_TIME`, in the same order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def geojson_bytes(table: DownloadTable) -> bytes:
    """The table as GeoJSON (WGS84): ASCII property keys, numbers as numbers, rounded coordinates.

    District outlines keep :data:`SHAPE_DECIMALS` decimals (as ``data/districts.geojson``),
    points :data:`POINT_DECIMALS`; a point with no known place has a ``null`` geometry.
    """
    features = []
    for row, shape in zip(table.rows, table.geometry, strict=True):
        properties = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        geometry = "null" if shape is None or shape.is_empty else _geometry_json(shape)
        features.append(
            '{"type":"Feature","properties":'
            + json.dumps(properties, ensure_ascii=False, separators=(",", ":"))
            + f',"geometry":{geometry}}}'
        )
    text = '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}\n"
    return text.encode("utf-8")


@functools.lru_cache(maxsize=512)
def _geometry_json(shape: Any) -> str:
    """The rounded geometry as JSON; cached, as the atlas's maps share their outlines."""
    places = POINT_DECIMALS if shape.geom_type == "Point" else SHAPE_DECIMALS
    rounded = shapely.transform(shape, lambda xy: np.round(xy, places))
    # shapely's nested tuples: json writes them as arrays
    return json.dumps(shapely.geometry.mapping(rounded), separators=(",", ":"))


def write_downloads(spec: MapSpec, folder: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``<slug>.csv``, ``.xlsx`` and ``.geojson`` of ``spec`` into ``folder``; return them.

    Parameters
    ----------
    spec
        The map.
    folder
        Output folder (the atlas's ``data/maps``), created if needed.
    formats
        The formats to write, of :data:`FORMATS`; the atlas writes
        :data:`ATLAS_FORMATS` (its outlines are in ``data/districts.geojson``).

    Returns
    -------
    list of pathlib.Path
        The files, in the order of ``formats``.

    Raises
    ------
    OptionError
        For a format not in :data:`FORMATS`.
    """
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        msg = f"Unknown download format {unknown[0]!r}: choose from {', '.join(FORMATS)}."
        raise OptionError(msg)
    table = download_table(spec)
    makers = {"csv": csv_bytes, "xlsx": xlsx_bytes, "geojson": geojson_bytes}
    return [
        write_bytes(safe_join(Path(folder), f"{spec.slug}.{fmt}"), makers[fmt](table))
        for fmt in formats
    ]


def download_links(
    slug: str, prefix: str = "../data/maps/", shared: str = "../data/"
) -> dict[str, str]:
    """Link key → relative link of what a map page offers, in the order its legend lists them.

    The map's own table (``csv``, ``xlsx``, as :data:`ATLAS_FORMATS`), then the
    atlas's shared files (:data:`SHARED_DOWNLOADS`): the outlines with every
    indicator (``boundaries``), which the table joins on its P-code, and the
    GeoPackage with this map's QGIS style (``gpkg``).

    Parameters
    ----------
    slug
        The map's file name stem.
    prefix
        Relative folder of the map tables, ending in ``/``.
    shared
        Relative folder of the shared files, ending in ``/``.

    Examples
    --------
    >>> links = download_links("employees")
    >>> list(links)
    ['csv', 'xlsx', 'boundaries', 'gpkg']
    >>> links["csv"], links["boundaries"]
    ('../data/maps/employees.csv', '../data/districts.geojson')
    """
    links = {fmt: f"{prefix}{slug}.{fmt}" for fmt in ATLAS_FORMATS}
    return links | {key: f"{shared}{name}" for key, name in SHARED_DOWNLOADS.items()}


# --- page tables ------------------------------------------------------------------------------


def shown_number(value: object, decimals: int) -> Decimal | None:
    """``value`` rounded to ``decimals`` as a cell that keeps them, for a mixed column.

    The CSV writes it with those decimals (``4,14``; ``27.225``) and the
    workbook stores the number with a format of those decimals, whatever its
    column's other cells have. ``None`` for a missing value.

    Examples
    --------
    >>> shown_number(4.1449, 2), shown_number(27225.0, 0), shown_number(float("nan"), 1)
    (Decimal('4.14'), Decimal('27225'), None)
    """
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return Decimal(f"{float(value):.{decimals}f}")  # type: ignore[arg-type]


def page_table(
    slug: str,
    lang: Lang,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    title: str = "",
    sources: Sequence[str] = (),
) -> DownloadTable:
    """A table of a page (no geometry) ready for :func:`csv_bytes` and :func:`xlsx_bytes`.

    Parameters
    ----------
    slug
        File name stem of the download.
    lang
        Language of the headers and of the CSV's number format.
    columns
        The columns, in order; ``decimals`` set for number columns.
    rows
        The cells, rounded as the page shows them: text, a number, a
        :func:`shown_number` or ``None``.
    title, sources
        The table's title and source lines (the workbook's second sheet).
    """
    rows = tuple(tuple(row) for row in rows)
    return DownloadTable(
        slug, lang, tuple(columns), rows, (None,) * len(rows), title, tuple(sources)
    )


#: The formats of a page table's download, in the order its links are listed.
TABLE_FORMATS = ("csv", "xlsx")


def write_table_downloads(table: DownloadTable, folder: Path) -> list[Path]:
    """Write ``<slug>.csv`` and ``<slug>.xlsx`` of a page table into ``folder``; return them."""
    makers = {"csv": csv_bytes, "xlsx": xlsx_bytes}
    return [
        write_bytes(safe_join(Path(folder), f"{table.slug}.{fmt}"), makers[fmt](table))
        for fmt in TABLE_FORMATS
    ]
