"""A map's short description in words, generated from its spec.

:func:`describe_map` says what a :class:`~izmir_maps.spec.map_spec.MapSpec`
shows in ``spec.lang``: for a choropleth the indicator, the two highest and
two lowest districts with their values as the map writes them (ties said as
ties), how the classes were made, which districts have no data and the 2008
boundary caveat; for a rank map the first and last places; for the marker
maps what is marked, how many, where the positions come from, and the wind
capacity with the share the source assigns to a district. Screen readers read
it on the interactive page, and static maps print it under the title on request.

Every figure comes from the spec; the words come from the catalogue section
``[map_description]`` and every suffix, ordinal and list from
:mod:`izmir_maps.text.grammar`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.history import new_districts
from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.text.grammar import join_list, rank_phrase, with_case
from izmir_maps.text.names import turkish_lower, turkish_sort_key
from izmir_maps.text.numbers import Lang, format_percent
from izmir_maps.text.words import text

__all__ = [
    "bivariate_sentences",
    "describe_map",
    "describe_sentences",
    "extremes",
    "ranked_groups",
]

#: A tie of more districts than this is counted ("20 ilçe"), not named.
_MAX_NAMED = 4
#: Districts without data are named up to this many, counted beyond.
_MAX_NO_DATA_NAMED = 5
_KIND_ORDER = ("osb", "free_zone", "private_industrial_zone")


def describe_map(spec: MapSpec) -> str:
    """The description of ``spec`` in ``spec.lang``: a few sentences, one paragraph.

    Parameters
    ----------
    spec
        A choropleth (values or ranks), the OSB, wind or combined map.

    Returns
    -------
    str
        Plain text (no markup), deterministic.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> describe_map(choropleth_spec("employees")).split(". ")[1].split(", ")[0]
    'En yüksek değerler Konak (199.310) ve Bornova (117.713)'
    """
    return " ".join(describe_sentences(spec))


def describe_sentences(spec: MapSpec) -> list[str]:
    """The sentences of :func:`describe_map`, most important first (a print map may stop early).

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import osb_spec
    >>> describe_sentences(osb_spec(lang="en"))[0].startswith("The map shows İzmir's 14 ")
    True
    """
    sentences: list[str] = []
    if spec.kind == "osb":
        sentences += _osb_sentences(spec, also=False)
    elif spec.kind == "wind":
        sentences += _wind_sentences(spec, also=False)
    elif spec.kind == "bivariate":
        sentences += bivariate_sentences(spec)
    else:
        sentences += _choropleth_sentences(spec)
        if spec.kind == "combined":
            sentences += _osb_sentences(spec, also=True)
            sentences += _wind_sentences(spec, also=True)
    return [s for s in sentences if s]


# --- bivariate maps ----------------------------------------------------------------------------

_CORNERS = (((2, 0), "bv_desc_high_low"), ((0, 2), "bv_desc_low_high"))
_BOTH = (((2, 2), "bv_desc_both_high"), ((0, 0), "bv_desc_both_low"))


def bivariate_sentences(spec: MapSpec) -> list[str]:
    """The corners of a bivariate map (:mod:`izmir_maps.spec.bivariate`) in words.

    "Çalışan sayısı yüksek, ihracat düşük: …. İkisi de yüksek: Aliağa, Bornova …"; a
    corner without districts says "hiçbir ilçe". Names in Turkish alphabetical order.

    Examples
    --------
    >>> from izmir_maps.spec.bivariate import bivariate_spec
    >>> bivariate_sentences(bivariate_spec("employees", "exports_usd"))[2]
    'Çalışan sayısı düşük, ihracat yüksek: Foça.'
    """
    from izmir_maps.spec.bivariate import corner_names

    lang = spec.lang
    x = spec.indicator.label(lang).split(" (")[0]
    y = spec.y_indicator.label(lang).split(" (")[0]  # type: ignore[attr-defined]
    out = [text("bv_desc_intro", lang, x=x, y=y)]
    names = corner_names(spec)  # type: ignore[arg-type]
    none = text("bv_desc_none", lang)
    for corner, key in (*_CORNERS, *_BOTH):
        listed = join_list(names[corner], lang) if names[corner] else none
        if lang == "tr":  # "Çalışan sayısı yüksek, ihracat düşük": the second word lower-case
            out.append(text(key, lang, x=x, y=turkish_lower(y), names=listed))
        else:
            out.append(text(key, lang, x=x.lower(), y=y.lower(), names=listed))
    return out


# --- choropleths --------------------------------------------------------------------------------


def _choropleth_sentences(spec: MapSpec) -> list[str]:
    ind, lang = spec.indicator, spec.lang
    if ind is None or spec.classification is None:
        return []
    names = _plain_names(spec)
    values = pd.to_numeric(spec.districts[ind.id], errors="coerce").astype(float)
    title = ind.title(lang)
    year = ind.year_label(lang)
    if year and year not in title:
        title = f"{title}, {year}"
    n = len(spec.districts)
    if spec.areas == "areas":  # any shapes (explore()): no province to name
        out = [text("desc_choropleth_areas", lang, n=n, title=title)]
    else:
        out = [text("desc_choropleth", lang, place=_place_of(spec), n=n, title=title)]
    if ind.fmt == "rank":
        out.append(_rank_sentence(names, values, lang))
    else:
        decimals = spec.classification.decimals(ind)
        out.append(_extremes_sentence(names, values, ind, lang, decimals))
    out.append(_classes_sentence(spec))
    out.append(_midpoint_sentence(spec))
    out += _missing_sentences(spec, names, values)
    out.append(_boundary_sentence(spec))
    return out


def _plain_names(spec: MapSpec) -> pd.Series:
    """District names; the 2008 view's "Konak (Karabağlar dahil)" as "Konak" (a sentence says why)."""
    names = spec.districts["district"].astype(str)
    if spec.boundaries != "2008":
        return names
    known = district_matcher().names_by_pcode
    return spec.districts["pcode"].map(known).fillna(names).astype(str)


