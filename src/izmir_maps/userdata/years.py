r"""Read a user's district table of several years (CSV or .xlsx), or say exactly what to fix.

Two shapes of table are read; each gives every district's value in every year.

Long (``year_column="Yıl"``)
    One row per district and year: a district column, a year column and the
    value column (``column``). A year is a whole number from 1900 to 2100,
    an Excel number (``2021``) or text (``"2021"``). A district given twice
    for the same year is an error naming both rows; a year cell that is not
    a year is an error naming the row.

Wide (``years=True``, "one column per year")
    One row per district and one column per year. A *year column* is one
    whose header holds one year (1900–2100) and no other digits: ``2021``,
    ``Nüfus 2021``, ``2021 Nüfus``, ``Nüfus (2021)``. The text beside the
    year says what the column measures. With ``column`` the year columns are
    those whose text is ``column`` (any case, with or without Turkish
    letters) or empty (bare years); without it every year column is read,
    and they must all measure the same thing, bare years counting as the
    one thing named (else an error lists them and asks for ``column``). The
    values are labelled by that text, or by the file's name when every
    header is a bare year. Two columns of the same year are an error.

Everything else is read as :func:`~izmir_maps.userdata.table.read_user_table`
reads one column: the same options (:class:`~izmir_maps.userdata.options.ReadOptions`),
limits, district names, totals rows and numbers — the decimal mark is decided
once per column of the file (the value column of a long table, each year
column of a wide one). A table of more than 30 years is refused (a map shows
at most :data:`~izmir_maps.spec.years.MAX_YEARS`). Districts without a value
in some years are "no data" in those years and named, with the years, in a
warning; a year in which no district has a value is left out with a warning.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> tmp = tempfile.TemporaryDirectory()
>>> path = Path(tmp.name) / "nufus.csv"
>>> _ = path.write_text(
...     "İlçe;Yıl;Nüfus\nAliağa;2009;63.503\nAliağa;2021;103.364\nBalçova;2021;80.513\n",
...     encoding="utf-8",
... )
>>> table = read_user_years(path, year_column="Yıl", column="Nüfus")
>>> table.years, table.label, table.decimal
((2009, 2021), 'Nüfus', ',')
>>> table.values[["district", "year", "value", "row"]].to_dict("list")
{'district': ['Aliağa', 'Aliağa', 'Balçova'], 'year': [2009, 2021, 2021], 'value': [63503.0, 103364.0, 80513.0], 'row': [2, 3, 4]}
>>> print(table.warnings[1])
1 district has no value in some years and will be shown as 'no data' in those years: 2009: Balçova.
>>> _ = path.write_text("İlçe,2009,2021\nAliağa,63503,103364\n", encoding="utf-8")
>>> read_user_years(path, years=True).columns
{2009: '2009', 2021: '2021'}
>>> tmp.cleanup()
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from izmir_maps._checks import shown
from izmir_maps.errors import DataError, OptionError
from izmir_maps.option_names import option_name, option_value, the_option
from izmir_maps.text.names import DistrictMatcher, match_key
from izmir_maps.userdata._districts import _and, detect_index, resolve_districts
from izmir_maps.userdata._layout import Layout
from izmir_maps.userdata._read import (
    Findings,
    RawTable,
    column_label,
    column_labels,
    read_raw_table,
    show,
)
from izmir_maps.userdata._values import parse_column
from izmir_maps.userdata.options import ReadOptions
from izmir_maps.userdata.table import (
    UserFileReport,
    _checked_options,
    _numeric_columns,
    both_name,
)

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "UserYears",
    "UserYearsReport",
    "read_user_years",
    "validate_user_years",
]

#: The years a year cell or a year column's header may hold.
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: The most years one table may have (a slider step and a small-multiple panel each).
MAX_YEARS = 30  # = spec.years.MAX_YEARS (a test checks): spec reads userdata, not the reverse
_DIGITS = re.compile(r"\d+")
_TRIM = " \t()[]{}-_–—:;,./"
_NOT_A_YEAR = "is not a year: write the year as a whole number from 1900 to 2100, such as 2021"


@dataclass
class UserYears:
    """A user's table of several years, checked and resolved.

    Attributes
    ----------
    path
        The file read.
    label
        What the values are: the value column (long tables), the text beside
        the years in the year columns' headers (``"Nüfus"`` of ``Nüfus
        2021``), ``column`` when given, or the file's name without its
        extension when the headers are bare years.
    column
        The value column of a long table, as named in the file; ``None`` for
        a wide table.
    year_column
        The year column of a long table; ``None`` for a wide table.
    columns
        The column read for each year (a long table: the value column for
        every year).
    district_column
        The column naming the districts.
    values
        One row per district and year with a value, sorted by P-code and
        year: ``pcode``, ``district``, ``year`` (int), ``value`` (finite
        float) and ``row`` (the spreadsheet row it came from).
    years
        The years, ascending (a year in which no district has a value is
        left out, with a warning).
    missing
        Per year, the canonical names of the districts without a value that
        year (sorted by P-code); years in which every district has one are
        left out.
    encoding, separator, sheet
        As for :class:`~izmir_maps.userdata.table.UserTable`.
    decimal
        The decimal mark the values were read with (``","`` or ``"."``), or
        ``"mixed"`` when the year columns of a wide table were read with
        different marks (a warning names them).
    warnings
        Survivable problems, each a sentence for the user.
    """

    path: Path
    label: str
    column: str | None
    year_column: str | None
    columns: dict[int, str]
    district_column: str
    values: pd.DataFrame
    years: tuple[int, ...]
    missing: dict[int, list[str]]
    encoding: str
    separator: str | None
    decimal: str
    warnings: list[str] = field(default_factory=list)
    sheet: str | None = None


@dataclass
class UserYearsReport(UserFileReport):
    """What :func:`validate_user_years` found: a :class:`UserFileReport` with the years.

    ``years`` are the years with a value (of every quantity checked) and
    ``year_column`` the column of years of a long table (``None``: wide).
    """

    years: list[int] = field(default_factory=list)
    year_column: str | None = None


@dataclass
class _Part:
    """One column of the file holding values: its label and ``(row, year, cell)`` triples.

    ``year`` is the year of a wide table's column; ``None`` for the value
    column of a long table, which holds every year.
    """

    label: str
    header: str
    cells: list[tuple[int, int, object]]
    year: int | None = None


@dataclass
class _Set:
    """The columns holding one quantity over the years (one column long, one per year wide)."""

    label: str
    parts: list[_Part]
    years: list[int]


@dataclass
class _Scan:
    """What reading the table's structure found, before the values are read."""

    raw: RawTable
    layout: Layout
    district_idx: int
    pcodes: dict[int, str]
    sets: list[_Set]
    year_column: str | None = None


