"""The body of a static map: layers, furniture and labels (a helper of :mod:`render_static`).

:func:`draw_map` fills the main map axes, :func:`draw_inset` the city-centre
inset. Labels claim space in a fixed order — districts and symbol labels
first, then the names of the neighbouring provinces and the sea, which stay
out where no room is left.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
import shapely.ops
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import SEA_TEXT_COLOR
from izmir_maps.static._labels import (
    LabelRequest,
    Placed,
    figure_renderer,
    place_labels,
    plain,
)
from izmir_maps.static._layers import (
    CENTRE_PCODES,
    Geo,
    draw_base,
    draw_north_arrow,
    draw_osbs,
    draw_scale_bar,
    draw_wind,
    nice_ticks,
)
from izmir_maps.static._look import Look, word
from izmir_maps.static._memo import Memo, digest, try_digest
from izmir_maps.text.numbers import format_number

__all__ = ["FRAME", "INK", "draw_inset", "draw_map"]

FRAME = "#4d4d4d"
INK = "#1a1a1a"
_CONTEXT = "#7f7f7f"
_SEA_TEXT = SEA_TEXT_COLOR  # the sea names of both renderers (spec.style)
_OSB_TEXT = "#7a1020"
_WIND_TEXT = "#0d4d1f"

# Label anchors and the free land and sea that context names go in, by every input (see
# render_static_memo): most maps of an atlas repeat them exactly.
_REQUESTS: Memo[tuple[LabelRequest, ...]] = Memo(16)
_ANCHORS: Memo[tuple[shapely.Polygon, tuple[float, float]]] = Memo(256)
_AREAS: Memo[Any] = Memo(64)


def draw_map(
    ax: Axes,
    spec: MapSpec,
    geo: Geo,
    lk: Look,
    *,
    labels: bool,
    centre: tuple[str, ...] | None,
    inset: Axes | None,
) -> None:
    """Layers, scale bar, north arrow, the inset's frame and all labels of the main map.

    Districts in ``centre`` are left unnamed (the inset names them).
    """
    draw_base(ax, spec, geo, lw=lk.line)
    symbols = draw_osbs(ax, spec, geo, size=lk.osb_marker, lw=lk.line * 1.6)
    wind = draw_wind(ax, spec, geo, max_radius=lk.wind_radius, farm_size=lk.farm_marker)
    placed = Placed.empty()
    m_per_pt = _metres_per_point(ax)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    furniture = draw_scale_bar(
        ax,
        ticks_km=nice_ticks(x1 - x0, 0.2),
        xy=(x0 + 0.03 * (x1 - x0), y0 + 0.035 * (y1 - y0)),
        height=2.2 * m_per_pt,
        fontsize=lk.legend * 0.95,
    )
    furniture += draw_north_arrow(
        ax,
        xy=(x0 + 0.045 * (x1 - x0), y1 - 0.025 * (y1 - y0) - 30 * m_per_pt),
        size=20 * m_per_pt * (lk.title / 12),
        letter=word("north", spec.lang),
        fontsize=lk.legend,
    )
    _reserve(placed, furniture)
    if inset is not None:
        _reserve(placed, [inset], pad=3)
        (cx0, cx1), (cy0, cy1) = inset.get_xlim(), inset.get_ylim()
        frame = Rectangle(
            (cx0, cy0),
            cx1 - cx0,
            cy1 - cy0,
            fill=False,
            edgecolor=FRAME,
            linewidth=0.6,
            zorder=15,
            gid="inset-frame",
        )
        ax.add_patch(frame)
        # labels keep out of the framed centre unless there is no other room
        placed.add_box(_box_of(frame.get_window_extent(figure_renderer(ax.figure))), soft=True)
    _reserve_symbols(ax, placed, [*symbols, *wind])
    requests = _district_requests(ax, geo, lk.label, exclude=centre) if labels else []
    requests += _symbol_requests(ax, spec, geo, lk, wind, exclude=centre)
    place_labels(ax, requests, placed=placed, halo=lk.halo)
    # context names last: they take what space is left, or stay out
    place_labels(ax, _context_requests(ax, spec, geo, lk, placed), placed=placed, halo=lk.halo)


def draw_inset(inset: Axes, spec: MapSpec, geo: Geo, lk: Look, *, labels: bool) -> None:
    """The city-centre inset: the same layers, its title, the central names and a scale bar."""
    draw_base(inset, spec, geo, lw=lk.line * 1.2)
    symbols = draw_osbs(inset, spec, geo, size=lk.osb_marker, lw=lk.line * 1.6)
    wind = draw_wind(inset, spec, geo, max_radius=lk.wind_radius, farm_size=lk.farm_marker)
    placed = Placed.empty()
    title = inset.text(
        0.025,
        0.975,
        plain(word("centre", spec.lang)),
        transform=inset.transAxes,
        fontsize=lk.legend_title,
        weight="bold",
        ha="left",
        va="top",
        color=INK,
        zorder=40,
        gid="inset-title",
        bbox={"boxstyle": "square,pad=0.25", "facecolor": "white", "edgecolor": "none"},
    )
    _reserve(placed, [title], pad=2)
    _reserve_symbols(inset, placed, [*symbols, *wind])
    requests = _district_requests(inset, geo, lk.inset_label, only=CENTRE_PCODES) if labels else []
    requests += _symbol_requests(inset, spec, geo, lk, wind, only=CENTRE_PCODES)
    place_labels(inset, requests, placed=placed, halo=lk.halo)
    _inset_scale_bar(inset, lk, placed)
    (x0, x1), (y0, y1) = inset.get_xlim(), inset.get_ylim()
    gulf = _sea_request(inset, geo, np.array([x0, y0, x1, y1]), word("gulf", spec.lang), lk, placed)
    if gulf is not None:
        place_labels(inset, [gulf], placed=placed, halo=lk.halo)


def _inset_scale_bar(inset: Axes, lk: Look, placed: Placed) -> None:
    """A scale bar where the labels left room: along the bottom, else the top, shorter if need be."""
    (x0, x1), (y0, y1) = inset.get_xlim(), inset.get_ylim()
    renderer = figure_renderer(inset.figure)
    frame = _box_of(inset.get_window_extent(renderer), pad=-2)
    boxes = placed.hard_boxes(relaxed=True)
    spots = [(fx / 20, fy) for fy in (0.04, 0.86) for fx in range(1, 14)]
    for fraction in (0.25, 0.12):
        for fx, fy in spots:
            artists = draw_scale_bar(
                inset,
                ticks_km=nice_ticks(x1 - x0, fraction),
                xy=(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)),
                height=1.8 * _metres_per_point(inset),
                fontsize=lk.legend * 0.9,
            )
            extents = [_box_of(a.get_window_extent(renderer)) for a in artists]
            inside = all(
                e[0] >= frame[0] and e[1] >= frame[1] and e[2] <= frame[2] and e[3] <= frame[3]
                for e in extents
            )
            if inside and not any(_hits(e, boxes) for e in extents):
                for e in extents:
                    placed.add_box(e)
                return
            for artist in artists:
                artist.remove()


# --- label requests -----------------------------------------------------------------------------


def _district_requests(
    ax: Axes,
    geo: Geo,
    fontsize: float,
    *,
    exclude: tuple[str, ...] | None = None,
    only: tuple[str, ...] | None = None,
) -> list[LabelRequest]:
    def compute() -> tuple[LabelRequest, ...]:
        rows = geo.districts
        if exclude:
            rows = rows[~rows["pcode"].isin(exclude)]
        if only:
            rows = rows[rows["pcode"].isin(only)]
        rows = rows.assign(_area=rows.geometry.area).sort_values(["_area", "pcode"], kind="stable")
        out = []
        for _, row in rows.iterrows():
            part, anchor = _ANCHORS.get(
                digest("district_anchor", row.geometry), lambda g=row.geometry: _district_anchor(g)
            )
            out.append(LabelRequest(row["district"], anchor, "district", fontsize, area=part))
        return tuple(out)

    key = try_digest(
        "district_requests",
        list(geo.districts["pcode"]),
        list(geo.districts["district"]),
        geo.districts.geometry.to_numpy(),
        exclude,
        only,
        fontsize,
    )
    return list(_REQUESTS.get(key, compute))


def _district_anchor(geom: shapely.Geometry) -> tuple[shapely.Polygon, tuple[float, float]]:
    part = _largest(geom)
    anchor = shapely.ops.polylabel(part, tolerance=200.0)
    return part, (anchor.x, anchor.y)


def _symbol_requests(
    ax: Axes,
    spec: MapSpec,
    geo: Geo,
    lk: Look,
    wind: list[dict],
    *,
    exclude: tuple[str, ...] | None = None,
    only: tuple[str, ...] | None = None,
) -> list[LabelRequest]:
    """OSB short names (OSB map only) and the capacity beside each wind circle."""

    def wanted(x: float, y: float) -> bool:
        inside = geo.centre.contains(shapely.Point(x, y))
        return not (exclude and inside) and not (only and not inside)

    out = []
    if spec.kind == "osb" and geo.osbs is not None:
        for _, row in geo.osbs.iterrows():
            p = row.geometry
            name = row.get("short_name") or row.get("name")
            if isinstance(name, str) and name and wanted(p.x, p.y):
                out.append(
                    LabelRequest(
                        name,
                        (p.x, p.y),
                        "osb",
                        lk.label * 0.9,
                        clearance=lk.osb_marker / 2 + 0.5,
                        color=_OSB_TEXT,
                    )
                )
    for item in wind:
        if "mw" in item and wanted(*item["xy"]):
            label = f"{format_number(item['mw'], spec.lang, 1)} MW"
            out.append(
                LabelRequest(
                    label,
                    item["xy"],
                    "wind",
                    lk.label,
                    clearance=item["radius"],
                    weight="bold",
                    color=_WIND_TEXT,
                )
            )
    return out


def _context_requests(
    ax: Axes, spec: MapSpec, geo: Geo, lk: Look, placed: Placed
) -> list[LabelRequest]:
    """Neighbouring provinces and the sea, in grey and blue italics."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    view = np.array([x0, y0, x1, y1])
    rows = geo.neighbours.sort_values("province_pcode")
    names = list(rows["province"])
    shapes = list(rows.geometry)

    def compute() -> tuple[LabelRequest, ...]:
        frame = shapely.box(*view).buffer(-0.04 * (x1 - x0))
        blocked = _blocked(ax, placed)
        out = []
        for name, shape in zip(names, shapes, strict=True):
            coarse = shapely.simplify(shape, 250.0)
            visible = coarse.intersection(frame).difference(blocked).buffer(-2000)
            if visible.is_empty or visible.area < 2e8:
                continue
            part = _largest(visible)
            anchor = shapely.ops.polylabel(part, tolerance=500.0)
            out.append(
                LabelRequest(
                    name,
                    (anchor.x, anchor.y),
                    "neighbour",
                    lk.context,
                    area=part,
                    style="italic",
                    color=_CONTEXT,
                )
            )
        return tuple(out)

    key = _blocked_key(ax, placed)
    key = key and try_digest("neighbours", key, view, names, shapes, lk.context)
    out = list(_AREAS.get(key, compute))
    if not spec.districts["pcode"].astype(str).str.startswith("TUR035").any():
        return out  # "Ege Denizi" is İzmir's sea; other provinces' seas are not named
    sea = _sea_request(ax, geo, view, word("sea", spec.lang), lk, placed)
    return [*out, sea] if sea is not None else out


