"""Maps of a user's own district table: read it safely, then map it like any indicator."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from izmir_maps.join import district_table
from izmir_maps.mapspec import MapSpec, choropleth_spec
from izmir_maps.numbers import Lang
from izmir_maps.registry import user_indicator
from izmir_maps.user_data import read_user_table

__all__ = ["user_choropleth_spec", "user_table"]


def user_table(
    path: Path,
    *,
    column: str,
    district_column: str | None = None,
    decimal: str = "auto",
    encoding: str = "auto",
    layer: str = "web",
    title: str | None = None,
    **read_options: object,
) -> tuple[gpd.GeoDataFrame, object, list[str]]:
    """The district table holding one column of the user's file.

    Returns
    -------
    table : geopandas.GeoDataFrame
        30 districts with ``pcode``, ``district``, ``population``,
        ``area_km2``, the user's values as ``user_<column>`` (``NaN`` = no
        data) and their rank ``user_<column>_rank``.
    indicator : izmir_maps.registry.Indicator
        The registered indicator for the column.
    warnings : list of str
        What the reader noticed (missing districts, skipped totals rows …).
    """
    data = read_user_table(
        path,
        column=column,
        district_column=district_column,
        decimal=decimal,
        encoding=encoding,  # type: ignore[arg-type]
        **read_options,
    )  # type: ignore[arg-type]
    values = data.values.set_index("pcode")["value"]
    integer = bool(values.dropna().map(float.is_integer).all())
    ind = user_indicator(
        column, title=title, integer=integer, source=f"{Path(path).name} ({column})"
    )
    base = district_table(layer)  # type: ignore[arg-type]
    table = base[["pcode", "district", "population", "area_km2", "geometry"]].copy()
    table[ind.id] = table["pcode"].map(values).astype(float)
    table[f"{ind.id}_rank"] = table[ind.id].rank(ascending=False, method="min").astype("Int64")
    return table, ind, list(data.warnings)


def user_choropleth_spec(
    path: Path,
    *,
    column: str,
    district_column: str | None = None,
    decimal: str = "auto",
    encoding: str = "auto",
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    lang: Lang = "tr",
    layer: str = "web",
    title: str | None = None,
    **read_options: object,
) -> tuple[MapSpec, list[str]]:
    """Spec of a choropleth of column ``column`` of the user's file, and the reader's warnings.

    ``read_options`` (``sep``, ``sheet``, ``allow_negative`` …) go to
    :func:`izmir_maps.user_data.read_user_table`.
    """
    table, ind, warnings = user_table(
        path,
        column=column,
        district_column=district_column,
        decimal=decimal,
        encoding=encoding,
        layer=layer,
        title=title,
        **read_options,
    )
    spec = choropleth_spec(
        ind.id,
        scheme=scheme,
        k=k,
        breaks=breaks,
        lang=lang,  # type: ignore[arg-type]
        layer=layer,
        table=table,
        ind=ind,
    )  # type: ignore[arg-type]
    return spec, warnings
