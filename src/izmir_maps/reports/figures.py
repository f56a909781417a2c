"""The figures of a district report: a locator map, choropleths and the İZKA chart, as SVG.

Each function returns a :class:`~izmir_maps.reports.model.Figure` whose SVG is a
standalone document that both the HTML page (inline) and Typst's PDF (through
usvg) draw the same: every colour and font is an attribute (no CSS, no
``<style>``), text stays text in ``DejaVu Sans`` (the font the PDF embeds),
coordinates are rounded to 0.1 and element ids are derived from the figure,
so the same call gives the same bytes and two figures on one page never share
an id.

The maps reuse the pages' geometry (:func:`izmir_maps.pages.svgmap.map_shapes`:
the web layer simplified to half a unit) and
the atlas map's own classes, colours and legend labels
(:func:`izmir_maps.spec.map_spec.choropleth_spec`): nothing is classified here.

Each line of a map is written once (:mod:`izmir_maps.reports._mesh`): districts of one
colour are one path, the borders between districts one path of open lines, and the
outline and the district are defined once and drawn with ``<use>`` (a 280-unit map:
35–38 KB → 27–32 KB; the locator 36–39 KB → 22–24 KB).

Captions carry no number: the report's content builder writes "Şekil n: "
before them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import shapely
from PIL import ImageFont

from izmir_maps.data.boundaries import district_matcher, load_districts
from izmir_maps.data.history import new_districts
from izmir_maps.data.tables import PROGRAMME_IDS, load_izka_support, load_totals
from izmir_maps.pages.svgmap import MapShapes, map_shapes
from izmir_maps.reports._mesh import Mesh
from izmir_maps.reports.model import Figure
from izmir_maps.spec.legend import ClassesSection, HatchSection, LegendClass
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    DISTRICT_LINE,
    HIGHLIGHT_LINE,
    LAND_COLOR,
    NO_DATA_COLOR,
    PROVINCE_LINE,
    SEA_COLOR,
    SEA_TEXT_COLOR,
)
from izmir_maps.text.grammar import join_list, with_case
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import text

__all__ = ["choropleth_figure", "izka_figure", "locator_figure"]

FONT_FAMILY = "DejaVu Sans"
#: The district of the report, on the locator and in the İZKA chart.
DISTRICT_COLOR = "#08519c"
#: İzmir as a whole in the İZKA chart (the pages' bar colour).
IZMIR_COLOR = "#9ecae1"
#: The other districts on the locator: white, apart from the neighbours' land and the sea.
OTHER_COLOR = "#ffffff"
INK = "#222222"
MUTED = "#555555"
_HALO = "#ffffff"
_NO_DATA_HATCH_COLOR = "#a6a6a6"  # the print map's no-data hatch (static._layers)
_NEIGHBOUR_LINE = "#c8c3b8"  # as svg_map draws the neighbours

_FIGURE_W = 480  # user units of a 120 mm figure: 1 unit = 0.25 mm, 10 units = 7.1 pt
_LOCATOR_W = 320  # an 80 mm locator, same unit
_MAP_W = 280  # the map beside the choropleth's legend
_GAP = 12
_SMALL = 24  # a district narrower than this (in units) gets a ring around it
_SEA_LABEL = (26.42, 38.05)  # lon, lat in the Aegean west of Çeşme and Karaburun


# --- small SVG helpers ---------------------------------------------------------------------------


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    # Matplotlib's own DejaVu, the same files the PDF embeds (reports.pdf).
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(mpl.get_data_path()) / "fonts" / "ttf" / name), 100)


def text_width(value: str, size: float, *, bold: bool = False) -> float:
    """Advance width of ``value`` in DejaVu Sans at ``size`` units.

    Examples
    --------
    >>> round(text_width("İzmir", 10), 1)
    24.8
    """
    return _font(bold).getlength(value) * size / 100


def wrap(value: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """``value`` broken at spaces into lines no wider than ``width`` (a long word stays whole).

    Examples
    --------
    >>> wrap("Bayraklı, Karabağlar: 2008'de kuruldu", 10, 120)
    ['Bayraklı, Karabağlar:', "2008'de kuruldu"]
    """
    lines: list[str] = []
    for word in value.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _n(value: float) -> str:
    """A coordinate rounded to 0.1, without a trailing ``.0``."""
    return format(round(float(value), 1), "g")


def _text(
    x: float,
    y: float,
    value: str,
    *,
    size: float = 10,
    bold: bool = False,
    anchor: str = "start",
    fill: str = INK,
    halo: bool = False,
) -> str:
    attrs = [f'x="{_n(x)}"', f'y="{_n(y)}"', f'font-size="{_n(size)}"', f'fill="{fill}"']
    if bold:
        attrs.append('font-weight="bold"')
    if anchor != "start":
        attrs.append(f'text-anchor="{anchor}"')
    if halo:  # a white outline under the letters, for names written across the map
        attrs.append(
            f'stroke="{_HALO}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
        )
    return f"<text {' '.join(attrs)}>{escape(value, quote=False)}</text>"


def _lines(
    x: float, y: float, lines: Iterable[str], *, size: float, step: float, **kw: object
) -> tuple[list[str], float]:
    """Lines of text from baseline ``y`` down; returns the elements and the next free ``y``."""
    out = []
    for line in lines:
        out.append(_text(x, y, line, size=size, **kw))  # type: ignore[arg-type]
        y += step
    return out, y


def _document(width: float, height: float, alt: str, body: Iterable[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-family="{FONT_FAMILY}" role="img" '
        f'aria-label="{escape(alt)}">'
    )
    return head + "".join(body) + "</svg>"


def _hatch_pattern(pattern_id: str, color: str, *, backslash: bool) -> str:
    """Diagonal lines 4 units apart: backslashes for the 2008 boundary change, slashes for no data."""
    d = "M0 0L4 4M-1 3L1 5M3 -1L5 1" if backslash else "M0 4L4 0M-1 1L1 -1M3 5L5 3"
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="4" height="4">'
        f'<path d="{d}" stroke="{color}" stroke-width="0.7" fill="none"/></pattern>'
    )


# --- the map --------------------------------------------------------------------------------------


def _district_name(pcode: str) -> str:
    names = district_matcher().names_by_pcode
    if pcode not in names:
        msg = f"{pcode!r} is not the P-code of one of İzmir's 30 districts (e.g. 'TUR035001')."
        raise ValueError(msg)
    return names[pcode]


@dataclass(frozen=True)
class _MapLayers:
    """What the map part of a figure draws, beyond the district fills."""

    fills: dict[str, str]
    pcode: str
    name: str
    uid: str
    hatched: tuple[str, ...] = ()
    no_data: tuple[str, ...] = ()


def _map(shapes: MapShapes, layers: _MapLayers) -> list[str]:
    """Sea, neighbours, districts, hatches, outline and the district outlined and named.

    Every line is drawn once: the districts of one colour are one path, the
    province's land (its outline) is filled with the colour of the most district
    edges, the borders between districts are one path of open lines, and the
    outline and the district are written once in ``<defs>`` and drawn with ``<use>``.
    """
    uid, pcode = layers.uid, layers.pcode
    mesh = _mesh(int(shapes.width))
    groups: dict[str, list[str]] = {}
    for p in shapes.paths:
        groups.setdefault(layers.fills.get(p, NO_DATA_COLOR), []).append(p)
    base = max(groups, key=lambda color: mesh.size(groups[color]))  # the first of equals
    land, district = f"#{uid}-land", f"#{uid}-district"
    out = [
        f'<defs><clipPath id="{uid}-clip"><rect width="{_n(shapes.width)}" '
        f'height="{_n(shapes.height)}"/></clipPath>',
        f'<path id="{land[1:]}" d="{shapes.outline}"/>',
        f'<path id="{district[1:]}" d="{shapes.paths[pcode]}"/></defs>',
        f'<g clip-path="url(#{uid}-clip)">',
        f'<rect width="{_n(shapes.width)}" height="{_n(shapes.height)}" fill="{SEA_COLOR}"/>',
        f'<path d="{shapes.neighbours}" fill="{LAND_COLOR}" stroke="{_NEIGHBOUR_LINE}" '
        'stroke-width="0.5"/>',
        f'<use href="{land}" fill="{base}" fill-rule="evenodd"/>',
    ]
    for color, pcodes in groups.items():
        if color == base:
            continue
        if pcodes == [pcode]:  # the locator's district: its outline is already written
            out.append(f'<use href="{district}" fill="{color}" fill-rule="evenodd"/>')
        else:
            out.append(f'<path d="{mesh.fill(pcodes)}" fill="{color}" fill-rule="evenodd"/>')
    out.append(
        f'<path d="{mesh.borders()}" fill="none" stroke="{DISTRICT_LINE["color"]}" '
        'stroke-width="0.6" stroke-linejoin="round" stroke-linecap="round"/>'
    )
    for pcodes, suffix in ((layers.no_data, "nodata"), (layers.hatched, "hatch")):
        drawn = [p for p in pcodes if p in shapes.paths]
        if drawn:
            out.append(
                f'<path d="{mesh.fill(drawn)}" fill="url(#{uid}-{suffix})" fill-rule="evenodd"/>'
            )
    out += [
        f'<use href="{land}" fill="none" stroke="{PROVINCE_LINE["color"]}" '
        'stroke-width="0.9" stroke-linejoin="round"/>',
        # a white casing keeps the outline visible on the darkest class
        f'<use href="{district}" fill="none" stroke="{_HALO}" stroke-width="3.4" '
        'stroke-linejoin="round"/>',
        f'<use href="{district}" fill="none" stroke="{HIGHLIGHT_LINE["color"]}" '
        f'stroke-width="1.8" stroke-linejoin="round" data-pcode="{pcode}"/>',
    ]
    ring = _ring(shapes.extents[pcode])
    if ring is not None:
        cx, cy, r = ring
        out.append(
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="none" '
            f'stroke="{HIGHLIGHT_LINE["color"]}" stroke-width="1.2"/>'
        )
    out += [_name_label(shapes, pcode, layers.name), "</g>"]
    return out


@cache
def _mesh(width: int) -> Mesh:
    """The districts of :func:`map_shapes` at ``width`` as shared edges (one per figure size).

    Built from the integer rings the districts' paths are written from, so the mesh's
    points are exactly the paths' points.
    """
    return Mesh(map_shapes(width).rings)


def _name_label(shapes: MapShapes, pcode: str, name: str, size: float = 11) -> str:
    """The district's name beside it (right, else left), level with its inner point.

    Beside rather than on it, so the name hides neither the district's colour nor
    its outline; a white halo keeps it readable over the neighbours.
    """
    x0, _, x1, _ = shapes.extents[pcode]
    ring = _ring(shapes.extents[pcode])
    if ring is not None:  # beside the ring, not inside it
        x0, x1 = min(x0, ring[0] - ring[2]), max(x1, ring[0] + ring[2])
    _, y = shapes.anchors[pcode]
    width = text_width(name, size, bold=True)
    y = min(max(y + size * 0.35, size + 2), shapes.height - 4)
    if x1 + 4 + width <= shapes.width - 2:
        return _text(x1 + 4, y, name, size=size, bold=True, halo=True)
    if x0 - 4 - width >= 2:
        return _text(x0 - 4, y, name, size=size, bold=True, anchor="end", halo=True)
    x = min(max(shapes.anchors[pcode][0], width / 2 + 2), shapes.width - width / 2 - 2)
    return _text(x, y, name, size=size, bold=True, anchor="middle", halo=True)


def _ring(extent: tuple[float, ...]) -> tuple[float, float, float] | None:
    """``(cx, cy, r)`` of a circle around a district too small to find at a glance, else ``None``.

    Konak, Balçova, Narlıdere and their like are a few millimetres wide in print.
    """
    x0, y0, x1, y1 = extent
    if max(x1 - x0, y1 - y0) >= _SMALL:
        return None
    r = max(_SMALL / 2, math.hypot(x1 - x0, y1 - y0) / 2 + 3)
    return round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1), round(r, 1)


def _neighbours(pcode: str) -> list[str]:
    """Names of the districts that share a border with ``pcode``, in P-code (Turkish) order."""
    districts = load_districts("web").set_index("pcode")
    mine = districts.geometry[pcode]
    names = district_matcher().names_by_pcode
    near = [
        p
        for p, geom in districts.geometry.items()
        if p != pcode and shapely.dwithin(mine, geom, 1e-4)
    ]
    return [names[p] for p in sorted(near)]


def _uid(kind: str, pcode: str, lang: Lang) -> str:
    return f"fig-{kind}-{pcode.lower()}-{lang}"


# --- the locator ----------------------------------------------------------------------------------


def locator_figure(pcode: str, lang: Lang) -> Figure:
    """Where the district lies in İzmir: the 30 districts, the district filled and named.

    Parameters
    ----------
    pcode
        The district's P-code (``"TUR035001"`` for Aliağa).
    lang
        ``"tr"`` or ``"en"``.

    Returns
    -------
    Figure
        An 80 mm wide map; the caption carries no number.

    Raises
    ------
    ValueError
        If ``pcode`` is not one of İzmir's districts.

    Examples
    --------
    >>> fig = locator_figure("TUR035001", "tr")
    >>> fig.caption, fig.width_mm
    ("Aliağa'nın İzmir'deki konumu", 80.0)
    """
    name = _district_name(pcode)
    shapes = map_shapes(_LOCATOR_W)
    fills = {p: OTHER_COLOR for p in shapes.paths} | {pcode: DISTRICT_COLOR}
    body = _map(shapes, _MapLayers(fills, pcode, name, _uid("locator", pcode, lang)))
    sx, sy = shapes.xy(*_SEA_LABEL)
    body.insert(-1, _text(sx, sy, text("sea", lang), size=9, fill=SEA_TEXT_COLOR, anchor="middle"))
    alt = text(
        "fig_locator_alt", lang, district=name, neighbours=join_list(_neighbours(pcode), lang)
    )
    # "Aliağa'nın" in Turkish, where the caption reads "… İzmir'deki konumu"
    of_district = with_case(name, "genitive") if lang == "tr" else name
    caption = text("fig_locator_caption", lang, of_district=of_district)
    return Figure(_document(shapes.width, shapes.height, alt, body), alt, caption, 80.0)


# --- the choropleth -------------------------------------------------------------------------------


def _unit(spec: MapSpec, pcode: str) -> str:
    """The P-code of the map's unit that holds ``pcode``: its parent's in a 2008 view."""
    if spec.boundaries == "2008":
        return new_districts().get(pcode, pcode)
    return pcode


def _class_fills(spec: MapSpec) -> tuple[dict[str, str], dict[str, int]]:
    """Fill and legend-class index per P-code, exactly as the atlas map colours them.

    In a 2008 view a district created in 2008 takes its parent's unit's colour.
    """
    table, cls = spec.districts, spec.classification
    assert cls is not None  # a choropleth spec always has one
    fills, index = {}, {}
    for key, p in zip(table.index, table["pcode"], strict=True):
        fills[p] = cls.color_of(key)
        c = int(cls.classes[key])
        index[p] = c if c >= 0 else cls.k  # the no-data class follows the k classes
    for child in new_districts():
        unit = _unit(spec, child)
        if unit in fills and child not in fills:
            fills[child], index[child] = fills[unit], index[unit]
    return fills, index


def _district_value(spec: MapSpec, pcode: str) -> tuple[str, str | None]:
    """The name of the district's unit on the map and its value as the map writes it.

    The value is ``None`` when the district has no data.
    """
    ind, table, cls = spec.indicator, spec.districts, spec.classification
    assert ind is not None and cls is not None
    row = table[table["pcode"] == _unit(spec, pcode)]
    name = str(row["district"].iloc[0]) if len(row) else _district_name(pcode)
    value = row[ind.id].iloc[0] if len(row) else None
    if value is None or pd.isna(value):
        return name, None
    return name, ind.format(float(value), spec.lang, decimals=cls.decimals(ind))


def _legend(
    spec: MapSpec, x: float, width: float, mine: int, district_entry: str, uid: str
) -> tuple[list[str], float]:
    """The compact legend: title, classes (the district's bold), outline, hatch, notes."""
    section = spec.legend.section(ClassesSection)
    assert section is not None
    out, y = _lines(x, 12, wrap(section.title, 10, width, bold=True), size=10, step=12.5, bold=True)
    y += 2
    for i, item in enumerate(section.classes):
        out += _swatch(x, y, item, uid, mine=i == mine)
        y += 15
    y += 3
    out.append(
        f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="14" height="9" fill="{_HALO}" '
        f'stroke="{HIGHLIGHT_LINE["color"]}" stroke-width="1.8"/>'
    )
    lines, y = _lines(
        x + 22,
        y + 9,
        wrap(district_entry, 9.5, width - 22, bold=True),
        size=9.5,
        step=12,
        bold=True,
    )
    out += lines
    hatch = spec.legend.section(HatchSection, "boundary")
    if hatch is not None:
        y += 1
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="11" fill="url(#{uid}-hatch)" '
            f'stroke="{DISTRICT_LINE["color"]}" stroke-width="0.6"/>'
        )
        lines, y = _lines(x + 22, y + 8.5, wrap(hatch.label, 8.5, width - 22), size=8.5, step=10.5)
        out += lines
    y += 3
    for note in spec.legend.plain_notes:
        lines, y = _lines(x, y + 8, wrap(note.text, 8, width), size=8, step=10, fill=MUTED)
        out += lines
    return out, y


