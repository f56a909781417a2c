"""Map layers of the static renderer: land, sea, districts, symbols, scale bar, north arrow.

Everything is drawn in UTM zone 35N (metres), so distances on the page are
true and the scale bar in km is exact. Colours come from
:mod:`izmir_maps.spec.style` and the spec's classification only.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.patches import Polygon, Rectangle
from matplotlib.path import Path

from izmir_maps.data.boundaries import EQUAL_AREA_CRS
from izmir_maps.data.locations import APPROXIMATE, SOURCED
from izmir_maps.spec.legend import nice_number
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    DISTRICT_LINE,
    LAND_COLOR,
    NO_DATA_COLOR,
    OSB_COLOR,
    PROPOSED_WIND_COLOR,
    PROVINCE_LINE,
    WIND_COLOR,
    wind_radius,
)
from izmir_maps.static._memo import Memo, digest, try_digest
from izmir_maps.static._simplify import simplify_arcs

__all__ = [
    "BOUNDARY_HATCH",
    "CENTRE_PCODES",
    "DISTRICT_FILL",
    "FARM_EDGE",
    "NO_DATA_HATCH",
    "NO_DATA_HATCH_COLOR",
    "OSB_MARKERS",
    "PRINT_TOLERANCE_MM",
    "PROPOSED_HATCH",
    "Geo",
    "draw_base",
    "draw_north_arrow",
    "draw_osbs",
    "draw_scale_bar",
    "draw_wind",
    "nice_ticks",
    "osb_kinds",
    "prepare",
    "print_tolerance",
]

#: The districts crowded around the gulf, labelled in the city-centre inset:
#: Balçova, Bayraklı, Bornova, Buca, Çiğli, Gaziemir, Güzelbahçe, Karabağlar,
#: Karşıyaka, Konak, Narlıdere.
CENTRE_PCODES = (
    "TUR035002",
    "TUR035004",
    "TUR035007",
    "TUR035008",
    "TUR035010",
    "TUR035013",
    "TUR035014",
    "TUR035015",
    "TUR035017",
    "TUR035021",
    "TUR035024",
)
#: Fill of districts on maps without a choropleth.
DISTRICT_FILL = "#ffffff"
NO_DATA_HATCH = "//////"
NO_DATA_HATCH_COLOR = "#a6a6a6"
PROPOSED_HATCH = "///"
BOUNDARY_HATCH = "\\\\\\"
FARM_EDGE = "#333333"
#: Marker per OSB ``kind``: OSBs are squares, everything that is not an OSB another shape.
OSB_MARKERS = {
    "osb": "s",
    "agricultural_osb": "^",
    "free_zone": "D",
    "private_industrial_zone": "h",
}
_NEIGHBOUR_EDGE = "#b9b4aa"
_INK = "#1a1a1a"
_BORDER_FILL_M = 600.0  # closes slivers between the detailed districts and the coarse neighbours
_COARSE_M = 100.0
_PRINT_M = 10.0
#: Largest shift of a drawn boundary on paper, mm: a quarter of 0.1 mm, under a third of a
#: 300-dpi pixel (0.085 mm). ``None`` draws the 10 m layer every map used before (for comparisons).
PRINT_TOLERANCE_MM: float | None = 0.025


@dataclass
class Geo:
    """The spec's layers projected to UTM 35N, computed once per map.

    Attributes
    ----------
    districts, neighbours
        Projected polygons (``districts`` keeps the spec's row order and index).
    outline
        İzmir's territory (the union of the districts).
    border_fill
        Land that closes the gaps along the border with the coarse neighbour layer.
    land
        All land, simplified to 100 m: for placing labels, never drawn.
    centre
        The central districts (:data:`CENTRE_PCODES`), simplified to 100 m.
    osbs, wind_points, wind_farms
        Projected points (``None`` when the spec has none).
    """

    districts: gpd.GeoDataFrame
    neighbours: gpd.GeoDataFrame
    outline: shapely.Geometry
    border_fill: shapely.Geometry
    land: shapely.Geometry
    centre: shapely.Geometry
    osbs: gpd.GeoDataFrame | None
    wind_points: gpd.GeoDataFrame | None
    wind_farms: gpd.GeoDataFrame | None
    projected: np.ndarray | None = None  # the districts as given, projected, in row order
    key: bytes | None = None  # digest of the boundaries: the memo key of their drawn layers

    def view(self, pcodes: tuple[str, ...] | None = None, margin: float = 0.03) -> np.ndarray:
        """``[x0, y0, x1, y1]`` around all districts, or around ``pcodes``, plus a margin."""
        shapes = self.districts.geometry
        if pcodes is not None:
            shapes = shapes[self.districts["pcode"].isin(pcodes)]
        x0, y0, x1, y1 = shapes.total_bounds
        pad = margin * max(x1 - x0, y1 - y0)
        return np.array([x0 - pad, y0 - pad, x1 + pad, y1 + pad])


def prepare(spec: MapSpec) -> Geo:
    """Project the spec's layers to UTM 35N and derive the shapes every map needs.

    The district boundaries are simplified to 10 m together (shared borders
    stay shared): finer than a 1200 dpi printer dot even in the city-centre
    inset, and half the vertices of the detailed layer.

    The derived shapes depend on the boundaries alone, so they are computed
    once per process for each set of boundaries (an atlas draws sixty maps of
    the same districts) and shared: shapely geometries never change, and every
    call gets its own frames.
    """
    districts = spec.districts.to_crs(EQUAL_AREA_CRS)
    neighbours = spec.neighbours.to_crs(EQUAL_AREA_CRS)
    central = districts["pcode"].isin(CENTRE_PCODES).to_numpy()
    projected = districts.geometry.to_numpy()
    key = digest("shapes", projected, central, neighbours.geometry.to_numpy())
    shapes = _SHAPES.get(key, lambda: _derive(projected, central, neighbours))
    districts = districts.set_geometry(
        gpd.GeoSeries(shapes.drawn.copy(), index=districts.index, crs=districts.crs)
    )
    return Geo(
        districts=districts,
        neighbours=neighbours,
        outline=shapes.outline,
        border_fill=shapes.border_fill,
        land=shapes.land,
        centre=shapes.centre,
        osbs=_project(spec.osbs),
        wind_points=_project(spec.wind_points),
        wind_farms=_project(spec.wind_farms),
        projected=projected,
        key=key,
    )


@dataclass(frozen=True)
class _Shapes:
    """What :func:`prepare` derives from the projected boundaries (see :class:`Geo`)."""

    drawn: np.ndarray  # the districts' simplified polygons, in their row order
    outline: shapely.Geometry
    border_fill: shapely.Geometry
    land: shapely.Geometry
    centre: shapely.Geometry


_SHAPES: Memo[_Shapes] = Memo(4)


def _derive(districts: np.ndarray, central: np.ndarray, neighbours: gpd.GeoDataFrame) -> _Shapes:
    drawn = shapely.coverage_simplify(districts, _PRINT_M)
    drawn.flags.writeable = False
    outline = shapely.union_all(drawn)
    coarse = shapely.simplify(outline, _COARSE_M)
    neighbour_land = shapely.union_all(neighbours.geometry.to_numpy())
    border_fill = shapely.intersection(
        coarse.buffer(_BORDER_FILL_M), neighbour_land.buffer(_BORDER_FILL_M)
    ).difference(outline)
    return _Shapes(
        drawn=drawn,
        outline=outline,
        border_fill=border_fill,
        land=shapely.union_all([coarse, shapely.simplify(neighbour_land, _COARSE_M), border_fill]),
        centre=shapely.simplify(shapely.union_all(drawn[central]), _COARSE_M),
    )


@dataclass(frozen=True)
class _Drawn:
    """The district layer as drawn at one print tolerance."""

    districts: np.ndarray  # in the row order of Geo.districts
    outline: shapely.Geometry
    border_fill: shapely.Geometry


_DRAWN: Memo[_Drawn] = Memo(8)


def print_tolerance(ax: Axes) -> float:
    """The simplification tolerance of ``ax``'s map, metres: :data:`PRINT_TOLERANCE_MM` on paper.

    Rounded down to 1, 2, 3 or 5 times a power of ten, so maps of one scale share
    one simplified layer; ``0`` for :data:`PRINT_TOLERANCE_MM` ``None``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure(figsize=(6, 6)).add_axes((0, 0, 1, 1))
    >>> _ = ax.set_xlim(0, 200_000)  # 200 km on 152.4 mm: 1312 m a mm, 33 m for 0.025 mm
    >>> print_tolerance(ax)
    30.0
    """
    if PRINT_TOLERANCE_MM is None:
        return 0.0
    width_mm = ax.get_position().width * ax.figure.get_size_inches()[0] * 25.4
    x0, x1 = ax.get_xlim()
    metres = PRINT_TOLERANCE_MM * abs(x1 - x0) / width_mm
    step = 10.0 ** np.floor(np.log10(metres))
    return float(max(m * step for m in (1, 2, 3, 5) if m * step <= metres))


def _drawn(geo: Geo, tolerance: float) -> _Drawn:
    """The districts, their outline and the border fill simplified to ``tolerance`` (memoised)."""
    if tolerance <= 0 or geo.projected is None:
        return _Drawn(geo.districts.geometry.to_numpy(), geo.outline, geo.border_fill)

    def compute() -> _Drawn:
        districts = simplify_arcs(geo.projected, tolerance)
        districts.flags.writeable = False
        return _Drawn(
            districts=districts,
            outline=shapely.union_all(districts),
            border_fill=shapely.simplify(geo.border_fill, tolerance),
        )

    key = digest("drawn", geo.key, tolerance) if geo.key is not None else None
    return _DRAWN.get(key, compute)


def draw_base(ax: Axes, spec: MapSpec, geo: Geo, *, lw: float) -> None:
    """Neighbouring land, district fills (choropleth or plain), hatches and boundaries.

    Every shape is clipped to the axes first, so a vector file holds only what is seen.
    """
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    pad = 0.02 * max(x1 - x0, y1 - y0)

    def clip(shapes: object) -> list:
        return list(
            shapely.clip_by_rect(np.asarray(shapes), x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        )

    drawn = _drawn(geo, print_tolerance(ax))
    _fill(ax, clip([drawn.border_fill]), facecolors=LAND_COLOR, zorder=1)
    _fill(
        ax,
        clip(geo.neighbours.geometry),
        facecolors=LAND_COLOR,
        edgecolors=_NEIGHBOUR_EDGE,
        linewidths=lw * 0.8,
        zorder=1,
        gid="neighbours",
    )
    shapes = clip(drawn.districts)
    if spec.classification is not None:
        colors = [spec.classification.color_of(i) for i in geo.districts.index]
        border = DISTRICT_LINE["color"]
    else:
        colors = [DISTRICT_FILL] * len(shapes)
        border = "#b3b3b3"
    _fill(
        ax, shapes, facecolors=colors, edgecolors=border, linewidths=lw, zorder=2, gid="districts"
    )
    missing = [s for s, c in zip(shapes, colors, strict=True) if c == NO_DATA_COLOR]
    if spec.classification is not None and missing:
        _hatch(ax, missing, NO_DATA_HATCH, NO_DATA_HATCH_COLOR, gid="no-data")
    for pcodes, hatch, color, gid in (
        (spec.caveats.hatched, BOUNDARY_HATCH, BOUNDARY_CHANGE_COLOR, "boundary-change"),
        (spec.wind_proposed, PROPOSED_HATCH, PROPOSED_WIND_COLOR, "wind-proposed"),
    ):
        if pcodes:
            chosen = geo.districts["pcode"].isin(pcodes).to_numpy()
            _hatch(ax, [g for g, c in zip(shapes, chosen, strict=True) if c], hatch, color, gid=gid)
    _fill(
        ax,
        clip([drawn.outline]),
        facecolors="none",
        edgecolors=PROVINCE_LINE["color"],
        linewidths=lw * 1.7,
        zorder=5,
        gid="province",
    )


def draw_osbs(ax: Axes, spec: MapSpec, geo: Geo, *, size: float, lw: float) -> list[dict]:
    """OSB markers: shape by kind, filled where sourced, hollow where approximate.

    Returns
    -------
    list of dict
        ``xy`` (data) and ``radius`` (points) of every marker, for label placement.
    """
    if geo.osbs is None:
        return []
    out = []
    for kind in osb_kinds(geo.osbs["kind"]):
        marker = OSB_MARKERS.get(kind, "o")
        rows = geo.osbs[geo.osbs["kind"] == kind]
        for location in (SOURCED, APPROXIMATE):
            part = rows[rows["location"] == location]
            if part.empty:
                continue
            face = OSB_COLOR if location == SOURCED else "white"
            ax.scatter(
                part.geometry.x,
                part.geometry.y,
                s=size**2,
                marker=marker,
                facecolors=face,
                edgecolors=OSB_COLOR,
                linewidths=lw,
                zorder=12,
                gid=f"osb-{kind}-{location}",
            )
    for point in geo.osbs.geometry:
        out.append({"xy": (point.x, point.y), "radius": size / 2 + lw})
    return out


def draw_wind(ax: Axes, spec: MapSpec, geo: Geo, *, max_radius: float, farm_size: float) -> list:
    """Proportional circles (area ∝ MW) and the present-day wind farms.

    Returns
    -------
    list of dict
        ``xy``, ``radius`` (points) and ``mw`` of each circle and farm marker.
    """
    out: list[dict] = []
    if geo.wind_points is not None:
        points = geo.wind_points.sort_values("capacity_mw", ascending=False, kind="stable")
        top = spec.legend.sizes.top  # the legend's largest circle, so map and legend agree
        for _, row in points.iterrows():
            radius = wind_radius(float(row["capacity_mw"]), top, max_radius)
            xy = (row.geometry.x, row.geometry.y)
            ax.scatter(
                [xy[0]],
                [xy[1]],
                s=(2 * radius) ** 2,
                marker="o",
                facecolors=_with_alpha(WIND_COLOR, 0.35),
                edgecolors=WIND_COLOR,
                linewidths=0.9,
                zorder=10,
                gid="wind-capacity",
            )
            out.append({"xy": xy, "radius": radius, "mw": float(row["capacity_mw"])})
    if geo.wind_farms is not None:
        for location in (SOURCED, APPROXIMATE):
            part = geo.wind_farms[geo.wind_farms["location"] == location]
            if part.empty:
                continue
            ax.scatter(
                part.geometry.x,
                part.geometry.y,
                s=farm_size**2,
                marker="^",
                facecolors=FARM_EDGE if location == SOURCED else "white",
                edgecolors=FARM_EDGE,
                linewidths=0.5,
                zorder=11,
                gid=f"wind-farm-{location}",
            )
            out += [{"xy": (p.x, p.y), "radius": farm_size / 2} for p in part.geometry]
    return out


def osb_kinds(kinds: pd.Series) -> list[str]:
    """The kinds present, in the order of :data:`OSB_MARKERS` (unknown kinds last, as circles)."""
    present = set(kinds.dropna().astype(str))
    return [k for k in OSB_MARKERS if k in present] + sorted(present - set(OSB_MARKERS))


def draw_scale_bar(
    ax: Axes,
    *,
    ticks_km: tuple[float, ...],
    xy: tuple[float, float],
    height: float,
    fontsize: float,
) -> list[Artist]:
    """An alternating black/white scale bar in km starting at ``xy`` (data coordinates).

    Returns
    -------
    list of matplotlib.artist.Artist
        Its bars and labels.
    """
    x0, y0 = xy
    out: list[Artist] = []
    for i, (a, b) in enumerate(itertools.pairwise(ticks_km)):
        bar = Rectangle(
            (x0 + a * 1000, y0),
            (b - a) * 1000,
            height,
            facecolor=_INK if i % 2 == 0 else "white",
            edgecolor=_INK,
            linewidth=0.5,
            zorder=20,
            gid="scale-bar",
        )
        ax.add_patch(bar)
        out.append(bar)
    style = {"fontsize": fontsize, "color": _INK, "zorder": 20, "gid": "scale-bar"}
    for tick in ticks_km:
        out.append(
            ax.text(
                x0 + tick * 1000, y0 + height * 1.6, f"{tick:g}", ha="center", va="bottom", **style
            )
        )
    end = x0 + ticks_km[-1] * 1000 + height * 1.5
    out.append(ax.text(end, y0 + height / 2, "km", ha="left", va="center", **style))
    return out


def draw_north_arrow(
    ax: Axes, *, xy: tuple[float, float], size: float, letter: str, fontsize: float
) -> list[Artist]:
    """A two-tone north arrow at ``xy``; UTM 35N grid north is true north to within 1° here.

    Returns
    -------
    list of matplotlib.artist.Artist
        The arrow's halves and its letter.
    """
    x, y = xy
    w = size * 0.32
    out: list[Artist] = []
    for side, face in ((-w, _INK), (w, "white")):
        half = Polygon(
            [(x, y + size), (x + side, y), (x, y + size * 0.28)],
            closed=True,
            facecolor=face,
            edgecolor=_INK,
            linewidth=0.5,
            zorder=20,
            gid="north-arrow",
        )
        ax.add_patch(half)
        out.append(half)
    out.append(
        ax.text(
            x,
            y + size * 1.08,
            letter,
            fontsize=fontsize,
            weight="bold",
            ha="center",
            va="bottom",
            color=_INK,
            zorder=20,
            gid="north-arrow",
        )
    )
    return out


def nice_ticks(width_m: float, fraction: float) -> tuple[float, ...]:
    """Scale-bar ticks in km: about ``fraction`` of ``width_m``, in 1–2–5 steps.

    Examples
    --------
    >>> nice_ticks(209_000, 0.2)
    (0, 10, 20, 40)
    >>> nice_ticks(50_000, 0.2)
    (0, 5, 10)
    """
    # a bar of up to 15 % less than asked, in steps that halve or quarter evenly
    length = nice_number(width_m * fraction / 1000 * 0.85, how="ceil", ladder=(1, 2, 4, 5))
    length = int(length) if float(length).is_integer() else length
    if length in (4, 40, 400):
        return (0, length // 4, length // 2, length)
    return (0, length / 2 if length % 2 else length // 2, length)


def _project(frame: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    if frame is None or frame.empty:
        return None
    return frame.to_crs(EQUAL_AREA_CRS)


def _path(geom: shapely.Geometry) -> Path:
    """A matplotlib path of a (multi)polygon, holes included."""
    vertices, codes = [], []
    for polygon in getattr(geom, "geoms", [geom]):
        if not isinstance(polygon, shapely.Polygon) or polygon.is_empty:
            continue  # clipping can leave stray lines or points
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            code = np.full(len(xy), Path.LINETO, dtype=Path.code_type)
            code[0], code[-1] = Path.MOVETO, Path.CLOSEPOLY
            vertices.append(xy)
            codes.append(code)
    if not vertices:
        return Path(np.zeros((0, 2)))
    return Path(np.concatenate(vertices), np.concatenate(codes))


def _fill(ax: Axes, shapes, *, zorder: float, gid: str | None = None, **style) -> None:
    """One collection of the (multi)polygons ``shapes``; a list of face colours follows them."""
    keep = [g is not None and not g.is_empty for g in shapes]
    paths = [_path(g) for g, k in zip(shapes, keep, strict=True) if k]
    faces = style.get("facecolors")
    if isinstance(faces, list):
        style["facecolors"] = [c for c, k in zip(faces, keep, strict=True) if k]
    style.setdefault("edgecolors", "none")
    style.setdefault("linewidths", 0)
    collection = PathCollection(paths, zorder=zorder, **style)
    collection.set_gid(gid)
    ax.add_collection(collection, autolim=False)


def _hatch(ax: Axes, shapes: list, hatch: str, color: str, *, gid: str) -> None:
    """One hatched shape of ``shapes`` merged: their shared borders are not written twice."""
    merged = _HATCHED.get(try_digest("hatch", shapes), lambda: shapely.union_all(shapes))
    _fill(ax, [merged], facecolors="none", hatch=hatch, hatchcolors=color, zorder=3, gid=gid)


_HATCHED: Memo[shapely.Geometry] = Memo(16)


def _with_alpha(color: str, alpha: float) -> tuple[float, float, float, float]:
    h = color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b, alpha)
