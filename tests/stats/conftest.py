"""Fixtures shared by the tests of izmir_maps.stats."""

from __future__ import annotations

import pytest
from libpysal.weights import W

from izmir_maps.data.boundaries import load_districts
from izmir_maps.stats.weights import district_weights


@pytest.fixture(scope="module")
def pcode() -> dict[str, str]:
    """District name → P-code, from the detailed layer."""
    districts = load_districts("detailed")
    return dict(zip(districts["district"], districts["pcode"], strict=True))


@pytest.fixture(scope="module")
def weights() -> W:
    """The default weights (:func:`district_weights`)."""
    return district_weights()
