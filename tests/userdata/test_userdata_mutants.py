"""Tests written from the survivors of a sampled mutation run over userdata/ (2 December 2026).

Each pins what a user reading their own table is told: a refusal, a warning, the help of the
reading options. Where a message ends with how to raise a limit (worded for the command line or
for Python), only the part before it is pinned.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from izmir_maps.errors import DataError
from izmir_maps.userdata.options import cli_parser
from izmir_maps.userdata.table import read_user_table, validate_user_file_report
from izmir_maps.userdata.years import read_user_years, validate_user_years

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: The ``raw_xlsx`` fixture (tests/userdata/conftest.py): writes a workbook's parts as given.
RawXlsx = Callable[..., Path]


_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c></row>'
)
_SHARED = (
    f'<sst xmlns="{_NS}" count="3" uniqueCount="3"><si><t>İlçe</t></si><si><t>Nüfus</t></si>'
    "<si><t>Buca</t></si></sst>"
)


def test_a_declared_count_of_shared_texts_over_the_limit_refuses_the_workbook(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    fine = raw_xlsx(tmp_path / "fine.xlsx", _ROWS, _SHARED)
    assert read_user_table(fine, column="Nüfus", max_cells=4).values["value"].tolist() == [5.0]
    # the same 3 texts, but the part declares 2,000,000: refused at once, with that count
    path = raw_xlsx(
        tmp_path / "declared.xlsx",
        _ROWS,
        _SHARED.replace('uniqueCount="3"', 'uniqueCount="2000000"'),
    )
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus", max_cells=4)
    assert str(info.value).startswith(
        f"{path}: reading the table would mean loading its 2,000,000 shared texts (every text "
        "of the workbook, used or not), the limit is 4 cells. A district table has a few "
        "thousand texts at most. If this is the right file, raise the limit with "
    )


def test_a_cell_far_to_the_right_is_explained(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    far = _ROWS.replace("<v>5</v></c>", '<v>5</v></c><c r="XFD2" t="s"><v>2</v></c>')
    path = raw_xlsx(tmp_path / "far.xlsx", far, _SHARED)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value).startswith(
        f"{path}, sheet 'Veri': the table is far wider than a district table: its cells reach "
        "column XFD (16,384 columns), the limit is 1,000 columns. Cells far to the right or "
        "below the table (often empty but formatted) make it so: select the columns after the "
        "table, delete them, and save. If the columns are wanted, raise the limit with "
    )


def test_a_missing_sheet_is_named_with_the_file(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    path = raw_xlsx(tmp_path / "book.xlsx", _ROWS, _SHARED)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus", sheet="Sayfa1")
    assert str(info.value) == f"{path}: there is no sheet 'Sayfa1'; the sheets are 'Veri'."


def test_the_title_rows_skipped_above_the_header_are_named(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    # the second title's text is in its second cell: each skipped row is named by its first text
    path.write_text(
        "İzmir ilçe nüfusları,,\n,Kaynak: TÜİK,\nİlçe,Nüfus,\nBuca,1,\nKonak,2,\n", encoding="utf-8"
    )
    warnings = validate_user_file_report(path, column="Nüfus").warnings
    assert warnings[0] == (
        "The header is row 3 (it holds the column 'Nüfus'); the rows above it were skipped: "
        "'İzmir ilçe nüfusları', 'Kaynak: TÜİK'."
    )


_OTHERS = (
    "Aliağa, Balçova, Bayındır, Bayraklı, Bergama, Beydağ, Bornova, Çeşme, Çiğli, Dikili, Foça, "
    "Gaziemir, Güzelbahçe, Karabağlar, Karaburun, Karşıyaka, Kemalpaşa, Kınık, Kiraz, Menderes, "
    "Menemen, Narlıdere, Ödemiş, Seferihisar, Selçuk, Tire, Torbalı, Urla"
)


def test_the_warnings_of_a_table_of_two_quantities_say_which_quantity(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "İlçe,Nüfus 2021,Nüfus 2022,Gelir 2021,Gelir 2022\nBuca,1,2,3,4\nKonak,5,6,7,8\n",
        encoding="utf-8",
    )
    report = validate_user_years(path, years=True)
    assert report.problems == []
    assert report.years == [2021, 2022]
    assert report.warnings == [
        f"'{what}': 28 districts have no value in any year and will be shown as 'no data': "
        f"{_OTHERS}."
        for what in ("Nüfus", "Gelir")
    ]


def test_a_long_table_without_the_column_asked_for_names_the_column_option(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("İlçe,Yıl,Nüfus\nBuca,2021,1\nBuca,2022,2\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_user_years(path, year_column="Yıl", column="Gelir")
    assert str(info.value) == (
        f"{path}, row 1: there is no column 'Gelir'. The columns are: 'İlçe', 'Yıl', 'Nüfus'. "
        "Give the exact name with the column option."
    )


def test_the_help_explains_the_encoding_and_decimal_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    parser = argparse.ArgumentParser(prog="izmir-maps validate", parents=[cli_parser()])
    lines = [line.strip() for line in parser.format_help().splitlines()]
    assert "--encoding ENCODING   text encoding: auto, utf-8, cp1254 … (default: auto)" in lines
    assert (
        "--decimal {auto|,|.}  decimal mark of numbers (default: auto; see README: how numbers "
        "are read)" in lines
    )


def test_a_csv_with_old_mac_line_ends_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes("İlçe,Nüfus\rBuca,5\rKonak,7\r".encode())
    assert read_user_table(path, column="Nüfus").values["value"].tolist() == [5.0, 7.0]


def test_a_webp_image_named_like_a_table_is_named(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(40))
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value).startswith(
        f"{path}: this is a WebP image, not a table, although its name ends in .csv."
    )


def test_a_bad_byte_after_a_utf8_bom_is_placed_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "İlçe,Nüfus\nBuca,5\n".encode() + b"Konak,\xff7\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus", encoding="utf-8")
    assert str(info.value) == (
        f"{path}, row 3: byte 0xFF cannot be read as utf-8-sig text. Save the file as 'CSV "
        "UTF-8' in Excel, or choose the right encoding with the encoding option (e.g. 'cp1254' "
        "or 'utf-8')."
    )


def test_numbers_read_the_turkish_way_say_how_to_choose_the_other_mark(tmp_path: Path) -> None:
    path = tmp_path / "ambiguous.csv"
    path.write_text("İlçe,Nüfus\nBuca,1.234\nKonak,2.500\n", encoding="utf-8")
    table = read_user_table(path, column="Nüfus")
    assert table.values["value"].tolist() == [1234.0, 2500.0]
    assert table.warnings[0].startswith(
        "Column 'Nüfus': numbers such as '1.234' in row 2 (Buca) were read the Turkish way, as "
        "1234 ('.' separates thousands, ',' marks decimals), because nothing in the column shows "
        "which mark is the decimal one. If '.' is the decimal mark, choose decimal"
    )


def test_three_rows_of_one_district_are_named_together(tmp_path: Path) -> None:
    path = tmp_path / "thrice.csv"
    path.write_text("İlçe,Nüfus\nBuca,1\nbuca,2\nBUCA,3\nKonak,4\n", encoding="utf-8")
    assert validate_user_file_report(path, column="Nüfus").problems == [
        f"{path}, row 2, column 'İlçe': rows 2, 3 and 4 all name Buca ('Buca', 'buca', 'BUCA'). "
        "Keep one row per district."
    ]


def test_two_columns_naming_different_districts_in_a_row_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(
        "İlçe,Merkez,Nüfus\nBuca,Konak,1\nKonak,Buca,2\nBornova,Bornova,3\n", encoding="utf-8"
    )
    assert validate_user_file_report(path, column="Nüfus").problems == [
        f"{path}: the columns 'İlçe' and 'Merkez' both name districts, with different districts "
        "in the same row. Choose the district column with the district_column option."
    ]


def test_a_file_name_too_long_to_open_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300 + ".csv")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == f"{path}: the file cannot be opened (File name too long)."
