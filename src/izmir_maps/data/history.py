"""The 2008 boundary change: Bayraklı and Karabağlar, and the "2008 sınırları" view.

Law 5747 (2008) created Bayraklı (from Karşıyaka) and Karabağlar (from Konak);
the new districts began to work after the local elections of March 2009
(``data/boundary_history.csv`` cites the sources). Data of 2008 almost
certainly sits mostly under the parent districts, so the report's 474
employees of Bayraklı are not a real low. Two things follow from that table,
decided here once:

- which districts a map or page of such data must flag (:func:`new_districts`);
- the **2008 view**: each new district dissolved into its parent
  (:func:`merge_2008`), where per-capita ratios and spatial statistics of
  2008 data are not distorted by the split.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import geopandas as gpd
import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.paths import data_dir
from izmir_maps.data.validate import Column, read_checked_csv
from izmir_maps.errors import DataError, OptionError

__all__ = [
    "BOUNDARY_VIEWS",
    "BoundaryView",
    "check_view",
    "children_by_parent",
    "load_boundary_history",
    "merge_2008",
    "new_districts",
]

BoundaryView = Literal["current", "2008"]
#: ``"current"``: today's 30 districts; ``"2008"``: the new districts inside their parents.
BOUNDARY_VIEWS: tuple[str, ...] = ("current", "2008")

# Columns that are not counts and must not be summed when districts merge.
_NOT_ADDED = ("population_year",)


def load_boundary_history(folder: Path | None = None) -> pd.DataFrame:
    """Districts created after the report's data year, with their parents and sources.

    Returns
    -------
    pandas.DataFrame
        One row per new district: ``district``, ``pcode``, ``established``,
        ``law``, ``gazette_date``, ``gazette_no``, ``effective`` (when the
        district began to work), ``merged_into_2008`` and ``parent_pcode``
        (the parent the 2008 view puts it back into), ``parents`` (every
        district the sources name), ``source``, ``notes``.

    Examples
    --------
    >>> history = load_boundary_history()
    >>> list(history["district"]), list(history["merged_into_2008"])
    (['Bayraklı', 'Karabağlar'], ['Karşıyaka', 'Konak'])
    """
    if folder is None:
        return _shipped().copy()
    return _read(folder)


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    return _read(data_dir())


def _read(folder: Path) -> pd.DataFrame:
    path = folder / "boundary_history.csv"
    columns = [
        Column("district", "district"),
        Column("established"),
        Column("law"),
        Column("gazette_date"),
        Column("gazette_no"),
        Column("effective"),
        Column("merged_into_2008"),
        Column("parents"),
        Column("source"),
        Column("notes", required=False),
    ]
    matcher = district_matcher()
    table = read_checked_csv(path, columns, matcher=matcher, unique=("pcode",))
    parents = []
    for row_no, parent in enumerate(table["merged_into_2008"], start=2):
        try:
            parents.append(matcher.pcode(parent))
        except LookupError:
            msg = (
                f"{path}, row {row_no}, column 'merged_into_2008': {parent!r} is not one of "
                "İzmir's districts. Write the parent district's name as the boundary files do."
            )
            raise DataError(msg) from None
    table["parent_pcode"] = parents
    if table["parent_pcode"].isin(table["pcode"]).any():
        msg = f"{path}: a district is merged into another new district. Name an older parent."
        raise DataError(msg)
    return table


def new_districts() -> dict[str, str]:
    """P-code of each new district → P-code of the parent its 2008 data sits under.

    Examples
    --------
    >>> sorted(district_matcher().name(p) for p in new_districts())
    ['Bayraklı', 'Karabağlar']
    """
    history = load_boundary_history()
    return dict(zip(history["pcode"], history["parent_pcode"], strict=True))


def check_view(boundaries: object) -> None:
    """Refuse a boundary view other than ``"current"`` or ``"2008"`` (an :class:`OptionError`)."""
    if not isinstance(boundaries, str) or boundaries not in BOUNDARY_VIEWS:
        msg = f"boundaries must be 'current' or '2008', not {boundaries!r}."
        raise OptionError(msg)


def merge_2008(
    indicators: pd.DataFrame, districts: gpd.GeoDataFrame
) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    """The indicator rows and the boundaries with each new district inside its parent.

    Counts add up (employees, firms, exports, applications, population …);
    the İZKA success rate is recomputed from the summed counts; a district
    proposed for wind stays proposed. The merged unit keeps the parent's
    P-code and name, and ``merged`` names what it now contains.

    Parameters
    ----------
    indicators
        One row per district with ``pcode`` (see
        :func:`izmir_maps.data.indicators.load_indicators`).
    districts
        Boundaries with ``pcode``, ``district`` and geometry.

    Examples
    --------
    >>> from izmir_maps.data.boundaries import load_districts
    >>> from izmir_maps.data.indicators import load_indicators
    >>> rows, shapes = merge_2008(load_indicators(), load_districts("web"))
    >>> len(rows), len(shapes)
    (28, 28)
    >>> int(rows.set_index("district").loc["Konak", "employees"])
    199830
    """
    into = new_districts()
    target = indicators["pcode"].map(lambda p: into.get(p, p))
    numeric = [
        c
        for c in indicators.columns
        if c not in ("pcode", "district", *_NOT_ADDED)
        and pd.api.types.is_numeric_dtype(indicators[c])
        and not pd.api.types.is_bool_dtype(indicators[c])
    ]
    grouped = indicators.groupby(target, sort=True)
    rows = grouped[numeric].sum(min_count=1)
    for col in indicators.columns:
        if col in ("pcode", *numeric):
            continue
        if pd.api.types.is_bool_dtype(indicators[col]):
            rows[col] = grouped[col].any()
        else:
            rows[col] = grouped[col].first()
    rows = rows.rename_axis("pcode").reset_index()
    rows["district"] = rows["pcode"].map(indicators.set_index("pcode")["district"])
    if {"izka_successful", "izka_applications"} <= set(rows.columns):
        apps = rows["izka_applications"].astype(float)
        rate = rows["izka_successful"].astype(float) / apps * 100
        rows["izka_success_rate"] = rate.where(apps > 0)
    for col in numeric:
        if pd.api.types.is_integer_dtype(indicators[col]):
            rows[col] = rows[col].astype("Int64")
    held = {parent: ", ".join(children) for parent, children in children_by_parent().items()}
    rows["merged"] = rows["pcode"].map(held)
    rows = rows[[*indicators.columns, "merged"]]

    shape_target = districts["pcode"].map(lambda p: into.get(p, p))
    merged_shapes = districts.assign(pcode=shape_target).dissolve(by="pcode", sort=True)
    merged_shapes = merged_shapes.reset_index()
    names = districts.set_index("pcode")["district"]
    merged_shapes["district"] = merged_shapes["pcode"].map(names)
    return rows, merged_shapes[list(districts.columns)]


def children_by_parent() -> dict[str, list[str]]:
    """P-code of each parent → the names of the new districts its 2008 data holds.

    Examples
    --------
    >>> {district_matcher().name(p): c for p, c in children_by_parent().items()}
    {'Karşıyaka': ['Bayraklı'], 'Konak': ['Karabağlar']}
    """
    names = district_matcher().names_by_pcode
    out: dict[str, list[str]] = {}
    for child, parent in sorted(new_districts().items()):
        out.setdefault(parent, []).append(names[child])
    return out
