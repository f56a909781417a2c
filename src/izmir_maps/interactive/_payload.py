"""What an HTML map shows, computed from a :class:`~izmir_maps.spec.map_spec.MapSpec`.

:func:`build_payload` turns a spec into one JSON-ready dict that the inline
script draws (geometry as shared arcs, formatted tooltip and popup texts,
markers, layer switches), plus the legend and note boxes as escaped HTML
(:mod:`izmir_maps.interactive._legend`). Every number is formatted here, in the
spec's language; the script never formats, classifies or parses markup: it
places text with ``textContent`` only.

What depends only on the geometry (shared arcs, label points, areas, the
clipped neighbouring land) is computed once per layer and cached, keyed by a
hash of the geometry, so the atlas's 63 maps of one layer pay for it once.
District coordinates travel on a 1e-4° grid (:data:`GRID`): at most 5.6 m
off, under half a pixel at the highest zoom the maps allow (13), where Leaflet
itself rounds every vertex to a whole pixel. Context land (neighbouring
provinces, from the national layer simplified to about 300 m) travels on a
1e-3° grid (:data:`CONTEXT_GRID`), a sixth of its own simplification; so do the
districts of maps drawn on that layer (other provinces, all Türkiye: a third
less to download for the 973 districts).

A page of hundreds of districts (:data:`PACK_MIN`: the national map) is sent
by column (:func:`pack`): each text once where districts share it (the
tooltip's labels, a province's name), its geometry and orders as streams of
small numbers, the value table's rows left to map.js, which rebuilds exactly
the objects described here (:func:`unpack` is its twin, for the tests). The
national page's data and value table take 172 kB instead of 467 kB, and it shows and
says the same.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from izmir_maps._script_json import script_json
from izmir_maps.data.boundaries import EQUAL_AREA_CRS, IZMIR_PCODE
from izmir_maps.data.locations import SOURCED
from izmir_maps.data.registry import Indicator, base_indicators, indicator, indicator_ids
from izmir_maps.errors import UnknownIndicatorError
from izmir_maps.interactive._geometry import (
    encode_polyline,
    label_point,
    polygons_of,
    topology,
)
from izmir_maps.interactive._legend import (
    build_legend,
    value_table,
    year_cells,
    year_classes,
)
from izmir_maps.interactive._style import KIND_TEXT, PLAIN_FILL, PLAIN_LINE, SHAPES, safe_color
from izmir_maps.interactive._text import clean, is_missing, short_name, word
from izmir_maps.spec.boundary import BoundaryCaveats
from izmir_maps.spec.describe import describe_map
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    DISTRICT_LINE,
    HIGHLIGHT_LINE,
    LAND_COLOR,
    PROPOSED_WIND_COLOR,
    PROVINCE_LINE,
    WIND_COLOR,
    attribution,
    wind_radius,
)
from izmir_maps.spec.years import year_spec
from izmir_maps.text.names import ascii_fold, slugify, turkish_sort_key
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import has_text, text

__all__ = [
    "CENTRE_PCODES",
    "CONTEXT_GRID",
    "GRID",
    "PACK_MIN",
    "Payload",
    "build_payload",
    "navigation",
    "pack",
    "unpack",
]

#: District coordinates of the HTML maps are multiples of 1 / GRID degrees (≤ 5.6 m off).
GRID = 10_000
#: Coordinates of the context land (neighbours, ``MapSpec.land``): 1e-3°, ≤ 56 m off.
CONTEXT_GRID = 1_000
_MAX_ZOOM = 13
_VIEW_PAD = 1.2  # degrees around the districts the map may pan (at least): room for a tall legend
_CLIP_PAD = 1.6  # degrees of neighbouring land kept
_LAND_SIMPLIFY = 0.005  # degrees: context land beyond the neighbours is drawn coarsely
_SEA_LABEL = (38.02, 26.35)  # open sea between Chios and Samos, west of Seferihisar
#: Inland Anatolia east of 28° E between the Gulf of Gökova and the Sea of Marmara: land,
#: painted under İzmir's neighbouring provinces so the provinces beyond them do not read
#: as sea. Maps of other provinces carry that land in ``MapSpec.land`` instead.
_INLAND = [[37.05, 28.0], [40.3, 31.5]]
#: Pixels of hexagon (√area) a label needs per letter on the grid: an 11 px bold name takes
#: about 6.4 px a letter and a flat-top hexagon is 1.24 √area wide across its middle.
_GRID_LABEL_PX = 6.6
_PCODE_SAFE = re.compile(r"[^A-Za-z0-9_-]")
#: The eight small central districts that the "İzmir merkez" button zooms to: Konak,
#: Karşıyaka, Bayraklı, Karabağlar, Gaziemir, Balçova, Narlıdere, Güzelbahçe.
CENTRE_PCODES = (
    "TUR035021",
    "TUR035017",
    "TUR035004",
    "TUR035015",
    "TUR035013",
    "TUR035002",
    "TUR035024",
    "TUR035014",
)
# Letters that text.names.ascii_fold changes other than by lower-casing: the script folds a
# typed query with this table, so "ÇİĞLİ", "Cigli" and "cigli" all become "cigli".
_FOLD_LETTERS = "ÂÇĞIİÎÖŞÛÜâçğıîöşûü"
_KNOWN = frozenset(indicator_ids())


@dataclass
class Payload:
    """The parts of one HTML map.

    Attributes
    ----------
    data
        JSON-ready dict for the inline script. Its geometry (arcs, shapes,
        label points) is shared with every payload of the same layer through
        the cache: treat it as read-only.
    legend
        Escaped HTML of the legend box (title, classes, symbols, notes, sources).
    notes
        Escaped HTML of the note box (unassigned wind capacity, unplaced points).
    table
        Escaped HTML of the map's values as a table, hidden until "Tablo olarak
        göster" shows it (``""`` for a map without values).
    """

    data: dict[str, Any]
    legend: str
    notes: str
    table: str = ""


def build_payload(spec: MapSpec, *, tiles: bool = False, labels: bool = True) -> Payload:
    """Everything the HTML page of ``spec`` shows, formatted in ``spec.lang``.

    Parameters
    ----------
    spec
        The map.
    tiles
        Whether a tile basemap is drawn (then no neighbour land, lighter fills).
    labels
        Whether district names are shown at start (they can be switched on).

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import osb_spec
    >>> payload = build_payload(osb_spec())
    >>> len(payload.data["d"]), [layer[0] for layer in payload.data["layers"]]
    (30, ['osb', 'labels'])
    """
    lang = spec.lang
    districts = spec.districts.to_crs(4326) if spec.districts.crs else spec.districts
    choro = spec.kind in ("choropleth", "combined", "bivariate") and spec.classification is not None
    izmir = all(str(p).startswith(IZMIR_PCODE) for p in districts["pcode"])
    grid = GRID if izmir else CONTEXT_GRID  # the national layer is simplified to about 300 m
    geo = _district_geometry(_Shapes(districts.geometry), grid)
    data: dict[str, Any] = {
        "q": grid,
        "qn": CONTEXT_GRID,
        "style": _style(tiles),
        "words": {
            **{k: word(k, lang) for k in ("zoom_in", "zoom_out", "source")},
            **{k: word(f"ma_{k}", lang) for k in ("legend_more", "legend_less", "close")},
        },
        # the user's own shapes (explore()) are not OCHA's: their source is in the legend
        "attr": "" if spec.areas == "areas" else html.escape(attribution(lang)),
        "view": dict(geo.view),
    }
    if spec.layout == "grid":  # a name is shown only where it fits inside its hexagon
        data["style"]["labelPx"] = _GRID_LABEL_PX
        data["grid"] = 1  # no scale bar: distances on the grid mean nothing
    if spec.osbs is not None or spec.wind_farms is not None:
        data["shapes"] = SHAPES
    data.update(_district_data(spec, districts, geo, choro))
    if not tiles and spec.layout != "grid":  # the grid is abstract: no land, no sea around it
        data["nb"] = _neighbours(spec.neighbours, districts, geo)
        if spec.land is not None and len(spec.land):
            data["land"] = _land(_Shapes(spec.land.to_crs(4326).geometry), geo)
        elif izmir:
            data["inland"] = _INLAND
        if izmir:
            data["sea"] = {"n": word("sea", lang), "p": list(_SEA_LABEL)}
    layers: list[list[Any]] = []  # [key, name, shown at start]
    if choro:
        # a bivariate map's one layer shows both indicators: its title names them
        choro_name = spec.title if spec.kind == "bivariate" else spec.indicator.label(lang)
        layers.append(["choro", choro_name, True])
    if spec.osbs is not None:
        data["osb"] = _osb_points(spec)
        layers.append(["osb", word("osb_layer", lang), True])
    if spec.wind_points is not None:
        data["wp"] = _wind_points(spec)
        layers.append(["wind", text("wind", lang) + " (2009)", True])
    if spec.caveats.hatched:
        layers.append(["boundary", text("boundary_tip", lang), True])
    if spec.wind_proposed:
        layers.append(["proposed", text("wind_proposed", lang), spec.kind == "wind"])
    if spec.wind_farms is not None:
        data["farms"] = _farm_points(spec)
        layers.append(["farms", text("wind_farms", lang), False])
    layers.append(["labels", word("labels", lang), labels])
    # Leaflet's layer switch sets names as HTML: escape them here.
    data["layers"] = [[key, html.escape(name), on] for key, name, on in layers]
    years = _year_specs(spec) if choro else None
    if years:
        data["yr"] = _year_data(spec, years, districts, geo)
    legend, notes = build_legend(spec, choro=choro, years=years)
    if years:  # the value table's cells of every year, as value_table lays them out
        data["yr"]["tb"] = year_cells(data, lang)
    return Payload(data, legend, notes, value_table(spec.title, data, lang))


def navigation(
    spec: MapSpec, *, home: str | None = None, profiles: str | None = None
) -> dict[str, Any]:
    """What the page script needs to find and share a district: the ``nav`` entry of a page.

    The two-map page (:mod:`~izmir_maps.interactive.sync`) has no such entry, so
    neither of its halves draws a search box or writes the address.

    Parameters
    ----------
    spec
        The map.
    home
        Relative link to the atlas home page, or ``None`` for a map on its own.
    profiles
        Relative folder of the district profiles (``<slug>.html``), or ``None``.

    Returns
    -------
    dict
        ``d``: per district (in the order of the payload's ``d``) its slug ``s``
        (the address ``#<slug>``), its search key ``k`` (:func:`~izmir_maps.text.names.ascii_fold`
        of its name; left out where it is the slug, as for one-word names);
        with ``profiles``, ``pp``, the folder of the profiles (a district's is
        ``pp + slug + ".html"``) and ``w.profile``, the link's text with ``{name}``;
        ``fold``: the letters the script folds in a typed query; ``centre``:
        bounds of the central districts, when the map has them all; ``w``: the words.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> nav = navigation(choropleth_spec("employees"), profiles="../districts/")
    >>> cigli = next(d for d in nav["d"] if d["s"] == "cigli")
    >>> "k" in cigli, nav["pp"] + cigli["s"] + ".html", nav["w"]["profile"]
    (False, '../districts/cigli.html', '{name} ilçe profili')
    """
    lang = spec.lang
    frame = spec.districts
    names = frame["district"] if "district" in frame.columns else frame["pcode"]
    rows = []
    for name, pcode in zip(names, frame["pcode"], strict=True):
        shown = clean(name) or clean(pcode)  # as the payload names it
        item = {"s": slugify(shown)}
        if ascii_fold(shown) != item["s"]:  # the script searches the slug then: 14 kB on 973
            item["k"] = ascii_fold(shown)
        rows.append(item)
    words = ("tools", "home", "home_short", "search", "search_hint", "no_match")
    out: dict[str, Any] = {
        "d": rows,
        "fold": {c: ascii_fold(c) for c in _FOLD_LETTERS},
        "w": {k: text(f"nav_{k}", lang) for k in (*words, "fullscreen", "fullscreen_exit")},
    }
    if spec.areas == "areas":  # any shapes (explore()): not "İlçe ara … ör. Çiğli"
        first = min((str(n) for n in names), key=turkish_sort_key, default="")
        out["w"].update(
            search=text("area_search", lang),
            search_hint=text("area_search_hint", lang, name=first),
            no_match=text("area_no_match", lang),
        )
    out["w"]["centre"] = text("centre", lang)
    out["w"]["centre_title"] = text("nav_centre_title", lang)
    out["w"]["table"] = text("ma_table_show", lang)
    if profiles is not None:  # the script puts each district's slug and name in: 2 kB a map
        out["pp"] = profiles
        out["w"]["profile"] = text("nav_profile", lang, name="{name}")
    centre = frame[frame["pcode"].isin(CENTRE_PCODES)]
    if len(centre) == len(CENTRE_PCODES):
        geoms = centre.to_crs(4326).geometry if centre.crs else centre.geometry
        w, s, e, n = (round(float(v), 4) for v in shapely.total_bounds(np.asarray(geoms)))
        out["centre"] = [[s, w], [n, e]]
    if home is not None:
        out["home"] = home
    return out


# --- geometry and districts -------------------------------------------------------------------


def _add_caveat(item: dict[str, Any], caveats: BoundaryCaveats, pcode: str, lang: Lang) -> None:
    """The boundary-change line in the tooltip (and the pattern for a new district)."""
    line = caveats.line(pcode)
    if line is None:
        return
    item.setdefault("t", []).append([text("boundary_tip", lang), line])
    if pcode in caveats.hatched:
        item["b"] = 1


def _style(tiles: bool) -> dict[str, Any]:
    return {
        "line": DISTRICT_LINE,
        "plain": {"fillColor": PLAIN_FILL, **PLAIN_LINE},
        "hover": HIGHLIGHT_LINE,
        "province": PROVINCE_LINE,
        "land": LAND_COLOR,
        "proposed": PROPOSED_WIND_COLOR,
        "changed": BOUNDARY_CHANGE_COLOR,
        "wind": WIND_COLOR,
        "opacity": 0.72 if tiles else 1.0,
        "labelPx": 5.2,
    }


def _view(bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """Start view, panning limits and zoom range, from the districts' bounds.

    The map may pan :data:`_VIEW_PAD` degrees (or 15 % of its extent, if more)
    beyond the districts and zoom out until they span about a third of a
    1,000 px window (zoom 7 for İzmir, 4 for all of Türkiye).
    """
    w, s, e, n = (round(float(v), 4) for v in bounds)
    span = max(e - w, n - s, 1e-3)
    p = max(_VIEW_PAD, round(0.15 * span, 1))
    return {
        "bounds": [[s, w], [n, e]],
        "maxBounds": [[round(s - p, 4), round(w - p, 4)], [round(n + p, 4), round(e + p, 4)]],
        "min": int(min(7, max(3, math.floor(math.log2(360 / span))))),
        "max": _MAX_ZOOM,
    }


def _district_data(
    spec: MapSpec, districts: gpd.GeoDataFrame, geo: _Geometry, choro: bool
) -> dict[str, Any]:
    lang = spec.lang
    popup = [ind for ind in base_indicators() if ind.id in districts.columns]
    mapped = (spec.indicator.base or spec.indicator.id) if spec.indicator is not None else None
    # a label fits its shape: on the grid the hexagon, whatever the district's real area
    area = list(geo.areas) if spec.layout == "grid" else _areas(districts, geo)
    proposed = set(spec.wind_proposed)
    n = len(districts)
    several = len({str(p)[:6] for p in districts["pcode"]}) > 1  # P-codes of several provinces
    provinces = districts["province"] if several and "province" in districts.columns else None
    values = {c: districts[c].tolist() for c in districts.columns if c != districts.geometry.name}
    records = [{c: v[i] for c, v in values.items()} for i in range(n)]  # faster than iterrows
    # the legend's decimals, so that a tooltip's value can be found among its classes
    decimals = spec.classification.decimals(spec.indicator) if choro else None
    share_label = _share_label(districts)
    bars = _has_bars(spec) and choro
    # a rank is "of" the districts with a value: 1./1 in a year only one district reports
    ranked = n if mapped not in districts.columns else int(districts[mapped].notna().sum())
    rows = []
    for i, (key, row) in enumerate(zip(districts.index, records, strict=True)):
        name = clean(row.get("district")) or clean(row.get("pcode"))
        pcode = clean(row.get("pcode"))
        item: dict[str, Any] = {
            "id": _PCODE_SAFE.sub("", pcode) or f"d{i}",
            "n": name,
            "g": geo.shapes[i],
            "l": geo.labels[i],
            "a": round(float(area[i]), 1),
            "v": [_fmt(ind, row.get(ind.id), lang, unit=True) for ind in popup],
        }
        if choro:
            item["c"] = safe_color(spec.classification.color_of(key))
            item["t"] = _tooltip_rows(spec.indicator, row, lang, ranked, decimals, share_label)
            if spec.kind == "bivariate":  # both values, classes and ranks: decided by the spec
                item["t"] = [list(r) for r in spec.tooltips[key]]
            if provinces is not None:  # a district name may occur in several provinces
                item["t"].insert(0, [text("province", lang), clean(provinces.iloc[i])])
            if bars:  # the value's row follows the province's row, when there is one
                at = 0 if provinces is None else 1
                _add_bar(item, spec.indicator, row.get(spec.indicator.id), lang, decimals, at)
        elif pcode in proposed:
            item["t"] = [[word("proposed_district", lang), text("yes", lang)]]
        if pcode in proposed:
            item["w"] = 1
        access = _access_name(name, item.get("t", []), lang, proposed=pcode in proposed)
        _add_caveat(item, spec.caveats, pcode, lang)
        if access != _composed_name(item):  # else the script composes it: 26 kB on 973 districts
            item["an"] = access
        rows.append(item)
    out = {
        "arcs": geo.arcs,
        "outline": geo.outer,
        "d": rows,
        # the order of the districts for the keyboard and the table: Turkish alphabetical, as
        # the search list; an order by position has no single answer for 30 odd shapes
        "ko": sorted(range(n), key=lambda j: turkish_sort_key(rows[j]["n"])),
        "pk": [ind.label(lang) for ind in popup],
        "pm": next((j for j, ind in enumerate(popup) if ind.id == mapped), -1),
    }
    if several:
        out["pb"] = _province_borders(geo, list(districts["pcode"]))
    if bars:
        out["rb"] = _bar_words(spec)
        if provinces is not None:  # the tooltip's row that ``bs`` leaves out is its second
            out["rb"]["vi"] = 1
    return out


def _year_specs(spec: MapSpec) -> list[MapSpec] | None:
    """The spec of every year of a year map (:mod:`izmir_maps.spec.years`), else ``None``."""
    if spec.years is None or spec.kind != "choropleth":
        return None
    return [year_spec(spec, year) for year in spec.years.years]


def _year_data(
    spec: MapSpec, years: list[MapSpec], districts: gpd.GeoDataFrame, geo: _Geometry
) -> dict[str, Any]:
    """What the year slider shows of each year: the ``yr`` entry of a year map's payload.

    Each year's districts go through :func:`_district_data`, as the year shown
    first does, so a year's fills, tooltips and bars are what a map of that
    year alone would show.

    Returns
    -------
    dict
        ``y``: the years; ``s``: the index of the year shown first; ``f``: per
        year, per district (in the order of ``d``) its fill colour, tooltip rows,
        name read out, bar value (``None`` without a value) and bar label, and its
        popup values; ``k``: per year the count of each row of the classes legend
        (``None``: the row is hidden that year); ``tt``: per year the title;
        ``ds``: per year the description of the map; ``w``: the words of the slider;
        and, added by :func:`build_payload`, ``tb``: per year the value table's cells.
    """
    assert spec.years is not None
    lang = spec.lang
    fills = []
    for shown in years:
        frame = districts.copy()
        for column in shown.districts.columns.drop(shown.districts.geometry.name):
            frame[column] = shown.districts[column].to_numpy()
        rows = _district_data(shown, frame, geo, choro=True)["d"]
        fills.append(
            [
                [r["c"], r["t"], r.get("an") or _composed_name(r), r.get("bv"), r.get("bs"), r["v"]]
                for r in rows
            ]
        )
    _, counts = year_classes(years)
    return {
        "y": list(spec.years.years),
        "s": spec.years.years.index(spec.years.shown),
        "f": fills,
        "k": counts,
        "tt": [y.title for y in years],
        "ds": [describe_map(y) for y in years],  # the map in words, read by screen readers
        "w": {k: text(f"ys_{k}", lang) for k in ("group", "label", "play", "pause")},
    }


# --- ranking bars -----------------------------------------------------------------------------


def _has_bars(spec: MapSpec) -> bool:
    """Whether the page lists its districts as ranking bars: a choropleth of values.

    Not a bivariate or combined map (two values, or markers too), and not a map
    of ranks, whose "longest bar" would be the last district.
    """
    ind = spec.indicator
    return spec.kind == "choropleth" and ind is not None and ind.fmt != "rank"


def _bar_value(value: object) -> int | float | None:
    """The value a bar is drawn and sorted by: exact for whole numbers, else 7 digits.

    Examples
    --------
    >>> _bar_value(27225.0), _bar_value(263.44231987), _bar_value(float("nan"))
    (27225, 263.4423, None)
    """
    if is_missing(value):
        return None
    number = float(value)
    if not math.isfinite(number):
        return None
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return float(f"{number:.7g}")


def _add_bar(
    item: dict[str, Any],
    ind: Indicator,
    value: object,
    lang: Lang,
    decimals: int | None,
    at: int = 0,
) -> None:
    """A district's ranking bar: ``bv`` the value mapped (``None``: no data), ``bs`` as shown.

    ``bs`` is the value as the tooltip writes it; it is left out where it is the
    tooltip's value (``t[at][1]``: the first row on a map of one province, the
    second after the province on a map of several, ``rb.vi``), and map.js reads
    that instead: 0.6 kB less on a map of 30 districts, 13 kB on 973.
    """
    item["bv"] = _bar_value(value)
    shown = (
        text("no_data", lang)
        if item["bv"] is None
        else ind.format(float(value), lang, decimals=decimals, unit=True)
    )
    rows = item["t"]
    if at >= len(rows) or shown != rows[at][1]:
        item["bs"] = shown


def _bar_words(spec: MapSpec) -> dict[str, str]:
    """The words of the ranking panel (``rb`` of the payload), in the map's language.

    ``h``: its heading (what is ranked), ``b``: the button, ``x``: its close
    button, ``i``: how to use it, ``nd``: a district without a value, ``r``: a
    rank ("{1}./{2}": rank, of how many), ``s``: the live region on a chosen
    district ("{1}": name, "{2}": value, "{3}": rank), ``c``: the live region
    when cleared. The slots are numbered: a Turkish page carries no English word.
    """
    lang = spec.lang
    return {
        "h": spec.indicator.label(lang),
        "b": text("rb_button", lang),
        "x": text("rb_close", lang),
        "i": text("rb_hint", lang),
        "nd": word("ma_no_data", lang),
        "r": text("rank_of", lang, rank="{1}", of="{2}"),
        "s": text("rb_selected", lang, name="{1}", value="{2}", rank="{3}"),
        "c": text("rb_cleared", lang),
    }


def _access_name(name: str, rows: list[list[str]], lang: Lang, *, proposed: bool) -> str:
    """What a screen reader says on a district: its name and the tooltip's values, once.

    ``"Aliağa: 27.225 kişi, %4,14, 9./30"``; ``"Kiraz: veri yok"`` without a value;
    just the name on a map that shows no values of districts.
    """
    if proposed:
        return f"{name}: {word('proposed_district', lang)}"
    none = text("no_data", lang)
    values = [word("ma_no_data", lang) if value == none else value for _, value in rows]
    return f"{name}: {', '.join(values)}" if values else name


def _composed_name(item: dict[str, Any]) -> str:
    """The accessible name that map.js composes when ``an`` is left out: name and tooltip values.

    Examples
    --------
    >>> _composed_name({"n": "Aliağa", "t": [["Çalışan", "27.225 kişi"], ["Sıra", "9./30"]]})
    'Aliağa: 27.225 kişi, 9./30'
    >>> _composed_name({"n": "Aliağa"})
    'Aliağa'
    """
    rows = item.get("t")
    return f"{item['n']}: {', '.join(value for _, value in rows)}" if rows else item["n"]


def _province_borders(geo: _Geometry, pcodes: list[str]) -> list[int]:
    """Indices of the arcs between districts of different provinces (P-codes ``TURppp…``)."""
    owners: dict[int, set[str]] = {}
    for shape, pcode in zip(geo.shapes, pcodes, strict=True):
        for ref in (r for poly in shape for ring in poly for r in ring):
            owners.setdefault(ref if ref >= 0 else ~ref, set()).add(pcode[:6])
    return sorted(arc for arc, provinces in owners.items() if len(provinces) > 1)


def _tooltip_rows(
    ind: Indicator,
    row: dict[str, Any],
    lang: Lang,
    n: int,
    decimals: int | None = None,
    share_label: str = "share_of_izmir",
) -> list[list[str]]:
    value = row.get(ind.id)
    if is_missing(value):
        return [[ind.label(lang), text("no_data", lang)]]
    shown = ind.format(float(value), lang, decimals=decimals, unit=True)
    rows = [[ind.label(lang), shown]]
    base = ind.base or ind.id
    if ind.variant in ("per_1000", "per_km2"):
        base_ind = indicator(base)
        rows.append([base_ind.label(lang), _fmt(base_ind, row.get(base), lang, unit=True)])
    for suffix, label in (("share", share_label), ("rank", "rank")):
        column = f"{base}_{suffix}"
        known = column in row and (column in _KNOWN or _registered(column))
        if column == ind.id or not known or is_missing(row.get(column)):
            continue
        rows.append([text(label, lang), _fmt(indicator(column), row.get(column), lang, of=n)])
    return rows


def _registered(column: str) -> bool:
    """Whether ``column`` is an indicator registered for a user's table (``user_…``)."""
    try:
        indicator(column)
    except UnknownIndicatorError:
        return False
    return True


