"""Exact-value tests written from the survivors of the third mutation sample (scripts/mutation_sample_3.txt).

This file holds the spec/ survivors. Each test builds its spec in its own body (no shared
module fixture), so that mutmut, which runs only the tests it saw call a function, runs it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.indicators import izmir_success_rate
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator, user_indicator
from izmir_maps.errors import DataError, OptionError
from izmir_maps.spec.bivariate import bivariate_spec
from izmir_maps.spec.describe import (
    bivariate_sentences,
    describe_map,
    describe_sentences,
    ranked_groups,
)
from izmir_maps.spec.legend import SymbolSection
from izmir_maps.spec.map_spec import (
    DistrictData,
    MapSpec,
    choropleth_spec,
    combined_spec,
    osb_spec,
    wind_spec,
)
from izmir_maps.spec.style import wind_radius
from izmir_maps.spec.user_spec import user_years_spec
from izmir_maps.spec.years import population_years_spec, years_sentences, years_spec

# --- spec.describe -----------------------------------------------------------------------------


def test_an_english_bivariate_description_joins_its_lists_with_and() -> None:
    """The English description would list the districts of a corner as "Menemen ve Torbalı"."""
    said = bivariate_sentences(bivariate_spec("employees", "exports_usd", lang="en"))
    assert said[3:] == [
        "Both high: Aliağa, Bornova, Buca, Çiğli, Gaziemir, Kemalpaşa, Konak, Menemen and Torbalı.",
        "Both low: Bayındır, Beydağ, Karaburun, Kınık and Kiraz.",
    ]


def test_ranked_groups_refuses_names_and_values_of_different_lengths() -> None:
    """Two lists that do not match would be ranked silently, the unmatched names dropped."""
    with pytest.raises(ValueError) as info:
        ranked_groups(["Urla", "Çeşme", "Buca"], [1, 3])
    assert str(info.value) == "zip() argument 2 is shorter than argument 1"


def test_a_district_without_a_count_has_no_data_rather_than_no_rank() -> None:
    """A district whose OSB count is unknown would be described as having no OSB."""
    table = district_table("web").copy()
    table["osb_count"] = table["osb_count"].astype(float)  # a user's table: floats, NaN
    table.loc[table["district"] == "Bayındır", "osb_count"] = float("nan")
    table["osb_count_rank"] = indicator("osb_count").rank_values(table["osb_count"])
    data = DistrictData(table, indicator("osb_count_rank"))
    said = describe_sentences(choropleth_spec("osb_count_rank", data=data, lang="en"))
    assert said[3:] == ["No rank for 18 districts (no OSB).", "No data for Bayındır."]


def test_a_marker_map_of_zones_without_a_district_is_described() -> None:
    """A hand-made OSB map whose zones are all unplaced would fail with a KeyError."""
    table = district_table("web")
    unplaced = pd.DataFrame({"name": ["Beta OSB", "Alfa OSB"], "kind": ["osb", "osb"]})
    spec = MapSpec(
        kind="osb",
        slug="osb",
        title="OSB",
        lang="en",
        districts=table,
        neighbours=table.iloc[:0],
        osbs_unplaced=unplaced,
    )
    assert describe_map(spec) == (
        "The map shows İzmir's 2 organised industrial zones. 2 zones are not on the map, as "
        "their districts are unknown: Alfa OSB and Beta OSB."
    )


# --- spec.legend -------------------------------------------------------------------------------


def test_the_midpoint_note_states_izmirs_overall_value() -> None:
    """The legend's midpoint note would carry its figure under another name than "value"."""
    note = choropleth_spec("izka_success_rate", lang="en").legend.notes[1]
    assert (note.kind, note.text) == ("midpoint", "Midpoint: İzmir overall 25.10%")
    assert note.values == {"value": izmir_success_rate()}


def test_an_osb_legend_without_unplaced_zones_has_no_unplaced_list() -> None:
    """Every zone is on the map: the legend would still head an empty "Not on the map" list."""
    section = osb_spec(lang="en").legend.section(SymbolSection, "osb")
    assert section is not None
    assert section.unplaced is None


def test_unplaced_wind_farms_are_listed_by_their_names_without_the_aside() -> None:
    """The farms not on the map would be listed as "?", by their first word, or with the aside."""
    section = wind_spec(lang="en").legend.section(SymbolSection, "farms")
    assert section is not None and section.unplaced is not None
    assert section.unplaced.names == (
        "Mare Manastır RES",
        "Bergama RES",
        "Demirer wind cluster near İzmir",
    )


# --- spec.map_spec -----------------------------------------------------------------------------


def test_an_indicator_id_that_is_not_text_is_refused_by_its_name() -> None:
    """A number as the indicator would be refused as "INDICATOR_ID must be …"."""
    with pytest.raises(OptionError) as info:
        choropleth_spec(5)  # type: ignore[arg-type]
    assert str(info.value) == (
        "indicator_id must be an indicator id (see `izmir-maps indicators`), not 5."
    )


