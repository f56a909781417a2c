"""Read a user's table file into rows of cells: step one of :mod:`izmir_maps.userdata.table`.

This module decides the file type, the text encoding and the column separator,
enforces the size limits and returns every non-blank row with its spreadsheet
row number. It knows nothing about districts or numbers. Every failure is a
:class:`~izmir_maps.errors.DataError` that names the file; a bad option is an
:class:`~izmir_maps.errors.OptionError`.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from izmir_maps.errors import DataError, OptionError
from izmir_maps.option_names import option_name, option_value, the_option
from izmir_maps.userdata import _xlsx
from izmir_maps.userdata.options import ReadOptions

__all__ = [
    "EXCEL_SUFFIXES",
    "GARBLED_HINT",
    "TEXT_SUFFIXES",
    "Finding",
    "Findings",
    "RawTable",
    "UnsavedFormula",
    "cell_text",
    "column_label",
    "column_labels",
    "looks_garbled",
    "named",
    "read_raw_table",
    "row_name",
    "show",
]

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_SEP_NAMES = {",": "','", ";": "';'", "\t": "tab"}
_ACCEPTED = (
    "izmir-maps reads district tables saved as CSV (.csv, .tsv or .txt, with ',', ';' or tab "
    "between the columns) or as Excel workbooks (.xlsx)"
)
_TYPE_HINTS = {
    ".xls": "Open it in Excel and use Save As → Excel Workbook (.xlsx).",
    ".ods": "Open it in LibreOffice and use Save As → Excel 2007-365 (.xlsx) or Text CSV.",
    ".numbers": "Export it from Numbers as CSV or Excel (.xlsx).",
}
_DEFAULT_TYPE_HINT = "Export the table (one row per district) as CSV or .xlsx."
#: How much bigger an unpacked .xlsx may be than ``max_bytes`` (XML compresses ~10:1).
_XLSX_UNPACK_FACTOR = 20
_SNIFF_LINES = 50


#: Marks of text decoded with the wrong encoding ("Ã‡iÄŸli", "Çiðli", a stray BOM "ï»¿").
_GARBLED = ("Ã", "Ä", "Å", "Ð", "ð", "Ý", "ý", "Þ", "þ", "ï»¿", "\ufffd")
GARBLED_HINT = (
    " The text looks garbled, as when a file is read with the wrong encoding: choose "
    "encoding 'auto', or the file's own ('utf-8' or 'cp1254')."
)


def looks_garbled(text: str) -> bool:
    """Whether ``text`` shows marks of a wrong encoding (``"Ã‡iÄŸli"``).

    Examples
    --------
    >>> looks_garbled("Ã‡iÄŸli"), looks_garbled("Çiğli")
    (True, False)
    """
    return any(mark in text for mark in _GARBLED)


def show(value: object, limit: int = 60) -> str:
    r"""``repr`` of a cell for a message, shortened; control characters are escaped.

    Examples
    --------
    >>> show("Çiğli"), show("x" * 80)[-5:], show("a\x1b[2Jb")
    ("'Çiğli'", "xxx…'", "'a\\x1b[2Jb'")
    """
    text = value if isinstance(value, str) else cell_text(value)
    if len(text) > limit:
        return repr(text[:limit] + "…")
    return repr(text)


def cell_text(value: object) -> str:
    """A cell as stripped text: ``None`` is ``""``, ``39234.0`` is ``"39234"``.

    Examples
    --------
    >>> cell_text(None), cell_text(" Buca "), cell_text(35.0), cell_text(1.5)
    ('', 'Buca', '35', '1.5')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_label(header: list[str], index: int) -> str:
    """How a message names column ``index``: ``'İlçe'`` or ``C (no header)``.

    Examples
    --------
    >>> column_label(["İlçe", "", "Değer"], 0), column_label(["İlçe", "", "Değer"], 1)
    ("'İlçe'", 'B (no header)')
    """
    name = header[index] if index < len(header) else ""
    return show(name) if name else f"{_letter(index)} (no header)"


#: Columns a message lists by name; a wider table's are counted.
_LISTED_COLUMNS = 40


