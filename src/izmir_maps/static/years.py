"""Print maps of one indicator over several years: small multiples, one panel per year.

A year map (a :class:`~izmir_maps.spec.map_spec.MapSpec` whose ``years`` is
set, see :mod:`izmir_maps.spec.years`) is printed as a grid of same-sized
panels, one per year in ascending order, each titled with its year and drawn
from :func:`~izmir_maps.spec.years.year_spec` — so a district's colour in
every panel is the colour of its class, and the classes are the same in
every year. Under the panels one legend band, shared by all: the classes
with their fixed ranges (no counts: they differ from year to year), the
notes (the classes were computed from all years together) and the sources,
once. :func:`izmir_maps.static.render.render_static` draws this page
whenever ``spec.years`` is set, so PNG, SVG and PDF writers need nothing else.
With ``describe`` the page prints the description of every year under the
title (:func:`izmir_maps.spec.years.years_sentences`), as other print maps
print theirs.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from izmir_maps._checks import check_bool, check_type
from izmir_maps.errors import OptionError
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.years import year_spec, years_sentences
from izmir_maps.static._body import INK
from izmir_maps.static._labels import figure_renderer, plain
from izmir_maps.static._layers import Geo, prepare
from izmir_maps.static._legend import draw_band, plan_band
from izmir_maps.static._look import LOOKS, SIZES, Look, look
from izmir_maps.static.render import (
    _RC,
    _description_lines,
    _fit,
    _setup_axes,
    _title_lines,
    draw_body,
)

__all__ = ["panel_columns", "render_years", "render_years_static"]

_MEASURE_DPI = 100
_GAP_IN = 0.14  # between panels, across and down
_BAND_GAP_IN = 0.14
_LINESPACING = 1.3  # of the description, as under a single map's title
#: Panels at least this wide (inches) name the districts; narrower ones would crowd them out.
_NAMED_PANEL_IN = 2.5
#: The look of a panel as wide as a half-width map; narrower panels scale it down.
_PANEL_LOOK = LOOKS["half"]
_PANEL_WIDTH_IN = SIZES["half"][0] - 2 * _PANEL_LOOK.margin
_SCALED = (
    "title",
    "label",
    "inset_label",
    "context",
    "legend",
    "legend_title",
    "line",
    "osb_marker",
    "farm_marker",
    "wind_radius",
    "halo",
)


def render_years_static(
    spec: MapSpec, *, size: str = "a4", labels: bool = True, describe: bool = False
) -> Figure:
    """Small multiples of a year map: one panel per year, one shared legend.

    Parameters
    ----------
    spec
        A year map (made by :func:`izmir_maps.spec.years.years_spec`), best
        with ``layer="detailed"``.
    size
        Page width, a key of :data:`izmir_maps.static.render.SIZES`; the page
        is as tall as its panels and legend need.
    labels
        Name the districts in panels wide enough for names (one or two columns).
    describe
        Print the description of every year under the title
        (:func:`~izmir_maps.spec.years.years_sentences`: what is mapped, each
        year's highest and lowest districts, the classes), wrapped to the page
        width; the page grows to hold it.

    Returns
    -------
    matplotlib.figure.Figure
        The page; nothing is written.

    Raises
    ------
    OptionError
        If ``spec`` is not a year map.

    Examples
    --------
    >>> import pandas as pd
    >>> from izmir_maps.data.join import district_table
    >>> from izmir_maps.data.registry import user_indicator
    >>> from izmir_maps.spec.years import years_spec
    >>> table = district_table("detailed")[["pcode", "district", "area_km2", "geometry"]]
    >>> long = pd.DataFrame({"pcode": ["TUR035001"] * 2, "year": [2009, 2021],
    ...                      "value": [63503.0, 103364.0]})
    >>> spec = years_spec(table, long, user_indicator("Nüfus", source="TÜİK", integer=True),
    ...                   layer="detailed")
    >>> fig = render_years_static(spec, labels=False)
    >>> [ax.get_title(loc="left") for ax in fig.axes]
    ['2009', '2021']
    """
    check_type("spec", spec, MapSpec, "a year map (see years_spec)")
    check_bool("labels", labels)
    check_bool("describe", describe)
    if spec.years is None:
        msg = "render_years_static needs a year map (a spec made by years_spec)."
        raise OptionError(msg)
    look(size)  # an unknown size is refused before any drawing
    with mpl.rc_context(_RC):
        return render_years(spec, prepare(spec), size=size, labels=labels, describe=describe)


def render_years(
    spec: MapSpec, geo: Geo, *, size: str, labels: bool, describe: bool = False
) -> Figure:
    """The small-multiples page of the year map ``spec`` whose layers ``geo`` holds."""
    series = spec.years
    assert series is not None
    lk = replace(look(size), counts=False)  # one legend for every year: no year's counts
    pw = SIZES[size][0]
    m = lk.margin
    cols = panel_columns(len(series.years))
    rows = math.ceil(len(series.years) / cols)
    panel_w = (pw - 2 * m - _GAP_IN * (cols - 1)) / cols
    view = geo.view()
    panel_h = panel_w * (view[3] - view[1]) / (view[2] - view[0])
    head = lk.legend_title * 1.6 / 72  # a panel's year above it
    band_spec = _band_spec(spec)
    title = "\n".join(_title_lines(series.title, pw - 2 * m, lk.title))
    title_h = _measured_height(pw, title, lk.title)
    said = _description(spec, pw - 2 * m, lk) if describe else ""
    said_h = _said_height(pw, said, lk)
    plan = plan_band(band_spec, lk, page=(pw, SIZES[size][1]), left=m, right=pw - m, room=1e9)
    panels_h = rows * (head + panel_h) + (rows - 1) * _GAP_IN
    ph = (
        m + title_h + lk.title * 0.5 / 72 + said_h + panels_h + _BAND_GAP_IN + plan.height + m * 0.8
    )
    fig = Figure(figsize=(pw, ph), dpi=_MEASURE_DPI, facecolor="white")
    FigureCanvasAgg(fig)
    fig.set_label(series.title)
    fig.text(
        m / pw,
        (ph - m) / ph,
        plain(title),
        fontsize=lk.title,
        weight="bold",
        color=INK,
        ha="left",
        va="top",
        gid="title",
    )
    top = ph - m - title_h - lk.title * 0.5 / 72
    if said:
        fig.text(
            m / pw,
            (top + lk.title * 0.2 / 72) / ph,
            plain(said),
            fontsize=lk.legend,
            color=INK,
            ha="left",
            va="top",
            linespacing=_LINESPACING,
            gid="description",
        )
        top -= said_h
    panel_look = _panel_look(panel_w)
    named = labels and panel_w >= _NAMED_PANEL_IN
    for n, year in enumerate(series.years):
        row, col = divmod(n, cols)
        left = m + col * (panel_w + _GAP_IN)
        bottom = top - (row + 1) * (head + panel_h) - row * _GAP_IN
        ax = fig.add_axes((left / pw, bottom / ph, panel_w / pw, panel_h / ph), gid=f"year-{year}")
        _setup_axes(ax, _fit(view, panel_w, panel_h), spec)
        ax.set_title(str(year), loc="left", fontsize=lk.legend_title, weight="bold", color=INK)
        draw_body(ax, year_spec(spec, year), geo, panel_look, labels=named)
    band_top = top - panels_h - _BAND_GAP_IN
    draw_band(fig, band_spec, lk, plan, top=band_top, bottom=m * 0.8, left=m, right=pw - m)
    return fig


def panel_columns(years: int) -> int:
    """Panels per row for ``years`` panels: 1, 2 up to 4, 3 up to 9, 4 up to 16, then 5.

    Examples
    --------
    >>> [panel_columns(n) for n in (1, 2, 4, 5, 9, 12, 30)]
    [1, 2, 2, 3, 3, 4, 5]
    """
    for most, cols in ((1, 1), (4, 2), (9, 3), (16, 4)):
        if years <= most:
            return cols
    return 5


def _band_spec(spec: MapSpec) -> MapSpec:
    """The spec whose legend plan the shared band draws.

    The classes' ranges and the notes are the same in every year; the
    no-data class is in a year's plan only when that year lacks values, so
    the plan of the first such year is drawn when any panel has districts
    without data.
    """
    series = spec.years
    assert series is not None
    missing = series.missing()
    return year_spec(spec, min(missing)) if missing else spec


def _panel_look(width: float) -> Look:
    """The half-width map's look, scaled down for a panel narrower than that map."""
    scale = min(1.0, width / _PANEL_WIDTH_IN)
    values = {f.name: getattr(_PANEL_LOOK, f.name) for f in fields(_PANEL_LOOK)}
    return replace(_PANEL_LOOK, **{k: values[k] * scale for k in _SCALED})


def _description(spec: MapSpec, width: float, lk: Look) -> str:
    """The years' description wrapped to ``width`` inches, at most ``lk.describe_lines`` lines."""
    lines = _description_lines(years_sentences(spec), width, lk.legend, lk.describe_lines)
    return "\n".join(lines)


def _said_height(width: float, said: str, lk: Look) -> float:
    """The room the description takes, with the spacing a single map's description has."""
    if not said:
        return 0.0
    height = _measured_height(width, said, lk.legend, bold=False)
    return height + lk.title * 0.2 / 72 + lk.legend * 0.5 / 72


def _measured_height(width: float, body: str, size: float, *, bold: bool = True) -> float:
    """Height in inches of ``body`` at ``size`` points: the page title (bold) or the description."""
    scratch = Figure(figsize=(width, 2.0), dpi=_MEASURE_DPI)
    FigureCanvasAgg(scratch)
    how = {"weight": "bold"} if bold else {"linespacing": _LINESPACING}
    t = scratch.text(0, 1, plain(body), fontsize=size, va="top", **how)
    return t.get_window_extent(figure_renderer(scratch)).height / scratch.dpi
