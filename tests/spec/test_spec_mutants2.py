"""Exact-value tests written from the survivors of the second half of the mutation sample (scripts/mutation_sample_2.txt).

This file holds the spec/ survivors; the data/ ones are in tests/data/test_data_mutants3.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import user_indicator
from izmir_maps.errors import DataError, OptionError
from izmir_maps.spec import boundary
from izmir_maps.spec.bivariate import bivariate_spec
from izmir_maps.spec.boundary import view_note
from izmir_maps.spec.legend import SymbolSection, location_approx_note
from izmir_maps.spec.map_spec import DistrictData, MapSpec, choropleth_spec, osb_spec, wind_spec
from izmir_maps.spec.years import years_spec

# --- spec.bivariate ----------------------------------------------------------------------------


def test_an_english_bivariate_tooltip_says_no_data_in_english(monkeypatch) -> None:
    """An English two-indicator map would show "Veri yok" for a district without a value."""
    from izmir_maps.spec import bivariate

    def without_balcova(layer: str, view: str) -> pd.DataFrame:
        table = district_table(layer, view).copy()
        table.loc[table["district"] == "Balçova", "exports_usd"] = np.nan
        return table

    monkeypatch.setattr(bivariate, "district_table", without_balcova)
    spec = bivariate_spec("exports_usd", "employees", lang="en")
    by_name = dict(zip(spec.districts["district"], spec.districts.index, strict=True))
    assert spec.tooltips[by_name["Balçova"]] == [
        ["Exports", "No data"],
        ["Employees (SGK, 2008)", "10,947 persons"],
        ["Employees: class", "middle"],
        ["Employees: rank", "12/30"],
    ]
    tr = bivariate_spec("exports_usd", "employees")
    assert tr.tooltips[by_name["Balçova"]][0] == ["İhracat", "Veri yok"]


def test_a_bivariate_map_refuses_an_indicator_with_one_value() -> None:
    """Aliağa, the one district with a wind figure, was put in the "low" group of wind capacity."""
    with pytest.raises(OptionError) as info:
        bivariate_spec("wind_capacity_mw", "employees")
    assert str(info.value) == (
        "A bivariate map splits each indicator into three groups (low, middle, high), which needs "
        "at least three different values: 'wind_capacity_mw' has a value for 1 district only "
        "(Aliağa: 147.5). Map it on its own (izmir-maps map wind_capacity_mw) or pair another "
        "indicator (izmir-maps indicators lists them)."
    )


def test_a_bivariate_map_refuses_a_rank() -> None:
    """A rank's "low" group would hold the leaders (rank 1 = the highest)."""
    with pytest.raises(OptionError) as info:
        bivariate_spec("employees", "osb_count_rank")
    assert str(info.value) == (
        "A bivariate map compares quantities, and 'osb_count_rank' is a rank (1 = the highest). "
        "Pair the indicator itself: 'osb_count'."
    )


def test_two_different_values_are_not_three_groups(monkeypatch) -> None:
    """With two values among many districts the middle or the high group stays empty."""
    from izmir_maps.spec import bivariate

    def two_values(layer: str, view: str) -> pd.DataFrame:
        table = district_table(layer, view).copy()
        table["firms"] = np.where(table["district"] < "K", 10.0, 20.0)
        return table

    monkeypatch.setattr(bivariate, "district_table", two_values)
    with pytest.raises(OptionError) as info:
        bivariate_spec("employees", "firms", lang="en")
    assert "'firms' has 2 different values (10 and 20) in 30 districts." in str(info.value)


def test_a_2008_rate_as_the_second_indicator_puts_the_map_on_the_2008_boundaries() -> None:
    """Employees per 1,000 residents (2008 data) would be drawn on 30 districts, not 28."""
    spec = bivariate_spec("population", "employees_per_1000", lang="en")
    assert (spec.boundaries, len(spec.districts)) == ("2008", 28)
    assert spec.title == (
        "Population (2021) and Employees (SGK, 2008), per 1,000 residents, 2021 population – "
        "2008 boundaries"
    )
    assert "Bayraklı" not in set(spec.districts["district"])


