"""Tests of izmir_maps.stats.moran: global Moran's I, LISA and the note on the method.

The statistics are checked against esda called directly with the same weights,
permutations and seed, never against numbers the module computed itself.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import esda
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from libpysal.weights import W, w_subset
from numpy.testing import assert_allclose

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.data.registry import base_indicators
from izmir_maps.errors import DataError, OptionError, UnknownIndicatorError
from izmir_maps.stats.moran import (
    ALPHA,
    LISA_COLORS,
    PERMUTATIONS,
    SEED,
    MoranResult,
    lisa,
    lisa_label,
    moran,
    moran_all,
    weights_note,
)
from izmir_maps.stats.weights import district_weights

QUADRANT = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}


@contextmanager
def esda_quiet() -> Iterator[None]:
    """esda's Moran_Local always warns that its default alternative will change."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "The alternative hypothesis", DeprecationWarning)
        yield


def esda_moran(y: np.ndarray, w: W, seed: int = SEED) -> esda.Moran:
    np.random.seed(seed)
    return esda.Moran(y, w, permutations=PERMUTATIONS)


def with_nan(table: gpd.GeoDataFrame, column: str, pcodes: list[str]) -> gpd.GeoDataFrame:
    out = table[["pcode", "district", "geometry", column]].copy()
    out[column] = out[column].astype(float)
    out.loc[out["pcode"].isin(pcodes), column] = np.nan
    return out


# --- global Moran's I -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "column",
    ["employees", "firms", "exports_usd", "employees_per_1000", "population", "area_km2"],
)
def test_moran_equals_esda(table: gpd.GeoDataFrame, weights: W, column: str) -> None:
    got = moran(table, column)
    expected = esda_moran(table[column].to_numpy(dtype=float), weights)
    assert got.n == 30
    assert_allclose(
        [got.I, got.expected_I, got.z, got.p_sim],
        [expected.I, expected.EI, expected.z_sim, expected.p_sim],
    )
    assert (got.permutations, got.seed, got.reason) == (PERMUTATIONS, SEED, None)


def test_moran_with_given_weights_and_seed(table: gpd.GeoDataFrame, weights: W) -> None:
    w = district_weights()
    w.transform = "b"
    got = moran(table, "firms", weights=w, permutations=PERMUTATIONS, seed=7)
    expected = esda_moran(table["firms"].to_numpy(dtype=float), weights, seed=7)
    assert_allclose([got.I, got.p_sim, got.z], [expected.I, expected.p_sim, expected.z_sim])
    assert w.transform == "B"  # the caller's weights are not changed


def test_moran_repeats_and_leaves_global_random_state_alone(table: gpd.GeoDataFrame) -> None:
    np.random.seed(2024)
    state = np.random.get_state()
    first = moran(table, "employees")
    second = moran(table, "employees")
    after = np.random.get_state()
    assert first == second
    assert first.p_sim == second.p_sim
    assert_allclose(after[1], state[1])
    assert after[2] == state[2]


def test_moran_result_is_frozen(table: gpd.GeoDataFrame) -> None:
    result = moran(table, "employees")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.I = 0.0  # type: ignore[misc]


def test_moran_drops_missing_values_and_subsets_the_weights(
    table: gpd.GeoDataFrame, weights: W, pcode: dict[str, str]
) -> None:
    dropped = [pcode["Aliağa"], pcode["Konak"]]
    got = moran(with_nan(table, "employees", dropped), "employees")
    keep = [p for p in weights.id_order if p not in dropped]
    sub = w_subset(weights, keep, silence_warnings=True)  # Bergama's group hangs on Aliağa
    y = table.set_index("pcode").loc[keep, "employees"].to_numpy(dtype=float)
    expected = esda_moran(y, sub)
    assert got.n == 28
    assert got.added_links == ()
    assert_allclose([got.I, got.expected_I, got.p_sim], [expected.I, expected.EI, expected.p_sim])
    assert_allclose(got.expected_I, -1 / 27)


