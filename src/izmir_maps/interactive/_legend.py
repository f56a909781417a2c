"""The legend and note boxes of the HTML maps, as escaped HTML.

They draw the spec's legend plan (:mod:`izmir_maps.spec.legend`) and nothing
else: every label, step and note comes from it. The legend box holds the
title, one section per layer (``data-layer`` ties a section to the layer
switch that shows or hides it), notes and sources. The note box states what
the map does *not* show: the alerts of the plan (the wind capacity no source
assigns to a district) and the OSBs whose district is unknown. Every string
goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from izmir_maps.interactive._style import SHAPES, safe_color
from izmir_maps.interactive._text import word
from izmir_maps.spec.legend import (
    ClassesSection,
    HatchSection,
    LegendClass,
    LegendPlan,
    Section,
    SizeSection,
    SizeStep,
    SymbolSection,
    TwoWaySection,
)
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import NO_DATA_COLOR, attribution, wind_radius
from izmir_maps.text.names import turkish_sort_key
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["build_legend", "value_table", "with_downloads", "year_cells", "year_classes"]

#: Marker class of the entries that explain filled and hollow (the CSS colours it grey).
_LOCATION_SHAPE = "grey"
_QUALITY = {"sourced": "s", "approximate": "a"}


def build_legend(
    spec: MapSpec, *, choro: bool, years: Sequence[MapSpec] | None = None
) -> tuple[str, str]:
    """The legend box and the note box (``""`` when there is nothing to note) of ``spec``.

    Parameters
    ----------
    spec
        The map.
    choro
        Whether the map shows the choropleth layer.
    years
        A year map's spec of every year (:func:`~izmir_maps.spec.years.year_spec`):
        the classes legend then has every row any year shows (see :func:`year_classes`).
    """
    plan = spec.legend
    sections = []
    notes = [_alerts(plan)]
    for section in plan.sections:
        if isinstance(section, ClassesSection):
            if choro:
                rows, hidden = _year_rows(section, years, spec)
                sections.append(_classes_section(rows, plan, spec.title, hidden))
        elif isinstance(section, TwoWaySection):
            sections.append(_grid_section(section, plan))
        elif isinstance(section, SymbolSection) and section.layer == "osb":
            sections.append(_osb_section(section, spec.title))
            notes.append(_unplaced(section))
        elif isinstance(section, SymbolSection):
            sections.append(_farm_section(section))
        else:
            sections.append(_other_section(section, spec))
    in_classes = choro and any(isinstance(s, ClassesSection | TwoWaySection) for s in plan.sections)
    sections.append(_footer(spec, plan, notes_shown=in_classes))
    legend = (
        '<details id="izm-legend" class="izm-box" open><summary><h1>'
        + html.escape(spec.title)
        + "</h1></summary>"
        + "".join(sections)
        + "</details>"
    )
    note = "".join(notes)
    return legend, f'<div id="izm-notes" class="izm-box">{note}</div>' if note else ""


# --- sections ---------------------------------------------------------------------------------


def _classes_section(
    section: ClassesSection, plan: LegendPlan, title: str, hidden: frozenset[int] = frozenset()
) -> str:
    parts = [f'<section data-layer="{section.layer}">', _heading(section.title, title)]
    parts.append('<ul class="izm-classes">')
    for i, item in enumerate(section.classes):
        cls = ' class="izm-nodata"' if item.no_data else ""
        cls += " hidden" if i in hidden else ""  # a row of another year of a year map
        parts.append(
            f'<li{cls}><i class="izm-sw" style="background:{safe_color(item.color)}"></i>'
            f"<span>{html.escape(item.label)}</span><small>{html.escape(item.count_label)}</small></li>"
        )
    parts.append("</ul>")
    parts += [f'<p class="izm-note">{html.escape(n.text)}</p>' for n in plan.plain_notes]
    parts.append("</section>")
    return "".join(parts)


def year_classes(
    years: Sequence[MapSpec],
) -> tuple[tuple[LegendClass, ...], list[list[str | None]]]:
    """The rows of a year map's classes legend, and per year the count each row shows.

    The classes are the same in every year (fixed across the years); the no-data
    row is there only in the years where some district has no value.

    Parameters
    ----------
    years
        A year map's spec of every year (:func:`~izmir_maps.spec.years.year_spec`),
        in the order of the years.

    Returns
    -------
    tuple
        Every row any year shows (the classes, then the no-data row if any year
        has it), and per year each row's count label, ``None`` where the row is
        hidden that year.
    """
    sections = [_classes_of(spec) for spec in years]
    rows = max((s.classes for s in sections), key=len)
    counts: list[list[str | None]] = []
    for section in sections:
        classes = [c.count_label for c in section.classes if not c.no_data]
        no_data = [c.count_label for c in section.classes if c.no_data]
        if not rows[-1].no_data:  # no year lacks a value
            counts.append([*classes])
            continue
        counts.append([*classes, no_data[0] if no_data else None])
    return rows, counts


def _year_rows(
    section: ClassesSection, years: Sequence[MapSpec] | None, spec: MapSpec
) -> tuple[ClassesSection, frozenset[int]]:
    """``section`` with every row of a year map's years, and the rows hidden in the year shown."""
    if not years or spec.years is None:
        return section, frozenset()
    rows, counts = year_classes(years)
    shown = counts[spec.years.years.index(spec.years.shown)]
    rows = tuple(
        row if c is None else replace(row, count_label=c)
        for row, c in zip(rows, shown, strict=True)
    )
    return replace(section, classes=rows), frozenset(i for i, c in enumerate(shown) if c is None)


