"""The legend plan both renderers draw (``izmir_maps.spec.legend``)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from izmir_maps.data.registry import POPULATION_YEAR
from izmir_maps.spec.legend import (
    LADDER,
    ClassesSection,
    HatchSection,
    SizeSection,
    SymbolSection,
    nice_number,
    plan_legend,
    size_steps,
)
from izmir_maps.spec.map_spec import (
    DistrictData,
    MapSpec,
    choropleth_spec,
    combined_spec,
    osb_spec,
    wind_spec,
)
from izmir_maps.spec.style import NO_DATA_COLOR
from izmir_maps.text.words import text


@pytest.fixture(scope="module")
def specs() -> dict[tuple[str, str], MapSpec]:
    out = {}
    for lang in ("tr", "en"):
        out["osb", lang] = osb_spec(lang=lang)
        out["wind", lang] = wind_spec(lang=lang)
        out["combined", lang] = combined_spec(lang=lang)
        out["employees", lang] = choropleth_spec("employees", lang=lang)
        out["per_capita", lang] = choropleth_spec("employees", per="capita", lang=lang)
        out["success", lang] = choropleth_spec("izka_success_rate", lang=lang)
        out["wind_mw", lang] = choropleth_spec("wind_capacity_mw", lang=lang)
    return out


def _is_round(value: float) -> bool:
    mantissa = value / 10 ** math.floor(math.log10(value))
    return any(math.isclose(mantissa, m) for m in (*LADDER, 10))


# --- numbers ----------------------------------------------------------------------------------


@given(st.floats(min_value=1e-6, max_value=1e9, allow_nan=False))
def test_nice_ceil_is_the_smallest_round_number_not_below(value: float) -> None:
    top = nice_number(value, how="ceil")
    assert top >= value and _is_round(top)
    smaller = [m * 10.0**e for m in (*LADDER, 10) for e in range(-7, 10)]
    assert not any(value <= s < top and not math.isclose(s, top) for s in smaller)


@given(st.floats(min_value=1e-6, max_value=1e9, allow_nan=False))
def test_nice_nearest_is_round_and_close(value: float) -> None:
    near = nice_number(value)
    assert _is_round(near)
    assert value / 1.5 <= near <= value * 1.5  # never further than one rung of the ladder


@pytest.mark.parametrize("value", [0.0, -3.0, math.nan, math.inf])
def test_nice_number_of_nothing_is_zero(value: float) -> None:
    assert nice_number(value) == 0.0 and nice_number(value, how="ceil") == 0.0


def test_size_steps_for_aliagas_147_5_mw() -> None:
    top, steps = size_steps([147.5])
    assert top == 150.0  # a round number, not the raw maximum
    assert steps == [150.0, 75.0, 25.0]


def test_size_steps_keep_a_decimal_top_and_drop_nothing_to_show() -> None:
    assert size_steps([7.3, 2.0]) == (7.5, [7.5, 3.0, 1.0])
    assert size_steps([math.nan, 0.0]) == (0.0, [])


# --- the plans of the atlas's maps ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_wind_plan_has_one_scale_with_a_round_top_above_every_value(specs, lang: str) -> None:
    spec = specs["wind", lang]
    sizes = spec.legend.sizes
    assert sizes is not None and sizes.layer == "wind"
    assert sizes.top == 150.0 >= spec.wind_points["capacity_mw"].max()
    assert [s.value for s in sizes.steps] == [150.0, 75.0, 25.0]
    assert [s.label for s in sizes.steps] == ["150 MW", "75 MW", "25 MW"]
    assert specs["combined", lang].legend.sizes == sizes  # one scale on both maps


def test_size_labels_use_the_languages_decimal_mark() -> None:
    spec = wind_spec()
    spec.wind_points = spec.wind_points.assign(capacity_mw=[7.3])
    assert [s.label for s in plan_legend(spec, []).sizes.steps] == ["7,5 MW", "3 MW", "1 MW"]
    spec.lang = "en"
    assert plan_legend(spec, []).sizes.steps[0].label == "7.5 MW"


@pytest.mark.parametrize("name", ["employees", "per_capita", "success", "wind_mw", "combined"])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_classes_match_the_classification(specs, name: str, lang: str) -> None:
    spec = specs[name, lang]
    section = spec.legend.section(ClassesSection)
    c = spec.classification
    classes = [x for x in section.classes if not x.no_data]
    assert [x.count for x in classes] == c.counts()
    assert [x.label for x in classes] == c.labels(spec.indicator, lang)
    assert [x.color for x in classes] == list(c.colors)
    assert sum(x.count for x in section.classes) == len(spec.districts)
    assert section.title == spec.indicator.title(lang)
    one = text("one_district", lang)
    assert all((x.count_label == one) == (x.count == 1) for x in section.classes)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_no_data_class_is_last_and_only_where_a_value_is_missing(specs, lang: str) -> None:
    section = specs["wind_mw", lang].legend.section(ClassesSection)
    *rest, last = section.classes
    missing = int(specs["wind_mw", lang].classification.values.isna().sum())
    assert missing > 0
    assert last.no_data and (last.label, last.color) == (text("no_data", lang), NO_DATA_COLOR)
    assert last.count == missing and not any(x.no_data for x in rest)
    complete = specs["employees", lang].legend.section(ClassesSection)
    assert not any(x.no_data for x in complete.classes)


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("employees", ["classification"]),
        ("per_capita", ["classification", "per_population", "boundary_view"]),
        ("success", ["classification", "midpoint"]),
        ("osb", ["location_approx"]),
        ("wind", ["wind_unassigned"]),
        ("combined", ["classification", "wind_unassigned"]),
    ],
)
def test_notes_are_typed_and_in_both_languages(specs, name: str, kinds: list[str]) -> None:
    tr, en = specs[name, "tr"].legend.notes, specs[name, "en"].legend.notes
    assert [n.kind for n in tr] == [n.kind for n in en] == kinds
    for a, b in zip(tr, en, strict=True):
        assert a.values == b.values  # the same facts …
        assert a.text != b.text  # … in two languages
    assert specs[name, "tr"].notes == [n.text for n in tr]  # the plain texts, for pages


def test_note_values_are_the_facts_they_state(specs) -> None:
    per = specs["per_capita", "tr"].legend.notes[1]
    assert per.values == {"year": POPULATION_YEAR} and str(POPULATION_YEAR) in per.text
    mid = specs["success", "tr"].legend.notes[1]
    assert mid.values["value"] == pytest.approx(25.0992, abs=1e-3)
    assert mid.text == "Orta nokta: İzmir geneli %25,10"
    assert specs["success", "en"].legend.notes[1].text == "Midpoint: İzmir overall 25.10%"
    wind = specs["wind", "en"].legend.notes[0]
    assert wind.values == {"total_mw": 255.0, "rest_mw": 107.5}
    assert wind.alert and wind.layer == "wind"
    assert "107.5 MW" in wind.text and "255.0 MW" in wind.text
    assert specs["employees", "en"].legend.notes[0].text == (
        "Classification: Natural breaks (Fisher-Jenks)"
    )


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_note_an_entry_already_says_is_not_repeated(specs, lang: str) -> None:
    plan = specs["osb", lang].legend
    [note] = plan.notes
    assert note.said_by_entry and plan.plain_notes == () and plan.alerts == ()
    osb = plan.section(SymbolSection, "osb")
    assert note.text in [e.label for e in osb.locations]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_osb_entries_name_each_kind_drawn(specs, lang: str) -> None:
    spec = specs["osb", lang]
    section = spec.legend.section(SymbolSection, "osb")
    assert [e.symbol for e in section.kinds] == [
        "osb",
        "agricultural_osb",
        "free_zone",
        "private_industrial_zone",
    ]
    assert section.kinds[2].label == text("free_zone", lang)
    assert [e.location for e in section.locations] == ["sourced", "approximate"]
    assert section.unplaced is None  # every zone has a sourced district now


def test_unknown_osb_kinds_share_one_entry() -> None:
    spec = osb_spec(lang="en")
    spec.osbs = spec.osbs.assign(kind=["techno_park", "port", *spec.osbs["kind"][2:]])
    section = plan_legend(spec, []).section(SymbolSection, "osb")
    assert section.kinds[-1].symbol == "other"
    assert section.kinds[-1].label == "port, techno_park"


def test_wind_sections_in_drawing_order(specs) -> None:
    plan = specs["combined", "tr"].legend
    kinds = [type(s) for s in plan.sections]
    assert kinds == [
        ClassesSection,
        HatchSection,
        SymbolSection,
        SizeSection,
        HatchSection,
        SymbolSection,
    ]
    layers = ["choro", "boundary", "osb", "wind", "proposed", "farms"]
    assert [s.layer for s in plan.sections] == layers


def test_standalone_unplaced_heading_lowers_turkish_i_properly(specs) -> None:
    farms = specs["wind", "tr"].legend.section(SymbolSection, "farms")
    assert farms.unplaced.standalone == (
        "Rüzgâr santralleri (güncel, eksik liste) – "
        "ilçesi bilinmediği için haritada gösterilmeyenler"
    )
    en = specs["wind", "en"].legend.section(SymbolSection, "farms").unplaced
    assert en.standalone.endswith("– not on the map because their district is unknown")


def test_district_data_replaces_the_shipped_table(specs) -> None:
    base = specs["employees", "en"]
    table = base.districts.copy()
    table["employees"] = table["employees"] * 2
    spec = choropleth_spec("ignored", lang="en", data=DistrictData(table, base.indicator))
    assert spec.districts is table
    assert spec.classification.values.sum() == 2 * base.classification.values.sum()
    assert len(spec.neighbours) == len(base.neighbours)  # İzmir's, by default


@pytest.mark.parametrize(
    ("lang", "label"), [("tr", "Sıra yok (OSB yok)"), ("en", "No rank (no OSB)")]
)
def test_rank_map_names_why_a_district_has_no_rank(lang: str, label: str) -> None:
    from izmir_maps.spec.map_spec import choropleth_spec

    spec = choropleth_spec("osb_count_rank", lang=lang)
    last = spec.legend.section(ClassesSection).classes[-1]
    assert last.no_data and last.label == label
    assert last.count == int((spec.districts["osb_count"] == 0).sum()) == 19
    # a rank map whose missing ranks are not all zero counts keeps "no data"
    other = choropleth_spec("employees_rank", lang=lang).legend.section(ClassesSection)
    assert not any(c.no_data for c in other.classes)
