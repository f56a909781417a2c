"""Small multiples for print: several indicators as a grid of same-sized static maps."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from izmir_maps.data.grid import Layout
from izmir_maps.spec.legend import HatchSection
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.style import BOUNDARY_CHANGE_COLOR, FONT_FAMILY
from izmir_maps.static._layers import BOUNDARY_HATCH
from izmir_maps.static._legend import hatch_patch
from izmir_maps.static.render import render_static
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["render_small_multiples_static"]


def render_small_multiples_static(
    indicator_ids: Sequence[str],
    *,
    lang: Lang = "tr",
    columns: int = 3,
    panel_inches: float = 2.6,
    layout: Layout = "map",
) -> Figure:
    """A grid of same-sized choropleths, one per indicator, each with its own legend.

    Parameters
    ----------
    indicator_ids
        Registry ids, in reading order.
    lang
        Language of titles and legends.
    columns
        Panels per row.
    panel_inches
        Width of one panel.
    layout
        ``"map"`` (the real districts, unnamed in panels this small) or
        ``"grid"`` (equal hexagons, every district named in its hexagon).

    Examples
    --------
    >>> fig = render_small_multiples_static(["employees", "firms"], columns=2)
    >>> len([ax for ax in fig.axes if ax.get_title(loc="left")])
    2
    """
    rows = math.ceil(len(indicator_ids) / columns)
    with mpl.rc_context({"font.family": FONT_FAMILY, "svg.hashsalt": "izmir-maps"}):
        fig = Figure(figsize=(columns * panel_inches, rows * panel_inches * 1.25 + 0.4))
        grid = fig.add_gridspec(
            rows, columns, hspace=0.45, wspace=0.08, left=0.02, right=0.98, top=0.95, bottom=0.06
        )
        for i, ind_id in enumerate(indicator_ids):
            ax = fig.add_subplot(grid[i // columns, i % columns])
            spec = choropleth_spec(ind_id, lang=lang, layer="detailed", layout=layout)
            render_static(spec, ax=ax, labels=layout == "grid", size="half")
            title = spec.title  # says "2008 sınırları" where the 2008 view is drawn
            ax.set_title("\n".join(textwrap.wrap(title, 44)), loc="left", fontsize=6.5)
            items = spec.classification.legend_items(spec.indicator, lang)  # type: ignore[union-attr]
            handles = [
                Patch(facecolor=c, edgecolor="#777777", linewidth=0.3, label=label)
                for c, label, _ in items
            ]
            changed = spec.legend.section(HatchSection, "boundary")
            if changed is not None:
                handles.append(
                    hatch_patch(BOUNDARY_HATCH, BOUNDARY_CHANGE_COLOR, text("boundary_tip", lang))
                )
            ax.legend(
                handles=handles,
                loc="upper left",
                bbox_to_anchor=(0, -0.01),
                ncol=2,
                fontsize=5,
                frameon=False,
                handlelength=1.2,
                columnspacing=0.8,
            )
        fig.text(
            0.02,
            0.01,
            f"{text('source', lang)}: İZKA, SGK 2008; TÜİK ADNKS 2021. "
            f"{text('boundaries_attribution', lang)}",
            fontsize=5,
            color="#555555",
        )
    return fig
