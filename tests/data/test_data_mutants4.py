"""Exact-value tests written from the survivors of the third mutation sample (scripts/mutation_sample_3.txt).

This file holds the data/ survivors; the text/ ones are in tests/text/test_text_mutants3.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.data.history import load_boundary_history
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.join import join_indicators
from izmir_maps.data.locations import APPROXIMATE, place_points
from izmir_maps.data.provinces import province_districts
from izmir_maps.data.registry import indicator, population_by_year
from izmir_maps.data.tables import load_osbs, load_wind_farms
from izmir_maps.errors import DataError
from izmir_maps.spec.years import population_years_spec
from izmir_maps.text.words import text

Edit = Callable[[pd.DataFrame], pd.DataFrame]

# --- data.history ------------------------------------------------------------------------------


def test_a_boundary_history_row_without_notes_is_read(
    edit_csv: Callable[[str, Edit], Path],
) -> None:
    """A boundary history whose notes cell is left empty would be refused as an error."""

    def no_notes(df: pd.DataFrame) -> pd.DataFrame:
        df.loc[0, "notes"] = ""
        return df

    history = load_boundary_history(edit_csv("boundary_history.csv", no_notes))
    assert list(history["district"]) == ["Bayraklı", "Karabağlar"]
    assert list(history["merged_into_2008"]) == ["Karşıyaka", "Konak"]
    assert history.loc[0, "notes"] == ""


# --- data.join ---------------------------------------------------------------------------------


def test_a_one_square_kilometre_district_measures_exactly_one_km2() -> None:
    """A table joined without an area would show each area (and density) a millionth too small."""
    # every district a 1000 m square in the equal-area CRS itself: 10⁶ m² exactly, no reprojection
    districts = load_districts("web").to_crs(EQUAL_AREA_CRS)
    squares = [
        shapely.box(500_000.0, 4_200_000.0 + 2000.0 * i, 501_000.0, 4_201_000.0 + 2000.0 * i)
        for i in range(len(districts))
    ]
    districts = gpd.GeoDataFrame(
        districts.drop(columns="geometry"), geometry=squares, crs=EQUAL_AREA_CRS
    )
    joined = pd.DataFrame(join_indicators(districts, load_indicators())).set_index("district")
    assert joined["area_km2"].tolist() == [1.0] * 30
    employees = load_indicators().set_index("district")["employees"]
    assert joined.loc["Aliağa", "employees_per_km2"] == float(employees["Aliağa"]) == 27225.0


# --- data.locations ----------------------------------------------------------------------------


def test_a_zone_with_a_latitude_but_no_longitude_is_placed_inside_its_district(
    table: gpd.GeoDataFrame,
) -> None:
    """A zone whose longitude is missing would be drawn at a sourced point with no longitude."""
    osbs = load_osbs().copy()
    name = str(osbs["name"].iloc[0])
    row = osbs["name"] == name
    # the shipped table refuses half a coordinate (next test); a frame built in Python may have one
    half = osbs.copy()
    half.loc[row, "longitude"] = np.nan
    placed, unplaced = place_points(half, table)
    bare = osbs.copy()
    bare.loc[row, ["latitude", "longitude"]] = np.nan
    expected, _ = place_points(bare, table)
    assert placed.loc[row, "location"].tolist() == [APPROXIMATE]
    assert (
        placed.loc[row].geometry.to_wkt().tolist() == expected.loc[row].geometry.to_wkt().tolist()
    )
    assert len(placed) == len(half) and unplaced.empty


def test_a_zone_table_with_half_a_coordinate_is_refused(
    edit_csv: Callable[[str, Edit], Path],
) -> None:
    """A latitude without its longitude was silently drawn as an approximate point."""
    osbs = load_osbs()
    name = str(osbs.loc[osbs["latitude"].notna(), "name"].iloc[-1])
    row = int(osbs.index[osbs["name"] == name][0]) + 2

    def blank(df: pd.DataFrame) -> pd.DataFrame:
        df.loc[df["name"] == name, "longitude"] = ""
        return df

    path = edit_csv("osb.csv", blank)
    with pytest.raises(DataError) as info:
        load_osbs(path)
    assert str(info.value) == (
        f"{path / 'osb.csv'}: 1 problem(s) found. (1) row {row}, column 'longitude': empty, but "
        "the latitude is given; give both (decimal degrees, WGS 84) or neither (the point is then "
        "drawn inside its district and marked approximate). Fix the file and run again."
    )


# --- data.provinces ----------------------------------------------------------------------------


def test_the_districts_of_a_province_have_the_documented_columns_only() -> None:
    """The districts of a province would carry an extra 'index' column of national row numbers."""
    manisa = province_districts("Manisa")
    assert list(manisa.columns) == [
        "pcode",
        "district",
        "district_ascii",
        "province",
        "province_pcode",
        "area_km2",
        "geometry",
    ]
    assert manisa.index.tolist() == list(range(17))


# --- data.registry -----------------------------------------------------------------------------


def test_the_population_year_map_cites_its_source_in_english() -> None:
    """The English year map's indicator would give its full source in Turkish."""
    ind = population_by_year([2018, 2021, 2023])
    assert ind.source_text("en") == text("src_population_years", "en")
    assert ind.source_text("tr") == text("src_population_years", "tr")
    assert ind.source_text("en") != ind.source_text("tr")


def test_the_population_year_map_holds_its_values_under_population_by_year(
    raw_data: Callable[[str], pd.DataFrame],
) -> None:
    """The year map's table would have no 'population_by_year' column to read the values from."""
    spec = population_years_spec(lang="en")
    assert spec.indicator is not None
    assert spec.indicator.id == "population_by_year"
    shown = spec.districts.set_index("district")
    raw = raw_data("population_years.csv")
    aliaga = raw[(raw["district"] == "Aliağa") & (raw["year"] == 2023)]["population"]
    assert shown.loc["Aliağa", "population_by_year"] == float(aliaga.item()) == 106168.0
    assert int(shown.loc["Aliağa", "population_by_year_rank"]) == int(
        (raw[raw["year"] == 2023]["population"] > aliaga.item()).sum() + 1
    )
    # the id the map registered is the one a user looks the indicator up by
    assert indicator("population_by_year").label("en") == spec.indicator.label("en")


# --- data.validate -----------------------------------------------------------------------------


def test_a_value_exactly_at_a_columns_maximum_is_accepted(
    edit_csv: Callable[[str, Edit], Path],
) -> None:
    """A wind farm of exactly the largest allowed capacity (1000 MW) would be refused as too large."""

    def at_maximum(df: pd.DataFrame) -> pd.DataFrame:
        df.loc[0, "capacity_mw"] = "1000"
        df.loc[0, "latitude"] = "39.5"
        return df

    farms = load_wind_farms(edit_csv("wind_farms.csv", at_maximum))
    assert farms.loc[0, "capacity_mw"] == 1000.0
    assert farms.loc[0, "latitude"] == 39.5
