"""Argument checks at the boundary of the public API, with messages like the command line's.

Each check names the argument, shows the value (shortened) and says what is
allowed; a bad value raises :class:`~izmir_maps.errors.OptionError` (a table
without the columns it needs, :class:`~izmir_maps.errors.DataError`). The
public functions call them first, so that a wrong type never surfaces as a
raw ``TypeError``, ``AttributeError`` or ``KeyError`` from deep inside.

Examples
--------
>>> check_lang("de")
Traceback (most recent call last):
izmir_maps.errors.OptionError: lang must be 'tr' or 'en', not 'de'.
>>> check_int("k", "5", 2, 9)
Traceback (most recent call last):
izmir_maps.errors.OptionError: k must be a whole number from 2 to 9, not '5'.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Sequence

import numpy as np
import pandas as pd

from izmir_maps.errors import DataError, OptionError

__all__ = [
    "check_bool",
    "check_breaks",
    "check_choice",
    "check_int",
    "check_lang",
    "check_path",
    "check_text",
    "check_type",
    "require_columns",
    "shown",
]

_SHOWN_MAX = 80


def shown(value: object) -> str:
    """``repr(value)``, or its type's name when that is long or spans lines (a table).

    Examples
    --------
    >>> import pandas as pd
    >>> shown("de"), shown(pd.DataFrame({"a": range(50)}))
    ("'de'", 'a DataFrame')
    """
    text = repr(value)
    if len(text) > _SHOWN_MAX or "\n" in text:
        return f"a {type(value).__name__}"
    return text


def _alternatives(allowed: Sequence[object]) -> str:
    words = [repr(a) for a in allowed]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Refuse ``value`` unless it is one of ``allowed`` (and of the same type: ``1`` is not ``True``).

    Examples
    --------
    >>> check_choice("per", "capita", ("capita", "km2", None))
    >>> check_choice("per", 5, ("capita", "km2", None))
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: per must be 'capita', 'km2' or None, not 5.
    """
    # compare by type first: a DataFrame or an array must not be asked `==`
    if any(type(value) is type(a) and value == a for a in allowed):
        return
    raise OptionError(f"{name} must be {_alternatives(allowed)}, not {shown(value)}.")


def check_lang(lang: object) -> None:
    """Refuse a language other than ``"tr"`` or ``"en"``."""
    check_choice("lang", lang, ("tr", "en"))


def check_type(name: str, value: object, types: type | tuple[type, ...], what: str) -> None:
    """Refuse ``value`` unless it is an instance of ``types``; ``what`` says it in words.

    Examples
    --------
    >>> check_type("title", 5, (str, type(None)), "a text or None")
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: title must be a text or None, not 5.
    """
    if not isinstance(value, types):
        raise OptionError(f"{name} must be {what}, not {shown(value)}.")


def check_text(name: str, value: object) -> None:
    """Refuse anything but a string or ``None`` (titles)."""
    check_type(name, value, (str, type(None)), "a text (str) or None")


def check_bool(name: str, value: object) -> None:
    """Refuse anything but ``True`` or ``False`` (``"no"`` would count as true)."""
    if not isinstance(value, bool | np.bool_):
        raise OptionError(f"{name} must be True or False, not {shown(value)}.")


def check_int(name: str, value: object, lo: int, hi: int | None = None) -> None:
    """Refuse anything but a whole number from ``lo`` to ``hi`` (no upper bound when ``None``).

    Examples
    --------
    >>> check_int("workers", 0, 1)
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: workers must be a whole number of at least 1, not 0.
    """
    whole = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
    if whole and lo <= value and (hi is None or value <= hi):  # type: ignore[operator]
        return
    bounds = f"of at least {lo}" if hi is None else f"from {lo} to {hi}"
    raise OptionError(f"{name} must be a whole number {bounds}, not {shown(value)}.")


def check_path(name: str, value: object, what: str = "file") -> None:
    """Refuse anything but a path (``str`` or :class:`os.PathLike`) of a ``what``."""
    check_type(name, value, (str, os.PathLike), f"the path of a {what} (str or pathlib.Path)")


def check_breaks(breaks: object) -> list[float] | None:
    """``breaks`` as a list of floats; refuse anything but ``None`` or a sequence of numbers.

    Whether the numbers are finite and increase is checked by the classifier.

    Examples
    --------
    >>> check_breaks((1, 2.5))
    [1.0, 2.5]
    >>> check_breaks("1;2")
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: breaks must be a list of numbers (the upper bounds of the classes) or None, not '1;2'.
    """
    if breaks is None:
        return None
    sequence = isinstance(breaks, list | tuple | np.ndarray) and np.ndim(breaks) == 1
    if not sequence or not all(_is_number(b) for b in breaks):  # type: ignore[union-attr]
        msg = (
            "breaks must be a list of numbers (the upper bounds of the classes) or None, "
            f"not {shown(breaks)}."
        )
        raise OptionError(msg)
    return [float(b) for b in breaks]  # type: ignore[union-attr]


def require_columns(table: pd.DataFrame, columns: Sequence[str]) -> None:
    """Raise :class:`~izmir_maps.errors.DataError` naming the ``columns`` that ``table`` lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        msg = f"The table lacks column(s) {missing!r}; it has {list(table.columns)!r}."
        raise DataError(msg)


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)
