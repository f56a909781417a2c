"""Small script-free SVG maps for pages (``izmir_maps.pages.svgmap``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.style import NO_DATA_COLOR, PROVINCE_LINE

NS = "{http://www.w3.org/2000/svg}"
ALIAGA, CIGLI = "TUR035001", "TUR035010"
HOSTILE = "</title><script>alert(\"x\")</script><title a='1'>&amp;"


def _paths(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f"{NS}path")


def _districts(svg: str) -> dict[str, ET.Element]:
    return {p.get("data-pcode"): p for p in _paths(svg) if p.get("data-pcode")}


def test_one_path_per_district_with_its_pcode(table) -> None:
    svg = svg_map({})
    districts = _districts(svg)
    assert len(districts) == 30
    assert set(districts) == set(table["pcode"])
    assert all(p.get("d").startswith("M") for p in districts.values())


def test_fills_and_the_no_data_grey() -> None:
    districts = _districts(svg_map({ALIAGA: "#08519c", CIGLI: "#ff0000"}))
    assert districts[ALIAGA].get("fill") == "#08519c"
    assert districts[CIGLI].get("fill") == "#ff0000"
    others = {p.get("fill") for code, p in districts.items() if code not in (ALIAGA, CIGLI)}
    assert others == {NO_DATA_COLOR}


def test_hover_titles_and_label_are_escaped() -> None:
    svg = svg_map({}, titles={ALIAGA: HOSTILE, CIGLI: "Çiğli: 39.234"}, label=HOSTILE)
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # still well-formed XML
    assert root.get("aria-label") == HOSTILE
    districts = _districts(svg)
    assert districts[ALIAGA].find(f"{NS}title").text == HOSTILE
    assert districts[CIGLI].find(f"{NS}title").text == "Çiğli: 39.234"
    assert districts["TUR035002"].find(f"{NS}title") is None  # no title given
    assert len(root.findall(f".//{NS}script")) == 0


def test_highlight_draws_an_outline_over_the_district() -> None:
    plain = svg_map({})
    svg = svg_map({}, highlight={ALIAGA, CIGLI, "TUR035999"})  # unknown codes are ignored
    districts = _districts(svg)
    outlines = [p for p in _paths(svg) if p.get("stroke-width") == "2"]
    assert len(outlines) == 2
    assert {o.get("d") for o in outlines} == {districts[ALIAGA].get("d"), districts[CIGLI].get("d")}
    assert all(o.get("stroke-width") == "2" for o in outlines)
    assert not [p for p in _paths(plain) if p.get("stroke-width") == "2"]
    assert _paths(svg)[-1].get("stroke-width") == "2"  # drawn last, on top


def test_the_province_outline_is_drawn_over_the_districts() -> None:
    paths = _paths(svg_map({}))
    outline = [p for p in paths if p.get("stroke") == PROVINCE_LINE["color"]]
    assert len(outline) == 1 and outline[0].get("fill") == "none"
    assert paths.index(outline[0]) > max(i for i, p in enumerate(paths) if p.get("data-pcode"))


def test_same_input_gives_the_same_svg() -> None:
    args = {"titles": {ALIAGA: "Aliağa"}, "highlight": {ALIAGA}, "label": "x"}
    assert svg_map({ALIAGA: "#123456"}, **args) == svg_map({ALIAGA: "#123456"}, **args)


@pytest.mark.parametrize("width", [240, 320, 420])
def test_width_sets_the_size_and_keeps_every_point_inside(width: int) -> None:
    svg = svg_map({}, width=width)
    root = ET.fromstring(svg)
    assert root.get("width") == str(width)
    height = float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {width} {root.get('height')}"
    assert 0.6 * width < height < 1.4 * width  # İzmir is roughly as tall as wide
    for p in _districts(svg).values():
        points = _points(p.get("d"))
        xs, ys = [x for x, _ in points], [y for _, y in points]
        assert min(xs) >= 0 and max(xs) <= width
        assert min(ys) >= 0 and max(ys) <= height


def _points(d: str) -> list[tuple[float, float]]:
    """The absolute points of path data made of "M x y l dx dy … Z" rings."""
    out = []
    for ring in re.findall(r"M([^MZ]+)Z", d):
        start, _, moves = ring.partition("l")
        x, y = (float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", start))
        out.append((x, y))
        steps = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", moves)]
        for dx, dy in zip(steps[0::2], steps[1::2], strict=True):
            x, y = round(x + dx, 1), round(y + dy, 1)
            out.append((x, y))
    return out


def test_relative_path_data_draws_the_points_of_the_shapes() -> None:
    """The compact path data reads back as the projected, rounded outline (0.1 px)."""
    from izmir_maps.pages.svgmap import map_shapes

    shapes = map_shapes(320)
    for pcode, d in shapes.paths.items():
        points = _points(d)
        xs, ys = [x for x, _ in points], [y for _, y in points]
        assert (min(xs), min(ys), max(xs), max(ys)) == shapes.extents[pcode]
    assert len("".join(shapes.paths.values())) < 20_000  # 32,173 bytes as absolute coordinates


def test_css_class_is_escaped() -> None:
    root = ET.fromstring(svg_map({}, css_class='a" onload="x'))
    assert root.get("class") == 'a" onload="x'
    assert root.get("onload") is None
