"""Natural breaks: :func:`fisher_jenks_bins` gives mapclassify's breaks, exactly.

Today's way (before issue 16) was ``mapclassify.FisherJenks`` without numba: the
pure-Python ``_fisher_jenks_means``, about 2 s for 973 values. :func:`_today` below
is that way, kept reachable here, and every test asserts equal breaks (not close
ones): a class boundary that moves moves a district into another colour.
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import mapclassify
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mapclassify.classifiers import _fisher_jenks_means

from izmir_maps.data.registry import indicator_ids
from izmir_maps.spec.classify import classify_values, fisher_jenks_bins


def _today(values: np.ndarray, k: int) -> np.ndarray:
    """The breaks as ``classify_values(…, scheme="fisher_jenks")`` computed them before."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed"
        return np.asarray(mapclassify.FisherJenks(values, k=k).bins, dtype=float)


def _national_values() -> np.ndarray:
    """The benchmark's 973-row national table: values distinct, spread over 0 … 99,999."""
    return np.array([(i * 7919) % 100_000 for i in range(973)], dtype=float)


def test_the_algorithm_is_mapclassifys_on_a_worked_example() -> None:
    values = np.array([1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3])
    assert fisher_jenks_bins(values, 3).tolist() == [2.3, 5.0, 7.8]
    assert fisher_jenks_bins(values, 3).tolist() == _today(values, 3).tolist()


@pytest.mark.parametrize("ind_id", [i for i in indicator_ids() if not i.endswith("_rank")])
def test_every_shipped_indicator_keeps_its_breaks(table, ind_id: str) -> None:
    if ind_id not in table.columns:
        pytest.skip(f"{ind_id} is not a column of the district table")
    values = table[ind_id].dropna().astype(float).to_numpy()
    distinct = len(np.unique(values))
    if distinct < 2:
        pytest.skip(f"{ind_id} has one value")
    for k in range(2, 10):
        kk = min(k, distinct)
        assert fisher_jenks_bins(values, kk).tolist() == _today(values, kk).tolist(), (ind_id, k)


@pytest.mark.parametrize("k", [5, 9])
def test_the_national_table_keeps_its_breaks(k: int) -> None:
    values = _national_values()
    ours = fisher_jenks_bins(values, k)
    assert ours.tolist() == _fisher_jenks_means(np.sort(values), classes=k).tolist()
    if k == 5:
        assert ours.tolist() == [20103.0, 40172.0, 60241.0, 80129.0, 99836.0]


def test_the_national_layers_areas_keep_their_breaks() -> None:
    from izmir_maps.data.provinces import NATIONAL, province_districts

    areas = province_districts(NATIONAL)["area_km2"].to_numpy(dtype=float)
    assert len(areas) == 973
    assert fisher_jenks_bins(areas, 5).tolist() == _today(areas, 5).tolist()


# Small integers give many ties, also ties between equally good splits; rounded normals give
# negative values and decimals; wide integers test single-precision sums.
_TIES = st.lists(st.integers(0, 12).map(float), min_size=2, max_size=40)
_DECIMALS = st.lists(
    st.floats(-50, 50, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 1)),
    min_size=2,
    max_size=40,
)
_WIDE = st.lists(st.integers(-(10**8), 10**8).map(float), min_size=2, max_size=40)


@given(st.one_of(_TIES, _DECIMALS, _WIDE), st.integers(2, 9))
def test_breaks_equal_todays_on_any_table(values: list[float], k: int) -> None:
    x = np.asarray(values)
    kk = min(k, len(np.unique(x)))  # k ≥ the number of distinct values: as many classes as values
    if kk < 2:
        return
    assert fisher_jenks_bins(x, kk).tolist() == _today(x, kk).tolist()


@given(st.one_of(_TIES, _DECIMALS), st.integers(2, 9))
def test_classify_values_gives_todays_classes(values: list[float], k: int) -> None:
    series = pd.Series([*values, np.nan])  # a missing value stays out of the classes
    c = classify_values(series, scheme="fisher_jenks", k=k)
    present = np.asarray(values)
    distinct = len(np.unique(present))
    if distinct == 1:
        assert c.bins == (present.max(),)
        return
    today = _today(present, min(k, distinct))
    today[-1] = max(today[-1], present.max())
    assert c.bins == tuple(float(b) for b in np.unique(today))
    assert c.classes.iloc[-1] == -1


@pytest.mark.parametrize("n", [2, 3, 4])
def test_as_many_classes_as_values(n: int) -> None:
    x = np.arange(1.0, n + 1)
    assert fisher_jenks_bins(x, n).tolist() == x.tolist()
    assert fisher_jenks_bins(x, n).tolist() == _today(x, n).tolist()


def test_values_too_large_for_single_precision_keep_their_classes() -> None:
    """mapclassify's single-precision sums overflow here and make two breaks equal (two classes)."""
    x = np.array([1e20, 2e20, 3e20, 5e25, 6e25, 7e30])
    assert _today(x, 3).tolist() == [6e25, 6e25, 7e30]  # what mapclassify gives
    assert fisher_jenks_bins(x, 3).tolist() == [3e20, 6e25, 7e30]
    assert classify_values(pd.Series(x), scheme="fisher_jenks", k=3).bins == (3e20, 6e25, 7e30)


def test_natural_breaks_do_not_import_mapclassify() -> None:
    """mapclassify brings scipy and scikit-learn: seconds at the start of every command."""
    code = (
        "import sys, pandas as pd\n"
        "from izmir_maps.spec.classify import classify_values, SCHEMES\n"
        "c = classify_values(pd.Series([1.0, 2, 3, 10, 11, 30]), scheme='fisher_jenks', k=3)\n"
        "assert c.bins == (3.0, 11.0, 30.0), c.bins\n"
        "assert list(SCHEMES)[0] == 'quantiles'\n"
        "print('mapclassify' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
