"""Exact-value tests written from the survivors of the second half of the mutation sample (scripts/mutation_sample_2.txt).

Each test pins what a user reading their own table sees: a whole message, a warning or a value
of the returned table. Messages that name an option are checked as Python words them
(``the district_column option``) and, where a command runs quickly, as the command line does
(``--district-column``).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.errors import DataError, OptionError
from izmir_maps.userdata.table import read_user_table, validate_user_file_report
from izmir_maps.userdata.years import read_user_years

#: The ``raw_xlsx`` fixture (tests/userdata/conftest.py): writes a workbook's parts as given.
RawXlsx = Callable[..., Path]


def _csv(folder: Path, text: str, name: str = "t.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


#: İlçe | v, then Buca 2 and Urla 3 (numbers as the sheet stores them).
_ROWS = (
    f'<row r="1">{_text("A1", "İlçe")}{_text("B1", "v")}</row>'
    f'<row r="2">{_text("A2", "Buca")}<c r="B2"><v>2</v></c></row>'
    f'<row r="3">{_text("A3", "Urla")}<c r="B3"><v>3</v></c></row>'
)


def _cli_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one message the command printed as an error (exit status 2)."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("izmir-maps: error: ") and err.count("\n") == 1, err
    return err.removeprefix("izmir-maps: error: ").rstrip("\n")


# -- _read: the file itself ----------------------------------------------------------------------


def test_an_empty_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    """An empty file would raise an error with no words at all ("None")."""
    path = tmp_path / "bos.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert (
        str(info.value) == f"{path}: the file is empty (0 bytes). Save the district table into it."
    )


def test_utf8_chosen_for_a_file_with_a_byte_order_mark_reports_utf8_sig(tmp_path: Path) -> None:
    """table.encoding would read "UTF-8-SIG" when the user chose utf-8, "utf-8-sig" on auto."""
    path = tmp_path / "t.csv"
    path.write_bytes(codecs.BOM_UTF8 + "İlçe;v\nBuca;1\n".encode())
    auto = read_user_table(path, column="v")
    chosen = read_user_table(path, column="v", encoding="UTF8")
    assert chosen.encoding == auto.encoding == "utf-8-sig"
    assert chosen.values["district"].tolist() == ["Buca"]  # the mark is not part of 'İlçe'


def test_an_oversized_workbook_part_is_named_with_no_limit_to_raise(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    """A workbook part past 16 MiB was reported as "more than 100,000,000 bytes; raise max_bytes"."""
    # 17 MB of spaces in xl/workbook.xml, the list of sheets: the whole zip (17 MB unpacked) is
    # under max_bytes' cap, so only the fixed bound of a structure part refuses it; no option helps.
    path = raw_xlsx(tmp_path / "t.xlsx", _ROWS, padding=17_000_000)
    for max_bytes in (5_000_000, 50_000_000):
        with pytest.raises(DataError) as info:
            read_user_table(path, column="v", max_bytes=max_bytes)
        assert str(info.value) == (
            f"{path}: the Excel workbook cannot be read: its part 'xl/workbook.xml' (the list of "
            "its sheets or their links, a few kilobytes in a workbook) unpacks to more than "
            "16,777,216 bytes. Open it in Excel and save it again, or save it as CSV."
        )


# -- _layout: rows wider than the header ---------------------------------------------------------


def test_a_row_wider_than_the_header_is_explained_word_for_word(tmp_path: Path) -> None:
    """The extra-cells message would say "2 COLUMNs" or carry stray letters."""
    path = _csv(tmp_path, "İlçe,Nüfus\nBuca,4,14\nUrla,5\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == (
        f"{path}, row 2 (Buca): the row has 3 cells but the header has 2 columns (extra: '14'). "
        "If numbers use a decimal comma, the file must be ';'-separated or the numbers quoted "
        '("4,14"); otherwise remove the extra cells or name their column.'
    )


# -- _values: cells that are numbers but not finite ----------------------------------------------


def test_an_infinite_excel_number_is_called_not_finite(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    """An Excel cell of 1E999 would be called "too large to be a value", not "not finite"."""
    rows = _ROWS.replace('<c r="B2"><v>2</v></c>', '<c r="B2"><v>1E999</v></c>')
    path = raw_xlsx(tmp_path / "t.xlsx", rows)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}, sheet 'Veri', row 2 (Buca), column 'v': 'inf' is not a finite number."
    )


# -- table: the columns checked, the district column ---------------------------------------------


def test_a_notes_column_with_one_number_is_not_checked_as_numbers(tmp_path: Path) -> None:
    """Validating without a column would report each note ('geçici') as "not a number"."""
    path = _csv(tmp_path, "İlçe;v;Not\nBuca;1;geçici\nUrla;2;bilinmiyor\nKonak;3;5\n")
    report = validate_user_file_report(path)
    assert (report.problems, report.columns) == ([], ["v"])


def test_no_district_column_names_the_file(tmp_path: Path) -> None:
    """The message would begin "None:" instead of the file's name."""
    path = _csv(tmp_path, "Yer adı;v\nBucaa;1\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: no column names the districts: none is called 'İlçe', 'District', 'Ad' or "
        "'pcode', and none holds İzmir district names in 80 % of its rows. The columns are: "
        "'Yer adı', 'v'. Choose the district column with the district_column option."
    )


