"""A 3 × 3 bivariate choropleth: two indicators, tertiles of each, one colour per pair of classes.

Each indicator's values are cut into tertiles (:func:`tertile_bounds`, computed
from the sorted values, no randomness); a district's fill is
``PALETTE[x_class][y_class]``; a district without a value in either indicator
is in the "Veri yok" class. The spec is a :class:`~izmir_maps.spec.map_spec.MapSpec`
of kind ``"bivariate"`` whose classification gives every district its colour,
whose legend plan holds one :class:`TwoWaySection` (the square two-way legend)
and whose :attr:`BivariateSpec.tooltips` are the finished tooltip rows, so the
renderers draw it as they draw a choropleth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from izmir_maps._checks import check_lang, check_type
from izmir_maps.data.boundaries import load_neighbours
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.boundary import (
    boundary_caveats,
    default_view,
    display_names,
    view_note,
    view_title,
)
from izmir_maps.spec.classify import Classification
from izmir_maps.spec.legend import HatchSection, LegendPlan, Note, TwoWaySection, count_label
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import attribution
from izmir_maps.text.names import turkish_sort_key
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = [
    "LEVELS",
    "PALETTE",
    "BivariateSpec",
    "bivariate_spec",
    "corner_names",
    "tertile_bounds",
    "tertile_classes",
]

#: Joshua Stevens' blue–pink 3 × 3 scheme ("Bivariate Choropleth Maps: A How-to Guide", 2015,
#: joshuastevens.net/cartography/make-a-bivariate-choropleth-map/): the two ramps (teal for x,
#: pink for y) differ in hue as well as lightness, so readers with red–green colour-vision
#: deficiency still tell the corners apart. ``PALETTE[x_class][y_class]``, 0 = low.
PALETTE: tuple[tuple[str, str, str], ...] = (
    ("#e8e8e8", "#dfb0d6", "#be64ac"),
    ("#ace4e4", "#a5add3", "#8c62aa"),
    ("#5ac8c8", "#5698b9", "#3b4994"),
)
#: Catalogue keys of the three classes: "düşük", "orta", "yüksek".
LEVELS: tuple[str, str, str] = ("bv_low", "bv_mid", "bv_high")


@dataclass
class BivariateSpec(MapSpec):
    """A :class:`MapSpec` of kind ``"bivariate"``: ``indicator`` is the x axis, ``y_indicator`` y.

    Attributes
    ----------
    y_indicator
        The second indicator (the legend's vertical axis).
    x_classes, y_classes
        Tertile class (0, 1, 2; ``-1`` = no data) of every district, indexed like ``districts``.
    tooltips
        The tooltip rows of every district (row key → ``[[label, value], …]``).
    """

    y_indicator: Indicator | None = None
    x_classes: pd.Series | None = None
    y_classes: pd.Series | None = None
    tooltips: dict[object, list[list[str]]] = field(default_factory=dict)


def tertile_bounds(values: pd.Series) -> tuple[float, float]:
    """Upper bounds of the low and the middle tertile of ``values`` (NaN ignored).

    With ``n`` values sorted ascending the bounds are the ``ceil(n/3)``-th and the
    ``ceil(2n/3)``-th value. A value equal to a bound belongs to the lower class,
    so tied values always share a class; ties at a bound leave the upper class
    smaller (or empty, when the bounds coincide).

    Examples
    --------
    >>> tertile_bounds(pd.Series([5.0, 1.0, 3.0, 2.0, 4.0, 6.0, float("nan")]))
    (2.0, 4.0)
    """
    x = np.sort(pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float))
    if not len(x):
        return (math.nan, math.nan)
    n = len(x)
    return (float(x[math.ceil(n / 3) - 1]), float(x[math.ceil(2 * n / 3) - 1]))


def tertile_classes(values: pd.Series) -> pd.Series:
    """Class 0, 1 or 2 of every value by :func:`tertile_bounds`; ``-1`` where it is missing."""
    v = pd.to_numeric(values, errors="coerce").astype(float)
    low, mid = tertile_bounds(v)
    out = np.where(v <= low, 0, np.where(v <= mid, 1, 2))
    return pd.Series(np.where(v.isna(), -1, out), index=v.index, dtype=int)


def _check_three_groups(ind: Indicator, table: pd.DataFrame) -> None:
    """Refuse ``ind`` when its values cannot make three groups: its one value would read "low"."""
    if ind.fmt == "rank":  # rank 1 is the highest: its "low" group would hold the leaders
        msg = (
            f"A bivariate map compares quantities, and {ind.id!r} is a rank (1 = the highest). "
            f"Pair the indicator itself: {ind.base!r}."
        )
        raise OptionError(msg)
    values = pd.to_numeric(table[ind.id], errors="coerce")
    distinct = sorted(values.dropna().unique())
    if len(distinct) >= 3:
        return
    n = int(values.notna().sum())
    if n <= 2:
        named = zip(table.loc[values.notna(), "district"], values.dropna(), strict=True)
        shown = "; ".join(f"{d}: {ind.format(v, 'en')}" for d, v in named)
        has = f"has a value for {n} district{'' if n == 1 else 's'} only" + (
            f" ({shown})" if n else ""
        )
    else:
        shown = " and ".join(ind.format(v, "en") for v in distinct)
        plural = "" if len(distinct) == 1 else "s"
        has = f"has {len(distinct)} different value{plural} ({shown}) in {n} districts"
    msg = (
        "A bivariate map splits each indicator into three groups (low, middle, high), which "
        f"needs at least three different values: {ind.id!r} {has}. Map it on its own "
        f"(izmir-maps map {ind.id}) or pair another indicator (izmir-maps indicators lists them)."
    )
    raise OptionError(msg)


def bivariate_spec(x_id: str, y_id: str, *, lang: Lang = "tr", layer: str = "web") -> BivariateSpec:
    """Spec of the 3 × 3 bivariate choropleth of ``x_id`` (teal axis) and ``y_id`` (pink axis).

    Parameters
    ----------
    x_id, y_id
        Registry ids of two different indicators (see ``izmir-maps indicators``).
    lang
        ``"tr"`` or ``"en"``.
    layer
        Boundary detail: ``"web"`` for HTML, ``"detailed"`` for print.

    Examples
    --------
    >>> spec = bivariate_spec("employees", "exports_usd")
    >>> spec.kind, spec.districts.loc[spec.districts["district"] == "Konak"].index.size
    ('bivariate', 1)
    """
    check_lang(lang)
    for name, value in (("x_id", x_id), ("y_id", y_id)):
        check_type(name, value, str, "an indicator id (str)")
    x, y = indicator(x_id), indicator(y_id)
    if x.id == y.id:
        msg = f"--bivariate needs two different indicators, not {x.id!r} twice."
        raise OptionError(msg)
    # a rate of the 2008 data is mapped on the 2008 boundaries (as its own map is), and so both
    view = "2008" if "2008" in (default_view(x), default_view(y)) else "current"
    table = display_names(district_table(layer, view), view, lang)
    for ind in (x, y):
        _check_three_groups(ind, table)
    xc, yc = tertile_classes(table[x.id]), tertile_classes(table[y.id])
    both = (xc >= 0) & (yc >= 0)
    cell = pd.Series(np.where(both, xc * 3 + yc, -1), index=table.index, dtype=int)
    flat = tuple(PALETTE[i][j] for i in range(3) for j in range(3))
    colors = Classification(
        values=pd.to_numeric(table[x.id], errors="coerce").astype(float),
        classes=cell,
        bins=tuple(float(i) for i in range(9)),
        colors=flat,
        scheme="bivariate",
    )
    title = view_title(text("bv_title", lang, x=x.label(lang), y=y.label(lang)), view, lang)
    spec = BivariateSpec(
        kind="bivariate",
        slug=f"{x.id}-{y.id}",
        title=title,
        lang=lang,
        districts=table,
        neighbours=load_neighbours(),
        indicator=x,
        classification=colors,
        sources=_sources(x, y, lang),
        y_indicator=y,
        x_classes=xc,
        y_classes=yc,
        caveats=boundary_caveats(_dated_2008(x, y), view, lang),
        boundaries=view,
    )
    spec.tooltips = _tooltips(table, x, y, xc, yc, lang)
    section = _grid_section(table, x, y, xc, yc, lang)
    sections: tuple = (section,)
    if (
        spec.caveats.hatched
    ):  # districts created after the data's year, as on the one-indicator maps
        sections += (HatchSection(spec.caveats.label, layer="boundary"),)
    notes = (Note("classification", text("bv_note", lang)),)
    if view == "2008":
        notes += (view_note(lang),)
    spec.legend = LegendPlan(sections, notes)
    return spec


def _dated_2008(x: Indicator, y: Indicator) -> Indicator | None:
    """The indicator whose data predate the 2008 boundary change, if either does."""
    return next((ind for ind in (x, y) if ind.boundaries == "2008"), None)


def _sources(x: Indicator, y: Indicator, lang: Lang) -> list[str]:
    lines = [x.source_line(lang)]
    if y.source_line(lang) not in lines:
        lines.append(y.source_line(lang))
    return [*lines, attribution(lang)]


def _axis_labels(values: pd.Series, classes: pd.Series, ind: Indicator, lang: Lang) -> tuple:
    """The "lowest – highest" member of each class in the language's format ("–" for an empty class)."""
    v = pd.to_numeric(values, errors="coerce").astype(float)
    out = []
    for c in range(3):
        members = v[classes == c]
        if not len(members):
            out.append("–")
            continue
        a, b = ind.format(float(members.min()), lang), ind.format(float(members.max()), lang)
        out.append(a if a == b else f"{a} – {b}")
    return tuple(out)


def _grid_section(
    table: pd.DataFrame,
    x: Indicator,
    y: Indicator,
    xc: pd.Series,
    yc: pd.Series,
    lang: Lang,
) -> TwoWaySection:
    counts = tuple(tuple(int(((xc == i) & (yc == j)).sum()) for j in range(3)) for i in range(3))
    missing = int(((xc < 0) | (yc < 0)).sum())
    no_data = ""
    if missing:
        no_data = f"{text('no_data', lang)} ({count_label(missing, 'districts', lang)})"
    return TwoWaySection(
        x_title=x.title(lang),
        y_title=y.title(lang),
        x_labels=_axis_labels(table[x.id], xc, x, lang),
        y_labels=_axis_labels(table[y.id], yc, y, lang),
        colors=PALETTE,
        counts=counts,
        levels=tuple(text(key, lang) for key in LEVELS),
        no_data_label=no_data,
    )


def _tooltips(
    table: pd.DataFrame,
    x: Indicator,
    y: Indicator,
    xc: pd.Series,
    yc: pd.Series,
    lang: Lang,
) -> dict[object, list[list[str]]]:
    rows: dict[object, list[list[str]]] = {key: [] for key in table.index}
    for ind, classes in ((x, xc), (y, yc)):
        values = pd.to_numeric(table[ind.id], errors="coerce").astype(float)
        ranks = ind.rank_values(values)  # as on every map: a zero count gets no place
        n = int(values.notna().sum())
        short = ind.label(lang).split(" (")[0]
        for key in table.index:
            if classes[key] < 0:
                rows[key].append([ind.label(lang), text("no_data", lang)])
                continue
            if pd.isna(ranks[key]):  # a zero count ("OSB yok")
                rank = ind.unranked_reason(lang)
            else:
                rank = text("rank_of", lang, rank=int(ranks[key]), of=n)
            rows[key] += [
                [ind.label(lang), ind.format(float(values[key]), lang, unit=True)],
                [text("bv_class_of", lang, label=short), text(LEVELS[classes[key]], lang)],
                [text("bv_rank_of", lang, label=short), rank],
            ]
    return rows


def corner_names(spec: BivariateSpec) -> dict[tuple[int, int], list[str]]:
    """District names in each corner cell ``(x_class, y_class)`` of ``spec``, Turkish order."""
    out = {}
    for corner in ((2, 0), (0, 2), (2, 2), (0, 0)):
        inside = (spec.x_classes == corner[0]) & (spec.y_classes == corner[1])
        names = spec.districts.loc[inside, "district"].astype(str).tolist()
        out[corner] = sorted(names, key=turkish_sort_key)
    return out
