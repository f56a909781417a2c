"""Compact geometry for the HTML maps: shared borders stored once, as polyline strings.

Coordinates are rounded to integers on a grid: by default 1e-5° (about a metre, the
precision of the web boundary layer); the maps use a coarser grid (see
:mod:`izmir_maps.interactive._payload`). Each ring is cut into *arcs* where the set of polygons that own its edges changes, so a
border between two districts is stored once (as in TopoJSON) and the coast
plus the land border of the province are the arcs with a single owner. Each
arc is written as a Google polyline string (zig-zag varints of integer
deltas, 63 added to each 5-bit chunk), which takes about two characters per
coordinate; a dozen lines of inline JavaScript decode it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

__all__ = [
    "GRID",
    "Topology",
    "decode_polyline",
    "encode_polyline",
    "label_point",
    "polygons_of",
    "topology",
]

#: Coordinates are integers on this grid (degrees × 100,000, about a metre).
GRID = 100_000

Point = tuple[int, int]
Ring = list[Point]
ArcRef = int  # i for arc i, ~i (= -i - 1) for arc i reversed, as in TopoJSON


@dataclass
class Topology:
    """Arcs shared by a set of polygons.

    Attributes
    ----------
    arcs
        Each arc as a list of integer ``(x, y)`` grid points.
    shapes
        Per input geometry: polygons → rings → arc references.
    outer
        Indices of the arcs owned by a single ring (the outline of the union).
    """

    arcs: list[list[Point]] = field(default_factory=list)
    shapes: list[list[list[list[ArcRef]]]] = field(default_factory=list)
    outer: list[int] = field(default_factory=list)

    def encoded_arcs(self) -> list[str]:
        """Every arc as a polyline string."""
        return [encode_polyline(arc) for arc in self.arcs]


def polygons_of(geom: BaseGeometry, *, grid: int = GRID) -> list[list[Ring]]:
    """Polygons of ``geom`` as lists of integer grid rings (exterior first, unclosed).

    Rings that collapse to fewer than three points on ``grid`` (islets smaller
    than a grid cell) are left out.

    Examples
    --------
    >>> square = shapely.box(27.0, 38.0, 27.00002, 38.00001)
    >>> polygons_of(square)
    [[[(2700002, 3800000), (2700002, 3800001), (2700000, 3800001), (2700000, 3800000)]]]
    """
    out = []
    parts = getattr(geom, "geoms", [geom])
    for part in parts:
        if part.is_empty or part.geom_type != "Polygon":
            continue
        rings = [_grid_ring(part.exterior, grid)]
        rings += [_grid_ring(hole, grid) for hole in part.interiors]
        rings = [r for r in rings if len(r) >= 3]
        if rings:
            out.append(rings)
    return out


def topology(geoms: Sequence[BaseGeometry], *, grid: int = GRID) -> Topology:
    """Cut the rings of ``geoms`` into arcs and store each shared arc once.

    Parameters
    ----------
    geoms
        Polygons or multipolygons in degrees (WGS84) forming a clean
        coverage (shared borders have the same vertices).
    grid
        Coordinates are rounded to multiples of ``1 / grid`` degrees. A shared
        border has the same vertices on both sides, so it rounds alike and
        stays shared.

    Returns
    -------
    Topology
        The arcs, and for each geometry the arc references of its rings.

    Examples
    --------
    Two unit squares side by side share one border, stored once:

    >>> a = shapely.box(0, 0, 0.00001, 0.00001)
    >>> b = shapely.box(0.00001, 0, 0.00002, 0.00001)
    >>> topo = topology([a, b])
    >>> len(topo.arcs), topo.shapes, topo.outer
    (3, [[[[0, 1]]], [[[-1, 2]]]], [1, 2])
    """
    rings: list[Ring] = []
    where: list[list[list[int]]] = []  # geometry → polygon → ring ids
    for geom in geoms:
        polys = []
        for poly in polygons_of(geom, grid=grid):
            ids = []
            for ring in poly:
                ids.append(len(rings))
                rings.append(ring)
            polys.append(ids)
        where.append(polys)
    owners: dict[tuple[Point, Point], list[int]] = defaultdict(list)
    for rid, ring in enumerate(rings):
        for a, b in _edges(ring):
            owners[(a, b) if a <= b else (b, a)].append(rid)

    topo = Topology()
    index: dict[tuple[Point, ...], ArcRef] = {}
    single: set[int] = set()
    ring_refs = []
    for ring in rings:
        refs = []
        for run, is_outer in _runs(ring, owners):
            ref = _arc_ref(run, index, topo.arcs)
            if is_outer:
                single.add(ref if ref >= 0 else ~ref)
            refs.append(ref)
        ring_refs.append(refs)
    topo.shapes = [[[ring_refs[rid] for rid in poly] for poly in polys] for polys in where]
    topo.outer = sorted(single)
    return topo


def encode_polyline(points: Iterable[Point]) -> str:
    """Encode integer points as a polyline string (deltas, zig-zag, 5-bit chunks).

    Examples
    --------
    >>> encode_polyline([(0, 0), (1, -1), (33, 0)])
    '??A@_AA'
    >>> decode_polyline(encode_polyline([(2700000, 3800000), (2700010, 3799990)]))
    [(2700000, 3800000), (2700010, 3799990)]
    """
    out: list[str] = []
    px = py = 0
    for x, y in points:
        for delta in (x - px, y - py):
            value = ~(delta << 1) if delta < 0 else delta << 1
            while value >= 0x20:
                out.append(chr((0x20 | (value & 0x1F)) + 63))
                value >>= 5
            out.append(chr(value + 63))
        px, py = x, y
    return "".join(out)


def decode_polyline(text: str) -> list[Point]:
    """Inverse of :func:`encode_polyline` (used by the tests)."""
    values: list[int] = []
    shift = result = 0
    for char in text:
        chunk = ord(char) - 63
        result |= (chunk & 0x1F) << shift
        shift += 5
        if chunk < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    points = []
    x = y = 0
    for dx, dy in zip(values[::2], values[1::2], strict=True):
        x, y = x + dx, y + dy
        points.append((x, y))
    return points


def _grid_ring(ring: BaseGeometry, grid: int) -> Ring:
    """A linear ring as integer grid points, consecutive repeats dropped, unclosed.

    ``numpy.rint`` rounds half to even, as Python's ``round`` does.
    """
    xy = np.rint(shapely.get_coordinates(ring) * grid).astype(np.int64)
    if len(xy):
        keep = np.ones(len(xy), dtype=bool)
        keep[1:] = np.any(xy[1:] != xy[:-1], axis=1)
        xy = xy[keep]
    if len(xy) > 1 and (xy[0] == xy[-1]).all():
        xy = xy[:-1]
    return list(map(tuple, xy.tolist()))


def _edges(ring: Ring) -> list[tuple[Point, Point]]:
    return list(zip(ring, ring[1:] + ring[:1], strict=True))


def _runs(ring: Ring, owners: dict[tuple[Point, Point], list[int]]):
    """Split a ring into runs of edges with the same owners: [(points, single_owner)]."""
    keys = [tuple(owners[(a, b) if a <= b else (b, a)]) for a, b in _edges(ring)]
    n = len(ring)
    cuts = [i for i in range(n) if keys[i] != keys[i - 1]]
    if not cuts:  # one owner set all round: an island or an enclave
        return [(_canonical_cycle(ring), len(keys[0]) == 1)]
    runs = []
    for j, start in enumerate(cuts):
        stop = cuts[(j + 1) % len(cuts)]
        length = (stop - start) % n or n
        points = [ring[(start + k) % n] for k in range(length + 1)]
        runs.append((points, len(keys[start]) == 1))
    return runs


def _canonical_cycle(ring: Ring) -> list[Point]:
    """Closed ring starting at its smallest point, in the direction of the smaller neighbour."""
    i = ring.index(min(ring))
    forward = ring[i:] + ring[:i]
    backward = [forward[0], *reversed(forward[1:])]
    best = min(forward, backward)
    return [*best, best[0]]


def _arc_ref(points: list[Point], index: dict[tuple[Point, ...], ArcRef], arcs: list) -> ArcRef:
    key = tuple(points)
    if key in index:
        return index[key]
    reverse = key[::-1]
    if reverse in index:
        return ~index[reverse]
    arcs.append(points)
    index[key] = len(arcs) - 1
    return len(arcs) - 1


def label_point(geom: BaseGeometry) -> tuple[float, float]:
    """A label point well inside the largest part of ``geom``: ``(lat, lon)``, 5 decimals."""
    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda p: p.area)
    point = shapely.ops.polylabel(largest, tolerance=0.002)
    return round(point.y, 5), round(point.x, 5)
