"""The 2008 boundary change: the sourced history table and the 2008 view's figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.boundaries import district_matcher, load_districts
from izmir_maps.data.history import load_boundary_history, merge_2008, new_districts
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.join import district_table
from izmir_maps.errors import DataError, OptionError

PCODE = district_matcher().pcode


def test_history_names_both_new_districts_with_their_law_and_parent() -> None:
    history = load_boundary_history().set_index("district")
    assert list(history.index) == ["Bayraklı", "Karabağlar"]
    assert history.loc["Bayraklı", "merged_into_2008"] == "Karşıyaka"
    assert history.loc["Karabağlar", "merged_into_2008"] == "Konak"
    assert set(history["law"]) == {"5747"}
    assert set(history["gazette_no"]) == {"26824"}
    assert set(history["gazette_date"]) == {"2008-03-22"}
    assert all("resmigazete.gov.tr" in s for s in history["source"])


def test_new_districts_map_child_to_parent_pcodes() -> None:
    assert new_districts() == {
        PCODE("Bayraklı"): PCODE("Karşıyaka"),
        PCODE("Karabağlar"): PCODE("Konak"),
    }


def test_merge_adds_counts_and_keeps_every_other_district_as_it_is() -> None:
    current = load_indicators().set_index("district")
    rows, shapes = merge_2008(load_indicators(), load_districts("web"))
    merged = rows.set_index("district")
    assert len(rows) == len(shapes) == 28
    for col in ("employees", "firms", "exports_usd", "population", "izka_applications"):
        assert (
            merged.loc["Konak", col] == current.loc["Konak", col] + current.loc["Karabağlar", col]
        )
        assert merged.loc["Karşıyaka", col] == (
            current.loc["Karşıyaka", col] + current.loc["Bayraklı", col]
        )
    assert merged.loc["Konak", "employees"] == 199_310 + 520
    assert merged.loc["Konak", "merged"] == "Karabağlar"
    assert merged.loc["Karşıyaka", "merged"] == "Bayraklı"
    others = current.drop(index=["Konak", "Karşıyaka", "Bayraklı", "Karabağlar"])
    pd.testing.assert_series_equal(
        merged.loc[others.index, "employees"], others["employees"], check_names=False
    )
    assert pd.isna(merged.loc["Buca", "merged"])


def test_merge_recomputes_the_success_rate_from_the_summed_counts() -> None:
    rows, _ = merge_2008(load_indicators(), load_districts("web"))
    konak = rows.set_index("district").loc["Konak"]
    assert konak["izka_success_rate"] == pytest.approx((56 + 3) / (200 + 14) * 100)


def test_merged_shape_covers_both_districts() -> None:
    districts = load_districts("detailed").set_index("district")
    _, shapes = merge_2008(load_indicators(), load_districts("detailed"))
    konak = shapes.set_index("district").loc["Konak", "geometry"]
    both = districts.loc["Konak", "geometry"].union(districts.loc["Karabağlar", "geometry"])
    assert konak.symmetric_difference(both).area < 1e-9


def test_2008_table_ratios_and_ranks_are_over_28_units() -> None:
    t = district_table("web", "2008").set_index("district")
    assert len(t) == 28
    assert "Bayraklı" not in t.index
    assert t.loc["Konak", "employees_per_1000"] == pytest.approx(
        (199_310 + 520) / (336_545 + 478_788) * 1000
    )
    assert t["employees_rank"].max() <= 28
    assert (
        t.loc["Konak", "area_km2"]
        > district_table("web").set_index("district").loc["Konak", "area_km2"]
    )


def test_unknown_view_is_refused() -> None:
    with pytest.raises(OptionError, match="'current' or '2008'"):
        district_table("web", "1990")  # type: ignore[arg-type]


def test_a_parent_that_is_not_a_district_is_named(
    data_copy: Path, edit_csv: Callable[..., Path]
) -> None:
    def bad(df: pd.DataFrame) -> pd.DataFrame:
        df.loc[0, "merged_into_2008"] = "Karsiyakaa"
        return df

    folder = edit_csv("boundary_history.csv", bad)
    with pytest.raises(DataError, match=r"row 2, column 'merged_into_2008': 'Karsiyakaa'"):
        load_boundary_history(folder)
