"""Spatial statistics on the boundaries each indicator's data was recorded under.

Moran's I and LISA of 2008 data (Table 1) are computed on the 2008 view
(Bayraklı inside Karşıyaka, Karabağlar inside Konak: 28 units, with their own
contiguity weights), where the split districts' near-zero 2008 counts do not
pose as real lows; everything else on today's 30 districts. The choice is made
here once and stated on the statistics page and in ``moran.csv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import geopandas as gpd
import pandas as pd
from libpysal.weights import W

from izmir_maps.data.history import BoundaryView, check_view
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator
from izmir_maps.stats.moran import LisaResult, lisa, moran_all
from izmir_maps.stats.weights import district_weights

__all__ = ["lisa_in_view", "moran_by_view", "stats_view", "view_table", "view_weights"]


def stats_view(indicator_id: str, requested: BoundaryView | None = None) -> BoundaryView:
    """The view a statistic of ``indicator_id`` uses: ``requested``, else the data's own.

    Examples
    --------
    >>> stats_view("employees"), stats_view("population"), stats_view("employees", "current")
    ('2008', 'current', 'current')
    """
    if requested is not None:
        check_view(requested)
        return requested
    return indicator(indicator_id).boundaries


def view_table(view: BoundaryView) -> gpd.GeoDataFrame:
    """The detailed district table in ``view`` (30 districts, or the 28 units of 2008)."""
    return district_table("detailed", view)


def view_weights(view: BoundaryView) -> W:
    """Contiguity weights of ``view`` (a new object each call: esda changes what it is given).

    Examples
    --------
    >>> view_weights("2008").n, view_weights("current").n
    (28, 30)
    """
    check_view(view)
    if view == "current":
        return district_weights()
    return _rebuild(_weights_2008())


@lru_cache(maxsize=1)
def _weights_2008() -> W:
    return district_weights(view_table("2008"))


def _rebuild(w: W) -> W:
    """A fresh copy of the cached weights, row-standardised."""
    out = W({k: list(v) for k, v in w.neighbors.items()}, id_order=list(w.id_order))
    out.transform = "r"
    return out


def moran_by_view(
    indicator_ids: Sequence[str], *, boundaries: BoundaryView | None = None
) -> pd.DataFrame:
    """Global Moran's I of each indicator, on the view its data belongs to.

    Returns
    -------
    pandas.DataFrame
        :func:`izmir_maps.stats.moran.moran_all`'s columns plus ``boundaries``
        (``"current"`` or ``"2008"``), in the order of ``indicator_ids``.

    Examples
    --------
    >>> m = moran_by_view(["employees", "population"])
    >>> m[["id", "n", "boundaries"]].to_dict("records")
    [{'id': 'employees', 'n': 28, 'boundaries': '2008'}, {'id': 'population', 'n': 30, 'boundaries': 'current'}]
    """
    parts = []
    for ind_id in indicator_ids:
        view = stats_view(ind_id, boundaries)
        part = moran_all(view_table(view), [ind_id], weights=view_weights(view))
        parts.append(part.assign(boundaries=view))
    if not parts:
        return moran_all(view_table("current"), []).assign(boundaries=pd.Series(dtype=str))
    return pd.concat(parts, ignore_index=True)


def lisa_in_view(
    indicator_id: str, *, boundaries: BoundaryView | None = None
) -> tuple[LisaResult, gpd.GeoDataFrame]:
    """LISA of ``indicator_id`` on its view, and the table it was computed on."""
    view = stats_view(indicator_id, boundaries)
    table = view_table(view)
    return lisa(table, indicator_id, weights=view_weights(view)), table
