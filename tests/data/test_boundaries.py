"""The shipped boundary layers: 30 valid districts, Turkish names, a clean coverage."""

from __future__ import annotations

import json
import unicodedata

import geopandas as gpd
import numpy as np
import pytest
import shapely

from izmir_maps.data.boundaries import (
    EQUAL_AREA_CRS,
    district_matcher,
    load_districts,
    load_national_districts,
    load_neighbours,
)
from izmir_maps.data.paths import geodata_dir
from izmir_maps.errors import GeometryError
from izmir_maps.text.names import ascii_fold

LAYERS = ("detailed", "web")
IZMIR_PCODES = [f"TUR035{i:03d}" for i in range(1, 31)]
TURKISH_NAMES = {
    "Aliağa",
    "Balçova",
    "Çiğli",
    "Ödemiş",
    "Karşıyaka",
    "Güzelbahçe",
    "Narlıdere",
    "Kınık",
    "Beydağ",
    "Karabağlar",
    "Çeşme",
    "Foça",
    "Selçuk",
    "Bayındır",
    "Bayraklı",
    "Kemalpaşa",
    "Torbalı",
}
ASCII_FOLDED = {
    "Aliaga",
    "Balcova",
    "Cigli",
    "Odemis",
    "Karsiyaka",
    "Guzelbahce",
    "Narlidere",
    "Kinik",
    "Beydag",
    "Karabaglar",
    "Cesme",
    "Foca",
    "Selcuk",
    "Bayindir",
    "Bayrakli",
    "Kemalpasa",
    "Torbali",
}


@pytest.fixture(scope="module", params=LAYERS)
def layer(request: pytest.FixtureRequest) -> gpd.GeoDataFrame:
    return load_districts(request.param)


@pytest.fixture(scope="module")
def web_m() -> gpd.GeoDataFrame:
    return load_districts("web").to_crs(EQUAL_AREA_CRS)


@pytest.fixture(scope="module")
def detailed_m() -> gpd.GeoDataFrame:
    return load_districts("detailed").to_crs(EQUAL_AREA_CRS)


@pytest.fixture(scope="module")
def national() -> gpd.GeoDataFrame:
    return load_national_districts()


@pytest.fixture(scope="module")
def build_stats() -> dict:
    return json.loads((geodata_dir() / "build_stats.json").read_text(encoding="utf-8"))


def test_layer_has_the_30_izmir_districts_sorted_by_pcode(layer: gpd.GeoDataFrame) -> None:
    assert len(layer) == 30
    assert layer["pcode"].tolist() == IZMIR_PCODES
    assert layer["pcode"].is_unique
    assert set(layer["province"]) == {"İzmir"}
    assert set(layer["province_pcode"]) == {"TUR035"}


def test_layer_geometries_are_valid_polygons(layer: gpd.GeoDataFrame) -> None:
    geoms = layer.geometry.values
    assert shapely.is_valid(geoms).all(), shapely.is_valid_reason(geoms)
    assert not shapely.is_empty(geoms).any()
    assert set(layer.geom_type) <= {"Polygon", "MultiPolygon"}


def test_layer_is_wgs84_longitude_first(layer: gpd.GeoDataFrame) -> None:
    assert layer.crs is not None
    assert layer.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = layer.total_bounds
    # İzmir lies at about 26.2–28.5° E and 37.8–39.4° N: swapped axes would fail this.
    assert 26.0 < minx < maxx < 28.7
    assert 37.7 < miny < maxy < 39.5


def test_layer_has_correct_turkish_names(layer: gpd.GeoDataFrame) -> None:
    names = set(layer["district"])
    assert names >= TURKISH_NAMES
    assert not names & ASCII_FOLDED
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    # The ASCII column is the folded name, for systems that cannot show Turkish letters.
    folded = [ascii_fold(n) for n in layer["district"]]
    assert [a.lower() for a in layer["district_ascii"]] == folded


def test_both_layers_agree_on_pcodes_and_names() -> None:
    detailed = load_districts("detailed")
    web = load_districts("web")
    cols = ["pcode", "district", "district_ascii", "province", "province_pcode"]
    assert detailed[cols].equals(web[cols])


def test_web_layer_districts_do_not_overlap(web_m: gpd.GeoDataFrame) -> None:
    geoms = web_m.geometry.values
    assert shapely.coverage_is_valid(geoms, gap_width=1.0)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = left < right
    assert pairs.sum() > 30  # neighbours do touch: the check below is not vacuous
    overlap = shapely.area(shapely.intersection(geoms[left[pairs]], geoms[right[pairs]]))
    assert overlap.sum() < 1.0  # m²


