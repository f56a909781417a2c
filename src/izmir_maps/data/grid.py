"""İzmir's equal-area district grid: one flat-top hexagon per district, as a boundary layer.

The layout (which cell each district takes) is stored in ``geodata/izmir_grid.csv``
with the reason for every hand move; ``scripts/build_grid.py`` recomputes its
automatic part (see ``geodata/README.md``). This module only turns the CSV into
hexagons in real longitude/latitude over İzmir's bounding box, so that every map
builder and renderer draws the grid like any other district layer.

Cells are in "odd-q" offset coordinates: ``col`` runs west → east, ``row`` north →
south, and odd columns sit half a cell lower. Flat-top hexagons are 2/√3 ≈ 15 %
wider across their middle than pointy-top ones of the same area, which is where a
district's name is written.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from typing import Literal

import geopandas as gpd
import pandas as pd
from pyproj import Transformer
from shapely.geometry import Polygon
from shapely.ops import unary_union

from izmir_maps._checks import check_choice
from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.data.history import new_districts
from izmir_maps.data.paths import geodata_dir
from izmir_maps.errors import GeometryError

__all__ = [
    "GRID_SIZE_M",
    "LAYOUTS",
    "Layout",
    "check_layout",
    "grid_layout",
    "grid_neighbours",
    "load_grid",
    "on_grid",
]

Layout = Literal["map", "grid"]
#: ``"map"``: the districts' real shapes; ``"grid"``: one equal hexagon per district.
LAYOUTS = ("map", "grid")
#: Circumradius of a hexagon in metres (EPSG:32635): 30 hexagons of 585 km² span about
#: 210 × 170 km, İzmir's bounding box (201 × 174 km), so the grid opens where İzmir is.
GRID_SIZE_M = 15_000.0
_FILE = "izmir_grid.csv"
_ROOT3 = math.sqrt(3)


def grid_layout() -> pd.DataFrame:
    """The stored layout: ``pcode``, ``name``, ``col``, ``row``, ``reason`` (30 rows, by P-code).

    Examples
    --------
    >>> layout = grid_layout().set_index("name")
    >>> tuple(layout.loc["Konak", ["col", "row"]])
    (5, 3)
    """
    return _layout().copy()


@lru_cache(maxsize=1)
def _layout() -> pd.DataFrame:
    path = geodata_dir() / _FILE
    if not path.is_file():
        msg = f"Grid layout {path} is missing. Reinstall izmir-maps (see geodata/README.md)."
        raise GeometryError(msg)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    frame = pd.DataFrame(rows, columns=["pcode", "name", "col", "row", "reason"])
    frame[["col", "row"]] = frame[["col", "row"]].astype(int)
    return frame.sort_values("pcode", kind="stable").reset_index(drop=True)


def grid_neighbours(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two cells ``(col, row)`` of the grid share an edge.

    Examples
    --------
    >>> grid_neighbours((5, 2), (5, 3)), grid_neighbours((5, 2), (6, 2)), grid_neighbours((4, 2), (6, 2))
    (True, True, False)
    """
    (ca, ra), (cb, rb) = a, b
    za, zb = ra - (ca - (ca & 1)) // 2, rb - (cb - (cb & 1)) // 2  # to cube coordinates
    dq, dr = cb - ca, zb - za
    return max(abs(dq), abs(dr), abs(dq + dr)) == 1


def load_grid() -> gpd.GeoDataFrame:
    """The 30 districts as equal hexagons over İzmir, with the columns of :func:`load_districts`.

    Returns
    -------
    geopandas.GeoDataFrame
        ``pcode``, ``district``, ``district_ascii``, ``province``, ``province_pcode`` and
        ``geometry`` (hexagons in WGS84), sorted by P-code.

    Examples
    --------
    >>> grid = load_grid()
    >>> len(grid), grid.geometry.iloc[0].geom_type, len(grid.geometry.iloc[0].exterior.coords)
    (30, 'Polygon', 7)
    """
    return _grid().copy()


