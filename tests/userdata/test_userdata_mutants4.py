"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from izmir_maps.data.provinces import province_matcher
from izmir_maps.errors import DataError
from izmir_maps.userdata import _xlsx
from izmir_maps.userdata.options import ReadOptions, cli_parser
from izmir_maps.userdata.table import (
    detect_district_column,
    read_user_table,
    validate_user_file,
)
from izmir_maps.userdata.years import read_user_years

#: The ``raw_xlsx`` fixture (tests/userdata/conftest.py): writes a workbook's parts as given.
RawXlsx = Callable[..., Path]

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _csv(folder: Path, text: str, name: str = "t.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _help_line(option: str) -> str:
    """The help text ``--help`` shows for ``option``."""
    action = next(a for a in cli_parser()._actions if option in a.option_strings)
    return str(action.help)


# -- _districts --------------------------------------------------------------------------------


def test_a_note_row_is_reported_as_skipped_in_plain_words(tmp_path: Path) -> None:
    """The warning about a skipped note row would end in stray letters."""
    path = _csv(tmp_path, "İlçe;Nüfus\nAliağa;5\nKaynak: TÜİK;\n")
    table = read_user_table(path, column="Nüfus")
    assert table.warnings[0] == (
        "Row 3 ('Kaynak: TÜİK') is not a district and has no values; it was skipped as a "
        "title or note."
    )


# -- _layout ----------------------------------------------------------------------------------


def test_a_header_ending_in_a_separator_lists_only_its_named_columns(tmp_path: Path) -> None:
    """A header with a trailing separator would gain an unnamed column in the message."""
    path = _csv(tmp_path, "İlçe;Nüfus;\nAliağa;5;\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus", district_column="Yer")
    assert str(info.value) == (
        f"{path}, row 1: there is no column 'Yer'. The columns are: 'İlçe', 'Nüfus'. "
        "Give the exact name with the district_column option."
    )


def test_a_one_column_header_ending_in_a_separator_is_explained(tmp_path: Path) -> None:
    """A one-column table saved with a trailing separator would crash instead of explaining."""
    path = _csv(tmp_path, "İlçe;\nAliağa;\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == (
        f"{path}, row 1: there is no column 'Nüfus'. The columns are: 'İlçe'. The first row has "
        "a single filled cell; if it is a title above the table, delete the rows above the "
        "header. Give the exact name with the column option."
    )


# -- _xlsx -------------------------------------------------------------------------------------


def test_a_sheet_part_exactly_at_the_size_cap_is_read(tmp_path: Path) -> None:
    """A sheet exactly as large as the limit would be refused as too large."""
    body = b'<sheetData><row r="1"><c r="B1"/></row></sheetData>'
    path = tmp_path / "s.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sheet.xml", body)
    with zipfile.ZipFile(path) as archive:
        scan = _xlsx.scan_sheet(archive, "sheet.xml", max_columns=10, max_cells=10, cap=len(body))
    assert (scan.rows, scan.columns, scan.cells, scan.over) == (1, 2, 2, "")


def test_an_external_link_does_not_hide_the_shared_texts_from_the_limit(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    """A web link listed before the shared texts would let too many texts past the cell limit."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>İlçe</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Nüfus</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Aliağa</t></is></c><c r="B2"><v>5</v></c></row>'
    )
    texts = "".join(f"<si><t>t{i}</t></si>" for i in range(5))
    shared = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{texts}</sst>'
    plain = raw_xlsx(tmp_path / "plain.xlsx", rows, shared)
    path = tmp_path / "linked.xlsx"
    link = (
        f'<Relationship Id="rId9" Type="{_R}/sharedStrings" '
        'Target="http://example.org/strings.xml" TargetMode="External"/>'
    )
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name).decode("utf-8")
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace("<Relationship ", link + "<Relationship ", 1)
            target.writestr(name, data)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus", max_cells=4)
    assert str(info.value) == (
        f"{path}: reading the table would mean loading its 5 shared texts (every text of the "
        "workbook, used or not), the limit is 4 cells. A district table has a few thousand "
        "texts at most. If this is the right file, raise the limit with the max_cells option."
    )


# -- _values -----------------------------------------------------------------------------------


def test_a_too_large_number_is_quoted_in_its_problem(tmp_path: Path) -> None:
    """The problem for an overflowing number would quote nothing instead of the cell."""
    huge = "1" * 400
    path = _csv(tmp_path, f"İlçe;Nüfus\nAliağa;{huge}\nBuca;5\n")
    assert validate_user_file(path, column="Nüfus") == [
        f"{path}, row 2 (Aliağa), column 'Nüfus': '{huge[:60]}…' is too large to be a value."
    ]


# -- options: the command's help ---------------------------------------------------------------


def test_the_sheet_option_is_explained_in_the_help() -> None:
    """``--help`` would list --sheet with no word on what it takes."""
    assert _help_line("--sheet") == (
        "sheet of an .xlsx file: its name, or its number from 0 (default: first)"
    )


def test_the_max_cells_option_is_explained_in_the_help() -> None:
    """``--help`` would list --max-cells with no word on what it refuses."""
    default = ReadOptions().max_cells
    assert _help_line("--max-cells") == (
        f"refuse tables with more cells, rows × columns (default: {default:,})"
    )


# -- table -------------------------------------------------------------------------------------


def test_a_column_without_values_says_to_check_the_column(tmp_path: Path) -> None:
    """The refusal of an empty value column would shout its advice in capitals."""
    path = _csv(tmp_path, "İlçe;Nüfus\nAliağa;\nBuca;\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == (
        f"{path}, column 'Nüfus': no district has a value, so there is nothing to map. "
        "Check that this is the right column."
    )


def test_a_missing_district_column_names_the_python_option(tmp_path: Path) -> None:
    """The check of a wrong district column would name an option that does not exist."""
    path = _csv(tmp_path, "İlçe;Nüfus\nAliağa;5\n")
    problems = validate_user_file(path, column="Nüfus", district_column="Yer")
    assert problems == [
        f"{path}, row 1: there is no column 'Yer'. The columns are: 'İlçe', 'Nüfus'. Give the "
        "exact name with the district_column option."
    ]


def test_a_table_of_another_province_is_checked_against_its_districts(tmp_path: Path) -> None:
    """Checking a Manisa table would call its districts unknown names of İzmir."""
    path = _csv(tmp_path, "İlçe;Nüfus\nAkhisar;5\nSalihli;7\n")
    assert validate_user_file(path, column="Nüfus", matcher=province_matcher("Manisa")) == []


def test_an_undetected_district_column_names_the_table_by_default() -> None:
    """The refusal to guess the district column would name the table in stray letters."""
    with pytest.raises(DataError) as info:
        detect_district_column(["a", "b"], [[1, 2]])
    assert str(info.value) == (
        "the table: no column names the districts: none is called 'İlçe', 'District', 'Ad' or "
        "'pcode', and none holds İzmir district names in 80 % of its rows. The columns are: "
        "'a', 'b'. Choose the district column with the district_column option."
    )


# -- years -------------------------------------------------------------------------------------


def test_years_without_any_value_say_to_check_the_columns(tmp_path: Path) -> None:
    """The refusal of a years table without values would shout its advice in capitals."""
    path = _csv(tmp_path, "İlçe;2020;2021\nAliağa;;\nBuca;;\n")
    with pytest.raises(DataError) as info:
        read_user_years(path, years=True)
    assert str(info.value) == (
        f"{path}: no district has a value in any year, so there is nothing to map. "
        "Check that these are the right columns."
    )
