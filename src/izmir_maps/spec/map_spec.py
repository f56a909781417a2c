"""Everything a map shows, decided once, for the interactive and the static renderer alike.

A :class:`MapSpec` holds the data layers, the classification, the title,
the legend plan (:mod:`izmir_maps.spec.legend`: classes, symbol steps,
entries, typed notes) and source lines of one map in one language. Renderers
only draw a spec; they never classify, look up labels or read data themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from izmir_maps._checks import check_breaks, check_choice, check_int, check_lang, check_type
from izmir_maps.data.boundaries import check_layer, load_neighbours
from izmir_maps.data.grid import Layout, check_layout, on_grid
from izmir_maps.data.history import BoundaryView
from izmir_maps.data.indicators import izmir_success_rate
from izmir_maps.data.join import district_table
from izmir_maps.data.locations import place_points
from izmir_maps.data.registry import POPULATION_YEAR, Indicator, indicator
from izmir_maps.data.tables import load_osbs, load_wind_capacity, load_wind_farms, localised
from izmir_maps.errors import DataError, OptionError
from izmir_maps.spec.boundary import (
    BoundaryCaveats,
    boundary_caveats,
    default_view,
    display_names,
    view_note,
    view_title,
)
from izmir_maps.spec.classify import (
    MAX_K,
    MIN_K,
    SCHEMES,
    Classification,
    classify_indicator,
)
from izmir_maps.spec.legend import (
    LegendPlan,
    Note,
    classification_note,
    location_approx_note,
    midpoint_note,
    per_population_note,
    plan_legend,
    wind_unassigned_note,
)
from izmir_maps.spec.style import attribution
from izmir_maps.text.clean import SOURCE_MAX, TITLE_MAX, display_text
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

if TYPE_CHECKING:
    from izmir_maps.spec.years import YearSeries

__all__ = [
    "DistrictData",
    "MapSpec",
    "Per",
    "choropleth_spec",
    "combined_spec",
    "osb_spec",
    "resolve_indicator_id",
    "wind_spec",
]

_KINDS = ("choropleth", "osb", "wind", "combined", "bivariate")

Per = Literal["capita", "km2"]
Kind = Literal["choropleth", "osb", "wind", "combined", "bivariate"]
Layer = Literal["detailed", "web"]


@dataclass
class MapSpec:
    """One map, ready to draw.

    Attributes
    ----------
    kind
        ``"choropleth"``, ``"osb"``, ``"wind"`` or ``"combined"``.
    slug
        File name stem (ASCII), e.g. ``"employees"``.
    title
        Map title in ``lang``.
    lang
        Output language.
    districts
        The district table (all indicators) with geometry.
    neighbours
        Neighbouring provinces, drawn as context land.
    indicator, classification
        The choropleth layer (``None`` for pure marker maps).
    osbs, osbs_unplaced
        Placed OSB points (``location`` = sourced/approximate) and the rows
        that cannot be placed (no district, no coordinate).
    wind_points
        Proportional symbols: the report's per-district capacities (2009),
        with ``capacity_mw``, ``label`` and ``location``.
    wind_farms, wind_farms_unplaced
        Present-day wind farms (a separate, incomplete layer).
    wind_total_mw, wind_unassigned_mw
        İzmir's capacity in the report and the part it assigns to no district.
    wind_proposed
        P-codes of the districts proposed for wind investment.
    legend
        The legend plan: sections and typed notes, built last by the
        builders below (rebuild it with :func:`izmir_maps.spec.legend.plan_legend`
        after changing a layer).
    sources
        Source lines, the attribution last.
    land
        Further land around the map, drawn unlabelled under the neighbours
        (the rest of Türkiye near a province, see
        :func:`izmir_maps.data.provinces.province_land`). ``None`` for İzmir's
        maps, which paint inland Anatolia as one block and name the Aegean.
    boundaries
        ``"current"`` (30 districts) or ``"2008"`` (the 2008 view, see
        :mod:`izmir_maps.spec.boundary`).
    caveats
        The districts flagged for the 2008 boundary change and their lines.
    layout
        ``"map"`` (the districts' real shapes) or ``"grid"`` (one equal hexagon per
        district, :mod:`izmir_maps.data.grid`; no context land is drawn around it).
    """

    kind: Kind
    slug: str
    title: str
    lang: Lang
    districts: gpd.GeoDataFrame
    neighbours: gpd.GeoDataFrame
    indicator: Indicator | None = None
    classification: Classification | None = None
    osbs: gpd.GeoDataFrame | None = None
    osbs_unplaced: pd.DataFrame | None = None
    wind_points: gpd.GeoDataFrame | None = None
    wind_farms: gpd.GeoDataFrame | None = None
    wind_farms_unplaced: pd.DataFrame | None = None
    wind_total_mw: float | None = None
    wind_unassigned_mw: float | None = None
    wind_proposed: list[str] = field(default_factory=list)
    legend: LegendPlan = field(default_factory=LegendPlan)
    sources: list[str] = field(default_factory=list)
    land: gpd.GeoDataFrame | None = None
    boundaries: BoundaryView = "current"
    caveats: BoundaryCaveats = field(default_factory=BoundaryCaveats)
    layout: Layout = "map"
    #: What the shapes are: İzmir's or a province's "districts", or any "areas" (explore()).
    areas: Literal["districts", "areas"] = "districts"
    #: Every year's values of a map with a year slider (:mod:`izmir_maps.spec.years`), else None.
    years: YearSeries | None = None

    def __post_init__(self) -> None:
        check_choice("kind", self.kind, _KINDS)
        check_lang(self.lang)
        check_type("title", self.title, str, "a text (str)")
        # Every title and source line of a page or print map passes here once (see text.clean).
        self.title = display_text(self.title, TITLE_MAX)
        self.sources = [display_text(line, SOURCE_MAX) for line in self.sources]

    @property
    def notes(self) -> list[str]:
        """The texts of the legend's notes, in order (the typed notes are ``legend.notes``)."""
        return [note.text for note in self.legend.notes]


