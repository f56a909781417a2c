"""Reading users' files is bounded by cost, and says what it read.

Small files that used to take minutes and gigabytes (a CSV of 50,000 columns, a
workbook with a cell in column XFD on every row, one with five million shared
strings) are refused before the work, each with a message naming the limit and
the option that raises it. The reader runs in a subprocess under
``resource.setrlimit`` (address space and CPU seconds): a test fails if a limit
of the machine is hit instead of one of the reader's.
"""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from izmir_maps.errors import DataError
from izmir_maps.spec.user_spec import user_choropleth_spec
from izmir_maps.text.names import DistrictMatcher
from izmir_maps.userdata.table import read_user_table, validate_user_file_report

MEMORY = 1_500_000_000  # bytes of address space
CPU_SECONDS = 20
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: The ``raw_xlsx`` fixture (tests/userdata/conftest.py): writes a workbook's parts as given.
RawXlsx = Callable[..., Path]


# -- hostile files, small on disk ---------------------------------------------------------------


def wide_csv(folder: Path) -> Path:
    """3.3 MB: 50,000 columns × 30 rows."""
    head = "ilçe," + ",".join(f"c{i}" for i in range(49_999))
    row = "Buca," + ",".join("x" * 49_999)
    path = folder / "wide.csv"
    path.write_text("\n".join([head] + [row] * 29) + "\n", encoding="utf-8")
    return path


def xfd_rows() -> str:
    """80 KB as a workbook: 9,000 rows, each with a cell in column A and one in XFD (the last)."""
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Buca</t></is></c>'
        f'<c r="XFD{r}"><v>1</v></c></row>'
        for r in range(1, 9001)
    )


def five_million_strings() -> str:
    """212 KB as a workbook: five million shared strings (two cells use the first)."""
    return (
        f'<sst xmlns="{_NS}" count="5000000" uniqueCount="5000000">'
        + "<si><t>x</t></si>" * 5_000_000
        + "</sst>"
    )


#: The hostile files and what the reader says of each.
HOSTILE: dict[str, str] = {
    "wide.csv": (
        "wide.csv: the table is far wider than a district table: row 1 has 50,000 columns, the "
        "limit is 1,000 columns. If the columns are wanted, raise the limit with {option}."
    ),
    "xfd.xlsx": (
        "xfd.xlsx, sheet 'Veri': the table is far wider than a district table: its cells reach "
        "column XFD (16,384 columns), the limit is 1,000 columns. Cells far to the right or "
        "below the table (often empty but formatted) make it so: select the columns after the "
        "table, delete them, and save. If the columns are wanted, raise the limit with "
        "{option}."
    ),
    "strings.xlsx": (
        "strings.xlsx: reading the table would mean loading its 5,000,000 shared texts (every "
        "text of the workbook, used or not), the limit is 1,000,000 cells. A district table has "
        "a few thousand texts at most. If this is the right file, raise the limit with "
        "{option}."
    ),
}


def _said(name: str, form: str) -> str:
    """The message about ``name`` naming its limit's option in ``form`` (``"--{}"``)."""
    option = "max_cells" if name == "strings.xlsx" else "max_columns"
    shown = form.format(option.replace("_", "-") if form.startswith("--") else option)
    return HOSTILE[name].format(option=shown)


def _limits() -> None:  # runs in the child, before it executes Python
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_limited(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python under the memory and CPU limits."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        preexec_fn=_limits,
        timeout=120,
        check=False,
    )
    # Killed by a signal (SIGXCPU, SIGKILL) or out of memory: a limit of the machine was hit.
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.stderr}"
    assert "MemoryError" not in result.stderr, result.stderr
    return result


READER = """
import sys
from izmir_maps.errors import DataError
from izmir_maps.userdata.table import read_user_table
try:
    read_user_table(sys.argv[1], column="c1")
except DataError as exc:
    print(exc)
    sys.exit(3)
"""
CLI = "import sys\nfrom izmir_maps.cli import main\nsys.exit(main(sys.argv[1:]))"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, raw_xlsx: RawXlsx) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    wide_csv(folder)
    raw_xlsx(folder / "xfd.xlsx", xfd_rows())
    row = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>'
    raw_xlsx(folder / "strings.xlsx", row, five_million_strings())
    return folder


