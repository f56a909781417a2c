"""Static maps (PNG/SVG/PDF): checked structurally, not pixel by pixel."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib as mpl
import matplotlib.image as mpimg
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from izmir_maps.errors import OptionError
from izmir_maps.spec.legend import HatchSection
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.spec.style import WIND_COLOR
from izmir_maps.static.render import SIZES, render_static, save_static, write_static
from izmir_maps.text.words import text

NAMES = ("Aliağa", "Çiğli", "Ödemiş", "Güzelbahçe")
LOW_DPI = 60  # for tests that are not about resolution


@pytest.fixture(autouse=True)
def _agg_and_close():
    mpl.use("Agg")  # headless; the renderer itself never touches pyplot
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module")
def specs() -> dict[str, MapSpec]:
    """Print specs of every kind, built once (renderers never mutate a spec)."""
    return {
        "employees": choropleth_spec("employees", layer="detailed"),
        "employees_en": choropleth_spec("employees", layer="detailed", lang="en"),
        "wind_capacity_mw": choropleth_spec("wind_capacity_mw", layer="detailed"),
        "osb": osb_spec(layer="detailed"),
        "wind": wind_spec(layer="detailed"),
        "combined": combined_spec(layer="detailed"),
    }


@pytest.fixture(scope="module")
def employees_a4(specs: dict[str, MapSpec]) -> Figure:
    return render_static(specs["employees"])


def _texts(fig: Figure) -> list[Text]:
    return list(fig.findobj(Text))


def _labels(fig: Figure, kind: str | None = None) -> list[Text]:
    out = [t for t in _texts(fig) if str(t.get_gid()).startswith("label-")]
    return out if kind is None else [t for t in out if t.get_gid() == f"label-{kind}"]


def _legend_texts(fig: Figure) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def _svg_text(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


# --- sizes and pixels ---------------------------------------------------------------------------


def test_sizes_fit_a_report_page():
    width_a4, _ = SIZES["a4"]
    width_half, _ = SIZES["half"]
    assert width_a4 * 25.4 == pytest.approx(170, abs=1.5)
    assert width_half * 25.4 == pytest.approx(85, abs=1)
    for width, height in SIZES.values():
        assert 1.2 <= height / width <= 1.35


def test_png_a4_has_the_page_size_and_every_class_colour(employees_a4, specs, tmp_path):
    path = write_static(employees_a4, tmp_path / "employees.png")
    image = mpimg.imread(path)
    width, height = SIZES["a4"]
    assert image.shape[:2] == (int(height * 300), int(width * 300))
    rgb = np.round(image[..., :3] * 255).astype(np.int64).reshape(-1, 3)
    packed = rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    assert len(values) > 40  # a map, not a blank page (a palette PNG: at most 256 colours)
    spec = specs["employees"]
    for color, _, _ in spec.classification.legend_items(spec.indicator, "tr"):
        r, g, b = (round(c * 255) for c in to_rgb(color))
        found = counts[values == (r << 16 | g << 8 | b)]
        assert found.size and found[0] >= 500, color  # flat fills, plus the swatch


def test_half_size_png(specs, tmp_path):
    fig = render_static(specs["employees"], size="half")
    image = mpimg.imread(write_static(fig, tmp_path / "half.png", dpi=100))
    width, height = SIZES["half"]
    assert image.shape[:2] == (int(height * 100), int(width * 100))


# --- real text in SVG and PDF -------------------------------------------------------------------


def test_svg_has_real_text_with_turkish_letters(employees_a4, specs, tmp_path):
    path = write_static(employees_a4, tmp_path / "map.svg", dpi=LOW_DPI)
    texts = _svg_text(path)
    spec = specs["employees"]
    assert spec.title in texts
    assert any(spec.indicator.unit("tr") in t for t in texts)
    for name in NAMES:
        assert name in texts
    assert "Kaynak: İZKA, SGK 2008" in texts


def test_pdf_has_selectable_text_with_turkish_letters(employees_a4, specs, tmp_path, pdf_text):
    path = write_static(employees_a4, tmp_path / "map.pdf", dpi=LOW_DPI)
    content = pdf_text(path)
    spec = specs["employees"]
    assert spec.title in content
    assert spec.indicator.unit("tr") in content
    for name in (*NAMES, "İzmir merkez", "Kaynak: İZKA, SGK 2008"):
        assert name in content


def test_dollar_signs_stay_text(tmp_path):
    spec = choropleth_spec("exports_usd", layer="detailed")
    fig = render_static(spec, size="half")
    texts = _svg_text(write_static(fig, tmp_path / "exports.svg", dpi=LOW_DPI))
    assert spec.title in texts  # "İhracat (ABD $)", not mathtext


# --- language -----------------------------------------------------------------------------------


def test_english_map_uses_english_words_and_numbers(specs):
    spec = specs["employees_en"]
    fig = render_static(spec, size="half")
    legend = _legend_texts(fig)
    expected = [label for _, label, _ in spec.classification.legend_items(spec.indicator, "en")]
    changed = spec.legend.section(HatchSection, "boundary").label
    assert legend[:-1] == expected  # same labels as the interactive map, one source of truth
    assert legend[-1].replace("\n", " ") == changed  # then the 2008 boundary-change pattern
    assert any("," in label for label in legend) and not any("." in label for label in legend)
    words = {t.get_text() for t in _texts(fig)}
    assert {"Central İzmir", "Aegean Sea", "N"} <= words
    assert spec.title in words


def test_turkish_legend_counts_districts(employees_a4, specs):
    spec = specs["employees"]
    legend = _legend_texts(employees_a4)[:-1]  # the last is the boundary-change pattern
    for (_, label, count), shown in zip(
        spec.classification.legend_items(spec.indicator, "tr"), legend, strict=True
    ):
        assert shown == f"{label}  ({count} ilçe)"


# --- no data ------------------------------------------------------------------------------------


def test_no_data_swatch_only_when_needed(specs, employees_a4):
    no_data = text("no_data", "tr")
    wind = render_static(specs["wind_capacity_mw"], size="half")
    assert any(t.startswith(no_data) for t in _legend_texts(wind))
    assert not any(t.startswith(no_data) for t in _legend_texts(employees_a4))
    hatched = [c for c in wind.findobj() if getattr(c, "get_gid", lambda: None)() == "no-data"]
    assert hatched and all(c.get_hatch() for c in hatched)  # differs in greyscale print


# --- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "size"),
    [("employees", "a4"), ("osb", "a4"), ("wind", "half"), ("combined", "a4")],
)
def test_every_district_is_named_once_and_no_labels_overlap(specs, kind, size):
    fig = render_static(specs[kind], size=size)
    names = sorted(t.get_text() for t in _labels(fig, "district"))
    assert names == sorted(specs[kind].districts["district"])
    renderer = fig.canvas.get_renderer()
    labels = _labels(fig)
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    for (a, box_a), (b, box_b) in itertools.combinations(zip(labels, boxes, strict=True), 2):
        assert not box_a.overlaps(box_b), (a.get_text(), b.get_text())
    figure_box = fig.bbox
    for label, box in zip(labels, boxes, strict=True):
        assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1, label.get_text()


def test_labels_can_be_turned_off(specs):
    fig = render_static(specs["employees"], size="half", labels=False)
    assert _labels(fig, "district") == []
    assert fig.legends  # the legend stays


def test_legend_band_stays_off_the_map(employees_a4):
    renderer = employees_a4.canvas.get_renderer()
    map_box = next(ax for ax in employees_a4.axes if ax.get_gid() == "map").get_window_extent(
        renderer
    )
    band = [*employees_a4.legends, *(t for t in employees_a4.texts if t.get_gid() != "title")]
    for artist in band:
        box = artist.get_window_extent(renderer)
        assert box.y1 <= map_box.y0 and box.y0 >= 0, artist


# --- marker maps --------------------------------------------------------------------------------


def test_osb_map_tells_kind_and_location_apart(specs):
    spec = specs["osb"]
    fig = render_static(spec, size="half")
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    gids = {c.get_gid(): c for c in ax.collections if str(c.get_gid()).startswith("osb-")}
    assert {"osb-osb-approximate", "osb-free_zone-approximate"} <= set(gids)
    osb_path = gids["osb-osb-approximate"].get_paths()[0].vertices
    zone_path = gids["osb-free_zone-approximate"].get_paths()[0].vertices
    assert not np.allclose(osb_path, zone_path)  # squares and diamonds
    assert to_rgb(gids["osb-osb-approximate"].get_facecolor()[0]) == (1.0, 1.0, 1.0)  # hollow
    legend = " ".join(_legend_texts(fig)).replace("\n", " ")
    for key in ("free_zone", "location_sourced", "location_approx"):
        assert text(key, "tr") in legend
    boxes = " ".join(t.get_text().replace("\n", " ") for t in fig.texts)
    for name in spec.osbs_unplaced["short_name"]:
        assert name in boxes


def test_wind_map_circles_scale_by_area_and_say_what_is_unassigned(specs):
    spec = specs["wind"]
    fig = render_static(spec, size="half")
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    circles = [c for c in ax.collections if c.get_gid() == "wind-capacity"]
    assert len(circles) == len(spec.wind_points)
    assert to_rgb(circles[0].get_edgecolor()[0]) == to_rgb(WIND_COLOR)
    sizes = [c.get_sizes()[0] for c in circles]  # points², i.e. area
    mw = sorted(spec.wind_points["capacity_mw"], reverse=True)
    assert np.allclose(np.array(sizes) / sizes[0], np.array(mw) / mw[0])
    proposed = [c for c in ax.collections if c.get_gid() == "wind-proposed"]
    assert proposed and proposed[0].get_hatch() == "///"
    farms = [c for c in ax.collections if str(c.get_gid()).startswith("wind-farm-")]
    assert sum(len(c.get_offsets()) for c in farms) == len(spec.wind_farms)
    notes = [t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "note-box"]
    assert spec.notes[0] in notes  # the unassigned MW, in a highlighted box
    legend = " ".join(_legend_texts(fig)).replace("\n", " ")
    assert text("wind_proposed", "tr") in legend and text("wind_farms", "tr") in legend


def test_combined_map_has_one_legend_band_with_all_layers(specs):
    fig = render_static(specs["combined"], size="half")
    legend = " ".join(_legend_texts(fig)).replace("\n", " ")
    assert text("wind_proposed", "tr") in legend
    assert text("free_zone", "tr") in legend
    assert any(t.get_gid() == "legend-wind-sizes" for t in fig.axes)


# --- writing ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def osb_twice(specs: dict[str, MapSpec]) -> tuple[Figure, Figure]:
    return render_static(specs["osb"], size="half"), render_static(specs["osb"], size="half")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_rendering_twice_gives_the_same_bytes(osb_twice, tmp_path, fmt):
    first, second = osb_twice
    a = write_static(first, tmp_path / f"a.{fmt}", dpi=LOW_DPI)
    b = write_static(second, tmp_path / f"b.{fmt}", dpi=LOW_DPI)
    assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave nothing behind


def test_unknown_format_lists_the_valid_ones(employees_a4, tmp_path):
    with pytest.raises(OptionError, match=r"'tiff'.*png, svg, pdf"):
        write_static(employees_a4, tmp_path / "map.tiff")
    with pytest.raises(OptionError, match="png, svg, pdf"):
        write_static(employees_a4, tmp_path / "map.png", fmt="jpeg")
    assert not (tmp_path / "map.tiff").exists()


def test_unknown_size_lists_the_valid_ones(specs):
    with pytest.raises(OptionError, match=r"'a4', 'half', not 'a3'"):
        render_static(specs["employees"], size="a3")


def test_format_option_overrides_the_suffix(employees_a4, tmp_path):
    path = write_static(employees_a4, tmp_path / "deep" / "map.out", fmt="svg", dpi=LOW_DPI)
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_save_static_writes_a_file(specs, tmp_path):
    path = save_static(specs["wind"], tmp_path / "wind.svg", size="half")
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_no_global_matplotlib_settings_leak(specs, tmp_path):
    before = dict(mpl.rcParams)
    fig = render_static(specs["employees"], size="half")
    write_static(fig, tmp_path / "map.svg", dpi=LOW_DPI)
    assert dict(mpl.rcParams) == before


def test_draws_into_a_given_axes(specs):
    fig = Figure(figsize=(4, 4))
    ax = fig.add_subplot()
    assert render_static(specs["employees"], ax=ax) is fig
    assert ax.get_title(loc="left") == specs["employees"].title
    assert not fig.legends
    names = {t.get_text() for t in _labels(fig, "district")}
    assert "Ödemiş" in names and "Konak" not in names  # the centre needs the page's inset


# --- speed-ups that must not change a map -------------------------------------------------------


def test_remembered_results_give_the_same_bytes(specs, tmp_path):
    """Maps drawn from the renderer's memos match maps computed from scratch, byte for byte."""
    from izmir_maps.static._memo import forget_all

    def svg(spec: MapSpec, name: str) -> bytes:
        fig = render_static(spec)
        return write_static(fig, tmp_path / f"{name}.svg", dpi=LOW_DPI).read_bytes()

    forget_all()
    cold = svg(specs["employees"], "cold")
    assert svg(specs["employees"], "warm") == cold
    svg(specs["osb"], "other")  # another layout in between
    assert svg(specs["employees"], "again") == cold
    forget_all()
    assert svg(specs["employees"], "cold-again") == cold


