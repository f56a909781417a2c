"""Map any polygon GeoDataFrame as izmir-maps maps İzmir: ``izmir_maps.explore(gdf, column)``.

(The module is not called ``explore``: a submodule of that name would hide the
function ``izmir_maps.explore`` once imported.)

The frame goes through the same path as a user's table of districts
(:func:`izmir_maps.spec.user_spec.user_choropleth_spec`): its rows become the
"districts" of a :class:`~izmir_maps.spec.map_spec.MapSpec`, the column an
indicator registered with :func:`~izmir_maps.data.registry.user_indicator`, and
the spec is drawn by :func:`~izmir_maps.interactive.render.render_html` — so the
map has the same deterministic classes, legends, number formats, tooltips and
offline page, and the returned object also gives the folium map
(``.to_folium()``) and the print map (``.to_static()``) of the same spec.
"""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from izmir_maps._checks import check_bool, check_lang, check_text, check_type
from izmir_maps.data.registry import user_indicator
from izmir_maps.errors import DataError, GeometryError
from izmir_maps.interactive.render import InteractiveMap, render_html
from izmir_maps.spec.legend import plan_legend
from izmir_maps.spec.map_spec import DistrictData, MapSpec, choropleth_spec
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["explore", "explore_spec", "frame_table"]

#: P-codes given to the rows of a frame: one shared six-letter prefix, so the
#: page never takes the rows for districts of several provinces.
_PCODE_PREFIX = "USER00"
_POLYGONAL = ("Polygon", "MultiPolygon")


def explore(  # noqa: PLR0913 — keyword options, as GeoDataFrame.explore has them
    gdf: gpd.GeoDataFrame,
    column: str,
    *,
    name: str | None = None,
    title: str | None = None,
    unit: str | None = None,
    source: str | None = None,
    lang: Lang = "tr",
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    share: bool = True,
    tiles: str | None = None,
) -> InteractiveMap:
    """An offline choropleth of ``column`` of any polygon GeoDataFrame.

    Parameters
    ----------
    gdf
        Polygons or multipolygons in any CRS (reprojected to WGS 84); invalid
        shapes are mended with :func:`shapely.make_valid` when that gives polygons.
    column
        The numeric column to map; ``NaN`` is drawn as the "no data" class.
    name
        The column naming each shape in tooltips, the search box and the table;
        by default the first text column other than ``column``, else the index.
    title
        The legend's and page's title; ``column`` by default.
    unit
        Unit written after each value (``"kişi"``, ``"ha"``); none by default.
    source
        Source line of the map; by default it names the column.
    lang
        ``"tr"`` (Turkish words and number formats, the default) or ``"en"``.
    scheme, k, breaks
        The classification, as for :func:`izmir_maps.choropleth_spec`
        (``"fisher_jenks"`` with 5 classes by default).
    share
        Add each shape's share of the total (``%4,14``) to the tooltips; set
        ``False`` for rates and averages, whose sum means nothing.
    tiles
        A tile basemap (``"osm"``, ``"carto-light"``); ``None`` loads nothing.

    Returns
    -------
    InteractiveMap
        The page (shown inline in Jupyter); ``.save(path)``, ``.to_folium()``,
        ``.to_static()``.

    Raises
    ------
    DataError
        An empty frame, an unknown or non-numeric column, infinite values.
    GeometryError
        No CRS, or a shape that is not (and cannot be mended into) a polygon.
    OptionError
        An option of the wrong type or value.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> gdf = gpd.GeoDataFrame({"ad": ["A", "B"], "n": [3, 5]},
    ...     geometry=[shapely.box(27, 38, 27.1, 38.1), shapely.box(27.1, 38, 27.2, 38.1)], crs=4326)
    >>> page = explore(gdf, "n")
    >>> page.slug, page.spec.classification.k
    ('user_n', 2)
    """
    spec = explore_spec(
        gdf,
        column,
        name=name,
        title=title,
        unit=unit,
        source=source,
        lang=lang,
        scheme=scheme,
        k=k,
        breaks=breaks,
        share=share,
    )
    return render_html(spec, tiles=tiles)


