"""The spatial statistics page: Moran's I, LISA cluster maps and the ranking table."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from izmir_maps.data.registry import indicator
from izmir_maps.pages._html import esc, page, table_html
from izmir_maps.pages._svgmap import svg_map
from izmir_maps.pages.compare import MULTIPLES
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.stats.spatial import (
    ALPHA,
    LISA_COLORS,
    LISA_LABELS,
    PERMUTATIONS,
    SEED,
    WEIGHTS_NOTE_EN,
    WEIGHTS_NOTE_TR,
    lisa,
    moran_all,
    ranking_table,
)
from izmir_maps.text.numbers import Lang, format_number

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
    tr = lang == "tr"
    ids = list(dict.fromkeys([*lisa_ids]))
    morans = moran_all(table, ids)
    title = "Mekânsal istatistikler" if tr else "Spatial statistics"
    body = [
        f"<h1>{esc(title)}</h1>",
        f"<p class='lead'>{esc(WEIGHTS_NOTE_TR if tr else WEIGHTS_NOTE_EN)}</p>",
    ]
    body.append("<h2>" + ("Küresel Moran's I" if tr else "Global Moran's I") + "</h2>")
    rows, sort = [], []
    for _, m in morans.iterrows():
        label = m["label_tr"] if tr else m["label_en"]
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
        "Gösterge" if tr else "Indicator",
        "n",
        "I",
        "E[I]",
        "z",
        "p (permütasyon)" if tr else "p (permutation)",
        "Yorum" if tr else "Reading",
    ]
    body.append(
        table_html(
            header,
            rows,
            numeric=[False, True, True, True, True, True, False],
            sort_values=sort,
            sortable=True,
        )
    )
    body.append(
        "<p class='muted'>"
        + esc(
            f"{PERMUTATIONS} permütasyon, tohum {SEED}, anlamlılık düzeyi {format_number(ALPHA, 'tr', 2)}."
            if tr
            else f"{PERMUTATIONS} permutations, seed {SEED}, significance level {ALPHA}."
        )
        + "</p>"
    )
    body.append("<h2>" + ("LISA küme haritaları" if tr else "LISA cluster maps") + "</h2>")
    body.append(_lisa_legend(lang))
    cards = []
    for ind_id in lisa_ids:
        result = lisa(table, ind_id)
        ind = indicator(ind_id)
        fills = {p: LISA_COLORS[q] for p, q in result.quadrant.items()}
        titles = {
            p: f"{d}: {LISA_LABELS[result.quadrant[p]][0 if tr else 1]}"
            for p, d in zip(table["pcode"], table["district"], strict=True)
        }
        note = "" if result.computable else f"<p class='muted'>{esc(result.reason)}</p>"
        cards.append(
            f"<div class='card'><h3>{esc(ind.title(lang))}</h3>"
            + svg_map(fills, titles=titles, width=300, label=ind.title(lang))
            + note
            + "</div>"
        )
    body.append(f"<div class='grid'>{''.join(cards)}</div>")
    ranking = ranking_table(table, lang=lang)
    body.append("<h2>" + ("Sıralama tablosu" if tr else "Ranking table") + "</h2>")
    body.append(
        "<p>"
        + ("Sütun başlığına tıklayarak sıralayın. " if tr else "Click a column header to sort. ")
        + f"<a href='{esc(ranking_csv)}' download>"
        + ("CSV olarak indir" if tr else "Download as CSV")
        + "</a></p>"
    )
    body.append("<div class='scroll'>" + _ranking_html(ranking, lang) + "</div>")
    body.append(f"<div class='sources'>{esc(ATTRIBUTION)}</div>")
    return page(title, "\n".join(body), lang=lang, home=home, sortable=True), morans, ranking


def _num(value: float, lang: Lang, decimals: int) -> str:
    return "–" if pd.isna(value) else format_number(float(value), lang, decimals)


def _verdict(i: float, p: float, lang: Lang) -> str:
    tr = lang == "tr"
    if pd.isna(i):
        return "hesaplanamaz" if tr else "not computable"
    if p >= ALPHA:
        return "anlamlı kümelenme yok" if tr else "no significant clustering"
    if i > 0:
        return "benzer değerler kümeleniyor" if tr else "similar values cluster"
    return "komşular birbirine zıt" if tr else "neighbours differ"


def _lisa_legend(lang: Lang) -> str:
    items = "".join(
        f"<span class='swatch' style='background:{color}'></span>"
        f"{esc(LISA_LABELS[q][0 if lang == 'tr' else 1])} &nbsp; "
        for q, color in LISA_COLORS.items()
    )
    return f"<p>{items}</p>"


def _ranking_html(ranking: pd.DataFrame, lang: Lang) -> str:
    columns = [c for c in ranking.columns if c != "pcode"]
    header = [str(ranking.attrs.get("labels", {}).get(c, c)) for c in columns]
    rows, sort, numeric = [], [], []
    for c in columns:
        numeric.append(c != "district")
    for _, r in ranking.iterrows():
        cells, keys = [], []
        for c in columns:
            v = r[c]
            keys.append("" if pd.isna(v) else v)
            if c == "district":
                cells.append(v)
            elif c.endswith("_rank"):
                cells.append("–" if pd.isna(v) else str(int(v)))
            elif c.endswith("_share"):
                cells.append("–" if pd.isna(v) else format_number(float(v), lang, 2))
            else:
                base = indicator(c) if c in _ids() else None
                cells.append(base.format(v, lang) if base else str(v))
        rows.append(cells)
        sort.append(keys)
    return table_html(header, rows, numeric=numeric, sort_values=sort, sortable=True)


def _ids() -> set[str]:
    from izmir_maps.data.registry import indicator_ids

    return set(indicator_ids())