def read_user_years(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    year_column: str | None = None,
    years: bool = False,
    matcher: DistrictMatcher | None = None,
    **fields: Any,
) -> UserYears:
    """Read a district table of several years (long or wide, see the module's description).

    Parameters
    ----------
    path
        The ``.csv``, ``.tsv``, ``.txt`` or ``.xlsx`` file.
    options
        How to read it (:class:`~izmir_maps.userdata.options.ReadOptions`);
        ``options.column`` is the value column of a long table (required) or
        what the year columns of a wide table measure (optional).
    year_column
        The column of years of a long table (one row per district and year).
    years
        ``True`` for a wide table: one column per year.
    matcher
        Resolves district names; by default that of ``options.province``.
    **fields
        Fields of ``ReadOptions`` (``column="Nüfus"``, ``sheet=1``),
        overriding ``options``.

    Returns
    -------
    UserYears

    Raises
    ------
    DataError
        One paragraph listing every problem in the file with its row and
        column: a district given twice for a year, a year cell that is no
        year, unknown districts, non-numbers, more than 30 years, a missing
        column (with the columns that exist) …
    OptionError
        If neither or both of ``year_column`` and ``years`` are given, or an
        option has an unusable value.
    """
    options = _checked_options(path, options, matcher, fields)
    _check_year_args(year_column, years)
    if year_column is not None and options.column is None:
        msg = (
            f"{option_name('column')} must be a column name (a non-empty string), not None: name "
            f"the column of values to read; {option_name('year_column')} names the column of years."
        )
        raise OptionError(msg)
    matcher = matcher or options.matcher()
    raw = read_raw_table(path, options)
    findings = Findings(raw.path, warnings=list(raw.warnings), sheet=raw.sheet)
    scan = _scan(raw, options, year_column, matcher, findings)
    if len(scan.sets) > 1:
        raise DataError(_several_measures(scan))
    found = _read_set(scan, scan.sets[0], options, matcher, findings)
    findings.raise_if_any()
    if found.frame.empty:
        msg = (
            f"{raw.where}: no district has a value in any year, so there is nothing to map. "
            "Check that these are the right columns."
        )
        raise DataError(msg)
    header = scan.layout.header
    return UserYears(
        path=raw.path,
        label=scan.sets[0].label,
        column=scan.sets[0].parts[0].header if year_column is not None else None,
        year_column=scan.year_column,
        columns=found.columns,
        district_column=header[scan.district_idx],
        values=found.frame,
        years=found.years,
        missing=found.missing,
        encoding=raw.encoding,
        separator=raw.separator,
        decimal=found.decimal,
        warnings=findings.warnings,
        sheet=raw.sheet,
    )


