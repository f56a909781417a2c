"""What each map shows, decided once for both renderers (``izmir_maps.spec.map_spec``)."""

from __future__ import annotations

import pandas as pd
import pytest

from izmir_maps.data.registry import indicator
from izmir_maps.errors import OptionError, UnknownIndicatorError
from izmir_maps.spec.map_spec import (
    MapSpec,
    choropleth_spec,
    combined_spec,
    osb_spec,
    resolve_indicator_id,
    wind_spec,
)
from izmir_maps.spec.style import attribution

WIND_DISTRICTS = {"Aliağa", "Bergama", "Dikili", "Çeşme", "Karaburun", "Urla"}


@pytest.fixture(scope="module")
def specs() -> dict[tuple[str, str], MapSpec]:
    out = {}
    for lang in ("tr", "en"):
        out["osb", lang] = osb_spec(lang=lang)
        out["wind", lang] = wind_spec(lang=lang)
        out["combined", lang] = combined_spec(lang=lang)
        out["employees", lang] = choropleth_spec("employees", lang=lang)
        out["per_capita", lang] = choropleth_spec("employees", per="capita", lang=lang)
    return out


@pytest.mark.parametrize(
    ("base", "per", "expected"),
    [
        ("employees", None, "employees"),
        ("employees", "capita", "employees_per_1000"),
        ("employees", "km2", "employees_per_km2"),
        ("exports_usd", "capita", "exports_usd_per_capita"),  # ABD $ per resident
        ("population", "km2", "population_per_km2"),
        ("izka_applications", "capita", "izka_applications_per_1000"),
    ],
)
def test_resolve_indicator_id(base: str, per: str | None, expected: str) -> None:
    assert resolve_indicator_id(base, per) == expected
    indicator(expected)  # the variant exists in the registry


@pytest.mark.parametrize(
    ("base", "per"),
    [
        ("izka_success_rate", "capita"),  # a rate
        ("izka_success_rate", "km2"),
        ("population", "capita"),  # population per resident is meaningless
        ("employees_share", "capita"),  # a share
        ("employees_rank", "km2"),  # a rank
        ("izka_applications", "km2"),
    ],
)
def test_meaningless_normalisations_are_refused(base: str, per: str) -> None:
    with pytest.raises(OptionError, match=rf"{base!r} cannot be normalised per {per}"):
        resolve_indicator_id(base, per)


def test_unknown_per_and_unknown_indicator_are_refused() -> None:
    with pytest.raises(OptionError, match="'capita' or 'km2', not 'person'"):
        resolve_indicator_id("employees", "person")  # type: ignore[arg-type]
    with pytest.raises(UnknownIndicatorError, match="Did you mean 'employees'"):
        resolve_indicator_id("employes")


def test_per_capita_maps_name_the_population_year(specs, raw_data) -> None:
    year = int(raw_data("population_2021.csv")["year"].unique().item())
    tr, en = specs["per_capita", "tr"], specs["per_capita", "en"]
    assert tr.slug == "employees_per_1000"
    assert any(str(year) in note and "nüfus" in note for note in tr.notes)
    assert any(f"{year} population" in note for note in en.notes)
    assert str(year) in tr.title and str(year) in en.title
    plain = specs["employees", "tr"]
    assert not any(str(year) in note for note in plain.notes)


def test_per_capita_values_are_computed_from_the_2021_population(raw_data) -> None:
    spec = choropleth_spec("employees", per="capita", boundaries="current")
    t1 = raw_data("table1_districts.csv").set_index("district")["employees"]
    pop = raw_data("population_2021.csv").set_index("district")["population"]
    expected = (t1 / pop * 1000).rename("employees_per_1000")
    got = spec.districts.set_index("district")["employees_per_1000"]
    pd.testing.assert_series_equal(
        got.sort_index(), expected.sort_index(), check_names=False, check_index_type=False
    )


def test_choropleth_spec_carries_classification_title_and_sources(specs) -> None:
    spec = specs["employees", "tr"]
    assert spec.kind == "choropleth"
    assert spec.indicator.id == "employees"
    assert len(spec.districts) == 30
    assert spec.classification.k == len(spec.classification.colors)
    assert spec.title == indicator("employees").title("tr")
    assert spec.sources[-1] == attribution("tr") == "Sınırlar: OCHA COD-AB Türkiye (CC BY-IGO)"
    assert spec.sources[0] == "Kaynak: İZKA, SGK 2008"
    assert spec.notes[0].startswith("Sınıflama: ")
    assert specs["employees", "en"].notes[0].startswith("Classification: ")


