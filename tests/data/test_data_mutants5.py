"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt).

This file holds the data/ survivors; the text/ ones are in tests/text/test_text_mutants4.py.
"""

from __future__ import annotations

import pandas as pd

from izmir_maps.data.provinces import (
    NATIONAL,
    ProvinceMatcher,
    province_districts,
    province_land,
    province_neighbours,
)
from izmir_maps.data.registry import indicator

# --- data.provinces ----------------------------------------------------------------------------


def test_a_matcher_over_two_provinces_names_each_district_with_its_province() -> None:
    """A matcher over İzmir and Manisa would show bare names, hiding which province is meant."""
    both = pd.concat([province_districts("İzmir"), province_districts("Manisa")])
    matcher = ProvinceMatcher(both, area="İzmir ve Manisa")
    aliaga = matcher.pcode("Aliağa")
    assert matcher.name(aliaga) == "İzmir/Aliağa"
    assert matcher.name(matcher.pcode("Şehzadeler")) == "Manisa/Şehzadeler"
    assert matcher.pcode("Aliağa İzmir") == aliaga


def test_the_empty_neighbours_of_turkiye_keep_the_documented_columns() -> None:
    """All Türkiye's (empty) neighbour table would lack its province columns, unlike any other."""
    assert list(province_neighbours(NATIONAL).columns) == list(
        province_neighbours("Manisa").columns
    )
    assert list(province_neighbours(NATIONAL).columns) == ["province", "province_pcode", "geometry"]
    assert list(province_land(NATIONAL).columns) == ["geometry"]


# --- data.registry -----------------------------------------------------------------------------


def test_an_indicator_unit_is_turkish_unless_told_otherwise() -> None:
    """Asking an indicator for its unit without a language would fail instead of giving 'kişi'."""
    population = indicator("population")
    assert population.unit() == "kişi"
    assert population.unit("en") == "persons"
