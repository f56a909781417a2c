"""Print files as a user gets them: small, sharp, the class colours exact, neighbours still touching."""

from __future__ import annotations

import io
import re

import matplotlib as mpl
import numpy as np
import pytest
import shapely
from matplotlib.colors import to_rgb
from PIL import Image

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.static._png import palette_indices
from izmir_maps.static._simplify import simplify_arcs
from izmir_maps.static._svg import compact_path
from izmir_maps.static.render import render_static, write_static

PNG_MAX = 250_000
SVG_MAX = 300_000


@pytest.fixture(autouse=True)
def _agg_and_close():
    mpl.use("Agg")
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module")
def pages():
    """A4 pages of a plain choropleth, the busiest page, symbols and circles, as the atlas draws them."""
    specs = {
        "employees": choropleth_spec("employees", layer="detailed"),
        "combined": combined_spec(layer="detailed"),
        "osb": osb_spec(layer="detailed"),
        "wind": wind_spec(layer="detailed"),
    }
    return {slug: (spec, render_static(spec, size="a4")) for slug, spec in specs.items()}


@pytest.mark.parametrize("slug", ["employees", "combined", "osb", "wind"])
def test_print_files_are_small(pages, slug, tmp_path):
    _, fig = pages[slug]
    png = write_static(fig, tmp_path / f"{slug}.png")
    svg = write_static(fig, tmp_path / f"{slug}.svg")
    assert png.stat().st_size <= PNG_MAX
    assert svg.stat().st_size <= SVG_MAX


