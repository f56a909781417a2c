"""Spatial autocorrelation of the district indicators: global Moran's I and LISA.

The statistics come from esda (:class:`esda.Moran`, :class:`esda.Moran_Local`)
on the contiguity weights of :mod:`izmir_maps.stats.weights` (which districts
are neighbours, and why); nothing here re-implements them. This module only
decides which districts take part and how the random permutations are seeded,
and it turns esda's output into plain records and tables.

Districts without a value
-------------------------
They are dropped, and the weights are cut down to the other districts with
:func:`~izmir_maps.stats.weights.subset_weights` (which links districts left
isolated to their nearest one). :attr:`MoranResult.n` says how many districts
took part. With fewer than :data:`MIN_VALUES` values, or no variation, the
statistic is reported as not computable (``I`` is NaN and ``reason`` says why)
instead of raising.

Randomness
----------
Pseudo p-values come from :data:`PERMUTATIONS` random permutations with the
seed :data:`SEED`, so repeated runs give identical numbers. esda draws the
global Moran permutations from NumPy's global generator; it is seeded for the
call and restored afterwards, so callers' random state is left untouched. The
p-values are esda's: one-sided, in the direction of the observed statistic.
LISA clusters use the level :data:`ALPHA` without correction for the 30
simultaneous tests, so they are exploratory.
"""

from __future__ import annotations

import copy
import difflib
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import esda
import numpy as np
import pandas as pd
from libpysal.weights import W

from izmir_maps._checks import require_columns
from izmir_maps.data.registry import base_indicators, indicator
from izmir_maps.errors import DataError, OptionError
from izmir_maps.stats.weights import Links, district_weights, subset_weights
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = [
    "ALPHA",
    "LISA_COLORS",
    "MIN_VALUES",
    "PERMUTATIONS",
    "SEED",
    "LisaResult",
    "MoranResult",
    "lisa",
    "lisa_label",
    "moran",
    "moran_all",
    "weights_note",
]

#: Random permutations for the pseudo p-values.
PERMUTATIONS = 999
#: Seed of every permutation run.
SEED = 12345
#: Significance level of the LISA cluster map.
ALPHA = 0.05
#: Fewest districts with a value for which Moran's I is computed.
MIN_VALUES = 8

#: LISA class → colour (the conventional GeoDa colours).
LISA_COLORS: dict[str, str] = {
    "HH": "#d7191c",
    "LL": "#2c7bb6",
    "LH": "#abd9e9",
    "HL": "#fdae61",
    "ns": "#eeeeee",
    "nodata": "#bdbdbd",
}


def lisa_label(cls: str, lang: Lang = "tr") -> str:
    """Legend label of the LISA class ``cls`` (a key of :data:`LISA_COLORS`).

    Examples
    --------
    >>> lisa_label("HH"), lisa_label("nodata", "en")
    ('Yüksek–Yüksek', 'No data')
    """
    if cls not in LISA_COLORS:
        msg = f"Unknown LISA class {cls!r}; choose one of {', '.join(LISA_COLORS)}."
        raise OptionError(msg)
    return text("no_data" if cls == "nodata" else f"lisa_{cls}", lang)


def weights_note(lang: Lang = "tr") -> str:
    """How neighbours, weights and significance are chosen, for readers of the results.

    Examples
    --------
    >>> "999" in weights_note("en") and "p < 0.05" in weights_note("en")
    True
    """
    alpha = format_number(ALPHA, lang, 2)
    return text("stats_weights_note", lang, permutations=PERMUTATIONS, seed=SEED, alpha=alpha)


_QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
# esda 2.x warns on every Moran_Local call that the default alternative will change; the
# default ("directed") is the documented behaviour here, and Moran_Local offers no switch.
_ESDA_NOISE = "The alternative hypothesis for conditional randomization"


