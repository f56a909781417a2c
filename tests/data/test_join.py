"""The district table: boundaries joined with indicators, shares, ranks and rates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from izmir_maps.data.boundaries import load_districts
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.join import district_table, join_indicators
from izmir_maps.data.paths import geodata_dir
from izmir_maps.data.registry import indicator, indicator_ids
from izmir_maps.errors import DataError, GeometryError


@pytest.fixture(scope="module")
def web() -> gpd.GeoDataFrame:
    return load_districts("web")


def test_table_is_a_geodataframe_of_30_districts_in_wgs84(table: gpd.GeoDataFrame) -> None:
    assert isinstance(table, gpd.GeoDataFrame)
    assert len(table) == 30
    assert table["pcode"].tolist() == [f"TUR035{i:03d}" for i in range(1, 31)]
    assert table.crs.to_epsg() == 4326
    assert shapely.is_valid(table.geometry.values).all()


def test_every_column_name_is_snake_case(table: gpd.GeoDataFrame) -> None:
    bad = [c for c in table.columns if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", c)]
    assert bad == []


def test_every_registered_indicator_has_a_column(table: gpd.GeoDataFrame) -> None:
    assert set(indicator_ids()) - set(table.columns) == set()


@pytest.mark.parametrize("base", ["employees", "firms", "exports_usd"])
def test_computed_shares_agree_with_the_reports_printed_shares(
    by_district: pd.DataFrame, base: str
) -> None:
    computed = by_district[f"{base}_share"]
    printed = by_district[f"{base}_share_report"]
    assert computed.notna().all()
    np.testing.assert_allclose(computed, printed, atol=0.005, rtol=0)


def test_aliaga_employment_share_and_rank_are_the_reports(by_district: pd.DataFrame) -> None:
    aliaga = by_district.loc["Aliağa"]
    assert round(aliaga["employees_share"], 2) == 4.14
    assert aliaga["employees_rank"] == 9  # "9th"
    assert by_district.loc["Konak", "employees_rank"] == 1


def test_wind_share_of_aliaga_is_the_reports(by_district: pd.DataFrame) -> None:
    share = by_district["wind_capacity_mw_share"]
    assert share["Aliağa"] == pytest.approx(57.84, abs=0.005)
    assert share.drop("Aliağa").isna().all()


def test_population_and_area_shares_add_up_to_100(by_district: pd.DataFrame) -> None:
    assert by_district["population_share"].sum() == pytest.approx(100)
    assert by_district["area_km2_share"].sum() == pytest.approx(100)


def test_rates_per_1000_residents_from_the_data_files(
    by_district: pd.DataFrame, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    t1 = raw_data("table1_districts.csv").set_index("district")
    pop = raw_data("population_2021.csv").set_index("district")["population"]
    for name in ("Aliağa", "Konak", "Kınık"):
        expected = t1.loc[name, "employees"] / pop[name] * 1000
        assert by_district.loc[name, "employees_per_1000"] == pytest.approx(expected, rel=1e-12)
        expected = t1.loc[name, "firms"] / pop[name] * 1000
        assert by_district.loc[name, "firms_per_1000"] == pytest.approx(expected, rel=1e-12)


def test_rates_per_km2(by_district: pd.DataFrame) -> None:
    expected = by_district["population"].astype(float) / by_district["area_km2"]
    np.testing.assert_allclose(by_district["population_per_km2"], expected, rtol=1e-12)


def test_area_is_measured_in_utm_35n_on_the_detailed_layer(by_district: pd.DataFrame) -> None:
    detailed = gpd.read_file(geodata_dir() / "izmir_districts_detailed.geojson")
    aliaga = detailed[detailed["district"] == "Aliağa"].to_crs("EPSG:32635")
    expected = float(aliaga.area.iloc[0]) / 1e6
    assert by_district.loc["Aliağa", "area_km2"] == pytest.approx(expected, rel=1e-9)
    assert 11_800 < by_district["area_km2"].sum() < 12_100


def test_web_layer_table_has_web_geometry_and_the_same_values(table: gpd.GeoDataFrame) -> None:
    web_table = district_table("web")
    web_layer = load_districts("web")
    assert shapely.equals_exact(web_table.geometry.values, web_layer.geometry.values).all()
    pd.testing.assert_frame_equal(
        pd.DataFrame(web_table.drop(columns="geometry")),
        pd.DataFrame(table.drop(columns="geometry")),
    )


def test_bad_layer_raises_geometry_error() -> None:
    with pytest.raises(GeometryError):
        district_table("print")  # type: ignore[arg-type]


def test_every_rank_is_one_plus_the_number_of_larger_values(table: gpd.GeoDataFrame) -> None:
    rank_columns = [c for c in table.columns if c.endswith("_rank")]
    assert len(rank_columns) >= 10
    for col in rank_columns:
        values = table[col.removesuffix("_rank")].astype(float).to_numpy()
        unranked_zero = bool(indicator(col.removesuffix("_rank")).unranked_zero)
        expected = [
            np.nan
            if np.isnan(v) or (unranked_zero and v == 0)
            else 1 + int((values[~np.isnan(values)] > v).sum())
            for v in values
        ]
        got = table[col].astype(float).to_numpy()
        np.testing.assert_array_equal(got, expected, err_msg=col)


def test_tied_values_share_the_best_rank(table: gpd.GeoDataFrame) -> None:
    one = table["osb_count"] == 1
    assert one.sum() > 1  # several districts have one OSB: a real tie
    assert table.loc[one, "osb_count_rank"].nunique() == 1
    assert table.loc[one, "osb_count_rank"].iloc[0] == (table["osb_count"] > 1).sum() + 1


def test_a_district_with_no_osb_has_no_rank(table: gpd.GeoDataFrame) -> None:
    zero = table["osb_count"] == 0
    assert zero.sum() == 19  # 30 minus the 11 districts with an OSB (İTOB puts Menderes in)
    assert table.loc[zero, "osb_count_rank"].isna().all()  # not "11./30"
    assert table.loc[~zero, "osb_count_rank"].notna().all()


def test_exports_per_capita_are_usd_per_resident(table: gpd.GeoDataFrame) -> None:
    row = table.set_index("district").loc["Aliağa"]
    assert "exports_usd_per_1000" not in table.columns
    assert row["exports_usd_per_capita"] == pytest.approx(row["exports_usd"] / row["population"])


def test_synthetic_ties_and_absent_districts(web: gpd.GeoDataFrame, fixtures_dir: Path) -> None:
    frame = pd.read_csv(fixtures_dir / "osb_count_ties.csv")
    joined = join_indicators(web, frame).set_index("pcode")
    assert len(joined) == 30  # absent districts are kept, never dropped
    ranks = joined["osb_count_rank"]
    assert ranks[["TUR035002", "TUR035001", "TUR035003"]].tolist() == [1, 2, 2]
    assert ranks[["TUR035004", "TUR035005"]].isna().all()  # no OSB: no rank
    absent = joined.index.difference(frame["pcode"])
    assert len(absent) == 25
    assert joined.loc[absent, "osb_count"].isna().all()  # NaN, not 0
    assert joined.loc[absent, "osb_count_rank"].isna().all()
    assert joined.loc[absent, "district"].notna().all()


def test_district_missing_from_indicators_is_kept_with_nan(web: gpd.GeoDataFrame) -> None:
    indicators = load_indicators()
    joined = join_indicators(web, indicators[indicators["district"] != "Aliağa"])
    aliaga = joined.set_index("district").loc["Aliağa"]
    assert len(joined) == 30
    assert pd.isna(aliaga["employees"])
    assert pd.isna(aliaga["employees_share"])
    assert pd.isna(aliaga["employees_rank"])
    assert aliaga["area_km2"] > 0
    assert joined["employees_rank"].max() == 29


def test_unknown_pcode_is_a_data_error(web: gpd.GeoDataFrame) -> None:
    frame = pd.DataFrame({"pcode": ["TUR035001", "TUR034001"], "osb_count": [1, 2]})
    with pytest.raises(DataError, match=r"\['TUR034001'\] are not among the boundaries"):
        join_indicators(web, frame)


def test_repeated_pcode_is_a_data_error(web: gpd.GeoDataFrame) -> None:
    frame = pd.DataFrame({"pcode": ["TUR035001", "TUR035001"], "osb_count": [1, 2]})
    with pytest.raises(DataError, match=r"\['TUR035001'\] occur more than once"):
        join_indicators(web, frame)


def test_join_without_population_still_gives_shares_and_ranks(web: gpd.GeoDataFrame) -> None:
    # join_indicators takes any indicator columns; a frame without 'population'
    # cannot have per-1,000 rates, but it must not fail with KeyError.
    frame = load_indicators()[["pcode", "employees"]]
    joined = join_indicators(web, frame).set_index("district")
    assert round(joined.loc["Aliağa", "employees_share"], 2) == 4.14
    assert joined.loc["Aliağa", "employees_rank"] == 9
    if "employees_per_1000" in joined:
        assert joined["employees_per_1000"].isna().all()