@dataclass(frozen=True)
class DistrictData:
    """A ready district table and its indicator, mapped instead of the shipped data.

    Attributes
    ----------
    table
        One row per district with geometry and the column ``indicator.id``.
    indicator
        The indicator to map.
    neighbours
        Context provinces around the districts; İzmir's neighbours when ``None``.
    """

    table: gpd.GeoDataFrame
    indicator: Indicator
    neighbours: gpd.GeoDataFrame | None = None


def resolve_indicator_id(indicator_id: str, per: Per | None = None) -> str:
    """Id of ``indicator_id`` normalised per 1,000 residents or per km².

    Examples
    --------
    >>> resolve_indicator_id("employees", "capita")
    'employees_per_1000'
    >>> resolve_indicator_id("exports_usd", "capita")  # ABD $ per resident
    'exports_usd_per_capita'
    """
    check_type("indicator_id", indicator_id, str, "an indicator id (see `izmir-maps indicators`)")
    base = indicator(indicator_id)
    if per is None:
        return base.id
    if per not in ("capita", "km2"):
        msg = f"--per must be 'capita' or 'km2', not {per!r}."
        raise OptionError(msg)
    allowed = base.per_capita if per == "capita" else base.per_km2
    if not allowed:
        msg = (
            f"Indicator {base.id!r} cannot be normalised per {per}: it is already a rate, "
            "a rank or a share, or the normalisation has no meaning for it."
        )
        raise OptionError(msg)
    return base.variant_id("per_1000" if per == "capita" else "per_km2")


def choropleth_spec(  # noqa: PLR0913 — keyword-only options, one per CLI flag of `map`
    indicator_id: str,
    *,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    per: Per | None = None,
    lang: Lang = "tr",
    layer: Layer = "web",
    data: DistrictData | None = None,
    boundaries: BoundaryView | None = None,
    layout: Layout = "map",
) -> MapSpec:
    """Spec of a choropleth of one indicator.

    Parameters
    ----------
    indicator_id
        A registry id (see ``izmir-maps indicators``).
    scheme, k, breaks
        Classification; the indicator's defaults when ``None``.
    per
        ``"capita"`` or ``"km2"`` to map the normalised variant.
    lang
        ``"tr"`` or ``"en"``.
    layer
        Boundary detail: ``"web"`` for HTML, ``"detailed"`` for print.
    data
        A ready district table and indicator (user data, another province)
        instead of the shipped table and the registry entry of
        ``indicator_id``.
    boundaries
        ``"current"`` or ``"2008"`` (Bayraklı and Karabağlar inside their
        parents, as the 2008 data was recorded); by default ``"2008"`` for
        per-capita and per-km² maps of 2008 data, ``"current"`` otherwise.
    layout
        ``"map"`` (real boundaries) or ``"grid"``: every district an equal hexagon
        placed near its real position (:mod:`izmir_maps.data.grid`), so that small
        districts are as visible as large ones; the title says so and a legend
        note explains it.

    Raises
    ------
    OptionError
        For an argument of the wrong type or an unknown value, naming it.
    DataError
        If ``data.table`` lacks a column the map needs or holds infinite values.
    """
    breaks = _check_spec_args(scheme=scheme, k=k, breaks=breaks, lang=lang, layer=layer)
    check_layout(layout)
    if data is None:
        ind = indicator(resolve_indicator_id(indicator_id, per))
        view = default_view(ind, boundaries)
        table = display_names(district_table(layer, view), view, lang)
        neighbours = load_neighbours()
    else:
        view = _user_view(boundaries)
        _check_data(data)
        ind, table = _display_indicator(data.indicator), _display_names(data.table)
        neighbours = load_neighbours() if data.neighbours is None else data.neighbours
    if layout == "grid":  # the hexagons replace the shapes; real land around them would mislead
        table, neighbours = on_grid(table, view), neighbours.iloc[:0]
    classification = classify_indicator(
        table, ind, scheme=scheme, k=k, breaks=breaks, midpoint_value=izmir_success_rate()
    )
    spec = MapSpec(
        kind="choropleth",
        slug=ind.id,
        title=_layout_title(view_title(ind.title(lang), view, lang), layout, lang),
        lang=lang,
        districts=table,
        neighbours=neighbours,
        indicator=ind,
        classification=classification,
        sources=[ind.source_line(lang), attribution(lang)],
        boundaries=view,
        caveats=boundary_caveats(ind if data is None else None, view, lang),
        layout=layout,
    )
    notes = _choropleth_notes(ind, classification, lang)
    if view == "2008":
        notes.append(view_note(lang))
    if layout == "grid":
        notes.append(Note("grid", text("grid_note", lang)))
    spec.legend = plan_legend(spec, notes)
    return spec


