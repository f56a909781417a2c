r"""Read a user's own district table (CSV or .xlsx) safely, or say exactly what to fix.

A *district table* has one row per district: a column naming the district and
one or more columns of numbers. :func:`read_user_table` returns one column of it
as a :class:`UserTable`; :func:`validate_user_file` lists every problem in the
file at once. Every problem with the file raises (or lists) a
:class:`~izmir_maps.errors.DataError` naming the file, the row (as a spreadsheet
shows it: the header is row 1) and the column; a bad option raises an
:class:`~izmir_maps.errors.OptionError`. No other exception escapes for bad
input. The options of reading are the fields of
:class:`~izmir_maps.userdata.options.ReadOptions`; messages name them as in
Python (``decimal``), and on the command line they are ``--decimal`` and so on.

Files
    ``.csv``, ``.tsv`` and ``.txt`` tables separated by ``,``, ``;`` or tabs,
    and Excel ``.xlsx`` workbooks (the first visible sheet unless ``sheet``
    says otherwise; every message names the sheet read). Other types
    (``.xls``, ``.ods``, ``.json`` …) are refused with the way to convert
    them, and so are files that are images or archives under a table's name.

Limits
    Files over ``max_bytes`` (5 MB), tables over ``max_rows`` (10,000 rows),
    ``max_columns`` (1,000) or ``max_cells`` (1,000,000, counting the empty
    cells inside the table) are refused, each before the work it bounds: a
    workbook's sheet and shared texts are counted in the zip before it is
    loaded. İzmir has 30 districts, Türkiye 973; the message names the limit
    and the option (``--max-cells``, ``max_cells=``) that raises it.

Encoding (``encoding="auto"``)
    A UTF-8 byte-order mark means UTF-8 (``utf-8-sig``), a UTF-16 mark UTF-16
    (Excel's "Unicode text"); otherwise UTF-8 if the bytes are valid UTF-8,
    else Windows-1254 (``cp1254``, Turkish Excel's CSV). Any other encoding
    can be chosen by name.

Separator (``sep="auto"``)
    The first 50 non-blank lines are split with ``;``, tab and ``,``; the
    separator wins whose most common field count (at least two) is shared by
    the most lines, then the one giving more columns; ties go to ``;``, then
    tab, then ``,``.

Districts
    Any case, with or without Turkish letters (``ÇİĞLİ``, ``Cigli``,
    ``cigli``), or the P-code (``TUR035010``). Unless ``district_column`` is
    given, the district column is the one whose cells name districts in at
    least 80 % of the rows, else the one named like ``İlçe``, ``District``,
    ``Ad``, ``Name`` or ``pcode``. Rows naming the whole province or a total
    (``Toplam``, ``Genel Toplam``, ``TOPLAM``, ``Total``, ``İzmir``,
    ``TUR035``) are skipped with a warning, as are rows whose district cell
    is not a district and whose other cells are all empty (titles, notes such
    as ``Kaynak: TÜİK``). Districts absent from the table, or with no value,
    are shown as "no data" and listed in a warning.

Numbers
    Turkish (``1.234.567,89``, ``%4,14``) and international
    (``1,234,567.89``, ``4.14%``) numbers, with an optional ``%`` or currency
    sign (``₺ $ € TL USD``), a sign (``-``, ``−``) and spaces between
    thousands. An empty cell and ``-``, ``–``, ``—``, ``..``, ``...``,
    ``yok``, ``veri yok``, ``n/a``, ``na``, ``nan``, ``null`` mean "no value"
    (never zero). Excel cells that hold numbers are taken as they are;
    percentage-formatted ones as the percentage shown (4,14 %, stored as
    0.0414, is read as 4.14). Negative values are refused unless
    ``allow_negative=True``.

The decimal rule (``decimal="auto"``)
    The decimal mark is decided once per column, never per cell:

    1. A column with a value that can only be Turkish (a decimal comma as in
       ``4,14`` or ``1.234,5``; several dot groups as in ``1.234.567``) is
       Turkish; one with a value that can only be international (``4.14``,
       ``1,234.5``, ``1,234,567``, ``0.225``) is international. A column with
       both is an error naming the rows.
    2. Otherwise a ``;``-separated file (Turkish Excel) is Turkish.
    3. Otherwise the column is read the Turkish way: a dot followed by exactly
       three digits (``27.225``) separates thousands (27225) and a comma
       followed by three digits (``27,225``) is a decimal comma (27.225).
       When such a value decided the reading, a warning names the column and
       says to choose ``decimal="."`` if the dot is the decimal mark.

    ``decimal=","`` or ``"."`` sets the mark for every column; a value that
    cannot be written that way (``4.14`` with ``","``) is an error.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> tmp = tempfile.TemporaryDirectory()
>>> path = Path(tmp.name) / "calisan.csv"
>>> text = "İlçe;Çalışan Sayısı\nÇiğli;39.234\nKARSIYAKA;27.225\nToplam;66.459\n"
>>> _ = path.write_bytes(text.encode("cp1254"))
>>> table = read_user_table(path, column="Çalışan Sayısı")
>>> table.encoding, table.separator, table.decimal, table.district_column
('cp1254', ';', ',', 'İlçe')
>>> table.values.to_dict("list")
{'pcode': ['TUR035010', 'TUR035017'], 'district': ['Çiğli', 'Karşıyaka'], 'value': [39234.0, 27225.0], 'row': [2, 3]}
>>> len(table.missing), table.warnings[0]
(28, "Row 4 ('Toplam') looks like a totals row and was skipped; the map shows districts only.")
>>> tmp.cleanup()
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from izmir_maps._checks import check_path, check_type
from izmir_maps.data.boundaries import district_matcher
from izmir_maps.errors import DataError, OptionError
from izmir_maps.option_names import option_name
from izmir_maps.text.names import DistrictMatcher
from izmir_maps.userdata._districts import detect_index, resolve_districts
from izmir_maps.userdata._layout import Layout
from izmir_maps.userdata._read import (
    Findings,
    cell_text,
    column_label,
    column_labels,
    named,
    read_raw_table,
)
from izmir_maps.userdata._values import ColumnValues, classify, parse_column
from izmir_maps.userdata.options import ReadOptions

__all__ = [
    "ReadOptions",
    "UserFileReport",
    "UserTable",
    "detect_district_column",
    "read_user_table",
    "validate_user_file",
    "validate_user_file_report",
]

_WORD = re.compile(r"[^\W\d_]{3,}(?:[\s.,:;'-]+[^\W\d_]+)*")


@dataclass
class UserTable:
    r"""One value column of a user's district table, checked and resolved.

    Attributes
    ----------
    path
        The file read.
    column
        The value column, as named in the file.
    district_column
        The column naming the districts, as named in the file.
    values
        One row per district with a value, sorted by P-code: ``pcode``,
        ``district`` (canonical Turkish name), ``value`` (finite float) and
        ``row`` (the spreadsheet row it came from).
    missing
        Canonical names of the districts without a value (absent from the
        file, or with an empty cell), sorted by P-code; shown as "no data".
    encoding
        The text encoding used (``"utf-8"``, ``"utf-8-sig"``, ``"cp1254"`` …;
        ``"xlsx"`` for Excel workbooks).
    separator
        The column separator (``","``, ``";"`` or ``"\t"``); ``None`` for Excel.
    decimal
        The decimal mark the value column was read with (``","`` or ``"."``).
    warnings
        Survivable problems (skipped rows, districts without data, the
        decimal rule deciding); each a sentence for the user. They are not
        emitted with :mod:`warnings`; the caller shows them.
    sheet
        The sheet read (Excel workbooks), or ``None`` for CSV.
    """

    path: Path
    column: str
    district_column: str
    values: pd.DataFrame
    missing: list[str]
    encoding: str
    separator: str | None
    decimal: str
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None


@dataclass
class UserFileReport:
    """Everything :func:`validate_user_file_report` found in one file.

    ``problems`` are blocking (each a line naming file, row and column);
    ``warnings`` are survivable; ``columns`` are the value columns checked;
    ``sheet`` is the sheet read (workbooks; ``None`` for CSV or when the file
    could not be opened).
    """

    path: Path
    problems: list[str]
    warnings: list[str]
    columns: list[str]
    district_column: str | None
    sheet: str | None = None

    @property
    def name(self) -> str:
        """How messages name the table: ``"t.csv"`` or ``"t.xlsx, sheet 'Veri'"``."""
        return named(self.path, self.sheet)


def read_user_table(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    matcher: DistrictMatcher | None = None,
    **fields: Any,
) -> UserTable:
    r"""Read one value column of a district table (CSV or .xlsx).

    Parameters
    ----------
    path
        The ``.csv``, ``.tsv``, ``.txt`` or ``.xlsx`` file.
    options
        How to read it (:class:`~izmir_maps.userdata.options.ReadOptions`);
        ``options.column`` is required.
    matcher
        Resolves district names; by default that of ``options.province``
        (İzmir's 30 districts).
    **fields
        Fields of :class:`~izmir_maps.userdata.options.ReadOptions`, for
        short calls: ``read_user_table(path, column="v", sheet=1)``. They
        override ``options``.

    Returns
    -------
    UserTable

    Raises
    ------
    DataError
        One paragraph listing every problem in the file with its row and
        column: unknown or duplicate districts (with the closest names),
        non-numeric or negative values, a missing column (with the columns
        that exist), an empty, oversized or unreadable file.
    OptionError
        If an option has an unusable value.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> path = Path(tmp.name) / "exports.csv"
    >>> _ = path.write_text('district,usd\nBUCA,"1,234,567.89"\nAliaga,0.5\n', encoding="utf-8")
    >>> table = read_user_table(path, column="usd")
    >>> table.decimal, table.values["value"].tolist(), table.missing[:2]
    ('.', [0.5, 1234567.89], ['Balçova', 'Bayındır'])
    >>> _ = path.write_text("district,usd\nBornava,12\n", encoding="utf-8")
    >>> read_user_table(path, ReadOptions(column="usd"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    izmir_maps.errors.DataError: ...exports.csv, row 2, column 'district': 'Bornava' is not a district of İzmir. Did you mean 'Bornova'? Correct the name (any case, with or without Turkish letters) or use the P-code.
    >>> tmp.cleanup()
    """
    options = _checked_options(path, options, matcher, fields)
    column = options.column
    if column is None:
        msg = (
            f"{option_name('column')} must be a column name (a non-empty string), not None: name "
            "the column to read."
        )
        raise OptionError(msg)
    matcher = matcher or options.matcher()
    raw = read_raw_table(path, options)
    findings = Findings(raw.path, warnings=list(raw.warnings), sheet=raw.sheet)
    layout = Layout.choose(raw, column, findings)
    value_idx = layout.find(column, option="column")
    if options.district_column is not None:
        district_idx = layout.find(options.district_column, option="district_column")
    else:
        district_idx = detect_index(layout.header, layout.cells(), matcher, {value_idx}, raw.where)
    if district_idx == value_idx:
        same = column_label(layout.header, value_idx)
        raise OptionError(both_name("column", "district_column", same))
    layout.check_widths(findings)
    pcodes = resolve_districts(layout, district_idx, [value_idx], matcher, findings)
    label = column_label(layout.header, value_idx)
    parsed = parse_column(
        [(row, layout.rows[row][value_idx]) for row in pcodes],
        label=label,
        decimal=options.decimal,
        separator=raw.separator,
        allow_negative=options.allow_negative,
        findings=findings,
    )
    findings.raise_if_any()
    present = {pcodes[row]: row for row in parsed.values}
    if not present:
        msg = (
            f"{raw.where}, column {label}: no district has a value, so there is nothing to map. "
            "Check that this is the right column."
        )
        raise DataError(msg)
    values = _values_frame(present, parsed.values, matcher)
    missing = _warn_missing(findings, pcodes, parsed, matcher)
    return UserTable(
        path=raw.path,
        column=layout.header[value_idx],
        district_column=layout.header[district_idx],
        values=values,
        missing=missing,
        encoding=raw.encoding,
        separator=raw.separator,
        decimal=parsed.decimal,
        warnings=findings.warnings,
        sheet=raw.sheet,
    )


def validate_user_file(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    matcher: DistrictMatcher | None = None,
    **fields: Any,
) -> list[str]:
    r"""Every problem in a district table at once; ``[]`` when it is clean.

    Takes the arguments of :func:`read_user_table`. Without ``column`` every
    column that mostly holds numbers is checked. Each problem is one line
    naming the file, the row and the column. Warnings (skipped rows, districts
    without data) are not problems; :func:`validate_user_file_report` returns
    them too.

    Raises
    ------
    OptionError
        If an option has an unusable value (problems with the file are
        returned, never raised).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> path = Path(tmp.name) / "t.csv"
    >>> _ = path.write_text("ilce,a,b\nKonak,1,-2\nKONAK,x,3\nUrla,,4\n", encoding="utf-8")
    >>> for line in validate_user_file(path):
    ...     print(line.removeprefix(str(path)))
    , row 2, column 'ilce': rows 2 and 3 both name Konak ('Konak', 'KONAK'). Keep one row per district.
    , row 2 (Konak), column 'b': '-2' is negative, and values here cannot be. Correct it, or allow negative values with the allow_negative option.
    , row 3 (Konak), column 'a': 'x' is not a number. Write it like 1.234,5 or 1234,5 (Turkish) or 1,234.5 (international), optionally with % or a currency sign; leave the cell empty or write '-' if there is no value.
    >>> len(validate_user_file(path, allow_negative=True))  # '-2' is accepted now
    2
    >>> tmp.cleanup()
    """
    return validate_user_file_report(path, options, matcher=matcher, **fields).problems


def validate_user_file_report(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    matcher: DistrictMatcher | None = None,
    **fields: Any,
) -> UserFileReport:
    """Like :func:`validate_user_file`, with the warnings and the columns checked."""
    options = _checked_options(path, options, matcher, fields)
    column = options.column
    matcher = matcher or options.matcher()
    report = UserFileReport(Path(path), [], [], [], None)
    findings = Findings(Path(path))
    try:
        raw = read_raw_table(path, options)
        findings.warnings.extend(raw.warnings)
        findings.sheet = report.sheet = raw.sheet
        layout = Layout.choose(raw, column, findings)
    except DataError as exc:
        report.problems.append(str(exc))
        report.warnings = findings.warnings
        return report
    fatal: list[str] = []
    value_idxs: list[int] = []
    if column is not None:
        try:
            value_idxs = [layout.find(column, option="column")]
        except DataError as exc:
            fatal.append(str(exc))
    district_idx = None
    try:
        if options.district_column is not None:
            district_idx = layout.find(options.district_column, option="district_column")
        else:
            district_idx = detect_index(
                layout.header, layout.cells(), matcher, set(value_idxs), raw.where
            )
    except DataError as exc:
        fatal.append(str(exc))
    if district_idx is not None and district_idx in value_idxs:
        same = column_label(layout.header, district_idx)
        raise OptionError(both_name("column", "district_column", same))
    if column is None:
        value_idxs = _numeric_columns(layout, district_idx)
        if not value_idxs:
            columns = column_labels(layout.header)
            fatal.append(f"{raw.where}: no column holds numbers; the columns are {columns}.")
    layout.check_widths(findings)
    pcodes: dict[int, str] | None = None
    if district_idx is not None:
        pcodes = resolve_districts(layout, district_idx, value_idxs, matcher, findings)
        report.district_column = layout.header[district_idx]
    rows = list(layout.rows) if pcodes is None else list(pcodes)
    for idx in value_idxs:
        label = column_label(layout.header, idx)
        parsed = parse_column(
            [(row, layout.rows[row][idx]) for row in rows],
            label=label,
            decimal=options.decimal,
            separator=raw.separator,
            allow_negative=options.allow_negative,
            findings=findings,
        )
        report.columns.append(layout.header[idx])
        if pcodes is not None:
            _warn_missing(findings, pcodes, parsed, matcher, prefix=f"Column {label}: ")
    report.problems = fatal + findings.lines()
    report.warnings = findings.warnings
    return report


def detect_district_column(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    matcher: DistrictMatcher | None = None,
    exclude: Iterable[str] = (),
    source: str = "the table",
) -> str:
    """The column of ``columns`` that names the districts.

    The column whose non-empty cells (totals rows aside) name districts in at
    least 80 % of ``rows`` wins; if several do and agree row by row, the first
    of them. If none does, a column with a district-like name (``İlçe``,
    ``ilce_adi``, ``District``, ``Ad``, ``Name``, ``pcode`` …) is taken.

    Parameters
    ----------
    columns
        The header.
    rows
        The rows (or a sample), as sequences of cells in header order.
    matcher
        Resolves district names; İzmir's 30 districts by default.
    exclude
        Column names that cannot be the district column (the value column).
    source
        The file, named in the error.

    Raises
    ------
    DataError
        If no column or several disagreeing columns qualify; the message
        lists the columns and says to choose one with ``district_column``.

    Examples
    --------
    >>> detect_district_column(["Sıra", "Yer", "Değer"], [[1, "Buca", 5], [2, "URLA", 7]])
    'Yer'
    >>> detect_district_column(["İlçe adı", "Değer"], [["Bucaa", 5]])
    'İlçe adı'
    """
    header = [cell_text(c) for c in columns]
    skip = {i for i, name in enumerate(header) if name in set(exclude)}
    table = [list(r) for r in rows]
    index = detect_index(header, table, matcher or district_matcher(), skip, source)
    return header[index]


# -- small helpers -------------------------------------------------------------------------------


def both_name(first: str, second: str, column: str) -> str:
    """Two options naming one column: "--column and --district-column both name the column 'v'."."""
    return f"{option_name(first)} and {option_name(second)} both name the column {column}."


def _checked_options(
    path: object, options: object, matcher: object, fields: dict[str, Any]
) -> ReadOptions:
    """``options`` with ``fields`` applied, after refusing arguments of the wrong type."""
    check_path("path", path)
    check_type("options", options, (ReadOptions, type(None)), "a ReadOptions or None")
    check_type("matcher", matcher, (DistrictMatcher, type(None)), "a DistrictMatcher or None")
    return (options or ReadOptions()).with_fields(**fields)  # type: ignore[union-attr]


def _numeric_columns(layout: Layout, district_idx: int | None) -> list[int]:
    """Columns with at least one number and no more words than numbers.

    A *word* is a cell of letters only (``"geçici"``, ``"bilinmiyor"``), as in
    a notes column; ``"12a"`` or ``"#DIV/0!"`` are broken numbers, not words.
    """
    out = []
    seen: dict[object, tuple[str, str]] = {}  # tables repeat their texts; classify is the cost

    def kind(cell: object) -> tuple[str, str]:
        key = (type(cell), cell)
        if key not in seen:
            seen[key] = (classify(cell).kind, cell_text(cell))
        return seen[key]

    for i in range(layout.width):
        if i == district_idx:
            continue
        kinds = [kind(cells[i]) for cells in layout.rows.values()]
        numbers = sum(kind not in ("missing", "bad") for kind, _ in kinds)
        words = sum(kind == "bad" and bool(_WORD.fullmatch(text)) for kind, text in kinds)
        if numbers and numbers >= words:
            out.append(i)
    return out


def _values_frame(
    present: dict[str, int], values: dict[int, float], matcher: DistrictMatcher
) -> pd.DataFrame:
    order = sorted(present)
    frame = pd.DataFrame(
        {
            "pcode": order,
            "district": [matcher.names_by_pcode[p] for p in order],
            "value": [values[present[p]] for p in order],
            "row": [present[p] for p in order],
        }
    )
    return frame.astype({"value": "float64", "row": "int64"})


def _warn_missing(
    findings: Findings,
    pcodes: dict[int, str],
    parsed: ColumnValues,
    matcher: DistrictMatcher,
    *,
    prefix: str = "",
) -> list[str]:
    """Warn about the districts without a value; return their names (by P-code)."""
    present = {pcodes[row] for row in parsed.values if pcodes.get(row)}
    missing = matcher.missing(present)
    if not missing:
        return missing
    empty = {
        matcher.names_by_pcode[pcodes[row]]: f"row {row}: {text}"
        for row, text in parsed.empty.items()
        if pcodes.get(row)
    }
    names = [f"{name} ({empty[name]})" if name in empty else name for name in missing]
    n = len(missing)
    has = "district has" if n == 1 else "districts have"
    findings.warnings.append(
        f"{prefix}{n} {has} no value and will be shown as 'no data': {', '.join(names)}."
    )
    return missing