def test_moran_links_districts_cut_off_by_missing_values(
    table: gpd.GeoDataFrame, weights: W, pcode: dict[str, str]
) -> None:
    # Without Bergama, Dikili and Kınık have no neighbour with a value.
    bergama = pcode["Bergama"]
    got = moran(with_nan(table, "firms", [bergama]), "firms")
    keep = [p for p in weights.id_order if p != bergama]
    centroids = load_districts("detailed").set_index("pcode").to_crs(EQUAL_AREA_CRS).centroid
    centroids = centroids.loc[keep]
    neighbours = {p: set(weights.neighbors[p]) - {bergama} for p in keep}
    expected_links = []
    for district in ("Dikili", "Kınık"):
        p = pcode[district]
        nearest = centroids.drop(index=p).distance(centroids[p]).idxmin()
        expected_links.append((p, nearest))
        neighbours[p].add(nearest)
        neighbours[nearest].add(p)
    assert got.n == 29
    assert got.added_links == tuple(expected_links)
    w = W({p: sorted(nb) for p, nb in neighbours.items()}, id_order=keep)
    assert w.islands == []
    y = table.set_index("pcode").loc[keep, "firms"].to_numpy(dtype=float)
    expected = esda_moran(y, w)
    assert_allclose([got.I, got.p_sim, got.z], [expected.I, expected.p_sim, expected.z_sim])


def test_moran_not_computable_with_one_value(table: gpd.GeoDataFrame) -> None:
    assert table["wind_capacity_mw"].notna().sum() == 1
    result = moran(table, "wind_capacity_mw")
    assert not result.computable
    assert result.n == 1
    assert np.isnan([result.I, result.expected_I, result.z, result.p_sim]).all()
    assert result.reason is not None
    assert re.search(r"Only 1 of 30 districts has a value .*at least 8", result.reason)


def test_moran_not_computable_without_variation(table: gpd.GeoDataFrame) -> None:
    flat = table[["pcode", "geometry"]].assign(same=5.0)
    result = moran(flat, "same")
    assert not result.computable
    assert result.reason is not None
    assert "same value" in result.reason


def test_moran_bad_inputs_raise(table: gpd.GeoDataFrame) -> None:
    with pytest.raises(DataError, match=r"no column 'employes'.*'employees'"):
        moran(table, "employes")
    with pytest.raises(DataError, match="must be numeric"):
        moran(table, "district")
    with pytest.raises(OptionError, match="permutations must be a positive integer"):
        moran(table, "employees", permutations=0)
    with pytest.raises(OptionError, match="seed must be an integer"):
        moran(table, "employees", seed=-1)
    w29 = district_weights(load_districts("detailed").iloc[1:])
    with pytest.raises(DataError, match=r"\['TUR035001'\] are only in the table"):
        moran(table, "employees", weights=w29)


# --- LISA -----------------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["employees", "firms", "exports_usd", "population"])
def test_lisa_equals_esda(table: gpd.GeoDataFrame, weights: W, column: str) -> None:
    got = lisa(table, column)
    with esda_quiet():
        expected = esda.Moran_Local(
            table[column].to_numpy(dtype=float), weights, permutations=PERMUTATIONS, seed=SEED
        )
    quadrant = [
        QUADRANT[q] if p < ALPHA else "ns" for q, p in zip(expected.q, expected.p_sim, strict=True)
    ]
    assert list(got.quadrant.index) == list(table["pcode"])
    assert list(got.quadrant) == quadrant
    assert_allclose(got.p_sim.to_numpy(), expected.p_sim)
    assert_allclose(got.local_i.to_numpy(), expected.Is)
    assert (got.alpha, got.seed, got.n, got.reason) == (ALPHA, SEED, 30, None)


def test_lisa_repeats_and_alpha_decides_significance(table: gpd.GeoDataFrame) -> None:
    first = lisa(table, "employees")
    second = lisa(table, "employees")
    pd.testing.assert_series_equal(first.p_sim, second.p_sim)
    pd.testing.assert_series_equal(first.quadrant, second.quadrant)
    loose = lisa(table, "employees", alpha=0.5)
    assert ((loose.quadrant == "ns") == (loose.p_sim >= 0.5)).all()
    assert (loose.quadrant != "ns").sum() >= (first.quadrant != "ns").sum()


def test_lisa_marks_missing_districts_nodata(
    table: gpd.GeoDataFrame, pcode: dict[str, str]
) -> None:
    result = lisa(with_nan(table, "employees", [pcode["Konak"]]), "employees")
    assert result.n == 29
    assert result.quadrant[pcode["Konak"]] == "nodata"
    assert np.isnan(result.p_sim[pcode["Konak"]])
    assert result.quadrant.drop(index=pcode["Konak"]).isin(["HH", "LL", "HL", "LH", "ns"]).all()


