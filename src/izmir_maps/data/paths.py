"""Where the shipped data and boundary files live.

From a source checkout (``pip install -e .``) they are the repository's
``data/`` and ``geodata/`` folders; an installed wheel carries copies inside
the package as ``_data/`` and ``_geodata/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "geodata_dir", "own_inputs"]

_PACKAGE = Path(__file__).resolve().parent.parent  # the izmir_maps package
_REPO = _PACKAGE.parent.parent


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]


def data_dir() -> Path:
    """Folder of the shipped indicator tables (``data/``)."""
    return _first_existing(_PACKAGE / "_data", _REPO / "data")


def geodata_dir() -> Path:
    """Folder of the shipped boundary layers (``geodata/``)."""
    return _first_existing(_PACKAGE / "_geodata", _REPO / "geodata")


def own_inputs() -> tuple[Path, ...]:
    """The folders izmir-maps reads: its data, its boundaries and its code (no command writes there)."""
    return (data_dir(), geodata_dir(), _PACKAGE)
