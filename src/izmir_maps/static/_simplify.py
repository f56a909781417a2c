"""Print simplification of the district coverage on shared arcs (a helper of :mod:`render_static`).

The boundary network of the districts is cut into arcs — the stretches of
border between two districts, or between a district and the sea or the outer
border — and each arc is simplified once with Douglas–Peucker, so its two
districts get the same vertices: neighbours keep sharing their edges, and no
point of a simplified boundary is farther than the tolerance from the
detailed one (Hausdorff distance, unlike the area-based Visvalingam–Whyatt of
:func:`shapely.coverage_simplify`, which can cut a thin cape by several times
its tolerance). The faces the simplified arcs enclose are given back to the
district they lie in.
"""

from __future__ import annotations

import numpy as np
import shapely

__all__ = ["simplify_arcs"]


def simplify_arcs(polygons: np.ndarray, tolerance: float) -> np.ndarray:
    """The (multi)polygons ``polygons``, a coverage, simplified to ``tolerance`` on shared arcs.

    Parameters
    ----------
    polygons
        Projected polygons that meet along shared edges and do not overlap.
    tolerance
        Largest distance of a simplified boundary from the original, in the
        units of the coordinates; ``0`` returns ``polygons`` unchanged.

    Returns
    -------
    numpy.ndarray
        One (multi)polygon per input, in order.

    Examples
    --------
    >>> left = shapely.Polygon([(0, 0), (1, 0.01), (2, 0), (2, 2), (1, 2.01), (0, 2)])
    >>> right = shapely.Polygon([(2, 0), (4, 0), (4, 2), (2, 2)])
    >>> a, b = simplify_arcs(np.array([left, right]), 0.1)
    >>> int(shapely.get_num_coordinates(a)), round(a.area, 6), round(a.intersection(b).area, 6)
    (5, 4.0, 0.0)
    """
    if tolerance <= 0:
        return polygons
    network = shapely.line_merge(shapely.union_all(shapely.boundary(polygons)))
    arcs = shapely.simplify(shapely.get_parts(network), tolerance, preserve_topology=True)
    faces = shapely.get_parts(shapely.polygonize(arcs))
    owner = _owners(polygons, faces)
    out = np.empty(len(polygons), dtype=object)
    for i in range(len(polygons)):
        mine = faces[owner == i]
        out[i] = shapely.union_all(mine) if len(mine) else shapely.Polygon()
    return out


def _owners(polygons: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Index of the polygon each face lies in (most overlap where a point is not enough); -1: none."""
    owner = np.full(len(faces), -1, dtype=np.intp)
    tree = shapely.STRtree(polygons)
    face_index, polygon_index = tree.query(shapely.point_on_surface(faces), predicate="within")
    owner[face_index] = polygon_index
    for i in np.flatnonzero(owner < 0):  # a sliver whose inner point fell outside: by area
        candidates = tree.query(faces[i])
        if len(candidates):
            areas = shapely.area(shapely.intersection(faces[i], polygons[candidates]))
            if areas.max() > 0:
                owner[i] = candidates[int(np.argmax(areas))]
    return owner