def _best_position_reference(req, area, anchor, size, page, placed, *, relaxed):
    """The label search before it measured lazily: every candidate of a chunk measured."""
    import shapely

    from izmir_maps.static import _labels as rl

    scale, inner, to_data = page.scale, page.inner, page.to_data
    half = size / 2 + rl._PAD_EM * req.fontsize * scale
    boxes = placed.hard_boxes(relaxed=relaxed)
    solid = placed.hard_boxes(relaxed=True)
    offsets = rl._candidates(req, size / scale)
    centres = anchor + offsets * scale
    lo, hi = centres - half, centres + half
    ok = (
        (lo[:, 0] >= inner[0])
        & (lo[:, 1] >= inner[1])
        & (hi[:, 0] <= inner[2])
        & (hi[:, 1] <= inner[3])
    )
    for box in boxes:
        ok &= ~(
            (lo[:, 0] < box[2]) & (hi[:, 0] > box[0]) & (lo[:, 1] < box[3]) & (hi[:, 1] > box[1])
        )
    if req.area is None:
        gap = np.maximum(np.abs(offsets) - size / scale / 2, 0)
        ok &= np.hypot(gap[:, 0], gap[:, 1]) >= req.clearance + 0.5
    best = None
    free = np.flatnonzero(ok)
    for start in range(0, len(free), rl._CHUNK):
        chunk = free[start : start + rl._CHUNK]
        distance = np.hypot(offsets[chunk, 0], offsets[chunk, 1])
        if best is not None and distance[0] >= best[0]:
            break
        rects = np.concatenate([lo[chunk], hi[chunk]], axis=1)
        clear = np.ones(len(chunk), dtype=bool)
        for leader in placed.leaders:
            clear &= ~rl._segment_hits(leader, rects)
        if area is None:
            inside = np.ones(len(chunk))
        else:
            a, b = to_data.transform(lo[chunk]), to_data.transform(hi[chunk])
            boxes_data = shapely.box(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
            inside = shapely.area(shapely.intersection(boxes_data, area)) / shapely.area(boxes_data)
        cost = distance + (1.0 - inside) * rl._OUTSIDE_PENALTY
        for j in np.flatnonzero(clear):
            if best is not None and cost[j] >= best[0]:
                continue
            box = np.concatenate([lo[chunk[j]], hi[chunk[j]]])
            leader = rl._leader(req, anchor, box, float(inside[j]), scale)
            if leader is not None and rl._segment_hits(leader, solid).any():
                continue
            dx, dy = offsets[chunk[j]]
            best = (float(cost[j]), (float(dx), float(dy), box, leader))
    return None if best is None else best[1]


@pytest.mark.parametrize("seed", range(12))
def test_lazy_label_search_finds_what_measuring_everything_finds(seed):
    import shapely
    from matplotlib.transforms import Affine2D

    from izmir_maps.static import _labels as rl

    rng = np.random.default_rng(seed)
    scale = 300 / 72
    to_data = Affine2D().scale(rng.uniform(20, 80)).translate(4.5e5, 4.2e6)
    inner = np.array([0.0, 0.0, 2000.0, 2400.0])
    for _ in range(6):
        anchor = rng.uniform([300, 300], [1700, 2100])
        centre = to_data.transform(anchor)
        spread = to_data.get_matrix()[0, 0] * rng.uniform(5, 120)
        blob = shapely.union_all(
            [
                shapely.Point(centre + rng.normal(0, spread, 2)).buffer(
                    spread * rng.uniform(0.2, 1)
                )
                for _ in range(rng.integers(1, 5))
            ]
        )
        area = (
            None
            if rng.random() < 0.25
            else max(getattr(blob, "geoms", [blob]), key=lambda p: p.area)
        )
        req = rl.LabelRequest(
            "Güzelbahçe",
            tuple(to_data.transform(anchor)),
            "district",
            6.8,
            area=area,
            clearance=0.0 if area is not None else float(rng.uniform(1, 12)),
        )
        placed = rl.Placed.empty()
        for _ in range(rng.integers(0, 40)):
            x, y = rng.uniform([0, 0], [2000, 2400])
            w, h = rng.uniform([10, 10], [200, 60])
            placed.add_box(np.array([x, y, x + w, y + h]), soft=bool(rng.random() < 0.3))
        for _ in range(rng.integers(0, 4)):
            start = anchor + rng.normal(0, 120, 2)
            placed.leaders.append(np.concatenate([start, start + rng.normal(0, 80, 2)]))
        size = rng.uniform([30, 20], [260, 40])
        simplified = rl._simplified(req.area)
        args = (req, simplified, anchor, size, rl._Page(scale, inner, to_data), placed)
        for relaxed in (False, True):
            got = rl._best_position(*args, relaxed=relaxed)
            want = _best_position_reference(*args, relaxed=relaxed)
            assert (got is None) == (want is None)
            if got is not None:
                assert got[:2] == want[:2]
                np.testing.assert_array_equal(got[2], want[2])
                assert (got[3] is None) == (want[3] is None)
                if got[3] is not None:
                    np.testing.assert_array_equal(got[3], want[3])


def test_text_is_measured_afresh_when_text_settings_change():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from izmir_maps.static._labels import figure_renderer

    fig = Figure(figsize=(3, 2), dpi=100)
    FigureCanvasAgg(fig)
    shared = figure_renderer(fig)
    assert shared is not fig.canvas.get_renderer()  # measures only; the canvas draws into its own
    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        assert figure_renderer(fig) is not shared
    other = Figure(figsize=(3, 2), dpi=100)
    FigureCanvasAgg(other)
    assert figure_renderer(other) is shared
    assert figure_renderer(Figure(figsize=(3, 2), dpi=72)) is not shared


# --- a user's long or hostile column name, tiny values ------------------------------------------

FIXTURES = Path(__file__).parents[1] / "fixtures"
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
DISTRICTS = ("Aliağa", "Bayındır", "Bergama", "Bornova", "Buca", "Çeşme", "Çiğli", "Dikili")


def _user_spec(tmp_path: Path, column: str) -> MapSpec:
    from izmir_maps.spec.user_spec import user_choropleth_spec

    path = tmp_path / "t.csv"
    rows = "".join(f"{name},{i + 1}\n" for i, name in enumerate(DISTRICTS))
    path.write_text(f'ilçe,"{column}"\n{rows}', encoding="utf-8")
    spec, _ = user_choropleth_spec(path, column=column, layer="detailed")
    return spec


def _map_box(fig: Figure) -> tuple[float, float]:
    (ax,) = [a for a in fig.axes if a.get_gid() == "map"]
    pos = ax.get_position()
    return pos.width, pos.height


def _title(fig: Figure) -> Text:
    (title,) = [t for t in fig.texts if t.get_gid() == "title"]
    return title


@pytest.mark.parametrize("column", ["Uzun başlık " * 100, "Ş" * 1200, "W" * 1000])
def test_a_1200_character_title_leaves_the_map_its_normal_size(tmp_path, column):
    short = render_static(_user_spec(tmp_path, "Değer"))
    fig = render_static(_user_spec(tmp_path, column))
    normal_w, normal_h = _map_box(short)
    width, height = _map_box(fig)
    assert width == pytest.approx(normal_w, rel=0.02)
    assert height >= normal_h * 0.85  # two more title lines at most
    lines = _title(fig).get_text().split("\n")
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    page_w = fig.get_size_inches()[0] * fig.dpi
    for text_obj in fig.texts:  # title, notes and sources stay on the page
        box = text_obj.get_window_extent(fig.canvas.get_renderer())
        assert box.x1 <= page_w, text_obj.get_text()[:40]
    path = save_static(_user_spec(tmp_path, column), tmp_path / "long.png", dpi=LOW_DPI)
    height_px, width_px = mpimg.imread(path).shape[:2]
    assert (width_px, height_px) == (
        round(SIZES["a4"][0] * LOW_DPI),
        round(SIZES["a4"][1] * LOW_DPI),
    )


def test_a_short_title_keeps_one_line(tmp_path):
    assert _title(render_static(_user_spec(tmp_path, "Değer"))).get_text() == "Değer"


def test_a_bidi_override_reaches_no_text_of_the_print_map(tmp_path):
    from izmir_maps.spec.user_spec import user_choropleth_spec

    spec, _ = user_choropleth_spec(
        FIXTURES / "bidi_column.csv", column="Gelir\u202e 2024", layer="detailed"
    )
    path = save_static(spec, tmp_path / "bidi.svg")
    texts = _svg_text(path)
    assert not any(set(t) & BIDI for t in texts)
    assert texts.count("Gelir 2024") == 2  # title and legend heading
    assert _legend_texts(render_static(spec))[0] == "1.234  (1 ilçe)"


def test_tiny_values_print_apart_in_the_print_legend():
    from izmir_maps.spec.user_spec import user_choropleth_spec

    spec, _ = user_choropleth_spec(
        FIXTURES / "small_values.csv", column="Oran", decimal=".", layer="detailed"
    )
    labels = [t.split("  (")[0] for t in _legend_texts(render_static(spec))]
    assert labels == [
        "0,001 – 0,002",
        "0,003 – 0,004",
        "0,005 – 0,006",
        "0,007",
        "0,008 – 0,009",
        "Veri yok",
    ]


@pytest.mark.parametrize("kind", ["wind", "combined"])
def test_the_wind_note_is_printed_once(specs, kind):
    # The unassigned capacity is an alert: it has its highlighted box and is not repeated
    # among the plain notes.
    spec = specs[kind]
    fig = render_static(spec, size="half")
    shown = [" ".join(t.get_text().split()) for t in _texts(fig)]
    alerts = [" ".join(note.text.split()) for note in spec.legend.alerts]
    assert len(alerts) == 1
    assert shown.count(alerts[0]) == 1
    boxes = [" ".join(t.get_text().split()) for t in fig.texts if t.get_gid() == "note-box"]
    assert boxes.count(alerts[0]) == 1


def test_english_legend_says_1_district_not_1_districts(specs):
    fig = render_static(specs["employees_en"])
    assert _legend_texts(fig) == [
        "474 – 6,037  (14 districts)",
        "7,159 – 15,036  (7 districts)",
        "27,225 – 47,504  (7 districts)",
        "117,713  (1 district)",
        "199,310  (1 district)",
        "Bayraklı, Karabağlar: created in 2008; their 2008 data\nis mostly under the parent "
        "district (an inference)",
    ]
