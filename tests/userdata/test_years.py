"""Tests for izmir_maps.userdata.years and user_years_spec: a user's table of several years."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.errors import DataError, IzmirMapsError, OptionError
from izmir_maps.spec import years as spec_years
from izmir_maps.spec.user_spec import user_years_spec
from izmir_maps.spec.years import year_spec
from izmir_maps.userdata import years as userdata_years
from izmir_maps.userdata.years import read_user_years, validate_user_years

FIXTURES = Path(__file__).parents[1] / "fixtures"
LONG = FIXTURES / "years_population_long.csv"
WIDE = FIXTURES / "years_population_wide.csv"
REPEATED = FIXTURES / "years_repeated.csv"
MATCHER = district_matcher()
NAMES = [MATCHER.names_by_pcode[p] for p in sorted(MATCHER.names_by_pcode)]
#: TÜİK ADNKS 2021, data/population_2021.csv.
POP_2021 = {"Aliağa": 103364.0, "Balçova": 80513.0, "Buca": 517963.0, "Urla": 72741.0}
#: The seed report: Aliağa's population in 2009 (ADNKS).
ALIAGA_2009 = 63503.0
NOT_IN_2009 = (
    "29 districts have no value in some years and will be shown as 'no data' in those years: "
    "2009: " + ", ".join(NAMES[1:]) + "."
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def value(table: userdata_years.UserYears, district: str, year: int) -> float:
    frame = table.values
    hit = frame[(frame["district"] == district) & (frame["year"] == year)]
    assert len(hit) == 1
    return float(hit["value"].iloc[0])


# -- long tables: one row per district and year --------------------------------------------------


def test_long_table_reads_every_district_and_year() -> None:
    table = read_user_years(LONG, year_column="Yıl", column="Nüfus")
    assert table.years == (2009, 2021)
    assert value(table, "Aliağa", 2009) == ALIAGA_2009
    for district, population in POP_2021.items():
        assert value(table, district, 2021) == population
    assert (table.label, table.column, table.year_column, table.district_column) == (
        "Nüfus",
        "Nüfus",
        "Yıl",
        "İlçe",
    )
    assert table.columns == {2009: "Nüfus", 2021: "Nüfus"}
    assert (table.encoding, table.separator, table.decimal, table.sheet) == (
        "utf-8",
        ";",
        ",",
        None,
    )
    assert list(table.values.columns) == ["pcode", "district", "year", "value", "row"]
    assert len(table.values) == 31
    assert table.values[["pcode", "year"]].values.tolist()[:2] == [
        ["TUR035001", 2009],
        ["TUR035001", 2021],
    ]
    assert table.values["row"].tolist()[:2] == [2, 3]


def test_a_district_missing_in_some_years_is_a_warning_and_no_data_that_year() -> None:
    table = read_user_years(LONG, year_column="Yıl", column="Nüfus")
    assert table.warnings == [NOT_IN_2009]
    assert table.missing == {2009: NAMES[1:]}


def test_districts_missing_in_every_year_are_named_apart(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        "İlçe;Yıl;Nüfus\nAliağa;2009;63.503\nAliağa;2021;103.364\nBalçova;2021;80.513\n",
    )
    table = read_user_years(path, year_column="Yıl", column="Nüfus")
    assert table.warnings == [
        "28 districts have no value in any year and will be shown as 'no data': "
        + ", ".join(NAMES[2:])
        + ".",
        "1 district has no value in some years and will be shown as 'no data' in those years: "
        "2009: Balçova.",
    ]
    assert table.missing == {2009: NAMES[1:], 2021: NAMES[2:]}


def test_a_district_given_twice_in_a_year_names_both_rows_and_a_non_year_its_row() -> None:
    with pytest.raises(DataError) as err:
        read_user_years(REPEATED, year_column="Yıl", column="Nüfus")
    assert str(err.value) == (
        f"{REPEATED}: 2 problems. (1) row 2, column 'İlçe': rows 2 and 3 both give Aliağa in "
        "2009 ('63.503', '63.503'). Keep one row per district and year. (2) row 5 (Balçova), "
        "column 'Yıl': '2O21' is not a year: write the year as a whole number from 1900 to "
        "2100, such as 2021. Fix them and run again."
    )


def test_validate_lists_the_year_problems_and_the_warnings() -> None:
    report = validate_user_years(REPEATED, year_column="Yıl")
    assert report.problems == [
        f"{REPEATED}, row 2, column 'İlçe': rows 2 and 3 both give Aliağa in 2009 ('63.503', "
        "'63.503'). Keep one row per district and year.",
        f"{REPEATED}, row 5 (Balçova), column 'Yıl': '2O21' is not a year: write the year as a "
        "whole number from 1900 to 2100, such as 2021.",
    ]
    assert report.columns == ["Nüfus"]
    assert (report.district_column, report.year_column, report.years) == (
        "İlçe",
        "Yıl",
        [2009, 2021],
    )


def test_validate_of_a_clean_table_has_no_problems() -> None:
    report = validate_user_years(LONG, year_column="Yıl", column="Nüfus")
    assert report.problems == []
    assert report.warnings == [NOT_IN_2009]
    assert report.years == [2009, 2021]


def test_three_rows_of_one_district_year_are_named_together(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,Yıl,v\nUrla,2021,1\nurla,2021,2\nURLA,2021,3\n")
    problems = validate_user_years(path, year_column="Yıl", column="v").problems
    assert problems == [
        f"{path}, row 2, column 'İlçe': rows 2, 3 and 4 all give Urla in 2021 ('1', '2', '3'). "
        "Keep one row per district and year."
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("", "the year cell is empty. Write the year (such as 2021), or delete the row."),
        ("21", "'21' is not a year: write the year as a whole number from 1900 to 2100, such as 2021."),
        ("1899", "'1899' is not a year: write the year as a whole number from 1900 to 2100, such as 2021."),
        ("2021.5", "'2021.5' is not a year: write the year as a whole number from 1900 to 2100, such as 2021."),
    ],
)  # fmt: skip
def test_a_cell_of_the_year_column_that_is_no_year_is_an_error(
    tmp_path: Path, cell: str, message: str
) -> None:
    path = write(tmp_path, "t.csv", f"İlçe,Yıl,v\nUrla,2009,1\nBuca,{cell},2\n")
    with pytest.raises(DataError) as err:
        read_user_years(path, year_column="Yıl", column="v")
    assert str(err.value) == f"{path}, row 3 (Buca), column 'Yıl': {message}"


def test_more_than_30_years_are_refused(tmp_path: Path) -> None:
    rows = "".join(f"Urla,{year},{year - 1989}\n" for year in range(1990, 2021))
    path = write(tmp_path, "t.csv", "İlçe,Yıl,v\n" + rows)
    with pytest.raises(DataError) as err:
        read_user_years(path, year_column="Yıl", column="v")
    assert str(err.value) == (
        f"{path}: the table has 31 years (1990 … 2020); a map shows at most 30. Keep at most "
        "30 years in the table (for example every other year)."
    )
    assert userdata_years.MAX_YEARS == spec_years.MAX_YEARS == 30


def test_a_year_without_any_value_is_left_out_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,Yıl,v\nUrla,2009,1\nUrla,2015,-\nUrla,2021,3\n")
    table = read_user_years(path, year_column="Yıl", column="v")
    assert table.years == (2009, 2021)
    assert (
        table.warnings[0] == "No district has a value in 2015, so that year is left out of the map."
    )


def test_excel_years_as_numbers_and_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Veri"
    for row in (["İlçe", "Yıl", "Nüfus"], ["Aliağa", 2009, 63503], ["Aliağa", "2021", 103364]):
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    table = read_user_years(tmp_path / "t.xlsx", year_column="yil", column="nüfus")
    assert table.sheet == "Veri" and table.encoding == "xlsx" and table.year_column == "Yıl"
    assert value(table, "Aliağa", 2009) == ALIAGA_2009
    assert value(table, "Aliağa", 2021) == POP_2021["Aliağa"]


# -- wide tables: one column per year ------------------------------------------------------------


def test_wide_table_reads_the_same_values_as_the_long_one() -> None:
    wide = read_user_years(WIDE, years=True)
    long = read_user_years(LONG, year_column="Yıl", column="Nüfus")
    keys = ["pcode", "district", "year", "value"]
    assert wide.values[keys].equals(long.values[keys])
    assert (wide.label, wide.column, wide.year_column) == ("Nüfus", None, None)
    assert wide.columns == {2009: "Nüfus 2009", 2021: "Nüfus 2021"}
    assert wide.values["row"].tolist()[:2] == [2, 2]
    assert wide.warnings == [NOT_IN_2009]


def test_wide_excel_with_bare_year_headers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["İlçe", 2009, 2021], ["Aliağa", 63503, 103364], ["Buca", None, 517963]):
        sheet.append(row)
    book.save(tmp_path / "nufus.xlsx")
    table = read_user_years(tmp_path / "nufus.xlsx", years=True)
    assert table.years == (2009, 2021)
    assert table.label == "nufus"  # the headers are bare years: the file names the values
    assert value(table, "Buca", 2021) == POP_2021["Buca"]
    assert table.missing[2009] == [n for n in NAMES if n != "Aliağa"]


@pytest.mark.parametrize(
    ("header", "found"),
    [
        ("2021", (2021, "")),
        ("Nüfus 2021", (2021, "Nüfus")),
        ("2021 Nüfus", (2021, "Nüfus")),
        ("Nüfus (2021)", (2021, "Nüfus")),
        ("Nüfus_2021", (2021, "Nüfus")),
        ("2009-2021", None),
        ("Nüfus 31.12.2021", None),
        ("Kod 35", None),
        ("1850", None),
    ],
)
def test_which_headers_are_years(header: str, found: tuple[int, str] | None) -> None:
    assert userdata_years._header_year(header) == found


def test_wide_columns_of_different_quantities_need_column(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,Nüfus 2009,Nüfus 2021,Alan 2021\nUrla,1,2,3\n")
    with pytest.raises(DataError) as err:
        read_user_years(path, years=True)
    assert str(err.value) == (
        f"{path}: the columns headed with a year hold different things ('Nüfus': 'Nüfus 2009', "
        "'Nüfus 2021'; 'Alan': 'Alan 2021'). Choose one with the column option (for example "
        "column='Nüfus')."
    )
    table = read_user_years(path, years=True, column="nufus")
    assert table.label == "Nüfus" and table.years == (2009, 2021)
    assert value(table, "Urla", 2021) == 2.0


def test_wide_column_without_a_year_column_says_how_to_head_them(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,Nüfus 2021\nUrla,2\n")
    with pytest.raises(DataError) as err:
        read_user_years(path, years=True, column="Gelir")
    assert str(err.value) == (
        f"{path}, row 1: no column's header holds one year and 'Gelir', so the table has no "
        "column per year. The columns are: 'İlçe', 'Nüfus 2021'. Head each year's column with "
        "its year ('Gelir 2021'), or, for a table with one row per district and year, name the "
        "column of years with the year_column option."
    )


def test_two_columns_of_one_year_are_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,2021,Nüfus 2021\nUrla,2,2\n")
    with pytest.raises(DataError) as err:
        read_user_years(path, years=True)
    assert str(err.value) == (
        f"{path}, row 1: the columns '2021' and 'Nüfus 2021' are both for 2021. Keep one column "
        "per year."
    )


def test_wide_district_given_twice_is_a_repeated_row(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe,2009,2021\nUrla,1,2\nURLA,1,2\n")
    problems = validate_user_years(path, years=True).problems
    assert problems == [
        f"{path}, row 2, column 'İlçe': rows 2 and 3 both name Urla ('Urla', 'URLA'). Keep one "
        "row per district."
    ]


# -- options -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"column": "Nüfus"},
            "A table of several years needs year_column (the column of years, one row per "
            "district and year) or years=True (one column per year, headed 2021 or Nüfus 2021).",
        ),
        (
            {"year_column": "Yıl", "years": True, "column": "Nüfus"},
            "Give year_column (a table with one row per district and year) or years=True (one "
            "column per year), not both.",
        ),
        (
            {"year_column": "Yıl"},
            "column must be a column name (a non-empty string), not None: name the column of "
            "values to read; year_column names the column of years.",
        ),
        (
            {"year_column": "Yıl", "column": "Yıl"},
            "column and year_column both name the column 'Yıl'.",
        ),
        ({"year_column": " ", "column": "Nüfus"}, "year_column must be a column name (a non-empty string), not ' '."),
        ({"years": "yes"}, "years must be True or False, not 'yes'."),
    ],
)  # fmt: skip
def test_bad_options_are_option_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(OptionError) as err:
        read_user_years(LONG, **kwargs)
    assert str(err.value) == message


# -- the map -------------------------------------------------------------------------------------


def test_user_years_spec_maps_every_year_with_the_latest_shown() -> None:
    spec, warnings = user_years_spec(LONG, year_column="Yıl", column="Nüfus")
    assert warnings == [NOT_IN_2009]
    assert spec.years is not None
    assert (spec.years.years, spec.years.shown, spec.title) == ((2009, 2021), 2021, "Nüfus, 2021")
    aliaga = spec.years.values.loc["TUR035001"]
    assert (aliaga[2009], aliaga[2021]) == (ALIAGA_2009, POP_2021["Aliağa"])
    assert spec.indicator.source_short_text("tr") == "years_population_long.csv (Nüfus)"
    shown = year_spec(spec, 2009)
    assert shown.title == "Nüfus, 2009"


def test_user_years_spec_year_and_title(tmp_path: Path) -> None:
    spec, _ = user_years_spec(WIDE, years=True, year=2009, title="Nüfus (kişi)")
    assert spec.title == "Nüfus (kişi), 2009"
    assert spec.indicator.source_short_text("tr") == (
        "years_population_wide.csv (Nüfus 2009 … Nüfus 2021)"
    )
    with pytest.raises(OptionError) as err:
        user_years_spec(WIDE, years=True, year=2015)
    assert (
        str(err.value)
        == "year 2015 is not one of the years of years_population_wide.csv: 2009, 2021."
    )


def test_user_years_spec_of_another_province_names_it(tmp_path: Path) -> None:
    path = write(tmp_path, "manisa.csv", "ilçe,2020,2021\nSOMA,10,12\nAkhisar,30,31\n")
    spec, _ = user_years_spec(path, years=True, title="Değer", province="Manisa")
    assert spec.title == "Değer – Manisa, 2021"
    assert len(spec.districts) == 17
    assert year_spec(spec, 2020).title == "Değer – Manisa, 2020"


# -- any argument: an izmir-maps error, never another exception --------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["Yıl", "Nüfus", "", " ", "2021", "x"]),
    st.text(max_size=6),
    st.just(pd.DataFrame({"a": [1, 2]})),
    st.just(np.array([2009, 2021])),
    st.just(np.int64(2009)),
    st.just(Path("no/such/file.csv")),
)


@settings(max_examples=40, deadline=None)
@given(year_column=JUNK, years=JUNK, column=JUNK, year=JUNK)
def test_any_arguments_give_an_izmir_maps_error_or_a_result(
    year_column: object, years: object, column: object, year: object
) -> None:
    for call in (
        lambda: read_user_years(LONG, year_column=year_column, years=years, column=column),
        lambda: validate_user_years(LONG, year_column=year_column, years=years, column=column),
        lambda: user_years_spec(
            WIDE, year_column=year_column, years=years, column=column, year=year
        ),
    ):
        try:
            call()
        except IzmirMapsError as exc:
            assert str(exc), "an error must say what is wrong"
