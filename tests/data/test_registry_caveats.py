"""The registry's caveats: the exports' unstated year, and counts whose zero gets no rank."""

from __future__ import annotations

import pandas as pd
import pytest

from izmir_maps.data.registry import indicator, indicator_ids


@pytest.mark.parametrize(
    "ind_id", ["exports_usd", "exports_usd_share", "exports_usd_rank", "exports_usd_per_km2"]
)
def test_the_exports_year_is_never_a_bare_2008(ind_id: str) -> None:
    ind = indicator(ind_id)
    assert ind.year_label("tr") == "yıl belirtilmemiş (2008 varsayıldı)"
    assert ind.year_label("en") == "year not stated (2008 assumed)"


def test_the_exports_map_source_line_states_the_year() -> None:
    assert indicator("exports_usd").source_line("tr") == (
        "Kaynak: İZKA 2009, yıl belirtilmemiş (2008 varsayıldı)"
    )
    assert indicator("exports_usd").source_line("en") == (
        "Source: İZKA 2009, year not stated (2008 assumed)"
    )


def test_the_other_table_1_columns_keep_2008() -> None:
    assert indicator("employees").year_label("tr") == "2008"
    assert indicator("firms").year_label("en") == "2008"


def test_zero_counts_get_no_rank_and_other_zeros_do() -> None:
    unranked = {i for i in indicator_ids() if indicator(i).unranked_zero}
    assert {"osb_count", "izka_applications", "izka_kobi_2008_successful"} <= unranked
    assert not {"employees", "firms", "exports_usd", "population"} & unranked
    assert indicator("osb_count").unranked_reason("tr") == "OSB yok"
    assert indicator("izka_successful").unranked_reason("en") == "no successful projects"
    assert indicator("employees").ranks(0) is True  # not a count a district may lack
    assert indicator("izka_success_rate").ranks(0) is True  # 0 % of applications succeeded


def test_rank_values_leave_zeros_unranked_and_the_rest_in_order() -> None:
    ranks = indicator("osb_count").rank_values(pd.Series([2, 0, 1, 1, None]))
    assert ranks.tolist() == [1, pd.NA, 2, 2, pd.NA]
    assert str(ranks.dtype) == "Int64"


def test_exports_per_capita_are_usd_per_resident() -> None:
    ind = indicator("exports_usd_per_capita")
    assert (ind.unit("tr"), ind.unit("en")) == ("ABD $ / kişi", "USD per resident")
    assert ind.label("tr") == "İhracat, kişi başına, 2021 nüfusu ile"
    assert ind.label("en") == "Exports, per resident, 2021 population"
    assert ind.format(6513.944, "tr", unit=True) == "6.513,9 ABD $ / kişi"
    assert ind.format(1.349, "en", unit=True) == "1.3 USD per resident"
    assert ind.year_label("tr") == "yıl belirtilmemiş (2008 varsayıldı)"


def test_the_former_exports_per_1000_id_still_names_the_indicator() -> None:
    assert indicator("exports_usd_per_1000") is indicator("exports_usd_per_capita")
    assert "exports_usd_per_1000" not in indicator_ids()  # the atlas writes the new name only
    assert "employees_per_1000" in indicator_ids()  # other indicators keep per 1,000