def explore_spec(  # noqa: PLR0913 — the options of explore()
    gdf: gpd.GeoDataFrame,
    column: str,
    *,
    name: str | None = None,
    title: str | None = None,
    unit: str | None = None,
    source: str | None = None,
    lang: Lang = "tr",
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    share: bool = True,
) -> MapSpec:
    """The :class:`MapSpec` that :func:`explore` draws (same parameters, no ``tiles``)."""
    for key, value in (("title", title), ("unit", unit), ("source", source)):
        check_text(key, value)
    check_lang(lang)
    check_bool("share", share)
    table, ind = frame_table(gdf, column, name=name, share=share)
    source_line = source or text("export_frame_source", lang, column=str(column))
    ind = user_indicator(
        str(column), title=title, source=source_line, integer=_integer(table, ind.id)
    )
    if unit:
        ind = replace(ind, unit_tr=unit, unit_en=unit)
    empty = gpd.GeoDataFrame({"province": [], "province_pcode": []}, geometry=[], crs=4326)
    spec = choropleth_spec(
        ind.id, scheme=scheme, k=k, breaks=breaks, lang=lang, data=DistrictData(table, ind, empty)
    )
    spec.sources = spec.sources[:1]  # the boundaries are the user's: no OCHA attribution
    spec.areas = "areas"  # the user's shapes need not be districts: the legend says "bölge"
    spec.legend = plan_legend(spec, spec.legend.notes)
    return spec


def frame_table(
    gdf: gpd.GeoDataFrame, column: str, *, name: str | None = None, share: bool = True
) -> tuple[gpd.GeoDataFrame, object]:
    """``gdf`` as a district table: ``pcode``, ``district``, the values, their rank and share.

    Returns
    -------
    table : geopandas.GeoDataFrame
        In WGS 84, one row per row of ``gdf``, geometry mended into polygons.
    indicator : izmir_maps.data.registry.Indicator
        The registered indicator of ``column`` (id ``user_<slug>``).
    """
    _check_frame(gdf, column)
    values = _numeric(gdf, column)
    names = _names(gdf, column, name)
    geometry = _polygons(gdf)
    ind = user_indicator(str(column), source="")
    n = len(gdf)
    width = len(str(n))
    table = gpd.GeoDataFrame(
        {
            "pcode": [f"{_PCODE_PREFIX}{i:0{width}d}" for i in range(1, n + 1)],
            "district": names,
            ind.id: values,
        },
        geometry=geometry.to_crs(4326).values,
        crs=4326,
    )
    table[f"{ind.id}_rank"] = ind.rank_values(table[ind.id])
    total = float(table[ind.id].sum())
    if share and total > 0 and bool((table[ind.id].dropna() >= 0).all()):
        table[f"{ind.id}_share"] = table[ind.id] / total * 100
    return table, ind


def _check_frame(gdf: object, column: object) -> None:
    """Refuse what cannot be a map: not a GeoDataFrame, empty, no CRS, an unknown column."""
    check_type("gdf", gdf, gpd.GeoDataFrame, "a geopandas.GeoDataFrame")
    check_type("column", column, str, "the name of a numeric column")
    if gdf.empty:
        msg = "The GeoDataFrame is empty: there is nothing to map. Pass a frame with polygons."
        raise DataError(msg)
    if column not in gdf.columns or column == gdf.geometry.name:
        shown = ", ".join(repr(str(c)) for c in gdf.columns if c != gdf.geometry.name)
        msg = (
            f"The GeoDataFrame has no column {column!r}; its columns are {shown or 'none'}. "
            "Pass the name of a numeric column as `column`."
        )
        raise DataError(msg)
    if gdf.crs is None:
        msg = (
            "The GeoDataFrame has no CRS, so its coordinates cannot be placed on the map. "
            "Set the one its coordinates are in, e.g. gdf.set_crs(4326) for longitude and "
            "latitude or gdf.set_crs(5254) for TUREF / TM30 metres."
        )
        raise GeometryError(msg)


