"""The HTML map and the print map of every atlas map say the same in their legends.

Each map is drawn by both renderers and the legends are read back from what
they drew (the HTML legend and note boxes; the print figure's Text artists
and circles), never from the plan, so the test fails as soon as one renderer
draws something of its own. One web-layer spec per map serves both renderers
(the legend does not depend on the boundary detail), which keeps the test fast.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

import matplotlib as mpl
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from izmir_maps.atlas import MARKER_MAPS, map_spec
from izmir_maps.data.registry import indicator_ids
from izmir_maps.interactive.render import render_html
from izmir_maps.static.render import render_static
from izmir_maps.text.words import text

SLUGS = [*indicator_ids(), *MARKER_MAPS]
ENGLISH = ["employees_per_1000", "izka_success_rate", "wind_capacity_mw", *MARKER_MAPS]
CASES = [(slug, "tr") for slug in SLUGS] + [(slug, "en") for slug in ENGLISH]


@dataclass
class Legend:
    """What one renderer's legend says, in drawing order."""

    classes: list[tuple[str, str]] = field(default_factory=list)  # (label, count)
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    osb_entries: list[str] = field(default_factory=list)
    unplaced: list[list[str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # the 2008 boundary-change pattern
    circle_ratio: float | None = None  # a map circle's radius / the legend's largest radius


# --- reading the HTML map ---------------------------------------------------------------------


def _strip(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _all(pattern: str, page: str) -> list[str]:
    return [_strip(m) for m in re.findall(pattern, page, flags=re.S)]


def _names(line: str) -> list[str]:
    return line.rsplit(": ", 1)[1].split(", ")


def html_legend(page: str) -> Legend:
    legend = re.search(r'<details id="izm-legend".*?</details>', page, re.S).group(0)
    box = re.search(r'<div id="izm-notes".*?</div>', page, re.S)
    box = box.group(0) if box else ""
    farms = re.search(r'<section data-layer="farms">.*?</section>', legend, re.S)
    rest = legend.replace(farms.group(0), "") if farms else legend
    out = Legend()
    for li in re.findall(r'<ul class="izm-classes">(.*?)</ul>', legend, re.S)[:1]:
        out.classes = [
            (_strip(a), _strip(b))
            for a, b in re.findall(r"<span>(.*?)</span><small>(.*?)</small>", li, re.S)
        ]
    size = re.search(r'<svg class="izm-size".*?</svg>', legend, re.S)
    if size:
        out.steps = _all(r"<text[^>]*>(.*?)</text>", size.group(0))
        largest = max(float(r) for r in re.findall(r'<circle [^>]*r="([\d.]+)"', size.group(0)))
        point = max(p["r"] for p in _page_points(page))
        out.circle_ratio = point / largest
    out.notes = _all(r'<p class="izm-note">(.*?)</p>', rest)
    changed = re.search(r'<section data-layer="boundary">.*?</section>', legend, re.S)
    if changed:
        out.changed = _all(r"<span>(.*?)</span>", changed.group(0))
    out.alerts = _all(r'<p class="izm-alert"[^>]*>(.*?)</p>', box)
    osb = re.search(r'<section data-layer="osb">.*?</section>', legend, re.S)
    if osb:
        out.osb_entries = _all(r"</span><span>(.*?)</span></li>", osb.group(0))
    lines = _all(r'<p class="izm-unplaced"[^>]*>(.*?)</p>', box)
    if farms:
        lines += _all(r'<p class="izm-note">(.*?)</p>', farms.group(0))
    out.unplaced = [_names(line) for line in lines]
    return out


def _page_points(page: str) -> list[dict]:
    import json

    raw = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    return json.loads(raw.group(1))["wp"]


# --- reading the print map --------------------------------------------------------------------


def _plain(t) -> str:
    return t.get_text().replace("\\$", "$").replace("\n", " ").strip()


def static_legend(fig: Figure, lang: str) -> Legend:
    out = Legend()
    for legend in fig.legends:
        title = _plain(legend.get_title())
        labels = [_plain(t) for t in legend.get_texts()]
        if title == text("osb", lang):
            out.osb_entries = labels
        elif title and not out.classes:  # the classes legend comes first and has a title
            counted = [re.fullmatch(r"(.*?)\s+\((\d+ (?:ilçe|districts?))\)", la) for la in labels]
            out.classes = [m.groups() for m in counted if m]
            out.changed = [la for la, m in zip(labels, counted, strict=True) if not m]
    sizes = next((a for a in fig.axes if a.get_gid() == "legend-wind-sizes"), None)
    if sizes is not None:
        out.steps = [_plain(t) for t in sizes.texts]
        largest = max(p.get_radius() for p in sizes.patches if isinstance(p, Circle))
        mapped = next(a for a in fig.axes if a.get_gid() == "map")
        circles = [c for c in mapped.collections if c.get_gid() == "wind-capacity"]
        point = max(math.sqrt(c.get_sizes()[0]) / 2 for c in circles)
        out.circle_ratio = point / largest
    for t in fig.texts:
        bold = t.get_weight() in ("bold", 700)
        if t.get_gid() == "note" and not bold:  # bold "notes" are block headings
            out.notes.append(_plain(t))
        elif t.get_gid() == "note-box" and bold:
            out.alerts.append(_plain(t))
        elif t.get_gid() == "note-box":
            out.unplaced.append(_names(_plain(t)))
    return out


# --- the test ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _agg():
    mpl.use("Agg")


@pytest.mark.parametrize(("slug", "lang"), CASES, ids=[f"{s}-{lang}" for s, lang in CASES])
def test_html_and_print_legends_say_the_same(slug: str, lang: str) -> None:
    spec = map_spec(slug, lang=lang)
    page = render_html(spec).html
    fig = render_static(spec, size="a4", labels=False)
    try:
        printed = static_legend(fig, lang)
    finally:
        fig.clear()
    shown = html_legend(page)
    assert shown.classes == printed.classes
    assert shown.steps == printed.steps
    assert shown.notes == printed.notes
    assert shown.alerts == printed.alerts
    assert shown.osb_entries == printed.osb_entries
    assert shown.unplaced == printed.unplaced
    assert shown.changed == printed.changed
    if shown.circle_ratio is not None or printed.circle_ratio is not None:
        # the same top value sizes the map's circles and the legend's in both renderers
        assert shown.circle_ratio == pytest.approx(printed.circle_ratio, abs=0.01)
        assert shown.circle_ratio <= 1.0


def test_the_parity_check_sees_what_each_map_shows() -> None:
    """Guard against a parser that reads nothing: the maps do have these legend parts."""
    combined = html_legend(render_html(map_spec("combined")).html)
    assert len(combined.classes) == 5 and combined.steps == ["150 MW", "75 MW", "25 MW"]
    assert combined.notes and combined.alerts and len(combined.osb_entries) == 6
    assert len(combined.unplaced) == 1  # the wind farms of unknown district; every OSB is placed
    assert len(combined.changed) == 1 and combined.changed[0].startswith("Bayraklı, Karabağlar: ")
    fig = render_static(map_spec("combined"), labels=False)
    try:
        printed = static_legend(fig, "tr")
    finally:
        fig.clear()
    assert len(printed.classes) == 5 and printed.steps == ["150 MW", "75 MW", "25 MW"]
    assert printed.notes and printed.alerts and len(printed.unplaced) == 1
    assert printed.changed == combined.changed
    assert printed.circle_ratio == pytest.approx(math.sqrt(147.5 / 150), abs=0.001)


@pytest.mark.parametrize(
    ("fixture", "column", "options"),
    [
        ("small_values.csv", "Oran", {"decimal": "."}),
        ("bidi_column.csv", "Gelir\u202e 2024", {}),
    ],
)
def test_a_users_table_says_the_same_in_both_legends(fixture, column, options) -> None:
    from pathlib import Path

    from izmir_maps.spec.user_spec import user_choropleth_spec

    path = Path(__file__).parent / "fixtures" / fixture
    spec, _ = user_choropleth_spec(path, column=column, **options)
    fig = render_static(spec, size="a4", labels=False)
    try:
        printed = static_legend(fig, "tr")
    finally:
        fig.clear()
    shown = html_legend(render_html(spec).html)
    assert shown.classes == printed.classes
    labels = [label for label, _ in shown.classes]
    assert len(set(labels)) == len(labels)
