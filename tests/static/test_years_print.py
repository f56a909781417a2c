"""Print maps of a year map: small multiples, one panel per year, one shared legend.

The year map is built from real figures: Aliağa's 2009 population as the İZKA
Aliağa report gives it (63.503, ADNKS 2009) and the 2021 population of all 30
districts (TÜİK ADNKS, ``data/population_2021.csv``). Every other district has
no 2009 value, so the 2009 panel also shows the no-data class.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib as mpl
import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import user_indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.legend import ClassesSection
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec
from izmir_maps.spec.years import year_spec, years_spec
from izmir_maps.static.render import render_static, save_static, write_static
from izmir_maps.static.years import panel_columns, render_years_static

ALIAGA = "TUR035001"
SOURCE = "TÜİK ADNKS 2009 (İZKA Aliağa raporu), 2021"
LOW_DPI = 60
#: The classes of 2009 and 2021 together (Fisher-Jenks over the 31 values), as printed.
CLASSES = [
    "11.927 – 72.741",
    "80.513 – 137.856",
    "193.229 – 209.951",
    "296.839 – 347.023",
    "452.867 – 517.963",
    "Veri yok",
]


@pytest.fixture(autouse=True)
def _agg():
    mpl.use("Agg")


def _year_map(layout: str = "map", lang: str = "tr") -> MapSpec:
    full = district_table("detailed")
    table = full[["pcode", "district", "area_km2", "geometry"]]
    values = pd.concat(
        [
            pd.DataFrame({"pcode": [ALIAGA], "year": [2009], "value": [63503.0]}),
            pd.DataFrame(
                {"pcode": full["pcode"], "year": 2021, "value": full["population"].astype(float)}
            ),
        ]
    )
    ind = user_indicator("Nüfus", source=SOURCE, integer=True)
    return years_spec(table, values, ind, layer="detailed", layout=layout, lang=lang)


@pytest.fixture(scope="module")
def spec() -> MapSpec:
    return _year_map()


@pytest.fixture(scope="module")
def fig(spec: MapSpec) -> Figure:
    return render_static(spec)


def _panels(fig: Figure) -> list:
    return [ax for ax in fig.axes if str(ax.get_gid()).startswith("year-")]


def _fill_of(ax, spec: MapSpec, pcode: str) -> str:
    districts = next(c for c in ax.collections if c.get_gid() == "districts")
    row = list(spec.districts["pcode"]).index(pcode)
    return to_hex(districts.get_facecolors()[row])


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_render_static_draws_one_panel_per_year_titled_with_the_year(fig: Figure) -> None:
    assert [ax.get_title(loc="left") for ax in _panels(fig)] == ["2009", "2021"]
    assert len(fig.axes) == 2  # no inset, no other map


def test_panels_are_the_same_size_side_by_side(fig: Figure) -> None:
    boxes = [ax.get_position() for ax in _panels(fig)]
    assert {(round(b.width, 5), round(b.height, 5)) for b in boxes} == {
        (round(boxes[0].width, 5), round(boxes[0].height, 5))
    }
    assert boxes[0].y0 == pytest.approx(boxes[1].y0)
    assert boxes[0].x1 < boxes[1].x0


def test_aliaga_has_the_colour_of_its_class_in_every_panel(spec: MapSpec, fig: Figure) -> None:
    colours = spec.classification.colors
    fills = {ax.get_title(loc="left"): _fill_of(ax, spec, ALIAGA) for ax in _panels(fig)}
    for year in (2009, 2021):
        row = list(spec.districts["pcode"]).index(ALIAGA)
        expected = year_spec(spec, year).classification.color_of(spec.districts.index[row])
        assert fills[str(year)] == expected
    # 63.503 (2009) is in the lowest class, 103.364 (2021) in the second: the colour changed
    assert fills["2009"] == colours[0]
    assert fills["2021"] == colours[1]


def test_districts_without_a_value_that_year_are_no_data(spec: MapSpec, fig: Figure) -> None:
    panel_2009, panel_2021 = _panels(fig)
    assert _fill_of(panel_2009, spec, "TUR035021") == "#d9d9d9"  # Konak: no 2009 value
    assert any(c.get_gid() == "no-data" for c in panel_2009.collections)
    assert not any(c.get_gid() == "no-data" for c in panel_2021.collections)


def test_one_shared_legend_with_the_fixed_ranges_and_no_counts(fig: Figure) -> None:
    assert len(fig.legends) == 1
    legend = fig.legends[0]
    assert legend.get_title().get_text() == "Nüfus"
    assert [t.get_text() for t in legend.get_texts()] == CLASSES  # no "(n ilçe)": counts vary


def test_the_note_title_and_sources_are_printed_once(fig: Figure) -> None:
    texts = _texts(fig)
    note = (
        "Renk sınıfları 2009–2021 yıllarının tümünden hesaplandı: bir renk her yılda aynı değer "
        "aralığı demektir."
    )
    assert sum(" ".join(t.split()) == note for t in texts) == 1
    assert [t for t in texts if t == "Nüfus" or t.startswith("Nüfus,")] == ["Nüfus", "Nüfus"]
    title = next(t for t in fig.texts if t.get_gid() == "title")
    assert title.get_text() == "Nüfus"  # the map's title once, the years on the panels
    sources = [t.get_text() for t in fig.texts if t.get_gid() == "source"]
    assert len(sources) == 1
    assert sources[0].splitlines()[0] == f"Kaynak: {SOURCE}"


def test_the_legend_band_is_under_the_panels(fig: Figure) -> None:
    renderer = fig.canvas.get_renderer()
    lowest_panel = min(ax.get_position().y0 for ax in _panels(fig)) * fig.bbox.height
    assert fig.legends[0].get_window_extent(renderer).y1 < lowest_panel


def test_png_pixels_show_the_class_colours(spec: MapSpec, tmp_path: Path) -> None:
    fig = render_static(spec, labels=False)
    path = write_static(fig, tmp_path / "years.png", dpi=LOW_DPI)
    pixels = (mpimg.imread(path)[..., :3] * 255).round().astype(int)
    height = pixels.shape[0]
    row = list(spec.districts["pcode"]).index(ALIAGA)
    inside = spec.districts.to_crs(32635).geometry.iloc[row].representative_point()
    for ax, colour in zip(_panels(fig), spec.classification.colors[:2], strict=True):
        x, y = ax.transData.transform((inside.x, inside.y)) * LOW_DPI / fig.dpi
        assert tuple(pixels[height - 1 - int(y), int(x)]) == tuple(
            round(c * 255) for c in to_rgb(colour)
        )


def test_svg_keeps_the_years_and_the_legend_as_text(spec: MapSpec, tmp_path: Path) -> None:
    path = save_static(spec, tmp_path / "years.svg")
    root = ET.parse(path).getroot()
    texts = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    for expected in ("Nüfus", "2009", "2021", *CLASSES):
        assert expected in texts


def test_pdf_has_the_years_and_the_legend(spec: MapSpec, tmp_path: Path, pdf_text) -> None:
    text = pdf_text(save_static(spec, tmp_path / "years.pdf"))
    for expected in ("2009", "2021", "11.927 – 72.741", "Veri yok", "Renk sınıfları"):
        assert expected in text


def test_the_same_map_gives_the_same_bytes(spec: MapSpec, tmp_path: Path) -> None:
    for fmt in ("png", "svg"):
        a = save_static(spec, tmp_path / f"a.{fmt}", dpi=LOW_DPI)
        b = save_static(spec, tmp_path / f"b.{fmt}", dpi=LOW_DPI)
        assert a.read_bytes() == b.read_bytes(), fmt


def test_grid_year_map_has_hexagon_panels_with_names(tmp_path: Path) -> None:
    spec = _year_map("grid")
    fig = render_static(spec)
    panels = _panels(fig)
    assert [ax.get_title(loc="left") for ax in panels] == ["2009", "2021"]
    for ax in panels:
        names = {t.get_text() for t in ax.texts if t.get_gid() == "label-district"}
        assert len(names) == 30
        assert not any(str(t.get_gid()).startswith(("scale-bar", "north")) for t in ax.texts)
    assert _fill_of(panels[1], spec, ALIAGA) == spec.classification.colors[1]
    notes = " ".join(" ".join(t.split()) for t in _texts(fig))
    assert "Eşit alanlı ızgara" in notes


def test_many_years_fill_rows_of_panels() -> None:
    assert [panel_columns(n) for n in (1, 2, 3, 4, 5, 9, 10, 16, 17, 30)] == [
        1,
        2,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]
    full = district_table("detailed")
    table = full[["pcode", "district", "area_km2", "geometry"]]
    values = pd.DataFrame(
        {
            "pcode": [ALIAGA] * 5,
            "year": [2017, 2018, 2019, 2020, 2021],
            "value": np.linspace(90000.0, 103364.0, 5),
        }
    )
    spec = years_spec(table, values, user_indicator("Nüfus", source=SOURCE), layer="detailed")
    fig = render_years_static(spec, labels=False)
    panels = _panels(fig)
    assert [ax.get_title(loc="left") for ax in panels] == ["2017", "2018", "2019", "2020", "2021"]
    rows = sorted({round(ax.get_position().y0, 4) for ax in panels}, reverse=True)
    assert len(rows) == 2  # 3 + 2


def test_render_years_static_refuses_a_map_without_years() -> None:
    with pytest.raises(OptionError, match="year map"):
        render_years_static(choropleth_spec("employees", layer="detailed"))


def test_english_year_map_prints_english_numbers() -> None:
    fig = render_static(_year_map(lang="en"), labels=False)
    shown = [t.get_text() for t in fig.legends[0].get_texts()]
    assert shown[0] == "11,927 – 72,741"
    assert shown[-1] == "No data"
    section = year_spec(_year_map(lang="en"), 2009).legend.section(ClassesSection)
    assert shown == [c.label for c in section.classes]


# -- --describe: the description of every year under the title ----------------------------------

#: The year map's description (spec.years.years_sentences): what the years share once, each
#: year's own sentences after its year. Aliağa alone in 2009 has no highest and lowest.
DESCRIBED = [
    "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Nüfus.",
    "2009: 29 ilçe için veri yok.",
    "2021: En yüksek değerler Buca (517.963) ve Karabağlar (478.788), en düşük değerler "
    "Karaburun (11.927) ve Beydağ (12.197).",
    "Değerler doğal kırılmalarla (Fisher–Jenks) 5 sınıfa ayrıldı.",
]


def _description(fig: Figure) -> Text | None:
    return next((t for t in fig.texts if t.get_gid() == "description"), None)


def test_describe_prints_every_years_description_under_the_title(spec: MapSpec) -> None:
    from izmir_maps.spec.years import years_sentences

    assert years_sentences(spec) == DESCRIBED
    fig = render_years_static(spec, describe=True)
    said = _description(fig)
    assert said is not None
    assert " ".join(said.get_text().split()) == " ".join(DESCRIBED)  # wrapped, nothing left out
    renderer = fig.canvas.get_renderer()
    title = next(t for t in fig.texts if t.get_gid() == "title")
    box = said.get_window_extent(renderer)
    assert box.y1 < title.get_window_extent(renderer).y0  # under the title
    highest_panel = max(ax.get_position().y1 for ax in _panels(fig)) * fig.bbox.height
    assert box.y0 > highest_panel  # above the panels, which keep their size
    plain = render_years_static(spec)
    assert _description(plain) is None
    grown = fig.get_size_inches()[1] - plain.get_size_inches()[1]
    assert grown == pytest.approx(box.height / fig.dpi, abs=0.25)  # the page grew to hold it
    for with_text, without in zip(_panels(fig), _panels(plain), strict=True):
        w = with_text.get_position().width * fig.get_size_inches()[0]
        assert w == pytest.approx(without.get_position().width * plain.get_size_inches()[0])


def test_render_static_passes_describe_to_a_year_map(spec: MapSpec) -> None:
    from izmir_maps.static.render import render_static

    said = _description(render_static(spec, describe=True))
    assert said is not None
    assert " ".join(said.get_text().split()) == " ".join(DESCRIBED)
    assert _description(render_static(spec)) is None


def test_describe_in_english(tmp_path: Path) -> None:
    from izmir_maps.spec.years import years_sentences

    assert years_sentences(_year_map(lang="en"))[1:3] == [
        "2009: No data for 29 districts.",
        "2021: Buca (517,963) and Karabağlar (478,788) have the highest values, Karaburun "
        "(11,927) and Beydağ (12,197) the lowest.",
    ]


def test_describe_with_many_years_keeps_to_the_lines_of_a_page() -> None:
    full = district_table("detailed")
    table = full[["pcode", "district", "area_km2", "geometry"]]
    values = pd.concat(
        pd.DataFrame(
            {"pcode": full["pcode"], "year": y, "value": full["population"] * (1 + y / 100)}
        )
        for y in range(2000, 2012)
    )
    spec = years_spec(table, values, user_indicator("Nüfus", source=SOURCE), layer="detailed")
    said = _description(render_years_static(spec, describe=True, labels=False))
    assert said is not None
    lines = said.get_text().splitlines()
    assert len(lines) <= 9 and lines[-1].endswith("…")  # whole sentences, then "…"
    assert lines[0].startswith("Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Nüfus.")