def _place_of(spec: MapSpec) -> str:
    """The province whose districts are mapped, as its owner: "İzmir'in" / "İzmir's"."""
    provinces = spec.districts["province"].dropna().unique() if "province" in spec.districts else []
    if len(provinces) == 1:
        place = str(provinces[0])
    elif len(provinces) > 1:
        place = "Türkiye"
    else:
        place = text("izmir", spec.lang)
    return f"{place}'s" if spec.lang == "en" else with_case(place, "genitive")


def extremes(
    names: Sequence[str], values: Sequence[float], *, highest: bool = True
) -> list[tuple[float, list[str]]]:
    """The groups of equal values at one end, until at least two districts are named.

    Parameters
    ----------
    names, values
        District names and values (``NaN`` = no data, left out).
    highest
        From the highest value down, else from the lowest up.

    Returns
    -------
    list of (value, names)
        One group holds the districts that tie on its value, in Turkish
        alphabetical order: ``[(199310.0, ['Konak']), (117713.0, ['Bornova'])]``,
        or one group of three that share the highest value.

    Examples
    --------
    >>> extremes(["A", "B", "C", "D"], [2, 1, 2, 0])
    [(2.0, ['A', 'C'])]
    >>> extremes(["A", "B", "C", "D"], [5, 1, 2, 0], highest=False)
    [(0.0, ['D']), (1.0, ['B'])]
    """
    groups = ranked_groups(names, values, highest=highest)
    out: list[tuple[float, list[str]]] = []
    for value, group in groups:
        if sum(len(g) for _, g in out) >= 2:
            break
        out.append((value, group))
    return out


def ranked_groups(
    names: Sequence[str], values: Sequence[float], *, highest: bool = True
) -> list[tuple[float, list[str]]]:
    """Every distinct value with the districts that have it, from the top (or the bottom).

    Examples
    --------
    >>> ranked_groups(["Urla", "Çeşme", "Buca"], [1, 3, 1])
    [(3.0, ['Çeşme']), (1.0, ['Buca', 'Urla'])]
    """
    by_value: dict[float, list[str]] = {}
    for name, value in zip(names, values, strict=True):
        number = float(value)
        if not math.isnan(number):
            by_value.setdefault(number, []).append(str(name))
    order = sorted(by_value, reverse=highest)
    return [(v, sorted(by_value[v], key=turkish_sort_key)) for v in order]


