"""Small, script-free SVG maps of İzmir for pages: locators, small multiples, LISA maps.

Coordinates are projected with an equirectangular projection scaled by
cos(38.5°), which keeps İzmir's shape true to within a fraction of a percent,
and rounded to 0.1 px so files stay small and identical run after run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import geopandas as gpd
import numpy as np
import shapely
from markupsafe import Markup
from shapely.ops import polylabel

from izmir_maps.data.boundaries import load_districts, load_neighbours
from izmir_maps.spec.style import (
    DISTRICT_LINE,
    LAND_COLOR,
    NO_DATA_COLOR,
    PROVINCE_LINE,
    SEA_COLOR,
)

__all__ = ["MapShapes", "map_shapes", "svg_map"]

_BORDER = DISTRICT_LINE["color"]  # the same lines as the maps draw (spec.style)
_OUTLINE = PROVINCE_LINE["color"]

#: A closed ring of points in tenths of a pixel (integers, so neighbours share them exactly).
Ring = tuple[tuple[int, int], ...]

_COS = math.cos(math.radians(38.5))
_PAD = 4.0


def svg_map(
    fills: Mapping[str, str],
    *,
    width: int = 320,
    titles: Mapping[str, str] | None = None,
    highlight: set[str] | frozenset[str] = frozenset(),
    label: str = "",
    css_class: str = "izmap",
    districts: Mapping[str, str] | None = None,
) -> Markup:
    """An inline SVG of the 30 districts, as ``Markup`` ready for a template.

    Parameters
    ----------
    fills
        Fill colour per P-code; districts not given are drawn in the no-data grey.
    width
        Width in px; the height follows İzmir's shape.
    titles
        Hover text per P-code (SVG ``<title>``); escaped.
    highlight
        P-codes drawn with a thick dark outline.
    label
        Accessible name of the map (``aria-label``); escaped.
    css_class
        Class of the ``<svg>`` element.
    districts
        Slug per P-code, written as ``data-district`` on its path so a page
        script can link the map to other views of the same district.

    Examples
    --------
    >>> svg = svg_map({"TUR035001": "#08519c"}, highlight={"TUR035001"}, label="Aliağa")
    >>> svg.startswith("<svg") and svg.count("<path") >= 30
    True
    """
    paths, _, neighbours, outline, (w, h), _ = _geometry(width)
    titles = titles or {}
    districts = districts or {}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" '
        f'viewBox="0 0 {w:.0f} {h:.0f}" width="{w:.0f}" height="{h:.0f}" role="img" '
        f'aria-label="{escape(label)}">',
        f'<rect width="100%" height="100%" fill="{SEA_COLOR}"/>',
        f'<path d="{neighbours}" fill="{LAND_COLOR}" stroke="#c8c3b8" stroke-width="0.5"/>',
    ]
    for pcode, d in paths.items():
        fill = fills.get(pcode, NO_DATA_COLOR)
        title = titles.get(pcode)
        inner = f"<title>{escape(title)}</title>" if title else ""
        slug = districts.get(pcode)
        linked = f' data-district="{escape(slug)}"' if slug else ""
        parts.append(
            f'<path d="{d}" fill="{escape(fill)}" stroke="{_BORDER}" stroke-width="0.6" '
            f'data-pcode="{pcode}"{linked}>{inner}</path>'
        )
    parts.append(
        f'<path d="{outline}" fill="none" stroke="{_OUTLINE}" stroke-width="0.9" '
        'pointer-events="none"/>'
    )
    for pcode in sorted(highlight):
        if pcode in paths:
            parts.append(
                f'<path d="{paths[pcode]}" fill="none" stroke="#111111" stroke-width="2" '
                'pointer-events="none"/>'
            )
    parts.append("</svg>")
    # Every text above is escaped, so pages may insert the SVG as it is.
    return Markup("".join(parts))


@dataclass(frozen=True)
class MapShapes:
    """The districts of :func:`svg_map` as SVG path data, for figures drawn elsewhere.

    The same projection, simplification and rounding as :func:`svg_map` at the
    same ``width``, so a figure that draws these paths matches the pages' maps.

    Attributes
    ----------
    paths
        SVG path data per P-code.
    rings
        The points of those paths per P-code: its rings, each a tuple of ``(x, y)``
        in integer tenths of a unit, not closed (the path's "Z" closes it).
    neighbours
        The neighbouring provinces' land, one path.
    outline
        İzmir's outline, coastline included, one path.
    width, height
        Size in px (user units) of the map.
    anchors
        A point well inside each district (its pole of inaccessibility, on the
        largest part), where its name can be written.
    frame
        ``(min_lon, max_lat, px_per_degree)`` of the projection; see :meth:`xy`.
    """

    paths: Mapping[str, str]
    rings: Mapping[str, tuple[Ring, ...]]
    neighbours: str
    outline: str
    width: float
    height: float
    anchors: Mapping[str, tuple[float, float]]
    frame: tuple[float, float, float]
    #: ``(x0, y0, x1, y1)`` in px of each district's path.
    extents: Mapping[str, tuple[float, ...]]

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        """The map position of a longitude and latitude, rounded to 0.1 px.

        Examples
        --------
        >>> shapes = map_shapes(320)
        >>> shapes.xy(*shapes.frame[:2])
        (4.0, 4.0)
        """
        minx, maxy, scale = self.frame
        return round((lon - minx) * _COS * scale + _PAD, 1), round((maxy - lat) * scale + _PAD, 1)


def map_shapes(width: int = 320) -> MapShapes:
    """The 30 districts, their neighbours and İzmir's outline as path data ``width`` px wide.

    Examples
    --------
    >>> shapes = map_shapes(320)
    >>> len(shapes.paths), shapes.width, round(shapes.height)
    (30, 320.0, 280)
    """
    paths, rings, neighbours, outline, (w, h), extents = _geometry(width)
    minx, maxy, scale, _ = _frame(width)
    frame = (minx, maxy, scale)
    anchors = _anchors(width)
    return MapShapes(
        dict(paths), dict(rings), neighbours, outline, w, h, anchors, frame, dict(extents)
    )


@lru_cache(maxsize=16)
def _frame(width: int) -> tuple[float, float, float, float]:
    """``(min_lon, max_lat, px_per_degree, height)`` of a map ``width`` px wide."""
    minx, miny, maxx, maxy = load_districts("web").total_bounds
    scale = (width - 2 * _PAD) / ((maxx - minx) * _COS)
    height = (maxy - miny) * scale + 2 * _PAD
    return float(minx), float(maxy), float(scale), float(height)


@lru_cache(maxsize=16)
def _anchors(width: int) -> dict[str, tuple[float, float]]:
    districts = load_districts("web")
    minx, maxy, scale, _ = _frame(width)

    def project(xy):
        return np.column_stack(
            ((xy[:, 0] - minx) * _COS * scale + _PAD, (maxy - xy[:, 1]) * scale + _PAD)
        )

    out = {}
    for pcode, geom in zip(districts["pcode"], districts.geometry, strict=True):
        largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        point = polylabel(shapely.transform(largest, project), tolerance=0.5)
        out[pcode] = (round(point.x, 1), round(point.y, 1))
    return out


@lru_cache(maxsize=16)
def _geometry(
    width: int,
) -> tuple[
    dict[str, str],
    dict[str, tuple[Ring, ...]],
    str,
    str,
    tuple[float, float],
    dict[str, tuple[float, ...]],
]:
    districts = load_districts("web")
    minx, maxy, scale, height = _frame(width)
    _, miny, maxx, _ = districts.total_bounds

    def to_xy(x: float, y: float) -> tuple[float, float]:
        return (x - minx) * _COS * scale + _PAD, (maxy - y) * scale + _PAD

    # Simplify to half a pixel: shared borders stay shared, the file stays small.
    tolerance = 0.5 / scale
    simple = shapely.coverage_simplify(districts.geometry.values, tolerance)
    # Tuples: the rings are cached here and handed out in every MapShapes.
    rings = {
        p: tuple(map(tuple, _rings(g, to_xy)))
        for p, g in zip(districts["pcode"], simple, strict=True)
    }
    paths = {pcode: _path(r) for pcode, r in rings.items()}
    extents = {pcode: _extent(r) for pcode, r in rings.items()}
    frame = shapely.box(minx - 1, miny - 1, maxx + 1, maxy + 1)
    neighbours = gpd.GeoSeries(load_neighbours().geometry).union_all().intersection(frame)
    neighbours = neighbours.simplify(tolerance)
    province = shapely.union_all(simple)
    return (
        paths,
        rings,
        _path(_rings(neighbours, to_xy)),
        _path(_rings(province, to_xy)),
        (float(width), height),
        extents,
    )


def _rings(geom: shapely.Geometry, to_xy) -> list[list[tuple[int, int]]]:
    """Every ring of ``geom`` on the map, in tenths of a pixel; rings of under 3 points go."""
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in [poly.exterior, *poly.interiors]:
            points = _dedupe([to_xy(x, y) for x, y in ring.coords])
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()  # "Z" closes it
            if len(points) >= 3:
                out.append([(round(x * 10), round(y * 10)) for x, y in points])
    return out


def _path(rings: Iterable[Sequence[tuple[int, int]]]) -> str:
    """SVG path data of ``rings``: each ring's first point, then relative moves ("l").

    Relative moves of 0.1 px are a third of the bytes of absolute coordinates.

    Examples
    --------
    >>> _path([[(570, 215), (580, 232), (564, 231)]])
    'M57 21.5l1 1.7-1.6-.1Z'
    """
    return path_data(rings, closed=True)


def path_data(lines: Iterable[Sequence[tuple[int, int]]], *, closed: bool) -> str:
    """SVG path data of ``lines`` (points in tenths of a px), closed into rings or left open.

    Examples
    --------
    >>> path_data([[(0, 0), (10, -5)]], closed=False)
    'M0 0l1-.5'
    """
    out = []
    for line in lines:
        (x, y), text = line[0], ""
        for nx, ny in line[1:]:
            for step in (_tenths(nx - x), _tenths(ny - y)):
                text += step if not text or step.startswith("-") else " " + step
            x, y = nx, ny
        out.append(f"M{_tenths(line[0][0])} {_tenths(line[0][1])}" + (f"l{text}" if text else ""))
        if closed:
            out[-1] += "Z"
    return "".join(out)


def _tenths(value: int) -> str:
    """A length in tenths of a pixel, written as short as SVG reads it: 5 → ".5", -10 → "-1"."""
    text = f"{value / 10:.1f}".removesuffix(".0")
    if text.startswith(("0.", "-0.")):
        text = text.replace("0.", ".", 1)
    return text


def _extent(rings: Sequence[Sequence[tuple[int, int]]]) -> tuple[float, ...]:
    """``(x0, y0, x1, y1)`` in px of the points of ``rings``."""
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs) / 10, min(ys) / 10, max(xs) / 10, max(ys) / 10


def _dedupe(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for x, y in points:
        p = (round(x, 1), round(y, 1))
        if not out or out[-1] != p:
            out.append(p)
    return out
