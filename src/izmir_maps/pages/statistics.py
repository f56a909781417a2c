"""The spatial statistics page: Moran's I, LISA cluster maps and the ranking table."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files

import geopandas as gpd
import numpy as np
import pandas as pd
from libpysal.weights import W, lag_spatial
from markupsafe import Markup

from izmir_maps.data.history import BoundaryView, new_districts
from izmir_maps.data.registry import indicator, indicator_ids
from izmir_maps.downloads import Column, DownloadTable, page_table, shown_number
from izmir_maps.pages._html import render, table_html
from izmir_maps.pages.compare import MULTIPLES
from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.boundary import caveats_of_2008_data, display_names, view_note, view_title
from izmir_maps.stats.moran import (
    ALPHA,
    LISA_COLORS,
    PERMUTATIONS,
    SEED,
    lisa,
    lisa_label,
    weights_note,
)
from izmir_maps.stats.ranking import ranking_table
from izmir_maps.stats.views import lisa_in_view, moran_by_view, stats_view, view_weights
from izmir_maps.stats.weights import subset_weights
from izmir_maps.text.names import slugify, turkish_sort_key
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = [
    "LINKED_INDICATOR",
    "LISA_INDICATORS",
    "STATS_DOWNLOADS",
    "moran_download",
    "moran_points",
    "ranking_download",
    "render_stats_page",
]

#: Indicators that get a LISA cluster map on the page.
LISA_INDICATORS = MULTIPLES
#: The indicator of the linked view (Moran scatterplot, ranking chart and LISA map).
LINKED_INDICATOR = "employees"
#: Where the atlas writes the page's tables as shown (CSV for Excel, XLSX), from the page.
STATS_DOWNLOADS = {
    "moran": {"csv": "data/stats/moran.csv", "xlsx": "data/stats/moran.xlsx"},
    "ranking": {"csv": "data/stats/ranking.csv", "xlsx": "data/stats/ranking.xlsx"},
}


def render_stats_page(
    table: gpd.GeoDataFrame,
    *,
    lang: Lang = "tr",
    home: str = "index.html",
    ranking_csv: str = "data/ranking.csv",
    lisa_ids: Sequence[str] = LISA_INDICATORS,
    boundaries: BoundaryView | None = None,
    downloads: Mapping[str, Mapping[str, str]] | None = None,
    linked_id: str | None = LINKED_INDICATOR,
) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """The statistics page, the Moran table and the ranking table (for CSV download).

    Parameters
    ----------
    table
        The district table of today's 30 districts (ranking, LISA maps).
    boundaries
        ``None``: Moran's I and LISA of 2008 data on the 2008 view (Bayraklı
        inside Karşıyaka, Karabağlar inside Konak; see
        :mod:`izmir_maps.stats.views`), the rest on the 30 districts;
        ``"current"`` or ``"2008"`` to use one view for all.
    downloads
        Table ("moran", "ranking") → format → link of the table's files as
        shown ("Veriyi indir: CSV · XLSX" beside each table; see
        :func:`moran_download`, :func:`ranking_download`); by default
        :data:`STATS_DOWNLOADS`, ``{}`` for none.
    linked_id
        Indicator of the linked view: its Moran scatterplot, ranking chart and
        LISA map, where hovering, clicking or focusing a district highlights it
        in all of them and in every map of the page (``assets/linked.js``);
        ``None`` for none.

    Returns
    -------
    html : str
        The complete page.
    morans : pandas.DataFrame
        One row per indicator: id, labels, n, I, EI, z, p_sim, boundaries.
    ranking : pandas.DataFrame
        Every district with each indicator's value, share and rank.
    """
    ids = list(dict.fromkeys(lisa_ids))
    morans = moran_by_view(ids, boundaries=boundaries)
    views = {ind_id: stats_view(ind_id, boundaries) for ind_id in ids}
    ranking = ranking_table(table, lang=lang)
    html = render(
        "statistics.html",
        lang=lang,
        title=text("stats_title", lang),
        home=home,
        sortable=True,
        weights_note=weights_note(lang),
        moran_table=_moran_html(morans, lang),
        boundary_note=view_note(lang).text if "2008" in views.values() else None,
        permutations=PERMUTATIONS,
        seed=SEED,
        alpha=format_number(ALPHA, lang, 2),
        legend=[(color, lisa_label(cls, lang)) for cls, color in LISA_COLORS.items()],
        cards=[_lisa_card(table, ind_id, lang, views[ind_id]) for ind_id in lisa_ids],
        ranking_csv=ranking_csv,
        downloads={
            table: [
                (fmt.upper(), href, text(f"table_dl_{fmt}_hint", lang))
                for fmt, href in files.items()
            ]
            for table, files in (STATS_DOWNLOADS if downloads is None else downloads).items()
        },
        ranking_table=_ranking_html(ranking, lang),
        ranking_note=text("boundary_ranking_note", lang),
        linked=None
        if linked_id is None
        else _linked_view(table, linked_id, lang, stats_view(linked_id, boundaries)),
        linked_js=Markup(_asset("linked.js")),
    )
    return html, morans, ranking


def _asset(name: str) -> str:
    return (files("izmir_maps.pages") / "assets" / name).read_text(encoding="utf-8")


def _moran_html(morans: pd.DataFrame, lang: Lang) -> str:
    rows, sort = [], []
    for _, m in morans.iterrows():
        label = view_title(m[f"label_{lang}"], m["boundaries"], lang)
        verdict = _verdict(m["I"], m["p_sim"], lang)
        rows.append(
            [
                label,
                str(int(m["n"])),
                _num(m["I"], lang, 3),
                _num(m["EI"], lang, 3),
                _num(m["z"], lang, 2),
                _num(m["p_sim"], lang, 3),
                verdict,
            ]
        )
        sort.append([label, m["n"], m["I"], m["EI"], m["z"], m["p_sim"], verdict])
    header = [
        text("page_indicator", lang),
        "n",
        "I",
        "E[I]",
        "z",
        text("stats_p", lang),
        text("stats_reading", lang),
    ]
    return table_html(
        header,
        rows,
        numeric=[False, True, True, True, True, True, False],
        sort_values=sort,
        sortable=True,
    )


def _lisa_card(
    table: gpd.GeoDataFrame, ind_id: str, lang: Lang, view: BoundaryView
) -> dict[str, object]:
    """A LISA map; in the 2008 view each new district is drawn in its parent's class."""
    slugs = {p: slugify(n) for p, n in zip(table["pcode"], table["district"], strict=True)}
    if view == "2008":
        result, table = lisa_in_view(ind_id, boundaries=view)
        table = display_names(table, view, lang)
    else:
        result = lisa(table, ind_id)
    quadrant = dict(result.quadrant)
    names = dict(zip(table["pcode"], table["district"], strict=True))
    clusters = _clusters_text(quadrant, names, lang)  # the view's own units, before the copy
    if view == "2008":
        for child, parent in new_districts().items():
            quadrant[child], names[child] = quadrant[parent], names[parent]
    fills = {p: LISA_COLORS[q] for p, q in quadrant.items()}
    titles = {p: f"{names[p]}: {lisa_label(q, lang)}" for p, q in quadrant.items()}
    title = view_title(indicator(ind_id).title(lang), view, lang)
    if view == "2008":  # a new district links as the unit it is counted in
        slugs.update({c: slugs[p] for c, p in new_districts().items() if p in slugs})
    return {
        "title": title,
        "map": svg_map(fills, titles=titles, width=300, label=title, districts=slugs),
        "reason": None if result.computable else result.reason,
        "clusters": clusters if result.computable else None,
    }