@dataclass(frozen=True)
class MoranResult:
    """Global Moran's I of one indicator.

    Attributes
    ----------
    indicator_id
        The column tested.
    n
        Districts with a value (those without one were left out).
    I
        Moran's I; NaN when not computable.
    expected_I
        Its expectation under no autocorrelation, ``-1 / (n - 1)``.
    z
        z-score against the permutation distribution (esda's ``z_sim``).
    p_sim
        Pseudo p-value from the permutations (one-sided, esda's ``p_sim``).
    permutations, seed
        How the p-value was simulated.
    reason
        Why the statistic is not computable; ``None`` when it is.
    added_links
        Links added to districts that had no neighbour, as (P-code, P-code).
    """

    indicator_id: str
    n: int
    I: float  # noqa: E741 - the statistic's name
    expected_I: float  # noqa: N815 - the statistic's name
    z: float
    p_sim: float
    permutations: int
    seed: int
    reason: str | None = None
    added_links: tuple[tuple[str, str], ...] = ()

    @property
    def computable(self) -> bool:
        """Whether Moran's I could be computed."""
        return self.reason is None


@dataclass
class LisaResult:
    """Local Moran's I (LISA) of one indicator.

    Attributes
    ----------
    indicator_id
        The column tested.
    quadrant
        Per P-code (table order): ``"HH"``, ``"LL"``, ``"HL"``, ``"LH"`` where
        ``p_sim < alpha``, else ``"ns"``; ``"nodata"`` for districts without a
        value (and for all when the statistic is not computable).
    p_sim
        Pseudo p-value per P-code (NaN without a value).
    local_i
        Local Moran's I per P-code (NaN without a value).
    alpha
        Significance level.
    permutations, seed
        How the p-values were simulated.
    n
        Districts with a value.
    reason
        Why the statistic is not computable; ``None`` when it is.
    added_links
        Links added to districts that had no neighbour, as (P-code, P-code).
    """

    indicator_id: str
    quadrant: pd.Series
    p_sim: pd.Series
    local_i: pd.Series
    alpha: float
    seed: int
    permutations: int
    n: int
    reason: str | None = None
    added_links: tuple[tuple[str, str], ...] = field(default=())

    @property
    def computable(self) -> bool:
        """Whether the LISA could be computed."""
        return self.reason is None


def moran(
    table: pd.DataFrame,
    column: str,
    *,
    weights: W | None = None,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
) -> MoranResult:
    """Global Moran's I of ``column`` with a permutation p-value (:class:`esda.Moran`).

    Parameters
    ----------
    table
        One row per district with ``pcode`` and ``column``, e.g.
        :func:`izmir_maps.data.join.district_table`.
    column
        The indicator column.
    weights
        Weights keyed by P-code covering the table's districts;
        :func:`~izmir_maps.stats.weights.district_weights` by default. Used row-standardised.
    permutations
        Random permutations for ``p_sim`` (at least 1).
    seed
        Seed of the permutations.

    Returns
    -------
    MoranResult
        Not computable (``I`` NaN, ``reason`` set) with fewer than
        :data:`MIN_VALUES` districts with a value or no variation.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> r = moran(district_table(), "employees")
    >>> r.n, round(r.I, 3), round(r.expected_I, 3), r.p_sim
    (30, 0.131, -0.034, 0.065)
    >>> moran(district_table(), "wind_capacity_mw").reason
    "Only 1 of 30 districts has a value for 'wind_capacity_mw'; Moran's I needs at least 8."
    """
    prep = _prepare(table, column, weights, permutations, seed)
    if prep.reason is not None:
        nan = float("nan")
        return MoranResult(column, prep.n, nan, nan, nan, nan, permutations, seed, prep.reason)
    with _quiet_esda(), _seeded(seed):
        result = esda.Moran(prep.y, prep.w, permutations=permutations)
    return MoranResult(
        indicator_id=column,
        n=prep.n,
        I=float(result.I),
        expected_I=float(result.EI),
        z=float(result.z_sim),
        p_sim=float(result.p_sim),
        permutations=permutations,
        seed=seed,
        added_links=prep.added,
    )


