"""The shipped data tables, checked against the report, and the loaders' checks."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.tables import (
    PROGRAMME_IDS,
    load_aliaga_profile,
    load_izka_support,
    load_osbs,
    load_plan_axes,
    load_population,
    load_swot,
    load_table1,
    load_totals,
    load_wind_capacity,
    load_wind_farms,
    load_wind_proposed,
    localised,
)
from izmir_maps.errors import DataError

EditCsv = Callable[[str, Callable[[pd.DataFrame], pd.DataFrame]], Path]


def _set(frame: pd.DataFrame, district: str, column: str, value: str) -> pd.DataFrame:
    frame.loc[frame["district"] == district, column] = value
    return frame


def _error(loader: Callable[..., object], folder: Path) -> str:
    with pytest.raises(DataError) as info:
        loader(folder=folder)
    message = str(info.value)
    assert "Traceback" not in message
    return message


# ---------------------------------------------------------------- the shipped data


def test_table1_has_30_districts_and_sums_to_the_report_totals() -> None:
    t1 = load_table1()
    assert len(t1) == 30
    assert t1["pcode"].is_unique
    assert int(t1["employees"].sum()) == 658225
    assert int(t1["firms"].sum()) == 88039
    assert int(t1["exports_usd"].sum()) == 8269662774


def test_table1_aliaga_row_equals_the_report() -> None:
    aliaga = load_table1().set_index("district").loc["Aliağa"]
    assert aliaga["pcode"] == "TUR035001"
    assert (aliaga["employees"], aliaga["firms"], aliaga["exports_usd"]) == (27225, 1719, 673307314)
    assert (aliaga["employees_share_pct"], aliaga["exports_share_pct"]) == (4.14, 8.14)


def test_export_total_differs_by_one_dollar_and_the_notes_say_so() -> None:
    totals = load_totals().set_index(["table", "indicator"])
    stated = totals.loc[("tablo_1", "exports_usd")]
    assert stated["value"] == 8269662775
    assert int(load_table1()["exports_usd"].sum()) == stated["value"] - 1
    assert "8269662774" in stated["notes"]
    assert "one dollar" in stated["notes"]


def test_izka_support_totals_equal_the_report() -> None:
    t3 = load_izka_support()
    assert len(t3) == 150
    sums = t3.groupby("programme_id")[["applications", "successful"]].sum()
    expected = {
        "all": (1008, 253),
        "kobi_2008": (441, 89),
        "sosyal_2008": (232, 62),
        "tarim_kirsal_2009": (207, 64),
        "turizm_cevre_2009": (128, 38),
    }
    assert {pid: tuple(int(v) for v in sums.loc[pid]) for pid in sums.index} == expected


def test_izka_support_aliaga_rows_equal_the_report() -> None:
    t3 = load_izka_support()
    aliaga = t3[t3["district"] == "Aliağa"].set_index("programme_id")
    got = {pid: (int(r.applications), int(r.successful)) for pid, r in aliaga.iterrows()}
    assert got == {
        "kobi_2008": (6, 2),
        "sosyal_2008": (1, 0),
        "tarim_kirsal_2009": (2, 0),
        "turizm_cevre_2009": (0, 0),
        "all": (9, 2),
    }


def test_izka_support_has_one_row_per_district_and_programme() -> None:
    t3 = load_izka_support()
    counts = t3.groupby("pcode")["programme_id"].apply(sorted)
    assert len(counts) == 30
    assert all(c == sorted([*PROGRAMME_IDS, "all"]) for c in counts)


def test_population_sums_to_izmir_2021() -> None:
    pop = load_population()
    assert len(pop) == 30
    assert int(pop["population"].sum()) == 4425789
    assert (pop["male"] + pop["female"] == pop["population"]).all()
    assert set(pop["year"]) == {2021}


def test_wind_capacity_is_the_reports_and_the_remainder_is_labelled_derived() -> None:
    wind = load_wind_capacity().set_index("area")
    assert wind.loc["Türkiye", "capacity_mw"] == 1029.85
    assert wind.loc["İzmir", "capacity_mw"] == 255
    assert wind.loc["Aliağa", ["capacity_mw", "share_pct"]].tolist() == [147.5, 57.84]
    remainder = wind.loc["İzmir (district not stated)"]
    assert remainder["capacity_mw"] == 255 - 147.5
    assert remainder["notes"].startswith("DERIVED")


def test_wind_proposed_districts_are_the_six_the_report_names() -> None:
    names = set(load_wind_proposed()["district"])
    assert names == {"Aliağa", "Bergama", "Dikili", "Çeşme", "Karaburun", "Urla"}


def test_osb_districts_and_the_one_coordinate_are_sourced() -> None:
    osbs = load_osbs().set_index("short_name")
    assert len(osbs) == 19
    assert osbs["pcode"].notna().all()
    # the three found in the second search carry their source and its words in the row
    for short, district, quoted in (
        ("İTOB OSB", "Menderes", "Tekeli Köyü"),
        ("Pancar OSB (POSB)", "Torbalı", "Pancar Mahallesi"),
        ("ESB", "Gaziemir", "Gaziemir district"),
    ):
        assert osbs.loc[short, "district"] == district
        assert quoted in osbs.loc[short, "notes"]
        assert osbs.loc[short, "source"].startswith("https://")
    located = osbs.dropna(subset=["latitude", "longitude"])
    assert list(located.index) == ["ALOSBİ"]
    assert located.loc["ALOSBİ", "coordinate_quality"].startswith("sourced (")
    assert "Power_grids" in located.loc["ALOSBİ", "source"]
    assert osbs["kind"].value_counts().to_dict() == {
        "osb": 13,
        "free_zone": 4,
        "agricultural_osb": 1,
        "private_industrial_zone": 1,
    }


def test_wind_farms_load_with_partial_coordinates() -> None:
    farms = load_wind_farms()
    assert len(farms) == 14
    located = farms.dropna(subset=["latitude", "longitude"])
    assert len(located) >= 1
    assert located["coordinate_quality"].str.startswith("sourced").all()


def test_text_tables_load_with_the_documented_row_counts() -> None:
    assert len(load_swot()) == 78
    assert len(load_plan_axes()) == 68
    assert len(load_aliaga_profile()) == 51


def test_text_tables_keep_the_reports_spelling() -> None:
    targets = " ".join(load_plan_axes()["target"])
    assert "Kentisel" in targets or "Kentisel" in " ".join(load_plan_axes()["priority"])
    assert "Zeytinadağ-Şakran" in " ".join(load_swot()["text"])


# ---------------------------------------------------------------- broken data


def test_misspelled_district_names_file_row_column_and_suggestion(edit_csv: EditCsv) -> None:
    folder = edit_csv("table1_districts.csv", lambda f: _set(f, "Aliağa", "district", "Aliğa"))
    message = _error(load_table1, folder)
    assert "table1_districts.csv" in message
    assert "row 2, column 'district': 'Aliğa' is not a district of İzmir" in message
    assert "Did you mean 'Aliağa'" in message


def test_changed_count_breaks_the_sum_against_the_report_total(edit_csv: EditCsv) -> None:
    folder = edit_csv("table1_districts.csv", lambda f: _set(f, "Aliağa", "employees", "27226"))
    message = _error(load_table1, folder)
    assert "employees: the district rows sum to 658226" in message
    assert "total (tablo_1) is 658225" in message
    assert "1 problem(s)" in message  # the share 27226 / 658225 still rounds to 4.14


def test_changed_total_breaks_the_sum(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[frame["indicator"] == "firms", "value"] = "88040"
        return frame

    folder = edit_csv("izmir_totals.csv", edit)
    message = _error(load_table1, folder)
    assert "firms: the district rows sum to 88039" in message


def test_share_inconsistent_with_its_count_names_column_and_row(edit_csv: EditCsv) -> None:
    folder = edit_csv(
        "table1_districts.csv", lambda f: _set(f, "Balçova", "firms_share_pct", "2.70")
    )
    message = _error(load_table1, folder)
    assert "row 3, column 'firms_share_pct': stated share 2.7 % does not match" in message
    assert "1498 / 88039" in message


def test_negative_value_is_below_the_minimum(edit_csv: EditCsv) -> None:
    folder = edit_csv("table1_districts.csv", lambda f: _set(f, "Balçova", "firms", "-5"))
    message = _error(load_table1, folder)
    assert "row 3, column 'firms': -5 is below the minimum 0" in message


def test_text_in_a_number_column_is_not_a_number(edit_csv: EditCsv) -> None:
    folder = edit_csv("table1_districts.csv", lambda f: _set(f, "Aliağa", "employees", "12a"))
    message = _error(load_table1, folder)
    assert "row 2, column 'employees': '12a' is not a number" in message


def test_decimal_comma_in_a_number_column_is_not_read_as_thousands(edit_csv: EditCsv) -> None:
    # data/README.md: numbers are in machine format. A Turkish "42,5" typed into the
    # file must be reported, not silently read as 425 MW.
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[frame["capacity_mw"] == "42.5", "capacity_mw"] = "42,5"
        return frame

    folder = edit_csv("wind_farms.csv", edit)
    message = _error(load_wind_farms, folder)
    assert "column 'capacity_mw': '42,5' is not a number" in message


@pytest.mark.parametrize(
    ("name", "loader"),
    [
        ("table1_districts.csv", load_table1),
        ("table3_izka_support.csv", load_izka_support),
        ("population_2021.csv", load_population),
    ],
)
def test_deleted_district_is_listed_as_missing(
    edit_csv: EditCsv, name: str, loader: Callable[..., pd.DataFrame]
) -> None:
    folder = edit_csv(name, lambda f: f[f["district"] != "Çiğli"])
    message = _error(loader, folder)
    assert name in message
    assert "district(s) ['Çiğli'] are missing" in message


def test_duplicated_row_is_reported(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([frame, frame[frame["district"] == "Buca"]], ignore_index=True)

    folder = edit_csv("table1_districts.csv", edit)
    message = _error(load_table1, folder)
    assert "row 32: duplicate row for pcode='TUR035008'" in message


def test_duplicated_programme_row_is_reported(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([frame, frame.iloc[[0]]], ignore_index=True)

    folder = edit_csv("table3_izka_support.csv", edit)
    message = _error(load_izka_support, folder)
    assert "duplicate row for pcode='TUR035001', programme_id='kobi_2008'" in message


def test_missing_column_lists_the_columns_that_exist(edit_csv: EditCsv) -> None:
    folder = edit_csv("table1_districts.csv", lambda f: f.drop(columns="firms_share_pct"))
    message = _error(load_table1, folder)
    assert "column(s) ['firms_share_pct'] are missing" in message
    assert "The file has ['district', 'employees', 'employees_share_pct', 'firms'," in message


def test_several_problems_are_all_reported_at_once(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame = _set(frame, "Aliağa", "employees", "12a")
        frame = _set(frame, "Balçova", "firms", "-5")
        frame = _set(frame, "Bayındır", "firms", "418.5")
        return _set(frame, "Bayraklı", "exports_share_pct", "")

    folder = edit_csv("table1_districts.csv", edit)
    message = _error(load_table1, folder)
    assert "4 problem(s) found" in message
    numbered = re.findall(r"\((\d+)\) row (\d+)", message)
    assert numbered == [("1", "2"), ("2", "3"), ("3", "4"), ("4", "5")]
    assert "'12a' is not a number" in message
    assert "-5 is below the minimum 0" in message
    assert "'418.5' must be a whole number" in message
    assert "the cell is empty; fill it in" in message


def test_many_problems_are_capped_with_a_count_of_the_rest(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame["employees"] = "x"
        return frame

    folder = edit_csv("table1_districts.csv", edit)
    message = _error(load_table1, folder)
    assert "30 problem(s) found" in message
    assert "(20) row 21" in message
    assert "(21)" not in message
    assert "…and 10 more." in message


def test_the_documented_export_difference_needs_its_note(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[frame["indicator"] == "exports_usd", "notes"] = ""
        return frame

    folder = edit_csv("izmir_totals.csv", edit)
    message = _error(load_table1, folder)
    assert "exports_usd: the district rows sum to 8269662774" in message
    assert "document the difference in izmir_totals.csv notes" in message


def test_programme_rows_must_add_up_to_genel_toplam(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        hit = (frame["district"] == "Aliağa") & (frame["programme_id"] == "kobi_2008")
        frame.loc[hit, "applications"] = "7"
        return frame

    folder = edit_csv("table3_izka_support.csv", edit)
    message = _error(load_izka_support, folder)
    assert "table3_izka_support.csv" in message
    assert "the four programmes of Aliağa sum to 10, not the GENEL TOPLAM 9" in message
    assert "row 6, column 'applications'" in message
    assert "applications (kobi_2008): the district rows sum to 442" in message


def test_more_successes_than_applications_is_an_error(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        hit = (frame["district"] == "Aliağa") & (frame["programme_id"] == "sosyal_2008")
        frame.loc[hit, "successful"] = "2"
        return frame

    folder = edit_csv("table3_izka_support.csv", edit)
    message = _error(load_izka_support, folder)
    assert "row 3, column 'successful': more successful projects than applications" in message


def test_unknown_programme_is_an_error(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, "programme_id"] = "kobi_2010"
        return frame

    folder = edit_csv("table3_izka_support.csv", edit)
    message = _error(load_izka_support, folder)
    assert "row 2, column 'programme_id': unknown programme 'kobi_2010'" in message


def test_population_must_equal_male_plus_female(edit_csv: EditCsv) -> None:
    folder = edit_csv("population_2021.csv", lambda f: _set(f, "Konak", "male", "1"))
    message = _error(load_population, folder)
    assert "column 'population': male + female does not equal population" in message


def test_unknown_osb_kind_is_an_error(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, "kind"] = "industrial_park"
        return frame

    folder = edit_csv("osb.csv", edit)
    message = _error(load_osbs, folder)
    assert "row 2, column 'kind': unknown kind 'industrial_park'" in message


def test_coordinate_outside_izmir_is_an_error(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, ["latitude", "longitude"]] = ["27.1", "38.4"]  # swapped
        return frame

    folder = edit_csv("osb.csv", edit)
    message = _error(load_osbs, folder)
    assert "row 2, column 'latitude': 27.1 is below the minimum 37.5" in message
    assert "row 2, column 'longitude': 38.4 is above the maximum 28.6" in message


def test_missing_file_is_a_data_error(data_copy: Path) -> None:
    (data_copy / "population_2021.csv").unlink()
    message = _error(load_population, data_copy)
    assert "population_2021.csv: the file does not exist" in message


def test_loaders_read_the_folder_they_are_given(edit_csv: EditCsv) -> None:
    folder = edit_csv("wind_proposed_districts.csv", lambda f: f[f["district"] != "Urla"])
    assert "Urla" not in set(load_wind_proposed(folder=folder)["district"])
    assert "Urla" in set(load_wind_proposed()["district"])


@pytest.mark.parametrize("stated", ["1.71", "1.69"])
def test_a_share_one_hundredth_off_is_an_error(edit_csv: EditCsv, stated: str) -> None:
    # 1498 / 88039 = 1.7015 %: the report prints 1.70; one hundredth more or less is a typo,
    # not rounding.
    folder = edit_csv(
        "table1_districts.csv", lambda f: _set(f, "Balçova", "firms_share_pct", stated)
    )
    message = _error(load_table1, folder)
    assert message == (
        f"{folder / 'table1_districts.csv'}: 1 problem(s) found. (1) row 3, column "
        f"'firms_share_pct': stated share {stated} % does not match 1498 / 88039 = 1.702 %. "
        "Fix the file and run again."
    )


def test_programme_rows_summing_below_genel_toplam_are_named(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        hit = (frame["district"] == "Aliağa") & (frame["programme_id"] == "kobi_2008")
        frame.loc[hit, "applications"] = "5"  # the report's 6: the four now sum to 8, not 9
        return frame

    folder = edit_csv("table3_izka_support.csv", edit)
    message = _error(load_izka_support, folder)
    assert message == (
        f"{folder / 'table3_izka_support.csv'}: 2 problem(s) found. (1) row 6, column "
        "'applications': the four programmes of Aliağa sum to 8, not the GENEL TOPLAM 9. "
        "(2) applications (kobi_2008): the district rows sum to 440, the report's total "
        "(tablo_3) is 441; fix the rows or document the difference in izmir_totals.csv notes. "
        "Fix the file and run again."
    )


# ---------------------------------------------------------------- texts per language


def test_localised_wind_farms_show_one_language_and_no_research_notes() -> None:
    farms = load_wind_farms()
    tr, en = localised(farms, "tr"), localised(farms, "en")
    assert tr.loc[1, "name"] == (
        "Aliağa RES (Tan Elektrik Üretim A.Ş.; Menderes Tekstil'in bağlı ortaklığı)"
    )
    assert (
        en.loc[1, "name"] == "Aliağa RES (Tan Elektrik Üretim A.Ş., a Menderes Tekstil subsidiary)"
    )
    assert tr.loc[13, "status"] == "Kasım 2011'de yapım aşamasında (30 MW planlanıyor)"
    assert en.loc[13, "status"] == "under construction in Nov 2011 (30 MW planned)"
    for frame in (tr, en):
        assert not {"notes", "name_tr", "name_en", "status_tr", "status_en"} & set(frame.columns)
    assert list(tr["name"].index) == list(farms.index)  # row order kept


def test_localised_sources_list_addresses_then_the_titles_in_the_language() -> None:
    osbs = load_osbs()
    alosbi_tr = localised(osbs, "tr").loc[0, "source"].split(" ; ")
    alosbi_en = localised(osbs, "en").loc[0, "source"].split(" ; ")
    assert alosbi_tr[:4] == alosbi_en[:4]
    assert all(s.startswith("http") for s in alosbi_tr[:4])
    assert alosbi_tr[3] == "https://github.com/ComplexNetTSP/Power_grids (OpenStreetMap, ODbL)"
    assert alosbi_tr[4:] == [
        "İZKA, İzmir Bölge Planı 2010-2013 İlçe Toplantıları Aliağa Özet Raporu (Aralık 2010)"
    ]
    assert alosbi_en[4:] == [
        "İZKA, İzmir Regional Plan 2010–2013 District Meetings, Aliağa Summary Report (December 2010)"
    ]
    assert "(per brief)" in osbs.loc[0, "source"]  # the research record itself is kept


def test_osb_remarks_replace_the_english_asides_in_names() -> None:
    osbs = localised(load_osbs(), "tr").set_index("short_name")
    assert osbs.loc["İZBAŞ", "name"] == "İzmir Serbest Bölgesi"
    assert osbs.loc["İZBAŞ", "remark"] == "eski adı: Menemen Deri Serbest Bölgesi"
    assert osbs.loc["ESB", "remark"] == "işletici: ESBAŞ"
    english = localised(load_osbs(), "en").set_index("short_name")
    assert english.loc["İZBAŞ", "remark"] == "formerly Menemen Deri Serbest Bölgesi"


def test_aliaga_notes_for_readers_exist_in_both_languages() -> None:
    facts = load_aliaga_profile().set_index("indicator")
    share = facts.loc["bonded_warehouses_share"]
    assert share["note_tr"].startswith("Raporda böyle yazıyor")
    assert "%31,9" in share["note_tr"]
    assert share["note_en"].startswith("As printed")
    assert ((facts["note_tr"] == "") == (facts["note_en"] == "")).all()


def test_a_text_in_one_language_only_names_row_and_column(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[3, "status_tr"] = ""
        return frame

    message = _error(load_wind_farms, edit_csv("wind_farms.csv", edit))
    assert "wind_farms.csv: 1 problem(s) found." in message
    assert (
        "row 5, column 'status_tr': empty, but a page in that language needs it; write the "
        "Turkish form of 'operating (by 2008)'."
    ) in message


def test_a_wind_farm_without_its_english_name_is_refused(edit_csv: EditCsv) -> None:
    folder = edit_csv(
        "wind_farms.csv", lambda f: f.assign(name_en=f["name_en"].where(f.index != 5, ""))
    )
    assert "row 7, column 'name_en': the cell is empty; fill it in." in _error(
        load_wind_farms, folder
    )


def test_a_free_text_osb_status_is_refused(edit_csv: EditCsv) -> None:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, "status_now"] = "operating (as of 2021)"
        return frame

    message = _error(load_osbs, edit_csv("osb.csv", edit))
    assert (
        "row 2, column 'status_now': unknown value 'operating (as of 2021)'; use one of "
        "['operating', 'planned', 'under construction']"
    ) in message
