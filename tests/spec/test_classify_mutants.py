"""Diverging classes and a count's own classes at their edges (from the spec/ mutation run).

Each case is one that mutmut's single-point changes of ``spec/classify.py`` got through:
a value equal to the midpoint, a user break equal to it, two classes, a table without values.
"""

from __future__ import annotations

import math

import pandas as pd

from izmir_maps.spec.classify import _default_user_breaks, classify_values

VALUES = pd.Series([1.0, 2, 3, 4, 5, 6])


def test_a_value_at_the_midpoint_is_classed_below_it() -> None:
    c = classify_values(VALUES, scheme="quantiles", k=4, palette="RdBu", midpoint=3.0)
    assert c.bins == (2.0, 3.0, 5.0, 6.0)
    assert list(c.classes) == [0, 0, 1, 2, 2, 3]
    # the two halves of the palette: reds up to the midpoint, blues above it
    assert c.colors == ("#ca0020", "#f4a582", "#92c5de", "#0571b0")


def test_a_user_break_at_the_midpoint_makes_no_empty_class() -> None:
    c = classify_values(VALUES, scheme="user", breaks=[2, 3, 4], palette="RdBu", midpoint=3.0)
    assert c.bins == (2.0, 3.0, 4.0, 6.0)
    assert list(c.classes) == [0, 0, 1, 2, 3, 3]


def test_two_diverging_classes_are_one_each_side() -> None:
    c = classify_values(VALUES, scheme="quantiles", k=2, palette="RdBu", midpoint=3.0)
    assert c.bins == (3.0, 6.0)
    assert c.colors == ("#ef8a62", "#67a9cf")
    assert list(c.classes) == [0, 0, 0, 1, 1, 1]


def test_a_count_gets_one_class_per_value_from_zero() -> None:
    assert _default_user_breaks(pd.Series([0.0, 1.0])) == [0.0]
    assert _default_user_breaks(pd.Series([0.0, 3.0])) == [0.0, 1.0, 2.0]
    assert _default_user_breaks(pd.Series([math.nan, math.nan])) == [0.0]


def test_breaks_are_for_the_user_scheme_only() -> None:
    """Breaks given with another scheme change nothing, also around a midpoint."""
    values = pd.Series([1.0, 2, 3, 4])
    c = classify_values(values, scheme="quantiles", k=2, breaks=[2.0], palette="RdBu", midpoint=2.5)
    assert c.bins == (2.5, 4.0)
    assert (
        c.bins
        == classify_values(values, scheme="quantiles", k=2, palette="RdBu", midpoint=2.5).bins
    )