def lisa(
    table: pd.DataFrame,
    column: str,
    *,
    weights: W | None = None,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
    alpha: float = ALPHA,
) -> LisaResult:
    """Local Moran's I and cluster class of every district (:class:`esda.Moran_Local`).

    The class comes from esda's quadrant ``q`` (1 HH, 2 LH, 3 LL, 4 HL) where
    the pseudo p-value is below ``alpha``; otherwise ``"ns"``.

    Parameters
    ----------
    table, column, weights, permutations, seed
        As for :func:`moran`.
    alpha
        Significance level, strictly between 0 and 1.

    Returns
    -------
    LisaResult
        Series indexed by the table's P-codes, in table order.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> t = district_table()
    >>> r = lisa(t, "employees")
    >>> name = dict(zip(t.pcode, t.district))
    >>> {name[p]: q for p, q in r.quadrant.items() if q != "ns"}
    {'Bayraklı': 'LH', 'Bornova': 'HH', 'Buca': 'HH', 'Güzelbahçe': 'LL', 'Ödemiş': 'LL'}
    >>> r.quadrant["TUR035021"], lisa_label(r.quadrant["TUR035021"], "en")  # Konak
    ('ns', 'Not significant')
    """
    if not (isinstance(alpha, int | float) and 0 < alpha < 1):
        msg = f"alpha must be a number strictly between 0 and 1, not {alpha!r}."
        raise OptionError(msg)
    prep = _prepare(table, column, weights, permutations, seed)
    index = pd.Index(prep.values.index, name="pcode")
    quadrant = pd.Series("nodata", index=index, name="quadrant", dtype=object)
    p_sim = pd.Series(np.nan, index=index, name="p_sim")
    local_i = pd.Series(np.nan, index=index, name="local_i")
    if prep.reason is None:
        with _quiet_esda(), _seeded(seed):
            result = esda.Moran_Local(prep.y, prep.w, permutations=permutations, seed=seed)
        ids = prep.w.id_order
        significant = np.asarray(result.p_sim) < alpha
        labels = [
            _QUADRANTS[int(q)] if s else "ns" for q, s in zip(result.q, significant, strict=True)
        ]
        quadrant.loc[ids] = labels
        p_sim.loc[ids] = np.asarray(result.p_sim, dtype=float)
        local_i.loc[ids] = np.asarray(result.Is, dtype=float)
    return LisaResult(
        indicator_id=column,
        quadrant=quadrant,
        p_sim=p_sim,
        local_i=local_i,
        alpha=float(alpha),
        seed=seed,
        permutations=permutations,
        n=prep.n,
        reason=prep.reason,
        added_links=prep.added,
    )


def moran_all(
    table: pd.DataFrame,
    indicator_ids: Sequence[str] | None = None,
    *,
    weights: W | None = None,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
) -> pd.DataFrame:
    """Global Moran's I of many indicators, one row each.

    Parameters
    ----------
    table
        As for :func:`moran`.
    indicator_ids
        Registered indicator ids (base or derived) in the order wanted; by
        default every base indicator of the registry present in ``table``,
        in registry order.
    weights, permutations, seed
        As for :func:`moran`.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``label_tr``, ``label_en``, ``n``, ``I``, ``EI``,
        ``z``, ``p_sim``. Indicators that are not computable (fewer than
        :data:`MIN_VALUES` values or no variation) are left out; :func:`moran`
        gives the reason.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> m = moran_all(district_table(), ["employees", "firms", "wind_capacity_mw"])
    >>> m[["id", "n", "p_sim"]].round(3).to_dict("records")
    [{'id': 'employees', 'n': 30, 'p_sim': 0.065}, {'id': 'firms', 'n': 30, 'p_sim': 0.065}]
    """
    if indicator_ids is None:
        ids = [ind.id for ind in base_indicators() if ind.id in table.columns]
    else:
        ids = [indicator(i).id for i in indicator_ids]
    w = district_weights() if weights is None else weights
    rows = []
    for ind_id in ids:
        result = moran(table, ind_id, weights=w, permutations=permutations, seed=seed)
        if not result.computable:
            continue
        ind = indicator(ind_id)
        rows.append(
            {
                "id": ind_id,
                "label_tr": ind.label("tr"),
                "label_en": ind.label("en"),
                "n": result.n,
                "I": result.I,
                "EI": result.expected_I,
                "z": result.z,
                "p_sim": result.p_sim,
            }
        )
    columns = ["id", "label_tr", "label_en", "n", "I", "EI", "z", "p_sim"]
    return pd.DataFrame(rows, columns=columns)