def test_web_layer_has_no_gaps(web_m: gpd.GeoDataFrame, detailed_m: gpd.GeoDataFrame) -> None:
    web_union = web_m.union_all()
    detailed_union = detailed_m.union_all()
    assert web_union.area == pytest.approx(detailed_union.area, rel=1e-3)
    # A gap between two districts would be a hole in the union of the layer.
    interiors = shapely.get_num_interior_rings(shapely.get_parts(web_union))
    assert interiors.sum() == 0
    # The sum of the districts equals their union only if nothing overlaps.
    assert web_m.area.sum() == pytest.approx(web_union.area, rel=1e-9)


def test_web_layer_is_much_lighter_than_detailed() -> None:
    detailed = shapely.get_num_coordinates(load_districts("detailed").geometry.values).sum()
    web = shapely.get_num_coordinates(load_districts("web").geometry.values).sum()
    assert web < detailed / 2


def test_build_stats_match_the_files(build_stats: dict, national: gpd.GeoDataFrame) -> None:
    def vertices(frame: gpd.GeoDataFrame) -> int:
        return int(shapely.get_num_coordinates(frame.geometry.values).sum())

    assert build_stats["izmir_districts"] == len(load_districts("web"))
    assert build_stats["izmir_detailed_vertices"] == vertices(load_districts("detailed"))
    assert build_stats["izmir_web_vertices"] == vertices(load_districts("web"))
    assert build_stats["national_districts"] == len(national)
    assert build_stats["national_web_vertices"] == vertices(national)
    assert build_stats["neighbour_provinces"] == sorted(load_neighbours()["province"])


def test_national_layer_has_973_districts_in_81_provinces(national: gpd.GeoDataFrame) -> None:
    assert len(national) == 973
    assert national["pcode"].is_unique
    assert national["province_pcode"].nunique() == 81
    assert national["province"].nunique() == 81
    assert shapely.is_valid(national.geometry.values).all()
    assert national.crs.to_epsg() == 4326


def test_national_layer_holds_the_same_izmir_districts(national: gpd.GeoDataFrame) -> None:
    izmir = national[national["province_pcode"] == "TUR035"].sort_values("pcode")
    expected = load_districts("web")
    assert izmir["pcode"].tolist() == expected["pcode"].tolist()
    assert izmir["district"].tolist() == expected["district"].tolist()


def test_neighbours_are_aydin_balikesir_manisa() -> None:
    neighbours = load_neighbours()
    assert sorted(neighbours["province"]) == ["Aydın", "Balıkesir", "Manisa"]
    assert neighbours.crs.to_epsg() == 4326
    izmir = load_districts("web").to_crs(EQUAL_AREA_CRS).union_all()
    distance = shapely.distance(neighbours.to_crs(EQUAL_AREA_CRS).geometry.values, izmir)
    assert (distance < 1000).all()  # each one borders İzmir (layers simplified differently)


def test_neighbours_do_not_cover_izmir() -> None:
    izmir = load_districts("web").to_crs(EQUAL_AREA_CRS)
    neighbours = load_neighbours().to_crs(EQUAL_AREA_CRS)
    shared = shapely.area(shapely.intersection(neighbours.union_all(), izmir.union_all()))
    assert shared < 0.001 * izmir.union_all().area


@pytest.mark.parametrize("name", ["Detailed", "print", "", "national"])
def test_unknown_layer_name_raises_geometry_error(name: str) -> None:
    with pytest.raises(GeometryError, match=r"layer must be one of \['detailed', 'web'\]"):
        load_districts(name)  # type: ignore[arg-type]


def test_loaded_layer_is_a_private_copy() -> None:
    first = load_districts("web")
    first.loc[0, "district"] = "changed"
    first["extra"] = 1
    again = load_districts("web")
    assert again.loc[0, "district"] == "Aliağa"
    assert "extra" not in again.columns


def test_district_matcher_knows_all_30_districts() -> None:
    matcher = district_matcher()
    web = load_districts("web")
    assert matcher.names_by_pcode == dict(zip(web["pcode"], web["district"], strict=True))
    assert np.array_equal(
        [matcher.pcode(n) for n in web["district"]], web["pcode"].to_numpy(dtype=object)
    )