def validate_user_years(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    year_column: str | None = None,
    years: bool = False,
    matcher: DistrictMatcher | None = None,
    **fields: Any,
) -> UserYearsReport:
    """Every problem in a table of several years at once, and its warnings.

    Takes the arguments of :func:`read_user_years`. Without ``column``, a
    long table's every column of numbers (but the years) is checked, and a
    wide table's year columns of every quantity. Problems (blocking; each
    names file, row and column) include a district given twice in a year and
    a year cell that is not a year; warnings include the districts without a
    value in some years.

    Raises
    ------
    OptionError
        If an option has an unusable value (problems with the file are
        returned, never raised).
    """
    options = _checked_options(path, options, matcher, fields)
    _check_year_args(year_column, years)
    matcher = matcher or options.matcher()
    report = UserYearsReport(Path(path), [], [], [], None)
    findings = Findings(Path(path))
    try:
        raw = read_raw_table(path, options)
        findings.warnings.extend(raw.warnings)
        findings.sheet = report.sheet = raw.sheet
        scan = _scan(raw, options, year_column, matcher, findings)
    except DataError as exc:
        report.problems = [str(exc)]
        report.warnings = findings.warnings
        return report
    report.district_column = scan.layout.header[scan.district_idx]
    report.year_column = scan.year_column
    found: set[int] = set()
    for chosen in scan.sets:
        prefix = f"{show(chosen.label)}: " if len(scan.sets) > 1 else ""
        found.update(_read_set(scan, chosen, options, matcher, findings, prefix=prefix).years)
        report.columns.extend(part.header for part in chosen.parts)
    report.years = sorted(found)
    report.problems = findings.lines()
    report.warnings = findings.warnings
    return report


# -- the structure: districts, years, the columns of values --------------------------------------


def _check_year_args(year_column: object, years: object) -> None:
    if year_column is not None and (not isinstance(year_column, str) or not year_column.strip()):
        msg = (
            f"{option_name('year_column')} must be a column name (a non-empty string), "
            f"not {shown(year_column)}."
        )
        raise OptionError(msg)
    if not isinstance(years, bool):
        raise OptionError(f"{option_name('years')} must be True or False, not {shown(years)}.")
    if year_column is not None and years:
        msg = (
            f"Give {option_name('year_column')} (a table with one row per district and year) or "
            f"{option_value('years')} (one column per year), not both."
        )
        raise OptionError(msg)
    if year_column is None and not years:
        msg = (
            f"A table of several years needs {option_name('year_column')} (the column of years, "
            f"one row per district and year) or {option_value('years')} (one column per year, "
            "headed 2021 or Nüfus 2021)."
        )
        raise OptionError(msg)


