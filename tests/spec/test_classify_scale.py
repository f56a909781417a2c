"""Classes that stay right at any scale, and a warning for breaks above every value (issue 12).

Natural breaks were computed with single-precision sums: values 1 … 30 times 1e18
or 1e300 gave two classes of 29 + 1, and 1.000.001.000 … 1.000.030.000 four
classes of 1 / 7 / 1 / 21, where 1 … 30 give five classes of six. The classes of a
scheme do not change when every value is multiplied by a positive number or shifted.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from izmir_maps.cli import main
from izmir_maps.data.boundaries import load_districts
from izmir_maps.spec.classify import classify_values, fisher_jenks_bins, high_breaks_warning
from izmir_maps.text.names import turkish_sort_key

ONE_TO_30 = np.arange(1.0, 31.0)
SCHEMES = ["fisher_jenks", "quantiles", "equal_interval", "head_tail"]
#: the 30 districts in Turkish alphabetical order, as the shipped boundaries name them
DISTRICTS = sorted(load_districts()["district"], key=turkish_sort_key)


def _counts(values: np.ndarray, scheme: str = "fisher_jenks", k: int = 5) -> list[int]:
    return classify_values(pd.Series(values), scheme=scheme, k=k).counts()


@pytest.mark.parametrize("factor", [1.0, 1e18, 1e300, 1e-300])
def test_natural_breaks_of_1_to_30_are_five_classes_of_six_at_any_magnitude(factor: float):
    assert _counts(ONE_TO_30 * factor) == [6, 6, 6, 6, 6]


def test_a_large_offset_gives_the_classes_of_the_unshifted_values():
    shifted = 1_000_001_000 + (ONE_TO_30 - 1) * 1_000  # 1.000.001.000 … 1.000.030.000
    c = classify_values(pd.Series(shifted), scheme="fisher_jenks", k=5)
    plain = classify_values(pd.Series(ONE_TO_30), scheme="fisher_jenks", k=5)
    assert c.counts() == [6, 6, 6, 6, 6]
    assert c.classes.tolist() == plain.classes.tolist()
    # the breaks are the values themselves, not computed back from standardised ones
    assert c.bins == (
        1_000_006_000.0,
        1_000_012_000.0,
        1_000_018_000.0,
        1_000_024_000.0,
        1_000_030_000.0,
    )


def test_huge_breaks_are_the_values_themselves():
    values = ONE_TO_30 * 1e300
    bins = fisher_jenks_bins(values, 5)
    assert bins.tolist() == [values[5], values[11], values[17], values[23], values[29]]


def test_huge_values_of_far_apart_magnitudes_keep_three_classes():
    x = np.array([1e20, 2e20, 3e20, 5e25, 6e25, 7e30])  # single-precision squares overflow
    assert fisher_jenks_bins(x, 3).tolist() == [3e20, 6e25, 7e30]
    assert _counts(x, k=3) == [3, 2, 1]


# Values of clear groups (a unique best split for every k) and a real table's spread.
_GROUPS = np.array([1, 2, 2.5, 3, 9, 10, 11, 12, 30, 31, 33, 60, 61, 62, 64, 100, 140, 141, 300])
_SPREAD = np.round(np.sqrt(np.arange(1.0, 61.0)) ** 3 + np.arange(60) % 7, 2)  # no equal splits
# (a, b): stretched, shrunk, shifted far, huge, tiny; a·x + b keeps the values apart
_AFFINE = [
    (1e18, 0.0),
    (1e300, 0.0),
    (1e-300, 0.0),
    (1e-3, 0.0),
    (1_000.0, 1e9),
    (3.5, -1e6),
    (1e6, 1e15),
    (1e290, -1e300),
]


@pytest.mark.parametrize(("a", "b"), _AFFINE)
@pytest.mark.parametrize("values", [_GROUPS, _SPREAD], ids=["groups", "spread"])
@pytest.mark.parametrize("k", [3, 5, 7])
def test_natural_breaks_classes_survive_scaling_and_shifting(values, a: float, b: float, k: int):
    moved = a * values + b
    assert np.isfinite(moved).all() and len(np.unique(moved)) == len(np.unique(values))
    c = classify_values(pd.Series(values), scheme="fisher_jenks", k=k)
    moved_c = classify_values(pd.Series(moved), scheme="fisher_jenks", k=k)
    assert moved_c.classes.tolist() == c.classes.tolist()
    assert set(moved_c.bins) <= set(moved.tolist())  # breaks are the moved values themselves


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("factor", [1e18, 1e300])
def test_every_scheme_keeps_its_classes_at_huge_magnitudes(scheme: str, factor: float):
    expected = [15, 8, 4, 2, 1] if scheme == "head_tail" else [6, 6, 6, 6, 6]
    counts = _counts(ONE_TO_30 * factor, scheme)
    if scheme == "head_tail" and factor == 1e300:
        # head/tail breaks are means: 27 × 1e300 and the mean of 24 … 30 × 1e300 differ in the last bit
        assert sum(counts) == 30
        return
    assert counts == expected


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_scheme_keeps_its_classes_with_a_large_offset(scheme: str):
    shifted = 1_000_001_000 + (ONE_TO_30 - 1) * 1_000
    assert _counts(shifted, scheme) == _counts(ONE_TO_30, scheme)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_values_from_minus_to_plus_9e307_classify_like_minus_1_to_1(scheme: str):
    unit = np.linspace(-1.0, 1.0, 30)
    huge = unit * 2.0**1023  # 9e307, exactly: max − min overflows
    c = classify_values(pd.Series(huge), scheme=scheme, k=5)
    assert c.counts() == _counts(unit, scheme)
    assert c.bins == tuple(
        b * 2.0**1023 for b in classify_values(pd.Series(unit), scheme=scheme).bins
    )


# --- user breaks above every value --------------------------------------------------------------


def test_breaks_all_above_the_largest_value_are_told():
    assert high_breaks_warning(pd.Series(ONE_TO_30), [100, 200, 300]) == (
        "breaks 100; 200; 300: every break lies above the largest value, 30, so every district "
        "falls in the first class and the map has one colour; 2 of the 3 classes would be empty "
        "and are left out. Give breaks below 30."
    )


def test_breaks_partly_above_the_largest_value_are_told():
    assert high_breaks_warning(pd.Series(ONE_TO_30), [10, 100, 200]) == (
        "breaks 10; 100; 200: 100, 200 lie above the largest value, 30, so 1 of the 3 classes "
        "would be empty and is left out; the map has 2 classes."
    )


@pytest.mark.parametrize("breaks", [[10, 20, 30], [10, 20], [5, 40]])
def test_breaks_that_leave_no_class_empty_need_no_warning(breaks):
    assert high_breaks_warning(pd.Series(ONE_TO_30), breaks) is None


def _table(tmp_path: Path) -> Path:
    path = tmp_path / "t.csv"
    rows = "".join(f"{name};{i + 1}\n" for i, name in enumerate(DISTRICTS))
    path.write_text(f"İlçe;Değer\n{rows}", encoding="utf-8")
    return path


def test_the_warning_comes_with_the_users_map_spec(tmp_path):
    from izmir_maps.spec.user_spec import user_choropleth_spec

    spec, warnings = user_choropleth_spec(
        _table(tmp_path), column="Değer", scheme="user", breaks=[100.0, 200.0, 300.0]
    )
    assert warnings == [high_breaks_warning(pd.Series(ONE_TO_30), [100, 200, 300])]
    assert len(spec.classification.bins) == 1  # what the warning explains


def test_the_command_line_warns_about_breaks_above_every_value(tmp_path, capsys):
    out = tmp_path / "m.html"
    argv = ["map", "--data", str(_table(tmp_path)), "--column", "Değer"]
    assert main([*argv, "--scheme", "user", "--breaks", "100;200;300", "--out", str(out)]) == 0
    assert capsys.readouterr().err == (
        "izmir-maps: warning: --breaks 100; 200; 300: every break lies above the largest value, "
        "30, so every district falls in the first class and the map has one colour; 2 of the 3 "
        "classes would be empty and are left out. Give breaks below 30.\n"
    )


def test_the_warning_comes_with_the_users_year_map(tmp_path):
    from izmir_maps.spec.user_spec import user_years_spec

    path = tmp_path / "years.csv"
    rows = "".join(f"{name};{i + 1};{i + 2}\n" for i, name in enumerate(DISTRICTS))
    path.write_text(f"İlçe;2020;2021\n{rows}", encoding="utf-8")
    _, warnings = user_years_spec(path, years=True, scheme="user", breaks=[100.0, 200.0, 300.0])
    assert warnings[-1] == (
        "breaks 100; 200; 300: every break lies above the largest value, 31, so every district "
        "falls in the first class and the map has one colour; 2 of the 3 classes would be empty "
        "and are left out. Give breaks below 31."
    )


def test_a_shipped_indicator_warns_about_breaks_above_every_value(tmp_path, capsys):
    """Employees with breaks in the millions: one colour, and now the user is told why."""
    out = tmp_path / "e.html"
    assert main(["map", "employees", "--breaks", "1000000;2000000;3000000", "--out", str(out)]) == 0
    assert capsys.readouterr().err == (
        "izmir-maps: warning: --breaks 1000000; 2000000; 3000000: every break lies above the "
        "largest value, 199310, so every district falls in the first class and the map has one "
        "colour; 2 of the 3 classes would be empty and are left out. Give breaks below 199310.\n"
    )