def test_the_hostile_files_are_small_on_disk(hostile: Path) -> None:
    sizes = {name: (hostile / name).stat().st_size for name in HOSTILE}
    assert 3_000_000 < sizes["wide.csv"] < 3_500_000
    assert sizes["xfd.xlsx"] < 100_000
    assert sizes["strings.xlsx"] < 250_000


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_reader_refuses_within_the_limits(name: str, hostile: Path) -> None:
    result = run_limited(READER, name, cwd=hostile)
    expected = _said(name, "the {} option")  # from Python: the keyword
    assert (result.returncode, result.stdout) == (3, expected + "\n"), result.stderr


@pytest.mark.parametrize("command", ["map", "validate"])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_cli_refuses_within_the_limits(name: str, command: str, hostile: Path) -> None:
    out = hostile / f"{name}.html"
    argv = ["map", "--data", name, "--column", "c1", "--out", str(out)]
    if command == "validate":
        argv = ["validate", name, "--column", "c1"]
    result = run_limited(CLI, *argv, cwd=hostile)
    assert result.returncode == 2, result.stderr
    printed = result.stdout + result.stderr
    assert _said(name, "--{}") + "\n" in printed  # the option as typed: --max-cells
    assert "Traceback" not in printed
    assert not out.exists()


def test_a_raised_limit_lets_the_next_limit_speak(hostile: Path) -> None:
    with pytest.raises(DataError) as info:
        read_user_table(hostile / "wide.csv", column="c1", max_columns=50_000)
    assert str(info.value) == (
        f"{hostile / 'wide.csv'}: reading the table would mean more than 1,000,000 cells by row "
        "21, the limit is 1,000,000 cells. If this is the right file, raise the limit with "
        "the max_cells option."
    )


# -- the limits at their edges ------------------------------------------------------------------


