"""Read and write numbers the Turkish way (``658.225``; ``%4,14``) or the English way.

Turkish writes ``.`` between thousands and ``,`` before decimals, and puts the
percent sign first. A bare ``27.225`` is therefore twenty-seven thousand in
Turkish text and twenty-seven point two in English; the caller of
:func:`parse_number` says which mark is the decimal one.

Magnitudes a reader cannot take in as digits are written in scientific form,
``1,5 × 10³⁰⁰`` (Turkish) or ``1.5 × 10³⁰⁰`` (English): from 10¹⁵ up (a
quadrillion; beyond it a float no longer holds every integer), and any
non-zero value once more than :data:`MAX_FIXED_DECIMALS` decimals are asked
for. :func:`fit_decimals` chooses how many decimals a set of values needs so
that distinct values never print alike and no non-zero value prints as zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal

__all__ = [
    "MAX_DECIMALS",
    "MAX_FIXED_DECIMALS",
    "SCIENTIFIC_FROM",
    "Lang",
    "fit_decimals",
    "format_number",
    "format_percent",
    "parse_number",
]

Lang = Literal["tr", "en"]
DecimalMark = Literal[",", "."]

_CLEAN = re.compile(r"[\s\u00a0\u202f$€₺%]|USD|TL|ABD", re.IGNORECASE)
# Whole numbers with correctly grouped thousands (or none), then optional decimals.
_TR_NUMBER = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)?(,\d+)?")
_EN_NUMBER = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?")

#: From this magnitude up, numbers are written as ``m × 10ⁿ``.
SCIENTIFIC_FROM = 1e15
#: More decimals than this write a non-zero number as ``m × 10ⁿ`` (``0,0000001`` is unreadable).
MAX_FIXED_DECIMALS = 6
#: :func:`fit_decimals` never asks for more (a float holds about 15 significant digits).
MAX_DECIMALS = 15
_SCIENTIFIC_DIGITS = 3  # significant digits of m at the indicator's own decimals
_SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


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

    Magnitudes from :data:`SCIENTIFIC_FROM` up, and non-zero values asked for
    more than :data:`MAX_FIXED_DECIMALS` decimals, are written as
    ``m × 10ⁿ`` (see :func:`_scientific`); infinities as ``∞``.

    Examples
    --------
    >>> format_number(658225), format_number(658225, "en"), format_number(31.7, decimals=1)
    ('658.225', '658,225', '31,7')
    >>> format_number(None)
    '–'
    >>> format_number(1e300), format_number(-2.5e18, "en"), format_number(3e-9, decimals=10)
    ('1 × 10³⁰⁰', '−2.5 × 10¹⁸', '3 × 10⁻⁹')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value != 0 and (abs(value) >= SCIENTIFIC_FROM or decimals > MAX_FIXED_DECIMALS):
        return _scientific(float(value), lang, decimals)
    return _localise(f"{value:,.{decimals}f}", lang)


def fit_decimals(
    distinct: Iterable[float],
    nonzero: Iterable[float] = (),
    *,
    at_least: int = 0,
) -> int:
    """The fewest decimals, from ``at_least`` up, that print ``distinct`` values distinctly.

    Parameters
    ----------
    distinct
        Values that must never print alike (e.g. the bounds of a legend's classes).
    nonzero
        Values of which none may print as zero unless it is zero (e.g. every
        value a tooltip shows).
    at_least
        The decimals the values' format asks for; never fewer are returned.

    Returns
    -------
    int
        At most :data:`MAX_DECIMALS` more than the zeros after the decimal mark
        of the smallest non-zero value (or ``at_least``, if more): values equal
        in their first 15 significant digits stay alike.

    Examples
    --------
    >>> fit_decimals([0.001, 0.002, 0.009], at_least=2)
    3
    >>> fit_decimals([10.0, 20.0], [0.00004], at_least=1)
    5
    >>> fit_decimals([27225.0, 658225.0])
    0
    """
    values = sorted({float(v) for v in distinct if math.isfinite(v)})
    small = [abs(float(v)) for v in nonzero if math.isfinite(v) and v != 0]
    if small:  # only the smallest magnitude can print as zero
        values.append(min(small))
    decimals = at_least
    most = MAX_DECIMALS + _leading_zeros(values)
    while decimals < most and not _prints_apart(values, decimals, len(small) > 0):
        decimals += 1
    return decimals


def _leading_zeros(values: list[float]) -> int:
    """Zeros after the decimal mark of the smallest non-zero magnitude (``0`` from 1 up)."""
    tiny = min((abs(v) for v in values if v != 0), default=1.0)
    return max(0, -math.floor(math.log10(tiny)))


def _prints_apart(values: list[float], decimals: int, last_nonzero: bool) -> bool:
    """Whether ``values`` print distinctly (and the last one, if flagged, not as zero)."""
    shown = [format_number(v, "en", decimals) for v in values]
    if last_nonzero and shown[-1] == format_number(0.0, "en", decimals):
        return False
    body = shown[:-1] if last_nonzero else shown
    return len(set(body)) == len(body)


def _scientific(value: float, lang: Lang, decimals: int) -> str:
    """``value`` as ``m × 10ⁿ``, ``m`` without trailing zeros.

    ``m`` keeps the digits the fixed form with ``decimals`` would show (at
    least two) for small values, and :data:`_SCIENTIFIC_DIGITS` plus
    ``decimals`` for huge ones, so that asking for more decimals always tells
    more values apart.
    """
    exponent = math.floor(math.log10(abs(value)))
    if abs(value) >= SCIENTIFIC_FROM:
        digits = _SCIENTIFIC_DIGITS + decimals
    else:
        digits = max(2, decimals + exponent + 1)
    digits = min(digits, MAX_DECIMALS)
    mantissa, _, power = f"{value:.{digits - 1}e}".partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{_localise(mantissa, lang)} × 10{str(int(power)).translate(_SUPERSCRIPT)}"


def _localise(text: str, lang: Lang) -> str:
    """A number written the English way (``1,234.5``) in ``lang``'s style, with a true minus."""
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
