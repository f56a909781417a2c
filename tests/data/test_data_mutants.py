"""Exact checks that mutation testing showed missing in data/: the 2008 merge, ranks, messages."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.boundaries import load_districts
from izmir_maps.data.history import merge_2008, new_districts
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.registry import indicator
from izmir_maps.data.validate import Problems
from izmir_maps.errors import DataError

KARSIYAKA, BAYRAKLI = "TUR035017", "TUR035004"
KONAK, KARABAGLAR = "TUR035021", "TUR035015"
KIRAZ, KINIK = "TUR035019", "TUR035020"


@pytest.fixture(scope="module")
def merged() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 2008 merge of the shipped rows given in reverse order, with a flag and a note column."""
    rows = load_indicators().iloc[::-1].reset_index(drop=True)
    rows["flag"] = rows["pcode"] == BAYRAKLI  # true for the new district only
    rows["note"] = "note " + rows["district"]
    by = rows.set_index("pcode")
    rows.loc[rows["pcode"] == KIRAZ, ["izka_applications", "izka_successful"]] = [1, 1]
    rows.loc[rows["pcode"] == KINIK, ["izka_applications", "izka_successful"]] = [0, 0]
    out, _shapes = merge_2008(rows, load_districts("web"))
    return out.set_index("pcode", drop=False), by


def test_the_merged_rows_are_in_p_code_order_whatever_the_input_order(merged) -> None:
    out, _ = merged
    assert list(out["pcode"]) == sorted(out["pcode"])
    assert len(out) == 28
    assert not set(new_districts()) & set(out["pcode"])


def test_counts_add_up_and_stay_whole_numbers(merged) -> None:
    out, by = merged
    assert (
        out.loc[KARSIYAKA, "employees"]
        == by.loc[KARSIYAKA, "employees"] + by.loc[BAYRAKLI, "employees"]
    )
    assert out.loc[KONAK, "firms"] == by.loc[KONAK, "firms"] + by.loc[KARABAGLAR, "firms"]
    assert str(out["employees"].dtype) == "Int64"
    assert str(out["firms"].dtype) == "Int64"


def test_a_flag_of_the_new_district_holds_for_the_merged_unit(merged) -> None:
    out, _ = merged
    assert out["flag"].dtype == bool
    assert out.loc[KARSIYAKA, "flag"] is np.True_
    assert int(out["flag"].sum()) == 1


def test_a_text_column_keeps_the_first_row_of_the_unit_in_input_order(merged) -> None:
    out, by = merged
    # the input runs backwards, so Karşıyaka (…017) comes before Bayraklı (…004)
    assert out.loc[KARSIYAKA, "note"] == "note Karşıyaka"
    assert out.loc[KONAK, "note"] == "note Konak"
    assert out.loc[KIRAZ, "note"] == "note " + by.loc[KIRAZ, "district"]


def test_the_success_rate_is_recomputed_and_missing_without_applications(merged) -> None:
    out, by = merged
    assert out.loc[KIRAZ, "izka_success_rate"] == 100.0  # one application, one success
    assert math.isnan(out.loc[KINIK, "izka_success_rate"])  # none: no rate, not 0 %
    apps = by.loc[KARSIYAKA, "izka_applications"] + by.loc[BAYRAKLI, "izka_applications"]
    won = by.loc[KARSIYAKA, "izka_successful"] + by.loc[BAYRAKLI, "izka_successful"]
    assert out.loc[KARSIYAKA, "izka_success_rate"] == pytest.approx(won / apps * 100, abs=1e-12)


def test_the_merged_unit_names_what_it_holds(merged) -> None:
    out, _ = merged
    assert out.loc[KARSIYAKA, "merged"] == "Bayraklı"
    assert out.loc[KONAK, "merged"] == "Karabağlar"
    assert int(out["merged"].notna().sum()) == 2


@pytest.mark.parametrize(
    ("indicator_id", "value", "ranked"),
    [
        ("osb_count", 1, True),
        ("osb_count", 2, True),
        ("osb_count", 0, False),
        ("osb_count", None, False),
        ("osb_count", float("nan"), False),
        ("employees", 0, True),
        ("employees", 1, True),
        ("employees", float("nan"), False),
        ("employees", None, False),
    ],
)
def test_which_values_get_a_rank(indicator_id: str, value: float | None, ranked: bool) -> None:
    assert indicator(indicator_id).ranks(value) is ranked


def test_why_a_zero_gets_no_rank_in_each_language() -> None:
    assert indicator("osb_count").unranked_reason() == "OSB yok"
    assert indicator("osb_count").unranked_reason("en") == "no OSB"
    assert indicator("employees").unranked_reason() == ""
    assert indicator("employees").unranked_reason("en") == ""


def test_texts_are_turkish_unless_english_is_asked_for() -> None:
    wind = indicator("wind_capacity_mw")
    assert wind.source_text() == "EWEA 2009, aktaran: İZKA Aliağa Özet Raporu (Aralık 2010)"
    assert wind.source_text("en") == "EWEA 2009, via İZKA, Aliağa Summary Report (December 2010)"


def test_each_problem_ends_as_a_sentence_once() -> None:
    problems = Problems(Path("t.csv"))
    problems.add("Did you mean 'Konak'?", row=2, column="ilce")
    problems.add("Too many rows!")
    problems.add("Empty value", row=3)
    problems.add("Ends with a full stop.")
    with pytest.raises(DataError) as err:
        problems.raise_if_any()
    assert str(err.value) == (
        "t.csv: 4 problem(s) found. (1) row 2, column 'ilce': Did you mean 'Konak'? "
        "(2) Too many rows! (3) row 3: Empty value. (4) Ends with a full stop. "
        "Fix the file and run again."
    )
