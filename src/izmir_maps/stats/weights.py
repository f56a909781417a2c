"""Which districts are neighbours: rook contiguity weights of the districts.

The weights are libpysal's (:class:`libpysal.weights.W`); nothing here
re-implements them. This module only decides *which* neighbours count, and
what happens to a district left without one. :mod:`izmir_maps.stats.moran`
tests the indicators on these weights.

Two districts are neighbours when their boundaries share a border **line**
(rook contiguity) on the detailed layer, which is a valid coverage, so shared
borders are identical on both sides. Facts about the 30 districts that decided
the choice (checked on the shipped geometry; the web layer gives the same
graph):

* **Rook, not queen.** Queen contiguity also links districts that touch at a
  single point. In İzmir that adds exactly two links, both through the one
  point where four districts meet (Güzelbahçe, Karabağlar,
  Menderes and Seferihisar): Güzelbahçe–Menderes and
  Karabağlar–Seferihisar. A point of contact is an artefact of where the
  boundary vertices fall, not a shared border, so those pairs are not
  neighbours. Every other link has a shared border of at least 1.1 km
  (Balçova–Konak and Bayraklı–Konak are the shortest).
* **No links across water.** Boundaries follow the coast, so contiguity
  never jumps the Gulf of İzmir: the north shore (Karşıyaka, Çiğli) and the
  south shore (Konak, Balçova, Narlıdere, Güzelbahçe) meet only around the
  head of the bay, through Bayraklı–Konak and Bornova. The peninsulas
  are linked by land only: Çeşme and Karaburun each neighbour Urla alone
  (Karaburun is *not* linked to Foça or Çeşme across the water), Dikili and
  Kınık neighbour Bergama alone. The islands belonging to Çeşme, Dikili,
  Foça, Karaburun, Seferihisar and Urla are part of their district and do not
  create links of their own.
* **No isolated districts.** Every district has at least one neighbour over
  land, so the full graph has no islands and is one connected component
  (53 links).
* **When a district would be isolated** — a caller's layer with an island
  district, or, more often, a statistic computed without the districts that
  have no value (:func:`subset_weights`), which can cut Dikili and Kınık off
  when Bergama is missing — it is linked to its nearest district by the
  distance between centroids in EPSG:32635 (UTM 35N), one nearest district
  each, and the link is made in both directions so the graph stays
  symmetric. The links added are reported in
  :attr:`izmir_maps.stats.moran.MoranResult.added_links` and
  :attr:`izmir_maps.stats.moran.LisaResult.added_links`.
* **Row-standardised** (libpysal transform ``"R"``): a district's spatial lag
  is the plain average of its neighbours' values.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import geopandas as gpd
import pandas as pd
from libpysal.weights import W, w_subset
from libpysal.weights.contiguity import Rook

from izmir_maps._checks import require_columns
from izmir_maps.data.boundaries import EQUAL_AREA_CRS, load_districts
from izmir_maps.errors import DataError

__all__ = ["Links", "Neighbours", "district_weights", "subset_weights"]

#: Neighbours of each district, P-code → sorted P-codes.
Neighbours = dict[str, list[str]]
#: Links added to districts without a neighbour, as (P-code, P-code).
Links = tuple[tuple[str, str], ...]


def district_weights(districts: gpd.GeoDataFrame | None = None) -> W:
    """Row-standardised rook contiguity weights of the districts, keyed by P-code.

    See the module docstring for why rook, and how water and isolated
    districts are handled. A new object is returned on every call (esda
    changes the transform of the weights it is given).

    Parameters
    ----------
    districts
        Polygons with a ``pcode`` column; the detailed layer by default.
        A district without a neighbour is linked to the one with the nearest
        centroid (EPSG:32635), in both directions.

    Returns
    -------
    libpysal.weights.W
        ``id_order`` is the sorted P-codes; transform ``"R"``.

    Examples
    --------
    >>> w = district_weights()
    >>> w.n, w.islands, w.transform, float(w.s0)
    (30, [], 'R', 30.0)
    >>> name = dict(zip(load_districts().pcode, load_districts().district))
    >>> sorted(name[p] for p in w.neighbors["TUR035021"])  # Konak
    ['Balçova', 'Bayraklı', 'Bornova', 'Buca', 'Karabağlar']
    """
    if districts is None:
        neighbours, _ = _detailed_neighbours()
    else:
        neighbours, _ = _contiguity(districts)
    return _weights(neighbours)


def subset_weights(weights: W, pcodes: Sequence[str], table: pd.DataFrame) -> tuple[W, Links]:
    """The weights cut down to ``pcodes``, with districts left without a neighbour relinked.

    Used when districts without a value are left out of a statistic
    (:func:`libpysal.weights.w_subset`); a district whose every neighbour was
    left out is linked to the nearest remaining one, as the module docstring
    describes.

    Parameters
    ----------
    weights
        Weights keyed by P-code, e.g. :func:`district_weights`.
    pcodes
        The P-codes to keep, in the order wanted for ``id_order``.
    table
        The districts' table; its geometry (when it is a GeoDataFrame with a
        CRS) places the centroids, else the detailed layer does.

    Returns
    -------
    tuple of libpysal.weights.W and Links
        Row-standardised weights of ``pcodes``, and the links added.

    Examples
    --------
    >>> w = district_weights()
    >>> keep = [p for p in w.id_order if p != "TUR035005"]  # all but Bergama
    >>> sub, added = subset_weights(w, keep, load_districts())
    >>> sub.n, sub.islands, added  # Dikili and Kınık go to Aliağa
    (29, [], (('TUR035011', 'TUR035001'), ('TUR035019', 'TUR035001')))
    """
    sub = w_subset(weights, list(pcodes), silence_warnings=True)
    neighbours = {p: sorted(sub.neighbors[p]) for p in pcodes}
    neighbours, added = _link_islands(neighbours, _centroids(table))
    return _weights(neighbours), added


# --- private helpers -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _detailed_neighbours() -> tuple[Neighbours, Links]:
    return _contiguity(load_districts("detailed"))


def _contiguity(districts: gpd.GeoDataFrame) -> tuple[Neighbours, Links]:
    """Rook neighbours by P-code, with isolated districts linked to the nearest one."""
    require_columns(districts, ["pcode"])
    pcodes = districts["pcode"]
    repeated = sorted(pcodes[pcodes.duplicated()].unique())
    if repeated:
        msg = f"districts has repeated P-code(s) {repeated!r}; each district must appear once."
        raise DataError(msg)
    frame = districts[["pcode", districts.geometry.name]].reset_index(drop=True)
    rook = Rook.from_dataframe(frame, ids="pcode", use_index=False, silence_warnings=True)
    neighbours = {p: sorted(rook.neighbors[p]) for p in sorted(pcodes)}
    centroids = districts.set_index("pcode").geometry.to_crs(EQUAL_AREA_CRS).centroid
    return _link_islands(neighbours, centroids)


def _link_islands(neighbours: Neighbours, centroids: gpd.GeoSeries) -> tuple[Neighbours, Links]:
    """Link each district without neighbours to the nearest other one (by centroid), both ways."""
    islands = [p for p, nb in neighbours.items() if not nb]
    if not islands or len(neighbours) < 2:
        return neighbours, ()
    missing = sorted(set(neighbours) - set(centroids.index))
    if missing:
        msg = f"No geometry for P-code(s) {missing!r}; cannot link districts without neighbours."
        raise DataError(msg)
    ids = sorted(neighbours)
    points = centroids.loc[ids]
    out = {p: list(nb) for p, nb in neighbours.items()}
    added = []
    for p in islands:
        distance = points.distance(points.loc[p]).drop(index=p)
        nearest = str(distance.idxmin())
        for a, b in ((p, nearest), (nearest, p)):
            if b not in out[a]:
                out[a] = sorted([*out[a], b])
        added.append((p, nearest))
    return out, tuple(added)


def _weights(neighbours: Neighbours) -> W:
    w = W(
        {p: list(nb) for p, nb in neighbours.items()},
        id_order=sorted(neighbours),
        silence_warnings=True,
    )
    w.transform = "r"
    return w


def _centroids(table: pd.DataFrame) -> gpd.GeoSeries:
    """District centroids in EPSG:32635, from the table's geometry or the detailed layer."""
    if isinstance(table, gpd.GeoDataFrame) and table.crs is not None:
        geometry = table.set_index("pcode").geometry
    else:
        geometry = load_districts("detailed").set_index("pcode").geometry
    return geometry.to_crs(EQUAL_AREA_CRS).centroid