def _swatch(x: float, y: float, item: LegendClass, uid: str, *, mine: bool) -> list[str]:
    stroke = (
        f'stroke="{HIGHLIGHT_LINE["color"]}" stroke-width="1.8"'
        if mine
        else f'stroke="{DISTRICT_LINE["color"]}" stroke-width="0.6"'
    )
    out = [f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="11" fill="{item.color}" {stroke}/>']
    if item.no_data:
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="16" height="11" fill="url(#{uid}-nodata)"/>'
        )
    out.append(_text(x + 22, y + 9.5, item.label, size=10, bold=mine))
    return out


def choropleth_figure(indicator_id: str, pcode: str, lang: Lang) -> Figure:
    """The atlas map of an indicator with the district outlined, and a compact legend.

    The classes, colours, legend labels, boundary hatch and notes are those of
    the atlas map (:func:`~izmir_maps.spec.map_spec.choropleth_spec` with the
    indicator's defaults); the district's class is bold in the legend and its
    value written under it.

    Parameters
    ----------
    indicator_id
        A registry id, e.g. ``"employees"`` or ``"exports_usd"``.
    pcode
        The district's P-code.
    lang
        ``"tr"`` or ``"en"``.

    Returns
    -------
    Figure
        A 120 mm wide figure; the caption (the map's title) carries no number.

    Raises
    ------
    ValueError
        If ``pcode`` is not one of İzmir's districts.
    """
    name = _district_name(pcode)
    spec = _spec(indicator_id, lang)
    uid = _uid(spec.slug.replace("_", "-"), pcode, lang)
    fills, index = _class_fills(spec)
    section = spec.legend.section(ClassesSection)
    assert section is not None and spec.classification is not None
    no_data = tuple(p for p, i in index.items() if section.classes[i].no_data)
    shapes = map_shapes(_MAP_W)
    layers = _MapLayers(fills, pcode, name, uid, spec.caveats.hatched, no_data)
    unit, value = _district_value(spec, pcode)
    x = shapes.width + _GAP
    entry = text("fig_legend_district", lang, district=unit, value=value or text("no_data", lang))
    legend, bottom = _legend(spec, x, _FIGURE_W - x, index.get(pcode, -1), entry, uid)
    defs = [
        "<defs>",
        _hatch_pattern(f"{uid}-hatch", BOUNDARY_CHANGE_COLOR, backslash=True),
        _hatch_pattern(f"{uid}-nodata", _NO_DATA_HATCH_COLOR, backslash=False),
        "</defs>",
    ]
    height = max(shapes.height, bottom)
    alt = _choropleth_alt(spec, name, unit, value, section.classes[index[pcode]])
    caption = text("fig_choropleth_caption", lang, title=spec.title, district=name)
    svg = _document(_FIGURE_W, height, alt, [*defs, *_map(shapes, layers), *legend])
    return Figure(svg, alt, caption, 120.0)