def _split_ends(
    names: pd.Series, values: pd.Series, *, top_high: bool
) -> tuple[list[tuple[float, list[str]]], list[tuple[float, list[str]]]]:
    """The top groups and the bottom groups, the bottom without any district of the top."""
    top = extremes(list(names), list(values), highest=top_high)
    taken = {name for _, group in top for name in group}
    keep = ~names.isin(taken)
    bottom = extremes(list(names[keep]), list(values[keep]), highest=not top_high)
    return top, bottom


def _extremes_sentence(
    names: pd.Series, values: pd.Series, ind: Indicator, lang: Lang, decimals: int
) -> str:
    if values.notna().sum() < 2:
        return ""
    top, bottom = _split_ends(names, values, top_high=True)

    def shown(value: float) -> str:
        return ind.format(value, lang, decimals=decimals)

    parts = [_end_phrase(top, "desc_top", shown, lang)]
    if bottom:
        parts.append(_end_phrase(bottom, "desc_bottom", shown, lang))
    # a tie is a list inside the list: a semicolon keeps the two ends apart
    tied = any(len(group) > 1 for _, group in top + bottom)
    return ("; " if tied else ", ").join(parts) + "."


def _end_phrase(groups: list[tuple[float, list[str]]], key: str, shown, lang: Lang) -> str:
    """One end of the map: "En yüksek değerler Konak (199.310) ve Bornova (117.713)"."""
    if len(groups) == 1 and len(groups[0][1]) > _MAX_NAMED:
        value, group = groups[0]
        return text(f"{key}_many", lang, n=len(group), value=shown(value))
    items = []
    for value, group in groups:
        if len(group) == 1:
            items.append(f"{group[0]} ({shown(value)})")
        else:
            items.append(f"{_group_names(group, lang)} ({_each(shown(value), lang)})")
    tied = any(len(group) > 1 for _, group in groups)
    # "Yunusemre (250.000), Akhisar ve Şehzadeler (her biri 170.000)": one "ve", not two
    joined = ", ".join(items) if tied else join_list(items, lang)
    return text(key, lang, items=joined)


def _each(value: str, lang: Lang) -> str:
    return text("desc_each", lang, value=value)


def _rank_sentence(names: pd.Series, ranks: pd.Series, lang: Lang) -> str:
    """The first and last places: "Konak ilk sırada, Bornova 2. sırada; Bayraklı son sırada …"."""
    total = int(ranks.notna().sum())
    if total < 2:
        return ""
    top, bottom = _split_ends(names, ranks, top_high=False)  # rank 1 is the top
    halves = [_rank_items(top, total, lang)]
    if bottom:
        halves.append(_rank_items(bottom, total, lang))
    return "; ".join(halves) + "."


def _rank_items(groups: list[tuple[float, list[str]]], total: int, lang: Lang) -> str:
    """One end of a rank map: "Konak ilk sırada, Bornova 2. sırada", ties said as ties.

    A tie reads "Kemalpaşa, Kınık ve Torbalı birlikte ilk sırada".
    """
    items = []
    for i, (rank, group) in enumerate(groups):
        r = int(rank)
        if len(group) == 1:
            key = "desc_ranks_first" if i == 0 else "desc_ranks_next"
            items.append(text(key, lang, name=group[0], place=rank_phrase(r, total, lang)))
            continue
        last = r + len(group) - 1 >= total  # a tie that reaches the end shares the last place
        place = rank_phrase(total if last else r, total, lang)
        items.append(text("desc_ranks_tied", lang, names=_group_names(group, lang), place=place))
    return text("desc_ranks_sep", lang).join(items)


