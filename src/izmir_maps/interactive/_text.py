"""Small text helpers of the HTML maps; their words come from :mod:`izmir_maps.text.words`."""

from __future__ import annotations

import math

import pandas as pd

from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["clean", "is_missing", "short_name", "word"]


def word(key: str, lang: Lang = "tr", **values: object) -> str:
    """An interface word of :mod:`izmir_maps.text.words` in ``lang``.

    Examples
    --------
    >>> word("labels", "en"), word("no_data")
    ('District names', 'Veri yok')
    >>> word("n_districts", "tr", n=14)
    '14 ilçe'
    """
    return text(key, lang, **values)


def is_missing(value: object) -> bool:
    """Whether a cell is empty: ``None``, ``pd.NA``, ``NaN`` or blank text.

    Examples
    --------
    >>> is_missing(float("nan")), is_missing(" "), is_missing(0)
    (True, True, False)
    """
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def clean(value: object) -> str:
    """A cell as stripped text, ``""`` when empty."""
    return "" if is_missing(value) else str(value).strip()


def short_name(name: str) -> str:
    """A name without its parenthesised aside.

    Examples
    --------
    >>> short_name("Karaburun RES (Karaburun wind farm)")
    'Karaburun RES'
    """
    return name.split(" (")[0].strip() or name