def test_max_columns_counts_every_column_of_a_csv_row(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v,w\nBuca,1,2\n", encoding="utf-8")
    assert read_user_table(path, column="v", max_columns=3).values["value"].tolist() == [1.0]
    with pytest.raises(DataError, match=r"^.*t\.csv: .*row 1 has 3 columns, the limit is 2 "):
        read_user_table(path, column="v", max_columns=2)


def test_max_cells_counts_cells_as_read(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v\nBuca,1\nUrla,2\n", encoding="utf-8")  # 6 cells
    assert len(read_user_table(path, column="v", max_cells=6).values) == 2
    with pytest.raises(DataError, match=r"more than 5 cells by row 3, the limit is 5 cells"):
        read_user_table(path, column="v", max_cells=5)


def cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def test_a_workbook_cell_far_right_counts_its_whole_row(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    rows = (
        f'<row r="1">{cell("A1", "ilçe")}{cell("B1", "v")}</row>'
        f'<row r="2">{cell("A2", "Buca")}<c r="B2"><v>7</v></c><c r="E2" s="1"/></row>'
    )
    path = raw_xlsx(tmp_path / "t.xlsx", rows)
    assert read_user_table(path, column="v", max_columns=5).values["value"].tolist() == [7.0]
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v", max_columns=4)
    assert "its cells reach column E (5 columns), the limit is 4 columns" in str(info.value)
    # Row 1 reads 2 cells, row 2 five (A to E): 7.
    assert len(read_user_table(path, column="v", max_cells=7).values) == 1
    with pytest.raises(DataError, match=r"more than 6 cells \(each row counts up to its last"):
        read_user_table(path, column="v", max_cells=6)


def test_shared_texts_are_counted_even_when_the_count_is_not_declared(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    shared = f'<sst xmlns="{_NS}">' + "<si><t>ilçe</t></si><si><t>v</t></si>" * 3 + "</sst>"
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    rows += (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Buca</t></is></c><c r="B2"><v>3</v></c></row>'
    )
    path = raw_xlsx(tmp_path / "t.xlsx", rows, shared)
    assert read_user_table(path, column="v", max_cells=6).values["value"].tolist() == [3.0]
    with pytest.raises(DataError, match=r"loading its 6 shared texts .*the limit is 5 cells"):
        read_user_table(path, column="v", max_cells=5)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path, raw_xlsx: RawXlsx) -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 120_000_000
    path = raw_xlsx(tmp_path / "t.xlsx", rows)
    assert path.stat().st_size < 500_000
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: the file is far larger than a district table: it has {unpacked:,} bytes "
        "unpacked, the limit is 100,000,000 bytes unpacked (İzmir has 30 districts, all of "
        "Türkiye 973). Check that this is the right file; if it is, raise the limit with "
        "the max_bytes option."
    )


def declare_size(path: Path, member: str, size: int) -> None:
    """Make the zip lie: declare ``member`` ``size`` bytes long, in both of its headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    # (signature, offset of the name, offset of the uncompressed size)
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_a_zip_bomb_that_lies_about_its_size_stops_at_the_cap(
    tmp_path: Path, raw_xlsx: RawXlsx
) -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 3_000_000
    path = raw_xlsx(tmp_path / "t.xlsx", rows)
    declare_size(path, "xl/worksheets/sheet1.xml", 1000)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v", max_bytes=100_000)  # cap: 2,000,000 bytes unpacked
    # zipfile unpacks no more than the size declared, then finds the checksum wrong.
    assert str(info.value) == (
        f"{path}: the Excel workbook cannot be read (its part 'xl/worksheets/sheet1.xml' is "
        "missing or damaged). Open it in Excel and save it again, or save it as CSV."
    )


def test_suggestions_are_computed_only_for_the_names_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = DistrictMatcher.closest

    def counted(self: DistrictMatcher, text: str, n: int = 3) -> list[str]:
        calls.append(text)
        return original(self, text, n)

    monkeypatch.setattr(DistrictMatcher, "closest", counted)
    words = ",".join(f"kelime{i}" for i in range(200))
    lines = ["ilçe,v," + ",".join(f"c{i}" for i in range(200))]
    lines += [f"Buca,1,{words}", f"Urla,2,{words}"]  # 400 cells that are no district
    lines += [f"Yok{i},3,{words}" for i in range(60)]  # 60 unknown names
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"60 problems\. \(1\) row 4, column 'ilçe': 'Yok0'"):
        read_user_table(path, column="v")
    assert len(calls) == 50  # the first 50 unknown names, once each


# -- hidden sheets, and the sheet named ---------------------------------------------------------


def hidden_first(folder: Path) -> Path:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Gizli"
    hidden.sheet_state = "hidden"
    for row in (["ilçe", "v"], ["Buca", 1111], ["Urla", 2222]):
        hidden.append(row)
    shown = book.create_sheet("Veri")
    for row in (["ilçe", "v"], ["Buca", 7], ["Urla", 9]):
        shown.append(row)
    path = folder / "t.xlsx"
    book.save(path)
    return path


def test_the_first_visible_sheet_is_read(tmp_path: Path) -> None:
    table = read_user_table(hidden_first(tmp_path), column="v")
    assert table.sheet == "Veri"
    assert table.values["value"].tolist() == [7.0, 9.0]
    assert table.warnings[0] == (
        "The workbook has 2 sheets ('Gizli' (hidden), 'Veri'); the first visible, 'Veri', was "
        "read. Choose another with the sheet option."
    )


def test_a_hidden_sheet_is_read_when_asked_for(tmp_path: Path) -> None:
    path = hidden_first(tmp_path)
    assert read_user_table(path, column="v", sheet="Gizli").values["value"].tolist() == [
        1111.0,
        2222.0,
    ]
    assert read_user_table(path, column="v", sheet=0).sheet == "Gizli"


def test_messages_name_the_sheet(tmp_path: Path) -> None:
    path = hidden_first(tmp_path)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="w")
    assert str(info.value).startswith(f"{path}, sheet 'Veri', row 1: there is no column 'w'.")
    report = validate_user_file_report(path, column="v", max_rows=1)
    assert report.problems == [
        f"{path}, sheet 'Veri': the file is far larger than a district table: it has more than "
        "1 rows, the limit is 1 rows (İzmir has 30 districts, all of Türkiye 973). Check that "
        "this is the right file; if it is, raise the limit with the max_rows option."
    ]
    report = validate_user_file_report(path, column="v")
    assert (report.problems, report.sheet) == ([], "Veri")


@pytest.mark.parametrize(
    ("lang", "line"),
    [("tr", "Kaynak: t.xlsx, Veri sayfası (v)"), ("en", "Source: t.xlsx, sheet Veri (v)")],
)
def test_the_source_line_names_the_sheet(tmp_path: Path, lang: str, line: str) -> None:
    spec, _ = user_choropleth_spec(hidden_first(tmp_path), column="v", lang=lang)
    assert spec.sources[0] == line


# -- messages that said the wrong thing --------------------------------------------------------


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.symlink_to(path)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: this is a symbolic link that leads round in a loop (to itself, or through "
        "other links back to itself), so it reaches no file. Give the table file itself, or fix "
        "the link."
    )


def test_a_dangling_symlink_names_its_target(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.symlink_to("gone.csv")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: this is a symbolic link to 'gone.csv', which does not exist. Give the table "
        "file itself, or fix the link."
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_named(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("ilçe,v\nBuca,5\nUrla,7\n".encode(encoding))
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: this is {encoding[:6].upper()} text without a byte-order mark ({encoding}), "
        "not UTF-8 or Windows-1254. Save it as 'CSV UTF-8' in Excel, or read it as it is with "
        f"encoding={encoding!r}."
    )
    # …and the option named does read it.
    assert read_user_table(path, column="v", encoding=encoding).values["value"].tolist() == [
        5.0,
        7.0,
    ]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])
def test_utf32_with_a_bom_is_read(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "t.csv"
    codec = "utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-32-be"
    path.write_bytes(bom + "İlçe,v\nÇiğli,5\n".encode(codec))
    table = read_user_table(path, column="v")
    assert (table.encoding, table.values["district"].tolist()) == ("utf-32", ["Çiğli"])


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("t.csv", PNG, "a PNG image, not a table"),
        ("t.csv", b"\xff\xd8\xff\xe0" + bytes(64), "a JPEG image, not a table"),
        ("t.csv", b"%PDF-1.7\n" + bytes(64), "a PDF document, not a table"),
        ("t.csv", b"\x1f\x8b\x08" + bytes(64), "a gzip-compressed file, not a table"),
        ("t.xlsx", PNG, "a PNG image, not an Excel workbook"),
    ],
)
def test_an_image_named_like_a_table_is_named(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value) == (
        f"{path}: this is {kind}, although its name ends in {path.suffix}. izmir-maps reads "
        "district tables saved as CSV (.csv, .tsv or .txt, with ',', ';' or tab between the "
        "columns) or as Excel workbooks (.xlsx)."
    )


SYSTEM_FILES = ["/etc/passwd", "/etc/protocols", "/etc/services"]


def _first_words(system_file: str) -> list[str]:
    """The words of the file's first non-blank line, which a message must never show."""
    text = Path(system_file).read_text(encoding="utf-8", errors="replace")
    line = next(line for line in text.split("\n") if line.strip())
    return [w for w in line.replace(":", " ").split() if len(w) > 3]


@pytest.mark.parametrize("system_file", SYSTEM_FILES)
def test_a_link_to_a_system_file_shows_none_of_its_content(
    tmp_path: Path, system_file: str
) -> None:
    # /etc/protocols and /etc/services are tab-separated: read, their first line was the header
    if not Path(system_file).is_file():
        pytest.skip(f"needs {system_file}")
    path = tmp_path / "t.csv"
    path.symlink_to(system_file)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    message = str(info.value)
    target = os.path.realpath(system_file)
    assert message == (
        f"{path}: this is a symbolic link to {target}, a system file, not a district table; "
        "izmir-maps does not read it. Give the table file itself, or fix the link."
    )
    rest = message.replace(str(path), "").replace(target, "")
    assert not any(word in rest for word in _first_words(system_file))
    assert os.path.islink(path)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_link_into_proc_is_a_system_file_not_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "env.csv"
    path.symlink_to("/proc/self/environ")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    target = os.path.realpath(path)  # /proc/<this process>/environ
    assert str(info.value) == (
        f"{path}: this is a symbolic link to {target}, a system file, not a district table; "
        "izmir-maps does not read it. Give the table file itself, or fix the link."
    )


@pytest.mark.skipif(not Path("/etc/protocols").is_file(), reason="needs /etc/protocols")
def test_a_path_through_a_linked_system_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.symlink_to("/etc")
    (tmp_path / "p.csv").symlink_to(folder / "protocols")
    (tmp_path / "q.csv").symlink_to(folder / "no-such-file.csv")
    problems = {
        name: validate_user_file_report(tmp_path / name).problems
        for name in ("p.csv", "q.csv", "tables/protocols", "tables")
    }
    tail = "a system file, not a district table; izmir-maps does not read it. Give the table "
    assert problems == {
        "p.csv": [
            f"{tmp_path / 'p.csv'}: this is a symbolic link to /etc/protocols, {tail}"
            "file itself, or fix the link."
        ],
        "q.csv": [
            f"{tmp_path / 'q.csv'}: this is a symbolic link to "
            f"{str(folder / 'no-such-file.csv')!r}, which does not exist. Give the table file "
            "itself, or fix the link."
        ],
        "tables/protocols": [
            f"{folder / 'protocols'}: this leads through a symbolic link to /etc/protocols, "
            f"{tail}file itself, or fix the link."
        ],
        "tables": [f"{folder}: this is a folder, not a file. Give the table file itself."],
    }


def test_a_link_to_a_users_table_is_still_read(tmp_path: Path) -> None:
    table = tmp_path / "real.csv"
    table.write_text("ilçe,v\nKonak,5\nBuca,7\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(table)
    values = read_user_table(link, column="v").values
    shown = dict(zip(values["district"], values["value"], strict=True))
    assert shown == {"Buca": 7.0, "Konak": 5.0}


def test_cells_beyond_a_workbooks_header_get_excel_advice(tmp_path: Path) -> None:
    # the decimal-comma advice is about separators: a workbook has none
    path = tmp_path / "t.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["İlçe", "v"], ["Konak", 5], ["Buca", 7, None, 1], ["Urla", 2, "x"]):
        sheet.append(row)
    book.save(path)
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    hint = (
        "Cells to the right of column B belong to no column: delete those columns in Excel "
        "and save, or name their column in the header row."
    )
    assert str(info.value) == (
        f"{path}, sheet 'Sheet': 2 problems. (1) row 3 (Buca): the row has 4 cells but the "
        f"header has 2 columns (extra: '1'). {hint} (2) row 4 (Urla): the row has 3 cells but "
        f"the header has 2 columns (extra: 'x'). {hint} Fix them and run again."
    )


SYSTEM_FOLDERS = ["/etc", "/proc", "/sys", "/dev", "/boot", "/run", "/usr", "/bin", "/sbin"]
SYSTEM_FOLDERS += ["/lib", "/lib32", "/lib64", "/var/lib", "/var/log", "/var/cache"]
SYSTEM_FOLDERS += ["/var/spool", "/var/mail", "/private/etc"]


@pytest.mark.parametrize("folder", [*SYSTEM_FOLDERS, "/etcetera", "/var/tmp", "/home/ayse"])
def test_which_folders_count_as_the_systems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    # the link's target is faked: this machine may lack a folder (/lib32, macOS's
    # /private/etc) or have merged it into /usr (/bin, /lib), and the rule holds everywhere
    path = tmp_path / "t.csv"
    path.symlink_to(tmp_path / "gone.csv")
    target = f"{folder}/table.csv"
    realpath, exists = os.path.realpath, os.path.exists
    monkeypatch.setattr(os.path, "realpath", lambda p: target if p == str(path) else realpath(p))
    monkeypatch.setattr(os.path, "exists", lambda p: p == target or exists(p))
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    system = folder in SYSTEM_FOLDERS
    assert str(info.value) == (
        f"{path}: this is a symbolic link to {target}, a system file, not a district table; "
        "izmir-maps does not read it. Give the table file itself, or fix the link."
        if system
        else f"{path}: this is a symbolic link to {str(tmp_path / 'gone.csv')!r}, which does "
        "not exist. Give the table file itself, or fix the link."
    )
