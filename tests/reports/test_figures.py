"""The report's figures: standalone SVG that the HTML page and Typst's PDF both draw."""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import matplotlib as mpl
import pytest
import typst
from PIL import Image

from izmir_maps.pages.svgmap import map_shapes
from izmir_maps.reports.figures import choropleth_figure, izka_figure, locator_figure
from izmir_maps.reports.model import Figure
from izmir_maps.reports.pdf import _fonts
from izmir_maps.spec.legend import ClassesSection
from izmir_maps.spec.map_spec import choropleth_spec

SVG = "{http://www.w3.org/2000/svg}"
ALIAGA = "TUR035001"
BAYRAKLI = "TUR035004"
KONAK = "TUR035021"
KARABAGLAR = "TUR035015"
MAX_BYTES = 150_000
#: Each border drawn once: Aliağa's maps were 36–37 KB when every district drew its own.
MAX_MAP_BYTES = 33_000


@cache
def figure(kind: str, pcode: str = ALIAGA, lang: str = "tr") -> Figure:
    if kind == "locator":
        return locator_figure(pcode, lang)
    if kind == "izka":
        return izka_figure(pcode, lang)
    return choropleth_figure(kind, pcode, lang)


KINDS = ["locator", "employees", "exports_usd", "izka"]


def texts(fig: Figure) -> list[str]:
    root = ET.fromstring(fig.svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_figure_is_a_standalone_svg_under_the_size_limit(kind, lang):
    fig = figure(kind, lang=lang)
    root = ET.fromstring(fig.svg)  # parses as XML
    assert root.tag == f"{SVG}svg"
    width, height = (float(root.get(a)) for a in ("width", "height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert width > 0 and height > 0
    assert len(fig.svg.encode("utf-8")) <= MAX_BYTES
    # What usvg (Typst) cannot read is absent; every font is named.
    for banned in ("<style", "class=", "<foreignObject", "<script", "var(--", "currentColor"):
        assert banned not in fig.svg
    assert root.get("font-family") == "DejaVu Sans"
    assert fig.alt and fig.caption and not fig.caption.startswith(("Şekil", "Figure"))


@pytest.mark.parametrize("kind", KINDS)
def test_figures_are_deterministic_and_their_ids_unique(kind):
    fig = figure(kind)
    again = {
        "locator": locator_figure,
        "izka": izka_figure,
    }.get(kind, lambda p, lang: choropleth_figure(kind, p, lang))(ALIAGA, "tr")
    assert again == fig
    ids = re.findall(r' id="([^"]+)"', fig.svg)
    assert len(ids) == len(set(ids))
    assert all(ALIAGA.lower() in i for i in ids)  # two figures on one page never share an id
    coordinates = [v for k, v in re.findall(r'([\w-]+)="([^"]*)"', fig.svg) if k != "aria-label"]
    assert not [v for v in coordinates if re.search(r"\d\.\d{2}", v)]  # rounded to 0.1


@pytest.mark.parametrize("kind", ["locator", "employees", "exports_usd"])
def test_maps_outline_and_name_the_district(kind):
    fig = figure(kind)
    root = ET.fromstring(fig.svg)
    outlined = [p for p in root.iter() if p.get("data-pcode") == ALIAGA]
    assert len(outlined) == 1
    assert len(fig.svg.encode("utf-8")) <= MAX_MAP_BYTES
    assert outlined[0].get("fill") == "none"
    assert float(outlined[0].get("stroke-width")) >= 1.5
    assert "Aliağa" in texts(fig)


def test_locator_fills_the_district_and_says_where_it_is():
    fig = figure("locator")
    assert 'fill="#08519c"' in fig.svg
    assert "Ege Denizi" in texts(fig)
    assert fig.caption == "Aliağa'nın İzmir'deki konumu"
    assert fig.alt.endswith("Komşu ilçeleri: Bergama, Foça ve Menemen.")
    assert figure("locator", lang="en").caption == "Location of Aliağa in İzmir"


def test_a_small_district_is_ringed_on_the_locator():
    assert "<circle" in figure("locator", KONAK).svg
    assert "<circle" not in figure("locator").svg


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_choropleth_legend_labels_are_the_atlas_maps(lang):
    section = choropleth_spec("employees", lang=lang).legend.section(ClassesSection)
    labels = [c.label for c in section.classes]
    shown = texts(figure("employees", lang=lang))
    assert [t for t in shown if t in labels] == labels
    if lang == "tr":
        assert labels == ["474 – 6.037", "7.159 – 15.036", "27.225 – 47.504", "117.713", "199.310"]


def test_choropleth_colours_the_districts_as_the_atlas_map():
    spec = choropleth_spec("employees", lang="tr")
    colours = {
        p: spec.classification.color_of(k)
        for k, p in zip(spec.districts.index, spec.districts["pcode"], strict=True)
    }
    drawn = _colours_at_anchors(figure("employees"))
    hatched = {BAYRAKLI, KARABAGLAR}  # their hatch lines may cross the anchor
    assert {p: c for p, c in drawn.items() if p not in hatched} == {
        p: c.lower() for p, c in colours.items() if p not in hatched
    }


@cache
def _render(svg: str, scale: int = 4) -> Image.Image:
    """``svg`` drawn by Typst (as in the PDF), ``scale`` pixels to a unit."""
    width = float(ET.fromstring(svg).get("width"))
    source = (
        "#set page(width: auto, height: auto, margin: 0pt)\n"
        f'#image(bytes(sys.inputs.svg), format: "svg", width: {width}pt)'
    )
    png = typst.compile(
        source.encode(),
        format="png",
        ppi=72.0 * scale,
        font_paths=_fonts(),
        ignore_system_fonts=True,
        sys_inputs={"svg": svg},
    )
    return Image.open(io.BytesIO(png)).convert("RGB")


def _colours_at_anchors(fig: Figure, scale: int = 4) -> dict[str, str]:
    """The colour drawn at each district's inner point (the 280-unit map of a choropleth)."""
    image = _render(fig.svg, scale)
    anchors = map_shapes(280).anchors
    return {
        p: "#{:02x}{:02x}{:02x}".format(*image.getpixel((round(x * scale), round(y * scale))))
        for p, (x, y) in anchors.items()
    }


def test_every_district_of_the_locator_is_white_but_the_district():
    image = _render(figure("locator").svg)
    for p, (x, y) in map_shapes(320).anchors.items():
        colour = "#{:02x}{:02x}{:02x}".format(*image.getpixel((round(x * 4), round(y * 4))))
        assert colour == ("#08519c" if p == ALIAGA else "#ffffff"), p


def test_each_border_is_drawn_once_and_every_district_edge_is_drawn():
    svg = figure("employees").svg
    borders = re.findall(r'<path d="([^"]+)" fill="none" stroke="#[0-9a-f]+" [^>]*linecap', svg)
    assert len(borders) == 1
    shapes = map_shapes(280)
    # the reader below reads the districts' paths as their rings: the same points
    assert [_read_lines(d) for d in shapes.paths.values()] == [
        [list(r) for r in rings] for rings in shapes.rings.values()
    ]
    drawn = Counter(_segments(borders[0], closed=False))
    assert set(drawn.values()) == {1}  # no border twice
    outline = set(_segments(shapes.outline, closed=True))
    edges = {tuple(sorted(s)) for rings in shapes.rings.values() for r in rings for s in _sides(r)}
    assert not edges - outline - set(drawn)  # nor any left out
    assert not set(drawn) & outline  # the coast is the outline's


def _segments(d: str, *, closed: bool) -> list[tuple]:
    """The sides in ``d`` (svgmap's ``M x y l dx dy …`` form), undirected, in tenths."""
    out = []
    for line in _read_lines(d):
        pairs = _sides(line) if closed else pairwise(line)
        out += [tuple(sorted(pair)) for pair in pairs]
    return out


def _sides(ring) -> list[tuple]:
    return list(zip(ring, [*ring[1:], ring[0]], strict=True))


def _read_lines(d: str) -> list[list[tuple[int, int]]]:
    """The points of each ``M`` of path data with relative moves, in integer tenths."""
    lines = []
    for part in re.findall(r"M[^M]*", d):
        numbers = [round(float(v) * 10) for v in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", part)]
        x, y = numbers[0], numbers[1]
        line = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            line.append((x, y))
        lines.append(line)
    return lines


def test_choropleth_marks_the_districts_class_and_value():
    shown = texts(figure("employees"))
    assert "Aliağa: 27.225" in shown
    fig = figure("employees")
    assert re.search(r'font-weight="bold">27\.225 – 47\.504<', fig.svg)  # the district's class
    assert "27.225 – 47.504 sınıfında (7 ilçe)" in fig.alt
    assert texts(figure("employees", lang="en")).count("Aliağa: 27,225") == 1
    assert texts(figure("exports_usd")).count("Aliağa: 673.307.314") == 1


def test_choropleth_hatches_the_2008_districts_and_says_why():
    fig = figure("employees")
    hatch = f"url(#fig-employees-{ALIAGA.lower()}-tr-hatch)"
    assert fig.svg.count(f'fill="{hatch}"') == 2  # Bayraklı and Karabağlar, the legend swatch
    image = _render(fig.svg)
    for pcode in (BAYRAKLI, KARABAGLAR):
        x, y = (round(v * 4) for v in map_shapes(280).anchors[pcode])
        seen = {image.getpixel((x + dx, y + dy)) for dx in range(-8, 9) for dy in range(-8, 9)}
        assert any(max(c) < 110 for c in seen), pcode  # a dark hatch line on a light class
    joined = " ".join(texts(fig))
    assert "Bayraklı, Karabağlar: 2008'de kuruldu;" in joined
    assert "Taralı: Bayraklı, Karabağlar" in fig.alt
    assert "Sınıflama: Doğal kırılmalar (Fisher-Jenks)" in joined
    assert fig.caption == "Çalışan sayısı (SGK, 2008), kişi; Aliağa kalın çizgiyle çerçeveli"
    assert "Veri yok" not in joined  # every district has a value: no no-data class


def test_izka_figure_shows_aliagas_applications_and_successes_against_izmir():
    fig = figure("izka")
    shown = texts(fig)
    assert "%22,2 (2/9)" in shown  # all programmes: 2 successes of 9 applications
    assert "%25,1 (253/1.008)" in shown  # İzmir's Table 3 "TOPLAM"
    assert "%33,3 (2/6)" in shown and "%20,2 (89/441)" in shown  # 2008 KOBİ
    assert "başvuru yok" in shown  # no application to the 2009 tourism programme
    assert shown.count("Aliağa") == 5 and shown.count("İzmir geneli") == 5
    assert "Tüm programlar (2008–2009): Aliağa %22,2 (9 başvurudan 2 başarılı)" in fig.alt
    en = texts(figure("izka", lang="en"))
    assert "22.2% (2/9)" in en and "25.1% (253/1,008)" in en


def test_unknown_pcode_is_refused():
    with pytest.raises(ValueError, match="TUR099001"):
        locator_figure("TUR099001", "tr")


# --- Typst ---------------------------------------------------------------------------------------


def _typst_pdf(tmp_path: Path, figs: dict[str, Figure]) -> Path:
    typst = pytest.importorskip("typst")
    lines = ['#set page(paper: "a4", margin: 15mm)']
    for name, fig in figs.items():
        (tmp_path / f"{name}.svg").write_text(fig.svg, encoding="utf-8")
        lines.append(f'#image("{name}.svg", width: {fig.width_mm}mm)')
    (tmp_path / "doc.typ").write_text("\n".join(lines), encoding="utf-8")
    fonts = typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(Path(mpl.get_data_path()) / "fonts" / "ttf")],
    )
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(
        typst.compile(str(tmp_path / "doc.typ"), font_paths=fonts, ignore_system_fonts=True)
    )
    return pdf


def test_typst_draws_the_figures_with_their_text_as_text(tmp_path, pdf_text):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing: apt-get install poppler-utils")
    figs = {kind: figure(kind) for kind in KINDS}
    pdf = _typst_pdf(tmp_path, figs)
    out = pdf_text(pdf)
    # Legend labels, names and values come out of the PDF as text: vector, not pixels.
    for expected in ("7.159 – 15.036", "Aliağa: 27.225", "Ege Denizi", "%22,2 (2/9)", "Bayraklı"):
        assert expected in out


def test_a_district_without_data_is_in_the_no_data_class():
    spec = choropleth_spec("wind_capacity_mw", lang="tr")
    labels = [c.label for c in spec.legend.section(ClassesSection).classes]
    fig = choropleth_figure("wind_capacity_mw", BAYRAKLI, "tr")
    shown = texts(fig)
    assert labels[-1] == "Veri yok" and [t for t in shown if t in labels] == labels
    assert "Bayraklı: Veri yok" in shown
    assert fig.alt.endswith("Bayraklı için veri yok.")
    # 29 districts without wind capacity carry the print map's no-data hatch (one path), and
    # the swatch too; Aliağa, the one with a value, does not
    assert fig.svg.count(f'fill="url(#fig-wind-capacity-mw-{BAYRAKLI.lower()}-tr-nodata)"') == 2
    image = _render(fig.svg)
    for pcode, (x, y) in map_shapes(280).anchors.items():
        x, y = round(x * 4), round(y * 4)
        seen = {image.getpixel((x + dx, y + dy)) for dx in range(-8, 9) for dy in range(-8, 9)}
        hatched = any(max(c) < 200 and max(c) - min(c) < 12 for c in seen)  # grey lines
        assert hatched == (pcode != ALIAGA), pcode


def test_a_district_created_in_2008_reads_its_parents_unit_on_a_2008_map():
    fig = choropleth_figure("employees_per_1000", BAYRAKLI, "tr")
    assert "Karşıyaka (Bayraklı dahil): 74,5" in " ".join(texts(fig))  # wrapped in two lines