#: Letters in the order of the Turkish alphabet (â, î, û sort with a, i, u).
def _clusters_text(
    quadrant: dict[str, str], names: dict[str, str], lang: Lang
) -> list[tuple[str, str]]:
    """The significant LISA classes as text: (label, districts in Turkish order), map order."""
    out = []
    for cls in LISA_COLORS:
        members = sorted((names[p] for p, q in quadrant.items() if q == cls), key=turkish_sort_key)
        if cls not in {"ns", "nodata"} and members:
            out.append((lisa_label(cls, lang), ", ".join(members)))
    return out


def _num(value: float, lang: Lang, decimals: int) -> str:
    return "–" if pd.isna(value) else format_number(float(value), lang, decimals)


def _verdict(i: float, p: float, lang: Lang) -> str:
    if pd.isna(i):
        return text("stats_not_computable", lang)
    if p >= ALPHA:
        return text("stats_no_clustering", lang)
    return text("stats_similar" if i > 0 else "stats_differ", lang)


def _ranking_html(ranking: pd.DataFrame, lang: Lang) -> str:
    columns = [c for c in ranking.columns if c != "pcode"]
    header = [str(ranking.attrs.get("labels", {}).get(c, c)) for c in columns]
    known = set(indicator_ids())
    changed = caveats_of_2008_data(lang)
    rows, sort = [], []
    for _, r in ranking.iterrows():
        cells = [_ranking_cell(c, r[c], known, lang) for c in columns]
        if changed.line(r["pcode"]) and "district" in columns:  # its 2008 figures mislead
            cells[columns.index("district")] = f"{r['district']} †"
        rows.append(cells)
        sort.append(["" if pd.isna(r[c]) else r[c] for c in columns])
    numeric = [c != "district" for c in columns]
    return table_html(header, rows, numeric=numeric, sort_values=sort, sortable=True)


