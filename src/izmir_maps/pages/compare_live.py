"""The atlas's comparison page where the reader picks the districts: ``compare.html``.

The ready-made comparisons (:func:`~izmir_maps.pages.compare.render_comparison`)
are written for fixed groups of districts. This page carries the figures of all
30 districts as JSON, every one already written as text here, in the page's
language (``27.225 kişi``, ``9./30 †``, ``0,69×``), and ``assets/compare.js``
draws the table, the bars and the map outlines of the 2–4 districts picked.
The script formats no number: values, ranks, differences and ratios are looked
up (every ordered pair's difference and ratio is carried), and the CSV of the
choice is put together from lines that :func:`izmir_maps.downloads.csv_bytes`
wrote. The choice lives in the address (``compare.html#aliaga,bornova,foca``),
so a link reopens it.

The page loads nothing: its CSS, script, data and maps are inline, so it works
from ``file://`` and offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import geopandas as gpd
import pandas as pd
from markupsafe import Markup

from izmir_maps._script_json import script_json
from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.downloads import Column, DownloadTable, csv_bytes
from izmir_maps.pages._html import render
from izmir_maps.pages.compare import (
    COMPARE_COLORS,
    COMPARE_SOURCES,
    difference_text,
    izmir_line,
    map_card,
    rank_text,
    ratio_text,
)
from izmir_maps.pages.profiles import PROFILE_INDICATORS, district_slug
from izmir_maps.spec.boundary import caveats_of_2008_data
from izmir_maps.text.names import ascii_fold, turkish_sort_key
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["DEFAULT_CHOICE", "LIVE_MAPS", "MAX_CHOSEN", "live_data", "render_live_comparison"]

#: The small maps under the comparison: the report's two headline figures and İZKA's support.
LIVE_MAPS = ("employees", "exports_usd", "izka_applications")
#: The districts shown when the address names none: the report's district and a big neighbour.
DEFAULT_CHOICE = ("aliaga", "bornova")
#: Most districts a comparison holds: four columns of value and rank still fit a laptop.
MAX_CHOSEN = 4
# Letters that ascii_fold changes other than by lower-casing; the script folds what the
# reader types with this table, as the map pages' search does (interactive/_payload.py).
_FOLD_LETTERS = "ÂÇĞIİÎÖŞÛÜâçğıîöşûü"
# The script's own words, by catalogue key "compare_live_<key>", with the placeholders it
# fills in itself (a count, the names) kept as "{count}", "{names}".
_SCRIPT_WORDS: dict[str, tuple[str, ...]] = {
    "count": ("count",),
    "showing": ("names",),
    "too_few": ("count",),
    "too_many": ("name",),
    "unknown": ("names",),
    "extra": (),
    "file": (),
}


def live_data(
    table: gpd.GeoDataFrame, *, lang: Lang = "tr", profiles: str | None = "districts/"
) -> dict[str, Any]:
    """Everything ``compare.js`` draws, as JSON-ready data; every shown number is text.

    Parameters
    ----------
    table
        The district table (:func:`izmir_maps.data.join.district_table`).
    lang
        Language of the words and number formats.
    profiles
        Relative folder of the district profiles, or ``None`` for no links.

    Returns
    -------
    dict
        ``d``: the districts in Turkish alphabetical order, each with its slug
        ``s``, name ``n``, P-code ``p``, search key ``k``, profile link ``u``
        and boundary-change note ``b`` ("" for most); ``rows``: per indicator
        of the ready-made comparison its label ``l``, title ``t``, and per
        district (in the order of ``d``) the value with unit ``v``, the value
        for a bar ``bt``, the number ``x`` that sizes the bar (``None``: no
        bar), the rank ``r``, and per ordered pair ``[i][j]`` the difference
        ``d`` (i − j) and the ratio ``q`` (i / j); ``csv``: the CSV header line
        ``head`` and one line per district ``rows``; ``colors``, ``fold`` and
        the words ``w``.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> data = live_data(district_table("web"))
    >>> data["d"][0]["n"], data["rows"][0]["v"][0], data["rows"][0]["r"][0]
    ('Aliağa', '27.225 kişi', '9./30')
    """
    t = table.set_index("pcode")
    ordered = sorted(t.index, key=lambda p: turkish_sort_key(str(t.loc[p, "district"])))
    changed = caveats_of_2008_data(lang)
    districts = []
    for p in ordered:
        name = str(t.loc[p, "district"])
        line = changed.line(p)
        item = {"s": district_slug(name), "n": name, "p": p, "k": ascii_fold(name)}
        item["b"] = f"{name}: {line}" if line else ""
        if profiles is not None:
            item["u"] = f"{profiles}{district_slug(name)}.html"
        districts.append(item)
    marked = [bool(changed.line(p)) for p in ordered]
    rows = [_row(t, ordered, marked, ind_id, lang) for ind_id in PROFILE_INDICATORS]
    head, lines = _csv_lines(t, ordered, lang)
    words = {
        key: text(f"compare_live_{key}", lang, **{f: f"{{{f}}}" for f in fields})
        for key, fields in _SCRIPT_WORDS.items()
    }
    words.update(
        title=text("compare_title", lang, names="{names}"),
        indicator=text("page_indicator", lang),
        rank_of=text("compare_rank_of", lang, name="{name}"),
        difference=text("compare_difference", lang),
        ratio=text("compare_ratio", lang),
        boundary=text("boundary_tip", lang),
        mark=text("compare_rank_mark", lang),
        profile=text("compare_profile", lang),
    )
    return {
        "d": districts,
        "rows": rows,
        "csv": {"head": head, "rows": dict(zip([d["s"] for d in districts], lines, strict=True))},
        "colors": list(COMPARE_COLORS[:MAX_CHOSEN]),
        "default": list(DEFAULT_CHOICE),
        "max": MAX_CHOSEN,
        "fold": {c: ascii_fold(c) for c in _FOLD_LETTERS},
        "w": words,
    }


def _row(
    t: pd.DataFrame, pcodes: Sequence[str], marked: Sequence[bool], ind_id: str, lang: Lang
) -> dict[str, Any]:
    """One indicator's texts for every district and every ordered pair of districts."""
    ind = indicator(ind_id)
    values = [_value(t, p, ind_id) for p in pcodes]
    ranks = [_value(t, p, f"{ind_id}_rank") for p in pcodes]
    return {
        "id": ind_id,
        "l": ind.label(lang),
        "t": ind.title(lang),
        "v": [ind.format(v, lang, unit=True) for v in values],
        "bt": [ind.format(v, lang) for v in values],
        "x": [None if v is None else round(v, 4) for v in values],
        "r": [
            rank_text(ind, v, r, lang, marked=m)
            for v, r, m in zip(values, ranks, marked, strict=True)
        ],
        "d": [[difference_text(ind, a, b, lang) for b in values] for a in values],
        "q": [[ratio_text(a, b, lang) for b in values] for a in values],
    }