def osb_spec(*, lang: Lang = "tr", layer: Layer = "web") -> MapSpec:
    """Spec of the OSB marker map (OSBs, plus free zones labelled as such)."""
    _check_spec_args(lang=lang, layer=layer)
    table = district_table(layer)
    placed, unplaced = place_points(localised(load_osbs(), lang), table)
    spec = MapSpec(
        kind="osb",
        slug="osb",
        title=text("map_osb", lang),
        lang=lang,
        districts=table,
        neighbours=load_neighbours(),
        osbs=placed,
        osbs_unplaced=unplaced,
        sources=[_source("osb_sources", lang), attribution(lang)],
    )
    spec.legend = plan_legend(spec, [location_approx_note(lang)])
    return spec


def wind_spec(*, lang: Lang = "tr", layer: Layer = "web") -> MapSpec:
    """Spec of the wind map: the report's 2009 capacities, proposed districts, present-day farms."""
    _check_spec_args(lang=lang, layer=layer)
    table = district_table(layer)
    spec = MapSpec(
        kind="wind",
        slug="wind",
        title=text("map_wind", lang),
        lang=lang,
        districts=table,
        neighbours=load_neighbours(),
    )
    _add_wind(spec, table)
    spec.sources = [_source("wind_sources", lang), attribution(lang)]
    spec.legend = plan_legend(spec, [_wind_note(spec)])
    return spec


def combined_spec(
    *, lang: Lang = "tr", layer: Layer = "web", indicator_id: str = "employees"
) -> MapSpec:
    """Spec of the combined map: a choropleth with switchable OSB and wind layers."""
    spec = choropleth_spec(indicator_id, lang=lang, layer=layer)
    spec.kind = "combined"
    spec.slug = "combined"
    spec.title = text("map_combined", lang)
    osb = osb_spec(lang=lang, layer=layer)
    spec.osbs, spec.osbs_unplaced = osb.osbs, osb.osbs_unplaced
    _add_wind(spec, spec.districts)
    spec.sources = [
        spec.sources[0],
        osb.sources[0],
        _source("wind_sources_short", lang),
        attribution(lang),
    ]
    spec.legend = plan_legend(spec, [*spec.legend.notes, _wind_note(spec)])
    return spec


def _layout_title(title: str, layout: Layout, lang: Lang) -> str:
    """``title`` with "– ilçe ızgarası" on the grid, unchanged on the map."""
    return text("grid_title", lang, title=title) if layout == "grid" else title


def _user_view(boundaries: object) -> BoundaryView:
    """A user's table is mapped as it comes: the 2008 view is for the shipped 2008 data."""
    if boundaries not in (None, "current"):
        msg = (
            f"boundaries={boundaries!r} is for the shipped 2008 data; a table of your own is "
            "mapped on the boundaries it names. Leave boundaries out or use 'current'."
        )
        raise OptionError(msg)
    return "current"


