"""What an HTML map shows, computed from a :class:`~izmir_maps.mapspec.MapSpec`.

:func:`build_payload` turns a spec into one JSON-ready dict that the inline
script draws (geometry as shared arcs, formatted tooltip and popup texts,
markers, layer switches), plus the legend and note boxes as escaped HTML
(:mod:`izmir_maps.html_legend`). Every number is formatted here, in the
spec's language; the script never formats, classifies or parses markup: it
places text with ``textContent`` only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from izmir_maps.boundaries import EQUAL_AREA_CRS
from izmir_maps.html_geometry import encode_polyline, label_point, polygons_of, topology
from izmir_maps.html_legend import build_legend, wind_scale
from izmir_maps.html_style import KIND_TEXT, PLAIN_FILL, PLAIN_LINE, SHAPES, safe_color
from izmir_maps.html_text import WORDS, clean, is_missing, short_name, word
from izmir_maps.locations import SOURCED
from izmir_maps.mapspec import MapSpec
from izmir_maps.numbers import Lang, format_number
from izmir_maps.registry import Indicator, base_indicators, indicator, indicator_ids
from izmir_maps.style import (
    ATTRIBUTION,
    DISTRICT_LINE,
    HIGHLIGHT_LINE,
    LAND_COLOR,
    PROPOSED_WIND_COLOR,
    PROVINCE_LINE,
    WIND_COLOR,
    wind_radius,
)
from izmir_maps.texts import text

__all__ = ["Payload", "build_payload"]

_VIEW_PAD = 0.8  # degrees around İzmir the map may pan
_CLIP_PAD = 1.6  # degrees of neighbouring land kept
_SEA_LABEL = (38.02, 26.35)  # open sea between Chios and Samos, west of Seferihisar
#: Inland Anatolia east of 28° E between the Gulf of Gökova and the Sea of Marmara: land,
#: painted under the neighbouring provinces so the provinces beyond them do not read as sea.
_INLAND = [[37.05, 28.0], [40.3, 31.5]]
_PCODE_SAFE = re.compile(r"[^A-Za-z0-9_-]")
_KNOWN = frozenset(indicator_ids())


@dataclass
class Payload:
    """The parts of one HTML map.

    Attributes
    ----------
    data
        JSON-ready dict for the inline script.
    legend
        Escaped HTML of the legend box (title, classes, symbols, notes, sources).
    notes
        Escaped HTML of the note box (unassigned wind capacity, unplaced points).
    """

    data: dict[str, Any]
    legend: str
    notes: str


def build_payload(spec: MapSpec, *, tiles: bool = False, labels: bool = True) -> Payload:
    """Everything the HTML page of ``spec`` shows, formatted in ``spec.lang``.

    Parameters
    ----------
    spec
        The map.
    tiles
        Whether a tile basemap is drawn (then no neighbour land, lighter fills).
    labels
        Whether district names are shown at start (they can be switched on).

    Examples
    --------
    >>> from izmir_maps.mapspec import osb_spec
    >>> payload = build_payload(osb_spec())
    >>> len(payload.data["d"]), [layer[0] for layer in payload.data["layers"]]
    (30, ['osb', 'labels'])
    """
    lang = spec.lang
    districts = spec.districts.to_crs(4326) if spec.districts.crs else spec.districts
    choro = spec.kind in ("choropleth", "combined") and spec.classification is not None
    data: dict[str, Any] = {
        "style": _style(tiles),
        "words": {k: word(k, lang) for k in ("zoom_in", "zoom_out", "source")},
        "shapes": SHAPES,
        "attr": html.escape(ATTRIBUTION),
        "view": _view(districts),
    }
    data.update(_district_data(spec, districts, choro))
    if not tiles:
        data["nb"] = _neighbours(spec.neighbours, districts)
        data["sea"] = {"n": word("sea", lang), "p": list(_SEA_LABEL)}
        data["inland"] = _INLAND
    layers: list[list[Any]] = []  # [key, name, shown at start]
    if choro:
        layers.append(["choro", spec.indicator.label(lang), True])
    if spec.osbs is not None:
        data["osb"] = _osb_points(spec)
        layers.append(["osb", word("osb_layer", lang), True])
    if spec.wind_points is not None:
        data["wp"] = _wind_points(spec)
        layers.append(["wind", text("wind", lang) + " (2009)", True])
    if spec.wind_proposed:
        layers.append(["proposed", text("wind_proposed", lang), spec.kind == "wind"])
    if spec.wind_farms is not None:
        data["farms"] = _farm_points(spec)
        layers.append(["farms", text("wind_farms", lang), False])
    layers.append(["labels", word("labels", lang), labels])
    # Leaflet's layer switch sets names as HTML: escape them here.
    data["layers"] = [[key, html.escape(name), on] for key, name, on in layers]
    legend, notes = build_legend(spec, choro=choro)
    return Payload(data, legend, notes)


# --- geometry and districts -------------------------------------------------------------------


def _style(tiles: bool) -> dict[str, Any]:
    return {
        "line": DISTRICT_LINE,
        "plain": {"fillColor": PLAIN_FILL, **PLAIN_LINE},
        "hover": HIGHLIGHT_LINE,
        "province": PROVINCE_LINE,
        "land": LAND_COLOR,
        "proposed": PROPOSED_WIND_COLOR,
        "wind": WIND_COLOR,
        "opacity": 0.72 if tiles else 1.0,
        "labelPx": 5.2,
    }


def _view(districts: gpd.GeoDataFrame) -> dict[str, Any]:
    w, s, e, n = (round(float(v), 4) for v in districts.total_bounds)
    p = _VIEW_PAD
    return {
        "bounds": [[s, w], [n, e]],
        "maxBounds": [[round(s - p, 4), round(w - p, 4)], [round(n + p, 4), round(e + p, 4)]],
        "min": 7,
        "max": 13,
    }


def _district_data(spec: MapSpec, districts: gpd.GeoDataFrame, choro: bool) -> dict[str, Any]:
    lang = spec.lang
    topo = topology(list(districts.geometry))
    popup = [ind for ind in base_indicators() if ind.id in districts.columns]
    mapped = (spec.indicator.base or spec.indicator.id) if spec.indicator is not None else None
    area = _areas(districts)
    proposed = set(spec.wind_proposed)
    rows = []
    for i, (key, row) in enumerate(districts.iterrows()):
        name = clean(row.get("district")) or clean(row.get("pcode"))
        pcode = clean(row.get("pcode"))
        item: dict[str, Any] = {
            "id": _PCODE_SAFE.sub("", pcode) or f"d{i}",
            "n": name,
            "g": topo.shapes[i],
            "l": list(label_point(row.geometry)),
            "a": round(float(area.iloc[i]), 1),
            "v": [_fmt(ind, row.get(ind.id), lang, unit=True) for ind in popup],
        }
        if choro:
            item["c"] = safe_color(spec.classification.color_of(key))
            item["t"] = _tooltip_rows(spec.indicator, row, lang)
        elif pcode in proposed:
            item["t"] = [[word("proposed_district", lang), text("yes", lang)]]
        if pcode in proposed:
            item["w"] = 1
        rows.append(item)
    return {
        "arcs": topo.encoded_arcs(),
        "outline": topo.outer,
        "d": rows,
        "pk": [ind.label(lang) for ind in popup],
        "pm": next((j for j, ind in enumerate(popup) if ind.id == mapped), -1),
    }


def _tooltip_rows(ind: Indicator, row: pd.Series, lang: Lang) -> list[list[str]]:
    value = row.get(ind.id)
    if is_missing(value):
        return [[ind.label(lang), text("no_data", lang)]]
    rows = [[ind.label(lang), ind.format(float(value), lang, unit=True)]]
    base = ind.base or ind.id
    if ind.variant in ("per_1000", "per_km2"):
        base_ind = indicator(base)
        rows.append([base_ind.label(lang), _fmt(base_ind, row.get(base), lang, unit=True)])
    for suffix, label in (("share", "share_of_izmir"), ("rank", "rank")):
        column = f"{base}_{suffix}"
        known = column in row.index and column in _KNOWN
        if column == ind.id or not known or is_missing(row.get(column)):
            continue
        rows.append([text(label, lang), _fmt(indicator(column), row.get(column), lang)])
    return rows


def _areas(districts: gpd.GeoDataFrame) -> pd.Series:
    if "area_km2" in districts.columns and districts["area_km2"].notna().all():
        return districts["area_km2"].astype(float)
    return districts.to_crs(EQUAL_AREA_CRS).area / 1e6


def _neighbours(neighbours: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> list[dict]:
    w, s, e, n = districts.total_bounds
    clip = shapely.box(w - _CLIP_PAD, s - _CLIP_PAD, e + _CLIP_PAD, n + _CLIP_PAD)
    izmir = shapely.union_all(list(districts.geometry)).simplify(0.01)
    near = izmir.buffer(0.2, quad_segs=2).intersection(shapely.box(w, s, e, n))
    out = []
    for _, row in neighbours.to_crs(4326).iterrows():
        geom = shapely.intersection(row.geometry, clip)
        if geom.is_empty:
            continue
        polys = [[encode_polyline([*r, r[0]]) for r in poly] for poly in polygons_of(geom)]
        item: dict[str, Any] = {"n": clean(row.get("province")), "g": polys}
        close = shapely.intersection(row.geometry, near)
        if not close.is_empty and close.area > 0:
            item["l"] = list(label_point(close))
        out.append(item)
    return out


# --- markers ----------------------------------------------------------------------------------


def _osb_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    out = []
    for _, row in spec.osbs.iterrows():
        kind = clean(row.get("kind"))
        key = kind if kind in KIND_TEXT else "other"
        name = clean(row.get("name"))
        short = clean(row.get("short_name"))
        area = row.get("area_ha")
        rows = [
            [word("short_name", lang), short or "–"],
            [word("kind", lang), text(KIND_TEXT[key], lang) if key != "other" else kind],
            [text("district", lang), clean(row.get("district")) or "–"],
            [text("founded", lang), _year(row.get("founded_year"), lang)],
            [text("area", lang), _hectares(area, lang)],
            [text("status_2009", lang), _status(row.get("status_2009"), lang)],
            [text("status_now", lang), _status(row.get("status_now"), lang)],
            [word("location", lang), _location(row.get("location"), lang)],
        ]
        out.append(
            {
                "p": _latlng(row.geometry),
                "k": key,
                "q": _quality(row.get("location")),
                "h": name,
                "s": short or name,
                "rows": rows,
                "src": _sources(row.get("source")),
            }
        )
    return out


def _farm_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    mw = indicator("wind_capacity_mw")
    out = []
    for _, row in spec.wind_farms.iterrows():
        name = clean(row.get("name"))
        rows = [
            [text("district", lang), clean(row.get("district")) or "–"],
            [text("capacity", lang), _fmt(mw, row.get("capacity_mw"), lang, unit=True)],
            [text("commissioned", lang), _year(row.get("commissioning_year"), lang)],
            [text("status", lang), clean(row.get("status")) or "–"],
            [word("location", lang), _location(row.get("location"), lang)],
        ]
        out.append(
            {
                "p": _latlng(row.geometry),
                "q": _quality(row.get("location")),
                "h": name,
                "s": short_name(name),
                "rows": rows,
                "src": _sources(row.get("source")),
            }
        )
    return out


def _wind_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    mw = indicator("wind_capacity_mw")
    top, _ = wind_scale(spec)
    out = []
    for _, row in spec.wind_points.iterrows():
        value = row.get("capacity_mw")
        if is_missing(value) or float(value) <= 0:
            continue
        out.append(
            {
                "p": _latlng(row.geometry),
                "r": round(wind_radius(float(value), top), 2),
                "q": _quality(row.get("location")),
                "s": clean(row.get("label")) or clean(row.get("district")),
                "rows": [
                    [text("capacity", lang), mw.format(float(value), lang, unit=True) + " (2009)"],
                    [word("location", lang), _location(row.get("location"), lang)],
                ],
            }
        )
    return out


# --- small formatting helpers -----------------------------------------------------------------


def _fmt(ind: Indicator, value: object, lang: Lang, *, unit: bool = False) -> str:
    if is_missing(value):
        return text("no_data", lang)
    return ind.format(float(value), lang, unit=unit)


def _year(value: object, lang: Lang) -> str:
    return text("no_data", lang) if is_missing(value) else str(int(value))


def _hectares(value: object, lang: Lang) -> str:
    if is_missing(value):
        return text("no_data", lang)
    number = float(value)
    return format_number(number, lang, 0 if number.is_integer() else 1) + " ha"


def _status(value: object, lang: Lang) -> str:
    status = clean(value)
    if not status:
        return text("no_data", lang)
    return word(status, lang) if status in WORDS else status


def _location(value: object, lang: Lang) -> str:
    return text("location_sourced" if clean(value) == SOURCED else "location_approx", lang)


def _quality(value: object) -> str:
    return "s" if clean(value) == SOURCED else "a"


def _latlng(point: shapely.Point) -> list[float]:
    return [round(point.y, 5), round(point.x, 5)]


def _sources(value: object) -> list[str]:
    return [part.strip() for part in clean(value).split(" ; ") if part.strip()]