@cache
def _spec(indicator_id: str, lang: Lang) -> MapSpec:
    """The atlas map's spec, made once per indicator and language: the same for every district."""
    return choropleth_spec(indicator_id, lang=lang)


def _choropleth_alt(
    spec: MapSpec, name: str, unit: str, value: str | None, item: LegendClass
) -> str:
    assert spec.classification is not None
    words = {"title": spec.title, "k": spec.classification.k, "district": name, "unit": unit}
    if value is None:
        alt = text("fig_choropleth_alt_missing", spec.lang, **words)
    else:
        alt = text(
            "fig_choropleth_alt",
            spec.lang,
            **words,
            value=value,
            label=item.label,
            count=item.count_label,
        )
    if spec.caveats.hatched:
        alt += " " + text("fig_choropleth_alt_hatched", spec.lang, label=spec.caveats.label)
    return alt


# --- İZKA support ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Support:
    """Applications and successful projects of one programme (``"all"``: the four together)."""

    programme: str
    applications: int
    successful: int

    @property
    def rate(self) -> float | None:
        """Successful / applications in per cent, ``None`` without applications."""
        return None if self.applications == 0 else 100 * self.successful / self.applications


def _support(pcode: str) -> tuple[list[_Support], list[_Support]]:
    """The district's and İzmir's (Table 3's "TOPLAM" row) support, per programme then all."""
    table = load_izka_support()
    mine = table[table["pcode"] == pcode].set_index("programme_id")
    totals = load_totals()
    t3 = totals[totals["table"] == "tablo_3"].set_index(["indicator", "programme_id"])["value"]
    order = (*PROGRAMME_IDS, "all")
    district = [
        _Support(p, int(mine.at[p, "applications"]), int(mine.at[p, "successful"])) for p in order
    ]
    izmir = [_Support(p, int(t3[("applications", p)]), int(t3[("successful", p)])) for p in order]
    return district, izmir