def _check_spec_args(
    *,
    lang: object,
    layer: object,
    scheme: object = None,
    k: object = None,
    breaks: object = None,
) -> list[float] | None:
    """Refuse an argument of a spec builder of the wrong type; return ``breaks`` as floats."""
    check_lang(lang)
    check_layer(layer)
    check_type("scheme", scheme, (str, type(None)), f"one of {', '.join(SCHEMES)} or None")
    if k is not None:
        check_int("k", k, MIN_K, MAX_K)
    return check_breaks(breaks)


def _check_data(data: DistrictData) -> None:
    """Refuse ``data`` unless its table holds the columns a map needs, with finite values."""
    check_type("data", data, DistrictData, "a DistrictData or None")
    check_type("data.table", data.table, gpd.GeoDataFrame, "a GeoDataFrame")
    check_type("data.indicator", data.indicator, Indicator, "an Indicator")
    check_type(
        "data.neighbours", data.neighbours, (gpd.GeoDataFrame, type(None)), "a GeoDataFrame or None"
    )
    table, column = data.table, data.indicator.id
    missing = [c for c in ("pcode", "district", "geometry", column) if c not in table.columns]
    if missing:
        msg = (
            f"data.table has no column {', '.join(map(repr, missing))}; its columns are "
            f"{', '.join(repr(str(c)) for c in table.columns[:12])}"
            f"{' …' if len(table.columns) > 12 else ''}. A map needs 'pcode', 'district', "
            f"'geometry' and the indicator's column {column!r}."
        )
        raise DataError(msg)
    values = pd.to_numeric(table[column], errors="coerce")
    bad = table[column].notna() & ~np.isfinite(values.astype(float))
    if bad.any():
        rows = table.loc[bad, "pcode"].astype(str).tolist()
        msg = (
            f"data.table, column {column!r}: {int(bad.sum())} value(s) are not finite numbers "
            f"(districts {', '.join(rows[:5])}{' …' if len(rows) > 5 else ''}). "
            "Use finite numbers, and NaN for no data."
        )
        raise DataError(msg)


def _add_wind(spec: MapSpec, table: gpd.GeoDataFrame) -> None:
    report = table[table["wind_capacity_mw"].notna()][["pcode", "district", "wind_capacity_mw"]]
    rows = report.rename(columns={"wind_capacity_mw": "capacity_mw"}).assign(
        latitude=None, longitude=None, label=report["district"]
    )
    spec.wind_points, _ = place_points(rows.reset_index(drop=True), table)
    farms = localised(load_wind_farms(), spec.lang)  # names and statuses in the map's language
    spec.wind_farms, spec.wind_farms_unplaced = place_points(farms, table)
    capacity = load_wind_capacity().set_index("area")["capacity_mw"]
    spec.wind_total_mw = float(capacity["İzmir"])
    spec.wind_unassigned_mw = spec.wind_total_mw - float(report["wind_capacity_mw"].sum())
    spec.wind_proposed = sorted(table.loc[table["wind_proposed"], "pcode"])


def _display_indicator(ind: Indicator) -> Indicator:
    """``ind`` with labels, units and sources fit for a page (a user's column name is one)."""
    return replace(
        ind,
        label_tr=display_text(ind.label_tr, TITLE_MAX),
        label_en=display_text(ind.label_en, TITLE_MAX),
        unit_tr=display_text(ind.unit_tr, TITLE_MAX),
        unit_en=display_text(ind.unit_en, TITLE_MAX),
        source=display_text(ind.source, SOURCE_MAX),
        source_short=display_text(ind.source_short, SOURCE_MAX),
        source_en=display_text(ind.source_en, SOURCE_MAX),
        source_short_en=display_text(ind.source_short_en, SOURCE_MAX),
    )


def _display_names(table: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``table`` with its district and province names fit for a page (a copy when changed)."""
    columns = [c for c in ("district", "province") if c in table.columns]
    names = {c: table[c].map(_display_name) for c in columns}
    if all(names[c].equals(table[c]) for c in columns):
        return table
    return table.assign(**names)


def _display_name(value: object) -> object:
    return display_text(value, TITLE_MAX) if isinstance(value, str) else value


def _choropleth_notes(ind: Indicator, classification: Classification, lang: Lang) -> list[Note]:
    notes = [classification_note(classification.scheme, lang)]
    if ind.variant == "per_1000":
        notes.append(per_population_note(POPULATION_YEAR, lang))
    if classification.midpoint is not None:
        value = classification.midpoint
        shown = ind.format(value, lang, decimals=classification.decimals(ind))
        notes.append(midpoint_note(value, shown, lang))
    return notes


def _wind_note(spec: MapSpec) -> Note:
    return wind_unassigned_note(spec.wind_total_mw, spec.wind_unassigned_mw, spec.lang)


def _source(key: str, lang: Lang) -> str:
    return text("source_line", lang, source=text(key, lang))