def test_english_osb_markers_carry_english_remarks() -> None:
    """The English OSB map's popups would read "işletici: ESBAŞ"."""
    osbs = osb_spec(lang="en").osbs
    assert osbs is not None
    remarked = osbs[osbs["remark"].fillna("") != ""]
    assert remarked[["name", "remark"]].values.tolist() == [
        ["Ege Serbest Bölgesi", "operator: ESBAŞ"],
        ["İzmir Serbest Bölgesi", "formerly Menemen Deri Serbest Bölgesi"],
    ]


def test_the_english_wind_and_combined_maps_have_english_titles() -> None:
    """The English wind and combined maps would be titled in Turkish."""
    assert wind_spec(lang="en").title == "Installed wind capacity (2009)"
    assert combined_spec(lang="en").title == "İzmir: employment, OSBs and wind energy"


def test_data_that_is_not_district_data_is_refused_in_plain_words() -> None:
    """A number as ``data`` would be refused with the words it needs in "XX…XX"."""
    with pytest.raises(OptionError) as info:
        choropleth_spec("user_deger", data=5)  # type: ignore[arg-type]
    assert str(info.value) == "data must be a DistrictData or None, not 5."


def test_a_table_without_the_columns_a_map_needs_names_them() -> None:
    """The refusal would be a TypeError instead of naming the missing columns."""
    ind = user_indicator("Değer", source="Test")
    table = district_table("web")[["pcode", "geometry"]]
    with pytest.raises(DataError) as info:
        choropleth_spec(ind.id, data=DistrictData(table, ind))
    assert str(info.value) == (
        "data.table has no column 'district', 'user_deger'; its columns are 'pcode', "
        "'geometry'. A map needs 'pcode', 'district', 'geometry' and the indicator's column "
        "'user_deger'."
    )


# --- spec.style --------------------------------------------------------------------------------


def test_a_wind_circle_scaled_against_no_capacity_is_not_drawn() -> None:
    """With a largest capacity of 0 MW the circle's radius would be a ZeroDivisionError."""
    assert wind_radius(5.0, 0.0) == 0.0
    assert wind_radius(25.0, 100.0, 20.0) == 10.0


# --- spec.user_spec ----------------------------------------------------------------------------


def test_a_year_map_of_another_province_is_framed_by_its_own_neighbours(tmp_path: Path) -> None:
    """A Manisa year map would show İzmir's neighbouring provinces around it, Manisa among them."""
    path = tmp_path / "manisa.csv"
    path.write_text("ilçe,2020,2021\nSOMA,10,12\nAkhisar,30,31\n", encoding="utf-8")
    spec, _ = user_years_spec(path, years=True, title="Değer", province="Manisa")
    assert spec.neighbours["province"].tolist() == [
        "Aydın",
        "Balıkesir",
        "Denizli",
        "İzmir",
        "Kütahya",
        "Uşak",
    ]


# --- spec.years --------------------------------------------------------------------------------


def test_a_years_own_sentences_are_separated_by_a_space() -> None:
    """A year with two sentences of its own would print them joined by "XX XX"."""
    full = district_table("web")
    table = full[["pcode", "district", "area_km2", "geometry"]]
    values = pd.concat(
        [
            pd.DataFrame({"pcode": full["pcode"], "year": 2020, "value": full["population"]}),
            # Aliağa has no 2021 value: 2021 has its extremes and its "no data" sentence
            pd.DataFrame(
                {"pcode": full["pcode"][1:], "year": 2021, "value": full["population"][1:] * 1.1}
            ),
        ]
    )
    spec = years_spec(
        table, values, user_indicator("Nüfus", source="TÜİK", integer=True), lang="en"
    )
    assert years_sentences(spec)[2] == (
        "2021: Buca (569,759) and Karabağlar (526,667) have the highest values, Karaburun "
        "(13,120) and Beydağ (13,417) the lowest. No data for Aliağa."
    )


def test_the_english_year_map_explains_its_fixed_classes_in_english() -> None:
    """The English year map's legend would explain the shared classes in Turkish."""
    notes = population_years_spec(lang="en").legend.notes
    assert [(n.kind, n.text) for n in notes if n.kind == "years"] == [
        (
            "years",
            "Colour classes were computed from all years 2018–2023 together: a colour means "
            "the same value range in every year.",
        )
    ]


def test_a_year_map_on_the_grid_explains_the_hexagons() -> None:
    """A year map drawn as hexagons would lack the note that they do not show areas."""
    notes = population_years_spec(lang="en", layout="grid").legend.notes
    grid = choropleth_spec("population", lang="en", layout="grid").legend.notes
    assert [n.kind for n in notes] == ["classification", "years", "grid"]
    assert notes[-1].text == next(n.text for n in grid if n.kind == "grid")


def test_a_rank_map_names_a_district_whose_count_is_missing() -> None:
    """With a nullable count column, a district without a count vanished from the description."""
    table = district_table("web").copy()
    assert str(table["osb_count"].dtype) == "Int64"  # as shipped
    table.loc[table["district"] == "Bayındır", "osb_count"] = pd.NA
    table["osb_count_rank"] = indicator("osb_count").rank_values(table["osb_count"])
    data = DistrictData(table, indicator("osb_count_rank"))
    spec = choropleth_spec("osb_count_rank", data=data, lang="en")
    assert describe_sentences(spec)[-2:] == [
        "No rank for 18 districts (no OSB).",
        "No data for Bayındır.",
    ]