def _sea_request(
    ax: Axes, geo: Geo, view: np.ndarray, name: str, lk: Look, placed: Placed
) -> LabelRequest | None:
    def compute() -> LabelRequest | None:
        sea = shapely.box(*view).difference(geo.land).difference(_blocked(ax, placed))
        sea = sea.buffer(-0.01 * (view[2] - view[0]))
        if sea.is_empty:
            return None
        part = _largest(sea)
        anchor = shapely.ops.polylabel(part, tolerance=200.0)
        return LabelRequest(
            name,
            (anchor.x, anchor.y),
            "sea",
            lk.context,
            area=part,
            style="italic",
            color=_SEA_TEXT,
        )

    key = _blocked_key(ax, placed)
    return _AREAS.get(key and try_digest("sea", key, view, geo.land, name, lk.context), compute)


# --- helpers ------------------------------------------------------------------------------------


def _metres_per_point(ax: Axes) -> float:
    width_in = ax.get_position().width * ax.figure.get_size_inches()[0]
    x0, x1 = ax.get_xlim()
    return (x1 - x0) / (width_in * 72)


def _box_of(bbox: Any, pad: float = 1.0) -> np.ndarray:
    return np.array([bbox.x0 - pad, bbox.y0 - pad, bbox.x1 + pad, bbox.y1 + pad])


