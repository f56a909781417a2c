"""Checks of the tables the statistics read (internal to :mod:`izmir_maps.stats`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from izmir_maps.errors import DataError


def require_columns(table: pd.DataFrame, columns: Sequence[str]) -> None:
    """Raise :class:`~izmir_maps.errors.DataError` naming the ``columns`` that ``table`` lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        msg = f"The table lacks column(s) {missing!r}; it has {list(table.columns)!r}."
        raise DataError(msg)