def _classes_of(spec: MapSpec) -> ClassesSection:
    """The choropleth classes section of ``spec``'s legend."""
    return next(s for s in spec.legend.sections if isinstance(s, ClassesSection))


def _grid_section(section: TwoWaySection, plan: LegendPlan) -> str:
    """The square two-way legend: 3 × 3 swatches, y (high at the top) by x, both axes named."""
    esc = html.escape
    rows = []
    for j in (2, 1, 0):
        cells = "".join(
            f'<td><i class="izm-sw izm-bv-sw" style="background:{safe_color(section.colors[i][j])}" '
            f'title="{esc(section.levels[i])} / {esc(section.levels[j])}"></i>'
            f"<small>{section.counts[i][j]}</small></td>"
            for i in range(3)
        )
        rows.append(
            f'<tr><th scope="row"><b>{esc(section.levels[j])}</b> {esc(section.y_labels[j])}</th>'
            f"{cells}</tr>"
        )
    foot = "".join(
        f'<th scope="col"><b>{esc(section.levels[i])}</b> {esc(section.x_labels[i])}</th>'
        for i in range(3)
    )
    parts = [
        f'<section data-layer="{section.layer}" class="izm-bv">',
        f'<p class="izm-bv-y">↑ {esc(section.y_title)}</p>',
        f'<table class="izm-bv-grid"><tbody>{"".join(rows)}</tbody>',
        f"<tfoot><tr><td></td>{foot}</tr></tfoot></table>",
        f'<p class="izm-bv-x">{esc(section.x_title)} →</p>',
    ]
    if section.no_data_label:
        parts.append(
            '<ul class="izm-classes"><li class="izm-nodata"><i class="izm-sw" '
            f'style="background:{safe_color(NO_DATA_COLOR)}"></i>'
            f"<span>{esc(section.no_data_label)}</span></li></ul>"
        )
    parts += [f'<p class="izm-note">{esc(n.text)}</p>' for n in plan.plain_notes]
    parts.append("</section>")
    return "".join(parts)


def _osb_section(section: SymbolSection, title: str) -> str:
    parts = [f'<section data-layer="{section.layer}">', _heading(section.title, title), "<ul>"]
    for entry in section.entries:
        shape = entry.symbol if entry.location is None else _LOCATION_SHAPE
        quality = _QUALITY.get(entry.location or "sourced")
        parts.append(f"<li>{_symbol(shape, quality)}<span>{html.escape(entry.label)}</span></li>")
    parts.append("</ul></section>")
    return "".join(parts)


def _farm_section(section: SymbolSection) -> str:
    parts = [
        f'<section data-layer="{section.layer}">',
        f"<h2>{html.escape(section.title)}</h2><ul>",
    ]
    for entry in section.locations:
        parts.append(
            f'<li><span class="izm-sym izm-farm-sym izm-{_QUALITY[entry.location]}">'
            f"{SHAPES['farm']}</span><span>{html.escape(entry.label)}</span></li>"
        )
    parts.append("</ul>")
    if section.unplaced is not None:
        parts.append(f'<p class="izm-note">{html.escape(section.unplaced.line)}</p>')
    parts.append("</section>")
    return "".join(parts)


