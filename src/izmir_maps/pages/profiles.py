"""District profile pages: one page per district with its figures, ranks and sources.

Aliağa's page also carries the rest of the report: population profile,
sector shares, export structure, the SWOT table and the plan's axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import geopandas as gpd
import pandas as pd

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
)
from izmir_maps.pages._html import bar_chart, esc, page, table_html
from izmir_maps.pages._svgmap import svg_map
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.text.names import slugify
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import has_text, text

__all__ = ["CHART_INDICATORS", "PROFILE_INDICATORS", "district_slug", "render_profile"]

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

_W: dict[str, tuple[str, str]] = {
    "profile": ("ilçe profili", "district profile"),
    "key": ("Temel göstergeler", "Key figures"),
    "indicator": ("Gösterge", "Indicator"),
    "value": ("Değer", "Value"),
    "share": ("İzmir içindeki payı", "Share of İzmir"),
    "rank": ("30 ilçe içinde sırası", "Rank among 30"),
    "median": ("İzmir ilçe medyanına oranı", "Ratio to İzmir district median"),
    "year": ("Yıl", "Year"),
    "ranking": ("30 ilçe içinde", "Among the 30 districts"),
    "izka": ("İZKA mali destek başvuruları (2008–2009)", "İZKA financial support (2008–2009)"),
    "programme": ("Program", "Programme"),
    "applications": ("Başvuru", "Applications"),
    "successful": ("Başarılı", "Successful"),
    "osb": ("Organize sanayi bölgeleri", "Organised industrial zones"),
    "none_osb": ("Kaynaklarda bu ilçede OSB yok.", "No OSB in this district in the sources."),
    "wind": ("Rüzgâr enerjisi", "Wind energy"),
    "wind_report": ("Raporda kurulu güç (2009): ", "Installed capacity in the report (2009): "),
    "wind_none": (
        "Rapor bu ilçe için kurulu güç vermiyor.",
        "The report gives no installed capacity for this district.",
    ),
    "wind_proposed": (
        "Plan bu ilçeyi rüzgâr yatırımı için öneriyor.",
        "The plan proposes this district for wind investment.",
    ),
    "farms": (
        "Güncel kaynaklardaki rüzgâr santralleri (eksik liste)",
        "Wind farms in present-day sources (incomplete list)",
    ),
    "report": ("Rapordan: Aliağa", "From the report: Aliağa"),
    "population_profile": ("Nüfus ve gelişmişlik", "Population and development"),
    "sectors": ("Sektörler", "Sectors"),
    "swot": ("GZFT analizi (Tablo 2)", "SWOT analysis (Table 2)"),
    "axes": (
        "İzmir Bölge Planı 2010–2013: gelişme eksenleri, öncelikler, hedefler",
        "İzmir Regional Plan 2010–2013: axes, priorities, targets",
    ),
    "sources": ("Kaynaklar", "Sources"),
    "in_turkish": ("", "Text in Turkish, as in the report."),
    "area": ("Bölge", "Area"),
    "area_ha": ("Alan", "Area"),
    "kind": ("Tür", "Kind"),
    "founded": ("Kuruluş", "Founded"),
    "status": ("Durum (güncel)", "Status (current)"),
    "name": ("Ad", "Name"),
    "capacity": ("Kurulu güç (MW)", "Capacity (MW)"),
    "no_data": ("veri yok", "no data"),
}
_UNITS_TR = {
    "persons": "kişi",
    "percent": "%",
    "years": "yaş",
    "rank": "sıra",
    "districts": "ilçe",
    "parameters": "parametre",
    "warehouses": "antrepo",
    "sectors": "sektör",
    "firms": "firma",
    "persons (kişi)": "kişi",
}
_TOPICS = {
    "employment_share": (
        "İstihdamda en büyük üç sektör (ilçe istihdamındaki payı)",
        "Three largest sectors by employment (share of district employment)",
    ),
    "firm_count_rank": ("En çok firmaya sahip üç sektör", "Three sectors with most firms"),
    "firm_change_negative_2006_2008": (
        "Firma sayısında en büyük düşüş (2006–2008)",
        "Largest fall in firm numbers (2006–2008)",
    ),
    "firm_change_positive_2006_2008": (
        "Firma sayısında en büyük artış (2006–2008)",
        "Largest rise in firm numbers (2006–2008)",
    ),
    "export_leading_sector": (
        "İhracatın %99,62'sini oluşturan beş sektör",
        "The five sectors making up 99.62% of exports",
    ),
    "poultry_leading_districts": (
        "Kümes hayvanı varlığında önde gelen ilçeler (2007)",
        "Leading districts in poultry (2007)",
    ),
}
_QUADRANTS = ("strength", "weakness", "opportunity", "threat")


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
    w = _words(lang)
    row = table.set_index("pcode").loc[pcode]
    name = str(row["district"])
    body = [f"<h1>{esc(name)} — {w('profile')}</h1>"]
    fills = {pcode: "#08519c"}
    body.append('<div class="profile-top"><div>')
    body.append(
        svg_map(
            fills,
            highlight={pcode},
            label=name,
            width=320,
            titles=dict(zip(table["pcode"], table["district"], strict=True)),
        )
    )
    body.append("</div><div class='scroll'>")
    body.append(f"<h2 style='margin-top:0'>{w('key')}</h2>")
    body.append(_key_figures(table, row, lang))
    body.append("</div></div>")
    body.append(f"<h2>{w('ranking')}</h2><div class='grid'>")
    for ind_id in CHART_INDICATORS:
        ind = indicator(ind_id)
        values = [None if pd.isna(v) else float(v) for v in table[ind_id]]
        texts = [ind.format(v, lang) for v in values]
        body.append(f"<div class='card'><h3>{esc(ind.title(lang))}</h3>")
        body.append(
            bar_chart(
                list(table["district"]),
                values,
                highlight=name,
                value_text=texts,
                title=ind.title(lang),
            )
        )
        body.append("</div>")
    body.append("</div>")
    body.append(_izka_section(pcode, lang))
    body.append(_osb_wind_section(row, pcode, lang))
    if pcode == "TUR035001":
        body.append(_aliaga_section(lang))
    body.append(_sources(lang))
    return page(f"{name} — {w('profile')}", "\n".join(body), lang=lang, home=home)


def _words(lang: Lang) -> Callable[[str], str]:
    return lambda key: _W[key][0 if lang == "tr" else 1]


def _key_figures(table: gpd.GeoDataFrame, row: pd.Series, lang: Lang) -> str:
    w = _words(lang)
    rows, sort = [], []
    for ind_id in PROFILE_INDICATORS:
        ind = indicator(ind_id)
        value = row.get(ind_id)
        value = None if value is None or pd.isna(value) else float(value)
        share = row.get(f"{ind_id}_share")
        rank = row.get(f"{ind_id}_rank")
        median = float(pd.to_numeric(table[ind_id], errors="coerce").median())
        ratio = "–"
        if value is not None and not math.isnan(median) and median > 0:
            ratio = format_number(value / median, lang, 2) + "×"
        rows.append(
            [
                ind.label(lang),
                ind.format(value, lang, unit=True) if value is not None else w("no_data"),
                format_percent(float(share), lang)
                if share is not None and pd.notna(share)
                else "–",
                indicator(f"{ind_id}_rank").format(float(rank), lang)
                if rank is not None and pd.notna(rank)
                else "–",
                ratio,
                ind.year,
            ]
        )
        sort.append(rows[-1])
    header = [w("indicator"), w("value"), w("share"), w("rank"), w("median"), w("year")]
    return table_html(header, rows, numeric=[False, True, True, True, True, False])


def _izka_section(pcode: str, lang: Lang) -> str:
    w = _words(lang)
    support = load_izka_support()
    mine = support[support["pcode"] == pcode].set_index("programme_id")
    rows = []
    for pid in (*PROGRAMME_IDS, "all"):
        r = mine.loc[pid]
        label = r["programme_tr"] if lang == "tr" else r["programme_en"]
        rows.append(
            [label, format_number(r["applications"], lang), format_number(r["successful"], lang)]
        )
    table = table_html(
        [w("programme"), w("applications"), w("successful")],
        rows,
        numeric=[False, True, True],
        highlight=[False] * 4 + [True],
    )
    return f"<h2>{w('izka')}</h2>{table}"


def _osb_wind_section(row: pd.Series, pcode: str, lang: Lang) -> str:
    w = _words(lang)
    osbs = load_osbs()
    mine = osbs[osbs["pcode"] == pcode]
    out = [f"<h2>{w('osb')}</h2>"]
    if mine.empty:
        out.append(f"<p>{w('none_osb')}</p>")
    else:
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
        out.append(
            table_html(
                [w("name"), "", w("kind"), w("founded"), w("area_ha"), w("status")],
                rows,
                numeric=[False, False, False, True, True, False],
            )
        )
    out.append(f"<h2>{w('wind')}</h2>")
    capacity = row.get("wind_capacity_mw")
    if capacity is not None and pd.notna(capacity):
        out.append(
            f"<p>{w('wind_report')}<b>{esc(indicator('wind_capacity_mw').format(float(capacity), lang, unit=True))}</b> "
            f"({esc(format_percent(float(row['wind_capacity_mw_share']), lang))} "
            f"{'İzmir içinde' if lang == 'tr' else 'of İzmir'})</p>"
        )
    else:
        out.append(f"<p>{w('wind_none')}</p>")
    if bool(row.get("wind_proposed")):
        out.append(f"<p>{w('wind_proposed')}</p>")
    farms = load_wind_farms()
    farms = farms[farms["pcode"] == pcode]
    if not farms.empty:
        out.append(f"<h3>{w('farms')}</h3>")
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
        out.append(
            table_html(
                [w("name"), w("capacity"), w("year"), w("status")],
                rows,
                numeric=[False, True, True, False],
            )
        )
    return "".join(out)


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
    text = format_number(number, lang, decimals)
    if unit == "rank":
        return f"{text}." if lang == "tr" else f"#{text}"
    shown = _UNITS_TR.get(unit, unit) if lang == "tr" else unit
    return f"{text} {shown}".strip()


def _aliaga_section(lang: Lang) -> str:
    w = _words(lang)
    out = [f"<h2>{w('report')}</h2>", f"<h3>{w('population_profile')}</h3>"]
    facts = load_aliaga_profile()
    label_col = "label_tr" if lang == "tr" else "label_en"
    rows = [
        [
            f[label_col],
            f["reference_area"],
            _fact_value(f["value"], f["unit"], lang),
            f["year"].removesuffix(".0"),
        ]
        for _, f in facts.iterrows()
    ]
    out.append(
        table_html(
            [w("indicator"), w("area"), w("value"), w("year")],
            rows,
            numeric=[False, False, True, False],
        )
    )
    notes = facts[facts["notes"].str.len() > 0]
    if not notes.empty:
        out.append(
            "<details><summary class='muted'>"
            + ("Notlar" if lang == "tr" else "Notes")
            + "</summary><ul class='muted'>"
        )
        out += [f"<li>{esc(f[label_col])}: {esc(f['notes'])}</li>" for _, f in notes.iterrows()]
        out.append("</ul></details>")
    out.append(f"<h3>{w('sectors')}</h3>")
    sectors = load_aliaga_sectors()
    for topic, group in sectors.groupby("topic", sort=False):
        title = _TOPICS.get(str(topic), (topic, topic))[0 if lang == "tr" else 1]
        items = []
        for _, s in group.iterrows():
            name = s["sector_tr"] if lang == "tr" or not s.get("sector_en") else s["sector_en"]
            if topic == "poultry_leading_districts":
                name = s["value"]
            elif s["value"]:
                name = f"{name}: {format_percent(float(s['value']), lang)}"
            items.append(f"<li>{esc(name)}</li>")
        tag = "ol" if group["rank"].str.len().gt(0).all() else "ul"
        out.append(f"<h4>{esc(title)}</h4><{tag}>{''.join(items)}</{tag}>")
    out.append(f"<p class='muted'>{esc(_figure_note(lang))}</p>")
    out.append(f"<h3>{w('swot')}</h3>")
    if lang == "en":
        out.append(f"<p class='muted'>{w('in_turkish')}</p>")
    out.append(_swot_table(lang))
    out.append(f"<h3>{w('axes')}</h3>")
    if lang == "en":
        out.append(f"<p class='muted'>{w('in_turkish')}</p>")
    out.append(_axes(lang))
    return "".join(out)


def _figure_note(lang: Lang) -> str:
    if lang == "tr":
        return (
            "Raporun Şekil 1 (firmaların sektörel dağılımı) ve Şekil 2 (ihraç edilen ürünler "
            "ve payları) değerleri metinde yer almadığı için gösterilemiyor."
        )
    return (
        "The values of the report's Figure 1 (firms by sector) and Figure 2 (exported "
        "products and their shares) are not in its text, so they cannot be shown."
    )


def _swot_table(lang: Lang) -> str:
    swot = load_swot()
    heads = swot.drop_duplicates("quadrant").set_index("quadrant")["quadrant_tr"]
    en = {
        "strength": "Strengths",
        "weakness": "Weaknesses",
        "opportunity": "Opportunities",
        "threat": "Threats",
    }
    header = ["", *[heads[q] if lang == "tr" else en[q] for q in _QUADRANTS]]
    rows = []
    swot["group"] = swot["area"] + swot["sector"].map(lambda s: f" – {s}" if s else "")
    for group, part in swot.groupby("group", sort=False):
        cells = [group]
        for q in _QUADRANTS:
            texts = part[part["quadrant"] == q].sort_values("order", key=lambda s: s.astype(int))
            cells.append(" • ".join(texts["text"]))
        rows.append(cells)
    return table_html(header, rows)


def _axes(lang: Lang) -> str:
    axes = load_plan_axes()
    out = []
    for (_, axis), part in axes.groupby(["axis_no", "axis"], sort=False):
        out.append(f"<details><summary><b>{esc(axis)}</b></summary><ol>")
        for (_, priority), targets in part.groupby(["priority_no", "priority"], sort=False):
            items = "".join(f"<li>{esc(t)}</li>" for t in targets["target"])
            out.append(f"<li>{esc(priority)}<ol>{items}</ol></li>")
        out.append("</ol></details>")
    return "".join(out)


def _sources(lang: Lang) -> str:
    w = _words(lang)
    seen: list[str] = []
    for ind in (*[indicator(i) for i in PROFILE_INDICATORS], *base_indicators()):
        if isinstance(ind, Indicator) and ind.source not in seen:
            seen.append(ind.source)
    items = "".join(f"<li>{esc(s)}</li>" for s in [*seen, ATTRIBUTION])
    return f"<div class='sources'><b>{w('sources')}</b><ul>{items}</ul></div>"