def test_success_rate_map_is_centred_on_izmirs_rate(raw_data) -> None:
    totals = raw_data("izmir_totals.csv")
    total = totals[(totals["table"] == "tablo_3") & totals["programme_id"].eq("all")]
    by = total.set_index("indicator")["value"]
    rate = by["successful"] / by["applications"] * 100
    assert (by["successful"], by["applications"]) == (253, 1008)
    spec = choropleth_spec("izka_success_rate")
    assert spec.classification.midpoint == pytest.approx(rate)
    assert any("%25,10" in note for note in spec.notes)


def test_options_reach_the_classification() -> None:
    spec = choropleth_spec("firms", scheme="quantiles", k=3, lang="en")
    assert (spec.classification.scheme, spec.classification.k) == ("quantiles", 3)
    assert "Quantiles" in spec.notes[0]
    with pytest.raises(OptionError, match="quantiles, fisher_jenks"):
        choropleth_spec("firms", scheme="jenks")


def test_wind_note_states_the_unassigned_capacity(specs, raw_data) -> None:
    capacity = raw_data("wind_capacity.csv").set_index("area")["capacity_mw"]
    rest = capacity["İzmir"] - capacity["Aliağa"]
    assert rest == 107.5
    tr, en = specs["wind", "tr"], specs["wind", "en"]
    assert tr.wind_total_mw == capacity["İzmir"]
    assert tr.wind_unassigned_mw == pytest.approx(rest)
    assert any("107,5 MW" in note and "255" in note for note in tr.notes)
    assert any("107.5 MW" in note and "255" in note for note in en.notes)


def test_wind_points_are_the_reports_district_figures_only(specs) -> None:
    spec = specs["wind", "tr"]
    points = spec.wind_points
    assert list(points["label"]) == ["Aliağa"]
    assert list(points["capacity_mw"]) == [147.5]
    aliaga = spec.districts.set_index("pcode").geometry["TUR035001"]
    assert aliaga.contains(points.geometry.iloc[0])
    # The present-day farms are a separate layer, placed or listed, none lost.
    assert len(spec.wind_farms) + len(spec.wind_farms_unplaced) == 14


def test_wind_proposed_are_the_six_districts_by_pcode(specs, raw_data) -> None:
    names = set(raw_data("wind_proposed_districts.csv")["district"])
    assert names == WIND_DISTRICTS
    spec = specs["wind", "tr"]
    pcode_of = dict(zip(spec.districts["district"], spec.districts["pcode"], strict=True))
    assert spec.wind_proposed == sorted(pcode_of[n] for n in names)
    assert all(p.startswith("TUR035") for p in spec.wind_proposed)


def test_osb_spec_places_or_lists_every_row(specs, raw_data) -> None:
    spec = specs["osb", "tr"]
    assert len(spec.osbs) + len(spec.osbs_unplaced) == len(raw_data("osb.csv"))
    assert spec.osbs_unplaced.empty
    assert spec.osbs["location"].value_counts().to_dict() == {"approximate": 18, "sourced": 1}
    assert spec.notes == ["Yaklaşık konum (ilçe içinde; kaynakta koordinat yok)"]
    assert spec.classification is None


def test_combined_spec_carries_all_three_layers(specs) -> None:
    spec = specs["combined", "tr"]
    osb, wind = specs["osb", "tr"], specs["wind", "tr"]
    assert spec.kind == "combined" and spec.slug == "combined"
    assert spec.indicator.id == "employees" and spec.classification is not None
    assert list(spec.osbs["name"]) == list(osb.osbs["name"])
    assert list(spec.osbs_unplaced["name"]) == list(osb.osbs_unplaced["name"])
    assert list(spec.wind_points["label"]) == list(wind.wind_points["label"])
    assert spec.wind_proposed == wind.wind_proposed
    assert spec.wind_unassigned_mw == wind.wind_unassigned_mw
    assert any("107,5 MW" in note for note in spec.notes)
    assert spec.sources[-1] == attribution("tr") == "Sınırlar: OCHA COD-AB Türkiye (CC BY-IGO)"


