"""The header and the data rows of a user's table: step two of :mod:`izmir_maps.userdata.table`.

Chooses the header row (skipping title rows above it), pads the rows to the
header's width, finds columns by name and reports rows wider than the header.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from izmir_maps.errors import DataError
from izmir_maps.option_names import the_option
from izmir_maps.text.names import match_key
from izmir_maps.userdata._read import (
    EXCEL_SUFFIXES,
    GARBLED_HINT,
    Findings,
    RawTable,
    cell_text,
    column_label,
    column_labels,
    looks_garbled,
    show,
)

__all__ = ["Layout"]

_HEADER_SEARCH = 10


@dataclass
class Layout:
    """The header (``header_row``), and the data rows below it by spreadsheet row."""

    path: Path
    where: str
    header_row: int
    header: list[str]
    rows: dict[int, list[object]]
    extra: dict[int, list[object]]

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.header)

    @classmethod
    def choose(cls, raw: RawTable, column: str | None, findings: Findings) -> Layout:
        """The first row is the header, unless title rows stand above it.

        With ``column`` given, the header is the first of the first ten rows
        that holds it; otherwise leading rows whose only filled cell is the
        first one (titles) are skipped. Skipped rows are named in a warning.
        """
        pick = _header_index(raw.records, column)
        if pick:
            above = ", ".join(_first_text(c) for _, c in raw.records[:pick])
            why = f"it holds the column {show(column)}" if column else "the rows above are titles"
            findings.warnings.append(
                f"The header is row {raw.records[pick][0]} ({why}); the rows above it were "
                f"skipped: {above}."
            )
        header_row, header_cells = raw.records[pick]
        if pick + 1 == len(raw.records):
            msg = (
                f"{raw.where}: the file has a header (row {header_row}) but no rows below it. "
                "Add one row per district."
            )
            raise DataError(msg)
        header = [cell_text(c) for c in header_cells]
        while header and not header[-1]:
            header.pop()
        width = max(len(header), 1)
        header += [""] * (width - len(header))
        rows: dict[int, list[object]] = {}
        extra: dict[int, list[object]] = {}
        for row, cells in raw.records[pick + 1 :]:
            rows[row] = (list(cells) + [None] * width)[:width]
            if any(cell_text(c) for c in cells[width:]):
                extra[row] = list(cells)
        return cls(raw.path, raw.where, header_row, header, rows, extra)

    def cells(self) -> list[list[object]]:
        """The data rows' cells."""
        return list(self.rows.values())

    def find(self, name: str, *, option: str) -> int:
        """Index of the column ``name`` (exact, else by match_key); DataError if none."""
        hits = _column_hits(self.header, name)
        if len(hits) == 1:
            return hits[0]
        labels = column_labels(self.header)
        if hits:
            same = ", ".join(column_label(self.header, i) for i in hits)
            msg = (
                f"{self.where}, row {self.header_row}: the name {show(name)} fits {len(hits)} "
                f"columns ({same}). Rename the columns so that each name is used once."
            )
            raise DataError(msg)
        close = _closest(name, self.header)
        hint = f" Did you mean {show(close)}?" if close else ""
        if sum(1 for h in self.header if h) == 1:
            hint += (
                " The first row has a single filled cell; if it is a title above the table, "
                "delete the rows above the header."
            )
        if looks_garbled(" ".join(self.header)):
            hint += GARBLED_HINT
        msg = (
            f"{self.where}, row {self.header_row}: there is no column {show(name)}. The columns "
            f"are: {labels}.{hint} Give the exact name with {the_option(option)}."
        )
        raise DataError(msg)

    def check_widths(self, findings: Findings) -> None:
        """A row with more filled cells than the header has columns is a problem."""
        for row, cells in self.extra.items():
            filled = max(i for i, c in enumerate(cells) if cell_text(c)) + 1
            findings.add(
                f"the row has {filled} cells but the header has {_plural(self.width, 'column')} "
                f"(extra: {', '.join(show(c) for c in cells[self.width :] if cell_text(c))}). "
                f"{self._extra_cells_hint()}",
                row=row,
            )

    def _extra_cells_hint(self) -> str:
        """What to do about cells beyond the header: a workbook has no separator to blame."""
        if self.path.suffix.lower() in EXCEL_SUFFIXES:
            # a blank header cell is named by its letter: "B (no header)"
            last = column_label([""] * self.width, self.width - 1).split()[0]
            return (
                f"Cells to the right of column {last} belong to no column: delete those "
                "columns in Excel and save, or name their column in the header row."
            )
        return (
            "If numbers use a decimal comma, the file must be ';'-separated or the numbers "
            'quoted ("4,14"); otherwise remove the extra cells or name their column.'
        )


def _header_index(records: list[tuple[int, list[object]]], column: str | None) -> int:
    head = records[:_HEADER_SEARCH]
    if column is not None:
        return next((k for k, (_, cells) in enumerate(head) if _has_column(cells, column)), 0)
    for k, (_, cells) in enumerate(head):
        filled = [i for i, c in enumerate(cells) if cell_text(c)]
        if filled != [0]:
            return k if len(filled) >= 2 else 0
    return 0


def _first_text(cells: list[object]) -> str:
    return show(next((cell_text(c) for c in cells if cell_text(c)), ""))


def _has_column(cells: list[object], name: str) -> bool:
    return bool(_column_hits([cell_text(c) for c in cells], name))


def _column_hits(header: list[str], name: str) -> list[int]:
    exact = [i for i, h in enumerate(header) if h == name.strip()]
    if exact:
        return exact
    key = match_key(name)
    return [i for i, h in enumerate(header) if key and match_key(h) == key]


def _closest(name: str, header: list[str]) -> str | None:
    keys = {match_key(h): h for h in header if match_key(h)}
    hits = difflib.get_close_matches(match_key(name), list(keys), n=1, cutoff=0.6)
    return keys[hits[0]] if hits else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