def _numeric(gdf: gpd.GeoDataFrame, column: str) -> pd.Series:
    """The column as floats; text, dates and booleans are refused (``NaN`` is no data)."""
    series = gdf[column]
    if series.isna().all():
        msg = (
            f"Column {column!r} holds no values (all {len(series)} are missing), so every shape "
            "would be 'no data' and there are no classes to draw. Check that the column was "
            "filled (a join that matched no row leaves it empty), or map another column."
        )
        raise DataError(msg)
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        example = next(iter(series.dropna()), None)
        msg = (
            f"Column {column!r} is not numeric (dtype {series.dtype}, e.g. {example!r}), so it "
            "cannot be classified. Convert it first, e.g. "
            f"gdf[{column!r}] = pd.to_numeric(gdf[{column!r}], errors='coerce')."
        )
        raise DataError(msg)
    return series.astype(float).to_numpy()


def _names(gdf: gpd.GeoDataFrame, column: str, name: str | None) -> list[str]:
    """Each row's name: column ``name``, the first text column, or the index."""
    check_type("name", name, (str, type(None)), "the name of a column, or None")
    if name is not None and name not in gdf.columns:
        msg = f"name={name!r} is not a column of the GeoDataFrame; leave it out to use the index."
        raise DataError(msg)
    if name is None:
        texts = [
            c
            for c in gdf.columns
            if c not in (column, gdf.geometry.name)
            and (pd.api.types.is_string_dtype(gdf[c]) or gdf[c].dtype == object)
            and gdf[c].map(lambda v: isinstance(v, str)).all()
        ]
        source = gdf[texts[0]] if texts else pd.Series(gdf.index, index=gdf.index)
    else:
        source = gdf[name]
    return ["–" if pd.isna(v) else str(v) for v in source]


def _polygons(gdf: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Polygonal 2-D geometry, invalid shapes mended; rows that are no polygon are refused.

    A geometry collection keeps its polygons (a line or point in it is dropped),
    as does what :func:`shapely.make_valid` makes of an invalid shape.
    """
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    flat = shapely.force_2d(geoms)
    mended = np.array(
        [_mended(g) if ok else None for g, ok in zip(flat, present, strict=True)], dtype=object
    )
    if all(g is None for g in mended):
        kinds = sorted({g.geom_type for g, ok in zip(geoms, present, strict=True) if ok})
        msg = (
            f"The GeoDataFrame holds no polygons (its shapes: {', '.join(kinds) or 'none'}), so "
            "there are no areas to colour. Map a frame of polygons or multipolygons, e.g. "
            "districts or parcels; points can be buffered first."
        )
        raise GeometryError(msg)
    bad = [i for i, g in enumerate(mended) if g is None]
    if bad:
        rows = [f"{gdf.index[i]!r} ({_kind(geoms[i])})" for i in bad[:5]]
        msg = (
            f"{len(bad)} row(s) of the GeoDataFrame have no polygon that can be mapped, "
            f"not even after shapely.make_valid: {', '.join(rows)}{' …' if len(bad) > 5 else ''}. "
            "Drop those rows or fix their geometry, e.g. gdf[gdf.geom_type.isin"
            "(['Polygon', 'MultiPolygon'])]."
        )
        raise GeometryError(msg)
    return gpd.GeoSeries(mended, index=gdf.index, crs=gdf.crs)


def _mended(geom: shapely.Geometry) -> shapely.Geometry | None:
    """``geom``'s polygons, made valid first if needed; ``None`` if it has none."""
    polygons = _polygonal(geom if geom.is_valid else shapely.make_valid(geom))
    return None if polygons is None or polygons.is_empty else polygons


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry | None:
    """The polygons of what :func:`shapely.make_valid` returned; ``None`` if there are none."""
    if geom.geom_type in _POLYGONAL:
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in _POLYGONAL]
    if not parts:
        return None
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def _kind(geom: object) -> str:
    if geom is None:
        return "no geometry"
    return "empty" if shapely.is_empty(geom) else str(geom.geom_type)


def _integer(table: gpd.GeoDataFrame, column: str) -> bool:
    values = table[column].dropna()
    return bool(len(values)) and bool(values.map(float.is_integer).all())