def _share_label(districts: gpd.GeoDataFrame) -> str:
    """The catalogue key of the share row: "of İzmir" only on a map of İzmir's districts."""
    pcodes = districts["pcode"].astype(str) if "pcode" in districts.columns else None
    izmir = pcodes is not None and bool(pcodes.str.startswith(IZMIR_PCODE).all())
    return "share_of_izmir" if izmir else "share_of_total"


def _areas(districts: gpd.GeoDataFrame, geo: _Geometry) -> list[float]:
    if "area_km2" in districts.columns and districts["area_km2"].notna().all():
        return [float(a) for a in districts["area_km2"]]
    return list(geo.areas)


def _neighbours(
    neighbours: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, geo: _Geometry
) -> list[dict]:
    if neighbours is None or not len(neighbours):
        return []
    shapes = _neighbour_shapes(_Shapes(neighbours.to_crs(4326).geometry), geo)
    out = []
    for name, (polys, point) in zip(neighbours["province"], shapes, strict=True):
        if polys is None:
            continue
        item: dict[str, Any] = {"n": clean(name), "g": polys}
        if point is not None:
            item["l"] = point
        out.append(item)
    return out


# --- geometry, computed once per layer ----------------------------------------------------------


class _Shapes:
    """Geometries hashed by their WKB, so that equal layers share one cache entry."""

    __slots__ = ("digest", "geoms")

    def __init__(self, geoms: gpd.GeoSeries) -> None:
        self.geoms = np.asarray(geoms, dtype=object)
        wkb = shapely.to_wkb(self.geoms, hex=False, output_dimension=2, include_srid=False)
        self.digest = hashlib.blake2b(b"".join(wkb), digest_size=20).digest()

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Shapes) and other.digest == self.digest


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per cached layer
class _Geometry:
    """What the HTML map needs of one district layer (shared by every map of that layer)."""

    key: _Shapes
    arcs: list[str]
    shapes: list[Any]
    outer: list[int]
    labels: list[list[float]]
    areas: tuple[float, ...]
    view: dict[str, Any]
    bounds: tuple[float, float, float, float]


