"""Per-district indicators assembled from the checked tables."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.indicators import izmir_totals, load_indicators

WIND_PROPOSED = {"Aliağa", "Bergama", "Dikili", "Çeşme", "Karaburun", "Urla"}


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return load_indicators()


@pytest.fixture(scope="module")
def by_name(indicators: pd.DataFrame) -> pd.DataFrame:
    return indicators.set_index("district")


def test_one_row_per_district_sorted_by_pcode(indicators: pd.DataFrame) -> None:
    assert len(indicators) == 30
    assert indicators["pcode"].tolist() == [f"TUR035{i:03d}" for i in range(1, 31)]
    assert indicators["district"].is_unique


def test_counts_equal_the_data_files(
    by_name: pd.DataFrame, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    t1 = raw_data("table1_districts.csv").set_index("district")
    for col in ("employees", "firms", "exports_usd"):
        np.testing.assert_array_equal(
            by_name[col].astype("int64").sort_index(), t1[col].sort_index()
        )
    stated = t1["employees_share_pct"].sort_index()
    np.testing.assert_array_equal(by_name["employees_share_report"].sort_index(), stated)
    pop = raw_data("population_2021.csv").set_index("district")["population"]
    np.testing.assert_array_equal(
        by_name["population"].astype("int64").sort_index(), pop.sort_index()
    )


def test_wind_capacity_is_given_for_aliaga_only_and_never_zero(by_name: pd.DataFrame) -> None:
    wind = by_name["wind_capacity_mw"]
    assert wind["Aliağa"] == 147.5
    others = wind.drop("Aliağa")
    assert others.isna().all()  # the report assigns the other 107.5 MW to no district
    assert not (wind == 0).any()


def test_wind_proposed_is_true_exactly_for_the_six_named_districts(by_name: pd.DataFrame) -> None:
    assert by_name["wind_proposed"].dtype == bool
    assert set(by_name.index[by_name["wind_proposed"]]) == WIND_PROPOSED


def test_osb_count(by_name: pd.DataFrame, raw_data: Callable[[str], pd.DataFrame]) -> None:
    assert by_name.loc["Aliağa", "osb_count"] >= 1  # ALOSBİ
    assert by_name.loc["Çiğli", "osb_count"] >= 1  # İAOSB (Atatürk OSB)
    assert not by_name["osb_count"].isna().any()
    # Free zones and the private industrial zone are not OSBs; unplaced OSBs count nowhere.
    osb = raw_data("osb.csv")
    counted = osb[osb["kind"].isin(["osb", "agricultural_osb"]) & osb["district"].notna()]
    assert int(by_name["osb_count"].sum()) == len(counted)
    assert by_name.loc["Kınık", "osb_count"] == 2  # Kınık OSB and the agricultural OSB
    assert by_name.loc["Menemen", "osb_count"] == 1  # MPİOSB; İZBAŞ and MENSER are free zones


def test_population_year_is_2021_everywhere(indicators: pd.DataFrame) -> None:
    assert (indicators["population_year"] == 2021).all()


def test_izka_columns(by_name: pd.DataFrame) -> None:
    aliaga = by_name.loc["Aliağa"]
    assert (aliaga["izka_applications"], aliaga["izka_successful"]) == (9, 2)
    assert aliaga["izka_kobi_2008_applications"] == 6
    assert aliaga["izka_kobi_2008_successful"] == 2
    assert aliaga["izka_success_rate"] == pytest.approx(2 / 9 * 100)
    assert int(by_name["izka_applications"].sum()) == 1008
    assert int(by_name["izka_successful"].sum()) == 253


def test_success_rate_is_missing_not_zero_without_applications(by_name: pd.DataFrame) -> None:
    none = by_name["izka_applications"] == 0
    assert by_name.loc[none, "izka_success_rate"].isna().all()
    some = ~none
    expected = by_name.loc[some, "izka_successful"] / by_name.loc[some, "izka_applications"] * 100
    np.testing.assert_allclose(by_name.loc[some, "izka_success_rate"], expected.astype(float))


def test_izmir_totals_are_the_stated_totals() -> None:
    totals = izmir_totals()
    assert totals["employees"] == 658225
    assert totals["firms"] == 88039
    assert totals["exports_usd"] == 8269662775  # stated, not the rows' sum
    assert totals["izka_applications"] == 1008
    assert totals["izka_successful"] == 253
    assert totals["izka_kobi_2008_applications"] == 441
    assert totals["izka_turizm_cevre_2009_successful"] == 38
    assert totals["wind_capacity_mw"] == 255
    assert totals["population"] == 4425789
    assert not any(key.endswith("_share_pct") for key in totals)
