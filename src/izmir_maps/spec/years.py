"""Maps of one indicator over several years, with the classes fixed across the years.

A year map is a choropleth :class:`~izmir_maps.spec.map_spec.MapSpec` whose
``years`` holds a :class:`YearSeries`: every district's value in every year.
The classes are computed once from the values of all years together, so that
a colour means the same value range in every year and a change of colour is a
change of class. ``spec.districts`` and ``spec.classification`` hold the year
shown first (the latest); :func:`year_spec` gives the spec of any other year,
which the interactive slider and the static small multiples draw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import numpy as np
import pandas as pd

from izmir_maps.data.grid import Layout
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import Indicator, population_by_year
from izmir_maps.data.tables import load_population_years
from izmir_maps.errors import DataError, OptionError
from izmir_maps.spec.classify import Classification, classify_indicator
from izmir_maps.spec.legend import Note, plan_legend
from izmir_maps.spec.map_spec import (
    DistrictData,
    Layer,
    MapSpec,
    _check_spec_args,
    _choropleth_notes,
    choropleth_spec,
)
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["YearSeries", "population_years_spec", "year_spec", "years_sentences", "years_spec"]

#: The most years one map shows (a slider step and a small-multiple panel each).
MAX_YEARS = 30


@dataclass(frozen=True)
class YearSeries:
    """Every district's value in every year of a year map.

    Attributes
    ----------
    years
        The years, ascending.
    values
        One row per district of ``spec.districts`` (same order, indexed by
        P-code), one column per year; ``NaN`` = no data that year.
    shown
        The year ``spec.districts`` and ``spec.classification`` hold.
    title
        The indicator's title without a year; each year's title adds it.
    """

    years: tuple[int, ...]
    values: pd.DataFrame
    shown: int
    title: str

    def missing(self) -> dict[int, list[str]]:
        """P-codes without a value, per year (years where every district has one are left out)."""
        out = {}
        for year in self.years:
            absent = self.values.index[self.values[year].isna()].tolist()
            if absent:
                out[year] = absent
        return out


def years_spec(  # noqa: PLR0913 — keyword-only options, as choropleth_spec
    table: gpd.GeoDataFrame,
    values: pd.DataFrame,
    ind: Indicator,
    *,
    year: int | None = None,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    lang: Lang = "tr",
    layer: Layer = "web",
    neighbours: gpd.GeoDataFrame | None = None,
    layout: Layout = "map",
) -> MapSpec:
    """Spec of a choropleth of ``ind`` over several years, classes fixed across the years.

    Parameters
    ----------
    table
        One row per district with ``pcode``, ``district`` and ``geometry``
        (and ``population``, ``area_km2`` … as a district table has them).
    values
        The values in long form: columns ``pcode``, ``year`` (int) and
        ``value`` (finite float), at most one row per district and year.
        Districts of ``table`` absent in a year have no data that year.
    ind
        The indicator the values are (its id names the column drawn).
    year
        The year shown first; the latest by default.
    scheme, k, breaks, lang, layer, layout
        As for :func:`izmir_maps.spec.map_spec.choropleth_spec`; the classes
        are computed from the values of all years together.
    neighbours
        Context provinces around the districts; İzmir's neighbours when ``None``.

    Returns
    -------
    MapSpec
        A choropleth of the shown year whose ``years`` holds every year.

    Raises
    ------
    DataError
        If ``values`` lacks a column, repeats a district in a year or holds a
        district that is not in ``table``.
    OptionError
        If ``year`` is not one of the years, or there are over 30 years.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> from izmir_maps.data.registry import user_indicator
    >>> table = district_table("web")[["pcode", "district", "area_km2", "geometry"]]
    >>> long = pd.DataFrame({"pcode": ["TUR035001", "TUR035001", "TUR035002"],
    ...                      "year": [2009, 2021, 2021], "value": [63503.0, 103364.0, 80513.0]})
    >>> ind = user_indicator("Nüfus", source="TÜİK", integer=True)
    >>> spec = years_spec(table, long, ind)
    >>> spec.years.years, spec.years.shown, spec.title
    ((2009, 2021), 2021, 'Nüfus, 2021')
    >>> year_spec(spec, 2009).districts.set_index("pcode").loc["TUR035001", ind.id]
    np.float64(63503.0)
    """
    _check_spec_args(scheme=scheme, k=k, breaks=breaks, lang=lang, layer=layer)
    wide = _wide(table, values)
    years = tuple(int(y) for y in wide.columns)
    if year is None:
        year = years[-1]
    if year not in years:
        msg = f"year {year!r} is not one of the table's years ({', '.join(map(str, years))})."
        raise OptionError(msg)
    pooled = pd.DataFrame({ind.id: wide.to_numpy().ravel()})
    fixed = classify_indicator(pooled, ind, scheme=scheme, k=k, breaks=breaks)
    shown = table.copy()
    shown[ind.id] = wide[year].to_numpy()
    if ind.rank:  # tooltips give the rank in the year shown
        shown[f"{ind.id}_rank"] = ind.rank_values(shown[ind.id])
    base = choropleth_spec(
        ind.id, lang=lang, layer=layer, data=DistrictData(shown, ind, neighbours), layout=layout
    )
    series = YearSeries(years, wide, year, base.title)
    base.classification = _fixed(fixed, base.classification.values)  # type: ignore[union-attr]
    base.years = series
    return _titled(base, year)


def population_years_spec(
    *, lang: Lang = "tr", layer: Layer = "web", layout: Layout = "map", year: int | None = None
) -> MapSpec:
    """The shipped year map: the districts' populations of every year in ``population_years.csv``.

    Examples
    --------
    >>> spec = population_years_spec()
    >>> spec.years.years, spec.title
    ((2018, 2021, 2023), 'Nüfus (kişi), 2023')
    """
    long = load_population_years()
    values = pd.DataFrame(
        {"pcode": long["pcode"], "year": long["year"], "value": long["population"].astype(float)}
    )
    years = sorted(int(y) for y in values["year"].unique())
    table = district_table(layer)[["pcode", "district", "area_km2", "geometry"]]
    spec = years_spec(
        table, values, population_by_year(years), year=year, lang=lang, layer=layer, layout=layout
    )
    spec.slug = "population_by_year"
    return spec


def year_spec(spec: MapSpec, year: int) -> MapSpec:
    """The spec of ``spec`` (a year map) showing ``year``: its values, classes, ranks and title.

    The classes' bounds and colours stay those of every year together; the
    counts in the legend are the year's.
    """
    series = spec.years
    if series is None or spec.indicator is None or spec.classification is None:
        msg = "year_spec needs a year map (a spec made by years_spec)."
        raise OptionError(msg)
    if year not in series.years:
        msg = f"year {year!r} is not one of the map's years ({', '.join(map(str, series.years))})."
        raise OptionError(msg)
    ind = spec.indicator
    districts = spec.districts.copy()
    districts[ind.id] = series.values[year].to_numpy()
    rank = f"{ind.id}_rank"
    if rank in districts.columns:
        districts[rank] = ind.rank_values(districts[ind.id])
    out = replace(spec, districts=districts, years=replace(series, shown=year))
    out.classification = _fixed(spec.classification, districts[ind.id])
    return _titled(out, year)


def years_sentences(spec: MapSpec) -> list[str]:
    """The description of every year of a year map, for a page that shows them all (print).

    Each year's sentences are those of
    :func:`~izmir_maps.spec.describe.describe_sentences` for that year (the
    words the HTML map reads out when the slider shows it). A sentence every
    year shares (what is mapped, the classes) is said once, in its place; the
    sentences a year has alone (its highest and lowest districts, its
    districts without data) follow its year: "2018: En yüksek değerler …".

    Examples
    --------
    >>> spec = population_years_spec(lang="en")
    >>> [s[:50] for s in years_sentences(spec)]  # doctest: +NORMALIZE_WHITESPACE
    ["The map shows a value for each of İzmir's 30 distr", '2018: Buca (499,325) and Karabağlar (479,986) have',
     '2021: Buca (517,963) and Karabağlar (478,788) have', '2023: Buca (523,487) and Karabağlar (476,500) have',
     'Values are grouped into 5 classes by natural break']
    """
    from izmir_maps.spec.describe import describe_sentences  # describe reads the spec modules

    series = spec.years
    if series is None:
        msg = "years_sentences needs a year map (a spec made by years_spec)."
        raise OptionError(msg)
    said = {y: describe_sentences(year_spec(spec, y)) for y in series.years}
    shared = [s for s in said[series.years[0]] if all(s in other for other in said.values())]
    own = {y: " ".join(s for s in sentences if s not in shared) for y, sentences in said.items()}
    # the years' own sentences come where the first of them comes in any year
    at = min(_shared_before(sentences, shared) for sentences in said.values())
    own_said = [f"{y}: {own[y]}" for y in series.years if own[y]]
    return shared[:at] + own_said + shared[at:]


def _shared_before(sentences: list[str], shared: list[str]) -> int:
    """How many shared sentences come before the first sentence of the year's own."""
    return next((i for i, s in enumerate(sentences) if s not in shared), len(sentences))


