"""District profile pages: one page per district with its figures, ranks and sources.

Aliağa's page also carries the rest of the report: population profile,
sector shares, export structure, the SWOT table and the plan's axes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

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
from izmir_maps.downloads import Column, DownloadTable, page_table, shown_number
from izmir_maps.pages._html import bar_chart, render, table_html
from izmir_maps.pages.index import format_size
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
    "fact_value",
    "median_ratio",
    "plan_axes",
    "profile_download",
    "profile_download_links",
    "rank_cell",
    "render_profile",
    "sector_topics",
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
    table: gpd.GeoDataFrame,
    pcode: str,
    *,
    lang: Lang = "tr",
    home: str = "../index.html",
    downloads: Mapping[str, str] | None = None,
    sizes: Mapping[str, int] | None = None,
    reports: Mapping[str, tuple[str, int | None]] | None = None,
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
    downloads
        Format → link of the key-figure table's files ("Veriyi indir: CSV · XLSX"
        under the table); by default the atlas's
        ``../data/profiles/<slug>.csv|.xlsx`` (:func:`profile_download_links`);
        ``{}`` for none.
    sizes
        Bytes of each download by format, shown beside its link.
    reports
        Format (``"html"``, ``"pdf"``) → (link, bytes) of the district's summary report,
        linked under the title ("İlçe özet raporu: HTML · PDF"); ``None`` for none.
    """
    row = table.set_index("pcode").loc[pcode]
    name = str(row["district"])
    files = profile_download_links(name) if downloads is None else downloads
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
        key_notes=_key_notes(lang, changed.line(pcode)),
        downloads=_links(files, sizes or {}, lang),
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
        report_links=[
            (fmt.upper(), href, None if size is None else format_size(size, lang))
            for fmt, (href, size) in (reports or {}).items()
        ],
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
    return table_html(header, rows, numeric=[False, True, True, True, True, False])


def _key_notes(lang: Lang, boundary_line: str | None) -> Markup:
    """The notes under the key-figure table (after its downloads): † explained, then caveats."""
    marked = Markup("")
    if boundary_line:
        marked = Markup("<p class='muted'>{}</p>").format(
            text("boundary_mark_note", lang, line=boundary_line)
        )
    return marked + _caveat_notes(lang)


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
    ratio = _median_ratio_value(values, value)
    return "–" if ratio is None else format_number(ratio, lang, 2) + "×"


def _median_ratio_value(values: pd.Series, value: float | None) -> float | None:
    """``value`` over the districts' median, or ``None`` where :func:`median_ratio` writes "–"."""
    known = pd.to_numeric(values, errors="coerce").dropna()
    if value is None or len(known) < MEDIAN_MIN_VALUES:
        return None
    median = float(known.median())
    if math.isnan(median) or median <= 0:
        return None
    return value / median


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


def profile_download_links(name: str, prefix: str = "../data/profiles/") -> dict[str, str]:
    """Format → link of the key-figure downloads of district ``name``, from its profile.

    Examples
    --------
    >>> profile_download_links("Çiğli")
    {'csv': '../data/profiles/cigli.csv', 'xlsx': '../data/profiles/cigli.xlsx'}
    """
    return {fmt: f"{prefix}{district_slug(name)}.{fmt}" for fmt in ("csv", "xlsx")}


def _links(
    files: Mapping[str, str], sizes: Mapping[str, int], lang: Lang
) -> list[tuple[str, str, str, str | None]]:
    """(label, link, hint, size) of each download of a page table."""
    labels = {"csv": "CSV", "xlsx": "XLSX"}
    return [
        (
            labels.get(fmt, fmt.upper()),
            href,
            text(f"table_dl_{fmt}_hint", lang) if has_text(f"table_dl_{fmt}_hint") else "",
            format_size(sizes[fmt], lang) if fmt in sizes else None,
        )
        for fmt, href in files.items()
    ]


