"""Maps of a user's own district table: read it safely, then map it like any indicator.

By default the table describes İzmir's 30 districts; ``province=`` maps the
districts of any of Türkiye's 81 provinces, or all 973 (``"Türkiye"``), from
the national layer (see :mod:`izmir_maps.data.provinces`).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from izmir_maps.data.join import district_table
from izmir_maps.data.provinces import (
    is_izmir,
    province_districts,
    province_land,
    province_matcher,
    province_name,
    province_neighbours,
    resolve_province,
)
from izmir_maps.data.registry import user_indicator
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec
from izmir_maps.text.numbers import Lang
from izmir_maps.userdata.table import read_user_table

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
    province: str | None = None,
    **read_options: object,
) -> tuple[gpd.GeoDataFrame, object, list[str]]:
    """The district table holding one column of the user's file.

    Parameters
    ----------
    province
        The province the table describes (a name in any spelling, a P-code,
        a plate number, or ``"Türkiye"`` for all 973 districts); İzmir when
        ``None``. See :mod:`izmir_maps.data.provinces` for how a national table
        names its districts.

    Returns
    -------
    table : geopandas.GeoDataFrame
        One row per district of the province with ``pcode``, ``district``,
        ``area_km2`` and ``population`` (İzmir, the only province with
        population data) or ``province`` (other provinces), the user's values as
        ``user_<column>`` (``NaN`` = no data) and their rank
        ``user_<column>_rank``.
    indicator : izmir_maps.data.registry.Indicator
        The registered indicator for the column.
    warnings : list of str
        What the reader noticed (missing districts, skipped totals rows …).
    """
    izmir = is_izmir(province)
    matcher = None if izmir else province_matcher(province)  # type: ignore[arg-type]
    data = read_user_table(
        path,
        column=column,
        district_column=district_column,
        decimal=decimal,
        encoding=encoding,  # type: ignore[arg-type]
        matcher=matcher,
        **read_options,
    )  # type: ignore[arg-type]
    values = data.values.set_index("pcode")["value"]
    integer = bool(values.dropna().map(float.is_integer).all())
    ind = user_indicator(
        column, title=title, integer=integer, source=f"{Path(path).name} ({column})"
    )
    if izmir:
        base = district_table(layer)  # type: ignore[arg-type]
        columns = ["pcode", "district", "population", "area_km2", "geometry"]
    else:  # the national layer serves print and screen alike
        base = province_districts(province)  # type: ignore[arg-type]
        columns = ["pcode", "district", "province", "area_km2", "geometry"]
    table = base[columns].copy()
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
    province: str | None = None,
    **read_options: object,
) -> tuple[MapSpec, list[str]]:
    r"""Spec of a choropleth of column ``column`` of the user's file, and the reader's warnings.

    ``read_options`` (``sep``, ``sheet``, ``allow_negative`` …) go to
    :func:`izmir_maps.userdata.table.read_user_table`. With ``province`` other
    than İzmir the map shows that province's districts, its neighbouring
    provinces as context and the rest of Türkiye nearby as land; the title
    names the province.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> path = Path(tmp.name) / "manisa.csv"
    >>> _ = path.write_text("ilçe,değer\nSOMA,12\nAkhisar,30\nTurgutlu,7\n", encoding="utf-8")
    >>> spec, warnings = user_choropleth_spec(path, column="değer", province="Manisa")
    >>> spec.title, len(spec.districts), len(spec.neighbours)
    ('değer – Manisa', 17, 6)
    >>> warnings[0][:60]
    "14 districts have no value and will be shown as 'no data': A"
    >>> tmp.cleanup()
    """
    table, ind, warnings = user_table(
        path,
        column=column,
        district_column=district_column,
        decimal=decimal,
        encoding=encoding,
        layer=layer,
        title=title,
        province=province,
        **read_options,
    )
    izmir = is_izmir(province)
    spec = choropleth_spec(
        ind.id,
        scheme=scheme,
        k=k,
        breaks=breaks,
        lang=lang,  # type: ignore[arg-type]
        layer=layer,  # type: ignore[arg-type]
        table=table,
        ind=ind,  # type: ignore[arg-type]
        neighbours=None if izmir else province_neighbours(province),  # type: ignore[arg-type]
    )
    if not izmir:
        pcode = resolve_province(province)
        spec.title = f"{spec.title} – {province_name(pcode)}"
        spec.land = province_land(pcode)
    return spec, warnings
