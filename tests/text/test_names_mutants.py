"""Tests that kill mutants of ``text/names.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import pytest

from izmir_maps.errors import UnknownDistrictError
from izmir_maps.text.names import DistrictMatcher

FIX = "Correct the name (any case, with or without Turkish letters) or use the P-code."


@pytest.fixture
def matcher() -> DistrictMatcher:
    return DistrictMatcher(
        {"TUR035013": "Karaburun", "TUR035030": "Karabağlar", "TUR035001": "Aliağa"}
    )


def _message(call, *args: object, **kwargs: object) -> str:
    with pytest.raises(UnknownDistrictError) as info:
        call(*args, **kwargs)
    return str(info.value)


def test_two_close_names_are_offered_best_first(matcher: DistrictMatcher) -> None:
    assert _message(matcher.pcode, "Karab") == (
        f"'Karab' is not a known district. Did you mean 'Karaburun' or 'Karabağlar'? {FIX}"
    )


def test_without_a_close_name_every_valid_name_is_listed(matcher: DistrictMatcher) -> None:
    assert _message(matcher.pcode, "zzzz") == (
        f"'zzzz' is not a known district. Valid names are: Aliağa, Karabağlar, Karaburun. {FIX}"
    )


def test_name_passes_where_the_name_came_from_to_the_message(matcher: DistrictMatcher) -> None:
    assert _message(matcher.name, "Karab", where="d.csv, row 3, column ilçe") == (
        "d.csv, row 3, column ilçe: 'Karab' is not a known district. "
        f"Did you mean 'Karaburun' or 'Karabağlar'? {FIX}"
    )


def test_name_without_where_starts_with_the_name(matcher: DistrictMatcher) -> None:
    assert _message(matcher.name, "zzzz").startswith("'zzzz' is not a known district.")


def test_an_empty_name_without_where_says_so_first(matcher: DistrictMatcher) -> None:
    assert _message(matcher.pcode, " ") == (
        "the district name is empty. Fill in one of the 3 district names or its P-code."
    )


def test_closest_offers_at_most_three_names_unless_asked() -> None:
    m = DistrictMatcher({f"P{i}": f"Buca{c}" for i, c in enumerate("abcde")})
    assert m.closest("Buca") == ["Bucae", "Bucad", "Bucac"]
    assert m.closest("Buca", n=1) == ["Bucae"]


def test_closest_offers_a_name_half_alike() -> None:
    m = DistrictMatcher({"TUR035010": "Çiğli", "TUR035001": "Aliağa"})
    assert m.closest("Çigxyz") == ["Çiğli"]  # 'cig' of 'cigxyz' and 'cigli': 6/11 alike
