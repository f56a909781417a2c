"""Maps of a user's own district table: read it safely, then map it like any indicator.

By default the table describes İzmir's 30 districts; ``province=`` maps the
districts of any of Türkiye's 81 provinces, or all 973 (``"Türkiye"``), from
the national layer (see :mod:`izmir_maps.data.provinces`).
"""

from __future__ import annotations

import numbers
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import geopandas as gpd

from izmir_maps._checks import check_lang, check_path, check_text, check_type, shown
from izmir_maps.data.grid import Layout, check_layout
from izmir_maps.data.join import district_table
from izmir_maps.data.provinces import (
    is_izmir,
    province_districts,
    province_land,
    province_name,
    province_neighbours,
    resolve_province,
)
from izmir_maps.data.registry import user_indicator
from izmir_maps.errors import OptionError
from izmir_maps.option_names import option_name, option_value
from izmir_maps.spec.classify import high_breaks_warning
from izmir_maps.spec.map_spec import DistrictData, MapSpec, _check_spec_args, choropleth_spec
from izmir_maps.spec.years import year_spec, years_spec
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text
from izmir_maps.userdata.options import ReadOptions
from izmir_maps.userdata.table import read_user_table
from izmir_maps.userdata.years import read_user_years

__all__ = ["user_choropleth_spec", "user_table", "user_years_spec"]


def user_table(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    layer: str = "web",
    title: str | None = None,
    lang: Lang = "tr",
    **fields: Any,
) -> tuple[gpd.GeoDataFrame, object, list[str]]:
    """The district table holding one column of the user's file.

    Parameters
    ----------
    path
        The user's ``.csv`` or ``.xlsx`` file.
    options
        How to read it (:class:`~izmir_maps.userdata.options.ReadOptions`);
        ``options.column`` is the column mapped and ``options.province`` the
        province the table describes (see :mod:`izmir_maps.data.provinces` for
        how a national table names its districts).
    layer
        Boundary detail of İzmir's districts: ``"web"`` or ``"detailed"``.
    title
        The indicator's label; the column name by default.
    lang
        The language of the source line (``"tr"`` or ``"en"``), which names
        the file, the sheet of a workbook and the column.
    **fields
        Fields of ``ReadOptions`` (``column="Nüfus"``, ``province="Manisa"``),
        overriding ``options``.

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
    _check_user_args(path, options, title=title, lang=lang)
    options = (options or ReadOptions()).with_fields(**fields)
    data = read_user_table(path, options)
    column = str(options.column)  # read_user_table refuses a missing column
    values = data.values.set_index("pcode")["value"]
    integer = bool(values.dropna().map(float.is_integer).all())
    ind = user_indicator(
        column, title=title, integer=integer, source=_source(Path(path), data.sheet, column, lang)
    )
    table = _base_table(options.province, layer)
    table[ind.id] = table["pcode"].map(values).astype(float)
    table[f"{ind.id}_rank"] = ind.rank_values(table[ind.id])
    return table, ind, list(data.warnings)


def _base_table(province: str | None, layer: str) -> gpd.GeoDataFrame:
    """The districts a user's table is mapped on: İzmir's (with population) or the province's."""
    if is_izmir(province):
        base = district_table(layer)  # type: ignore[arg-type]
        columns = ["pcode", "district", "population", "area_km2", "geometry"]
    else:  # the national layer serves print and screen alike
        base = province_districts(province)  # type: ignore[arg-type]
        columns = ["pcode", "district", "province", "area_km2", "geometry"]
    return base[columns].copy()


def _check_user_args(path: object, options: object, *, title: object, lang: object) -> None:
    """Refuse an argument of the wrong type before any reading (the rest is checked downstream)."""
    check_path("path", path)
    check_type("options", options, (ReadOptions, type(None)), "a ReadOptions or None")
    check_text("title", title)
    check_lang(lang)


def _check_grid(layout: object, province: str | None) -> None:
    """Refuse the district grid for a province other than İzmir: the grid is İzmir's alone."""
    check_layout(layout)
    if layout == "grid" and not is_izmir(province):
        name = province_name(resolve_province(province))  # type: ignore[arg-type]
        msg = (
            f"{option_value('layout', 'grid')} draws İzmir's 30 districts as hexagons placed by "
            f"hand near their real positions; there is no such grid of {name}'s districts. Map "
            f"them on their real boundaries: leave out {option_value('layout', 'grid')}."
        )
        raise OptionError(msg)


def _source(path: Path, sheet: str | None, column: str, lang: Lang) -> str:
    """The map's source line: the file, the sheet read (workbooks) and the column.

    Examples
    --------
    >>> _source(Path("/x/t.xlsx"), "Veri", "Nüfus", "tr"), _source(Path("t.csv"), None, "v", "en")
    ('t.xlsx, Veri sayfası (Nüfus)', 't.csv (v)')
    """
    if sheet is None:
        return f"{path.name} ({column})"
    return text("user_source_sheet", lang, file=path.name, sheet=sheet, column=column)