def _value_label(s: _Support, lang: Lang) -> str:
    if s.rate is None:
        return text("caveat_zero_applications", lang)
    return text(
        "fig_izka_value",
        lang,
        rate=format_percent(s.rate, lang, 1),
        successful=format_number(s.successful, lang),
        applications=format_number(s.applications, lang),
    )


def izka_figure(pcode: str, lang: Lang) -> Figure:
    """The district's İZKA success rate per programme of Table 3 against İzmir's, as bars.

    For each of the four programmes and for all four together, two bars: the
    district's success rate (successful projects / applications) and İzmir's,
    on one 0–100 % axis, each labelled with the rate and "successful/applications".
    The rate is the comparison that puts the district and İzmir on the same scale;
    the counts beside it keep the district's applications and successes in view,
    so a 0 % from one application reads as what it is.

    Parameters
    ----------
    pcode
        The district's P-code.
    lang
        ``"tr"`` or ``"en"``.

    Returns
    -------
    Figure
        A 120 mm wide chart; the caption carries no number.

    Raises
    ------
    ValueError
        If ``pcode`` is not one of İzmir's districts.
    """
    name = _district_name(pcode)
    district, izmir = _support(pcode)
    izmir_word = text("fig_izka_izmir", lang)
    label_w = max(text_width(s, 9.5) for s in (name, izmir_word)) + 8
    value_w = max(text_width(_value_label(s, lang), 9.5) for s in (*district, *izmir)) + 8
    scale = _Scale(label_w, _FIGURE_W - label_w - value_w, _axis_top(district + izmir))
    bars: list[str] = []
    rows: list[tuple[float, float]] = []  # the y-ranges of bar pairs, where grid lines run
    y = 0.0
    for mine, whole in zip(district, izmir, strict=True):
        if mine.programme == "all":  # the total apart, under a rule
            bars.append(_rule(0, _FIGURE_W, y + 3, "#999999"))
            y += 6
        heading = text(f"fig_izka_{mine.programme}", lang)
        bars.append(_text(0, y + 12, heading, size=10, bold=True))
        y += 16
        rows.append((y - 2, y + 28))
        for s, label, color in ((mine, name, DISTRICT_COLOR), (whole, izmir_word, IZMIR_COLOR)):
            bars += _bar(scale, y, s, label, color, lang)
            y += 15
        y += 4
    grid = _grid(scale, rows, y, lang)
    note, y = _lines(
        0,
        y + 24,
        wrap(text("fig_izka_note", lang), 8.5, _FIGURE_W),
        size=8.5,
        step=10.5,
        fill=MUTED,
    )
    alt = _izka_alt(name, district, izmir, lang)
    caption = text("fig_izka_caption", lang, district=name)
    svg = _document(_FIGURE_W, y - 6, alt, [*grid, *bars, *note])
    return Figure(svg, alt, caption, 120.0)