def _csv_lines(t: pd.DataFrame, pcodes: Sequence[str], lang: Lang) -> tuple[str, list[str]]:
    """The CSV header line and one line per district, as the atlas's downloads write them.

    One row per district (as ``data/maps/*.csv``), so the file sorts and filters
    in Excel: name, P-code, then each indicator's value (rounded as shown) and
    rank, then the boundary-change note. The script joins the lines of the
    picked districts under the header, with the BOM and CRLF of
    :func:`~izmir_maps.downloads.csv_bytes`.
    """
    inds = [indicator(i) for i in PROFILE_INDICATORS]
    columns = [Column("district", text("district", lang)), Column("pcode", text("dl_pcode", lang))]
    for ind in inds:
        columns.append(Column(ind.id, _value_header(ind, lang), ind.decimals))
        if f"{ind.id}_rank" in t.columns:
            label = text("compare_live_csv_rank", lang, label=ind.label(lang))
            columns.append(Column(f"{ind.id}_rank", label, 0))
    columns.append(Column("boundary_note", text("boundary_tip", lang)))
    changed = caveats_of_2008_data(lang)
    rows = []
    for p in pcodes:
        row: list[Any] = [str(t.loc[p, "district"]), p]
        for ind in inds:
            value = _value(t, p, ind.id)
            row.append(None if value is None else _rounded(value, ind.decimals))
            if f"{ind.id}_rank" in t.columns:
                rank = _value(t, p, f"{ind.id}_rank")
                row.append(int(rank) if rank is not None and ind.ranks(value) else None)
        rows.append((*row, changed.line(p) or ""))
    table = DownloadTable("compare", lang, tuple(columns), tuple(rows), (None,) * len(rows))
    lines = csv_bytes(table).decode("utf-8").removeprefix("\ufeff").split("\r\n")
    return lines[0], lines[1:-1]  # the text ends with a line break: no last line


def _value_header(ind: Indicator, lang: Lang) -> str:
    """``"Çalışan sayısı (SGK, 2008), kişi"``, as the map downloads head a value column."""
    unit = ind.unit(lang)
    return f"{ind.label(lang)}, {unit}" if unit else ind.label(lang)


def _rounded(value: float, decimals: int) -> int | float:
    number = round(value, decimals)
    return int(number) if decimals == 0 else number


def _value(t: pd.DataFrame, pcode: str, column: str) -> float | None:
    if column not in t.columns:
        return None
    v = t.loc[pcode, column]
    return None if pd.isna(v) else float(v)


@cache
def _asset(name: str) -> str:
    return (files("izmir_maps.pages") / "assets" / name).read_text(encoding="utf-8")


def render_live_comparison(
    table: gpd.GeoDataFrame,
    *,
    lang: Lang = "tr",
    home: str = "index.html",
    profiles: str | None = "districts/",
    maps: str | None = "maps/",
    examples: Sequence[tuple[str, str]] = (),
) -> str:
    """The page ``compare.html``: pick 2–4 districts, see them compared; as a complete document.

    Parameters
    ----------
    table
        The district table (:func:`izmir_maps.data.join.district_table`, ``"web"``).
    lang
        Page language.
    home
        Relative link to the atlas home page.
    profiles
        Relative folder of the district profiles, or ``None`` for no links.
    maps
        Relative folder of the interactive maps the small maps link to, or ``None``.
    examples
        The ready-made comparisons, as ``(link, label)`` pairs.

    Returns
    -------
    str
        The HTML page. Its script draws the comparison of the districts in
        the address, or of :data:`DEFAULT_CHOICE`.
    """
    data = live_data(table, lang=lang, profiles=profiles)
    return render(
        "compare_live.html",
        lang=lang,
        title=text("compare_live_title", lang),
        home=home,
        sortable=False,
        page_css=Markup(_asset("compare.css")),  # after the shared atlas.css, in the head
        districts=data["d"],
        izmir_line=izmir_line(lang),
        cards=[map_card(table, ind_id, lang, maps) for ind_id in LIVE_MAPS],
        examples=list(examples),
        sources=f"{COMPARE_SOURCES} {text('caveat_exports_year_note', lang)}",
        data=Markup(script_json(data)),
        script=Markup(_asset("compare.js")),
    )
