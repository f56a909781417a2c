"""Exact-value tests written from the survivors of the third mutation sample (scripts/mutation_sample_3.txt).

Each test pins what a user reading their own table sees: a whole message, a warning, a value
of the returned table or a line of the command's help. Messages that name an option are
checked as Python words them (``the district_column option``) and, where the command runs
quickly in this process, as the command line does (``--district-column``).
"""

from __future__ import annotations

import gc
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.errors import DataError, OptionError
from izmir_maps.userdata import _xlsx
from izmir_maps.userdata.options import ReadOptions, cli_parser
from izmir_maps.userdata.table import read_user_table
from izmir_maps.userdata.years import read_user_years

#: The ``raw_xlsx`` fixture (tests/userdata/conftest.py): writes a workbook's parts as given.
RawXlsx = Callable[..., Path]

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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


def _validate_lines(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``izmir-maps validate`` printed for a file with problems (exit status 2)."""
    assert main(["validate", *argv]) == 2
    return capsys.readouterr().out.splitlines()


def _rewritten(path: Path, out: Path, edits: dict[str, tuple[bytes, bytes]]) -> Path:
    """A copy of the workbook ``path`` with one text replaced in some of its parts."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name in edits:
                old, new = edits[name]
                assert data.count(old) == 1
                data = data.replace(old, new)
            target.writestr(name, data)
    return out


# -- _districts: which column names the districts ------------------------------------------------


def test_two_district_like_headers_name_the_option_to_choose_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal would tell the user to choose a column with an option that does not exist."""
    path = _csv(tmp_path, "İlçe;Ad;Nüfus\n10;Merkez;5\n20;Köy;6\n")
    start = f"{path}: the columns 'İlçe' and 'Ad' could each name the districts. Choose one with "
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == start + "the district_column option."
    assert _validate_lines([str(path), "--column", "Nüfus"], capsys) == [
        f"{path}: 1 problem(s):",
        "  1. " + start + "--district-column.",
    ]


def test_a_note_row_is_named_by_its_text_in_the_warning(tmp_path: Path) -> None:
    """The warning about a skipped note row would quote '' instead of the note itself."""
    path = _csv(tmp_path, "İlçe;Nüfus\nBuca;5\nUrla;6\nKaynak: TÜİK;\n")
    table = read_user_table(path, column="Nüfus")
    assert table.values["value"].tolist() == [5.0, 6.0]
    assert table.warnings[0] == (
        "Row 4 ('Kaynak: TÜİK') is not a district and has no values; it was skipped as a "
        "title or note."
    )


# -- _layout: the header ----------------------------------------------------------------------


def test_a_header_without_rows_says_to_add_one_row_per_district(tmp_path: Path) -> None:
    """The refusal of a table with a header only would end in stray letters."""
    path = _csv(tmp_path, "İlçe;Nüfus\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Nüfus")
    assert str(info.value) == (
        f"{path}: the file has a header (row 1) but no rows below it. Add one row per district."
    )


def test_a_title_row_taken_as_the_header_is_pointed_out(tmp_path: Path) -> None:
    """A missing column under a one-cell title row would not say the title may be the cause."""
    path = _csv(tmp_path, "İzmir nüfusu 2021;\nİlçe;Nüfus\nBuca;5\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Değer")
    assert str(info.value) == (
        f"{path}, row 1: there is no column 'Değer'. The columns are: 'İzmir nüfusu 2021'. "
        "The first row has a single filled cell; if it is a title above the table, delete the "
        "rows above the header. Give the exact name with the column option."
    )


def test_a_header_of_two_columns_gets_no_title_hint(tmp_path: Path) -> None:
    """A missing column in an ordinary two-column header would be blamed on a title row."""
    path = _csv(tmp_path, "İlçe;Nüfus\nBuca;5\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="Gelir")
    assert str(info.value) == (
        f"{path}, row 1: there is no column 'Gelir'. The columns are: 'İlçe', 'Nüfus'. "
        "Give the exact name with the column option."
    )


# -- _read and _xlsx: workbooks ----------------------------------------------------------------


def test_a_damaged_sheet_is_named_with_its_file_and_sheet(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    """A sheet whose XML is broken would be reported as "None, sheet 'Veri'"."""
    broken = _ROWS.replace('<c r="B3"><v>3</v></c>', '<c r="B3"><v>3</v>')
    path = raw_xlsx(tmp_path / "t.xlsx", broken)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    said = str(info.value)
    del info
    gc.collect()  # a sheet stream left open would warn here (ResourceWarning: an error in CI)
    assert said == (
        f"{path}, sheet 'Veri': the Excel workbook cannot be read (ParseError: 'mismatched "
        "tag: line 1, column 364'). Open it in Excel and save it again, or save it as CSV."
    )


def test_a_link_to_absent_shared_texts_does_not_refuse_the_workbook(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    """A workbook whose links name a shared-text part it lacks would be refused as damaged."""
    # The cells are inline texts and numbers, so nothing needs the shared texts; openpyxl
    # finds parts by the content types, which do not list them.
    link = f'<Relationship Id="rId2" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>'
    path = _rewritten(
        raw_xlsx(tmp_path / "source.xlsx", _ROWS),
        tmp_path / "t.xlsx",
        {"xl/_rels/workbook.xml.rels": (b"</Relationships>", f"{link}</Relationships>".encode())},
    )
    table = read_user_table(path, column="v")
    assert (table.values["district"].tolist(), table.values["value"].tolist()) == (
        ["Buca", "Urla"],
        [2.0, 3.0],
    )


def test_a_sheet_without_its_link_id_is_called_damaged_not_missing(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    """A sheet that lost its link id (and the link its id) would be reported as no sheet at all."""
    path = _rewritten(
        raw_xlsx(tmp_path / "source.xlsx", _ROWS),
        tmp_path / "t.xlsx",
        {
            "xl/workbook.xml": (b' r:id="rId1"', b""),
            "xl/_rels/workbook.xml.rels": (b' Id="rId1"', b""),
        },
    )
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}, sheet 'Veri': the Excel workbook cannot be read (KeyError: 'Worksheet Veri "
        "does not exist.'). Open it in Excel and save it again, or save it as CSV."
    )


def test_a_padded_list_of_sheets_is_read_once(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    """A workbook whose list of sheets holds a megabyte of spaces would be refused as damaged."""
    # past the first 1 MiB read, no tag starts near its end: the read is passed on whole
    path = raw_xlsx(tmp_path / "t.xlsx", _ROWS, padding=1_100_000)
    assert read_user_table(path, column="v").values["value"].tolist() == [2.0, 3.0]


@pytest.mark.parametrize(
    ("carried", "lengths"),
    [(65_536, [_xlsx._CHUNK - 65_536, 65_536 + 9]), (65_537, [_xlsx._CHUNK, 9])],
)
def test_a_tag_across_a_read_is_carried_whole_up_to_64_kib(
    carried: int, lengths: list[int]
) -> None:
    """A run of more than 64 KiB after a read's last '<' would be held back, not passed on."""
    # The scan counts cells chunk by chunk; a tag cut in two is missed, so a tag that starts
    # within 64 KiB of a 1 MiB read's end goes whole into the next chunk. Past that bound the
    # read is passed on as it is: the carry never grows beyond 64 KiB.
    part = b" " * (_xlsx._CHUNK - carried) + b"<c" + b" " * (carried - 2) + b' r="A1"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("p.xml", part)
    with zipfile.ZipFile(buffer) as archive:
        chunks = list(_xlsx._stream(archive, "p.xml", cap=len(part)))
    assert ([len(c) for c in chunks], b"".join(chunks)) == (lengths, part)


# -- options: what the user may pass -------------------------------------------------------------


def test_two_unknown_options_are_listed_with_every_option(tmp_path: Path) -> None:
    """Two mistyped keywords would be listed joined by stray letters."""
    path = _csv(tmp_path, "İlçe;v\nBuca;1\n")
    options = (
        "not an option of reading a table; the options are column, district_column, province, "
        "sheet, encoding, sep, decimal, allow_negative, max_bytes, max_rows, max_columns, "
        "max_cells."
    )
    with pytest.raises(TypeError) as info:
        read_user_table(path, colum="v", sheeet=1)
    assert str(info.value) == f"colum, sheeet: {options}"
    with pytest.raises(TypeError) as info:
        ReadOptions().with_fields(sheeet=1)
    assert str(info.value) == f"sheeet: {options}"


def test_the_help_gives_every_limit_and_its_default() -> None:
    """`izmir-maps validate --help` would show --max-rows without saying what it does."""
    helps = {
        action.option_strings[0]: action.help
        for action in cli_parser()._actions
        if action.option_strings[0].startswith("--max-")
    }
    assert helps == {
        "--max-bytes": "refuse larger files (default: 5,000,000 bytes)",
        "--max-rows": "refuse longer tables (default: 10,000 rows)",
        "--max-columns": "refuse wider tables (default: 1,000 columns)",
        "--max-cells": "refuse tables with more cells, rows × columns (default: 1,000,000)",
    }


# -- table: the arguments of read_user_table -----------------------------------------------------


def test_reading_without_a_column_names_the_column_option(tmp_path: Path) -> None:
    """Reading without a column would name an option "XXcolumnXX" that does not exist."""
    path = _csv(tmp_path, "İlçe;v\nBuca;1\n")
    with pytest.raises(OptionError) as info:
        read_user_table(path)
    assert str(info.value) == (
        "column must be a column name (a non-empty string), not None: name the column to read."
    )


def test_a_path_of_the_wrong_type_names_the_path_argument() -> None:
    """A number given as the file would be refused as "PATH", an argument the user never saw."""
    with pytest.raises(OptionError) as info:
        read_user_table(2021, column="v")  # type: ignore[arg-type]
    assert str(info.value) == ("path must be the path of a file (str or pathlib.Path), not 2021.")


def test_options_of_the_wrong_type_are_refused_by_name(tmp_path: Path) -> None:
    """A dict given as options would escape as an AttributeError with no word of what to fix."""
    path = _csv(tmp_path, "İlçe;v\nBuca;1\n")
    with pytest.raises(OptionError) as info:
        read_user_table(path, {"column": "v"})  # type: ignore[arg-type]
    assert str(info.value) == "options must be a ReadOptions or None, not {'column': 'v'}."


# -- years: districts without a value in some years ---------------------------------------------


def test_districts_missing_in_some_years_are_listed_year_by_year(tmp_path: Path) -> None:
    """The warning would join the years with stray letters ("2009: Urla XX; XX2021: Konak")."""
    path = _csv(tmp_path, "İlçe;Yıl;Nüfus\nBuca;2009;1\nKonak;2009;2\nBuca;2021;3\nUrla;2021;4\n")
    table = read_user_years(path, year_column="Yıl", column="Nüfus")
    assert table.warnings[-1] == (
        "2 districts have no value in some years and will be shown as 'no data' in those "
        "years: 2009: Urla; 2021: Konak."
    )


def test_a_csv_that_starts_with_many_blank_lines_is_read() -> None:
    """200 blank lines before the header ended as an internal error (IndexError)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text("\n" * 200 + "İlçe;v\nBuca;1\nUrla;2\n", encoding="utf-8")
        table = read_user_table(path, column="v")
        assert table.values.set_index("district")["value"].to_dict() == {"Buca": 1.0, "Urla": 2.0}
