"""Print-quality static maps (PNG, SVG, PDF) drawn with matplotlib and geopandas.

A static map shows one :class:`~izmir_maps.spec.map_spec.MapSpec` — the same
classes, colours, labels, notes and sources as the interactive map — as a
page a cartographer would hand over: a title, the map in UTM zone 35N with a
scale bar in km and a north arrow, every district named (the eleven crowded
central districts in an inset of the city centre), neighbouring provinces as
grey context, and a legend band with the sources at the bottom.

:func:`render_static` builds a :class:`~matplotlib.figure.Figure`;
:func:`write_static` writes it as PNG, SVG or PDF, byte-identical from run to
run; :func:`save_static` does both.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from izmir_maps._checks import check_bool, check_int, check_path, check_type
from izmir_maps.errors import OptionError
from izmir_maps.spec.describe import describe_sentences
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import FONT_FAMILY, SEA_COLOR
from izmir_maps.static._body import FRAME, INK, draw_inset, draw_map
from izmir_maps.static._grid import draw_grid, setup_grid_axes
from izmir_maps.static._labels import figure_renderer, plain
from izmir_maps.static._layers import CENTRE_PCODES, Geo, prepare
from izmir_maps.static._legend import draw_band, plan_band, text_width
from izmir_maps.static._look import SIZES, Look, look
from izmir_maps.static._png import write_png
from izmir_maps.static._svg import svg_text
from izmir_maps.text.clean import shorten
from izmir_maps.write import atomic_path

__all__ = ["FORMATS", "SIZES", "render_static", "save_static", "write_static"]

#: Output formats :func:`write_static` writes.
FORMATS = ("png", "svg", "pdf")

_RC: dict[str, Any] = {"font.family": FONT_FAMILY, "hatch.linewidth": 0.5}
_WRITE_RC: dict[str, Any] = {
    "svg.fonttype": "none",  # real <text> elements
    "svg.hashsalt": "izmir-maps",  # stable ids for clip paths and hatches
    "pdf.fonttype": 42,  # embedded TrueType: selectable, searchable text
}
_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "izmir-maps"},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "izmir-maps", "Producer": None},
}
_MEASURE_DPI = 100
#: Lines a page's title may take; a longer title ends with "…" (the map keeps its size).
_TITLE_LINES = 3
_BAND_GAP_IN = 0.12


def render_static(
    spec: MapSpec,
    *,
    size: str = "a4",
    labels: bool = True,
    ax: Axes | None = None,
    describe: bool = False,
) -> Figure:
    """Draw ``spec`` as a static map.

    A map on the district grid (``spec.layout == "grid"``) is drawn as
    hexagons with every name inside, without inset, scale bar, north arrow
    or context land (:mod:`izmir_maps.static._grid`). A year map
    (``spec.years`` set) becomes small multiples, one panel per year with
    one shared legend (:mod:`izmir_maps.static.years`); ``describe`` prints
    the sentences common to all years once and each year's own after it.
    A bivariate map gets the square two-way legend.

    Parameters
    ----------
    spec
        The map (best built with ``layer="detailed"`` for print).
    size
        A key of :data:`SIZES`: ``"a4"`` (A4 text width) or ``"half"``.
    labels
        Name the districts (the central ones in an inset of the city centre).
    ax
        Draw only the map body (districts, symbols, labels, scale bar, north
        arrow) into this axes, e.g. one panel of small multiples; the title
        becomes the axes title and there is no legend band or inset, so the
        central districts stay unnamed.
    describe
        Print the map's description (:func:`izmir_maps.spec.describe.describe_map`:
        what is mapped, the highest and lowest districts, the classes) under
        the title, wrapped to the page width; the map gives it the room.
        Not for ``ax``.

    Returns
    -------
    matplotlib.figure.Figure
        The page (or ``ax``'s figure). Nothing is shown or written.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> fig = render_static(choropleth_spec("employees", layer="detailed"), size="half")
    >>> [round(v, 2) for v in fig.get_size_inches()] == list(SIZES["half"])
    True
    """
    check_type("spec", spec, MapSpec, "a MapSpec (see choropleth_spec)")
    check_type("size", size, str, f"one of {', '.join(map(repr, SIZES))}")
    check_bool("labels", labels)
    check_type("ax", ax, (Axes, type(None)), "a matplotlib Axes or None")
    check_bool("describe", describe)
    lk = look(size)
    with mpl.rc_context(_RC):
        geo = prepare(spec)
        if ax is not None:
            view = _fit(geo.view(), *_axes_inches(ax))
            _setup_axes(ax, view, spec)
            ax.set_title(plain(spec.title), fontsize=lk.title * 0.8, loc="left")
            draw_body(ax, spec, geo, lk, labels=labels)
            return ax.figure  # type: ignore[return-value]
        if spec.years is not None:  # one panel per year, one legend (static.years)
            from izmir_maps.static.years import render_years

            return render_years(spec, geo, size=size, labels=labels, describe=describe)
        return _page(spec, geo, lk, size=size, labels=labels, describe=describe)


def draw_body(ax: Axes, spec: MapSpec, geo: Geo, lk: Look, *, labels: bool) -> None:
    """The map body without an inset (a panel): the grid's hexagons, or the real map."""
    if spec.layout == "grid":
        draw_grid(ax, spec, geo, lk, labels=labels)
    else:
        draw_map(ax, spec, geo, lk, labels=labels, centre=CENTRE_PCODES, inset=None)


def write_static(fig: Figure, path: Path, *, fmt: str | None = None, dpi: int = 300) -> Path:
    """Write ``fig`` as PNG, SVG or PDF, atomically and deterministically.

    Parameters
    ----------
    fig
        A figure, e.g. from :func:`render_static`; it stays open.
    path
        Output file; missing folders are created.
    fmt
        ``"png"``, ``"svg"`` or ``"pdf"``; from the suffix of ``path`` when ``None``.
    dpi
        Resolution of the PNG (and of hatches in SVG/PDF).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OptionError
        If the format is not one of :data:`FORMATS`.

    Notes
    -----
    SVG keeps text as ``<text>`` elements and PDF embeds DejaVu Sans as
    TrueType, so both have selectable text with every Turkish letter. Dates
    and version stamps are left out of the metadata, so writing the same map
    twice gives the same bytes.

    A PNG is a palette image (at most 256 colours) in which every colour an
    artist is painted with — the class colours included — is exact and only
    anti-aliased edge pixels may move by a shade; an SVG has its path
    coordinates on a 0.01 pt grid and each label's white halo as stroked text.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        msg = (
            f"Unknown static map format {fmt!r} for {str(path)!r}; "
            f"choose one of {', '.join(FORMATS)}."
        )
        raise OptionError(msg)
    metadata = dict(_METADATA[fmt])
    if fig.get_label():
        metadata["Title"] = fig.get_label()
    with mpl.rc_context(_WRITE_RC), atomic_path(path) as tmp:
        if fmt == "png":
            write_png(fig, tmp, dpi=dpi, metadata=metadata)
        elif fmt == "svg":
            svg = svg_text(fig, dpi=dpi, metadata=metadata)
            Path(tmp).write_bytes(svg.encode("utf-8"))
        else:
            fig.savefig(tmp, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return path


def save_static(
    spec: MapSpec,
    path: Path,
    *,
    size: str = "a4",
    labels: bool = True,
    fmt: str | None = None,
    dpi: int = 300,
    describe: bool = False,
) -> Path:
    """Render ``spec`` and write it to ``path``; see :func:`render_static` and :func:`write_static`."""
    check_path("path", path)
    check_type("fmt", fmt, (str, type(None)), f"one of {', '.join(map(repr, FORMATS))} or None")
    check_int("dpi", dpi, 1)
    fig = render_static(spec, size=size, labels=labels, describe=describe)
    try:
        return write_static(fig, path, fmt=fmt, dpi=dpi)
    finally:
        fig.clear()


# --- page layout --------------------------------------------------------------------------------


def _page(spec: MapSpec, geo: Geo, lk: Look, *, size: str, labels: bool, describe: bool) -> Figure:
    pw, ph = SIZES[size]
    fig = Figure(figsize=(pw, ph), dpi=_MEASURE_DPI, facecolor="white")
    FigureCanvasAgg(fig)
    fig.set_label(spec.title)
    m = lk.margin
    title_lines = _title_lines(spec.title, pw - 2 * m, lk.title)
    title = fig.text(
        m / pw,
        (ph - m) / ph,
        plain("\n".join(title_lines)),
        fontsize=lk.title,
        weight="bold",
        color=INK,
        ha="left",
        va="top",
        gid="title",
    )
    title_h = title.get_window_extent(figure_renderer(fig)).height / fig.dpi
    map_top = ph - m - title_h - lk.title * 0.5 / 72
    if describe:
        map_top -= _description(fig, spec, lk, top=map_top + lk.title * 0.2 / 72)
    bottom = m * 0.8
    view = geo.view()
    aspect = (view[3] - view[1]) / (view[2] - view[0])
    map_w = pw - 2 * m
    room = map_top - bottom - map_w * aspect - _BAND_GAP_IN
    plan = plan_band(spec, lk, page=(pw, ph), left=m, right=pw - m, room=room)
    map_h = min(map_w * aspect, map_top - bottom - plan.height - _BAND_GAP_IN)
    map_w = min(map_w, map_h / aspect)  # a crowded band shrinks the map, never the type
    ax = fig.add_axes((m / pw, (map_top - map_h) / ph, map_w / pw, map_h / ph), gid="map")
    _setup_axes(ax, _fit(view, map_w, map_h), spec)
    if spec.layout == "grid":  # hexagons: no inset, scale bar or sea (static._grid)
        draw_grid(ax, spec, geo, lk, labels=labels)
    else:
        _draw_real_map(ax, _add_inset(fig, ax, geo, lk), spec, geo, lk, labels=labels)
    draw_band(
        fig, spec, lk, plan, top=map_top - map_h - _BAND_GAP_IN, bottom=bottom, left=m, right=pw - m
    )
    return fig


def _draw_real_map(
    ax: Axes, inset: Axes | None, spec: MapSpec, geo: Geo, lk: Look, *, labels: bool
) -> None:
    draw_map(ax, spec, geo, lk, labels=labels, centre=CENTRE_PCODES if inset else None, inset=inset)
    if inset is not None:
        draw_inset(inset, spec, geo, lk, labels=labels)


def _description(fig: Figure, spec: MapSpec, lk: Look, *, top: float) -> float:
    """The map's description under the title, from ``top`` (inches); returns the height it takes."""
    pw, ph = fig.get_size_inches()
    size = lk.legend
    lines = _description_lines(
        describe_sentences(spec), pw - 2 * lk.margin, size, lk.describe_lines
    )
    desc = fig.text(
        lk.margin / pw,
        top / ph,
        plain("\n".join(lines)),
        fontsize=size,
        color=INK,
        ha="left",
        va="top",
        linespacing=1.3,
        gid="description",
    )
    height = desc.get_window_extent(figure_renderer(fig)).height / fig.dpi
    return height + lk.title * 0.2 / 72 + size * 0.5 / 72


def _description_lines(sentences: list[str], width_in: float, size: float, most: int) -> list[str]:
    """The sentences wrapped, as many whole ones as fit in ``most`` lines ("…" if some are left out).

    The page keeps its size, so a long description (the combined map's) would
    shrink the map: the first sentences say what is mapped and its extremes,
    the rest is on the interactive page.
    """
    for count in range(len(sentences), 0, -1):
        text = " ".join(sentences[:count]) + (" …" if count < len(sentences) else "")
        lines = _wrap(text, width_in, size)
        if len(lines) <= most or count == 1:
            return lines
    return []


def _wrap(text: str, width_in: float, size: float) -> list[str]:
    """``text`` wrapped to ``width_in`` inches at ``size`` points, every line measured."""
    chars = max(20, int(width_in * 72 / (size * 0.5)))
    while True:
        lines = textwrap.wrap(text, chars, break_on_hyphens=False)
        widest = max((text_width(line, size) for line in lines), default=0.0)
        if widest <= width_in or chars <= 20:
            return lines
        chars = max(20, min(chars - 1, int(chars * width_in / widest)))


def _title_lines(title: str, width_in: float, size: float) -> list[str]:
    """``title`` wrapped to ``width_in`` inches, at most :data:`_TITLE_LINES` lines.

    Wrapped by an average letter width first, then measured: lines of wide
    letters are wrapped again, shorter. A title longer than the lines ends with "…".
    """
    chars = max(20, int(width_in * 72 / (size * 0.62)))
    while True:
        lines = textwrap.wrap(title, chars)
        if len(lines) > _TITLE_LINES:
            rest = " ".join(lines[_TITLE_LINES - 1 :])
            lines = [*lines[: _TITLE_LINES - 1], shorten(rest, chars)]
        widest = max((text_width(line, size, "bold") for line in lines), default=0.0)
        if widest <= width_in or chars <= 20:
            return lines
        chars = max(20, min(chars - 1, int(chars * width_in / widest)))


def _setup_axes(ax: Axes, view: np.ndarray, spec: MapSpec | None = None) -> None:
    ax.set_facecolor(SEA_COLOR)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color(FRAME)
        spine.set_linewidth(0.6)
    if spec is not None and spec.layout == "grid":
        setup_grid_axes(ax)


def _axes_inches(ax: Axes) -> tuple[float, float]:
    pw, ph = ax.figure.get_size_inches()
    pos = ax.get_position()
    return pos.width * pw, pos.height * ph


def _fit(view: np.ndarray, width: float, height: float) -> np.ndarray:
    """Widen ``view`` in one direction so that it has the axes' shape (metres stay square)."""
    x0, y0, x1, y1 = view
    w, h = x1 - x0, y1 - y0
    if w / h < width / height:
        extra = (h * width / height - w) / 2
        return np.array([x0 - extra, y0, x1 + extra, y1])
    extra = (w * height / width - h) / 2
    return np.array([x0, y0 - extra, x1, y1 + extra])


def _add_inset(fig: Figure, ax: Axes, geo: Geo, lk: Look) -> Axes | None:
    """An inset of the city centre at the top right, if it covers no İzmir land.

    Its right edge is the page's right margin: on a full-width map that is the
    map's own corner; a map shrunk by a crowded legend leaves room beside it.
    """
    if not geo.districts["pcode"].isin(CENTRE_PCODES).any():
        return None  # another province: İzmir's city centre is not on this map
    view = geo.view(CENTRE_PCODES, margin=0.04)
    aspect = (view[3] - view[1]) / (view[2] - view[0])
    pw, ph = fig.get_size_inches()
    pos = ax.get_position()
    right, top = pw - lk.margin, pos.y1 * ph
    width = target = lk.inset_width * (pw - 2 * lk.margin)
    to_data = ax.transData.inverted()
    room = pos.height * ph * 0.62  # the inset stays inside the map, clear of the legend below
    while width > target * 0.6:
        height = width * aspect
        if height > room:
            width *= 0.92
            continue
        corners = fig.dpi_scale_trans.transform([(right - width, top - height), (right, top)])
        (x0, y0), (x1, y1) = to_data.transform(corners)
        if not shapely.box(x0, y0, x1, y1).intersects(geo.outline):
            inset = fig.add_axes(
                ((right - width) / pw, (top - height) / ph, width / pw, height / ph), gid="inset"
            )
            inset.set_zorder(ax.get_zorder() + 1)
            _setup_axes(inset, _fit(view, width, height))
            for spine in inset.spines.values():
                spine.set_linewidth(0.9)
            return inset
        width *= 0.92
    return None