def _scan(
    raw: RawTable,
    options: ReadOptions,
    year_column: str | None,
    matcher: DistrictMatcher,
    findings: Findings,
) -> _Scan:
    if year_column is not None:
        return _scan_long(raw, options, year_column, matcher, findings)
    return _scan_wide(raw, options, matcher, findings)


def _district_index(
    layout: Layout, options: ReadOptions, matcher: DistrictMatcher, taken: dict[int, str]
) -> int:
    """The district column; ``taken`` maps the columns already chosen to their option."""
    if options.district_column is not None:
        index = layout.find(options.district_column, option="district_column")
        if index in taken:
            same = column_label(layout.header, index)
            msg = both_name("district_column", taken[index], same)
            raise OptionError(msg)
        return index
    return detect_index(layout.header, layout.cells(), matcher, set(taken), layout.where)


def _scan_long(
    raw: RawTable,
    options: ReadOptions,
    year_column: str,
    matcher: DistrictMatcher,
    findings: Findings,
) -> _Scan:
    layout = Layout.choose(raw, options.column or year_column, findings)
    year_idx = layout.find(year_column, option="year_column")
    taken = {year_idx: "year_column"}
    if options.column is not None:
        value_idx = layout.find(options.column, option="column")
        if value_idx == year_idx:
            same = column_label(layout.header, value_idx)
            raise OptionError(both_name("column", "year_column", same))
        taken[value_idx] = "column"
    district_idx = _district_index(layout, options, matcher, taken)
    if options.column is not None:
        value_idxs = [i for i, name in taken.items() if name == "column"]
    else:
        value_idxs = [i for i in _numeric_columns(layout, district_idx) if i != year_idx]
        if not value_idxs:
            msg = (
                f"{raw.where}: no column but the years holds numbers; the columns are "
                f"{column_labels(layout.header)}."
            )
            raise DataError(msg)
    layout.check_widths(findings)
    pcodes = _resolve_repeating(layout, district_idx, value_idxs, matcher, findings)
    year_label = column_label(layout.header, year_idx)
    year_of = _read_year_cells(layout, pcodes, year_idx, year_label, findings)
    _repeated_years(layout, pcodes, year_of, value_idxs, matcher, findings)
    all_years = sorted(set(year_of.values()))
    sets = []
    for idx in value_idxs:
        cells = [(row, year_of[row], layout.rows[row][idx]) for row in pcodes if row in year_of]
        part = _Part(column_label(layout.header, idx), layout.header[idx], cells)
        sets.append(_Set(layout.header[idx] or part.label, [part], all_years))
    return _Scan(raw, layout, district_idx, pcodes, sets, layout.header[year_idx])


def _resolve_repeating(
    layout: Layout,
    district_idx: int,
    value_idxs: list[int],
    matcher: DistrictMatcher,
    findings: Findings,
) -> dict[int, str]:
    """:func:`resolve_districts` for a long table, whose districts repeat (once per year).

    Its "rows 2 and 5 both name Aliağa" problems are dropped: a district
    given twice *in the same year* is found by :func:`_repeated_years`.
    """
    scratch = Findings(findings.path, sheet=findings.sheet)
    pcodes = resolve_districts(layout, district_idx, value_idxs, matcher, scratch)
    repeated = {
        rows[0]
        for rows in _rows_by_key({row: p for row, p in pcodes.items() if p}).values()
        if len(rows) > 1
    }
    label = column_label(layout.header, district_idx)
    for item in scratch.problems:
        repeat = item.row in repeated and item.column == label and item.message.startswith("rows ")
        if not repeat:
            findings.problems.append(item)
    findings.warnings.extend(scratch.warnings)
    findings.districts.update(scratch.districts)
    findings.district_column = scratch.district_column
    return pcodes


