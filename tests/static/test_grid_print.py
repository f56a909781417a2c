"""Print maps of the district grid: hexagons with every name written inside, nothing that misleads."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import pytest
import shapely
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

from izmir_maps.cli import main
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec
from izmir_maps.static.render import render_static, save_static

NAMES = {
    "Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama", "Beydağ", "Bornova", "Buca",
    "Çeşme", "Çiğli", "Dikili", "Foça", "Gaziemir", "Güzelbahçe", "Karabağlar", "Karaburun",
    "Karşıyaka", "Kemalpaşa", "Kınık", "Kiraz", "Konak", "Menderes", "Menemen", "Narlıdere",
    "Ödemiş", "Seferihisar", "Selçuk", "Tire", "Torbalı", "Urla",
}  # fmt: skip
GRID_NOTE = (
    "Eşit alanlı ızgara: her ilçe aynı büyüklükte bir altıgen; yerleri yaklaşıktır, komşu "
    "ilçelerin çoğu yine komşudur. Altıgenlerin büyüklüğü ilçelerin alanını göstermez."
)


@pytest.fixture(autouse=True)
def _agg():
    mpl.use("Agg")


@pytest.fixture(scope="module")
def spec() -> MapSpec:
    return choropleth_spec("employees", layer="detailed", layout="grid")


@pytest.fixture(scope="module", params=["a4", "half"])
def page(request: pytest.FixtureRequest, spec: MapSpec) -> Figure:
    return render_static(spec, size=request.param)


def _map(fig: Figure):
    return next(ax for ax in fig.axes if ax.get_gid() == "map")


def _names(ax) -> list[Text]:
    return [t for t in ax.texts if t.get_gid() == "label-district"]


def test_every_district_is_named_in_full_inside_its_hexagon(page: Figure, spec: MapSpec) -> None:
    ax = _map(page)
    renderer = page.canvas.get_renderer()
    labels = {t.get_text(): t for t in _names(ax)}
    assert set(labels) == NAMES
    shapes = spec.districts.to_crs(32635).geometry
    hexagons = dict(zip(spec.districts["district"], shapes, strict=True))
    for name, label in labels.items():
        box = label.get_window_extent(renderer)
        corners = ax.transData.inverted().transform([[box.x0, box.y0], [box.x1, box.y1]])
        assert hexagons[name].contains(shapely.box(*corners.ravel())), name


def test_names_are_readable_at_print_size(page: Figure) -> None:
    sizes = {t.get_fontsize() for t in _names(_map(page))}
    assert len(sizes) == 1  # one size for every name
    width = page.get_size_inches()[0]
    # larger than the real map's 6.8 pt names at A4; 4 pt (1.4 mm) on a half-width map
    assert sizes.pop() >= (7.0 if width > 5 else 4.0)


def test_no_inset_scale_bar_north_arrow_or_context_land(page: Figure) -> None:
    ax = _map(page)
    assert [a.get_gid() for a in page.axes] == ["map"]  # no city-centre inset
    gids = {str(a.get_gid()) for a in ax.get_children()}
    assert not gids & {"scale-bar", "north-arrow", "label-neighbour", "label-sea"}
    neighbours = [c for c in ax.collections if c.get_gid() == "neighbours"]
    assert all(not c.get_paths() for c in neighbours)  # no land around the grid
    assert to_hex(ax.get_facecolor()) == "#ffffff"  # paper, not sea
    assert not any(s.get_visible() for s in ax.spines.values())


def test_the_hexagons_have_their_class_colours(page: Figure, spec: MapSpec) -> None:
    districts = next(c for c in _map(page).collections if c.get_gid() == "districts")
    fills = [to_hex(c) for c in districts.get_facecolors()]
    assert fills == [spec.classification.color_of(i) for i in spec.districts.index]
    hatched = {c.get_gid() for c in _map(page).collections}
    assert "boundary-change" in hatched  # Bayraklı and Karabağlar, 2008 data


def test_the_legend_says_what_the_grid_is(page: Figure) -> None:
    notes = [" ".join(t.get_text().split()) for t in page.texts if t.get_gid() == "note"]
    assert GRID_NOTE in notes
    title = next(t for t in page.texts if t.get_gid() == "title")
    assert " ".join(title.get_text().split()) == "Çalışan sayısı (SGK, 2008), kişi – ilçe ızgarası"


def test_no_labels_leaves_the_hexagons_unnamed(spec: MapSpec) -> None:
    assert _names(_map(render_static(spec, labels=False))) == []


def test_panel_of_small_multiples_draws_the_grid(spec: MapSpec) -> None:
    fig = Figure(figsize=(4, 4))
    ax = fig.add_subplot()
    render_static(spec, ax=ax, size="half")
    assert {t.get_text() for t in _names(ax)} == NAMES
    assert not any(str(a.get_gid()) == "scale-bar" for a in ax.get_children())


def test_cli_writes_a_grid_png_the_same_twice(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    assert main(["map", "employees", "--layout", "grid", "--out", str(a)]) == 0
    assert main(["map", "employees", "--layout", "grid", "--out", str(b)]) == 0
    assert a.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert a.read_bytes() == b.read_bytes()
    assert "a.png (" in capsys.readouterr().out


def test_pdf_keeps_every_name_as_text(spec: MapSpec, tmp_path: Path, pdf_text) -> None:
    text = pdf_text(save_static(spec, tmp_path / "grid.pdf"))
    assert all(name in text for name in NAMES)


def test_2008_view_names_the_merged_units_in_lines_at_the_same_size(spec: MapSpec) -> None:
    merged = choropleth_spec("employees", per="capita", layer="detailed", layout="grid")
    fig = render_static(merged)
    labels = {" ".join(t.get_text().split()): t for t in _names(_map(fig))}
    assert len(labels) == 28
    konak = labels["Konak (Karabağlar dahil)"]
    assert konak.get_text() == "Konak\n(Karabağlar\ndahil)"  # each line fits one hexagon
    single = {t.get_fontsize() for t in _names(_map(render_static(spec)))}
    assert {t.get_fontsize() for t in labels.values()} == single  # long names shrink nothing
    renderer = fig.canvas.get_renderer()
    ax = _map(fig)
    unit = merged.districts.to_crs(32635).geometry[merged.districts["pcode"] == "TUR035021"]
    box = konak.get_window_extent(renderer)
    corners = ax.transData.inverted().transform([[box.x0, box.y0], [box.x1, box.y1]])
    rectangle = shapely.box(*corners.ravel())  # three lines: only its corners may touch the edge
    assert unit.iloc[0].intersection(rectangle).area >= 0.95 * rectangle.area


def test_small_multiples_on_the_grid_name_every_district() -> None:
    from izmir_maps.static.multiples import render_small_multiples_static

    fig = render_small_multiples_static(["employees", "firms"], columns=2, layout="grid")
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert len(panels) == 2
    for ax in panels:
        assert " ".join(ax.get_title(loc="left").split()).endswith("ilçe ızgarası")
        assert {t.get_text() for t in _names(ax)} == NAMES
