"""Read and write numbers the Turkish way (``658.225``; ``%4,14``) or the English way.

Turkish writes ``.`` between thousands and ``,`` before decimals, and puts the
percent sign first. A bare ``27.225`` is therefore twenty-seven thousand in
Turkish text and twenty-seven point two in English; the caller of
:func:`parse_number` says which mark is the decimal one.
"""

from __future__ import annotations

import math
import re
from typing import Literal

__all__ = ["Lang", "format_number", "format_percent", "parse_number"]

Lang = Literal["tr", "en"]
DecimalMark = Literal[",", "."]

_CLEAN = re.compile(r"[\s\u00a0\u202f$€₺%]|USD|TL|ABD", re.IGNORECASE)
# Whole numbers with correctly grouped thousands (or none), then optional decimals.
_TR_NUMBER = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)?(,\d+)?")
_EN_NUMBER = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?")


def parse_number(text: object, *, decimal: DecimalMark = ",") -> float:
    """Parse a number written in a Turkish or an international format.

    Parameters
    ----------
    text
        The cell's text, e.g. ``"27.225"``, ``"4,14%"``, ``"%4,14"``,
        ``"673.307.314 $"`` or ``"1,234,567.89"``. Numbers pass through.
    decimal
        The decimal mark. ``","`` (default, Turkish) reads ``27.225`` as
        27225; ``"."`` reads it as 27.225. Thousands groups must be well
        formed: ``1.2.3`` is not a number. (A user's table decides the mark
        once per column: see :mod:`izmir_maps.userdata.table`.)

    Returns
    -------
    float
        The value; ``nan`` for an empty cell.

    Raises
    ------
    ValueError
        If the text is not a number written with that decimal mark, or
        ``decimal`` is neither ``","`` nor ``"."``.

    Examples
    --------
    >>> parse_number("27.225"), parse_number("4,14%"), parse_number("673.307.314 $")
    (27225.0, 4.14, 673307314.0)
    >>> parse_number("1,234,567.89", decimal=".")
    1234567.89
    """
    if decimal not in (",", "."):
        raise ValueError(f"decimal must be ',' or '.', not {decimal!r}")
    if isinstance(text, bool):
        raise ValueError(f"{text!r} is not a number")
    if isinstance(text, int | float):
        return float(text)
    raw = "" if text is None else str(text)
    s = _CLEAN.sub("", raw).replace("\u2212", "-")
    if s == "":
        if raw.strip():
            raise ValueError(f"{raw!r} is not a number")
        return math.nan
    if not any(c.isdigit() for c in s):
        raise ValueError(f"{raw!r} is not a number")
    pattern = _TR_NUMBER if decimal == "," else _EN_NUMBER
    if not pattern.fullmatch(s):
        raise ValueError(f"{raw!r} is not a number")
    if decimal == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


def format_number(value: float | None, lang: Lang = "tr", decimals: int = 0) -> str:
    """Format ``value`` with thousands separators in the language's style.

    Examples
    --------
    >>> format_number(658225), format_number(658225, "en"), format_number(31.7, decimals=1)
    ('658.225', '658,225', '31,7')
    >>> format_number(None)
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "tr":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−")


def format_percent(value: float | None, lang: Lang = "tr", decimals: int = 2) -> str:
    """Format a percentage: ``%4,14`` in Turkish, ``4.14%`` in English.

    Examples
    --------
    >>> format_percent(4.14), format_percent(4.14, "en")
    ('%4,14', '4.14%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = format_number(value, lang, decimals)
    return f"%{number}" if lang == "tr" else f"{number}%"
