"""Side-by-side comparison of chosen districts, and small multiples of several indicators."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.indicators import izmir_success_rate, izmir_totals
from izmir_maps.data.registry import indicator
from izmir_maps.errors import OptionError
from izmir_maps.pages._html import esc, page, table_html
from izmir_maps.pages._svgmap import svg_map
from izmir_maps.pages.profiles import PROFILE_INDICATORS, district_slug
from izmir_maps.spec.classify import classify_indicator
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.text.numbers import Lang, format_number, format_percent

__all__ = [
    "COMPARE_COLORS",
    "MULTIPLES",
    "render_comparison",
    "render_small_multiples",
    "resolve_districts",
]

#: ColorBrewer Dark2: distinct, colour-blind-friendlier qualitative colours.
COMPARE_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")
#: Indicators of the small-multiples page.
MULTIPLES = (
    "employees",
    "firms",
    "exports_usd",
    "employees_per_1000",
    "firms_per_1000",
    "exports_usd_per_1000",
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
) -> str:
    """A page comparing ``pcodes`` side by side: figures, ranks, differences and a map.

    With two districts the difference (first − second) and the ratio are
    given; with more, each district's ratio to the first one.
    """
    t = table.set_index("pcode")
    names = [str(t.loc[p, "district"]) for p in pcodes]
    tr = lang == "tr"
    title = " – ".join(names) + (" karşılaştırması" if tr else ": comparison")
    colors = dict(zip(pcodes, COMPARE_COLORS, strict=False))
    header = ["Gösterge" if tr else "Indicator"]
    for n in names:
        header += [n, f"{n}: " + ("sıra" if tr else "rank")]
    if len(pcodes) == 2:
        header += [
            "Fark (1 − 2)" if tr else "Difference (1 − 2)",
            "Oran (1 / 2)" if tr else "Ratio (1 / 2)",
        ]
    else:
        header += [f"{n} / {names[0]}" for n in names[1:]]
    rows = []
    for ind_id in PROFILE_INDICATORS:
        ind = indicator(ind_id)
        values = [_value(t, p, ind_id) for p in pcodes]
        row = [ind.label(lang)]
        for p, v in zip(pcodes, values, strict=True):
            rank = _value(t, p, f"{ind_id}_rank")
            row += [
                ind.format(v, lang, unit=True),
                indicator(f"{ind_id}_rank").format(rank, lang) if rank is not None else "–",
            ]
        if len(pcodes) == 2:
            a, b = values
            diff = ind.format(a - b, lang) if a is not None and b is not None else "–"
            if ind.fmt == "percent" and a is not None and b is not None:
                diff = format_number(a - b, lang, 2) + (" puan" if tr else " pp")
            row += [diff, _ratio(a, b, lang)]
        else:
            row += [_ratio(v, values[0], lang) for v in values[1:]]
        rows.append(row)
    numeric = [False] + [True] * (len(header) - 1)
    legend = " ".join(
        f"<span class='swatch' style='background:{colors[p]}'></span>{esc(n)}"
        + (
            f" (<a href='{esc(profiles + district_slug(n))}.html'>"
            + ("profil" if tr else "profile")
            + "</a>)"
            if profiles is not None
            else ""
        )
        for p, n in zip(pcodes, names, strict=True)
    )
    body = [
        f"<h1>{esc(title)}</h1>",
        "<div class='two'><div>",
        svg_map(
            colors,
            highlight=set(pcodes),
            width=400,
            label=title,
            titles=dict(zip(table["pcode"], table["district"], strict=True)),
        ),
        f"</div><div><p>{legend}</p>",
        _izmir_line(lang),
        "</div></div><div class='scroll'>",
        table_html(header, rows, numeric=numeric),
        "<p class='muted'>"
        + (
            "Sıra: 30 ilçe içinde, 1 = en yüksek. Kişi başı değerler 2021 nüfusu ile hesaplanır."
            if tr
            else "Rank: among the 30 districts, 1 = highest. Per-capita values use 2021 population."
        )
        + "</p>",
        "</div>",
        f"<div class='sources'>{esc(_sources_line(lang))}</div>",
    ]
    return page(title, "\n".join(body), lang=lang, home=home)


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
    tr = lang == "tr"
    title = "İzmir: göstergeler yan yana" if tr else "İzmir: indicators side by side"
    cards = []
    for ind_id in indicator_ids:
        ind = indicator(ind_id)
        c = classify_indicator(table, ind, midpoint_value=izmir_success_rate())
        fills = {p: c.color_of(i) for i, p in zip(table.index, table["pcode"], strict=True)}
        titles = {
            p: f"{d}: {ind.format(v, lang, unit=True)}"
            for p, d, v in zip(table["pcode"], table["district"], table[ind_id], strict=True)
        }
        legend = "".join(
            f"<div><span class='swatch' style='background:{color}'></span>{esc(label)}</div>"
            for color, label, _ in c.legend_items(ind, lang)
        )
        link = (
            (
                f"<a href='{esc(maps + ind.id)}.html'>"
                + ("etkileşimli harita" if tr else "interactive map")
                + "</a>"
            )
            if maps
            else ""
        )
        cards.append(
            f"<div class='card'><h3>{esc(ind.title(lang))}</h3>"
            + svg_map(fills, titles=titles, width=300, label=ind.title(lang))
            + f"<div class='muted'>{legend}</div><div class='muted'>"
            f"{esc(ind.source_line(lang))} · {link}</div></div>"
        )
    png = (
        (
            f"<p><a href='{esc(static_png)}'>"
            + ("Basılabilir PNG" if tr else "Printable PNG")
            + "</a></p>"
        )
        if static_png
        else ""
    )
    body = (
        f"<h1>{esc(title)}</h1><p class='lead'>"
        + (
            "Aynı ölçek ve boyutta haritalar; bir ilçenin üzerine gelince değeri görünür."
            if tr
            else "Maps of the same scale and size; hover a district to see its value."
        )
        + f"</p>{png}<div class='grid'>{''.join(cards)}</div>"
        f"<div class='sources'>{esc(ATTRIBUTION)}</div>"
    )
    return page(title, body, lang=lang, home=home)


def _value(t: pd.DataFrame, pcode: str, column: str) -> float | None:
    if column not in t.columns:
        return None
    v = t.loc[pcode, column]
    return None if pd.isna(v) else float(v)


def _ratio(a: float | None, b: float | None, lang: Lang) -> str:
    if a is None or b is None or b == 0:
        return "–"
    return format_number(a / b, lang, 2) + "×"


def _izmir_line(lang: Lang) -> str:
    totals = izmir_totals()
    if lang == "tr":
        text = (
            f"İzmir toplamı: {format_number(totals['employees'])} çalışan, "
            f"{format_number(totals['firms'])} firma, "
            f"{format_number(totals['exports_usd'])} ABD $ ihracat (2008); İZKA başarı oranı "
            f"{format_percent(izmir_success_rate())}."
        )
    else:
        text = (
            f"İzmir total: {format_number(totals['employees'], 'en')} employees, "
            f"{format_number(totals['firms'], 'en')} firms, "
            f"{format_number(totals['exports_usd'], 'en')} USD exports (2008); İZKA success "
            f"rate {format_percent(izmir_success_rate(), 'en')}."
        )
    return f"<p class='muted'>{esc(text)}</p>"


def _sources_line(lang: Lang) -> str:
    label = "Kaynaklar: " if lang == "tr" else "Sources: "
    return (
        label
        + "İZKA, SGK 2008 (Tablo 1); İZKA 2010 (Tablo 3); TÜİK ADNKS 2021; EWEA 2009. "
        + ATTRIBUTION
    )
