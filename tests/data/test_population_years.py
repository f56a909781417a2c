"""data/population_years.csv: district populations of several years (TÜİK ADNKS, 31 December)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from izmir_maps.data.paths import data_dir

# İzmir's published end-of-year population (TÜİK ADNKS); sources in data/README.md.
PROVINCE_TOTALS = {2018: 4_320_519, 2021: 4_425_789, 2023: 4_479_525}


@pytest.fixture(scope="module")
def years(raw_data: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return raw_data("population_years.csv")


@pytest.fixture(scope="module")
def districts(raw_data: Callable[[str], pd.DataFrame]) -> list[str]:
    return raw_data("population_2021.csv")["district"].tolist()


def test_columns_and_the_three_years(years: pd.DataFrame) -> None:
    assert years.columns.tolist() == ["district", "year", "population", "source"]
    assert sorted(years["year"].unique()) == [2018, 2021, 2023]


def test_every_year_has_the_30_districts_once_in_table_order(
    years: pd.DataFrame, districts: list[str]
) -> None:
    assert not years.duplicated(["district", "year"]).any()
    for year, rows in years.groupby("year"):
        assert rows["district"].tolist() == districts, year


def test_each_year_sums_to_the_published_province_total(years: pd.DataFrame) -> None:
    sums = years.groupby("year")["population"].sum().to_dict()
    assert sums == PROVINCE_TOTALS


def test_2021_rows_are_population_2021_csv(
    years: pd.DataFrame, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    rows = years[years["year"] == 2021].reset_index(drop=True)
    base = raw_data("population_2021.csv")
    pd.testing.assert_series_equal(rows["district"], base["district"])
    pd.testing.assert_series_equal(rows["population"], base["population"])
    pd.testing.assert_series_equal(rows["source"], base["source"])


def test_values_a_second_source_confirms(years: pd.DataFrame) -> None:
    value = years.set_index(["district", "year"])["population"]
    # Aliağa 2018: alto.org.tr and the local press; 2023: mynet (TÜİK series 2022-2025).
    assert value["Aliağa", 2018] == 95_392
    assert value["Aliağa", 2023] == 106_168
    # 2023 largest and smallest districts as the İzmir press reported them.
    assert value["Buca", 2023] == 523_487
    assert value["Karabağlar", 2023] == 476_500
    assert value["Bornova", 2023] == 447_553
    assert value["Beydağ", 2023] == 12_094
    assert value["Karaburun", 2023] == 13_379
    assert value["Kınık", 2023] == 29_205


def test_counts_are_positive_whole_numbers_and_every_row_is_sourced(years: pd.DataFrame) -> None:
    assert years["population"].dtype == "int64"
    assert (years["population"] > 0).all()
    assert years["source"].str.contains("TÜİK ADNKS").all()
    by_year = years.groupby("year")["source"].first()
    assert "354b2391a63a3b42a062ff7ace929f4c9ff23a15" in by_year[2018]
    assert "fc3144fa54331a12b7034e623a53a5c8b40c45fc" in by_year[2023]


def test_file_follows_the_data_conventions() -> None:
    raw = (data_dir() / "population_years.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