@dataclass(frozen=True)
class _Scale:
    """Where the bars start, how long 100 % of ``top`` is, and the axis's top in per cent."""

    left: float
    span: float
    top: float

    def x(self, pct: float) -> float:
        """The x of a rate in per cent."""
        return self.left + pct / self.top * self.span


def _axis_top(items: list[_Support]) -> float:
    """The axis end: the highest rate rounded up to 10 % (20 % above 60 %), at least 40 %.

    Examples
    --------
    >>> _axis_top([_Support("all", 9, 2)]), _axis_top([_Support("all", 3, 2)])
    (40, 80)
    """
    high = max((s.rate or 0.0 for s in items), default=0.0)
    step = 10 if high <= 60 else 20
    return max(40, step * math.ceil(high / step - 1e-9))


def _rule(x0: float, x1: float, y: float, color: str) -> str:
    return (
        f'<line x1="{_n(x0)}" y1="{_n(y)}" x2="{_n(x1)}" y2="{_n(y)}" stroke="{color}" '
        'stroke-width="0.6"/>'
    )


def _bar(scale: _Scale, y: float, s: _Support, label: str, color: str, lang: Lang) -> list[str]:
    out = [_text(scale.left - 6, y + 9, label, size=9.5, anchor="end")]
    end = scale.left
    if s.rate is not None and s.rate > 0:
        end = scale.x(s.rate)
        out.append(
            f'<rect x="{_n(scale.left)}" y="{_n(y)}" width="{_n(end - scale.left)}" '
            f'height="11" fill="{color}"/>'
        )
    value_color = INK if s.rate is not None else MUTED
    out.append(_text(end + 4, y + 9, _value_label(s, lang), size=9.5, fill=value_color, halo=True))
    return out


