"""Tests that kill mutants of ``text/numbers.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import pytest

from izmir_maps.text.numbers import fit_decimals, format_number, parse_number


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1.234e-9, "tr", 7, "1,2 × 10⁻⁹"),  # two significant digits for a tiny value …
        (-1.234e-9, "en", 8, "−1.2 × 10⁻⁹"),  # … however many decimals below it were asked for
        (1.5e15, "tr", 0, "1,5 × 10¹⁵"),
        (1e15, "en", 0, "1 × 10¹⁵"),
    ],
)
def test_scientific_form_keeps_the_digits_a_reader_can_use(
    value: float, lang: str, decimals: int, expected: str
) -> None:
    assert format_number(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("distinct", "nonzero", "options", "expected"),
    [
        ([27225.0, 658225.0], [], {}, 0),  # whole numbers need no decimals
        ([0.001, 0.002, 0.009], [], {"at_least": 2}, 3),
        ([10.0, 20.0], [0.00004], {"at_least": 1}, 5),
        # 0,5 must not print as 0 (1 decimal) and 1 and 1,04 must print apart (2 decimals)
        ([1.0, 1.04], [0.5], {}, 2),
    ],
)
def test_fit_decimals_examples(
    distinct: list[float], nonzero: list[float], options: dict, expected: int
) -> None:
    assert fit_decimals(distinct, nonzero, **options) == expected


def test_format_number_without_decimals_prints_whole_numbers() -> None:
    assert format_number(658225) == "658.225"
    assert format_number(658225, "en") == "658,225"
    assert format_number(27.6) == "28"


@pytest.mark.parametrize("text", ["%", "TL", "$ ", "abc"])
def test_text_without_digits_is_named_in_the_error(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_number(text)
    assert str(info.value) == f"{text!r} is not a number"