def _reserve(placed: Placed, artists: list, pad: float = 1.0) -> None:
    renderer = figure_renderer(artists[0].figure) if artists else None
    for artist in artists:
        placed.add_box(_box_of(artist.get_window_extent(renderer), pad=pad))


def _hits(box: np.ndarray, boxes: np.ndarray) -> bool:
    if not len(boxes):
        return False
    return bool(
        (
            (box[0] < boxes[:, 2])
            & (box[2] > boxes[:, 0])
            & (box[1] < boxes[:, 3])
            & (box[3] > boxes[:, 1])
        ).any()
    )


def _blocked(ax: Axes, placed: Placed) -> shapely.Geometry:
    """The reserved display boxes, as one shape in data coordinates."""
    to_data = ax.transData.inverted()
    shapes = []
    for box in placed.boxes:
        (a, b), (c, d) = to_data.transform([[box[0], box[1]], [box[2], box[3]]])
        shapes.append(shapely.box(a, b, c, d))
    return shapely.union_all(shapes) if shapes else shapely.GeometryCollection()


def _blocked_key(ax: Axes, placed: Placed) -> bytes | None:
    """A digest of everything :func:`_blocked` reads, or ``None`` if it cannot be keyed."""
    to_data = ax.transData.inverted()
    if not to_data.is_affine:
        return None
    return digest(placed.boxes, to_data.get_affine().get_matrix())


def _reserve_symbols(ax: Axes, placed: Placed, symbols: list[dict]) -> None:
    scale = ax.figure.dpi / 72
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for item in symbols:
        x, y = item["xy"]
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        cx, cy = ax.transData.transform((x, y))
        r = (item["radius"] + 0.5) * scale
        placed.add_box(np.array([cx - r, cy - r, cx + r, cy + r]), soft=True)


def _largest(geom: shapely.Geometry) -> shapely.Polygon:
    parts = list(getattr(geom, "geoms", [geom]))
    polygons = [p for p in parts if isinstance(p, shapely.Polygon)]
    return max(polygons, key=lambda p: p.area)