def _grid(scale: _Scale, rows: list[tuple[float, float]], y: float, lang: Lang) -> list[str]:
    """Grid lines every 10 % (20 %) behind each pair of bars, the axis labelled at the foot."""
    step = 10 if scale.top <= 60 else 20
    out = []
    for pct in range(0, int(scale.top) + 1, step):
        x = _n(scale.x(pct))
        color = "#888888" if pct == 0 else "#dddddd"
        out += [
            f'<line x1="{x}" y1="{_n(y0)}" x2="{x}" y2="{_n(y1)}" stroke="{color}" '
            'stroke-width="0.6"/>'
            for y0, y1 in rows
        ]
        out.append(
            _text(
                scale.x(pct),
                y + 10,
                format_percent(pct, lang, 0),
                size=8.5,
                anchor="middle",
                fill=MUTED,
            )
        )
    return out


def _izka_alt(name: str, district: list[_Support], izmir: list[_Support], lang: Lang) -> str:
    def value(s: _Support) -> str:
        if s.rate is None:
            return text("caveat_zero_applications", lang)
        return text(
            "fig_izka_alt_value",
            lang,
            rate=format_percent(s.rate, lang, 1),
            successful=format_number(s.successful, lang),
            applications=format_number(s.applications, lang),
        )

    items = [
        text(
            "fig_izka_alt_item",
            lang,
            programme=text(f"fig_izka_{mine.programme}", lang),
            district=name,
            value=value(mine),
            izmir=value(whole),
        )
        for mine, whole in zip(district, izmir, strict=True)
    ]
    return text("fig_izka_alt", lang, district=name, items="; ".join(items))