# --- spec.boundary -----------------------------------------------------------------------------


def test_the_english_2008_note_joins_the_new_districts_with_and() -> None:
    """The English legend would read "Bayraklı ve Karabağlar"."""
    assert view_note("en").text == (
        "2008 boundaries: Bayraklı and Karabağlar, created in 2008, are shown within their "
        "parent districts Karşıyaka and Konak (Law 5747)"
    )
    assert view_note("tr").text == (
        "2008 sınırları: 2008'de kurulan Bayraklı ve Karabağlar, ana ilçeleri Karşıyaka ve Konak "
        "ile birlikte gösterilir (5747 sayılı Kanun)"
    )


def test_a_third_new_district_is_named_last_in_the_2008_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With three new districts in the history table the note would name the second one twice."""
    pcode = district_matcher().pcode
    into = {
        pcode("Bayraklı"): pcode("Karşıyaka"),
        pcode("Karabağlar"): pcode("Konak"),
        pcode("Narlıdere"): pcode("Balçova"),  # hypothetical: a row added to the history table
    }
    monkeypatch.setattr(boundary, "new_districts", lambda: into)
    assert view_note("en").text == (
        "2008 boundaries: Bayraklı, Karabağlar and Narlıdere, created in 2008, are shown within "
        "their parent districts Karşıyaka, Konak and Balçova (Law 5747)"
    )


# --- spec.legend -------------------------------------------------------------------------------


def test_the_english_osb_legend_explains_the_markers_in_english() -> None:
    """The English OSB legend would explain filled and hollow markers in Turkish."""
    section = osb_spec(lang="en").legend.section(SymbolSection, "osb")
    assert section is not None
    assert [(e.label, e.location) for e in section.locations] == [
        ("Location from a source", "sourced"),
        ("Approximate location (inside its district; no sourced coordinate)", "approximate"),
    ]
    # the hollow marker's entry and the legend note about it use the same words
    assert section.locations[1].label == location_approx_note("en").text


def test_the_english_wind_legend_captions_its_circles_in_english() -> None:
    """The English wind map's circle legend would carry a Turkish caption."""
    sizes = wind_spec(lang="en").legend.sizes
    assert sizes is not None
    assert sizes.caption == "Installed capacity 2009, district total (symbol area ∝ MW)"
    assert wind_spec().legend.sizes.caption == (  # type: ignore[union-attr]
        "Kurulu güç 2009, ilçe toplamı (sembol alanı MW ile orantılı)"
    )


# --- spec.map_spec -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_table() -> pd.DataFrame:
    """The 30 districts with a user's column, as ``DistrictData`` takes them."""
    return district_table("web")[["pcode", "district", "geometry"]].copy()


def _own(table: pd.DataFrame, values: list[float]) -> DistrictData:
    ind = user_indicator("Değer", source="Test")
    return DistrictData(table.assign(**{ind.id: values}), ind)


def test_more_than_five_infinite_values_are_listed_as_five_and_an_ellipsis(
    own_table: pd.DataFrame,
) -> None:
    """The refusal would list five districts as if they were all, or fail with a TypeError."""
    data = _own(own_table, [np.inf] * 6 + [-np.inf] + [1.0] * 23)
    with pytest.raises(DataError) as info:
        choropleth_spec(data.indicator.id, data=data)
    assert str(info.value) == (
        "data.table, column 'user_deger': 7 value(s) are not finite numbers (districts "
        "TUR035001, TUR035002, TUR035003, TUR035004, TUR035005 …). Use finite numbers, and NaN "
        "for no data."
    )


def test_five_infinite_values_are_listed_without_an_ellipsis(own_table: pd.DataFrame) -> None:
    """Five bad districts, all named: no "…" promising more."""
    data = _own(own_table, [1.0] * 25 + [np.inf] * 5)
    with pytest.raises(DataError) as info:
        choropleth_spec(data.indicator.id, data=data)
    assert str(info.value) == (
        "data.table, column 'user_deger': 5 value(s) are not finite numbers (districts "
        "TUR035026, TUR035027, TUR035028, TUR035029, TUR035030). Use finite numbers, and NaN "
        "for no data."
    )