def _group_names(group: list[str], lang: Lang) -> str:
    """The names of a tie, or their number when there are too many to read out."""
    if len(group) > _MAX_NAMED:
        return text("desc_n_districts", lang, n=len(group))
    return join_list(group, lang)


def _classes_sentence(spec: MapSpec) -> str:
    cls, ind = spec.classification, spec.indicator
    if cls is None or ind is None:
        return ""
    what = text("desc_what_ranks" if ind.fmt == "rank" else "desc_what_values", spec.lang)
    return text(f"desc_classes_{cls.scheme}", spec.lang, what=what, k=cls.k)


def _midpoint_sentence(spec: MapSpec) -> str:
    cls, ind = spec.classification, spec.indicator
    if cls is None or ind is None or cls.midpoint is None:
        return ""
    value = ind.format(cls.midpoint, spec.lang, decimals=cls.decimals(ind))
    return text("desc_midpoint", spec.lang, value=value)


def _missing_sentences(spec: MapSpec, names: pd.Series, values: pd.Series) -> list[str]:
    """Which districts have no data, and on a rank map which are not ranked and why."""
    ind, lang = spec.indicator, spec.lang
    missing = values.isna()
    unranked = pd.Series(False, index=values.index)
    if ind is not None and ind.fmt == "rank" and ind.unranked_zero and ind.base in spec.districts:
        # float: a nullable Int64 count's <NA> == 0 would be <NA>, and the district fall out
        base = pd.to_numeric(spec.districts[ind.base], errors="coerce").astype(float)
        unranked = missing & (base == 0)
    out = []
    if ind is not None and unranked.any():
        reason = ind.unranked_reason(lang)
        out.append(_named_or_counted("desc_unranked", names[unranked], lang, reason=reason))
    no_data = missing & ~unranked
    if no_data.any():
        out.append(_named_or_counted("desc_no_data", names[no_data], lang))
    return out


def _named_or_counted(key: str, names: pd.Series, lang: Lang, **values: object) -> str:
    listed = sorted(names, key=turkish_sort_key)
    if len(listed) > _MAX_NO_DATA_NAMED:
        return text(f"{key}_many", lang, n=len(listed), **values)
    return text(key, lang, names=join_list(listed, lang), **values)


def _boundary_sentence(spec: MapSpec) -> str:
    """The 2008 boundary change in one sentence, when the map's data was recorded before it."""
    into = new_districts()
    known = district_matcher().names_by_pcode
    children = [known[c] for c in sorted(into)]
    parents = [known[into[c]] for c in sorted(into)]
    lang = spec.lang
    if spec.boundaries == "2008":
        return text(
            "desc_boundary_2008",
            lang,
            children=join_list(children, lang),
            parents=join_list(parents, lang),
        )
    if not spec.caveats.hatched:
        return ""
    joined = join_list(parents, lang)
    return text(
        "desc_boundary_current",
        lang,
        children=join_list(children, lang),
        parents=joined if lang == "en" else with_case(joined, "locative"),
    )


# --- marker maps --------------------------------------------------------------------------------


def _counted(key: str, n: int, lang: Lang, **values: object) -> str:
    """The catalogue text ``key_one`` or ``key_many`` for ``n`` (English agrees in number)."""
    return text(f"{key}_{'one' if n == 1 else 'many'}", lang, n=n, **values)


def _osb_sentences(spec: MapSpec, *, also: bool) -> list[str]:
    lang = spec.lang
    placed = spec.osbs if spec.osbs is not None else pd.DataFrame(columns=["kind", "location"])
    unplaced = spec.osbs_unplaced if spec.osbs_unplaced is not None else pd.DataFrame()
    rows = pd.concat([placed.drop(columns="geometry", errors="ignore"), unplaced])
    if rows.empty:
        return []
    kinds = _kind_phrases(rows["kind"].astype(str), lang)
    if also:
        out = [text("desc_osb_also", lang, kinds=join_list(kinds, lang))]
    else:
        place = "İzmir's" if lang == "en" else with_case("İzmir", "locative") + "ki"
        out = [text("desc_osb", lang, place=place, kinds=join_list(kinds, lang))]
    sourced = int((placed["location"] == "sourced").sum())
    approx = len(placed) - sourced
    where = []
    if sourced:
        where.append(_counted("desc_osb_sourced", sourced, lang))
    if approx:
        where.append(_counted("desc_osb_approx", approx, lang))
    if where:
        sentence = "; ".join(where)
        out.append(sentence[0].upper() + sentence[1:] + ".")
    if len(unplaced):
        listed = join_list(sorted(unplaced["name"].astype(str), key=turkish_sort_key), lang)
        out.append(_counted("desc_osb_unplaced", len(unplaced), lang, names=listed))
    return out


