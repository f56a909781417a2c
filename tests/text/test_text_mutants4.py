"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt).

This file holds the text/ survivors; the data/ ones are in tests/data/test_data_mutants5.py.
"""

from __future__ import annotations

from izmir_maps.text.names import turkish_sort_key

# --- text.names --------------------------------------------------------------------------------


def test_names_that_differ_in_digits_or_marks_sort_in_code_point_order() -> None:
    """Numbered names would be listed backwards ('Tire 3', 'Tire 2', 'Tire 1')."""
    names = ["Tire 3", "Tire 1", "Tire 2", "Urla-2", "Urla 2"]
    assert sorted(names, key=turkish_sort_key) == ["Tire 1", "Tire 2", "Tire 3", "Urla 2", "Urla-2"]


def test_spaces_digits_and_signs_sort_before_letters() -> None:
    """'Yeni Foça' sorted after 'Yenice' and '19 Mayıs' after every lettered name."""
    from izmir_maps.text.names import turkish_sort_key

    names = ["Yenice", "Yeni Foça", "Adalar", "19 Mayıs", "Gaziemir", "Gazi Osmanpaşa"]
    assert sorted(names, key=turkish_sort_key) == [
        "19 Mayıs",
        "Adalar",
        "Gazi Osmanpaşa",
        "Gaziemir",
        "Yeni Foça",
        "Yenice",
    ]
