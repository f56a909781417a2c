"""Tests written from the survivors of a sampled mutation run over spec/ (2 December 2026).

Each pins a value a reader of the map sees: a sentence of the description, a legend line, a
source line, the classes of a year map, a refusal's message.
"""

from __future__ import annotations

import pandas as pd
import pytest

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator, population_by_year
from izmir_maps.data.tables import load_osbs, load_population_years
from izmir_maps.errors import OptionError
from izmir_maps.spec import map_spec
from izmir_maps.spec.bivariate import bivariate_spec
from izmir_maps.spec.describe import bivariate_sentences, describe_map
from izmir_maps.spec.legend import SymbolSection, TwoWaySection, Unplaced
from izmir_maps.spec.years import years_spec


def test_the_second_indicator_of_a_bivariate_map_is_named_without_its_source() -> None:
    # "Çalışan sayısı (SGK, 2008)": the sentences drop the brackets of either indicator.
    tr = bivariate_sentences(bivariate_spec("exports_usd", "employees"))
    assert tr[:3] == [
        "Harita iki göstergeyi birlikte gösteriyor: İhracat ve Çalışan sayısı; her biri üç "
        "gruba ayrıldı.",
        "İhracat yüksek, çalışan sayısı düşük: Foça.",
        "İhracat düşük, çalışan sayısı yüksek: hiçbir ilçe.",
    ]
    en = bivariate_sentences(bivariate_spec("exports_usd", "employees", lang="en"))
    assert en[:3] == [
        "The map shows two indicators together: Exports and Employees; each is split into "
        "three groups.",
        "High exports, low employees: Foça.",
        "Low exports, high employees: no district.",
    ]


@pytest.mark.parametrize(
    ("lang", "sources"),
    [
        (
            "tr",
            [
                "Kaynak: İZKA, SGK 2008",
                "Kaynak: İZKA 2010; OSB web siteleri ve basın (data/osb.csv)",
                "Kaynak: EWEA 2009, İZKA 2010",
                "Sınırlar: OCHA COD-AB Türkiye (CC BY-IGO)",
            ],
        ),
        (
            "en",
            [
                "Source: İZKA, SGK 2008",
                "Source: İZKA 2010; OSB web sites and press (data/osb.csv)",
                "Source: EWEA 2009, İZKA 2010",
                "Boundaries: OCHA COD-AB Türkiye (CC BY-IGO)",
            ],
        ),
    ],
)
def test_the_combined_map_cites_the_indicator_first(lang: str, sources: list[str]) -> None:
    assert map_spec.combined_spec(lang=lang).sources == sources  # type: ignore[arg-type]


