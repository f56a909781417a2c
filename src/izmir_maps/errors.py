"""Every exception izmir-maps raises on purpose.

Callers catch :class:`IzmirMapsError` for the whole family; the subclasses also
derive from the built-in type that fits, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "GeometryError",
    "IzmirMapsError",
    "OptionError",
    "UnknownDistrictError",
    "UnknownIndicatorError",
]


class IzmirMapsError(Exception):
    """Base class of every error izmir-maps raises on purpose."""


class DataError(IzmirMapsError, ValueError):
    """A data file or table is missing, malformed or inconsistent."""


class UnknownDistrictError(DataError, KeyError):
    """A district name or code matches none of the known districts."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class GeometryError(IzmirMapsError, ValueError):
    """Boundary geometries are missing or invalid."""


class OptionError(IzmirMapsError, ValueError):
    """A command-line option or function argument has an unusable value."""


class UnknownIndicatorError(OptionError, KeyError):
    """An indicator id matches none of the registered indicators."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