@pytest.mark.parametrize("name", ["osb", "wind", "combined", "employees", "per_capita"])
def test_english_titles_and_notes_differ_from_turkish(specs, name: str) -> None:
    tr, en = specs[name, "tr"], specs[name, "en"]
    assert (tr.lang, en.lang) == ("tr", "en")
    assert tr.title != en.title
    assert tr.notes != en.notes
    assert tr.slug == en.slug
    assert not any(word in en.title for word in ("ı", "ş", "ğ", "Sayı", "gücü"))


@pytest.mark.parametrize("name", ["osb", "wind", "combined"])
def test_english_source_lines_are_in_english(specs, name: str) -> None:
    turkish = ("siteleri", "basın", "güncel", "santraller", "(rapor)", "Kaynak")
    for line in specs[name, "en"].sources:
        assert not any(word in line for word in turkish), line


# --- texts fit for a page --------------------------------------------------------------------------


def _user_data(column: str, title: str | None = None):
    from izmir_maps.data.join import district_table
    from izmir_maps.data.registry import user_indicator
    from izmir_maps.spec.map_spec import DistrictData

    ind = user_indicator(column, title=title, source=f"t.csv ({column})", integer=True)
    table = district_table()[["pcode", "district", "population", "area_km2", "geometry"]].copy()
    table[ind.id] = [float(i * 1000 + 1234) for i in range(len(table))]
    return DistrictData(table, ind)


def test_a_bidi_override_in_a_column_name_reaches_no_text_of_the_map() -> None:
    data = _user_data("Gelir\u202e 2024")
    spec = choropleth_spec(data.indicator.id, data=data)
    assert spec.title == "Gelir 2024"
    assert spec.indicator.label("tr") == "Gelir 2024"
    assert spec.indicator.label("en") == "Gelir 2024"
    assert spec.sources[0] == "Kaynak: t.csv (Gelir 2024)"
    assert spec.legend.sections[0].title == "Gelir 2024"
    assert data.indicator.label_tr == "Gelir\u202e 2024"  # the caller's object is left alone


def test_a_long_column_name_is_cut_to_the_title_limit() -> None:
    from izmir_maps.text.clean import SOURCE_MAX, TITLE_MAX

    column = "Uzun başlık " * 100
    spec = choropleth_spec("x", data=_user_data(column))
    assert spec.title == "Uzun başlık " * 12 + "Uzun…"
    assert len(spec.title) <= TITLE_MAX
    assert spec.indicator.label("tr") == spec.title
    assert spec.legend.sections[0].title == spec.title
    assert len(spec.sources[0]) <= SOURCE_MAX
    assert spec.sources[0].endswith("…")


def test_district_names_of_a_users_table_are_cleaned_too() -> None:
    data = _user_data("Değer")
    data.table["district"] = data.table["district"].where(
        data.table["district"] != "Konak", "Ko\u202enak"
    )
    spec = choropleth_spec("x", data=data)
    assert "Konak" in set(spec.districts["district"])
    assert not any("\u202e" in name for name in spec.districts["district"])


def test_a_spec_made_by_hand_is_cleaned_as_well(specs) -> None:
    base = specs["osb", "tr"]
    spec = MapSpec(
        kind="osb",
        slug="osb",
        title="OSB\u202e haritası\n",
        lang="tr",
        districts=base.districts,
        neighbours=base.neighbours,
        sources=["Kaynak:\u2066 el\u2069 yapımı"],
    )
    assert spec.title == "OSB haritası"
    assert spec.sources == ["Kaynak: el yapımı"]


@pytest.mark.parametrize("name", ["osb", "wind", "combined", "employees", "per_capita"])
def test_built_in_titles_pass_unchanged(specs, name: str) -> None:
    from izmir_maps.text.words import text

    spec = specs[name, "en"]
    if spec.indicator is not None and name != "combined":
        suffix = " – 2008 boundaries" if spec.boundaries == "2008" else ""
        assert spec.title == spec.indicator.title("en") + suffix
        assert spec.indicator == indicator(spec.indicator.id)
    else:
        assert spec.title == text(f"map_{spec.kind}", "en")