def _kind_phrases(kinds: pd.Series, lang: Lang) -> list[str]:
    """How many zones of each kind: "14 organize sanayi bölgesini (1'i tarıma dayalı)" …."""
    counts = kinds.value_counts()
    agricultural = int(counts.get("agricultural_osb", 0))
    out = []
    for kind in _KIND_ORDER:
        n = int(counts.get(kind, 0)) + (agricultural if kind == "osb" else 0)
        if not n:
            continue
        phrase = _counted(f"desc_kind_{kind}", n, lang)
        if kind == "osb" and agricultural:
            # "1'i tarıma dayalı" / "1 of them agricultural"
            part = str(agricultural) if lang == "en" else with_case(agricultural, "possessed")
            phrase += " " + text("desc_kind_agricultural", lang, part=part)
        out.append(phrase)
    return out


def _wind_sentences(spec: MapSpec, *, also: bool) -> list[str]:
    lang = spec.lang
    total = spec.wind_total_mw
    if total is None:
        return []
    wind = indicator("wind_capacity_mw")
    year = wind.year_label(lang)
    shown_total = wind.format(total, lang, unit=True)
    key = "desc_wind_also" if also else "desc_wind"
    when = year if lang == "en" else with_case(year, "locative")
    out = [text(key, lang, year=when, total=shown_total)]
    points = spec.wind_points
    if points is not None and len(points):
        items = []
        for _, row in points.sort_values("capacity_mw", ascending=False).iterrows():
            mw = float(row["capacity_mw"])
            share = format_percent(100 * mw / total, lang, 1)
            items.append(
                text(
                    "desc_wind_item",
                    lang,
                    name=row["district"],
                    mw=wind.format(mw, lang, unit=True),
                    share=share if lang == "en" else with_case(share, "possessed"),
                )
            )
        out.append(text("desc_wind_points", lang, items=join_list(items, lang)))
    if spec.wind_unassigned_mw:
        out.append(_unassigned(spec, total) + ".")
    out += _wind_extras(spec)
    return out


def _unassigned(spec: MapSpec, total: float) -> str:
    """The legend's own sentence on the capacity no district is given, without its full stop."""
    line = text(
        "wind_unassigned",
        spec.lang,
        total=indicator("wind_capacity_mw").format(total, spec.lang),
        rest=indicator("wind_capacity_mw").format(spec.wind_unassigned_mw, spec.lang),
    )
    return line.rstrip(".")


def _wind_extras(spec: MapSpec) -> list[str]:
    """The districts proposed for wind investment and the present-day farms."""
    lang = spec.lang
    out = []
    if spec.wind_proposed:
        known = spec.districts.set_index("pcode")["district"]
        names = sorted((str(known[p]) for p in spec.wind_proposed), key=turkish_sort_key)
        out.append(_counted("desc_wind_proposed", len(names), lang, names=join_list(names, lang)))
    farms = 0 if spec.wind_farms is None else len(spec.wind_farms)
    unplaced = 0 if spec.wind_farms_unplaced is None else len(spec.wind_farms_unplaced)
    parts = []
    if farms:
        parts.append(_counted("desc_wind_farms", farms, lang))
    if unplaced:
        parts.append(_counted("desc_wind_farms_unplaced", unplaced, lang))
    if parts:
        out.append("; ".join(parts) + ".")
    return out
