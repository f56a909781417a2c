"""The home page's thumbnails (``izmir_maps.pages.thumbs``): each map's own picture, small.

Issue 14: a thumbnail for every map, in its real class colours, the marker
maps with their markers, a few KB each, the same bytes on every build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from izmir_maps.atlas import MARKER_MAPS, map_spec
from izmir_maps.data.registry import indicator_ids
from izmir_maps.pages.thumbs import THUMB_WIDTH, thumbnail_size, thumbnail_svg
from izmir_maps.spec.style import OSB_COLOR, WIND_COLOR

SVG = "{http://www.w3.org/2000/svg}"
#: Largest thumbnail allowed: the biggest (combined, with 30 markers) is about 6.5 KB.
MAX_BYTES = 7_500


@pytest.fixture(scope="module")
def thumbs() -> dict[str, str]:
    return {slug: thumbnail_svg(map_spec(slug)) for slug in [*indicator_ids(), *MARKER_MAPS]}


def _district_fills(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("stroke"))  # the districts
    return [str(p.get("fill")) for p in group.iter(f"{SVG}path")]


def test_every_thumbnail_is_small_valid_svg_of_the_same_size(thumbs) -> None:
    assert len(thumbs) == 63
    width, height = thumbnail_size()
    sizes = {slug: len(svg.encode()) for slug, svg in thumbs.items()}
    assert max(sizes.values()) <= MAX_BYTES, max(sizes.items(), key=lambda kv: kv[1])
    for svg in thumbs.values():
        root = ET.fromstring(svg)
        assert root.get("viewBox") == f"0 0 {width} {height}"
        assert root.get("aria-hidden") == "true"
        assert len(_district_fills(svg)) == 30
    assert width == THUMB_WIDTH and 80 <= height <= 90  # İzmir's shape


def test_choropleth_thumbnail_uses_the_maps_class_colours(thumbs) -> None:
    spec = map_spec("employees")
    classes = spec.classification
    expected = [classes.color_of(i) for i in spec.districts.index]
    assert _district_fills(thumbs["employees"]) == expected
    assert len(set(expected)) == classes.k  # every class is seen


def test_marker_maps_show_their_markers(thumbs) -> None:
    def circles(svg: str, color: str) -> int:
        root = ET.fromstring(svg)
        return sum(
            len(g.findall(f"{SVG}circle")) for g in root.iter(f"{SVG}g") if g.get("fill") == color
        )

    osb = map_spec("osb")
    placed = sum(1 for p in osb.osbs.geometry if p is not None and not p.is_empty)
    assert circles(thumbs["osb"], OSB_COLOR) == placed == 19
    wind = map_spec("wind")
    assert circles(thumbs["wind"], WIND_COLOR) == len(wind.wind_farms) + len(wind.wind_points)
    assert _district_fills(thumbs["wind"]).count("url(#h)") == len(wind.wind_proposed)
    assert circles(thumbs["combined"], OSB_COLOR) == 19
    assert circles(thumbs["combined"], WIND_COLOR) >= 1
    assert "url(#h)" not in thumbs["employees"] and "<pattern" not in thumbs["employees"]


def test_thumbnails_are_deterministic_with_fixed_precision(thumbs) -> None:
    assert thumbnail_svg(map_spec("combined")) == thumbs["combined"]
    # path data in whole pixels, circles with one decimal: no float noise
    for d in re.findall(r' d="([^"]*)"', thumbs["combined"]):
        assert re.fullmatch(r"[Mlz0-9 \-]*", d)
    for value in re.findall(r'c[xy]="([^"]*)"', thumbs["combined"]):
        assert re.fullmatch(r"-?\d+\.\d", value)
    assert re.findall(r'id="([^"]*)"', thumbs["wind"]) == ["h"]