@lru_cache(maxsize=8)
def _district_geometry(key: _Shapes, grid: int) -> _Geometry:
    geoms = list(key.geoms)
    topo = topology(geoms, grid=grid)
    digits = round(math.log10(grid))  # label points as precise as the shapes
    bounds = tuple(float(v) for v in shapely.total_bounds(key.geoms))
    areas = gpd.GeoSeries(geoms, crs=4326).to_crs(EQUAL_AREA_CRS).area / 1e6
    return _Geometry(
        key=key,
        arcs=topo.encoded_arcs(),
        shapes=topo.shapes,
        outer=topo.outer,
        labels=[[round(v, digits) for v in label_point(g)] for g in geoms],
        areas=tuple(float(a) for a in areas),
        view=_view(bounds),  # type: ignore[arg-type]
        bounds=bounds,  # type: ignore[arg-type]
    )


@lru_cache(maxsize=8)
def _near(geo: _Geometry) -> shapely.Geometry:
    """The districts' surroundings, within their bounds: where a neighbour's name goes."""
    union = shapely.union_all(geo.key.geoms).simplify(0.01)
    return union.buffer(0.2, quad_segs=2).intersection(shapely.box(*geo.bounds))


@lru_cache(maxsize=16)
def _neighbour_shapes(key: _Shapes, geo: _Geometry) -> list[tuple[Any, Any]]:
    """Per neighbour: its polygons clipped around the districts, and a label point near them."""
    w, s, e, n = geo.bounds
    clip = shapely.box(w - _CLIP_PAD, s - _CLIP_PAD, e + _CLIP_PAD, n + _CLIP_PAD)
    out: list[tuple[Any, Any]] = []
    for geom in key.geoms:
        part = shapely.intersection(geom, clip)
        if part.is_empty:
            out.append((None, None))
            continue
        polys = [
            [encode_polyline([*r, r[0]]) for r in poly]
            for poly in polygons_of(part, grid=CONTEXT_GRID)
        ]
        close = shapely.intersection(geom, _near(geo))
        point = None
        if not close.is_empty and close.area > 0:
            point = [round(v, 3) for v in label_point(close)]
        out.append((polys, point))
    return out