def _ranking_cell(column: str, value: object, known: set[str], lang: Lang) -> object:
    if column == "district":
        return value
    if column.endswith("_rank"):
        return "–" if pd.isna(value) else str(int(value))
    if column.endswith("_share"):
        return "–" if pd.isna(value) else format_number(float(value), lang, 2)
    return indicator(column).format(value, lang) if column in known else str(value)


def moran_download(morans: pd.DataFrame, lang: Lang = "tr") -> DownloadTable:
    """The Moran's I table as the page shows it, for CSV and XLSX (stem ``moran``).

    Parameters
    ----------
    morans
        The table :func:`render_stats_page` returns.
    lang
        Language of headers, labels and readings.
    """
    rows = [
        (
            view_title(m[f"label_{lang}"], m["boundaries"], lang),
            int(m["n"]),
            shown_number(m["I"], 3),
            shown_number(m["EI"], 3),
            shown_number(m["z"], 2),
            shown_number(m["p_sim"], 3),
            _verdict(m["I"], m["p_sim"], lang),
        )
        for _, m in morans.iterrows()
    ]
    columns = (
        Column("indicator", text("page_indicator", lang)),
        Column("n", "n", 0),
        Column("I", "I", 3),
        Column("EI", "E[I]", 3),
        Column("z", "z", 2),
        Column("p_sim", text("stats_p", lang), 3),
        Column("reading", text("stats_reading", lang)),
    )
    notes = [weights_note(lang), text("stats_permutations", lang, **_permutation_words(lang))]
    return page_table("moran", lang, columns, rows, title=text("stats_moran", lang), sources=notes)