def _titled(spec: MapSpec, year: int) -> MapSpec:
    """``spec`` with the year in its title and the legend planned for that year."""
    series = spec.years
    assert series is not None and spec.indicator is not None and spec.classification is not None
    spec.title = text("years_title", spec.lang, title=series.title, year=year)
    first, last = series.years[0], series.years[-1]
    notes = _choropleth_notes(spec.indicator, spec.classification, spec.lang)
    notes.append(
        Note(
            "years",
            text("years_note", spec.lang, first=first, last=last),
            {"first": first, "last": last},
        )
    )
    if spec.layout == "grid":
        notes.append(Note("grid", text("grid_note", spec.lang)))
    spec.legend = plan_legend(spec, notes)
    return spec


def _fixed(pooled: Classification, values: pd.Series) -> Classification:
    """``values`` classed by the bins and colours of ``pooled``, labelled by its spans."""
    values = pd.to_numeric(values, errors="coerce").astype(float)
    present = values.dropna()
    classes = pd.Series(-1, index=values.index, dtype="int64")
    classes[present.index] = np.searchsorted(np.asarray(pooled.bins), present.to_numpy())
    spans = pooled.spans if pooled.spans is not None else tuple(pooled.ranges())
    return replace(pooled, values=values, classes=classes, spans=spans)


