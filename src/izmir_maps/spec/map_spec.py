"""Everything a map shows, decided once, for the interactive and the static renderer alike.

A :class:`MapSpec` holds the data layers, the classification, the title,
legend notes and source lines of one map in one language. Renderers only
draw a spec; they never classify, look up labels or read data themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import geopandas as gpd
import pandas as pd

from izmir_maps.data.boundaries import load_neighbours
from izmir_maps.data.indicators import izmir_success_rate
from izmir_maps.data.join import district_table
from izmir_maps.data.locations import place_points
from izmir_maps.data.registry import POPULATION_YEAR, Indicator, indicator
from izmir_maps.data.tables import load_osbs, load_wind_capacity, load_wind_farms
from izmir_maps.errors import OptionError
from izmir_maps.spec.classify import SCHEMES, Classification, classify_indicator
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = [
    "MapSpec",
    "Per",
    "choropleth_spec",
    "combined_spec",
    "osb_spec",
    "resolve_indicator_id",
    "wind_spec",
]

Per = Literal["capita", "km2"]
Kind = Literal["choropleth", "osb", "wind", "combined"]
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
    notes
        Extra lines shown with the legend (e.g. which population year).
    sources
        Source lines, the attribution last.
    land
        Further land around the map, drawn unlabelled under the neighbours
        (the rest of Türkiye near a province, see
        :func:`izmir_maps.data.provinces.province_land`). ``None`` for İzmir's
        maps, which paint inland Anatolia as one block and name the Aegean.
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
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    land: gpd.GeoDataFrame | None = None


def resolve_indicator_id(indicator_id: str, per: Per | None = None) -> str:
    """Id of ``indicator_id`` normalised per 1,000 residents or per km².

    Examples
    --------
    >>> resolve_indicator_id("employees", "capita")
    'employees_per_1000'
    """
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
    return f"{base.id}_per_1000" if per == "capita" else f"{base.id}_per_km2"


def choropleth_spec(
    indicator_id: str,
    *,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    per: Per | None = None,
    lang: Lang = "tr",
    layer: Layer = "web",
    table: gpd.GeoDataFrame | None = None,
    ind: Indicator | None = None,
    neighbours: gpd.GeoDataFrame | None = None,
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
    table, ind
        A ready district table and indicator (for user data); by default
        the shipped district table and the registry entry.
    neighbours
        Context provinces for another province's districts; İzmir's
        neighbours by default.
    """
    if ind is None:
        ind = indicator(resolve_indicator_id(indicator_id, per))
    table = district_table(layer) if table is None else table
    classification = classify_indicator(
        table, ind, scheme=scheme, k=k, breaks=breaks, midpoint_value=izmir_success_rate()
    )
    notes = [f"{text('classes', lang)}: {SCHEMES[classification.scheme][1 if lang == 'tr' else 2]}"]
    if ind.variant == "per_1000":
        notes.append(text("per_population_note", lang, year=POPULATION_YEAR))
    if classification.midpoint is not None:
        izmir = ind.format(classification.midpoint, lang)
        notes.append(
            ("Orta nokta: İzmir geneli " if lang == "tr" else "Midpoint: İzmir overall ") + izmir
        )
    return MapSpec(
        kind="choropleth",
        slug=ind.id,
        title=ind.title(lang),
        lang=lang,
        districts=table,
        neighbours=load_neighbours() if neighbours is None else neighbours,
        indicator=ind,
        classification=classification,
        notes=notes,
        sources=[ind.source_line(lang), ATTRIBUTION],
    )


def osb_spec(*, lang: Lang = "tr", layer: Layer = "web") -> MapSpec:
    """Spec of the OSB marker map (OSBs, plus free zones labelled as such)."""
    table = district_table(layer)
    placed, unplaced = place_points(load_osbs(), table)
    label = "Kaynak: " if lang == "tr" else "Source: "
    return MapSpec(
        kind="osb",
        slug="osb",
        title=text("map_osb", lang),
        lang=lang,
        districts=table,
        neighbours=load_neighbours(),
        osbs=placed,
        osbs_unplaced=unplaced,
        notes=[text("location_approx", lang)],
        sources=[
            label
            + (
                "İZKA 2010; OSB web siteleri ve basın (data/osb.csv)"
                if lang == "tr"
                else "İZKA 2010; OSB web sites and press (data/osb.csv)"
            ),
            ATTRIBUTION,
        ],
    )


def wind_spec(*, lang: Lang = "tr", layer: Layer = "web") -> MapSpec:
    """Spec of the wind map: the report's 2009 capacities, proposed districts, present-day farms."""
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
    label = "Kaynak: " if lang == "tr" else "Source: "
    spec.sources = [
        label
        + (
            "EWEA 2009, İZKA 2010 (rapor); güncel santraller: data/wind_farms.csv"
            if lang == "tr"
            else "EWEA 2009, İZKA 2010 (report); present-day farms: data/wind_farms.csv"
        ),
        ATTRIBUTION,
    ]
    spec.notes = [
        text(
            "wind_unassigned",
            lang,
            total=_mw(spec.wind_total_mw, lang),
            rest=_mw(spec.wind_unassigned_mw, lang),
        )
    ]
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
    spec.notes.append(
        text(
            "wind_unassigned",
            lang,
            total=_mw(spec.wind_total_mw, lang),
            rest=_mw(spec.wind_unassigned_mw, lang),
        )
    )
    label = "Kaynak: " if lang == "tr" else "Source: "
    spec.sources = [spec.sources[0], osb.sources[0], label + "EWEA 2009, İZKA 2010", ATTRIBUTION]
    return spec


def _add_wind(spec: MapSpec, table: gpd.GeoDataFrame) -> None:
    report = table[table["wind_capacity_mw"].notna()][["pcode", "district", "wind_capacity_mw"]]
    rows = report.rename(columns={"wind_capacity_mw": "capacity_mw"}).assign(
        latitude=None, longitude=None, label=report["district"]
    )
    spec.wind_points, _ = place_points(rows.reset_index(drop=True), table)
    farms = load_wind_farms()
    spec.wind_farms, spec.wind_farms_unplaced = place_points(farms, table)
    capacity = load_wind_capacity().set_index("area")["capacity_mw"]
    spec.wind_total_mw = float(capacity["İzmir"])
    spec.wind_unassigned_mw = spec.wind_total_mw - float(report["wind_capacity_mw"].sum())
    spec.wind_proposed = sorted(table.loc[table["wind_proposed"], "pcode"])


def _mw(value: float | None, lang: Lang) -> str:
    return indicator("wind_capacity_mw").format(value, lang)
