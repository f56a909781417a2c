"""The 2008 boundary change as every map shows it: view, title, hatch, lines, legend."""

from __future__ import annotations

import json
import re

import pytest

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.errors import OptionError
from izmir_maps.spec.legend import HatchSection
from izmir_maps.spec.map_spec import DistrictData, choropleth_spec, combined_spec, osb_spec

PCODE = district_matcher().pcode
BAYRAKLI, KARABAGLAR = PCODE("Bayraklı"), PCODE("Karabağlar")
KARSIYAKA, KONAK = PCODE("Karşıyaka"), PCODE("Konak")


def test_counts_of_2008_stay_on_30_districts_with_the_new_ones_hatched() -> None:
    spec = choropleth_spec("employees")
    assert spec.boundaries == "current"
    assert len(spec.districts) == 30
    assert spec.caveats.hatched == (BAYRAKLI, KARABAGLAR)
    assert spec.caveats.line(BAYRAKLI) == (
        "2008'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı (tahmin)"
    )
    assert spec.caveats.line(KARABAGLAR) == (
        "2008'de kuruldu; 2008 verisi büyük ölçüde Konak ilçesinde kayıtlı (tahmin)"
    )
    assert spec.caveats.line(KONAK) == (
        "2008 verisi büyük olasılıkla Karabağlar ilçesini de içerir (tahmin)"
    )
    hatch = spec.legend.section(HatchSection, "boundary")
    assert hatch is not None
    assert hatch.label == (
        "Bayraklı, Karabağlar: 2008'de kuruldu; 2008 verisi büyük ölçüde ana ilçede kayıtlı (tahmin)"
    )


@pytest.mark.parametrize("ind", ["employees_per_1000", "firms_per_km2", "exports_usd_per_km2"])
def test_ratios_of_2008_data_default_to_the_2008_view(ind: str) -> None:
    spec = choropleth_spec(ind)
    assert spec.boundaries == "2008"
    assert len(spec.districts) == 28
    assert spec.title.endswith("– 2008 sınırları")
    names = set(spec.districts["district"])
    assert {"Karşıyaka (Bayraklı dahil)", "Konak (Karabağlar dahil)"} <= names
    assert spec.caveats.hatched == ()
    assert spec.notes[-1] == (
        "2008 sınırları: 2008'de kurulan Bayraklı ve Karabağlar, ana ilçeleri Karşıyaka ve "
        "Konak ile birlikte gösterilir (5747 sayılı Kanun)"
    )


def test_the_current_view_stays_available_for_ratios() -> None:
    spec = choropleth_spec("employees", per="capita", boundaries="current")
    assert len(spec.districts) == 30
    assert "2008 sınırları" not in spec.title
    assert spec.caveats.hatched == (BAYRAKLI, KARABAGLAR)


def test_english_words_in_english_maps() -> None:
    spec = choropleth_spec("employees_per_1000", lang="en")
    assert spec.title.endswith("– 2008 boundaries")
    assert "Karşıyaka (incl. Bayraklı)" in set(spec.districts["district"])
    current = choropleth_spec("employees", lang="en")
    assert current.caveats.line(BAYRAKLI) == (
        "Created in 2008; its 2008 data is mostly recorded under Karşıyaka (an inference)"
    )


def test_data_recorded_on_todays_boundaries_is_not_flagged() -> None:
    for ind in ("population", "izka_applications", "population_per_km2"):
        spec = choropleth_spec(ind)
        assert spec.boundaries == "current"
        assert spec.caveats.hatched == ()
        assert spec.legend.section(HatchSection, "boundary") is None


def test_combined_map_flags_its_employment_layer_and_keeps_the_wind_hatch() -> None:
    spec = combined_spec()
    assert spec.caveats.hatched == (BAYRAKLI, KARABAGLAR)
    assert spec.legend.section(HatchSection, "boundary") is not None
    assert spec.legend.section(HatchSection, "proposed") is not None
    assert osb_spec().caveats.hatched == ()


def test_a_users_table_cannot_ask_for_the_2008_view() -> None:
    spec = choropleth_spec("employees")
    data = DistrictData(spec.districts, spec.indicator)
    with pytest.raises(OptionError, match="for the shipped 2008 data"):
        choropleth_spec("x", data=data, boundaries="2008")
    assert choropleth_spec("x", data=data).caveats.hatched == ()


def test_interactive_map_hatches_and_explains_the_new_districts() -> None:
    from izmir_maps.interactive.render import render_html

    page = render_html(choropleth_spec("employees")).html
    found = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    data = json.loads(found.group(1))
    rows = {d["n"]: d for d in data["d"]}
    assert rows["Bayraklı"]["b"] == 1 and rows["Karabağlar"]["b"] == 1
    assert "b" not in rows["Konak"]
    assert rows["Bayraklı"]["t"][-1] == [
        "Sınır değişikliği",
        "2008'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı (tahmin)",
    ]
    assert rows["Konak"]["t"][-1][0] == "Sınır değişikliği"
    assert ["boundary", "Sınır değişikliği", True] in data["layers"]
    assert 'class="izm-sw izm-hatch-b-sw"' in page
    assert 'id="izm-hatch-b"' in page


def test_print_map_draws_the_pattern_and_its_legend_entry(tmp_path) -> None:
    from izmir_maps.static.render import render_static, write_static

    fig = render_static(choropleth_spec("employees", layer="detailed"), size="half")
    svg = write_static(fig, tmp_path / "employees.svg").read_text(encoding="utf-8")
    assert svg.count('id="boundary-change"') == 2  # the map and the centre inset
    assert ">Bayraklı, Karabağlar: 2008'de<" in svg  # the legend entry's first line


def test_cli_boundaries_option_reaches_the_map(tmp_path, capsys) -> None:
    from izmir_maps.cli import main

    out = tmp_path / "m.html"
    args = ["map", "employees", "--per", "capita", "--format", "html", "--out", str(out)]
    assert main(args) == 0
    assert "2008 sınırları" in out.read_text(encoding="utf-8")
    assert main([*args, "--boundaries", "current"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "2008 sınırları" not in page
    assert "izm-hatch-b" in page


def test_cli_refuses_the_2008_view_where_it_means_nothing(tmp_path, capsys) -> None:
    from izmir_maps.cli import main

    code = main(["map", "osb", "--boundaries", "2008", "--out", str(tmp_path / "o.html")])
    assert code != 0
    assert "--boundaries 2008 applies to choropleths of 2008 data" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()