@lru_cache(maxsize=1)
def _grid() -> gpd.GeoDataFrame:
    districts = load_districts("detailed")
    layout = _layout().set_index("pcode")
    missing = sorted(set(districts["pcode"]) - set(layout.index))
    if missing:
        msg = f"The grid layout {_FILE} has no cell for {missing}."
        raise GeometryError(msg)
    centres = _centres(layout, districts)
    to_wgs84 = Transformer.from_crs(EQUAL_AREA_CRS, 4326, always_xy=True)
    corners: dict[tuple[float, float], tuple[float, float]] = {}  # one transform per corner

    def corner(x: float, y: float) -> tuple[float, float]:
        key = (round(x, 2), round(y, 2))  # neighbours' shared corners become identical
        if key not in corners:
            lon, lat = to_wgs84.transform(*key)
            corners[key] = (round(lon, 6), round(lat, 6))
        return corners[key]

    hexagons = []
    for pcode in districts["pcode"]:
        cx, cy = centres[pcode]
        ring = [
            corner(cx + GRID_SIZE_M * math.cos(a), cy + GRID_SIZE_M * math.sin(a))
            for a in (math.radians(60 * i) for i in range(6))
        ]
        hexagons.append(Polygon(ring[::-1]))  # clockwise, as the district layers are
    columns = [c for c in districts.columns if c != "geometry"]
    return gpd.GeoDataFrame(districts[columns], geometry=hexagons, crs=4326)


def _centres(layout: pd.DataFrame, districts: gpd.GeoDataFrame) -> dict[str, tuple[float, float]]:
    """Cell centres in EPSG:32635, the whole grid centred on İzmir's bounding box."""
    raw = {
        pcode: (
            1.5 * GRID_SIZE_M * col,
            -_ROOT3 * GRID_SIZE_M * (row + 0.5 * (col % 2)),
        )
        for pcode, col, row in zip(layout.index, layout["col"], layout["row"], strict=True)
    }
    xs = [x for x, _ in raw.values()]
    ys = [y for _, y in raw.values()]
    x0, y0, x1, y1 = districts.to_crs(EQUAL_AREA_CRS).total_bounds
    # whole metres: the same inputs give the same corners on every machine
    dx = round((x0 + x1) / 2 - (min(xs) + max(xs)) / 2)
    dy = round((y0 + y1) / 2 - (min(ys) + max(ys)) / 2)
    return {p: (x + dx, y + dy) for p, (x, y) in raw.items()}


def on_grid(table: gpd.GeoDataFrame, boundaries: str = "current") -> gpd.GeoDataFrame:
    """``table`` with each district's geometry replaced by its hexagon.

    Parameters
    ----------
    table
        A district table with ``pcode`` (İzmir's P-codes), e.g. from
        :func:`izmir_maps.data.join.district_table`.
    boundaries
        ``"2008"`` when ``table`` holds the 2008 view: a merged unit then covers its
        own hexagon and that of the district inside it (Konak and Karabağlar,
        Karşıyaka and Bayraklı share an edge on the grid).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy, in WGS84; every other column unchanged.

    Raises
    ------
    GeometryError
        For a P-code that has no cell (another province's table).
    """
    cells = _grid().set_index("pcode").geometry
    if boundaries == "2008":
        into = new_districts()
        groups: dict[str, list[str]] = {}
        for pcode in cells.index:
            groups.setdefault(into.get(pcode, pcode), []).append(pcode)
        cells = pd.Series({u: unary_union([cells[p] for p in ps]) for u, ps in groups.items()})
    unknown = sorted(set(table["pcode"]) - set(cells.index))
    if unknown:
        msg = f"No grid cell for P-code(s) {unknown}: the grid is İzmir's 30 districts."
        raise GeometryError(msg)
    out = table.to_crs(4326) if table.crs is not None else table.copy()
    return gpd.GeoDataFrame(
        out.drop(columns=out.geometry.name),
        geometry=list(out["pcode"].map(cells)),
        crs=4326,
    )


def check_layout(layout: object) -> None:
    """Refuse a layout other than ``"map"`` or ``"grid"`` (an :class:`OptionError`)."""
    check_choice("layout", layout, LAYOUTS)
