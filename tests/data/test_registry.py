"""The registry of mappable indicators: labels, units, sources and number formats."""

from __future__ import annotations

import re

import pytest

from izmir_maps.data.registry import POPULATION_YEAR, base_indicators, indicator, indicator_ids
from izmir_maps.errors import OptionError, UnknownIndicatorError


def test_ids_are_unique_snake_case() -> None:
    ids = indicator_ids()
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids)


def test_every_indicator_has_both_labels_and_a_source() -> None:
    for ind_id in indicator_ids():
        ind = indicator(ind_id)
        assert ind.id == ind_id
        assert ind.label_tr.strip()
        assert ind.label_en.strip()
        assert ind.source.strip()
        assert ind.source_short.strip()
        assert ind.year.strip()


def test_derived_variants_point_back_to_their_base() -> None:
    bases = {b.id for b in base_indicators()}
    for ind_id in indicator_ids():
        ind = indicator(ind_id)
        if ind.variant is None:
            assert ind.id in bases
        else:
            assert ind.base in bases
            assert ind.id == indicator(ind.base).variant_id(ind.variant)


def test_per_capita_variants_say_which_population_year_they_use() -> None:
    # data/README.md caveat 6: 2008 counts divided by 2021 population must say so.
    per_1000 = [indicator(i) for i in indicator_ids() if indicator(i).variant == "per_1000"]
    assert len(per_1000) >= 5
    for ind in per_1000:
        assert f"{POPULATION_YEAR} nüfusu" in ind.label_tr
        assert f"{POPULATION_YEAR} population" in ind.label_en
        assert f"TÜİK ADNKS {POPULATION_YEAR}" in ind.source_short


def test_unknown_indicator_suggests_the_closest_ids() -> None:
    with pytest.raises(UnknownIndicatorError, match="Did you mean 'employees'") as info:
        indicator("employes")
    assert isinstance(info.value, OptionError)
    assert isinstance(info.value, KeyError)
    assert "izmir-maps indicators" in str(info.value)


@pytest.mark.parametrize(
    ("ind_id", "value", "lang", "unit", "expected"),
    [
        ("employees", 27225, "tr", False, "27.225"),
        ("employees", 27225, "en", True, "27,225 persons"),
        ("employees_share", 4.136, "tr", True, "%4,14"),
        ("employees_share", 4.136, "en", False, "4.14%"),
        ("employees_rank", 9, "tr", False, "9./30"),
        ("employees_rank", 9, "en", False, "9/30"),
        ("exports_usd", 673307314, "en", True, "673,307,314 USD"),
        ("wind_capacity_mw", 147.5, "tr", True, "147,5 MW"),
        ("employees_per_1000", 263.387, "tr", False, "263,4"),
        ("wind_capacity_mw", None, "tr", True, "–"),
        ("employees_rank", float("nan"), "tr", False, "–"),
    ],
)
def test_format(ind_id: str, value: float | None, lang: str, unit: bool, expected: str) -> None:
    assert indicator(ind_id).format(value, lang, unit=unit) == expected  # type: ignore[arg-type]


def test_titles_carry_the_unit() -> None:
    assert indicator("employees").title("tr") == "Çalışan sayısı (SGK, 2008), kişi"
    assert indicator("izka_success_rate").title("tr").endswith(", %")
    assert indicator("population_per_km2").title("en").endswith("(persons/km²)")
    assert indicator("employees").title("en") == "Employees (SGK, 2008), persons"
    assert indicator("employees_share").source_line("en").startswith("Source: ")
    assert indicator("employees_share").source_line("tr").startswith("Kaynak: ")


@pytest.mark.parametrize(
    ("ind_id", "tr", "en"),
    [
        ("employees_per_1000", "kişi / 1.000 kişi", "persons per 1,000 residents"),
        ("izka_applications_per_1000", "proje / 1.000 kişi", "projects per 1,000 residents"),
        ("firms_per_km2", "firma/km²", "firms/km²"),
        ("exports_usd_rank", "1 = en yüksek", "1 = highest"),
        ("osb_count", "OSB", "OSBs"),
    ],
)
def test_variant_and_shared_units_read_naturally_in_both_languages(
    ind_id: str, tr: str, en: str
) -> None:
    assert (indicator(ind_id).unit("tr"), indicator(ind_id).unit("en")) == (tr, en)


def test_variant_labels_name_the_variant() -> None:
    assert indicator("employees_share").label("tr").endswith("– İzmir içindeki payı")
    assert indicator("employees_share").label("en").endswith("– share of İzmir")
    assert indicator("firms_per_km2").label("en") == "Firms (2008), per km²"


def test_sources_and_years_are_shown_in_the_pages_language() -> None:
    employees = indicator("employees")
    assert employees.source_text("tr") == (
        "İZKA, İzmir Kümelenme Analizi İstatistikî Rapor (2009), aktaran: İZKA, 2010–2013 İzmir "
        "Bölge Planı İlçe Toplantıları Aliağa Özet Raporu (Aralık 2010), Tablo 1; SGK 2008"
    )
    assert employees.source_text("en") == (
        "İZKA, İzmir Cluster Analysis Statistical Report (2009), via İZKA, İzmir Regional Plan "
        "2010–2013 District Meetings, Aliağa Summary Report (December 2010), Table 1; SGK 2008"
    )
    assert employees.source == employees.source_text("tr")  # existing callers get Turkish
    osb = indicator("osb_count")
    assert (osb.year_label("tr"), osb.year_label("en")) == ("güncel", "current")
    assert osb.source_line("tr") == "Kaynak: İZKA 2010; OSB kaynakları"
    assert osb.source_line("en") == "Source: İZKA 2010; OSB sources"
    assert indicator("izka_applications_rank").source_line("en") == "Source: İZKA 2010, Table 3"


def test_derived_variants_carry_both_languages_of_their_sources() -> None:
    per_1000 = indicator("firms_per_1000")
    assert per_1000.source_short_text("tr") == "İZKA 2009 (2008 verisi); TÜİK ADNKS 2021"
    assert per_1000.source_short_text("en") == "İZKA 2009 (2008 data); TÜİK ADNKS 2021"
    assert per_1000.source_text("en").endswith(
        "; TÜİK, Address-Based Population Registration System (ADNKS) 2021"
    )
    assert per_1000.source_text("tr").endswith(
        "; TÜİK, Adrese Dayalı Nüfus Kayıt Sistemi (ADNKS) 2021"
    )
