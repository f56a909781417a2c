"""The data of a year map's slider (``yr`` in the payload): every year's colours, texts and counts.

The year table is built from sourced figures: Aliağa's 2009 population, 63.503, from the
seed report, and every district's 2021 population from ``data/population_2021.csv`` (TÜİK
ADNKS). The 2009 column has only Aliağa: the other 29 districts have no data in 2009.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import user_indicator
from izmir_maps.interactive._payload import build_payload
from izmir_maps.interactive.render import render_html
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec
from izmir_maps.spec.years import population_years_spec, year_spec, years_spec
from izmir_maps.text.numbers import Lang

ALIAGA = "TUR035001"
BUCA = "TUR035008"
NO_DATA = "#d9d9d9"


def population_years(lang: Lang = "tr", year: int | None = None) -> MapSpec:
    """Population 2009 (Aliağa only, from the seed report) and 2021 (all 30, TÜİK ADNKS)."""
    table = district_table("web")
    y2021 = table[["pcode", "population"]].rename(columns={"population": "value"})
    long = pd.concat(
        [
            pd.DataFrame({"pcode": [ALIAGA], "year": [2009], "value": [63503.0]}),
            y2021.assign(year=2021),
        ],
        ignore_index=True,
    )
    ind = user_indicator("Nüfus", source="TÜİK ADNKS; İZKA 2010 (Aliağa 2009)", integer=True)
    frame = table[["pcode", "district", "area_km2", "geometry"]]
    return years_spec(frame, long, ind, lang=lang, year=year)


@pytest.fixture(scope="module")
def spec() -> MapSpec:
    return population_years()


@pytest.fixture(scope="module")
def payload(spec: MapSpec):
    return build_payload(spec)


def _name(d: dict) -> str:
    return f"{d['n']}: {', '.join(value for _, value in d['t'])}"


def _at(payload, pcode: str) -> int:
    return [d["id"] for d in payload.data["d"]].index(pcode)


def test_the_years_and_the_year_shown_first(payload) -> None:
    yr = payload.data["yr"]
    assert yr["y"] == [2009, 2021]
    assert yr["s"] == 1  # the latest
    assert yr["tt"] == ["Nüfus, 2009", "Nüfus, 2021"]
    assert yr["w"] == {"group": "Yıl seçimi", "label": "Yıl", "play": "Oynat", "pause": "Duraklat"}


def test_aliaga_changes_class_between_the_years(payload) -> None:
    yr, i = payload.data["yr"], _at(payload, ALIAGA)
    fill, tip, name = yr["f"][0][i][:3]
    popup = yr["f"][0][i][5]
    # the rank is among the districts with a value that year: Aliağa alone in 2009
    assert (fill, tip, name) == (
        "#eff3ff",
        [["Nüfus", "63.503"], ["Sıra", "1./1"]],
        "Aliağa: 63.503, 1./1",
    )
    assert yr["f"][1][i][:3] == [
        "#bdd7e7",
        [["Nüfus", "103.364"], ["Sıra", "15./30"]],
        "Aliağa: 103.364, 15./30",
    ]
    # the year shown first is the page's own data
    d = payload.data["d"][i]
    assert (d["c"], d["t"]) == ("#bdd7e7", [["Nüfus", "103.364"], ["Sıra", "15./30"]])
    assert popup == d["v"] == ["379,1 km²"]


def test_districts_without_a_2009_value_are_grey_and_say_so(payload) -> None:
    yr, i = payload.data["yr"], _at(payload, BUCA)
    assert yr["f"][0][i][:3] == [NO_DATA, [["Nüfus", "Veri yok"]], "Buca: veri yok"]
    assert yr["f"][1][i][:3] == [
        "#08519c",
        [["Nüfus", "517.963"], ["Sıra", "1./30"]],
        "Buca: 517.963, 1./30",
    ]
    greys = [row[0] for row in yr["f"][0]].count(NO_DATA)
    assert greys == 29


def test_legend_counts_of_each_year(payload) -> None:
    assert payload.data["yr"]["k"] == [
        ["1 ilçe", "0 ilçe", "0 ilçe", "0 ilçe", "0 ilçe", "29 ilçe"],
        ["13 ilçe", "8 ilçe", "3 ilçe", "3 ilçe", "3 ilçe", None],
    ]


def test_legend_has_the_no_data_row_hidden_in_2021(payload) -> None:
    rows = re.findall(
        r"<li( class=\"izm-nodata\")?( hidden)?>.*?<small>([^<]*)</small>", payload.legend
    )
    assert rows == [
        ("", "", "13 ilçe"),
        ("", "", "8 ilçe"),
        ("", "", "3 ilçe"),
        ("", "", "3 ilçe"),
        ("", "", "3 ilçe"),
        (' class="izm-nodata"', " hidden", "29 ilçe"),
    ]


def test_a_map_opened_on_2009_shows_its_no_data_row() -> None:
    payload = build_payload(population_years(year=2009))
    assert payload.data["yr"]["s"] == 0
    assert "hidden" not in payload.legend
    assert "<small>1 ilçe</small>" in payload.legend


def test_each_year_is_what_a_map_of_that_year_alone_shows(spec: MapSpec, payload) -> None:
    for j, year in enumerate((2009, 2021)):
        alone = build_payload(year_spec(spec, year)).data["d"]
        got = payload.data["yr"]["f"][j]
        # fill, tooltip, name read out, ranking bar value and label (None when the map
        # has no bars), popup values
        assert got == [
            [d["c"], d["t"], d.get("an") or _name(d), d.get("bv"), d.get("bs"), d["v"]]
            for d in alone
        ]


def test_each_year_has_its_description(payload) -> None:
    ds = payload.data["yr"]["ds"]
    assert ds[0].endswith("29 ilçe için veri yok.")
    assert "En yüksek değerler Buca (517.963) ve Karabağlar (478.788)" in ds[1]


def test_english_numbers_and_words() -> None:
    yr = build_payload(population_years("en")).data["yr"]
    assert yr["f"][0][0][:3] == [
        "#eff3ff",
        [["Nüfus", "63,503"], ["Rank", "1/1"]],
        "Aliağa: 63,503, 1/1",
    ]
    assert yr["k"][0][0] == "1 district"
    assert yr["w"] == {"group": "Choice of year", "label": "Year", "play": "Play", "pause": "Pause"}


def test_a_map_of_one_year_has_no_slider_data() -> None:
    assert "yr" not in build_payload(choropleth_spec("employees")).data


def test_two_renders_are_byte_identical() -> None:
    assert render_html(population_years()).html == render_html(population_years()).html


def test_the_value_table_cells_of_each_year(payload) -> None:
    # rows in Turkish alphabetical order (Aliağa, Balçova, Bayındır, …), columns value and rank
    assert '<th scope="col">Nüfus</th><th scope="col">Sıra</th>' in payload.table
    tb = payload.data["yr"]["tb"]
    assert tb[0][:3] == [["63.503", "1./1"], ["Veri yok", "Veri yok"], ["Veri yok", "Veri yok"]]
    assert tb[1][:3] == [["103.364", "15./30"], ["80.513", "17./30"], ["40.049", "24./30"]]
    assert '<th scope="row">Aliağa</th><td>103.364</td><td>15./30</td>' in payload.table


def test_the_shipped_population_map_has_three_years_and_urla_changes_class() -> None:
    payload = build_payload(population_years_spec())
    yr = payload.data["yr"]
    assert (yr["y"], yr["s"]) == ([2018, 2021, 2023], 2)
    assert yr["k"] == [
        ["13 ilçe", "8 ilçe", "3 ilçe", "3 ilçe", "3 ilçe"],
        ["12 ilçe", "9 ilçe", "3 ilçe", "3 ilçe", "3 ilçe"],
        ["12 ilçe", "9 ilçe", "3 ilçe", "3 ilçe", "3 ilçe"],
    ]
    urla = [d["n"] for d in payload.data["d"]].index("Urla")
    # Urla crosses 72.741 (the lowest value of the second class) between 2018 and 2021
    assert [year[urla][:2] for year in yr["f"]] == [
        ["#f7f7f7", [["Nüfus", "66.360 kişi"], ["Sıra", "18./30"]]],
        ["#cccccc", [["Nüfus", "72.741 kişi"], ["Sıra", "18./30"]]],
        ["#cccccc", [["Nüfus", "77.599 kişi"], ["Sıra", "18./30"]]],
    ]
    assert "hidden" not in payload.legend  # every year has every district: no "Veri yok" row
