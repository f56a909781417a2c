"""The square two-way legend of a bivariate print map (a helper of :mod:`static._legend`).

Drawn from the legend plan's :class:`~izmir_maps.spec.legend.TwoWaySection`
alone: its axis titles, class words, class ranges, colours and counts. The
3 × 3 swatches have the y axis' high class at the top; each row is named on
its right ("yüksek 73.493.224 – 2.950.799.884"), each column below the square
by a line that steps down from it, so the longer x ranges never collide::

    ↑ İhracat (ABD $)
    ▇▇▇  yüksek …
    ▇▇▇  orta …
    ▇▇▇  düşük …
    │││
    ││└ yüksek …
    │└─ orta …
    └── düşük …
    Çalışan sayısı … →
"""

from __future__ import annotations

from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from izmir_maps.spec.legend import TwoWaySection
from izmir_maps.static._labels import figure_renderer, plain

__all__ = ["draw_two_way", "two_way_lines", "two_way_width"]

_TEXT = "#1a1a1a"
_EDGE = "#8c8c8c"
_LEADER = "#555555"
_CELL_EM = 2.6  # a swatch's side, in legend font sizes
_GAP_EM = 0.6  # between the square and the row names
_LINE = 1.35  # line height, in font sizes


def two_way_lines(section: TwoWaySection) -> tuple[list[str], list[str]]:
    """The row names (y, high first) and column names (x, high first) as printed.

    Examples
    --------
    >>> s = TwoWaySection("x", "y", ("1", "2", "3"), ("4", "5", "6"), (("#fff",) * 3,) * 3,
    ...                   ((0, 0, 0),) * 3, ("low", "mid", "high"))
    >>> two_way_lines(s)
    (['high 6', 'mid 5', 'low 4'], ['high 3', 'mid 2', 'low 1'])
    """
    rows = [f"{section.levels[j]} {section.y_labels[j]}" for j in (2, 1, 0)]
    cols = [f"{section.levels[i]} {section.x_labels[i]}" for i in (2, 1, 0)]
    return rows, cols


def two_way_width(section: TwoWaySection, size: float) -> float:
    """Width in inches of the square and the longest row or column name beside it."""
    from izmir_maps.static._legend import text_width

    rows, cols = two_way_lines(section)
    em = size / 72
    return (_CELL_EM * 3 + _GAP_EM) * em + max(text_width(t, size) for t in (*rows, *cols))


def draw_two_way(
    fig: Figure,
    section: TwoWaySection,
    *,
    x: float,
    top: float,
    size: float,
    titles: tuple[list[str], list[str]],
    counts: bool,
) -> float:
    """Draw the two-way legend with its top-left corner at (``x``, ``top``) inches.

    Parameters
    ----------
    fig
        The page.
    section
        What the legend says.
    size
        Font size, points.
    titles
        The y axis' title and the x axis' title, each already wrapped into lines.
    counts
        Write each cell's number of districts in it.

    Returns
    -------
    float
        The height taken, inches.
    """
    em = size / 72
    line = _LINE * em
    cell = _CELL_EM * em
    y_title, x_title = titles
    y = top - _text(fig, x, top, "\n".join(["↑ " + y_title[0], *y_title[1:]]), size, "bold")
    y -= 0.3 * em
    rows, cols = two_way_lines(section)
    for r, j in enumerate((2, 1, 0)):  # the y axis' high class at the top
        row_top = y - r * cell
        for i in range(3):
            _cell(fig, section, i, j, x + i * cell, row_top - cell, cell, size if counts else 0)
        _text(fig, x + 3 * cell + _GAP_EM * em, row_top - cell / 2, rows[r], size, va="center")
    y -= 3 * cell
    for step, i in enumerate((2, 1, 0)):  # the high column's name first, right under the square
        bottom = y - (step + 1) * line + line / 2
        cx = x + (i + 0.5) * cell
        fig.add_artist(
            Line2D(
                [cx, cx, cx + (2.5 - i) * cell + _GAP_EM * em * 0.6],
                [y, bottom, bottom],
                transform=fig.dpi_scale_trans,
                color=_LEADER,
                linewidth=0.5,
                gid="two-way-leader",
            )
        )
        _text(fig, x + 3 * cell + _GAP_EM * em, bottom, cols[step], size, va="center")
    y -= 3 * line + 0.25 * em
    y -= _text(fig, x, y, "\n".join([*x_title[:-1], x_title[-1] + " →"]), size, "bold")
    return top - y


def _cell(
    fig: Figure,
    section: TwoWaySection,
    i: int,
    j: int,
    left: float,
    bottom: float,
    side: float,
    count_size: float,
) -> None:
    colour = section.colors[i][j]
    fig.add_artist(
        Rectangle(
            (left, bottom),
            side,
            side,
            transform=fig.dpi_scale_trans,
            facecolor=colour,
            edgecolor=_EDGE,
            linewidth=0.3,
            gid=f"two-way-{i}-{j}",
        )
    )
    if count_size:
        dark = sum(to_rgb(colour)) / 3 < 0.55  # white figures on the dark cells
        fig.text(
            (left + side / 2) / fig.get_size_inches()[0],
            (bottom + side / 2) / fig.get_size_inches()[1],
            str(section.counts[i][j]),
            fontsize=count_size * 0.85,
            color="white" if dark else _TEXT,
            ha="center",
            va="center",
            gid="two-way-count",
        )


def _text(
    fig: Figure,
    x: float,
    y: float,
    body: str,
    size: float,
    weight: str = "normal",
    va: str = "top",
) -> float:
    """A text at (``x``, ``y``) inches; returns its height in inches."""
    pw, ph = fig.get_size_inches()
    t = fig.text(
        x / pw,
        y / ph,
        plain(body),
        fontsize=size,
        weight=weight,
        color=_TEXT,
        ha="left",
        va=va,
        linespacing=1.25,
        gid="two-way",
    )
    return t.get_window_extent(figure_renderer(fig)).height / fig.dpi