def profile_download(table: gpd.GeoDataFrame, pcode: str, *, lang: Lang = "tr") -> DownloadTable:
    """The key-figure table of district ``pcode`` as a download, rounded as the page shows it.

    One row per indicator of :data:`PROFILE_INDICATORS`: label, value (as a
    number, with the unit in its own column), share of İzmir in %, rank among
    the 30 districts, ratio to the district median, year and a note (why a zero
    has no rank; the boundary change that makes a 2008 rank misleading, the
    page's †). The file stem is the district's slug.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> rows = profile_download(district_table("web"), "TUR035001").rows
    >>> rows[0][:3]
    ('Çalışan sayısı (SGK, 2008)', Decimal('27225'), 'kişi')
    """
    row = table.set_index("pcode").loc[pcode]
    boundary_line = caveats_of_2008_data(lang).line(pcode)
    rows = []
    for ind_id in PROFILE_INDICATORS:
        ind = indicator(ind_id)
        value = row.get(ind_id)
        value = None if value is None or pd.isna(value) else float(value)
        rank = row.get(f"{ind_id}_rank")
        ranked = ind.ranks(value) and rank is not None and not pd.isna(rank)
        notes = []
        if value == 0 and ind.unranked_reason(lang):
            notes.append(ind.unranked_reason(lang))
        if boundary_line and ind.boundaries == "2008":
            notes.append(boundary_line)
        rows.append(
            (
                ind.label(lang),
                shown_number(value, ind.decimals),
                ind.unit(lang),
                shown_number(row.get(f"{ind_id}_share"), 2),
                int(rank) if ranked else None,
                shown_number(_median_ratio_value(table[ind_id], value), 2),
                ind.year_label(lang),
                "; ".join(notes),
            )
        )
    columns = (
        Column("indicator", text("page_indicator", lang)),
        Column("value", text("value", lang), 0),  # each cell keeps its own decimals
        Column("unit", text("table_dl_unit", lang)),
        Column("share", text("table_dl_share", lang), 2),
        Column("rank", text("table_dl_rank", lang), 0),
        Column("median_ratio", text("table_dl_median", lang), 2),
        Column("year", text("page_year", lang)),
        Column("note", text("table_dl_note", lang)),
    )
    name = str(row["district"])
    return page_table(
        district_slug(name),
        lang,
        columns,
        rows,
        title=f"{text('profile_title', lang, name=name)}: {text('profile_key', lang)}",
        sources=_sources(lang),
    )


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
        [w[0], text("short_name", lang), w[1], w[2], w[3], text("status_now", lang)],
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


def fact_value(value: str, unit: str, lang: Lang) -> str:
    """A figure of Aliağa's profile table with its unit, in ``lang``'s number format."""
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
            f["value_text"] or fact_value(f["value"], f["unit"], lang),
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
        "topics": sector_topics(lang),
        "swot": _swot_table(lang),
        # The SWOT table and the plan's axes are quoted from the report, in Turkish.
        "untranslated": lang != "tr",
        "axes": plan_axes(),
    }


def sector_topics(lang: Lang) -> list[dict[str, object]]:
    """Aliağa's leading sectors by topic (employment, firms, exports), as the report lists them."""
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
    # the corner names the first column (area – sector): no empty header for a screen reader
    header = [text("area", lang), *(text(f"profile_swot_{q}", lang) for q in _QUADRANTS)]
    rows = []
    swot["group"] = swot["area"] + swot["sector"].map(lambda s: f" – {s}" if s else "")
    for group, part in swot.groupby("group", sort=False):
        cells = [group]
        for q in _QUADRANTS:
            texts = part[part["quadrant"] == q].sort_values("order", key=lambda s: s.astype(int))
            cells.append(" • ".join(texts["text"]))
        rows.append(cells)
    return table_html(header, rows)


def plan_axes() -> list[dict[str, object]]:
    """The plan's development axes with their priorities and targets (Turkish only, as printed)."""
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
