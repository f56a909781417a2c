"""izmir-maps: maps of İzmir's districts for regional planning."""

from importlib.metadata import PackageNotFoundError, version

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
]
