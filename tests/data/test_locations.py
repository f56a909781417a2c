"""Placing OSBs and wind farms on the map (``izmir_maps.data.locations``)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from izmir_maps.data.locations import APPROXIMATE, SOURCED, place_points
from izmir_maps.data.tables import load_osbs, load_wind_farms

BALCOVA, KONAK, MENEMEN = "TUR035002", "TUR035021", "TUR035023"


@pytest.fixture(scope="module")
def shapes(table) -> gpd.GeoSeries:
    return table.set_index("pcode").geometry


@pytest.fixture(scope="module")
def osbs(table) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    return place_points(load_osbs(), table)


@pytest.fixture(scope="module")
def farms(table) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    return place_points(load_wind_farms(), table)


def _rows(pcodes: list[str | None]) -> pd.DataFrame:
    n = len(pcodes)
    return pd.DataFrame({"pcode": pcodes, "latitude": [None] * n, "longitude": [None] * n})


def test_osbs_are_placed_inside_their_district_sourced_where_a_coordinate_is(
    osbs, shapes, raw_data
) -> None:
    placed, unplaced = osbs
    raw = raw_data("osb.csv")
    assert unplaced.empty and raw["district"].notna().all()  # every zone's district is sourced
    with_xy = set(raw.loc[raw["latitude"].notna(), "name"])
    assert with_xy == {"Aliağa Kimya İhtisas ve Karma Organize Sanayi Bölgesi"}
    assert set(placed.loc[placed["location"] == SOURCED, "name"]) == with_xy
    assert (placed.loc[~placed["name"].isin(with_xy), "location"] == APPROXIMATE).all()
    for _, row in placed.iterrows():
        assert shapes[row["pcode"]].contains(row.geometry), row["name"]


def test_rows_without_a_district_or_coordinate_are_not_placed(osbs, table) -> None:
    placed, _ = osbs
    rows = placed.drop(columns=["geometry", "location"]).iloc[1:4].copy()
    rows["pcode"] = [None, "", rows["pcode"].iloc[2]]
    again, unplaced = place_points(rows.reset_index(drop=True), table)
    assert list(unplaced["name"]) == list(rows["name"].iloc[:2])
    assert list(again["name"]) == [rows["name"].iloc[2]]


def test_no_row_is_lost_and_order_is_kept(osbs, farms) -> None:
    for (placed, unplaced), source in ((osbs, load_osbs()), (farms, load_wind_farms())):
        assert len(placed) + len(unplaced) == len(source)
        assert sorted([*placed.index, *unplaced.index]) == list(source.index)
        assert list(placed.index) == sorted(placed.index)
        assert list(placed["name"]) == list(source.loc[placed.index, "name"])


def test_sourced_coordinate_is_kept_exactly(farms, raw_data) -> None:
    placed, _ = farms
    bozyaka = placed[placed["name"] == "Bozyaka RES"].iloc[0]
    raw = raw_data("wind_farms.csv").set_index("name").loc["Bozyaka RES"]
    assert (raw["latitude"], raw["longitude"]) == (38.7463, 26.9403)
    assert bozyaka["location"] == SOURCED
    assert (bozyaka.geometry.y, bozyaka.geometry.x) == (38.7463, 26.9403)
    assert placed.crs.to_epsg() == 4326


def test_farms_without_district_or_coordinate_are_unplaced(farms, raw_data) -> None:
    placed, unplaced = farms
    raw = raw_data("wind_farms.csv")
    nowhere = raw[raw["district"].isna() & raw["latitude"].isna()]
    assert set(unplaced["name"]) == set(nowhere["name"])
    assert len(unplaced) > 0
    approximate = placed[placed["location"] == APPROXIMATE]
    assert set(approximate["name"]) == set(raw.loc[raw["latitude"].isna(), "name"]) - set(
        nowhere["name"]
    )


def test_points_sharing_a_district_do_not_coincide(osbs, farms) -> None:
    for placed, _ in (osbs, farms):
        approx = placed[placed["location"] == APPROXIMATE]
        for pcode, group in approx.groupby("pcode"):
            xy = {(round(p.x, 6), round(p.y, 6)) for p in group.geometry}
            assert len(xy) == len(group), pcode
    menemen = osbs[0][osbs[0]["pcode"] == MENEMEN]
    assert len(menemen) == 3  # MPİOSB, İZBAŞ, MENSER


@pytest.mark.parametrize("pcode", [BALCOVA, KONAK, MENEMEN])
def test_several_points_in_any_district_stay_apart_and_inside(table, shapes, pcode: str) -> None:
    # Balçova (15 km²) and Konak (24 km²) are the smallest districts.
    n = 3
    placed, unplaced = place_points(_rows([pcode] * n), table)
    assert unplaced.empty
    assert placed.geometry.within(shapes[pcode]).all()
    xy = {(round(p.x, 6), round(p.y, 6)) for p in placed.geometry}
    assert len(xy) == n, f"{n} approximate points in {pcode} are drawn at {len(xy)} place(s)"


def test_placing_is_deterministic(table) -> None:
    rows = _rows([MENEMEN, MENEMEN, None, KONAK, ""])
    first, u1 = place_points(rows, table)
    second, u2 = place_points(rows, table)
    assert first.geometry.geom_equals_exact(second.geometry, tolerance=0).all()
    pd.testing.assert_frame_equal(u1, u2)
    assert len(u1) == 2  # None and "" are both "no district"


def test_a_coordinate_wins_over_the_district(table, shapes) -> None:
    rows = pd.DataFrame(
        {"pcode": [KONAK, KONAK], "latitude": [38.4, None], "longitude": [27.1, None]}
    )
    placed, _ = place_points(rows, table)
    assert list(placed["location"]) == [SOURCED, APPROXIMATE]
    assert (placed.geometry.iloc[0].x, placed.geometry.iloc[0].y) == (27.1, 38.4)
    assert shapes[KONAK].contains(placed.geometry.iloc[1])
