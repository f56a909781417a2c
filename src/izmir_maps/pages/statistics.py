"""The spatial statistics page: Moran's I, LISA cluster maps and the ranking table."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from izmir_maps.data.registry import indicator, indicator_ids
from izmir_maps.pages._html import render, table_html
from izmir_maps.pages.compare import MULTIPLES
from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.stats.moran import (
    ALPHA,
    LISA_COLORS,
    PERMUTATIONS,
    SEED,
    lisa,
    lisa_label,
    moran_all,
    weights_note,
)
from izmir_maps.stats.ranking import ranking_table
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = ["LISA_INDICATORS", "render_stats_page"]

#: Indicators that get a LISA cluster map on the page.
LISA_INDICATORS = MULTIPLES


def render_stats_page(
    table: gpd.GeoDataFrame,
    *,
    lang: Lang = "tr",
    home: str = "index.html",
    ranking_csv: str = "data/ranking.csv",
    lisa_ids: Sequence[str] = LISA_INDICATORS,
) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """The statistics page, the Moran table and the ranking table (for CSV download).

    Returns
    -------
    html : str
        The complete page.
    morans : pandas.DataFrame
        One row per indicator: id, labels, n, I, EI, z, p_sim.
    ranking : pandas.DataFrame
        Every district with each indicator's value, share and rank.
    """
    morans = moran_all(table, list(dict.fromkeys(lisa_ids)))
    ranking = ranking_table(table, lang=lang)
    html = render(
        "statistics.html",
        lang=lang,
        title=text("stats_title", lang),
        home=home,
        sortable=True,
        weights_note=weights_note(lang),
        moran_table=_moran_html(morans, lang),
        permutations=PERMUTATIONS,
        seed=SEED,
        alpha=format_number(ALPHA, lang, 2),
        legend=[(color, lisa_label(cls, lang)) for cls, color in LISA_COLORS.items()],
        cards=[_lisa_card(table, ind_id, lang) for ind_id in lisa_ids],
        ranking_csv=ranking_csv,
        ranking_table=_ranking_html(ranking, lang),
        attribution=ATTRIBUTION,
    )
    return html, morans, ranking


def _moran_html(morans: pd.DataFrame, lang: Lang) -> str:
    rows, sort = [], []
    for _, m in morans.iterrows():
        label = m[f"label_{lang}"]
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


def _lisa_card(table: gpd.GeoDataFrame, ind_id: str, lang: Lang) -> dict[str, object]:
    result = lisa(table, ind_id)
    ind = indicator(ind_id)
    fills = {p: LISA_COLORS[q] for p, q in result.quadrant.items()}
    titles = {
        p: f"{d}: {lisa_label(result.quadrant[p], lang)}"
        for p, d in zip(table["pcode"], table["district"], strict=True)
    }
    return {
        "title": ind.title(lang),
        "map": svg_map(fills, titles=titles, width=300, label=ind.title(lang)),
        "reason": None if result.computable else result.reason,
    }


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
    rows, sort = [], []
    for _, r in ranking.iterrows():
        rows.append([_ranking_cell(c, r[c], known, lang) for c in columns])
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
