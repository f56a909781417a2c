"""Check data tables as they are read, and report every problem at once.

A problem names the file, the row (as a spreadsheet shows it: the header is
row 1) and the column, and says what to do.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from izmir_maps.errors import DataError, UnknownDistrictError
from izmir_maps.text.names import DistrictMatcher
from izmir_maps.text.numbers import parse_number

__all__ = [
    "Column",
    "Problems",
    "check_choices",
    "check_coordinate_pairs",
    "check_language_pairs",
    "read_checked_csv",
]

Kind = Literal["int", "float", "str", "district"]


@dataclass(frozen=True)
class Column:
    """What one column of a table must hold.

    Parameters
    ----------
    name
        Column name in the file.
    kind
        ``"int"``, ``"float"``, ``"str"`` or ``"district"`` (a district name
        or P-code, resolved to a P-code in a new ``pcode`` column).
    required
        Whether an empty cell is an error.
    minimum, maximum
        Inclusive bounds for numbers.
    """

    name: str
    kind: Kind = "str"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None


@dataclass
class Problems:
    """Collects problems of one file and raises them together."""

    path: Path
    items: list[str] = field(default_factory=list)

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        """Record one problem at ``row`` (spreadsheet numbering) and ``column``."""
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = (", ".join(where) + ": ") if where else ""
        self.items.append(prefix + message)

    def raise_if_any(self) -> None:
        """Raise one :class:`DataError` listing every recorded problem."""
        if not self.items:
            return
        shown = self.items[:20]
        more = f" …and {len(self.items) - 20} more." if len(self.items) > 20 else ""
        msg = (
            f"{self.path}: {len(self.items)} problem(s) found. "
            + " ".join(f"({i}) {_sentence(p)}" for i, p in enumerate(shown, 1))
            + more
            + " Fix the file and run again."
        )
        raise DataError(msg)


def read_checked_csv(
    path: Path,
    columns: Sequence[Column],
    *,
    matcher: DistrictMatcher | None = None,
    expect_all_districts: bool = False,
    unique: Iterable[str] = (),
) -> pd.DataFrame:
    """Read a UTF-8 CSV, check it against ``columns`` and convert the types.

    Parameters
    ----------
    path
        The CSV file.
    columns
        The columns the file must have; other columns are kept as text.
    matcher
        Resolves ``"district"`` columns; required if any column has that kind.
    expect_all_districts
        Require every district of ``matcher`` to appear at least once.
    unique
        Column names whose combination must not repeat.

    Returns
    -------
    pandas.DataFrame
        The table with numbers as numbers (``NaN`` where empty and allowed)
        and, for a ``"district"`` column, the canonical name in that column
        and the P-code in ``pcode``.

    Raises
    ------
    DataError
        Listing every problem found, with row and column.
    """
    problems = Problems(path)
    if not path.is_file():
        msg = f"{path}: the file does not exist. Check the path or reinstall izmir-maps."
        raise DataError(msg)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        msg = f"{path}: the file cannot be read as a UTF-8 CSV table ({exc}). Save it as UTF-8 CSV."
        raise DataError(msg) from None
    missing = [c.name for c in columns if c.name not in raw.columns]
    if missing:
        msg = (
            f"{path}: column(s) {missing} are missing. The file has {list(raw.columns)}; "
            "add the missing columns."
        )
        raise DataError(msg)
    out = raw.copy()
    for col in columns:
        out[col.name] = _convert(raw[col.name], col, problems, matcher, out)
    _check_unique(out, list(unique), problems)
    if expect_all_districts and matcher is not None and "pcode" in out:
        absent = matcher.missing(out["pcode"].dropna())
        if absent:
            problems.add(f"district(s) {absent} are missing; add a row for each")
    problems.raise_if_any()
    return out


def _convert(
    values: pd.Series,
    col: Column,
    problems: Problems,
    matcher: DistrictMatcher | None,
    out: pd.DataFrame,
) -> pd.Series:
    converted: list[object] = []
    pcodes: list[str | None] = []
    for i, text in enumerate(values):
        row = i + 2
        text = text.strip()
        if text == "":
            if col.required:
                problems.add("the cell is empty; fill it in", row=row, column=col.name)
            converted.append(math.nan if col.kind in ("int", "float") else "")
            pcodes.append(None)
            continue
        if col.kind == "district":
            assert matcher is not None, "a district column needs a matcher"
            try:
                pcode = matcher.pcode(text)
            except UnknownDistrictError:
                close = matcher.closest(text)
                hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
                problems.add(
                    f"{text!r} is not a district of İzmir.{hint}", row=row, column=col.name
                )
                converted.append(text)
                pcodes.append(None)
                continue
            converted.append(matcher.names_by_pcode[pcode])
            pcodes.append(pcode)
            continue
        if col.kind == "str":
            converted.append(text)
            continue
        converted.append(_number(text, col, problems, row))
    if col.kind == "district":
        out["pcode"] = pcodes
    series = pd.Series(converted, index=values.index, name=col.name)
    if col.kind == "int":
        numbers = series.astype("float64")
        if not numbers.dropna().map(float.is_integer).all():
            return numbers  # the fractions are reported as problems already
        return numbers.astype("Int64") if numbers.isna().any() else numbers.astype("int64")
    if col.kind == "float":
        return series.astype("float64")
    return series.astype(object)


def _number(text: str, col: Column, problems: Problems, row: int) -> float:
    """``text`` as a number, with every way it breaks the column's rules added to ``problems``."""
    try:
        number = parse_number(text, decimal=".")
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        problems.add(f"{text!r} is not a number", row=row, column=col.name)
        return math.nan
    if col.kind == "int" and not float(number).is_integer():
        problems.add(f"{text!r} must be a whole number", row=row, column=col.name)
    if col.minimum is not None and number < col.minimum:
        problems.add(f"{text} is below the minimum {col.minimum:g}", row=row, column=col.name)
    if col.maximum is not None and number > col.maximum:
        problems.add(f"{text} is above the maximum {col.maximum:g}", row=row, column=col.name)
    return number


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _check_unique(df: pd.DataFrame, keys: list[str], problems: Problems) -> None:
    if not keys:
        return
    known = df[keys].notna().all(axis=1)  # unresolved names are reported already
    dup = df[known].duplicated(keys, keep="first")
    for i in dup.index[dup]:
        values = ", ".join(f"{k}={df.at[i, k]!r}" for k in keys)
        problems.add(f"duplicate row for {values}; keep one", row=int(i) + 2)