def column_labels(header: list[str]) -> str:
    """Every column as messages name them, the first 40 of a wider table and a count.

    Examples
    --------
    >>> column_labels(["İlçe", "", "v"])
    "'İlçe', B (no header), 'v'"
    >>> column_labels([f"c{i}" for i in range(50)])[-38:]
    "'c38', 'c39' … and 10 more (50 in all)"
    """
    shown = ", ".join(column_label(header, i) for i in range(min(len(header), _LISTED_COLUMNS)))
    more = len(header) - _LISTED_COLUMNS
    return f"{shown} … and {more:,} more ({len(header):,} in all)" if more > 0 else shown


@dataclass(frozen=True)
class Finding:
    """One problem: a sentence, and the spreadsheet row and column it is in."""

    message: str
    row: int | None = None
    column: str | None = None

    def where(self, district: str | None = None) -> str:
        """``"row 3 (Buca), column 'value'"`` (or the part of it that is known).

        Examples
        --------
        >>> Finding("…", 9, "'value'").where("Buca"), Finding("…", column="'a'").where()
        ("row 9 (Buca), column 'value'", "column 'a'")
        """
        parts = [row_name(self.row, district)] if self.row is not None else []
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)


def row_name(row: int, district: str | None = None) -> str:
    """``"row 9 (Buca)"``: a row of a user's table, with its district when known.

    Examples
    --------
    >>> row_name(9, "Buca"), row_name(2, "'Bornava'"), row_name(4)
    ('row 9 (Buca)', "row 2 ('Bornava')", 'row 4')
    """
    return f"row {row} ({district})" if district else f"row {row}"


@dataclass
class Findings:
    """Problems and warnings about one file, reported all at once."""

    path: Path
    problems: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None
    #: The district of each row once the district column is read: its name, or the
    #: cell as given (quoted) when it names no district.
    districts: dict[int, str] = field(default_factory=dict)
    #: The district column's label; a problem in it quotes the cell itself.
    district_column: str | None = None

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        """Record one problem (``message`` is whole sentences)."""
        self.problems.append(Finding(message, row, column))

    def row_text(self, row: int) -> str:
        """``"row 9 (Buca)"``: how a message names a row (its district when known)."""
        return row_name(row, self.districts.get(row))

    def _where(self, item: Finding) -> str:
        in_district_cell = item.column is not None and item.column == self.district_column
        district = None if item.row is None or in_district_cell else self.districts.get(item.row)
        return item.where(district)

    def lines(self) -> list[str]:
        """Each problem as one self-contained line: file, row, column, message."""
        out = []
        name = named(self.path, self.sheet)
        for item in self._sorted():
            place = self._where(item)
            out.append(f"{name}, {place}: {item.message}" if place else f"{name}: {item.message}")
        return out

    def raise_if_any(self, *, shown: int = 20) -> None:
        """Raise one :class:`DataError` that lists every problem (the first ``shown``)."""
        if not self.problems:
            return
        if len(self.problems) == 1:
            raise DataError(self.lines()[0])
        items = self._sorted()
        parts = []
        for i, item in enumerate(items[:shown], 1):
            where = self._where(item)
            parts.append(f"({i}) {where}: {item.message}" if where else f"({i}) {item.message}")
        more = (
            f" …and {len(items) - shown} more; `izmir-maps validate` lists them all."
            if len(items) > shown
            else ""
        )
        msg = f"{named(self.path, self.sheet)}: {len(items)} problems. " + " ".join(parts) + more
        raise DataError(msg + " Fix them and run again.")

    def _sorted(self) -> list[Finding]:
        return sorted(self.problems, key=lambda f: -1 if f.row is None else f.row)


@dataclass
class RawTable:
    """The non-blank rows of a file as cells, before any header is chosen.

    ``records`` holds ``(spreadsheet row, cells)``; CSV cells are text, Excel
    cells keep their type (number, text, date, ``None``).
    """

    path: Path
    records: list[tuple[int, list[object]]]
    encoding: str
    separator: str | None
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None

    @property
    def where(self) -> str:
        """How messages name the table: the file, and the sheet of a workbook."""
        return named(self.path, self.sheet)


def named(path: Path, sheet: str | None) -> str:
    """``"t.csv"``, or ``"t.xlsx, sheet 'Veri'"``: the start of every message about a table.

    Examples
    --------
    >>> named(Path("t.xlsx"), "Veri"), named(Path("t.csv"), None)
    ("t.xlsx, sheet 'Veri'", 't.csv')
    """
    return f"{path}, sheet {show(sheet)}" if sheet is not None else str(path)


