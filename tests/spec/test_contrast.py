"""Contrast of the map's colours (WCAG 2): pale classes against the sea, borders between them.

The rules a reader notices:

- the lightest class of every palette the registry uses is darker-or-lighter than the sea
  by at least :data:`SEA_MIN` (``SEA_MIN_SEQUENTIAL`` for one-hue palettes), and the
  coastline (the province outline) stands out 3 : 1 against the sea and every light class,
  so a pale district never melts into the water;
- district borders stand out 3 : 1 against the two lightest classes of every palette,
  where white borders used to vanish;
- the interactive and the print map draw those very colours, from ``spec/style.py``.
"""

from __future__ import annotations

import json
import re
from functools import cache

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from izmir_maps.data.registry import indicator, indicator_ids
from izmir_maps.interactive._assets import page_css
from izmir_maps.interactive.render import render_html
from izmir_maps.spec.classify import classify_values
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.style import (
    DISTRICT_LINE,
    LAND_COLOR,
    NO_DATA_COLOR,
    PROVINCE_LINE,
    SEA_COLOR,
    SEA_TEXT_COLOR,
    contrast_ratio,
    relative_luminance,
)

#: WCAG 1.4.11, non-text contrast.
NON_TEXT = 3.0
#: WCAG 1.4.3, text contrast (sea names are 12 px).
TEXT = 4.5
#: Lightest class against the sea: the most a calm, light sea allows (the diverging RdBu's
#: pale middle, 1.33 : 1); the coastline supplies the 3 : 1 edge (see the tests below).
SEA_MIN = 1.3
SEA_MIN_SEQUENTIAL = 1.4


def _palettes() -> list[tuple[str, int, bool]]:
    """(palette, default k, diverging) of every indicator of the registry, once each."""
    found = {
        (ind.palette, ind.k, ind.midpoint is not None)
        for ind in (indicator(i) for i in indicator_ids())
    }
    return sorted(found)


PALETTES = _palettes()


@cache
def class_colors(palette: str, k: int, diverging: bool) -> tuple[str, ...]:
    """The colours a map of 30 distinct values gets with ``palette`` at ``k`` classes."""
    values = pd.Series([float(v) for v in range(1, 31)])
    midpoint = 15.5 if diverging else None
    c = classify_values(values, scheme="quantiles", k=k, palette=palette, midpoint=midpoint)
    return c.colors


def lightest(colors: tuple[str, ...], n: int = 1) -> list[str]:
    return sorted(colors, key=relative_luminance, reverse=True)[:n]


# --- the measure ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # WCAG's well-known just-fails-AA grey
        ("#767676", "#ffffff", 4.54),
        ("#eff3ff", "#dfeaf2", 1.10),  # the issue's figure for the old sea
        ("#fff", "#000", 21.0),
    ],
)
def test_contrast_ratio_matches_wcag(a: str, b: str, ratio: float) -> None:
    assert round(contrast_ratio(a, b), 2) == ratio
    assert contrast_ratio(a, b) == contrast_ratio(b, a)


def test_the_registry_uses_every_palette_the_issue_names() -> None:
    names = {p for p, _, _ in PALETTES}
    for base in ("Blues", "Greens", "Purples", "Oranges", "Reds", "Greys", "RdBu"):
        assert {base, f"{base}_r"} <= names
    assert "YlGnBu" in names


# --- sea and coastline ------------------------------------------------------------------------


@pytest.mark.parametrize(("palette", "k", "diverging"), PALETTES)
def test_lightest_class_stands_apart_from_the_sea(palette: str, k: int, diverging: bool) -> None:
    (pale,) = lightest(class_colors(palette, k, diverging))
    minimum = SEA_MIN if diverging else SEA_MIN_SEQUENTIAL
    assert contrast_ratio(pale, SEA_COLOR) >= minimum, (palette, pale)
    # The coastline is the 3 : 1 edge between a pale district and the sea.
    assert contrast_ratio(pale, PROVINCE_LINE["color"]) >= NON_TEXT, (palette, pale)


def test_coastline_and_no_data_against_the_sea() -> None:
    assert contrast_ratio(PROVINCE_LINE["color"], SEA_COLOR) >= NON_TEXT
    assert contrast_ratio(PROVINCE_LINE["color"], NO_DATA_COLOR) >= NON_TEXT
    assert contrast_ratio(PROVINCE_LINE["color"], LAND_COLOR) >= NON_TEXT
    # Neighbouring land and the sea differ in lightness too, not in hue alone.
    assert contrast_ratio(LAND_COLOR, SEA_COLOR) >= SEA_MIN_SEQUENTIAL
    # The old sea failed: the lightest Blues class on it was 1.1 : 1.
    assert contrast_ratio("#eff3ff", SEA_COLOR) > contrast_ratio("#eff3ff", "#dfeaf2") + 0.3


def test_sea_names_are_readable_text() -> None:
    assert contrast_ratio(SEA_TEXT_COLOR, SEA_COLOR) >= TEXT
    css = page_css()
    assert re.search(r"\.izm-sea span\{[^}]*color:" + SEA_TEXT_COLOR, css)


# --- district borders -------------------------------------------------------------------------


@pytest.mark.parametrize(("palette", "k", "diverging"), PALETTES)
def test_district_borders_show_between_the_two_lightest_classes(
    palette: str, k: int, diverging: bool
) -> None:
    for color in lightest(class_colors(palette, k, diverging), 2):
        assert contrast_ratio(DISTRICT_LINE["color"], color) >= NON_TEXT, (palette, color)


def test_district_borders_stay_finer_than_the_coastline() -> None:
    """The province outline stays the stronger line: darker and wider."""
    line, province = DISTRICT_LINE, PROVINCE_LINE
    assert relative_luminance(province["color"]) < relative_luminance(line["color"])
    assert province["weight"] > line["weight"] >= 1.0  # a whole pixel: not anti-aliased away


def test_legend_swatches_have_a_visible_edge() -> None:
    """The interactive legend's swatch edge shows the pale classes on the white legend box."""
    css = page_css()
    match = re.search(r"\.izm-sw\{[^}]*border:1px solid (#[0-9a-fA-F]{3,6})", css)
    assert match is not None
    edge = match.group(1)
    assert contrast_ratio(edge, "#ffffff") >= NON_TEXT
    for palette, k, diverging in PALETTES:
        (pale,) = lightest(class_colors(palette, k, diverging))
        assert contrast_ratio(edge, pale) >= NON_TEXT, (palette, pale)


# --- both renderers draw these colours --------------------------------------------------------


@pytest.fixture(scope="module")
def spec():
    return choropleth_spec("employees", layer="detailed")


def test_interactive_map_draws_the_style_colours(spec) -> None:
    page = render_html(spec).html
    match = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    assert match is not None
    style = json.loads(match.group(1))["style"]
    assert style["line"] == DISTRICT_LINE
    assert style["province"] == PROVINCE_LINE
    assert style["land"] == LAND_COLOR
    assert re.search(r"#izm-map\{[^}]*background:" + SEA_COLOR, page)


def test_print_map_draws_the_style_colours(spec) -> None:
    from izmir_maps.static.render import render_static

    mpl.use("Agg")
    fig = render_static(spec)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    by_gid = {c.get_gid(): c for c in ax.collections}
    assert {to_hex(c) for c in by_gid["districts"].get_edgecolor()} == {DISTRICT_LINE["color"]}
    assert {to_hex(c) for c in by_gid["province"].get_edgecolor()} == {PROVINCE_LINE["color"]}
    assert to_hex(ax.get_facecolor()) == SEA_COLOR