@pytest.mark.parametrize("slug", ["employees", "combined"])
def test_png_keeps_every_class_colour_exactly_and_changes_only_edge_pixels(pages, slug, tmp_path):
    spec, fig = pages[slug]
    image = Image.open(write_static(fig, tmp_path / f"{slug}.png"))
    assert image.mode == "P"
    assert image.size == (2010, 2490)
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    written = np.asarray(image.convert("RGB")).reshape(-1, 3).astype(np.int16)
    wide = written.astype(np.int64)
    packed = wide[:, 0] << 16 | wide[:, 1] << 8 | wide[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    for color, _, _ in spec.classification.legend_items(spec.indicator, "tr"):
        r, g, b = (round(c * 255) for c in to_rgb(color))
        found = counts[values == (r << 16 | g << 8 | b)]
        assert found.size and found[0] >= 2000, color  # fills and the legend swatch
    raw = io.BytesIO()
    fig.savefig(raw, format="raw", dpi=300, facecolor="white")
    drawn = np.frombuffer(raw.getvalue(), np.uint8).reshape(-1, 4)[:, :3].astype(np.int16)
    off = np.abs(written - drawn).max(axis=1)
    assert (off == 0).mean() > 0.95  # every flat area exact: only anti-aliased edges move
    assert (off > 16).mean() < 0.001  # and they move by a shade


def test_palette_keeps_solid_colours_and_maps_the_rest_to_the_nearest():
    solid = [[255, 255, 255]] * 5000 + [[8, 81, 156]] * 3000
    edge = [[130, 165, 205], [250, 251, 252]]  # anti-aliasing shades, a few pixels each
    rgb = np.array(solid + edge * 3, dtype=np.uint8)
    indices, palette = palette_indices(rgb)
    assert {tuple(c) for c in palette.tolist()} >= {(255, 255, 255), (8, 81, 156)}
    assert (palette[indices][:8000] == rgb[:8000]).all()
    assert palette[indices][8000].tolist() == [130, 165, 205]  # a shade far from both: its own
    assert palette[indices][8001].tolist() == [255, 255, 255]  # near white: served by white


def test_svg_writes_halos_as_stroked_text_and_short_paths(pages, tmp_path):
    _, fig = pages["employees"]
    svg = write_static(fig, tmp_path / "employees.svg").read_text(encoding="utf-8")
    halos = re.findall(r'<g id="halo">(.*?)</g>', svg, re.DOTALL)
    assert len(halos) == 30 + 5  # one per district name (+ the neighbours and seas' names)
    for halo in halos:
        assert "<text" in halo and "stroke: #ffffff" in halo
        assert "<path" not in halo  # no glyph outlines
    assert "Karşıyaka" in svg
    assert not re.search(r"\d\.\d{3}", " ".join(re.findall(r' d="([^"]*)"', svg)))


def test_compacted_path_has_the_same_points_on_the_grid():
    d = "M 10.004 20 L 10.5 20.25 Q 11 21 12 20.999 L 10.5 19.75 z M 1 1 L 2 2 z"
    assert compact_path(d) == "m10 20l.5 .25q.5 .75 1.5 .75l-1.5-1.25zm-9-19l1 1z"


@pytest.fixture(scope="module")
def coverage():
    return load_districts("detailed").to_crs(EQUAL_AREA_CRS).geometry.to_numpy()


@pytest.mark.parametrize("tolerance", [10.0, 30.0])
def test_simplified_districts_still_share_their_edges(coverage, tolerance):
    simple = simplify_arcs(coverage, tolerance)
    assert (
        shapely.get_num_coordinates(simple).sum()
        < 0.4 * shapely.get_num_coordinates(coverage).sum()
    )
    assert shapely.is_valid(simple).all()
    # no gaps: the union has no hole and no part the detailed districts do not have
    detailed, union = shapely.union_all(coverage), shapely.union_all(simple)
    holes = [len(p.interiors) for p in shapely.get_parts(union)]
    assert sum(holes) == sum(len(p.interiors) for p in shapely.get_parts(detailed))
    assert shapely.get_num_geometries(union) == shapely.get_num_geometries(detailed)
    for i, a in enumerate(simple):
        # nowhere farther from the detailed boundary than the tolerance
        assert shapely.hausdorff_distance(a.boundary, coverage[i].boundary) <= tolerance + 1e-6
        for j in range(i + 1, len(simple)):
            assert a.intersection(simple[j]).area < 1.0  # no overlaps
            shared = coverage[i].intersection(coverage[j]).length
            if shared > 0:  # neighbours: still one common edge of about the same length
                assert a.intersection(simple[j]).length == pytest.approx(shared, rel=0.2)


def _absolute(compact: str) -> list[tuple[int, int]]:
    """The points of compacted path data, in hundredths of a point (a decoder written apart)."""
    tokens = re.findall(r"[a-z]|-?(?:\d+\.?\d*|\.\d+)", compact)
    points, x, y, sx, sy, i, command = [], 0, 0, 0, 0, 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            if command == "z":
                x, y = sx, sy
                continue
        n = {"m": 1, "l": 1, "q": 2, "c": 3}[command]
        values = [round(float(v) * 100) for v in tokens[i : i + 2 * n]]
        i += 2 * n
        pts = [(x + values[k], y + values[k + 1]) for k in range(0, 2 * n, 2)]
        points += pts
        x, y = pts[-1]
        if command == "m":
            sx, sy, command = x, y, "l"
    return points


def test_every_compacted_path_has_the_original_points_on_the_grid(pages):
    _, fig = pages["osb"]  # districts, hatches, markers and glyph outlines (curves)
    svg = io.StringIO()
    fig.savefig(svg, format="svg")
    paths = re.findall(r' d="([^"]*)"', svg.getvalue())
    assert len(paths) > 100
    for d in paths:
        numbers = [round(float(v) * 100) for v in re.findall(r"-?\d+\.?\d*", d)]
        assert _absolute(compact_path(d)) == list(zip(numbers[::2], numbers[1::2], strict=True))


def test_a_page_drawn_again_gives_the_same_print_files(pages, tmp_path):
    _, fig = pages["combined"]
    again = render_static(combined_spec(layer="detailed"), size="a4")
    for fmt in ("png", "svg"):
        first = write_static(fig, tmp_path / f"a.{fmt}").read_bytes()
        assert write_static(again, tmp_path / f"b.{fmt}").read_bytes() == first
