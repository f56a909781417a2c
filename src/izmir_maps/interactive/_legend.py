"""The legend and note boxes of the HTML maps, as escaped HTML.

The legend box holds the title, one section per layer (``data-layer`` ties a
section to the layer switch that shows or hides it), notes and sources. The
note box states what the map does *not* show: the wind capacity no source
assigns to a district, and the points whose district is unknown. Every string
from data goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from izmir_maps.data.registry import indicator
from izmir_maps.interactive._style import KIND_TEXT, SHAPES, safe_color
from izmir_maps.interactive._text import clean, short_name, word
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import ATTRIBUTION, wind_radius
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = ["build_legend", "is_wind_note", "wind_scale"]


def build_legend(spec: MapSpec, *, choro: bool) -> tuple[str, str]:
    """The legend box and the note box (``""`` when there is nothing to note) of ``spec``.

    Parameters
    ----------
    spec
        The map.
    choro
        Whether the map shows the choropleth layer.
    """
    shown: set[str] = set()  # notes already placed, so the footer does not repeat them
    sections = []
    notes = [_alert_notes(spec, shown)]
    if choro:
        sections.append(_choro_section(spec, shown))
    if spec.osbs is not None:
        sections.append(_osb_section(spec, shown))
        notes.append(_unplaced(spec.osbs_unplaced, "osb", spec.lang))
    if spec.wind_points is not None:
        sections.append(_wind_section(spec))
    if spec.wind_proposed:
        sections.append(_proposed_section(spec.lang))
    if spec.wind_farms is not None:
        sections.append(_farm_section(spec))
    sections.append(_footer(spec, shown))
    legend = (
        '<details id="izm-legend" class="izm-box" open><summary><h1>'
        + html.escape(spec.title)
        + "</h1></summary>"
        + "".join(sections)
        + "</details>"
    )
    note = "".join(notes)
    return legend, f'<div id="izm-notes" class="izm-box">{note}</div>' if note else ""


def wind_scale(spec: MapSpec) -> tuple[float, list[float]]:
    """Capacity drawn at the largest radius, and the capacities of the size legend.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import wind_spec
    >>> wind_scale(wind_spec())
    (150.0, [25.0, 75.0, 150.0])
    """
    values = [float(v) for v in spec.wind_points["capacity_mw"] if clean(v)]
    top = _nice_ceil(max(values, default=1.0))
    return top, sorted({_nice_round(top / 6), _nice_round(top / 2), top})


def is_wind_note(spec: MapSpec, note: str) -> bool:
    """Whether ``note`` is the sentence about the capacity assigned to no district."""
    if spec.wind_unassigned_mw is None:
        return False
    rest = indicator("wind_capacity_mw").format(spec.wind_unassigned_mw, spec.lang)
    return rest in note


# --- sections ---------------------------------------------------------------------------------


def _choro_section(spec: MapSpec, shown: set[str]) -> str:
    lang = spec.lang
    ind = spec.indicator
    items = spec.classification.legend_items(ind, lang)
    no_data = text("no_data", lang)
    parts = ['<section data-layer="choro">', _heading(ind.title(lang), spec.title)]
    parts.append('<ul class="izm-classes">')
    for i, (color, label, count) in enumerate(items):
        is_nd = spec.classification.has_no_data and i == len(items) - 1 and label == no_data
        cls = ' class="izm-nodata"' if is_nd else ""
        n = word("one_district", lang) if count == 1 else word("n_districts", lang, n=count)
        parts.append(
            f'<li{cls}><i class="izm-sw" style="background:{safe_color(color)}"></i>'
            f"<span>{html.escape(label)}</span><small>{html.escape(n)}</small></li>"
        )
    parts.append("</ul>")
    for note in spec.notes:
        if not is_wind_note(spec, note):
            parts.append(f'<p class="izm-note">{html.escape(note)}</p>')
            shown.add(note)
    parts.append("</section>")
    return "".join(parts)


def _osb_section(spec: MapSpec, shown: set[str]) -> str:
    lang = spec.lang
    kinds = [clean(k) for k in spec.osbs["kind"]]
    others = sorted(set(kinds) - set(KIND_TEXT))
    parts = ['<section data-layer="osb">', _heading(text("osb", lang), spec.title), "<ul>"]
    for key in [*KIND_TEXT, "other"]:
        if key == "other" and others:
            label = ", ".join(others)
        elif key in kinds and key == "osb":
            label = text("osb", lang).split(" (")[0]
        elif key in kinds and key in KIND_TEXT:
            label = text(KIND_TEXT[key], lang)
        else:
            continue
        parts.append(f"<li>{_symbol(key, 's')}<span>{html.escape(label)}</span></li>")
    for quality, key in (("s", "location_sourced"), ("a", "location_approx")):
        parts.append(
            f"<li>{_symbol('grey', quality)}<span>{html.escape(text(key, lang))}</span></li>"
        )
        shown.add(text(key, lang))
    parts.append("</ul></section>")
    return "".join(parts)


def _wind_section(spec: MapSpec) -> str:
    lang = spec.lang
    top, steps = wind_scale(spec)
    caption = f"{word('wind_points', lang)}. {word('wind_point_approx', lang)}."
    return (
        '<section data-layer="wind">'
        + _heading(text("wind", lang), spec.title)
        + _size_legend(steps, top, lang)
        + f'<p class="izm-cap">{html.escape(caption)}</p></section>'
    )


def _proposed_section(lang: Lang) -> str:
    return (
        '<section data-layer="proposed"><ul><li><i class="izm-sw izm-hatch-sw"></i><span>'
        + html.escape(text("wind_proposed", lang))
        + "</span></li></ul></section>"
    )


def _farm_section(spec: MapSpec) -> str:
    lang = spec.lang
    parts = [
        '<section data-layer="farms">',
        f"<h2>{html.escape(text('wind_farms', lang))}</h2><ul>",
    ]
    for quality, key in (("s", "location_sourced"), ("a", "location_approx")):
        parts.append(
            f'<li><span class="izm-sym izm-farm-sym izm-{quality}">{SHAPES["farm"]}</span>'
            f"<span>{html.escape(text(key, lang))}</span></li>"
        )
    parts.append("</ul>")
    unplaced = spec.wind_farms_unplaced
    if unplaced is not None and len(unplaced):
        names = ", ".join(short_name(clean(n)) for n in unplaced["name"])
        parts.append(
            f'<p class="izm-note">{html.escape(text("unplaced", lang))}: {html.escape(names)}</p>'
        )
    parts.append("</section>")
    return "".join(parts)


def _size_legend(steps: list[float], top: float, lang: Lang) -> str:
    """Nested circles, bottom-aligned, with a leader line to each value."""
    r_max = wind_radius(top, top)
    width, height = 2 * r_max + 72, 2 * r_max + 12
    cx, bottom = r_max + 2, height - 2
    parts = [
        f'<svg class="izm-size" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">'
    ]
    for value in sorted(steps, reverse=True):
        r = wind_radius(value, top)
        y = bottom - 2 * r
        label = html.escape(format_number(value, lang, 0 if value == int(value) else 1) + " MW")
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{bottom - r:.1f}" r="{r:.1f}"/>'
            f'<line x1="{cx:.1f}" y1="{y:.1f}" x2="{2 * r_max + 12:.1f}" y2="{y:.1f}"/>'
            f'<text x="{2 * r_max + 15:.1f}" y="{y + 4:.1f}">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _footer(spec: MapSpec, shown: set[str]) -> str:
    parts = ['<footer class="izm-foot">']
    for note in spec.notes:
        if note not in shown and not is_wind_note(spec, note):
            parts.append(f'<p class="izm-note">{html.escape(note)}</p>')
    for source in spec.sources:
        if source != ATTRIBUTION:  # the attribution has its own line on the map
            parts.append(f'<p class="izm-src">{html.escape(source)}</p>')
    parts.append("</footer>")
    return "".join(parts)


# --- notes ------------------------------------------------------------------------------------


def _alert_notes(spec: MapSpec, shown: set[str]) -> str:
    if spec.wind_points is None:
        return ""
    notes = [n for n in spec.notes if is_wind_note(spec, n)]
    if not notes and spec.wind_unassigned_mw:
        mw = indicator("wind_capacity_mw")
        total = mw.format(spec.wind_total_mw, spec.lang)
        rest = mw.format(spec.wind_unassigned_mw, spec.lang)
        notes = [text("wind_unassigned", spec.lang, total=total, rest=rest)]
    shown.update(notes)
    return "".join(
        f'<p class="izm-alert" data-layer="wind">{html.escape(note)}</p>' for note in notes
    )


def _unplaced(unplaced: pd.DataFrame | None, layer: str, lang: Lang) -> str:
    if unplaced is None or not len(unplaced):
        return ""
    names = [
        clean(row.get("short_name")) or short_name(clean(row.get("name")))
        for _, row in unplaced.iterrows()
    ]
    return (
        f'<p class="izm-unplaced" data-layer="{layer}"><b>{html.escape(text("unplaced", lang))}:'
        f"</b> {html.escape(', '.join(names))}</p>"
    )


# --- helpers ----------------------------------------------------------------------------------


def _heading(heading: str, title: str) -> str:
    """An ``<h2>`` unless the map title already says it."""
    core = heading.split(" (")[0]
    return "" if title.startswith(core) else f"<h2>{html.escape(heading)}</h2>"


def _symbol(kind: str, quality: str) -> str:
    shape = SHAPES.get(kind, SHAPES["osb"])
    return f'<span class="izm-sym izm-k-{kind} izm-{quality}">{shape}</span>'


def _nice_ceil(value: float) -> float:
    """Smallest 1, 1.5, 2, 2.5, 3, 5 or 7.5 × 10ⁿ not below ``value``.

    Examples
    --------
    >>> _nice_ceil(147.5), _nice_ceil(42.5), _nice_ceil(0.8)
    (150.0, 50.0, 1.0)
    """
    exp = math.floor(math.log10(value)) if value > 0 else 0
    for step in (1, 1.5, 2, 2.5, 3, 5, 7.5, 10):
        if step * 10**exp >= value:
            return float(step * 10**exp)
    return float(10 ** (exp + 1))  # pragma: no cover


def _nice_round(value: float) -> float:
    """``value`` rounded to one of 1, 1.5, 2, 2.5, 3, 5, 7.5 × 10ⁿ.

    Examples
    --------
    >>> _nice_round(25.0), _nice_round(75.0), _nice_round(8.3)
    (25.0, 75.0, 7.5)
    """
    exp = math.floor(math.log10(value)) if value > 0 else 0
    steps = [s * 10**exp for s in (1, 1.5, 2, 2.5, 3, 5, 7.5, 10)]
    return float(min(steps, key=lambda s: (abs(s - value), s)))