@lru_cache(maxsize=16)
def _land(key: _Shapes, geo: _Geometry) -> list[list[str]]:
    """Context land (``MapSpec.land``) clipped around the districts, simplified, encoded."""
    w, s, e, n = geo.bounds
    clip = shapely.box(w - _CLIP_PAD, s - _CLIP_PAD, e + _CLIP_PAD, n + _CLIP_PAD)
    land = shapely.intersection(shapely.union_all(key.geoms), clip).simplify(_LAND_SIMPLIFY)
    polys = polygons_of(land, grid=CONTEXT_GRID)
    return [[encode_polyline([*r, r[0]]) for r in poly] for poly in polys]


# --- markers ----------------------------------------------------------------------------------


def _osb_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    out = []
    for _, row in spec.osbs.iterrows():
        kind = clean(row.get("kind"))
        key = kind if kind in KIND_TEXT else "other"
        name = clean(row.get("name"))
        short = clean(row.get("short_name"))
        area = row.get("area_ha")
        rows = [
            [word("short_name", lang), short or "–"],
            [word("kind", lang), text(KIND_TEXT[key], lang) if key != "other" else kind],
            [text("district", lang), clean(row.get("district")) or "–"],
            [text("founded", lang), _year(row.get("founded_year"), lang)],
            [text("area", lang), _hectares(area, lang)],
            [text("status_2009", lang), _status(row.get("status_2009"), lang)],
            [text("status_now", lang), _status(row.get("status_now"), lang)],
            [word("location", lang), _location(row.get("location"), lang)],
        ]
        if clean(row.get("remark")):  # the spec's table holds the remark in the map's language
            rows.append([text("osb_remark", lang), clean(row.get("remark"))])
        out.append(
            {
                "p": _latlng(row.geometry),
                "k": key,
                "q": _quality(row.get("location")),
                "h": name,
                "s": short or name,
                "an": ", ".join([name or short, rows[1][1], rows[2][1]]),
                "rows": rows,
                "src": _sources(row.get("source")),
            }
        )
    return out


