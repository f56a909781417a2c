"""Side-by-side comparison of chosen districts, and small multiples of several indicators."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.indicators import izmir_success_rate, izmir_totals
from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.errors import OptionError
from izmir_maps.pages._html import render, table_html
from izmir_maps.pages.profiles import PROFILE_INDICATORS, district_slug, rank_cell
from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.boundary import BoundaryCaveats, caveats_of_2008_data
from izmir_maps.spec.classify import classify_indicator
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import text

__all__ = [
    "COMPARE_COLORS",
    "COMPARE_SOURCES",
    "MULTIPLES",
    "difference_text",
    "izmir_line",
    "map_card",
    "rank_text",
    "ratio_text",
    "render_comparison",
    "render_small_multiples",
    "resolve_districts",
]

#: ColorBrewer Dark2: distinct, colour-blind-friendlier qualitative colours.
COMPARE_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")
#: The sources of the figures a comparison shows (a citation: the same in every language).
COMPARE_SOURCES = "İZKA, SGK 2008 (Tablo 1); İZKA 2010 (Tablo 3); TÜİK ADNKS 2021; EWEA 2009."
#: Indicators of the small-multiples page.
MULTIPLES = (
    "employees",
    "firms",
    "exports_usd",
    "employees_per_1000",
    "firms_per_1000",
    "exports_usd_per_capita",
    "izka_applications",
    "izka_success_rate",
    "population",
)


def resolve_districts(names: Sequence[str]) -> list[str]:
    """P-codes of the named districts (any case, with or without Turkish letters).

    Raises
    ------
    OptionError
        For fewer than two or more than six districts, or a repeated district.
    UnknownDistrictError
        For a name that is not a district, with suggestions.

    Examples
    --------
    >>> resolve_districts(["ALIAGA", "çiğli"])
    ['TUR035001', 'TUR035010']
    """
    matcher = district_matcher()
    pcodes = [matcher.pcode(n, where=f"district {i + 1}") for i, n in enumerate(names)]
    if not 2 <= len(pcodes) <= len(COMPARE_COLORS):
        msg = f"Compare between 2 and {len(COMPARE_COLORS)} districts; got {len(pcodes)}."
        raise OptionError(msg)
    repeated = sorted({matcher.names_by_pcode[p] for p in pcodes if pcodes.count(p) > 1})
    if repeated:
        msg = f"District(s) {', '.join(repeated)} named more than once; name each district once."
        raise OptionError(msg)
    return pcodes


def render_comparison(
    table: gpd.GeoDataFrame,
    pcodes: Sequence[str],
    *,
    lang: Lang = "tr",
    home: str = "index.html",
    profiles: str | None = "districts/",
    live: str | None = None,
) -> str:
    """A page comparing ``pcodes`` side by side: figures, ranks, differences and a map.

    With two districts the difference (first − second) and the ratio are
    given; with more, each district's ratio to the first one. ``live`` is the
    relative link of the atlas's comparison page where a reader picks the
    districts (``../compare.html``); the page links to it with these districts
    chosen. ``None`` (a page on its own) gives no link.
    """
    t = table.set_index("pcode")
    names = [str(t.loc[p, "district"]) for p in pcodes]
    title = text("compare_title", lang, names=" – ".join(names))
    colors = dict(zip(pcodes, COMPARE_COLORS, strict=False))
    header = [text("page_indicator", lang)]
    for n in names:
        header += [n, text("compare_rank_of", lang, name=n)]
    if len(pcodes) == 2:
        header += [text("compare_difference", lang), text("compare_ratio", lang)]
    else:
        header += [f"{n} / {names[0]}" for n in names[1:]]
    changed = caveats_of_2008_data(lang)
    rows = [_comparison_row(t, pcodes, ind_id, lang, changed) for ind_id in PROFILE_INDICATORS]
    districts = [
        {
            "name": n,
            "color": colors[p],
            "profile": None if profiles is None else f"{profiles}{district_slug(n)}.html",
        }
        for p, n in zip(pcodes, names, strict=True)
    ]
    return render(
        "compare.html",
        lang=lang,
        title=title,
        home=home,
        sortable=False,
        map=svg_map(
            colors,
            highlight=set(pcodes),
            width=400,
            label=title,
            titles=dict(zip(table["pcode"], table["district"], strict=True)),
        ),
        districts=districts,
        izmir_line=izmir_line(lang),
        table=table_html(header, rows, numeric=[False] + [True] * (len(header) - 1)),
        sources=f"{COMPARE_SOURCES} {text('caveat_exports_year_note', lang)}",
        boundary_notes=_boundary_notes(pcodes, names, lang),
        live=None if live is None else f"{live}#{','.join(district_slug(n) for n in names)}",
    )


def _boundary_notes(pcodes: Sequence[str], names: Sequence[str], lang: Lang) -> list[str]:
    """The 2008 boundary-change line of each compared district it concerns: "Bayraklı: …"."""
    changed = caveats_of_2008_data(lang)
    return [
        f"{name}: {changed.line(p)}"
        for p, name in zip(pcodes, names, strict=True)
        if changed.line(p)
    ]


def render_small_multiples(
    table: gpd.GeoDataFrame,
    *,
    lang: Lang = "tr",
    indicator_ids: Sequence[str] = MULTIPLES,
    home: str = "index.html",
    maps: str | None = "maps/",
    static_png: str | None = None,
) -> str:
    """Same-sized choropleths of several indicators on one page, each linking to its full map."""
    return render(
        "multiples.html",
        lang=lang,
        title=text("multiples_title", lang),
        home=home,
        sortable=False,
        static_png=static_png,
        cards=[map_card(table, ind_id, lang, maps) for ind_id in indicator_ids],
    )


def _comparison_row(
    t: pd.DataFrame, pcodes: Sequence[str], ind_id: str, lang: Lang, changed: BoundaryCaveats
) -> list[str]:
    """Label, then value and rank of each district, then difference and ratio(s)."""
    ind = indicator(ind_id)
    values = [_value(t, p, ind_id) for p in pcodes]
    row = [ind.label(lang)]
    for p, v in zip(pcodes, values, strict=True):
        rank = rank_text(ind, v, _value(t, p, f"{ind_id}_rank"), lang, marked=bool(changed.line(p)))
        row += [ind.format(v, lang, unit=True), rank]
    if len(pcodes) > 2:
        return row + [ratio_text(v, values[0], lang) for v in values[1:]]
    a, b = values
    return [*row, difference_text(ind, a, b, lang), ratio_text(a, b, lang)]


def rank_text(
    ind: Indicator, value: float | None, rank: float | None, lang: Lang, *, marked: bool = False
) -> str:
    """The rank cell of a comparison: ``"9./30"``; ``"30./30 †"`` for a ``marked`` district.

    ``marked`` is for a district of the 2008 boundary change: the ranks of
    2008 data (Table 1) then get the profiles' † (see :func:`caveats_of_2008_data`).

    Examples
    --------
    >>> rank_text(indicator("employees"), 474.0, 30, "tr", marked=True)
    '30./30 †'
    >>> rank_text(indicator("population"), 296839.0, 6, "tr", marked=True)
    '6./30'
    """
    cell = rank_cell(ind, value, rank, lang)
    if marked and ind.boundaries == "2008" and cell != "–":
        return f"{cell} †"
    return cell


def difference_text(ind: Indicator, a: float | None, b: float | None, lang: Lang) -> str:
    """``a − b`` as a comparison shows it: ``"−12.009"``; percentages in points (``"3,62 puan"``).

    Examples
    --------
    >>> difference_text(indicator("employees"), 27225.0, 39234.0, "tr")
    '−12.009'
    >>> difference_text(indicator("izka_success_rate"), 22.2222, 18.6047, "en")
    '3.62 pp'
    """
    if a is None or b is None:
        return "–"
    if ind.fmt == "percent":
        return text("compare_points", lang, value=format_number(a - b, lang, 2))
    return ind.format(a - b, lang)


def ratio_text(a: float | None, b: float | None, lang: Lang) -> str:
    """``a / b`` as a comparison shows it: ``"0,69×"``; ``"–"`` without both or for ``b = 0``.

    Examples
    --------
    >>> ratio_text(27225.0, 39234.0, "tr"), ratio_text(1.0, 0.0, "tr")
    ('0,69×', '–')
    """
    if a is None or b is None or b == 0:
        return "–"
    return format_number(a / b, lang, 2) + "×"


def map_card(
    table: gpd.GeoDataFrame, ind_id: str, lang: Lang, maps: str | None
) -> dict[str, object]:
    """One small choropleth of ``ind_id``: title, SVG map, legend items, source and link.

    ``maps`` is the relative folder of the interactive maps (``maps/``), or ``None``
    for no link. The small multiples and the live comparison draw these cards.
    """
    ind = indicator(ind_id)
    c = classify_indicator(table, ind, midpoint_value=izmir_success_rate())
    fills = {p: c.color_of(i) for i, p in zip(table.index, table["pcode"], strict=True)}
    titles = {
        p: f"{d}: {ind.format(v, lang, unit=True)}"
        for p, d, v in zip(table["pcode"], table["district"], table[ind_id], strict=True)
    }
    return {
        "title": ind.title(lang),
        "map": svg_map(fills, titles=titles, width=300, label=ind.title(lang)),
        "legend": c.legend_items(ind, lang),
        "source": ind.source_line(lang),
        "link": f"{maps}{ind.id}.html" if maps else None,
    }


def _value(t: pd.DataFrame, pcode: str, column: str) -> float | None:
    if column not in t.columns:
        return None
    v = t.loc[pcode, column]
    return None if pd.isna(v) else float(v)


def izmir_line(lang: Lang) -> str:
    """The İzmir totals a comparison shows under its districts (employees, firms, exports, rate)."""
    totals = izmir_totals()
    return text(
        "compare_izmir",
        lang,
        employees=format_number(totals["employees"], lang),
        firms=format_number(totals["firms"], lang),
        exports=format_number(totals["exports_usd"], lang),
        rate=format_percent(izmir_success_rate(), lang),
    )
