"""Load the shipped district boundary layers (see ``geodata/README.md``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import geopandas as gpd
import pyogrio

from izmir_maps._checks import shown
from izmir_maps.data.paths import geodata_dir
from izmir_maps.errors import GeometryError
from izmir_maps.text.names import DistrictMatcher

__all__ = [
    "EQUAL_AREA_CRS",
    "IZMIR_PCODE",
    "check_layer",
    "district_matcher",
    "load_districts",
    "load_national_districts",
    "load_neighbours",
]

Layer = Literal["detailed", "web"]

IZMIR_PCODE = "TUR035"
#: UTM zone 35N: İzmir lies at 26.2–28.5° E, close to the zone's 27° E meridian,
#: so areas measured in it are within a few parts per thousand of true area.
EQUAL_AREA_CRS = "EPSG:32635"
_FILES = {
    "detailed": "izmir_districts_detailed.geojson",
    "web": "izmir_districts_web.geojson",
}


def load_districts(layer: Layer = "detailed") -> gpd.GeoDataFrame:
    """The 30 districts of İzmir, one row each, sorted by P-code, in WGS84.

    Parameters
    ----------
    layer
        ``"detailed"`` (for print) or ``"web"`` (coverage-simplified, for
        interactive maps).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``pcode``, ``district``, ``district_ascii``, ``province``,
        ``province_pcode`` and ``geometry``.

    Examples
    --------
    >>> districts = load_districts()
    >>> len(districts), districts.loc[0, "district"]
    (30, 'Aliağa')
    """
    check_layer(layer)
    return _read(_FILES[layer]).copy()


def check_layer(layer: object) -> None:
    """Refuse a boundary layer other than ``"detailed"`` or ``"web"`` (a :class:`GeometryError`).

    Examples
    --------
    >>> check_layer("print")
    Traceback (most recent call last):
    izmir_maps.errors.GeometryError: layer must be one of ['detailed', 'web'], not 'print'.
    """
    if not isinstance(layer, str) or layer not in _FILES:
        msg = f"layer must be one of {sorted(_FILES)}, not {shown(layer)}."
        raise GeometryError(msg)


def load_neighbours() -> gpd.GeoDataFrame:
    """Provinces bordering İzmir (Aydın, Balıkesir, Manisa), drawn as context."""
    return _read("izmir_neighbours_web.geojson").copy()


def load_national_districts() -> gpd.GeoDataFrame:
    """All 973 districts of Türkiye's 81 provinces, coverage-simplified."""
    return _read("turkiye_districts_web.geojson").copy()


@lru_cache(maxsize=1)
def district_matcher() -> DistrictMatcher:
    """A :class:`~izmir_maps.text.names.DistrictMatcher` for İzmir's 30 districts.

    Examples
    --------
    >>> district_matcher().name("KARSIYAKA")
    'Karşıyaka'
    """
    districts = _read(_FILES["web"])
    return DistrictMatcher(dict(zip(districts["pcode"], districts["district"], strict=True)))


@lru_cache(maxsize=8)
def _read(name: str) -> gpd.GeoDataFrame:
    path = geodata_dir() / name
    if not path.is_file():
        msg = (
            f"Boundary file {path} is missing. Reinstall izmir-maps or rebuild "
            "geodata/ with `python scripts/build_geodata.py` (see geodata/README.md)."
        )
        raise GeometryError(msg)
    gdf = pyogrio.read_dataframe(path)
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        gdf = gdf.set_crs(4326, allow_override=True)
    return gdf.sort_values(gdf.columns[0], kind="stable").reset_index(drop=True)