def _farm_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    mw = indicator("wind_capacity_mw")
    out = []
    for _, row in spec.wind_farms.iterrows():
        name = clean(row.get("name"))
        rows = [
            [text("district", lang), clean(row.get("district")) or "–"],
            [text("capacity", lang), _fmt(mw, row.get("capacity_mw"), lang, unit=True)],
            [text("commissioned", lang), _year(row.get("commissioning_year"), lang)],
            [text("status", lang), clean(row.get("status")) or "–"],
            [word("location", lang), _location(row.get("location"), lang)],
        ]
        out.append(
            {
                "p": _latlng(row.geometry),
                "q": _quality(row.get("location")),
                "h": name,
                "s": short_name(name),
                "an": ", ".join([name, rows[0][1], rows[1][1]]),
                "rows": rows,
                "src": _sources(row.get("source")),
            }
        )
    return out


def _wind_points(spec: MapSpec) -> list[dict[str, Any]]:
    lang = spec.lang
    mw = indicator("wind_capacity_mw")
    top = spec.legend.sizes.top  # the legend's largest circle, so map and legend agree
    out = []
    for _, row in spec.wind_points.iterrows():
        value = row.get("capacity_mw")
        if is_missing(value) or float(value) <= 0:
            continue
        out.append(
            {
                "p": _latlng(row.geometry),
                "r": round(wind_radius(float(value), top), 2),
                "q": _quality(row.get("location")),
                "s": clean(row.get("label")) or clean(row.get("district")),
                "an": word(
                    "ma_wind_point",
                    lang,
                    name=clean(row.get("label")) or clean(row.get("district")),
                    mw=mw.format(float(value), lang, unit=True),
                ),
                "rows": [
                    [text("capacity", lang), mw.format(float(value), lang, unit=True) + " (2009)"],
                    [word("location", lang), _location(row.get("location"), lang)],
                ],
            }
        )
    return out


# --- small formatting helpers -----------------------------------------------------------------


def _fmt(
    ind: Indicator, value: object, lang: Lang, *, unit: bool = False, of: int | None = None
) -> str:
    """``value`` formatted as ``ind`` says; a rank out of ``of`` districts when given."""
    if is_missing(value):
        return text("no_data", lang)
    if ind.fmt == "rank" and of is not None:
        return text("rank_of", lang, rank=format_number(float(value), lang, 0), of=of)
    return ind.format(float(value), lang, unit=unit)