# --- private helpers -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    values: pd.Series  # every district of the table, by P-code
    n: int
    reason: str | None
    y: np.ndarray | None = None  # values aligned to w.id_order
    w: W | None = None
    added: Links = ()


def _prepare(
    table: pd.DataFrame, column: str, weights: W | None, permutations: int, seed: int
) -> _Prepared:
    """Check the inputs, drop districts without a value and cut the weights to the rest."""
    if isinstance(permutations, bool) or not isinstance(permutations, int) or permutations < 1:
        msg = f"permutations must be a positive integer such as 999, not {permutations!r}."
        raise OptionError(msg)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or not 0 <= seed < 2**32:
        msg = f"seed must be an integer from 0 to 2**32 - 1, not {seed!r}."
        raise OptionError(msg)
    values = _values(table, column)
    w = district_weights() if weights is None else weights
    known, wanted = set(w.id_order), set(values.index)
    if known != wanted:
        msg = (
            f"The weights and the table cover different districts: P-code(s) "
            f"{sorted(wanted - known)!r} are only in the table and {sorted(known - wanted)!r} "
            "only in the weights. Build the weights from the same districts."
        )
        raise DataError(msg)
    present = values.dropna()
    n = len(present)
    if n < MIN_VALUES:
        has = "has" if n == 1 else "have"
        reason = (
            f"Only {n} of {len(values)} districts {has} a value for {column!r}; "
            f"Moran's I needs at least {MIN_VALUES}."
        )
        return _Prepared(values, n, reason)
    if present.nunique() == 1:
        reason = (
            f"All {n} districts with a value for {column!r} have the same value "
            f"({present.iloc[0]!r}); Moran's I needs some variation."
        )
        return _Prepared(values, n, reason)
    added: Links = ()
    if n == len(values) and not w.islands:
        w = copy.deepcopy(w)  # esda sets the transform of the weights it is given
        w.transform = "r"
    else:
        keep = [p for p in w.id_order if p in present.index]
        w, added = subset_weights(w, keep, table)
    y = present.loc[w.id_order].to_numpy(dtype=float)
    return _Prepared(values, n, None, y, w, added)


def _values(table: pd.DataFrame, column: str) -> pd.Series:
    """``column`` as floats indexed by P-code; non-finite values become NaN."""
    require_columns(table, ["pcode"])
    if column not in table.columns:
        close = difflib.get_close_matches(str(column), [str(c) for c in table.columns], n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = f"The table has no column {column!r}.{hint}"
        raise DataError(msg)
    pcodes = table["pcode"]
    repeated = sorted(pcodes[pcodes.duplicated()].unique())
    if repeated:
        msg = f"The table has repeated P-code(s) {repeated!r}; each district must appear once."
        raise DataError(msg)
    series = table[column]
    if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
        msg = f"Column {column!r} must be numeric, not {series.dtype}."
        raise DataError(msg)
    values = pd.Series(
        series.to_numpy(dtype=float, na_value=np.nan), index=pd.Index(pcodes, name="pcode")
    )
    return values.where(np.isfinite(values))


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """Seed NumPy's global generator (esda's Moran uses it) and restore it afterwards."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)


@contextmanager
def _quiet_esda() -> Iterator[None]:
    """Silence esda's known, harmless warnings; every other warning still reaches the caller."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_ESDA_NOISE, category=DeprecationWarning)
        yield
