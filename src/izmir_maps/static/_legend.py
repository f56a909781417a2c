"""The legend band under a static map: classes, symbols, notes and sources (a helper of :mod:`render_static`).

The band is laid out in columns from the top down; every block is measured
after it is placed, so the next one starts right below it. :func:`plan_band`
tries the possible arrangements on a scratch page first. Every label, count,
symbol step and note comes from the spec's legend plan
(:mod:`izmir_maps.spec.legend`), the one the HTML map draws too.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch
from matplotlib.textpath import TextToPath

from izmir_maps.spec.legend import (
    ClassesSection,
    HatchSection,
    SymbolSection,
    TwoWaySection,
)
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    FONT_FAMILY,
    NO_DATA_COLOR,
    OSB_COLOR,
    PROPOSED_WIND_COLOR,
    WIND_COLOR,
    wind_radius,
)
from izmir_maps.static._labels import figure_renderer, plain
from izmir_maps.static._layers import (
    BOUNDARY_HATCH,
    FARM_EDGE,
    NO_DATA_HATCH,
    NO_DATA_HATCH_COLOR,
    OSB_MARKERS,
    PROPOSED_HATCH,
)
from izmir_maps.static._look import Look
from izmir_maps.static._two_way import draw_two_way, two_way_width

__all__ = ["BandPlan", "draw_band", "hatch_patch", "plan_band", "text_width"]

_TEXT = "#1a1a1a"
_GREY = "#555555"
_COLUMN_GAP_IN = 0.22
# How far a bold legend heading may reach past its column (built-in ones reach 0.15 in at most).
_HEADING_SLACK_IN = 0.8 * _COLUMN_GAP_IN
_EM = 0.56  # average DejaVu Sans character width, in font sizes
_SOURCES_GAP_IN = 0.08
_MEASURE_DPI = 100
_TEXT_TO_PATH = TextToPath()
#: Height (inches) an arrangement is charged when its two-way legend is wider than its
#: column, so that :func:`plan_band` takes the arrangement with a wider column instead.
_TOO_NARROW_IN = 100.0


@dataclass
class _Column:
    x: float  # inches
    width: float
    y: float  # top of the free space, inches


@dataclass(frozen=True)
class BandPlan:
    """How the legend band of one map is arranged, and the height it needs.

    Attributes
    ----------
    height
        Inches, sources included.
    arrangement
        Index of the column arrangement (see ``_arrangements``).
    sources
        Column whose foot holds the sources, or ``-1`` for a full-width footer.
    """

    height: float
    arrangement: int
    sources: int


def plan_band(
    spec: MapSpec,
    lk: Look,
    *,
    page: tuple[float, float],
    left: float,
    right: float,
    room: float,
) -> BandPlan:
    """How to arrange ``spec``'s legend band in ``room`` inches of height.

    Every arrangement is laid out on a scratch page of the same size and
    measured. The first one, in order of preference (the sources as a
    full-width footer first), that fits ``room`` wins; if none fits, the
    lowest, so the map keeps as much of the page as it can.
    """
    plans = []
    for arrangement in range(len(_arrangements(spec))):
        # the columns do not depend on where the sources go: laid out once, each footer tried
        scratch = Figure(figsize=page, dpi=_MEASURE_DPI)
        FigureCanvasAgg(scratch)
        columns = _columns(scratch, spec, lk, arrangement, top=page[1], left=left, right=right)
        for sources in (-1, *range(len(columns))):
            plan = BandPlan(0.0, arrangement, sources)
            height = _footer(
                scratch, spec, lk, plan, columns, top=page[1], bottom=0.0, span=(left, right)
            )
            plan = BandPlan(float(height), arrangement, sources)
            if plan.height <= room:  # the first that fits wins: the rest need no layout
                return plan
            plans.append(plan)
    return min(plans, key=lambda p: p.height)


def draw_band(
    fig: Figure,
    spec: MapSpec,
    lk: Look,
    plan: BandPlan,
    *,
    top: float,
    bottom: float,
    left: float,
    right: float,
) -> None:
    """Draw the legend columns from ``top`` down and the sources up from ``bottom`` (inches)."""
    _layout(fig, spec, lk, plan, top=top, bottom=bottom, left=left, right=right)


def _layout(
    fig: Figure,
    spec: MapSpec,
    lk: Look,
    plan: BandPlan,
    *,
    top: float,
    bottom: float,
    left: float,
    right: float,
) -> float:
    """Lay out the band; return the height it takes."""
    columns = _columns(fig, spec, lk, plan.arrangement, top=top, left=left, right=right)
    return _footer(fig, spec, lk, plan, columns, top=top, bottom=bottom, span=(left, right))


def _columns(
    fig: Figure, spec: MapSpec, lk: Look, arrangement: int, *, top: float, left: float, right: float
) -> list[_Column]:
    """Lay out the legend blocks of ``arrangement`` in their columns, from ``top`` down."""
    blocks = _arrangements(spec)[arrangement]
    n = len(blocks)
    width = (right - left - _COLUMN_GAP_IN * (n - 1)) / n
    gap = lk.block_gap / 72
    columns = []
    for i, column_blocks in enumerate(blocks):
        column = _Column(x=left + i * (width + _COLUMN_GAP_IN), width=width, y=top)
        for block in column_blocks:
            block(fig, spec, lk, column)
            column.y -= gap
        column.y += gap
        columns.append(column)
    return columns


def _footer(
    fig: Figure,
    spec: MapSpec,
    lk: Look,
    plan: BandPlan,
    columns: list[_Column],
    *,
    top: float,
    bottom: float,
    span: tuple[float, float],
) -> float:
    """Draw the sources where ``plan`` puts them; return the height the whole band takes.

    Sources ``-1``: a footer across the band's ``span`` (left, right; inches) under the
    lowest column.
    """
    left, right = span
    needed = [top - c.y for c in columns]
    if plan.sources < 0:
        footer = _Column(x=left, width=right - left, y=min(c.y for c in columns))
    else:
        footer = columns[plan.sources]
    height = _draw_sources(fig, spec, lk, footer, bottom=bottom)
    return max([*needed, top - footer.y + _SOURCES_GAP_IN + height])


def _arrangements(spec: MapSpec) -> list[list[list]]:
    """Ways to spread the spec's legend blocks over columns, the preferred first."""
    plan = spec.legend
    classes = [_classes] if plan.section(ClassesSection) is not None else []
    osb = [_osb_legend, _osb_unplaced] if plan.section(SymbolSection, "osb") is not None else []
    wind = (
        [_wind_sizes, _wind_legend, _wind_note_box, _farms_unplaced]
        if plan.sizes is not None
        else []
    )
    if spec.kind == "combined":
        return [
            [[*classes, _notes], osb, wind],
            [[*classes, _notes, *wind[:2]], [*osb, *wind[2:]]],
        ]
    if spec.kind == "osb":
        return [[osb[:1], [*osb[1:], _notes]]]
    if spec.kind == "wind":
        return [[wind[:2], [*wind[2:], _notes]]]
    if plan.section(TwoWaySection) is not None:  # bivariate: the square, or all in one column
        return [[[_two_way, _two_way_keys], [_notes]], [[_two_way, _two_way_keys, _notes]]]
    return [[classes, [_notes]]]