def _year(value: object, lang: Lang) -> str:
    return text("no_data", lang) if is_missing(value) else str(int(value))


def _hectares(value: object, lang: Lang) -> str:
    if is_missing(value):
        return text("no_data", lang)
    number = float(value)
    return format_number(number, lang, 0 if number.is_integer() else 1) + " ha"


def _status(value: object, lang: Lang) -> str:
    status = clean(value)
    if not status:
        return text("no_data", lang)
    return word(status, lang) if has_text(status) else status


def _location(value: object, lang: Lang) -> str:
    return text("location_sourced" if clean(value) == SOURCED else "location_approx", lang)


def _quality(value: object) -> str:
    return "s" if clean(value) == SOURCED else "a"


def _latlng(point: shapely.Point) -> list[float]:
    return [round(point.y, 5), round(point.x, 5)]


def _sources(value: object) -> list[str]:
    return [part.strip() for part in clean(value).split(" ; ") if part.strip()]


# --- a page of many districts: the payload by column ------------------------------------------

#: From this many districts a page sends its districts by column (:func:`pack`): the
#: national map's 973. A province's map keeps one object per district, as before.
PACK_MIN = 100
#: The digits of the packed number streams: printable ASCII that JSON and a ``<script>``
#: element keep as one byte (no ``"``, ``\``, ``<``, ``>``, ``&``).
_DIGITS = "".join(c for c in map(chr, range(32, 127)) if c not in '"\\<>&')
_ABSENT = object()  # a district without this entry (not the same as a null value)
_SEPARATORS = "|~^`"
#: Names the script folds to the slug itself (text.names.slugify): ASCII and Turkish letters.
_PLAIN_NAME = re.compile(r"[ -~ÂÇĞIİÎÖŞÛÜâçğıîöşûü]*")


def pack(data: dict[str, Any], table: str, lang: Lang) -> tuple[dict[str, Any], str]:
    """The page's form of a payload and its value table: by column, from :data:`PACK_MIN` districts.

    Each district's entries become one column each (its names joined in one
    string, its colours as indices into the five used, a tooltip's labels sent
    once); its shapes, label points, the arcs and the keyboard order become
    number streams (:func:`_stream`); the navigation's slugs are left to the
    script where it folds the name to the same slug; the value table's rows are
    left to the script, which fills them from the tooltips. Nothing is formatted
    in the script: every text is the one the payload carried.

    The packed form is checked against ``data`` here (:func:`unpack` gives
    ``data`` back exactly, and the table rows the script would write are the
    table's), else the payload goes unchanged.

    Parameters
    ----------
    data
        The payload's data, with its ``nav`` (:func:`navigation`); not changed.
    table
        The value table (:func:`~izmir_maps.interactive._legend.value_table`).
    lang
        The map's language (the text of an empty cell of the table).

    Returns
    -------
    tuple
        The data and the table as the page writes them.
    """
    rows = data.get("d", [])
    if len(rows) < PACK_MIN or "yr" in data:  # a year map swaps its columns: kept whole
        return data, table
    try:
        wire = _pack(data)
    except ValueError:  # something the columns cannot say: sent as it is
        return data, table
    if unpack(wire, arcs=False) != data:
        return data, table
    wire["arcs"] = _arc_stream(tuple(data["arcs"]))
    table, rows_of = _table_parts(data, table, lang)
    if rows_of is not None:
        wire["p"]["tr"] = rows_of
    return wire, table


def unpack(wire: dict[str, Any], *, arcs: bool = True) -> dict[str, Any]:
    """The payload ``wire`` in the form :func:`build_payload` made it, as map.js rebuilds it.

    Parameters
    ----------
    wire
        A payload, packed (:func:`pack`) or not.
    arcs
        Also turn the arc stream back into polyline strings.

    Returns
    -------
    dict
        The data with ``d``, ``arcs``, ``ko``, ``outline``, ``pb`` and the
        navigation's ``d`` as one object per district.
    """
    if "p" not in wire:
        return wire
    data = {k: v for k, v in wire.items() if k != "p"}
    p = wire["p"]
    n = p["n"]
    columns = {key: _column_values(c, n, p) for key, c in p["c"].items()}
    tips = [_column_values(c, n, p) for c in p["tc"]]
    values = [_column_values(c, n, p) for c in p["vc"]]
    ids = _ids(p["id"])
    shapes = _shapes(_read(p["g"]))
    labels = _running(_read(p["l"]))
    q = wire["q"]
    rows = []
    for i in range(n):
        item = {"id": ids[i], "g": shapes[i], "l": [labels[2 * i] / q, labels[2 * i + 1] / q]}
        item.update({k: c[i] for k, c in columns.items() if c[i] is not _ABSENT})
        item["v"] = [c[i] for c in values]
        tip = [[label, c[i]] for label, c in zip(p["tl"], tips, strict=True) if c[i] is not _ABSENT]
        if tip:
            item["t"] = tip
        rows.append(item)
    data["d"] = rows
    for key in ("ko", "outline", "pb"):
        if key in p:
            data[key] = _running(_read(p[key]))
    if arcs:
        data["arcs"] = [encode_polyline(a) for a in _arcs(_read(wire["arcs"]))]
    if "nav" in wire and "d" not in wire["nav"]:
        data["nav"] = {k: v for k, v in wire["nav"].items() if k != "x"}
        fold, extra = wire["nav"]["fold"], wire["nav"]["x"]
        data["nav"]["d"] = [
            extra.get(str(i)) or _nav_item(d["n"], fold) for i, d in enumerate(rows)
        ]
    return data


def _pack(data: dict[str, Any]) -> dict[str, Any]:
    rows = data["d"]
    n = len(rows)
    wire = {k: v for k, v in data.items() if k not in ("d", "ko", "outline", "pb")}
    wire["arcs"] = data["arcs"]
    p: dict[str, Any] = {"n": n, "sep": _separator(rows)}
    keys = sorted({k for d in rows for k in d} - {"id", "g", "l", "t", "v"})
    p["c"] = {k: _column([d.get(k, _ABSENT) for d in rows], p["sep"]) for k in keys}
    labels: list[str] = []
    for d in rows:
        labels += [row[0] for row in d.get("t", []) if row[0] not in labels]
    p["tl"] = labels
    p["tc"] = [_column(_tip_column(rows, label), p["sep"]) for label in labels]
    width = len(rows[0]["v"])
    if any(len(d["v"]) != width for d in rows):
        raise ValueError("districts with popups of different lengths")
    p["vc"] = [_column([d["v"][j] for d in rows], p["sep"]) for j in range(width)]
    p["id"] = _id_runs([d["id"] for d in rows])
    p["g"] = _stream(_shape_codes([d["g"] for d in rows]))
    q = data["q"]
    p["l"] = _stream([_zigzag(v) for v in _deltas([round(x * q) for d in rows for x in d["l"]])])
    for key in ("ko", "outline", "pb"):
        if key in data:
            p[key] = _stream([_zigzag(v) for v in _deltas(data[key])])
    if "nav" in data:
        fold = data["nav"]["fold"]
        wire["nav"] = {k: v for k, v in data["nav"].items() if k != "d"}
        wire["nav"]["x"] = {
            str(i): item
            for i, (item, d) in enumerate(zip(data["nav"]["d"], rows, strict=True))
            if item != _nav_item(d["n"], fold)
        }
    wire["p"] = p
    return wire