def ranking_download(ranking: pd.DataFrame, lang: Lang = "tr") -> DownloadTable:
    """The ranking table as the page shows it, for CSV and XLSX (stem ``ranking``).

    Values rounded as the page writes them, shares in % with two decimals,
    ranks as whole numbers; where the page marks a district †, the last column
    says why (the 2008 boundary change).
    """
    names = [c for c in ranking.columns if c != "pcode"]
    labels = ranking.attrs.get("labels", {})
    known = set(indicator_ids())
    columns = [Column(c, str(labels.get(c, c)), _ranking_decimals(c, known)) for c in names]
    columns.append(Column("note", text("table_dl_note", lang)))
    changed = caveats_of_2008_data(lang)
    rows = []
    for _, r in ranking.iterrows():
        cells: list[object] = []
        for column in columns[:-1]:
            value = r[column.key]
            if column.decimals is None:
                cells.append(value)
            elif column.key.endswith("_rank"):
                cells.append(None if pd.isna(value) else int(value))
            else:
                cells.append(shown_number(value, column.decimals))
        rows.append((*cells, changed.line(r["pcode"]) or ""))
    return page_table("ranking", lang, columns, rows, title=text("stats_ranking", lang))


def _ranking_decimals(column: str, known: set[str]) -> int | None:
    """Decimals the page writes in ``column`` of the ranking table (``None``: text)."""
    if column.endswith("_rank"):
        return 0
    if column.endswith("_share"):
        return 2
    return indicator(column).decimals if column in known else None


def _permutation_words(lang: Lang) -> dict[str, object]:
    return {"permutations": PERMUTATIONS, "seed": SEED, "alpha": format_number(ALPHA, lang, 2)}


# --- linked views: Moran scatterplot, ranking chart and map of one indicator ------------------

_PLOT = 280  # side of the scatterplot's plotting square, px
_LEFT, _TOP, _BOTTOM = 40, 20, 40  # its margins: tick labels, quadrant names, axis title
_ROW, _NAME_W, _BAR_W = 15, 150, 120  # the ranking chart: row height, name column, longest bar


@dataclass(frozen=True)
class _Unit:
    """One district (or 2008 unit) of the linked view, every shown text made here."""

    slug: str
    name: str
    quadrant: str
    value: float
    z: float
    lag: float
    rank: int
    shown: str  # the value as the page writes it
    say: str  # accessible name: name, value, rank, LISA class


def moran_points(table: pd.DataFrame, indicator_id: str, weights: W) -> tuple[pd.DataFrame, float]:
    """Standardised values and their spatial lag (the Moran scatterplot), and its slope.

    The same standardisation as :class:`esda.Moran_Local` (mean 0, population
    standard deviation 1) and row-standardised weights, so a point's quadrant is
    the LISA class's quadrant and the slope of the line through the origin is
    the global Moran's I. Districts without a value are left out, the weights
    cut to the rest as :func:`izmir_maps.stats.moran.lisa` does.

    Parameters
    ----------
    table
        District table with ``pcode`` and the indicator's column.
    indicator_id
        Column to plot.
    weights
        Contiguity weights of the table's districts (a copy is changed).

    Returns
    -------
    points : pandas.DataFrame
        Indexed by P-code: ``value``, ``z``, ``lag``.
    slope : float
        Least-squares slope through the origin (Moran's I).
    """
    values = pd.to_numeric(table.set_index("pcode")[indicator_id], errors="coerce")
    present = values[np.isfinite(values.to_numpy(dtype=float))]
    w = copy.deepcopy(weights)
    if len(present) == len(values) and not w.islands:
        w.transform = "r"
    else:
        w, _ = subset_weights(w, [p for p in w.id_order if p in present.index], table)
    y = present.loc[w.id_order].to_numpy(dtype=float)
    z = (y - y.mean()) / y.std()
    lag = lag_spatial(w, z)
    points = pd.DataFrame({"value": y, "z": z, "lag": lag}, index=pd.Index(w.id_order))
    return points, float((z * lag).sum() / (z * z).sum())