# --- blocks -------------------------------------------------------------------------------------


def _classes(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    section = spec.legend.section(ClassesSection)
    assert section is not None
    handles, labels = [], []
    for item in section.classes:
        handles.append(
            Patch(
                facecolor=item.color,
                edgecolor="#8c8c8c",
                linewidth=0.3,
                hatch=NO_DATA_HATCH if item.no_data else None,
                hatchcolor=NO_DATA_HATCH_COLOR,
            )
        )
        labels.append(f"{item.label}  ({item.count_label})" if lk.counts else item.label)
    changed = spec.legend.section(HatchSection, "boundary")
    if changed is not None:
        handles.append(hatch_patch(BOUNDARY_HATCH, BOUNDARY_CHANGE_COLOR))
        labels.append(changed.label)
    _legend(fig, lk, col, handles, labels, section.title)


def _two_way(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    """The square two-way legend of a bivariate map (static._two_way)."""
    section = spec.legend.section(TwoWaySection)
    assert section is not None
    titles = (
        _wrap(section.y_title, col.width - 0.2, lk.legend),
        _wrap(section.x_title, col.width - 0.2, lk.legend),
    )
    col.y -= draw_two_way(
        fig, section, x=col.x, top=col.y, size=lk.legend, titles=titles, counts=lk.counts
    )
    if two_way_width(section, lk.legend) > col.width:
        col.y -= _TOO_NARROW_IN


def _two_way_keys(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    """Under the square: the no-data swatch and the hatch of districts newer than the data."""
    section = spec.legend.section(TwoWaySection)
    assert section is not None
    handles: list[Artist] = []
    labels: list[str] = []
    if section.no_data_label:
        handles.append(
            Patch(
                facecolor=NO_DATA_COLOR,
                edgecolor="#8c8c8c",
                linewidth=0.3,
                hatch=NO_DATA_HATCH,
                hatchcolor=NO_DATA_HATCH_COLOR,
            )
        )
        labels.append(section.no_data_label)
    changed = spec.legend.section(HatchSection, "boundary")
    if changed is not None:
        handles.append(hatch_patch(BOUNDARY_HATCH, BOUNDARY_CHANGE_COLOR))
        labels.append(changed.label)
    if handles:
        _legend(fig, lk, col, handles, labels, None)


def hatch_patch(hatch: str, color: str, label: str | None = None) -> Patch:
    """The legend swatch of a hatched district fill, as the map draws it."""
    return Patch(
        facecolor="white",
        edgecolor="#8c8c8c",
        linewidth=0.3,
        hatch=hatch,
        hatchcolor=color,
        label=label,
    )


def _osb_legend(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    section = spec.legend.section(SymbolSection, "osb")
    assert section is not None
    handles: list[Artist] = [
        _marker(OSB_MARKERS.get(e.symbol, "o"), "white", OSB_COLOR, lk.osb_marker)
        for e in section.kinds
    ]
    # fill says where the location comes from, for every shape: shown in neutral grey
    handles += [_location_marker(e.location, _GREY, "s", lk.osb_marker) for e in section.locations]
    labels = [e.label for e in (*section.kinds, *section.locations)]
    _legend(fig, lk, col, handles, labels, section.title)


def _osb_unplaced(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    section = spec.legend.section(SymbolSection, "osb")
    if section is not None and section.unplaced is not None:
        _box(fig, lk, col, section.unplaced.line)


def _wind_sizes(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    """Nested circles whose areas match the map's proportional symbols."""
    section = spec.legend.sizes
    assert section is not None
    _heading(fig, lk, col, section.title)
    if not section.steps:
        return
    top = section.top
    r_max = wind_radius(top, top, lk.wind_radius)
    label_w = lk.legend * _EM * 9 / 72
    h = (2 * r_max + 2 + lk.legend) / 72
    w = (2 * r_max + 4) / 72 + label_w
    pw, ph = fig.get_size_inches()
    ax = fig.add_axes((col.x / pw, (col.y - h) / ph, w / pw, h / ph), gid="legend-wind-sizes")
    ax.set_xlim(0, w * 72)
    ax.set_ylim(0, h * 72)
    ax.set_axis_off()
    cx = r_max + 1
    for step in section.steps:
        r = wind_radius(step.value, top, lk.wind_radius)
        ax.add_patch(
            Circle(
                (cx, 1 + r),
                r,
                facecolor=(*_rgb(WIND_COLOR), 0.2),
                edgecolor=WIND_COLOR,
                linewidth=0.7,
            )
        )
        ax.plot([cx, 2 * r_max + 4], [1 + 2 * r] * 2, color=_GREY, linewidth=0.4)
        ax.text(
            2 * r_max + 5,
            1 + 2 * r,
            plain(step.label),
            fontsize=lk.legend,
            va="center",
            color=_TEXT,
        )
    col.y -= h


def _wind_legend(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    plan = spec.legend
    handles: list[Artist] = []
    labels: list[str] = []
    proposed = plan.section(HatchSection, "proposed")
    if proposed is not None:
        handles.append(hatch_patch(PROPOSED_HATCH, PROPOSED_WIND_COLOR))
        labels.append(proposed.label)
    farms = plan.section(SymbolSection, "farms")
    if farms is not None and spec.wind_farms is not None and not spec.wind_farms.empty:
        markers = [
            _location_marker(e.location, FARM_EDGE, "^", lk.farm_marker) for e in farms.locations
        ]
        handles.append(tuple(markers))  # type: ignore[arg-type]
        labels.append(farms.title)
        if plan.section(SymbolSection, "osb") is None:  # no OSB legend explains filled and hollow
            handles += markers
            labels += [e.label for e in farms.locations]
    if handles:
        _legend(fig, lk, col, handles, labels, None)


def _wind_note_box(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    for note in spec.legend.alerts:
        _box(fig, lk, col, note.text, strong=True)


def _farms_unplaced(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    section = spec.legend.section(SymbolSection, "farms")
    if section is not None and section.unplaced is not None:
        unplaced = section.unplaced  # this box stands apart from the farm entries: name the layer
        _box(fig, lk, col, f"{unplaced.standalone}: {', '.join(unplaced.names)}")


def _notes(fig: Figure, spec: MapSpec, lk: Look, col: _Column) -> None:
    for note in spec.legend.plain_notes:  # alerts have their box, entries say the rest
        _paragraph(fig, col, note.text, lk.note, _GREY)
        col.y -= 2 / 72


def _draw_sources(fig: Figure, spec: MapSpec, lk: Look, col: _Column, *, bottom: float) -> float:
    """Source lines, the attribution last, ending at ``bottom``; return their height (inches)."""
    pw, ph = fig.get_size_inches()
    lines: list[str] = []
    for source in spec.sources:
        lines += _wrap(source, col.width, lk.source)
    t = fig.text(
        col.x / pw,
        bottom / ph,
        plain("\n".join(lines)),
        fontsize=lk.source,
        color=_GREY,
        ha="left",
        va="bottom",
        linespacing=1.3,
        gid="source",
    )
    return t.get_window_extent(figure_renderer(fig)).height / fig.dpi


# --- primitives ---------------------------------------------------------------------------------


def _legend(
    fig: Figure,
    lk: Look,
    col: _Column,
    handles: list[Artist],
    labels: list[str],
    title: str | None,
) -> None:
    pw, ph = fig.get_size_inches()
    wrapped = ["\n".join(_wrap(lab, col.width - 0.3, lk.legend)) for lab in labels]
    heading = "\n".join(_heading_lines(title, col.width, lk.legend_title)) if title else None
    legend = fig.legend(
        handles,
        [plain(w) for w in wrapped],
        loc="upper left",
        bbox_to_anchor=(col.x / pw, col.y / ph),
        bbox_transform=fig.transFigure,
        frameon=False,
        borderpad=0,
        borderaxespad=0,
        fontsize=lk.legend,
        title=plain(heading) if heading else None,
        title_fontproperties={"size": lk.legend_title, "weight": "bold"},
        alignment="left",
        handlelength=2.2,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)},
        handleheight=lk.spacing * 2.6,
        handletextpad=0.6,
        labelspacing=lk.spacing,
        labelcolor=_TEXT,
    )
    legend.set_gid("legend")
    legend.get_title().set_color(_TEXT)
    col.y -= legend.get_window_extent(figure_renderer(fig)).height / fig.dpi


def _heading(fig: Figure, lk: Look, col: _Column, title: str) -> None:
    _paragraph(fig, col, title, lk.legend_title, _TEXT, weight="bold")
    col.y -= 3 / 72


def _paragraph(
    fig: Figure, col: _Column, body: str, size: float, color: str, weight: str = "normal"
) -> None:
    pw, ph = fig.get_size_inches()
    lines = _wrap(body, col.width, size)
    t = fig.text(
        col.x / pw,
        col.y / ph,
        plain("\n".join(lines)),
        fontsize=size,
        color=color,
        weight=weight,
        ha="left",
        va="top",
        linespacing=1.25,
        gid="note",
    )
    col.y -= t.get_window_extent(figure_renderer(fig)).height / fig.dpi


def _box(fig: Figure, lk: Look, col: _Column, body: str, *, strong: bool = False) -> None:
    pw, ph = fig.get_size_inches()
    pad = 3.0
    size = lk.legend if strong else lk.note
    lines = _wrap(body, col.width - 2 * pad / 72 - 0.02, size)
    t = fig.text(
        (col.x + pad / 72) / pw,
        (col.y - pad / 72) / ph,
        plain("\n".join(lines)),
        fontsize=size,
        color=_TEXT if strong else _GREY,
        weight="bold" if strong else "normal",
        ha="left",
        va="top",
        linespacing=1.25,
        gid="note-box",
        bbox={
            "boxstyle": f"square,pad={pad / size:.3f}",
            "facecolor": "#fff7e0" if strong else "#f7f7f7",
            "edgecolor": "#d9a400" if strong else "#cccccc",
            "linewidth": 0.6,
        },
    )
    col.y -= t.get_window_extent(figure_renderer(fig)).height / fig.dpi + 2 * pad / 72


def _location_marker(location: str | None, color: str, marker: str, size: float) -> Line2D:
    """Filled where the location is sourced, hollow where it is approximate."""
    return _marker(marker, color if location == "sourced" else "white", color, size)


def _marker(marker: str, face: str, edge: str, size: float) -> Line2D:
    return Line2D(
        [],
        [],
        marker=marker,
        linestyle="none",
        markersize=size,
        markerfacecolor=face,
        markeredgecolor=edge,
        markeredgewidth=0.8,
    )


def _heading_lines(title: str, width_in: float, size: float) -> list[str]:
    """The bold legend heading in lines that stay out of the next column.

    Wrapped as the other legend text (regular face) first, which built-in
    headings have always been; where a bold line would then run into the next
    column (a long word of wide letters, ``XXXX…``), wrapped measuring the bold face.
    """
    lines = _wrap(title, width_in, size)
    if max(text_width(line, size, "bold") for line in lines) <= width_in + _HEADING_SLACK_IN:
        return lines
    return _wrap(title, width_in, size, "bold")


def _wrap(body: str, width_in: float, size: float, weight: str = "normal") -> list[str]:
    """``body`` in lines that fit ``width_in``: wrapped by an average letter width, then measured.

    A word wider than the column (a user's long name) is broken rather than
    overflowing; lines of wide letters (``ŞŞŞ…``) are wrapped again, shorter.
    Lines are measured in ``weight``, the regular face by default: a bold
    heading may exceed the column by its few percent (:func:`_heading_lines`).
    """
    chars = max(12, int(width_in * 72 / (size * _EM)))
    while True:
        lines = textwrap.wrap(body, chars, break_on_hyphens=False) or [""]
        widest = max(text_width(line, size, weight) for line in lines)
        if widest <= width_in or chars <= 12:
            return lines
        chars = max(12, min(chars - 1, int(chars * width_in / widest)))


@lru_cache(maxsize=4096)  # the band's layouts are tried several times with the same lines
def text_width(line: str, size: float, weight: str = "normal") -> float:
    """Width in inches of ``line`` set in the maps' font at ``size`` points."""
    font = FontProperties(family=FONT_FAMILY, size=size, weight=weight)
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(line, font, ismath=False)
    return width / 72


def _rgb(color: str) -> tuple[float, float, float]:
    h = color.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
