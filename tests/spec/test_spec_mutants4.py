"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt).

This file holds helper H's half of the spec/ survivors. Each test builds its spec in its own
body (no shared module fixture), so that mutmut, which runs only the tests it saw call a
function, runs it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.registry import indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec import bivariate
from izmir_maps.spec.bivariate import _check_three_groups, bivariate_spec, tertile_classes
from izmir_maps.spec.classify import classify_values, fisher_jenks_bins
from izmir_maps.spec.describe import _rank_sentence, describe_sentences
from izmir_maps.spec.legend import count_label, midpoint_note, plan_legend
from izmir_maps.spec.map_spec import choropleth_spec

_BV_HINT = (
    "A bivariate map splits each indicator into three groups (low, middle, high), which needs "
    "at least three different values: 'employees' {has}. Map it on its own (izmir-maps map "
    "employees) or pair another indicator (izmir-maps indicators lists them)."
)

# --- spec.bivariate ----------------------------------------------------------------------------


def test_tertile_classes_reads_text_that_is_no_number_as_missing() -> None:
    """A value such as "yok" in a column would stop the map instead of reading as no data."""
    classes = tertile_classes(pd.Series([1.0, "yok", 3.0, 2.0, None]))
    assert classes.tolist() == [0, -1, 2, 1, -1]


def test_bivariate_refusal_shows_the_two_values_in_english_numbers() -> None:
    """The refusal would print 199.310 (Turkish) inside an English message."""
    table = pd.DataFrame(
        {"district": ["Konak", "Buca", "Urla"], "employees": [199310.0, None, 1234.5]}
    )
    with pytest.raises(OptionError) as err:
        _check_three_groups(indicator("employees"), table)
    has = "has a value for 2 districts only (Konak: 199,310; Urla: 1,234)"
    assert str(err.value) == _BV_HINT.format(has=has)


def test_bivariate_refusal_without_any_value_has_no_empty_brackets() -> None:
    """With no value at all the refusal would end its reason with empty brackets " ()"."""
    table = pd.DataFrame({"district": ["Konak", "Buca"], "employees": [None, None]})
    with pytest.raises(OptionError) as err:
        _check_three_groups(indicator("employees"), table)
    assert str(err.value) == _BV_HINT.format(has="has a value for 0 districts only")


def test_bivariate_district_missing_one_value_is_no_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A district with one of the two values missing would get a wrong colour, not "No data"."""
    real = bivariate.district_table

    def with_gap(layer: str, view: str) -> pd.DataFrame:
        table = real(layer, view).copy()
        table.loc[table["district"] == "Konak", "exports_usd"] = np.nan
        return table

    monkeypatch.setattr(bivariate, "district_table", with_gap)
    spec = bivariate_spec("employees", "exports_usd", lang="en")
    konak = spec.districts.index[spec.districts["district"] == "Konak"][0]
    assert spec.classification.classes[konak] == -1
    assert int((spec.classification.classes < 0).sum()) == 1


# --- spec.classify -----------------------------------------------------------------------------


def test_midpoint_at_the_maximum_keeps_the_sequential_palette() -> None:
    """A midpoint equal to the largest value would turn the map diverging with one side empty."""
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    plain = classify_values(values, k=3)
    at_max = classify_values(values, k=3, midpoint=6.0)
    assert at_max.midpoint is None
    assert (at_max.bins, at_max.colors) == (plain.bins, plain.colors)
    assert at_max.classes.tolist() == plain.classes.tolist()


def test_user_scheme_without_breaks_message() -> None:
    """The message telling how to give breaks would read "in python" for the language Python."""
    with pytest.raises(OptionError) as err:
        classify_values(pd.Series([1.0, 2.0, 3.0]), scheme="user", k=3)
    assert str(err.value) == (
        "scheme 'user' needs breaks, the upper bounds of the classes: for example "
        "breaks=[1000, 10000] in Python, or --breaks '1.000;10.000' on the command line."
    )


def test_too_many_breaks_message() -> None:
    """Ten breaks would be refused with the bare message "None"."""
    with pytest.raises(OptionError) as err:
        classify_values(pd.Series([1.0, 2.0, 3.0]), scheme="user", k=3, breaks=list(range(1, 11)))
    assert str(err.value) == "At most 9 breaks; got 10."


def test_fisher_jenks_bins_of_whole_numbers_are_floats() -> None:
    """Whole-number input would give integer bounds, not the documented float bounds."""
    bins = fisher_jenks_bins(np.array([1, 2, 3, 10, 11, 12, 30]), 3)
    assert bins.dtype == np.float64
    assert repr(bins.tolist()) == "[3.0, 12.0, 30.0]"


# --- spec.describe -----------------------------------------------------------------------------


def test_description_of_any_areas_is_english_on_an_english_map() -> None:
    """An explore() map of any areas would open its English description in Turkish (or fail)."""
    spec = choropleth_spec("employees", lang="en")
    spec.areas = "areas"
    assert describe_sentences(spec)[0] == (
        "The map shows a value for each of 30 areas: Employees (SGK, 2008), persons."
    )


def test_description_of_districts_of_several_provinces_names_turkiye() -> None:
    """Districts of several provinces would be described as "None's 30 districts"."""
    spec = choropleth_spec("employees", lang="en")
    spec.districts["province"] = ["İzmir"] * 15 + ["Manisa"] * 15
    assert describe_sentences(spec)[0] == (
        "The map shows a value for each of Türkiye's 30 districts: Employees (SGK, 2008), persons."
    )


def test_rank_sentence_of_a_single_rank_is_empty() -> None:
    """With one ranked district the description would show a stray placeholder word."""
    names = pd.Series(["Konak", "Buca"])
    ranks = pd.Series([1.0, np.nan])
    assert _rank_sentence(names, ranks, "en") == ""


# --- spec.legend -------------------------------------------------------------------------------


def test_midpoint_note_is_english_on_an_english_map() -> None:
    """The English legend's midpoint note would be in Turkish."""
    assert midpoint_note(5.0, "5", "en").text == "Midpoint: İzmir overall 5"


def test_count_labels_in_english() -> None:
    """The English legend would fail on "1 area" and show "14 ilçe" for 14 districts."""
    assert count_label(1, "areas", "en") == "1 area"
    assert count_label(14, "districts", "en") == "14 districts"


def test_english_legend_labels_and_no_data_are_english() -> None:
    """The English legend would show Turkish rank labels ("1./30") on a rank map."""
    spec = choropleth_spec("osb_count_rank", lang="en")
    plan = plan_legend(spec, [])
    shown = [(c.label, c.count, c.no_data) for c in plan.sections[0].classes]
    assert shown == [("1/30", 3, False), ("4/30", 8, False), ("No rank (no OSB)", 19, True)]