def _linked_view(
    table: gpd.GeoDataFrame, ind_id: str, lang: Lang, view: BoundaryView
) -> dict[str, object] | None:
    """The three linked figures of ``ind_id``, or ``None`` where LISA is not computable."""
    result, vtable = lisa_in_view(ind_id, boundaries=view)
    if not result.computable:
        return None
    points, slope = moran_points(vtable, ind_id, view_weights(view))
    slugs = {p: slugify(n) for p, n in zip(table["pcode"], table["district"], strict=True)}
    names = dict(zip(vtable["pcode"], display_names(vtable, view, lang)["district"], strict=True))
    units = _units(points, result.quadrant, slugs, names, ind_id, lang)
    title = view_title(indicator(ind_id).title(lang), view, lang)
    by_pcode = {p: u for p, u in zip(points.index, units, strict=True)}
    if view == "2008":  # each new district is drawn, and linked, as its parent
        by_pcode.update({c: by_pcode[p] for c, p in new_districts().items() if p in by_pcode})
    slope_text = format_number(slope, lang, 3)
    return {
        "title": title,
        "scatter": _scatter_svg(
            units, slope, text("linked_scatter_label", lang, title=title, i=slope_text), lang
        ),
        "bars": _bars_svg(units, text("linked_ranking_label", lang, title=title)),
        "map": svg_map(
            {p: LISA_COLORS[u.quadrant] for p, u in by_pcode.items()},
            titles={p: u.say for p, u in by_pcode.items()},
            width=300,
            label=title,
            css_class="izmap linked-map",
            districts={p: u.slug for p, u in by_pcode.items()},
        ),
        "slope": slope_text,
    }


def _units(
    points: pd.DataFrame,
    quadrant: pd.Series,
    slugs: Mapping[str, str],
    names: Mapping[str, str],
    ind_id: str,
    lang: Lang,
) -> list[_Unit]:
    ind = indicator(ind_id)
    ranks = points["value"].rank(ascending=False, method="min").astype(int)
    n = len(points)
    out = []
    for pcode, row in points.iterrows():
        shown = ind.format(row["value"], lang)
        rank = text("rank_of", lang, rank=int(ranks[pcode]), of=n)
        label = lisa_label(quadrant[pcode], lang)
        say = text("linked_mark", lang, district=names[pcode], value=shown, rank=rank, lisa=label)
        out.append(
            _Unit(
                slugs[pcode],
                names[pcode],
                quadrant[pcode],
                float(row["value"]),
                float(row["z"]),
                float(row["lag"]),
                int(ranks[pcode]),
                shown,
                say,
            )
        )
    return out


def _mark_attrs(unit: _Unit) -> str:
    """What makes a mark linkable and reachable by keyboard: slug, focus, role, name."""
    return (
        f'data-district="{escape(unit.slug)}" data-lisa="{unit.quadrant}" tabindex="0" '
        f'role="button" aria-pressed="false" aria-label="{escape(unit.say)}"'
    )


