"""Tests of izmir_maps.stats.ranking: every district's value, share of İzmir and rank."""

from __future__ import annotations

import re
from collections.abc import Callable

import geopandas as gpd
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from izmir_maps.data.registry import indicator
from izmir_maps.errors import DataError, OptionError, UnknownIndicatorError
from izmir_maps.stats.ranking import ranking_table


def test_ranking_table_columns_and_order(table: gpd.GeoDataFrame) -> None:
    result = ranking_table(table)
    assert list(result["pcode"]) == sorted(table["pcode"])
    assert list(result.columns[:5]) == [
        "pcode",
        "district",
        "employees",
        "employees_share",
        "employees_rank",
    ]
    assert "wind_capacity_mw_share" in result.columns
    assert "wind_capacity_mw_rank" not in result.columns  # not ranked: one value only
    assert "izka_success_rate_share" not in result.columns  # a rate has no share
    assert all(re.fullmatch(r"[a-z0-9_]+", c) for c in result.columns)
    assert not isinstance(result, gpd.GeoDataFrame)


def test_ranking_table_ranks_equal_pandas_rank_of_the_source(
    table: gpd.GeoDataFrame, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    result = ranking_table(table).set_index("district")
    source = raw_data("table1_districts.csv").set_index("district")
    for column in ("employees", "firms", "exports_usd"):
        expected = source[column].rank(ascending=False, method="min").astype(int)
        got = result.loc[expected.index, f"{column}_rank"].astype(int)
        pd.testing.assert_series_equal(got, expected, check_names=False)
    for column in ("population", "izka_success_rate", "osb_count"):
        values = table.set_index("district")[column].astype(float)
        if column == "osb_count":  # a district with no OSB has no rank
            values = values.where(values != 0)
        expected = values.rank(ascending=False, method="min")
        got = result.loc[expected.index, f"{column}_rank"].astype(float)
        pd.testing.assert_series_equal(got, expected, check_names=False)
    assert result.loc["Aliağa", "employees_rank"] == 9


def test_a_district_with_no_osb_has_no_rank_and_the_others_keep_theirs(
    table: gpd.GeoDataFrame,
) -> None:
    ranks = ranking_table(table, ["osb_count"]).set_index("district")["osb_count_rank"]
    assert ranks["Kemalpaşa"] == 1 and ranks["Kınık"] == 1 and ranks["Torbalı"] == 1
    assert ranks["Aliağa"] == 4 and ranks["Çiğli"] == 4 and ranks["Menderes"] == 4
    assert ranks["Karaburun"] is pd.NA and ranks["Konak"] is pd.NA  # was "11./30"
    assert int(ranks.notna().sum()) == 11


def test_a_zero_count_of_a_programme_has_no_rank(table: gpd.GeoDataFrame) -> None:
    column = "izka_turizm_cevre_2009_successful"
    result = ranking_table(table, [column]).set_index("district")
    zero = result[column] == 0
    assert zero.any()
    assert result.loc[zero, f"{column}_rank"].isna().all()
    assert result.loc[~zero, f"{column}_rank"].notna().all()


def test_ranking_table_shares_are_of_the_izmir_total(
    table: gpd.GeoDataFrame, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    result = ranking_table(table).set_index("district")
    source = raw_data("table1_districts.csv").set_index("district")
    totals = raw_data("izmir_totals.csv").set_index("indicator")["value"]
    expected = source["employees"] / float(totals["employees"]) * 100
    assert_allclose(result.loc[expected.index, "employees_share"], expected)
    # and the shares printed in the source, to their two decimals
    assert_allclose(
        result.loc[source.index, "employees_share"], source["employees_share_pct"], atol=0.006
    )
    assert round(result.loc["Aliağa", "employees_share"], 2) == 4.14


def test_ranking_table_labels_and_csv(table: gpd.GeoDataFrame) -> None:
    result = ranking_table(table, ["employees", "exports_usd"], lang="tr")
    labels = result.attrs["labels"]
    assert labels["district"] == "İlçe"
    assert labels["employees"] == indicator("employees").label("tr")
    assert labels["exports_usd_share"] == indicator("exports_usd_share").label("tr")
    assert labels["exports_usd_share"].endswith("İzmir içindeki payı")
    assert ranking_table(table, ["firms"], lang="en").attrs["labels"]["firms_rank"].endswith("rank")
    csv = result.to_csv(index=False)
    header, first = csv.splitlines()[:2]
    assert header == (
        "pcode,district,employees,employees_share,employees_rank,"
        "exports_usd,exports_usd_share,exports_usd_rank"
    )
    fields = first.split(",")
    assert fields[:3] == ["TUR035001", "Aliağa", "27225"]
    assert (fields[4], fields[5]) == ("9", "673307314")  # ranks are written as integers
    assert fields[7] == str(result.loc[0, "exports_usd_rank"])


def test_ranking_table_bad_inputs(table: gpd.GeoDataFrame) -> None:
    with pytest.raises(OptionError, match="lang must be 'tr' or 'en', not 'de'"):
        ranking_table(table, lang="de")  # type: ignore[arg-type]
    with pytest.raises(UnknownIndicatorError, match="employes"):
        ranking_table(table, ["employes"])
    with pytest.raises(DataError, match=r"lacks column\(s\) \['firms'\]"):
        ranking_table(table.drop(columns="firms"), ["firms"])
