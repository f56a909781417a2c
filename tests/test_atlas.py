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
    for col in ("source_tr", "source_en", "label_tr", "label_en"):
        assert (sources[col].str.strip() != "").all(), col


def test_stated_share_columns_say_they_are_as_printed(sources) -> None:
    row = sources.set_index("column").loc["exports_usd_share_report"]
    assert row["label_en"].endswith("(as printed in the report)")
    assert row["label_tr"].endswith("(raporda yazan)")
    assert row["source_tr"] == indicator("exports_usd").source_text("tr")
    assert row["source_en"] == indicator("exports_usd").source_text("en")
    assert row["unit_tr"] == row["unit_en"] == "%"


def test_indicator_columns_carry_the_registry_source_and_year(sources) -> None:
    rows = sources.set_index("column")
    assert rows.loc["employees", "source_tr"] == indicator("employees").source_text("tr")
    assert rows.loc["employees", "year_tr"] == rows.loc["employees", "year_en"] == "2008"
    assert rows.loc["population", "year_en"] == "2021"
    assert rows.loc["wind_capacity_mw", "unit_en"] == "MW"
    # the export year is an assumption, said in each language
    assert rows.loc["exports_usd", "year_tr"] == "yıl belirtilmemiş (2008 varsayıldı)"
    assert rows.loc["exports_usd", "year_en"] == "year not stated (2008 assumed)"
    assert " via " in rows.loc["employees", "source_en"]
    assert " via " not in rows.loc["employees", "source_tr"]


def test_fixed_columns_are_labelled_in_both_languages(sources) -> None:
    rows = sources.set_index("column")
    assert rows.loc["pcode", ["label_tr", "label_en"]].tolist() == [
        "P-kodu (OCHA COD-AB)",
        "P-code (OCHA COD-AB)",
    ]
    assert rows.loc["district", ["label_tr", "label_en"]].tolist() == ["İlçe", "District"]
    for col in ("district_ascii", "province", "province_pcode", "population_year"):
        assert rows.loc[col, "label_tr"] != rows.loc[col, "label_en"], col
