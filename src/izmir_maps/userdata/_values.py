"""Read one column of a user's table as numbers: step four of :mod:`izmir_maps.userdata.table`.

Every cell is first *classified* by its shape alone (plain integer, Turkish,
international, or ambiguous like ``27.225``); the decimal mark is then decided
once for the whole column (see the rule in :mod:`izmir_maps.userdata.table`), and
only then are the cells converted with :func:`izmir_maps.text.numbers.parse_number`,
which sees only text whose meaning is already settled.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Literal

from izmir_maps.option_names import option_value, the_option
from izmir_maps.text.names import turkish_lower
from izmir_maps.text.numbers import parse_number
from izmir_maps.userdata._read import Findings, UnsavedFormula, show

__all__ = ["MISSING_TOKENS", "ColumnValues", "Kind", "Token", "classify", "parse_column"]

Kind = Literal["int", "tr", "en", "amb_dot", "amb_comma", "number", "missing", "bad"]

#: Cell texts read as "no value" (compared after Turkish lower-casing and stripping).
MISSING_TOKENS = frozenset(
    {"", "-", "–", "—", "−", "..", "...", "…", "yok", "veri yok", "n/a", "na", "nan", "null"}
)
_UNIT_BEFORE = re.compile(r"^(%|₺|\$|€)\s*")
_UNIT_AFTER = re.compile(r"\s*(%|₺|\$|€|TL|TRY|USD|EUR)$", re.IGNORECASE)
_SPACED = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_INT = re.compile(r"\d+")
_SIMPLE = re.compile(r"(\d+)([.,])(\d+)")
_TR = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_EN = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
#: Excel's error values, English and Turkish (#DIV/0!, #N/A, #YOK, #DEĞER! …).
_EXCEL_ERROR = re.compile(r"#(?:N/A|YOK|[^\s#]{1,12}[!?])")
_SWAP = str.maketrans({".": ",", ",": "."})
_EXAMPLES = 3


@dataclass(frozen=True)
class Token:
    """What a cell holds, judged by its shape.

    ``core`` is the number text without sign, units or spaces; ``number`` is
    set for cells that already are numbers (Excel); ``reason`` says why a
    ``"bad"`` cell is not a number.
    """

    kind: Kind
    core: str = ""
    sign: str = ""
    number: float | None = None
    reason: str = ""


@dataclass
class ColumnValues:
    """The numbers of one column: by row, the rows with no value, the mark used."""

    values: dict[int, float] = field(default_factory=dict)
    empty: dict[int, str] = field(default_factory=dict)
    decimal: str = ","


def classify(cell: object) -> Token:
    """Classify a cell by its shape alone.

    Examples
    --------
    >>> [classify(t).kind for t in ("39.234", "4,14", "1.234.567", "1,234,567.89", "0.5")]
    ['amb_dot', 'tr', 'tr', 'en', 'en']
    >>> [classify(t).kind for t in ("%4,14", "-", "yok", "12a", 7.5)]
    ['tr', 'missing', 'missing', 'bad', 'number']
    """
    if isinstance(cell, UnsavedFormula):
        return Token(
            "bad",
            reason=(
                "is an Excel formula whose result is not saved in the file; open the file in "
                "Excel and save it, or replace the formula by its value"
            ),
        )
    if isinstance(cell, bool):
        return Token("bad", reason="is a true/false value, not a number")
    if isinstance(cell, int | float):
        if math.isfinite(cell):
            return Token("number", number=float(cell))
        return Token("bad", reason="is not a finite number")
    if isinstance(cell, dt.datetime | dt.date | dt.time | dt.timedelta):
        return Token("bad", reason="is a date or time, not a number")
    text = "" if cell is None else str(cell).strip()
    if turkish_lower(text) in MISSING_TOKENS:
        return Token("missing")
    if _EXCEL_ERROR.fullmatch(text):
        return Token(
            "bad", reason="is an Excel error value; fix the formula or leave the cell empty"
        )
    sign, core = _strip_units(text)
    return _shape(core, sign)


def parse_column(
    cells: list[tuple[int, object]],
    *,
    label: str,
    decimal: str,
    separator: str | None,
    allow_negative: bool,
    findings: Findings,
) -> ColumnValues:
    """Convert one column's cells (``(row, cell)`` pairs) to finite floats.

    Problems (non-numbers, negative values, mixed formats) go to ``findings``;
    so does a warning when ambiguous values were read the Turkish way.
    """
    tokens = [(row, cell, classify(cell)) for row, cell in cells]
    out = ColumnValues()
    mark = decimal if decimal != "auto" else _decide(tokens, label, separator, findings)
    if mark is None:
        return out
    out.decimal = mark
    for row, cell, token in tokens:
        if token.kind == "missing":
            out.empty[row] = cell_shown(cell)
            continue
        value, reason = _value(token, mark, decimal)
        if value is None:
            findings.add(f"{show(cell)} {reason}.", row=row, column=label)
        elif not math.isfinite(value):
            findings.add(f"{show(cell)} is too large to be a value.", row=row, column=label)
        elif value < 0 and not allow_negative:
            findings.add(
                f"{show(cell)} is negative, and values here cannot be. Correct it, or allow "
                f"negative values with {the_option('allow_negative')}.",
                row=row,
                column=label,
            )
        else:
            out.values[row] = value
    return out


def cell_shown(cell: object) -> str:
    """``"empty"`` for a blank cell, else the cell's text quoted."""
    return "empty" if cell is None or not str(cell).strip() else show(cell)