def read_raw_table(path: str | os.PathLike[str], options: ReadOptions) -> RawTable:
    """Read the non-blank rows of a CSV or .xlsx file.

    Uses ``options.encoding``, ``sep``, ``sheet`` and the limits ``max_bytes``,
    ``max_rows``, ``max_columns`` and ``max_cells`` (see
    :class:`~izmir_maps.userdata.options.ReadOptions`). Each limit is checked
    before the work it bounds: a workbook's sheet and shared texts are counted
    from the zip before it is loaded, a CSV file's rows as they are split.

    Raises
    ------
    DataError
        If the file is missing, empty, over a limit, of another type, or
        cannot be decoded or parsed.
    OptionError
        If an option does not fit the file (``sheet`` for a CSV file,
        ``encoding`` for a workbook).
    """
    max_bytes, max_rows = options.max_bytes, options.max_rows
    path = Path(path)
    size = _check_file(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + EXCEL_SUFFIXES:
        kind = f"{suffix} files" if suffix else "files without an extension"
        hint = _TYPE_HINTS.get(suffix, _DEFAULT_TYPE_HINT)
        raise DataError(f"{path}: unreadable file type: {_ACCEPTED}, not {kind}. {hint}")
    if size > max_bytes:
        raise DataError(_too_big(path, f"{size:,} bytes", f"{max_bytes:,} bytes", "max_bytes"))
    if size == 0:
        raise DataError(f"{path}: the file is empty (0 bytes). Save the district table into it.")
    if suffix in EXCEL_SUFFIXES:
        if options.encoding != "auto":
            msg = (
                f"{option_name('encoding')} applies to CSV files only; {path} is an Excel workbook."
            )
            raise OptionError(msg)
        table = _read_excel(path, options)
    else:
        if options.sheet is not None:
            msg = f"{option_name('sheet')} applies to Excel workbooks only; {path} is a CSV file."
            raise OptionError(msg)
        table = _read_text(path, options)
    if not table.records:
        raise DataError(f"{table.where}: the file has no rows (only blank lines or empty cells).")
    if len(table.records) - 1 > max_rows:
        # Excel rows are read only up to the limit; a text file's are all counted.
        count = max_rows if suffix in EXCEL_SUFFIXES else len(table.records) - 1
        rows = f"{'more than ' if suffix in EXCEL_SUFFIXES else ''}{count:,} rows"
        raise DataError(_too_big(table.where, rows, f"{max_rows:,} rows", "max_rows"))
    return table


# -- files ---------------------------------------------------------------------------------------


def _check_file(path: Path) -> int:
    if not str(path).isprintable():  # every message names the path: keep them one clean line
        msg = f"{str(path)!r} is not a usable file name: it holds control characters."
        raise DataError(msg)
    try:
        _refuse_linked_system_file(path)
        if not path.exists():
            raise DataError(_missing(path))
        if path.is_dir():
            raise DataError(f"{path}: this is a folder, not a file. Give the table file itself.")
        if not path.is_file():  # a pipe or a device: reading it could block or never end
            raise DataError(f"{path}: this is not a regular file. Give the table file itself.")
        return path.stat().st_size
    except DataError:
        raise
    except OSError as exc:
        raise DataError(f"{path}: the file cannot be opened ({exc.strerror}).") from None
    except ValueError:  # e.g. a NUL character in the path
        raise DataError(f"{str(path)!r} is not a usable file name.") from None


#: Folders of the operating system: no district table lives there, and a link into one
#: would show a line of the file it reaches (a tab-separated /etc/protocols) in a message.
_SYSTEM_FOLDERS = (
    "/etc", "/proc", "/sys", "/dev", "/boot", "/run", "/usr", "/bin", "/sbin", "/lib",
    "/lib32", "/lib64", "/var/lib", "/var/log", "/var/cache", "/var/spool", "/var/mail",
    "/private/etc",  # macOS: /etc is a link to it
)  # fmt: skip


def _refuse_linked_system_file(path: Path) -> None:
    """Refuse, before reading it, a path that symbolic links lead into a system folder.

    A path given as it is was meant; one whose links lead into ``/etc`` or ``/proc`` was
    not, and reading it could echo the file's first line (its "columns") to whoever sees
    the message.
    """
    if os.name != "posix":
        return
    given = os.path.abspath(path)
    target = os.path.realpath(given)
    system = any(target.startswith(f + "/") for f in _SYSTEM_FOLDERS)  # not /etcetera
    if target == given or not system or not os.path.exists(target):
        return  # a link to nothing is named as such by _missing
    how = "is a symbolic link" if path.is_symlink() else "leads through a symbolic link"
    msg = (
        f"{path}: this {how} to {target}, a system file, not a district table; izmir-maps "
        "does not read it. Give the table file itself, or fix the link."
    )
    raise DataError(msg)


def _missing(path: Path) -> str:
    """Why ``path`` cannot be found: no such file, a dangling link, or a link loop."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                f"{path}: this is a symbolic link that leads round in a loop (to itself, or "
                "through other links back to itself), so it reaches no file. Give the table "
                "file itself, or fix the link."
            )
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return (
            f"{path}: this is a symbolic link to {target!r}, which does not exist. Give the "
            "table file itself, or fix the link."
        )
    return f"{path}: the file does not exist. Check the name and the folder."


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DataError(f"{path}: the file cannot be read ({exc.strerror}).") from None
    if len(data) > max_bytes:  # it grew since its size was checked
        raise DataError(
            _too_big(path, f"over {max_bytes:,} bytes", f"{max_bytes:,} bytes", "max_bytes")
        )
    return data


def _too_big(name: object, has: str, limit: str, option: str) -> str:
    return (
        f"{name}: the file is far larger than a district table: it has {has}, the limit is "
        f"{limit} (İzmir has 30 districts, all of Türkiye 973). Check that this is the right "
        f"file; if it is, raise the limit with {_raise_with(option)}."
    )


def _raise_with(option: str) -> str:
    """``--max-rows`` on the command line, "the max_rows option" from Python."""
    return the_option(option)


def _too_wide(name: object, has: str, limit: int, why: str) -> str:
    return (
        f"{name}: the table is far wider than a district table: {has}, the limit is "
        f"{limit:,} columns. {why}If the columns are wanted, raise the limit with "
        f"{_raise_with('max_columns')}."
    )


def _too_many_cells(name: object, has: str, limit: int, why: str) -> str:
    return (
        f"{name}: reading the table would mean {has}, the limit is {limit:,} cells. {why}"
        f"If this is the right file, raise the limit with {_raise_with('max_cells')}."
    )


# -- text ----------------------------------------------------------------------------------------


def _read_text(path: Path, options: ReadOptions) -> RawTable:
    data = _read_bytes(path, options.max_bytes)
    if data.startswith(b"PK\x03\x04"):
        msg = (
            f"{path}: this is an Excel workbook (or another zip file) with a {path.suffix} name. "
            "Rename it to .xlsx, or open it in Excel and save it as CSV."
        )
        raise DataError(msg)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        msg = (
            f"{path}: unreadable file type: this is an old Excel .xls workbook with a "
            f"{path.suffix} name. {_TYPE_HINTS['.xls']}"
        )
        raise DataError(msg)
    kind = _binary_kind(data)
    if kind:
        msg = f"{path}: this is {kind}, not a table, although its name ends in {path.suffix}. "
        raise DataError(msg + f"{_ACCEPTED}.")
    text, used = _decode(path, data, options.encoding)
    if "\x00" in text:
        raise DataError(_nul_message(path, data))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DataError(f"{path}: the file is empty (no text). Save the district table into it.")
    sep = options.separator
    chosen = _sniff_separator(text) if sep == "auto" else sep
    records = _csv_records(path, text, chosen or ",", options)
    if records and (chosen is None or all(len(cells) < 2 for _, cells in records)):
        other = _sniff_separator(text)
        hint = (
            f" It is {_SEP_NAMES[other]}-separated: choose {option_value('sep', 'auto')} or "
            f"{option_value('sep', other)}."
            if chosen and other
            else " A district table needs a district column and a value column; save it as "
            f"CSV, or choose the separator with {the_option('sep')}."
        )
        # The lines are not shown: a file that is not a table may be anything (a link to
        # /etc/passwd), and its content has no place in a message.
        lines = _plural(len(records), "non-blank line")
        msg = (
            f"{path}: the table has a single column: no "
            f"{_SEP_NAMES[chosen] if chosen else 'comma, semicolon or tab'} separates its "
            f"columns in any of its {lines}, so it is not a delimited table.{hint}"
        )
        raise DataError(msg)
    return RawTable(path, records, used, chosen)


#: File signatures of formats that are sometimes saved under a .csv name.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


def _binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes are the signature of a known non-text format."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    return None


def _unicode_width(data: bytes) -> str | None:
    """``"utf-16-le"`` … when the NUL bytes fall where that encoding puts them in plain text.

    Text in UTF-16 or UTF-32 without a byte-order mark has a NUL beside (or
    three beside) nearly every Latin letter, at a fixed place in each 2 or 4
    bytes; binary data has its NULs anywhere.
    """
    sample = data[:4096]
    for unit, name in ((4, "utf-32"), (2, "utf-16")):
        usable = len(sample) - len(sample) % unit
        if usable < 2 * unit:
            continue
        units = [sample[i : i + unit] for i in range(0, usable, unit)]
        for order, zeros in (("le", slice(1, None)), ("be", slice(None, -1))):
            plain = sum(u[zeros] == b"\x00" * (unit - 1) and u != b"\x00" * unit for u in units)
            if plain >= 0.6 * len(units):
                return f"{name}-{order}"
    return None


def _nul_message(path: Path, data: bytes) -> str:
    encoding = _unicode_width(data)
    if encoding:
        name = encoding[:6].upper()
        return (
            f"{path}: this is {name} text without a byte-order mark ({encoding}), not UTF-8 or "
            "Windows-1254. Save it as 'CSV UTF-8' in Excel, or read it as it is with "
            f"{option_value('encoding', encoding)}."
        )
    return f"{path}: the file holds binary data (NUL characters), not a text table. {_ACCEPTED}."


def _decode(path: Path, data: bytes, encoding: str) -> tuple[str, str]:
    if encoding == "auto":
        if data.startswith(codecs.BOM_UTF8):
            return _decode_as(path, data[3:], "utf-8", shown="utf-8-sig"), "utf-8-sig"
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's
            return _decode_as(path, data, "utf-32"), "utf-32"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return _decode_as(path, data, "utf-16"), "utf-16"
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _decode_as(path, data, "cp1254", tried="either UTF-8 or "), "cp1254"
    name = codecs.lookup(encoding).name
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return _decode_as(path, data[3:], "utf-8", shown="utf-8-sig"), "utf-8-sig"
    return _decode_as(path, data, name), name


def _decode_as(path: Path, data: bytes, codec: str, *, shown: str = "", tried: str = "") -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        label = "Windows-1254 (Turkish Windows)" if codec == "cp1254" else (shown or codec)
        msg = (
            f"{path}, row {row}: byte 0x{byte} cannot be read as {tried}{label} text. Save the file as 'CSV UTF-8' in Excel, or choose the "
            f"right encoding with {the_option('encoding')} (e.g. 'cp1254' or 'utf-8')."
        )
        raise DataError(msg) from None
    return text.removeprefix("\ufeff")


def _sniff_separator(text: str) -> str | None:
    """The separator that splits the first lines into the most regular table.

    For each of ``;``, tab and ``,`` the first 50 non-blank lines are split as
    CSV; the separator wins whose most common number of fields (at least 2)
    is shared by the largest share of lines, then the one giving more
    columns; on a tie ``;`` beats tab beats ``,``.
    """
    lines = _first_lines(text, _SNIFF_LINES)
    if not lines:
        return None
    best: tuple[float, int] = (0.0, 1)
    chosen = None
    for sep in (";", "\t", ","):
        try:
            widths = Counter(len(row) for row in csv.reader(lines, delimiter=sep))
        except csv.Error:
            continue
        width, count = widths.most_common(1)[0]
        score = (count / len(lines), width)
        if width >= 2 and score > best:
            best, chosen = score, sep
    return chosen


def _first_lines(text: str, n: int) -> list[str]:
    """The first ``n`` non-blank lines of ``text``, however many blank lines come first."""
    lines: list[str] = []
    start = 0
    while len(lines) < n and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            lines.append(text[start:end])
        start = end + 1
    return lines


def _csv_records(
    path: Path, text: str, sep: str, options: ReadOptions
) -> list[tuple[int, list[object]]]:
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    records: list[tuple[int, list[object]]] = []
    row = cells_read = 0
    try:
        for row, cells in enumerate(reader, 1):
            # Checked row by row, so that a wide file stops at its first wide row.
            if len(cells) > options.max_columns:
                has = f"row {row} has {len(cells):,} columns"
                raise DataError(_too_wide(path, has, options.max_columns, ""))
            cells_read += len(cells)
            if cells_read > options.max_cells:
                has = f"more than {options.max_cells:,} cells by row {row}"
                raise DataError(_too_many_cells(path, has, options.max_cells, ""))
            if any(c.strip() for c in cells):
                records.append((row, list(cells)))
    except csv.Error as exc:
        msg = (
            f"{path}, row {row + 1}: the file cannot be read as a {_SEP_NAMES[sep]}-separated "
            f"table ({exc}). Check that row for a stray double quote or a very long cell."
        )
        raise DataError(msg) from None
    return records


# -- Excel ---------------------------------------------------------------------------------------


def _read_excel(path: Path, options: ReadOptions) -> RawTable:
    cap = _XLSX_UNPACK_FACTOR * options.max_bytes
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DataError(_not_a_workbook(path)) from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > cap:
            limit = f"{cap:,} bytes unpacked"
            raise DataError(_too_big(path, f"{unpacked:,} bytes unpacked", limit, "max_bytes"))
        notes: list[str] = []
        entry = _checked_sheet(path, archive, options, notes, cap)
    name = named(path, entry.name)
    # A damaged workbook can make openpyxl raise almost anything (KeyError,
    # TypeError, XML errors …); each becomes a DataError naming the file.
    limit = options.max_rows + 2
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            records = _excel_pass(path, entry.name, data_only=True, limit=limit)
            if any(v is None for _, cells in records for v in cells):
                # An empty cell may be a formula whose result was never saved
                # (files written by scripts): find those rather than lose them.
                formulas = _excel_pass(path, entry.name, data_only=False, limit=limit)
                records = _mark_unsaved(records, formulas)
    except DataError:
        raise
    except Exception as exc:
        reason = str(exc).strip("'\"")[:120]
        msg = (
            f"{name}: the Excel workbook cannot be read ({type(exc).__name__}: {reason!r}). "
            "Open it in Excel and save it again, or save it as CSV."
        )
        raise DataError(msg) from None
    return RawTable(path, records, "xlsx", None, notes, sheet=entry.name)


def _not_a_workbook(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            kind = _binary_kind(handle.read(64))
    except OSError:
        kind = None
    if kind:
        return f"{path}: this is {kind}, not an Excel workbook, although its name ends in {path.suffix}. {_ACCEPTED}."
    return (
        f"{path}: the file is not a valid Excel workbook (.xlsx files are zip archives; this "
        "one is not). Open it in Excel and save it again as .xlsx, or save it as CSV."
    )


def _checked_sheet(
    path: Path, archive: zipfile.ZipFile, options: ReadOptions, notes: list[str], cap: int
) -> _xlsx.SheetEntry:
    """The sheet to read, once the zip shows that reading it stays within the limits."""
    try:
        entries, shared = _xlsx.sheets(archive)
        entry = _pick_sheet(path, entries, options.sheet, notes)
        name = named(path, entry.name)
        scan = _xlsx.scan_sheet(
            archive,
            entry.part,
            max_columns=options.max_columns,
            max_cells=options.max_cells,
            cap=cap,
        )
        _check_scan(name, scan, options)
        if shared is not None and shared in archive.namelist():
            texts = _xlsx.shared_text_count(archive, shared, limit=options.max_cells, cap=cap)
            if texts > options.max_cells:
                has = (
                    f"loading its {texts:,} shared texts (every text of the workbook, used or not)"
                )
                why = "A district table has a few thousand texts at most. "
                raise DataError(_too_many_cells(path, has, options.max_cells, why))
    except _xlsx.TooLargeError as exc:
        if exc.structure:  # no limit option helps: no real workbook has such a part
            msg = (
                f"{path}: the Excel workbook cannot be read: its part {exc.args[0]!r} (the list "
                f"of its sheets or their links, a few kilobytes in a workbook) unpacks to more "
                f"than {exc.cap:,} bytes. Open it in Excel and save it again, or save it as CSV."
            )
            raise DataError(msg) from None
        limit = f"{cap:,} bytes unpacked"
        raise DataError(_too_big(path, f"more than {limit}", limit, "max_bytes")) from None
    except _xlsx.XlsxError as exc:
        msg = (
            f"{path}: the Excel workbook cannot be read (its part {str(exc)!r} is missing or "
            "damaged). Open it in Excel and save it again, or save it as CSV."
        )
        raise DataError(msg) from None
    return entry


def _check_scan(name: str, scan: _xlsx.SheetScan, options: ReadOptions) -> None:
    far = (
        "Cells far to the right or below the table (often empty but formatted) make it so: "
        "select the columns after the table, delete them, and save. "
    )
    if scan.over == "columns":
        has = f"its cells reach column {_letter(scan.columns - 1)} ({scan.columns:,} columns)"
        raise DataError(_too_wide(name, has, options.max_columns, far))
    if scan.over == "cells":
        has = f"more than {options.max_cells:,} cells (each row counts up to its last cell)"
        raise DataError(_too_many_cells(name, has, options.max_cells, far))


class UnsavedFormula(str):
    """An Excel formula whose result the file does not hold (text: the formula)."""

    __slots__ = ()


def _excel_pass(
    path: Path, sheet: str, *, data_only: bool, limit: int
) -> list[tuple[int, list[object]]]:
    import openpyxl

    # Our own handle, closed here: a sheet that fails to parse leaves openpyxl's stream
    # open, and through it the file, until the garbage collector finds it.
    with path.open("rb") as handle:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=data_only)
        try:
            sheet_obj = book[sheet]
            sheet_obj.reset_dimensions()
            return _excel_records(sheet_obj, limit)
        finally:
            book.close()


def _mark_unsaved(
    records: list[tuple[int, list[object]]], formulas: list[tuple[int, list[object]]]
) -> list[tuple[int, list[object]]]:
    by_row = dict(formulas)
    out = []
    for row, cells in records:
        other = by_row.get(row, [])
        marked = [
            UnsavedFormula(other[i])
            if v is None
            and i < len(other)
            and isinstance(other[i], str)
            and other[i].startswith("=")
            else v
            for i, v in enumerate(cells)
        ]
        out.append((row, marked))
    return out


def _pick_sheet(
    path: Path, sheets: list[_xlsx.SheetEntry], sheet: str | int | None, notes: list[str]
) -> _xlsx.SheetEntry:
    names = [s.name for s in sheets]
    listed = ", ".join(repr(s.name) if s.visible else f"{s.name!r} (hidden)" for s in sheets)
    if not sheets:
        raise DataError(f"{path}: the workbook has no worksheet. Put the table on a sheet.")
    if sheet is None:
        visible = [s for s in sheets if s.visible] or sheets
        first = "first visible" if visible[0] is not sheets[0] else "first"
        if len(sheets) > 1:
            notes.append(
                f"The workbook has {len(sheets)} sheets ({listed}); the {first}, "
                f"{visible[0].name!r}, was read. Choose another with {the_option('sheet')}."
            )
        return visible[0]
    if isinstance(sheet, int):
        if -len(sheets) <= sheet < len(sheets):
            return sheets[sheet]
        msg = (
            f"{path}: there is no sheet number {sheet} (counting from 0); the sheets are {listed}."
        )
        raise DataError(msg)
    if sheet in names:
        return sheets[names.index(sheet)]
    if sheet.strip().isdigit() and int(sheet) < len(sheets):  # "--sheet 1" from the command line
        return sheets[int(sheet)]
    raise DataError(f"{path}: there is no sheet {sheet!r}; the sheets are {listed}.")


def _excel_records(sheet: Any, limit: int) -> list[tuple[int, list[object]]]:
    """The non-blank rows, at most ``limit`` of them (the caller reports "more than")."""
    records: list[tuple[int, list[object]]] = []
    for row, cells in enumerate(sheet.iter_rows(min_row=1), 1):
        values = [_excel_value(cell) for cell in cells]
        if any(cell_text(v) for v in values):
            records.append((row, values))
            if len(records) >= limit:
                break
    return records


def _excel_value(cell: Any) -> object:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in (cell.number_format or ""):
            # Shown as "4,14 %": read it as the percentage shown, like "%4,14" in a CSV.
            return float(f"{value * 100:.12g}")
        return value
    return value


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