def test_lisa_not_computable_is_all_nodata(table: gpd.GeoDataFrame) -> None:
    result = lisa(table, "wind_capacity_mw")
    assert not result.computable
    assert (result.quadrant == "nodata").all()
    assert result.p_sim.isna().all()


def test_lisa_bad_alpha(table: gpd.GeoDataFrame) -> None:
    with pytest.raises(OptionError, match=r"alpha must be .* not 1\.5"):
        lisa(table, "employees", alpha=1.5)


def test_lisa_colours_and_labels_cover_every_class() -> None:
    classes = {"HH", "LL", "HL", "LH", "ns", "nodata"}
    assert set(LISA_COLORS) == classes
    assert LISA_COLORS["HH"] == "#d7191c"
    assert LISA_COLORS["LL"] == "#2c7bb6"
    assert (lisa_label("HH"), lisa_label("HH", "en")) == ("Yüksek–Yüksek", "High–High")
    assert (lisa_label("nodata"), lisa_label("nodata", "en")) == ("Veri yok", "No data")
    for lang in ("tr", "en"):
        labels = [lisa_label(c, lang) for c in LISA_COLORS]
        assert len(set(labels)) == len(labels)  # every class reads differently


def test_lisa_label_refuses_an_unknown_class() -> None:
    with pytest.raises(OptionError, match="HH"):
        lisa_label("XX")


def test_weights_notes_state_the_choices() -> None:
    assert "rook" in weights_note("tr")
    assert "rook" in weights_note("en")
    for note in (weights_note("tr"), weights_note("en")):
        assert str(PERMUTATIONS) in note
        assert str(SEED) in note
        assert "{" not in note  # every placeholder filled
    assert "p < 0,05" in weights_note("tr")
    assert "p < 0.05" in weights_note("en")


# --- moran_all ------------------------------------------------------------------------------


def test_moran_all_rows_match_moran(table: gpd.GeoDataFrame) -> None:
    result = moran_all(table)
    expected_ids = [
        ind.id
        for ind in base_indicators()
        if table[ind.id].notna().sum() >= 8 and table[ind.id].nunique() > 1
    ]
    assert list(result["id"]) == expected_ids
    assert "wind_capacity_mw" not in set(result["id"])
    assert list(result.columns) == ["id", "label_tr", "label_en", "n", "I", "EI", "z", "p_sim"]
    for row in result.itertuples():
        single = moran(table, row.id)
        assert_allclose(
            [row.I, row.EI, row.z, row.p_sim],
            [single.I, single.expected_I, single.z, single.p_sim],
        )


def test_moran_all_with_ids_keeps_order_and_labels(table: gpd.GeoDataFrame) -> None:
    result = moran_all(table, ["firms", "employees_per_1000"])
    assert list(result["id"]) == ["firms", "employees_per_1000"]
    assert result.loc[0, "label_en"] == "Firms (2008)"
    with pytest.raises(UnknownIndicatorError, match="employes"):
        moran_all(table, ["employes"])


def test_moranresult_fields() -> None:
    names = [f.name for f in dataclasses.fields(MoranResult)]
    assert names[:8] == [
        "indicator_id",
        "n",
        "I",
        "expected_I",
        "z",
        "p_sim",
        "permutations",
        "seed",
    ]


def test_the_stats_package_re_exports_and_keeps_moran_the_module() -> None:
    import izmir_maps.stats as stats
    from izmir_maps.stats import moran as module
    from izmir_maps.stats import moran_all as exported

    assert exported is moran_all
    assert module.moran is moran  # the name is the module, not shadowed by the function
    assert {"moran_all", "lisa", "district_weights", "ranking_table"} <= set(stats.__all__)
    for name in stats.__all__:
        assert hasattr(stats, name), name


@pytest.mark.parametrize("n", [8, 7])
def test_moran_needs_exactly_eight_values(table: gpd.GeoDataFrame, n: int) -> None:
    # Eight districts with a value are enough for Moran's I; seven are not.
    dropped = sorted(table["pcode"])[n:]
    result = moran(with_nan(table, "employees", dropped), "employees")
    assert result.n == n
    if n == 8:
        assert result.computable
        assert result.reason is None
        assert np.isfinite([result.I, result.expected_I, result.z, result.p_sim]).all()
        assert_allclose(result.expected_I, -1 / 7)
    else:
        assert not result.computable
        assert np.isnan([result.I, result.expected_I, result.z, result.p_sim]).all()
        assert result.reason == (
            "Only 7 of 30 districts have a value for 'employees'; Moran's I needs at least 8."
        )
