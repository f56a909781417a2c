"""OSBs, free zones and wind farms sit where their sources put them, and say how they are placed."""

from __future__ import annotations

import pytest
import shapely

from izmir_maps.data.boundaries import district_matcher, load_districts
from izmir_maps.data.join import district_table
from izmir_maps.pages.profiles import render_profile
from izmir_maps.spec.legend import SymbolSection, plan_legend
from izmir_maps.spec.map_spec import osb_spec, wind_spec

SHAPES = load_districts("detailed").set_index("district").geometry


def _row(frame, column: str, prefix: str):
    rows = frame[frame[column].astype(str).str.startswith(prefix)]
    assert len(rows) == 1, prefix
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("short", "district"),
    [("İTOB OSB", "Menderes"), ("Pancar OSB", "Torbalı"), ("ESB", "Gaziemir")],
)
def test_zones_without_a_coordinate_are_placed_in_their_sourced_district(short, district) -> None:
    spec = osb_spec()
    row = _row(spec.osbs, "short_name", short)
    assert row["location"] == "approximate"
    assert SHAPES[district].contains(row.geometry)


def test_alosbi_is_drawn_at_its_sourced_position_and_nothing_is_left_off() -> None:
    spec = osb_spec()
    alosbi = _row(spec.osbs, "short_name", "ALOSBİ")
    assert alosbi["location"] == "sourced"
    assert (round(alosbi.geometry.y, 4), round(alosbi.geometry.x, 4)) == (38.8148, 27.0377)
    assert spec.osbs_unplaced.empty
    assert (spec.osbs["location"] == "sourced").sum() == 1


def test_wind_farms_with_a_sourced_position_and_the_three_still_unplaced() -> None:
    spec = wind_spec()
    farms = spec.wind_farms
    for prefix, district in (
        ("Karaburun RES", "Karaburun"),
        ("Yuntdağ RES", "Bergama"),
        ("Mazı-3 RES", "Çeşme"),
        ("Bozyaka RES", "Aliağa"),
    ):
        row = _row(farms, "name", prefix)
        assert row["location"] == "sourced", prefix
        assert SHAPES[district].contains(row.geometry), prefix
    assert (farms["location"] == "sourced").sum() == 4
    unplaced = [name.split(" (")[0] for name in spec.wind_farms_unplaced["name"]]
    assert unplaced == [
        "Mare Manastır RES",
        "Bergama RES",
        "Demirer rüzgâr türbinleri, İzmir yakını",
    ]


def test_every_coordinate_lies_in_the_district_its_row_names() -> None:
    names = district_matcher().names_by_pcode
    for frame in (osb_spec().osbs, wind_spec().wind_farms):
        sourced = frame[frame["location"] == "sourced"]
        for _, row in sourced.iterrows():
            assert shapely.contains(SHAPES[names[row["pcode"]]], row.geometry), row["name"]


def test_legend_says_sourced_only_when_a_marker_is() -> None:
    spec = osb_spec()
    section = spec.legend.section(SymbolSection, "osb")
    assert [e.location for e in section.locations] == ["sourced", "approximate"]
    spec.osbs = spec.osbs.assign(location="approximate")
    section = plan_legend(spec, []).section(SymbolSection, "osb")
    assert [e.location for e in section.locations] == ["approximate"]
    assert [e.label for e in section.locations] == [
        "Yaklaşık konum (ilçe içinde; kaynakta koordinat yok)"
    ]


@pytest.mark.parametrize(("district", "zone"), [("Menderes", "İTOB"), ("Gaziemir", "ESB")])
def test_profiles_agree_with_the_map(district, zone) -> None:
    page = render_profile(district_table("web"), district_matcher().pcode(district))
    assert zone in page
    assert "Kaynaklarda bu ilçede OSB yok." not in page