def _other_section(section: Section, spec: MapSpec) -> str:
    if isinstance(section, SizeSection):
        # dashed outlines for approximate points are this renderer's own drawing: it says so
        caption = f"{section.caption}. {word('wind_point_approx', spec.lang)}."
        return (
            f'<section data-layer="{section.layer}">'
            + _heading(section.title, spec.title)
            + _size_legend(section.steps, section.top)
            + f'<p class="izm-cap">{html.escape(caption)}</p></section>'
        )
    if isinstance(section, HatchSection):
        swatch = "izm-hatch-b-sw" if section.layer == "boundary" else "izm-hatch-sw"
        return (
            f'<section data-layer="{section.layer}"><ul><li><i class="izm-sw {swatch}"></i>'
            f"<span>{html.escape(section.label)}</span></li></ul></section>"
        )
    msg = f"The HTML legend cannot draw a {type(section).__name__}."
    raise TypeError(msg)


def _size_legend(steps: tuple[SizeStep, ...], top: float) -> str:
    """Nested circles, bottom-aligned, with a leader line to each value."""
    r_max = wind_radius(top, top)
    width, height = 2 * r_max + 72, 2 * r_max + 12
    cx, bottom = r_max + 2, height - 2
    parts = [
        f'<svg class="izm-size" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">'
    ]
    for step in steps:
        r = wind_radius(step.value, top)
        y = bottom - 2 * r
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{bottom - r:.1f}" r="{r:.1f}"/>'
            f'<line x1="{cx:.1f}" y1="{y:.1f}" x2="{2 * r_max + 12:.1f}" y2="{y:.1f}"/>'
            f'<text x="{2 * r_max + 15:.1f}" y="{y + 4:.1f}">{html.escape(step.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _footer(spec: MapSpec, plan: LegendPlan, *, notes_shown: bool) -> str:
    # a <div>: a <footer> outside a sectioning element is the page's contentinfo landmark
    parts = ['<div class="izm-foot">']
    if not notes_shown:  # otherwise the classes section holds them
        parts += [f'<p class="izm-note">{html.escape(n.text)}</p>' for n in plan.plain_notes]
    for source in spec.sources:
        if source != attribution(spec.lang):  # the attribution has its own line on the map
            parts.append(f'<p class="izm-src">{html.escape(source)}</p>')
    parts.append("</div>")
    return "".join(parts)


def with_downloads(legend: str, links: Mapping[str, str] | None, lang: Lang) -> str:
    """``legend`` with a "Veriyi indir" line of ``links`` (link key → relative path) in its footer.

    A key names its words: ``dl_<key>`` the link, ``dl_<key>_hint`` its title
    (``csv``, ``xlsx``, ``boundaries``, ``gpkg`` — see
    :func:`izmir_maps.downloads.download_links`). With a table and the
    boundaries, a last line names the key that joins them (P-code = ``pcode``).
    The links are plain ``<a href download>``: focusable, and they work from a
    page opened from disk. No links, no line.
    """
    if not links:
        return legend
    parts: list[str] = []
    for fmt, path in links.items():
        if parts:  # the map's own table on the first line, the atlas's shared files below it
            parts.append("<br>" if fmt == "boundaries" else " · ")
        parts.append(
            f'<a href="{html.escape(path, quote=True)}" '
            f'download="{html.escape(path.rsplit("/", 1)[-1], quote=True)}" '
            f'title="{html.escape(word(f"dl_{fmt}_hint", lang), quote=True)}">'
            f"{html.escape(word(f'dl_{fmt}', lang))}</a>"
        )
    anchors = "".join(parts)
    if "boundaries" in links and "csv" in links:  # a journalist joins the two: say on what
        anchors += f"<br>{html.escape(word('dl_join_key', lang))}"
    line = f'<p class="izm-dl"><span>{html.escape(word("dl_title", lang))}:</span> {anchors}</p>'
    head, end, tail = legend.rpartition("</div></details>")  # the footer ends the legend
    return f"{head}{line}{end}{tail}" if end else legend + line


# --- the values as a table -------------------------------------------------------------------