def _rows_by_key(keys: dict[int, Any]) -> dict[Any, list[int]]:
    out: dict[Any, list[int]] = {}
    for row, key in keys.items():
        out.setdefault(key, []).append(row)
    return out


def _read_year_cells(
    layout: Layout, pcodes: dict[int, str], year_idx: int, label: str, findings: Findings
) -> dict[int, int]:
    """The year of each district row; a cell that is not a year is a problem naming the row."""
    out = {}
    for row in pcodes:
        cell = layout.rows[row][year_idx]
        year, reason = _year_of(cell)
        if year is None:
            findings.add(reason, row=row, column=label)
        else:
            out[row] = year
    return out


def _year_of(cell: object) -> tuple[int | None, str]:
    """The year a cell holds, or ``None`` and a sentence saying why it is none.

    Examples
    --------
    >>> _year_of("2021"), _year_of(2009.0), _year_of(" 2021 ")[0]
    ((2021, ''), (2009, ''), 2021)
    >>> _year_of("21")[1]
    "'21' is not a year: write the year as a whole number from 1900 to 2100, such as 2021."
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None, "the year cell is empty. Write the year (such as 2021), or delete the row."
    if isinstance(cell, dt.datetime | dt.date):
        return None, f"{show(cell)} is a date; write the year alone, as a number such as 2021."
    number: float | None = None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        number = float(cell)
    elif isinstance(cell, str) and _DIGITS.fullmatch(cell.strip()):
        number = float(cell.strip())
    if number is not None and number.is_integer() and FIRST_YEAR <= number <= LAST_YEAR:
        return int(number), ""
    return None, f"{show(cell)} {_NOT_A_YEAR}."


def _repeated_years(
    layout: Layout,
    pcodes: dict[int, str],
    year_of: dict[int, int],
    value_idxs: list[int],
    matcher: DistrictMatcher,
    findings: Findings,
) -> None:
    """A district given twice for one year is a problem naming every row that gives it."""
    keys = {row: (pcode, year_of[row]) for row, pcode in pcodes.items() if pcode and row in year_of}
    label = findings.district_column
    for (pcode, year), rows in _rows_by_key(keys).items():
        if len(rows) < 2:
            continue
        shown = ", ".join(show(layout.rows[r][value_idxs[0]]) for r in rows) if value_idxs else ""
        values = f" ({shown})" if len(value_idxs) == 1 else ""
        findings.add(
            f"rows {_and(rows)} {'both' if len(rows) == 2 else 'all'} give "
            f"{matcher.names_by_pcode[pcode]} in {year}{values}. Keep one row per district "
            "and year.",
            row=rows[0],
            column=label,
        )


def _header_year(header: str) -> tuple[int, str] | None:
    """The year a column's header names and the text beside it, or ``None``.

    Examples
    --------
    >>> _header_year("Nüfus (2021)"), _header_year("2009"), _header_year("2009-2021")
    ((2021, 'Nüfus'), (2009, ''), None)
    """
    runs = _DIGITS.findall(header)
    if len(runs) != 1 or len(runs[0]) != 4 or not FIRST_YEAR <= int(runs[0]) <= LAST_YEAR:
        return None
    before, _, after = header.partition(runs[0])
    measure = " ".join(f"{before.strip(_TRIM)} {after.strip(_TRIM)}".split())
    return int(runs[0]), measure


def _scan_wide(
    raw: RawTable, options: ReadOptions, matcher: DistrictMatcher, findings: Findings
) -> _Scan:
    layout = Layout.choose(raw, None, findings)
    named = {i: _header_year(h) for i, h in enumerate(layout.header)}
    year_idxs = {i: found for i, found in named.items() if found is not None}
    if options.district_column is not None:
        year_idxs.pop(layout.find(options.district_column, option="district_column"), None)
    district_idx = _district_index(layout, options, matcher, dict.fromkeys(year_idxs, "years"))
    if options.column is not None:
        key = match_key(options.column)
        year_idxs = {i: f for i, f in year_idxs.items() if f[1] == "" or match_key(f[1]) == key}
    if not year_idxs:
        raise DataError(_no_year_columns(layout, options.column))
    keys = {i: match_key(f[1]) for i, f in year_idxs.items()}
    named_keys = set(keys.values()) - {""}
    if len(named_keys) == 1:  # bare years ("2021") beside "Nüfus 2009" are Nüfus too
        keys = dict.fromkeys(keys, named_keys.pop())
    groups = _rows_by_key(keys)
    layout.check_widths(findings)
    value_idxs = sorted(year_idxs)
    pcodes = resolve_districts(layout, district_idx, value_idxs, matcher, findings)
    sets = []
    for idxs in groups.values():
        measure = next((year_idxs[i][1] for i in idxs if year_idxs[i][1]), "")
        label = measure or options.column or raw.path.stem
        sets.append(_wide_set(layout, pcodes, idxs, year_idxs, label, findings))
    return _Scan(raw, layout, district_idx, pcodes, sets)


def _wide_set(
    layout: Layout,
    pcodes: dict[int, str],
    idxs: list[int],
    year_idxs: dict[int, tuple[int, str]],
    label: str,
    findings: Findings,
) -> _Set:
    """The year columns of one quantity; two columns of one year are a problem."""
    by_year = _rows_by_key({i: year_idxs[i][0] for i in idxs})
    parts = []
    for year, same in sorted(by_year.items()):
        if len(same) > 1:
            names = " and ".join(column_label(layout.header, i) for i in same)
            findings.add(
                f"the columns {names} are both for {year}. Keep one column per year.",
                row=layout.header_row,
            )
        idx = same[0]
        cells = [(row, year, layout.rows[row][idx]) for row in pcodes]
        parts.append(_Part(column_label(layout.header, idx), layout.header[idx], cells, year))
    return _Set(label, parts, sorted(by_year))


def _no_year_columns(layout: Layout, column: str | None) -> str:
    which = f"one year and {show(column)}" if column is not None else "one year (1900–2100)"
    example = f"'{column} 2021'" if column is not None else "'2021' or 'Nüfus 2021'"
    return (
        f"{layout.where}, row {layout.header_row}: no column's header holds {which}, so the "
        f"table has no column per year. The columns are: {column_labels(layout.header)}. Head "
        f"each year's column with its year ({example}), or, for a table with one row per "
        f"district and year, name the column of years with {the_option('year_column')}."
    )


def _several_measures(scan: _Scan) -> str:
    groups = "; ".join(
        f"{show(s.label)}: " + ", ".join(part.label for part in s.parts) for s in scan.sets
    )
    return (
        f"{scan.raw.where}: the columns headed with a year hold different things ({groups}). "
        f"Choose one with {the_option('column')} (for example "
        f"{option_value('column', scan.sets[0].label)})."
    )


# -- the values ----------------------------------------------------------------------------------


@dataclass
class _Found:
    frame: pd.DataFrame
    years: tuple[int, ...]
    columns: dict[int, str]
    missing: dict[int, list[str]]
    decimal: str


def _read_set(
    scan: _Scan,
    chosen: _Set,
    options: ReadOptions,
    matcher: DistrictMatcher,
    findings: Findings,
    *,
    prefix: str = "",
) -> _Found:
    """Read the values of ``chosen``; problems and warnings go to ``findings``."""
    found: dict[tuple[str, int], tuple[float, int]] = {}
    marks = {}
    for part in chosen.parts:
        parsed = parse_column(
            [(row, cell) for row, _, cell in part.cells],
            label=part.label,
            decimal=options.decimal,
            separator=scan.raw.separator,
            allow_negative=options.allow_negative,
            findings=findings,
        )
        marks[part.label] = parsed.decimal
        for row, year, _ in part.cells:
            pcode = scan.pcodes.get(row)
            if pcode and row in parsed.values:
                found[(pcode, year)] = (parsed.values[row], row)
    years = _years_with_values(chosen, found, findings, prefix)
    if len(years) > MAX_YEARS:
        findings.add(
            f"{prefix}the table has {len(years)} years ({years[0]} … {years[-1]}); a map shows at "
            f"most {MAX_YEARS}. Keep at most {MAX_YEARS} years in the table (for example every "
            "other year)."
        )
    missing = _warn_missing_years(years, found, matcher, findings, prefix)
    columns = _year_columns(chosen, years)
    return _Found(
        _frame(found, years, matcher), tuple(years), columns, missing, _mark(marks, findings)
    )


def _years_with_values(
    chosen: _Set, found: dict[tuple[str, int], tuple[float, int]], findings: Findings, prefix: str
) -> list[int]:
    """The years in which some district has a value; the others are named in a warning."""
    present = {year for _, year in found}
    empty = [year for year in chosen.years if year not in present]
    if empty and present:
        years = ", ".join(map(str, empty))
        findings.warnings.append(
            f"{prefix}No district has a value in {years}, so "
            f"{'that year is' if len(empty) == 1 else 'those years are'} left out of the map."
        )
    return sorted(present)


def _warn_missing_years(
    years: list[int],
    found: dict[tuple[str, int], tuple[float, int]],
    matcher: DistrictMatcher,
    findings: Findings,
    prefix: str,
) -> dict[int, list[str]]:
    """Districts without a value per year; warn about those never given and those sometimes."""
    missing = {}
    for year in years:
        absent = matcher.missing(p for p, y in found if y == year)
        if absent:
            missing[year] = absent
    never = matcher.missing(p for p, _ in found)
    if never:
        has = "district has" if len(never) == 1 else "districts have"
        findings.warnings.append(
            f"{prefix}{len(never)} {has} no value in any year and will be shown as 'no data': "
            f"{', '.join(never)}."
        )
    sometimes = {
        year: [name for name in names if name not in never] for year, names in missing.items()
    }
    sometimes = {year: names for year, names in sometimes.items() if names}
    if sometimes:
        count = len({name for names in sometimes.values() for name in names})
        has = "district has" if count == 1 else "districts have"
        listed = "; ".join(f"{year}: {', '.join(names)}" for year, names in sometimes.items())
        findings.warnings.append(
            f"{prefix}{count} {has} no value in some years and will be shown as 'no data' in "
            f"those years: {listed}."
        )
    return missing


def _year_columns(chosen: _Set, years: list[int]) -> dict[int, str]:
    """The column read for each year: a wide table's year column, a long table's value column."""
    by_year = {part.year: part.header for part in chosen.parts}
    return {year: by_year.get(year, by_year.get(None, "")) for year in years}


def _mark(marks: dict[str, str], findings: Findings) -> str:
    """The decimal mark of every column, or ``"mixed"`` (with a warning) if they differ."""
    used = set(marks.values())
    if len(used) <= 1:
        return used.pop() if used else ","
    listed = ", ".join(f"{label} ({mark!r})" for label, mark in marks.items())
    findings.warnings.append(
        f"The year columns were read with different decimal marks: {listed}. If they are "
        f"written the same way, choose the mark with {the_option('decimal')}."
    )
    return "mixed"


def _frame(
    found: dict[tuple[str, int], tuple[float, int]], years: list[int], matcher: DistrictMatcher
) -> pd.DataFrame:
    keys = sorted(key for key in found if key[1] in set(years))
    frame = pd.DataFrame(
        {
            "pcode": [p for p, _ in keys],
            "district": [matcher.names_by_pcode[p] for p, _ in keys],
            "year": [y for _, y in keys],
            "value": [found[k][0] for k in keys],
            "row": [found[k][1] for k in keys],
        }
    )
    return frame.astype({"year": "int64", "value": "float64", "row": "int64"})