def test_a_plain_table_is_refused_as_not_a_geodataframe(own_table: pd.DataFrame) -> None:
    """A table without geometry would be refused in capitals ("A GEODATAFRAME")."""
    data = _own(own_table, [1.0] * 30)
    plain = DistrictData(pd.DataFrame(data.table.drop(columns="geometry")), data.indicator)
    with pytest.raises(OptionError) as info:
        choropleth_spec(data.indicator.id, data=plain)  # type: ignore[arg-type]
    assert str(info.value) == "data.table must be a GeoDataFrame, not a DataFrame."


def test_a_district_without_a_name_stays_without_one(own_table: pd.DataFrame) -> None:
    """A missing name would become the word "None" on the map instead of the P-code fallback."""
    table = own_table.copy()
    table["district"] = table["district"].astype(object)
    table.loc[0, "district"] = None
    spec = choropleth_spec("user_deger", data=_own(table, [1.0] * 30))
    names = spec.districts["district"].tolist()
    assert pd.isna(names[0])
    assert names[1:3] == ["Balçova", "Bayındır"]


def test_a_title_that_is_not_text_is_refused_by_name(own_table: pd.DataFrame) -> None:
    """A number as a map title would be refused in capitals ("A TEXT (STR)")."""
    with pytest.raises(OptionError) as info:
        MapSpec(
            kind="choropleth",
            slug="x",
            title=5,  # type: ignore[arg-type]
            lang="tr",
            districts=own_table,
            neighbours=own_table.iloc[:0],
        )
    assert str(info.value) == "title must be a text (str), not 5."


# --- spec.years --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def year_table() -> pd.DataFrame:
    """The districts as a year map takes them (the docstring's example)."""
    return district_table("web")[["pcode", "district", "area_km2", "geometry"]]


_LONG = pd.DataFrame(
    {
        "pcode": ["TUR035001", "TUR035001", "TUR035002"],
        "year": [2009, 2021, 2021],
        "value": [63503.0, 103364.0, 80513.0],
    }
)


def test_a_year_table_without_a_value_column_is_refused_in_plain_words(
    year_table: pd.DataFrame,
) -> None:
    """The refusal would shout the columns it needs in capitals."""
    ind = user_indicator("Nüfus", source="TÜİK", integer=True)
    with pytest.raises(DataError) as info:
        years_spec(year_table, _LONG.rename(columns={"value": "v"}), ind)
    assert str(info.value) == (
        "values has no column 'value'; a year map needs the columns 'pcode', 'year' and "
        "'value', one row per district and year."
    )


def test_p_codes_not_on_the_map_are_named(year_table: pd.DataFrame) -> None:
    """The user would get a TypeError instead of the P-codes to fix, the first five of them."""
    ind = user_indicator("Nüfus", source="TÜİK", integer=True)
    pcodes = ["TUR035001", *(f"TUR999{i:03d}" for i in range(6, 0, -1))]
    values = pd.DataFrame({"pcode": pcodes, "year": [2020] * 7, "value": [1.0] * 7})
    with pytest.raises(DataError) as info:
        years_spec(year_table, values, ind)
    assert str(info.value) == (
        "values names P-codes that are not on the map: TUR999001, TUR999002, TUR999003, "
        "TUR999004, TUR999005."
    )


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        (
            "1000;2000",
            "breaks must be a list of numbers (the upper bounds of the classes) or None, "
            "not '1000;2000'.",
        ),
        (
            [70000, "a"],
            "breaks must be a list of numbers (the upper bounds of the classes) or None, "
            "not [70000, 'a'].",
        ),
    ],
)
def test_a_year_map_refuses_breaks_that_are_not_numbers(
    year_table: pd.DataFrame, breaks: object, message: str
) -> None:
    """Breaks typed as on the command line would not get the message that says what to give."""
    ind = user_indicator("Nüfus", source="TÜİK", integer=True)
    with pytest.raises(OptionError) as info:
        years_spec(year_table, _LONG, ind, scheme="user", breaks=breaks)  # type: ignore[arg-type]
    assert str(info.value) == message