def _wide(table: gpd.GeoDataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """``values`` as one row per district of ``table`` and one column per year, checked."""
    missing = [c for c in ("pcode", "year", "value") if c not in values.columns]
    if missing:
        msg = (
            f"values has no column {', '.join(map(repr, missing))}; a year map needs the "
            "columns 'pcode', 'year' and 'value', one row per district and year."
        )
        raise DataError(msg)
    repeated = values[values.duplicated(["pcode", "year"], keep=False)]
    if not repeated.empty:
        pairs = sorted(
            {f"{p} {y}" for p, y in zip(repeated["pcode"], repeated["year"], strict=True)}
        )
        msg = f"values repeats a district in a year ({', '.join(pairs[:5])}): give one value each."
        raise DataError(msg)
    unknown = sorted(set(values["pcode"]) - set(table["pcode"]))
    if unknown:
        msg = f"values names P-codes that are not on the map: {', '.join(unknown[:5])}."
        raise DataError(msg)
    years = sorted({int(y) for y in values["year"]})
    if not years:
        raise DataError("values is empty: there is no year to map.")
    if len(years) > MAX_YEARS:
        msg = f"A year map shows at most {MAX_YEARS} years; the table has {len(years)}."
        raise OptionError(msg)
    wide = values.pivot(index="pcode", columns="year", values="value").astype(float)
    wide.columns = [int(c) for c in wide.columns]
    return wide.reindex(index=table["pcode"].to_list(), columns=years)
