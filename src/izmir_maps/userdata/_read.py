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
import io
import os
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from izmir_maps.errors import DataError, OptionError
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
    "looks_garbled",
    "read_raw_table",
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


@dataclass(frozen=True)
class Finding:
    """One problem: a sentence, and the spreadsheet row and column it is in."""

    message: str
    row: int | None = None
    column: str | None = None

    def where(self) -> str:
        """``"row 3, column 'İlçe'"`` (or the part of it that is known)."""
        parts = [f"row {self.row}"] if self.row is not None else []
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)


@dataclass
class Findings:
    """Problems and warnings about one file, reported all at once."""

    path: Path
    problems: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        """Record one problem (``message`` is whole sentences)."""
        self.problems.append(Finding(message, row, column))

    def lines(self) -> list[str]:
        """Each problem as one self-contained line: file, row, column, message."""
        out = []
        for item in self._sorted():
            where = item.where()
            out.append(
                f"{self.path}, {where}: {item.message}" if where else f"{self.path}: {item.message}"
            )
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
            where = item.where()
            parts.append(f"({i}) {where}: {item.message}" if where else f"({i}) {item.message}")
        more = (
            f" …and {len(items) - shown} more; `izmir-maps validate` lists them all."
            if len(items) > shown
            else ""
        )
        msg = f"{self.path}: {len(items)} problems. " + " ".join(parts) + more
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


