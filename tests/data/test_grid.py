"""The equal-area district grid: its stored layout, its shape and its hexagons."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import shapely

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.data.grid import grid_layout, grid_neighbours, load_grid, on_grid
from izmir_maps.data.join import district_table
from izmir_maps.errors import GeometryError

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_grid.py"


@pytest.fixture(scope="module")
def build_grid():
    """scripts/build_grid.py as a module (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("build_grid", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_grid"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cells() -> dict[str, tuple[int, int]]:
    layout = grid_layout()
    return {n: (c, r) for n, c, r in zip(layout["name"], layout["col"], layout["row"], strict=True)}


@pytest.fixture(scope="module")
def real_pairs() -> list[tuple[str, str]]:
    """Districts that share a boundary of positive length on the detailed layer."""
    districts = load_districts("detailed").to_crs(EQUAL_AREA_CRS)
    geoms, names = list(districts.geometry), list(districts["district"])
    tree = shapely.STRtree(geoms)
    pairs = set()
    for i, g in enumerate(geoms):
        for j in tree.query(g):
            if i < j and g.intersection(geoms[j]).length > 0:
                pairs.add((names[i], names[int(j)]))
    return sorted(pairs)


def _centre(cell: tuple[int, int]) -> tuple[float, float]:
    """Drawing position of a cell: x east, y south (odd columns half a cell lower)."""
    col, row = cell
    return 1.5 * col, 3**0.5 * (row + 0.5 * (col % 2))


def test_every_district_once_and_no_two_in_one_cell(cells) -> None:
    names = set(load_districts()["district"])
    assert set(cells) == names
    assert len(cells) == 30
    assert len(set(cells.values())) == 30


def test_layer_has_the_columns_of_the_other_layers() -> None:
    grid, districts = load_grid(), load_districts("web")
    assert list(grid.columns) == list(districts.columns)
    assert grid.drop(columns="geometry").equals(districts.drop(columns="geometry"))
    assert grid.crs.to_epsg() == 4326


def test_adjacency_kept(cells, real_pairs) -> None:
    kept = [p for p in real_pairs if grid_neighbours(cells[p[0]], cells[p[1]])]
    assert len(real_pairs) == 53
    assert len(kept) == 44  # 83 %; the automatic assignment alone keeps 43
    assert len(kept) / len(real_pairs) >= 0.8


def test_parents_touch_the_districts_split_from_them(cells) -> None:
    # the 2008 view merges them: on the grid the merged unit must be one piece
    assert grid_neighbours(cells["Konak"], cells["Karabağlar"])
    assert grid_neighbours(cells["Karşıyaka"], cells["Bayraklı"])


@pytest.mark.parametrize(
    ("a", "relation", "b"),
    [
        ("Çeşme", "west of", "Urla"),  # the Çeşme–Urla peninsula runs west
        ("Karaburun", "north of", "Urla"),  # the Karaburun peninsula points north
        ("Karaburun", "west of", "Foça"),  # across the outer gulf
        ("Bergama", "north of", "Aliağa"),
        ("Dikili", "west of", "Kınık"),
        ("Kiraz", "east of", "Ödemiş"),
        ("Beydağ", "east of", "Ödemiş"),
        ("Konak", "south of", "Karşıyaka"),  # the gulf between them
        ("Narlıdere", "south of", "Çiğli"),
        ("Bornova", "east of", "Konak"),
        ("Selçuk", "south of", "Torbalı"),
    ],
)
def test_shape_reads_as_izmir(cells, a: str, relation: str, b: str) -> None:
    (xa, ya), (xb, yb) = _centre(cells[a]), _centre(cells[b])
    holds = {"west of": xa < xb, "east of": xa > xb, "north of": ya < yb, "south of": ya > yb}
    assert holds[relation], f"{a} should be {relation} {b}: {cells[a]} vs {cells[b]}"


def test_north_and_south_east_ends(cells) -> None:
    tops = sorted(cells, key=lambda n: _centre(cells[n])[1])[:3]
    easts = sorted(cells, key=lambda n: -_centre(cells[n])[0])[:3]
    assert set(tops) == {"Bergama", "Dikili", "Kınık"}
    assert set(easts) == {"Kiraz", "Beydağ", "Ödemiş"}


def test_hexagons_are_equal_and_tile_without_gaps_or_overlaps() -> None:
    grid = load_grid().to_crs(EQUAL_AREA_CRS)
    areas = grid.area / 1e6
    assert areas.round(0).unique().tolist() == [585.0]
    assert (areas.max() - areas.min()) / areas.mean() < 1e-4
    union = grid.union_all()
    assert union.geom_type == "Polygon"  # shared corners are identical: one piece
    assert union.area == pytest.approx(grid.area.sum(), rel=1e-9)  # no overlaps


def test_grid_overlays_izmir() -> None:
    gx0, gy0, gx1, gy1 = load_grid().to_crs(EQUAL_AREA_CRS).total_bounds
    x0, y0, x1, y1 = load_districts().to_crs(EQUAL_AREA_CRS).total_bounds
    assert abs((gx0 + gx1) - (x0 + x1)) / 2 < 1_000
    assert abs((gy0 + gy1) - (y0 + y1)) / 2 < 1_000
    assert abs((gx1 - gx0) - (x1 - x0)) < 15_000
    assert abs((gy1 - gy0) - (y1 - y0)) < 15_000


def test_deterministic() -> None:
    a, b = load_grid(), load_grid()
    assert a.equals(b)
    assert shapely.to_wkb(a.geometry.values).tolist() == shapely.to_wkb(b.geometry.values).tolist()


def test_the_script_recomputes_the_layout_but_the_hand_moves(build_grid) -> None:
    auto = build_grid.automatic_layout()
    layout = grid_layout()
    moved = sorted(
        name
        for pcode, name, col, row in layout[["pcode", "name", "col", "row"]].itertuples(index=False)
        if auto[pcode] != (col, row)
    )
    assert moved == ["Gaziemir", "Karabağlar", "Seferihisar", "Çeşme"]
    reasons = layout.set_index("name")["reason"]
    assert all(reasons[n].startswith("hand:") for n in moved)
    assert (reasons.drop(moved) == "").all()
    assert build_grid.adjacency_kept(auto) == (43, 53)


def test_on_grid_keeps_the_values_and_merges_the_2008_units() -> None:
    table = district_table("web")
    grid = on_grid(table)
    assert grid.drop(columns="geometry").equals(table.drop(columns="geometry"))
    merged = on_grid(district_table("web", "2008"), "2008")
    assert len(merged) == 28
    units = merged.set_index("pcode").to_crs(EQUAL_AREA_CRS).geometry
    for parent in ("TUR035021", "TUR035017"):  # Konak, Karşıyaka: two hexagons in one piece
        assert units[parent].geom_type == "Polygon"
        assert units[parent].area / 1e6 == pytest.approx(2 * 584.57, rel=1e-4)


def test_on_grid_refuses_another_province() -> None:
    table = district_table("web").assign(pcode="TUR006001")
    with pytest.raises(GeometryError, match=r"No grid cell for P-code\(s\) \['TUR006001'\]"):
        on_grid(table)
