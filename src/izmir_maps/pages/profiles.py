"""District profile pages: one page per district with its figures, ranks and sources.

Aliağa's page also carries the rest of the report: population profile,
sector shares, export structure, the SWOT table and the plan's axes.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
from markupsafe import Markup

from izmir_maps.data.registry import Indicator, base_indicators, indicator
from izmir_maps.data.tables import (
    PROGRAMME_IDS,
    load_aliaga_profile,
    load_aliaga_sectors,
    load_izka_support,
    load_osbs,
    load_plan_axes,
    load_swot,
    load_wind_farms,
    localised,
)
from izmir_maps.pages._html import bar_chart, render, table_html
from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.boundary import caveats_of_2008_data
from izmir_maps.text.names import slugify
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import has_text, text

__all__ = [
    "CHART_INDICATORS",
    "MEDIAN_MIN_VALUES",
    "PROFILE_INDICATORS",
    "district_slug",
    "median_ratio",
    "rank_cell",
    "render_profile",
]

#: Indicators in the key-figure table, in this order.
PROFILE_INDICATORS = (
    "employees",
    "firms",
    "exports_usd",
    "izka_applications",
    "izka_successful",
    "izka_success_rate",
    "population",
    "area_km2",
    "wind_capacity_mw",
    "osb_count",
)
#: Indicators that get a ranking chart.
CHART_INDICATORS = ("employees", "firms", "exports_usd", "izka_applications", "population")

_QUADRANTS = ("strength", "weakness", "opportunity", "threat")
#: Aliağa, the district whose report the atlas draws on.
ALIAGA = "TUR035001"


def district_slug(name: str) -> str:
    """ASCII file-name slug of a district: ``"Çiğli"`` → ``"cigli"``."""
    return slugify(name)


def render_profile(
    table: gpd.GeoDataFrame, pcode: str, *, lang: Lang = "tr", home: str = "../index.html"
) -> str:
    """The profile page of district ``pcode`` as a complete HTML document.

    Parameters
    ----------
    table
        The district table (:func:`izmir_maps.data.join.district_table`).
    pcode
        The district's P-code.
    lang
        Page language.
    home
        Relative link to the atlas home page.
    """
    row = table.set_index("pcode").loc[pcode]
    name = str(row["district"])
    changed = caveats_of_2008_data(lang)
    capacity = row.get("wind_capacity_mw")
    has_capacity = capacity is not None and pd.notna(capacity)
    return render(
        "profile.html",
        lang=lang,
        title=text("profile_title", lang, name=name),
        home=home,
        sortable=False,
        map=svg_map(
            {pcode: "#08519c"},
            highlight={pcode},
            label=name,
            width=320,
            titles=dict(zip(table["pcode"], table["district"], strict=True)),
        ),
        key_figures=_key_figures(table, row, lang, changed.line(pcode)),
        boundary_note=changed.line(pcode),
        charts=[_chart(table, ind_id, name, lang) for ind_id in CHART_INDICATORS],
        izka_table=_izka_table(pcode, lang),
        osb_table=_osb_table(pcode, lang),
        wind_capacity=(
            indicator("wind_capacity_mw").format(float(capacity), lang, unit=True)
            if has_capacity
            else None
        ),
        wind_share=(
            format_percent(float(row["wind_capacity_mw_share"]), lang) if has_capacity else None
        ),
        wind_proposed=bool(row.get("wind_proposed")),
        farms_table=_farms_table(pcode, lang),
        report=_report(lang) if pcode == ALIAGA else None,
        sources=_sources(lang),
    )


def _chart(table: gpd.GeoDataFrame, ind_id: str, name: str, lang: Lang) -> dict[str, object]:
    ind = indicator(ind_id)
    values = [None if pd.isna(v) else float(v) for v in table[ind_id]]
    svg = bar_chart(
        list(table["district"]),
        values,
        highlight=name,
        value_text=[ind.format(v, lang) for v in values],
        title=ind.title(lang),
    )
    return {"title": ind.title(lang), "svg": svg}


def _key_figures(
    table: gpd.GeoDataFrame, row: pd.Series, lang: Lang, boundary_line: str | None
) -> Markup:
    """The key-figure table; with ``boundary_line``, the ranks and ratios of 2008 data marked †."""
    rows = []
    for ind_id in PROFILE_INDICATORS:
        ind = indicator(ind_id)
        value = row.get(ind_id)
        value = None if value is None or pd.isna(value) else float(value)
        share = row.get(f"{ind_id}_share")
        rank = row.get(f"{ind_id}_rank")
        ratio = median_ratio(table[ind_id], value, lang)
        rank_text = rank_cell(ind, value, rank, lang)
        if boundary_line and ind.boundaries == "2008":
            rank_text, ratio = _marked(rank_text), _marked(ratio)
        rows.append(
            [
                ind.label(lang),
                ind.format(value, lang, unit=True)
                if value is not None
                else text("profile_no_data", lang),
                format_percent(float(share), lang)
                if share is not None and pd.notna(share)
                else "–",
                rank_text,
                ratio,
                ind.year_label(lang),
            ]
        )
    keys = ("page_indicator", "value", "share_of_izmir", "profile_rank", "profile_median")
    header = [*(text(k, lang) for k in keys), text("page_year", lang)]
    table_markup = table_html(header, rows, numeric=[False, True, True, True, True, False])
    marked = Markup("")
    if boundary_line:
        marked = Markup("<p class='muted'>{}</p>").format(
            text("boundary_mark_note", lang, line=boundary_line)
        )
    return table_markup + marked + _caveat_notes(lang)


def _marked(cell: str) -> str:
    """A rank or ratio of 2008 data that the boundary change makes misleading: "30./30 †"."""
    return cell if cell == "–" else f"{cell} †"


#: Fewest districts with a value for a "ratio to the median": with one or two the
#: median is (nearly) the district's own value and the ratio says nothing.
MEDIAN_MIN_VALUES = 3


def median_ratio(values: pd.Series, value: float | None, lang: Lang) -> str:
    """``value`` over the median of the districts' ``values`` ("1,82×"), or "–".

    "–" when the district has no value, fewer than :data:`MEDIAN_MIN_VALUES`
    districts have one, or the median is not above zero.

    Examples
    --------
    >>> median_ratio(pd.Series([1.0, 2.0, 4.0]), 4.0, "tr")
    '2,00×'
    >>> median_ratio(pd.Series([147.5, None, None]), 147.5, "tr")  # wind 2009: one value
    '–'
    """
    known = pd.to_numeric(values, errors="coerce").dropna()
    if value is None or len(known) < MEDIAN_MIN_VALUES:
        return "–"
    median = float(known.median())
    if math.isnan(median) or median <= 0:
        return "–"
    return format_number(value / median, lang, 2) + "×"


def rank_cell(ind: Indicator, value: float | None, rank: object, lang: Lang) -> str:
    """The rank of ``value`` ("9./30"), or "–" with the reason a zero count has none.

    Examples
    --------
    >>> osb = indicator("osb_count")
    >>> rank_cell(osb, 2.0, 1, "tr"), rank_cell(osb, 0.0, 11, "tr"), rank_cell(osb, 0.0, None, "en")
    ('1./30', '– (OSB yok)', '– (no OSB)')
    """
    if ind.ranks(value) and rank is not None and not pd.isna(rank):
        return indicator(f"{ind.id}_rank").format(float(rank), lang)
    if value == 0 and ind.unranked_reason(lang):
        return text("caveat_unranked", lang, reason=ind.unranked_reason(lang))
    return "–"


def _caveat_notes(lang: Lang) -> Markup:
    notes = (
        text("caveat_rank_note", lang),
        text("caveat_median_note", lang, min=MEDIAN_MIN_VALUES),
        text("caveat_exports_year_note", lang),
    )
    return Markup("").join(Markup("<p class='muted'>{}</p>").format(n) for n in notes)


def _izka_table(pcode: str, lang: Lang) -> Markup:
    support = load_izka_support()
    mine = support[support["pcode"] == pcode].set_index("programme_id")
    rows = []
    for pid in (*PROGRAMME_IDS, "all"):
        r = mine.loc[pid]
        rows.append(
            [
                r[f"programme_{lang}"],
                format_number(r["applications"], lang),
                format_number(r["successful"], lang),
            ]
        )
    keys = ("profile_programme", "profile_applications", "profile_successful")
    return table_html(
        [text(k, lang) for k in keys],
        rows,
        numeric=[False, True, True],
        highlight=[False] * 4 + [True],
    )


def _osb_table(pcode: str, lang: Lang) -> Markup | None:
    osbs = localised(load_osbs(), lang)
    mine = osbs[osbs["pcode"] == pcode]
    if mine.empty:
        return None
    rows = [
        [
            r["name"],
            r["short_name"],
            _kind(r["kind"], lang),
            str(int(r["founded_year"])) if pd.notna(r["founded_year"]) else "–",
            format_number(r["area_ha"], lang, 1) + " ha" if pd.notna(r["area_ha"]) else "–",
            _status(r["status_now"], lang),
        ]
        for _, r in mine.iterrows()
    ]
    w = [text(k, lang) for k in ("profile_name", "profile_kind", "profile_founded", "area")]
    return table_html(
        [w[0], "", w[1], w[2], w[3], text("status_now", lang)],
        rows,
        numeric=[False, False, False, True, True, False],
    )


def _farms_table(pcode: str, lang: Lang) -> Markup | None:
    farms = localised(load_wind_farms(), lang)  # names and statuses in lang
    farms = farms[farms["pcode"] == pcode]
    if farms.empty:
        return None
    rows = [
        [
            r["name"],
            indicator("wind_capacity_mw").format(r["capacity_mw"], lang)
            if pd.notna(r["capacity_mw"])
            else "–",
            "" if pd.isna(r["commissioning_year"]) else str(int(r["commissioning_year"])),
            r["status"],
        ]
        for _, r in farms.iterrows()
    ]
    keys = ("profile_name", "profile_capacity", "page_year", "status_now")
    return table_html([text(k, lang) for k in keys], rows, numeric=[False, True, True, False])


def _status(status: str, lang: Lang) -> str:
    if not status:
        return "–"
    return text(status, lang) if has_text(status) else status


def _kind(kind: str, lang: Lang) -> str:
    if kind == "osb":
        return "OSB"
    return text(kind, lang) if has_text(kind) else kind


def _fact_value(value: str, unit: str, lang: Lang) -> str:
    try:
        number = float(value)
    except ValueError:
        return value
    decimals = len(value.split(".")[1]) if "." in value else 0
    if unit == "percent":
        return format_percent(number, lang, decimals)
    shown = format_number(number, lang, decimals)
    if unit == "rank":
        return text("profile_fact_rank", lang, rank=shown)
    key = f"fact_unit_{unit}"
    return f"{shown} {text(key, lang) if has_text(key) else unit}".strip()


def _report(lang: Lang) -> dict[str, object]:
    """Aliağa's report: figures, notes, sectors, SWOT table and the plan's axes."""
    facts = localised(load_aliaga_profile(), lang)  # labels, areas, words and notes in lang
    rows = [
        [
            f["label"],
            f["reference_area"],
            f["value_text"] or _fact_value(f["value"], f["unit"], lang),
            f["year"].removesuffix(".0"),
        ]
        for _, f in facts.iterrows()
    ]
    keys = ("page_indicator", "profile_reference_area", "value", "page_year")
    notes = facts[facts["note"].str.len() > 0]  # the notes for readers, not the research notes
    return {
        "facts": table_html(
            [text(k, lang) for k in keys], rows, numeric=[False, False, True, False]
        ),
        "notes": [(f["label"], f["note"]) for _, f in notes.iterrows()],
        "topics": _topics(lang),
        "swot": _swot_table(lang),
        # The SWOT table and the plan's axes are quoted from the report, in Turkish.
        "untranslated": lang != "tr",
        "axes": _axes(),
    }


def _topics(lang: Lang) -> list[dict[str, object]]:
    out = []
    for topic, group in load_aliaga_sectors().groupby("topic", sort=False):
        key = f"profile_topic_{topic}"
        items = []
        for _, s in group.iterrows():
            name = s.get(f"sector_{lang}") or s["sector_tr"]
            if topic == "poultry_leading_districts":
                name = s["value"]
            elif s["value"]:
                name = f"{name}: {format_percent(float(s['value']), lang)}"
            items.append(name)
        out.append(
            {
                "title": text(key, lang) if has_text(key) else topic,
                "tag": "ol" if group["rank"].str.len().gt(0).all() else "ul",
                "entries": items,
            }
        )
    return out


def _swot_table(lang: Lang) -> Markup:
    swot = load_swot()
    header = ["", *(text(f"profile_swot_{q}", lang) for q in _QUADRANTS)]
    rows = []
    swot["group"] = swot["area"] + swot["sector"].map(lambda s: f" – {s}" if s else "")
    for group, part in swot.groupby("group", sort=False):
        cells = [group]
        for q in _QUADRANTS:
            texts = part[part["quadrant"] == q].sort_values("order", key=lambda s: s.astype(int))
            cells.append(" • ".join(texts["text"]))
        rows.append(cells)
    return table_html(header, rows)


def _axes() -> list[dict[str, object]]:
    axes = load_plan_axes()
    out = []
    for (_, axis), part in axes.groupby(["axis_no", "axis"], sort=False):
        priorities = [
            (priority, list(targets["target"]))
            for (_, priority), targets in part.groupby(["priority_no", "priority"], sort=False)
        ]
        out.append({"name": axis, "priorities": priorities})
    return out


def _sources(lang: Lang) -> list[str]:
    seen: list[str] = []
    for ind in (*[indicator(i) for i in PROFILE_INDICATORS], *base_indicators()):
        if isinstance(ind, Indicator) and ind.source_text(lang) not in seen:
            seen.append(ind.source_text(lang))
    return [*seen, text("boundaries_attribution", lang)]
