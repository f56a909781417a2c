"""The body of a static map on the district grid (a helper of :mod:`render_static`).

On the equal-area grid (:mod:`izmir_maps.data.grid`) every district is one
hexagon of the same size, placed near its real position. Distances, the
coastline and the land around İzmir mean nothing there, so the print map has
no scale bar, north arrow, context provinces, sea or city-centre inset: only
the hexagons, their fills and hatches, and each district's full name written
inside its hexagon.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from shapely.ops import polylabel

from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.static._labels import LabelRequest, Placed, place_labels
from izmir_maps.static._layers import Geo, draw_base
from izmir_maps.static._legend import text_width
from izmir_maps.static._look import Look

__all__ = ["GRID_FACE", "draw_grid", "grid_label_size", "setup_grid_axes"]

#: Background of a grid map: paper, not sea (the grid has no coast).
GRID_FACE = "#ffffff"
#: Share of a hexagon's width across its middle that its name may take.
_NAME_SHARE = 0.82
#: Names are never set smaller than this (points): below it the grid is too small to read.
_MIN_SIZE = 4.0


def setup_grid_axes(ax: Axes) -> None:
    """White paper without a frame: a grid is a diagram, not a window onto land and sea."""
    ax.set_facecolor(GRID_FACE)
    for spine in ax.spines.values():
        spine.set_visible(False)


def draw_grid(ax: Axes, spec: MapSpec, geo: Geo, lk: Look, *, labels: bool) -> None:
    """Hexagons (fills, hatches, outlines) and every district's name inside its hexagon.

    The names take the look's label size, larger if every name still fits
    its hexagon (up to 1.2 times), smaller if the longest would not. A unit
    of two hexagons (a 2008 parent with its new district, "Konak (Karabağlar
    dahil)") has its name broken into lines that each fit a hexagon.
    """
    draw_base(ax, spec, geo, lw=lk.line)
    if not labels:
        return
    names = [str(n) for n in geo.districts["district"]]
    shapes = list(geo.districts.geometry)
    single = min(shape.area for shape in shapes) * 1.01
    room = _hexagon_inches(ax, geo) * _NAME_SHARE
    size = grid_label_size(
        ax, geo, [n for n, g in zip(names, shapes, strict=True) if g.area <= single], lk.label
    )
    requests = []
    for name, shape in zip(names, shapes, strict=True):
        # a unit of two hexagons is named in one of them, not across the narrow join
        centre = shape.centroid if shape.area <= single else polylabel(shape, tolerance=100.0)
        requests.append(
            LabelRequest(
                _broken(name, size, room),
                (centre.x, centre.y),
                "district",
                size,
                area=shape,
                weight="bold",
            )
        )
    place_labels(ax, requests, placed=Placed.empty(), halo=lk.halo)


def grid_label_size(ax: Axes, geo: Geo, names: list[str], preferred: float) -> float:
    """Font size (points) at which the longest of ``names`` fits :data:`_NAME_SHARE` of a hexagon.

    ``preferred`` up to 1.2 times it, never under :data:`_MIN_SIZE`.
    """
    if not names:
        return preferred
    room = _hexagon_inches(ax, geo) * _NAME_SHARE
    widest = max(text_width(n, 10.0, "bold") for n in names)  # width scales with size
    fits = 10.0 * room / widest
    return max(_MIN_SIZE, min(preferred * 1.2, math.floor(fits * 10) / 10))


def _hexagon_inches(ax: Axes, geo: Geo) -> float:
    """Width of one hexagon across its middle on the page, inches (every hexagon is alike)."""
    x0, _, x1, _ = min(geo.districts.geometry, key=lambda g: g.area).bounds
    width_in = ax.get_position().width * ax.figure.get_size_inches()[0]
    xlim = ax.get_xlim()
    return (x1 - x0) / abs(xlim[1] - xlim[0]) * width_in


def _broken(name: str, size: float, room: float) -> str:
    """``name`` in lines of whole words that each fit ``room`` inches where it can."""
    lines: list[str] = []
    for word in name.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, "bold") <= room:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)
