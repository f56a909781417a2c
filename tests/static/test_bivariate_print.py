"""Print maps of a bivariate choropleth: the square two-way legend read from the legend plan."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib as mpl
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from izmir_maps.cli import main
from izmir_maps.spec.bivariate import PALETTE, BivariateSpec, bivariate_spec
from izmir_maps.spec.legend import TwoWaySection
from izmir_maps.static.render import render_static, save_static

#: The axes of employees × exports as a reader finds them on the page.
ROWS_TR = [
    "yüksek 73.493.224 – 2.950.799.884",
    "orta 9.523.193 – 69.827.753",
    "düşük 58.928 – 6.115.325",
]
COLUMNS_TR = ["yüksek 15.036 – 199.310", "orta 3.287 – 13.417", "düşük 474 – 3.167"]
Y_TITLE = "↑ İhracat (ABD $)"
X_TITLE = "Çalışan sayısı (SGK, 2008), kişi →"


@pytest.fixture(autouse=True)
def _agg():
    mpl.use("Agg")


@pytest.fixture(scope="module")
def spec() -> BivariateSpec:
    return bivariate_spec("employees", "exports_usd", layer="detailed")


@pytest.fixture(scope="module")
def page(spec: BivariateSpec) -> Figure:
    return render_static(spec)


def _two_way_texts(fig: Figure) -> list[str]:
    return [" ".join(t.get_text().split()) for t in fig.findobj(Text) if t.get_gid() == "two-way"]


def _cells(fig: Figure) -> dict[tuple[int, int], Rectangle]:
    out = {}
    for artist in fig.findobj(Rectangle):
        gid = str(artist.get_gid())
        if gid.startswith("two-way-") and gid.count("-") == 3:
            i, j = gid.split("-")[2:]
            out[int(i), int(j)] = artist
    return out


def test_the_legend_names_both_axes_and_their_class_ranges(page: Figure) -> None:
    texts = _two_way_texts(page)
    assert texts == [Y_TITLE.replace("$", r"\$"), *ROWS_TR, *COLUMNS_TR, X_TITLE]


def test_the_legend_reads_everything_from_the_two_way_section(spec: BivariateSpec) -> None:
    section = spec.legend.section(TwoWaySection)
    assert section.y_labels[2] == "73.493.224 – 2.950.799.884"
    assert section.x_labels[0] == "474 – 3.167"
    assert [f"{section.levels[j]} {section.y_labels[j]}" for j in (2, 1, 0)] == ROWS_TR


def test_nine_square_cells_high_y_at_the_top_high_x_at_the_right(page: Figure) -> None:
    cells = _cells(page)
    assert set(cells) == {(i, j) for i in range(3) for j in range(3)}
    for (i, j), cell in cells.items():
        assert to_hex(cell.get_facecolor()) == PALETTE[i][j]
        assert cell.get_width() == pytest.approx(cell.get_height())  # square
    assert cells[2, 0].get_x() > cells[1, 0].get_x() > cells[0, 0].get_x()
    assert cells[0, 2].get_y() > cells[0, 1].get_y() > cells[0, 0].get_y()


def test_each_cell_says_how_many_districts_it_holds(page: Figure, spec: BivariateSpec) -> None:
    counts = [t.get_text() for t in page.texts if t.get_gid() == "two-way-count"]
    section = spec.legend.section(TwoWaySection)
    assert counts == [str(section.counts[i][j]) for j in (2, 1, 0) for i in range(3)]
    assert sum(int(c) for c in counts) == 30


def test_the_2008_hatching_is_on_the_map_and_in_the_legend(page: Figure) -> None:
    ax = next(a for a in page.axes if a.get_gid() == "map")
    assert "boundary-change" in {c.get_gid() for c in ax.collections}
    labels = [" ".join(t.get_text().split()) for legend in page.legends for t in legend.get_texts()]
    assert labels == [
        "Bayraklı, Karabağlar: 2008'de kuruldu; 2008 verisi büyük ölçüde ana ilçede kayıtlı "
        "(tahmin)"
    ]


def test_districts_are_filled_with_the_colour_of_their_pair_of_classes(
    page: Figure, spec: BivariateSpec
) -> None:
    ax = next(a for a in page.axes if a.get_gid() == "map")
    districts = next(c for c in ax.collections if c.get_gid() == "districts")
    fills = dict(
        zip(spec.districts["district"], map(to_hex, districts.get_facecolors()), strict=True)
    )
    assert fills["Konak"] == PALETTE[2][2]  # both high
    assert fills["Foça"] == PALETTE[0][2]  # few jobs, high exports
    assert fills["Kınık"] == PALETTE[0][0]


def test_the_note_is_printed(page: Figure) -> None:
    notes = [" ".join(t.get_text().split()) for t in page.texts if t.get_gid() == "note"]
    assert notes == [
        "Her gösterge sıralanıp üç eşit gruba (düşük, orta, yüksek) ayrıldı; sınır değerine "
        "eşit değerler alttaki gruptadır. Renk iki grubun birleşimidir."
    ]


def test_half_width_keeps_the_legend_on_the_page(spec: BivariateSpec) -> None:
    fig = render_static(spec, size="half")
    renderer = fig.canvas.get_renderer()
    right = fig.bbox.width
    for text in fig.findobj(Text):
        if str(text.get_gid()).startswith("two-way"):
            assert text.get_window_extent(renderer).x1 <= right, text.get_text()
    assert _two_way_texts(fig)[1:4] == ROWS_TR


def test_english_legend(tmp_path: Path) -> None:
    fig = render_static(bivariate_spec("employees", "exports_usd", lang="en", layer="detailed"))
    texts = _two_way_texts(fig)
    assert texts[1] == "high 73,493,224 – 2,950,799,884"
    assert texts[-1] == "Employees (SGK, 2008), persons →"


def test_cli_writes_svg_with_the_legend_as_text(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    assert main(["map", "employees", "--bivariate", "exports_usd", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    texts = {
        " ".join("".join(el.itertext()).split())
        for el in root.iter("{http://www.w3.org/2000/svg}text")
    }
    for expected in (Y_TITLE, X_TITLE, *ROWS_TR, *COLUMNS_TR):
        assert expected in texts, expected


def test_the_same_map_gives_the_same_bytes(spec: BivariateSpec, tmp_path: Path) -> None:
    for fmt in ("png", "svg"):
        a = save_static(spec, tmp_path / f"a.{fmt}", dpi=60)
        b = save_static(spec, tmp_path / f"b.{fmt}", dpi=60)
        assert a.read_bytes() == b.read_bytes(), fmt


def test_pdf_has_the_two_way_legend(spec: BivariateSpec, tmp_path: Path, pdf_text) -> None:
    text = " ".join(pdf_text(save_static(spec, tmp_path / "bv.pdf")).split())
    for expected in ("73.493.224 – 2.950.799.884", "474 – 3.167", "İhracat (ABD $)"):
        assert expected in text
