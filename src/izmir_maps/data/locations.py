"""Place OSBs and wind farms on the map: at a sourced coordinate, or flagged approximate.

Where no source gives a coordinate, the point goes inside its district (a
deterministic interior point, fanned out when several share a district) and
is marked ``approximate``; where even the district is unknown the row is not
placed at all and is listed beside the map instead.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import shapely
from shapely.ops import polylabel

from izmir_maps.data.boundaries import EQUAL_AREA_CRS

__all__ = ["APPROXIMATE", "SOURCED", "place_points"]

SOURCED = "sourced"
APPROXIMATE = "approximate"
_FAN_METRES = 2500.0


def place_points(
    rows: pd.DataFrame, districts: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Give each row a point, and say how it was obtained.

    Parameters
    ----------
    rows
        Table with ``pcode`` (may be missing), ``latitude`` and ``longitude``
        (may be empty).
    districts
        District boundaries with ``pcode``.

    Returns
    -------
    placed : geopandas.GeoDataFrame
        Rows with a point, a ``location`` column (``"sourced"`` or
        ``"approximate"``), in WGS84, in input order.
    unplaced : pandas.DataFrame
        Rows with neither a coordinate nor a district.

    Examples
    --------
    >>> from izmir_maps.data.boundaries import load_districts
    >>> rows = pd.DataFrame({"pcode": ["TUR035001", None], "latitude": [None, None],
    ...                      "longitude": [None, None]})
    >>> placed, unplaced = place_points(rows, load_districts("web"))
    >>> list(placed["location"]), len(unplaced)
    (['approximate'], 1)
    """
    has_xy = rows["latitude"].notna() & rows["longitude"].notna()
    has_district = rows["pcode"].notna() & (rows["pcode"].astype(str) != "")
    placed = rows[has_xy | has_district].copy()
    unplaced = rows[~(has_xy | has_district)].copy()

    shapes = districts.set_index("pcode").to_crs(EQUAL_AREA_CRS).geometry
    points: list[shapely.Point] = []
    location: list[str] = []
    fan_index: dict[str, int] = {}
    fan_size = placed[~has_xy.loc[placed.index]]["pcode"].value_counts().to_dict()
    for idx, row in placed.iterrows():
        if has_xy[idx]:
            points.append(shapely.Point(float(row["longitude"]), float(row["latitude"])))
            location.append(SOURCED)
            continue
        pcode = str(row["pcode"])
        i = fan_index.get(pcode, 0)
        fan_index[pcode] = i + 1
        points.append(_inside(shapes[pcode], i, fan_size.get(pcode, 1)))
        location.append(APPROXIMATE)
    # interior points are computed in metres, the sourced ones are already WGS84
    series = gpd.GeoSeries(points, index=placed.index)
    approx = [loc == APPROXIMATE for loc in location]
    wgs = series.copy().set_crs(4326, allow_override=True)
    if any(approx):
        projected = gpd.GeoSeries(
            [p for p, a in zip(points, approx, strict=True) if a], crs=EQUAL_AREA_CRS
        ).to_crs(4326)
        wgs[[a for a in approx]] = projected.to_numpy()
    placed = gpd.GeoDataFrame(placed, geometry=wgs.to_numpy(), crs=4326)
    placed["location"] = location
    return placed, unplaced


def _inside(shape: shapely.Geometry, i: int, n: int) -> shapely.Point:
    """The ``i``-th of ``n`` points inside ``shape``, fanned around its most interior point."""
    parts = getattr(shape, "geoms", [shape])
    largest = max(parts, key=lambda p: p.area)
    centre = polylabel(largest, tolerance=10.0)
    if n <= 1:
        return centre
    # A circle narrower than the distance to the border stays inside the district.
    radius = min(_FAN_METRES, 0.6 * largest.exterior.distance(centre))
    angle = 2 * math.pi * i / n
    return shapely.Point(centre.x + radius * math.cos(angle), centre.y + radius * math.sin(angle))