# -- private helpers -----------------------------------------------------------------------------


def _strip_units(text: str) -> tuple[str, str]:
    s = text.replace("\u2212", "-")
    sign = ""
    if s[:1] in ("+", "-"):
        sign, s = s[0], s[1:].lstrip()
    before = _UNIT_BEFORE.match(s)
    if before:
        s = s[before.end() :]
        if not sign and s[:1] in ("+", "-"):
            sign, s = s[0], s[1:].lstrip()
    else:
        after = _UNIT_AFTER.search(s)
        if after:
            s = s[: after.start()]
    return sign, s


def _shape(core: str, sign: str) -> Token:
    if _SPACED.fullmatch(core):
        core = re.sub(r"[ \u00a0\u202f]", "", core)
    if _INT.fullmatch(core):
        return Token("int", core, sign)
    simple = _SIMPLE.fullmatch(core)
    if simple:
        whole, mark, frac = simple.groups()
        ambiguous = len(frac) == 3 and len(whole) <= 3 and not whole.startswith("0")
        if ambiguous:
            return Token("amb_dot" if mark == "." else "amb_comma", core, sign)
        return Token("en" if mark == "." else "tr", core, sign)
    if _TR.fullmatch(core):
        return Token("tr", core, sign)
    if _EN.fullmatch(core):
        return Token("en", core, sign)
    return Token(
        "bad",
        reason=(
            "is not a number. Write it like 1.234,5 or 1234,5 (Turkish) or 1,234.5 "
            "(international), optionally with % or a currency sign; leave the cell empty or "
            "write '-' if there is no value"
        ),
    )


def _decide(
    tokens: list[tuple[int, object, Token]],
    label: str,
    separator: str | None,
    findings: Findings,
) -> str | None:
    turkish = [(row, cell) for row, cell, t in tokens if t.kind == "tr"]
    english = [(row, cell) for row, cell, t in tokens if t.kind == "en"]
    if turkish and english:
        findings.add(
            "the column mixes Turkish numbers (decimal comma: "
            + _examples(turkish, findings)
            + ") and international numbers (decimal point: "
            + _examples(english, findings)
            + "). Write every number the same way, or choose the format with "
            + the_option("decimal")
            + " (',' Turkish, '.' international).",
            column=label,
        )
        return None
    if english:
        return "."
    if turkish or separator == ";":
        return ","
    ambiguous = [(row, cell, t) for row, cell, t in tokens if t.kind in ("amb_dot", "amb_comma")]
    if ambiguous:
        row, cell, token = ambiguous[0]
        value = parse_number(token.core, decimal=",")
        findings.warnings.append(
            f"Column {label}: numbers such as {show(cell)} in {findings.row_text(row)} were "
            f"read the Turkish way, as {value:g} ('.' separates thousands, ',' marks decimals), "
            "because nothing "
            "in the column shows which mark is the decimal one. If '.' is the decimal mark, "
            f"choose {option_value('decimal', '.')}."
        )
    return ","


def _value(token: Token, mark: str, decimal: str) -> tuple[float | None, str]:
    if token.kind == "bad":
        return None, token.reason
    if token.kind == "number":
        return token.number, ""
    foreign = {",": "en", ".": "tr"}[mark]
    if token.kind == foreign:
        chosen = "chosen" if decimal != "auto" else "used in the rest of the column"
        style = "Turkish (decimal ',')" if mark == "," else "international (decimal '.')"
        return None, (
            f"is not a number in the {style} format {chosen}; write it as "
            f"{token.core.translate(_SWAP)!r}, or choose the other format with {the_option('decimal')}"
        )
    return parse_number(token.sign + token.core, decimal="," if mark == "," else "."), ""


def _examples(hits: list[tuple[int, object]], findings: Findings) -> str:
    shown = [f"{show(cell)} in {findings.row_text(row)}" for row, cell in hits[:_EXAMPLES]]
    more = f" and {len(hits) - _EXAMPLES} more" if len(hits) > _EXAMPLES else ""
    return ", ".join(shown) + more