def read_raw_table(path: str | os.PathLike[str], options: ReadOptions) -> RawTable:
    """Read the non-blank rows of a CSV or .xlsx file.

    Uses ``options.encoding``, ``sep``, ``sheet``, ``max_bytes`` and
    ``max_rows`` (see :class:`~izmir_maps.userdata.options.ReadOptions`).

    Raises
    ------
    DataError
        If the file is missing, empty, too large, of another type, or cannot
        be decoded or parsed.
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
            msg = f"encoding applies to CSV files only; {path} is an Excel workbook."
            raise OptionError(msg)
        table = _read_excel(path, sheet=options.sheet, max_bytes=max_bytes, max_rows=max_rows)
    else:
        if options.sheet is not None:
            msg = f"sheet applies to Excel workbooks only; {path} is a CSV file."
            raise OptionError(msg)
        table = _read_text(
            path, encoding=options.encoding, sep=options.separator, max_bytes=max_bytes
        )
    if not table.records:
        raise DataError(f"{path}: the file has no rows (only blank lines or empty cells).")
    if len(table.records) - 1 > max_rows:
        # Excel rows are read only up to the limit; a text file's are all counted.
        count = max_rows if suffix in EXCEL_SUFFIXES else len(table.records) - 1
        rows = f"{'more than ' if suffix in EXCEL_SUFFIXES else ''}{count:,} rows"
        raise DataError(_too_big(path, rows, f"{max_rows:,} rows", "max_rows"))
    return table


# -- files ---------------------------------------------------------------------------------------


def _check_file(path: Path) -> int:
    if not str(path).isprintable():  # every message names the path: keep them one clean line
        msg = f"{str(path)!r} is not a usable file name: it holds control characters."
        raise DataError(msg)
    try:
        if not path.exists():
            msg = f"{path}: the file does not exist. Check the name and the folder."
            raise DataError(msg)
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


def _too_big(path: Path, has: str, limit: str, option: str) -> str:
    return (
        f"{path}: the file is far larger than a district table: it has {has}, the limit is "
        f"{limit} (İzmir has 30 districts, all of Türkiye 973). Check that this is the right "
        "file; if it is, "
        f"raise the limit with the {option} option."
    )


# -- text ----------------------------------------------------------------------------------------


def _read_text(path: Path, *, encoding: str, sep: str, max_bytes: int) -> RawTable:
    data = _read_bytes(path, max_bytes)
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
    text, used = _decode(path, data, encoding)
    if "\x00" in text:
        msg = f"{path}: the file holds binary data (NUL characters), not a text table. {_ACCEPTED}."
        raise DataError(msg)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DataError(f"{path}: the file is empty (no text). Save the district table into it.")
    chosen = _sniff_separator(text) if sep == "auto" else sep
    records = _csv_records(path, text, chosen or ",")
    if records and (chosen is None or all(len(cells) < 2 for _, cells in records)):
        first = next(line for line in text.split("\n") if line.strip())
        other = _sniff_separator(text)
        hint = (
            f" It is {_SEP_NAMES[other]}-separated: choose sep 'auto' or {other!r}."
            if chosen and other
            else " A district table needs a district column and a value column; save it as "
            "CSV, or choose the separator with the sep option."
        )
        msg = (
            f"{path}, row 1: the table has a single column ({show(first)}): no "
            f"{_SEP_NAMES[chosen] if chosen else 'comma, semicolon or tab'} separates its "
            f"columns, so it is not a delimited table.{hint}"
        )
        raise DataError(msg)
    return RawTable(path, records, used, chosen)


def _decode(path: Path, data: bytes, encoding: str) -> tuple[str, str]:
    if encoding == "auto":
        if data.startswith(codecs.BOM_UTF8):
            return _decode_as(path, data[3:], "utf-8", shown="utf-8-sig"), "utf-8-sig"
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
            "right encoding with the encoding option (e.g. 'cp1254' or 'utf-8')."
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
    lines = [
        line for line in text.split("\n", 4 * _SNIFF_LINES)[: 4 * _SNIFF_LINES] if line.strip()
    ]
    lines = lines[:_SNIFF_LINES]
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


def _csv_records(path: Path, text: str, sep: str) -> list[tuple[int, list[object]]]:
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    records: list[tuple[int, list[object]]] = []
    row = 0
    try:
        for row, cells in enumerate(reader, 1):
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


def _read_excel(path: Path, *, sheet: str | int | None, max_bytes: int, max_rows: int) -> RawTable:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        msg = (
            f"{path}: the file is not a valid Excel workbook (.xlsx files are zip archives; this "
            "one is not). Open it in Excel and save it again as .xlsx, or save it as CSV."
        )
        raise DataError(msg) from None
    if unpacked > _XLSX_UNPACK_FACTOR * max_bytes:
        limit = f"{_XLSX_UNPACK_FACTOR * max_bytes:,} bytes unpacked"
        raise DataError(_too_big(path, f"{unpacked:,} bytes unpacked", limit, "max_bytes"))
    notes: list[str] = []
    # A damaged workbook can make openpyxl raise almost anything (KeyError,
    # TypeError, XML errors …); each becomes a DataError naming the file.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            records = _excel_pass(path, sheet, notes, data_only=True, limit=max_rows + 2)
            if any(v is None for _, cells in records for v in cells):
                # An empty cell may be a formula whose result was never saved
                # (files written by scripts): find those rather than lose them.
                formulas = _excel_pass(path, sheet, [], data_only=False, limit=max_rows + 2)
                records = _mark_unsaved(records, formulas)
    except DataError:
        raise
    except Exception as exc:
        reason = str(exc).strip("'\"")[:120]
        msg = (
            f"{path}: the Excel workbook cannot be read ({type(exc).__name__}: {reason!r}). "
            "Open it in Excel and save it again, or save it as CSV."
        )
        raise DataError(msg) from None
    return RawTable(path, records, "xlsx", None, notes)


class UnsavedFormula(str):
    """An Excel formula whose result the file does not hold (text: the formula)."""

    __slots__ = ()


def _excel_pass(
    path: Path, sheet: str | int | None, notes: list[str], *, data_only: bool, limit: int
) -> list[tuple[int, list[object]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    try:
        sheet_obj = _pick_sheet(path, book.worksheets, sheet, notes)
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


def _pick_sheet(path: Path, sheets: list[Any], sheet: str | int | None, notes: list[str]) -> Any:
    names = [s.title for s in sheets]
    listed = ", ".join(map(repr, names))
    if not sheets:
        raise DataError(f"{path}: the workbook has no worksheet. Put the table on a sheet.")
    if sheet is None:
        if len(sheets) > 1:
            notes.append(
                f"The workbook has {len(sheets)} sheets ({listed}); the first, {names[0]!r}, "
                "was read. Choose another with the sheet option."
            )
        return sheets[0]
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


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
