"""Spatial statistics: contiguity weights, global Moran's I and local LISA clusters.

``weights`` says which districts are neighbours, ``moran`` tests the indicators
on those weights (Moran's I and LISA), and ``ranking`` ranks the districts on
every indicator. Their public names are importable from here, except the
function :func:`izmir_maps.stats.moran.moran`: ``izmir_maps.stats.moran`` stays
the module, so import the function from it.
"""

from izmir_maps.stats.moran import (
    ALPHA,
    LISA_COLORS,
    MIN_VALUES,
    PERMUTATIONS,
    SEED,
    LisaResult,
    MoranResult,
    lisa,
    lisa_label,
    moran_all,
    weights_note,
)
from izmir_maps.stats.ranking import ranking_table
from izmir_maps.stats.weights import district_weights, subset_weights

__all__ = [
    "ALPHA",
    "LISA_COLORS",
    "MIN_VALUES",
    "PERMUTATIONS",
    "SEED",
    "LisaResult",
    "MoranResult",
    "district_weights",
    "lisa",
    "lisa_label",
    "moran_all",
    "ranking_table",
    "subset_weights",
    "weights_note",
]
