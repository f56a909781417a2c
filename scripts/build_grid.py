"""Recompute the automatic part of İzmir's equal-area district grid (``geodata/izmir_grid.csv``).

Method (deterministic; see ``geodata/README.md``):

1. District centroids of the detailed layer, projected to UTM 35N (EPSG:32635).
2. A flat-top hexagon lattice of circumradius :data:`SIZE` metres, in "odd-q" offset
   coordinates (``col`` west → east, ``row`` north → south; odd columns sit half a cell
   lower), anchored at the north-west corner of İzmir's bounding box.
3. Every district is assigned one lattice cell so that the sum of squared distances between
   district centroids and cell centres is smallest (``scipy.optimize.linear_sum_assignment``:
   exact, no randomness).

The shipped CSV is this assignment with a few hand moves, each stated in its ``reason``
column; ``--check`` prints which rows differ from the automatic assignment. The script
writes nothing unless ``--write`` is given (that would drop the hand moves).

Usage::

    python scripts/build_grid.py            # print the automatic layout and the adjacency kept
    python scripts/build_grid.py --check    # compare it with geodata/izmir_grid.csv
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts

#: Circumradius of a hexagon, metres: 30 hexagons of this size over the bounding box
#: (≈ 200 × 175 km) leave room for İzmir's outline, the gulf and the peninsulas.
SIZE = 15_000.0
COL_OFFSET = 2
CSV_PATH = Path(__file__).resolve().parent.parent / "geodata" / "izmir_grid.csv"


def cell_centre(col: int, row: int, *, size: float = SIZE) -> tuple[float, float]:
    """Centre (x, y) in EPSG:32635 of lattice cell (col, row): flat-top, odd-q offset."""
    x0, _, _, y1 = _bounds()
    x = x0 + size + col * 1.5 * size
    y = y1 - math.sqrt(3) / 2 * size - row * math.sqrt(3) * size
    if col % 2:
        y -= math.sqrt(3) / 2 * size
    return x, y


def _bounds() -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = load_districts("detailed").to_crs(EQUAL_AREA_CRS).total_bounds
    return float(x0), float(y0), float(x1), float(y1)


def lattice(size: float = SIZE) -> list[tuple[int, int]]:
    """All cells (col, row) whose centre lies inside İzmir's bounding box."""
    x0, y0, x1, y1 = _bounds()
    cols = math.ceil((x1 - x0) / (1.5 * size)) + 1
    rows = math.ceil((y1 - y0) / (math.sqrt(3) * size)) + 1
    cells = []
    for col in range(cols):
        for row in range(rows):
            x, y = cell_centre(col, row, size=size)
            if x0 <= x <= x1 and y0 <= y <= y1:
                cells.append((col, row))
    return cells


def automatic_layout(size: float = SIZE) -> dict[str, tuple[int, int]]:
    """P-code → (col, row): the least-squares assignment of centroids to lattice cells."""
    districts = load_districts("detailed").to_crs(EQUAL_AREA_CRS)
    centroids = np.column_stack([districts.centroid.x, districts.centroid.y])
    cells = lattice(size)
    centres = np.array([cell_centre(c, r, size=size) for c, r in cells])
    cost = ((centroids[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    rows, chosen = linear_sum_assignment(cost)
    # Columns are numbered from COL_OFFSET: the two columns west of the lattice stay free for
    # the hand moves (Çeşme west of Urla). An even offset keeps every column's parity.
    return {
        districts["pcode"].iloc[i]: (cells[j][0] + COL_OFFSET, cells[j][1])
        for i, j in zip(rows, chosen, strict=True)
    }


def grid_neighbours(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two cells of the odd-q lattice share an edge."""
    (ca, ra), (cb, rb) = a, b
    za, zb = ra - (ca - (ca & 1)) // 2, rb - (cb - (cb & 1)) // 2  # to cube coordinates
    dq, dr = cb - ca, zb - za
    return max(abs(dq), abs(dr), abs(dq + dr)) == 1


def real_neighbours() -> list[tuple[str, str]]:
    """P-code pairs of districts that share a boundary of positive length (detailed layer)."""
    districts = load_districts("detailed").to_crs(EQUAL_AREA_CRS)
    geoms = list(districts.geometry)
    pcodes = list(districts["pcode"])
    pairs = []
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            if geoms[i].intersection(geoms[j]).length > 0:
                pairs.append((pcodes[i], pcodes[j]))
    return pairs


def adjacency_kept(layout: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """(real neighbour pairs that are grid neighbours, all real neighbour pairs)."""
    pairs = real_neighbours()
    kept = sum(grid_neighbours(layout[a], layout[b]) for a, b in pairs)
    return kept, len(pairs)


def read_csv(path: Path = CSV_PATH) -> dict[str, tuple[int, int]]:
    """The shipped layout: P-code → (col, row)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {r["pcode"]: (int(r["col"]), int(r["row"])) for r in csv.DictReader(f)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped CSV")
    parser.add_argument("--write", action="store_true", help="overwrite the CSV (no hand moves)")
    args = parser.parse_args(argv)
    auto = automatic_layout()
    names = dict(zip(*load_districts("detailed")[["pcode", "district"]].T.values, strict=True))
    kept, total = adjacency_kept(auto)
    print(f"automatic layout: {kept}/{total} neighbour pairs kept")
    if args.check:
        shipped = read_csv()
        kept, total = adjacency_kept(shipped)
        print(f"shipped layout:   {kept}/{total} neighbour pairs kept")
        for pcode in sorted(auto):
            if auto[pcode] != shipped.get(pcode):
                print(f"  moved by hand: {names[pcode]} {auto[pcode]} -> {shipped.get(pcode)}")
    else:
        for pcode in sorted(auto, key=lambda p: (auto[p][1], auto[p][0])):
            print(f"{pcode},{names[pcode]},{auto[pcode][0]},{auto[pcode][1]}")
    if args.write:
        with CSV_PATH.open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["pcode", "name", "col", "row", "reason"])
            for pcode in sorted(auto):
                out.writerow([pcode, names[pcode], *auto[pcode], ""])
    return 0


if __name__ == "__main__":
    sys.exit(main())
