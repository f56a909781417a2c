"""Classification of indicator values into map classes (``izmir_maps.spec.classify``)."""

from __future__ import annotations

import re
import warnings

import mapclassify
import numpy as np
import pandas as pd
import pytest
from branca.utilities import color_brewer
from hypothesis import given, settings
from hypothesis import strategies as st

from izmir_maps.data.registry import base_indicators, indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.classify import SCHEMES, classify_indicator, classify_values, scheme_label
from izmir_maps.spec.style import NO_DATA_COLOR

DATA_SCHEMES = ("quantiles", "fisher_jenks", "equal_interval", "head_tail")
#: İzmir's İZKA success rate as the report's TOPLAM row gives it: 253 of 1,008 applications.
IZMIR_SUCCESS_RATE = 253 / 1008 * 100


def _mapclassify(values: np.ndarray, scheme: str, k: int):
    """The classifier of ``scheme`` called directly (numba-less warnings silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if scheme == "head_tail":
            return mapclassify.HeadTailBreaks(values)
        return SCHEMES[scheme](values, k=k)


def _luminance(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@pytest.fixture(scope="module")
def employees(table) -> pd.Series:
    return table["employees"].astype(float)


@pytest.mark.parametrize("scheme", DATA_SCHEMES)
def test_bins_and_classes_match_mapclassify(employees: pd.Series, scheme: str) -> None:
    c = classify_values(employees, scheme=scheme, k=5)
    direct = _mapclassify(employees.to_numpy(), scheme, 5)
    np.testing.assert_allclose(c.bins, direct.bins)
    np.testing.assert_array_equal(c.classes.to_numpy(), direct.yb)
    if scheme != "head_tail":  # head/tail decides its own number of classes
        assert c.k == 5
    assert len(c.colors) == c.k


@pytest.mark.parametrize("k", range(2, 10))
@pytest.mark.parametrize("scheme", ["quantiles", "fisher_jenks", "equal_interval"])
def test_k_classes_for_every_allowed_k(employees: pd.Series, scheme: str, k: int) -> None:
    c = classify_values(employees, scheme=scheme, k=k)
    assert c.k == k
    assert len(c.colors) == k
    assert sum(c.counts()) == employees.notna().sum()


def test_user_breaks_match_mapclassify(employees: pd.Series) -> None:
    breaks = [1000.0, 10000.0, 100000.0]
    c = classify_values(employees, scheme="user", breaks=breaks)
    direct = mapclassify.UserDefined(employees.to_numpy(), breaks)
    np.testing.assert_allclose(c.bins, direct.bins)
    assert c.bins[-1] == employees.max()  # the maximum closes the last class
    np.testing.assert_array_equal(c.classes.to_numpy(), direct.yb)


@pytest.mark.parametrize("scheme", [*DATA_SCHEMES, "user"])
def test_every_value_lies_in_its_class(table, scheme: str) -> None:
    for ind_id in ("employees", "exports_usd", "izka_success_rate", "population_per_km2"):
        values = table[ind_id].astype(float)
        breaks = [float(values.quantile(0.5))] if scheme == "user" else None
        c = classify_values(values, scheme=scheme, k=4, breaks=breaks)
        edges = [-np.inf, *c.bins]
        for value, cls in zip(values, c.classes, strict=True):
            assert 0 <= cls < c.k
            assert edges[cls] < value <= edges[cls + 1], (ind_id, value, cls, c.bins)
        for (lo, hi), count in zip(c.ranges(), c.counts(), strict=True):
            if count:
                members = values[(values >= lo) & (values <= hi)]
                assert len(members) == count


@settings(max_examples=60, derandomize=True)
@given(
    st.lists(
        st.one_of(st.none(), st.floats(min_value=0, max_value=1e9, allow_nan=False)),
        min_size=2,
        max_size=30,
    ).filter(lambda xs: len({x for x in xs if x is not None}) >= 2),
    st.sampled_from(DATA_SCHEMES),
    st.integers(min_value=2, max_value=9),
)
def test_any_values_classify_into_containing_classes(
    values: list[float | None], scheme: str, k: int
) -> None:
    series = pd.Series([np.nan if v is None else v for v in values], dtype=float)
    c = classify_values(series, scheme=scheme, k=k)
    assert list(c.bins) == sorted(set(c.bins))  # strictly increasing
    edges = [-np.inf, *c.bins]
    for value, cls in zip(series, c.classes, strict=True):
        if np.isnan(value):
            assert cls == -1
        else:
            assert edges[cls] < value <= edges[cls + 1]
    assert c.has_no_data == series.isna().any()


@pytest.mark.parametrize("scheme", DATA_SCHEMES)
@pytest.mark.parametrize("top", [0.7, 33.3])
def test_tied_top_values_fall_in_the_last_class(scheme: str, top: float) -> None:
    # Three districts sharing the highest value, as in a user's table of rates.
    values = pd.Series([0.0, 0.1, top, top, top])
    c = classify_values(values, scheme=scheme, k=2)
    assert c.bins[-1] == top, c.bins
    assert list(c.classes[2:]) == [c.k - 1] * 3
    assert sum(c.counts()) == 5  # every district is in the legend
    assert c.color_of(4) == c.colors[-1]


def test_missing_values_are_not_classified(table) -> None:
    c = classify_indicator(table, indicator("wind_capacity_mw"))
    missing = table["wind_capacity_mw"].isna()
    assert missing.sum() == 29  # the report gives Aliağa only
    assert (c.classes[missing] == -1).all()
    assert (c.classes[~missing] >= 0).all()
    assert c.color_of(missing.idxmax()) == NO_DATA_COLOR


@pytest.mark.parametrize(("lang", "label"), [("tr", "Veri yok"), ("en", "No data")])
def test_no_data_legend_item_only_when_a_value_is_missing(table, lang: str, label: str) -> None:
    wind = indicator("wind_capacity_mw")
    items = classify_indicator(table, wind).legend_items(wind, lang)
    assert items[-1] == (NO_DATA_COLOR, label, 29)
    employees = indicator("employees")
    complete = classify_indicator(table, employees).legend_items(employees, lang)
    assert label not in [text for _, text, _ in complete]
    assert NO_DATA_COLOR not in [color for color, _, _ in complete]
    assert sum(count for _, _, count in complete) == 30


def test_labels_use_the_languages_number_format(employees: pd.Series) -> None:
    ind = indicator("employees")
    # Aliağa's 27.225 employees close the first class when it is a break.
    c = classify_values(employees, scheme="user", breaks=[27225, 100000])
    tr, en = c.labels(ind, "tr"), c.labels(ind, "en")
    assert tr[0].endswith("– 27.225")
    assert en[0].endswith("– 27,225")
    lowest = int(employees.min())
    assert tr[0].startswith(f"{lowest:,}".replace(",", ".") + " ")
    for label in tr:
        assert not re.search(r"\d,\d{3}\b", label)  # no English thousands separator
    for label in en:
        assert not re.search(r"\d\.\d{3}\b", label)


def test_labels_show_each_class_from_its_lowest_to_its_highest_member(
    employees: pd.Series,
) -> None:
    ind = indicator("employees")
    c = classify_values(employees, scheme="quantiles", k=5)
    for i, label in enumerate(c.labels(ind, "en")):
        members = employees[c.classes == i]
        assert label == f"{int(members.min()):,} – {int(members.max()):,}"


def test_legend_labels_of_empty_classes_are_not_inverted(employees: pd.Series) -> None:
    # A user's first break below every value (here 0; the least employees are 474) leaves
    # the first class empty; its legend label must still read from low to high.
    ind = indicator("employees")
    c = classify_values(employees, scheme="user", breaks=[0, 1000, 10000, 100000])
    assert c.counts()[0] == 0
    for (lo, hi), label in zip(c.ranges(), c.labels(ind, "tr"), strict=True):
        assert lo <= hi, f"legend label {label!r} runs from high to low"


@pytest.mark.parametrize("scheme", DATA_SCHEMES)
def test_a_single_distinct_value_gives_one_class(scheme: str) -> None:
    # e.g. wind capacity: the report gives a value for Aliağa only
    # (`izmir-maps map wind_capacity_mw --scheme equal_interval`).
    c = classify_values(pd.Series([147.5, np.nan, np.nan]), scheme=scheme, k=5)
    assert c.bins == (147.5,)
    assert list(c.classes) == [0, -1, -1]


def test_unknown_scheme_lists_the_valid_schemes(employees: pd.Series) -> None:
    with pytest.raises(OptionError, match="natural_breaks") as info:
        classify_values(employees, scheme="natural_breaks")
    for name in SCHEMES:
        assert name in str(info.value)


@pytest.mark.parametrize("k", [0, 1, 10, -3])
def test_k_outside_2_to_9_is_refused(employees: pd.Series, k: int) -> None:
    with pytest.raises(OptionError, match=rf"between 2 and 9, not {k}"):
        classify_values(employees, scheme="quantiles", k=k)


@pytest.mark.parametrize("breaks", [[100.0, 100.0], [1000.0, 10.0], [5.0, 4.0, 6.0]])
def test_user_breaks_must_increase(employees: pd.Series, breaks: list[float]) -> None:
    with pytest.raises(OptionError, match="increase strictly"):
        classify_values(employees, scheme="user", breaks=breaks)


def test_user_scheme_needs_breaks(employees: pd.Series) -> None:
    with pytest.raises(OptionError, match="needs breaks"):
        classify_values(employees, scheme="user")


def test_all_missing_is_refused() -> None:
    with pytest.raises(OptionError, match="every value is missing"):
        classify_values(pd.Series([np.nan, np.nan]))


def test_only_repeatable_schemes_are_offered() -> None:
    classes = set(SCHEMES.values())
    assert mapclassify.NaturalBreaks not in classes
    assert not any(cls.__name__.endswith("Sampled") for cls in classes)
    assert not any("natural" in name or "sampled" in name for name in SCHEMES)
    assert set(SCHEMES) == {*DATA_SCHEMES, "user"}


@pytest.mark.parametrize("scheme", DATA_SCHEMES)
def test_classifying_twice_gives_the_same_result(table, scheme: str) -> None:
    for ind_id in ("employees", "firms_per_1000", "izka_success_rate"):
        a = classify_values(table[ind_id], scheme=scheme, k=5)
        b = classify_values(table[ind_id], scheme=scheme, k=5)
        assert a.bins == b.bins
        assert a.colors == b.colors
        pd.testing.assert_series_equal(a.classes, b.classes)


@pytest.mark.parametrize("k", range(3, 10))
def test_colours_are_the_colorbrewer_palette(employees: pd.Series, k: int) -> None:
    c = classify_values(employees, scheme="quantiles", k=k, palette="Greens")
    assert list(c.colors) == list(color_brewer("Greens", k))


def test_two_classes_take_the_lightest_and_darkest_colour(employees: pd.Series) -> None:
    c = classify_values(employees, scheme="quantiles", k=2, palette="Purples")
    three = color_brewer("Purples", 3)
    assert c.colors == (three[0], three[-1])


def test_reversed_palette_runs_dark_to_light(employees: pd.Series) -> None:
    c = classify_values(employees, scheme="quantiles", k=5, palette="Blues_r")
    assert list(c.colors) == list(reversed(color_brewer("Blues", 5)))


@pytest.mark.parametrize(
    "ind", [i for i in base_indicators() if i.midpoint is None], ids=lambda i: i.id
)
def test_sequential_colours_run_from_light_to_dark(table, ind) -> None:
    c = classify_indicator(table, ind)
    shades = [_luminance(color) for color in c.colors]
    assert shades == sorted(shades, reverse=True), (ind.id, c.colors)
    assert len(set(c.colors)) == c.k


@pytest.mark.parametrize("scheme", ["quantiles", "fisher_jenks", "equal_interval"])
@pytest.mark.parametrize("k", [2, 4, 5, 7, 9])
def test_diverging_palette_splits_at_izmirs_success_rate(table, scheme: str, k: int) -> None:
    rates = table["izka_success_rate"]
    c = classify_values(rates, scheme=scheme, k=k, palette="RdBu", midpoint=IZMIR_SUCCESS_RATE)
    assert c.midpoint == pytest.approx(IZMIR_SUCCESS_RATE)
    assert IZMIR_SUCCESS_RATE in c.bins
    split = c.bins.index(IZMIR_SUCCESS_RATE)
    for value, cls in zip(rates, c.classes, strict=True):
        assert (cls <= split) == (value <= IZMIR_SUCCESS_RATE)
    for i, color in enumerate(c.colors):
        r, _, b = _rgb(color)
        if i <= split:
            assert r > b, f"class {i} (below İzmir) should be red, is {color}"
        else:
            assert b > r, f"class {i} (above İzmir) should be blue, is {color}"
    assert len(set(c.colors)) == c.k


def test_registry_midpoint_izmir_resolves_to_the_given_value(table) -> None:
    ind = indicator("izka_success_rate")
    c = classify_indicator(table, ind, midpoint_value=IZMIR_SUCCESS_RATE)
    assert c.midpoint == pytest.approx(IZMIR_SUCCESS_RATE)
    assert classify_indicator(table, ind).midpoint is None  # no İzmir value: sequential


def test_midpoint_outside_the_values_gives_a_sequential_palette(table) -> None:
    c = classify_values(table["izka_success_rate"], k=4, palette="RdBu", midpoint=90.0)
    assert c.midpoint is None
    assert list(c.colors) == list(color_brewer("RdBu", 4))


def test_diverging_user_breaks_are_kept(table) -> None:
    # `izmir-maps map izka_success_rate --scheme user --breaks 15,35`: the user's breaks
    # must appear in the legend next to the İzmir midpoint.
    c = classify_values(
        table["izka_success_rate"],
        scheme="user",
        breaks=[15.0, 35.0],
        palette="RdBu",
        midpoint=IZMIR_SUCCESS_RATE,
    )
    assert {15.0, 35.0, IZMIR_SUCCESS_RATE} <= set(c.bins), c.bins


def test_registry_defaults_apply_unless_overridden(table) -> None:
    ind = indicator("employees")
    default = classify_indicator(table, ind)
    assert default.scheme == ind.scheme and default.k == ind.k
    assert list(default.colors) == list(color_brewer(ind.palette, ind.k))
    other = classify_indicator(table, ind, scheme="quantiles", k=3)
    assert other.scheme == "quantiles" and other.k == 3


def test_osb_count_user_default_breaks_give_one_class_per_count(table) -> None:
    ind = indicator("osb_count")
    c = classify_indicator(table, ind)
    counts = table["osb_count"].astype(int)
    assert c.k == counts.nunique()
    assert c.counts() == [int((counts == n).sum()) for n in sorted(counts.unique())]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_every_scheme_has_a_name_in_both_languages(lang: str) -> None:
    names = {scheme: scheme_label(scheme, lang) for scheme in SCHEMES}
    assert len(set(names.values())) == len(SCHEMES)  # no two schemes read alike
    assert all(name.strip() and name != scheme for scheme, name in names.items())
    assert scheme_label("fisher_jenks", lang).endswith("(Fisher-Jenks)")


def test_scheme_label_refuses_an_unknown_scheme() -> None:
    with pytest.raises(OptionError, match="natural_breaks"):
        scheme_label("natural_breaks")


# --- decimals chosen from the values ---------------------------------------------------------------


def _small_values() -> pd.Series:
    """The values of ``tests/fixtures/small_values.csv``: 0.001 … 0.009."""
    return pd.Series([(i + 1) / 1000 for i in range(9)] + [np.nan])


def test_values_between_a_thousandth_and_a_hundredth_get_three_decimals() -> None:
    from izmir_maps.data.registry import user_indicator

    ind = user_indicator("Oran", source="small_values.csv (Oran)")
    c = classify_values(_small_values(), scheme="quantiles", k=5)
    assert ind.fmt == "float2"
    assert c.decimals(ind) == 3
    assert c.labels(ind, "tr") == [
        "0,001 – 0,002",
        "0,003 – 0,004",
        "0,005",
        "0,006 – 0,007",
        "0,008 – 0,009",
    ]
    assert c.labels(ind, "en")[0] == "0.001 – 0.002"


@pytest.mark.parametrize(
    ("indicator_id", "labels"),
    [
        # were "0,0 – 0,1", "0,1", "0,1 – 0,2", "0,2", "0,4": 0,1 bounded three classes
        (
            "izka_successful_per_1000",
            ["0,004 – 0,052", "0,060 – 0,115", "0,133 – 0,183", "0,246", "0,419"],
        ),
        # were "0,2 – 0,3", "0,3 – 0,4": two classes met at 0,3
        (
            "izka_applications_per_1000",
            ["0,03 – 0,14", "0,19 – 0,29", "0,32 – 0,41", "0,49 – 0,64", "1,09"],
        ),
        # was "%0,00 – %0,89": Ödemiş's 0,0007 % read as nothing
        (
            "exports_usd_share",
            ["%0,001 – %0,889", "%1,549 – %3,157", "%6,295 – %11,115", "%18,672", "%35,682"],
        ),
        ("employees", None),
        ("employees_per_1000", None),
        ("izka_success_rate", None),
    ],
)
def test_built_in_legends_print_every_class_apart(table, indicator_id: str, labels) -> None:
    ind = indicator(indicator_id)
    c = classify_indicator(table, ind)
    shown = c.labels(ind, "tr")
    if labels is not None:
        assert shown == labels
    else:  # already apart with the indicator's own decimals: unchanged
        assert shown == [
            ind.format(lo)
            if ind.format(lo) == ind.format(hi)
            else f"{ind.format(lo)} – {ind.format(hi)}"
            for lo, hi in c.ranges()
        ]
    bounds = [part for label in shown for part in label.split(" – ")]
    assert len(set(bounds)) == len(bounds)


def test_format_at_the_indicators_own_decimals_is_its_default_format(table) -> None:
    for ind in base_indicators():
        for value in table[ind.id].dropna().head(5):
            for lang in ("tr", "en"):
                for unit in (False, True):
                    own = ind.decimals
                    expected = ind.format(value, lang, unit=unit)
                    assert ind.format(value, lang, decimals=own, unit=unit) == expected


def test_format_with_more_decimals_keeps_the_unit_and_percent_sign() -> None:
    assert indicator("employees").format(27225.5, "en", decimals=1, unit=True) == (
        "27,225.5 persons"
    )
    assert indicator("employees_share").format(0.0042, "tr", decimals=3) == "%0,004"
    assert indicator("employees_rank").format(3, "tr", decimals=2) == "3./30"
    assert indicator("employees").format(None, "tr", decimals=3) == "–"


def test_ranks_keep_whole_numbers(table) -> None:
    ind = indicator("employees_rank")
    assert classify_indicator(table, ind).decimals(ind) == 0


def test_a_huge_value_reads_as_a_power_of_ten_in_the_legend() -> None:
    from izmir_maps.data.registry import user_indicator

    ind = user_indicator("Büyük", source="t.csv (Büyük)", integer=True)
    c = classify_values(pd.Series([1e300, 2e300, 5e300, 9e300]), scheme="quantiles", k=2)
    assert c.labels(ind, "tr") == ["1 × 10³⁰⁰ – 2 × 10³⁰⁰", "5 × 10³⁰⁰ – 9 × 10³⁰⁰"]
    assert c.labels(ind, "en") == ["1 × 10³⁰⁰ – 2 × 10³⁰⁰", "5 × 10³⁰⁰ – 9 × 10³⁰⁰"]


def test_user_scheme_without_breaks_asks_for_breaks_not_for_fewer() -> None:
    from izmir_maps.spec.map_spec import choropleth_spec

    with pytest.raises(OptionError, match=r"needs breaks.*breaks=\[1000, 10000\]"):
        choropleth_spec("employees", scheme="user")


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_user_breaks_must_be_finite(employees, bad: float) -> None:
    with pytest.raises(OptionError, match="finite"):
        classify_values(employees, scheme="user", breaks=[1000.0, bad])


def test_osb_counts_keep_one_class_per_count_by_default() -> None:
    from izmir_maps.data.join import district_table

    table = district_table("web")
    c = classify_indicator(table, indicator("osb_count"))
    counts = sorted(float(n) for n in table["osb_count"].dropna().unique())
    assert list(c.bins) == counts  # 0, 1 and 2 OSBs: a class each