def value_table(title: str, data: Mapping[str, Any], lang: Lang) -> str:
    """The map's values as an HTML table, hidden until the page's "Tablo olarak göster" button.

    A choropleth lists the 30 districts with the tooltip's columns (value, share,
    rank; "Veri yok" where a district has none); a marker map lists its markers
    (OSBs, or the 2009 wind capacity points) with their popup's rows. Rows are in
    Turkish alphabetical order, as the search list and the keyboard order of the
    districts. The table scrolls inside its own box, so a phone never scrolls sideways.

    Parameters
    ----------
    title
        The map's title: the table's caption.
    data
        The payload's data (:func:`~izmir_maps.interactive._payload.build_payload`).
    lang
        Language of the words.

    Returns
    -------
    str
        Escaped HTML, or ``""`` when the map shows no values.
    """
    layers = [layer[0] for layer in data["layers"]]
    if "choro" in layers:
        skip = {text("boundary_tip", lang)}  # a note on a district, not one of its values
        head, rows = _rows([(d["n"], d.get("t", [])) for d in data["d"]], skip)
        if "yr" in data:  # a year map: the columns of every year, filled by the slider
            head = _year_head(data, skip)
        fill, first = text("no_data", lang), text("district", lang)
    elif data.get("osb") or data.get("wp"):
        points = data.get("osb") or data.get("wp")
        head, rows = _rows([(p.get("h") or p["s"], p["rows"]) for p in points], set())
        fill, first = "–", word("ma_name", lang)
    else:
        return ""
    cells = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in (first, *head))
    body = "".join(
        f'<tr><th scope="row">{html.escape(name)}</th>'
        + "".join(f"<td>{html.escape(values.get(h, fill))}</td>" for h in head)
        + "</tr>"
        for name, values in rows
    )
    hide = html.escape(word("ma_table_hide", lang))
    return (
        # <main> and <h1>: while it is shown, the table is the page's main content and title
        '<main id="izm-table" class="izm-table" hidden aria-labelledby="izm-table-h">'
        f'<button type="button" class="izm-table-back" aria-expanded="true" '
        f'aria-controls="izm-table">{hide}</button>'
        f'<div class="izm-table-box" tabindex="0" role="region" aria-label="{html.escape(title)}">'
        f'<table><caption><h1 id="izm-table-h">{html.escape(title)}</h1></caption>'
        f"<thead><tr>{cells}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
        f'<p class="izm-note">{html.escape(word("ma_table_order", lang))}</p></main>'
    )


def year_cells(data: Mapping[str, Any], lang: Lang) -> list[list[list[str]]]:
    """Per year of a year map, the cells of its value table (:func:`value_table`), row by row.

    The rows and columns are those the table is drawn with, so that the page
    swaps a year's texts into the same cells.
    """
    skip = {text("boundary_tip", lang)}
    head, fill = _year_head(data, skip), text("no_data", lang)
    out = []
    for year in data["yr"]["f"]:
        _, rows = _rows([(d["n"], r[1]) for d, r in zip(data["d"], year, strict=True)], skip)
        out.append([[values.get(h, fill) for h in head] for _, values in rows])
    return out


def _year_head(data: Mapping[str, Any], skip: set[str]) -> list[str]:
    """The value table's columns of a year map: every tooltip row any year shows."""
    head: list[str] = []
    for year in data["yr"]["f"]:
        more, _ = _rows([(d["n"], r[1]) for d, r in zip(data["d"], year, strict=True)], skip)
        head += [h for h in more if h not in head]
    return head


def _rows(
    items: list[tuple[str, list[list[str]]]], skip: set[str]
) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """Column heads (the row labels, first seen first) and name → label → value, sorted."""
    head: list[str] = []
    rows = []
    for name, pairs in items:
        values = {label: value for label, value in pairs if label not in skip}
        head += [label for label in values if label not in head]
        rows.append((name, values))
    rows.sort(key=lambda row: turkish_sort_key(row[0]))
    return head, rows


# --- the note box -----------------------------------------------------------------------------


def _alerts(plan: LegendPlan) -> str:
    return "".join(
        f'<p class="izm-alert"{_layer(note.layer)}>{html.escape(note.text)}</p>'
        for note in plan.alerts
    )


def _unplaced(section: SymbolSection) -> str:
    if section.unplaced is None:
        return ""
    return (
        f'<p class="izm-unplaced" data-layer="{section.layer}"><b>'
        f"{html.escape(section.unplaced.label)}:</b> "
        f"{html.escape(', '.join(section.unplaced.names))}</p>"
    )


# --- helpers ----------------------------------------------------------------------------------


def _layer(layer: str | None) -> str:
    return f' data-layer="{html.escape(layer)}"' if layer else ""


def _heading(heading: str, title: str) -> str:
    """An ``<h2>`` unless the map title already says it."""
    core = heading.split(" (")[0]
    return "" if title.startswith(core) else f"<h2>{html.escape(heading)}</h2>"


def _symbol(kind: str, quality: str) -> str:
    shape = SHAPES.get(kind, SHAPES["osb"])
    return f'<span class="izm-sym izm-k-{kind} izm-{quality}">{shape}</span>'