@pytest.fixture
def two_zones_unplaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Torbalı OSB and KOSBİ without a district (and without a point): not on the map."""
    osbs = load_osbs()
    osbs.loc[[1, 2], ["pcode", "district"]] = None
    monkeypatch.setattr(map_spec, "load_osbs", lambda: osbs)


@pytest.mark.usefixtures("two_zones_unplaced")
def test_zones_without_a_district_are_named_in_the_description() -> None:
    tr = describe_map(map_spec.osb_spec())
    assert tr.endswith(
        "16 bölge, kaynakta koordinat olmadığı için ilçesinin içinde yaklaşık bir noktada "
        "gösteriliyor. 2 bölge, ilçesi bilinmediği için haritada gösterilmiyor: Kemalpaşa "
        "Organize Sanayi Bölgesi ve Torbalı Organize Sanayi Bölgesi."
    )
    en = describe_map(map_spec.osb_spec(lang="en"))
    assert en.endswith(
        "2 zones are not on the map, as their districts are unknown: Kemalpaşa Organize Sanayi "
        "Bölgesi and Torbalı Organize Sanayi Bölgesi."
    )


@pytest.mark.usefixtures("two_zones_unplaced")
@pytest.mark.parametrize(
    ("lang", "label", "standalone"),
    [
        (
            "tr",
            "İlçesi bilinmediği için haritada gösterilmeyenler",
            "Organize sanayi bölgeleri (OSB) – ilçesi bilinmediği için haritada gösterilmeyenler",
        ),
        (
            "en",
            "Not on the map because their district is unknown",
            "Organised industrial zones (OSB) – not on the map because their district is unknown",
        ),
    ],
)
def test_the_legend_lists_the_zones_without_a_district(
    lang: str, label: str, standalone: str
) -> None:
    sections = map_spec.osb_spec(lang=lang).legend.sections  # type: ignore[arg-type]
    unplaced = [s.unplaced for s in sections if isinstance(s, SymbolSection)]
    assert unplaced == [Unplaced(label, standalone, ("Torbalı OSB", "KOSBİ"))]


@pytest.mark.parametrize(
    ("lang", "title"), [("tr", "Organize sanayi bölgeleri"), ("en", "Organised industrial zones")]
)
def test_the_osb_map_is_titled_in_its_language(lang: str, title: str) -> None:
    assert map_spec.osb_spec(lang=lang).title == title  # type: ignore[arg-type]


def test_data_with_an_indicator_id_instead_of_an_indicator_is_refused() -> None:
    data = map_spec.DistrictData(district_table("web"), "employees")  # type: ignore[arg-type]
    with pytest.raises(OptionError) as info:
        map_spec.choropleth_spec("employees", data=data)
    assert str(info.value) == "data.indicator must be an Indicator, not 'employees'."


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "tr",
            "İzmir'in 255,0 MW kurulu gücünün 107,5 MW'ı kaynakta bir ilçeye atanmamıştır; "
            "haritada dağıtılmamıştır.",
        ),
        (
            "en",
            "107.5 MW of İzmir's 255.0 MW is not assigned to a district by the source; it is "
            "not spread over the map.",
        ),
    ],
)
def test_the_capacity_on_no_district_is_written_in_the_maps_language(lang: str, note: str) -> None:
    notes = map_spec.wind_spec(lang=lang).legend.notes  # type: ignore[arg-type]
    assert [(n.kind, n.text) for n in notes] == [("wind_unassigned", note)]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("tr", "Rüzgâr santralleri (güncel, eksik liste)"),
        ("en", "Wind farms (present day, incomplete list)"),
    ],
)
def test_the_wind_farms_have_a_titled_legend_section(lang: str, title: str) -> None:
    sections = map_spec.wind_spec(lang=lang).legend.sections  # type: ignore[arg-type]
    symbols = [s for s in sections if isinstance(s, SymbolSection)]
    assert [(s.layer, s.title) for s in symbols] == [("farms", title)]


def test_a_per_capita_map_states_its_population_year_by_name() -> None:
    notes = map_spec.choropleth_spec("employees_per_1000").legend.notes
    assert [(n.kind, n.values) for n in notes if n.kind == "per_population"] == [
        ("per_population", {"year": 2021})
    ]


# --- the bivariate map -------------------------------------------------------------------------


def _caveats(x: str, y: str) -> tuple[str, list[str], dict[str, str]]:
    spec = bivariate_spec(x, y)
    names = district_matcher().names_by_pcode
    hatched = [names[p] for p in spec.caveats.hatched]
    return spec.boundaries, hatched, {names[p]: line for p, line in spec.caveats.lines.items()}


def test_a_bivariate_map_flags_the_new_districts_when_either_indicator_is_of_2008() -> None:
    # population (2021) first, employees (2008) second: the 2008 one is flagged
    assert _caveats("population", "employees") == (
        "current",
        ["Bayraklı", "Karabağlar"],
        {
            "Bayraklı": "2008'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı "
            "(tahmin)",
            "Karabağlar": "2008'de kuruldu; 2008 verisi büyük ölçüde Konak ilçesinde kayıtlı "
            "(tahmin)",
            "Karşıyaka": "2008 verisi büyük olasılıkla Bayraklı ilçesini de içerir (tahmin)",
            "Konak": "2008 verisi büyük olasılıkla Karabağlar ilçesini de içerir (tahmin)",
        },
    )


def test_a_bivariate_map_on_the_2008_boundaries_names_the_merged_districts() -> None:
    assert _caveats("employees_per_1000", "population") == (
        "2008",
        [],
        {
            "Karşıyaka": "2008 sınırları: Bayraklı ilçesini de içerir",
            "Konak": "2008 sınırları: Karabağlar ilçesini de içerir",
        },
    )


def test_an_english_bivariate_map_is_english_in_sources_and_axes() -> None:
    spec = bivariate_spec("employees", "population", lang="en")
    assert spec.sources == [
        "Source: İZKA, SGK 2008",
        "Source: TÜİK ADNKS 2021",
        "Boundaries: OCHA COD-AB Türkiye (CC BY-IGO)",
    ]
    grid = spec.legend.sections[0]
    assert isinstance(grid, TwoWaySection)
    assert grid.x_labels == ("474 – 3,167", "3,287 – 13,417", "15,036 – 199,310")
    assert grid.y_labels == ("11,927 – 48,167", "52,507 – 132,769", "137,856 – 517,963")


def test_a_turkish_bivariate_map_writes_its_axes_in_turkish_numbers() -> None:
    grid = bivariate_spec("employees", "population").legend.sections[0]
    assert isinstance(grid, TwoWaySection)
    assert grid.x_labels == ("474 – 3.167", "3.287 – 13.417", "15.036 – 199.310")
    assert grid.y_labels == ("11.927 – 48.167", "52.507 – 132.769", "137.856 – 517.963")


def test_an_axis_class_of_one_value_is_labelled_by_that_value() -> None:
    grid = bivariate_spec("employees", "osb_count", lang="en").legend.sections[0]
    assert isinstance(grid, TwoWaySection)
    assert grid.y_labels == ("0", "1", "2")


# --- the year map ------------------------------------------------------------------------------


def _population_years() -> tuple[pd.DataFrame, pd.DataFrame]:
    long = load_population_years()
    values = pd.DataFrame(
        {"pcode": long["pcode"], "year": long["year"], "value": long["population"].astype(float)}
    )
    table = district_table("web")[["pcode", "district", "area_km2", "geometry"]]
    return table, values


def test_a_year_map_uses_the_scheme_asked_for() -> None:
    table, values = _population_years()
    ind = population_by_year([2018, 2021, 2023])
    spec = years_spec(table, values, ind, scheme="equal_interval", k=4)
    assert spec.classification.scheme == "equal_interval"
    assert spec.classification.bins == (138824.0, 267045.0, 395266.0, 523487.0)
    natural = years_spec(table, values, ind, k=4)  # the default: natural breaks
    assert natural.classification.bins == (95392.0, 215172.0, 356563.0, 523487.0)


def test_a_year_map_of_more_than_30_years_is_refused_with_the_count() -> None:
    table, _ = _population_years()
    values = pd.DataFrame(
        {"pcode": "TUR035001", "year": range(1990, 2021), "value": [float(y) for y in range(31)]}
    )
    with pytest.raises(OptionError) as info:
        years_spec(table, values, indicator("population"))
    assert str(info.value) == "A year map shows at most 30 years; the table has 31."


# --- the district grid and rank maps -----------------------------------------------------------


def test_a_grid_is_titled_as_a_grid() -> None:
    spec = map_spec.choropleth_spec("employees", layout="grid")
    assert spec.title == "Çalışan sayısı (SGK, 2008), kişi – ilçe ızgarası"
    assert len(spec.districts) == 30


def test_a_grid_of_2008_data_has_the_28_districts_of_2008() -> None:
    spec = map_spec.choropleth_spec("employees_per_1000", layout="grid")
    assert spec.title == (
        "Çalışan sayısı (SGK, 2008), 1.000 kişi başına, 2021 nüfusu ile (kişi / 1.000 kişi) – "
        "2008 sınırları – ilçe ızgarası"
    )
    assert len(spec.districts) == 28
    # the merged units cover two hexagons each: their own and that of the district inside them
    area = spec.districts.set_index("district").geometry.to_crs(32635).area  # UTM 35N, metres
    hexagons = (area / area["Buca"]).round(1)
    assert hexagons["Konak (Karabağlar dahil)"] == hexagons["Karşıyaka (Bayraklı dahil)"] == 2.0
    assert sorted(hexagons.value_counts().items()) == [(1.0, 26), (2.0, 2)]


def test_a_rank_map_without_its_counts_calls_the_unranked_no_data() -> None:
    # "Sıra yok (OSB yok)" needs the counts; a table of the ranks alone says "Veri yok"
    table = district_table("web")
    ind = indicator("osb_count_rank")
    full = map_spec.choropleth_spec(ind.id, data=map_spec.DistrictData(table, ind))
    ranks = map_spec.DistrictData(table.drop(columns="osb_count"), ind)
    alone = map_spec.choropleth_spec(ind.id, data=ranks)
    labels = [
        [(c.label, c.count) for c in spec.legend.sections[0].classes]  # type: ignore[union-attr]
        for spec in (full, alone)
    ]
    assert labels == [
        [("1./30", 3), ("4./30", 8), ("Sıra yok (OSB yok)", 19)],
        [("1./30", 3), ("4./30", 8), ("Veri yok", 19)],
    ]


def test_a_scheme_that_is_not_a_name_is_refused_with_the_choices() -> None:
    with pytest.raises(OptionError) as info:
        map_spec.choropleth_spec("employees", scheme=5)  # type: ignore[arg-type]
    assert str(info.value) == (
        "scheme must be one of quantiles, fisher_jenks, equal_interval, head_tail, user or None, "
        "not 5."
    )
