"""Reading and writing numbers the Turkish and the English way."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from izmir_maps.text.numbers import fit_decimals, format_number, format_percent, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27.225", 27225),  # the report's employees for Aliağa
        ("4,14%", 4.14),
        ("%4,14", 4.14),
        ("% 4,14", 4.14),
        ("673.307.314 $", 673307314),
        ("8.269.662.775", 8269662775),
        ("147,50", 147.5),
        ("1.719", 1719),
        ("0", 0),
        ("-1.234,5", -1234.5),
        ("\u22121.234", -1234),  # typographic minus, as format_number writes it
        ("1\u00a0234", 1234),  # no-break space as thousands separator
    ],
)
def test_parse_turkish_default(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1029.85", ".", 1029.85),  # the report's one number with a decimal point
        ("1,234,567.89", ".", 1234567.89),
        ("27.225", ".", 27.225),
        ("1.234.567,89", ",", 1234567.89),
        ("658,225", ",", 658.225),
        ("12", ".", 12),
    ],
)
def test_parse_with_an_explicit_decimal_mark(text: str, decimal: str, expected: float) -> None:
    assert parse_number(text, decimal=decimal) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("decimal", ["auto", "", ";"])
def test_parse_refuses_a_decimal_mark_it_does_not_know(decimal: str) -> None:
    # No guessing per cell: a user's table decides the mark once per column
    # (izmir_maps.userdata), so parse_number only ever gets ',' or '.'.
    with pytest.raises(ValueError, match=r"decimal must be ',' or '\.'"):
        parse_number("27.225", decimal=decimal)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", None])
def test_parse_empty_is_nan(text: str | None) -> None:
    assert math.isnan(parse_number(text))


@pytest.mark.parametrize("value", [3, 2.5, -7.25])
def test_parse_passes_numbers_through(value: float) -> None:
    assert parse_number(value) == value


@pytest.mark.parametrize("text", ["abc", "12a", "1-2", "--1", "1e5", "4,14,"])
def test_parse_rejects_text_that_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(text)


def test_parse_rejects_bool() -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(True)


def test_parse_rejects_two_decimal_commas() -> None:
    with pytest.raises(ValueError, match=r"'1,2,3' is not a number"):
        parse_number("1,2,3", decimal=",")


def test_parse_rejects_two_decimal_points() -> None:
    with pytest.raises(ValueError, match=r"'1\.2\.3' is not a number"):
        parse_number("1.2.3", decimal=".")


@pytest.mark.parametrize(
    ("text", "decimal"),
    [
        ("1.2.3", ","),  # Turkish thousands groups have three digits
        ("3.5", ","),
        ("1029.85", ","),
        ("1,2,3", "."),  # English thousands groups have three digits
        ("1,5", "."),  # a decimal comma where a decimal point is expected
        ("42,5", "."),
    ],
)
def test_parse_rejects_malformed_thousands_groups(text: str, decimal: str) -> None:
    # Reading "42,5" as 425 (or "3.5" as 35) silently multiplies the value;
    # the docstring promises ValueError for text that is not a number in either format.
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(text, decimal=decimal)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (658225, "tr", 0, "658.225"),
        (658225, "en", 0, "658,225"),
        (8269662775, "tr", 0, "8.269.662.775"),
        (31.7, "tr", 1, "31,7"),
        (1234567.891, "en", 2, "1,234,567.89"),
        (1234567.891, "tr", 2, "1.234.567,89"),
        (-1234.5, "tr", 1, "\u22121.234,5"),
        (0, "tr", 0, "0"),
    ],
)
def test_format_number(value: float, lang: str, decimals: int, expected: str) -> None:
    assert format_number(value, lang, decimals) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("missing", [None, math.nan])
def test_format_missing_value_is_a_dash_not_zero(missing: float | None) -> None:
    assert format_number(missing) == "–"
    assert format_percent(missing) == "–"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (4.14, "tr", "%4,14"),
        (4.14, "en", "4.14%"),
        (57.843, "tr", "%57,84"),
        (100, "en", "100.00%"),
    ],
)
def test_format_percent(value: float, lang: str, expected: str) -> None:
    assert format_percent(value, lang) == expected  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**12))
def test_turkish_format_round_trips(n: int) -> None:
    text = format_number(n)
    assert parse_number(text) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_english_format_round_trips(n: int) -> None:
    text = format_number(n, "en")
    assert parse_number(text, decimal=".") == n


@given(st.integers(min_value=-(10**12), max_value=-1))
def test_negative_numbers_round_trip(n: int) -> None:
    assert parse_number(format_number(n)) == n
    assert parse_number(format_number(n, "en"), decimal=".") == n


@given(st.integers(min_value=0, max_value=10**11).map(lambda c: c / 100))
def test_two_decimal_values_round_trip(value: float) -> None:
    assert parse_number(format_number(value, "tr", 2)) == value
    assert parse_number(format_number(value, "en", 2), decimal=".") == value


@given(st.integers(min_value=0, max_value=10**6).map(lambda c: c / 100))
def test_percent_round_trips(value: float) -> None:
    assert parse_number(format_percent(value)) == value
    assert parse_number(format_percent(value, "en"), decimal=".") == value


# --- huge and tiny magnitudes, and the decimals a set of values needs ----------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "turkish", "english"),
    [
        (1e300, 0, "1 × 10³⁰⁰", "1 × 10³⁰⁰"),
        (1.2345e300, 0, "1,23 × 10³⁰⁰", "1.23 × 10³⁰⁰"),
        (1.2345e300, 2, "1,2345 × 10³⁰⁰", "1.2345 × 10³⁰⁰"),
        (-2.5e18, 0, "−2,5 × 10¹⁸", "−2.5 × 10¹⁸"),
        (1e15, 0, "1 × 10¹⁵", "1 × 10¹⁵"),
        (999_999_999_999_999.0, 0, "999.999.999.999.999", "999,999,999,999,999"),
        (3e-9, 10, "3 × 10⁻⁹", "3 × 10⁻⁹"),
        (1.25e-7, 9, "1,25 × 10⁻⁷", "1.25 × 10⁻⁷"),
        (0.000001, 6, "0,000001", "0.000001"),
        (0.0, 9, "0,000000000", "0.000000000"),
        (1e-7, 2, "0,00", "0.00"),
        (math.inf, 0, "∞", "∞"),
        (-math.inf, 0, "−∞", "−∞"),
    ],
)
def test_huge_and_tiny_magnitudes_are_written_as_powers_of_ten(
    value: float, decimals: int, turkish: str, english: str
) -> None:
    assert format_number(value, "tr", decimals) == turkish
    assert format_number(value, "en", decimals) == english


def test_a_huge_percentage_is_a_power_of_ten_too() -> None:
    assert format_percent(4e20) == "%4 × 10²⁰"


@pytest.mark.parametrize(
    ("distinct", "nonzero", "at_least", "expected"),
    [
        ([0.001, 0.002, 0.003, 0.009], [], 2, 3),
        ([0.0012, 0.0013], [], 2, 4),
        ([0.289, 0.324], [], 1, 2),
        ([27225.0, 658225.0], [], 0, 0),
        ([1.0, 2.0], [0.0004], 1, 4),
        ([1.0, 2.0], [0.0, -0.04], 1, 2),
        ([1.0000001, 1.0000002], [], 0, 7),
        ([1.0, 1.0 + 1e-15], [], 0, 15),
        ([1e300, 1.001e300], [], 0, 1),
        ([1.2e-6, 1.3e-6], [], 2, 7),
        ([1.1754943508222875e-38, 1.175494351e-38], [], 0, 48),
        ([], [], 3, 3),
    ],
)
def test_fit_decimals_tells_distinct_values_apart_and_never_prints_a_nonzero_as_zero(
    distinct: list[float], nonzero: list[float], at_least: int, expected: int
) -> None:
    assert fit_decimals(distinct, nonzero, at_least=at_least) == expected


@given(
    st.lists(
        st.floats(min_value=-1e300, max_value=1e300, allow_nan=False).filter(
            lambda v: v == 0 or abs(v) > 1e-290
        ),
        min_size=1,
        max_size=12,
    )
)
@settings(max_examples=1000)
def test_values_far_enough_apart_print_apart(values: list[float]) -> None:
    decimals = fit_decimals(values, values)
    shown = {format_number(v, "tr", decimals) for v in set(values)}
    close = any(
        a != b and abs(a - b) <= 1e-13 * max(abs(a), abs(b)) for a in values for b in values
    )
    assert len(shown) == len(set(values)) or close
    zero = format_number(0.0, "tr", decimals)
    assert all(format_number(v, "tr", decimals) != zero for v in values if v != 0)
