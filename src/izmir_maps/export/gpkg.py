"""Write the export layers as one GeoPackage with a QGIS style per indicator.

The ``layer_styles`` table follows QGIS's convention (the table QGIS itself
creates when a style is saved "in the database"): one row per indicator of
the ``districts`` layer, QML and SLD from
:mod:`izmir_maps.export.qgis_style`, the employees map the default, so QGIS
opens the layer looking like the atlas's first map and offers every other
map under *Properties → Symbology → Style → Load style → From database*. The
``osb`` and ``wind_farms`` layers get the atlas's markers as their default style.

GDAL stamps ``gpkg_contents.last_change`` with the current time; it is fixed
to :data:`SOURCE_DATE` with GDAL's ``OGR_CURRENT_DATE`` option, and the rows'
``update_time`` too, so the same data give the same bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from izmir_maps.data.registry import indicator
from izmir_maps.export.point_style import farm_categories, osb_categories, point_qml, point_sld
from izmir_maps.export.qgis_style import qml, sld
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, osb_spec, wind_spec
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["DEFAULT_STYLE", "SOURCE_DATE", "styled_indicators", "write_gpkg"]

#: The date written as the layers' last change and the styles' update time: the source report's.
SOURCE_DATE = "2010-12-01T00:00:00.000Z"
#: The style QGIS applies when the districts layer is opened.
DEFAULT_STYLE = "employees"
_STYLES_LAYER = "layer_styles"


def styled_indicators(districts: gpd.GeoDataFrame) -> list[str]:
    """The indicator columns of the districts layer that get a style (every mappable one)."""
    from izmir_maps.data.registry import indicator_ids

    return [i for i in indicator_ids() if i in districts.columns]


def write_gpkg(
    path: Path,
    layers: dict[str, gpd.GeoDataFrame],
    *,
    lang: Lang = "tr",
    spec_of: Callable[[str], MapSpec] | None = None,
) -> Path:
    """Write ``layers`` and their ``layer_styles`` into the GeoPackage ``path`` (a new file).

    Parameters
    ----------
    path
        The file to create (the caller renames it into place).
    layers
        Layer name → frame; ``"districts"`` gets the styles.
    lang
        Language of the style labels (class labels, descriptions).
    spec_of
        Indicator id → the spec whose classes its style copies; by default
        the atlas map on today's 30 districts (the layer's own rows).
    """
    # classes depend on the values only: the web layer's cached table serves them fastest
    spec_of = spec_of or (
        lambda i: choropleth_spec(i, lang=lang, layer="web", boundaries="current")
    )
    with _fixed_date():
        for i, (name, frame) in enumerate(layers.items()):
            pyogrio.write_dataframe(
                _writable(frame),
                path,
                layer=name,
                driver="GPKG",
                append=i > 0,
                layer_options={"SPATIAL_INDEX": "NO"},
            )
        districts = layers["districts"]
        styles = _styles(districts, spec_of, lang)
        pyogrio.write_dataframe(
            styles, path, layer=_STYLES_LAYER, driver="GPKG", append=True,
            layer_options={"FID": "id"},
        )  # fmt: skip
    _compact(path)
    return path


def _writable(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` with nullable integers as floats where they hold gaps (GDAL has no Int NA)."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.Int64Dtype) and out[column].isna().any():
            out[column] = out[column].astype("float64")
    return out


def _styles(
    districts: gpd.GeoDataFrame, spec_of: Callable[[str], MapSpec], lang: Lang
) -> pd.DataFrame:
    """A row per indicator of ``districts`` (employees the default), then the marker layers'."""
    rows = []
    for ind_id in styled_indicators(districts):
        spec = spec_of(ind_id)
        rows.append(
            _style_row(
                "districts",
                ind_id,
                qml(spec, ind_id),
                sld(spec, ind_id, layer="districts", name=ind_id),
                default=ind_id == DEFAULT_STYLE,
                description=indicator(ind_id).title(lang),  # QGIS lists styles by it
            )
        )
    osb, wind = osb_spec(lang=lang), wind_spec(lang=lang)
    for layer, column, categories, title in (
        ("osb", "kind", osb_categories(osb), osb.title),
        ("wind_farms", "location", farm_categories(wind), text("wind_farms", lang)),
    ):
        rows.append(
            _style_row(
                layer,
                layer,
                point_qml(categories, column),
                point_sld(categories, column, layer=layer),
                default=True,
                description=title,
            )
        )
    return pd.DataFrame(rows)


def _style_row(
    table: str, name: str, qml_text: str, sld_text: str, *, default: bool, description: str
) -> dict[str, object]:
    """One row of ``layer_styles``, as QGIS writes it."""
    return {
        "f_table_catalog": "",
        "f_table_schema": "",
        "f_table_name": table,
        "f_geometry_column": "geom",  # the geometry column GDAL names in a GeoPackage
        "styleName": name,
        "styleQML": qml_text,
        "styleSLD": sld_text,
        "useAsDefault": default,
        "description": description,
        "owner": "izmir-maps",
        "ui": None,
        "update_time": pd.Timestamp(SOURCE_DATE),  # a GeoPackage DATETIME, as QGIS writes
    }


@contextmanager
def _fixed_date() -> Iterator[None]:
    """GDAL's clock for ``gpkg_contents.last_change``, fixed to :data:`SOURCE_DATE`."""
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": SOURCE_DATE})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


def _compact(path: Path) -> None:
    """Rewrite the file without the free pages the layers' writing left."""
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")