# --- columns ------------------------------------------------------------------------------------


def _separator(rows: list[dict[str, Any]]) -> str:
    """A character that no text of a district holds: it joins a column's texts."""
    texts = json.dumps(rows, ensure_ascii=False)
    return next((c for c in _SEPARATORS if c not in texts), "")


def _tip_column(rows: list[dict[str, Any]], label: str) -> list[Any]:
    """The values of one tooltip row (by its label) of every district; each label once."""
    out = []
    for d in rows:
        found = [value for key, value in d.get("t", []) if key == label]
        if len(found) > 1:
            raise ValueError(f"a tooltip with two rows {label!r}")
        out.append(found[0] if found else _ABSENT)
    return out


def _column(values: list[Any], sep: str) -> dict[str, Any]:
    """The shortest of the forms of one column that say it exactly.

    ``l``: the values as a list; ``o``: only the districts that have the entry,
    by index; ``u`` and ``i``: the distinct texts and each district's index
    (``-1``: no entry), or ``u`` and ``x``: the index + 1 in a stream (``0``: no
    entry); ``j``: the texts joined by ``sep`` (``""``: no entry), without the
    prefix ``p`` and suffix ``s`` they all share; ``z`` (and ``d``): numbers in a
    stream (:func:`_scaled`).
    """
    present = [v for v in values if v is not _ABSENT]
    forms: list[dict[str, Any]] = [
        {"o": {str(i): v for i, v in enumerate(values) if v is not _ABSENT}}
    ]
    if len(present) == len(values):
        forms.append({"l": values})
    if present and all(isinstance(v, str) for v in present):
        unique = list(dict.fromkeys(present))
        index = {v: i for i, v in enumerate(unique)}
        forms.append({"u": unique, "i": [-1 if v is _ABSENT else index[v] for v in values]})
        forms.append(
            {"u": unique, "x": _stream([0 if v is _ABSENT else index[v] + 1 for v in values])}
        )
        joined = _joined(values, present, sep)
        if joined is not None:
            forms.append(joined)
    scaled = _scaled(values)
    if scaled is not None:
        forms.append(scaled)
    return min(forms, key=lambda form: len(script_json(form)))


def _scaled(values: list[Any]) -> dict[str, Any] | None:
    """Numbers (or ``None``) as whole multiples of ``1 / d`` in a stream (``z``), if they are.

    Each number is ``1 +`` its zig-zagged multiple, ``0`` a null; ``d`` is the
    smallest power of ten for which every number is exactly that multiple
    divided by ``d`` (in JavaScript as in Python: a correctly rounded division).
    """
    numbers = [v for v in values if v is not None]
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in numbers):
        return None  # _ABSENT, texts and lists too
    if not all(math.isfinite(v) and abs(v) < 2**50 for v in numbers):
        return None
    for digits in range(7):
        d = 10**digits
        if all(round(v * d) / d == v for v in numbers):
            codes = [0 if v is None else 1 + _zigzag(round(v * d)) for v in values]
            return {"z": _stream(codes), "d": d} if digits else {"z": _stream(codes)}
    return None


def _joined(values: list[Any], present: list[str], sep: str) -> dict[str, Any] | None:
    if not sep or any(not v or sep in v for v in present):
        return None
    pre = _common_start(present)
    suf = _common_start([v[len(pre) :][::-1] for v in present])[::-1]
    if any(len(v) == len(pre) + len(suf) for v in present):  # nothing left between them
        pre = suf = ""
    cut = [("" if v is _ABSENT else v[len(pre) : len(v) - len(suf)]) for v in values]
    form: dict[str, Any] = {"j": sep.join(cut)}
    if pre:
        form["p"] = pre
    if suf:
        form["s"] = suf
    return form


def _common_start(texts: list[str]) -> str:
    """The longest text that every one of ``texts`` starts with (character by character)."""
    first, last = min(texts), max(texts)  # what the extremes share, all share
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _column_values(column: dict[str, Any], n: int, p: dict[str, Any]) -> list[Any]:
    """A column's value of each district (:data:`_ABSENT`: none), as map.js reads it."""
    if "l" in column:
        return list(column["l"])
    if "o" in column:
        out: list[Any] = [_ABSENT] * n
        for i, v in column["o"].items():
            out[int(i)] = v
        return out
    if "u" in column and "x" in column:
        return [column["u"][i - 1] if i else _ABSENT for i in _read(column["x"])]
    if "u" in column:
        return [_ABSENT if i < 0 else column["u"][i] for i in column["i"]]
    if "z" in column:
        return [_unzigzag(z - 1) / column.get("d", 1) if z else None for z in _read(column["z"])]
    pre, suf = column.get("p", ""), column.get("s", "")
    return [pre + v + suf if v else _ABSENT for v in column["j"].split(p["sep"])]


def _id_runs(ids: list[str]) -> list[Any]:
    """Ids as runs ``[prefix, first, count, width]`` of numbered ones (``TUR001001``…), or as they are."""
    runs: list[Any] = []
    for id_ in ids:
        found = re.fullmatch(r"(.*?)(\d+)", id_)
        if not found:
            runs.append(id_)
            continue
        prefix, digits = found.groups()
        last = runs[-1] if runs else None
        if (
            isinstance(last, list)
            and last[0] == prefix
            and last[3] == len(digits)
            and last[1] + last[2] == int(digits)
        ):
            last[2] += 1
        else:
            runs.append([prefix, int(digits), 1, len(digits)])
    return runs


def _ids(runs: list[Any]) -> list[str]:
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(run)
        else:
            prefix, first, count, width = run
            out += [prefix + str(first + k).zfill(width) for k in range(count)]
    return out


def _nav_item(name: str, fold: dict[str, str]) -> dict[str, str] | None:
    """The navigation entry map.js makes of a name: the slug (and the search key, if other).

    As :func:`navigation` makes it for a name of ASCII and Turkish letters
    (``None`` for other names: the page sends theirs).
    """
    if not _PLAIN_NAME.fullmatch(name):
        return None
    # per letter as map.js: the table's letter, else the letter lower-cased
    key = re.sub(r"\s+", " ", name.translate(str.maketrans(fold)).lower()).strip()
    item = {"s": re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "x"}
    if key != item["s"]:
        item["k"] = key
    return item


# --- number streams -------------------------------------------------------------------------------


def _zigzag(v: int) -> int:
    return 2 * v if v >= 0 else -2 * v - 1


def _unzigzag(z: int) -> int:
    return -(z + 1) // 2 if z % 2 else z // 2


def _deltas(values: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *values[:-1]], values, strict=True)]


def _running(values: list[int]) -> list[int]:
    out, at = [], 0
    for z in values:
        at += _unzigzag(z)
        out.append(at)
    return out


