"""Read and write numbers the Turkish way (``658.225``; ``%4,14``) or the English way.

Turkish writes ``.`` between thousands and ``,`` before decimals, and puts the
percent sign first. A bare ``27.225`` is therefore twenty-seven thousand in
Turkish text; :func:`parse_number` says how it decides.
"""

from __future__ import annotations

import math
import re
from typing import Literal

__all__ = ["Lang", "format_number", "format_percent", "parse_number"]

Lang = Literal["tr", "en"]
DecimalMark = Literal["auto", ",", "."]

_CLEAN = re.compile(r"[\s\u00a0\u202f$€₺%]|USD|TL|ABD", re.IGNORECASE)
_TR_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$")
_EN_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
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
        27225; ``"."`` reads it as 27.225; ``"auto"`` decides from the text:
        with both marks the last one is the decimal mark; a lone ``,`` is a
        decimal comma (``1,234`` is 1.234) unless it groups thousands more
        than once (``1,234,567``); a lone ``.`` followed by groups of exactly
        three digits is a Turkish thousands separator (``27.225`` is 27225),
        any other ``.`` is a decimal point (``1029.85``). Thousands groups
        must be well formed: ``1.2.3`` is not a number.

    Returns
    -------
    float
        The value; ``nan`` for an empty cell.

    Raises
    ------
    ValueError
        If the text is not a number in either format.

    Examples
    --------
    >>> parse_number("27.225"), parse_number("4,14%"), parse_number("673.307.314 $")
    (27225.0, 4.14, 673307314.0)
    >>> parse_number("1,234,567.89", decimal="auto")
    1234567.89
    """
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
    mark = decimal if decimal != "auto" else _guess_mark(s)
    pattern = _TR_NUMBER if mark == "," else _EN_NUMBER
    if not pattern.fullmatch(s):
        raise ValueError(f"{raw!r} is not a number")
    if mark == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


def _guess_mark(s: str) -> str:
    """Decimal mark of one cell: the last separator decides, a lone ``.ddd`` is Turkish."""
    if "," in s and "." in s:
        return "," if s.rfind(",") > s.rfind(".") else "."
    if "," in s:
        return "." if _EN_THOUSANDS.fullmatch(s) and s.count(",") > 1 else ","
    if "." in s:
        return "," if _TR_THOUSANDS.fullmatch(s) else "."
    return ","


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