def _scatter_svg(units: Sequence[_Unit], slope: float, label: str, lang: Lang) -> Markup:
    """The Moran scatterplot: value (standardised) against the neighbours' mean, by LISA class."""
    xlim = max(1, math.ceil(max(abs(u.z) for u in units) * 1.05))
    ylim = max(1, math.ceil(max(abs(u.lag) for u in units) * 1.05))
    width, height = _LEFT + _PLOT + 10, _TOP + _PLOT + _BOTTOM

    def sx(v: float) -> float:
        return round(_LEFT + (v + xlim) / (2 * xlim) * _PLOT, 1)

    def sy(v: float) -> float:
        return round(_TOP + (ylim - v) / (2 * ylim) * _PLOT, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scatter" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-label="{escape(label)}">',
        f'<rect x="{_LEFT}" y="{_TOP}" width="{_PLOT}" height="{_PLOT}" fill="#fff" '
        'stroke="#8a939e"/>',
        f'<path d="M{sx(0)} {_TOP}V{_TOP + _PLOT}M{_LEFT} {sy(0)}H{_LEFT + _PLOT}" '
        'stroke="#8a939e" stroke-dasharray="3 3"/>',
    ]
    for v in range(-xlim, xlim + 1):
        parts.append(
            f'<text x="{sx(v)}" y="{_TOP + _PLOT + 13}" text-anchor="middle">'
            f"{format_number(v, lang)}</text>"
        )
    for v in range(-ylim, ylim + 1):
        parts.append(
            f'<text x="{_LEFT - 4}" y="{sy(v) + 4}" text-anchor="end">'
            f"{format_number(v, lang)}</text>"
        )
    parts += _quadrant_names(lang)
    parts.append(_slope_line(slope, xlim, ylim, sx, sy))
    parts += [
        f'<text x="{_LEFT + _PLOT / 2}" y="{height - 6}" text-anchor="middle">'
        f"{escape(text('linked_scatter_x', lang))}</text>",
        f'<text transform="translate(11 {_TOP + _PLOT / 2}) rotate(-90)" text-anchor="middle">'
        f"{escape(text('linked_scatter_y', lang))}</text>",
    ]
    for u in sorted(units, key=lambda u: turkish_sort_key(u.name)):
        parts.append(
            f'<circle class="mark" cx="{sx(u.z)}" cy="{sy(u.lag)}" r="5" '
            f'fill="{LISA_COLORS[u.quadrant]}" stroke="#333" stroke-width="0.8" '
            f"{_mark_attrs(u)}><title>{escape(u.say)}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # every text above is escaped or a formatted number


def _quadrant_names(lang: Lang) -> list[str]:
    """The four quadrants named in their corners (high value / high neighbours at top right)."""
    corners = (("LH", _LEFT + 4, "start"), ("HH", _LEFT + _PLOT - 4, "end"))
    top = [
        f'<text class="quad" x="{x}" y="{_TOP - 6}" text-anchor="{a}">'
        f"{escape(lisa_label(q, lang))}</text>"
        for q, x, a in corners
    ]
    bottom = [
        f'<text class="quad" x="{x}" y="{_TOP + _PLOT - 5}" text-anchor="{a}">'
        f"{escape(lisa_label(q, lang))}</text>"
        for q, x, a in (("LL", _LEFT + 4, "start"), ("HL", _LEFT + _PLOT - 4, "end"))
    ]
    return top + bottom


def _slope_line(slope: float, xlim: int, ylim: int, sx, sy) -> str:
    """The line through the origin with slope Moran's I, cut to the plot."""
    reach = xlim if slope == 0 else min(xlim, ylim / abs(slope))
    return (
        f'<path d="M{sx(-reach)} {sy(-reach * slope)}L{sx(reach)} {sy(reach * slope)}" '
        'stroke="#5f6b7a" stroke-width="1.2" pointer-events="none"/>'
    )


def _bars_svg(units: Sequence[_Unit], label: str) -> Markup:
    """The ranking chart: one bar per district, longest first, coloured by LISA class."""
    ordered = sorted(units, key=lambda u: (u.rank, turkish_sort_key(u.name)))
    top = max((u.value for u in units), default=0) or 1
    width, height = _NAME_W + _BAR_W + 90, len(ordered) * _ROW + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rankbars" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-label="{escape(label)}">'
    ]
    for i, u in enumerate(ordered):
        y = 2 + i * _ROW
        length = round(max(u.value, 0) / top * _BAR_W, 1)
        parts.append(
            f'<g class="mark" {_mark_attrs(u)}><title>{escape(u.say)}</title>'
            f'<rect class="band" x="0" y="{y}" width="{width}" height="{_ROW}"/>'
            f'<text x="{_NAME_W - 6}" y="{y + 11}" text-anchor="end">{escape(u.name)}</text>'
            f'<rect class="bar" x="{_NAME_W}" y="{y + 2}" width="{length}" height="{_ROW - 4}" '
            f'fill="{LISA_COLORS[u.quadrant]}" stroke="#555" stroke-width="0.6"/>'
            f'<text x="{_NAME_W + length + 4}" y="{y + 11}">{escape(u.shown)}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
