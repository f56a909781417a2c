"""Thumbnails of the atlas's maps for the home page: small SVG files in each map's own colours.

A thumbnail is drawn from the map's :class:`~izmir_maps.spec.map_spec.MapSpec`
in the projection of :func:`~izmir_maps.pages.svgmap.svg_map`: the districts in
their legend class colours, the districts proposed for wind hatched, and the
OSB, wind and wind-farm points of the marker maps as dots. Outlines are
simplified together to under a pixel of :data:`THUMB_WIDTH`, written in whole
pixels as relative steps, and islets left out, so a file is a few KB and
identical on every build (one fixed pattern id, no random ids).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import shapely

from izmir_maps.data.boundaries import load_districts, load_neighbours
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import (
    DISTRICT_LINE,
    LAND_COLOR,
    NO_DATA_COLOR,
    OSB_COLOR,
    PROVINCE_LINE,
    SEA_COLOR,
    WIND_COLOR,
)

__all__ = ["THUMB_WIDTH", "thumbnail_size", "thumbnail_svg"]

#: Drawn width of a thumbnail in px (the home page shows it smaller; SVG stays sharp).
THUMB_WIDTH = 96

_COS = math.cos(math.radians(38.5))  # svgmap's projection, so dots sit on its outlines
_PAD = 4.0
_BORDER = DISTRICT_LINE["color"]  # the lines the maps draw (spec.style)
_OUTLINE = PROVINCE_LINE["color"]
_TOLERANCE_PX = 1.0  # simplification, in px of the drawing
_MIN_AREA = 2.0  # rings smaller than this (px²) are left out
_HATCH_ID = "h"  # the one pattern of a thumbnail: a fixed id, so rebuilds are equal
_HATCH = (
    f'<defs><pattern id="{_HATCH_ID}" width="4" height="4" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/>'
    f'<line x1="0" y1="0" x2="0" y2="4" stroke="{WIND_COLOR}" stroke-width="1.6"/>'
    "</pattern></defs>"
)


def thumbnail_svg(spec: MapSpec, *, width: int = THUMB_WIDTH) -> str:
    """A standalone SVG file (text) picturing the map ``spec`` at ``width`` px.

    Parameters
    ----------
    spec
        The map: a choropleth gives its class colours; the OSB, wind and
        combined maps add their points (OSBs red, wind green).
    width
        Drawn width in px; the height follows İzmir's shape.

    Returns
    -------
    str
        The SVG document, ending in a line break; decorative (``aria-hidden``),
        as the page beside it names the map.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> svg = thumbnail_svg(choropleth_spec("employees"))
    >>> svg.startswith("<svg") and len(svg.encode()) < 6_000
    True
    """
    fills = _fills(spec)
    shapes = _shapes(width)
    hatch = any(f == f"url(#{_HATCH_ID})" for f in fills.values())
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {shapes.height}" '
        f'width="{width}" height="{shapes.height}" aria-hidden="true">',
        _HATCH if hatch else "",
        f'<rect width="100%" height="100%" fill="{SEA_COLOR}"/>',
        f'<path d="{shapes.land}" fill="{LAND_COLOR}"/>',
        f'<g stroke="{_BORDER}" stroke-width="0.5" stroke-linejoin="round">',
    ]
    for pcode, d in shapes.districts.items():
        parts.append(f'<path d="{d}" fill="{fills.get(pcode, NO_DATA_COLOR)}"/>')
    parts.append(
        f'</g><path d="{shapes.outline}" fill="none" stroke="{_OUTLINE}" stroke-width="0.8"/>'
    )
    parts += _markers(spec, width)
    parts.append("</svg>\n")
    return "".join(parts)


def thumbnail_size(width: int = THUMB_WIDTH) -> tuple[int, int]:
    """Width and height in px of every thumbnail drawn at ``width`` (İzmir's shape)."""
    return width, _shapes(width).height


@dataclass(frozen=True)
class _Shapes:
    """The simplified outlines of a thumbnail as SVG path data."""

    districts: dict[str, str]
    land: str
    outline: str
    height: int


@lru_cache(maxsize=4)
def _shapes(width: int) -> _Shapes:
    """İzmir's districts, the land around and the province outline, simplified for ``width``.

    Borders are simplified together (shared borders stay shared), to about one
    pixel; islands and rings under :data:`_MIN_AREA` px² are left out.
    """
    districts = load_districts("web")
    west, north, scale = _frame(width)
    _, miny, maxx, _ = (float(v) for v in districts.total_bounds)
    height = round((north - miny) * scale + 2 * _PAD)
    simple = shapely.coverage_simplify(districts.geometry.values, _TOLERANCE_PX / scale)
    frame = shapely.box(west - 1, miny - 1, maxx + 1, north + 1)
    land = gpd.GeoSeries(load_neighbours().geometry).union_all().intersection(frame)
    land = land.simplify(_TOLERANCE_PX / scale)
    return _Shapes(
        districts={
            str(p): _path(g, width) for p, g in zip(districts["pcode"], simple, strict=True)
        },
        land=_path(land, width),
        outline=_path(shapely.union_all(simple), width),
        height=height,
    )


def _path(geom: shapely.Geometry, width: int) -> str:
    """Path data of ``geom`` in whole pixels, relative steps (``M12 30l1 -2…z``)."""
    rings = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in [poly.exterior, *poly.interiors]:
            points = _pixels(ring.coords, width)
            if len(points) < 3 or abs(_area(points)) < _MIN_AREA:
                continue  # an islet smaller than a pixel or two: invisible at this size
            steps = [f"{x - px} {y - py}" for (px, py), (x, y) in itertools.pairwise(points)]
            rings.append(f"M{points[0][0]} {points[0][1]}l{' '.join(steps)}z")
    return "".join(rings)


def _pixels(coords: object, width: int) -> list[tuple[int, int]]:
    """Ring coordinates as whole pixels, repeated points dropped (closing point too)."""
    out: list[tuple[int, int]] = []
    for lon, lat in coords:  # type: ignore[attr-defined]
        x, y = _project(lon, lat, width)
        p = (round(x), round(y))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _area(points: list[tuple[int, int]]) -> float:
    """Signed area of a ring in px² (shoelace)."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2


def _fills(spec: MapSpec) -> dict[str, str]:
    """Fill of each district: its class colour; on the wind maps, proposed districts hatched."""
    districts = spec.districts
    classes = spec.classification
    if classes is not None:
        fills = {
            str(p): classes.color_of(i)
            for i, p in zip(districts.index, districts["pcode"], strict=True)
        }
    else:
        fills = {str(p): LAND_COLOR for p in districts["pcode"]}
    if spec.kind == "wind":  # the combined map keeps its employment colours
        fills |= {p: f"url(#{_HATCH_ID})" for p in spec.wind_proposed}
    return fills


def _markers(spec: MapSpec, width: int) -> list[str]:
    """The map's points as SVG circles: wind farms, the 2009 capacity circle, OSBs on top."""
    out: list[str] = []
    layers = (
        (spec.wind_farms, WIND_COLOR, 1.6),
        (spec.wind_points, WIND_COLOR, 4.5),  # the report's one proportional circle
        (spec.osbs, OSB_COLOR, 2.0),
    )
    for frame, color, radius in layers:
        if frame is None or not len(frame) or not isinstance(frame, gpd.GeoDataFrame):
            continue
        points = frame.to_crs(4326) if frame.crs else frame
        circles = [
            '<circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}"/>'.format(
                *_project(p.x, p.y, width), radius
            )
            for p in points.geometry
            if p is not None and not p.is_empty
        ]
        if circles:
            out.append(
                f'<g fill="{color}" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.5">'
                + "".join(circles)
                + "</g>"
            )
    return out


@lru_cache(maxsize=4)
def _frame(width: int) -> tuple[float, float, float]:
    """(west, north, px per degree of latitude) of :func:`svg_map`'s drawing at ``width``."""
    minx, _miny, maxx, maxy = load_districts("web").total_bounds
    scale = (width - 2 * _PAD) / ((maxx - minx) * _COS)
    return float(minx), float(maxy), float(scale)


def _project(lon: float, lat: float, width: int) -> tuple[float, float]:
    west, north, scale = _frame(width)
    return (lon - west) * _COS * scale + _PAD, (north - lat) * scale + _PAD