def _stream(values: list[int] | np.ndarray) -> list[Any]:
    """Whole numbers ≥ 0 as ``[t, text]``: a digit below ``t`` ends a number, one above continues it.

    Each character is one of the 90 of :data:`_DIGITS`; ``t`` is chosen for the
    shortest text (most numbers of a stream are small: one character each). A
    number ``z`` is written ``t + z % (90 - t)``, then the rest ``z // (90 - t)``
    the same way, until what is left is below ``t``.
    """
    array = np.asarray(values, dtype=np.int64)
    if not len(array):
        return [1, ""]
    if array.min() < 0:
        raise ValueError("a negative number in a stream")
    best = min(range(8, 84, 2), key=lambda t: _stream_length(array, t))
    base = len(_DIGITS) - best
    digits, alive, z = [], [], array.copy()
    on = np.ones(len(z), dtype=bool)
    while on.any():  # one column of digits per round: every number's next digit
        more = z >= best
        digits.append(np.where(more, best + z % base, z))
        alive.append(on)
        on = on & more
        z = np.where(more, z // base, z)
    table = np.array(list(_DIGITS))
    # row by row: each number's digits in order, then the next number's
    chosen = np.stack(digits, axis=1)[np.stack(alive, axis=1)]
    return [best, "".join(table[chosen].tolist())]


def _stream_length(array: np.ndarray, t: int) -> int:
    z, total, base = array.copy(), len(array), len(_DIGITS) - t
    while (z >= t).any():
        more = z >= t
        total += int(more.sum())
        z[more] //= base
    return total


def _read(stream: list[Any]) -> list[int]:
    """The numbers of a stream (:func:`_stream`), as map.js reads them."""
    t, text_ = stream
    base = len(_DIGITS) - t
    out, value, scale = [], 0, 1
    for char in text_:
        c = _DIGITS.index(char)
        if c >= t:
            value += (c - t) * scale
            scale *= base
            continue
        out.append(value + c * scale)
        value, scale = 0, 1
    return out


def _shape_codes(shapes: list[Any]) -> list[int]:
    """Per district: polygons, per polygon rings, per ring arcs, then each arc's code.

    An arc used for the first time is always the next new one (code 0); an arc
    used before is ``1 + 2 × (how many arcs ago it was new) + reversed``.
    """
    out: list[int] = []
    new = 0
    for shape in shapes:
        out.append(len(shape))
        for poly in shape:
            out.append(len(poly))
            for ring in poly:
                out.append(len(ring))
                for ref in ring:
                    arc, back = (ref, 0) if ref >= 0 else (~ref, 1)
                    if arc == new and not back:
                        out.append(0)
                        new += 1
                    elif arc < new:
                        out.append(1 + 2 * (new - 1 - arc) + back)
                    else:
                        raise ValueError("an arc used before it is new")
    return out


def _shapes(codes: list[int]) -> list[Any]:
    it = iter(codes)
    shapes, new = [], 0
    for n_polys in it:
        shape = []
        for _ in range(n_polys):
            poly = []
            for _ in range(next(it)):
                ring = []
                for _ in range(next(it)):
                    code = next(it)
                    if code == 0:
                        ring.append(new)
                        new += 1
                        continue
                    arc = new - 1 - (code - 1) // 2
                    ring.append(~arc if (code - 1) % 2 else arc)
                poly.append(ring)
            shape.append(poly)
        shapes.append(shape)
    return shapes


@lru_cache(maxsize=4)
def _arc_stream(arcs: tuple[str, ...]) -> list[Any]:
    """The arcs as one stream: each arc's point count, then its points as steps from the last point.

    An arc starts as a step from the previous arc's end, often where it ended:
    two characters where a polyline string starts with the point itself.
    """
    deltas = _polyline_values(arcs).reshape(-1, 2)  # each arc's steps, from (0, 0)
    counts = np.array([len(a) for a in arcs], dtype=np.int64)  # characters, then points:
    counts = np.add.reduceat(_polyline_ends(arcs), np.cumsum(counts) - counts) // 2
    first = np.cumsum(counts) - counts
    total = np.cumsum(deltas, axis=0)
    before = np.vstack([np.zeros((1, 2), dtype=np.int64), total])[first]  # sums of earlier arcs
    points = total - np.repeat(before, counts, axis=0)  # each arc's points, as decode_polyline
    steps = np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel()
    codes = np.where(steps >= 0, 2 * steps, -2 * steps - 1)  # zig-zag, as _zigzag
    return _stream(np.insert(codes, 2 * first, counts))


def _polyline_ends(arcs: tuple[str, ...]) -> np.ndarray:
    """Per character of the joined polyline strings: 1 where a number ends."""
    chunks = np.frombuffer("".join(arcs).encode("ascii"), dtype=np.uint8).astype(np.int64) - 63
    return (chunks < 0x20).astype(np.int64)


def _polyline_values(arcs: tuple[str, ...]) -> np.ndarray:
    """The signed numbers of polyline strings (:func:`~._geometry.encode_polyline`), in order."""
    chunks = np.frombuffer("".join(arcs).encode("ascii"), dtype=np.uint8).astype(np.int64) - 63
    ends = np.flatnonzero(chunks < 0x20)
    starts = np.concatenate([[0], ends[:-1] + 1])
    place = np.arange(len(chunks)) - np.repeat(starts, ends - starts + 1)
    raw = np.add.reduceat((chunks & 0x1F) << (5 * place), starts)
    return np.where(raw & 1, ~(raw >> 1), raw >> 1)


def _arcs(codes: list[int]) -> list[list[tuple[int, int]]]:
    out, i, x, y = [], 0, 0, 0
    while i < len(codes):
        n, i = codes[i], i + 1
        arc = []
        for _ in range(n):
            x, y = x + _unzigzag(codes[i]), y + _unzigzag(codes[i + 1])
            i += 2
            arc.append((x, y))
        out.append(arc)
    return out


def _table_parts(data: dict[str, Any], table: str, lang: Lang) -> tuple[str, dict[str, Any] | None]:
    """The value table without its rows, and what map.js needs to write them (``tr``).

    ``h``: the columns after the name (tooltip labels), ``f``: the text of an
    empty cell. The rows are those map.js writes: the districts in the order
    ``ko``, each name then its tooltip's value under each column. A table the
    script would not write alike (a marker map's) stays whole (``None``).
    """
    head = [html.unescape(h) for h in re.findall(r'<th scope="col">(.*?)</th>', table)[1:]]
    fill = text("no_data", lang)
    body = []
    for i in data.get("ko", []):
        d = data["d"][i]
        values = {label: value for label, value in d.get("t", [])}
        cells = "".join(f"<td>{html.escape(values.get(h, fill))}</td>" for h in head)
        body.append(f'<tr><th scope="row">{html.escape(d["n"])}</th>{cells}</tr>')
    rows = f"<tbody>{''.join(body)}</tbody>"
    if table.count(rows) != 1:
        return table, None
    return table.replace(rows, "<tbody></tbody>"), {"h": head, "f": fill}
