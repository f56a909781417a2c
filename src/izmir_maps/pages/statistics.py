"""The spatial statistics page: Moran's I, LISA cluster maps and the ranking table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import pandas as pd

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
from izmir_maps.stats.views import lisa_in_view, moran_by_view, stats_view
from izmir_maps.text.names import turkish_sort_key
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = [
    "LISA_INDICATORS",
    "STATS_DOWNLOADS",
    "moran_download",
    "ranking_download",
    "render_stats_page",
]

#: Indicators that get a LISA cluster map on the page.
LISA_INDICATORS = MULTIPLES
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
    )
    return html, morans, ranking


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
    return {
        "title": title,
        "map": svg_map(fills, titles=titles, width=300, label=title),
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
