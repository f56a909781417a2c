"""izmir-maps: maps of İzmir's districts for regional planning."""

from importlib.metadata import PackageNotFoundError, version

from izmir_maps.data.boundaries import load_districts
from izmir_maps.data.indicators import load_indicators
from izmir_maps.data.join import district_table
from izmir_maps.errors import (
    DataError,
    GeometryError,
    IzmirMapsError,
    OptionError,
    UnknownDistrictError,
    UnknownIndicatorError,
)

try:
    __version__ = version("izmir-maps")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "DataError",
    "GeometryError",
    "IzmirMapsError",
    "OptionError",
    "UnknownDistrictError",
    "UnknownIndicatorError",
    "__version__",
    "district_table",
    "load_districts",
    "load_indicators",
]
