"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt).

This file holds helper H2's half of the spec/ survivors. Each test builds its spec in its own
body (no shared module fixture), so that mutmut, which runs only the tests it saw call a
function, runs it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator, user_indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.legend import ClassesSection, SymbolSection
from izmir_maps.spec.map_spec import DistrictData, choropleth_spec, wind_spec
from izmir_maps.spec.user_spec import user_choropleth_spec, user_table, user_years_spec
from izmir_maps.spec.years import population_years_spec, year_spec, years_sentences, years_spec
from izmir_maps.text.clean import SOURCE_MAX
from izmir_maps.text.words import text


def _csv(tmp_path: Path) -> Path:
    """A user's table of four İzmir districts."""
    path = tmp_path / "deger.csv"
    path.write_text("İlçe,Değer\nAliağa,5\nBuca,7\nKonak,9\nTire,1\n", encoding="utf-8")
    return path


# --- spec.legend -------------------------------------------------------------------------------


def test_a_share_map_calls_its_missing_districts_no_data_not_no_rank() -> None:
    """A share map's grey class would read "No rank (…)" although the map shows no ranks."""
    ind = indicator("izka_applications_share")
    table = district_table("web")
    table.loc[table["district"] == "Kiraz", [ind.base, ind.id]] = [0, float("nan")]
    spec = choropleth_spec(ind.id, lang="en", data=DistrictData(table, ind))
    section = spec.legend.section(ClassesSection)
    assert section is not None
    assert [c.label for c in section.classes if c.no_data] == [text("no_data", "en")]


def test_the_wind_farm_legend_draws_farm_markers() -> None:
    """The wind farms' legend entries would draw an unknown symbol instead of the farm marker."""
    section = wind_spec(lang="en").legend.section(SymbolSection, "farms")
    assert section is not None
    assert [(e.symbol, e.location) for e in section.entries] == [
        ("farm", "sourced"),
        ("farm", "approximate"),
    ]


# --- spec.map_spec -----------------------------------------------------------------------------


def test_a_map_of_an_unknown_kind_is_refused_naming_kind() -> None:
    """The refusal of an unknown map kind would name an option "XXkindXX" that does not exist."""
    with pytest.raises(OptionError) as caught:
        replace(choropleth_spec("employees"), kind="bad")
    assert str(caught.value) == (
        "kind must be 'choropleth', 'osb', 'wind', 'combined' or 'bivariate', not 'bad'."
    )


def test_an_indicators_english_unit_and_source_are_tidied_for_the_page() -> None:
    """An English unit with a line break, or an over-long English source, would reach the page as given."""
    ind = replace(
        user_indicator("Değer", source="t.csv"),
        unit_en="tonnes\n per  year",
        source_en="x" * (SOURCE_MAX + 50),
    )
    table = district_table("web")[["pcode", "district", "geometry"]].copy()
    table[ind.id] = range(30)
    shown = choropleth_spec(ind.id, lang="en", data=DistrictData(table, ind)).indicator
    assert shown is not None
    assert shown.unit_en == "tonnes per year"
    assert shown.source_en == "x" * (SOURCE_MAX - 1) + "…"


# --- spec.user_spec ----------------------------------------------------------------------------


def test_user_table_refuses_a_title_that_is_not_text(tmp_path: Path) -> None:
    """A title of the wrong type would be refused late, or not by name."""
    with pytest.raises(OptionError) as caught:
        user_table(_csv(tmp_path), column="Değer", title=5)  # type: ignore[arg-type]
    assert str(caught.value) == "title must be a text (str) or None, not 5."


def test_user_choropleth_spec_refuses_a_title_that_is_not_text(tmp_path: Path) -> None:
    """A wrong title with a wrong k would be reported as the k alone: the title is checked first."""
    with pytest.raises(OptionError) as caught:
        user_choropleth_spec(_csv(tmp_path), column="Değer", title=5, k=99)  # type: ignore[arg-type]
    assert str(caught.value) == "title must be a text (str) or None, not 5."


def test_options_of_the_wrong_type_are_refused_by_their_name(tmp_path: Path) -> None:
    """The refusal would name an argument "OPTIONS" that no caller wrote."""
    with pytest.raises(OptionError) as caught:
        user_table(_csv(tmp_path), "x", column="Değer")  # type: ignore[arg-type]
    assert str(caught.value) == "options must be a ReadOptions or None, not 'x'."


def test_user_choropleth_spec_draws_the_number_of_classes_asked_for(tmp_path: Path) -> None:
    """k=3 on a user's table would be ignored and the default number of classes drawn."""
    spec, _ = user_choropleth_spec(_csv(tmp_path), column="Değer", k=3)
    assert spec.classification is not None
    assert spec.classification.k == 3


def test_a_bad_k_for_a_year_map_is_refused_before_the_file_is_read(tmp_path: Path) -> None:
    """A wrong k with a missing file would be reported as the missing file, hiding the k error."""
    with pytest.raises(OptionError) as caught:
        user_years_spec(tmp_path / "yok.csv", years=True, k=99)
    assert str(caught.value) == "k must be a whole number from 2 to 9, not 99."


def test_a_year_that_is_not_a_whole_number_is_refused_by_name(tmp_path: Path) -> None:
    """The refusal of year="2021" would name an option "YEAR" that does not exist."""
    with pytest.raises(OptionError) as caught:
        user_years_spec(_csv(tmp_path), years=True, year="2021")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "year must be a year (a whole number such as 2021) or None, not '2021'."
    )


# --- spec.years --------------------------------------------------------------------------------


def test_a_year_not_on_the_year_map_is_refused_listing_its_years() -> None:
    """Asking for a year the map lacks would crash with a TypeError instead of listing its years."""
    with pytest.raises(OptionError) as caught:
        year_spec(population_years_spec(lang="en"), 2019)
    assert str(caught.value) == "year 2019 is not one of the map's years (2018, 2021, 2023)."


def test_years_sentences_of_a_map_without_years_is_refused() -> None:
    """Asking for the years' sentences of a one-year map would shout the refusal in capitals."""
    with pytest.raises(OptionError) as caught:
        years_sentences(choropleth_spec("employees", lang="en"))
    assert str(caught.value) == "years_sentences needs a year map (a spec made by years_spec)."


def test_the_years_note_states_its_first_and_last_year() -> None:
    """The years note's figures would name its last year "LAST" for a reader of the legend plan."""
    spec = population_years_spec(lang="en")
    assert [n.values for n in spec.legend.notes if n.kind == "years"] == [
        {"first": 2018, "last": 2023}
    ]


def test_years_given_partly_as_text_still_run_in_order() -> None:
    """Years given as 2021 and "2009" would run 2021, 2009 and show 2009 as the latest."""
    table = district_table("web")[["pcode", "district", "area_km2", "geometry"]]
    values = pd.DataFrame(
        {"pcode": ["TUR035001", "TUR035001"], "year": [2021, "2009"], "value": [2.0, 1.0]}
    )
    ind = user_indicator("Nüfus", source="TÜİK", integer=True)
    spec = years_spec(table, values, ind, lang="en")
    assert spec.years is not None
    assert (spec.years.years, spec.years.shown, spec.title) == ((2009, 2021), 2021, "Nüfus, 2021")
