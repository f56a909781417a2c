"""Exact-value tests written from the survivors of the second half of the mutation sample (scripts/mutation_sample_2.txt).

This file holds the data/ survivors; the spec/ ones are in tests/spec/test_spec_mutants2.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from pyproj import Geod

from izmir_maps.data.boundaries import load_districts
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.join import district_table, join_indicators
from izmir_maps.data.provinces import resolve_province
from izmir_maps.data.registry import indicator
from izmir_maps.errors import OptionError, UnknownIndicatorError
from izmir_maps.spec.legend import ClassesSection
from izmir_maps.spec.map_spec import choropleth_spec

# --- data.indicators ---------------------------------------------------------------------------


def test_the_reports_printed_shares_reach_the_district_table(
    raw_data: Callable[[str], pd.DataFrame],
) -> None:
    """The district CSV's "as printed in the report" share columns would be empty."""
    table = district_table().set_index("district")
    printed = raw_data("table1_districts.csv").set_index("district")
    for base, stated in (
        ("employees", "employees_share_pct"),
        ("firms", "firms_share_pct"),
        ("exports_usd", "exports_share_pct"),
    ):
        column = table[f"{base}_share_report"]
        assert column.notna().all()
        pd.testing.assert_series_equal(
            column.sort_index(), printed[stated].sort_index(), check_names=False
        )
    aliaga = table.loc["Aliağa"]
    assert (aliaga["employees_share_report"], aliaga["exports_usd_share_report"]) == (4.14, 8.14)


# --- data.join ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def joined() -> pd.DataFrame:
    """``join_indicators`` called as a user calls it: without an area, which it then measures."""
    districts = load_districts("detailed")
    return pd.DataFrame(join_indicators(districts, load_indicators())).set_index("district")


def test_join_indicators_measures_each_district_in_square_kilometres(joined: pd.DataFrame) -> None:
    """A table joined without an area would give km² (and densities) off by a factor of 10¹²."""
    # a second route: the geodesic area on the WGS84 ellipsoid, which UTM 35N matches to < 0.1 %
    geod = Geod(ellps="WGS84")
    districts = load_districts("detailed").set_index("district")
    geodesic = districts.geometry.map(lambda g: abs(geod.geometry_area_perimeter(g)[0]) / 1e6)
    assert joined.loc["Aliağa", "area_km2"] == pytest.approx(geodesic["Aliağa"], rel=1e-3)
    assert joined.loc["Aliağa", "area_km2"] == pytest.approx(379.06, abs=0.01)
    assert joined["area_km2"].sum() == pytest.approx(geodesic.sum(), rel=1e-3)
    assert round(joined["area_km2"].sum()) == 11879  # the official figure is about 11,891 km²
    # the same measure as the shipped district table, and the density follows from it
    shipped = district_table().set_index("district")
    pd.testing.assert_series_equal(joined["area_km2"], shipped["area_km2"])
    assert joined.loc["Aliağa", "employees_per_km2"] == pytest.approx(27225 / 379.0554, rel=1e-6)


# --- data.provinces ----------------------------------------------------------------------------


def test_an_unknown_province_is_answered_with_the_way_to_ask_for_all_turkiye() -> None:
    """The refusal would tell the user to type 'türkiye', in lower case, for the whole country."""
    with pytest.raises(OptionError) as info:
        resolve_province("Manisaa")
    assert str(info.value) == (
        "province 'Manisaa' is not one of Türkiye's 81 provinces. Did you mean 'Manisa'? Give a "
        "province name (any case, with or without Turkish letters), its P-code ('TUR045') or "
        "plate number ('45'), or 'Türkiye' for all 973 districts."
    )
    assert resolve_province("Türkiye") == "TUR"  # what the message offers works as written


# --- data.registry -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "lang", "label", "count"),
    [
        ("izka_sosyal_2008_applications_rank", "tr", "Sıra yok (başvuru yok)", 4),
        ("izka_sosyal_2008_applications_rank", "en", "No rank (no applications)", 4),
        ("izka_kobi_2008_successful_rank", "tr", "Sıra yok (başarılı proje yok)", 12),
        ("izka_kobi_2008_successful_rank", "en", "No rank (no successful projects)", 12),
    ],
)
def test_a_programme_rank_map_says_why_a_district_has_no_rank(
    indicator_id: str, lang: str, label: str, count: int
) -> None:
    """The rank map of one İZKA programme would fail instead of saying "no applications"."""
    spec = choropleth_spec(indicator_id, lang=lang)  # type: ignore[arg-type]
    section = spec.legend.section(ClassesSection)
    assert section is not None
    assert [(c.label, c.count) for c in section.classes if c.no_data] == [(label, count)]


@pytest.mark.parametrize("what", ["applications", "successful"])
def test_a_programme_gives_the_same_reason_for_a_zero_as_all_programmes(what: str) -> None:
    """A programme's count of zero would have no (or a broken) reason where the total has one."""
    total = indicator(f"izka_{what}")
    for pid in ("kobi_2008", "sosyal_2008", "tarim_kirsal_2009", "turizm_cevre_2009"):
        programme = indicator(f"izka_{pid}_{what}")
        for lang in ("tr", "en"):
            assert programme.unranked_reason(lang) == total.unranked_reason(lang)  # type: ignore[arg-type]
    assert indicator("izka_kobi_2008_applications").unranked_reason("en") == "no applications"


def test_a_misspelt_indicator_gets_a_suggestion_even_when_only_half_alike() -> None:
    """`osb`, the map's name, would get no hint that the indicator is 'osb_count'."""
    with pytest.raises(UnknownIndicatorError) as info:
        indicator("osb")
    assert str(info.value) == (
        "Unknown indicator 'osb'. Did you mean 'osb_count'? `izmir-maps indicators` lists every "
        "indicator that can be mapped."
    )