# -- years: the columns of a table of several years ----------------------------------------------

_LONG = "İlçe;Yıl;Nüfus\nBuca;2009;1\nBuca;2021;2\n"
_WIDE = 'İlçe,2009,2021\nBuca,"4,5",4.5\n'


def test_district_column_naming_the_value_column_of_a_long_table_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Naming the value column as the districts' would crash with a TypeError."""
    path = _csv(tmp_path, _LONG)
    with pytest.raises(OptionError) as info:
        read_user_years(path, year_column="Yıl", column="Nüfus", district_column="Nüfus")
    assert str(info.value) == "district_column and column both name the column 'Nüfus'."
    argv = ["validate", str(path), "--year-column", "Yıl", "--column", "Nüfus"]
    said = _cli_error([*argv, "--district-column", "Nüfus"], capsys)
    assert said == "--district-column and --column both name the column 'Nüfus'."


def test_district_column_naming_the_year_column_names_both_options(tmp_path: Path) -> None:
    """The refusal would name an option "XXyear_columnXX" that does not exist."""
    path = _csv(tmp_path, _LONG)
    with pytest.raises(OptionError) as info:
        read_user_years(path, year_column="Yıl", column="Nüfus", district_column="Yıl")
    assert str(info.value) == "district_column and year_column both name the column 'Yıl'."


def test_an_unknown_district_column_of_a_wide_table_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message would end "Give the exact name with the None option"."""
    path = _csv(tmp_path, _WIDE)
    with pytest.raises(DataError) as info:
        read_user_years(path, years=True, district_column="Ilce adi")
    start = (
        f"{path}, row 1: there is no column 'Ilce adi'. The columns are: 'İlçe', '2009', "
        "'2021'. Did you mean 'İlçe'? Give the exact name with "
    )
    assert str(info.value) == start + "the district_column option."
    assert main(["validate", str(path), "--years", "--district-column", "Ilce adi"]) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: 1 problem(s):",
        "  1. " + start + "--district-column.",
    ]


def test_year_columns_read_with_different_marks_are_listed(tmp_path: Path) -> None:
    """The warning would list the columns joined by "XX, XX"."""
    table = read_user_years(_csv(tmp_path, _WIDE), years=True)
    assert table.decimal == "mixed"
    assert table.values["value"].tolist() == [4.5, 4.5]
    assert table.warnings[-1] == (
        "The year columns were read with different decimal marks: '2009' (','), '2021' ('.'). "
        "If they are written the same way, choose the mark with the decimal option."
    )
