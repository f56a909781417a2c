"""Tests of izmir_maps.stats.weights: which districts are neighbours (rook contiguity)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from libpysal.weights import W
from libpysal.weights.contiguity import Queen
from numpy.testing import assert_allclose

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.stats.weights import district_weights, subset_weights


def edges(w: W) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, nbs in w.neighbors.items() for b in nbs}


# --- weights --------------------------------------------------------------------------------


def test_weights_cover_the_30_districts_by_pcode(weights: W, table: gpd.GeoDataFrame) -> None:
    assert weights.n == 30
    assert weights.id_order == list(table["pcode"])
    assert weights.islands == []
    assert weights.n_components == 1


def test_weights_are_symmetric_and_row_standardised(weights: W) -> None:
    for a, nbs in weights.neighbors.items():
        for b in nbs:
            assert a in weights.neighbors[b], (a, b)
    assert weights.transform == "R"
    dense, _ = weights.full()
    assert_allclose(dense.sum(axis=1), np.ones(30))
    assert_allclose(dense > 0, (dense > 0).T)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aliağa", "Foça"),
        ("Aliağa", "Menemen"),
        ("Aliağa", "Bergama"),
        ("Çeşme", "Urla"),
        ("Karaburun", "Urla"),
        ("Ödemiş", "Tire"),
        ("Bornova", "Bayraklı"),
        ("Konak", "Bayraklı"),
        ("Dikili", "Bergama"),
        ("Selçuk", "Menderes"),
    ],
)
def test_known_adjacencies(weights: W, pcode: dict[str, str], a: str, b: str) -> None:
    assert pcode[b] in weights.neighbors[pcode[a]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Konak", "Karşıyaka"),  # across the Gulf of İzmir
        ("Narlıdere", "Çiğli"),  # across the Gulf
        ("Karaburun", "Foça"),  # across the Gulf's mouth
        ("Karaburun", "Çeşme"),  # across water
        ("Güzelbahçe", "Menderes"),  # one point only
        ("Karabağlar", "Seferihisar"),  # one point only
    ],
)
def test_no_links_across_water_or_through_a_single_point(
    weights: W, pcode: dict[str, str], a: str, b: str
) -> None:
    assert pcode[b] not in weights.neighbors[pcode[a]]


def test_konak_neighbours(weights: W, pcode: dict[str, str]) -> None:
    name = {p: d for d, p in pcode.items()}
    got = {name[p] for p in weights.neighbors[pcode["Konak"]]}
    assert got == {"Balçova", "Bayraklı", "Bornova", "Buca", "Karabağlar"}


def test_peninsulas_have_a_single_land_neighbour(weights: W, pcode: dict[str, str]) -> None:
    for district, only in [("Çeşme", "Urla"), ("Karaburun", "Urla"), ("Dikili", "Bergama")]:
        assert weights.neighbors[pcode[district]] == [pcode[only]]


def test_rook_drops_exactly_the_two_point_contacts_of_queen(
    weights: W, pcode: dict[str, str]
) -> None:
    queen = Queen.from_dataframe(load_districts("detailed"), ids="pcode", use_index=False)
    extra = edges(queen) - edges(weights)
    point_only = {
        frozenset((pcode["Güzelbahçe"], pcode["Menderes"])),
        frozenset((pcode["Karabağlar"], pcode["Seferihisar"])),
    }
    assert extra == point_only
    assert edges(weights) <= edges(queen)
    assert len(edges(weights)) == 53


def test_weights_are_a_new_object_each_call(weights: W) -> None:
    again = district_weights()
    assert again is not weights
    again.transform = "b"
    assert district_weights().transform == "R"


def test_weights_from_the_web_layer_are_the_same(weights: W) -> None:
    assert edges(district_weights(load_districts("web"))) == edges(weights)


def test_isolated_district_is_linked_to_the_nearest_centroid(pcode: dict[str, str]) -> None:
    districts = load_districts("detailed")
    without_urla = districts[districts["district"] != "Urla"]
    w = district_weights(without_urla)
    assert w.n == 29
    assert w.islands == []
    centroids = without_urla.set_index("pcode").to_crs(EQUAL_AREA_CRS).centroid
    for district in ("Çeşme", "Karaburun"):
        others = centroids.drop(index=pcode[district])
        nearest = others.distance(centroids[pcode[district]]).idxmin()
        assert nearest in w.neighbors[pcode[district]]
        assert pcode[district] in w.neighbors[nearest]


def test_subset_weights_links_districts_cut_off_to_the_nearest_centroid(
    weights: W, pcode: dict[str, str]
) -> None:
    # Without Bergama, Dikili and Kınık have no neighbour left.
    bergama = pcode["Bergama"]
    keep = [p for p in weights.id_order if p != bergama]
    sub, added = subset_weights(weights, keep, load_districts("detailed"))
    centroids = load_districts("detailed").set_index("pcode").to_crs(EQUAL_AREA_CRS).centroid
    centroids = centroids.loc[keep]
    expected = []
    for district in ("Dikili", "Kınık"):
        p = pcode[district]
        expected.append((p, centroids.drop(index=p).distance(centroids[p]).idxmin()))
    assert added == tuple(expected)
    assert sub.id_order == keep
    assert sub.islands == []
    assert sub.transform == "R"
    untouched = {e for e in edges(weights) if bergama not in e}
    assert edges(sub) == untouched | {frozenset(link) for link in expected}


def test_subset_weights_of_every_district_adds_nothing(weights: W) -> None:
    sub, added = subset_weights(weights, weights.id_order, load_districts("detailed"))
    assert added == ()
    assert edges(sub) == edges(weights)