def check_language_pairs(
    df: pd.DataFrame, path: Path, names: Iterable[str], *, required: Iterable[str] = ()
) -> None:
    """Each text ``<name>_tr`` has its ``<name>_en`` in the same row, and the other way round.

    A page shows the form of its language only, so a text given in one language
    and not the other would leave a Turkish or an English page without it.

    Raises
    ------
    DataError
        Naming the row and the empty column, for every such row at once.
    """
    problems = Problems(path)
    must = set(required)
    for name in names:
        forms = {
            lang: df[f"{name}_{lang}"].fillna("").astype(str).str.strip() for lang in ("tr", "en")
        }
        for i in df.index:
            tr, en = forms["tr"][i], forms["en"][i]
            if not (tr or en or name in must):
                continue  # neither language has it: nothing to show
            for lang, value, other in (("tr", tr, en), ("en", en, tr)):
                if not value:
                    language = "Turkish" if lang == "tr" else "English"
                    of = f" of {other!r}" if other else ""
                    problems.add(
                        f"empty, but a page in that language needs it; write the {language} form{of}",
                        row=int(i) + 2,
                        column=f"{name}_{lang}",
                    )
    problems.raise_if_any()


def check_coordinate_pairs(df: pd.DataFrame, path: Path) -> None:
    """Each row gives both ``latitude`` and ``longitude``, or neither.

    A point with one half was placed "approximately" inside its district as if no
    coordinate had been found, so the half that was there went unnoticed.

    Raises
    ------
    DataError
        Naming the row and the empty column, for every such row at once.
    """
    problems = Problems(path)
    given = {axis: df[axis].notna() for axis in ("latitude", "longitude")}
    for i in df.index[given["latitude"] != given["longitude"]]:
        empty, other = (
            ("longitude", "latitude") if given["latitude"][i] else ("latitude", "longitude")
        )
        problems.add(
            f"empty, but the {other} is given; give both (decimal degrees, WGS 84) or neither "
            "(the point is then drawn inside its district and marked approximate)",
            row=int(i) + 2,
            column=empty,
        )
    problems.raise_if_any()


def check_choices(df: pd.DataFrame, path: Path, column: str, allowed: Iterable[str]) -> None:
    """Every non-empty cell of ``column`` is one of ``allowed`` (codes a page translates)."""
    problems = Problems(path)
    choices = sorted(allowed)
    values = df[column].fillna("").astype(str).str.strip()
    for i in df.index[(values != "") & ~values.isin(choices)]:
        problems.add(
            f"unknown value {values[i]!r}; use one of {choices} (pages translate these "
            "codes) and keep details in 'notes'",
            row=int(i) + 2,
            column=column,
        )
    problems.raise_if_any()
