"""The atlas builder's column sidecar."""

from __future__ import annotations

import geopandas as gpd
import pytest

from izmir_maps.atlas import column_sources
from izmir_maps.data.registry import indicator


@pytest.fixture(scope="module")
def sources(table: gpd.GeoDataFrame):
    return column_sources([c for c in table.columns if c != "geometry"])


def test_every_table_column_is_described_once(table: gpd.GeoDataFrame, sources) -> None:
    assert sources["column"].tolist() == [c for c in table.columns if c != "geometry"]
    for col in ("source", "label_tr", "label_en"):
        assert (sources[col].str.strip() != "").all(), col


def test_stated_share_columns_say_they_are_as_printed(sources) -> None:
    row = sources.set_index("column").loc["exports_usd_share_report"]
    assert row["label_en"].endswith("(as printed in the report)")
    assert row["label_tr"].endswith("(raporda yazan)")
    assert row["source"] == indicator("exports_usd").source
    assert row["unit"] == "%"


def test_indicator_columns_carry_the_registry_source_and_year(sources) -> None:
    rows = sources.set_index("column")
    assert rows.loc["employees", "source"] == indicator("employees").source
    assert rows.loc["employees", "year"] == "2008"
    assert rows.loc["population", "year"] == "2021"
    assert rows.loc["wind_capacity_mw", "unit"] == "MW"


def test_fixed_columns_are_labelled_in_both_languages(sources) -> None:
    rows = sources.set_index("column")
    assert rows.loc["pcode", ["label_tr", "label_en"]].tolist() == [
        "P-kodu (OCHA COD-AB)",
        "P-code (OCHA COD-AB)",
    ]
    assert rows.loc["district", ["label_tr", "label_en"]].tolist() == ["İlçe", "District"]
    for col in ("district_ascii", "province", "province_pcode", "population_year"):
        assert rows.loc[col, "label_tr"] != rows.loc[col, "label_en"], col