def user_choropleth_spec(  # noqa: PLR0913 — keyword-only options, as choropleth_spec
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    lang: Lang = "tr",
    layer: str = "web",
    title: str | None = None,
    layout: Layout = "map",
    **fields: Any,
) -> tuple[MapSpec, list[str]]:
    r"""Spec of a choropleth of one column of the user's file, and the reader's warnings.

    ``options`` and ``fields`` say how to read the file, as for
    :func:`user_table`; ``scheme``, ``k`` and ``breaks`` classify the values,
    as for :func:`izmir_maps.spec.map_spec.choropleth_spec`. With a province
    other than İzmir the map shows that province's districts, its
    neighbouring provinces as context and the rest of Türkiye nearby as land;
    the title names the province. ``layout="grid"`` draws İzmir's districts
    as the hexagons of :mod:`izmir_maps.data.grid`; another province has no
    grid, and asking for it is an :class:`~izmir_maps.errors.OptionError`.

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
    _check_user_args(path, options, title=title, lang=lang)
    # classification and layer arguments first: a wrong k must not wait for the file to be read
    _check_spec_args(scheme=scheme, k=k, breaks=breaks, lang=lang, layer=layer)
    options = (options or ReadOptions()).with_fields(**fields)
    _check_grid(layout, options.province)
    table, ind, warnings = user_table(path, options, layer=layer, title=title, lang=lang)
    province = options.province
    izmir = is_izmir(province)
    neighbours = None if izmir else province_neighbours(province)  # type: ignore[arg-type]
    spec = choropleth_spec(
        ind.id,  # type: ignore[attr-defined]
        scheme=scheme,
        k=k,
        breaks=breaks,
        lang=lang,
        layer=layer,  # type: ignore[arg-type]
        data=DistrictData(table, ind, neighbours),  # type: ignore[arg-type]
        layout=layout,
    )
    if not izmir:
        pcode = resolve_province(province)
        spec.title = f"{spec.title} – {province_name(pcode)}"
        spec.land = province_land(pcode)
    return spec, [*warnings, *_breaks_warnings(table[ind.id], scheme, breaks)]


def user_years_spec(  # noqa: PLR0913 — keyword-only options, as user_choropleth_spec
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    year_column: str | None = None,
    years: bool = False,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    lang: Lang = "tr",
    layer: str = "web",
    title: str | None = None,
    year: int | None = None,
    layout: Layout = "map",
    **fields: Any,
) -> tuple[MapSpec, list[str]]:
    r"""Spec of a year map of the user's table of several years, and the reader's warnings.

    The table is read by :func:`izmir_maps.userdata.years.read_user_years`:
    one row per district and year with ``year_column``, or one column per year
    with ``years=True``. The map is that of
    :func:`izmir_maps.spec.years.years_spec`: the classes come from every
    year's values together, so a colour means the same range in every year;
    ``spec.years`` holds every year and ``year`` (the latest by default) is
    the year shown first. The other arguments are those of
    :func:`user_choropleth_spec`.

    Raises
    ------
    DataError
        As :func:`~izmir_maps.userdata.years.read_user_years`.
    OptionError
        For a bad option, or a ``year`` that is not one of the table's years.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> path = Path(tmp.name) / "nufus.csv"
    >>> _ = path.write_text("İlçe,2009,2021\nAliağa,63503,103364\n", encoding="utf-8")
    >>> spec, warnings = user_years_spec(path, years=True, title="Nüfus", year=2009)
    >>> spec.title, spec.years.years, spec.years.shown
    ('Nüfus, 2009', (2009, 2021), 2009)
    >>> tmp.cleanup()
    """
    _check_user_args(path, options, title=title, lang=lang)
    _check_spec_args(scheme=scheme, k=k, breaks=breaks, lang=lang, layer=layer)
    options = (options or ReadOptions()).with_fields(**fields)
    _check_grid(layout, options.province)
    if year is not None and (isinstance(year, bool) or not isinstance(year, numbers.Integral)):
        msg = (
            f"{option_name('year')} must be a year (a whole number such as 2021) or None, "
            f"not {shown(year)}."
        )
        raise OptionError(msg)
    data = read_user_years(path, options, year_column=year_column, years=years)
    year = None if year is None else int(year)
    if year is not None and year not in data.years:
        listed = ", ".join(map(str, data.years))
        msg = f"{option_name('year')} {year!r} is not one of the years of {Path(path).name}: {listed}."
        raise OptionError(msg)
    integer = bool(data.values["value"].map(float.is_integer).all())
    columns = list(data.columns.values())
    read = columns[0] if len(set(columns)) == 1 else f"{columns[0]} … {columns[-1]}"
    ind = user_indicator(
        data.label,
        title=title,
        integer=integer,
        source=_source(Path(path), data.sheet, read, lang),
    )
    province = options.province
    spec = years_spec(
        _base_table(province, layer),
        data.values[["pcode", "year", "value"]],
        ind,
        year=year,
        scheme=scheme,
        k=k,
        breaks=breaks,
        lang=lang,
        layer=layer,  # type: ignore[arg-type]
        layout=layout,
        neighbours=None if is_izmir(province) else province_neighbours(province),  # type: ignore[arg-type]
    )
    if not is_izmir(province):
        pcode = resolve_province(province)
        spec.years = replace(spec.years, title=f"{spec.years.title} – {province_name(pcode)}")  # type: ignore[arg-type]
        spec = year_spec(spec, spec.years.shown)  # the title again, with the province
        spec.land = province_land(pcode)
    return spec, [*data.warnings, *_breaks_warnings(data.values["value"], scheme, breaks)]


def _breaks_warnings(values: Any, scheme: str | None, breaks: list[float] | None) -> list[str]:
    """The warning for user breaks above every value (classes left empty), if any."""
    if breaks is None or scheme not in (None, "user"):
        return []
    warning = high_breaks_warning(values, breaks)
    return [] if warning is None else [warning]
