"""Join district boundaries with the indicators and derive shares, ranks and rates."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from izmir_maps.data.boundaries import EQUAL_AREA_CRS, check_layer, load_districts
from izmir_maps.data.history import BoundaryView, check_view, merge_2008
from izmir_maps.data.indicators import izmir_totals, load_indicators
from izmir_maps.data.registry import base_indicators
from izmir_maps.errors import DataError

__all__ = ["district_table", "join_indicators"]


def district_table(
    layer: Literal["detailed", "web"] = "detailed", boundaries: BoundaryView = "current"
) -> gpd.GeoDataFrame:
    """The district table: boundaries, every indicator and its derived columns.

    One row per district (30), sorted by P-code. For each base indicator of
    the registry the applicable derived columns are added:
    ``<id>_share`` (% of the İzmir total the source states), ``<id>_rank``
    (1 = highest among the 30; ties share the best rank; none for a count of
    zero such as no OSB, see :meth:`~izmir_maps.data.registry.Indicator.ranks`),
    ``<id>_per_1000`` (per 1,000 residents of ``population_year``; exports per
    resident, ``exports_usd_per_capita``) and ``<id>_per_km2``.

    Parameters
    ----------
    layer
        Boundary layer for the geometry: ``"detailed"`` or ``"web"``. The
        area is always measured on the detailed layer.
    boundaries
        ``"current"`` (30 districts) or ``"2008"``: Bayraklı inside Karşıyaka
        and Karabağlar inside Konak, as the 2008 data was recorded (28 units,
        ``merged`` naming what each holds; see :mod:`izmir_maps.data.history`).

    Returns
    -------
    geopandas.GeoDataFrame
        In WGS84.

    Examples
    --------
    >>> t = district_table()
    >>> aliaga = t.set_index("district").loc["Aliağa"]
    >>> round(float(aliaga.employees_share), 2), int(aliaga.employees_rank)
    (4.14, 9)
    """
    check_layer(layer)  # before the cache, which cannot hash a list or a table
    check_view(boundaries)
    return _district_table(layer, boundaries).copy()


@lru_cache(maxsize=4)
def _district_table(layer: str, boundaries: str) -> gpd.GeoDataFrame:
    detailed = load_districts("detailed")
    geometry = detailed if layer == "detailed" else load_districts(layer)  # type: ignore[arg-type]
    indicators = load_indicators()
    if boundaries == "2008":
        indicators, geometry = merge_2008(indicators, geometry)
        _, detailed = merge_2008(load_indicators(), detailed)
    area = detailed.set_index("pcode").to_crs(EQUAL_AREA_CRS).area / 1e6
    return join_indicators(geometry, indicators, area_km2=area)


def join_indicators(
    districts: gpd.GeoDataFrame,
    indicators: pd.DataFrame,
    *,
    area_km2: pd.Series | None = None,
) -> gpd.GeoDataFrame:
    """Join ``indicators`` to ``districts`` on ``pcode`` and derive columns.

    Every district of ``districts`` is kept; a P-code in ``indicators`` that
    is not in ``districts`` (or repeated) is an error, never a silent drop.

    Parameters
    ----------
    districts
        Boundaries with ``pcode``, ``district`` and geometry.
    indicators
        One row per district with ``pcode`` and indicator columns.
    area_km2
        Area per P-code; measured on ``districts`` if not given.
    """
    unknown = sorted(set(indicators["pcode"]) - set(districts["pcode"]))
    repeated = sorted(indicators["pcode"][indicators["pcode"].duplicated()].unique())
    if unknown or repeated:
        msg = (
            f"Cannot join indicators: P-code(s) {unknown} are not among the boundaries and "
            f"{repeated} occur more than once. Each district must appear once."
        )
        raise DataError(msg)
    table = districts.merge(
        indicators.drop(columns=["district"], errors="ignore"),
        on="pcode",
        how="left",
        validate="one_to_one",
    )
    if area_km2 is None:
        area_km2 = districts.set_index("pcode").to_crs(EQUAL_AREA_CRS).area / 1e6
    table["area_km2"] = table["pcode"].map(area_km2).astype(float)
    totals = izmir_totals()
    totals["area_km2"] = float(table["area_km2"].sum())
    derived: dict[str, pd.Series] = {}
    for ind in base_indicators():
        if ind.id not in table:
            continue
        values = table[ind.id].astype(float)
        if ind.share:
            total = totals.get(ind.id, float(values.sum()))
            derived[f"{ind.id}_share"] = values / total * 100
        if ind.rank:
            derived[f"{ind.id}_rank"] = ind.rank_values(values)
        if ind.per_capita and "population" in table:
            per = values / table["population"].astype(float) * ind.residents
            derived[ind.variant_id("per_1000")] = per
        if ind.per_km2:
            derived[f"{ind.id}_per_km2"] = values / table["area_km2"]
    table = pd.concat([table, pd.DataFrame(derived, index=table.index)], axis=1)
    table = table.replace([np.inf, -np.inf], np.nan)
    return gpd.GeoDataFrame(table, geometry="geometry", crs=districts.crs)
